/* calpage.c - the board pack's page on how the baseline was fitted to
 * the brand's history, when the run's scenario names the fit table of
 * the calibration that made it: the inputs fitted with their estimates
 * and 95% intervals, those the data could not identify, and the series
 * with how closely the calibrated scenario tracks them. The tables are
 * read as untrusted; one that cannot be read does not fail the run: the
 * page says so, naming the file and line, and the console warns.
 * SPDX-License-Identifier: MIT */
#include "config.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "relpath.h"
#include "fittable.h"
#include "fitseries.h"
#include "gnuplot.h"
#include "labels.h"
#include "pack.h"
#include "term.h"
#include "textpage.h"

int
calpage_applies(const report *d)
{
	return d->calibration != NULL && *d->calibration != '\0';
}

/* A file the calibrated scenario's header names after lead ("# fitted
 * to FILE (HASH)", "# Calibrated scenario: the baseline of FILE
 * (HASH)"), into buf; "" when the scenario file is gone or says
 * nothing of it. */
static void
header_file(const char *scenario_file, const char *lead, char *buf,
    size_t size)
{
	char line[1024], *end;
	FILE *f = fopen(scenario_file, "r");
	size_t n = strlen(lead);
	int i;

	buf[0] = '\0';
	for (i = 0; f != NULL && i < 4 && fgets(line, sizeof(line), f); i++)
		if (strncmp(line, lead, n) == 0 &&
		    (end = strstr(line, " (fnv1a64:")) != NULL) {
			*end = '\0';
			snprintf(buf, size, "%s", line + n);
			break;
		}
	if (f != NULL)
		fclose(f);
}

/* An input's name in words: "access friction"; its key when the key
 * table does not know it. */
static void
input_name(const fit_input *in, char *buf, size_t size)
{
	fw_key_label(in->path, buf, size);
}

/* The inputs fitted: the team's value before (the median of the
 * scenario calibrated, when it can still be read: what calibrating
 * changed), the estimate and its 95% interval; then those the data
 * could not identify. */
static void
put_inputs(textpage *tp, const fit_table *t, const fw_scenario *before)
{
	static const double col[] = { 0.05, 0.45, 0.62, 0.77 };
	char name[400], a[64], b[64], text[1024];
	size_t i, fitted = 0;
	double x;

	for (i = 0; i < t->n; i++)
		fitted += t->in[i].identified;
	if (fitted > 0) {
		put_line(tp, col[0], TX_HEAD, "Input fitted");
		if (before != NULL)
			put_line(tp, col[1], TX_HEAD, "Before");
		put_line(tp, col[2], TX_HEAD, "Fitted");
		put_line(tp, col[3], TX_HEAD, "95% interval");
		tp->y -= line_height[TX_HEAD];
	}
	for (i = 0; i < t->n; i++) {
		const fit_input *in = &t->in[i];
		if (!in->identified)
			continue;
		input_name(in, name, sizeof(name));
		put_line(tp, col[0], TX_BODY, name);
		if (before != NULL && fw_scenario_value(before, NULL, in->path,
		    0.5, &x, NULL) == FW_OK) {
			param_value(in->path, x, a, sizeof(a));
			put_line(tp, col[1], TX_BODY, a);
		}
		param_value(in->path, in->estimate, a, sizeof(a));
		put_line(tp, col[2], TX_BODY, a);
		param_value(in->path, in->lo95, a, sizeof(a));
		param_value(in->path, in->hi95, b, sizeof(b));
		snprintf(text, sizeof(text), "%s to %s", a, b);
		put_line(tp, col[3], TX_BODY, text);
		tp->y -= line_height[TX_BODY];
	}
	if (fitted < t->n) {
		tp->y -= 0.01;
		put_para(tp, col[0], TX_HEAD, "Not identified by the data");
	}
	for (i = 0; i < t->n; i++) {
		const fit_input *in = &t->in[i];
		if (in->identified)
			continue;
		input_name(in, name, sizeof(name));
		snprintf(text, sizeof(text), "%s: %s", name, *in->note ?
		    in->note : "not fitted");
		put_para(tp, col[0] + 0.02, TX_BODY, text);
	}
	if (t->rows > t->n) {
		snprintf(text, sizeof(text), "... and %zu more inputs (fit.csv "
		    "lists them all)", t->rows - t->n);
		put_para(tp, col[0], TX_NOTE, text);
	}
}

/* The fit chart: a panel a series (at most CAL_PANELS), its heading
 * on the page, its months in calfit.tsv (a block a series: month,
 * observed, mean, 5th and 95th percentile, $M for money; then the
 * panels' top and bottom on the page and their number), drawn by
 * calpage.gp between top and bottom. */
#define CAL_PANELS 3
static int
put_series(textpage *tp, const fitdata *fd, const char *dir, double bottom)
{
	FILE *f = gp_create(dir, "calfit.tsv");
	size_t i, n = fd->n < CAL_PANELS ? fd->n : CAL_PANELS;
	double width = 0.88 / (double)(n > 0 ? n : 1), top;
	char text[512];
	int t, c, k, money;

	tp->y -= 0.01;
	for (i = 0; i < n; i++) {
		const fitseries *s = &fd->s[i];
		double pct = error_pct(s, &k);
		const char *what = fw_metric_words(fw_series_name(s->series),
		    &money);
		snprintf(text, sizeof(text), "%c%s%s%s%s: off by %.1f%% on average",
		    toupper((unsigned char)what[0]), what + 1, money ? " ($M)" :
		    "", *s->segment ? " in " : "", s->segment, pct);
		put_line(tp, 0.06 + width * (double)i, TX_NOTE, text);
	}
	tp->y -= line_height[TX_NOTE] + 0.01;
	top = tp->y;
	for (i = 0; f != NULL && i < n; i++) {
		const fitseries *s = &fd->s[i];
		fw_metric_words(fw_series_name(s->series), &money);
		for (t = 0; t < s->months; t++) {
			fprintf(f, "%d", t + 1);
			for (c = 0; c < 4; c++) {
				fputc('\t', f);
				gp_value(f, s->v[4 * t + c] / (money ? 1e6 : 1));
			}
			fprintf(f, "\t%.4f\t%.4f\t%zu\n", top, bottom, n);
		}
		fputs("\n\n", f);
	}
	if (f != NULL && n == 0)
		fprintf(f, "1\tNaN\tNaN\tNaN\tNaN\t%.4f\t%.4f\t0\n", top,
		    bottom);
	tp->y = bottom;
	return gp_close(f, FW_OK);
}

/* The last month of any series: the history's length. */
static int
history_months(const fitdata *fd)
{
	size_t i;
	int h = 0;

	for (i = 0; i < fd->n; i++)
		if (fd->s[i].months > h)
			h = fd->s[i].months;
	return h;
}

/* Says on the page and, once, on the console that a table could not be
 * read. */
static void
put_unreadable(textpage *tp, const char *what, const fw_error *err)
{
	char msg[1200], text[1400];

	fw_error named = *err;

	fw_error_format(err, msg, sizeof(msg));
	term_line(stderr, "flywheel: warning: %s; the board pack says the %s "
	    "could not be read", msg, what);
	/* the page names the file alone: no path of this machine */
	snprintf(named.file, sizeof(named.file), "%s", file_name_of(err->file));
	fw_error_format(&named, msg, sizeof(msg));
	snprintf(text, sizeof(text), "The %s could not be read: %s.", what,
	    msg);
	put_para(tp, 0.05, TX_STRONG, text);
}

/* fit-series.csv beside the fit table, into buf. */
static int
series_beside(const char *fit, char *buf, size_t size)
{
	const char *slash = strrchr(fit, '/');

	return pathf(buf, size, "%.*s%s", slash != NULL ? (int)(slash - fit +
	    1) : 0, fit, "fit-series.csv");
}

int
calpage_write(const report *d, const fw_recommendation *vd, const char *dir,
    const char *name)
{
	char path[4096], data[1024], text[2048];
	fit_table *t = calloc(1, sizeof(*t));
	fw_scenario *before = NULL;
	int rc;
	fw_error err;
	fitdata fd;
	textpage tp;
	int h, series_read;

	(void)vd;
	memset(&fd, 0, sizeof(fd));
	if (t == NULL)
		return FW_ENOMEM;
	if (open_page(&tp, dir, name) != FW_OK) {
		free(t);
		return FW_EIO;
	}
	put_para(&tp, 0.05, TX_TITLE, "How the baseline was fitted to the "
	    "brand's history");
	tp.y -= 0.01;
	if (read_fit_table(d->calibration, t, &err) != FW_OK) {
		put_unreadable(&tp, "fit table", &err);
		tp.y -= 0.02;
		put_para(&tp, 0.05, TX_BODY, "The scenario was calibrated, but "
		    "this pack cannot say how: flywheel calibrate writes the "
		    "fit table beside the calibrated scenario.");
		free(t);
		return close_page(&tp, put_series(&tp, &fd, dir, tp.y));
	}
	series_read = series_beside(d->calibration, path, sizeof(path)) == 0 &&
	    read_fit_series(path, &fd, &err) == FW_OK;
	header_file(d->scenario_file, "# fitted to ", data, sizeof(data));
	header_file(d->scenario_file, "# Calibrated scenario: the baseline "
	    "of ", path, sizeof(path));
	if (*path && fw_scenario_load(path, &before, NULL) != FW_OK)
		before = NULL;
	h = series_read ? history_months(&fd) : 0;
	/* file names only: a page for a board carries no paths of the
	 * machine that drew it */
	snprintf(text, sizeof(text), "The baseline's inputs were set so that "
	    "its simulated months match the brand's own figures%s%s", *data ?
	    " in " : "", *data ? file_name_of(data) : "");
	if (h > 0)
		snprintf(text + strlen(text), sizeof(text) - strlen(text),
		    ", months 1 to %d", h);
	strncat(text, before != NULL ? "; before, the team's own values." :
	    ".", sizeof(text) - strlen(text) - 1);
	put_para(&tp, 0.05, TX_BODY, text);
	tp.y -= 0.015;
	put_inputs(&tp, t, before);
	fw_scenario_free(before);
	if (series_read)
		rc = put_series(&tp, &fd, dir, 0.24);
	else {
		tp.y -= 0.01;
		put_unreadable(&tp, "series table", &err);
		rc = put_series(&tp, &fd, dir, tp.y);
	}
	tp.y = fmin(tp.y - 0.02, 0.13);
	snprintf(text, sizeof(text), "Dots: the brand's months; line and "
	    "shading: the calibrated baseline's mean and 5th to 95th percentile. "
	    "From the fit table %s; its 95%% intervals come from the curvature "
	    "of the fit's objective; an input the data do not identify keeps "
	    "the scenario's own value or distribution.",
	    file_name_of(d->calibration));
	put_para(&tp, 0.05, TX_NOTE, text);
	fitdata_clear(&fd);
	free(t);
	return close_page(&tp, rc);
}
