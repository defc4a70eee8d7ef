/* error.h - filling fw_error from a va_list. Private.
 * SPDX-License-Identifier: MIT */
#ifndef FW_ERROR_H
#define FW_ERROR_H

#include <stdarg.h>

#include "flywheel.h"

void fwi_error_vset(fw_error *err, int code, const char *file, int line,
    int column, const char *path, const char *fmt, va_list ap);

/* Fills err with FW_ENOMEM and "out of memory"; returns FW_ENOMEM. Every
 * allocation failure of the library is reported through it. */
int fwi_nomem(fw_error *err);

/* Refuses what an entry point is given in place of an object, a text or
 * an array (NULL, or a size that does not fit): fills err with
 * FW_EINVALID and "FUNCTION: WHAT"; returns FW_EINVALID. */
int fwi_refuse(fw_error *err, const char *function, const char *what);

/* Returns fwi_refuse()'s FW_EINVALID from the entry point when argument p
 * is NULL. */
#define FWI_NOT_NULL(p, err) do { if ((p) == NULL) \
	return fwi_refuse((err), __func__, #p " is NULL"); } while (0)

#endif
