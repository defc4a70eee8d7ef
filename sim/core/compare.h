/* compare.h - variants against the baseline on paired replications
 * (MODEL.md §7). Private.
 * SPDX-License-Identifier: MIT */
#ifndef FW_COMPARE_H
#define FW_COMPARE_H

#include "run.h"

/* Statistics of paired differences d[0..n-1] (variant minus baseline). */
typedef struct fw_paired {
	double mean, lo95, hi95;	/* the mean and its 95% t interval */
	double p5, p50, p95;
	double p_positive;		/* share of differences above 0 */
} fw_paired;

/* Summarises d; sorts d in place. The interval is NaN when n < 2. */
void fwi_paired_stats(double *d, size_t n, fw_paired *out);

/* The first month (1-based) from which the cumulative gain cum[0..T-1]
 * stays at or above 0 to the horizon; 0 when it ends below 0. */
int fwi_payback_month(const double *cum, int T);

/* Gain in the last full year over the gain in the first: monthly gains
 * gain[0..T-1]; NaN without two full years or with no first-year gain. */
double fwi_compounding(const double *gain, int T);

typedef struct fw_comparison {
	fw_paired npv;
	double revenue_per_year, cash_per_year;
	int payback;			/* month, 0 for none */
	double compounding;
	double gap_value, unfilled, cvar, reacq_cost, advocates, switched;
} fw_comparison;

/* Compares variant v (>= 1) of a finished run with the baseline. */
int fwi_compare_variant(const fw_run *run, size_t v, fw_comparison *out);

/* Mean, and 95% interval of the mean, of variant v's cumulative cash gain
 * over the baseline at month t (1-based). */
void fwi_cum_gain(const fw_run *run, size_t v, int t, double *mean,
    double *lo, double *hi);

#endif
