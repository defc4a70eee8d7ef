/* test_model.c - the formulas of MODEL.md §4 and §6 against values worked
 * out by hand, and the patients' survival curve (§8).
 * SPDX-License-Identifier: MIT */
#include "config.h"

#include <math.h>
#include <stdlib.h>

#include "helpers.h"
#include "model.h"
#include "order.h"
#include "run.h"
#include "suites.h"

#define DEFAULT_CHANNELS \
	"channels:\n" \
	"  - {name: field-rep, touches_per_month: 1.0, reach: 0.06, " \
	"helpful: 0.55, burden: 0.08, cost_per_touch: 160}\n" \
	"  - {name: email, touches_per_month: 3.0, reach: 0.01, " \
	"helpful: 0.12, burden: 0.10, cost_per_touch: 0.5}\n" \
	"  - {name: portal, touches_per_month: 0.5, reach: 0.02, " \
	"helpful: 0.30, burden: 0.25, cost_per_touch: 4}\n"

#define MARKET \
	"name: t\nhorizon_months: 12\nreplications: 1\n" \
	"economics: {price_per_patient_month: 450}\n" \
	"segments:\n" \
	"  - {name: cardiology, hcps: 4000, scripts_per_month: 5.0}\n" \
	"  - {name: primary-care, hcps: 8000, scripts_per_month: 1.2, " \
	"trust: 0.45}\n"

/* Values of variant v of sc in replication 0. */
static void
values_of(const fw_scenario *sc, size_t v, fw_work *w, fw_plan *plan)
{
	ck_assert_int_eq(fwi_plan_build(plan, &sc->config[v]), FW_OK);
	ck_assert_int_eq(fwi_work_init(w, sc, sc->horizon, plan->n, 0), FW_OK);
	ck_assert_int_eq(fwi_values_set(&w->base, &sc->config[v], plan,
	    sc->seed, 0), FW_OK);
}

/* The default channels: no fatigue (4.5 touches < 8), burden raised by
 * 1 + 0.06 (3 - 1) = 1.12. */
START_TEST(test_channel_aggregates)
{
	fw_scenario *sc = test_load(MARKET DEFAULT_CHANNELS);
	fw_work w;
	fw_plan plan;

	values_of(sc, 0, &w, &plan);
	ck_assert_double_eq(w.base.phi, 0);
	ck_assert_double_eq_tol(w.base.mu_g, 0.55 + 3 * 0.12 + 0.5 * 0.30,
	    1e-15);
	ck_assert_double_eq_tol(w.base.mu_b, 0.08 * 1.12 + 3 * 0.10 * 1.12 +
	    0.5 * 0.25 * 1.12, 1e-15);
	ck_assert_double_eq_tol(w.base.rho, 0.06 + 0.03 + 0.01, 1e-15);
	ck_assert_double_eq_tol(w.base.channel_cost, 12000 * (160 + 1.5 + 2),
	    1e-6);
	fwi_work_clear(&w);
	fwi_plan_clear(&plan);
	fw_scenario_free(sc);
}
END_TEST

/* 16 touches against a capacity of 8: half of every touch is noise. */
START_TEST(test_fatigue)
{
	fw_scenario *sc = test_load(MARKET
	    "channels:\n"
	    "  - {name: a, touches_per_month: 16, reach: 0.1, helpful: 0.5, "
	    "burden: 0.2, cost_per_touch: 1}\n");
	fw_work w;
	fw_plan plan;

	values_of(sc, 0, &w, &plan);
	ck_assert_double_eq(w.base.phi, 0.5);
	/* one channel: no incoherence; beta = 0.2 + 0.8 * 0.5 */
	ck_assert_double_eq_tol(w.base.mu_b, 16 * 0.6, 1e-12);
	ck_assert_double_eq_tol(w.base.mu_g, 16 * 0.5 * 0.5, 1e-12);
	ck_assert_double_eq_tol(w.base.rho, 0.5 * 16 * 0.1, 1e-12);
	fwi_work_clear(&w);
	fwi_plan_clear(&plan);
	fw_scenario_free(sc);
}
END_TEST

/* share_k(tau) = min(1, sigma (1 - w + w tau) / (1 - w/2)), p_sw, and the
 * patients' dropout and value with the default frictions. */
START_TEST(test_formulas_by_hand)
{
	fw_scenario *sc = test_load(MARKET);
	fw_work w;
	fw_plan plan;
	double S3, sum, L;

	values_of(sc, 0, &w, &plan);
	/* at tau = 0.5 the share is the base share */
	ck_assert_double_eq_tol(fwi_share(&w.base, FW_ADOPTER, 0.5), 0.5, 1e-15);
	ck_assert_double_eq_tol(fwi_share(&w.base, FW_ADVOCATE, 1.0),
	    0.7 / (1 - 0.3333 / 2), 1e-15);
	ck_assert_double_eq_tol(fwi_share(&w.base, FW_TRIAL, 0.0),
	    0.3 * (1 - 0.3333) / (1 - 0.3333 / 2), 1e-15);
	ck_assert_double_eq(fwi_share(&w.base, FW_ENGAGED, 0.9), 0);
	ck_assert_double_eq_tol(fwi_switch_p(&w.base, 0.3), 0.04 * 0.49, 1e-15);
	/* q_e = 0.06 + 0.2 * 0.35, q_l = 0.02 + 0.06 * 0.35 */
	ck_assert_double_eq_tol(w.base.q_early, 0.13, 1e-15);
	ck_assert_double_eq_tol(w.base.q_late, 0.041, 1e-15);
	/* L = 450 (1 + 0.87 + 0.87^2 + 0.87^3 sum_{k<117} 0.959^k) */
	S3 = pow(0.87, 3);
	sum = 1 + 0.87 + 0.87 * 0.87 + S3 * (1 - pow(0.959, 117)) / 0.041;
	L = 450 * sum;
	ck_assert_double_eq_tol(w.base.patient_value, L, 1e-9 * L);
	/* the discount of one month at 8% a year */
	ck_assert_double_eq_tol(pow(w.base.monthly_discount, 12), 1 / 1.08,
	    1e-15);
	/* CVaR of an adopter at tau 0.5 in cardiology: share 0.5,
	 * p_sw 0.01 */
	ck_assert_double_eq_tol(fwi_cvar(&w.base, &w.base.seg[0], FW_ADOPTER, 0.5,
	    0.01), 12 * 5.0 * 0.5 * 0.58 * L * (1 - pow(0.99, 12)), 1e-6);
	fwi_work_clear(&w);
	fwi_plan_clear(&plan);
	fw_scenario_free(sc);
}
END_TEST

/* Calibration (MODEL.md §9): 12-month persistence about 0.45 with the
 * default frictions, 0.69 without. */
START_TEST(test_persistence_calibration)
{
	fw_scenario *sc = test_load(MARKET
	    "variants:\n  none: {set: {friction.onboarding: 0, "
	    "friction.support: 0}}\n");
	fw_work w;
	fw_plan plan;
	double with, without;

	values_of(sc, 0, &w, &plan);
	with = pow(1 - w.base.q_early, 3) * pow(1 - w.base.q_late, 9);
	fwi_work_clear(&w);
	fwi_plan_clear(&plan);
	values_of(sc, 1, &w, &plan);
	without = pow(1 - w.base.q_early, 3) * pow(1 - w.base.q_late, 9);
	ck_assert_double_eq_tol(with, 0.45, 0.005);
	ck_assert_double_eq_tol(without, 0.69, 0.005);
	ck_assert_double_eq_tol(without / with, 1.5, 0.05);
	fwi_work_clear(&w);
	fwi_plan_clear(&plan);
	fw_scenario_free(sc);
}
END_TEST

/* With no new patients, the mean active count follows n0 S(a)
 * (MODEL.md §8), within 4 standard errors at every month. */
START_TEST(test_patient_survival)
{
	fw_scenario *sc = test_load("name: t\nhorizon_months: 24\n"
	    "replications: 1\nsegments:\n"
	    "  - {name: a, hcps: 1, scripts_per_month: 1}\n");
	const int T = 24, R = 400;
	const double n0 = 5000;
	double sum[25] = { 0 }, sum2[25] = { 0 };
	fw_work w;
	fw_plan plan;
	int r, t, a;

	values_of(sc, 0, &w, &plan);
	for (r = 0; r < R; r++) {
		fw_cohort *c = &w.market.cohort[0];
		for (a = 0; a < w.base.early_buckets; a++)
			c->bucket[a] = 0;
		c->nbuckets = w.base.early_buckets;
		c->pool = 0;
		c->bucket[0] = n0;
		for (t = 2; t <= T; t++) {
			double active;
			fwi_age_patients(&w, &w.base, 77, (uint32_t)r, 0,
			    (uint32_t)t);
			active = c->pool;
			for (a = 0; a < w.base.early_buckets; a++)
				active += c->bucket[a];
			sum[t] += active;
			sum2[t] += active * active;
		}
	}
	for (t = 2; t <= T; t++) {
		int age = t - 1;
		double S = pow(1 - w.base.q_early, age < 3 ? age : 3) *
		    pow(1 - w.base.q_late, age > 3 ? age - 3 : 0);
		double mean = sum[t] / R;
		double sd = sqrt((sum2[t] - R * mean * mean) / (R - 1));
		ck_assert_msg(fabs(mean - n0 * S) <= 4 * sd / sqrt(R),
		    "month %d: mean %g, expected %g (se %g)", t, mean, n0 * S,
		    sd / sqrt(R));
	}
	fwi_work_clear(&w);
	fwi_plan_clear(&plan);
	fw_scenario_free(sc);
}
END_TEST

/* Initial states follow the rounded cumulative boundaries of §3. */
START_TEST(test_initial_boundaries)
{
	fw_scenario *sc = test_load("name: t\nhorizon_months: 1\n"
	    "replications: 1\nsegments:\n"
	    "  - {name: a, hcps: 7, scripts_per_month: 0, initial: "
	    "{unaware: 0.3, engaged: 0.3, adopter: 0.4}}\n");
	fw_run_options opt = { 0 };
	fw_run *run;
	const double *tot;

	/* nothing moves in a month with every rate at zero */
	ck_assert_int_eq(fw_scenario_set(sc, NULL, "flywheel.trial_rate", "0", NULL),
	    FW_OK);
	ck_assert_int_eq(fw_scenario_set(sc, NULL, "flywheel.disengage_rate", "0",
	    NULL), FW_OK);
	ck_assert_int_eq(fw_scenario_set(sc, NULL, "flywheel.switch_rate", "0", NULL),
	    FW_OK);
	ck_assert_int_eq(fw_scenario_set(sc, NULL, "flywheel.advocacy_rate", "0",
	    NULL), FW_OK);
	ck_assert_int_eq(fw_scenario_set(sc, NULL, "friction.continuity", "0", NULL),
	    FW_OK);
	ck_assert_int_eq(fw_scenario_set(sc, NULL, "flywheel.referral", "0", NULL),
	    FW_OK);
	run = test_run(sc, &opt);
	tot = fwi_run_totals(run, 0, 0);
	/* c = floor(7 * (0.3, 0.6, 1.0) + 0.5) = 2, 4, 7 */
	ck_assert_double_eq(tot[FW_T_UNAWARE], 2);
	ck_assert_double_eq(tot[FW_T_ENGAGED], 2);
	ck_assert_double_eq(tot[FW_T_ADOPTER], 3);
	fw_run_free(run);
	fw_scenario_free(sc);
}
END_TEST

/* An HCP that starts lapsed has defected once (MODEL.md §3): its first
 * win-back costs base_cost, and after it defects again the next costs
 * base_cost times the multiplier. Every chance below is 0 or 1, so each
 * of the 10 HCPs goes lapsed -> engaged -> trial -> lapsed -> engaged in
 * months 1 to 4. */
START_TEST(test_initial_defections)
{
	fw_scenario *sc = test_load("name: t\nhorizon_months: 4\n"
	    "replications: 1\n"
	    "experience: {trust_loss: 0}\n"
	    "friction: {prescribe: 0, onboarding: 1}\n"
	    "flywheel: {trial_rate: 1, abandon_per_friction: 1}\n"
	    "reacquisition: {winback_lapsed: 1, winback_decay: 0, "
	    "base_cost: 1000, cost_growth: 0.1, defection_multiplier: 1.5}\n"
	    "segments:\n"
	    "  - {name: a, hcps: 10, scripts_per_month: 0, trust: 1, "
	    "initial: {lapsed: 1}}\n");
	fw_run_options opt = { 0 };
	fw_run *run = test_run(sc, &opt);

	ck_assert_double_eq(fwi_run_monthly_mean(run, 0, 1, FW_M_WINBACKS), 10);
	ck_assert_double_eq(fwi_run_monthly_mean(run, 0, 1, FW_M_REACQ_COST),
	    10 * 1000);
	ck_assert_double_eq(fwi_run_monthly_mean(run, 0, 3, FW_M_LAPSES), 10);
	ck_assert_double_eq(fwi_run_monthly_mean(run, 0, 4, FW_M_WINBACKS), 10);
	ck_assert_double_eq(fwi_run_monthly_mean(run, 0, 4, FW_M_REACQ_COST),
	    10 * 1000 * 1.5);
	fw_run_free(run);
	fw_scenario_free(sc);
}
END_TEST

/* Every guide entry is the count of both ends of its range of words, as
 * the table search finds it, or sends the draw to the search; and a
 * word's count from the guide is the search's, for means small and large
 * and with ranges of one count, two, or many. */
START_TEST(test_guide_is_the_search)
{
	static const double mu[] = { 0, 1e-9, 0.01, 0.5, 1, 3.7, 10, 30, 63.9 };
	fw_count_table t = { 0 };
	size_t m;
	uint32_t i, lo, hi;
	int scans = 0;

	for (m = 0; m < sizeof(mu) / sizeof(mu[0]); m++) {
		ck_assert_int_eq(fwi_count_table_set(&t, mu[m]), FW_OK);
		for (i = 0; i < 4096; i++) {
			lo = fwi_table_count(t.cdf, t.n, fwi_u01(i << 20));
			hi = fwi_table_count(t.cdf, t.n, fwi_u01((i << 20) |
			    0xfffffu));
			if (lo == hi)
				ck_assert_uint_eq(t.guide[i], lo);
			else {
				ck_assert_uint_eq(t.guide[i], FW_GUIDE_SCAN);
				scans++;
			}
		}
	}
	ck_assert_int_gt(scans, 0);
	free(t.cdf);
}
END_TEST

/* Values with the same means share their count tables; a table in use
 * stays as it is however many other means are built after it. */
START_TEST(test_count_tables_shared)
{
	fw_scenario *sc = test_load(MARKET DEFAULT_CHANNELS);
	fw_work w;
	fw_plan plan;
	fw_count_table kept;
	const fw_count_table *t;
	int i;

	values_of(sc, 0, &w, &plan);
	ck_assert_int_eq(fwi_values_set(&w.own, &sc->config[0], &plan,
	    sc->seed, 1), FW_OK);
	ck_assert_ptr_eq(w.own.helpful, w.base.helpful);
	ck_assert_ptr_eq(w.own.burden, w.base.burden);
	t = w.base.helpful;
	kept = *t;
	for (i = 0; i < 3 * FW_TABLE_CACHE; i++) {
		w.own.chan[FW_C_TOUCHES] = 0.01 * (i + 1);
		ck_assert_int_eq(fwi_values_derive(&w.own), FW_OK);
		ck_assert_double_eq(w.own.helpful->mu, w.own.mu_g);
		ck_assert_double_eq(w.own.burden->mu, w.own.mu_b);
	}
	ck_assert_ptr_eq(w.base.helpful, t);
	ck_assert_double_eq(t->mu, kept.mu);
	ck_assert_mem_eq(t->guide, kept.guide, sizeof(kept.guide));
	fwi_work_clear(&w);
	fwi_plan_clear(&plan);
	fw_scenario_free(sc);
}
END_TEST

/* The HCPs listed state by state, in HCP order within a state, on every
 * path the processor has: the same list as a stable sort by state, and
 * nothing written past the slack. */
START_TEST(test_order_by_state)
{
	static const uint32_t sizes[] = { 0, 1, 7, 15, 16, 17, 33, 1000, 4099 };
	enum fw_rng_path path;
	uint8_t state[4099];
	uint32_t idx[4099 + FW_ORDER_SLACK + 1], start[FW_NSTATE + 1];
	uint32_t seed = 12345, j, at;
	size_t z;
	int k;

	for (z = 0; z < sizeof(sizes) / sizeof(sizes[0]); z++) {
		uint32_t n = sizes[z];
		for (j = 0; j < n; j++) {
			seed = seed * 1103515245u + 12345u;
			/* runs of one state as well as mixtures */
			state[j] = (uint8_t)(z % 3 == 0 ? (j / 40) % FW_NSTATE :
			    (seed >> 16) % FW_NSTATE);
		}
		for (path = FW_RNG_SCALAR; path <= FW_RNG_AVX512; path++) {
			if (!fwi_rng_path_available(path))
				continue;
			idx[n + FW_ORDER_SLACK] = 0xdeadbeef;
			fwi_order_by_state(path, state, n, idx, start);
			ck_assert_uint_eq(idx[n + FW_ORDER_SLACK], 0xdeadbeef);
			ck_assert_uint_eq(start[0], 0);
			ck_assert_uint_eq(start[FW_NSTATE], n);
			for (at = 0, k = 0; k < FW_NSTATE; k++) {
				ck_assert_uint_eq(start[k], at);
				for (j = 0; j < n; j++)
					if (state[j] == k && idx[at++] != j)
						break;
				ck_assert_msg(j == n, "path %d, n %u, state %d",
				    (int)path, n, k);
			}
			ck_assert_uint_eq(at, n);
		}
	}
}
END_TEST

Suite *
model_suite(void)
{
	Suite *s = suite_create("model");
	TCase *tc = tcase_create("formulas");

	tcase_add_test(tc, test_channel_aggregates);
	tcase_add_test(tc, test_fatigue);
	tcase_add_test(tc, test_formulas_by_hand);
	tcase_add_test(tc, test_persistence_calibration);
	tcase_add_test(tc, test_patient_survival);
	tcase_add_test(tc, test_initial_boundaries);
	tcase_add_test(tc, test_initial_defections);
	tcase_add_test(tc, test_guide_is_the_search);
	tcase_add_test(tc, test_count_tables_shared);
	tcase_add_test(tc, test_order_by_state);
	suite_add_tcase(s, tc);
	return s;
}
