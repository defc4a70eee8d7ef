/* axis.c - ranges and ticks people read at a glance.
 * SPDX-License-Identifier: MIT */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "axis.h"

/* 1, 2 or 5 times a power of ten, the closest at or above x. */
static double
nice_step(double x)
{
	double p = pow(10, floor(log10(x))), m = x / p;

	if (m <= 1)
		return p;
	if (m <= 2)
		return 2 * p;
	if (m <= 5)
		return 5 * p;
	return 10 * p;
}

axis
axis_nice(double lo, double hi, int with_zero, int ticks)
{
	axis a;

	if (isnan(lo) || isnan(hi) || lo > hi)
		lo = hi = 0;
	if (with_zero) {
		lo = fmin(lo, 0);
		hi = fmax(hi, 0);
	}
	if (hi - lo <= 1e-9 * fmax(fabs(lo), fabs(hi))) {
		/* One value: a range around it, ticks still sensible; a
		 * quantity that cannot be negative stays above zero. */
		double pad = lo != 0 ? fabs(lo) * 0.1 : 1;
		lo = with_zero == AXIS_NONNEGATIVE && lo == 0 ? 0 : lo - pad;
		hi += pad;
	}
	a.step = nice_step((hi - lo) / (ticks > 1 ? ticks : 2));
	a.lo = floor(lo / a.step + 1e-9) * a.step;
	a.hi = ceil(hi / a.step - 1e-9) * a.step;
	if (a.hi <= a.lo)
		a.hi = a.lo + a.step;
	a.decimals = a.step >= 1 ? 0 : (int)ceil(-log10(a.step) - 1e-9);
	return a;
}

void
axis_extend(const double *x, size_t n, double *lo, double *hi)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (!isfinite(x[i]))
			continue;
		if (isnan(*lo) || x[i] < *lo)
			*lo = x[i];
		if (isnan(*hi) || x[i] > *hi)
			*hi = x[i];
	}
}

void
axis_money_tick(double x, int decimals, char *buf, size_t size)
{
	char digits[64], *dot;
	size_t whole;

	/* -0 is 0 */
	snprintf(digits, sizeof(digits), "%.*f", decimals, fabs(x) + 0.0);
	dot = strchr(digits, '.');
	whole = dot != NULL ? (size_t)(dot - digits) : strlen(digits);
	if (strtod(digits, NULL) == 0)
		snprintf(buf, size, "$0");	/* zero needs no unit */
	else if (whole > 3 && whole < 8)
		snprintf(buf, size, "%s$%.*s,%sM", x < 0 && strtod(digits,
		    NULL) != 0 ? "-" : "", (int)(whole - 3), digits,
		    digits + whole - 3);
	else
		snprintf(buf, size, "%s$%sM", x < 0 && strtod(digits, NULL) !=
		    0 ? "-" : "", digits);
}
