/* report_read.c - a run's report read from its tables, bounded and
 * checked.
 * SPDX-License-Identifier: MIT */
#include "config.h"

#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "csvread.h"
#include "relpath.h"
#include "jsonread.h"
#include "keyrange.h"
#include "leakchart.h"
#include "optionlook.h"
#include "report.h"
#include "voiread.h"

const char *const run_state_names[RUN_NSTATE] = { "unaware", "engaged",
	"trial", "adopter", "advocate", "lapsed", "switched" };

const char *const run_series_names[RS_STATE] = { "revenue",
	"mean_trust", "gap_rate", "gap_value", "customer_value_at_risk|cvar",
	"patients" };

static int
nomem(fw_error *err)
{
	fw_error_set(err, FW_ENOMEM, "", 0, 0, "", "out of memory");
	return FW_ENOMEM;
}

/* The columns named in want[] (NULL-terminated list of names, each with
 * older names after '|'), into col[]; optional ones may be missing (-1). */
static int
find_columns(const csv_reader *r, const char *const *want, int *col,
    int nrequired, fw_error *err)
{
	char name[128];
	int i;

	for (i = 0; want[i] != NULL; i++) {
		const char *p = want[i];
		col[i] = -1;
		while (col[i] < 0 && *p) {
			size_t n = strcspn(p, "|");
			snprintf(name, sizeof(name), "%.*s", (int)n, p);
			col[i] = csv_column(r, name);
			p += n + (p[n] == '|');
		}
		if (col[i] < 0 && i < nrequired)
			return csv_fail(r, err, "has no column %.*s",
			    (int)strcspn(want[i], "|"), want[i]);
	}
	return FW_OK;
}

static int
variant_of(const report *d, const csv_reader *r, int col, size_t *v,
    fw_error *err)
{
	size_t i;

	if ((size_t)col >= r->nfield)
		return csv_fail(r, err, "has %zu fields where at least %d are "
		    "needed", r->nfield, col + 1);
	for (i = 0; i < d->nv; i++)
		if (strcmp(d->names[i], r->field[col]) == 0) {
			*v = i;
			return FW_OK;
		}
	return csv_fail(r, err, "names a variant that timeseries.csv does not "
	    "(%.60s)", r->field[col]);
}

static int
number(const csv_reader *r, int col, double *x, fw_error *err)
{
	if (col < 0) {
		*x = NAN;
		return FW_OK;
	}
	return csv_number(r, (size_t)col, 1, x, err);
}

/* timeseries.csv, first pass: the variants in order and the horizon. */
static int
read_layout(const char *dir, report *d, fw_error *err)
{
	static const char *const want[] = { "variant", "month", "metric",
		NULL };
	csv_reader r;
	int col[3], got, rc;
	long rows = 0;

	if ((rc = csv_open_table(&r, dir,
	    fw_table_name(FW_TABLE_TIMESERIES), err)) == FW_OK)
		rc = find_columns(&r, want, col, 3, err);
	while (rc == FW_OK && (rc = csv_next(&r, &got, err)) == FW_OK && got) {
		size_t v;
		long t;
		rows++;
		if ((rc = csv_count(&r, (size_t)col[1], 1,
		    key_most("horizon_months"), &t, err)) != FW_OK)
			break;
		if (t > d->T)
			d->T = (int)t;
		if ((size_t)col[0] >= r.nfield) {
			rc = csv_fail(&r, err, "has too few fields");
			break;
		}
		for (v = 0; v < d->nv; v++)
			if (strcmp(d->names[v], r.field[col[0]]) == 0)
				break;
		if (v < d->nv)
			continue;
		if (d->nv == RUN_MAX_VARIANTS) {
			rc = csv_fail(&r, err, "more than %d variants",
			    RUN_MAX_VARIANTS);
			break;
		}
		if ((d->names[d->nv] = strdup(r.field[col[0]])) == NULL) {
			rc = nomem(err);
			break;
		}
		d->nv++;
	}
	if (rc == FW_OK && (d->nv == 0 || d->T == 0))
		rc = csv_fail(&r, err, "holds no rows");
	/* A table holds a row for each variant and month at least. */
	if (rc == FW_OK && (long)d->nv * d->T > rows)
		rc = csv_fail(&r, err, "holds %ld rows, too few for %zu "
		    "variants over %d months", rows, d->nv, d->T);
	csv_close(&r);
	return rc;
}

static int
read_timeseries(const char *dir, report *d, fw_error *err)
{
	static const char *const want[] = { "variant", "month", "metric",
		"mean", "p5", "p50", "p95", NULL };
	csv_reader r;
	int col[7], got, rc, k;

	if ((rc = csv_open_table(&r, dir,
	    fw_table_name(FW_TABLE_TIMESERIES), err)) == FW_OK)
		rc = find_columns(&r, want, col, 4, err);
	while (rc == FW_OK && (rc = csv_next(&r, &got, err)) == FW_OK && got) {
		fw_band b;
		size_t v;
		long t;
		const char *metric;
		if ((rc = variant_of(d, &r, col[0], &v, err)) != FW_OK ||
		    (rc = csv_count(&r, (size_t)col[1], 1, d->T, &t, err)) !=
		    FW_OK)
			break;
		if ((size_t)col[2] >= r.nfield) {
			rc = csv_fail(&r, err, "has too few fields");
			break;
		}
		metric = r.field[col[2]];
		for (k = 0; k < RS_COUNT; k++) {
			const char *names = k < RS_STATE ? run_series_names[k] :
			    run_state_names[k - RS_STATE];
			size_t n = strlen(metric);
			const char *p = names;
			int match = 0;
			while (*p && !match) {
				size_t len = strcspn(p, "|");
				match = len == n && strncmp(p, metric, n) == 0;
				p += len + (p[len] == '|');
			}
			if (match)
				break;
		}
		if (k == RS_COUNT)
			continue;
		if ((rc = number(&r, col[3], &b.mean, err)) != FW_OK ||
		    (rc = number(&r, col[4], &b.p5, err)) != FW_OK ||
		    (rc = number(&r, col[5], &b.p50, err)) != FW_OK ||
		    (rc = number(&r, col[6], &b.p95, err)) != FW_OK)
			break;
		d->series[((size_t)k * d->nv + v) * (size_t)d->T + (size_t)t -
		    1] = b;
	}
	csv_close(&r);
	return rc;
}

static int
read_compare(const char *dir, report *d, fw_error *err)
{
	static const char *const want[] = { "variant", "dnpv_mean",
		"p_dnpv_positive", "payback_month", "dnpv_lo95", "dnpv_hi95",
		"dnpv_p5", "dnpv_p50", "dnpv_p95", "incremental_cost", "roi",
		"dprogram_cost", "dchannel_cost", "compounding", NULL };
	csv_reader r;
	int col[14], got, rc;

	if ((rc = csv_open_table(&r, dir,
	    fw_table_name(FW_TABLE_COMPARE), err)) == FW_OK)
		rc = find_columns(&r, want, col, 4, err);
	while (rc == FW_OK && (rc = csv_next(&r, &got, err)) == FW_OK && got) {
		run_compare *c;
		double pay;
		size_t v;
		if ((rc = variant_of(d, &r, col[0], &v, err)) != FW_OK)
			break;
		if (v == 0) {
			rc = csv_fail(&r, err, "compares the baseline with "
			    "itself");
			break;
		}
		c = &d->cmp[v];
		if ((rc = number(&r, col[1], &c->mean, err)) != FW_OK ||
		    (rc = number(&r, col[2], &c->p_positive, err)) != FW_OK ||
		    (rc = number(&r, col[3], &pay, err)) != FW_OK ||
		    (rc = number(&r, col[4], &c->lo95, err)) != FW_OK ||
		    (rc = number(&r, col[5], &c->hi95, err)) != FW_OK ||
		    (rc = number(&r, col[6], &c->p5, err)) != FW_OK ||
		    (rc = number(&r, col[7], &c->p50, err)) != FW_OK ||
		    (rc = number(&r, col[8], &c->p95, err)) != FW_OK ||
		    (rc = number(&r, col[9], &c->cost, err)) != FW_OK ||
		    (rc = number(&r, col[10], &c->roi, err)) != FW_OK ||
		    (rc = number(&r, col[11], &c->dprogram, err)) != FW_OK ||
		    (rc = number(&r, col[12], &c->dchannel, err)) != FW_OK ||
		    (rc = number(&r, col[13], &c->compounding, err)) != FW_OK)
			break;
		if (!isnan(pay) && (pay != floor(pay) || pay < 1 ||
		    pay > d->T)) {
			rc = csv_fail(&r, err, "payback_month is not a month of "
			    "the run");
			break;
		}
		if (c->p_positive < 0 || c->p_positive > 1) {
			rc = csv_fail(&r, err, "p_dnpv_positive is not a share");
			break;
		}
		c->payback = isnan(pay) ? 0 : (int)pay;
	}
	csv_close(&r);
	return rc;
}

static int
read_paired(const char *dir, report *d, fw_error *err)
{
	static const char *const want[] = { "variant", "month",
		"cum_dcash_mean", "dcash_mean", "cum_dcash_p5", "cum_dcash_p50",
		"cum_dcash_p95", NULL };
	csv_reader r;
	int col[7], got, rc;
	size_t v;

	if ((rc = csv_open_table(&r, dir,
	    fw_table_name(FW_TABLE_PAIRED), err)) == FW_OK)
		rc = find_columns(&r, want, col, 3, err);
	while (rc == FW_OK && (rc = csv_next(&r, &got, err)) == FW_OK && got) {
		size_t at;
		long t;
		fw_band *b;
		if ((rc = variant_of(d, &r, col[0], &v, err)) != FW_OK ||
		    (rc = csv_count(&r, (size_t)col[1], 1, d->T, &t, err)) !=
		    FW_OK)
			break;
		at = v * (size_t)d->T + (size_t)t - 1;
		b = &d->cum[at];
		if ((rc = number(&r, col[2], &b->mean, err)) != FW_OK ||
		    (rc = number(&r, col[3], &d->dcash[at], err)) != FW_OK ||
		    (rc = number(&r, col[4], &b->p5, err)) != FW_OK ||
		    (rc = number(&r, col[5], &b->p50, err)) != FW_OK ||
		    (rc = number(&r, col[6], &b->p95, err)) != FW_OK)
			break;
	}
	csv_close(&r);
	if (rc == FW_OK)
		report_starts(d);
	return rc;
}

void
report_starts(report *d)
{
	size_t v;

	/* Before its start a variant is the baseline, to the bit. */
	for (v = 1; v < d->nv; v++) {
		int t;
		d->start[v] = 1;
		for (t = 1; t <= d->T; t++) {
			double x = d->dcash[v * (size_t)d->T + (size_t)t - 1];
			if (isnan(x) || x != 0)
				break;
			d->start[v] = t + 1;
		}
		if (d->start[v] > d->T)
			d->start[v] = 1;	/* no difference at all */
	}
}

static int
read_summary(const char *dir, report *d, fw_error *err)
{
	static const char *const want[] = { "variant", "metric", "mean",
		"p5", "p50", "p95", "min", "max", NULL };
	csv_reader r;
	int col[8], got, rc;

	if ((rc = csv_open_table(&r, dir,
	    fw_table_name(FW_TABLE_SUMMARY), err)) == FW_OK)
		rc = find_columns(&r, want, col, 3, err);
	while (rc == FW_OK && (rc = csv_next(&r, &got, err)) == FW_OK && got) {
		const char *metric;
		double *to = NULL;
		size_t v;
		if ((rc = variant_of(d, &r, col[0], &v, err)) != FW_OK)
			break;
		if ((size_t)col[1] >= r.nfield) {
			rc = csv_fail(&r, err, "has too few fields");
			break;
		}
		metric = r.field[col[1]];
		if (strcmp(metric, "npv") == 0) {
			fw_stats *s = &d->npv[v];
			if ((rc = number(&r, col[2], &s->mean, err)) != FW_OK ||
			    (rc = number(&r, col[3], &s->p5, err)) != FW_OK ||
			    (rc = number(&r, col[4], &s->p50, err)) != FW_OK ||
			    (rc = number(&r, col[5], &s->p95, err)) != FW_OK ||
			    (rc = number(&r, col[6], &s->min, err)) != FW_OK ||
			    (rc = number(&r, col[7], &s->max, err)) != FW_OK)
				break;
			continue;
		}
		if (strcmp(metric, "program_cost") == 0)
			to = &d->program_cost[v];
		else if (strcmp(metric, "channel_cost") == 0)
			to = &d->channel_cost[v];
		else if (strcmp(metric, "spend_pv") == 0)
			to = &d->spend_pv[v];
		if (to != NULL && (rc = number(&r, col[2], to, err)) != FW_OK)
			break;
	}
	csv_close(&r);
	return rc;
}

/* replications.csv, first pass: how many rows, the highest replication
 * number, and the columns of drawn inputs (their names hold a dot). */
static int
count_replications(const char *dir, report *d, long *rows, fw_error *err)
{
	csv_reader r;
	int rc, got, col;
	size_t i, nhead;

	if ((rc = csv_open_table(&r, dir,
	    fw_table_name(FW_TABLE_REPLICATIONS), err)) != FW_OK) {
		csv_close(&r);
		return rc;
	}
	for (i = 0; i < r.nfield; i++)
		if (strchr(r.field[i], '.') != NULL)
			d->ndraw++;
	nhead = r.nfield;
	if ((d->draw_path = calloc(d->ndraw + 1, sizeof(char *))) == NULL)
		rc = nomem(err);
	d->ndraw = 0;
	for (i = 0; rc == FW_OK && i < r.nfield; i++)
		if (strchr(r.field[i], '.') != NULL &&
		    (d->draw_path[d->ndraw++] = strdup(r.field[i])) == NULL)
			rc = nomem(err);
	col = csv_column(&r, "replication");
	if (rc == FW_OK && col < 0)
		rc = csv_fail(&r, err, "has no column replication");
	*rows = 0;
	while (rc == FW_OK && (rc = csv_next(&r, &got, err)) == FW_OK && got) {
		long rep;
		(*rows)++;
		/* So that rows times columns is bounded by the file's size. */
		if (r.nfield != nhead) {
			rc = csv_fail(&r, err, "has %zu fields where the header "
			    "has %zu", r.nfield, nhead);
			break;
		}
		if ((rc = csv_count(&r, (size_t)col, 1,
		    key_most("replications"), &rep, err)) != FW_OK)
			break;
		if ((size_t)rep > d->R)
			d->R = (size_t)rep;
	}
	/* Every replication has a row for each variant. */
	if (rc == FW_OK && (d->R == 0 || (double)d->R * d->nv > *rows))
		rc = csv_fail(&r, err, "holds %ld rows, too few for %zu "
		    "replications of %zu variants", *rows, d->R, d->nv);
	csv_close(&r);
	return rc;
}

static int
read_replications(const char *dir, report *d, fw_error *err)
{
	static const char *const want[] = { "replication", "variant", "npv",
		NULL };
	csv_reader r;
	size_t i, n, *draw_col = NULL;
	int col[3], got, rc;
	long rows;

	if ((rc = count_replications(dir, d, &rows, err)) != FW_OK)
		return rc;
	n = d->R * d->nv;
	if ((d->rep_npv = malloc(n * sizeof(double))) == NULL ||
	    (d->draw = malloc(n * d->ndraw * sizeof(double) + 1)) == NULL ||
	    (draw_col = calloc(d->ndraw + 1, sizeof(size_t))) == NULL) {
		free(draw_col);
		return nomem(err);
	}
	for (i = 0; i < n; i++)
		d->rep_npv[i] = NAN;
	for (i = 0; i < n * d->ndraw; i++)
		d->draw[i] = NAN;
	if ((rc = csv_open_table(&r, dir,
	    fw_table_name(FW_TABLE_REPLICATIONS), err)) == FW_OK)
		rc = find_columns(&r, want, col, 3, err);
	for (i = 0; rc == FW_OK && i < d->ndraw; i++)
		draw_col[i] = (size_t)csv_column(&r, d->draw_path[i]);
	while (rc == FW_OK && (rc = csv_next(&r, &got, err)) == FW_OK && got) {
		long rep;
		size_t v, at;
		double x;
		if ((rc = csv_count(&r, (size_t)col[0], 1, (long)d->R, &rep,
		    err)) != FW_OK ||
		    (rc = variant_of(d, &r, col[1], &v, err)) != FW_OK ||
		    (rc = csv_number(&r, (size_t)col[2], 0, &x, err)) != FW_OK)
			break;
		at = ((size_t)rep - 1) * d->nv + v;
		if (!isnan(d->rep_npv[at])) {
			rc = csv_fail(&r, err, "replication %ld of %s appears "
			    "twice", rep, d->names[v]);
			break;
		}
		d->rep_npv[at] = x;
		for (i = 0; rc == FW_OK && i < d->ndraw; i++)
			rc = csv_number(&r, draw_col[i], 1,
			    &d->draw[at * d->ndraw + i], err);
	}
	for (i = 0; rc == FW_OK && i < n; i++)
		if (isnan(d->rep_npv[i]))
			rc = csv_fail(&r, err, "has no row for replication %zu "
			    "of %s", i / d->nv + 1, d->names[i % d->nv]);
	csv_close(&r);
	free(draw_col);
	return rc;
}

static char *
dup_or_empty(const char *s)
{
	return strdup(s != NULL ? s : "");
}

/* No dir/../ in the messages that name the path. */
int
report_resolve(const char *dir, char **path, fw_error *err)
{
	size_t n = strlen(dir) + strlen(*path) + 2;
	char *p = malloc(n), *slash, real[PATH_MAX], *q;

	if (p == NULL)
		return nomem(err);
	snprintf(p, n, "%s/%s", dir, *path);
	slash = strrchr(p, '/');
	*slash = '\0';
	if (realpath(p, real) != NULL && (q = malloc(strlen(real) +
	    strlen(slash + 1) + 2)) != NULL) {
		sprintf(q, "%s/%s", real, slash + 1);
		free(p);
		p = q;
	} else
		*slash = '/';
	free(*path);
	*path = p;
	return FW_OK;
}

/* Each variant's label and colour as run.json's variants give them
 * (tables of an earlier version give none: the defaults then). */
static int
read_looks(const json *j, report *d, fw_error *err)
{
	const json *vars = json_get(j, "variants");
	const char **given = calloc(3 * (d->nv + 1), sizeof(char *));
	size_t v, i;
	int rc;

	if (given == NULL)
		return nomem(err);
	for (v = 0; v < d->nv; v++) {
		const json *e = NULL;
		for (i = 0; vars != NULL && vars->kind == JSON_ARRAY &&
		    i < vars->n; i++)
			if (strcmp(json_str(&vars->item[i], "name", ""),
			    d->names[v]) == 0)
				e = &vars->item[i];
		given[v] = json_str(e, "label", "");
		given[d->nv + v] = json_str(e, "description", "");
		given[2 * d->nv + v] = json_str(e, "colour", "");
	}
	rc = report_looks(d, given, given + d->nv, given + 2 * d->nv);
	free(given);
	return rc == FW_OK ? FW_OK : nomem(err);
}

/* run.json: what the run was; a directory without one still draws. */
static int
read_run_json(const char *dir, report *d, fw_error *err)
{
	char path[4096], num[32];
	const json *changes;
	json *j = NULL;
	uint64_t seed;
	size_t i;
	int rc = FW_OK;

	pathf(path, sizeof(path), "%s/%s", dir,
	    fw_table_name(FW_TABLE_RUN_JSON));
	if (access(path, F_OK) == 0)
		rc = json_load(path, &j, err);
	if (rc != FW_OK)
		return rc;
	if (j != NULL && j->kind != JSON_OBJECT) {
		json_free(j);
		fw_error_set(err, FW_EIO, path, 1, 0, "", "not a JSON object: "
		    "not a file flywheel wrote");
		return FW_EIO;
	}
	/* exact: a seed may be any 64-bit number */
	if (json_u64(j, "seed", &seed))
		snprintf(num, sizeof(num), "%llu", (unsigned long long)seed);
	else
		num[0] = '\0';
	if ((d->scenario = dup_or_empty(json_str(j, "scenario_name",
	    ""))) == NULL ||
	    (d->scenario_file = dup_or_empty(json_str(j, "scenario_file",
	    ""))) == NULL ||
	    (d->scenario_hash = dup_or_empty(json_str(j, "scenario_hash",
	    ""))) == NULL ||
	    (d->scenario_sha256 = dup_or_empty(json_str(j,
	    "scenario_sha256", ""))) == NULL ||
	    (d->model = dup_or_empty(json_str(j, "model", ""))) == NULL ||
	    (d->version = dup_or_empty(json_str(j, "flywheel_version",
	    ""))) == NULL ||
	    (d->finished = dup_or_empty(json_str(j, "finished", ""))) ==
	    NULL || (d->seed = strdup(num)) == NULL ||
	    (d->command_line = dup_or_empty(json_str(j, "command_line",
	    ""))) == NULL ||
	    (d->calibration = dup_or_empty(json_str(j, "calibration",
	    ""))) == NULL)
		rc = nomem(err);
	/* run.json names its fit table from the results directory */
	if (rc == FW_OK && *d->calibration != '\0' && *d->calibration != '/')
		rc = report_resolve(dir, &d->calibration, err);
	changes = json_get(j, "changes");
	if (rc == FW_OK && changes != NULL && changes->kind == JSON_ARRAY &&
	    (d->change = calloc(changes->n + 1, sizeof(run_change))) == NULL)
		rc = nomem(err);
	for (i = 0; rc == FW_OK && d->change != NULL && i < changes->n; i++) {
		const json *c = &changes->item[i];
		const char *name = json_str(c, "variant", "");
		run_change *to = &d->change[d->nchange];
		size_t v;
		for (v = 1; v < d->nv; v++)
			if (strcmp(d->names[v], name) == 0)
				break;
		if (v == d->nv)
			continue;
		to->v = v;
		if ((to->path = dup_or_empty(json_str(c, "path", ""))) ==
		    NULL || (to->from = dup_or_empty(json_str(c, "baseline",
		    ""))) == NULL || (to->to = dup_or_empty(json_str(c,
		    "value", ""))) == NULL) {
			d->nchange++;
			rc = nomem(err);
			break;
		}
		d->nchange++;
	}
	if (rc == FW_OK)
		rc = read_looks(j, d, err);
	json_free(j);
	return rc;
}

int
report_allocate(report *d, fw_error *err)
{
	size_t n = d->nv * (size_t)d->T, i;

	d->series = malloc(RS_COUNT * n * sizeof(fw_band));
	d->cum = malloc(n * sizeof(fw_band));
	d->dcash = malloc(n * sizeof(double));
	d->cmp = calloc(d->nv, sizeof(run_compare));
	d->start = calloc(d->nv, sizeof(int));
	d->npv = calloc(d->nv, sizeof(fw_stats));
	d->program_cost = malloc(d->nv * sizeof(double));
	d->channel_cost = malloc(d->nv * sizeof(double));
	d->spend_pv = malloc(d->nv * sizeof(double));
	if (d->series == NULL || d->cum == NULL || d->dcash == NULL ||
	    d->cmp == NULL || d->start == NULL || d->npv == NULL ||
	    d->program_cost == NULL || d->channel_cost == NULL ||
	    d->spend_pv == NULL)
		return nomem(err);
	for (i = 0; i < RS_COUNT * n; i++)
		d->series[i] = (fw_band){ NAN, NAN, NAN, NAN };
	for (i = 0; i < n; i++) {
		d->cum[i] = (fw_band){ NAN, NAN, NAN, NAN };
		d->dcash[i] = NAN;
	}
	for (i = 0; i < d->nv; i++) {
		d->cmp[i] = (run_compare){ NAN, NAN, NAN, NAN, NAN, NAN, NAN,
			0, NAN, NAN, NAN, NAN, NAN };
		d->npv[i] = (fw_stats){ NAN, NAN, NAN, NAN, NAN, NAN, NAN,
			NAN, NAN, NAN, NAN };
		d->program_cost[i] = d->channel_cost[i] = d->spend_pv[i] = NAN;
		d->start[i] = 1;
	}
	return FW_OK;
}

/* The recommendation from the tables' figures, as fw_run_recommend()
 * gives it from the run itself. */
static int
recommend(report *d)
{
	fw_option *opt = calloc(d->nv, sizeof(fw_option));
	size_t v;
	int rc;

	if (opt == NULL)
		return FW_ENOMEM;
	for (v = 1; v < d->nv; v++)
		opt[v - 1] = (fw_option){ .variant = v, .name = d->names[v],
			.payback = d->cmp[v].payback,
			.compounding = d->cmp[v].compounding,
			.spend = d->spend_pv[v],
			.program_cost = d->program_cost[v],
			.cost = d->cmp[v].cost };
	rc = fw_recommend(d->rep_npv, d->R, d->nv, d->T, opt, &d->rec);
	free(opt);
	return rc;
}

int
report_read(const char *dir, report *d, fw_error *err)
{
	int rc;

	memset(d, 0, sizeof(*d));
	if ((d->names = calloc(RUN_MAX_VARIANTS, sizeof(char *))) == NULL)
		return nomem(err);
	if ((rc = read_layout(dir, d, err)) != FW_OK ||
	    (rc = report_allocate(d, err)) != FW_OK ||
	    (rc = read_timeseries(dir, d, err)) != FW_OK ||
	    (rc = read_summary(dir, d, err)) != FW_OK ||
	    (rc = read_replications(dir, d, err)) != FW_OK ||
	    (rc = read_run_json(dir, d, err)) != FW_OK ||
	    (rc = leak_chart_of_run(dir, d->scenario_hash, d->seed, d->T,
	    d->command_line, &d->leak, err)) != FW_OK ||
	    (rc = voi_of_run(dir, &d->voi, err)) != FW_OK)
		return rc;
	if (d->nv > 1 && ((rc = read_compare(dir, d, err)) != FW_OK ||
	    (rc = read_paired(dir, d, err)) != FW_OK))
		return rc;
	if (recommend(d) != FW_OK)
		return nomem(err);
	return FW_OK;
}

void
report_free(report *d)
{
	size_t i;

	for (i = 0; d->names != NULL && i < d->nv; i++)
		free(d->names[i]);
	for (i = 0; d->labels != NULL && i < d->nv; i++)
		free(d->labels[i]);
	free(d->labels);
	free(d->colour);
	for (i = 0; d->draw_path != NULL && i < d->ndraw; i++)
		free(d->draw_path[i]);
	for (i = 0; i < d->nchange; i++) {
		free(d->change[i].path);
		free(d->change[i].from);
		free(d->change[i].to);
	}
	free(d->voi);
	free(d->names);
	free(d->draw_path);
	free(d->change);
	free(d->scenario);
	free(d->scenario_file);
	free(d->scenario_hash);
	free(d->scenario_sha256);
	free(d->calibration);
	free(d->model);
	free(d->version);
	free(d->finished);
	free(d->seed);
	free(d->command_line);
	leak_chart_free(d->leak);
	free(d->series);
	free(d->cmp);
	free(d->cum);
	free(d->dcash);
	free(d->start);
	free(d->npv);
	free(d->program_cost);
	free(d->channel_cost);
	free(d->spend_pv);
	free(d->rep_npv);
	free(d->draw);
	fw_recommendation_free(&d->rec);
	memset(d, 0, sizeof(*d));
}

const fw_band *
report_band(const report *d, int k, size_t v, int t)
{
	return &d->series[((size_t)k * d->nv + v) * (size_t)d->T +
	    (size_t)t - 1];
}
