/* glue.h - what the package's C files share: the objects of the library
 * held in R external pointers, and errors raised as R conditions.
 * SPDX-License-Identifier: MIT */
#ifndef FLYWHEEL_R_GLUE_H
#define FLYWHEEL_R_GLUE_H

#define R_NO_REMAP
#include <R.h>
#include <Rinternals.h>
#include <flywheel.h>

/* A run and the copy of the scenario it was made from, which must
 * outlive it: freed together. */
typedef struct r_run {
	fw_run *run;
	fw_scenario *sc;
} r_run;

/* Raises the library's error err as a flywheel_error condition (through
 * the package's R function fw_fail); never returns. Everything the
 * caller allocated must be released or owned by an R object first. */
void r_fail(const fw_error *err) __attribute__((noreturn));
/* The same for a status without details (out of memory, ...). */
void r_fail_status(int status, const char *msg) __attribute__((noreturn));

/* External pointers of each kind, with a finalizer that frees the
 * object, and the object behind one (an error when the pointer is of
 * another kind or was saved and restored). */
SEXP r_wrap_scenario(fw_scenario *sc);
fw_scenario *r_scenario(SEXP x);
SEXP r_wrap_run(r_run *run);
r_run *r_get_run(SEXP x);
SEXP r_wrap_sweep(fw_sweep *sw);
fw_sweep *r_sweep(SEXP x);
SEXP r_wrap_calibration(fw_calibration *cal);
fw_calibration *r_calibration(SEXP x);
SEXP fwr_release(SEXP x);

/* A character vector's first element as UTF-8, or NULL for NULL or NA. */
const char *r_text(SEXP x);
/* An R string (NA for NULL). */
SEXP r_string(const char *s);
/* A list of n columns with the given names (a NULL-terminated array). */
SEXP r_columns(const char *const *names, R_xlen_t rows, const SEXPTYPE *types);

#endif
