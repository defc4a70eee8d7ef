/* glue.h - what the package's C files share: the objects of the library
 * held in R external pointers, and errors raised as R conditions.
 * SPDX-License-Identifier: MIT */
#ifndef FLYWHEEL_R_GLUE_H
#define FLYWHEEL_R_GLUE_H

#define R_NO_REMAP
#include <R.h>
#include <Rinternals.h>
#include <flywheel.h>

/* A run and the copy of the scenario it was made from, or the
 * decomposition (leakage) whose scenario it runs, which must outlive it:
 * freed together. */
typedef struct r_run {
	fw_run *run;
	fw_scenario *sc;
	fw_leakage *lk;
} r_run;

/* Raises the library's error err as a flywheel_error condition (through
 * the package's R function fw_fail); never returns. Everything the
 * caller allocated must be released or owned by an R object first. */
void r_fail(const fw_error *err) __attribute__((noreturn));
/* The same for a status without details (out of memory, ...). */
void r_fail_status(int status, const char *msg) __attribute__((noreturn));

/* External pointers to the library's objects, of each kind, with a
 * finalizer that frees the object; the object behind one (an error when
 * the pointer is of another kind or was saved and restored). */
enum r_kind { R_SCENARIO, R_RUN, R_SWEEP, R_CALIBRATION };
SEXP r_wrap(enum r_kind kind, void *p);
void *r_unwrap(enum r_kind kind, SEXP x);

/* An unsigned 64-bit count as a double when it is exact, else as text. */
SEXP r_u64(uint64_t n);
/* A character vector's first element as UTF-8, or NULL for NULL or NA. */
const char *r_text(SEXP x);
/* An R string (NA for NULL). */
SEXP r_string(const char *s);
/* Sets row i of the n numeric columns of df from column first on to
 * v[0..n-1]. */
void r_put(SEXP df, int first, R_xlen_t i, const double *v, int n);
/* A list of n columns with the given names (a NULL-terminated array). */
SEXP r_columns(const char *const *names, R_xlen_t rows, const SEXPTYPE *types);

/* A run's options from fw_run's arguments, which arrive checked by R:
 * whole doubles in range, or NULL for the file's. */
void r_run_options(SEXP reps, SEXP months, SEXP seed, SEXP threads,
    fw_run_options *opt);

/* The entry points .Call reaches (registered in init.c). */
SEXP fwr_version(void);
SEXP fwr_format(SEXP x);
SEXP fwr_limits(void);
SEXP fwr_names(void);
SEXP fwr_release(SEXP x);
SEXP fwr_scenario_load(SEXP file, SEXP text);
SEXP fwr_scenario_set(SEXP x, SEXP variant, SEXP path, SEXP value);
SEXP fwr_scenario_info(SEXP x);
SEXP fwr_scenario_yaml(SEXP x);
SEXP fwr_scenario_value(SEXP x, SEXP variant, SEXP path, SEXP q);
SEXP fwr_scenario_add_variant(SEXP x, SEXP name, SEXP from);
SEXP fwr_run_alloc(SEXP x, SEXP reps, SEXP months, SEXP seed, SEXP threads);
SEXP fwr_leakage_alloc(SEXP x, SEXP paths, SEXP targets, SEXP variant,
    SEXP reps, SEXP months, SEXP seed, SEXP threads);
SEXP fwr_leakage_rows(SEXP x);
SEXP fwr_run_step(SEXP x, SEXP reps);
SEXP fwr_run_info(SEXP x);
SEXP fwr_run_workbook(SEXP x, SEXP file, SEXP command_line);
SEXP fwr_run_write(SEXP x, SEXP dir, SEXP command_line, SEXP calibration);
SEXP fwr_summary(SEXP x);
SEXP fwr_timeseries(SEXP x);
SEXP fwr_replications(SEXP x);
SEXP fwr_compare(SEXP x);
SEXP fwr_paired(SEXP x);
SEXP fwr_monthly(SEXP x, SEXP names);
SEXP fwr_recommendation(SEXP x);
SEXP fwr_sweep_load(SEXP file);
SEXP fwr_sweep_set(SEXP x, SEXP reps, SEXP seed);
SEXP fwr_sweep_info(SEXP x);
SEXP fwr_sweep_points(SEXP x);
SEXP fwr_sweep_point_run(SEXP x, SEXP point, SEXP threads);
SEXP fwr_sweep_point_stats(SEXP x, SEXP run);
SEXP fwr_sweep_sensitivity(SEXP x, SEXP y);
SEXP fwr_calibration_load(SEXP file, SEXP threads);
SEXP fwr_calibration_step(SEXP x);
SEXP fwr_calibration_progress(SEXP x);
SEXP fwr_calibration_fit(SEXP x);
SEXP fwr_calibration_series(SEXP x);
SEXP fwr_calibration_fitted(SEXP x);

#endif
