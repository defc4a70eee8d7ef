/* test_calcarry.c - a calibrated scenario carries the fit's uncertainty:
 * its runs draw the identified inputs with the fit's estimates, spread
 * and correlation (MODEL.md §7b).
 * SPDX-License-Identifier: MIT */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"
#include "suites.h"

#define GOOD FW_SRCDIR "/tests/data/calibration/good.yaml"
#define N 4000

static fw_calibration *
fitted(void)
{
	fw_calibration *cal;
	fw_error err;

	ck_assert_int_eq(fw_calibration_load(GOOD, &cal, &err), FW_OK);
	ck_assert_int_eq(fw_calibration_set_threads(cal, 1), FW_OK);
	while (!fw_calibration_done(cal))
		ck_assert_int_eq(fw_calibration_step(cal, &err), FW_OK);
	return cal;
}

/* The search scale of the good calibration's inputs: access on [0.1,
 * 0.7], trust_gain on [0, 1], both logit. */
static double
eta(double x, double lo, double hi)
{
	double u = (x - lo) / (hi - lo);

	return log(u / (1 - u));
}


START_TEST(test_runs_draw_the_fit)
{
	static const double lo[2] = { 0.1, 0 }, hi[2] = { 0.7, 1 };
	fw_calibration *cal = fitted();
	fw_scenario *sc;
	fw_run_options opt = { .replications = N, .months = 1 };
	fw_run *run;
	fw_error err;
	double *x[2], mean[2] = { 0, 0 }, var[2] = { 0, 0 }, cov = 0, r;
	size_t j, i;

	ck_assert_uint_eq(fw_calibration_param_count(cal), 2);
	ck_assert_int_eq(fw_calibration_fitted_distributions(cal, &sc, &err),
	    FW_OK);
	run = test_run(sc, &opt);
	for (j = 0; j < 2; j++) {
		fw_fit f;
		ck_assert_int_eq(fw_calibration_fit(cal, j, &f), FW_OK);
		ck_assert_int_eq(f.status, FW_FIT_IDENTIFIED);
		x[j] = malloc(N * sizeof(double));
		ck_assert_ptr_nonnull(x[j]);
		ck_assert_int_eq(fw_run_draws(run, 0, (size_t)test_draw_index(
		    run, fw_calibration_param_path(cal, j)), x[j]), FW_OK);
		for (i = 0; i < N; i++) {
			x[j][i] = eta(x[j][i], lo[j], hi[j]);
			mean[j] += x[j][i] / N;
		}
		for (i = 0; i < N; i++)
			var[j] += (x[j][i] - mean[j]) * (x[j][i] - mean[j]) /
			    (N - 1);
		/* mean on the search scale: the estimate's, within four
		 * standard errors */
		ck_assert_double_eq_tol(mean[j], eta(f.estimate, lo[j], hi[j]),
		    4 * sqrt(fw_calibration_covariance(cal, j, j) / N));
		/* spread: the covariance behind the intervals (the sample
		 * variance's standard error is sigma^2 sqrt(2 / N)) */
		ck_assert_double_eq_tol(var[j], fw_calibration_covariance(cal,
		    j, j), 4 * fw_calibration_covariance(cal, j, j) *
		    sqrt(2.0 / N));
		/* and the interval of fit.csv is that spread: the estimate
		 * +- t sd on the search scale, t of Student's t */
		ck_assert_double_eq_tol((eta(f.hi95, lo[j], hi[j]) -
		    eta(f.lo95, lo[j], hi[j])) / 2, (eta(f.hi95, lo[j],
		    hi[j]) - eta(f.estimate, lo[j], hi[j])), 1e-9);
	}
	for (i = 0; i < N; i++)
		cov += (x[0][i] - mean[0]) * (x[1][i] - mean[1]) / (N - 1);
	r = fw_calibration_covariance(cal, 0, 1) /
	    sqrt(fw_calibration_covariance(cal, 0, 0) *
	    fw_calibration_covariance(cal, 1, 1));
	ck_assert_double_ne(r, 0);
	ck_assert_double_eq_tol(cov / sqrt(var[0] * var[1]), r,
	    4 * (1 - r * r) / sqrt(N));
	free(x[0]);
	free(x[1]);
	fw_run_free(run);
	fw_scenario_free(sc);
	fw_calibration_free(cal);
}
END_TEST

/* The point scenario keeps fixed numbers, and the distributions'
 * scenario reads back from its own YAML. */
START_TEST(test_point_and_round_trip)
{
	fw_calibration *cal = fitted();
	fw_scenario *point, *dist, *back;
	fw_error err;
	char *text;
	int uncertain = -1;

	ck_assert_int_eq(fw_calibration_fitted(cal, &point, &err), FW_OK);
	ck_assert_int_eq(fw_calibration_fitted_distributions(cal, &dist, &err),
	    FW_OK);
	ck_assert_int_eq(fw_scenario_is_uncertain(point, NULL,
	    "friction.access", &uncertain), FW_OK);
	ck_assert_int_eq(uncertain, 0);
	ck_assert_int_eq(fw_scenario_is_uncertain(dist, NULL,
	    "friction.access", &uncertain), FW_OK);
	ck_assert_int_eq(uncertain, 1);
	text = test_yaml(dist);
	ck_assert_ptr_nonnull(strstr(text, "correlations:\n  - {between: "
	    "[\"friction.access\", \"experience.trust_gain\"], rank: "));
	ck_assert_int_eq(fw_scenario_load_string("c.yaml", text, strlen(text),
	    &back, &err), FW_OK);
	fw_free(text);
	fw_scenario_free(back);
	fw_scenario_free(point);
	fw_scenario_free(dist);
	fw_calibration_free(cal);
}
END_TEST

Suite *
calcarry_suite(void)
{
	Suite *s = suite_create("calcarry");
	TCase *tc = tcase_create("carried");

	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, test_runs_draw_the_fit);
	tcase_add_test(tc, test_point_and_round_trip);
	suite_add_tcase(s, tc);
	return s;
}
