/* compare.c - paired differences: their statistics, payback month and
 * compounding (MODEL.md §7).
 * SPDX-License-Identifier: MIT */
#include "config.h"

#include <math.h>
#include <stdlib.h>

#include "compare.h"
#include "quantile.h"
#include "stats.h"

double
fwi_t95(size_t n)
{
	return n > 1 ? fwi_t_quantile(0.975, (double)(n - 1)) : NAN;
}

void
fwi_paired_stats(double *d, size_t n, fw_paired *out)
{
	fw_stats s;
	size_t i, positive = 0;

	for (i = 0; i < n; i++)
		positive += d[i] > 0;
	fwi_summarize(d, n, &s);
	out->mean = s.mean;
	out->lo95 = s.mean - fwi_t95(n) * s.se;
	out->hi95 = s.mean + fwi_t95(n) * s.se;
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
fw_paired_of(double *d, size_t n, fw_paired *out)
{
	if (out == NULL)
		return;
	fwi_paired_stats(d, d != NULL ? n : 0, out);
}
