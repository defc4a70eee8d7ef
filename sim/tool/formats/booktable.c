/* booktable.c - a CSV table as a sheet of results.xlsx.
 * SPDX-License-Identifier: MIT */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "booktable.h"
#include "csvread.h"

/* Rows a sheet takes from one table: far more than any table of the
 * command's has (leakage: stages x metrics; a fit: inputs). */
#define MAX_ROWS 100000

/* "one_at_a_time_lo95" -> "One at a time, 95% interval, low". */
static char *
readable(const char *name)
{
	static const struct {
		const char *end, *words;
	} tail[] = { { "_lo95", ", 95% interval, low" },
		{ "_hi95", ", 95% interval, high" }, { "lower95",
		"95% interval, low" }, { "upper95", "95% interval, high" } };
	size_t n = strlen(name), i;
	char *s = malloc(n + 32), *p;

	if (s == NULL)
		return NULL;
	strcpy(s, name);
	for (i = 0; i < sizeof(tail) / sizeof(tail[0]); i++) {
		size_t m = strlen(tail[i].end);
		if (n >= m && strcmp(name + n - m, tail[i].end) == 0) {
			strcpy(s + n - m, tail[i].words);
			break;
		}
	}
	for (p = s; *p; p++)
		if (*p == '_')
			*p = ' ';
	if (*s >= 'a' && *s <= 'z')
		*s = (char)(*s - 'a' + 'A');
	return s;
}

/* How a finite number shows: a share (a column named share...), money
 * (its row's metric is money), a count (a metric the library knows that
 * is not money: a mean of counts is read whole), or a plain number. */
static char
number_kind(const char *head, const char *metric)
{
	fw_metric_info about;

	if (strncmp(head, "Share", 5) == 0)
		return '%';
	if (metric == NULL)
		return 'n';
	if (fw_metric_about(metric, &about) != FW_OK)
		return 'n';
	return about.money ? '$' : strcmp(metric, "mean_trust") == 0 ||
	    strcmp(metric, "gap_rate") == 0 ? 'n' : 'i';
}

/* How a field of a CSV shows: text, none, or a number as number_kind()
 * says, *x. */
static char
kind_of(const char *head, const char *metric, const char *field,
    double *x)
{
	char *end;

	*x = strtod(field, &end);
	if (*field == '\0' || *end != '\0' || !isfinite(*x)) {
		*x = NAN;
		return *field == '\0' ? 'n' : 't';
	}
	return number_kind(head, metric);
}

void
book_csv_free(book_csv *c)
{
	size_t i;

	for (i = 0; c->head != NULL && i < c->t.ncol; i++)
		free(c->head[i]);
	for (i = 0; c->text != NULL && i < c->t.nrow * c->t.ncol; i++)
		free(c->text[i]);
	free(c->head);
	free(c->text);
	free(c->kind);
	free(c->num);
	memset(c, 0, sizeof(*c));
}

/* Room for one more row. */
static int
grow(book_csv *c, size_t *cap)
{
	size_t n = c->t.ncol, want = *cap ? 2 * *cap : 64;
	char **text;
	char *kind;
	double *num;

	if (c->t.nrow < *cap)
		return FW_OK;
	if ((text = realloc(c->text, want * n * sizeof(char *))) != NULL)
		c->text = text;
	if ((kind = realloc(c->kind, want * n)) != NULL)
		c->kind = kind;
	if ((num = realloc(c->num, want * n * sizeof(double))) != NULL)
		c->num = num;
	if (text == NULL || kind == NULL || num == NULL)
		return FW_ENOMEM;
	*cap = want;
	return FW_OK;
}

/* Points out->t at what out holds. */
static void
book_csv_point(book_csv *out, const char *sheet, const char *title,
    const char *note)
{
	out->t.sheet = sheet;
	out->t.title = title;
	out->t.note = note;
	out->t.head = (const char *const *)out->head;
	out->t.kind = out->kind;
	out->t.text = (const char *const *)out->text;
	out->t.num = out->num;
}

/* Names out's ncol columns in words, from their names in a header. */
static int
book_csv_head(book_csv *out, size_t ncol, char *const *name)
{
	size_t j;

	if ((out->head = calloc(ncol, sizeof(char *))) == NULL)
		return FW_ENOMEM;
	out->t.ncol = ncol;
	for (j = 0; j < ncol; j++)
		if ((out->head[j] = readable(name[j])) == NULL)
			return FW_ENOMEM;
	return FW_OK;
}

/* Adds a row: cell j is the CSV field field[j] when field is not NULL;
 * else the text text[j], when it is not NULL, or the number num[j] (NaN:
 * none). metric is the row's metric, NULL when the table has none. */
static int
book_csv_row(book_csv *out, char *const *field, const char *const *text,
    const double *num, const char *metric)
{
	size_t at, j;

	if (grow(out, &out->cap) != FW_OK)
		return FW_ENOMEM;
	at = out->t.nrow++ * out->t.ncol;
	for (j = 0; j < out->t.ncol; j++) {
		const char *words = field != NULL ? field[j] : text[j];
		double x = NAN;
		char k;
		if (field != NULL)
			k = kind_of(out->head[j], metric, field[j], &x);
		else if (text[j] != NULL)
			k = 't';
		else if (isfinite(x = num[j]))
			k = number_kind(out->head[j], metric);
		else
			k = 'n', x = NAN;
		out->kind[at + j] = k;
		out->num[at + j] = x;
		out->text[at + j] = NULL;
		if (k == 't' && (out->text[at + j] = strdup(words)) == NULL)
			return FW_ENOMEM;
	}
	return FW_OK;
}

int
book_csv_start(book_csv *out, const char *sheet, const char *title,
    const char *note, size_t ncol, char *const *name, fw_error *err)
{
	int rc;

	memset(out, 0, sizeof(*out));
	if ((rc = book_csv_head(out, ncol, name)) != FW_OK)
		fw_error_set(err, rc, "", 0, 0, "", "out of memory");
	book_csv_point(out, sheet, title, note);
	return rc;
}

int
book_csv_add(book_csv *out, const char *const *text, const double *num,
    const char *metric, fw_error *err)
{
	int rc = out->t.nrow == MAX_ROWS ? FW_OK : book_csv_row(out, NULL,
	    text, num, metric);

	if (rc != FW_OK)
		fw_error_set(err, rc, "", 0, 0, "", "out of memory");
	book_csv_point(out, out->t.sheet, out->t.title, out->t.note);
	return rc;
}

int
book_csv_read(const char *path, const char *sheet, const char *title,
    const char *note, book_csv *out, fw_error *err)
{
	csv_reader r;
	int rc, got, metric = -1;

	memset(out, 0, sizeof(*out));
	if ((rc = csv_open(&r, path, err)) != FW_OK)
		return rc;
	do
		rc = csv_next(&r, &got, err);
	while (rc == FW_OK && got && r.nfield > 0 && r.field[0][0] == '#');
	if (rc == FW_OK && !got)
		rc = csv_fail(&r, err, "empty: no header row");
	if (rc == FW_OK) {
		metric = csv_column(&r, "metric");
		rc = book_csv_head(out, r.nfield, r.field);
	}
	while (rc == FW_OK && (rc = csv_next(&r, &got, err)) == FW_OK && got) {
		if (r.nfield > 0 && r.field[0][0] == '#')
			continue;
		if (r.nfield != out->t.ncol) {
			rc = csv_fail(&r, err, "has %zu fields where the header "
			    "has %zu", r.nfield, out->t.ncol);
			break;
		}
		if (out->t.nrow == MAX_ROWS)
			break;
		rc = book_csv_row(out, r.field, NULL, NULL, metric >= 0 ?
		    r.field[metric] : NULL);
	}
	csv_close(&r);
	if (rc == FW_ENOMEM)
		fw_error_set(err, rc, "", 0, 0, "", "out of memory");
	book_csv_point(out, sheet, title, note);
	return rc;
}
