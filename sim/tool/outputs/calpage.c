/* calpage.c - the board pack's page on how the baseline was fitted to
 * the brand's history, when the run's scenario names the fit table of
 * the calibration that made it: the inputs fitted with their estimates
 * and 95% intervals, those the data could not identify, and the series
 * with how closely the calibrated scenario tracks them. The tables are
 * read as untrusted; one that cannot be read does not fail the run: the
 * page says so, naming the file and line, and the console warns.
 * SPDX-License-Identifier: MIT */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "relpath.h"
#include "fittable.h"
#include "fitseries.h"
#include "labels.h"
#include "pack.h"
#include "term.h"
#include "textpage.h"

int
calpage_applies(const report *d)
{
	return d->calibration != NULL && *d->calibration != '\0';
}

/* The data file the calibrated scenario's header says it was fitted to
 * ("# fitted to FILE (HASH), months 1 to H,"), into buf; "" when the
 * scenario file is gone or says nothing of it. */
static void
data_file(const char *scenario_file, char *buf, size_t size)
{
	static const char lead[] = "# fitted to ";
	char line[1024], *end;
	FILE *f = fopen(scenario_file, "r");
	int i;

	buf[0] = '\0';
	for (i = 0; f != NULL && i < 4 && fgets(line, sizeof(line), f); i++)
		if (strncmp(line, lead, sizeof(lead) - 1) == 0 &&
		    (end = strstr(line, " (fnv1a64:")) != NULL) {
			*end = '\0';
			snprintf(buf, size, "%s", line + sizeof(lead) - 1);
			break;
		}
	if (f != NULL)
		fclose(f);
}

/* An input's name: "access friction (friction.access)". */
static void
input_name(const fit_input *in, char *buf, size_t size)
{
	char label[200];

	param_label(in->path, label, sizeof(label));
	/* both only when they fit before the estimate's column */
	if (strcmp(label, in->path) == 0 || strlen(label) + strlen(in->path) >
	    64)
		snprintf(buf, size, "%s", in->path);
	else
		snprintf(buf, size, "%s (%s)", label, in->path);
}

static void
put_inputs(textpage *tp, const fit_table *t)
{
	static const double col[] = { 0.05, 0.62, 0.77 };
	char name[400], a[64], b[64], text[1024];
	size_t i, fitted = 0;

	for (i = 0; i < t->n; i++)
		fitted += t->in[i].identified;
	if (fitted > 0) {
		put_line(tp, col[0], TX_HEAD, "Input fitted");
		put_line(tp, col[1], TX_HEAD, "Estimate");
		put_line(tp, col[2], TX_HEAD, "95% interval");
		tp->y -= line_height[TX_HEAD];
	}
	for (i = 0; i < t->n; i++) {
		const fit_input *in = &t->in[i];
		if (!in->identified)
			continue;
		input_name(in, name, sizeof(name));
		put_line(tp, col[0], TX_BODY, name);
		param_value(in->path, in->estimate, a, sizeof(a));
		put_line(tp, col[1], TX_BODY, a);
		param_value(in->path, in->lo95, a, sizeof(a));
		param_value(in->path, in->hi95, b, sizeof(b));
		snprintf(text, sizeof(text), "%s to %s", a, b);
		put_line(tp, col[2], TX_BODY, text);
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

static void
put_series(textpage *tp, const fitdata *fd)
{
	char text[512];
	size_t i;
	int n, money;

	tp->y -= 0.01;
	put_para(tp, 0.05, TX_HEAD, "Series fitted, and how closely the "
	    "calibrated baseline tracks them");
	for (i = 0; i < fd->n; i++) {
		const fitseries *s = &fd->s[i];
		double pct = error_pct(s, &n);
		snprintf(text, sizeof(text), "%s%s%s: %d month%s observed, off by "
		    "%.1f%% of its level on average", fw_metric_words(
		    fw_series_name(s->series), &money),
		    *s->segment ? " in " : "", s->segment, n, n == 1 ? "" : "s",
		    pct);
		put_para(tp, 0.07, TX_BODY, text);
	}
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

	fw_error_format(err, msg, sizeof(msg));
	term_line(stderr, "flywheel: warning: %s; the board pack says the %s "
	    "could not be read", msg, what);
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
		return gp_close(tp.f, FW_OK);
	}
	series_read = series_beside(d->calibration, path, sizeof(path)) == 0 &&
	    read_fit_series(path, &fd, &err) == FW_OK;
	data_file(d->scenario_file, data, sizeof(data));
	h = series_read ? history_months(&fd) : 0;
	snprintf(text, sizeof(text), "The baseline's inputs were set so that "
	    "its simulated months match the brand's own figures%s%s", *data ?
	    " in " : "", data);
	if (h > 0)
		snprintf(text + strlen(text), sizeof(text) - strlen(text),
		    ", months 1 to %d", h);
	strncat(text, ".", sizeof(text) - strlen(text) - 1);
	put_para(&tp, 0.05, TX_BODY, text);
	tp.y -= 0.015;
	put_inputs(&tp, t);
	if (series_read)
		put_series(&tp, &fd);
	else {
		tp.y -= 0.01;
		put_unreadable(&tp, "series table", &err);
	}
	tp.y = fmin(tp.y - 0.02, 0.16);
	/* the table's own name only: a page for a board carries no paths
	 * of the machine that drew it */
	snprintf(text, sizeof(text), "From the fit table %s. The 95%% "
	    "intervals come from the curvature of the fit's objective; an "
	    "input the data do not identify keeps the scenario's own value or "
	    "distribution.", file_name_of(d->calibration));
	put_para(&tp, 0.05, TX_NOTE, text);
	fitdata_clear(&fd);
	free(t);
	return gp_close(tp.f, FW_OK);
}
