/* compare.h - the arithmetic of paired comparisons (MODEL.md §7), apart
 * from the runs it is applied to. Private.
 * SPDX-License-Identifier: MIT */
#ifndef FW_COMPARE_H
#define FW_COMPARE_H

#include <stddef.h>

#include "flywheel.h"

/* Half-width factor of a 95% t interval of a mean of n values; NaN for
 * n < 2. */
double fwi_t95(size_t n);

/* Summarises paired differences d[0..n-1]; sorts d in place. The
 * interval is NaN when n < 2. */
void fwi_paired_stats(double *d, size_t n, fw_paired *out);

/* The first month (1-based) from which the cumulative gain cum[0..T-1]
 * stays at or above 0 to the horizon; 0 when it ends below 0. */
int fwi_payback_month(const double *cum, int T);

/* Gain in the last full year over the gain in the first: monthly gains
 * gain[0..T-1]; NaN without two full years or with no first-year gain. */
double fwi_compounding(const double *gain, int T);

#endif
