/* output.c - the run's tables: summary.csv, timeseries.csv,
 * replications.csv and run.json, written all or nothing.
 * SPDX-License-Identifier: MIT */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"
#include "files.h"
#include "run.h"
#include "compare.h"
#include "stats.h"

enum { NFILES = 6 };

/* Files being written: temporary names, renamed only when all are done. */
typedef struct outset {
	char tmp[NFILES][4096];
	char final[NFILES][4096];
	FILE *f[NFILES];
} outset;

static void
put_real(FILE *f, double x)
{
	char buf[40];

	if (isnan(x))
		return;		/* an empty field: NA in R, NaN in pandas */
	fw_format_real(x, buf, sizeof(buf));
	fputs(buf, f);
}

/* Writes ",x" for each of n values. */
static void
put_reals(FILE *f, const double *x, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		fputc(',', f);
		put_real(f, x[i]);
	}
}

/* Writes s as a CSV field, quoted when it needs to be. */
static void
put_csv_text(FILE *f, const char *s)
{
	if (strpbrk(s, ",\"\n\r") == NULL) {
		fputs(s, f);
		return;
	}
	fputc('"', f);
	for (; *s; s++) {
		if (*s == '"')
			fputc('"', f);
		fputc(*s, f);
	}
	fputc('"', f);
}

static void
put_json_text(FILE *f, const char *s)
{
	fputc('"', f);
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (c == '"' || c == '\\')
			fprintf(f, "\\%c", c);
		else if (c < 0x20)
			fprintf(f, "\\u%04x", c);
		else
			fputc(c, f);
	}
	fputc('"', f);
}

static const char *const summary_header =
    "variant,metric,mean,sd,se,min,p5,p25,p50,p75,p95,max,es5\n";

static int
write_summary(const fw_run *run, FILE *f, const char *unused)
{
	double *buf = malloc(run->reps * sizeof(double) + 1);
	size_t v, k;
	uint64_t r;

	if (buf == NULL)
		return FW_ERUN;
	fputs(summary_header, f);
	for (v = 0; v < run->nvar; v++) {
		for (k = 0; k < FW_NTOTAL; k++) {
			fw_summary s;
			for (r = 0; r < run->reps; r++)
				buf[r] = fwi_run_totals(run, r, v)[k];
			fwi_summarize(buf, run->reps, &s);
			put_csv_text(f, run->sc->config[v].name);
			fprintf(f, ",%s", fwi_total_names[k]);
			put_reals(f, (const double[]){ s.mean, s.sd, s.se, s.min,
			    s.p5, s.p25, s.p50, s.p75, s.p95, s.max }, 10);
			fputc(',', f);
			if (k == FW_T_NPV)
				put_real(f, s.es5);
			fputc('\n', f);
		}
	}
	free(buf);
	return FW_OK;
}

/* Index of monthly metric k among the banded ones, or -1. */
static int
band_of(int k)
{
	int b;

	for (b = 0; b < FW_NBANDED; b++)
		if (fwi_banded[b] == k)
			return b;
	return -1;
}

static int
write_timeseries(const fw_run *run, FILE *f, const char *unused)
{
	const size_t T = (size_t)run->horizon;
	size_t nseries = run->nvar * T * FW_NBANDED;
	double *pct = malloc(nseries * 3 * sizeof(double) + 1);
	long long s;
	size_t v, t;
	int k;

	if (pct == NULL)
		return FW_ERUN;
	/* Percentiles of each banded series, in parallel: each series is
	 * independent, so the result does not depend on threads. */
#pragma omp parallel for schedule(dynamic, 4) num_threads(run->threads)
	for (s = 0; s < (long long)nseries; s++) {
		double *x = malloc(run->reps * sizeof(double) + 1);
		size_t vv = (size_t)s / (T * FW_NBANDED);
		size_t tt = (size_t)s / FW_NBANDED % T, b = (size_t)s %
		    FW_NBANDED;
		uint64_t r;
		if (x == NULL) {
			pct[s * 3] = pct[s * 3 + 1] = pct[s * 3 + 2] = NAN;
			continue;
		}
		for (r = 0; r < run->reps; r++)
			x[r] = run->banded[((r * run->nvar + vv) * T + tt) *
			    FW_NBANDED + b];
		fwi_sort(x, run->reps);
		pct[s * 3] = fwi_quantile_sorted(x, run->reps, 0.05);
		pct[s * 3 + 1] = fwi_quantile_sorted(x, run->reps, 0.50);
		pct[s * 3 + 2] = fwi_quantile_sorted(x, run->reps, 0.95);
		free(x);
	}
	fputs("variant,month,metric,mean,p5,p50,p95\n", f);
	for (v = 0; v < run->nvar; v++)
		for (t = 0; t < T; t++)
			for (k = 0; k < FW_NMONTHLY; k++) {
				int band = band_of(k);
				put_csv_text(f, run->sc->config[v].name);
				fprintf(f, ",%zu,%s,", t + 1,
				    fwi_monthly_names[k]);
				put_real(f, fwi_run_monthly_mean(run, v,
				    (int)t + 1, k));
				for (s = 0; s < 3; s++) {
					fputc(',', f);
					if (band >= 0)
						put_real(f, pct[((v * T + t) *
						    FW_NBANDED + (size_t)band) *
						    3 + (size_t)s]);
				}
				fputc('\n', f);
			}
	free(pct);
	return FW_OK;
}

/* The distinct uncertain paths over all variants, in first-seen order. */
static size_t
param_columns(const fw_run *run, const char **cols)
{
	size_t n = 0, v, i, j;

	for (v = 0; v < run->nvar; v++)
		for (i = 0; i < run->plans[v].n; i++) {
			const char *p = run->plans[v].v[i].path;
			for (j = 0; j < n && strcmp(cols[j], p) != 0; j++)
				;
			if (j == n)
				cols[n++] = p;
		}
	return n;
}

static int
write_replications(const fw_run *run, FILE *f, const char *unused)
{
	const char **cols = malloc((run->nplan + 1) * sizeof(char *));
	size_t ncols, v, k, c, i;
	uint64_t r;

	if (cols == NULL)
		return FW_ERUN;
	ncols = param_columns(run, cols);
	fputs("replication,variant", f);
	for (k = 0; k < FW_NTOTAL; k++)
		fprintf(f, ",%s", fwi_total_names[k]);
	for (c = 0; c < ncols; c++) {
		fputc(',', f);
		put_csv_text(f, cols[c]);
	}
	fputc('\n', f);
	for (r = 0; r < run->reps; r++)
		for (v = 0; v < run->nvar; v++) {
			const double *tot = fwi_run_totals(run, r, v);
			const fw_plan *p = &run->plans[v];
			fprintf(f, "%llu,", (unsigned long long)r + 1);
			put_csv_text(f, run->sc->config[v].name);
			for (k = 0; k < FW_NTOTAL; k++) {
				fputc(',', f);
				put_real(f, tot[k]);
			}
			for (c = 0; c < ncols; c++) {
				fputc(',', f);
				for (i = 0; i < p->n; i++)
					if (strcmp(p->v[i].path, cols[c]) == 0)
						put_real(f, run->drawn[r *
						    run->nplan +
						    run->plan_offset[v] + i]);
			}
			fputc('\n', f);
		}
	free(cols);
	return FW_OK;
}

int
file_hash(const char *path, unsigned long long *h)
{
	FILE *f = fopen(path, "rb");
	int c;

	if (f == NULL)
		return -1;
	*h = 0xcbf29ce484222325ULL;
	while ((c = getc(f)) != EOF) {
		*h ^= (unsigned char)c;
		*h *= 0x100000001b3ULL;
	}
	fclose(f);
	return 0;
}

static int
write_run_json(const fw_run *run, FILE *f, const char *command_line)
{
	unsigned long long h = 0;
	char stamp[64];
	time_t now = time(NULL);
	size_t v;

	strftime(stamp, sizeof(stamp), "%Y-%m-%dT%H:%M:%SZ", gmtime(&now));
	fputs("{\n  \"flywheel_version\": ", f);
	put_json_text(f, fw_version());
	fputs(",\n  \"model\": \"flywheel/1\",\n  \"scenario_file\": ", f);
	put_json_text(f, run->sc->file);
	fputs(",\n  \"scenario_hash\": ", f);
	if (file_hash(run->sc->file, &h) == 0)
		fprintf(f, "\"fnv1a64:%016llx\"", h);
	else
		fputs("null", f);
	fputs(",\n  \"scenario_name\": ", f);
	put_json_text(f, run->sc->name);
	fputs(",\n  \"variants\": [", f);
	for (v = 0; v < run->nvar; v++) {
		fputs(v ? ", " : "", f);
		put_json_text(f, run->sc->config[v].name);
	}
	fprintf(f, "],\n  \"seed\": %llu,\n  \"replications\": %llu,\n"
	    "  \"horizon_months\": %d,\n  \"threads\": %d,\n"
	    "  \"elapsed_seconds\": %.3f,\n  \"finished\": \"%s\",\n",
	    (unsigned long long)run->seed, (unsigned long long)run->reps,
	    run->horizon, run->threads, run->elapsed, stamp);
	fputs("  \"command_line\": ", f);
	put_json_text(f, command_line ? command_line : "");
	fputs(",\n  \"rng\": \"Philox4x32-10 (Random123); key = seed; counter "
	    "= (entity, replication, month << 16 | block, purpose << 24 | "
	    "segment); u = (word + 0.5) / 2^32\"\n}\n", f);
	return FW_OK;
}

/* compare.csv: each variant against the baseline (MODEL.md §7). */
static int
write_compare(const fw_run *run, FILE *f, const char *unused)
{
	size_t v;

	fputs("variant,dnpv_mean,dnpv_lo95,dnpv_hi95,dnpv_p5,dnpv_p50,"
	    "dnpv_p95,p_dnpv_positive,drevenue_per_year,dcash_per_year,"
	    "payback_month,compounding,dgap_value,dscripts_unfilled,dcvar,"
	    "dreacq_cost,dadvocates,dswitched\n", f);
	for (v = 1; v < run->nvar; v++) {
		fw_comparison c;
		if (fwi_compare_variant(run, v, &c) != FW_OK)
			return FW_ERUN;
		put_csv_text(f, run->sc->config[v].name);
		put_reals(f, (const double[]){ c.npv.mean, c.npv.lo95,
		    c.npv.hi95, c.npv.p5, c.npv.p50, c.npv.p95,
		    c.npv.p_positive, c.revenue_per_year, c.cash_per_year }, 9);
		fputc(',', f);
		if (c.payback > 0)
			fprintf(f, "%d", c.payback);
		put_reals(f, (const double[]){ c.compounding, c.gap_value,
		    c.unfilled, c.cvar, c.reacq_cost, c.advocates,
		    c.switched }, 7);
		fputc('\n', f);
	}
	return FW_OK;
}

/* paired.csv: month by month, each variant's gain over the baseline. */
static int
write_paired(const fw_run *run, FILE *f, const char *unused)
{
	size_t v;
	int t;

	fputs("variant,month,dcash_mean,cum_dcash_mean,cum_dcash_lo95,"
	    "cum_dcash_hi95,drevenue_mean\n", f);
	for (v = 1; v < run->nvar; v++)
		for (t = 1; t <= run->horizon; t++) {
			double mean, lo, hi;
			fwi_cum_gain(run, v, t, &mean, &lo, &hi);
			put_csv_text(f, run->sc->config[v].name);
			fprintf(f, ",%d", t);
			put_reals(f, (const double[]){
			    fwi_run_monthly_mean(run, v, t, FW_M_CASH) -
			    fwi_run_monthly_mean(run, 0, t, FW_M_CASH), mean, lo,
			    hi, fwi_run_monthly_mean(run, v, t, FW_M_REVENUE) -
			    fwi_run_monthly_mean(run, 0, t, FW_M_REVENUE) }, 5);
			fputc('\n', f);
		}
	return FW_OK;
}

/* The files of a run, in the order they are written. */
static const struct {
	const char *name;
	int (*write)(const fw_run *, FILE *, const char *);
} files[NFILES] = {
	{ "summary.csv", write_summary },
	{ "timeseries.csv", write_timeseries },
	{ "replications.csv", write_replications },
	{ "compare.csv", write_compare },
	{ "paired.csv", write_paired },
	{ "run.json", write_run_json },
};

static void
discard(outset *o)
{
	int i;

	for (i = 0; i < NFILES; i++) {
		if (o->f[i] != NULL)
			fclose(o->f[i]);
		o->f[i] = NULL;
		if (o->tmp[i][0] != '\0')
			unlink(o->tmp[i]);
	}
}

int
make_dirs(const char *dir)
{
	char path[4096];
	char *p;

	snprintf(path, sizeof(path), "%s", dir);
	for (p = path + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(path, 0777) != 0 && errno != EEXIST)
			return -1;
		*p = '/';
	}
	if (mkdir(path, 0777) != 0 && errno != EEXIST)
		return -1;
	return 0;
}

int
write_run_tables(const fw_run *run, const char *dir, const char *command_line,
    fw_error *err)
{
	outset o;
	int i, rc = FW_OK;

	memset(&o, 0, sizeof(o));
	if (make_dirs(dir) != 0) {
		fw_error_set(err, FW_EIO, dir, 0, 0, "", "cannot create the "
		    "output directory: %s", strerror(errno));
		return FW_EIO;
	}
	for (i = 0; i < NFILES; i++) {
		int fd;
		snprintf(o.final[i], sizeof(o.final[i]), "%s/%s", dir,
		    files[i].name);
		snprintf(o.tmp[i], sizeof(o.tmp[i]), "%s/.%s.%ld.tmp", dir,
		    files[i].name, (long)getpid());
		fd = open(o.tmp[i], O_WRONLY | O_CREAT | O_TRUNC, 0666);
		if (fd < 0 ||
		    (o.f[i] = fdopen(fd, "w")) == NULL) {
			fw_error_set(err, FW_EIO, o.final[i], 0, 0, "",
			    "cannot write: %s", strerror(errno));
			if (fd < 0)
				o.tmp[i][0] = '\0';
			discard(&o);
			return FW_EIO;
		}
	}
	for (i = 0; i < NFILES && rc == FW_OK; i++)
		rc = files[i].write(run, o.f[i], command_line);
	for (i = 0; i < NFILES; i++) {
		int bad = ferror(o.f[i]) | fflush(o.f[i]) |
		    fsync(fileno(o.f[i]));
		if (fclose(o.f[i]) != 0 || bad)
			rc = rc == FW_OK ? FW_EIO : rc;
		o.f[i] = NULL;
		if (rc != FW_OK && rc != FW_ERUN) {
			fw_error_set(err, FW_EIO, o.final[i], 0, 0, "",
			    "cannot write: %s", strerror(errno));
			break;
		}
	}
	if (rc == FW_ERUN)
		fw_error_set(err, FW_ERUN, "", 0, 0, "", "out of memory");
	if (rc != FW_OK) {
		discard(&o);
		return rc;
	}
	for (i = 0; i < NFILES; i++)
		if (rename(o.tmp[i], o.final[i]) != 0) {
			fw_error_set(err, FW_EIO, o.final[i], 0, 0, "",
			    "cannot write: %s", strerror(errno));
			discard(&o);
			return FW_EIO;
		}
	return FW_OK;
}
