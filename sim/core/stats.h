/* stats.h - summaries across replications (MODEL.md §6). Private.
 * SPDX-License-Identifier: MIT */
#ifndef FW_STATS_H
#define FW_STATS_H

#include <stddef.h>

#include "flywheel.h"

/* Percentile p in [0, 1] of sorted x by linear interpolation between
 * order statistics (R's type 7, numpy's default). */
double fwi_quantile_sorted(const double *x, size_t n, double p);

/* Summarises x[0..n-1]; sorts x in place. sd and se are NaN for n < 2. */
void fwi_summarize(double *x, size_t n, fw_stats *s);

/* Sorts doubles ascending. */
void fwi_sort(double *x, size_t n);

#endif
