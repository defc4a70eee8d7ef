/* test_limits.c - every value at its limit runs to finite results, and a
 * cohort of patients larger than one binomial draw is drawn whole.
 * SPDX-License-Identifier: MIT */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "helpers.h"
#include "keys.h"
#include "scenario.h"
#include "suites.h"

#define TWO_SEGMENTS \
	"name: limits\nhorizon_months: 600\nwarmup_months: 600\n" \
	"replications: 3\nseed: 7\n" \
	"segments:\n" \
	"  - {name: a, hcps: 20, scripts_per_month: 1, initial: " \
	"{adopter: 0.5, lapsed: 0.25, trial: 0.25}}\n" \
	"  - {name: b, hcps: 20, scripts_per_month: 1}\n" \
	"channels:\n" \
	"  - {name: c, touches_per_month: 1, reach: 1, helpful: 0.5, " \
	"burden: 0.5, cost_per_touch: 1}\n" \
	"variants:\n" \
	"  churn:\n" \
	"    set: {reacquisition.winback_decay: 0, " \
	"reacquisition.winback_lapsed: 1, reacquisition.winback_switched: 1, " \
	"flywheel.switch_rate: 1, flywheel.lapse_per_friction: 1, " \
	"friction.continuity: 1, flywheel.onboarding_months: 1, " \
	"economics.discount_rate: 0, flywheel.trial_rate: 1, " \
	"experience.trust_loss: 0, experience.unfilled_weight: 0, " \
	"channels.c.burden: 0}\n"

/* Sets every key of a scenario that has a limit with a reason to that
 * limit, but the number of HCPs (test_hcps_limit runs that). */
static void
set_all_to_limits(fw_scenario *sc)
{
	char path[128], *bracket;
	fw_key_info k;
	fw_error err;
	size_t i;

	for (i = 0; i < fw_key_count(); i++) {
		fw_key_get(i, &k);
		/* a text's limit is its length, refused at loading */
		if (fw_key_limit(i)[0] == '\0' || k.type == FW_KEY_TEXT ||
		    strcmp(k.file, "scenario") != 0 ||
		    strcmp(k.path, "segments[].hcps") == 0)
			continue;
		snprintf(path, sizeof(path), "%s", k.path);
		if ((bracket = strstr(path, "[]")) != NULL) {
			/* segments[].x -> segments.a.x, channels[].x ->
			 * channels.c.x */
			memmove(bracket + 2, bracket + 2, strlen(bracket + 2) + 1);
			bracket[0] = '.';
			bracket[1] = path[0] == 's' ? 'a' : 'c';
		}
		ck_assert_msg(fw_scenario_set_number(sc, NULL, path, k.hi,
		    &err) == FW_OK, "%s: %s", path, err.msg);
		if (strncmp(path, "segments.", 9) == 0) {
			path[9] = 'b';
			ck_assert_msg(fw_scenario_set_number(sc, NULL, path,
			    k.hi, &err) == FW_OK, "%s: %s", path, err.msg);
		}
	}
}

START_TEST(test_every_limit_is_finite)
{
	fw_scenario *sc = test_load(TWO_SEGMENTS);
	fw_run_options opt = { .threads = 1 };
	fw_stats st;
	fw_run *run;
	size_t v, k;

	set_all_to_limits(sc);
	run = test_run(sc, &opt);
	for (v = 0; v < fw_scenario_variant_count(sc); v++)
		for (k = 0; k < fw_metric_count(); k++) {
			ck_assert_int_eq(fw_run_stats(run, v, k, &st), FW_OK);
			ck_assert_msg(isfinite(st.mean) && isfinite(st.sd) &&
			    isfinite(st.min) && isfinite(st.max) &&
			    isfinite(st.es5), "%s of %s: mean %g sd %g",
			    fw_metric_name(k), fw_scenario_variant_name(sc, v),
			    st.mean, st.sd);
		}
	/* The churn variant does churn: the limits were reached. */
	k = test_metric("winbacks");
	fw_run_stats(run, 1, k, &st);
	ck_assert_double_gt(st.mean, 100);
	fw_run_free(run);
	fw_scenario_free(sc);
}
END_TEST

/* Ten million adopters writing 1000 scripts a month fill more scripts
 * than GSL draws in one binomial (INT_MAX): the patients still number
 * at most the scripts filled, and all but a few survive the month. */
START_TEST(test_hcps_limit)
{
	fw_scenario *sc = test_load("name: big\nhorizon_months: 2\n"
	    "replications: 1\nfriction: {access: 0, continuity: 0}\n"
	    "patients: {early_dropout: 0.01, early_friction: 0}\n"
	    "flywheel: {share_adopter: 1, switch_rate: 0}\n"
	    "experience: {cx_weight: 0}\n"
	    "segments:\n  - {name: a, hcps: 10000000, scripts_per_month: "
	    "1000, initial: {adopter: 1}}\n");
	fw_run_options opt = { .threads = 1 };
	fw_run *run = test_run(sc, &opt);
	double filled, patients;
	fw_band b;

	ck_assert_int_eq(fw_run_month(run, 0, 1, test_series(
	    "scripts_filled"), &b), FW_OK);
	filled = b.mean;
	ck_assert_double_gt(filled, 1e10 * 0.999);
	ck_assert_int_eq(fw_run_month(run, 0, 2, test_series(
	    "patients"), &b), FW_OK);
	patients = b.mean;
	/* Month 2: month 1's patients, 1% dropped, and month 2's new
	 * ones; 1e10 * 0.99 + 1e10 within a few standard deviations. */
	ck_assert_msg(fabs(patients - (filled * 0.99 + filled)) < 1e6,
	    "patients %.17g, filled %.17g", patients, filled);
	fw_run_free(run);
	fw_scenario_free(sc);
}
END_TEST

/* A value past every limit, planted behind the loader's back, still
 * cannot give an infinite result: the run fails, saying where. */
START_TEST(test_not_finite_fails)
{
	fw_scenario *sc = test_load("name: inf\nhorizon_months: 12\n"
	    "replications: 4\nsegments:\n  - {name: a, hcps: 50, "
	    "scripts_per_month: 5, initial: {adopter: 1}}\n");
	fw_run_options opt = { .threads = 2 };
	fw_run *run = NULL;
	fw_error err;
	int rc;

	sc->config[0].g[FW_G_PRICE].value = 1e308;
	ck_assert_int_eq(fw_run_alloc(sc, &opt, &run, &err), FW_OK);
	rc = fw_run_finish(run, &err);
	ck_assert_int_eq(rc, FW_ERUN);
	ck_assert_str_eq(err.file, "test.yaml");
	ck_assert_str_eq(err.msg, "the results of baseline are not finite "
	    "numbers in replication 1: a value is too large for them "
	    "(prices, costs or counts)");
	fw_run_free(run);
	fw_scenario_free(sc);
}
END_TEST

Suite *
limits_suite(void)
{
	Suite *s = suite_create("limits");
	TCase *tc = tcase_create("limits");

	tcase_set_timeout(tc, 600);
	tcase_add_test(tc, test_every_limit_is_finite);
	tcase_add_test(tc, test_hcps_limit);
	tcase_add_test(tc, test_not_finite_fails);
	suite_add_tcase(s, tc);
	return s;
}
