/* numfmt.c - numbers printed so that they read back exactly: the
 * fewest of 15, 16 or 17 significant digits that do.
 * SPDX-License-Identifier: MIT */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "flywheel.h"

void
fw_format_real(double x, char *buf, size_t size)
{
	int prec;

	if (buf == NULL || size == 0)
		return;
	if (isinf(x)) {
		snprintf(buf, size, x > 0 ? "inf" : "-inf");
		return;
	}
	if (isnan(x)) {
		snprintf(buf, size, "nan");
		return;
	}
	/* Whole numbers as whole numbers: 1500000, not 1.5e+06. */
	if (x == floor(x) && fabs(x) < 1e15) {
		snprintf(buf, size, "%.0f", x);
		return;
	}
	for (prec = 15; prec < 17; prec++) {
		snprintf(buf, size, "%.*g", prec, x);
		if (strtod(buf, NULL) == x)
			return;
	}
	snprintf(buf, size, "%.17g", x);
}
