/* library.c - what the library says about itself, and its one piece of
 * process-wide set-up.
 * SPDX-License-Identifier: MIT */
#include "config.h"

#include <pthread.h>
#include <stdlib.h>

#include <gsl/gsl_errno.h>

#include "flywheel.h"
#include "library.h"

const char *
fw_version(void)
{
	return PACKAGE_VERSION;
}

int
fw_abi_version(void)
{
	return FW_ABI_VERSION;
}

int
fw_max_threads(void)
{
	return FW_MAX_THREADS;
}

const char *
fw_model(void)
{
	return "flywheel/1";
}

const char *
fw_rng_scheme(void)
{
	/* The scheme of rng.c, as run.json records it. */
	return "Philox4x32-10 (Random123); key = seed; counter = (entity, "
	    "replication, month << 16 | block, purpose << 24 | segment); "
	    "u = (word + 0.5) / 2^32";
}

const char *
fw_status_name(int status)
{
	switch (status) {
	case FW_OK:
		return "ok";
	case FW_ERUN:
		return "run failed";
	case FW_EINVALID:
		return "invalid input";
	case FW_EIO:
		return "input/output error";
	case FW_ENOMEM:
		return "out of memory";
	default:
		return "unknown status";
	}
}

void
fw_free(void *p)
{
	free(p);
}

static void
quiet_gsl(void)
{
	gsl_set_error_handler_off();
}

void
fwi_init(void)
{
	static pthread_once_t once = PTHREAD_ONCE_INIT;

	/* GSL's default handler aborts the process; every GSL result the
	 * library uses is checked where it is used. */
	pthread_once(&once, quiet_gsl);
}
