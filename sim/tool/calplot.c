/* calplot.c - a calibration's fit plots, from its fit-series.csv: for
 * each series fitted, the brand's observed months over the calibrated
 * scenario's 5-95% band of replications and its mean, titled with how
 * closely the two agree.
 * SPDX-License-Identifier: MIT */
#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "csvread.h"
#include "files.h"
#include "gnuplot.h"
#include "plots.h"

/* A mean absolute error, relative to the series' level, up to which the
 * simulation is said to track the data. */
#define FIT_TRACKS 0.10

/* One series of fit-series.csv. */
typedef struct fitseries {
	int series;
	char *segment;		/* "" for the whole market */
	int months;
	double *v;		/* [month][observed, mean, p5, p95] */
} fitseries;

typedef struct fitdata {
	fitseries *s;
	size_t n;
} fitdata;

static void
fitdata_clear(fitdata *d)
{
	size_t i;

	for (i = 0; i < d->n; i++) {
		free(d->s[i].segment);
		free(d->s[i].v);
	}
	free(d->s);
	memset(d, 0, sizeof(*d));
}

static const char *const columns[] = { "month", "metric", "segment",
	"observed", "mean", "p5", "p95" };
#define NCOLUMNS 7

/* Adds month t's row to the series it continues, or starts a new one. */
static int
add_row(fitdata *d, const csv_reader *r, const int *col, long t, int k,
    const double *x, fw_error *err)
{
	const char *seg = r->field[col[2]];
	fitseries *s = d->n > 0 ? &d->s[d->n - 1] : NULL;
	double *grown;

	if (s == NULL || s->series != k || strcmp(s->segment, seg) != 0) {
		if (t != 1)
			return csv_fail(r, err, "a series starts at month %ld, "
			    "not 1", t);
		if ((s = realloc(d->s, (d->n + 1) * sizeof(*s))) == NULL)
			return FW_ENOMEM;
		d->s = s;
		s = &d->s[d->n++];
		memset(s, 0, sizeof(*s));
		s->series = k;
		if ((s->segment = strdup(seg)) == NULL)
			return FW_ENOMEM;
	} else if (t != s->months + 1)
		return csv_fail(r, err, "month %ld follows month %d", t,
		    s->months);
	if ((grown = realloc(s->v, (size_t)(s->months + 1) * 4 *
	    sizeof(double))) == NULL)
		return FW_ENOMEM;
	s->v = grown;
	memcpy(&s->v[4 * s->months++], x, 4 * sizeof(double));
	return FW_OK;
}

static int
read_fit_series(const char *path, fitdata *d, fw_error *err)
{
	csv_reader r;
	int col[NCOLUMNS], got, rc, k;
	size_t c;

	memset(d, 0, sizeof(*d));
	if ((rc = csv_open(&r, path, err)) == FW_OK &&
	    (rc = csv_next(&r, &got, err)) == FW_OK) {
		for (c = 0; c < NCOLUMNS; c++)
			if (!got || (col[c] = csv_column(&r, columns[c])) < 0) {
				rc = csv_fail(&r, err, "no column '%s': not a "
				    "fit-series.csv flywheel wrote", columns[c]);
				break;
			}
	}
	while (rc == FW_OK && (rc = csv_next(&r, &got, err)) == FW_OK && got) {
		double x[4];
		long t;
		if (r.nfield != NCOLUMNS) {
			rc = csv_fail(&r, err, "%zu fields, not %d", r.nfield,
			    NCOLUMNS);
			break;
		}
		if ((rc = csv_count(&r, (size_t)col[0], 1, 600, &t, err)) !=
		    FW_OK)
			break;
		if ((k = fw_series_index(r.field[col[1]])) < 0) {
			rc = csv_fail(&r, err, "unknown metric '%s'",
			    r.field[col[1]]);
			break;
		}
		for (c = 0; rc == FW_OK && c < 4; c++)
			rc = csv_number(&r, (size_t)col[3 + c], c == 0, &x[c],
			    err);
		if (rc == FW_OK)
			rc = add_row(d, &r, col, t, k, x, err);
	}
	if (rc == FW_OK && d->n == 0)
		rc = csv_fail(&r, err, "holds no rows");
	if (rc == FW_ENOMEM)
		fw_error_set(err, FW_ENOMEM, "", 0, 0, "", "out of memory");
	csv_close(&r);
	return rc;
}

/* The series' name in a sentence, and whether it takes a plural verb. */
static const char *
label(int k, int *plural)
{
	static const struct {
		const char *series, *label;
		int plural;
	} names[] = {
		{ "unaware", "unaware HCPs", 1 },
		{ "engaged", "engaged HCPs", 1 },
		{ "trial", "HCPs on trial", 1 }, { "adopter", "adopters", 1 },
		{ "advocate", "advocates", 1 },
		{ "lapsed", "lapsed HCPs", 1 },
		{ "switched", "switched HCPs", 1 },
		{ "patients", "patients on therapy", 1 },
		{ "scripts_written", "scripts written", 1 },
		{ "scripts_filled", "scripts filled", 1 },
		{ "scripts_unfilled", "unfilled scripts", 1 },
		{ "gap_value", "unfilled value", 0 },
		{ "customer_value_at_risk", "customer value at risk", 0 },
		{ "reacq_cost", "win-back cost", 0 },
		{ "winbacks", "win-backs", 1 }, { "lapses", "lapses", 1 },
		{ "switches", "switches", 1 },
		{ "mean_trust", "mean trust", 0 },
		{ "channel_cost", "channel cost", 0 },
		{ "program_cost", "programme cost", 0 },
		{ "gap_rate", "share of scripts unfilled", 0 },
	};
	const char *name = fw_series_name((size_t)k);
	size_t i;

	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (strcmp(names[i].series, name) == 0) {
			*plural = names[i].plural;
			return names[i].label;
		}
	*plural = 0;
	return name;
}

/* Whether series k is money, and whether it is counted per month (a
 * flow) rather than at the month's end. */
static int
is_money(const char *name)
{
	return strcmp(name, "revenue") == 0 || strcmp(name, "cash") == 0 ||
	    strcmp(name, "gap_value") == 0 ||
	    strcmp(name, "customer_value_at_risk") == 0 ||
	    strstr(name, "_cost") != NULL;
}

static int
is_flow(const char *name)
{
	return strncmp(name, "scripts_", 8) == 0 || strcmp(name, "revenue") ==
	    0 || strcmp(name, "cash") == 0 || strcmp(name, "gap_value") == 0 ||
	    strstr(name, "_cost") != NULL || strcmp(name, "winbacks") == 0 ||
	    strcmp(name, "lapses") == 0 || strcmp(name, "switches") == 0;
}

/* Title, axis label and the divisor of the values, for series s. */
static void
describe(const fitseries *s, char *title, char *ylabel, size_t size,
    double *unit)
{
	const char *name = fw_series_name((size_t)s->series), *what;
	char where[200] = "", months[64];
	double level = 0, error = 0, big = 0, pct;
	int t, n = 0, plural;

	for (t = 0; t < s->months; t++) {
		const double *v = &s->v[4 * t];
		big = fmax(big, fmax(fabs(v[3]), fabs(v[1])));
		if (isnan(v[0]))
			continue;
		big = fmax(big, fabs(v[0]));
		level += fabs(v[0]);
		error += fabs(v[1] - v[0]);
		n++;
	}
	pct = level > 0 ? 100 * error / level : NAN;
	if (s->segment[0] != '\0')
		snprintf(where, sizeof(where), " in %s", s->segment);
	if (n == 1)
		snprintf(months, sizeof(months), "month");
	else
		snprintf(months, sizeof(months), "%d months", n);
	what = label(s->series, &plural);
	if (pct <= 100 * FIT_TRACKS)
		snprintf(title, size, "Simulated %s%s %s the brand's %s within "
		    "%.0f%% on average", what, where, plural ? "track" :
		    "tracks", months, fmax(1, ceil(pct)));
	else
		snprintf(title, size, "Simulated %s%s %s the brand's %s by "
		    "%.0f%% on average", what, where, plural ? "miss" : "misses",
		    months, round(pct));
	*unit = 1;
	if (is_money(name)) {
		const char *u = "$";
		if (big >= 1e6) {
			*unit = 1e6;
			u = "$M";
		} else if (big >= 1e3) {
			*unit = 1e3;
			u = "$k";
		}
		snprintf(ylabel, size, "%c%s%s (%s)",
		    toupper((unsigned char)what[0]), what + 1, is_flow(name) ?
		    " per month" : "", u);
	} else
		snprintf(ylabel, size, "%c%s%s",
		    toupper((unsigned char)what[0]), what + 1, is_flow(name) ?
		    " per month" : "");
}

/* A title's characters that fit on one line of a chart. */
#define TITLE_WIDTH 72

/* Writes TITLE[i] and TITLE2[i]: the title, broken at the last space
 * that leaves its first line short enough (TITLE2 empty when it fits). */
static void
write_title(FILE *f, size_t i, const char *title)
{
	char first[512];
	size_t cut = strlen(title);

	if (cut > TITLE_WIDTH)
		for (cut = TITLE_WIDTH; cut > 0 && title[cut] != ' '; cut--)
			;
	if (cut == 0 || cut >= sizeof(first))
		cut = strlen(title) < sizeof(first) ? strlen(title) :
		    sizeof(first) - 1;
	memcpy(first, title, cut);
	first[cut] = '\0';
	fprintf(f, "TITLE[%zu] = ", i + 1);
	gp_string(f, first);
	fprintf(f, "\nTITLE2[%zu] = ", i + 1);
	gp_string(f, title[cut] == ' ' ? title + cut + 1 : title + cut);
	fputc('\n', f);
}

/* meta.gp and one fit-I.tsv a series for the templates: every name and
 * title goes in as a quoted string, never as script text. */
static int
write_fit_data(const fitdata *d, const char *tmp)
{
	char title[512], ylabel[512], name[64];
	size_t i;
	int t, rc = 0;
	FILE *f = gp_create(tmp, "meta.gp");

	if (f == NULL)
		return -1;
	fprintf(f, "NT = %zu\narray TITLE[%zu]\narray TITLE2[%zu]\n"
	    "array YLABEL[%zu]\narray MONTHS[%zu]\narray NEGATIVE[%zu]\n",
	    d->n, d->n, d->n, d->n, d->n, d->n);
	for (i = 0; i < d->n; i++) {
		const fitseries *s = &d->s[i];
		double unit;
		FILE *g;
		int negative = 0;
		describe(s, title, ylabel, sizeof(title), &unit);
		write_title(f, i, title);
		fprintf(f, "YLABEL[%zu] = ", i + 1);
		gp_string(f, ylabel);
		snprintf(name, sizeof(name), "fit-%zu.tsv", i + 1);
		if ((g = gp_create(tmp, name)) == NULL)
			rc = -1;
		for (t = 0; g != NULL && t < s->months; t++) {
			int c;
			fprintf(g, "%d", t + 1);
			for (c = 0; c < 4; c++) {
				double v = s->v[4 * t + c] / unit;
				negative |= v < 0;
				fputc('\t', g);
				gp_value(g, v);
			}
			fputc('\n', g);
		}
		if (g != NULL && (ferror(g) | fclose(g)))
			rc = -1;
		fprintf(f, "\nMONTHS[%zu] = %d\nNEGATIVE[%zu] = %d\n", i + 1,
		    s->months, i + 1, negative);
	}
	if (ferror(f) | fclose(f))
		rc = -1;
	return rc;
}

/* Moves out/fit-I.EXT to dir/plots/fit-I-METRIC.EXT. */
static int
move_fit_plots(const fitdata *d, const char *out, const char *dir,
    fw_error *err)
{
	static const char *const ext[] = { "png", "svg", "pdf" };
	char from[4096], to[4096];
	size_t i, e;

	if (plots_dir(dir, to, sizeof(to), err) != FW_OK)
		return FW_EIO;
	for (i = 0; i < d->n; i++)
		for (e = 0; e < 3; e++) {
			pathf(from, sizeof(from), "%s/fit-%zu.%s", out, i + 1,
			    ext[e]);
			pathf(to, sizeof(to), "%s/plots/fit-%zu-%s.%s", dir,
			    i + 1, fw_series_name((size_t)d->s[i].series),
			    ext[e]);
			if (rename(from, to) != 0) {
				fw_error_set(err, FW_EIO, to, 0, 0, "", "cannot "
				    "write: %s", strerror(errno));
				return FW_EIO;
			}
		}
	return FW_OK;
}

int
draw_fit_plots(const char *dir, const char *gnuplot, const char *templates,
    fw_error *err)
{
	char path[4096], tmp[4096], out[4096], log[4096];
	fitdata d;
	int rc;

	if (strlen(dir) > 3000 || strlen(templates) > 3000) {
		fw_error_set(err, FW_EIO, "", 0, 0, "", "directory name too "
		    "long");
		return FW_EIO;
	}
	pathf(path, sizeof(path), "%s/fit-series.csv", dir);
	if ((rc = read_fit_series(path, &d, err)) != FW_OK) {
		fitdata_clear(&d);
		return rc;
	}
	pathf(tmp, sizeof(tmp), "%s/.fplots.%ld", dir, (long)getpid());
	pathf(out, sizeof(out), "%s/out", tmp);
	pathf(log, sizeof(log), "%s/gnuplot.log", tmp);
	if (mkdir(tmp, 0777) != 0 || mkdir(out, 0777) != 0 ||
	    write_fit_data(&d, tmp) != 0) {
		fw_error_set(err, FW_EIO, tmp, 0, 0, "", "cannot write the "
		    "plot data");
		rc = FW_EIO;
	}
	if (rc == FW_OK)
		rc = gnuplot_formats(gnuplot, templates, "fit-render.gp", out,
		    tmp, log, err);
	if (rc == FW_OK)
		rc = move_fit_plots(&d, out, dir, err);
	remove_tree(out);
	remove_tree(tmp);
	fitdata_clear(&d);
	return rc;
}
