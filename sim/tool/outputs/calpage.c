/* calpage.c - the board pack's page on how closely a calibrated
 * baseline tracks the brand's history, when the run's scenario names the
 * fit table of the calibration that made it: a panel a series fitted,
 * the brand's months over the baseline's. calchange.c's page before it
 * says what calibrating changed. The tables are
 * read as untrusted; one that cannot be read does not fail the run: the
 * page says so, naming the file and line, and the console warns.
 * SPDX-License-Identifier: MIT */
#include "config.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "axis.h"
#include "relpath.h"
#include "fitseries.h"
#include "gnuplot.h"
#include "pack.h"
#include "term.h"
#include "textpage.h"

int
calpage_applies(const report *d)
{
	return d->calibration != NULL && *d->calibration != '\0';
}

/* A file the calibrated scenario's header names after lead ("# fitted
 * to FILE (HASH)"), into buf; "" when the scenario file is gone or says
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

/* The fit chart: a panel a series (at most CAL_PANELS), its heading
 * on the page, its months in calfit.tsv (a block a series: month,
 * observed, mean, 5th and 95th percentile, $M for money; then the
 * panels' top and bottom on the page, their number, whether the series
 * is money, and its axis: top and tick step from zero, and the last
 * month), drawn by calpage.gp between top and bottom. */
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
		double lo = 0, hi = 0, scale;
		axis ax;
		fw_metric_words(fw_series_name(s->series), &money);
		scale = money ? 1e6 : 1;
		axis_extend(s->v, 4 * (size_t)s->months, &lo, &hi);
		ax = axis_nice(0, hi / scale, AXIS_NONNEGATIVE, 5);
		for (t = 0; t < s->months; t++) {
			fprintf(f, "%d", t + 1);
			for (c = 0; c < 4; c++) {
				fputc('\t', f);
				gp_value(f, s->v[4 * t + c] / scale);
			}
			fprintf(f, "\t%.4f\t%.4f\t%zu\t%d\t%.10g\t%.10g\t%d\n",
			    top, bottom, n, money, ax.hi, ax.step, s->months);
		}
		fputs("\n\n", f);
	}
	if (f != NULL && n == 0)
		fprintf(f, "1\tNaN\tNaN\tNaN\tNaN\t%.4f\t%.4f\t0\t0\t1\t1\t1\n",
		    top, bottom);
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
 * read (pack.h). */
void
calpage_unreadable(textpage *tp, const char *what, const fw_error *err)
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

/* The title: how closely the fit tracks the history, its series' worst
 * average error. */
static void
title_of(const fitdata *fd, int read, char *buf, size_t size)
{
	double worst = 0;
	size_t i;
	int k;

	for (i = 0; read && i < fd->n; i++)
		worst = fmax(worst, error_pct(&fd->s[i], &k));
	if (read && fd->n > 0)
		snprintf(buf, size, "The fitted baseline tracks the brand's "
		    "history within %.1f%% a month on average", worst);
	else
		snprintf(buf, size, "How the baseline was fitted to the brand's "
		    "history");
}

int
calpage_write(const report *d, const fw_recommendation *vd, const char *dir,
    const char *name)
{
	char path[4096], data[1024], text[2048];
	fw_error err;
	fitdata fd;
	textpage tp;
	int h, rc, series_read;

	(void)vd;
	memset(&fd, 0, sizeof(fd));
	if (open_page(&tp, dir, name) != FW_OK)
		return FW_EIO;
	series_read = series_beside(d->calibration, path, sizeof(path)) == 0 &&
	    read_fit_series(path, &fd, &err) == FW_OK;
	title_of(&fd, series_read, text, sizeof(text));
	put_para(&tp, 0.05, TX_TITLE, text);
	tp.y -= 0.01;
	header_file(d->scenario_file, "# fitted to ", data, sizeof(data));
	h = series_read ? history_months(&fd) : 0;
	/* file names only: a page for a board carries no paths of the
	 * machine that drew it */
	snprintf(text, sizeof(text), "The baseline's inputs were set so that "
	    "its simulated months match the brand's own figures%s%s", *data ?
	    " in " : "", *data ? file_name_of(data) : "");
	if (h > 0)
		snprintf(text + strlen(text), sizeof(text) - strlen(text),
		    ", months 1 to %d", h);
	strncat(text, ".", sizeof(text) - strlen(text) - 1);
	put_para(&tp, 0.05, TX_BODY, text);
	if (series_read)
		rc = put_series(&tp, &fd, dir, 0.22);
	else {
		tp.y -= 0.01;
		calpage_unreadable(&tp, "series table", &err);
		rc = put_series(&tp, &fd, dir, tp.y);
	}
	tp.y = fmin(tp.y - 0.03, 0.13);
	put_para(&tp, 0.05, TX_NOTE, "Dots: the brand's months; line and "
	    "shading: the calibrated baseline's mean and 5th to 95th "
	    "percentile, from the calibration's own replications.");
	fitdata_clear(&fd);
	return close_page(&tp, rc);
}
