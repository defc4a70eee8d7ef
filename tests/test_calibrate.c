/* test_calibrate.c - calibration: the search scale, the series a run
 * keeps per replication for it (of the market or of one segment), and
 * the fit through the public API, the same to the bit for any number of
 * threads.
 * SPDX-License-Identifier: MIT */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <check.h>

#include "calibration.h"
#include "helpers.h"
#include "run.h"
#include "suites.h"

#define GOOD_CALIBRATION FW_SRCDIR "/tests/data/calibration/good.yaml"

/* The search scale maps the whole real line into the range and back, in
 * order, and never reaches an end of it. */
START_TEST(test_search_scale)
{
	const fw_cal_param logit = { .scale = FW_SCALE_LOGIT, .lo = 0.1,
		.hi = 0.7, .own = 0.4 };
	const fw_cal_param log_scale = { .scale = FW_SCALE_LOG, .lo = 0,
		.hi = HUGE_VAL, .limit = HUGE_VAL, .own = 4 };
	/* a key with a reasoned limit: no value searched passes it */
	const fw_cal_param limited = { .scale = FW_SCALE_LOG, .lo = 0,
		.hi = HUGE_VAL, .limit = 1000, .own = 2 };
	const fw_cal_param open_end = { .scale = FW_SCALE_LOGIT, .lo = 0,
		.hi = 1, .own = 0.5 };
	double x, last = -HUGE_VAL;

	for (x = 0.1001; x < 0.7; x += 0.01) {
		double z = fwi_cal_to_search(&logit, x);
		ck_assert_double_eq_tol(fwi_cal_from_search(&logit, z), x,
		    1e-12);
		ck_assert(z > last);
		last = z;
	}
	for (x = 0.01; x < 100; x *= 1.7)
		ck_assert_double_eq_tol(fwi_cal_from_search(&log_scale,
		    fwi_cal_to_search(&log_scale, x)), x, 1e-12 * x);
	ck_assert(fwi_cal_from_search(&open_end, 1e9) < 1);
	ck_assert(fwi_cal_from_search(&open_end, -1e9) > 0);
	ck_assert(fwi_cal_from_search(&log_scale, -1e9) > 0);
	ck_assert_double_eq(fwi_cal_from_search(&limited, 1e9), 1000);
	ck_assert_double_eq(fwi_cal_from_search(&limited, log(2000)), 1000);
	ck_assert_double_eq_tol(fwi_cal_from_search(&limited, log(999)), 999,
	    1e-9);
	/* starting points fill 2% to 98% of a range; on a log scale they
	 * lie within a factor of 3 of the scenario's value */
	ck_assert_double_eq_tol(fwi_cal_from_search(&logit,
	    fwi_cal_start(&logit, 0)), 0.1 + 0.02 * 0.6, 1e-12);
	ck_assert_double_eq_tol(fwi_cal_from_search(&log_scale,
	    fwi_cal_start(&log_scale, 0)), 4.0 / 3, 1e-12);
	ck_assert_double_eq_tol(fwi_cal_place(&logit, 0.4), 0.5, 1e-12);
}
END_TEST

/* A kept series is the run's own, replication by replication, and its
 * mean is the run's monthly mean. */
START_TEST(test_kept_series)
{
	fw_scenario *sc = test_load("name: k\nhorizon_months: 9\n"
	    "replications: 6\nsegments:\n  - {name: a, hcps: 200, "
	    "scripts_per_month: 3, initial: {adopter: 1}}\n");
	const int series[2] = { FW_M_REVENUE, FW_M_SCRIPTS_WRITTEN };
	fw_run_options opt = { .threads = 2 };
	fw_run *run;
	fw_error err;
	uint64_t r;
	int t;

	ck_assert_int_eq(fw_run_alloc(sc, &opt, &run, &err), FW_OK);
	ck_assert_int_eq(fwi_run_keep(run, series, NULL, 2), FW_OK);
	ck_assert_int_eq(fw_run_finish(run, &err), FW_OK);
	ck_assert_int_eq(fwi_run_keep(run, series, NULL, 2), FW_EINVALID);
	for (t = 1; t <= 9; t++) {
		fw_band b;
		double sum = 0;
		for (r = 0; r < 6; r++) {
			/* the run keeps revenue in single precision */
			double kept = fwi_run_kept(run, r, 0, 0)[t - 1];
			ck_assert(fabs(kept - fw_run_month_value(run, r, 0, t,
			    FW_M_REVENUE)) <= 1e-6 * kept);
			sum += fwi_run_kept(run, r, 0, 1)[t - 1];
		}
		ck_assert_int_eq(fw_run_month(run, 0, t, FW_M_SCRIPTS_WRITTEN,
		    &b), FW_OK);
		ck_assert_double_eq_tol(sum / 6, b.mean, 1e-9 * b.mean);
	}
	fw_run_free(run);
	fw_scenario_free(sc);
}
END_TEST

#define TWO_SEGMENTS \
	"name: s\nhorizon_months: 8\nreplications: 5\nseed: 3\n" \
	"economics: {price_per_patient_month: 437.5}\n" \
	"segments:\n  - {name: a, hcps: 150, scripts_per_month: 3, " \
	"initial: {engaged: 0.5, adopter: 0.5}}\n" \
	"  - {name: b, hcps: 90, scripts_per_month: 1.5, trust: 0.4, " \
	"initial: {adopter: 0.3, lapsed: 0.2, unaware: 0.5}}\n" \
	"channels: [{name: rep, touches_per_month: 1, reach: 0.05, " \
	"helpful: 0.5, burden: 0.1, cost_per_touch: 100}]\n"

/* The market's share of scripts unfilled from its segments' own counts
 * (kept after the market's series, a then b). */
static double
unfilled_share(const fw_run *run, uint64_t r, int t)
{
	double unfilled = 0, written = 0;
	size_t s;

	for (s = 1; s <= 2; s++) {
		unfilled += fwi_run_kept(run, r, 0, s * FW_NMONTHLY +
		    FW_M_SCRIPTS_UNFILLED)[t];
		written += fwi_run_kept(run, r, 0, s * FW_NMONTHLY +
		    FW_M_SCRIPTS_WRITTEN)[t];
	}
	return written > 0 ? unfilled / written : 0;
}

/* Each segment's own series add up to the market's (mean trust and the
 * gap rate as the weighted mean and the ratio), the market's own costs
 * are not a segment's, and recording them changes no result. */
START_TEST(test_segment_series)
{
	fw_scenario *sc = test_load(TWO_SEGMENTS);
	int series[FW_NMONTHLY * 3], seg[FW_NMONTHLY * 3];
	fw_run_options opt = { .threads = 2 };
	fw_run *run, *plain;
	fw_error err;
	size_t k;
	uint64_t r;
	int i, t;

	for (i = 0; i < 3 * FW_NMONTHLY; i++) {
		series[i] = i % FW_NMONTHLY;
		seg[i] = i / FW_NMONTHLY - 1;
	}
	ck_assert_int_eq(fw_run_alloc(sc, &opt, &run, &err), FW_OK);
	ck_assert_int_eq(fwi_run_keep(run, series, seg, 3 * FW_NMONTHLY),
	    FW_OK);
	ck_assert_int_eq(fw_run_finish(run, &err), FW_OK);
	plain = test_run(sc, &opt);
	for (r = 0; r < 5; r++) {
		for (k = 0; k < fw_metric_count(); k++)
			ck_assert(memcmp(&(double){ fw_run_value(run, r, 0, k) },
			    &(double){ fw_run_value(plain, r, 0, k) },
			    sizeof(double)) == 0);
		for (i = 0; i < FW_NMONTHLY; i++)
			for (t = 0; t < 8; t++) {
				double m = fwi_run_kept(run, r, 0, (size_t)i)[t];
				double a = fwi_run_kept(run, r, 0,
				    (size_t)(FW_NMONTHLY + i))[t];
				double b = fwi_run_kept(run, r, 0,
				    (size_t)(2 * FW_NMONTHLY + i))[t];
				double want = a + b;
				if (i == FW_M_CASH || i == FW_M_CHANNEL_COST ||
				    i == FW_M_PROGRAM_COST) {
					ck_assert(isnan(a) && isnan(b));
					continue;
				}
				if (i == FW_M_MEAN_TRUST)
					want = (150 * a + 90 * b) / 240;
				if (i == FW_M_GAP_RATE)
					want = unfilled_share(run, r, t);
				ck_assert_double_eq_tol(m, want,
				    1e-12 * fmax(1, fabs(m)));
			}
	}
	fw_run_free(run);
	fw_run_free(plain);
	fw_scenario_free(sc);
}
END_TEST

/* Fits GOOD_CALIBRATION on n threads through the public API. */
static fw_calibration *
fit(int threads)
{
	fw_calibration *cal;
	fw_calibration_progress p;
	fw_error err;
	fw_fit f;
	size_t last = 0;

	ck_assert_int_eq(fw_calibration_load(GOOD_CALIBRATION, &cal, &err),
	    FW_OK);
	ck_assert_int_eq(fw_calibration_set_threads(cal, threads), FW_OK);
	ck_assert_int_eq(fw_calibration_fit(cal, 0, &f), FW_EINVALID);
	ck_assert(isnan(fw_calibration_objective(cal)));
	while (!fw_calibration_done(cal)) {
		ck_assert_int_eq(fw_calibration_step(cal, &err), FW_OK);
		fw_calibration_get_progress(cal, &p);
		ck_assert(p.evaluations > last);
		last = p.evaluations;
	}
	return cal;
}

/* The fit through the public API: done in steps, each evaluating the
 * objective; the same bytes on one thread and on three. */
START_TEST(test_fit_by_threads)
{
	fw_calibration *a = fit(1), *b = fit(3);
	fw_scenario *fitted;
	fw_error err;
	size_t i, j;
	int t;

	ck_assert(isfinite(fw_calibration_objective(a)));
	ck_assert(memcmp(&(double){ fw_calibration_objective(a) },
	    &(double){ fw_calibration_objective(b) }, sizeof(double)) == 0);
	for (j = 0; j < fw_calibration_param_count(a); j++) {
		fw_fit fa, fb;
		double x;
		ck_assert_int_eq(fw_calibration_fit(a, j, &fa), FW_OK);
		ck_assert_int_eq(fw_calibration_fit(b, j, &fb), FW_OK);
		ck_assert(memcmp(&fa, &fb, sizeof(fa)) == 0);
		ck_assert_int_eq(fw_calibration_fitted(a, &fitted, &err), FW_OK);
		ck_assert_int_eq(fw_scenario_value(fitted, NULL,
		    fw_calibration_param_path(a, j), 0.5, &x, &err), FW_OK);
		if (fa.status != FW_FIT_FLAT && fa.status != FW_FIT_WEAK)
			ck_assert_double_eq(x, fa.estimate);
		fw_scenario_free(fitted);
	}
	for (i = 0; i < fw_calibration_target_count(a); i++)
		for (t = 1; t <= fw_calibration_months(a); t++) {
			fw_band ba, bb;
			double ya, yb;
			ck_assert_int_eq(fw_calibration_month(a, i, t, &ya, &ba),
			    FW_OK);
			ck_assert_int_eq(fw_calibration_month(b, i, t, &yb, &bb),
			    FW_OK);
			ck_assert(memcmp(&ba, &bb, sizeof(ba)) == 0);
		}
	ck_assert_int_eq(fw_calibration_month(a, 0, 0, &(double){ 0 },
	    &(fw_band){ 0 }), FW_EINVALID);
	fw_calibration_free(a);
	fw_calibration_free(b);
}
END_TEST

Suite *
calibrate_suite(void)
{
	Suite *s = suite_create("calibrate");
	TCase *tc = tcase_create("fit");

	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_search_scale);
	tcase_add_test(tc, test_kept_series);
	tcase_add_test(tc, test_segment_series);
	tcase_add_test(tc, test_fit_by_threads);
	suite_add_tcase(s, tc);
	return s;
}
