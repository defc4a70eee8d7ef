/* check_flywheel.c - the one Check runner: every module's suite.
 * SPDX-License-Identifier: MIT */
#include "config.h"

#include <stdlib.h>

#include <gsl/gsl_errno.h>

#include "suites.h"

int
main(void)
{
	SRunner *sr;

	gsl_set_error_handler_off();
	/* Each test runs in a child of its own (Check's fork mode), so a
	 * crash is reported as that test; one that takes longer than this
	 * on a slow machine under the sanitizers is reported as hung. The
	 * parent runs no OpenMP region: a child forked after one can hang
	 * (GCC bug 60035). A suite may set a longer time of its own. */
	setenv("CK_DEFAULT_TIMEOUT", "300", 0);
	sr = core_suites();
	srunner_add_suite(sr, csv_suite());
	srunner_add_suite(sr, calibrate_suite());
	srunner_add_suite(sr, api_suite());
	srunner_add_suite(sr, leakage_suite());
	srunner_add_suite(sr, copula_suite());
	srunner_add_suite(sr, voi_suite());
	srunner_add_suite(sr, calcarry_suite());
	srunner_add_suite(sr, looks_suite());
	srunner_add_suite(sr, report_suite());
	return run_suites(sr);
}
