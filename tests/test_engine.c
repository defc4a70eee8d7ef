/* test_engine.c - whole runs: the Markov-chain check and the variant
 * checks of MODEL.md §8, results independent of threads and steps, and a
 * known-answer regression.
 * SPDX-License-Identifier: MIT */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"
#include "run.h"
#include "suites.h"

/* With trust_gain = trust_loss = 0, no channels and referral = 0 (and,
 * so that the state alone decides, unfilled_weight = 0, onboarding in one
 * month and win-backs that do not decay) the HCP states form a Markov
 * chain. */
#define CHAIN \
	"name: chain\nhorizon_months: 12\nreplications: 300\nseed: 99\n" \
	"experience: {trust_gain: 0, trust_loss: 0, unfilled_weight: 0}\n" \
	"flywheel: {referral: 0, onboarding_months: 1}\n" \
	"reacquisition: {winback_decay: 0}\n" \
	"segments:\n" \
	"  - {name: a, hcps: 3000, scripts_per_month: 1, trust: 0.6, " \
	"initial: {unaware: 0.1, engaged: 0.3, trial: 0.1, adopter: 0.3, " \
	"advocate: 0.1, lapsed: 0.05, switched: 0.05}}\n"

/* Adds the chances of ordered competing events p[0..n-1] times weight
 * into row, with `to` the state each event leads to (MODEL.md §5.2.5). */
static void
compete(double *row, const double *p, const int *to, int n, double weight,
    int self)
{
	double stay = 1;
	int i;

	for (i = 0; i < n; i++) {
		row[to[i]] += weight * stay * p[i];
		stay *= 1 - p[i];
	}
	row[self] += weight * stay;
}

/* The chain's transition matrix, worked out from the defaults: trust
 * 0.6, J ~ Bernoulli(stage friction) averaged out. */
static void
chain_matrix(double P[FW_NSTATE][FW_NSTATE])
{
	const double tau = 0.6, fp = 0.10, fo = 0.35, fc = 0.04;
	const double p_sw = 0.04 * 0.4 * 0.4;
	const double adv = 0.08 * (tau - 0.55) / (1 - 0.55);
	double p[3];
	int to[3];

	memset(P, 0, sizeof(double) * FW_NSTATE * FW_NSTATE);
	P[FW_UNAWARE][FW_UNAWARE] = 1;
	/* engaged: trial 0.2 tau (1 - J), unaware 0.05 (1 - tau) */
	to[0] = FW_TRIAL;
	to[1] = FW_UNAWARE;
	p[1] = 0.05 * (1 - tau);
	p[0] = 0;
	compete(P[FW_ENGAGED], p, to, 2, fp, FW_ENGAGED);
	p[0] = 0.2 * tau;
	compete(P[FW_ENGAGED], p, to, 2, 1 - fp, FW_ENGAGED);
	/* trial: lapsed 1 - 0.8^J (1 - 0.05 (1 - tau)), adopter 1 */
	to[0] = FW_LAPSED;
	to[1] = FW_ADOPTER;
	p[1] = 1;
	p[0] = 1 - 0.8 * (1 - 0.05 * (1 - tau));
	compete(P[FW_TRIAL], p, to, 2, fo, FW_TRIAL);
	p[0] = 1 - (1 - 0.05 * (1 - tau));
	compete(P[FW_TRIAL], p, to, 2, 1 - fo, FW_TRIAL);
	/* adopter: lapsed 1 - 0.97^J, switched p_sw, advocate adv */
	to[0] = FW_LAPSED;
	to[1] = FW_SWITCHED;
	to[2] = FW_ADVOCATE;
	p[1] = p_sw;
	p[2] = adv;
	p[0] = 0.03;
	compete(P[FW_ADOPTER], p, to, 3, fc, FW_ADOPTER);
	p[0] = 0;
	compete(P[FW_ADOPTER], p, to, 3, 1 - fc, FW_ADOPTER);
	/* advocate: as adopter, back to adopter only below 0.55 */
	to[2] = FW_ADOPTER;
	p[2] = 0;
	p[0] = 0.03;
	compete(P[FW_ADVOCATE], p, to, 3, fc, FW_ADVOCATE);
	p[0] = 0;
	compete(P[FW_ADVOCATE], p, to, 3, 1 - fc, FW_ADVOCATE);
	/* lapsed and switched: back to engaged */
	P[FW_LAPSED][FW_ENGAGED] = 0.05 * tau;
	P[FW_LAPSED][FW_LAPSED] = 1 - 0.05 * tau;
	P[FW_SWITCHED][FW_ENGAGED] = 0.02 * tau;
	P[FW_SWITCHED][FW_SWITCHED] = 1 - 0.02 * tau;
}

START_TEST(test_markov_chain)
{
	fw_scenario *sc = test_load(CHAIN);
	fw_run_options opt = { 0 };
	double P[FW_NSTATE][FW_NSTATE], c[FW_NSTATE], next[FW_NSTATE];
	/* §3 boundaries of 3000 HCPs: 300, 1200, 1500, 2400, 2700, 2850 */
	const double c0[FW_NSTATE] = { 300, 900, 300, 900, 300, 150, 150 };
	fw_run *run;
	int t, i, k;
	uint64_t r;

	chain_matrix(P);
	for (i = 0; i < FW_NSTATE; i++) {
		double row = 0;
		for (k = 0; k < FW_NSTATE; k++)
			row += P[i][k];
		ck_assert_double_eq_tol(row, 1, 1e-12);
	}
	memcpy(c, c0, sizeof(c));
	for (t = 0; t < 12; t++) {
		for (k = 0; k < FW_NSTATE; k++) {
			next[k] = 0;
			for (i = 0; i < FW_NSTATE; i++)
				next[k] += c[i] * P[i][k];
		}
		memcpy(c, next, sizeof(c));
	}
	run = test_run(sc, &opt);
	for (k = 0; k < FW_NSTATE; k++) {
		double sum = 0, sum2 = 0, mean, se;
		for (r = 0; r < run->reps; r++) {
			double x = fwi_run_totals(run, r, 0)[FW_T_UNAWARE + k];
			sum += x;
			sum2 += x * x;
		}
		mean = sum / run->reps;
		se = sqrt((sum2 - run->reps * mean * mean) / (run->reps - 1) /
		    run->reps);
		ck_assert_msg(fabs(mean - c[k]) <= 4 * se + 1e-9,
		    "%s: mean %g, N pi0 P^12 = %g, se %g", fwi_state_names[k],
		    mean, c[k], se);
	}
	fw_run_free(run);
	fw_scenario_free(sc);
}
END_TEST

#define SMALL \
	"name: small\nhorizon_months: 18\nreplications: 6\nseed: 2026\n" \
	"friction: {access: {dist: pert, min: 0.3, mode: 0.42, max: 0.5}}\n" \
	"segments:\n" \
	"  - {name: a, hcps: 300, scripts_per_month: 5, initial: " \
	"{unaware: 0.5, engaged: 0.2, adopter: 0.3}}\n" \
	"  - {name: b, hcps: 500, scripts_per_month: 1.2, trust: 0.45}\n" \
	"channels:\n" \
	"  - {name: rep, touches_per_month: 1, reach: 0.06, helpful: 0.55, " \
	"burden: 0.08, cost_per_touch: 160}\n" \
	"  - {name: email, touches_per_month: 3, reach: 0.01, helpful: 0.12, " \
	"burden: 0.1, cost_per_touch: 0.5}\n"

/* A variant's friction leaves the baseline's results unchanged bit for
 * bit; a variant identical to the baseline gives exactly zero change. */
START_TEST(test_variants_are_paired)
{
	fw_scenario *a = test_load(SMALL "variants:\n"
	    "  same: {description: no change}\n"
	    "  fix: {set: {friction.onboarding: 0.1}}\n");
	fw_scenario *b = test_load(SMALL "variants:\n"
	    "  fix: {set: {friction.onboarding: 0.2}}\n");
	fw_run_options opt = { 0 };
	fw_run *ra = test_run(a, &opt), *rb = test_run(b, &opt);
	uint64_t r;

	for (r = 0; r < ra->reps; r++) {
		ck_assert_mem_eq(fwi_run_totals(ra, r, 0), fwi_run_totals(rb, r, 0),
		    FW_NTOTAL * sizeof(double));
		ck_assert_mem_eq(fwi_run_totals(ra, r, 0), fwi_run_totals(ra, r, 1),
		    FW_NTOTAL * sizeof(double));
		/* the friction does change the variant */
		ck_assert_double_ne(fwi_run_totals(ra, r, 2)[FW_T_NPV],
		    fwi_run_totals(rb, r, 1)[FW_T_NPV]);
	}
	fw_run_free(ra);
	fw_run_free(rb);
	fw_scenario_free(a);
	fw_scenario_free(b);
}
END_TEST

START_TEST(test_threads_do_not_change_results)
{
	fw_scenario *sc = test_load(SMALL "variants:\n"
	    "  fix: {set: {friction.onboarding: 0.1}}\n");
	fw_run_options opt = { 0 };
	fw_run *one, *other;
	int threads;

	opt.threads = 1;
	one = test_run(sc, &opt);
	for (threads = 2; threads <= 4; threads++) {
		opt.threads = threads;
		other = test_run(sc, &opt);
		test_same_results(one, other);
		fw_run_free(other);
	}
	fw_run_free(one);
	fw_scenario_free(sc);
}
END_TEST

/* A run made of parts — ranges of blocks simulated by separate runs on
 * other thread counts, packed and unpacked into one — is the run
 * simulated whole, byte for byte. */
START_TEST(test_parts_make_the_whole)
{
	fw_scenario *sc = test_load(SMALL "variants:\n"
	    "  fix: {set: {friction.onboarding: 0.1}}\n");
	fw_run_options opt = { 0 };
	fw_run *whole, *parts, *other;
	uint64_t nb, mid;
	fw_error err;
	size_t size;
	char *buf;

	opt.replications = 37;
	opt.threads = 2;
	whole = test_run(sc, &opt);
	opt.threads = 1;
	ck_assert_int_eq(fw_run_alloc(sc, &opt, &parts, &err), FW_OK);
	opt.threads = 3;
	ck_assert_int_eq(fw_run_alloc(sc, &opt, &other, &err), FW_OK);
	nb = fw_run_block_count(parts);
	ck_assert_uint_gt(nb, 2);
	mid = nb / 3;
	ck_assert_int_eq(fw_run_blocks(parts, 0, mid, &err), FW_OK);
	ck_assert_uint_lt(fw_run_done(parts), fw_run_replications(parts));
	ck_assert_int_eq(fw_run_blocks(other, mid, nb - mid, &err), FW_OK);
	size = fw_run_pack_size(other, mid, nb - mid);
	ck_assert_uint_gt(size, 0);
	ck_assert_ptr_nonnull(buf = malloc(size));
	fw_run_pack(other, mid, nb - mid, buf);
	ck_assert_int_eq(fw_run_unpack(parts, mid, nb - mid, buf, size - 1,
	    &err), FW_EINVALID);
	ck_assert_int_eq(fw_run_blocks(parts, nb, 1, &err), FW_EINVALID);
	ck_assert_int_eq(fw_run_unpack(parts, mid, nb - mid, buf, size, &err),
	    FW_OK);
	ck_assert_uint_eq(fw_run_done(parts), fw_run_replications(parts));
	test_same_results(whole, parts);
	free(buf);
	fw_run_free(whole);
	fw_run_free(parts);
	fw_run_free(other);
	fw_scenario_free(sc);
}
END_TEST

/* Every path of the random blocks the processor has gives the same run,
 * byte for byte: with them the listing by state and the inversions of
 * scripts, which follow the path. */
START_TEST(test_rng_paths_do_not_change_results)
{
	fw_scenario *sc = test_load(SMALL "variants:\n"
	    "  fix: {set: {friction.onboarding: 0.1}}\n");
	fw_run_options opt = { 0 };
	fw_run *scalar, *other;
	int path;

	opt.threads = 2;
	ck_assert_int_eq(fwi_rng_force_path(FW_RNG_SCALAR), 0);
	scalar = test_run(sc, &opt);
	for (path = FW_RNG_AVX2; path <= FW_RNG_AVX512; path++) {
		if (fwi_rng_force_path(path) != 0)
			continue;
		other = test_run(sc, &opt);
		test_same_results(scalar, other);
		fw_run_free(other);
	}
	fwi_rng_force_path(fwi_rng_path_available(FW_RNG_AVX512) ?
	    FW_RNG_AVX512 : fwi_rng_path_available(FW_RNG_AVX2) ?
	    FW_RNG_AVX2 : FW_RNG_SCALAR);
	fw_run_free(scalar);
	fw_scenario_free(sc);
}
END_TEST

START_TEST(test_steps_do_not_change_results)
{
	fw_scenario *sc = test_load(SMALL);
	fw_run_options opt = { 0 };
	fw_run *whole = test_run(sc, &opt), *steps;
	fw_error err;

	opt.threads = 3;
	ck_assert_int_eq(fw_run_alloc(sc, &opt, &steps, &err), FW_OK);
	while (fw_run_done(steps) < fw_run_replications(steps))
		ck_assert_int_eq(fw_run_step(steps, 1, &err), FW_OK);
	test_same_results(whole, steps);
	fw_run_free(whole);
	fw_run_free(steps);
	fw_scenario_free(sc);
}
END_TEST

/* With more replications than blocks, a step of fewer replications than
 * a block runs blocks in parts, side by side on the threads: each step
 * does exactly the replications asked for, and no cut of the run into
 * steps, on any number of threads, changes a bit of its results. */
START_TEST(test_steps_within_blocks_do_not_change_results)
{
	fw_scenario *sc = test_load(SMALL);
	fw_run_options opt = { .months = 3, .replications = 520 };
	fw_run *whole = test_run(sc, &opt), *steps;
	const struct { int threads; uint64_t step; } cut[] = { { 1, 1 },
		{ 3, 2 }, { 2, 7 }, { 2, 400 } };
	fw_error err;
	size_t i;

	ck_assert_uint_gt(520 / fw_run_block_count(whole), 1);
	for (i = 0; i < sizeof(cut) / sizeof(cut[0]); i++) {
		opt.threads = cut[i].threads;
		ck_assert_int_eq(fw_run_alloc(sc, &opt, &steps, &err), FW_OK);
		while (fw_run_done(steps) < 520) {
			uint64_t before = fw_run_done(steps);
			uint64_t want = 520 - before < cut[i].step ?
			    520 - before : cut[i].step;
			ck_assert_int_eq(fw_run_step(steps, cut[i].step, &err),
			    FW_OK);
			ck_assert_uint_eq(fw_run_done(steps) - before, want);
		}
		test_same_results(whole, steps);
		fw_run_free(steps);
	}
	fw_run_free(whole);
	fw_scenario_free(sc);
}
END_TEST

/* Known answer: the NPV of replication 1 of SMALL, to every digit, as
 * flywheel 0.1.0 computed it. A change here means a change in the random
 * streams or the model; make it only on purpose. */
START_TEST(test_known_answer_npv)
{
	fw_scenario *sc = test_load(SMALL);
	fw_run_options opt = { 0 };
	fw_run *run = test_run(sc, &opt);
	char buf[40];

	fw_format_real(fwi_run_totals(run, 0, 0)[FW_T_NPV], buf, sizeof(buf));
	ck_assert_str_eq(buf, "4276491.98662324");
	fw_format_real(fwi_run_totals(run, 5, 0)[FW_T_NPV], buf, sizeof(buf));
	ck_assert_str_eq(buf, "4009954.0820705597");
	fw_run_free(run);
	fw_scenario_free(sc);
}
END_TEST

/* The results of 100,000 replications of the default scenario fit in
 * 2 GB (the bound doc/manual.md states). */
START_TEST(test_memory_bound)
{
	char path[1024];
	fw_scenario *sc;
	fw_error err;
	fw_run *run;
	fw_run_options opt = { 0 };

	snprintf(path, sizeof(path), "%s/scenarios/default.yaml",
	    getenv("top_srcdir") ? getenv("top_srcdir") : ".");
	ck_assert_int_eq(fw_scenario_load(path, &sc, &err), FW_OK);
	opt.replications = 100000;
	opt.threads = 2;
	ck_assert_int_eq(fw_run_alloc(sc, &opt, &run, &err), FW_OK);
	ck_assert_msg(fw_run_memory(run) < 2000000000ULL, "%zu bytes",
	    fw_run_memory(run));
	fw_run_free(run);
	fw_scenario_free(sc);
}
END_TEST

Suite *
engine_suite(void)
{
	Suite *s = suite_create("engine");
	TCase *tc = tcase_create("runs");

	tcase_add_test(tc, test_markov_chain);
	tcase_add_test(tc, test_variants_are_paired);
	tcase_add_test(tc, test_threads_do_not_change_results);
	tcase_add_test(tc, test_steps_do_not_change_results);
	tcase_add_test(tc, test_steps_within_blocks_do_not_change_results);
	tcase_add_test(tc, test_rng_paths_do_not_change_results);
	tcase_add_test(tc, test_parts_make_the_whole);
	tcase_add_test(tc, test_known_answer_npv);
	tcase_add_test(tc, test_memory_bound);
	suite_add_tcase(s, tc);
	return s;
}
