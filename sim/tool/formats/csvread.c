/* csvread.c - reading back flywheel's CSV tables, bounded and checked.
 * SPDX-License-Identifier: MIT */
#include "config.h"

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "csvread.h"
#include "relpath.h"

int
csv_open(csv_reader *r, const char *path, fw_error *err)
{
	memset(r, 0, sizeof(*r));
	if ((r->path = strdup(path)) == NULL) {
		fw_error_set(err, FW_ENOMEM, "", 0, 0, "", "out of memory");
		return FW_ENOMEM;
	}
	if ((r->f = fopen(path, "rb")) == NULL) {
		fw_error_set(err, FW_EIO, path, 0, 0, "", "cannot read: %s",
		    strerror(errno));
		return FW_EIO;
	}
	return FW_OK;
}

int
csv_fail(const csv_reader *r, fw_error *err, const char *fmt, ...)
{
	char msg[400];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	fw_error_set(err, FW_EIO, r->path, (int)r->line, 0, "", "%s", msg);
	return FW_EIO;
}

/* Reads one line of at most CSV_MAX_LINE bytes into r->raw. */
static int
read_line(csv_reader *r, int *got, fw_error *err)
{
	size_t len = 0;
	int c;

	*got = 0;
	if (r->raw == NULL && (r->raw = malloc(CSV_MAX_LINE + 1)) == NULL) {
		fw_error_set(err, FW_ENOMEM, "", 0, 0, "", "out of memory");
		return FW_ENOMEM;
	}
	while ((c = getc(r->f)) != EOF && c != '\n') {
		if (len == CSV_MAX_LINE) {
			r->line++;
			return csv_fail(r, err, "line longer than %d bytes: "
			    "not a table flywheel wrote", CSV_MAX_LINE);
		}
		r->raw[len++] = (char)c;
	}
	if (ferror(r->f)) {
		fw_error_set(err, FW_EIO, r->path, 0, 0, "", "cannot read: %s",
		    strerror(errno));
		return FW_EIO;
	}
	if (c == EOF && len == 0)
		return FW_OK;
	if (len > 0 && r->raw[len - 1] == '\r')
		len--;
	r->raw[len] = '\0';
	r->rawlen = len;
	r->ended = c == '\n';
	r->line++;
	*got = 1;
	return FW_OK;
}

/* Splits r->raw into fields: quoted fields lose their quotes, "" stands
 * for one quote. */
static int
split(csv_reader *r, fw_error *err)
{
	const char *p = r->raw;
	char *w;

	if (r->buf == NULL && (r->buf = malloc(CSV_MAX_LINE + 1)) == NULL) {
		fw_error_set(err, FW_ENOMEM, "", 0, 0, "", "out of memory");
		return FW_ENOMEM;
	}
	if (memchr(r->raw, '\0', r->rawlen) != NULL)
		return csv_fail(r, err, "holds a NUL byte: not a table "
		    "flywheel wrote");
	w = r->buf;
	r->nfield = 0;
	for (;;) {
		if (r->nfield == r->cap) {
			size_t cap = r->cap ? 2 * r->cap : 64;
			char **grown = realloc(r->field, cap * sizeof(char *));
			if (grown == NULL) {
				fw_error_set(err, FW_ENOMEM, "", 0, 0, "",
				    "out of memory");
				return FW_ENOMEM;
			}
			r->field = grown;
			r->cap = cap;
		}
		r->field[r->nfield++] = w;
		if (*p == '"') {
			for (p++;; p++) {
				if (*p == '\0')
					return csv_fail(r, err, "a quoted "
					    "field is not closed");
				if (*p == '"' && p[1] == '"')
					p++;
				else if (*p == '"')
					break;
				*w++ = *p;
			}
			p++;
			if (*p != ',' && *p != '\0')
				return csv_fail(r, err, "text after a quoted "
				    "field");
		} else {
			while (*p != ',' && *p != '\0')
				*w++ = *p++;
		}
		*w++ = '\0';
		if (*p == '\0')
			return FW_OK;
		p++;
	}
}

int
csv_next(csv_reader *r, int *got, fw_error *err)
{
	int rc = read_line(r, got, err);

	if (rc != FW_OK || !*got)
		return rc;
	return split(r, err);
}

int
csv_column(const csv_reader *r, const char *name)
{
	size_t i;

	for (i = 0; i < r->nfield; i++)
		if (strcmp(r->field[i], name) == 0)
			return (int)i;
	return -1;
}

int
csv_open_columns(csv_reader *r, const char *path, const char *const *names,
    size_t n, int *col, const char *what, fw_error *err)
{
	size_t c;
	int got, rc;

	if ((rc = csv_open(r, path, err)) != FW_OK ||
	    (rc = csv_next(r, &got, err)) != FW_OK)
		return rc;
	for (c = 0; c < n; c++)
		if (!got || (col[c] = csv_column(r, names[c])) < 0)
			return csv_fail(r, err, "no column '%s': not a %s "
			    "flywheel wrote", names[c], what);
	return FW_OK;
}

int
csv_number(const csv_reader *r, size_t i, int empty_ok, double *x,
    fw_error *err)
{
	const char *s;
	char *end;

	if (i >= r->nfield)
		return csv_fail(r, err, "has %zu fields where at least %zu are "
		    "needed", r->nfield, i + 1);
	s = r->field[i];
	if (*s == '\0' && empty_ok) {
		*x = NAN;
		return FW_OK;
	}
	errno = 0;
	*x = strtod(s, &end);
	if (*s == '\0' || *end != '\0' || errno == ERANGE || !isfinite(*x))
		return csv_fail(r, err, "field %zu is not a finite number "
		    "(%.40s)", i + 1, s);
	return FW_OK;
}

int
csv_count(const csv_reader *r, size_t i, long lo, long hi, long *x,
    fw_error *err)
{
	double d = 0;
	int rc = csv_number(r, i, 0, &d, err);

	if (rc != FW_OK)
		return rc;
	if (d != floor(d) || d < (double)lo || d > (double)hi)
		return csv_fail(r, err, "field %zu must be a whole number from "
		    "%ld to %ld (got %.40s)", i + 1, lo, hi, r->field[i]);
	*x = (long)d;
	return FW_OK;
}

void
csv_close(csv_reader *r)
{
	if (r->f != NULL)
		fclose(r->f);
	free(r->path);
	free(r->raw);
	free(r->buf);
	free(r->field);
	memset(r, 0, sizeof(*r));
}

int
csv_open_table(csv_reader *r, const char *dir, const char *name, fw_error *err)
{
	char path[4096];
	int rc, got;

	if (pathf(path, sizeof(path), "%s/%s", dir, name) != 0) {
		fw_error_set(err, FW_EIO, dir, 0, 0, "", "directory name too "
		    "long");
		return FW_EIO;
	}
	if ((rc = csv_open(r, path, err)) != FW_OK)
		return rc;
	if ((rc = csv_next(r, &got, err)) != FW_OK)
		return rc;
	if (!got)
		return csv_fail(r, err, "empty: not a table flywheel wrote");
	return FW_OK;
}
