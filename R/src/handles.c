/* handles.c - the library's objects in R external pointers. Each kind
 * has its tag; the finalizer frees the object when R collects the
 * pointer, and at the end of the session. A pointer saved with the
 * workspace comes back NULL, which is an error to use.
 * SPDX-License-Identifier: MIT */
#include <stdio.h>
#include <stdlib.h>

#include "glue.h"

static void free_scenario(void *p)
{
	fw_scenario_free(p);
}

static void free_run(void *p)
{
	r_run *r = p;

	if (r) {
		fw_run_free(r->run);
		fw_leakage_free(r->lk);
		fw_scenario_free(r->sc);
		free(r);
	}
}

static void free_sweep(void *p)
{
	fw_sweep_free(p);
}

static void free_calibration(void *p)
{
	fw_calibration_free(p);
}

/* The tag, the name in messages and the release of each kind. */
static const struct kind {
	const char *tag;
	const char *what;
	void (*release)(void *);
} kinds[] = {
	[R_SCENARIO] = { "fw_scenario", "scenario", free_scenario },
	[R_RUN] = { "fw_run", "run", free_run },
	[R_SWEEP] = { "fw_sweep", "sweep", free_sweep },
	[R_CALIBRATION] = { "fw_calibration", "calibration",
		free_calibration },
};
#define NKINDS (sizeof(kinds) / sizeof(kinds[0]))

static const struct kind *kind_of(SEXP x)
{
	size_t k;

	if (TYPEOF(x) == EXTPTRSXP)
		for (k = 0; k < NKINDS; k++)
			if (R_ExternalPtrTag(x) == Rf_install(kinds[k].tag))
				return &kinds[k];
	return NULL;
}

static void finalize(SEXP x)
{
	const struct kind *k = kind_of(x);

	if (k && R_ExternalPtrAddr(x)) {
		k->release(R_ExternalPtrAddr(x));
		R_ClearExternalPtr(x);
	}
}

SEXP r_wrap(enum r_kind kind, void *p)
{
	SEXP x = PROTECT(R_MakeExternalPtr(p, Rf_install(kinds[kind].tag),
	    R_NilValue));

	R_RegisterCFinalizerEx(x, finalize, TRUE);
	UNPROTECT(1);
	return x;
}

void *r_unwrap(enum r_kind kind, SEXP x)
{
	char msg[128];

	if (kind_of(x) != &kinds[kind]) {
		snprintf(msg, sizeof(msg), "not a flywheel %s",
		    kinds[kind].what);
		r_fail_status(FW_EINVALID, msg);
	}
	if (!R_ExternalPtrAddr(x)) {
		snprintf(msg, sizeof(msg), "this %s was saved and restored: "
		    "load it again", kinds[kind].what);
		r_fail_status(FW_EINVALID, msg);
	}
	return R_ExternalPtrAddr(x);
}

/* Frees the object behind x now rather than when R collects x. */
SEXP fwr_release(SEXP x)
{
	finalize(x);
	return R_NilValue;
}
