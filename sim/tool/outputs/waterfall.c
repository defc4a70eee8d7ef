/* waterfall.c - the waterfall chart of where value leaks, from the tables
 * a decomposition wrote (leakage.csv, leakage.json): actual NPV, one bar
 * per stage's Shapley gain from the largest down, and the frictionless
 * ceiling. Drawn on its own (flywheel leakage, flywheel plot) or as a
 * chart and page of the run it belongs to (charts.c, pack.c); every text
 * reaches gnuplot as data.
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
#include "draw.h"
#include "files.h"
#include "gnuplot.h"
#include "jsonread.h"
#include "leakout.h"

/* The NPV rows of leakage.csv, in $M, and what leakage.json says. */
struct leak_chart {
	size_t n;
	char label[LEAK_MAX_STAGES][256];
	double gain[LEAK_MAX_STAGES][3];	/* Shapley: mean, lo, hi */
	double actual[3];
	double total[3];	/* every stage removed, over actual */
	int have_total;
	char scenario[512], variant[256];
	double reps;		/* NaN when leakage.json does not say */
};

/* The columns read: stage, label, metric, then mean, lo and hi of the
 * actual value and of the Shapley gain. */
static const char *const wanted[] = { "stage", "label", "metric", "actual",
	"actual_lo95", "actual_hi95", "shapley", "shapley_lo95",
	"shapley_hi95" };
#define NWANTED (sizeof(wanted) / sizeof(wanted[0]))

static int
read_row(csv_reader *r, const int *col, leak_chart *w, fw_error *err)
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
read_csv(const char *dir, leak_chart *w, fw_error *err)
{
	char path[4096];
	csv_reader r;
	int col[NWANTED], got = 0, rc;
	size_t j;

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
	return rc;
}

/* leakage.json, or NULL in *j when there is none. */
static int
load_json(const char *dir, json **j, fw_error *err)
{
	char path[4096];
	int rc;

	*j = NULL;
	pathf(path, sizeof(path), "%s/leakage.json", dir);
	if (access(path, F_OK) != 0)
		return FW_OK;
	if ((rc = json_load(path, j, err)) == FW_OK &&
	    (*j)->kind != JSON_OBJECT) {
		json_free(*j);
		*j = NULL;
		fw_error_set(err, FW_EIO, path, 1, 0, "", "not a JSON object: "
		    "not a file flywheel wrote");
		return FW_EIO;
	}
	return rc;
}

/* The chart of dir's tables, what leakage.json says of them in j. */
static int
read_chart(const char *dir, const json *j, leak_chart **out, fw_error *err)
{
	leak_chart *w = calloc(1, sizeof(*w));
	int rc;

	*out = NULL;
	if (w == NULL) {
		fw_error_set(err, FW_ENOMEM, "", 0, 0, "", "out of memory");
		return FW_ENOMEM;
	}
	if ((rc = read_csv(dir, w, err)) != FW_OK) {
		free(w);
		return rc;
	}
	snprintf(w->scenario, sizeof(w->scenario), "%s", json_str(j,
	    "scenario_name", ""));
	snprintf(w->variant, sizeof(w->variant), "%s", json_str(j, "variant",
	    "baseline"));
	w->reps = json_num(j, "replications", NAN);
	*out = w;
	return FW_OK;
}

int
leak_chart_read(const char *dir, leak_chart **out, fw_error *err)
{
	json *j;
	int rc;

	*out = NULL;
	if ((rc = load_json(dir, &j, err)) == FW_OK)
		rc = read_chart(dir, j, out, err);
	json_free(j);
	return rc;
}

int
leak_chart_of_run(const char *dir, const char *hash, const char *seed,
    int months, const char *command_line, leak_chart **out, fw_error *err)
{
	json *j;
	int rc, same;

	*out = NULL;
	if ((rc = load_json(dir, &j, err)) != FW_OK || j == NULL)
		return rc;
	/* The run that asked for it wrote it, with its own command line;
	 * anything else in the directory is another question's. */
	same = strcmp(json_str(j, "scenario_hash", ""), hash) == 0 &&
	    json_num(j, "seed", NAN) == strtod(seed, NULL) &&
	    json_num(j, "horizon_months", NAN) == months &&
	    strcmp(json_str(j, "command_line", ""), command_line) == 0;
	if (same)
		rc = read_chart(dir, j, out, err);
	json_free(j);
	return rc;
}

void
leak_chart_free(leak_chart *w)
{
	free(w);
}

/* A tick label as up to three texts, WF_TIC1..3[i], in lines of at most
 * width characters broken at spaces and after hyphens (a longer word
 * stands alone). */
static void
put_tic(gp_meta *m, size_t i, const char *label, size_t width)
{
	static const char *const var[3] = { "WF_TIC1", "WF_TIC2", "WF_TIC3" };
	size_t len, cut, j, k, line;

	for (line = 0; line < 3; line++) {
		len = strlen(label);
		cut = len <= width || line == 2 ? len : 0;
		for (j = 1; cut == 0 && j < len; j++)
			if (label[j] == ' ' || label[j - 1] == '-') {
				/* the last break within width, else the
				 * first beyond it */
				cut = j;
				for (k = j + 1; k <= width && k < len; k++)
					if (label[k] == ' ' || label[k - 1] ==
					    '-')
						cut = k;
			}
		if (cut == 0)
			cut = len;
		gp_text_at(m, var[line], i, "%.*s", (int)cut, label);
		for (label += cut; *label == ' '; label++)
			;
	}
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
	char value[48], half[48], text[64];
	size_t j;

	fprintf(f, "%zu", x);
	for (j = 0; j < 6; j++) {
		fputc('\t', f);
		gp_value(f, col[j]);
	}
	fprintf(f, "\t%d\t", kind);
	leak_number(whole ? end : v[0], 1, !whole, value, sizeof(value));
	gp_field(f, value);
	fputc('\t', f);
	leak_number((v[2] - v[1]) / 2, 1, 0, half, sizeof(half));
	snprintf(text, sizeof(text), "%s%s", isnan(v[1]) ? "" : "±",
	    isnan(v[1]) ? "" : half);
	gp_field(f, text);
	fputc('\n', f);
	*ylo = fmin(*ylo, fmin(bottom, lo));
	*yhi = fmax(*yhi, fmax(top, hi));
}

int
leak_chart_write(const leak_chart *w, const char *dir, gp_meta *m)
{
	double gain[LEAK_MAX_STAGES], level, ylo = 0, yhi = 0, pad;
	size_t order[LEAK_MAX_STAGES], i, width;
	char title[512];
	FILE *f;
	int rc;

	for (i = 0; i < w->n; i++)
		gain[i] = w->gain[i][0];
	leak_order(gain, w->n, order);
	if ((f = gp_create(dir, "waterfall.tsv")) == NULL)
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
	if ((rc = gp_close(f, FW_OK)) != FW_OK)
		return rc;
	leak_headline(w->label[order[0]], w->gain[order[0]][0] * 1e6, w->n,
	    title, sizeof(title));
	gp_title(m, "T_WATERFALL", 66, "%s", title);
	if (isnan(w->reps))
		gp_text(m, "S_WATERFALL", "Where value leaks in %s (%s): NPV "
		    "gained by removing each stage, its Shapley value, $M",
		    w->scenario, w->variant);
	else
		gp_text(m, "S_WATERFALL", "Where value leaks in %s (%s): NPV "
		    "gained by removing each stage, its Shapley value, $M; "
		    "means of %.0f paired replications, ± 95%%", w->scenario,
		    w->variant, w->reps);
	pad = 0.12 * (yhi - ylo);
	gp_num(m, "WF_NB", (double)(w->n + 2));
	gp_num(m, "WF_YMIN", ylo < 0 ? ylo - pad : 0);
	gp_num(m, "WF_YMAX", yhi + pad);
	gp_array(m, "WF_TIC1", w->n + 2);
	gp_array(m, "WF_TIC2", w->n + 2);
	gp_array(m, "WF_TIC3", w->n + 2);
	/* about 95 characters of tick labels fit across the plot */
	width = 95 / (w->n + 2) > 8 ? 95 / (w->n + 2) : 8;
	put_tic(m, 1, "Actual", width);
	for (i = 0; i < w->n; i++)
		put_tic(m, i + 2, w->label[order[i]], width);
	put_tic(m, w->n + 2, "Frictionless ceiling", width);
	return m->rc;
}

int
draw_leakage_plot(const char *dir, const char *gnuplot, const char *templates,
    fw_error *err)
{
	leak_chart *w;
	drawing dw;
	int rc;

	if ((rc = leak_chart_read(dir, &w, err)) != FW_OK)
		return rc;
	rc = drawing_start(&dw, dir, "leakplot", gnuplot, templates, err);
	if (rc == FW_OK) {
		rc = leak_chart_write(w, dw.tmp, &dw.meta);
		gp_text(&dw.meta, "SCENARIO", "%s", w->scenario);
		if (rc == FW_OK)
			rc = drawing_add(&dw, "waterfall", "waterfall", 1, 0, 1);
		rc = drawing_data_done(&dw, rc != FW_OK ? rc : dw.meta.rc, err);
	}
	if (rc == FW_OK)
		rc = drawing_charts(&dw, err);
	drawing_end(&dw);
	leak_chart_free(w);
	return rc;
}
