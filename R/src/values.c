/* values.c - R values from the library's and back: strings, counts and
 * the lists of columns the tables are made of.
 * SPDX-License-Identifier: MIT */
#include <stdio.h>

#include "glue.h"

SEXP r_u64(uint64_t n)
{
	char buf[24];

	if (n <= (uint64_t)1 << 53)
		return Rf_ScalarReal((double)n);
	snprintf(buf, sizeof(buf), "%llu", (unsigned long long)n);
	return Rf_mkString(buf);
}

const char *r_text(SEXP x)
{
	if (Rf_isNull(x) || XLENGTH(x) < 1 || STRING_ELT(x, 0) == NA_STRING)
		return NULL;
	return Rf_translateCharUTF8(STRING_ELT(x, 0));
}

SEXP r_string(const char *s)
{
	return Rf_ScalarString(s ? Rf_mkCharCE(s, CE_UTF8) : NA_STRING);
}

SEXP r_columns(const char *const *names, R_xlen_t rows, const SEXPTYPE *types)
{
	int n = 0, i;
	SEXP out, nm;

	while (names[n])
		n++;
	out = PROTECT(Rf_allocVector(VECSXP, n));
	nm = PROTECT(Rf_allocVector(STRSXP, n));
	for (i = 0; i < n; i++) {
		SET_VECTOR_ELT(out, i, Rf_allocVector(types[i], rows));
		SET_STRING_ELT(nm, i, Rf_mkChar(names[i]));
	}
	Rf_setAttrib(out, R_NamesSymbol, nm);
	UNPROTECT(2);
	return out;
}

void r_put(SEXP df, int first, R_xlen_t i, const double *v, int n)
{
	int k;

	for (k = 0; k < n; k++)
		REAL(VECTOR_ELT(df, first + k))[i] = v[k];
}
