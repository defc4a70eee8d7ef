/* test_design.c - the sweep designs against published answers: Sobol'
 * indices of the Ishigami function, Latin hypercube strata.
 * SPDX-License-Identifier: MIT */
#include "config.h"

#include <math.h>
#include <stdlib.h>

#include "design.h"
#include "suites.h"

/* Every dimension of a Latin hypercube has one point in each stratum. */
START_TEST(test_lhs_strata)
{
	const size_t n = 97, k = 5;
	double *x = malloc(n * k * sizeof(double));
	size_t d, i;

	fwi_lhs(11, n, k, x);
	for (d = 0; d < k; d++) {
		int seen[97] = { 0 };
		for (i = 0; i < n; i++) {
			double v = x[i * k + d];
			ck_assert(v >= 0 && v < 1);
			seen[(size_t)(v * n)]++;
		}
		for (i = 0; i < n; i++)
			ck_assert_int_eq(seen[i], 1);
	}
	free(x);
}
END_TEST

/* Saltelli's sample starts at the first point of the Sobol' sequence,
 * (1/2, ..., 1/2) in A and in B, and skips nothing: the next base point
 * is (3/4, 1/4, ...) in the sequence's first dimensions. */
START_TEST(test_saltelli_first_points)
{
	const size_t n = 4, k = 2;
	double x[4 * 4 * 2];
	size_t j;

	ck_assert_int_eq(fwi_saltelli(n, k, x), 0);
	for (j = 0; j < k; j++) {
		ck_assert_double_eq(x[j], 0.5);		/* A, point 1 */
		ck_assert_double_eq(x[n * k + j], 0.5);	/* B, point 1 */
	}
	ck_assert_double_eq(x[k], 0.75);	/* A, point 2 */
	ck_assert_double_eq(x[k + 1], 0.25);
	/* AB_1: A with its first column from B */
	ck_assert_double_eq(x[2 * n * k + k], x[n * k + k]);
	ck_assert_double_eq(x[2 * n * k + k + 1], x[k + 1]);
}
END_TEST

/* The Ishigami function, a = 7, b = 0.1, inputs uniform on [-pi, pi]:
 * analytic indices S1 = 0.3139, 0.4424, 0 and ST = 0.5576, 0.4424, 0.2437
 * (Saltelli et al., Global Sensitivity Analysis: The Primer, 2008). Each
 * must lie inside its 95% bootstrap interval. */
START_TEST(test_ishigami)
{
	const size_t n = 4096, k = 3, rows = n * (k + 2);
	const double s1[3] = { 0.3139, 0.4424, 0 };
	const double st[3] = { 0.5576, 0.4424, 0.2437 };
	double *x = malloc(rows * k * sizeof(double));
	double *y = malloc(rows * sizeof(double));
	double v[6][3];
	fw_sobol out = { v[0], v[1], v[2], v[3], v[4], v[5] };
	size_t r, i;

	ck_assert_int_eq(fwi_saltelli(n, k, x), 0);
	for (r = 0; r < rows; r++) {
		double a = -M_PI + 2 * M_PI * x[r * k];
		double b = -M_PI + 2 * M_PI * x[r * k + 1];
		double c = -M_PI + 2 * M_PI * x[r * k + 2];
		y[r] = sin(a) + 7 * sin(b) * sin(b) + 0.1 * pow(c, 4) * sin(a);
	}
	ck_assert_int_eq(fwi_sobol_indices(y, n, k, 500, 3, &out), 0);
	for (i = 0; i < k; i++) {
		ck_assert_msg(out.s1_lo[i] <= s1[i] && s1[i] <= out.s1_hi[i],
		    "S1[%zu] = %g not in [%g, %g]", i, s1[i], out.s1_lo[i],
		    out.s1_hi[i]);
		ck_assert_msg(out.st_lo[i] <= st[i] && st[i] <= out.st_hi[i],
		    "ST[%zu] = %g not in [%g, %g]", i, st[i], out.st_lo[i],
		    out.st_hi[i]);
		/* and the intervals are tight enough to mean something */
		ck_assert_double_lt(out.s1_hi[i] - out.s1_lo[i], 0.1);
		ck_assert_double_lt(out.st_hi[i] - out.st_lo[i], 0.1);
	}
	free(x);
	free(y);
}
END_TEST

Suite *
design_suite(void)
{
	Suite *s = suite_create("design");
	TCase *tc = tcase_create("designs");

	tcase_add_test(tc, test_lhs_strata);
	tcase_add_test(tc, test_saltelli_first_points);
	tcase_add_test(tc, test_ishigami);
	suite_add_tcase(s, tc);
	return s;
}
