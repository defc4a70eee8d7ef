/* sweeprun.c - running a sweep point by point into sweep.csv, resuming an
 * interrupted one after checking every row it keeps, and the sensitivity
 * table at the end.
 * SPDX-License-Identifier: MIT
 *
 * sweep.csv has one row per point: its number, its Sobol' block (sobol
 * designs), the parameters' values, the mean, standard error and
 * percentiles of each metric, and row_hash, the FNV-1a hash of the row's
 * text before it. A resumed sweep keeps a row only if its hash holds and
 * its point and values are the design's own, so that a cut, swapped or
 * edited row is refused with its line, never silently used.
 */
#include "config.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#ifdef _OPENMP
#include <omp.h>
#endif

#include "cluster.h"
#include "csv.h"
#include "csvread.h"
#include "outdir.h"
#include "outfiles.h"
#include "pool.h"
#include "sweeprun.h"

static const char *const stat_names[] = { "mean", "se", "p5", "p50",
	"p95" };
#define NSTATS 5

static int
nomem(fw_error *err)
{
	fw_error_set(err, FW_ENOMEM, "", 0, 0, "", "out of memory");
	return FW_ENOMEM;
}

/* A sweep that cannot go on: says why, about dir. */
static int
sweep_refuse(fw_error *err, const char *dir, const char *why)
{
	fw_error_set(err, FW_ERUN, dir, 0, 0, "", "%s", why);
	return FW_ERUN;
}

static char *
dir_file(const sweep_job *job, const char *name)
{
	size_t n = strlen(job->dir) + strlen(name) + 2;
	char *p = malloc(n);

	if (p != NULL)
		snprintf(p, n, "%s/%s", job->dir, name);
	return p;
}

static int
add_column(sweep_job *job, char *name)
{
	size_t i;

	if (name == NULL)
		return FW_ENOMEM;
	for (i = 0; i < job->ncolumn; i++)
		if (strcmp(job->column[i], name) == 0) {
			free(name);
			return FW_EINVALID;
		}
	job->column[job->ncolumn++] = name;
	return FW_OK;
}

/* The columns of sweep.csv. */
static int
make_columns(sweep_job *job, fw_error *err)
{
	const fw_sweep *sw = job->sw;
	size_t P = fw_sweep_param_count(sw), M = fw_sweep_metric_count(sw);
	size_t j, m, s;
	int rc;

	job->sobol = strcmp(fw_sweep_design(sw), "sobol") == 0;
	if ((job->column = calloc(3 + P + M * NSTATS, sizeof(char *))) == NULL)
		return nomem(err);
	rc = add_column(job, strdup("point"));
	if (rc == FW_OK && job->sobol)
		rc = add_column(job, strdup("block"));
	for (j = 0; rc == FW_OK && j < P; j++) {
		const char *v = fw_sweep_param_variant(sw, j);
		char prefix[128];
		snprintf(prefix, sizeof(prefix), "%s%s", v ? v : "",
		    v ? ":" : "");
		rc = add_column(job, csv_column_name(prefix,
		    fw_sweep_param_path(sw, j), ""));
	}
	for (m = 0; rc == FW_OK && m < M; m++)
		for (s = 0; rc == FW_OK && s < NSTATS; s++) {
			char suffix[16];
			snprintf(suffix, sizeof(suffix), "_%s", stat_names[s]);
			rc = add_column(job, csv_column_name("",
			    fw_sweep_metric_label(sw, m), suffix));
		}
	if (rc == FW_OK)
		rc = add_column(job, strdup("row_hash"));
	if (rc == FW_EINVALID)
		fw_error_set(err, FW_EINVALID, fw_sweep_file(sw), 0, 0, "",
		    "two columns of sweep.csv would have the same name (%s); "
		    "rename a variant", job->column[job->ncolumn - 1]);
	else if (rc != FW_OK)
		return nomem(err);
	return rc;
}

/* The text of the header row, with its line break. */
static char *
header_text(const sweep_job *job)
{
	char *text = NULL;
	size_t len = 0, i;
	FILE *f = open_memstream(&text, &len);

	if (f == NULL)
		return NULL;
	for (i = 0; i < job->ncolumn; i++) {
		fputs(i ? "," : "", f);
		fputs(job->column[i], f);
	}
	fputc('\n', f);
	if (fclose(f) != 0) {
		free(text);
		return NULL;
	}
	return text;
}

/* Point i's value of parameter j as it is written: the design's, or the
 * scenario's own where the design keeps it. */
static double
point_value(const fw_sweep *sw, size_t i, size_t j)
{
	double x = fw_sweep_value(sw, i, j);

	return isnan(x) ? fw_sweep_base_value(sw, j) : x;
}

/* The leading fields of point i's row, which the design alone decides:
 * number, block and parameter values. */
static void
put_point(FILE *f, const fw_sweep *sw, size_t i, int sobol)
{
	char block[16];
	size_t j;

	fprintf(f, "%zu", i + 1);
	if (sobol) {
		fw_sweep_block(sw, i, block, sizeof(block));
		fprintf(f, ",%s", block);
	}
	for (j = 0; j < fw_sweep_param_count(sw); j++) {
		fputc(',', f);
		csv_real(f, point_value(sw, i, j));
	}
}

/* sweep.json: what identifies the sweep and the whole design. A resume
 * goes on only where this text is the same byte for byte. */
static char *
sweep_json(const sweep_job *job)
{
	const fw_sweep *sw = job->sw;
	fw_scenario *sc = fw_sweep_scenario(job->sw);
	size_t P = fw_sweep_param_count(sw), M = fw_sweep_metric_count(sw);
	size_t len = 0, i, j;
	char *text = NULL;
	FILE *f = open_memstream(&text, &len);
	char *yaml = NULL, hash[32];

	if (f == NULL || fw_scenario_yaml(sc, &yaml) != FW_OK) {
		if (f != NULL)
			fclose(f);
		free(text);
		fw_free(yaml);
		return NULL;
	}
	/* The resolved scenario stands for the file and any --set. */
	fw_hash(yaml, strlen(yaml), hash, sizeof(hash));
	fw_free(yaml);
	fputs("{\n  \"flywheel_version\": ", f);
	fw_write_json_text(f, fw_version());
	json_member(f, "sweep_file", fw_sweep_file(sw));
	json_member(f, "sweep_hash", fw_sweep_hash(sw));
	json_member(f, "scenario_file", fw_scenario_file(sc));
	json_member(f, "scenario_hash", fw_scenario_hash(sc));
	json_member(f, "resolved_scenario_hash", hash);
	json_member(f, "design", fw_sweep_design(sw));
	fprintf(f, ",\n  \"replications\": %llu,\n  \"months\": %d,\n"
	    "  \"seed\": %llu,\n  \"points\": %zu,\n  \"parameters\": [",
	    (unsigned long long)fw_sweep_replications(sw),
	    fw_sweep_months(sw), (unsigned long long)fw_sweep_seed(sw),
	    fw_sweep_points(sw));
	if (job->nshard > 1)
		fprintf(f, "\n  \"shard\": \"%d/%d\", \"shard_points\": "
		    "[%zu, %zu],", job->shard, job->nshard, job->first + 1,
		    job->last);
	for (j = 0; j < P; j++) {
		const char *v = fw_sweep_param_variant(sw, j);
		double lo, hi;
		fw_sweep_param_range(sw, j, &lo, &hi);
		fputs(j ? ",\n    {\"path\": " : "\n    {\"path\": ", f);
		fw_write_json_text(f, fw_sweep_param_path(sw, j));
		fputs(", \"variant\": ", f);
		fw_write_json_text(f, v ? v : "");
		fputs(", \"column\": ", f);
		fw_write_json_text(f, job->column[1 + job->sobol + j]);
		fputs(", \"low\": ", f);
		csv_real(f, lo);
		fputs(", \"high\": ", f);
		csv_real(f, hi);
		fputs("}", f);
	}
	fputs("\n  ],\n  \"metrics\": [", f);
	for (j = 0; j < M; j++) {
		fputs(j ? ", " : "", f);
		fw_write_json_text(f, fw_sweep_metric_label(sw, j));
	}
	fputs("],\n  \"design_points\": [", f);
	for (i = 0; i < fw_sweep_points(sw); i++) {
		fputs(i ? ",\n    [" : "\n    [", f);
		for (j = 0; j < P; j++) {
			fputs(j ? ", " : "", f);
			if (isnan(fw_sweep_value(sw, i, j)))
				fputs("null", f);
			else
				csv_real(f, fw_sweep_value(sw, i, j));
		}
		fputs("]", f);
	}
	fputs("\n  ]\n}\n", f);
	if (fclose(f) != 0) {
		free(text);
		return NULL;
	}
	return text;
}

/* Writes text to dir/name through a temporary file and a rename. */
static int
write_whole(const sweep_job *job, const char *name, char *text,
    fw_error *err)
{
	size_t len = strlen(text);

	return write_texts(job->dir, 1, &name, &text, &len, err);
}

static char *
read_all(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL;
	long size;

	if (f == NULL)
		return NULL;
	if (fseek(f, 0, SEEK_END) == 0 && (size = ftell(f)) >= 0 &&
	    fseek(f, 0, SEEK_SET) == 0 &&
	    (buf = malloc((size_t)size + 1)) != NULL) {
		*len = fread(buf, 1, (size_t)size, f);
		buf[*len] = '\0';
	}
	fclose(f);
	return buf;
}

/* Checks row r (point r.line - 1) of an interrupted sweep.csv: its hash,
 * its point, its block and its parameter values. */
static int
check_row(const sweep_job *job, const csv_reader *r, fw_error *err)
{
	const char *comma = strrchr(r->raw, ',');
	size_t i = job->first + (size_t)r->line - 2, len = 0;
	char hash[32], *lead = NULL;
	FILE *f;
	int same;

	if (r->nfield != job->ncolumn)
		return csv_fail(r, err, "has %zu fields, not %zu: the row is "
		    "damaged; run the sweep again in a new directory",
		    r->nfield, job->ncolumn);
	fw_hash(r->raw, (size_t)(comma - r->raw), hash, sizeof(hash));
	if (strcmp(hash, r->field[r->nfield - 1]) != 0)
		return csv_fail(r, err, "its row_hash does not match the row: "
		    "the row was changed after it was written; run the sweep "
		    "again in a new directory");
	if (i >= job->last)
		return csv_fail(r, err, "a row beyond the %zu points of the "
		    "sweep%s", job->last - job->first, job->nshard > 1 ?
		    "'s shard" : "");
	if ((f = open_memstream(&lead, &len)) == NULL)
		return nomem(err);
	put_point(f, job->sw, i, job->sobol);
	if (fclose(f) != 0) {
		free(lead);
		return nomem(err);
	}
	same = strncmp(r->raw, lead, len) == 0 && r->raw[len] == ',';
	free(lead);
	if (!same)
		return csv_fail(r, err, "is not point %zu of this sweep's "
		    "design (rows out of order, or another design's); run the "
		    "sweep again in a new directory", i + 1);
	return FW_OK;
}

/* Keeps the checked rows of an interrupted sweep.csv; a last row cut
 * short by the interruption (no line break) is dropped. */
static int
resume_rows(sweep_job *job, const char *head, fw_error *err)
{
	char *path = dir_file(job, "sweep.csv");
	FILE *w = path != NULL ? out_append(path, err) : NULL;
	csv_reader r;
	long keep = 0;
	int got = 1, rc = path == NULL ? nomem(err) : FW_EIO;

	if (w == NULL) {
		free(path);
		return rc;
	}
	rc = csv_open(&r, path, err);
	if (rc == FW_OK && (rc = csv_next(&r, &got, err)) == FW_OK &&
	    (!got || strncmp(r.raw, head, strlen(head) - 1) != 0 ||
	    r.rawlen != strlen(head) - 1))
		rc = csv_fail(&r, err, "its header is not this sweep's; start "
		    "again in another directory");
	if (rc == FW_OK)
		keep = ftell(r.f);
	while (rc == FW_OK && (rc = csv_next(&r, &got, err)) == FW_OK &&
	    got && r.ended) {
		if ((rc = check_row(job, &r, err)) != FW_OK)
			break;
		job->done++;
		keep = ftell(r.f);
	}
	csv_close(&r);
	/* through the descriptor: a link is refused above */
	if (rc == FW_OK && ftruncate(fileno(w), (off_t)keep) != 0) {
		fw_error_set(err, FW_EIO, path, 0, 0, "", "cannot drop the "
		    "unfinished last row: %s", strerror(errno));
		rc = FW_EIO;
	}
	fclose(w);
	free(path);
	return rc;
}

/* Points first .. last - 1 of shard `shard` of n: a contiguous share. */
static void
shard_range(size_t points, int shard, int n, size_t *first, size_t *last)
{
	*first = points * (size_t)(shard - 1) / (size_t)n;
	*last = points * (size_t)shard / (size_t)n;
}

/* The files of sweep_open_shard, on rank 0 alone. */
static int
open_files(sweep_job *job, const char *dir, int mode, const char *head,
    char *json, fw_error *err)
{
	char *old = NULL, *path = dir_file(job, "sweep.json");
	size_t len;
	int rc;

	if (path == NULL)
		return nomem(err);
	if (make_dirs(dir) != 0) {
		fw_error_set(err, FW_EIO, dir, 0, 0, "", "cannot create the "
		    "output directory: %s", strerror(errno));
		free(path);
		return FW_EIO;
	}
	old = read_all(path, &len);
	if (mode == SWEEP_RESUME && old == NULL)
		rc = sweep_refuse(err, dir, "holds no sweep to resume (no "
		    "sweep.json)");
	else if (mode == SWEEP_RESUME && strcmp(old, json) != 0)
		rc = sweep_refuse(err, dir, "was written by another version of "
		    "the sweep, of its scenario or of their settings "
		    "(sweep.json differs); resuming would mix results: run "
		    "without --resume into a new directory");
	else if (mode == SWEEP_RESUME)
		rc = resume_rows(job, head, err);
	else if (old != NULL)
		rc = sweep_refuse(err, dir, "already holds a sweep: continue "
		    "it with --resume, or choose another directory");
	/* A merge writes both once every shard is read: a refused one
	 * leaves nothing to block a retry. */
	else if (mode == SWEEP_MERGE)
		rc = FW_OK;
	else if ((rc = write_whole(job, "sweep.json", json, err)) == FW_OK)
		rc = write_whole(job, "sweep.csv", (char *)head, err);
	free(old);
	free(path);
	return rc;
}

int
sweep_open_shard(sweep_job *job, fw_sweep *sw, const char *dir, int mode,
    int threads, int shard, int nshard, fw_error *err)
{
	char *head = NULL, *json = NULL;
	int rc;

	memset(job, 0, sizeof(*job));
	job->sw = sw;
	job->threads = threads;
	job->shard = nshard > 1 ? shard : 1;
	job->nshard = nshard > 1 ? nshard : 1;
	shard_range(fw_sweep_points(sw), job->shard, job->nshard, &job->first,
	    &job->last);
	job->done = job->first;
	if ((job->dir = strdup(dir)) == NULL)
		return nomem(err);
	if ((rc = make_columns(job, err)) != FW_OK)
		return rc;
	if ((head = header_text(job)) == NULL ||
	    (json = sweep_json(job)) == NULL)
		rc = nomem(err);
	/* Rank 0 alone reads and writes the directory, and tells the
	 * others where the sweep stands. */
	else if (cluster_rank() == 0)
		rc = open_files(job, dir, mode, head, json, err);
	cluster_share(&rc, &job->done);
	free(json);
	free(head);
	return rc;
}

int
sweep_open(sweep_job *job, fw_sweep *sw, const char *dir, int mode,
    int threads, fw_error *err)
{
	return sweep_open_shard(job, sw, dir, mode, threads, 1, 1, err);
}

/* The statistics of metric m at a point, from its run. */
static int
metric_stats(const sweep_job *job, size_t m, const fw_run *run, double *x,
    double stats[NSTATS])
{
	fw_stats s;
	int rc = fw_sweep_metric_values(job->sw, m, run, x);

	if (rc == FW_OK)
		fw_stats_of(x, fw_run_replications(run), &s);
	stats[0] = s.mean;
	stats[1] = s.se;
	stats[2] = s.p5;
	stats[3] = s.p50;
	stats[4] = s.p95;
	return rc;
}

/* Runs point i on `threads` threads into *row, its text without the
 * hash. */
static int
run_point(const sweep_job *job, size_t i, int threads, char **row,
    size_t *len, fw_error *err)
{
	const fw_sweep *sw = job->sw;
	fw_run_options opt = { 0 };
	fw_scenario *sc = NULL;
	fw_run *run = NULL;
	double *x = NULL, stats[NSTATS];
	FILE *f = NULL;
	size_t m;
	int rc;

	*row = NULL;
	opt.replications = fw_sweep_replications(sw);
	opt.months = fw_sweep_months(sw);
	opt.seed = fw_sweep_seed(sw);
	opt.seed_set = 1;
	opt.threads = threads;
	rc = fw_sweep_point_scenario(sw, i, &sc, err);
	if (rc == FW_OK && (rc = fw_run_alloc(sc, &opt, &run, err)) == FW_OK)
		rc = fw_run_finish(run, err);
	if (rc == FW_OK && ((x = malloc(opt.replications * sizeof(double))) ==
	    NULL || (f = open_memstream(row, len)) == NULL))
		rc = nomem(err);
	if (rc == FW_OK) {
		put_point(f, sw, i, job->sobol);
		for (m = 0; rc == FW_OK && m < fw_sweep_metric_count(sw); m++)
			if ((rc = metric_stats(job, m, run, x, stats)) == FW_OK)
				csv_reals(f, stats, NSTATS);
	}
	if (f != NULL && fclose(f) != 0 && rc == FW_OK)
		rc = nomem(err);
	if (rc != FW_OK) {
		free(*row);
		*row = NULL;
	}
	free(x);
	fw_run_free(run);
	fw_scenario_free(sc);
	return rc;
}

/* Opens sweep.csv to append rows. */
static FILE *
open_rows(const sweep_job *job, fw_error *err)
{
	char *path = dir_file(job, "sweep.csv");
	FILE *out = path != NULL ? out_append(path, err) : NULL;

	if (path == NULL)
		nomem(err);
	free(path);
	return out;
}

/* Appends rows from .. to - 1 with their hashes to out, on their way to
 * the file (written, not yet synced) before it returns. */
static int
put_rows(FILE *out, char **row, const size_t *len, size_t from, size_t to)
{
	char hash[32];
	size_t i;

	for (i = from; i < to; i++) {
		fw_hash(row[i], len[i], hash, sizeof(hash));
		if (fprintf(out, "%s,%s\n", row[i], hash) < 0)
			return FW_EIO;
	}
	return fflush(out) != 0 ? FW_EIO : FW_OK;
}

/* Ends the appending to sweep.csv: its rows on disk. rc is how the
 * writing went so far. */
static int
close_rows(const sweep_job *job, FILE *out, int rc, fw_error *err)
{
	char *path;
	int why;

	if (rc == FW_OK && (fflush(out) != 0 || fsync(fileno(out)) != 0))
		rc = FW_EIO;
	if (fclose(out) != 0)
		rc = FW_EIO;
	if (rc != FW_OK) {
		why = errno;
		path = dir_file(job, "sweep.csv");
		fw_error_set(err, FW_EIO, path != NULL ? path : job->dir, 0, 0,
		    "", "cannot append to sweep.csv: %s", strerror(why));
		free(path);
	}
	return rc;
}

/* The threads the sweep may use. */
static int
pool_threads(const sweep_job *job)
{
	if (job->threads > 0)
		return job->threads;
#ifdef _OPENMP
	return omp_get_max_threads();
#else
	return 1;
#endif
}

/* The points of one step that this rank runs: point first + offset +
 * k * stride for task k, its row in row[offset + k * stride]. With one
 * rank, the rows go to out as soon as every point before them is done. */
typedef struct step_share {
	sweep_job *job;
	size_t first;
	size_t offset, stride;
	char **row;
	size_t *len;
	FILE *out;		/* NULL: the rows are written after the step */
	int wrote;		/* how the writing to out went */
} step_share;

static int
point_task(void *ctx, size_t k, int threads, fw_error *err)
{
	step_share *sh = ctx;
	size_t b = sh->offset + k * sh->stride;

	return run_point(sh->job, sh->first + b, threads, &sh->row[b],
	    &sh->len[b], err);
}

/* Writes the rows of points finished since the last call; the pool
 * calls it in point order. */
static int
rows_done(void *ctx, size_t done)
{
	step_share *sh = ctx;
	sweep_job *job = sh->job;
	size_t from = job->done - sh->first, i;

	sh->wrote = put_rows(sh->out, sh->row, sh->len, from, done);
	if (sh->wrote != FW_OK)
		return 1;
	for (i = from; i < done; i++) {
		free(sh->row[i]);
		sh->row[i] = NULL;
	}
	job->done = sh->first + done;
	if (job->progress != NULL)
		job->progress(job);
	return 0;
}

/* Under MPI: every rank's rows to rank 0, which writes them all; each
 * rank learns how that went. */
static int
gather_rows(step_share *sh, size_t n, fw_error *err)
{
	size_t count = n;
	int wrote = FW_OK;

	cluster_gather_rows(sh->row, sh->len, n);
	if (cluster_rank() == 0) {
		if ((sh->out = open_rows(sh->job, err)) == NULL)
			wrote = FW_EIO;
		else
			wrote = close_rows(sh->job, sh->out, put_rows(sh->out,
			    sh->row, sh->len, 0, n), err);
		sh->out = NULL;
	}
	cluster_share(&wrote, &count);
	if (wrote == FW_OK)
		sh->job->done += count;
	return wrote;
}

int
sweep_step(sweep_job *job, fw_error *err)
{
	const int threads = pool_threads(job);
	const size_t ranks = (size_t)cluster_size(), me = (size_t)cluster_rank();
	/* A point with replications enough for every thread runs alone on
	 * all of them; smaller ones run side by side. */
	const int wide = fw_sweep_replications(job->sw) >= 4 *
	    (uint64_t)threads;
	/* One process runs every point left in one step, writing each row
	 * as soon as the points before it are done; MPI ranks share out a
	 * batch, whose rows rank 0 gathers and writes. */
	size_t n = ranks == 1 ? job->last - job->done :
	    (wide ? 1 : pool_batch(threads)) * ranks, mine, i, k;
	step_share sh = { job, job->done, me, ranks, NULL, NULL, NULL, FW_OK };
	fw_error *errs = NULL;
	int rc = FW_OK, *status = NULL;

	if (n > job->last - job->done)
		n = job->last - job->done;
	if (n == 0)
		return FW_OK;
	mine = n > me ? (n - me + ranks - 1) / ranks : 0;
	if ((sh.row = calloc(n, sizeof(char *))) == NULL ||
	    (sh.len = calloc(n, sizeof(size_t))) == NULL ||
	    (status = calloc(mine + 1, sizeof(int))) == NULL ||
	    (errs = calloc(mine + 1, sizeof(fw_error))) == NULL) {
		free(sh.row);
		free(sh.len);
		free(status);
		return nomem(err);
	}
	if (ranks == 1 && (sh.out = open_rows(job, err)) == NULL)
		rc = FW_EIO;
	if (rc == FW_OK)
		pool_run(mine, threads, wide, point_task, ranks == 1 ?
		    rows_done : NULL, &sh, status, errs);
	/* The first failure in point order is the one reported; rows before
	 * it are kept. Under MPI a rank's failure stops the job. */
	for (k = 0; rc == FW_OK && k < mine && status[k] == FW_OK; k++)
		;
	if (rc == FW_OK && k < mine && status[k] != POOL_NOT_RUN) {
		if (ranks > 1)
			cluster_abort(status[k], &errs[k]);
		rc = status[k];
		*err = errs[k];
	}
	if (sh.out != NULL) {
		int wrote = close_rows(job, sh.out, sh.wrote, rc == FW_OK ?
		    err : &errs[0]);
		if (rc == FW_OK)
			rc = wrote;
	} else if (rc == FW_OK && ranks > 1)
		rc = gather_rows(&sh, n, err);
	for (i = 0; i < n; i++)
		free(sh.row[i]);
	free(sh.row);
	free(sh.len);
	free(status);
	free(errs);
	return rc;
}

/* The mean of every metric at every point, read back from sweep.csv so
 * that a resumed sweep ends exactly as an uninterrupted one. */
static int
read_means(const sweep_job *job, double *y, fw_error *err)
{
	const fw_sweep *sw = job->sw;
	const size_t N = fw_sweep_points(sw), M = fw_sweep_metric_count(sw);
	const size_t first = 1 + (size_t)job->sobol + fw_sweep_param_count(sw);
	char *path = dir_file(job, "sweep.csv");
	csv_reader r;
	size_t i = 0, m;
	int got = 1, rc;

	if (path == NULL)
		return nomem(err);
	rc = csv_open(&r, path, err);
	if (rc == FW_OK)
		rc = csv_next(&r, &got, err);
	while (rc == FW_OK && (rc = csv_next(&r, &got, err)) == FW_OK && got) {
		if (i >= N || (rc = check_row(job, &r, err)) != FW_OK) {
			if (rc == FW_OK)
				rc = csv_fail(&r, err, "more rows than points");
			break;
		}
		for (m = 0; rc == FW_OK && m < M; m++)
			rc = csv_number(&r, first + m * NSTATS, 1,
			    &y[m * N + i], err);
		i++;
	}
	if (rc == FW_OK && i != N)
		rc = csv_fail(&r, err, "holds %zu points of %zu", i, N);
	csv_close(&r);
	free(path);
	return rc;
}

int
sweep_finish(sweep_job *job, fw_error *err)
{
	const fw_sweep *sw = job->sw;
	const size_t N = fw_sweep_points(sw), M = fw_sweep_metric_count(sw);
	const size_t P = fw_sweep_param_count(sw);
	const int oneway = strcmp(fw_sweep_design(sw), "oneway") == 0;
	fw_sensitivity *s = NULL;
	double *y = NULL;
	char *text = NULL;
	size_t len = 0, m, j;
	FILE *f = NULL;
	int rc = FW_OK;

	if (job->nshard > 1)
		return FW_OK;
	if (job->done < N)
		return sweep_refuse(err, job->dir, "the sweep is not finished");
	if ((!oneway && !job->sobol) || cluster_rank() != 0)
		return FW_OK;
	if ((y = malloc(N * M * sizeof(double) + 1)) == NULL ||
	    (s = calloc(P, sizeof(*s))) == NULL ||
	    (f = open_memstream(&text, &len)) == NULL)
		rc = nomem(err);
	if (rc == FW_OK)
		rc = read_means(job, y, err);
	if (rc == FW_OK)
		fputs(oneway ? "metric,parameter,low,high,at_base,at_low,"
		    "at_high,swing\n" : "metric,parameter,s1,s1_lo95,s1_hi95,"
		    "st,st_lo95,st_hi95\n", f);
	for (m = 0; rc == FW_OK && m < M; m++) {
		if ((rc = fw_sweep_sensitivity(sw, y + m * N, N, s)) != FW_OK) {
			nomem(err);
			break;
		}
		for (j = 0; j < P; j++) {
			const char *v = fw_sweep_param_variant(sw, j);
			fw_write_csv_text(f, fw_sweep_metric_label(sw, m));
			fprintf(f, ",%s%s%s", v ? v : "", v ? ":" : "",
			    fw_sweep_param_path(sw, j));
			if (oneway)
				csv_reals(f, (const double[]){ s[j].low,
				    s[j].high, s[j].at_base, s[j].at_low,
				    s[j].at_high, s[j].swing }, 6);
			else
				csv_reals(f, (const double[]){ s[j].s1,
				    s[j].s1_lo95, s[j].s1_hi95, s[j].st,
				    s[j].st_lo95, s[j].st_hi95 }, 6);
			fputc('\n', f);
		}
	}
	if (f != NULL && fclose(f) != 0 && rc == FW_OK)
		rc = nomem(err);
	if (rc == FW_OK)
		rc = write_whole(job, "sensitivity.csv", text, err);
	free(text);
	free(s);
	free(y);
	return rc;
}

/* Checks shard dir against this sweep's shard `shard` of n and adds its
 * rows, checked one by one, to rows. */
static int
merge_shard(const sweep_job *job, const char *dir, int shard, int n,
    FILE *rows, fw_error *err)
{
	sweep_job part = *job;
	char *json = NULL, *old = NULL, *path = NULL, *head = NULL;
	csv_reader r;
	size_t len, count = 0;
	int got = 1, rc;

	part.dir = (char *)dir;
	part.shard = shard;
	part.nshard = n;
	shard_range(fw_sweep_points(job->sw), shard, n, &part.first,
	    &part.last);
	if ((json = sweep_json(&part)) == NULL ||
	    (head = header_text(&part)) == NULL ||
	    (path = dir_file(&part, "sweep.json")) == NULL) {
		rc = nomem(err);
		goto out;
	}
	if ((old = read_all(path, &len)) == NULL || strcmp(old, json) != 0) {
		fw_error_set(err, FW_ERUN, dir, 0, 0, "", "is not shard %d of "
		    "%d of this sweep with these settings (its sweep.json "
		    "differs, or is missing); give the shards in order",
		    shard, n);
		rc = FW_ERUN;
		goto out;
	}
	free(path);
	if ((path = dir_file(&part, "sweep.csv")) == NULL) {
		rc = nomem(err);
		goto out;
	}
	rc = csv_open(&r, path, err);
	if (rc == FW_OK && (rc = csv_next(&r, &got, err)) == FW_OK &&
	    (!got || r.rawlen != strlen(head) - 1 || strncmp(r.raw, head,
	    r.rawlen) != 0))
		rc = csv_fail(&r, err, "its header is not this sweep's");
	while (rc == FW_OK && (rc = csv_next(&r, &got, err)) == FW_OK &&
	    got && r.ended) {
		if ((rc = check_row(&part, &r, err)) != FW_OK)
			break;
		fwrite(r.raw, 1, r.rawlen, rows);
		fputc('\n', rows);
		count++;
	}
	if (rc == FW_OK && count != part.last - part.first)
		rc = csv_fail(&r, err, "holds %zu of the shard's %zu points: "
		    "finish it with --resume first", count, part.last -
		    part.first);
	csv_close(&r);
out:
	free(head);
	free(path);
	free(old);
	free(json);
	return rc;
}

int
sweep_merge(sweep_job *job, char *const *dirs, int n, fw_error *err)
{
	static const char *const names[] = { "sweep.csv", "sweep.json" };
	char *text = NULL, *files[2] = { NULL, NULL };
	size_t len = 0, lens[2];
	FILE *rows = open_memstream(&text, &len);
	int rc = FW_OK, s;

	if (rows == NULL || (files[0] = header_text(job)) == NULL ||
	    (files[1] = sweep_json(job)) == NULL)
		rc = nomem(err);
	else
		fputs(files[0], rows);
	for (s = 0; rc == FW_OK && s < n; s++)
		rc = merge_shard(job, dirs[s], s + 1, n, rows, err);
	if (rows != NULL && fclose(rows) != 0 && rc == FW_OK)
		rc = nomem(err);
	/* sweep.json last: a directory without it takes a new merge */
	lens[0] = len;
	lens[1] = files[1] != NULL ? strlen(files[1]) : 0;
	if (rc == FW_OK) {
		free(files[0]);
		files[0] = text;
		text = NULL;
		rc = write_texts(job->dir, 2, names, files, lens, err);
	}
	if (rc == FW_OK)
		job->done = job->last;
	free(text);
	free(files[0]);
	free(files[1]);
	return rc;
}

void
sweep_close(sweep_job *job)
{
	size_t i;

	for (i = 0; i < job->ncolumn; i++)
		free(job->column[i]);
	free(job->column);
	free(job->dir);
	memset(job, 0, sizeof(*job));
}
