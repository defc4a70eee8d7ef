/* bookread.c - the workbook's figures from a results directory.
 * SPDX-License-Identifier: MIT */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "bookread.h"
#include "csvread.h"
#include "jsonread.h"
#include "relpath.h"

/* Series a timeseries.csv may hold: far more than the model has. */
#define MAX_SERIES 256

static int
nomem(fw_error *err)
{
	fw_error_set(err, FW_ENOMEM, "", 0, 0, "", "out of memory");
	return FW_ENOMEM;
}

/* The variant a row names, by its name in run.json. */
static int
variant_of(const book_read *r, const csv_reader *c, size_t col, size_t *v,
    fw_error *err)
{
	for (*v = 0; *v < r->d->nv; (*v)++)
		if (strcmp(c->field[col], r->d->names[*v]) == 0)
			return FW_OK;
	return csv_fail(c, err, "names the option %.40s, which run.json does "
	    "not list", c->field[col]);
}

static int
fill_nan(double **x, size_t n)
{
	size_t i;

	if ((*x = malloc(n * sizeof(double) + 1)) == NULL)
		return FW_ENOMEM;
	for (i = 0; i < n; i++)
		(*x)[i] = NAN;
	return FW_OK;
}

/* replications.csv: every metric (a column without a dot) and every
 * input drawn (a dotted path) of each replication and variant. */
static int
read_replications(book_read *r, const char *dir, fw_error *err)
{
	size_t V = r->d->nv, R = r->d->R, K = 0, D = 0, j, v;
	long *col = NULL;	/* >= 0: metric; < 0: draw -col - 1 */
	csv_reader c;
	int rc, got;

	if ((rc = csv_open_table(&c, dir, "replications.csv", err)) == FW_OK &&
	    (c.nfield < 3 || strcmp(c.field[0], "replication") != 0 ||
	    strcmp(c.field[1], "variant") != 0))
		rc = csv_fail(&c, err, "does not start replication,variant");
	if (rc == FW_OK && ((col = calloc(c.nfield, sizeof(long))) == NULL ||
	    (r->metric = calloc(c.nfield, sizeof(char *))) == NULL ||
	    (r->drawpath = calloc(c.nfield, sizeof(char *))) == NULL))
		rc = nomem(err);
	for (j = 2; rc == FW_OK && j < c.nfield; j++) {
		int draw = strchr(c.field[j], '.') != NULL;
		char *name = strdup(c.field[j]);
		if (name == NULL) {
			rc = nomem(err);
			break;
		}
		if (draw)
			r->drawpath[D] = name, col[j] = -(long)++D;
		else
			r->metric[K] = name, col[j] = (long)K++;
	}
	r->b.nmetric = K;
	r->b.ndraw = D;
	if (rc == FW_OK && (fill_nan(&r->value, R * V * K) != FW_OK ||
	    fill_nan(&r->draw, R * V * D) != FW_OK))
		rc = nomem(err);
	while (rc == FW_OK && (rc = csv_next(&c, &got, err)) == FW_OK && got) {
		long rep;
		if (c.nfield != 2 + K + D) {
			rc = csv_fail(&c, err, "has %zu fields where the header "
			    "has %zu", c.nfield, 2 + K + D);
			break;
		}
		if ((rc = csv_count(&c, 0, 1, (long)R, &rep, err)) != FW_OK ||
		    (rc = variant_of(r, &c, 1, &v, err)) != FW_OK)
			break;
		for (j = 2; rc == FW_OK && j < c.nfield; j++) {
			size_t at = (size_t)(rep - 1) * V + v;
			double *x = col[j] >= 0 ? &r->value[at * K +
			    (size_t)col[j]] : &r->draw[at * D +
			    (size_t)(-col[j] - 1)];
			rc = csv_number(&c, j, 1, x, err);
		}
	}
	csv_close(&c);
	free(col);
	return rc;
}

/* The series of timeseries.csv, in the order of their first rows. */
static int
series_names(book_read *r, csv_reader *c, int metric, fw_error *err)
{
	size_t s;

	for (s = 0; s < r->b.nseries; s++)
		if (strcmp(r->series[s], c->field[metric]) == 0)
			return FW_OK;
	if (r->b.nseries == MAX_SERIES)
		return csv_fail(c, err, "holds more than %d series",
		    MAX_SERIES);
	if ((r->series[r->b.nseries] = strdup(c->field[metric])) == NULL)
		return nomem(err);
	r->b.nseries++;
	return FW_OK;
}

/* timeseries.csv: variant, month, metric, mean, p5, p50, p95, read
 * twice: for its series, then for their figures. */
static int
read_series(book_read *r, const char *dir, fw_error *err)
{
	static const char *const stat[5] = { "variant", "month", "metric",
		"mean", "p5" };
	size_t V = r->d->nv, T = (size_t)r->d->T, v, s, pass, i;
	int col[7], rc = FW_OK, got;
	csv_reader c;

	if ((r->series = calloc(MAX_SERIES, sizeof(char *))) == NULL)
		return nomem(err);
	for (pass = 0; rc == FW_OK && pass < 2; pass++) {
		if ((rc = csv_open_table(&c, dir, "timeseries.csv", err)) ==
		    FW_OK) {
			for (i = 0; i < 5; i++)
				col[i] = csv_column(&c, stat[i]);
			col[5] = csv_column(&c, "p50");
			col[6] = csv_column(&c, "p95");
			for (i = 0; i < 7; i++)
				if (col[i] < 0)
					rc = csv_fail(&c, err, "lacks the "
					    "column %s", i < 5 ? stat[i] : i ==
					    5 ? "p50" : "p95");
		}
		if (rc == FW_OK && pass == 1 && (r->band = malloc(V *
		    r->b.nseries * T * sizeof(fw_band) + 1)) == NULL)
			rc = nomem(err);
		for (i = 0; rc == FW_OK && pass == 1 && i < V * r->b.nseries *
		    T; i++)
			r->band[i] = (fw_band){ NAN, NAN, NAN, NAN };
		while (rc == FW_OK && (rc = csv_next(&c, &got, err)) ==
		    FW_OK && got) {
			double x[4];
			long t;
			if (c.nfield < 7) {
				rc = csv_fail(&c, err, "has %zu fields where "
				    "the header has 7", c.nfield);
				break;
			}
			if (pass == 0) {
				rc = series_names(r, &c, col[2], err);
				continue;
			}
			if ((rc = variant_of(r, &c, (size_t)col[0], &v, err)) !=
			    FW_OK || (rc = csv_count(&c, (size_t)col[1], 1,
			    (long)T, &t, err)) != FW_OK)
				break;
			for (s = 0; strcmp(r->series[s], c.field[col[2]]) != 0;
			    s++)
				;
			for (i = 0; rc == FW_OK && i < 4; i++)
				rc = csv_number(&c, (size_t)col[3 + i], 1,
				    &x[i], err);
			if (rc == FW_OK)
				r->band[(v * r->b.nseries + s) * T +
				    (size_t)t - 1] = (fw_band){ x[0], x[1],
				    x[2], x[3] };
		}
		csv_close(&c);
	}
	return rc;
}

/* The scenario the run ran, when its file is at hand unchanged (the
 * SHA-256 run.json records) with the same options, and with the --set
 * changes run.json records made again: the Inputs sheet and the
 * discount rate are read from it. NULL when it is not. */
static fw_scenario *
scenario_of_run(const report *d, const char *dir)
{
	const json *set;
	char path[4096];
	fw_scenario *sc = NULL;
	json *j = NULL;
	size_t i;
	int ok;

	ok = pathf(path, sizeof(path), "%s/run.json", dir) == 0 &&
	    json_load(path, &j, NULL) == FW_OK &&
	    fw_scenario_load(d->scenario_file, &sc, NULL) == FW_OK &&
	    strcmp(fw_scenario_sha256(sc), d->scenario_sha256) == 0 &&
	    fw_scenario_variant_count(sc) == d->nv;
	for (i = 0; ok && i < d->nv; i++)
		ok = strcmp(fw_scenario_variant_name(sc, i), d->names[i]) == 0;
	set = ok ? json_get(j, "overrides") : NULL;
	ok = ok && set != NULL && set->kind == JSON_ARRAY;
	for (i = 0; ok && i < set->n; i++) {
		const json *o = &set->item[i];
		const json *v = json_get(o, "variant");
		ok = v != NULL && (v->kind == JSON_NULL || v->kind ==
		    JSON_STRING) && fw_scenario_set(sc, v->kind == JSON_NULL ?
		    NULL : json_str(o, "variant", ""), json_str(o, "path", ""),
		    json_str(o, "value", ""), NULL) == FW_OK;
	}
	json_free(j);
	if (!ok) {
		fw_scenario_free(sc);
		return NULL;
	}
	return sc;
}

/* The discount rate of sc, NaN when it is uncertain. */
static double
discount_rate(const fw_scenario *sc)
{
	const char *path = "economics.discount_rate";
	int uncertain = 1;
	double x;

	if (fw_scenario_is_uncertain(sc, NULL, path, &uncertain) != FW_OK ||
	    uncertain || fw_scenario_value(sc, NULL, path, 0.5, &x, NULL) !=
	    FW_OK)
		return NAN;
	return x;
}

void
book_read_clear(book_read *r)
{
	size_t i;

	for (i = 0; r->metric != NULL && i < r->b.nmetric; i++)
		free(r->metric[i]);
	for (i = 0; r->drawpath != NULL && i < r->b.ndraw; i++)
		free(r->drawpath[i]);
	for (i = 0; r->series != NULL && i < r->b.nseries; i++)
		free(r->series[i]);
	free(r->metric);
	free(r->drawpath);
	free(r->series);
	free(r->value);
	free(r->draw);
	free(r->band);
	free(r->change);
	fw_scenario_free(r->scenario);
	memset(r, 0, sizeof(*r));
}

int
book_read_dir(const report *d, const char *dir, book_read *r,
    fw_error *err)
{
	size_t i;
	int rc;

	memset(r, 0, sizeof(*r));
	r->d = d;
	if ((r->change = calloc(4 * d->nchange + 1, sizeof(char *))) == NULL)
		return nomem(err);
	for (i = 0; i < d->nchange; i++) {
		r->change[4 * i] = d->names[d->change[i].v];
		r->change[4 * i + 1] = d->change[i].path;
		r->change[4 * i + 2] = d->change[i].from;
		r->change[4 * i + 3] = d->change[i].to;
	}
	if ((rc = read_replications(r, dir, err)) != FW_OK ||
	    (rc = read_series(r, dir, err)) != FW_OK)
		return rc;
	r->scenario = scenario_of_run(d, dir);
	r->b = (fw_book){ .scenario_name = d->scenario,
		.scenario_file = d->scenario_file,
		.scenario_sha256 = d->scenario_sha256, .version = d->version,
		.model = d->model, .finished = d->finished,
		.command_line = d->command_line,
		.calibration = d->calibration,
		.seed = strtoull(d->seed, NULL, 10), .reps = d->R,
		.months = d->T, .discount_rate = r->scenario != NULL ?
		    discount_rate(r->scenario) : NAN, .nvariant = d->nv,
		.name = (const char *const *)d->names, .rec = &d->rec,
		.nmetric = r->b.nmetric,
		.metric = (const char *const *)r->metric, .value = r->value,
		.ndraw = r->b.ndraw,
		.draw_path = (const char *const *)r->drawpath,
		.draw = r->draw, .nseries = r->b.nseries,
		.series = (const char *const *)r->series, .band = r->band,
		.scenario = r->scenario, .nchange = d->nchange,
		.change = r->change };
	return FW_OK;
}
