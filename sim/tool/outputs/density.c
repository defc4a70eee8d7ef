/* density.c - kernel density estimates drawn by the charts: computed
 * here rather than by gnuplot, which fails on values without spread.
 * SPDX-License-Identifier: MIT */
#include "config.h"

#include <math.h>
#include <string.h>

#include "density.h"

int
density(const double *x, size_t n, double lo, double hi, size_t npt,
    double *y)
{
	double sum = 0, sq = 0, mean, sd, h;
	size_t i, j, m = 0;

	memset(y, 0, npt * sizeof(double));
	for (i = 0; i < n; i++)
		if (!isnan(x[i])) {
			sum += x[i];
			m++;
		}
	if (m < 2)
		return -1;
	mean = sum / (double)m;
	for (i = 0; i < n; i++)
		if (!isnan(x[i]))
			sq += (x[i] - mean) * (x[i] - mean);
	sd = sqrt(sq / (double)(m - 1));
	if (!(sd > 1e-12 * fmax(1, fabs(mean))))
		return -1;
	h = 1.06 * sd * pow((double)m, -0.2);
	for (j = 0; j < npt; j++) {
		double at = npt > 1 ? lo + (hi - lo) * (double)j /
		    (double)(npt - 1) : lo;
		for (i = 0; i < n; i++)
			if (!isnan(x[i])) {
				double z = (at - x[i]) / h;
				if (fabs(z) < 8)
					y[j] += exp(-0.5 * z * z);
			}
		y[j] /= (double)m * h * sqrt(2 * M_PI);
	}
	return 0;
}
