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

#endif
