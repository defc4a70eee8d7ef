/* fuzz_fittable.c - a calibration's fit.csv, as the board pack's
 * calibration page reads it back from a results directory that may come
 * from someone else, on any bytes: refused with a place, or read into at
 * most its fixed number of inputs with every text cut to fit.
 * SPDX-License-Identifier: MIT */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "fittable.h"
#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fit_table t;
	fw_error err;
	size_t i;

	if (read_fit_table(fuzz_file("fit.csv", data, size), &t, &err) !=
	    FW_OK) {
		/* a refusal names the file */
		if (strstr(err.file, "fit.csv") == NULL &&
		    strstr(err.msg, "fit.csv") == NULL)
			abort();
		return 0;
	}
	if (t.n > CAL_MAX_INPUTS || t.n > t.rows || t.rows == 0)
		abort();
	for (i = 0; i < t.n; i++)
		if (strlen(t.in[i].path) >= sizeof(t.in[i].path) ||
		    strlen(t.in[i].note) >= sizeof(t.in[i].note) ||
		    (t.in[i].identified != 0 && t.in[i].identified != 1))
			abort();
	return 0;
}
