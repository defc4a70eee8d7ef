/* error.c - filling and formatting fw_error.
 * SPDX-License-Identifier: MIT */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "error.h"

void
fwi_error_vset(fw_error *err, int code, const char *file, int line,
    int column, const char *path, const char *fmt, va_list ap)
{
	if (err == NULL)
		return;
	err->code = code;
	snprintf(err->file, sizeof(err->file), "%s", file ? file : "");
	err->line = line;
	err->column = column;
	snprintf(err->path, sizeof(err->path), "%s", path ? path : "");
	if (fmt != NULL)
		vsnprintf(err->msg, sizeof(err->msg), fmt, ap);
	else
		err->msg[0] = '\0';
}

void
fw_error_set(fw_error *err, int code, const char *file, int line,
    int column, const char *path, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	fwi_error_vset(err, code, file, line, column, path, fmt, ap);
	va_end(ap);
}

void
fw_error_format(const fw_error *err, char *buf, size_t size)
{
	size_t n = 0;

	if (buf == NULL || size == 0)
		return;
	buf[0] = '\0';
	if (err == NULL)
		return;
	if (err->file[0] != '\0')
		n += snprintf(buf + n, size - n, "%s:", err->file);
	if (err->line > 0 && err->column > 0 && n < size)
		n += snprintf(buf + n, size - n, "%d:%d:", err->line,
		    err->column);
	else if (err->line > 0 && n < size)
		n += snprintf(buf + n, size - n, "%d:", err->line);
	if (n > 0 && n < size)
		n += snprintf(buf + n, size - n, " ");
	if (err->path[0] != '\0' && n < size)
		n += snprintf(buf + n, size - n, "%s: ", err->path);
	if (n < size)
		snprintf(buf + n, size - n, "%s", err->msg);
}

int
fwi_nomem(fw_error *err)
{
	fw_error_set(err, FW_ENOMEM, "", 0, 0, "", "out of memory");
	return FW_ENOMEM;
}

int
fwi_refuse(fw_error *err, const char *function, const char *what)
{
	fw_error_set(err, FW_EINVALID, "", 0, 0, "", "%s: %s", function,
	    what);
	return FW_EINVALID;
}
