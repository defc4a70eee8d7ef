/* axis.h - axes drawn for people: a range that holds the data (and zero
 * where the chart shows a gain or a count), ticks at 1, 2 or 5 times a
 * power of ten, and as many decimals as the step needs.
 * SPDX-License-Identifier: MIT */
#ifndef FW_AXIS_H
#define FW_AXIS_H

#include <stddef.h>

typedef struct axis {
	double lo, hi;		/* the range drawn */
	double step;		/* between ticks */
	int decimals;		/* of a tick label */
} axis;

/* with_zero of axis_nice() for a quantity that cannot be negative (a
 * count, a share, money spent): a range that is all zero is drawn from
 * zero up. */
#define AXIS_NONNEGATIVE 2

/* An axis over [lo, hi] (NaN ends are ignored; an empty or zero-width
 * range still gets a range of its own), widened to hold zero when
 * with_zero is set, ending on ticks, about `ticks` of them. */
axis axis_nice(double lo, double hi, int with_zero, int ticks);

/* The smallest and largest finite of x[0..n-1] into *lo, *hi (left
 * alone when none is finite). */
void axis_extend(const double *x, size_t n, double *lo, double *hi);

/* A tick of a money axis in $M, with decimals and thousands
 * separated: "$1,000M", "-$50M", "$2.5M". */
void axis_money_tick(double x, int decimals, char *buf, size_t size);

#endif
