/* test_warmup.c - in-market brands (MODEL.md §7a): a variant's values
 * month by month, its programme cost, the warm-up shared by every
 * variant, the guarantees of §7 with them, the patient book and the
 * steady state a warm-up reaches.
 * SPDX-License-Identifier: MIT */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compare.h"
#include "helpers.h"
#include "run.h"
#include "suites.h"

#define MARKET \
	"horizon_months: 18\nreplications: 6\nseed: 2027\n" \
	"friction: {access: {dist: pert, min: 0.3, mode: 0.42, max: 0.5}}\n" \
	"program_cost: {upfront: 20000, monthly: 1000}\n" \
	"segments:\n" \
	"  - {name: a, hcps: 300, scripts_per_month: 5, " \
	"patients_on_therapy: 400, initial: {unaware: 0.5, engaged: 0.2, " \
	"adopter: 0.2, lapsed: 0.05, switched: 0.05}}\n" \
	"  - {name: b, hcps: 500, scripts_per_month: 1.2, trust: 0.45}\n" \
	"channels:\n" \
	"  - {name: rep, touches_per_month: 1, reach: 0.06, helpful: 0.55, " \
	"burden: 0.08, cost_per_touch: 160}\n" \
	"  - {name: email, touches_per_month: 3, reach: 0.01, helpful: 0.12, " \
	"burden: 0.1, cost_per_touch: 0.5}\n"

/* Variants that use every part of a schedule. */
#define PROGRAMMES \
	"variants:\n" \
	"  hub: {start_month: 4, ramp_months: 5, set: {friction.access: " \
	"0.15, flywheel.onboarding_months: 2}, program_cost: {upfront: " \
	"50000, monthly: 5000}}\n" \
	"  swap: {start_month: 2, ramp_months: 3, remove_channels: [email], " \
	"add_channels: [{name: webinar, touches_per_month: 0.5, reach: " \
	"0.06, helpful: 0.35, burden: 0.1, cost_per_touch: 40}]}\n" \
	"  now: {set: {friction.onboarding: 0.1}}\n"

/* Metric k of variant v in month t of a run of one replication: the
 * block's sum of one value is that value. */
static double
row(const fw_run *run, size_t v, int t, int k)
{
	ck_assert_uint_eq(run->reps, 1);
	return fwi_run_monthly_mean(run, v, t, k);
}

/* Values of the schedule of variant v of sc in month t of replication 0,
 * in workspace w. */
static const fw_values *
month_values(fw_work *w, const fw_scenario *sc, fw_plan plan[2],
    fw_schedule *s, size_t v, int t)
{
	ck_assert_int_eq(fwi_values_set(&w->base, &sc->config[0], &plan[0],
	    sc->seed, 0), FW_OK);
	ck_assert_int_eq(fwi_values_set(&w->own, &sc->config[v], &plan[1],
	    sc->seed, 0), FW_OK);
	return fwi_schedule_values(w, s, &w->own, t);
}

/* Before its start month a variant has the baseline's values, after its
 * ramp its own, and in between the blend of MODEL.md §7a: numbers move
 * by w, integers wait for w = 1, a removed channel fades, an added one
 * grows, and what follows from them is derived again. Once w = 1 the
 * value is the variant's own: 0.42 + 1 (0.15 - 0.42) is not 0.15 in
 * floating point. */
START_TEST(test_schedule_values)
{
	fw_scenario *sc = test_load("name: t\nhorizon_months: 12\n"
	    "replications: 1\n"
	    "segments:\n  - {name: a, hcps: 100, scripts_per_month: 2}\n"
	    "channels:\n"
	    "  - {name: rep, touches_per_month: 2, reach: 0.1, helpful: 0.5, "
	    "burden: 0.1, cost_per_touch: 100}\n"
	    "  - {name: mail, touches_per_month: 4, reach: 0.01, helpful: 0.1, "
	    "burden: 0.2, cost_per_touch: 1}\n"
	    "variants:\n"
	    "  v: {start_month: 3, ramp_months: 3, remove_channels: [mail], "
	    "set: {friction.access: 0.15, flywheel.onboarding_months: 1}, "
	    "add_channels: [{name: web, touches_per_month: 6, reach: 0.02, "
	    "helpful: 0.3, burden: 0.1, cost_per_touch: 10}]}\n");
	fw_plan plan[2];
	fw_schedule s;
	fw_work w;
	const fw_values *x;
	double wt;
	int t;

	ck_assert_int_eq(fwi_plan_build(&plan[0], &sc->config[0]), FW_OK);
	ck_assert_int_eq(fwi_plan_build(&plan[1], &sc->config[1]), FW_OK);
	ck_assert_int_eq(fwi_schedule_build(&s, &sc->config[0],
	    &sc->config[1]), FW_OK);
	ck_assert_uint_eq(s.nchan, 3);
	ck_assert_int_eq(fwi_work_init(&w, sc, sc->horizon, 0, s.nchan), FW_OK);
	for (t = 1; t <= 2; t++)
		ck_assert_ptr_eq(month_values(&w, sc, plan, &s, 1, t), &w.base);
	for (t = 3; t <= 5; t++) {
		wt = (t - 2) / 4.0;
		x = month_values(&w, sc, plan, &s, 1, t);
		ck_assert_ptr_eq(x, &w.ramp);
		ck_assert_double_eq(x->g[FW_G_F_ACCESS],
		    0.42 + wt * (0.15 - 0.42));
		ck_assert_double_eq(x->g[FW_G_ONBOARDING_MONTHS], 3);
		ck_assert_uint_eq(x->nchan, 3);
		ck_assert_double_eq(x->chan[FW_C_TOUCHES], 2);
		ck_assert_double_eq(x->chan[FW_NCHANNEL + FW_C_TOUCHES],
		    4 * (1 - wt));
		ck_assert_double_eq(x->chan[2 * FW_NCHANNEL + FW_C_TOUCHES],
		    6 * wt);
		ck_assert_double_eq_tol(x->channel_cost, 100 * (2 * 100 +
		    4 * (1 - wt) * 1 + 6 * wt * 10), 1e-9);
		ck_assert_double_eq_tol(x->touches, 2 + 4 * (1 - wt) + 6 * wt,
		    1e-12);
		ck_assert_double_eq_tol(x->seg[0].cvar_scale, 12 * 2 *
		    (1 - x->g[FW_G_F_ACCESS]) * x->patient_value, 1e-6);
	}
	for (t = 6; t <= 12; t++) {
		x = month_values(&w, sc, plan, &s, 1, t);
		ck_assert_ptr_eq(x, &w.own);
		ck_assert_double_eq(x->g[FW_G_F_ACCESS], 0.15);
		ck_assert_double_eq(x->g[FW_G_ONBOARDING_MONTHS], 1);
		ck_assert_uint_eq(x->nchan, 2);
	}
	fwi_work_clear(&w);
	fwi_schedule_clear(&s);
	fwi_plan_clear(&plan[0]);
	fwi_plan_clear(&plan[1]);
	fw_scenario_free(sc);
}
END_TEST

/* The programme cost a variant books (MODEL.md §7a): the baseline's
 * before its start month, its upfront in the start month and its monthly
 * cost from then on. A variant without a programme of its own keeps the
 * baseline's. */
START_TEST(test_program_cost_from_start)
{
	fw_scenario *sc = test_load("name: t\n" MARKET
	    "variants:\n"
	    "  hub: {start_month: 5, ramp_months: 2, set: {friction.access: "
	    "0.2}, program_cost: {upfront: 70000, monthly: 3000}}\n"
	    "  same: {start_month: 5}\n");
	fw_run_options opt = { .replications = 1 };
	fw_run *run = test_run(sc, &opt);
	int t;

	for (t = 1; t <= run->horizon; t++) {
		double base = t == 1 ? 21000 : 1000;
		double hub = t < 5 ? base : t == 5 ? 73000 : 3000;
		ck_assert_double_eq(row(run, 0, t, FW_M_PROGRAM_COST), base);
		ck_assert_double_eq(row(run, 1, t, FW_M_PROGRAM_COST), hub);
		ck_assert_double_eq(row(run, 2, t, FW_M_PROGRAM_COST), base);
	}
	fw_run_free(run);
	fw_scenario_free(sc);
}
END_TEST

/* Before its start month a variant is the baseline, every metric of
 * every month bit for bit, with and without a warm-up; from its start
 * month it differs. */
START_TEST(test_before_start_is_baseline)
{
	static const char *const warmups[] = { "", "warmup_months: 9\n" };
	char yaml[4096];
	fw_run_options opt = { .replications = 1, .seed_set = 1 };
	size_t i;
	int t, k;

	for (i = 0; i < 2; i++)
		for (opt.seed = 1; opt.seed <= 4; opt.seed++) {
			fw_scenario *sc;
			fw_run *run;
			snprintf(yaml, sizeof(yaml), "name: t\n%s" MARKET
			    PROGRAMMES, warmups[i]);
			sc = test_load(yaml);
			run = test_run(sc, &opt);
			for (t = 1; t < 4; t++)
				for (k = 0; k < FW_NMONTHLY; k++)
					ck_assert_msg(row(run, 1, t, k) ==
					    row(run, 0, t, k), "hub month %d "
					    "%s: %g, baseline %g", t,
					    fwi_monthly_names[k], row(run, 1, t,
					    k), row(run, 0, t, k));
			ck_assert_double_eq(row(run, 1, 4, FW_M_PROGRAM_COST),
			    55000);
			ck_assert_double_ne(row(run, 1, 18, FW_M_PATIENTS),
			    row(run, 0, 18, FW_M_PATIENTS));
			for (k = 0; k < FW_NMONTHLY; k++)
				ck_assert_double_eq(row(run, 2, 1, k),
				    row(run, 0, 1, k));
			fw_run_free(run);
			fw_scenario_free(sc);
		}
}
END_TEST

/* Results do not depend on the number of threads or of steps with a
 * warm-up, start months and ramps. */
START_TEST(test_threads_with_warmup)
{
	fw_scenario *sc = test_load("name: t\nwarmup_months: 7\n" MARKET
	    PROGRAMMES);
	fw_run_options opt = { 0 };
	fw_run *one, *other;
	fw_error err;
	int threads;

	opt.threads = 1;
	one = test_run(sc, &opt);
	for (threads = 2; threads <= 4; threads++) {
		opt.threads = threads;
		other = test_run(sc, &opt);
		test_same_results(one, other);
		fw_run_free(other);
	}
	opt.threads = 3;
	ck_assert_int_eq(fw_run_alloc(sc, &opt, &other, &err), FW_OK);
	while (fw_run_done(other) < fw_run_replications(other))
		ck_assert_int_eq(fw_run_step(other, 1, &err), FW_OK);
	test_same_results(one, other);
	fw_run_free(other);
	fw_run_free(one);
	fw_scenario_free(sc);
}
END_TEST

/* The variants of a replication stepped side by side, a month of each in
 * turn over words drawn once (words.h), give the bytes of the variants
 * stepped one after another, each drawing its own: with and without a
 * warm-up, with start months and ramps, with a variant of more HCPs
 * than the baseline, on every path the processor has. */
START_TEST(test_side_by_side_is_one_after_another)
{
	static const char *const cases[] = {
		"name: t\nwarmup_months: 7\n" MARKET PROGRAMMES,
		"name: t\n" MARKET PROGRAMMES
		"  more: {set: {segments.b.hcps: 730}}\n" };
	const enum fw_rng_path path = fwi_rng_path();
	fw_run_options opt = { .threads = 2 };
	fw_run *side, *after;
	fw_error err;
	size_t i;
	int p;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		fw_scenario *sc = test_load(cases[i]);
		for (p = FW_RNG_SCALAR; p <= FW_RNG_AVX512; p++) {
			if (fwi_rng_force_path((enum fw_rng_path)p) != 0)
				continue;
			side = test_run(sc, &opt);
			ck_assert(side->side_by_side);
			ck_assert_int_eq(fw_run_alloc(sc, &opt, &after, &err),
			    FW_OK);
			after->side_by_side = 0;
			ck_assert_int_eq(fw_run_finish(after, &err), FW_OK);
			test_same_results(side, after);
			fw_run_free(side);
			fw_run_free(after);
		}
		fw_scenario_free(sc);
	}
	fwi_rng_force_path(path);
}
END_TEST

/* The baseline's results of run x and y are the same, byte for byte. */
static void
assert_same_baseline(const fw_run *x, const fw_run *y)
{
	const size_t T = (size_t)x->horizon;
	uint64_t r, b;
	int t;

	for (r = 0; r < x->reps; r++) {
		ck_assert_mem_eq(fwi_run_totals(x, r, 0), fwi_run_totals(y, r, 0),
		    FW_NTOTAL * sizeof(double));
		ck_assert_mem_eq(&x->banded[r * x->nvar * T * FW_NBANDED],
		    &y->banded[r * y->nvar * T * FW_NBANDED],
		    T * FW_NBANDED * sizeof(float));
	}
	for (b = 0; b < x->nblocks; b++)
		for (t = 1; t <= x->horizon; t++)
			ck_assert_mem_eq(&x->block_sums[((b * x->nvar) * T +
			    (size_t)(t - 1)) * FW_NMONTHLY], &y->block_sums[((b *
			    y->nvar) * T + (size_t)(t - 1)) * FW_NMONTHLY],
			    FW_NMONTHLY * sizeof(double));
}

/* Changing only the variants (their changes, start months, ramps and
 * channels, or having none) leaves the baseline's results unchanged bit
 * for bit, with a warm-up. */
START_TEST(test_variants_leave_baseline)
{
	fw_scenario *a = test_load("name: t\nwarmup_months: 10\n" MARKET
	    PROGRAMMES);
	fw_scenario *b = test_load("name: t\nwarmup_months: 10\n" MARKET
	    "variants:\n"
	    "  hub: {start_month: 2, ramp_months: 9, set: {friction.access: "
	    "0.3}}\n"
	    "  swap: {ramp_months: 1, remove_channels: [rep]}\n");
	fw_scenario *c = test_load("name: t\nwarmup_months: 10\n" MARKET);
	fw_run_options opt = { 0 };
	fw_run *ra = test_run(a, &opt), *rb = test_run(b, &opt);
	fw_run *rc = test_run(c, &opt);
	uint64_t r;

	assert_same_baseline(ra, rb);
	assert_same_baseline(ra, rc);
	for (r = 0; r < ra->reps; r++)
		ck_assert_double_ne(fwi_run_totals(ra, r, 1)[FW_T_NPV],
		    fwi_run_totals(rb, r, 1)[FW_T_NPV]);
	fw_run_free(ra);
	fw_run_free(rb);
	fw_run_free(rc);
	fw_scenario_free(a);
	fw_scenario_free(b);
	fw_scenario_free(c);
}
END_TEST

/* Variant v of run x has the baseline's results, byte for byte. */
static void
assert_same_as_baseline(const fw_run *x, size_t v)
{
	const size_t T = (size_t)x->horizon;
	uint64_t r;
	int t;
	for (r = 0; r < x->reps; r++) {
		ck_assert_mem_eq(fwi_run_totals(x, r, v), fwi_run_totals(x, r, 0),
		    FW_NTOTAL * sizeof(double));
		ck_assert_mem_eq(&x->banded[(r * x->nvar + v) * T * FW_NBANDED],
		    &x->banded[r * x->nvar * T * FW_NBANDED],
		    T * FW_NBANDED * sizeof(float));
	}
	for (t = 1; t <= x->horizon; t++) {
		fw_gain g;
		ck_assert_int_eq(fw_run_cumulative_gain(x, v, t, &g), FW_OK);
		ck_assert_double_eq(g.mean, 0);
		ck_assert_double_eq(g.p5, 0);
		ck_assert_double_eq(g.p95, 0);
	}
}

/* A variant identical to the baseline gives exactly zero change, also
 * when it starts late and ramps, sets a value to the baseline's own or
 * a distribution to the baseline's, with and without a warm-up. */
START_TEST(test_identical_variant_is_zero)
{
	static const char *const warmups[] = { "", "warmup_months: 8\n" };
	char yaml[4096];
	size_t i, v;

	for (i = 0; i < 2; i++) {
		fw_scenario *sc;
		fw_run_options opt = { 0 };
		fw_run *run;
		snprintf(yaml, sizeof(yaml), "name: t\n%s" MARKET
		    "variants:\n"
		    "  late: {start_month: 5, ramp_months: 6}\n"
		    "  same-value: {start_month: 2, ramp_months: 4, set: "
		    "{friction.onboarding: 0.35, channels.rep.reach: 0.06}}\n"
		    "  same-dist: {ramp_months: 3, set: {friction.access: "
		    "{dist: pert, min: 0.3, mode: 0.42, max: 0.5}}}\n",
		    warmups[i]);
		sc = test_load(yaml);
		run = test_run(sc, &opt);
		for (v = 1; v < run->nvar; v++)
			assert_same_as_baseline(run, v);
		fw_run_free(run);
		fw_scenario_free(sc);
	}
}
END_TEST

/* Keys given at their defaults change nothing. */
START_TEST(test_default_keys_change_nothing)
{
	fw_scenario *a = test_load("name: t\n" MARKET PROGRAMMES);
	fw_scenario *b = test_load("name: t\nwarmup_months: 0\n" MARKET
	    "variants:\n"
	    "  hub: {start_month: 4, ramp_months: 5, set: {friction.access: "
	    "0.15, flywheel.onboarding_months: 2}, program_cost: {upfront: "
	    "50000, monthly: 5000}}\n"
	    "  swap: {start_month: 2, ramp_months: 3, remove_channels: [email], "
	    "add_channels: [{name: webinar, touches_per_month: 0.5, reach: "
	    "0.06, helpful: 0.35, burden: 0.1, cost_per_touch: 40}]}\n"
	    "  now: {start_month: 1, ramp_months: 0, set: "
	    "{friction.onboarding: 0.1}}\n");
	fw_run_options opt = { 0 };
	fw_run *ra = test_run(a, &opt), *rb = test_run(b, &opt);

	test_same_results(ra, rb);
	fw_run_free(ra);
	fw_run_free(rb);
	fw_scenario_free(a);
	fw_scenario_free(b);
}
END_TEST

/* A warm-up of W months is the plain model's first W months: horizon
 * month t of a run with a warm-up is month W + t of a run without one,
 * in every metric but money booked and discounted (MODEL.md §7a). */
START_TEST(test_warmup_continues_plain_model)
{
	fw_scenario *warm = test_load("name: t\nwarmup_months: 11\n" MARKET);
	fw_scenario *plain = test_load("name: t\n" MARKET);
	fw_run_options wo = { .replications = 1, .seed_set = 1, .seed = 5 };
	fw_run_options po = wo;
	fw_run *rw, *rp;
	int t, k;

	po.months = 11 + 18;
	rw = test_run(warm, &wo);
	rp = test_run(plain, &po);
	for (t = 1; t <= 18; t++)
		for (k = 0; k < FW_NMONTHLY; k++) {
			if (k == FW_M_CASH || k == FW_M_PROGRAM_COST)
				continue;
			ck_assert_msg(row(rw, 0, t, k) == row(rp, 0, 11 + t, k),
			    "month %d %s: %g after warm-up, %g in month %d",
			    t, fwi_monthly_names[k], row(rw, 0, t, k),
			    row(rp, 0, 11 + t, k), 11 + t);
		}
	/* nothing is booked in the warm-up: the upfront is month 1's */
	ck_assert_double_eq(row(rw, 0, 1, FW_M_PROGRAM_COST), 21000);
	fw_run_free(rw);
	fw_run_free(rp);
	fw_scenario_free(warm);
	fw_scenario_free(plain);
}
END_TEST

/* A variant that changes early_months in mid-run loses no patient: with
 * no dropout the patients on therapy are the filled scripts so far. */
START_TEST(test_early_months_change_keeps_patients)
{
	fw_scenario *sc = test_load("name: t\nhorizon_months: 10\n"
	    "replications: 1\n"
	    "patients: {early_months: 3, early_dropout: 0, early_friction: 0, "
	    "late_dropout: 0, late_friction: 0}\n"
	    "segments:\n  - {name: a, hcps: 200, scripts_per_month: 3, "
	    "patients_on_therapy: 50, initial: {adopter: 1}}\n"
	    "variants:\n"
	    "  shorter: {start_month: 5, set: {patients.early_months: 1}}\n"
	    "  longer: {start_month: 5, set: {patients.early_months: 6}}\n");
	fw_run_options opt = { 0 };
	fw_run *run = test_run(sc, &opt);
	size_t v;
	int t;

	for (v = 0; v < run->nvar; v++) {
		double filled = 50;
		for (t = 1; t <= run->horizon; t++) {
			filled += row(run, v, t, FW_M_SCRIPTS_FILLED);
			ck_assert_double_eq(row(run, v, t, FW_M_PATIENTS), filled);
		}
	}
	fw_run_free(run);
	fw_scenario_free(sc);
}
END_TEST

/* The patient book (MODEL.md §7a, §5.1): with no new patients the pool
 * of N patients on therapy, which survives every month but the first
 * with 1 - q_l, holds N S patients on average, S = (1 - q_l)^(k - 1) in
 * the k-th simulated month, warm-up months included. The count is
 * Binomial(N, S), so the mean of R replications has standard error
 * sqrt(N S (1 - S) / R); each month's mean is within 4 of them. */
START_TEST(test_patient_book_decays)
{
	static const int warmups[] = { 0, 6 };
	const double N = 5000, q = 0.02 + 0.06 * 0.35;
	const int R = 400;
	fw_run_options opt = { .replications = R };
	char yaml[1024];
	size_t i;
	int t;

	for (i = 0; i < 2; i++) {
		fw_scenario *sc;
		fw_run *run;
		snprintf(yaml, sizeof(yaml), "name: t\nhorizon_months: 36\n"
		    "replications: 1\nseed: 31\nwarmup_months: %d\n"
		    "segments:\n  - {name: a, hcps: 50, scripts_per_month: 0, "
		    "patients_on_therapy: 5000, initial: {adopter: 1}}\n",
		    warmups[i]);
		sc = test_load(yaml);
		run = test_run(sc, &opt);
		for (t = 1; t <= run->horizon; t++) {
			double S = pow(1 - q, warmups[i] + t - 1);
			double se = sqrt(N * S * (1 - S) / R);
			double mean = fwi_run_monthly_mean(run, 0, t,
			    FW_M_PATIENTS);
			ck_assert_msg(fabs(mean - N * S) <= 4 * se + 1e-9,
			    "warm-up %d, month %d: mean %g, N S = %g, se %g",
			    warmups[i], t, mean, N * S, se);
		}
		fw_run_free(run);
		fw_scenario_free(sc);
	}
}
END_TEST

/* Difference between the second and the first year's mean revenue of
 * the baseline, per replication: its mean and standard error. */
static void
year_on_year(const fw_run *run, double *mean, double *se)
{
	const size_t T = (size_t)run->horizon;
	double sum = 0, sum2 = 0;
	uint64_t r;
	size_t t;

	ck_assert_uint_eq(T, 24);
	for (r = 0; r < run->reps; r++) {
		const float *band = &run->banded[r * run->nvar * T * FW_NBANDED];
		double first = 0, second = 0, d;
		for (t = 0; t < 12; t++) {
			first += band[t * FW_NBANDED + 0];
			second += band[(t + 12) * FW_NBANDED + 0];
		}
		d = (second - first) / 12;
		sum += d;
		sum2 += d * d;
	}
	*mean = sum / run->reps;
	*se = sqrt((sum2 - run->reps * *mean * *mean) / (run->reps - 1) /
	    run->reps);
}

/* After a long enough warm-up the brand is in its steady state: with no
 * variant, the second year's revenue is the first year's within Monte
 * Carlo error (4 standard errors of the paired difference). The market
 * is the default one with win-backs that do not fade with time away:
 * with the default fade, lapsed and switched HCPs that stay away long
 * enough stop coming back, and the market erodes for ever. Without the
 * warm-up the same market is far from steady. */
START_TEST(test_warmup_reaches_steady_state)
{
	static const char *const market =
	    "name: t\nhorizon_months: 24\nreplications: 120\nseed: 8\n"
	    "warmup_months: %d\n"
	    "reacquisition: {winback_decay: 0}\n"
	    "segments:\n"
	    "  - {name: cardiology, hcps: 400, scripts_per_month: 5.0, initial: "
	    "{unaware: 0.55, engaged: 0.25, adopter: 0.15, advocate: 0.05}}\n"
	    "  - {name: primary-care, hcps: 800, scripts_per_month: 1.2, "
	    "trust: 0.45, initial: {unaware: 0.75, engaged: 0.15, "
	    "adopter: 0.08, advocate: 0.02}}\n"
	    "channels:\n"
	    "  - {name: field-rep, touches_per_month: 1.0, reach: 0.06, "
	    "helpful: 0.55, burden: 0.08, cost_per_touch: 160}\n"
	    "  - {name: email, touches_per_month: 3.0, reach: 0.01, "
	    "helpful: 0.12, burden: 0.10, cost_per_touch: 0.5}\n"
	    "  - {name: portal, touches_per_month: 0.5, reach: 0.02, "
	    "helpful: 0.30, burden: 0.25, cost_per_touch: 4}\n";
	static const int warmups[] = { 360, 0 };
	char yaml[2048];
	size_t i;

	ck_assert_int_eq(fwi_banded[0], FW_M_REVENUE);
	for (i = 0; i < 2; i++) {
		fw_run_options opt = { 0 };
		fw_scenario *sc;
		fw_run *run;
		double mean, se;
		snprintf(yaml, sizeof(yaml), market, warmups[i]);
		sc = test_load(yaml);
		run = test_run(sc, &opt);
		year_on_year(run, &mean, &se);
		if (warmups[i] > 0)
			ck_assert_msg(fabs(mean) <= 4 * se, "after a warm-up "
			    "of %d months revenue moves by %g a month from "
			    "year 1 to 2 (se %g)", warmups[i], mean, se);
		else
			ck_assert_msg(mean > 20 * se, "without warm-up "
			    "revenue grows by only %g a month (se %g)", mean,
			    se);
		fw_run_free(run);
		fw_scenario_free(sc);
	}
}
END_TEST

Suite *
warmup_suite(void)
{
	Suite *s = suite_create("warmup");
	TCase *schedule = tcase_create("schedule");
	TCase *runs = tcase_create("runs");
	TCase *validation = tcase_create("validation");

	tcase_add_test(schedule, test_schedule_values);
	tcase_add_test(schedule, test_program_cost_from_start);
	tcase_add_test(runs, test_before_start_is_baseline);
	tcase_add_test(runs, test_threads_with_warmup);
	tcase_add_test(runs, test_variants_leave_baseline);
	tcase_add_test(runs, test_identical_variant_is_zero);
	tcase_add_test(runs, test_default_keys_change_nothing);
	tcase_add_test(runs, test_warmup_continues_plain_model);
	tcase_add_test(runs, test_early_months_change_keeps_patients);
	tcase_add_test(runs, test_side_by_side_is_one_after_another);
	tcase_add_test(validation, test_patient_book_decays);
	tcase_add_test(validation, test_warmup_reaches_steady_state);
	tcase_set_timeout(validation, 120);
	suite_add_tcase(s, schedule);
	suite_add_tcase(s, runs);
	suite_add_tcase(s, validation);
	return s;
}
