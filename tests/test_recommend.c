/* test_recommend.c - the recommendation on hand-made NPVs with answers
 * worked out by hand, its words, and on a run against the paired
 * comparison it rests on.
 * SPDX-License-Identifier: MIT */
#include "config.h"

#include <math.h>
#include <string.h>

#include "helpers.h"
#include "suites.h"

/* The options' figures besides their NPVs: variant v named name. */
static fw_option
given(size_t v, const char *name, int payback, double cost)
{
	return (fw_option){ .variant = v, .name = name, .payback = payback,
		.compounding = NAN, .spend = 2 * cost, .program_cost = cost,
		.cost = cost };
}

/* Four replications of a baseline and two options, a then b:
 *   gains of a 10 20 30 40 (mean 25), of b 5 25 35 1 (mean 16.5);
 *   a less b 5 -5 -5 39: mean 8.5, ahead in two replications of four;
 *   a has the highest NPV in replications 1 and 4. */
static const double close_npv[] = {
	0, 10, 5,
	0, 20, 25,
	0, 30, 35,
	0, 40, 1,
};

START_TEST(test_close_call)
{
	const fw_option opt[2] = { given(1, "a", 3, 4), given(2, "b", 0, 0) };
	fw_recommendation rec;
	char text[512];

	ck_assert_int_eq(fw_recommend(close_npv, 4, 3, 24, opt, &rec),
	    FW_OK);
	ck_assert_int_eq(rec.call, FW_CALL_CLOSE);
	ck_assert_uint_eq(rec.n, 2);
	ck_assert_uint_eq(rec.leader, 1);
	ck_assert_uint_eq(rec.runner_up, 2);
	ck_assert_uint_eq(rec.rival, 2);
	ck_assert_str_eq(rec.opt[0].name, "a");
	ck_assert_double_eq(rec.opt[0].mean, 25);
	ck_assert_double_eq(rec.opt[0].p_ahead, 1);
	ck_assert_double_eq(rec.opt[0].roi, 25.0 / 4);
	/* type 7: rank 0.15 between 10 and 20 */
	ck_assert_double_eq_tol(rec.opt[0].npv_p5, 11.5, 1e-12);
	ck_assert_int_eq(rec.opt[0].payback, 3);
	ck_assert_double_eq(rec.opt[1].mean, 16.5);
	ck_assert(isnan(rec.opt[1].roi));
	ck_assert_double_eq(rec.lead_mean, 8.5);
	ck_assert_double_eq(rec.lead_p_ahead, 0.5);
	ck_assert_double_eq(rec.lead_p5, -5);
	/* rank 2.85 between 5 and 39 */
	ck_assert_double_eq_tol(rec.lead_p95, 5 + 0.85 * 34, 1e-12);
	ck_assert_double_eq(rec.p_best, 0.5);
	fw_recommendation_title(&rec, text, sizeof(text));
	ck_assert_str_eq(text, "A close call: a leads, but b comes out ahead "
	    "in 50% of replications");
	fw_recommendation_line(&rec, 1, text, sizeof(text));
	ck_assert_str_eq(text, "2. b gains $0.0M of NPV (5th to 95th "
	    "percentile $0.0M to $0.0M); it beats the baseline in all 4 "
	    "replications; it does not pay back within 24 months; no extra "
	    "spend ($0.0M).");
	fw_recommendation_line(&rec, 2, text, sizeof(text));
	ck_assert_str_eq(text, "");
	fw_recommendation_free(&rec);
	ck_assert_ptr_null(rec.opt);
}
END_TEST

/* One option that always gains: clear; one that never does: keep; none:
 * nothing to weigh. */
START_TEST(test_calls)
{
	const double sure[] = { 0, 2e6, 0, 3e6, 0, 4e6 };
	const double loses[] = { 0, -2e6, 0, -3e6, 0, 1e6 };
	const double alone[] = { 1, 2, 3 };
	const fw_option opt[1] = { given(1, "fix", 2, 1e6) };
	fw_recommendation rec;
	char text[512];

	ck_assert_int_eq(fw_recommend(sure, 3, 2, 60, opt, &rec), FW_OK);
	ck_assert_int_eq(rec.call, FW_CALL_CLEAR);
	ck_assert_uint_eq(rec.runner_up, 0);
	ck_assert_uint_eq(rec.rival, 0);
	ck_assert(isnan(rec.lead_mean));
	ck_assert_double_eq(rec.p_best, 1);
	fw_recommendation_title(&rec, text, sizeof(text));
	ck_assert_str_eq(text, "Recommendation: fix");
	fw_recommendation_answer(&rec, text, sizeof(text));
	ck_assert_str_eq(text, "fix gains $3.0M of NPV over 5 years (5th to "
	    "95th percentile of the paired gain: $2.1M to $3.9M). It beats "
	    "the baseline in all 3 replications. It pays back in month 2; "
	    "its programme costs $1.0M, ROI 3.0x on $1.0M of extra spend.");
	fw_recommendation_free(&rec);

	ck_assert_int_eq(fw_recommend(loses, 3, 2, 30, opt, &rec), FW_OK);
	ck_assert_int_eq(rec.call, FW_CALL_KEEP);
	ck_assert_double_eq(rec.p_best, 1.0 / 3);
	fw_recommendation_title(&rec, text, sizeof(text));
	ck_assert_str_eq(text, "Keep the baseline: no option gains NPV on "
	    "average");
	fw_recommendation_free(&rec);

	ck_assert_int_eq(fw_recommend(alone, 3, 1, 12, NULL, &rec), FW_OK);
	ck_assert_int_eq(rec.call, FW_CALL_NONE);
	ck_assert_uint_eq(rec.leader, 0);
	fw_recommendation_answer(&rec, text, sizeof(text));
	ck_assert_str_eq(text, "Add variants to the scenario to compare "
	    "options with the baseline.");
	fw_recommendation_free(&rec);

	/* an option numbered outside the scenario */
	ck_assert_int_eq(fw_recommend(sure, 3, 1, 12, opt, &rec), FW_OK);
	fw_recommendation_free(&rec);
	ck_assert_int_eq(fw_recommend(sure, 3, 2, 12, (const fw_option[]){
	    given(2, "x", 0, 0) }, &rec), FW_EINVALID);
	ck_assert_ptr_null(rec.opt);
	ck_assert_int_eq(fw_recommend(sure, 0, 2, 12, opt, &rec),
	    FW_EINVALID);
}
END_TEST

START_TEST(test_words)
{
	char b[64];

	fw_format_money(288.14e6, b, sizeof(b));
	ck_assert_str_eq(b, "$288.1M");
	fw_format_money(-18.44e6, b, sizeof(b));
	ck_assert_str_eq(b, "-$18.4M");
	fw_format_money(-4e4, b, sizeof(b));	/* rounds to no loss */
	ck_assert_str_eq(b, "$0.0M");
	fw_format_money(NAN, b, sizeof(b));
	ck_assert_str_eq(b, "n/a");
	fw_format_money(1114.14e6, b, sizeof(b));	/* thousands apart */
	ck_assert_str_eq(b, "$1,114.1M");
	fw_format_money(-12345.67e6, b, sizeof(b));
	ck_assert_str_eq(b, "-$12,345.7M");
	fw_format_money(999.96e6, b, sizeof(b));	/* rounds up to 1000 */
	ck_assert_str_eq(b, "$1,000.0M");
	fw_format_share(0.97, 1000, b, sizeof(b));
	ck_assert_str_eq(b, "in 97% of replications");
	fw_format_share(0.996, 1000, b, sizeof(b));
	ck_assert_str_eq(b, "in 99.6% of replications");
	fw_format_share(1, 1, b, sizeof(b));
	ck_assert_str_eq(b, "in the one replication");
	fw_format_share(0, 7, b, sizeof(b));
	ck_assert_str_eq(b, "in none of the 7 replications");
	fw_format_horizon(60, b, sizeof(b));
	ck_assert_str_eq(b, "over 5 years");
	fw_format_horizon(12, b, sizeof(b));
	ck_assert_str_eq(b, "over 1 year");
	fw_format_horizon(30, b, sizeof(b));
	ck_assert_str_eq(b, "over 30 months");
	fw_format_horizon(1, b, 4);		/* cut, terminated */
	ck_assert_str_eq(b, "ove");
}
END_TEST

/* On a run: each option's gain is fw_run_paired's against the baseline,
 * the lead the leader's against the runner-up, to the bit. */
START_TEST(test_of_run)
{
	fw_scenario *sc = test_load("name: t\nhorizon_months: 24\n"
	    "replications: 40\nsegments:\n"
	    "  - {name: a, hcps: 300, scripts_per_month: 3, initial: "
	    "{engaged: 0.5, adopter: 0.5}}\nvariants:\n"
	    "  small: {set: {friction.access: 0.1}}\n"
	    "  large: {set: {friction.access: 0.0}, program_cost: "
	    "{upfront: 1000}}\n");
	fw_run_options opt = { 0 };
	fw_run *run = test_run(sc, &opt);
	const size_t npv = (size_t)fw_metric_index("npv");
	fw_recommendation rec;
	fw_paired p;
	size_t i;

	ck_assert_int_eq(fw_run_recommend(run, &rec), FW_OK);
	ck_assert_uint_eq(rec.n, 2);
	ck_assert_uint_eq(rec.reps, 40);
	ck_assert_int_eq(rec.months, 24);
	for (i = 0; i < rec.n; i++) {
		const fw_option *o = &rec.opt[i];
		ck_assert_str_eq(o->name, fw_scenario_variant_name(sc,
		    o->variant));
		ck_assert_int_eq(fw_run_paired(run, o->variant, 0, npv, &p),
		    FW_OK);
		ck_assert(memcmp(&o->mean, &p.mean, sizeof(double)) == 0);
		ck_assert(memcmp(&o->p95, &p.p95, sizeof(double)) == 0);
		ck_assert_double_eq(o->p_ahead, p.p_positive);
		ck_assert_int_eq(o->payback, fw_run_payback(run, o->variant,
		    0));
	}
	ck_assert(rec.opt[0].mean >= rec.opt[1].mean);
	ck_assert_int_eq(fw_run_paired(run, rec.leader, rec.runner_up, npv,
	    &p), FW_OK);
	ck_assert(memcmp(&rec.lead_mean, &p.mean, sizeof(double)) == 0);
	ck_assert(memcmp(&rec.lead_p5, &p.p5, sizeof(double)) == 0);
	ck_assert_double_eq(rec.lead_p_ahead, p.p_positive);
	fw_recommendation_free(&rec);
	ck_assert_int_eq(fw_run_recommend(NULL, &rec), FW_EINVALID);
	fw_run_free(run);
	fw_scenario_free(sc);
}
END_TEST

Suite *
recommend_suite(void)
{
	Suite *s = suite_create("recommend");
	TCase *tc = tcase_create("recommend");

	tcase_add_test(tc, test_close_call);
	tcase_add_test(tc, test_calls);
	tcase_add_test(tc, test_words);
	tcase_add_test(tc, test_of_run);
	suite_add_tcase(s, tc);
	return s;
}
