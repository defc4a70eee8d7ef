/* fuzz_csvread.c - the reader of our own tables on any bytes: every row,
 * every field as a number and as a count, and the header's columns.
 * SPDX-License-Identifier: MIT */
#include "config.h"

#include <stdlib.h>

#include "csvread.h"
#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	csv_reader r;
	fw_error err;
	double x;
	long n;
	size_t i;
	int got = 1;

	if (csv_open(&r, fuzz_file("table.csv", data, size), &err) != FW_OK)
		abort();
	while (csv_next(&r, &got, &err) == FW_OK && got) {
		if (r.line == 1)
			(void)csv_column(&r, "mean");
		for (i = 0; i < r.nfield; i++) {
			(void)csv_number(&r, i, 1, &x, &err);
			(void)csv_count(&r, i, 0, 1000000, &n, &err);
		}
		if (r.line > 1)
			(void)csv_fail(&r, &err, "checked");
	}
	csv_close(&r);
	return 0;
}
