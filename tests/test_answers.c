/* test_answers.c - known answers worked out by hand from the model's
 * rules on small deterministic cases: trust reversion, defections and
 * win-backs with their cost, the paired cumulative gain and payback
 * month, and the expected shortfall. Each case is built so that every
 * chance is 0 or 1, which makes the outcome certain.
 * SPDX-License-Identifier: MIT */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "helpers.h"
#include "suites.h"

/* A series of variant v at month t, as its mean over replications. */
static double
month_mean(const fw_run *run, size_t v, int t, const char *series)
{
	fw_band b;

	ck_assert_int_eq(fw_run_month(run, v, t, test_series(
	    series), &b), FW_OK);
	return b.mean;
}

static double
metric_mean(const fw_run *run, size_t v, const char *metric)
{
	fw_stats st;

	ck_assert_int_eq(fw_run_stats(run, v, test_metric(metric),
	    &st), FW_OK);
	return st.mean;
}

/* Engaged HCPs with no channels meet prescribing friction every month
 * (J = 1) and never move on, so each month their trust tau becomes
 * tau (1 - loss) and then is pulled back by r towards the segment's 0.8:
 * tau' = tau (1 - loss) + r (0.8 - tau (1 - loss)). */
START_TEST(test_trust_reversion)
{
	fw_scenario *sc = test_load("name: r\nhorizon_months: 12\n"
	    "replications: 2\n"
	    "experience: {trust_loss: 0.1, trust_reversion: 0.25}\n"
	    "friction: {prescribe: 1}\n"
	    "flywheel: {disengage_rate: 0, referral: 0}\n"
	    "segments:\n  - {name: a, hcps: 7, scripts_per_month: 1, "
	    "trust: 0.8, initial: {engaged: 1}}\n");
	fw_run_options opt = { 0 };
	fw_run *run = test_run(sc, &opt);
	double tau = 0.8;
	int t;

	for (t = 1; t <= 12; t++) {
		tau *= 0.9;
		tau += 0.25 * (0.8 - tau);
		ck_assert_double_eq_tol(month_mean(run, 0, t, "mean_trust"),
		    tau, 1e-12);
		ck_assert_double_eq(month_mean(run, 0, t, "engaged"), 7);
	}
	/* The fixed point: tau = 0.25 * 0.8 / (1 - 0.75 * 0.9) = 0.6154 */
	ck_assert_double_eq_tol(tau, 0.2 / 0.325, 0.01);
	fw_run_free(run);
	fw_scenario_free(sc);
}
END_TEST

/* Ten adopters at full trust, continuity friction every month and every
 * friction a lapse: month 1 all lapse; month 2 all are won back (chance
 * 1 at trust 1), each at the first defection's cost, 1000; month 3 they
 * start a trial; month 4 onboarding friction makes every one abandon (a
 * second lapse); month 5 they are won back at 1000 * 1.5. They come
 * back the month after they leave, so the cost has not grown. Four more
 * HCPs start switched, which counts as one defection: won back in month
 * 1 at 1000, trial in 2, abandoned in 3 (a second defection), won back
 * in 4 at 1000 * 1.5. In the
 * "switch" variant the ten have trust 0 and no friction, so all switch
 * in month 1 and, at trust 0, none is ever won back. */
START_TEST(test_defections_and_winbacks)
{
	fw_scenario *sc = test_load("name: d\nhorizon_months: 5\n"
	    "replications: 2\n"
	    "experience: {trust_loss: 0}\n"
	    "friction: {continuity: 1, onboarding: 1, prescribe: 0, "
	    "access: 0}\n"
	    "flywheel: {lapse_per_friction: 1, abandon_per_friction: 1, "
	    "trial_rate: 1, advocacy_rate: 0, switch_rate: 1, referral: 0}\n"
	    "reacquisition: {winback_lapsed: 1, winback_switched: 1, "
	    "winback_decay: 0, base_cost: 1000, defection_multiplier: 1.5, "
	    "cost_growth: 0.1}\n"
	    "segments:\n  - {name: a, hcps: 10, scripts_per_month: 0, "
	    "trust: 1, initial: {adopter: 1}}\n"
	    "  - {name: b, hcps: 4, scripts_per_month: 0, trust: 1, "
	    "initial: {switched: 1}}\n"
	    "variants:\n  switch:\n    set: {segments.a.trust: 0, "
	    "friction.continuity: 0}\n");
	fw_run_options opt = { 0 };
	fw_run *run = test_run(sc, &opt);
	static const double lapses[] = { 10, 0, 4, 10, 0 };
	static const double winbacks[] = { 4, 10, 0, 4, 10 };
	static const double cost[] = { 4000, 10000, 0, 6000, 15000 };
	int t;

	for (t = 1; t <= 5; t++) {
		ck_assert_double_eq(month_mean(run, 0, t, "lapses"),
		    lapses[t - 1]);
		ck_assert_double_eq(month_mean(run, 0, t, "winbacks"),
		    winbacks[t - 1]);
		ck_assert_double_eq(month_mean(run, 0, t, "switches"), 0);
		ck_assert_double_eq(month_mean(run, 0, t, "reacq_cost"),
		    cost[t - 1]);
	}
	ck_assert_double_eq(month_mean(run, 0, 3, "trial"), 10);
	ck_assert_double_eq(month_mean(run, 0, 2, "trial"), 4);
	ck_assert_double_eq(metric_mean(run, 0, "lapses"), 24);
	ck_assert_double_eq(metric_mean(run, 0, "winbacks"), 28);
	ck_assert_double_eq(metric_mean(run, 0, "reacq_cost"), 35000);
	ck_assert_double_eq(metric_mean(run, 0, "engaged"), 10);
	/* The switch variant: the four of b as in the baseline. */
	ck_assert_double_eq(month_mean(run, 1, 1, "switches"), 10);
	ck_assert_double_eq(metric_mean(run, 1, "switches"), 10);
	ck_assert_double_eq(metric_mean(run, 1, "lapses"), 4);
	ck_assert_double_eq(metric_mean(run, 1, "winbacks"), 8);
	ck_assert_double_eq(metric_mean(run, 1, "switched"), 10);
	fw_run_free(run);
	fw_scenario_free(sc);
}
END_TEST

/* Nothing happens in this market (no channels, no referral): cash is
 * minus the programme cost. The baseline pays 100 a month; "upfront"
 * pays 1000 in month 1 and nothing after, so its cumulative gain at
 * month t is -1000 + 100 t: -900 in month 1, 0 in month 10 (its payback
 * month) and 1400 at 24. "never" pays 5000 once: -2600 at 24, no
 * payback. The NPV gain of "upfront" is -1000 d + 100 (d + ... + d^24)
 * with d = 1.08^(-1/12). "same" is the baseline under another name. */
#define PROGRAMME \
	"name: p\nhorizon_months: 24\nreplications: 3\n" \
	"flywheel: {referral: 0}\nprogram_cost: {monthly: 100}\n" \
	"segments:\n  - {name: a, hcps: 5, scripts_per_month: 1}\n" \
	"variants:\n  upfront: {program_cost: {upfront: 1000}}\n" \
	"  never: {program_cost: {upfront: 5000}}\n" \
	"  same: {description: the baseline again}\n"

START_TEST(test_cumulative_gain_and_payback)
{
	fw_scenario *sc = test_load(PROGRAMME);
	fw_run_options opt = { 0 };
	fw_run *run = test_run(sc, &opt);
	double d = pow(1.08, -1.0 / 12), dnpv = -1000 * d;
	fw_paired p;
	fw_gain g;
	int t;

	for (t = 1; t <= 24; t++) {
		ck_assert_int_eq(fw_run_cumulative_gain(run, 1, t, &g), FW_OK);
		ck_assert_double_eq_tol(g.mean, -1000 + 100.0 * t, 1e-9);
		ck_assert_double_eq_tol(g.p5, -1000 + 100.0 * t, 1e-9);
		ck_assert_double_eq_tol(g.p95, -1000 + 100.0 * t, 1e-9);
		dnpv += 100 * pow(d, t);
	}
	ck_assert_int_eq(fw_run_cumulative_gain(run, 2, 24, &g), FW_OK);
	ck_assert_double_eq_tol(g.mean, -2600, 1e-9);
	ck_assert_int_eq(payback_of(run, 1, 0), 10);
	ck_assert_int_eq(payback_of(run, 2, 0), 0);
	/* Against "never", "upfront" is ahead from month 1. */
	ck_assert_int_eq(payback_of(run, 1, 2), 1);
	ck_assert_int_eq(fw_run_paired(run, 1, 0, test_metric(
	    "npv"), &p), FW_OK);
	ck_assert_double_eq_tol(p.mean, dnpv, 1e-9);
	ck_assert_double_eq(p.p_positive, 1);
	ck_assert_int_eq(fw_run_paired(run, 1, 0, test_metric(
	    "cash"), &p), FW_OK);
	ck_assert_double_eq_tol(p.mean, 1400, 1e-9);
	/* A variant equal to the baseline gains nothing, in no
	 * replication. */
	ck_assert_int_eq(fw_run_paired(run, 3, 0, test_metric(
	    "npv"), &p), FW_OK);
	ck_assert_double_eq(p.mean, 0);
	ck_assert_double_eq(p.p_positive, 0);
	ck_assert_int_eq(payback_of(run, 3, 0), 1);
	fw_run_free(run);
	fw_scenario_free(sc);
}
END_TEST

/* es5 is the mean of the ceil(0.05 n) lowest values: 1 of 20, 2 of 21,
 * 5 of 100, whatever their order. */
START_TEST(test_expected_shortfall)
{
	double x[100];
	fw_stats st;
	size_t i;

	for (i = 0; i < 100; i++)
		x[i] = (double)((i * 37) % 100) + 1;	/* 1..100, shuffled */
	fw_stats_of(x, 20, &st);
	ck_assert_double_eq(st.es5, st.min);
	for (i = 0; i < 100; i++)
		x[i] = (double)((i * 37) % 100) + 1;
	fw_stats_of(x, 100, &st);
	ck_assert_double_eq(st.es5, 3);		/* (1 + 2 + 3 + 4 + 5) / 5 */
	ck_assert_double_eq(st.min, 1);
	ck_assert_double_eq(st.p5, 5.95);	/* 1 + 99 * 0.05 */
	for (i = 0; i < 21; i++)
		x[i] = 100 - (double)i;		/* 100 down to 80 */
	fw_stats_of(x, 21, &st);
	ck_assert_double_eq(st.es5, 80.5);	/* (80 + 81) / 2 */
}
END_TEST

Suite *
answers_suite(void)
{
	Suite *s = suite_create("answers");
	TCase *tc = tcase_create("by hand");

	tcase_add_test(tc, test_trust_reversion);
	tcase_add_test(tc, test_defections_and_winbacks);
	tcase_add_test(tc, test_cumulative_gain_and_payback);
	tcase_add_test(tc, test_expected_shortfall);
	suite_add_tcase(s, tc);
	return s;
}
