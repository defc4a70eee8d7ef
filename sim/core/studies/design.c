/* design.c - Latin hypercubes, Saltelli samples and Sobol' indices.
 * SPDX-License-Identifier: MIT */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_qrng.h>

#include "design.h"
#include "rng.h"
#include "stats.h"

/* Uniform i of a design's stream: a purpose of its own, so that a design
 * never shares a draw with the model. */
static double
design_u(uint64_t seed, int purpose, uint32_t stream, uint32_t i)
{
	philox4x32_ctr_t c = fwi_rng_ctr(0, (enum fw_purpose)purpose, stream,
	    i, 0, 0);

	return fwi_u01(fwi_rng_block(fwi_rng_key(seed), c).v[0]);
}

void
fwi_lhs(uint64_t seed, size_t n, size_t k, double *x)
{
	fwi_lhs_stream(seed, FW_P_DESIGN, n, k, x);
}

void
fwi_lhs_stream(uint64_t seed, int purpose, size_t n, size_t k, double *x)
{
	size_t d, i;
	size_t *perm = malloc(n * sizeof(size_t) + 1);

	if (perm == NULL)
		return;
	for (d = 0; d < k; d++) {
		/* A Fisher-Yates shuffle of the strata, then a place within
		 * each stratum. */
		for (i = 0; i < n; i++)
			perm[i] = i;
		for (i = n; i > 1; i--) {
			size_t j = (size_t)(design_u(seed, purpose,
			    2 * (uint32_t)d, (uint32_t)i) * (double)i);
			size_t t = perm[i - 1];
			perm[i - 1] = perm[j];
			perm[j] = t;
		}
		for (i = 0; i < n; i++)
			x[i * k + d] = ((double)perm[i] + design_u(seed,
			    purpose, 2 * (uint32_t)d + 1, (uint32_t)i)) /
			    (double)n;
	}
	free(perm);
}

int
fwi_saltelli(size_t n, size_t k, double *x)
{
	gsl_qrng *q;
	double p[40];
	size_t i, j, m;

	if (2 * k > 40 || (q = gsl_qrng_alloc(gsl_qrng_sobol,
	    (unsigned)(2 * k))) == NULL)
		return -1;
	for (i = 0; i < n; i++) {
		gsl_qrng_get(q, p);
		for (j = 0; j < k; j++) {
			x[i * k + j] = p[j];			/* A */
			x[(n + i) * k + j] = p[k + j];		/* B */
		}
	}
	for (m = 0; m < k; m++)
		for (i = 0; i < n; i++)
			for (j = 0; j < k; j++)
				x[((2 + m) * n + i) * k + j] = j == m ?
				    x[(n + i) * k + j] : x[i * k + j];
	gsl_qrng_free(q);
	return 0;
}

/* Indices from the base points listed in idx (a resample, or 0..n-1). */
static void
indices(const double *y, size_t n, size_t k, const size_t *idx, double *s1,
    double *st)
{
	const double *fa = y, *fb = y + n;
	double mean = 0, var = 0;
	size_t i, j;

	for (j = 0; j < n; j++)
		mean += fa[idx[j]] + fb[idx[j]];
	mean /= (double)(2 * n);
	for (j = 0; j < n; j++)
		var += (fa[idx[j]] - mean) * (fa[idx[j]] - mean) +
		    (fb[idx[j]] - mean) * (fb[idx[j]] - mean);
	var /= (double)(2 * n - 1);
	for (i = 0; i < k; i++) {
		const double *fab = y + (2 + i) * n;
		double a = 0, b = 0;
		for (j = 0; j < n; j++) {
			double d = fab[idx[j]] - fa[idx[j]];
			/* f(B) centred: the same expectation, far less
			 * variance when the mean is large against the spread */
			a += (fb[idx[j]] - mean) * d;
			b += d * d;
		}
		s1[i] = var > 0 ? a / (double)n / var : NAN;
		st[i] = var > 0 ? b / (double)(2 * n) / var : NAN;
	}
}

int
fwi_sobol_indices(const double *y, size_t n, size_t k, size_t boot,
    uint64_t seed, fw_sobol *out)
{
	size_t *idx = malloc(n * sizeof(size_t) + 1);
	double *bs1 = malloc((boot * k + 1) * sizeof(double));
	double *bst = malloc((boot * k + 1) * sizeof(double));
	double *col = malloc((boot + 1) * sizeof(double));
	size_t b, i, j;

	if (idx == NULL || bs1 == NULL || bst == NULL || col == NULL) {
		free(idx);
		free(bs1);
		free(bst);
		free(col);
		return -1;
	}
	for (j = 0; j < n; j++)
		idx[j] = j;
	indices(y, n, k, idx, out->s1, out->st);
	for (b = 0; b < boot; b++) {
		for (j = 0; j < n; j++)
			idx[j] = (size_t)(design_u(seed, FW_P_DESIGN,
			    1000 + (uint32_t)b, (uint32_t)j) * (double)n);
		indices(y, n, k, idx, bs1 + b * k, bst + b * k);
	}
	for (i = 0; i < k; i++) {
		for (b = 0; b < boot; b++)
			col[b] = bs1[b * k + i];
		fwi_sort(col, boot);
		out->s1_lo[i] = fwi_quantile_sorted(col, boot, 0.025);
		out->s1_hi[i] = fwi_quantile_sorted(col, boot, 0.975);
		for (b = 0; b < boot; b++)
			col[b] = bst[b * k + i];
		fwi_sort(col, boot);
		out->st_lo[i] = fwi_quantile_sorted(col, boot, 0.025);
		out->st_hi[i] = fwi_quantile_sorted(col, boot, 0.975);
	}
	free(idx);
	free(bs1);
	free(bst);
	free(col);
	return 0;
}
