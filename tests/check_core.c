/* check_core.c - a Check runner of the library's own suites (the
 * engine, its random streams and model, scenarios and results), without
 * the command's: what `make check-arm` builds for aarch64.
 * SPDX-License-Identifier: MIT */
#include "config.h"

#include <stdlib.h>

#include <gsl/gsl_errno.h>

#include "suites.h"

int
main(void)
{
	SRunner *sr;
	int failed;

	gsl_set_error_handler_off();
	/* under an emulator a test takes many times longer */
	setenv("CK_DEFAULT_TIMEOUT", "3000", 0);
	sr = srunner_create(params_suite());
	srunner_add_suite(sr, scenario_suite());
	srunner_add_suite(sr, rng_suite());
	srunner_add_suite(sr, model_suite());
	srunner_add_suite(sr, engine_suite());
	srunner_add_suite(sr, compare_suite());
	srunner_add_suite(sr, design_suite());
	srunner_add_suite(sr, limits_suite());
	srunner_add_suite(sr, answers_suite());
	srunner_add_suite(sr, warmup_suite());
	srunner_add_suite(sr, results_suite());
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
