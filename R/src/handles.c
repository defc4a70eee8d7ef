/* handles.c - the library's objects in R external pointers. Each kind
 * has its tag; the finalizer frees the object when R collects the
 * pointer, and at the end of the session. A pointer saved with the
 * workspace comes back NULL, which is an error to use.
 * SPDX-License-Identifier: MIT */
#include <stdio.h>
#include <stdlib.h>

#include "glue.h"

static SEXP wrap(void *p, const char *tag, R_CFinalizer_t fin)
{
	SEXP x = PROTECT(R_MakeExternalPtr(p, Rf_install(tag), R_NilValue));

	R_RegisterCFinalizerEx(x, fin, TRUE);
	UNPROTECT(1);
	return x;
}

static void *unwrap(SEXP x, const char *tag, const char *what)
{
	void *p;

	if (TYPEOF(x) != EXTPTRSXP || R_ExternalPtrTag(x) != Rf_install(tag))
		r_fail_status(FW_EINVALID, "not a flywheel object of the kind "
		    "expected");
	p = R_ExternalPtrAddr(x);
	if (!p) {
		char msg[128];
		snprintf(msg, sizeof(msg), "this %s was saved and restored: "
		    "load it again", what);
		r_fail_status(FW_EINVALID, msg);
	}
	return p;
}

static void free_scenario(SEXP x)
{
	fw_scenario_free(R_ExternalPtrAddr(x));
	R_ClearExternalPtr(x);
}

static void free_run(SEXP x)
{
	r_run *r = R_ExternalPtrAddr(x);

	if (r) {
		fw_run_free(r->run);
		fw_scenario_free(r->sc);
		free(r);
	}
	R_ClearExternalPtr(x);
}

static void free_sweep(SEXP x)
{
	fw_sweep_free(R_ExternalPtrAddr(x));
	R_ClearExternalPtr(x);
}

static void free_calibration(SEXP x)
{
	fw_calibration_free(R_ExternalPtrAddr(x));
	R_ClearExternalPtr(x);
}

SEXP r_wrap_scenario(fw_scenario *sc)
{
	return wrap(sc, "fw_scenario", free_scenario);
}

fw_scenario *r_scenario(SEXP x)
{
	return unwrap(x, "fw_scenario", "scenario");
}

SEXP r_wrap_run(r_run *run)
{
	return wrap(run, "fw_run", free_run);
}

r_run *r_get_run(SEXP x)
{
	return unwrap(x, "fw_run", "run");
}

SEXP r_wrap_sweep(fw_sweep *sw)
{
	return wrap(sw, "fw_sweep", free_sweep);
}

fw_sweep *r_sweep(SEXP x)
{
	return unwrap(x, "fw_sweep", "sweep");
}

SEXP r_wrap_calibration(fw_calibration *cal)
{
	return wrap(cal, "fw_calibration", free_calibration);
}

fw_calibration *r_calibration(SEXP x)
{
	return unwrap(x, "fw_calibration", "calibration");
}

/* Frees the object behind x now rather than when R collects x. */
SEXP fwr_release(SEXP x)
{
	SEXP tag;

	if (TYPEOF(x) != EXTPTRSXP)
		return R_NilValue;
	tag = R_ExternalPtrTag(x);
	if (tag == Rf_install("fw_run"))
		free_run(x);
	else if (tag == Rf_install("fw_scenario"))
		free_scenario(x);
	else if (tag == Rf_install("fw_sweep"))
		free_sweep(x);
	else if (tag == Rf_install("fw_calibration"))
		free_calibration(x);
	return R_NilValue;
}
