/* stats.h - summaries across replications (MODEL.md §6). Private.
 * SPDX-License-Identifier: MIT */
#ifndef FW_STATS_H
#define FW_STATS_H

#include <stddef.h>

#include "flywheel.h"

/* Percentile p in [0, 1] of sorted x by linear interpolation between
 * order statistics (R's type 7, numpy's default). */
double fwi_quantile_sorted(const double *x, size_t n, double p);

/* Percentiles p[0] <= p[1] <= ... < 1 of x, as fwi_quantile_sorted gives
 * them on x sorted, to the bit, found by selection rather than by
 * sorting; reorders x. Values that compare equal are the same number
 * but for the sign of zero, and x[i] + f (x[i+1] - x[i]) with f >= 0 is
 * +0 or the same non-zero number whichever signs its zeros have, so the
 * order ties end up in changes no bit; x holds no NaN. */
void fwi_quantiles(double *x, size_t n, const double *p, size_t np,
    double *q);

/* Summarises x[0..n-1]; sorts x in place. sd and se are NaN for n < 2. */
void fwi_summarize(double *x, size_t n, fw_stats *s);

/* Sorts doubles ascending. */
void fwi_sort(double *x, size_t n);

#endif
