/* calplot.c - a calibration's fit plots, from its fit-series.csv: for
 * each series fitted, the brand's observed months over the calibrated
 * scenario's 5th-95th percentile band of replications and its mean,
 * titled with how closely the two agree. Like every chart, it reads the
 * table as untrusted and hands gnuplot numbers and texts as data only.
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

#include "axis.h"
#include "draw.h"
#include "relpath.h"
#include "fitseries.h"
#include "gnuplot.h"
#include "labels.h"
#include "plots.h"

/* A mean absolute error, relative to the series' level, up to which the
 * simulation is said to track the data. */
#define FIT_TRACKS 0.10


/* The element i (1-based) of array var, as meta.gp names it. */
static const char *
element(char *buf, size_t size, const char *var, size_t i)
{
	snprintf(buf, size, "%s[%zu]", var, i);
	return buf;
}

double
error_pct(const fitseries *s, int *n)
{
	double level = 0, error = 0;
	int t;

	for (*n = 0, t = 0; t < s->months; t++)
		if (!isnan(s->v[4 * t])) {
			level += fabs(s->v[4 * t]);
			error += fabs(s->v[4 * t + 1] - s->v[4 * t]);
			(*n)++;
		}
	return level > 0 ? 100 * error / level : NAN;
}

/* Series s as element i of the drawing's arrays: its title, axis label,
 * axis, and where the names at the line ends stand; *unit divides its
 * values. */
static void
describe(gp_meta *m, size_t i, const fitseries *s, double *unit)
{
	const char *name = fw_series_name(s->series), *what;
	double lo = NAN, hi = NAN, obs = NAN, mean, gap, pct;
	char where[200] = "", var[64];
	int t, n, negative = 0;
	fw_metric_info about;
	axis ax;

	fw_metric_about(name, &about);
	what = about.label;
	*unit = about.money ? 1e6 : 1;
	for (t = 0; t < s->months; t++) {
		double x[4];
		int c;
		for (c = 0; c < 4; c++)
			x[c] = s->v[4 * t + c] / *unit;
		axis_extend(x, 4, &lo, &hi);
		negative |= x[0] < 0 || x[2] < 0;
		if (!isnan(x[0]))
			obs = x[0];
	}
	pct = error_pct(s, &n);
	if (s->segment[0] != '\0')
		snprintf(where, sizeof(where), " in %s", s->segment);
	if (pct <= 100 * FIT_TRACKS)
		gp_title(m, element(var, sizeof(var), "FIT_TITLE", i),
		    GP_TITLE_CHARS, "The calibrated scenario tracks the brand's "
		    "%s%s within %.0f%% on average over %d month%s", what,
		    where, fmax(1, ceil(pct)), n, n == 1 ? "" : "s");
	else
		gp_title(m, element(var, sizeof(var), "FIT_TITLE", i),
		    GP_TITLE_CHARS, "The calibrated scenario misses the brand's "
		    "%s%s by %.0f%% on average over %d month%s", what, where,
		    round(pct), n, n == 1 ? "" : "s");
	gp_text_at(m, "YLABEL", i, "%c%s%s%s", toupper((unsigned char)what[0]),
	    what + 1, about.flow ? " per month" : "", about.money ? " ($M)" :
	    "");
	ax = axis_nice(lo, hi, negative ? 1 : AXIS_NONNEGATIVE, 5);
	gp_num_at(m, "RY_LO", i, ax.lo);
	gp_num_at(m, "RY_HI", i, ax.hi);
	gp_num_at(m, "RY_STEP", i, ax.step);
	gp_num_at(m, "RY_DEC", i, ax.decimals);
	gp_num_at(m, "MONTHS", i, s->months);
	/* The names at the line ends, kept apart. */
	mean = s->v[4 * (s->months - 1) + 1] / *unit;
	obs = isnan(obs) ? ax.lo : obs;
	if ((gap = 0.07 * (ax.hi - ax.lo) - fabs(mean - obs)) > 0) {
		double up = mean >= obs ? gap / 2 : -gap / 2;
		mean += up;
		obs -= up;
	}
	gp_num_at(m, "MEND", i, mean);
	gp_num_at(m, "OEND", i, obs);
}

/* The drawing's meta.gp and texts, and one fit-I.tsv a series: month,
 * observed, mean, p5, p95. */
static int
write_fit_data(const fitdata *d, const char *tmp, gp_meta *m)
{
	static const char *const arrays[] = { "FIT_TITLE", "YLABEL", "MONTHS",
		"RY_LO", "RY_HI", "RY_STEP", "RY_DEC", "MEND", "OEND" };
	char name[64];
	size_t i;
	int t, c, rc = FW_OK;

	gp_num(m, "NT", (double)d->n);
	gp_text(m, "SCENARIO", "%s", "");
	gp_text(m, "FIT_NOTE", "Dots: the brand's months. Line: the calibrated "
	    "scenario's mean; shaded, its 5th to 95th percentile across "
	    "replications");
	for (i = 0; i < sizeof(arrays) / sizeof(arrays[0]); i++)
		gp_array(m, arrays[i], d->n);
	for (i = 0; rc == FW_OK && i < d->n; i++) {
		const fitseries *s = &d->s[i];
		double unit;
		FILE *g;
		describe(m, i + 1, s, &unit);
		snprintf(name, sizeof(name), "fit-%zu.tsv", i + 1);
		g = gp_create(tmp, name);
		for (t = 0; g != NULL && t < s->months; t++) {
			fprintf(g, "%d", t + 1);
			for (c = 0; c < 4; c++) {
				fputc('\t', g);
				gp_value(g, s->v[4 * t + c] / unit);
			}
			fputc('\n', g);
		}
		rc = gp_close(g, rc);
	}
	return rc;
}

int
draw_fit_plots(const char *dir, const char *gnuplot, const char *templates,
    fw_error *err)
{
	char path[4096], file[200];
	drawing dw;
	fitdata d;
	size_t i;
	int rc;

	if (pathf(path, sizeof(path), "%s/fit-series.csv", dir) != 0) {
		fw_error_set(err, FW_EIO, "", 0, 0, "", "directory name too "
		    "long");
		return FW_EIO;
	}
	if ((rc = read_fit_series(path, &d, err)) != FW_OK) {
		fitdata_clear(&d);
		return rc;
	}
	rc = drawing_start(&dw, dir, "fplots", gnuplot, templates, err);
	if (rc == FW_OK) {
		rc = write_fit_data(&d, dw.tmp, &dw.meta);
		/* plots/fit-I-SERIES.*, drawn from fit-I.tsv */
		for (i = 0; rc == FW_OK && i < d.n; i++) {
			snprintf(file, sizeof(file), "fit-%zu-%s", i + 1,
			    fw_series_name((size_t)d.s[i].series));
			rc = drawing_add(&dw, file, "fit", (int)i + 1, 0, 1);
		}
		rc = drawing_data_done(&dw, rc != FW_OK ? rc : dw.meta.rc, err);
	}
	if (rc == FW_OK)
		rc = drawing_charts(&dw, err);
	drawing_end(&dw);
	fitdata_clear(&d);
	return rc;
}
