/* exitcode.h - the command's exit codes, and the one a status maps to:
 * every command and every process of a job ends alike.
 * SPDX-License-Identifier: MIT */
#ifndef FW_EXITCODE_H
#define FW_EXITCODE_H

/* Exit codes, written down in flywheel(1). */
enum exit_code {
	EXIT_DONE = 0,		/* success */
	EXIT_FAILED = 1,	/* a run, a plot or memory failed */
	EXIT_USAGE = 2,		/* bad command line */
	EXIT_INVALID = 3,	/* invalid scenario, sweep, calibration or
				 * data file */
	EXIT_IO = 4		/* a file cannot be read or written, or a
				 * table read back is damaged */
};

/* The exit code of a library status. */
int exit_code_of(int status);

#endif
