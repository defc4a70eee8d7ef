/* test_leakage.c - the Shapley value on hand-made games with answers
 * worked out by hand (efficiency, symmetry, additivity), and the leakage
 * decomposition of whole runs: one stage is the plain paired difference,
 * costs that change nothing else are additive with a known answer, and
 * the thread count changes no byte.
 * SPDX-License-Identifier: MIT */
#include "config.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "helpers.h"
#include "suites.h"
#include "leakage.h"

/* A small market with the default frictions and a programme cost. */
#define MARKET \
	"name: leak\nhorizon_months: 18\nreplications: 6\nseed: 7\n" \
	"program_cost: {upfront: 1000000, monthly: 50000}\n" \
	"segments:\n" \
	"  - {name: a, hcps: 300, scripts_per_month: 4, initial: " \
	"{engaged: 0.4, trial: 0.1, adopter: 0.4, advocate: 0.1}}\n" \
	"channels:\n" \
	"  - {name: rep, touches_per_month: 1, reach: 0.05, helpful: 0.5, " \
	"burden: 0.1, cost_per_touch: 100}\n" \
	"variants:\n  other: {set: {friction.access: 0.3}}\n"

/* Values of a deterministic pseudo-random game, in [-1e8, 1e8]. */
static double
game_value(uint64_t *state)
{
	*state = *state * 6364136223846793005ULL + 1442695040888963407ULL;
	return ((double)(*state >> 11) / 9007199254740992.0 - 0.5) * 2e8;
}

START_TEST(test_efficiency)
{
	double v[256], phi[8], sum, scale;
	uint64_t state = 42;
	size_t k, m, i, trial;

	/* Any game, any size: the values add up to v(N) - v(empty). */
	for (k = 1; k <= 8; k++)
		for (trial = 0; trial < 50; trial++) {
			scale = 0;
			for (m = 0; m < ((size_t)1 << k); m++) {
				v[m] = game_value(&state);
				scale = fmax(scale, fabs(v[m]));
			}
			ck_assert_int_eq(fw_shapley(v, k, phi), FW_OK);
			sum = 0;
			for (i = 0; i < k; i++)
				sum += phi[i];
			ck_assert_double_eq_tol(sum, v[((size_t)1 << k) - 1] -
			    v[0], 1e-13 * scale * (double)k);
		}
}
END_TEST

START_TEST(test_known_games)
{
	/* Two players with synergy: v(A) = 1, v(B) = 2, v(AB) = 6; by hand
	 * A = (1 + (6 - 2)) / 2, B = (2 + (6 - 1)) / 2. */
	const double two[4] = { 0, 1, 2, 6 };
	/* The glove game: player 0 holds a left glove, 1 and 2 a right one;
	 * a pair is worth 1. Orders: 0 is pivotal in 4 of 6. */
	const double glove[8] = { 0, 0, 0, 1, 0, 1, 0, 1 };
	/* One player: its own gain. */
	const double one[2] = { 10, 13.5 };
	double phi[3];

	ck_assert_int_eq(fw_shapley(two, 2, phi), FW_OK);
	ck_assert_double_eq(phi[0], 2.5);
	ck_assert_double_eq(phi[1], 3.5);
	ck_assert_int_eq(fw_shapley(glove, 3, phi), FW_OK);
	ck_assert_double_eq_tol(phi[0], 2.0 / 3, 1e-15);
	ck_assert_double_eq_tol(phi[1], 1.0 / 6, 1e-15);
	ck_assert_double_eq_tol(phi[2], 1.0 / 6, 1e-15);
	ck_assert_int_eq(fw_shapley(one, 1, phi), FW_OK);
	ck_assert_double_eq(phi[0], 3.5);
	ck_assert_int_eq(fw_shapley(one, 0, phi), FW_EINVALID);
	ck_assert_int_eq(fw_shapley(one, 21, phi), FW_EINVALID);
}
END_TEST

START_TEST(test_symmetry)
{
	double v[32], phi[5];
	size_t m;

	/* Players 1 and 3 have identical effect (the game depends on how
	 * many of them are in, not which); the others differ. */
	for (m = 0; m < 32; m++) {
		int pair = ((m >> 1) & 1) + ((m >> 3) & 1);
		v[m] = 1e6 * pair * pair + 3e5 * pair * (double)(m & 1) +
		    7e5 * (double)((m >> 2) & 1) * (1 + pair) +
		    1.1e5 * (double)((m >> 4) & 1);
	}
	ck_assert_int_eq(fw_shapley(v, 5, phi), FW_OK);
	ck_assert_double_eq(phi[1], phi[3]);
	ck_assert(fabs(phi[1] - phi[0]) > 1);
	/* a player that adds the same in every coalition gets just that */
	ck_assert_double_eq_tol(phi[4], 1.1e5, 1e-9);
}
END_TEST

START_TEST(test_additive)
{
	const double a[6] = { 3.25, -1.5, 7, 0, 12.125, -0.75 };
	double v[64], phi[6];
	size_t m, i;

	/* v(S) = c + sum of a_i over S: one at a time is exact. */
	for (m = 0; m < 64; m++) {
		v[m] = 100;
		for (i = 0; i < 6; i++)
			if (m & ((size_t)1 << i))
				v[m] += a[i];
	}
	ck_assert_int_eq(fw_shapley(v, 6, phi), FW_OK);
	for (i = 0; i < 6; i++) {
		ck_assert_double_eq_tol(phi[i], a[i], 1e-13);
		ck_assert_double_eq(a[i], v[(size_t)1 << i] - v[0]);
	}
}
END_TEST

/* Decomposes sc's baseline (or variant) with the stages given as
 * path/target pairs; the run is left in *run for the caller. */
static fw_leakage *
decompose(const fw_scenario *sc, const char *variant,
    const char *const *stages, size_t n, int threads, fw_run **run)
{
	fw_run_options opt = { 0 };
	fw_leakage *lk;
	fw_error err;
	size_t i, bad;

	ck_assert_int_eq(fw_leakage_alloc(sc, variant, &lk, &err), FW_OK);
	for (i = 0; i < n; i++)
		ck_assert_int_eq(fw_leakage_set_stage(lk, stages[2 * i],
		    stages[2 * i + 1], &err), FW_OK);
	if (fw_leakage_build(lk, &bad, &err) != FW_OK)
		ck_abort_msg("build failed: %s", err.msg);
	opt.threads = threads;
	*run = test_run(fw_leakage_scenario(lk), &opt);
	ck_assert_int_eq(fw_leakage_decompose(lk, *run, &err), FW_OK);
	return lk;
}

/* Metric m's row of stage i, failing the test without one. */
static fw_leakage_row
row(const fw_leakage *lk, size_t m, size_t i)
{
	fw_leakage_row r;

	ck_assert_int_eq(fw_leakage_get_row(lk, m, i, &r), FW_OK);
	return r;
}

/* The library's number of metric m of the decomposition. */
static size_t
metric(size_t m)
{
	return test_metric(fw_leakage_metric(m));
}

/* The variant of the decomposition's scenario that subset s of the
 * stages removed: the variant itself for none, then one per nonempty
 * subset in order, last (fw_leakage(3)). */
static size_t
config(const fw_leakage *lk, size_t s)
{
	const fw_scenario *sc = fw_leakage_scenario(lk);
	size_t v, n = (size_t)1 << fw_leakage_stage_count(lk);

	if (s > 0)
		return fw_scenario_variant_count(sc) - n + s;
	ck_assert_int_eq(fw_scenario_variant_index(sc, fw_leakage_variant(lk),
	    &v), FW_OK);
	return v;
}

/* One stage is exactly the paired difference of a run with that change
 * as a variant, figure by figure. */
START_TEST(test_one_stage_is_paired)
{
	static const char *const stage[] = { "friction.access", "0" };
	fw_scenario *sc = test_load(MARKET), *plain;
	fw_run *run, *ref;
	fw_run_options opt = { 0 };
	fw_error err;
	fw_paired p;
	fw_stats s;
	fw_leakage *lk;
	size_t m;

	lk = decompose(sc, NULL, stage, 1, 0, &run);
	ck_assert_int_eq(fw_scenario_copy(sc, &plain), FW_OK);
	ck_assert_int_eq(fw_scenario_add_variant(plain, "no-access", NULL,
	    &err), FW_OK);
	ck_assert_int_eq(fw_scenario_set_number(plain, "no-access",
	    "friction.access", 0, &err), FW_OK);
	ref = test_run(plain, &opt);
	for (m = 0; m < fw_leakage_metric_count(); m++) {
		ck_assert_int_eq(fw_run_paired(ref, 2, 0, metric(m), &p),
		    FW_OK);
		ck_assert_double_eq(row(lk, m, 0).alone.mean, p.mean);
		ck_assert_double_eq(row(lk, m, 0).shapley.mean, p.mean);
		ck_assert_double_eq(row(lk, m, 0).shapley.lo95, p.lo95);
		ck_assert_double_eq(row(lk, m, 0).shapley.hi95, p.hi95);
		ck_assert_double_eq(row(lk, m, 1).shapley.mean, p.mean);
		if (p.mean != 0)
			ck_assert_double_eq(row(lk, m, 0).share.mean, 1);
	}
	/* the actual figures are the baseline's own */
	ck_assert_str_eq(fw_leakage_metric(0), "npv");
	ck_assert_int_eq(fw_run_stats(ref, 0, metric(0), &s), FW_OK);
	ck_assert_double_eq(row(lk, 0, 0).actual.mean, s.mean);
	fw_run_free(ref);
	fw_run_free(run);
	fw_leakage_free(lk);
	fw_scenario_free(plain);
	fw_scenario_free(sc);
}
END_TEST

/* Costs that change nothing but the cash are additive: each stage's
 * gain is its discounted cost, alone and as Shapley value, and no other
 * metric moves. */
START_TEST(test_additive_costs)
{
	static const char *const stages[] = { "program_cost.upfront", "0",
		"program_cost.monthly", "0" };
	fw_scenario *sc = test_load(MARKET);
	const double v = pow(1.08, -1.0 / 12);
	double annuity = 0;
	fw_run *run;
	fw_leakage *lk;
	size_t m, i;
	int t;

	for (t = 1; t <= 18; t++)
		annuity += pow(v, t);
	lk = decompose(sc, NULL, stages, 2, 0, &run);
	ck_assert_double_eq_tol(row(lk, 0, 0).shapley.mean, 1e6 * v, 1e-6);
	ck_assert_double_eq_tol(row(lk, 0, 1).shapley.mean, 5e4 * annuity,
	    1e-6);
	for (i = 0; i < 2; i++) {
		ck_assert_double_eq_tol(row(lk, 0, i).alone.mean,
		    row(lk, 0, i).shapley.mean, 1e-6);
		ck_assert_double_eq_tol(row(lk, 0, i).interaction.mean, 0, 1e-6);
	}
	ck_assert_int_eq(fw_leakage_material(lk), 0);
	for (m = 1; m < fw_leakage_metric_count(); m++)
		for (i = 0; i <= 2; i++) {
			ck_assert_double_eq(row(lk, m, i).alone.mean, 0);
			ck_assert_double_eq(row(lk, m, i).shapley.mean, 0);
		}
	fw_run_free(run);
	fw_leakage_free(lk);
	fw_scenario_free(sc);
}
END_TEST

/* The decomposition's own figures: the Shapley values add up to the
 * ceiling in every replication, and the same bytes for any threads. */
START_TEST(test_run_decomposition)
{
	static const char *const stages[] = { "friction.prescribe", "0",
		"friction.onboarding", "0", "friction.access", "0.1",
		"experience.incoherence", "0" };
	fw_scenario *sc = test_load(MARKET);
	double v[16], phi[4], sum, scale;
	fw_leakage *one, *two, *three;
	fw_leakage_stage st;
	fw_leakage_row a, b, c;
	fw_run *r1, *r2, *r3;
	size_t m, i, s;
	uint64_t rep;

	one = decompose(sc, "other", stages, 4, 1, &r1);
	two = decompose(sc, "other", stages, 4, 2, &r2);
	three = decompose(sc, "other", stages, 4, 3, &r3);
	for (m = 0; m < fw_leakage_metric_count(); m++)
		for (i = 0; i <= 4; i++) {
			a = row(one, m, i);
			b = row(two, m, i);
			c = row(three, m, i);
			ck_assert(memcmp(&a, &b, sizeof(a)) == 0);
			ck_assert(memcmp(&a, &c, sizeof(a)) == 0);
		}
	/* the actual configuration is the variant decomposed, which keeps
	 * its own access friction */
	ck_assert_str_eq(fw_scenario_variant_name(fw_leakage_scenario(one),
	    config(one, 0)), "other");
	ck_assert_int_eq(fw_leakage_get_stage(one, 2, &st), FW_OK);
	ck_assert_double_eq(st.actual, 0.3);
	ck_assert_double_eq(st.target_value, 0.1);
	/* each subset's configuration has its stages removed, no other */
	for (s = 1; s < 16; s++)
		for (i = 0; i < 4; i++) {
			double x;
			ck_assert_int_eq(fw_leakage_get_stage(one, i, &st), FW_OK);
			ck_assert_int_eq(fw_scenario_value(
			    fw_leakage_scenario(one), fw_scenario_variant_name(
			    fw_leakage_scenario(one), config(one, s)), st.path,
			    0.5, &x, NULL), FW_OK);
			ck_assert_double_eq(x, s & ((size_t)1 << i) ?
			    st.target_value : st.actual);
		}
	for (m = 0; m < fw_leakage_metric_count(); m++)
		for (rep = 0; rep < fw_run_replications(r1); rep++) {
			scale = 0;
			for (s = 0; s < 16; s++) {
				v[s] = fw_run_value(r1, rep, config(one, s),
				    metric(m));
				scale = fmax(scale, fabs(v[s]));
			}
			ck_assert_int_eq(fw_shapley(v, 4, phi), FW_OK);
			sum = 0;
			for (i = 0; i < 4; i++)
				sum += phi[i];
			ck_assert_double_eq_tol(sum, v[15] - v[0],
			    1e-13 * scale);
		}
	/* the means add up as well, and the shares to one */
	for (m = 0; m < fw_leakage_metric_count(); m++) {
		double shares = 0;
		sum = 0;
		for (i = 0; i < 4; i++) {
			sum += row(one, m, i).shapley.mean;
			shares += row(one, m, i).share.mean;
		}
		ck_assert_double_eq_tol(sum, row(one, m, 4).shapley.mean,
		    1e-9 * fabs(row(one, m, 0).actual.mean) + 1e-9);
		if (row(one, m, 4).shapley.mean != 0)
			ck_assert_double_eq_tol(shares, 1, 1e-9);
	}
	fw_run_free(r1);
	fw_run_free(r2);
	fw_run_free(r3);
	fw_leakage_free(one);
	fw_leakage_free(two);
	fw_leakage_free(three);
	fw_scenario_free(sc);
}
END_TEST

START_TEST(test_stages)
{
	fw_scenario *sc = test_load(MARKET);
	fw_error err;
	fw_leakage *lk;
	fw_leakage_stage st;
	fw_leakage_row r;
	size_t bad, i, v;
	char path[64], label[64];

	ck_assert_int_eq(fw_leakage_alloc(sc, "nope", &lk, &err),
	    FW_EINVALID);
	ck_assert_ptr_null(lk);
	ck_assert_int_eq(fw_leakage_alloc(sc, NULL, &lk, &err), FW_OK);
	ck_assert_str_eq(fw_leakage_variant(lk), "baseline");
	ck_assert_int_eq(fw_leakage_set_friction(lk, &err), FW_OK);
	ck_assert_uint_eq(fw_leakage_stage_count(lk), 5);
	leak_label(lk, 2, label, sizeof(label));
	ck_assert_str_eq(label, "access friction");
	/* nothing to read before the scenario is laid out and run */
	ck_assert_ptr_null(fw_leakage_scenario(lk));
	ck_assert_int_eq(fw_leakage_get_row(lk, 0, 0, &r), FW_EINVALID);
	ck_assert_int_eq(fw_leakage_get_stage(lk, 2, &st), FW_OK);
	ck_assert(isnan(st.actual));
	ck_assert_int_eq(fw_leakage_get_stage(lk, 5, &st), FW_EINVALID);
	/* a stage already there changes its target */
	ck_assert_int_eq(fw_leakage_set_stage(lk, "friction.access", "0.2",
	    &err), FW_OK);
	ck_assert_uint_eq(fw_leakage_stage_count(lk), 5);
	ck_assert_int_eq(fw_leakage_get_stage(lk, 2, &st), FW_OK);
	ck_assert_str_eq(st.target, "0.2");
	ck_assert_int_eq(fw_leakage_set_stage(lk, "segments.a.trust", "0.9",
	    &err), FW_OK);
	leak_label(lk, 5, label, sizeof(label));
	ck_assert_str_eq(label, "trust (a)");
	/* a bad value or path is found when the stages are applied */
	ck_assert_int_eq(fw_leakage_set_stage(lk, "friction.onboarding", "1.5",
	    &err), FW_OK);
	ck_assert_int_eq(fw_leakage_build(lk, &bad, &err), FW_EINVALID);
	ck_assert_uint_eq(bad, 1);
	ck_assert_ptr_null(fw_leakage_scenario(lk));
	ck_assert_int_eq(fw_leakage_set_stage(lk, "friction.onboarding", "0",
	    &err), FW_OK);
	ck_assert_int_eq(fw_leakage_set_stage(lk, "friction.acess", "0",
	    &err), FW_OK);
	ck_assert_int_eq(fw_leakage_build(lk, &bad, &err), FW_EINVALID);
	ck_assert_uint_eq(bad, 6);
	ck_assert(strstr(err.msg, "friction.access") != NULL);
	/* at most eight */
	ck_assert_int_eq(fw_leakage_set_stage(lk, "experience.incoherence",
	    "0", &err), FW_OK);
	ck_assert_int_eq(fw_leakage_set_stage(lk, "channels.rep.burden", "0",
	    &err), FW_EINVALID);
	ck_assert_uint_eq(fw_leakage_stage_count(lk), 8);
	fw_leakage_free(lk);
	/* the decomposition's scenario holds the variant and one
	 * configuration per subset, nothing else */
	ck_assert_int_eq(fw_leakage_alloc(sc, "other", &lk, &err), FW_OK);
	for (i = 0; i < 3; i++) {
		snprintf(path, sizeof(path), "friction.%s", i == 0 ?
		    "prescribe" : i == 1 ? "access" : "support");
		ck_assert_int_eq(fw_leakage_set_stage(lk, path, "0", &err),
		    FW_OK);
	}
	ck_assert_int_eq(fw_leakage_build(lk, &bad, &err), FW_OK);
	ck_assert_uint_eq(fw_scenario_variant_count(fw_leakage_scenario(lk)),
	    1 + 8);
	ck_assert_int_eq(fw_scenario_variant_index(fw_leakage_scenario(lk),
	    "other", &v), FW_OK);
	ck_assert_uint_eq(v, 1);
	fw_leakage_free(lk);
	fw_scenario_free(sc);
}
END_TEST

START_TEST(test_remove_variant)
{
	fw_scenario *sc = test_load(MARKET);
	fw_error err;

	ck_assert_int_eq(fw_scenario_add_variant(sc, "more", NULL, &err),
	    FW_OK);
	ck_assert_int_eq(fw_scenario_remove_variant(sc, "baseline", &err),
	    FW_EINVALID);
	ck_assert_int_eq(fw_scenario_remove_variant(sc, "none", &err),
	    FW_EINVALID);
	ck_assert_int_eq(fw_scenario_remove_variant(sc, "other", &err), FW_OK);
	ck_assert_uint_eq(fw_scenario_variant_count(sc), 2);
	ck_assert_str_eq(fw_scenario_variant_name(sc, 1), "more");
	fw_scenario_free(sc);
}
END_TEST

/* report: {leakage: true} asks flywheel run for the decomposition; it
 * survives a copy and the resolved YAML. */
START_TEST(test_report_key)
{
	fw_scenario *plain = test_load(MARKET);
	fw_scenario *asks = test_load(MARKET "report: {leakage: true}\n");
	fw_scenario *copy, *again;
	char *yaml;
	int asked = -1;

	ck_assert_int_eq(fw_scenario_report(plain, "leakage", &asked), FW_OK);
	ck_assert_int_eq(asked, 0);
	ck_assert_int_eq(fw_scenario_report(asks, "leakage", &asked), FW_OK);
	ck_assert_int_eq(asked, 1);
	ck_assert_int_eq(fw_scenario_report(asks, "tornado", &asked),
	    FW_EINVALID);
	ck_assert_int_eq(fw_scenario_copy(asks, &copy), FW_OK);
	asked = 0;
	ck_assert_int_eq(fw_scenario_report(copy, "leakage", &asked), FW_OK);
	ck_assert_int_eq(asked, 1);
	yaml = test_yaml(asks);
	ck_assert_ptr_nonnull(strstr(yaml, "\nreport:\n  leakage: true\n"));
	again = test_load(yaml);
	asked = 0;
	ck_assert_int_eq(fw_scenario_report(again, "leakage", &asked), FW_OK);
	ck_assert_int_eq(asked, 1);
	fw_free(yaml);
	yaml = test_yaml(plain);
	ck_assert_ptr_null(strstr(yaml, "report"));
	fw_free(yaml);
	fw_scenario_free(again);
	fw_scenario_free(copy);
	fw_scenario_free(asks);
	fw_scenario_free(plain);
}
END_TEST

START_TEST(test_headline)
{
	char buf[256];
	const double gains[4] = { 1, 5, 5, -2 };
	size_t order[4];

	leak_headline("access friction", 177.06e6, 5, buf, sizeof(buf));
	ck_assert_str_eq(buf, "Access friction leaks $177.1M of NPV, the "
	    "largest of five stages");
	leak_headline("access friction", 2e6, 2, buf, sizeof(buf));
	ck_assert_str_eq(buf, "Access friction leaks $2.0M of NPV, the "
	    "larger of two stages");
	leak_headline("reach of email", -1e6, 3, buf, sizeof(buf));
	ck_assert_str_eq(buf, "None of the three stages leaks NPV: the "
	    "largest change, removing reach of email, is -$1.0M");
	leak_headline("access friction", 1319.96e6, 5, buf, sizeof(buf));
	ck_assert_str_eq(buf, "Access friction leaks $1,320.0M of NPV, the "
	    "largest of five stages");
	leak_number(-1234.5678, 1, 0, buf, sizeof(buf));
	ck_assert_str_eq(buf, "-1,234.6");
	leak_number(999.96, 1, 1, buf, sizeof(buf));
	ck_assert_str_eq(buf, "+1,000.0");
	leak_number(-0.01, 1, 1, buf, sizeof(buf));
	ck_assert_str_eq(buf, "+0.0");
	leak_number(12.34, 1, 0, buf, sizeof(buf));
	ck_assert_str_eq(buf, "12.3");
	leak_number(1234567, 0, 1, buf, sizeof(buf));
	ck_assert_str_eq(buf, "+1,234,567");
	leak_order(gains, 4, order);
	ck_assert_uint_eq(order[0], 1);
	ck_assert_uint_eq(order[1], 2);
	ck_assert_uint_eq(order[2], 0);
	ck_assert_uint_eq(order[3], 3);
}
END_TEST

Suite *
leakage_suite(void)
{
	Suite *s = suite_create("leakage");
	TCase *shapley = tcase_create("shapley");
	TCase *runs = tcase_create("runs");

	tcase_add_test(shapley, test_efficiency);
	tcase_add_test(shapley, test_known_games);
	tcase_add_test(shapley, test_symmetry);
	tcase_add_test(shapley, test_additive);
	tcase_add_test(shapley, test_headline);
	suite_add_tcase(s, shapley);
	tcase_add_test(runs, test_one_stage_is_paired);
	tcase_add_test(runs, test_additive_costs);
	tcase_add_test(runs, test_run_decomposition);
	tcase_add_test(runs, test_stages);
	tcase_add_test(runs, test_remove_variant);
	tcase_add_test(runs, test_report_key);
	tcase_set_timeout(runs, 60);
	suite_add_tcase(s, runs);
	return s;
}
