/* core_suites.c - the library's own suites (the engine, its random
 * streams and model, scenarios and results), which both runners take:
 * check_flywheel adds the command's to them, check_core (make
 * check-arm) runs them alone.
 * SPDX-License-Identifier: MIT */
#include "config.h"

#include <stdlib.h>

#include "suites.h"

SRunner *
core_suites(void)
{
	SRunner *sr = srunner_create(params_suite());

	srunner_add_suite(sr, scenario_suite());
	srunner_add_suite(sr, rng_suite());
	srunner_add_suite(sr, model_suite());
	srunner_add_suite(sr, engine_suite());
	srunner_add_suite(sr, compare_suite());
	srunner_add_suite(sr, recommend_suite());
	srunner_add_suite(sr, design_suite());
	srunner_add_suite(sr, limits_suite());
	srunner_add_suite(sr, answers_suite());
	srunner_add_suite(sr, warmup_suite());
	srunner_add_suite(sr, results_suite());
	srunner_add_suite(sr, quantile_suite());
	return sr;
}

int
run_suites(SRunner *sr)
{
	int failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
