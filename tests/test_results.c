/* test_results.c - reading a run's results through the API: the
 * whole-array readers give what the one-value readers give, and nothing
 * is read from a run that has not finished.
 * SPDX-License-Identifier: MIT */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"
#include "suites.h"

/* Two segments, one uncertain input in the baseline and another in a
 * variant only, so that draws are NaN where a variant has none. */
static const char UNCERTAIN[] =
    "name: results\nhorizon_months: 25\nreplications: 23\nseed: 5\n"
    "friction: {access: {dist: uniform, min: 0.3, max: 0.5}}\n"
    "segments:\n"
    "  - {name: a, hcps: 150, scripts_per_month: 2, initial: "
    "{unaware: 0.5, engaged: 0.2, adopter: 0.3}}\n"
    "  - {name: b, hcps: 90, scripts_per_month: 1}\n"
    "variants:\n"
    "  fix: {set: {friction.access: 0.2, friction.onboarding: "
    "{dist: uniform, min: 0.05, max: 0.15}}}\n";

START_TEST(test_values_match_value)
{
	fw_scenario *sc = test_load(UNCERTAIN);
	fw_run_options opt = { 0 };
	fw_run *run = test_run(sc, &opt);
	const uint64_t R = fw_run_replications(run);
	const int T = fw_run_months(run);
	double *x = malloc(R * (size_t)T * sizeof(double));
	size_t v, k, i;
	uint64_t r;
	int t;

	ck_assert_uint_eq(fw_run_draw_count(run), 2);
	for (v = 0; v < 2; v++) {
		for (k = 0; k < fw_metric_count(); k++) {
			ck_assert_int_eq(fw_run_values(run, v, k, x), FW_OK);
			for (r = 0; r < R; r++)
				ck_assert(x[r] == fw_run_value(run, r, v, k));
		}
		for (i = 0; i < fw_run_draw_count(run); i++) {
			ck_assert_int_eq(fw_run_draws(run, v, i, x), FW_OK);
			for (r = 0; r < R; r++)
				ck_assert_mem_eq(&x[r], &(double){
				    fw_run_draw(run, r, v, i) }, sizeof(double));
		}
		for (k = 0; k < fw_series_count(); k++) {
			if (!fw_series_has_percentiles(k)) {
				ck_assert_int_eq(fw_run_month_values(run, v, k,
				    x), FW_EINVALID);
				continue;
			}
			ck_assert_int_eq(fw_run_month_values(run, v, k, x),
			    FW_OK);
			for (r = 0; r < R; r++)
				for (t = 1; t <= T; t++)
					ck_assert(x[r * (size_t)T + (size_t)t - 1]
					    == fw_run_month_value(run, r, v, t,
					    k));
		}
	}
	/* The baseline draws no onboarding friction: NaN throughout. */
	ck_assert_str_eq(fw_run_draw_path(run, 1), "friction.onboarding");
	ck_assert_int_eq(fw_run_draws(run, 0, 1, x), FW_OK);
	ck_assert(isnan(x[0]) && isnan(x[R - 1]));
	ck_assert_int_eq(fw_run_draws(run, 1, 1, x), FW_OK);
	ck_assert(x[0] >= 0.05 && x[0] <= 0.15);
	/* Indices past the end are refused. */
	ck_assert_int_eq(fw_run_values(run, 2, 0, x), FW_EINVALID);
	ck_assert_int_eq(fw_run_values(run, 0, fw_metric_count(), x),
	    FW_EINVALID);
	ck_assert_int_eq(fw_run_draws(run, 0, 2, x), FW_EINVALID);
	free(x);
	fw_run_free(run);
	fw_scenario_free(sc);
}
END_TEST

/* The statistics are those of the values fw_run_values() gives. */
START_TEST(test_stats_of_values)
{
	fw_scenario *sc = test_load(UNCERTAIN);
	fw_run_options opt = { 0 };
	fw_run *run = test_run(sc, &opt);
	double x[23];
	fw_stats a, b;
	size_t k = test_metric("npv");

	ck_assert_int_eq(fw_run_values(run, 1, k, x), FW_OK);
	fw_stats_of(x, 23, &a);
	ck_assert_int_eq(fw_run_stats(run, 1, k, &b), FW_OK);
	ck_assert_mem_eq(&a, &b, sizeof(a));
	fw_run_free(run);
	fw_scenario_free(sc);
}
END_TEST

/* Until every replication is done there are no results to read. */
START_TEST(test_unfinished_run_has_no_results)
{
	fw_scenario *sc = test_load(UNCERTAIN);
	fw_run_options opt = { 0 };
	fw_run *run;
	fw_error err;
	fw_stats s;
	fw_band band;
	fw_paired p;
	fw_gain g;
	double x[23], ratio;
	int month;

	opt.threads = 1;
	ck_assert_int_eq(fw_run_alloc(sc, &opt, &run, &err), FW_OK);
	ck_assert_int_eq(fw_run_step(run, 1, &err), FW_OK);
	ck_assert_uint_lt(fw_run_done(run), fw_run_replications(run));
	ck_assert_int_eq(fw_run_stats(run, 0, 0, &s), FW_EINVALID);
	ck_assert_int_eq(fw_run_values(run, 0, 0, x), FW_EINVALID);
	ck_assert(isnan(fw_run_value(run, 0, 0, 0)));
	ck_assert_int_eq(fw_run_month(run, 0, 1, 0, &band), FW_EINVALID);
	ck_assert(isnan(fw_run_month_value(run, 0, 0, 1,
	    test_series("revenue"))));
	ck_assert(isnan(fw_run_draw(run, 0, 0, 0)));
	ck_assert_int_eq(fw_run_draws(run, 0, 0, x), FW_EINVALID);
	ck_assert_int_eq(fw_run_paired(run, 1, 0, 0, &p), FW_EINVALID);
	ck_assert_int_eq(fw_run_cumulative_gain(run, 1, 1, &g), FW_EINVALID);
	/* an unfinished run is refused, the answer left as it was */
	month = -7;
	ratio = -7;
	ck_assert_int_eq(fw_run_payback(run, 1, 0, &month), FW_EINVALID);
	ck_assert_int_eq(fw_run_compounding(run, 1, 0, &ratio), FW_EINVALID);
	ck_assert_int_eq(month, -7);
	ck_assert_double_eq(ratio, -7);
	ck_assert_int_eq(fw_run_finish(run, &err), FW_OK);
	ck_assert_int_eq(fw_run_stats(run, 0, 0, &s), FW_OK);
	ck_assert_int_eq(fw_run_paired(run, 1, 0, 0, &p), FW_OK);
	ck_assert_int_ge(payback_of(run, 1, 0), 0);
	ck_assert(!isnan(compounding_of(run, 1, 0)));
	fw_run_free(run);
	fw_scenario_free(sc);
}
END_TEST

/* Every total and every monthly series has its row in metrics.def, so
 * that no table, chart or workbook header falls back to its bare name;
 * and the gains match fw_run_paired() and fw_run_month(). */
START_TEST(test_every_metric_in_words)
{
	fw_metric_info m;
	size_t k;

	for (k = 0; k < fw_metric_count(); k++)
		ck_assert_msg(fw_metric_about(fw_metric_name(k), &m) == FW_OK,
		    "total %s is not in metrics.def", fw_metric_name(k));
	for (k = 0; k < fw_series_count(); k++)
		ck_assert_msg(fw_metric_about(fw_series_name(k), &m) == FW_OK,
		    "series %s is not in metrics.def", fw_series_name(k));
	ck_assert_int_eq(fw_metric_about("no_such_metric", &m), FW_EINVALID);
	ck_assert_str_eq(m.label, "no_such_metric");
	ck_assert_int_eq(m.money, 0);
	ck_assert_int_eq(fw_metric_about("gap_value", &m), FW_OK);
	ck_assert(m.money && m.flow);
	ck_assert_str_eq(m.decomposed, "realization-gap value");
}
END_TEST

Suite *
results_suite(void)
{
	Suite *s = suite_create("results");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_values_match_value);
	tcase_add_test(tc, test_stats_of_values);
	tcase_add_test(tc, test_unfinished_run_has_no_results);
	tcase_add_test(tc, test_every_metric_in_words);
	suite_add_tcase(s, tc);
	return s;
}
