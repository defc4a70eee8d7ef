/* leakage.c - where value leaks (fw_leakage), from R: the decomposition
 * and its run prepared, the run simulated in steps as any other (so that
 * R can show progress and take an interrupt between them), then its rows
 * as the columns of the command's leakage.csv without the labels.
 * SPDX-License-Identifier: MIT */
#include <math.h>
#include <stdlib.h>

#include "glue.h"

static SEXP rows(const fw_leakage *lk)
{
	static const char *const names[] = { "stage", "metric", "actual",
		"actual_lo95", "actual_hi95", "one_at_a_time",
		"one_at_a_time_lo95", "one_at_a_time_hi95", "shapley",
		"shapley_lo95", "shapley_hi95", "share", "share_lo95",
		"share_hi95", "interaction", "interaction_lo95",
		"interaction_hi95", NULL };
	static const SEXPTYPE types[] = { STRSXP, STRSXP, REALSXP, REALSXP,
		REALSXP, REALSXP, REALSXP, REALSXP, REALSXP, REALSXP, REALSXP,
		REALSXP, REALSXP, REALSXP, REALSXP, REALSXP, REALSXP };
	const size_t K = fw_leakage_stage_count(lk);
	const size_t M = fw_leakage_metric_count();
	SEXP out = PROTECT(r_columns(names, (R_xlen_t)(M * (K + 1)), types));
	const fw_leakage_figure none = { NAN, NAN, NAN };
	fw_leakage_stage st;
	size_t m, i;
	R_xlen_t at = 0;

	for (m = 0; m < M; m++)
		for (i = 0; i <= K; i++, at++) {
			fw_leakage_row row = { none, none, none, none, none };
			/* decomposed: every row is there */
			(void)fw_leakage_get_row(lk, m, i, &row);
			SET_STRING_ELT(VECTOR_ELT(out, 0), at, Rf_mkCharCE(i < K &&
			    fw_leakage_get_stage(lk, i, &st) == FW_OK ?
			    st.path : "all", CE_UTF8));
			SET_STRING_ELT(VECTOR_ELT(out, 1), at,
			    Rf_mkChar(fw_leakage_metric(m)));
			const double f[] = { row.actual.mean, row.actual.lo95,
				row.actual.hi95, row.alone.mean, row.alone.lo95,
				row.alone.hi95, row.shapley.mean,
				row.shapley.lo95, row.shapley.hi95,
				row.share.mean, row.share.lo95, row.share.hi95,
				row.interaction.mean, row.interaction.lo95,
				row.interaction.hi95 };
			r_put(out, 2, at, f, 15);
		}
	UNPROTECT(1);
	return out;
}

/* paths and targets: the stages after the five friction ones, as text;
 * the other arguments as fwr_run_alloc takes them. A run (fwr_run_step)
 * of the configurations the decomposition needs. */
SEXP fwr_leakage_alloc(SEXP x, SEXP paths, SEXP targets, SEXP variant,
    SEXP reps, SEXP months, SEXP seed, SEXP threads)
{
	fw_run_options opt;
	fw_error err;
	R_xlen_t i;
	r_run *r;
	SEXP out;

	r_run_options(reps, months, seed, threads, &opt);
	if (!(r = calloc(1, sizeof(*r))))
		r_fail_status(FW_ENOMEM, NULL);
	out = PROTECT(r_wrap(R_RUN, r));
	if (fw_leakage_alloc(r_unwrap(R_SCENARIO, x), r_text(variant), &r->lk,
	    &err) != FW_OK || fw_leakage_set_friction(r->lk, &err) != FW_OK)
		r_fail(&err);
	for (i = 0; i < XLENGTH(paths); i++)
		if (fw_leakage_set_stage(r->lk, Rf_translateCharUTF8(STRING_ELT(
		    paths, i)), Rf_translateCharUTF8(STRING_ELT(targets, i)),
		    &err) != FW_OK)
			r_fail(&err);
	if (fw_leakage_build(r->lk, NULL, &err) != FW_OK ||
	    fw_run_alloc(fw_leakage_scenario(r->lk), &opt, &r->run, &err) !=
	    FW_OK)
		r_fail(&err);
	UNPROTECT(1);
	return out;
}

/* The decomposition of a finished run of fwr_leakage_alloc. */
SEXP fwr_leakage_rows(SEXP x)
{
	r_run *r = r_unwrap(R_RUN, x);
	fw_error err;

	if (!r->lk)
		r_fail_status(FW_EINVALID, "not a decomposition's run");
	if (fw_leakage_decompose(r->lk, r->run, &err) != FW_OK)
		r_fail(&err);
	return rows(r->lk);
}
