/* check_core.c - a Check runner of the library's own suites alone,
 * without the command's: what `make check-arm` builds for aarch64.
 * SPDX-License-Identifier: MIT */
#include "config.h"

#include <stdlib.h>

#include <gsl/gsl_errno.h>

#include "suites.h"

int
main(void)
{
	gsl_set_error_handler_off();
	/* under an emulator a test takes many times longer */
	setenv("CK_DEFAULT_TIMEOUT", "3000", 0);
	return run_suites(core_suites());
}
