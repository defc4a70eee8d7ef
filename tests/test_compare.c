/* test_compare.c - the comparison maths on hand-made data with answers
 * worked out by hand, and on a run with an identical variant.
 * SPDX-License-Identifier: MIT */
#include "config.h"

#include <math.h>
#include <string.h>

#include "compare.h"
#include "helpers.h"
#include "stats.h"
#include "suites.h"

START_TEST(test_paired_stats)
{
	double d[5] = { 5, 3, 1, 4, 2 };
	double e[5] = { -2, 0, 5, -1, 1 };
	fw_paired s;
	/* t quantile 0.975 with 4 degrees of freedom */
	const double t4 = 2.7764451051977987;

	fwi_paired_stats(d, 5, &s);
	ck_assert_double_eq(s.mean, 3);
	ck_assert_double_eq_tol(s.lo95, 3 - t4 * sqrt(2.5 / 5), 1e-12);
	ck_assert_double_eq_tol(s.hi95, 3 + t4 * sqrt(2.5 / 5), 1e-12);
	/* type 7: p5 at rank 0.2, p95 at rank 3.8 */
	ck_assert_double_eq_tol(s.p5, 1.2, 1e-12);
	ck_assert_double_eq(s.p50, 3);
	ck_assert_double_eq_tol(s.p95, 4.8, 1e-12);
	ck_assert_double_eq(s.p_positive, 1);
	/* zero is not a gain */
	fwi_paired_stats(e, 5, &s);
	ck_assert_double_eq(s.p_positive, 0.4);
	ck_assert_double_eq(s.mean, 0.6);
}
END_TEST

START_TEST(test_payback)
{
	const double a[6] = { -5, -2, 1, -1, 2, 3 };
	const double b[3] = { 0, 1, 2 };
	const double c[3] = { -1, 0, 0 };
	const double d[3] = { 1, 2, -0.5 };

	ck_assert_int_eq(fwi_payback_month(a, 6), 5);
	ck_assert_int_eq(fwi_payback_month(b, 3), 1);
	ck_assert_int_eq(fwi_payback_month(c, 3), 2);
	ck_assert_int_eq(fwi_payback_month(d, 3), 0);
}
END_TEST

START_TEST(test_compounding)
{
	double g[30];
	int m;

	for (m = 0; m < 30; m++)
		g[m] = m < 12 ? 1 : m < 24 ? 3 : 100;
	/* year 2 (the last full year of 24 or 30 months) over year 1 */
	ck_assert_double_eq(fwi_compounding(g, 24), 3);
	ck_assert_double_eq(fwi_compounding(g, 30), 3);
	ck_assert(isnan(fwi_compounding(g, 23)));
	for (m = 0; m < 12; m++)
		g[m] = 0;
	ck_assert(isnan(fwi_compounding(g, 24)));
}
END_TEST

/* A variant identical to the baseline: every difference is exactly 0. */
START_TEST(test_identical_variant)
{
	fw_scenario *sc = test_load("name: t\nhorizon_months: 24\n"
	    "replications: 5\nsegments:\n"
	    "  - {name: a, hcps: 200, scripts_per_month: 3, initial: "
	    "{engaged: 0.5, adopter: 0.5}}\nvariants:\n  same: {}\n");
	fw_run_options opt = { 0 };
	fw_run *run = test_run(sc, &opt);
	fw_paired p;
	fw_gain g;
	size_t k;
	int t;

	for (k = 0; k < fw_metric_count(); k++) {
		ck_assert_int_eq(fw_run_paired(run, 1, 0, k, &p), FW_OK);
		ck_assert_double_eq(p.mean, 0);
		ck_assert_double_eq(p.lo95, 0);
		ck_assert_double_eq(p.p5, 0);
		ck_assert_double_eq(p.p95, 0);
		ck_assert_double_eq(p.p_positive, 0);
	}
	for (t = 1; t <= 24; t++) {
		ck_assert_int_eq(fw_run_cumulative_gain(run, 1, t, &g), FW_OK);
		ck_assert_double_eq(g.mean, 0);
		ck_assert_double_eq(g.p5, 0);
		ck_assert_double_eq(g.p95, 0);
	}
	ck_assert_int_eq(payback_of(run, 1, 0), 1);
	ck_assert(isnan(compounding_of(run, 1, 0)));
	fw_run_free(run);
	fw_scenario_free(sc);
}
END_TEST

/* Spend is booked as the scenario says: a channel's planned touches for
 * every HCP each month, a programme's upfront in month 1 and monthly
 * after, and their present value at the monthly discount factor. The gap
 * rate is every written script unfilled at access friction 1, none at 0. */
START_TEST(test_costs_and_gap_rate)
{
	fw_scenario *sc = test_load("name: t\nhorizon_months: 12\n"
	    "replications: 3\neconomics: {discount_rate: 0.1}\n"
	    "friction: {access: 1}\n"
	    "segments:\n  - {name: a, hcps: 50, scripts_per_month: 4, "
	    "initial: {adopter: 1}}\n"
	    "channels:\n  - {name: rep, touches_per_month: 2, reach: 0.1, "
	    "helpful: 0.5, burden: 0.1, cost_per_touch: 30}\n"
	    "variants:\n  prog: {program_cost: {upfront: 1000, monthly: 100},"
	    " set: {friction.access: 0}}\n");
	fw_run_options opt = { 0 };
	fw_run *run = test_run(sc, &opt);
	const double v = pow(1.1, -1.0 / 12), channel = 50 * 2 * 30;
	double pv_channel = 0, pv_prog = 0;
	size_t cc = test_metric("channel_cost");
	size_t pc = test_metric("program_cost");
	size_t pv = test_metric("spend_pv");
	size_t gr = test_metric("gap_rate");
	fw_paired d;
	int t;

	for (t = 1; t <= 12; t++) {
		pv_channel += pow(v, t) * channel;
		pv_prog += pow(v, t) * (100 + (t == 1 ? 1000 : 0));
	}
	ck_assert_double_eq(fw_run_value(run, 2, 0, cc), 12 * channel);
	ck_assert_double_eq(fw_run_value(run, 2, 0, pc), 0);
	ck_assert_double_eq(fw_run_value(run, 2, 1, pc), 1000 + 12 * 100);
	ck_assert_double_eq_tol(fw_run_value(run, 0, 0, pv), pv_channel, 1e-6);
	ck_assert_double_eq_tol(fw_run_value(run, 0, 1, pv),
	    pv_channel + pv_prog, 1e-6);
	ck_assert_int_eq(fw_run_paired(run, 1, 0, pv, &d), FW_OK);
	ck_assert_double_eq_tol(d.mean, pv_prog, 1e-6);
	ck_assert_double_eq(fw_run_value(run, 1, 0, gr), 1);
	ck_assert_double_eq(fw_run_value(run, 1, 1, gr), 0);
	fw_run_free(run);
	fw_scenario_free(sc);
}
END_TEST

/* Percentiles by selection are those of the sorted values, to the bit:
 * for every size from 1 to 300, values with many ties, zeros of both
 * signs and infinities, in shuffled orders (p < 1: the largest value
 * alone is not interpolated, and its zero has the sign the sort's order
 * of ties gives it). */
START_TEST(test_quantiles_by_selection)
{
	static const double p[] = { 0, 0.05, 0.25, 0.5, 0.5, 0.95, 0.999 };
	const size_t np = sizeof(p) / sizeof(p[0]);
	double x[300], sorted[300], got[7], want;
	uint64_t state = 88172645463325252ULL;
	size_t n, i, m;

	for (n = 1; n <= 300; n++) {
		for (i = 0; i < n; i++) {
			state ^= state << 13;
			state ^= state >> 7;
			state ^= state << 17;
			x[i] = (double)(state % (n % 7 + 2)) - 1.5 * (n % 3 == 0);
			if (state % 17 == 0)
				x[i] = state % 2 ? -0.0 : 0.0;
			if (n % 50 == 7 && i == 0)
				x[i] = INFINITY;
			sorted[i] = x[i];
		}
		fwi_sort(sorted, n);
		fwi_quantiles(x, n, p, np, got);
		for (m = 0; m < np; m++) {
			want = fwi_quantile_sorted(sorted, n, p[m]);
			ck_assert_msg(memcmp(&got[m], &want, sizeof(want)) == 0,
			    "n %zu p %g: %.17g, sorted %.17g", n, p[m], got[m],
			    want);
		}
	}
}
END_TEST

Suite *
compare_suite(void)
{
	Suite *s = suite_create("compare");
	TCase *tc = tcase_create("paired");

	tcase_add_test(tc, test_paired_stats);
	tcase_add_test(tc, test_payback);
	tcase_add_test(tc, test_compounding);
	tcase_add_test(tc, test_identical_variant);
	tcase_add_test(tc, test_costs_and_gap_rate);
	tcase_add_test(tc, test_quantiles_by_selection);
	suite_add_tcase(s, tc);
	return s;
}
