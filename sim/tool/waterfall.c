/* waterfall.c - the waterfall chart of where value leaks, from the tables
 * `flywheel leakage` wrote: actual NPV, one bar per stage's Shapley gain
 * from the largest down, and the frictionless ceiling. Data files and
 * meta.gp for plots/waterfall.gp; names reach gnuplot only as quoted
 * strings.
 * SPDX-License-Identifier: MIT */
#include "config.h"

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
#include "leakout.h"

/* The NPV rows of leakage.csv, in $M. */
typedef struct waterfall {
	size_t n;
	char label[LEAK_MAX_STAGES][256];
	double gain[LEAK_MAX_STAGES][3];	/* Shapley: mean, lo, hi */
	double actual[3];
	double total[3];	/* every stage removed, over actual */
	int have_total;
	char scenario[512], variant[256], reps[32];
} waterfall;

/* The columns read: stage, label, metric, then mean, lo and hi of the
 * actual value and of the Shapley gain. */
static const char *const wanted[] = { "stage", "label", "metric", "actual",
	"actual_lo95", "actual_hi95", "shapley", "shapley_lo95",
	"shapley_hi95" };
#define NWANTED (sizeof(wanted) / sizeof(wanted[0]))

static int
read_row(csv_reader *r, const int *col, waterfall *w, fw_error *err)
{
	double x[6];
	size_t j;
	int rc = FW_OK, total;

	if (strcmp(r->field[col[2]], "npv") != 0)
		return FW_OK;
	for (j = 0; rc == FW_OK && j < 6; j++)
		if ((rc = csv_number(r, (size_t)col[3 + j], 0, &x[j], err)) ==
		    FW_OK)
			x[j] /= 1e6;
	if (rc != FW_OK)
		return rc;
	total = strcmp(r->field[col[0]], "all") == 0;
	if (!total && w->n == LEAK_MAX_STAGES)
		return csv_fail(r, err, "more than %d stages: not a table "
		    "flywheel leakage wrote", LEAK_MAX_STAGES);
	memcpy(w->actual, x, sizeof(w->actual));
	if (total) {
		memcpy(w->total, x + 3, sizeof(w->total));
		w->have_total = 1;
		return FW_OK;
	}
	snprintf(w->label[w->n], sizeof(w->label[0]), "%s",
	    r->field[col[1]]);
	memcpy(w->gain[w->n++], x + 3, sizeof(w->gain[0]));
	return FW_OK;
}

static int
read_leakage(const char *dir, waterfall *w, fw_error *err)
{
	char path[4096], text[16384], *p;
	csv_reader r;
	int col[NWANTED], got = 0, rc;
	size_t j, n;
	FILE *f;

	pathf(path, sizeof(path), "%s/leakage.csv", dir);
	if ((rc = csv_open(&r, path, err)) == FW_OK &&
	    (rc = csv_next(&r, &got, err)) == FW_OK && !got)
		rc = csv_fail(&r, err, "is empty");
	for (j = 0; rc == FW_OK && j < NWANTED; j++)
		if ((col[j] = csv_column(&r, wanted[j])) < 0)
			rc = csv_fail(&r, err, "has no column %s: not a table "
			    "flywheel leakage wrote", wanted[j]);
	while (rc == FW_OK && (rc = csv_next(&r, &got, err)) == FW_OK && got)
		rc = r.nfield < NWANTED ? csv_fail(&r, err, "has %zu fields",
		    r.nfield) : read_row(&r, col, w, err);
	if (rc == FW_OK && (w->n == 0 || !w->have_total))
		rc = csv_fail(&r, err, "holds no NPV decomposition");
	csv_close(&r);
	if (rc != FW_OK)
		return rc;
	/* What the subtitle names; the chart stands without it. */
	pathf(path, sizeof(path), "%s/leakage.json", dir);
	if ((f = fopen(path, "r")) == NULL)
		return FW_OK;
	n = fread(text, 1, sizeof(text) - 1, f);
	text[n] = '\0';
	fclose(f);
	json_string(text, "scenario_name", w->scenario, sizeof(w->scenario));
	json_string(text, "variant", w->variant, sizeof(w->variant));
	if ((p = strstr(text, "\"replications\": ")) != NULL)
		snprintf(w->reps, sizeof(w->reps), "%llu",
		    strtoull(p + 16, NULL, 10));
	return FW_OK;
}

/* A tick label as TIC[i], in lines of at most width characters broken
 * at spaces and after hyphens (a longer word stands alone); each line is
 * a quoted string, joined by line breaks. */
static void
put_tic(FILE *f, size_t i, const char *label, size_t width)
{
	char line[256];
	size_t len, cut, j;
	int first = 1;

	fprintf(f, "TIC[%zu] = ", i);
	while (*label != '\0') {
		len = strlen(label);
		cut = len <= width ? len : 0;
		for (j = 1; cut == 0 && j < len; j++)
			if (label[j] == ' ' || label[j - 1] == '-') {
				/* the last break within width, else the
				 * first beyond it */
				size_t k;
				cut = j;
				for (k = j + 1; k <= width && k < len; k++)
					if (label[k] == ' ' || label[k - 1] ==
					    '-')
						cut = k;
			}
		if (cut == 0)
			cut = len;
		snprintf(line, sizeof(line), "%.*s", (int)cut, label);
		fputs(first ? "" : ".\"\\n\".", f);
		gp_string(f, line);
		first = 0;
		for (label += cut; *label == ' '; label++)
			;
	}
	if (first)
		gp_string(f, "");
	fputc('\n', f);
}

/* One bar: its number, bottom, top, where it ends (the level the next
 * bar starts from), its interval, its value and kind (1 actual, 2 gain,
 * 3 loss, 4 ceiling), and the texts of its labels: its figure and the
 * half-width of its interval. A gain or loss floats from the level
 * before it; actual and ceiling stand on zero and are labelled with
 * their level. v is the mean, low and high of the bar's figure, which
 * starts from `from`. */
static void
put_bar(FILE *f, size_t x, double from, const double *v, int kind,
    double *ylo, double *yhi)
{
	const int whole = kind == 1 || kind == 4;
	double end = from + v[0], lo = from + v[1], hi = from + v[2];
	double bottom = fmin(whole ? 0 : from, end);
	double top = fmax(whole ? 0 : from, end);
	const double col[6] = { bottom, top, end, lo, hi, v[0] };
	char value[48], half[48];
	size_t j;

	fprintf(f, "%zu", x);
	for (j = 0; j < 6; j++) {
		fputc('\t', f);
		gp_value(f, col[j]);
	}
	leak_number(whole ? end : v[0], 1, !whole, value, sizeof(value));
	leak_number((v[2] - v[1]) / 2, 1, 0, half, sizeof(half));
	fprintf(f, "\t%d\t%s\t%s%s\n", kind, value, isnan(v[1]) ? "" : "±",
	    isnan(v[1]) ? "" : half);
	*ylo = fmin(*ylo, fmin(bottom, lo));
	*yhi = fmax(*yhi, fmax(top, hi));
}

static int
write_data(const waterfall *w, const char *tmp)
{
	double gain[LEAK_MAX_STAGES], level, ylo = 0, yhi = 0, pad;
	size_t order[LEAK_MAX_STAGES], i, width;
	char title[512], sub[1024];
	FILE *f;
	int rc = FW_OK;

	for (i = 0; i < w->n; i++)
		gain[i] = w->gain[i][0];
	leak_order(gain, w->n, order);
	if ((f = gp_create(tmp, "waterfall.tsv")) == NULL)
		return FW_EIO;
	put_bar(f, 1, 0, w->actual, 1, &ylo, &yhi);
	level = w->actual[0];
	for (i = 0; i < w->n; i++) {
		const double *g = w->gain[order[i]];
		put_bar(f, i + 2, level, g, g[0] >= 0 ? 2 : 3, &ylo, &yhi);
		level += g[0];
	}
	/* the ceiling's interval is that of its gain over actual */
	put_bar(f, w->n + 2, w->actual[0], w->total, 4, &ylo, &yhi);
	if (ferror(f) | fclose(f))
		rc = FW_EIO;
	if (rc != FW_OK || (f = gp_create(tmp, "meta.gp")) == NULL)
		return FW_EIO;
	leak_headline(w->label[order[0]], w->gain[order[0]][0] * 1e6, w->n,
	    title, sizeof(title));
	snprintf(sub, sizeof(sub), "%.60s%s (%s): NPV gained by removing each "
	    "stage, its Shapley value, $M", w->scenario,
	    strlen(w->scenario) > 60 ? "..." : "", w->variant[0] ?
	    w->variant : "baseline");
	pad = 0.12 * (yhi - ylo);
	fprintf(f, "NB = %zu\nYMIN = ", w->n + 2);
	gp_value(f, ylo < 0 ? ylo - pad : 0);
	fputs("\nYMAX = ", f);
	gp_value(f, yhi + pad);
	fprintf(f, "\narray TIC[%zu]\n", w->n + 2);
	/* about 95 characters of tick labels fit across the plot */
	width = 95 / (w->n + 2) > 8 ? 95 / (w->n + 2) : 8;
	put_tic(f, 1, "Actual", width);
	for (i = 0; i < w->n; i++)
		put_tic(f, i + 2, w->label[order[i]], width);
	put_tic(f, w->n + 2, "Frictionless ceiling", width);
	fputs("TITLE = ", f);
	gp_string(f, title);
	fputs("\nSUBTITLE = ", f);
	gp_string(f, sub);
	fputs("\nNOTE = ", f);
	snprintf(sub, sizeof(sub), "Means of %s replications on common "
	    "random numbers; ± and whiskers: 95%% intervals (the ceiling's: "
	    "of its gain over actual).", w->reps[0] ? w->reps : "the");
	gp_string(f, sub);
	fputc('\n', f);
	if (ferror(f) | fclose(f))
		rc = FW_EIO;
	return rc;
}

/* Moves the chart's three files from out into dir/plots. */
static int
move_chart(const char *out, const char *dir, fw_error *err)
{
	static const char *const ext[] = { "png", "svg", "pdf" };
	char from[4096], to[4096];
	size_t j;

	pathf(to, sizeof(to), "%s/plots", dir);
	if (mkdir(to, 0777) != 0 && errno != EEXIST) {
		fw_error_set(err, FW_EIO, to, 0, 0, "", "cannot create: %s",
		    strerror(errno));
		return FW_EIO;
	}
	for (j = 0; j < 3; j++) {
		pathf(from, sizeof(from), "%s/waterfall.%s", out, ext[j]);
		pathf(to, sizeof(to), "%s/plots/waterfall.%s", dir, ext[j]);
		if (rename(from, to) != 0) {
			fw_error_set(err, FW_EIO, to, 0, 0, "", "cannot write: "
			    "%s", strerror(errno));
			return FW_EIO;
		}
	}
	return FW_OK;
}

int
draw_leakage_plot(const char *dir, const char *gnuplot, const char *templates,
    fw_error *err)
{
	static const char *const formats[] = { "png", "svg", "pdf" };
	char tmp[4096], out[4096], script[4096], log[4096];
	waterfall w;
	size_t i;
	int rc;

	memset(&w, 0, sizeof(w));
	if (strlen(dir) > 3000 || strlen(templates) > 3000) {
		fw_error_set(err, FW_EIO, "", 0, 0, "", "directory name too "
		    "long");
		return FW_EIO;
	}
	if ((rc = read_leakage(dir, &w, err)) != FW_OK)
		return rc;
	pathf(tmp, sizeof(tmp), "%s/.leakplot.%ld", dir, (long)getpid());
	pathf(out, sizeof(out), "%s/out", tmp);
	pathf(log, sizeof(log), "%s/gnuplot.log", tmp);
	pathf(script, sizeof(script), "%s/leakage-render.gp", templates);
	if (mkdir(tmp, 0777) != 0 || mkdir(out, 0777) != 0 ||
	    write_data(&w, tmp) != FW_OK) {
		fw_error_set(err, FW_EIO, tmp, 0, 0, "", "cannot write the "
		    "plot data: %s", strerror(errno));
		rc = FW_EIO;
	}
	for (i = 0; rc == FW_OK && i < 3; i++) {
		char *argv[] = { (char *)gnuplot, "-c", script,
			(char *)formats[i], out, tmp, (char *)templates, NULL };
		rc = gnuplot_run(gnuplot, argv, log, err);
	}
	if (rc == FW_OK)
		rc = move_chart(out, dir, err);
	remove_tree(out);
	remove_tree(tmp);
	return rc;
}
