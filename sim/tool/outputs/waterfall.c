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

#include "draw.h"
#include "gnuplot.h"
#include "leakout.h"

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
	char value[64], half[48], text[64];
	size_t j;

	fprintf(f, "%zu", x);
	for (j = 0; j < 6; j++) {
		fputc('\t', f);
		gp_value(f, col[j]);
	}
	fprintf(f, "\t%d\t", kind);
	leak_number(whole ? end : v[0], 1, !whole, half, sizeof(half));
	/* "+$966.3M", "$829.8M" */
	if (*half == '+' || *half == '-')
		snprintf(value, sizeof(value), "%c$%sM", *half, half + 1);
	else
		snprintf(value, sizeof(value), "$%sM", half);
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

/* waterfall-aim.tsv: for each stage bar, the option aimed at it as an
 * inner bar from the stage's bottom up by the option's gain, in its
 * colour, named with the share of the stage it wins back; a row of
 * NaN and "" where none is (a labels plot needs some row). */
static int
write_aims(const leak_chart *w, const size_t *order, const char *dir)
{
	FILE *f = gp_create(dir, "waterfall-aim.tsv");
	double level = w->actual[0];
	char text[200];
	size_t i;

	for (i = 0; f != NULL && i < w->n; i++) {
		size_t k = order[i];
		double g = w->gain[k][0], a = w->aim[k];
		int shown = !isnan(a) && g > 0 && a > 0;
		fprintf(f, "%zu\t", i + 2);
		gp_value(f, shown ? level : NAN);
		fputc('\t', f);
		gp_value(f, shown ? level + fmin(a, g) : NAN);
		fprintf(f, "\t%ld\t", shown ? w->aim_rgb[k] : 0L);
		gp_value(f, level + (shown ? fmin(a, g) : 0));
		fputc('\t', f);
		if (shown)
			snprintf(text, sizeof(text), "%s wins back %.0f%%",
			    w->aim_by[k], 100 * a / g);
		gp_field(f, shown ? text : "");
		fputc('\n', f);
		level += g;
	}
	return gp_close(f, FW_OK);
}

int
leak_chart_write(const leak_chart *w, const char *dir, gp_meta *m)
{
	double gain[FW_LEAKAGE_MAX_STAGES], level, ylo = 0, yhi = 0, pad;
	size_t order[FW_LEAKAGE_MAX_STAGES], i, width;
	char title[512], whose[300] = "", reps[64] = "";
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
	if ((rc = gp_close(f, FW_OK)) != FW_OK ||
	    (rc = write_aims(w, order, dir)) != FW_OK)
		return rc;
	/* a variant's decomposition says whose it is in the title, where
	 * a line has room for it */
	if (strcmp(w->variant, "baseline") != 0)
		snprintf(whose, sizeof(whose), "For %s: ", w->variant);
	leak_headline(w->label[order[0]], w->gain[order[0]][0] * 1e6, w->n,
	    title, sizeof(title));
	gp_title(m, "T_WATERFALL", GP_TITLE_CHARS, "%s%s", whose, title);
	if (!isnan(w->reps))
		snprintf(reps, sizeof(reps), ", %.0f replications",
		    w->reps);
	gp_note(m, "S_WATERFALL", "Won back without each stage's friction, "
	    "overlaps shared. ±: simulation precision (95%%%s)", reps);
	pad = 0.12 * (yhi - ylo);
	gp_num(m, "WF_NB", (double)(w->n + 2));
	gp_num(m, "WF_YMIN", ylo < 0 ? ylo - pad : 0);
	gp_num(m, "WF_YMAX", yhi + pad);
	gp_array(m, "WF_TIC1", w->n + 2);
	gp_array(m, "WF_TIC2", w->n + 2);
	gp_array(m, "WF_TIC3", w->n + 2);
	/* about 95 characters of tick labels fit across the plot */
	width = 95 / (w->n + 2) > 8 ? 95 / (w->n + 2) : 8;
	put_tic(m, 1, "NPV as projected", width);
	for (i = 0; i < w->n; i++)
		put_tic(m, i + 2, w->label[order[i]], width);
	put_tic(m, w->n + 2, "Theoretical ceiling, no friction", width);
	return m->rc;
}

int
draw_leakage_plot(const leak_chart *w, const char *dir, const char *gnuplot,
    const char *templates, fw_error *err)
{
	drawing dw;
	int rc;

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
	return rc;
}
