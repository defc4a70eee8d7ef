/* obsdata.c - reads a brand's observed monthly figures: long-format CSV
 * with a header naming month, metric and value, and optionally segment,
 * in any order; one figure a row. Everything is checked, and every
 * complaint names the file, the line and the column.
 * SPDX-License-Identifier: MIT
 *
 * Lines starting with # are comments; blank lines are skipped; fields
 * may be quoted ("..." with "" for a quote), as spreadsheets export them;
 * a UTF-8 byte-order mark is ignored; lines may end in CR LF.
 */
#include "config.h"

#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "hash.h"
#include "input.h"
#include "series.h"
#include "obsdata.h"
#include "yamltree.h"

/* A brand's history is a few thousand rows; anything this large is a
 * mistake. */
#define FW_OBS_MAX_FILE (16L * 1024 * 1024)
#define FW_OBS_MAX_FIELDS 16

enum { COL_MONTH, COL_METRIC, COL_VALUE, COL_SEGMENT, NCOL };
static const char *const col_names[NCOL] = { "month", "metric", "value",
	"segment" };

/* The series a segment has of its own: the sums over its HCPs and
 * patients, and its HCPs' mean trust. Cash and the costs of channels and
 * programme belong to the brand as a whole. */
int
fwi_series_by_segment(int k)
{
	return k != FW_M_CASH && k != FW_M_CHANNEL_COST &&
	    k != FW_M_PROGRAM_COST;
}

typedef struct field {
	char *text;
	int column;		/* 1-based, of the field's first byte */
} field;

typedef struct reader {
	const char *file;
	fw_error *err;
	int line;
} reader;

static int
fail(const reader *r, int column, const char *col, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	fwi_error_vset(r->err, FW_EINVALID, r->file, r->line, column, col,
	    fmt, ap);
	va_end(ap);
	return FW_EINVALID;
}

/* Splits one line (NUL-terminated, its line break removed) into fields,
 * unquoting in place; spaces around an unquoted field are dropped. */
static int
split(const reader *r, char *line, field *f, int *n)
{
	char *p = line, *w;

	*n = 0;
	for (;;) {
		if (*n == FW_OBS_MAX_FIELDS)
			return fail(r, (int)(p - line) + 1, "", "more than %d "
			    "fields", FW_OBS_MAX_FIELDS);
		while (*p == ' ' || *p == '\t')
			p++;
		f[*n].column = (int)(p - line) + 1;
		f[*n].text = w = p;
		if (*p == '"') {
			for (p++; *p != '\0' && !(*p == '"' && p[1] != '"');
			    p++) {
				if (*p == '"')
					p++;
				*w++ = *p;
			}
			if (*p != '"')
				return fail(r, f[*n].column, "", "a quoted "
				    "field is not closed on its line");
			for (p++; *p == ' ' || *p == '\t'; p++)
				;
			if (*p != ',' && *p != '\0')
				return fail(r, (int)(p - line) + 1, "",
				    "text after a quoted field");
		} else {
			while (*p != ',' && *p != '\0')
				*w++ = *p++;
			while (w > f[*n].text && (w[-1] == ' ' ||
			    w[-1] == '\t'))
				w--;
		}
		(*n)++;
		if (*p == '\0') {
			*w = '\0';
			return FW_OK;
		}
		*w = '\0';
		p++;
	}
}

/* The index of name among n candidates, or -1. */
static int
find_name(const char *name, const char *const *names, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(names[i], name) == 0)
			return (int)i;
	return -1;
}

/* Reads the header into col[field] (a column number, or -1). */
static int
read_header(const reader *r, const field *f, int n, int *col)
{
	int i, c, seen[NCOL] = { 0 };

	for (i = 0; i < n; i++) {
		const char *best;
		if ((c = find_name(f[i].text, col_names, NCOL)) >= 0) {
			if (seen[c]++)
				return fail(r, f[i].column, f[i].text, "the "
				    "column is named twice");
			col[i] = c;
			continue;
		}
		best = fw_suggest(f[i].text, col_names, NCOL);
		return fail(r, f[i].column, f[i].text, "unknown column%s%s%s "
		    "(the columns are month, metric, value and, optionally, "
		    "segment)", best ? " (did you mean '" : "", best ? best :
		    "", best ? "'?)" : "");
	}
	for (c = 0; c < COL_SEGMENT; c++)
		if (!seen[c])
			return fail(r, 0, "", "the header has no '%s' column "
			    "(it names month, metric, value and, optionally, "
			    "segment)", col_names[c]);
	return FW_OK;
}

static int
read_month(const reader *r, const field *f, int horizon, int *month)
{
	long m;

	if (!fwi_decimal(f->text, 1) || f->text[0] == '-' ||
	    (m = strtol(f->text, NULL, 10)) < 1 || m > 100000)
		return fail(r, f->column, "month", "must be a whole number of "
		    "months from 1, the first month observed (got '%s')",
		    f->text);
	if (m > horizon)
		return fail(r, f->column, "month", "month %ld is beyond the "
		    "scenario's horizon of %d months", m, horizon);
	*month = (int)m;
	return FW_OK;
}

static int
read_metric(const reader *r, const field *f, int *series)
{
	const char *best;

	if ((*series = find_name(f->text, fwi_monthly_names, FW_NMONTHLY)) >=
	    0)
		return FW_OK;
	best = fw_suggest(f->text, fwi_monthly_names, FW_NMONTHLY);
	return fail(r, f->column, "metric", "unknown metric '%s'%s%s%s; the "
	    "metrics are the monthly series of timeseries.csv", f->text,
	    best ? " (did you mean '" : "", best ? best : "", best ? "'?)" :
	    "");
}

static int
read_value(const reader *r, const field *f, int series, double *x)
{
	const char *name = fwi_monthly_names[series];

	if (f->text[0] == '\0')
		return fail(r, f->column, "value", "no value given (leave out "
		    "the row of a month not observed)");
	if (!fwi_decimal(f->text, 0))
		return fail(r, f->column, "value", "not a number ('%s')%s",
		    f->text, strchr(f->text, ',') ? ": write numbers without "
		    "thousands separators, with a point for decimals" : "");
	*x = strtod(f->text, NULL);
	if (!(fabs(*x) <= fwi_obs_limit))
		return fail(r, f->column, "value", "%s is out of range (at "
		    "most %g in absolute value): %s", f->text, fwi_obs_limit,
		    fwi_obs_limit_why);
	if (*x < 0 && series != FW_M_CASH)
		return fail(r, f->column, "value", "%s cannot be negative "
		    "(got %s)", name, f->text);
	if ((series == FW_M_MEAN_TRUST || series == FW_M_GAP_RATE) && *x > 1)
		return fail(r, f->column, "value", "%s is at most 1 (got %s)",
		    name, f->text);
	return FW_OK;
}

static int
read_segment(const reader *r, const field *f, const fw_config *base,
    int series, int *segment)
{
	const char **names, *best;
	size_t i;

	*segment = -1;
	if (f->text[0] == '\0')
		return FW_OK;
	if ((*segment = fwi_config_find_segment(base, f->text)) >= 0) {
		if (!fwi_series_by_segment(series))
			return fail(r, f->column, "segment", "%s belongs to the "
			    "brand as a whole, not to one segment",
			    fwi_monthly_names[series]);
		return FW_OK;
	}
	if ((names = malloc(base->nseg * sizeof(char *) + 1)) == NULL)
		return fwi_nomem(r->err);
	for (i = 0; i < base->nseg; i++)
		names[i] = base->seg[i].name;
	best = fw_suggest(f->text, names, base->nseg);
	fail(r, f->column, "segment", "the scenario has no segment '%s'%s%s%s",
	    f->text, best ? " (did you mean '" : "", best ? best : "",
	    best ? "'?)" : "");
	free(names);
	return FW_EINVALID;
}

/* Reads one row of data into o. */
static int
read_row(const reader *r, const field *f, int n, const int *col, int ncol,
    const fw_scenario *sc, fw_obs *o)
{
	static char none[1];
	const field *at[NCOL] = { NULL };
	field empty = { none, 0 };
	int i, rc;

	if (n != ncol)
		return fail(r, n > ncol ? f[ncol].column : 0, "", "%d fields, "
		    "where the header has %d", n, ncol);
	for (i = 0; i < n; i++)
		at[col[i]] = &f[i];
	if (at[COL_SEGMENT] == NULL)
		at[COL_SEGMENT] = &empty;
	o->line = r->line;
	if ((rc = read_month(r, at[COL_MONTH], sc->horizon, &o->month)) ==
	    FW_OK && (rc = read_metric(r, at[COL_METRIC], &o->series)) ==
	    FW_OK && (rc = read_value(r, at[COL_VALUE], o->series,
	    &o->value)) == FW_OK)
		rc = read_segment(r, at[COL_SEGMENT], &sc->config[0],
		    o->series, &o->segment);
	return rc;
}

static int
cmp_obs(const void *a, const void *b)
{
	const fw_obs *x = a, *y = b;

	if (x->series != y->series)
		return x->series < y->series ? -1 : 1;
	if (x->segment != y->segment)
		return x->segment < y->segment ? -1 : 1;
	if (x->month != y->month)
		return x->month < y->month ? -1 : 1;
	return (x->line > y->line) - (x->line < y->line);
}

/* Refuses a month given twice for one series (and segment), naming the
 * first line in the file that repeats another. */
static int
check_duplicates(reader *r, fw_obsdata *d, const fw_scenario *sc)
{
	const fw_obs *dup = NULL, *orig = NULL;
	size_t i;

	qsort(d->v, d->n, sizeof(fw_obs), cmp_obs);
	for (i = 1; i < d->n; i++) {
		const fw_obs *a = &d->v[i - 1], *b = &d->v[i];
		if (a->series == b->series && a->segment == b->segment &&
		    a->month == b->month && (dup == NULL || b->line <
		    dup->line)) {
			dup = b;
			orig = a;
		}
	}
	if (dup == NULL)
		return FW_OK;
	r->line = dup->line;
	return fail(r, 0, "", "month %d of %s%s%s is given twice (first on "
	    "line %d)", dup->month, fwi_monthly_names[dup->series],
	    dup->segment >= 0 ? " in " : "", dup->segment >= 0 ?
	    sc->config[0].seg[dup->segment].name : "", orig->line);
}

/* Whether a line holds nothing to read: blank, or a comment. */
static int
skipped(const char *line)
{
	return line[0] == '#' || line[strspn(line, " \t")] == '\0';
}

static int
parse(reader *r, char *text, size_t len, const fw_scenario *sc,
    fw_obsdata *d)
{
	field f[FW_OBS_MAX_FIELDS];
	int col[FW_OBS_MAX_FIELDS], ncol = 0, n, rc = FW_OK;
	size_t cap = 0;
	char *line = text, *end = text + len, *nl;

	if (memchr(text, '\0', len) != NULL)
		return fail(r, 0, "", "not a text file (it holds a NUL byte)");
	if (len >= 3 && memcmp(text, "\xef\xbb\xbf", 3) == 0)
		line += 3;
	for (r->line = 1; rc == FW_OK && line < end; r->line++, line = nl + 1) {
		if ((nl = memchr(line, '\n', (size_t)(end - line))) == NULL)
			nl = end;
		*nl = '\0';
		if (nl > line && nl[-1] == '\r')
			nl[-1] = '\0';
		if (skipped(line))
			continue;
		if ((rc = split(r, line, f, &n)) != FW_OK)
			break;
		if (ncol == 0) {
			if ((rc = read_header(r, f, n, col)) == FW_OK)
				ncol = n;
			continue;
		}
		if (d->n == cap) {
			fw_obs *grown = realloc(d->v, (cap = cap ? 2 * cap :
			    256) * sizeof(fw_obs));
			if (grown == NULL)
				return fwi_nomem(r->err);
			d->v = grown;
		}
		if ((rc = read_row(r, f, n, col, ncol, sc, &d->v[d->n])) ==
		    FW_OK)
			d->n++;
	}
	if (rc != FW_OK)
		return rc;
	if (ncol == 0 || d->n == 0) {
		r->line = 0;
		return fail(r, 0, "", ncol == 0 ? "no header: the first line "
		    "names the columns month, metric, value and, optionally, "
		    "segment" : "no observations below the header");
	}
	return check_duplicates(r, d, sc);
}

int
fwi_obs_read(const char *file, const fw_scenario *sc, fw_obsdata *out,
    fw_error *err)
{
	reader r = { file, err, 0 };
	char *text;
	size_t len;
	int rc;

	memset(out, 0, sizeof(*out));
	if ((rc = fwi_read_whole(file, FW_OBS_MAX_FILE, "a data file", &text,
	    &len, err)) != FW_OK)
		return rc;
	fwi_hash_text(fwi_hash_bytes(FW_FNV_OFFSET, text, len), out->hash,
	    sizeof(out->hash));
	rc = parse(&r, text, len, sc, out);
	free(text);
	if (rc != FW_OK)
		fwi_obs_clear(out);
	return rc;
}

void
fwi_obs_clear(fw_obsdata *d)
{
	free(d->v);
	memset(d, 0, sizeof(*d));
}
