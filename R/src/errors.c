/* errors.c - the library's errors as R conditions: the fields of
 * fw_error go to the R function fw_fail, which signals a classed
 * condition with the file, line, column and key path.
 * SPDX-License-Identifier: MIT */
#include <string.h>

#include "glue.h"

void r_fail(const fw_error *err)
{
	char text[1536];
	SEXP ns, call, p;

	fw_error_format(err, text, sizeof(text));
	ns = PROTECT(R_FindNamespace(Rf_mkString("flywheel")));
	/* fw_fail(code, text, file, line, column, path), each argument
	 * made once the call holds the one before */
	call = PROTECT(Rf_allocVector(LANGSXP, 7));
	SETCAR(call, Rf_install("fw_fail"));
	p = CDR(call);
	SETCAR(p, Rf_ScalarInteger(err->code));
	p = CDR(p);
	SETCAR(p, r_string(text));
	p = CDR(p);
	SETCAR(p, r_string(err->file));
	p = CDR(p);
	SETCAR(p, Rf_ScalarInteger(err->line));
	p = CDR(p);
	SETCAR(p, Rf_ScalarInteger(err->column));
	p = CDR(p);
	SETCAR(p, r_string(err->path));
	Rf_eval(call, ns);
	UNPROTECT(2);
	Rf_error("%s", text);	/* not reached: fw_fail signals an error */
}

void r_fail_status(int status, const char *msg)
{
	fw_error err;

	memset(&err, 0, sizeof(err));
	fw_error_set(&err, status, NULL, 0, 0, NULL, "%s",
	    msg ? msg : fw_status_name(status));
	r_fail(&err);
}
