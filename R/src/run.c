/* run.c - runs from R: prepared from a copy of a scenario, simulated in
 * steps so that R can show progress and take an interrupt between them.
 * SPDX-License-Identifier: MIT */
#include <stdlib.h>
#include <string.h>

#include "glue.h"

void r_run_options(SEXP reps, SEXP months, SEXP seed, SEXP threads,
    fw_run_options *opt)
{
	memset(opt, 0, sizeof(*opt));
	if (!Rf_isNull(reps))
		opt->replications = (uint64_t)Rf_asReal(reps);
	if (!Rf_isNull(months))
		opt->months = (int)Rf_asReal(months);
	if (!Rf_isNull(seed)) {
		opt->seed_set = 1;
		opt->seed = (uint64_t)Rf_asReal(seed);
	}
	if (!Rf_isNull(threads))
		opt->threads = (int)Rf_asReal(threads);
}

SEXP fwr_run_alloc(SEXP x, SEXP reps, SEXP months, SEXP seed, SEXP threads)
{
	fw_run_options opt;
	fw_error err;
	r_run *r;
	SEXP out;

	r_run_options(reps, months, seed, threads, &opt);
	if (!(r = calloc(1, sizeof(*r))))
		r_fail_status(FW_ENOMEM, NULL);
	out = PROTECT(r_wrap(R_RUN, r));
	if (fw_scenario_copy(r_unwrap(R_SCENARIO, x), &r->sc) != FW_OK)
		r_fail_status(FW_ENOMEM, NULL);
	if (fw_run_alloc(r->sc, &opt, &r->run, &err) != FW_OK)
		r_fail(&err);
	UNPROTECT(1);
	return out;
}

/* Simulates about reps more replications; the number done so far. An
 * interrupt (Ctrl-C) waiting is taken first: R's evaluator would look
 * for it only every thousand or so calls, many steps later. */
SEXP fwr_run_step(SEXP x, SEXP reps)
{
	r_run *r = r_unwrap(R_RUN, x);
	fw_error err;

	R_CheckUserInterrupt();
	if (fw_run_step(r->run, (uint64_t)Rf_asReal(reps), &err) != FW_OK)
		r_fail(&err);
	return Rf_ScalarReal((double)fw_run_done(r->run));
}

SEXP fwr_run_info(SEXP x)
{
	static const char *const names[] = { "replications", "done",
		"months", "seed", "threads", "elapsed", "blocks", NULL };
	static const SEXPTYPE types[] = { VECSXP, VECSXP, VECSXP, VECSXP,
		VECSXP, VECSXP, VECSXP };
	r_run *r = r_unwrap(R_RUN, x);
	SEXP out = PROTECT(r_columns(names, 0, types));

	SET_VECTOR_ELT(out, 0, r_u64(fw_run_replications(r->run)));
	SET_VECTOR_ELT(out, 1, r_u64(fw_run_done(r->run)));
	SET_VECTOR_ELT(out, 2, Rf_ScalarInteger(fw_run_months(r->run)));
	SET_VECTOR_ELT(out, 3, r_u64(fw_run_seed(r->run)));
	SET_VECTOR_ELT(out, 4, Rf_ScalarInteger(fw_run_threads(r->run)));
	SET_VECTOR_ELT(out, 5, Rf_ScalarReal(fw_run_elapsed(r->run)));
	SET_VECTOR_ELT(out, 6, r_u64(fw_run_block_count(r->run)));
	UNPROTECT(1);
	return out;
}

/* The names of the metrics and of the monthly series. */
SEXP fwr_names(void)
{
	SEXP out = PROTECT(Rf_allocVector(VECSXP, 2));
	SEXP m = Rf_allocVector(STRSXP, (R_xlen_t)fw_metric_count());
	size_t k;

	SET_VECTOR_ELT(out, 0, m);
	for (k = 0; k < fw_metric_count(); k++)
		SET_STRING_ELT(m, k, Rf_mkChar(fw_metric_name(k)));
	m = Rf_allocVector(STRSXP, (R_xlen_t)fw_series_count());
	SET_VECTOR_ELT(out, 1, m);
	for (k = 0; k < fw_series_count(); k++)
		SET_STRING_ELT(m, k, Rf_mkChar(fw_series_name(k)));
	UNPROTECT(1);
	return out;
}

/* results.xlsx of a finished run, by the library's one writer. */
SEXP fwr_run_workbook(SEXP x, SEXP file, SEXP command_line)
{
	r_run *r = r_unwrap(R_RUN, x);
	fw_error err;

	if (!Rf_isString(file) || XLENGTH(file) != 1 ||
	    STRING_ELT(file, 0) == NA_STRING)
		r_fail_status(FW_EINVALID, "workbook must be one file name");
	if (fw_run_write_workbook(r->run, R_ExpandFileName(Rf_translateChar(
	    STRING_ELT(file, 0))), r_text(command_line), &err) != FW_OK)
		r_fail(&err);
	return R_NilValue;
}
