/* suites.h - the Check suites of the test runner, one per module.
 * SPDX-License-Identifier: MIT */
#ifndef FW_TEST_SUITES_H
#define FW_TEST_SUITES_H

#include <check.h>

Suite *params_suite(void);
Suite *scenario_suite(void);
Suite *rng_suite(void);
Suite *model_suite(void);
Suite *engine_suite(void);
Suite *compare_suite(void);
Suite *recommend_suite(void);
Suite *design_suite(void);
Suite *limits_suite(void);
Suite *answers_suite(void);
Suite *csv_suite(void);
Suite *calibrate_suite(void);
Suite *api_suite(void);
Suite *warmup_suite(void);
Suite *results_suite(void);
Suite *leakage_suite(void);
Suite *copula_suite(void);
Suite *voi_suite(void);
Suite *calcarry_suite(void);
Suite *looks_suite(void);
Suite *report_suite(void);
Suite *quantile_suite(void);

/* The library's own suites in one runner (core_suites.c), and a
 * runner's run: EXIT_SUCCESS when every test passed. */
SRunner *core_suites(void);
int run_suites(SRunner *sr);

#endif
