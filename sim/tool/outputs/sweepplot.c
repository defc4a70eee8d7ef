/* sweepplot.c - the plots of a finished sweep, from its tables
 * (sweepread.c): tornado (oneway), Sobol' indices (sobol), response
 * curves (grid of one parameter, lhs) and a heat map in $M with the
 * break-even line labelled (grid of two parameters), named by what they
 * show.
 * SPDX-License-Identifier: MIT */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "axis.h"
#include "charts.h"
#include "draw.h"
#include "labels.h"
#include "plots.h"
#include "sweepread.h"
#include "valuewords.h"

/* A file name from a label: lower-case letters, digits and dashes. */
static void
slug(const char *s, char *buf, size_t size)
{
	size_t n = 0;

	for (; *s && n + 1 < size && n < 60; s++) {
		char c = *s;
		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
			buf[n++] = c;
		else if (n > 0 && buf[n - 1] != '-')
			buf[n++] = '-';
	}
	while (n > 0 && buf[n - 1] == '-')
		n--;
	buf[n] = '\0';
	if (n == 0)
		snprintf(buf, size, "metric");
}

/* Adds the chart of metric m (and parameter p) to the list, named by
 * what it shows; a name met before gets -2, -3, ... */
static int
add_chart(drawing *dw, const char *tpl, size_t m, size_t p,
    const sweepdata *s)
{
	char a[80], b[80], file[200];
	size_t i, dup = 0;

	slug(s->metric[m], a, sizeof(a));
	slug(s->param_key[p], b, sizeof(b));
	if (strcmp(tpl, "response") == 0)
		snprintf(file, sizeof(file), "%s-%s-%s", tpl, a, b);
	else
		snprintf(file, sizeof(file), "%s-%s", tpl, a);
	for (i = 0; i < dw->n; i++)
		dup += strncmp(dw->row[i].file, file, strlen(file)) == 0;
	if (dup > 0) {
		size_t len = strlen(file);
		snprintf(file + len, sizeof(file) - len, "-%zu", dup + 1);
	}
	return drawing_add(dw, file, tpl, (int)m + 1, (int)p + 1, 1);
}

/* How parameter j is drawn on an axis: money in $k or $M, the unit
 * named after the label. */
static double
param_scale(const sweepdata *s, size_t j, char *unit, size_t size)
{
	const char *u = param_unit(s->param_key[j]);
	double top = 0;
	size_t i;

	for (i = 0; i < s->nrow; i++)
		top = fmax(top, fabs(s->x[i * s->np + j]));
	if (strcmp(u, "$") == 0 && top >= 1e6) {
		snprintf(unit, size, " ($M)");
		return 1e6;
	}
	if (strcmp(u, "$") == 0 && top >= 1e4) {
		snprintf(unit, size, " ($k)");
		return 1e3;
	}
	snprintf(unit, size, "%s%s%s", *u ? " (" : "", u, *u ? ")" : "");
	return 1;
}

static double
scale_of(const sweepdata *s, size_t m)
{
	return metric_is_money(s->metric[m]) ? 1e6 : 1;
}

/* The tornado of metric m (oneway): change from the base at each
 * parameter's low and high end, the values written at the bar ends. */
static int
write_tornado(const sweepdata *s, size_t m, const char *dir, gp_meta *g)
{
	tornado_row *row = calloc(s->np + 1, sizeof(*row));
	char (*name)[200] = calloc(s->np + 1, sizeof(*name));
	char words[300], base[48], var[32], ends[2][VALUE_WORDS];
	double k = scale_of(s, m), at_base = NAN;
	size_t j;
	int rc;

	if (row == NULL || name == NULL) {
		free(row);
		free(name);
		return FW_ENOMEM;
	}
	for (j = 0; j < s->np; j++) {
		const double *x = &s->sens[(m * s->np + j) * 6];
		fw_key_label(s->param_key[j], name[j], sizeof(name[j]));
		row[j].name = name[j];
		snprintf(row[j].label, sizeof(row[j].label), "%s", name[j]);
		row[j].low = (x[3] - x[2]) / k;
		row[j].high = (x[4] - x[2]) / k;
		/* the parameter's ends beside its name, the metric's
		 * change at the bars */
		values_words(s->param_key[j], x, 2, ends);
		snprintf(row[j].range, sizeof(row[j].range), "%s \xe2\x86\x92 "
		    "%s", ends[0], ends[1]);
		tornado_change_text(row[j].low, k > 1, row[j].low_text,
		    sizeof(row[j].low_text));
		tornado_change_text(row[j].high, k > 1, row[j].high_text,
		    sizeof(row[j].high_text));
		at_base = x[2];
	}
	rc = tornado_write(row, s->np, dir, m + 1, g);
	metric_label(s->metric[m], 0, words, sizeof(words));
	if (k > 1)
		fw_format_money(at_base, base, sizeof(base));
	else
		snprintf(base, sizeof(base), "%.3g", at_base);
	snprintf(var, sizeof(var), "T_TORNADO[%zu]", m + 1);
	gp_title(g, var, GP_TITLE_CHARS, "What moves the %s most: %s", words,
	    row[0].label);
	gp_text_at(g, "S_TORNADO", m + 1, "Change from the base case (%s, "
	    "every parameter at its base value) when one parameter goes to "
	    "its low or high end", base);
	metric_label(s->metric[m], 1, words, sizeof(words));
	gp_text_at(g, "TX_LABEL", m + 1, "Change in %s", words);
	free(row);
	free(name);
	return rc;
}

/* Sobol' indices of metric m, parameters in order. */
static int
write_indices(const sweepdata *s, size_t m, const char *dir, gp_meta *g)
{
	char name[32], label[200], words[300], var[32];
	FILE *f;
	size_t j;

	snprintf(name, sizeof(name), "sens-%zu.tsv", m + 1);
	f = gp_create(dir, name);
	for (j = 0; f != NULL && j < s->np; j++) {
		const double *x = &s->sens[(m * s->np + j) * 6];
		size_t i;
		fw_key_label(s->param_key[j], label, sizeof(label));
		fprintf(f, "%zu\t", j + 1);
		gp_field(f, label);
		for (i = 0; i < 6; i++) {
			fputc('\t', f);
			gp_value(f, x[i]);
		}
		fputc('\n', f);
	}
	metric_label(s->metric[m], 0, words, sizeof(words));
	snprintf(var, sizeof(var), "T_INDICES[%zu]", m + 1);
	gp_title(g, var, GP_TITLE_CHARS, "Which parameters drive the %s (Sobol' "
	    "indices)", words);
	return gp_close(f, FW_OK);
}

/* The break-even point to label on a heat map of metric m: where the
 * mean crosses zero between neighbours of the grid, the middle one. */
static void
put_breakeven(const sweepdata *s, size_t m, const double *scale, gp_meta *g)
{
	double bx[256], by[256];
	size_t i, n = 0;

	for (i = 0; i + 1 < s->nrow && n < 256; i++) {
		double a = s->y[(i * s->nm + m) * 3];
		double b = s->y[((i + 1) * s->nm + m) * 3];
		if (s->x[i * s->np] != s->x[(i + 1) * s->np] || isnan(a) ||
		    isnan(b) || (a < 0) == (b < 0) || a == b)
			continue;
		bx[n] = s->x[i * s->np];
		by[n] = s->x[i * s->np + 1] + (s->x[(i + 1) * s->np + 1] -
		    s->x[i * s->np + 1]) * a / (a - b);
		n++;
	}
	gp_num_at(g, "BE_X", m + 1, n > 0 ? bx[n / 2] / scale[0] : NAN);
	gp_num_at(g, "BE_Y", m + 1, n > 0 ? by[n / 2] / scale[1] : NAN);
}

/* Data for the templates: meta.gp, strings, points, one file a chart. */
static int
write_sweep_data(const sweepdata *s, drawing *dw)
{
	const char *tmp = dw->tmp;
	gp_meta *g = &dw->meta;
	int grid = strcmp(s->design, "grid") == 0;
	int oneway = strcmp(s->design, "oneway") == 0;
	int sobol = strcmp(s->design, "sobol") == 0;
	char label[300], unit[64];
	double pscale[2] = { 1, 1 };
	size_t i, j, m;
	FILE *f;
	int rc = FW_OK;

	gp_num(g, "NP", (double)s->np);
	gp_num(g, "NM", (double)s->nm);
	gp_num(g, "GRID", grid);
	gp_num(g, "TM", 1);
	gp_array(g, "PARAM", s->np);
	gp_array(g, "METRIC", s->nm);
	for (j = 0; j < s->np && j < 2; j++)
		pscale[j] = param_scale(s, j, unit, sizeof(unit));
	for (j = 0; j < s->np; j++) {
		fw_key_label(s->param_key[j], label, sizeof(label));
		param_scale(s, j, unit, sizeof(unit));
		gp_text_at(g, "PARAM", j + 1, "%s%s", label, unit);
	}
	for (m = 0; m < s->nm; m++) {
		metric_label(s->metric[m], 1, label, sizeof(label));
		gp_text_at(g, "METRIC", m + 1, "%s", label);
	}
	gp_array(g, "T_TORNADO", s->nm);
	gp_array(g, "S_TORNADO", s->nm);
	gp_array(g, "TX_LABEL", s->nm);
	gp_array(g, "TX_LO", s->nm);
	gp_array(g, "TX_HI", s->nm);
	gp_array(g, "TX_STEP", s->nm);
	gp_array(g, "TX_DEC", s->nm);
	gp_array(g, "NTORNADO", s->nm);
	gp_array(g, "T_INDICES", s->nm);
	gp_array(g, "BE_X", s->nm);
	gp_array(g, "BE_Y", s->nm);
	gp_text(g, "T_LOWKEY", "parameter at its low value");
	gp_text(g, "T_HIGHKEY", "parameter at its high value");
	/* points: parameter values, then mean, p5, p95 of each metric */
	f = gp_create(tmp, "points.tsv");
	for (i = 0; f != NULL && i < s->nrow; i++) {
		for (j = 0; j < s->np; j++) {
			char u[64];
			gp_value(f, s->x[i * s->np + j] / param_scale(s, j, u,
			    sizeof(u)));
			fputc('\t', f);
		}
		for (m = 0; m < s->nm; m++)
			for (j = 0; j < 3; j++) {
				gp_value(f, s->y[(i * s->nm + m) * 3 + j] /
				    scale_of(s, m));
				fputc(m + 1 < s->nm || j < 2 ? '\t' : '\n', f);
			}
		/* a blank line between rows of a two-parameter grid */
		if (s->np == 2 && i + 1 < s->nrow && s->x[(i + 1) * s->np] !=
		    s->x[i * s->np])
			fputc('\n', f);
	}
	rc = gp_close(f, rc);
	for (m = 0; rc == FW_OK && m < s->nm; m++) {
		if (oneway && s->has_sens) {
			rc = write_tornado(s, m, tmp, g);
			if (rc == FW_OK)
				rc = add_chart(dw, "tornado", m, 0, s);
		} else if (sobol && s->has_sens) {
			rc = write_indices(s, m, tmp, g);
			if (rc == FW_OK)
				rc = add_chart(dw, "indices", m, 0, s);
		} else if (grid && s->np == 2) {
			put_breakeven(s, m, pscale, g);
			rc = add_chart(dw, "heatmap", m, 0, s);
		} else if ((grid && s->np == 1) || !grid)
			for (j = 0; rc == FW_OK && j < s->np; j++)
				rc = add_chart(dw, "response", m, j, s);
	}
	return rc;
}

int
draw_sweep_plots(const char *dir, const char *gnuplot, const char *templates,
    fw_error *err)
{
	drawing dw;
	sweepdata s;
	int rc;

	if ((rc = sweep_read(dir, &s, err)) != FW_OK) {
		sweep_clear(&s);
		return rc;
	}
	rc = drawing_start(&dw, dir, "splots", gnuplot, templates, err);
	if (rc == FW_OK) {
		rc = write_sweep_data(&s, &dw);
		gp_text(&dw.meta, "SCENARIO", "%s", "");
		rc = drawing_data_done(&dw, rc != FW_OK ? rc : dw.meta.rc, err);
	}
	if (rc == FW_OK)
		rc = drawing_charts(&dw, err);
	drawing_end(&dw);
	sweep_clear(&s);
	return rc;
}
