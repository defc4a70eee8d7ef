/* recommend.c - the recommendation of a finished run (fw_recommend(3)):
 * the call, the figures a close call turns on, the options best first,
 * and the words the command prints.
 * SPDX-License-Identifier: MIT */
#include <string.h>

#include "glue.h"

static const char *const calls[] = { "none", "keep", "close", "likely",
	"clear" };

/* The options, best first: their paired NPV gain and tie-breakers. */
static SEXP options(const fw_recommendation *rec)
{
	static const char *const names[] = { "option", "dnpv_mean",
		"dnpv_p5", "dnpv_p50", "dnpv_p95", "p_dnpv_positive", "npv_p5",
		"payback_month", "compounding", "spend_pv", "program_cost",
		"incremental_cost", "roi", NULL };
	static const SEXPTYPE types[] = { STRSXP, REALSXP, REALSXP, REALSXP,
		REALSXP, REALSXP, REALSXP, INTSXP, REALSXP, REALSXP, REALSXP,
		REALSXP, REALSXP };
	SEXP out = PROTECT(r_columns(names, (R_xlen_t)rec->n, types));
	size_t i;

	for (i = 0; i < rec->n; i++) {
		const fw_option *o = &rec->opt[i];
		const double f[] = { o->mean, o->p5, o->p50, o->p95,
			o->p_ahead, o->npv_p5 };
		const double g[] = { o->compounding, o->spend,
			o->program_cost, o->cost, o->roi };
		SET_STRING_ELT(VECTOR_ELT(out, 0), i, Rf_mkCharCE(o->name,
		    CE_UTF8));
		r_put(out, 1, (R_xlen_t)i, f, 6);
		INTEGER(VECTOR_ELT(out, 7))[i] = o->payback > 0 ? o->payback :
		    NA_INTEGER;
		r_put(out, 8, (R_xlen_t)i, g, 5);
	}
	UNPROTECT(1);
	return out;
}

/* A variant's name, NA for none. */
static SEXP variant(const fw_run *run, size_t v, int given)
{
	return r_string(given ? fw_scenario_variant_name(fw_run_scenario(run),
	    v) : NULL);
}

/* The lists of fields the recommendation's R value holds. */
static SEXP fill(const fw_run *run, const fw_recommendation *rec)
{
	static const char *const names[] = { "call", "leader", "runner_up",
		"rival", "lead", "p_best", "options", "title", "answer",
		"lines", NULL };
	static const SEXPTYPE types[] = { VECSXP, VECSXP, VECSXP, VECSXP,
		VECSXP, VECSXP, VECSXP, VECSXP, VECSXP, VECSXP };
	static const char *const lead_names[] = { "mean", "p5", "p95",
		"p_ahead", NULL };
	SEXP out = PROTECT(r_columns(names, 1, types)), lead, lines, nm;
	char text[2048];
	size_t i;

	SET_VECTOR_ELT(out, 0, Rf_mkString(calls[rec->call]));
	SET_VECTOR_ELT(out, 1, variant(run, rec->leader, rec->n >= 1));
	SET_VECTOR_ELT(out, 2, variant(run, rec->runner_up, rec->n >= 2));
	SET_VECTOR_ELT(out, 3, variant(run, rec->rival, rec->call ==
	    FW_CALL_CLOSE));
	lead = Rf_allocVector(REALSXP, 4);
	SET_VECTOR_ELT(out, 4, lead);
	REAL(lead)[0] = rec->lead_mean;
	REAL(lead)[1] = rec->lead_p5;
	REAL(lead)[2] = rec->lead_p95;
	REAL(lead)[3] = rec->lead_p_ahead;
	nm = Rf_allocVector(STRSXP, 4);
	Rf_setAttrib(lead, R_NamesSymbol, nm);
	for (i = 0; i < 4; i++)
		SET_STRING_ELT(nm, i, Rf_mkChar(lead_names[i]));
	SET_VECTOR_ELT(out, 5, Rf_ScalarReal(rec->p_best));
	SET_VECTOR_ELT(out, 6, options(rec));
	fw_recommendation_title(rec, text, sizeof(text));
	SET_VECTOR_ELT(out, 7, r_string(text));
	fw_recommendation_answer(rec, text, sizeof(text));
	SET_VECTOR_ELT(out, 8, r_string(rec->n > 0 ? text : ""));
	lines = Rf_allocVector(STRSXP, (R_xlen_t)rec->n);
	SET_VECTOR_ELT(out, 9, lines);
	for (i = 0; i < rec->n; i++) {
		fw_recommendation_line(rec, i, text, sizeof(text));
		SET_STRING_ELT(lines, i, Rf_mkCharCE(text, CE_UTF8));
	}
	UNPROTECT(1);
	return out;
}

SEXP fwr_recommendation(SEXP x)
{
	r_run *r = r_unwrap(R_RUN, x);
	fw_recommendation rec;
	SEXP out;
	int rc;

	if (fw_run_done(r->run) < fw_run_replications(r->run))
		r_fail_status(FW_EINVALID, "the run is not finished");
	if ((rc = fw_run_recommend(r->run, &rec)) != FW_OK)
		r_fail_status(rc, NULL);
	/* R allocates below; only running out of memory there could leave
	 * rec's options behind. */
	out = fill(r->run, &rec);
	fw_recommendation_free(&rec);
	return out;
}
