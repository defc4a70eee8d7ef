/* init.c - the package's entry points, registered for .Call, and the
 * library's version and number format.
 * SPDX-License-Identifier: MIT */
#include <R_ext/Rdynload.h>

#include "glue.h"

void R_init_flywheel(DllInfo *dll);

/* The library's version and model. */
SEXP fwr_version(void)
{
	SEXP out = PROTECT(Rf_allocVector(STRSXP, 2));

	SET_STRING_ELT(out, 0, Rf_mkChar(fw_version()));
	SET_STRING_ELT(out, 1, Rf_mkChar(fw_model()));
	UNPROTECT(1);
	return out;
}

/* The limits R checks its arguments against, the library's own: the
 * most threads (FW_MAX_THREADS) and the largest replications and
 * horizon (the ranges of the keys replications and horizon_months). */
SEXP fwr_limits(void)
{
	static const char *names[] = { "threads", "replications",
		"months", "" };
	const char *const keys[] = { NULL, "replications", "horizon_months" };
	SEXP out = PROTECT(Rf_mkNamed(REALSXP, names));
	fw_key_info k;
	int i;

	REAL(out)[0] = fw_max_threads();
	for (i = 1; i < 3; i++)
		REAL(out)[i] = fw_key_lookup(keys[i], &k) == FW_OK ? k.hi : 0;
	UNPROTECT(1);
	return out;
}

/* Numbers as the command's tables write them; NA for NA and NaN, which
 * the tables leave empty. */
SEXP fwr_format(SEXP x)
{
	R_xlen_t i, n = XLENGTH(x);
	SEXP out = PROTECT(Rf_allocVector(STRSXP, n));
	char buf[32];

	for (i = 0; i < n; i++) {
		if (ISNAN(REAL(x)[i])) {
			SET_STRING_ELT(out, i, NA_STRING);
			continue;
		}
		fw_format_real(REAL(x)[i], buf, sizeof(buf));
		SET_STRING_ELT(out, i, Rf_mkChar(buf));
	}
	UNPROTECT(1);
	return out;
}

#define ENTRY(name, n) { #name, (DL_FUNC)&name, n }
static const R_CallMethodDef entries[] = {
	ENTRY(fwr_version, 0), ENTRY(fwr_format, 1), ENTRY(fwr_names, 0),
	ENTRY(fwr_limits, 0),
	ENTRY(fwr_scenario_load, 2), ENTRY(fwr_scenario_set, 4),
	ENTRY(fwr_scenario_info, 1), ENTRY(fwr_scenario_yaml, 1),
	ENTRY(fwr_scenario_value, 4), ENTRY(fwr_scenario_add_variant, 3),
	ENTRY(fwr_run_alloc, 5), ENTRY(fwr_leakage_alloc, 8),
	ENTRY(fwr_leakage_rows, 1),
	ENTRY(fwr_run_step, 2), ENTRY(fwr_run_info, 1),
	ENTRY(fwr_run_workbook, 3), ENTRY(fwr_run_write, 4),
	ENTRY(fwr_summary, 1), ENTRY(fwr_timeseries, 1),
	ENTRY(fwr_replications, 1), ENTRY(fwr_compare, 1),
	ENTRY(fwr_paired, 1), ENTRY(fwr_monthly, 2),
	ENTRY(fwr_recommendation, 1), ENTRY(fwr_sweep_load, 1),
	ENTRY(fwr_sweep_set, 3), ENTRY(fwr_sweep_info, 1),
	ENTRY(fwr_sweep_points, 1), ENTRY(fwr_sweep_point_run, 3),
	ENTRY(fwr_sweep_point_stats, 2),
	ENTRY(fwr_sweep_sensitivity, 2), ENTRY(fwr_calibration_load, 2),
	ENTRY(fwr_calibration_step, 1), ENTRY(fwr_calibration_progress, 1),
	ENTRY(fwr_calibration_fit, 1), ENTRY(fwr_calibration_series, 1),
	ENTRY(fwr_calibration_fitted, 1), ENTRY(fwr_release, 1),
	{ NULL, NULL, 0 }
};

void R_init_flywheel(DllInfo *dll)
{
	R_registerRoutines(dll, NULL, entries, NULL, NULL);
	R_useDynamicSymbols(dll, FALSE);
	R_forceSymbols(dll, TRUE);
}
