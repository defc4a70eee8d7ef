/* density.h - a smooth picture of a distribution for the charts.
 * SPDX-License-Identifier: MIT */
#ifndef FW_DENSITY_H
#define FW_DENSITY_H

#include <stddef.h>

/* A Gaussian kernel density of x[0..n-1] (NaN skipped, Silverman's
 * bandwidth) at npt points from lo to hi, into y[npt]. Returns 0, or -1
 * when the values have no spread (then y is all 0 and the chart draws a
 * line at the value instead). */
int density(const double *x, size_t n, double lo, double hi, size_t npt,
    double *y);

#endif
