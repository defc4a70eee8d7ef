/* sweepread.c - reading a finished sweep's tables back, bounded and
 * checked.
 * SPDX-License-Identifier: MIT */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csv.h"
#include "csvread.h"
#include "relpath.h"
#include "sweepread.h"

static int
nomem(fw_error *err)
{
	fw_error_set(err, FW_ENOMEM, "", 0, 0, "", "out of memory");
	return FW_ENOMEM;
}

void
sweep_clear(sweepdata *s)
{
	json_free(s->meta);
	free(s->x);
	free(s->y);
	free(s->sens);
	memset(s, 0, sizeof(*s));
}

/* sweep.json: the design, the parameters and the metrics. */
static int
read_meta(const char *dir, sweepdata *s, fw_error *err)
{
	const json *p, *m;
	char path[4096];
	size_t i;
	int rc;

	pathf(path, sizeof(path), "%s/sweep.json", dir);
	if ((rc = json_load(path, &s->meta, err)) != FW_OK)
		return rc;
	s->design = json_str(s->meta, "design", "");
	p = json_get(s->meta, "parameters");
	m = json_get(s->meta, "metrics");
	if (strcmp(s->design, "grid") != 0 && strcmp(s->design, "oneway") !=
	    0 && strcmp(s->design, "lhs") != 0 && strcmp(s->design, "sobol") !=
	    0)
		rc = FW_EIO;
	else if (p == NULL || p->kind != JSON_ARRAY || p->n == 0 ||
	    p->n > MAX_PARAMS || m == NULL || m->kind != JSON_ARRAY ||
	    m->n == 0 || m->n > MAX_METRICS)
		rc = FW_EIO;
	for (i = 0; rc == FW_OK && i < p->n; i++) {
		const char *key = json_str(&p->item[i], "path", NULL);
		const char *v = json_str(&p->item[i], "variant", "");
		s->param_col[i] = json_str(&p->item[i], "column", NULL);
		if (s->param_col[i] == NULL || key == NULL)
			rc = FW_EIO;
		else
			snprintf(s->param_key[i], sizeof(s->param_key[i]),
			    "%s%s%s", v, *v ? ":" : "", key);
	}
	for (i = 0; rc == FW_OK && i < m->n; i++)
		if ((s->metric[i] = m->item[i].kind == JSON_STRING ?
		    m->item[i].string : NULL) == NULL)
			rc = FW_EIO;
	if (rc != FW_OK) {
		fw_error_set(err, FW_EIO, path, 0, 0, "", "no design, "
		    "parameters or metrics as flywheel sweep writes them");
		return rc;
	}
	s->np = p->n;
	s->nm = m->n;
	return FW_OK;
}

/* The column of a label as sweep.csv names it, or fail naming it. */
static int
need(const csv_reader *r, const char *name, const char *suffix, int *col,
    fw_error *err)
{
	char *column = csv_column_name("", name, suffix);

	if (column == NULL)
		return nomem(err);
	*col = csv_column(r, column);
	if (*col < 0)
		csv_fail(r, err, "has no column %.200s", column);
	free(column);
	return *col < 0 ? FW_EIO : FW_OK;
}

/* sweep.csv: each point's parameter values and metric statistics. */
static int
read_points(const char *dir, sweepdata *s, fw_error *err)
{
	int col[MAX_PARAMS + 3 * MAX_METRICS], got, rc;
	size_t i, j, cap = 0;
	csv_reader r;

	rc = csv_open_table(&r, dir, "sweep.csv", err);
	for (j = 0; rc == FW_OK && j < s->np; j++)
		rc = need(&r, s->param_col[j], "", &col[j], err);
	for (j = 0; rc == FW_OK && j < s->nm; j++)
		if ((rc = need(&r, s->metric[j], "_mean", &col[s->np + 3 * j],
		    err)) != FW_OK || (rc = need(&r, s->metric[j], "_p5",
		    &col[s->np + 3 * j + 1], err)) != FW_OK)
			break;
		else
			rc = need(&r, s->metric[j], "_p95",
			    &col[s->np + 3 * j + 2], err);
	while (rc == FW_OK && (rc = csv_next(&r, &got, err)) == FW_OK && got) {
		if (s->nrow == cap) {
			double *x, *y;
			cap = cap ? 2 * cap : 64;
			x = realloc(s->x, cap * s->np * sizeof(double));
			if (x != NULL)
				s->x = x;
			y = realloc(s->y, cap * s->nm * 3 * sizeof(double));
			if (y != NULL)
				s->y = y;
			if (x == NULL || y == NULL) {
				rc = nomem(err);
				break;
			}
		}
		for (j = 0; rc == FW_OK && j < s->np; j++)
			rc = csv_number(&r, (size_t)col[j], 0,
			    &s->x[s->nrow * s->np + j], err);
		for (i = 0; rc == FW_OK && i < 3 * s->nm; i++)
			rc = csv_number(&r, (size_t)col[s->np + i], 1,
			    &s->y[s->nrow * s->nm * 3 + i], err);
		s->nrow++;
	}
	if (rc == FW_OK && s->nrow == 0)
		rc = csv_fail(&r, err, "holds no points");
	csv_close(&r);
	return rc;
}

/* sensitivity.csv (oneway and sobol designs). */
static int
read_sensitivity(const char *dir, sweepdata *s, fw_error *err)
{
	static const char *const oneway[] = { "low", "high", "at_base",
		"at_low", "at_high", "swing" };
	static const char *const sobol[] = { "s1", "s1_lo95", "s1_hi95", "st",
		"st_lo95", "st_hi95" };
	const char *const *names = strcmp(s->design, "oneway") == 0 ? oneway :
	    sobol;
	int col[8], got, rc;
	csv_reader r;
	size_t i, m, j;

	if (strcmp(s->design, "oneway") != 0 && strcmp(s->design, "sobol") != 0)
		return FW_OK;
	if ((s->sens = malloc(s->nm * s->np * 6 * sizeof(double))) == NULL)
		return nomem(err);
	for (i = 0; i < s->nm * s->np * 6; i++)
		s->sens[i] = NAN;
	rc = csv_open_table(&r, dir, "sensitivity.csv", err);
	if (rc == FW_OK && (rc = need(&r, "metric", "", &col[0], err)) ==
	    FW_OK)
		rc = need(&r, "parameter", "", &col[1], err);
	for (i = 0; rc == FW_OK && i < 6; i++)
		rc = need(&r, names[i], "", &col[2 + i], err);
	while (rc == FW_OK && (rc = csv_next(&r, &got, err)) == FW_OK && got) {
		const char *metric, *param;
		if ((size_t)col[0] >= r.nfield || (size_t)col[1] >= r.nfield) {
			rc = csv_fail(&r, err, "has too few fields");
			break;
		}
		metric = r.field[col[0]];
		param = r.field[col[1]];
		for (m = 0; m < s->nm && strcmp(s->metric[m], metric); m++)
			;
		for (j = 0; j < s->np && strcmp(s->param_key[j], param); j++)
			;
		if (m == s->nm || j == s->np) {
			rc = csv_fail(&r, err, "names a metric or parameter "
			    "sweep.json does not");
			break;
		}
		for (i = 0; rc == FW_OK && i < 6; i++)
			rc = csv_number(&r, (size_t)col[2 + i], 1,
			    &s->sens[(m * s->np + j) * 6 + i], err);
	}
	csv_close(&r);
	s->has_sens = rc == FW_OK;
	return rc;
}

int
sweep_read(const char *dir, sweepdata *s, fw_error *err)
{
	int rc;

	memset(s, 0, sizeof(*s));
	if (strlen(dir) > 3000) {
		fw_error_set(err, FW_EIO, "", 0, 0, "", "directory name too "
		    "long");
		return FW_EIO;
	}
	if ((rc = read_meta(dir, s, err)) == FW_OK &&
	    (rc = read_points(dir, s, err)) == FW_OK)
		rc = read_sensitivity(dir, s, err);
	return rc;
}
