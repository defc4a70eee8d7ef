/* sweep.c - sweeps from R: the design of a sweep file, each point run on
 * the sweep's replications, months and seed, and the sensitivity of a
 * metric's means.
 * SPDX-License-Identifier: MIT */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "glue.h"

SEXP fwr_sweep_load(SEXP file)
{
	fw_sweep *sw = NULL;
	fw_error err;

	if (fw_sweep_load(R_ExpandFileName(r_text(file)), &sw, &err) != FW_OK)
		r_fail(&err);
	return r_wrap(R_SWEEP, sw);
}

SEXP fwr_sweep_set(SEXP x, SEXP reps, SEXP seed)
{
	fw_sweep *sw = r_unwrap(R_SWEEP, x);
	int rc;

	if (!Rf_isNull(reps) && (rc = fw_sweep_set_replications(sw,
	    (uint64_t)Rf_asReal(reps))) != FW_OK)
		r_fail_status(rc, "replications out of range");
	if (!Rf_isNull(seed) && (rc = fw_sweep_set_seed(sw,
	    (uint64_t)Rf_asReal(seed))) != FW_OK)
		r_fail_status(rc, NULL);
	return R_NilValue;
}

SEXP fwr_sweep_info(SEXP x)
{
	static const char *const names[] = { "file", "design", "replications",
		"seed", "months", "points", "metrics", "path", "variant",
		"low", "high", "base", NULL };
	static const SEXPTYPE types[] = { VECSXP, VECSXP, VECSXP, VECSXP,
		VECSXP, VECSXP, VECSXP, VECSXP, VECSXP, VECSXP, VECSXP,
		VECSXP };
	fw_sweep *sw = r_unwrap(R_SWEEP, x);
	size_t M = fw_sweep_metric_count(sw), P = fw_sweep_param_count(sw), j;
	SEXP out = PROTECT(r_columns(names, 0, types)), v;

	SET_VECTOR_ELT(out, 0, r_string(fw_sweep_file(sw)));
	SET_VECTOR_ELT(out, 1, r_string(fw_sweep_design(sw)));
	SET_VECTOR_ELT(out, 2, r_u64(fw_sweep_replications(sw)));
	SET_VECTOR_ELT(out, 3, r_u64(fw_sweep_seed(sw)));
	SET_VECTOR_ELT(out, 4, Rf_ScalarInteger(fw_sweep_months(sw)));
	SET_VECTOR_ELT(out, 5, Rf_ScalarReal((double)fw_sweep_points(sw)));
	v = Rf_allocVector(STRSXP, (R_xlen_t)M);
	SET_VECTOR_ELT(out, 6, v);
	for (j = 0; j < M; j++)
		SET_STRING_ELT(v, j, Rf_mkCharCE(fw_sweep_metric_label(sw, j),
		    CE_UTF8));
	SET_VECTOR_ELT(out, 7, Rf_allocVector(STRSXP, (R_xlen_t)P));
	SET_VECTOR_ELT(out, 8, Rf_allocVector(STRSXP, (R_xlen_t)P));
	for (j = 9; j < 12; j++)
		SET_VECTOR_ELT(out, j, Rf_allocVector(REALSXP, (R_xlen_t)P));
	for (j = 0; j < P; j++) {
		const char *variant = fw_sweep_param_variant(sw, j);
		SET_STRING_ELT(VECTOR_ELT(out, 7), j,
		    Rf_mkCharCE(fw_sweep_param_path(sw, j), CE_UTF8));
		SET_STRING_ELT(VECTOR_ELT(out, 8), j, variant ?
		    Rf_mkCharCE(variant, CE_UTF8) : NA_STRING);
		fw_sweep_param_range(sw, j, &REAL(VECTOR_ELT(out, 9))[j],
		    &REAL(VECTOR_ELT(out, 10))[j]);
		REAL(VECTOR_ELT(out, 11))[j] = fw_sweep_base_value(sw, j);
	}
	UNPROTECT(1);
	return out;
}

/* The design: each point's block ("" but for sobol designs) and a points
 * x parameters matrix of values, the scenario's own where the design
 * keeps it. */
SEXP fwr_sweep_points(SEXP x)
{
	fw_sweep *sw = r_unwrap(R_SWEEP, x);
	size_t N = fw_sweep_points(sw), P = fw_sweep_param_count(sw), i, j;
	SEXP out = PROTECT(Rf_allocVector(VECSXP, 2)), block, m;
	char buf[24];

	block = Rf_allocVector(STRSXP, (R_xlen_t)N);
	SET_VECTOR_ELT(out, 0, block);
	m = Rf_allocMatrix(REALSXP, (int)N, (int)P);
	SET_VECTOR_ELT(out, 1, m);
	for (i = 0; i < N; i++) {
		fw_sweep_block(sw, i, buf, sizeof(buf));
		SET_STRING_ELT(block, i, Rf_mkChar(buf));
		for (j = 0; j < P; j++) {
			double v = fw_sweep_value(sw, i, j);
			REAL(m)[i + j * N] = isnan(v) ?
			    fw_sweep_base_value(sw, j) : v;
		}
	}
	UNPROTECT(1);
	return out;
}

/* A run (fwr_run_step) of point i (from 0) on the sweep's replications,
 * months and seed. */
SEXP fwr_sweep_point_run(SEXP x, SEXP point, SEXP threads)
{
	fw_sweep *sw = r_unwrap(R_SWEEP, x);
	fw_run_options opt;
	fw_error err;
	r_run *r;
	SEXP out;

	memset(&opt, 0, sizeof(opt));
	opt.replications = fw_sweep_replications(sw);
	opt.months = fw_sweep_months(sw);
	opt.seed_set = 1;
	opt.seed = fw_sweep_seed(sw);
	if (!Rf_isNull(threads))
		opt.threads = (int)Rf_asReal(threads);
	if (!(r = calloc(1, sizeof(*r))))
		r_fail_status(FW_ENOMEM, NULL);
	out = PROTECT(r_wrap(R_RUN, r));
	if (fw_sweep_point_scenario(sw, (size_t)Rf_asReal(point), &r->sc,
	    &err) != FW_OK || fw_run_alloc(r->sc, &opt, &r->run, &err) !=
	    FW_OK)
		r_fail(&err);
	UNPROTECT(1);
	return out;
}

/* For each metric of the sweep its mean, standard error, p5, p50 and p95
 * over the replications of a point's finished run, as a row of
 * sweep.csv. */
SEXP fwr_sweep_point_stats(SEXP x, SEXP run)
{
	fw_sweep *sw = r_unwrap(R_SWEEP, x);
	r_run *r = r_unwrap(R_RUN, run);
	size_t M = fw_sweep_metric_count(sw), m;
	size_t n = (size_t)fw_run_replications(r->run);
	fw_stats s;
	SEXP out;
	double *v;

	out = PROTECT(Rf_allocVector(REALSXP, (R_xlen_t)(5 * M)));
	v = (double *)R_alloc(n, sizeof(double));
	for (m = 0; m < M; m++) {
		if (fw_sweep_metric_values(sw, m, r->run, v) != FW_OK)
			r_fail_status(FW_EINVALID, "no such metric");
		fw_stats_of(v, n, &s);
		REAL(out)[5 * m] = s.mean;
		REAL(out)[5 * m + 1] = s.se;
		REAL(out)[5 * m + 2] = s.p5;
		REAL(out)[5 * m + 3] = s.p50;
		REAL(out)[5 * m + 4] = s.p95;
	}
	UNPROTECT(1);
	return out;
}

/* A parameters x 12 matrix of fw_sensitivity's fields, in their order. */
SEXP fwr_sweep_sensitivity(SEXP x, SEXP y)
{
	fw_sweep *sw = r_unwrap(R_SWEEP, x);
	size_t P = fw_sweep_param_count(sw), j;
	fw_sensitivity *s;
	SEXP out;
	int rc;

	s = (fw_sensitivity *)R_alloc(P ? P : 1, sizeof(*s));
	if ((rc = fw_sweep_sensitivity(sw, REAL(y), (size_t)XLENGTH(y), s)) !=
	    FW_OK)
		r_fail_status(rc, rc != FW_EINVALID ? NULL :
		    (size_t)XLENGTH(y) != fw_sweep_points(sw) ? "the values "
		    "are not one per point of the sweep" : "this design gives "
		    "no sensitivity");
	out = PROTECT(Rf_allocMatrix(REALSXP, (int)P, 12));
	for (j = 0; j < P; j++) {
		const double f[12] = { s[j].low, s[j].high, s[j].at_base,
			s[j].at_low, s[j].at_high, s[j].swing, s[j].s1,
			s[j].s1_lo95, s[j].s1_hi95, s[j].st, s[j].st_lo95,
			s[j].st_hi95 };
		int k;
		for (k = 0; k < 12; k++)
			REAL(out)[j + (size_t)k * P] = f[k];
	}
	UNPROTECT(1);
	return out;
}
