/* results.c - what a run holds, read through functions: names of the
 * metrics and series, statistics, monthly bands, per-replication values,
 * drawn inputs and paired comparisons (MODEL.md §6, §7).
 * SPDX-License-Identifier: MIT */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "compare.h"
#include "run.h"
#include "stats.h"

const fw_scenario *
fw_run_scenario(const fw_run *run)
{
	return run != NULL ? run->sc : NULL;
}

uint64_t
fw_run_done(const fw_run *run)
{
	return run != NULL ? run->done : 0;
}

uint64_t
fw_run_replications(const fw_run *run)
{
	return run != NULL ? run->reps : 0;
}

int
fw_run_months(const fw_run *run)
{
	return run != NULL ? run->horizon : 0;
}

uint64_t
fw_run_seed(const fw_run *run)
{
	return run != NULL ? run->seed : 0;
}

int
fw_run_threads(const fw_run *run)
{
	return run != NULL ? run->threads : 0;
}

double
fw_run_elapsed(const fw_run *run)
{
	return run != NULL ? run->elapsed : NAN;
}

size_t
fw_metric_count(void)
{
	return FW_NTOTAL;
}

const char *
fw_metric_name(size_t k)
{
	return k < FW_NTOTAL ? fwi_total_names[k] : NULL;
}

/* Index of name in names[0..n-1], or -1. */
static int
index_of(const char *const *names, size_t n, const char *name)
{
	size_t i;

	for (i = 0; name != NULL && i < n; i++)
		if (strcmp(names[i], name) == 0)
			return (int)i;
	return -1;
}

/* *k = the index of name among names[0..n-1]; FW_EINVALID for none. */
static int
lookup(const char *const *names, size_t n, const char *name, size_t *k)
{
	int i = index_of(names, n, name);

	if (i < 0 || k == NULL)
		return FW_EINVALID;
	*k = (size_t)i;
	return FW_OK;
}

int
fw_metric_index(const char *name, size_t *k)
{
	return lookup(fwi_total_names, FW_NTOTAL, name, k);
}

size_t
fw_series_count(void)
{
	return FW_NMONTHLY;
}

const char *
fw_series_name(size_t k)
{
	return k < FW_NMONTHLY ? fwi_monthly_names[k] : NULL;
}

int
fw_series_index(const char *name, size_t *k)
{
	return lookup(fwi_monthly_names, FW_NMONTHLY, name, k);
}

/* Where series k sits among those kept per replication, or -1. */
static int
band_of(size_t k)
{
	int b;

	for (b = 0; b < FW_NBANDED; b++)
		if ((size_t)fwi_banded[b] == k)
			return b;
	return -1;
}

int
fw_series_has_percentiles(size_t k)
{
	return band_of(k) >= 0;
}

/* Whether (v, k) names a variant and a metric of the run, and the run
 * has simulated every replication: until then the results hold zeros
 * where replications are still to come. */
static int
valid(const fw_run *run, size_t v, size_t k, size_t nk)
{
	return run != NULL && v < run->nvar && k < nk &&
	    run->done == run->reps;
}

int
fw_run_values(const fw_run *run, size_t v, size_t k, double *x)
{
	uint64_t r;

	if (x == NULL || !valid(run, v, k, FW_NTOTAL))
		return FW_EINVALID;
	for (r = 0; r < run->reps; r++)
		x[r] = fwi_run_totals(run, r, v)[k];
	return FW_OK;
}

int
fw_run_stats(const fw_run *run, size_t v, size_t k, fw_stats *out)
{
	double *x;

	if (out == NULL || !valid(run, v, k, FW_NTOTAL))
		return FW_EINVALID;
	if ((x = malloc(run->reps * sizeof(double) + 1)) == NULL)
		return FW_ENOMEM;
	fw_run_values(run, v, k, x);
	fwi_summarize(x, run->reps, out);
	free(x);
	return FW_OK;
}

double
fw_run_value(const fw_run *run, uint64_t rep, size_t v, size_t k)
{
	if (!valid(run, v, k, FW_NTOTAL) || rep >= run->reps)
		return NAN;
	return fwi_run_totals(run, rep, v)[k];
}

double
fwi_run_block_total(const fw_run *run, const double *sums, size_t stride,
    size_t offset)
{
	double total = 0;
	uint64_t b;

	for (b = 0; b < run->nblocks; b++)
		total += sums[b * stride + offset];
	return total;
}

double
fwi_run_monthly_mean(const fw_run *run, size_t v, int t, int k)
{
	const size_t T = (size_t)run->horizon;

	return fwi_run_block_total(run, run->block_sums, run->nvar * T *
	    FW_NMONTHLY, (v * T + (size_t)(t - 1)) * FW_NMONTHLY +
	    (size_t)k) / (double)run->reps;
}

/* Value b of the kept series of variant v at month t in replication r. */
static double
banded(const fw_run *run, uint64_t r, size_t v, int t, int b)
{
	const size_t T = (size_t)run->horizon;

	return run->banded[((r * run->nvar + v) * T + (size_t)(t - 1)) *
	    FW_NBANDED + (size_t)b];
}

int
fw_run_month(const fw_run *run, size_t v, int month, size_t series,
    fw_band *out)
{
	static const double band_p[3] = { 0.05, 0.50, 0.95 };
	int b = band_of(series);
	double *x, q[3];
	uint64_t r;

	if (out == NULL || !valid(run, v, series, FW_NMONTHLY) || month < 1 ||
	    month > run->horizon)
		return FW_EINVALID;
	out->mean = fwi_run_monthly_mean(run, v, month, (int)series);
	out->p5 = out->p50 = out->p95 = NAN;
	if (b < 0)
		return FW_OK;
	if ((x = malloc(run->reps * sizeof(double) + 1)) == NULL)
		return FW_ENOMEM;
	for (r = 0; r < run->reps; r++)
		x[r] = banded(run, r, v, month, b);
	fwi_quantiles(x, run->reps, band_p, 3, q);
	out->p5 = q[0];
	out->p50 = q[1];
	out->p95 = q[2];
	free(x);
	return FW_OK;
}

double
fw_run_month_value(const fw_run *run, uint64_t rep, size_t v, int month,
    size_t series)
{
	int b = band_of(series);

	if (b < 0 || !valid(run, v, series, FW_NMONTHLY) || rep >= run->reps ||
	    month < 1 || month > run->horizon)
		return NAN;
	return banded(run, rep, v, month, b);
}

int
fw_run_month_values(const fw_run *run, size_t v, size_t series, double *x)
{
	int b = band_of(series), t;
	uint64_t r;
	size_t T;

	if (b < 0 || x == NULL || !valid(run, v, series, FW_NMONTHLY))
		return FW_EINVALID;
	T = (size_t)run->horizon;
	for (r = 0; r < run->reps; r++)
		for (t = 1; t <= run->horizon; t++)
			x[r * T + (size_t)(t - 1)] = banded(run, r, v, t, b);
	return FW_OK;
}

int
fwi_run_index_draws(fw_run *run)
{
	size_t v, i, j, n = 0;

	run->draw_path = calloc(run->nplan + 1, sizeof(char *));
	run->draw_at = malloc((run->nvar * run->nplan + 1) * sizeof(long));
	if (run->draw_path == NULL || run->draw_at == NULL)
		return FW_ENOMEM;
	for (v = 0; v < run->nvar; v++)
		for (i = 0; i < run->plans[v].n; i++) {
			const char *p = run->plans[v].v[i].path;
			for (j = 0; j < n && strcmp(run->draw_path[j], p); j++)
				;
			if (j == n)
				run->draw_path[n++] = p;
		}
	run->ndraw = n;
	for (v = 0; v < run->nvar; v++)
		for (j = 0; j < n; j++) {
			long at = -1;
			for (i = 0; i < run->plans[v].n && at < 0; i++)
				if (strcmp(run->plans[v].v[i].path,
				    run->draw_path[j]) == 0)
					at = (long)(run->plan_offset[v] + i);
			run->draw_at[v * n + j] = at;
		}
	return FW_OK;
}

size_t
fw_run_draw_count(const fw_run *run)
{
	return run != NULL ? run->ndraw : 0;
}

const char *
fw_run_draw_path(const fw_run *run, size_t i)
{
	return run != NULL && i < run->ndraw ? run->draw_path[i] : NULL;
}

double
fw_run_draw(const fw_run *run, uint64_t rep, size_t v, size_t i)
{
	long at;

	if (run == NULL || !valid(run, v, i, run->ndraw) || rep >= run->reps)
		return NAN;
	at = run->draw_at[v * run->ndraw + i];
	return at < 0 ? NAN : run->drawn[rep * run->nplan + (size_t)at];
}

int
fw_run_draws(const fw_run *run, size_t v, size_t i, double *x)
{
	uint64_t r;

	if (run == NULL || x == NULL || !valid(run, v, i, run->ndraw))
		return FW_EINVALID;
	for (r = 0; r < run->reps; r++)
		x[r] = fw_run_draw(run, r, v, i);
	return FW_OK;
}

int
fw_run_paired(const fw_run *run, size_t v, size_t against, size_t k,
    fw_paired *out)
{
	double *d;
	uint64_t r;

	if (out == NULL || !valid(run, v, k, FW_NTOTAL) ||
	    against >= run->nvar)
		return FW_EINVALID;
	if ((d = malloc(run->reps * sizeof(double) + 1)) == NULL)
		return FW_ENOMEM;
	for (r = 0; r < run->reps; r++)
		d[r] = fwi_run_totals(run, r, v)[k] -
		    fwi_run_totals(run, r, against)[k];
	fwi_paired_stats(d, run->reps, out);
	free(d);
	return FW_OK;
}

double
fw_run_gain(const fw_run *run, size_t v, size_t k)
{
	fw_paired p;

	return fw_run_paired(run, v, 0, k, &p) == FW_OK ? p.mean : NAN;
}

double
fw_run_month_gain(const fw_run *run, size_t v, int month, size_t k)
{
	fw_band a, b;

	if (fw_run_month(run, v, month, k, &a) != FW_OK ||
	    fw_run_month(run, 0, month, k, &b) != FW_OK)
		return NAN;
	return a.mean - b.mean;
}

/* Cash to date of variant v at month t in replication r. */
static double
cash_to_date(const fw_run *run, uint64_t r, size_t v, int t)
{
	return run->cumcash[(r * run->nvar + v) * (size_t)run->horizon +
	    (size_t)(t - 1)];
}

int
fw_run_cumulative_gain(const fw_run *run, size_t v, int month,
    fw_gain *out)
{
	fw_paired p;
	double *d;
	uint64_t r;

	if (out == NULL || !valid(run, v, 0, 1) || month < 1 ||
	    month > run->horizon)
		return FW_EINVALID;
	if ((d = malloc(run->reps * sizeof(double) + 1)) == NULL)
		return FW_ENOMEM;
	for (r = 0; r < run->reps; r++)
		d[r] = cash_to_date(run, r, v, month) -
		    cash_to_date(run, r, 0, month);
	fwi_paired_stats(d, run->reps, &p);
	free(d);
	*out = (fw_gain){ p.mean, p.lo95, p.hi95, p.p5, p.p50, p.p95 };
	return FW_OK;
}

/* The mean over replications of the cash to date of v less against's,
 * month by month, into cum[0..T-1]. */
static void
mean_cumulative_gain(const fw_run *run, size_t v, size_t against,
    double *cum)
{
	uint64_t r;
	int t;

	for (t = 1; t <= run->horizon; t++) {
		double sum = 0;
		for (r = 0; r < run->reps; r++)
			sum += cash_to_date(run, r, v, t) -
			    cash_to_date(run, r, against, t);
		cum[t - 1] = sum / (double)run->reps;
	}
}

int
fw_run_payback(const fw_run *run, size_t v, size_t against, int *month)
{
	double *cum;

	if (month == NULL || run == NULL || !valid(run, v, against,
	    run->nvar))
		return FW_EINVALID;
	if ((cum = malloc((size_t)run->horizon * sizeof(double))) == NULL)
		return FW_ENOMEM;
	mean_cumulative_gain(run, v, against, cum);
	*month = fwi_payback_month(cum, run->horizon);
	free(cum);
	return FW_OK;
}

int
fw_run_compounding(const fw_run *run, size_t v, size_t against,
    double *ratio)
{
	double *gain;
	int t;

	if (ratio == NULL || run == NULL || !valid(run, v, against,
	    run->nvar))
		return FW_EINVALID;
	if ((gain = malloc((size_t)run->horizon * sizeof(double))) == NULL)
		return FW_ENOMEM;
	for (t = 1; t <= run->horizon; t++)
		gain[t - 1] = fwi_run_monthly_mean(run, v, t, FW_M_REVENUE) -
		    fwi_run_monthly_mean(run, against, t, FW_M_REVENUE);
	*ratio = fwi_compounding(gain, run->horizon);
	free(gain);
	return FW_OK;
}
