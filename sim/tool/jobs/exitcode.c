/* exitcode.c - the exit code a status ends the command with (flywheel(1)).
 * SPDX-License-Identifier: MIT */
#include "config.h"

#include "exitcode.h"
#include "flywheel.h"

int
exit_code_of(int status)
{
	switch (status) {
	case FW_OK:
		return EXIT_DONE;
	case FW_EINVALID:
		return EXIT_INVALID;
	case FW_EIO:
		return EXIT_IO;
	default:	/* a failed run, and running out of memory */
		return EXIT_FAILED;
	}
}
