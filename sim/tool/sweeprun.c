/* sweeprun.c - running a sweep point by point into sweep.csv, resuming
 * an interrupted one, and the sensitivity table at the end.
 * SPDX-License-Identifier: MIT */
#include "config.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "design.h"
#include "cli.h"
#include "files.h"
#include "run.h"
#include "stats.h"
#include "sweep.h"

static const char *const stat_names[FW_NSS] = { "mean", "se", "p5", "p50",
	"p95" };

static int
fail(fw_error *err, int code, const char *file, const char *msg)
{
	fw_error_set(err, code, file, 0, 0, "", "%s", msg);
	return code;
}

static void
put_real(FILE *f, double x)
{
	char buf[40];

	if (!isnan(x)) {
		fw_format_real(x, buf, sizeof(buf));
		fputs(buf, f);
	}
}

/* The header of sweep.csv: point, parameters, statistics of metrics. */
static char *
header(const fw_sweep *sw)
{
	size_t len = 64, i, s;
	char *h;

	for (i = 0; i < sw->nparam; i++)
		len += strlen(sw->param[i].path) + (sw->param[i].variant ?
		    strlen(sw->param[i].variant) : 0) + 4;
	for (i = 0; i < sw->nmetric; i++)
		len += FW_NSS * (strlen(sw->metric[i].label) + 8);
	if ((h = calloc(1, len)) == NULL)
		return NULL;
	strcat(h, "point");
	for (i = 0; i < sw->nparam; i++) {
		strcat(h, ",");
		if (sw->param[i].variant != NULL) {
			strcat(h, sw->param[i].variant);
			strcat(h, ":");
		}
		strcat(h, sw->param[i].path);
	}
	for (i = 0; i < sw->nmetric; i++)
		for (s = 0; s < FW_NSS; s++) {
			strcat(h, ",");
			strcat(h, sw->metric[i].label);
			strcat(h, "_");
			strcat(h, stat_names[s]);
		}
	strcat(h, "\n");
	return h;
}

static char *
dir_file(const fw_sweep *sw, const char *name)
{
	char *p = malloc(strlen(sw->dir) + strlen(name) + 2);

	if (p != NULL)
		sprintf(p, "%s/%s", sw->dir, name);
	return p;
}

/* Writes text to dir/name through a temporary file and a rename. */
static int
write_whole(const fw_sweep *sw, const char *name, const char *text,
    fw_error *err)
{
	char *path = dir_file(sw, name), *tmp = dir_file(sw, ".sweep.tmp");
	FILE *f = tmp ? fopen(tmp, "w") : NULL;
	int rc = FW_OK;

	if (f == NULL || fputs(text, f) == EOF || fflush(f) != 0 ||
	    fsync(fileno(f)) != 0)
		rc = FW_EIO;
	if (f != NULL && fclose(f) != 0)
		rc = FW_EIO;
	if (rc == FW_OK && rename(tmp, path) != 0)
		rc = FW_EIO;
	if (rc != FW_OK) {
		fw_error_set(err, FW_EIO, path ? path : name, 0, 0, "",
		    "cannot write: %s", strerror(errno));
		if (tmp != NULL)
			unlink(tmp);
	}
	free(path);
	free(tmp);
	return rc;
}

/* What identifies a sweep: its file and its scenario's, byte for byte. */
static int
fingerprint(const fw_sweep *sw, char *buf, size_t size, fw_error *err)
{
	unsigned long long a, b;

	if (file_hash(sw->file, &a) != 0 ||
	    file_hash(sw->scenario_file, &b) != 0)
		return fail(err, FW_EIO, sw->file, "cannot read the sweep or "
		    "its scenario again");
	snprintf(buf, size, "{\n  \"flywheel_version\": \"%s\",\n"
	    "  \"sweep_hash\": \"fnv1a64:%016llx\",\n"
	    "  \"scenario_hash\": \"fnv1a64:%016llx\",\n"
	    "  \"design\": \"%s\",\n  \"points\": %zu\n}\n", fw_version(), a, b,
	    fwi_design_names[sw->design], sw->npoints);
	return FW_OK;
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

/* Keeps the complete rows of an interrupted sweep.csv; a row cut short
 * by the interruption is dropped. */
static int
resume_rows(fw_sweep *sw, const char *head, fw_error *err)
{
	char *path = dir_file(sw, "sweep.csv"), *text, *p, *end;
	size_t len = 0, rows = 0, keep;
	int rc = FW_OK;

	if ((text = read_all(path, &len)) == NULL) {
		free(path);
		return fail(err, FW_EIO, sw->dir, "no sweep.csv to resume");
	}
	if (strncmp(text, head, strlen(head)) != 0)
		rc = fail(err, FW_ERUN, path, "its header is not this sweep's; "
		    "start again in another directory");
	for (p = text + strlen(head); rc == FW_OK &&
	    (end = strchr(p, '\n')) != NULL; p = end + 1) {
		if (strtoul(p, NULL, 10) != rows + 1) {
			rc = fail(err, FW_ERUN, path, "a row is out of order; "
			    "the file is damaged");
			break;
		}
		rows++;
	}
	keep = (size_t)(p - text);
	if (rc == FW_OK && rows > sw->npoints)
		rc = fail(err, FW_ERUN, path, "holds more points than the "
		    "sweep has");
	if (rc == FW_OK && keep < len && truncate(path, (off_t)keep) != 0)
		rc = fail(err, FW_EIO, path, "cannot drop the unfinished row");
	sw->done = rows;
	free(text);
	free(path);
	return rc;
}

int
sweep_open(fw_sweep *sw, const char *dir, int resume, int threads,
    fw_error *err)
{
	char print[512], *head, *json, *old;
	size_t len;
	int rc = FW_OK;

	sw->threads = threads;
	sw->done = 0;
	free(sw->dir);
	if ((sw->dir = strdup(dir)) == NULL || (head = header(sw)) == NULL)
		return fail(err, FW_ERUN, "", "out of memory");
	if (make_dirs(dir) != 0) {
		free(head);
		fw_error_set(err, FW_EIO, dir, 0, 0, "", "cannot create the "
		    "output directory: %s", strerror(errno));
		return FW_EIO;
	}
	if ((rc = fingerprint(sw, print, sizeof(print), err)) != FW_OK) {
		free(head);
		return rc;
	}
	json = dir_file(sw, "sweep.json");
	old = json ? read_all(json, &len) : NULL;
	if (resume && old == NULL)
		rc = fail(err, FW_ERUN, dir, "holds no sweep to resume (no "
		    "sweep.json)");
	else if (resume && strcmp(old, print) != 0)
		rc = fail(err, FW_ERUN, dir, "was written by another version "
		    "of the sweep or of its scenario (their contents differ "
		    "from sweep.json's hashes); resuming would mix results: "
		    "run without --resume into a new directory");
	else if (resume)
		rc = resume_rows(sw, head, err);
	else if (old != NULL)
		rc = fail(err, FW_ERUN, dir, "already holds a sweep: continue "
		    "it with --resume, or choose another directory");
	else if ((rc = write_whole(sw, "sweep.json", print, err)) == FW_OK)
		rc = write_whole(sw, "sweep.csv", head, err);
	free(old);
	free(json);
	free(head);
	return rc;
}

/* Per-replication values of metric m in a finished run. */
static void
metric_values(const fw_run *run, const fw_sweep_metric *m, double *x)
{
	const size_t T = (size_t)run->horizon;
	uint64_t r;
	size_t t;

	for (r = 0; r < run->reps; r++) {
		const double *tot = fwi_run_totals(run, r, (size_t)m->variant);
		switch (m->kind) {
		case FW_SM_NPV:
			x[r] = tot[FW_T_NPV];
			break;
		case FW_SM_DNPV:
			x[r] = tot[FW_T_NPV] - fwi_run_totals(run, r,
			    (size_t)m->against)[FW_T_NPV];
			break;
		case FW_SM_TOTAL:
			x[r] = tot[m->total];
			break;
		case FW_SM_REVENUE_YEAR:
			/* revenue is the first banded monthly metric */
			x[r] = 0;
			for (t = 12 * (size_t)(m->year - 1);
			    t < 12 * (size_t)m->year && t < T; t++)
				x[r] += run->banded[((r * run->nvar +
				    (size_t)m->variant) * T + t) * FW_NBANDED];
			break;
		}
	}
}

/* The scenario with point i's values set. */
static int
point_scenario(const fw_sweep *sw, size_t i, fw_scenario **sc,
    fw_error *err)
{
	char assignment[1024], v[40];
	size_t j;
	int rc = fw_scenario_load(sw->scenario_file, sc, err);

	for (j = 0; rc == FW_OK && j < sw->nparam; j++) {
		double x = sw->x[i * sw->nparam + j];
		if (isnan(x))
			continue;
		fw_format_real(x, v, sizeof(v));
		snprintf(assignment, sizeof(assignment), "%s=%s",
		    sw->param[j].path, v);
		rc = fwi_scenario_set_in(*sc, sw->param[j].variant, assignment,
		    err);
	}
	return rc;
}

int
sweep_step(fw_sweep *sw, fw_error *err)
{
	fw_run_options opt = { 0 };
	fw_scenario *sc = NULL;
	fw_run *run = NULL;
	double *x = NULL;
	char *path = NULL;
	FILE *f = NULL;
	size_t i = sw->done, j, m;
	int rc;

	if (i >= sw->npoints)
		return FW_OK;
	opt.replications = sw->reps;
	opt.months = sw->months;
	opt.seed = sw->seed;
	opt.seed_set = 1;
	opt.threads = sw->threads;
	rc = point_scenario(sw, i, &sc, err);
	if (rc == FW_OK && (rc = fw_run_alloc(sc, &opt, &run, err)) == FW_OK)
		rc = fw_run_step(run, run->reps, err);
	if (rc == FW_OK && ((x = malloc(sw->reps * sizeof(double))) == NULL ||
	    (path = dir_file(sw, "sweep.csv")) == NULL ||
	    (f = fopen(path, "a")) == NULL))
		rc = fail(err, FW_EIO, path ? path : sw->dir, "cannot append "
		    "to sweep.csv");
	if (rc == FW_OK) {
		fprintf(f, "%zu", i + 1);
		for (j = 0; j < sw->nparam; j++) {
			double v = sw->x[i * sw->nparam + j];
			fputc(',', f);
			put_real(f, isnan(v) && sw->param[j].num->dist ==
			    FW_DIST_NONE ? sw->param[j].num->value : v);
		}
		for (m = 0; m < sw->nmetric; m++) {
			fw_summary s;
			metric_values(run, &sw->metric[m], x);
			fwi_summarize(x, sw->reps, &s);
			fputc(',', f);
			put_real(f, s.mean);
			fputc(',', f);
			put_real(f, s.se);
			fputc(',', f);
			put_real(f, s.p5);
			fputc(',', f);
			put_real(f, s.p50);
			fputc(',', f);
			put_real(f, s.p95);
		}
		fputc('\n', f);
		/* On disk before the next point starts: an interruption
		 * loses at most the point under way. */
		if (fflush(f) != 0 || fsync(fileno(f)) != 0)
			rc = fail(err, FW_EIO, path, "cannot write");
	}
	if (f != NULL && fclose(f) != 0 && rc == FW_OK)
		rc = fail(err, FW_EIO, path, "cannot write");
	if (rc == FW_OK)
		sw->done++;
	free(x);
	free(path);
	fw_run_free(run);
	fw_scenario_free(sc);
	return rc;
}

/* The mean of every metric at every point, read back from sweep.csv so
 * that a resumed sweep ends exactly as an uninterrupted one. */
static double *
read_means(const fw_sweep *sw, fw_error *err)
{
	char *path = dir_file(sw, "sweep.csv"), *text, *line, *next;
	size_t len, i = 0, m;
	double *y = malloc(sw->npoints * sw->nmetric * sizeof(double) + 1);

	text = path ? read_all(path, &len) : NULL;
	if (y == NULL || text == NULL) {
		fail(err, FW_EIO, path ? path : sw->dir, "cannot read");
		free(y);
		free(text);
		free(path);
		return NULL;
	}
	line = strchr(text, '\n');
	for (line = line ? line + 1 : text; i < sw->npoints &&
	    (next = strchr(line, '\n')) != NULL; line = next + 1, i++) {
		char *field = line;
		size_t col;
		*next = '\0';
		for (col = 0; col < 1 + sw->nparam; col++)
			field = strchr(field, ',') + 1;
		for (m = 0; m < sw->nmetric; m++) {
			y[m * sw->npoints + i] = *field == ',' ? NAN :
			    strtod(field, NULL);
			for (col = 0; col < FW_NSS; col++)
				field = strchr(field, ',') ? strchr(field,
				    ',') + 1 : field + strlen(field);
		}
	}
	free(text);
	free(path);
	return y;
}

static void
put_text(FILE *f, const char *s)
{
	fputs(s, f);
}

int
sweep_finish(fw_sweep *sw, fw_error *err)
{
	const size_t k = sw->nparam;
	char *path, *tmp;
	double *y;
	FILE *f;
	size_t m, j;
	int rc = FW_OK;

	if (sw->done < sw->npoints)
		return fail(err, FW_ERUN, sw->dir, "the sweep is not finished");
	if (sw->design != FW_DESIGN_ONEWAY && sw->design != FW_DESIGN_SOBOL)
		return FW_OK;
	if ((y = read_means(sw, err)) == NULL)
		return FW_EIO;
	path = dir_file(sw, "sensitivity.csv");
	tmp = dir_file(sw, ".sensitivity.tmp");
	if (path == NULL || tmp == NULL || (f = fopen(tmp, "w")) == NULL) {
		free(y);
		free(path);
		free(tmp);
		return fail(err, FW_EIO, sw->dir, "cannot write "
		    "sensitivity.csv");
	}
	if (sw->design == FW_DESIGN_ONEWAY)
		put_text(f, "metric,parameter,low,high,at_base,at_low,at_high,"
		    "swing\n");
	else
		put_text(f, "metric,parameter,s1,s1_lo95,s1_hi95,st,st_lo95,"
		    "st_hi95\n");
	for (m = 0; m < sw->nmetric; m++) {
		const double *ym = y + m * sw->npoints;
		double v[6 * 20] = { 0 };
		fw_sobol s = { v, v + 20, v + 40, v + 60, v + 80, v + 100 };
		if (sw->design == FW_DESIGN_SOBOL &&
		    fwi_sobol_indices(ym, sw->base_samples, k, sw->bootstrap,
		    sw->seed, &s) != 0)
			rc = FW_ERUN;
		for (j = 0; rc == FW_OK && j < k; j++) {
			fprintf(f, "%s,", sw->metric[m].label);
			if (sw->param[j].variant != NULL)
				fprintf(f, "%s:", sw->param[j].variant);
			fputs(sw->param[j].path, f);
			{
				const double oneway[6] = { sw->param[j].lo,
					sw->param[j].hi, ym[0], ym[1 + 2 * j],
					ym[2 + 2 * j],
					ym[2 + 2 * j] - ym[1 + 2 * j] };
				const double sobol[6] = { s.s1[j], s.s1_lo[j],
					s.s1_hi[j], s.st[j], s.st_lo[j],
					s.st_hi[j] };
				const double *row = sw->design ==
				    FW_DESIGN_ONEWAY ? oneway : sobol;
				size_t c;
				for (c = 0; c < 6; c++) {
					fputc(',', f);
					put_real(f, row[c]);
				}
			}
			fputc('\n', f);
		}
	}
	if (fflush(f) != 0 || ferror(f))
		rc = FW_EIO;
	if (fclose(f) != 0)
		rc = FW_EIO;
	if (rc == FW_OK && rename(tmp, path) != 0)
		rc = FW_EIO;
	if (rc != FW_OK) {
		unlink(tmp);
		fail(err, rc, path, "cannot write sensitivity.csv");
	}
	free(y);
	free(path);
	free(tmp);
	return rc;
}
