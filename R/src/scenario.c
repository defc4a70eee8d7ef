/* scenario.c - scenarios from R: loaded from a file or text, copied and
 * changed key by key, described.
 * SPDX-License-Identifier: MIT */
#include <stdio.h>
#include <string.h>

#include "glue.h"

SEXP fwr_scenario_load(SEXP file, SEXP text)
{
	fw_scenario *sc = NULL;
	fw_error err;
	int rc;

	if (Rf_isNull(text)) {
		rc = fw_scenario_load(R_ExpandFileName(r_text(file)), &sc,
		    &err);
	} else {
		const char *t = r_text(text);
		rc = fw_scenario_load_string(r_text(file), t, strlen(t), &sc,
		    &err);
	}
	if (rc != FW_OK)
		r_fail(&err);
	return r_wrap(R_SCENARIO, sc);
}

/* A changed copy: the scenario given stays as it was, also on error. */
SEXP fwr_scenario_set(SEXP x, SEXP variant, SEXP path, SEXP value)
{
	fw_scenario *copy = NULL;
	fw_error err;
	SEXP out;
	int rc;

	if (fw_scenario_copy(r_unwrap(R_SCENARIO, x), &copy) != FW_OK)
		r_fail_status(FW_ENOMEM, NULL);
	out = PROTECT(r_wrap(R_SCENARIO, copy));
	if (TYPEOF(value) == REALSXP)
		rc = fw_scenario_set_number(copy, r_text(variant),
		    r_text(path), REAL(value)[0], &err);
	else
		rc = fw_scenario_set(copy, r_text(variant), r_text(path),
		    r_text(value), &err);
	if (rc != FW_OK)
		r_fail(&err);
	UNPROTECT(1);
	return out;
}

SEXP fwr_scenario_info(SEXP x)
{
	static const char *const names[] = { "name", "file", "hash",
		"horizon", "replications", "seed", "variants", "descriptions",
		"calibration", NULL };
	fw_scenario *sc = r_unwrap(R_SCENARIO, x);
	size_t v, n = fw_scenario_variant_count(sc);
	SEXP out, nm, vars, desc;
	int i;

	out = PROTECT(Rf_allocVector(VECSXP, 9));
	nm = PROTECT(Rf_allocVector(STRSXP, 9));
	for (i = 0; names[i]; i++)
		SET_STRING_ELT(nm, i, Rf_mkChar(names[i]));
	Rf_setAttrib(out, R_NamesSymbol, nm);
	SET_VECTOR_ELT(out, 0, r_string(fw_scenario_name(sc)));
	SET_VECTOR_ELT(out, 1, r_string(fw_scenario_file(sc)));
	SET_VECTOR_ELT(out, 2, r_string(fw_scenario_hash(sc)));
	SET_VECTOR_ELT(out, 3, Rf_ScalarInteger(fw_scenario_horizon(sc)));
	SET_VECTOR_ELT(out, 4, r_u64(fw_scenario_replications(sc)));
	SET_VECTOR_ELT(out, 5, r_u64(fw_scenario_seed(sc)));
	SET_VECTOR_ELT(out, 8, r_string(fw_scenario_calibration(sc)));
	vars = Rf_allocVector(STRSXP, (R_xlen_t)n);
	SET_VECTOR_ELT(out, 6, vars);
	desc = Rf_allocVector(STRSXP, (R_xlen_t)n);
	SET_VECTOR_ELT(out, 7, desc);
	for (v = 0; v < n; v++) {
		const char *d = fw_scenario_variant_description(sc, v);
		SET_STRING_ELT(vars, v,
		    Rf_mkCharCE(fw_scenario_variant_name(sc, v), CE_UTF8));
		SET_STRING_ELT(desc, v, d ? Rf_mkCharCE(d, CE_UTF8) :
		    NA_STRING);
	}
	UNPROTECT(2);
	return out;
}

SEXP fwr_scenario_yaml(SEXP x)
{
	char *text;
	int rc = fw_scenario_yaml(r_unwrap(R_SCENARIO, x), &text);
	SEXP out;

	if (rc != FW_OK)
		r_fail_status(rc, NULL);
	out = Rf_mkCharCE(text, CE_UTF8);
	fw_free(text);
	return Rf_ScalarString(out);
}

SEXP fwr_scenario_value(SEXP x, SEXP variant, SEXP path, SEXP q)
{
	fw_error err;
	double value;

	if (fw_scenario_value(r_unwrap(R_SCENARIO, x), r_text(variant),
	    r_text(path), Rf_asReal(q), &value, &err) != FW_OK)
		r_fail(&err);
	return Rf_ScalarReal(value);
}

/* A copy with a new option, a copy of option `from` (NULL: the
 * baseline). */
SEXP fwr_scenario_add_variant(SEXP x, SEXP name, SEXP from)
{
	fw_scenario *copy = NULL;
	fw_error err;
	SEXP out;

	if (fw_scenario_copy(r_unwrap(R_SCENARIO, x), &copy) != FW_OK)
		r_fail_status(FW_ENOMEM, NULL);
	out = PROTECT(r_wrap(R_SCENARIO, copy));
	if (fw_scenario_add_variant(copy, r_text(name), r_text(from), &err) !=
	    FW_OK)
		r_fail(&err);
	UNPROTECT(1);
	return out;
}
