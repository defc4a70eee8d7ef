/* test_voi.c - the value of information (MODEL.md §7b): a known answer
 * on synthetic data, an input that changes nothing, the bounds, and
 * nested Monte Carlo on a small scenario.
 * SPDX-License-Identifier: MIT */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>

#include "helpers.h"
#include "suites.h"

#define N 1000

/* Options baseline (gain 0) and one whose gain is mu + sigma theta_0 +
 * market noise: g(theta) ~ N(mu, sigma^2). theta_1 changes nothing. */
static void
synthetic(double mu, double sigma, double noise, unsigned long seed,
    double *gain, double *theta)
{
	gsl_rng *r = gsl_rng_alloc(gsl_rng_mt19937);
	size_t i;

	ck_assert_ptr_nonnull(r);
	gsl_rng_set(r, seed);
	for (i = 0; i < N; i++) {
		theta[2 * i] = gsl_ran_gaussian(r, 1);
		theta[2 * i + 1] = gsl_ran_gaussian(r, 1);
		gain[2 * i] = 0;
		gain[2 * i + 1] = mu + sigma * theta[2 * i] +
		    gsl_ran_gaussian(r, noise);
	}
	gsl_rng_free(r);
}

static double
normal_evpi(double mu, double sigma)
{
	return sigma * gsl_ran_ugaussian_pdf(mu / sigma) - fabs(mu) *
	    gsl_cdf_ugaussian_P(-fabs(mu) / sigma);
}

START_TEST(test_normal_gain_closed_form)
{
	static const double mu[] = { 0.5, -0.3, 0.05 };
	double gain[2 * N], theta[2 * N], p_best[2], explained[2];
	fw_voi_estimate evpi, part, eol[2];
	fw_error err;
	size_t use = 0;
	int i;

	for (i = 0; i < 3; i++) {
		double truth = normal_evpi(mu[i], 1);
		synthetic(mu[i], 1, 2, 100 + (unsigned long)i, gain, theta);
		ck_assert_int_eq(fw_voi_partial(gain, N, 2, theta, 2, &use, 1,
		    &part, &err), FW_OK);
		ck_assert_msg(fabs(part.value - truth) < 3 * part.se &&
		    part.se > 0 && part.se < 0.1, "mu %g: EVPPI %g (se %g), "
		    "closed form %g", mu[i], part.value, part.se, truth);
		ck_assert_int_eq(fw_voi_perfect(gain, N, 2, theta, 2, &evpi,
		    eol, p_best, explained, &err), FW_OK);
		ck_assert_msg(fabs(evpi.value - truth) < 3 * evpi.se,
		    "mu %g: EVPI %g (se %g), closed form %g", mu[i],
		    evpi.value, evpi.se, truth);
		/* The option best on average loses the EVPI, the other the
		 * EVPI plus the gap between their means. */
		ck_assert_double_eq_tol(eol[mu[i] > 0 ? 1 : 0].value,
		    evpi.value, 1e-9);
		ck_assert_double_eq_tol(p_best[0] + p_best[1], 1, 1e-12);
		/* the inputs explain sigma^2 / (sigma^2 + noise^2) = 1/5 */
		ck_assert_double_eq_tol(explained[1], 0.2, 0.05);
	}
}
END_TEST

START_TEST(test_irrelevant_input_and_bounds)
{
	double gain[2 * N], theta[2 * N], p_best[2], explained[2];
	fw_voi_estimate evpi, first, second, both, eol[2];
	const size_t one = 0, other = 1, two[2] = { 0, 1 };
	fw_error err;

	/* an option close to the baseline on average: the hardest case
	 * for an input that changes nothing */
	synthetic(0.02, 1, 2, 7, gain, theta);
	ck_assert_int_eq(fw_voi_partial(gain, N, 2, theta, 2, &other, 1,
	    &second, &err), FW_OK);
	ck_assert_msg(second.value >= 0 && second.value <= 2 * second.se +
	    1e-12, "irrelevant input: EVPPI %g (se %g)", second.value,
	    second.se);
	ck_assert_int_eq(fw_voi_partial(gain, N, 2, theta, 2, &one, 1, &first,
	    &err), FW_OK);
	ck_assert_int_eq(fw_voi_partial(gain, N, 2, theta, 2, two, 2, &both,
	    &err), FW_OK);
	ck_assert_int_eq(fw_voi_perfect(gain, N, 2, theta, 2, &evpi, eol,
	    p_best, explained, &err), FW_OK);
	ck_assert_double_ge(first.value, 0);
	ck_assert_double_le(first.value, evpi.value + 2 * evpi.se);
	ck_assert_double_le(second.value, evpi.value);
	ck_assert_double_eq_tol(both.value, evpi.value, 1e-12);
	ck_assert_double_gt(first.value, 10 * second.value);
}
END_TEST

START_TEST(test_bad_arguments)
{
	double gain[4] = { 0, 1, 0, NAN }, theta[2] = { 0, 1 };
	fw_voi_estimate e;
	fw_error err;
	size_t use = 3;

	ck_assert_int_eq(fw_voi_partial(gain, 2, 2, theta, 1, &use, 1, &e,
	    &err), FW_EINVALID);
	use = 0;
	ck_assert_int_eq(fw_voi_partial(gain, 2, 2, theta, 1, &use, 1, &e,
	    &err), FW_EINVALID);
	ck_assert_str_eq(err.msg, "the gains hold a number that is not "
	    "finite");
}
END_TEST

/* A market whose access friction is unknown, and a hub that pays off
 * only when it is high. */
#define SMALL \
	"name: voi\nhorizon_months: 24\nreplications: 300\nseed: 5\n" \
	"segments:\n  - {name: a, hcps: 300, scripts_per_month: 4, " \
	"initial: {unaware: 0.4, engaged: 0.2, adopter: 0.3, advocate: 0.1}}\n" \
	"channels:\n  - {name: rep, touches_per_month: 1, reach: 0.06, " \
	"helpful: 0.5, burden: 0.1, cost_per_touch: 100}\n" \
	"friction:\n  access: {dist: uniform, min: 0.2, max: 0.6}\n" \
	"variants:\n  hub:\n    set: {friction.access: 0.3}\n" \
	"    program_cost: {upfront: %s, monthly: 0}\n"

START_TEST(test_nested_monte_carlo)
{
	enum { OUTER = 12, INNER = 100 };
	char text[1024], upfront[64];
	fw_scenario *sc;
	fw_run_options opt = { 0 };
	fw_run *run;
	double gain[300 * 2], theta[300], p_best[2], explained[2];
	double inner[OUTER], var[OUTER], mean = 0, gained = 0, se2 = 0, cost;
	fw_voi_estimate evpi, eol[2];
	fw_error err;
	int i;
	size_t r, npv = test_metric("npv");

	/* the upfront cost at which the hub breaks even on average, from a
	 * run without cost */
	snprintf(text, sizeof(text), SMALL, "0");
	sc = test_load(text);
	run = test_run(sc, &opt);
	ck_assert_int_eq(fw_run_voi_data(run, gain, theta), FW_OK);
	for (cost = 0, r = 0; r < 300; r++)
		cost += gain[2 * r + 1] / 300;
	fw_run_free(run);
	fw_scenario_free(sc);
	ck_assert_double_gt(cost, 0);

	/* Regression on one run of 300 replications. */
	snprintf(upfront, sizeof(upfront), "%.0f", cost);
	snprintf(text, sizeof(text), SMALL, upfront);
	sc = test_load(text);
	run = test_run(sc, &opt);
	ck_assert_int_eq(fw_run_voi_data(run, gain, theta), FW_OK);
	ck_assert_int_eq(fw_voi_perfect(gain, 300, 2, theta, 1, &evpi, eol,
	    p_best, explained, &err), FW_OK);
	fw_run_free(run);

	/* Nested: access friction fixed at OUTER quantiles, the gain's mean
	 * over INNER replications each; then EVPI = mean max(0, g) -
	 * max(0, mean g). */
	opt.replications = INNER;
	for (i = 0; i < OUTER; i++) {
		double x = 0.2 + 0.4 * (i + 0.5) / OUTER, s = 0, s2 = 0;
		ck_assert_int_eq(fw_scenario_set_number(sc, "baseline",
		    "friction.access", x, &err), FW_OK);
		run = test_run(sc, &opt);
		for (r = 0; r < INNER; r++) {
			double d = fw_run_value(run, r, 1, npv) -
			    fw_run_value(run, r, 0, npv);
			s += d;
			s2 += d * d;
		}
		inner[i] = s / INNER;
		var[i] = (s2 / INNER - inner[i] * inner[i]) / (INNER - 1);
		mean += inner[i] / OUTER;
		fw_run_free(run);
	}
	for (i = 0; i < OUTER; i++) {
		gained += fmax(0, inner[i]) / OUTER;
		se2 += var[i] / (OUTER * OUTER);
	}
	gained -= fmax(0, mean);
	ck_assert_msg(fabs(evpi.value - gained) < 3 * sqrt(evpi.se * evpi.se +
	    se2), "regression EVPI %g (se %g), nested %g (se %g)", evpi.value,
	    evpi.se, gained, sqrt(se2));
	/* a real value to learn: not zero within its error */
	ck_assert_double_gt(evpi.value, 3 * evpi.se);
	fw_scenario_free(sc);
}
END_TEST

Suite *
voi_suite(void)
{
	Suite *s = suite_create("voi");
	TCase *tc = tcase_create("estimates");

	tcase_add_test(tc, test_normal_gain_closed_form);
	tcase_add_test(tc, test_irrelevant_input_and_bounds);
	tcase_add_test(tc, test_bad_arguments);
	tcase_add_test(tc, test_nested_monte_carlo);
	suite_add_tcase(s, tc);
	return s;
}
