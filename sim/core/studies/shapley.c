/* shapley.c - the Shapley value: a total gain shared among the players
 * whose joint action produced it, each credited with its marginal gain
 * averaged over every order in which the players could have joined.
 * SPDX-License-Identifier: MIT */
#include "config.h"

#include <stddef.h>

#include "flywheel.h"

/* Above this the 2^k coalition values are more than a run would give. */
#define FW_SHAPLEY_MAX 20

static int
bits(size_t m)
{
	int n = 0;

	for (; m != 0; m &= m - 1)
		n++;
	return n;
}

int
fw_shapley(const double *value, size_t k, double *phi)
{
	double weight[FW_SHAPLEY_MAX], by_size[FW_SHAPLEY_MAX], choose = 1;
	size_t i, s, m, n;

	if (k == 0 || k > FW_SHAPLEY_MAX || value == NULL || phi == NULL)
		return FW_EINVALID;
	n = (size_t)1 << k;
	/* |S|! (k - |S| - 1)! / k! = 1 / (k C(k - 1, |S|)); C is built
	 * by exact integer steps, which doubles hold for k <= 20. */
	for (s = 0; s < k; s++) {
		weight[s] = 1.0 / ((double)k * choose);
		choose = choose * (double)(k - 1 - s) / (double)(s + 1);
	}
	for (i = 0; i < k; i++) {
		const size_t bit = (size_t)1 << i;
		for (s = 0; s < k; s++)
			by_size[s] = 0;
		/* Marginal gains summed by coalition size, coalitions in
		 * increasing order: the same bytes on every machine. */
		for (m = 0; m < n; m++)
			if ((m & bit) == 0)
				by_size[bits(m)] += value[m | bit] - value[m];
		phi[i] = 0;
		for (s = 0; s < k; s++)
			phi[i] += weight[s] * by_size[s];
	}
	return FW_OK;
}
