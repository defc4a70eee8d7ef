/* compare.c - paired differences of each variant against the baseline:
 * NPV gain and how sure it is, payback, compounding (MODEL.md §7).
 * SPDX-License-Identifier: MIT */
#include "config.h"

#include <math.h>
#include <stdlib.h>

#include <gsl/gsl_cdf.h>

#include "compare.h"
#include "stats.h"

/* Half-width factor of a 95% interval of a mean of n values. */
static double
t95(size_t n)
{
	return n > 1 ? gsl_cdf_tdist_Pinv(0.975, (double)(n - 1)) : NAN;
}

void
fwi_paired_stats(double *d, size_t n, fw_paired *out)
{
	fw_summary s;
	size_t i, positive = 0;

	for (i = 0; i < n; i++)
		positive += d[i] > 0;
	fwi_summarize(d, n, &s);
	out->mean = s.mean;
	out->lo95 = s.mean - t95(n) * s.se;
	out->hi95 = s.mean + t95(n) * s.se;
	out->p5 = s.p5;
	out->p50 = s.p50;
	out->p95 = s.p95;
	out->p_positive = n > 0 ? (double)positive / (double)n : NAN;
}

int
fwi_payback_month(const double *cum, int T)
{
	int t;

	if (T < 1 || cum[T - 1] < 0)
		return 0;
	for (t = T - 1; t > 0 && cum[t - 1] >= 0; t--)
		;
	return t + 1;
}

double
fwi_compounding(const double *gain, int T)
{
	int years = T / 12, m;
	double first = 0, last = 0;

	if (years < 2)
		return NAN;
	for (m = 0; m < 12; m++) {
		first += gain[m];
		last += gain[12 * (years - 1) + m];
	}
	return first != 0 ? last / first : NAN;
}

void
fwi_cum_gain(const fw_run *run, size_t v, int t, double *mean, double *lo,
    double *hi)
{
	const size_t T = (size_t)run->horizon;
	const size_t stride = run->nvar * T * 2;
	const size_t at = (v * T + (size_t)(t - 1)) * 2;
	double n = (double)run->reps;
	double s1 = fwi_run_block_total(run, run->delta_sums, stride, at);
	double s2 = fwi_run_block_total(run, run->delta_sums, stride, at + 1);
	double var = run->reps > 1 ? (s2 - s1 * s1 / n) / (n - 1) : NAN;
	double half = t95(run->reps) * sqrt((var > 0 ? var : 0) / n);

	*mean = s1 / n;
	*lo = *mean - half;
	*hi = *mean + half;
}

/* Mean over replications of total k of variant v less the baseline's. */
static double
mean_gain(const fw_run *run, size_t v, int k)
{
	double sum = 0;
	uint64_t r;

	for (r = 0; r < run->reps; r++)
		sum += fwi_run_totals(run, r, v)[k] - fwi_run_totals(run, r, 0)[k];
	return sum / (double)run->reps;
}

int
fwi_compare_variant(const fw_run *run, size_t v, fw_comparison *out)
{
	const int T = run->horizon;
	const double years = T / 12.0;
	double *d = malloc(run->reps * sizeof(double) + 1);
	double *cum = malloc((size_t)T * sizeof(double));
	double *gain = malloc((size_t)T * sizeof(double));
	double lo, hi;
	uint64_t r;
	int t;

	if (d == NULL || cum == NULL || gain == NULL) {
		free(d);
		free(cum);
		free(gain);
		return FW_ERUN;
	}
	for (r = 0; r < run->reps; r++)
		d[r] = fwi_run_totals(run, r, v)[FW_T_NPV] -
		    fwi_run_totals(run, r, 0)[FW_T_NPV];
	fwi_paired_stats(d, run->reps, &out->npv);
	for (t = 1; t <= T; t++) {
		fwi_cum_gain(run, v, t, &cum[t - 1], &lo, &hi);
		gain[t - 1] = fwi_run_monthly_mean(run, v, t, FW_M_REVENUE) -
		    fwi_run_monthly_mean(run, 0, t, FW_M_REVENUE);
	}
	out->payback = fwi_payback_month(cum, T);
	out->compounding = fwi_compounding(gain, T);
	out->revenue_per_year = mean_gain(run, v, FW_T_REVENUE) / years;
	out->cash_per_year = mean_gain(run, v, FW_T_CASH) / years;
	out->gap_value = mean_gain(run, v, FW_T_GAP_VALUE);
	out->unfilled = mean_gain(run, v, FW_T_SCRIPTS_UNFILLED);
	out->cvar = mean_gain(run, v, FW_T_CVAR);
	out->reacq_cost = mean_gain(run, v, FW_T_REACQ_COST);
	out->advocates = mean_gain(run, v, FW_T_ADVOCATE);
	out->switched = mean_gain(run, v, FW_T_SWITCHED);
	free(d);
	free(cum);
	free(gain);
	return FW_OK;
}
