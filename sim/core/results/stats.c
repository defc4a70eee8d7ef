/* stats.c - mean, standard deviation, percentiles, expected shortfall.
 * SPDX-License-Identifier: MIT */
#include "config.h"

#include <math.h>
#include <stdlib.h>

#include "stats.h"

static int
cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

void
fwi_sort(double *x, size_t n)
{
	qsort(x, n, sizeof(double), cmp_double);
}

double
fwi_quantile_sorted(const double *x, size_t n, double p)
{
	double h = (double)(n - 1) * p;
	size_t i = (size_t)floor(h);

	if (n == 0)
		return NAN;
	if (i + 1 >= n)
		return x[n - 1];
	return x[i] + (h - (double)i) * (x[i + 1] - x[i]);
}

/* Moves the k-th smallest (from 0) of x[0..n-1] to x[k], none larger
 * before it and none smaller after it: Hoare's selection, in time
 * linear on average. */
static void
select_kth(double *x, long n, long k)
{
	long lo = 0, hi = n - 1, i, j;
	double pivot, t;

	while (lo < hi) {
		pivot = x[lo + (hi - lo) / 2];
		i = lo;
		j = hi;
		while (i <= j) {
			while (x[i] < pivot)
				i++;
			while (x[j] > pivot)
				j--;
			if (i <= j) {
				t = x[i];
				x[i++] = x[j];
				x[j--] = t;
			}
		}
		if (k <= j)
			hi = j;
		else if (k >= i)
			lo = i;
		else
			return;
	}
}

void
fwi_quantiles(double *x, size_t n, const double *p, size_t np, double *q)
{
	size_t from = 0, m, i, k;
	double next;

	for (m = 0; m < np; m++) {
		double h = (double)(n - 1) * p[m];
		if (n == 0) {
			q[m] = NAN;
			continue;
		}
		i = (size_t)floor(h);
		if (i >= n)
			i = n - 1;
		/* x[0..from] hold the from + 1 smallest: the i-th smallest
		 * of x is the (i - from)-th of what follows. */
		select_kth(x + from, (long)(n - from), (long)(i - from));
		from = i;
		if (i + 1 >= n) {
			q[m] = x[n - 1];
			continue;
		}
		next = x[i + 1];
		for (k = i + 2; k < n; k++)
			if (x[k] < next)
				next = x[k];
		/* The expression of fwi_quantile_sorted, on the same two
		 * order statistics. */
		q[m] = x[i] + (h - (double)i) * (next - x[i]);
	}
}

void
fwi_summarize(double *x, size_t n, fw_stats *s)
{
	double sum = 0, ss = 0;
	size_t i, k;

	if (n == 0) {
		s->mean = s->sd = s->se = s->min = s->max = NAN;
		s->p5 = s->p25 = s->p50 = s->p75 = s->p95 = s->es5 = NAN;
		return;
	}
	for (i = 0; i < n; i++)
		sum += x[i];
	s->mean = sum / (double)n;
	for (i = 0; i < n; i++)
		ss += (x[i] - s->mean) * (x[i] - s->mean);
	s->sd = n > 1 ? sqrt(ss / (double)(n - 1)) : NAN;
	s->se = n > 1 ? s->sd / sqrt((double)n) : NAN;
	fwi_sort(x, n);
	s->min = x[0];
	s->max = x[n - 1];
	s->p5 = fwi_quantile_sorted(x, n, 0.05);
	s->p25 = fwi_quantile_sorted(x, n, 0.25);
	s->p50 = fwi_quantile_sorted(x, n, 0.50);
	s->p75 = fwi_quantile_sorted(x, n, 0.75);
	s->p95 = fwi_quantile_sorted(x, n, 0.95);
	k = (n + 19) / 20;	/* ceil(0.05 n), exactly */
	sum = 0;
	for (i = 0; i < k; i++)
		sum += x[i];
	s->es5 = sum / (double)k;
}

void
fw_stats_of(double *x, size_t n, fw_stats *out)
{
	if (out == NULL)
		return;
	/* no numbers at all: every field NaN, as for n = 0 */
	fwi_summarize(x, x != NULL ? n : 0, out);
}
