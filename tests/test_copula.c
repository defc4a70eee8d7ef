/* test_copula.c - correlated uncertain inputs and the logit-normal
 * distribution (MODEL.md §7b).
 * SPDX-License-Identifier: MIT */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"
#include "suites.h"

#define INPUTS \
	"name: t\nhorizon_months: 1\nreplications: 10000\nseed: 11\n" \
	"segments:\n  - {name: a, hcps: 1, scripts_per_month: 1}\n" \
	"experience:\n" \
	"  cx_weight: {dist: pert, min: 0.2, mode: 0.33, max: 0.5}\n" \
	"  trust_gain: {dist: logitnormal, mu: -2.5, sigma: 0.5, min: 0, " \
	"max: 1}\n" \
	"  trust_loss: {dist: triangular, min: 0.02, mode: 0.05, max: 0.1}\n" \
	"friction:\n  access: {dist: beta, alpha: 4, beta: 6}\n"
#define CORRELATED INPUTS "correlations:\n" \
	"  - {between: [experience.cx_weight, experience.trust_gain], " \
	"rank: 0.5}\n" \
	"  - {between: [friction.access, experience.cx_weight], rank: -0.3}\n"

/* Sample Spearman correlation of x and y. */
static double
spearman(const double *x, const double *y, size_t n)
{
	double *rx = malloc(n * sizeof(double)), *ry = malloc(n * sizeof(
	    double)), mx = (n - 1) / 2.0, sxy = 0, sxx = 0, syy = 0;
	size_t i, j;

	ck_assert_ptr_nonnull(rx);
	ck_assert_ptr_nonnull(ry);
	/* O(n^2) ranks: continuous draws have no ties */
	for (i = 0; i < n; i++) {
		rx[i] = ry[i] = 0;
		for (j = 0; j < n; j++) {
			rx[i] += x[j] < x[i];
			ry[i] += y[j] < y[i];
		}
	}
	for (i = 0; i < n; i++) {
		sxy += (rx[i] - mx) * (ry[i] - mx);
		sxx += (rx[i] - mx) * (rx[i] - mx);
		syy += (ry[i] - mx) * (ry[i] - mx);
	}
	free(rx);
	free(ry);
	return sxy / sqrt(sxx * syy);
}


static double *
draws(const fw_run *run, const char *path)
{
	double *x = malloc(fw_run_replications(run) * sizeof(double));

	ck_assert_ptr_nonnull(x);
	ck_assert_int_eq(fw_run_draws(run, 0, (size_t)test_draw_index(run,
	    path), x), FW_OK);
	return x;
}

START_TEST(test_rank_correlations)
{
	fw_scenario *sc = test_load(CORRELATED);
	fw_run_options opt = { 0 };
	fw_run *run = test_run(sc, &opt);
	size_t n = fw_run_replications(run);
	double *cx = draws(run, "experience.cx_weight");
	double *gain = draws(run, "experience.trust_gain");
	double *access = draws(run, "friction.access");
	double *loss = draws(run, "experience.trust_loss");

	ck_assert_uint_eq(n, 10000);
	ck_assert_double_eq_tol(spearman(cx, gain, n), 0.5, 0.02);
	ck_assert_double_eq_tol(spearman(access, cx, n), -0.3, 0.02);
	/* a pair not listed is uncorrelated */
	ck_assert_double_eq_tol(spearman(access, gain, n), 0, 0.02);
	ck_assert_double_eq_tol(spearman(loss, gain, n), 0, 0.02);
	free(cx);
	free(gain);
	free(access);
	free(loss);
	fw_run_free(run);
	fw_scenario_free(sc);
}
END_TEST

/* Each marginal is unchanged: the share of draws below the q-quantile
 * is q within four binomial standard errors. */
START_TEST(test_marginals_unchanged)
{
	static const char *const paths[] = { "experience.cx_weight",
		"experience.trust_gain", "friction.access" };
	fw_scenario *sc = test_load(CORRELATED);
	fw_run_options opt = { 0 };
	fw_run *run = test_run(sc, &opt);
	size_t n = fw_run_replications(run), i, r;
	fw_error err;
	int q;

	for (i = 0; i < 3; i++) {
		double *x = draws(run, paths[i]);
		for (q = 1; q <= 9; q++) {
			double cut, below = 0;
			ck_assert_int_eq(fw_scenario_value(sc, NULL, paths[i],
			    q / 10.0, &cut, &err), FW_OK);
			for (r = 0; r < n; r++)
				below += x[r] <= cut;
			ck_assert_double_eq_tol(below / n, q / 10.0, 4 *
			    sqrt(q / 10.0 * (1 - q / 10.0) / n));
		}
		free(x);
	}
	fw_run_free(run);
	fw_scenario_free(sc);
}
END_TEST

/* An input no pair names draws what it drew without correlations, bit
 * for bit; the joined ones draw from the same streams, so their ranks
 * agree with the uncorrelated draws far more than chance. */
START_TEST(test_unnamed_inputs_keep_their_draws)
{
	fw_scenario *a = test_load(INPUTS), *b = test_load(CORRELATED);
	fw_run_options opt = { .replications = 2000 };
	fw_run *ra = test_run(a, &opt), *rb = test_run(b, &opt);
	double *la = draws(ra, "experience.trust_loss");
	double *lb = draws(rb, "experience.trust_loss");
	double *ga = draws(ra, "experience.trust_gain");
	double *gb = draws(rb, "experience.trust_gain");

	ck_assert_mem_eq(la, lb, 2000 * sizeof(double));
	ck_assert_double_gt(spearman(ga, gb, 2000), 0.8);
	free(la);
	free(lb);
	free(ga);
	free(gb);
	fw_run_free(ra);
	fw_run_free(rb);
	fw_scenario_free(a);
	fw_scenario_free(b);
}
END_TEST

START_TEST(test_same_bytes_any_threads)
{
	fw_scenario *sc = test_load(CORRELATED);
	fw_run_options one = { .replications = 300, .threads = 1 };
	fw_run_options two = { .replications = 300, .threads = 2 };
	fw_run *x = test_run(sc, &one), *y = test_run(sc, &two);

	test_same_results(x, y);
	fw_run_free(x);
	fw_run_free(y);
	fw_scenario_free(sc);
}
END_TEST

static void
load_bad(const char *text, const char *want)
{
	fw_scenario *sc = NULL;
	fw_error err;
	char buf[1024];

	ck_assert_int_eq(fw_scenario_load_string("t.yaml", text, strlen(text),
	    &sc, &err), FW_EINVALID);
	ck_assert_ptr_null(sc);
	fw_error_format(&err, buf, sizeof(buf));
	ck_assert_str_eq(buf, want);
}

START_TEST(test_errors)
{
	load_bad(INPUTS "correlations:\n  - {between: [experience.cx_weight, "
	    "friction.prescribe], rank: 0.5}\n",
	    "t.yaml:14:38: correlations[0].between: friction.prescribe is not "
	    "an uncertain input: no variant gives it a distribution");
	load_bad(INPUTS "correlations:\n  - {between: [experience.cx_weight, "
	    "experience.trust_gain], rank: 0.5}\n  - {between: "
	    "[experience.trust_gain, experience.cx_weight], rank: 0.2}\n",
	    "t.yaml:15:15: correlations[1].between: the pair "
	    "experience.trust_gain and experience.cx_weight is listed twice "
	    "(also correlations[0])");
	load_bad(INPUTS "correlations:\n  - {between: [experience.cx_weight, "
	    "experience.trust_gain], rank: -1}\n",
	    "t.yaml:14:68: correlations[0].rank: a rank correlation is a "
	    "number strictly between -1 and 1 (got -1)");
	load_bad(INPUTS "correlations:\n"
	    "  - {between: [experience.cx_weight, experience.trust_gain], "
	    "rank: 0.9}\n"
	    "  - {between: [experience.trust_gain, experience.trust_loss], "
	    "rank: 0.9}\n"
	    "  - {between: [experience.cx_weight, experience.trust_loss], "
	    "rank: -0.9}\n",
	    "t.yaml:14:3: correlations: these rank correlations cannot hold "
	    "together (their matrix is not positive definite): "
	    "experience.cx_weight and experience.trust_gain (0.9), "
	    "experience.trust_gain and experience.trust_loss (0.9), "
	    "experience.cx_weight and experience.trust_loss (-0.9)");
	load_bad("name: t\nhorizon_months: 1\nreplications: 1\n"
	    "segments:\n  - {name: a, hcps: 1, scripts_per_month: 1}\n"
	    "friction:\n  onboarding: {dist: logitnormal, mu: 0, "
	    "sigma: 1, min: 0, max: 2}\n",
	    "t.yaml:7:15: friction.onboarding: distribution logitnormal takes "
	    "values in (0, 2), outside the allowed range (number in [0, 1]); "
	    "use beta, pert, triangular, uniform or logitnormal");
}
END_TEST

/* A scenario whose correlated input --set made a fixed number writes no
 * pair for it, so its YAML loads again. */
START_TEST(test_fixed_input_leaves_the_yaml)
{
	fw_scenario *sc = test_load(CORRELATED), *back;
	fw_error err;
	char *text;

	ck_assert_int_eq(fw_scenario_set_number(sc, NULL,
	    "experience.cx_weight", 0.3, &err), FW_OK);
	text = test_yaml(sc);
	ck_assert_ptr_null(strstr(text, "correlations:"));
	ck_assert_int_eq(fw_scenario_load_string("t.yaml", text, strlen(text),
	    &back, &err), FW_OK);
	fw_free(text);
	fw_scenario_free(back);
	fw_scenario_free(sc);
}
END_TEST

START_TEST(test_logitnormal_quantiles)
{
	fw_scenario *sc = test_load(INPUTS);
	fw_error err;
	double x;

	ck_assert_int_eq(fw_scenario_value(sc, NULL, "experience.trust_gain",
	    0.5, &x, &err), FW_OK);
	ck_assert_double_eq_tol(x, 1 / (1 + exp(2.5)), 1e-15);
	/* Phi^-1(0.975) = 1.959964 */
	ck_assert_int_eq(fw_scenario_value(sc, NULL, "experience.trust_gain",
	    0.975, &x, &err), FW_OK);
	ck_assert_double_eq_tol(x, 1 / (1 + exp(2.5 - 0.5 * 1.959963985)),
	    1e-9);
	fw_scenario_free(sc);
}
END_TEST

Suite *
copula_suite(void)
{
	Suite *s = suite_create("copula");
	TCase *tc = tcase_create("correlations");

	tcase_add_test(tc, test_rank_correlations);
	tcase_add_test(tc, test_marginals_unchanged);
	tcase_add_test(tc, test_unnamed_inputs_keep_their_draws);
	tcase_add_test(tc, test_same_bytes_any_threads);
	tcase_add_test(tc, test_errors);
	tcase_add_test(tc, test_fixed_input_leaves_the_yaml);
	tcase_add_test(tc, test_logitnormal_quantiles);
	suite_add_tcase(s, tc);
	return s;
}
