/* calibration.c - calibrations from R: loaded, fitted step by step, and
 * read as the command's fit.csv and fit-series.csv.
 * SPDX-License-Identifier: MIT */
#include <math.h>

#include "glue.h"

SEXP fwr_calibration_load(SEXP file, SEXP threads)
{
	fw_calibration *cal = NULL;
	fw_error err;

	if (fw_calibration_load(R_ExpandFileName(r_text(file)), &cal, &err)
	    != FW_OK)
		r_fail(&err);
	/* R checked threads against fw_max_threads() before */
	if (!Rf_isNull(threads) && fw_calibration_set_threads(cal,
	    (int)Rf_asReal(threads)) != FW_OK) {
		fw_calibration_free(cal);
		r_fail_status(FW_EINVALID, "threads out of range");
	}
	return r_wrap(R_CALIBRATION, cal);
}

/* One step of the fit; whether it is done. */
SEXP fwr_calibration_step(SEXP x)
{
	fw_calibration *cal = r_unwrap(R_CALIBRATION, x);
	fw_error err;

	R_CheckUserInterrupt();	/* at once, as fwr_run_step */
	if (fw_calibration_step(cal, &err) != FW_OK)
		r_fail(&err);
	return Rf_ScalarLogical(fw_calibration_done(cal));
}

SEXP fwr_calibration_progress(SEXP x)
{
	static const char *const names[] = { "evaluations", "lowest",
		"stage", "start", NULL };
	static const SEXPTYPE types[] = { VECSXP, VECSXP, VECSXP, VECSXP };
	fw_calibration_progress p;
	SEXP out = PROTECT(r_columns(names, 0, types));

	fw_calibration_get_progress(r_unwrap(R_CALIBRATION, x), &p);
	SET_VECTOR_ELT(out, 0, Rf_ScalarReal((double)p.evaluations));
	SET_VECTOR_ELT(out, 1, Rf_ScalarReal(p.lowest));
	SET_VECTOR_ELT(out, 2, r_string(p.stage));
	SET_VECTOR_ELT(out, 3, Rf_ScalarReal((double)p.start));
	UNPROTECT(1);
	return out;
}

static fw_calibration *fitted(SEXP x)
{
	fw_calibration *cal = r_unwrap(R_CALIBRATION, x);

	if (!fw_calibration_done(cal))
		r_fail_status(FW_EINVALID, "the calibration is not fitted yet");
	return cal;
}

/* fit.csv's columns, and the objective as an attribute. */
SEXP fwr_calibration_fit(SEXP x)
{
	static const char *const names[] = { "parameter", "estimate",
		"lower95", "upper95", "range_low", "range_high",
		"bound_at_edge", "identified", "status", "partner", NULL };
	static const SEXPTYPE types[] = { STRSXP, REALSXP, REALSXP, REALSXP,
		REALSXP, REALSXP, STRSXP, LGLSXP, STRSXP, STRSXP };
	static const char *const edges[] = { "no", "lower", "upper", "both" };
	static const char *const status[] = { "identified", "at low end",
		"at high end", "flat", "weak" };
	fw_calibration *cal = fitted(x);
	size_t P = fw_calibration_param_count(cal), j;
	SEXP out = PROTECT(r_columns(names, (R_xlen_t)P, types));
	fw_fit f;

	for (j = 0; j < P; j++) {
		if (fw_calibration_fit(cal, j, &f) != FW_OK)
			r_fail_status(FW_EINVALID, NULL);
		SET_STRING_ELT(VECTOR_ELT(out, 0), j, Rf_mkCharCE(
		    fw_calibration_param_path(cal, j), CE_UTF8));
		REAL(VECTOR_ELT(out, 1))[j] = f.estimate;
		REAL(VECTOR_ELT(out, 2))[j] = f.lo95;
		REAL(VECTOR_ELT(out, 3))[j] = f.hi95;
		fw_calibration_param_range(cal, j,
		    &REAL(VECTOR_ELT(out, 4))[j], &REAL(VECTOR_ELT(out, 5))[j]);
		SET_STRING_ELT(VECTOR_ELT(out, 6), j,
		    Rf_mkChar(edges[f.lo_at_edge + 2 * f.hi_at_edge]));
		LOGICAL(VECTOR_ELT(out, 7))[j] = f.status == FW_FIT_IDENTIFIED;
		SET_STRING_ELT(VECTOR_ELT(out, 8), j,
		    Rf_mkChar(status[f.status]));
		SET_STRING_ELT(VECTOR_ELT(out, 9), j, f.partner >= 0 ?
		    Rf_mkCharCE(fw_calibration_param_path(cal,
		    (size_t)f.partner), CE_UTF8) : NA_STRING);
	}
	Rf_setAttrib(out, Rf_install("objective"),
	    Rf_ScalarReal(fw_calibration_objective(cal)));
	UNPROTECT(1);
	return out;
}

/* fit-series.csv's columns: each target at the fitted values, month by
 * month. */
SEXP fwr_calibration_series(SEXP x)
{
	static const char *const names[] = { "month", "metric", "segment",
		"observed", "mean", "p5", "p95", NULL };
	static const SEXPTYPE types[] = { INTSXP, STRSXP, STRSXP, REALSXP,
		REALSXP, REALSXP, REALSXP };
	fw_calibration *cal = fitted(x);
	size_t I = fw_calibration_target_count(cal), i, row = 0;
	int T = fw_calibration_months(cal), t;
	SEXP out = PROTECT(r_columns(names, (R_xlen_t)(I * (size_t)T), types));
	double y;
	fw_band b;

	for (i = 0; i < I; i++)
		for (t = 1; t <= T; t++, row++) {
			const char *seg = fw_calibration_target_segment(cal, i);
			if (fw_calibration_month(cal, i, t, &y, &b) != FW_OK)
				r_fail_status(FW_EINVALID, NULL);
			INTEGER(VECTOR_ELT(out, 0))[row] = t;
			SET_STRING_ELT(VECTOR_ELT(out, 1), row, Rf_mkChar(
			    fw_calibration_target_metric(cal, i)));
			SET_STRING_ELT(VECTOR_ELT(out, 2), row,
			    Rf_mkCharCE(seg ? seg : "", CE_UTF8));
			const double f[] = { y, b.mean, b.p5, b.p95 };
			r_put(out, 3, row, f, 4);
		}
	UNPROTECT(1);
	return out;
}

SEXP fwr_calibration_fitted(SEXP x)
{
	fw_scenario *sc = NULL;
	fw_error err;

	/* as calibrated.yaml holds it: the fitted distributions */
	if (fw_calibration_fitted_distributions(fitted(x), &sc, &err) !=
	    FW_OK)
		r_fail(&err);
	return r_wrap(R_SCENARIO, sc);
}
