/* charts.c - the data and titles of a run's charts.
 * SPDX-License-Identifier: MIT */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "axis.h"
#include "charts.h"
#include "density.h"
#include "labels.h"
#include "leakout.h"
#include "valuewords.h"

#define M(x) ((x) / 1e6)
#define NGRID 241		/* points of a density curve */

/* Writes NAME_LO, NAME_HI, NAME_STEP and NAME_DEC. */
static void
put_axis(gp_meta *m, const char *name, axis a)
{
	char var[64];

	snprintf(var, sizeof(var), "%s_LO", name);
	gp_num(m, var, a.lo);
	snprintf(var, sizeof(var), "%s_HI", name);
	gp_num(m, var, a.hi);
	snprintf(var, sizeof(var), "%s_STEP", name);
	gp_num(m, var, a.step);
	snprintf(var, sizeof(var), "%s_DEC", name);
	gp_num(m, var, a.decimals);
}

/* Spreads label heights y[0..n-1] at least gap apart inside [lo, hi],
 * keeping their order: direct labels at line ends that do not overlap. */
static void
spread_labels(double *y, size_t n, double gap, double lo, double hi)
{
	size_t *ord = malloc((n + 1) * sizeof(size_t)), i, j;

	if (ord == NULL)
		return;
	for (i = 0; i < n; i++)
		ord[i] = i;
	for (i = 1; i < n; i++)
		for (j = i; j > 0 && y[ord[j]] < y[ord[j - 1]]; j--) {
			size_t t = ord[j];
			ord[j] = ord[j - 1];
			ord[j - 1] = t;
		}
	for (i = 0; i < n; i++) {
		if (y[ord[i]] < lo)
			y[ord[i]] = lo;
		if (i > 0 && y[ord[i]] < y[ord[i - 1]] + gap)
			y[ord[i]] = y[ord[i - 1]] + gap;
	}
	for (i = n; i-- > 0;) {
		if (y[ord[i]] > hi)
			y[ord[i]] = hi;
		if (i + 1 < n && y[ord[i]] > y[ord[i + 1]] - gap)
			y[ord[i]] = y[ord[i + 1]] - gap;
	}
	free(ord);
}

/* Whether variant v's cash is the baseline's in every month: its
 * payback and start mean nothing then. */
static int
no_difference(const report *d, size_t v)
{
	int t;

	for (t = 1; t <= d->T; t++)
		if (!(d->dcash[v * (size_t)d->T + (size_t)t - 1] == 0))
			return 0;
	return 1;
}

/* The leader's variant number, 0 when there is no option. */
static size_t
leader(const fw_recommendation *vd)
{
	return vd->n > 0 ? vd->opt[0].variant : 0;
}

/* Variant v's NPV less the baseline's, replication by replication, $M. */
static void
gains(const report *d, size_t v, double *x)
{
	size_t r;

	for (r = 0; r < d->R; r++)
		x[r] = M(d->rep_npv[r * d->nv + v] - d->rep_npv[r * d->nv]);
}

/* Whether the call is close: every title of the run says so. */
static int
close_call(const fw_recommendation *vd)
{
	return vd->call == FW_CALL_CLOSE && vd->n >= 2 &&
	    vd->rival == vd->opt[1].variant;
}

/* The paired values a row of decision.gp shows, $M: option i's gain
 * over the baseline, or (i == n) the leader's NPV less the
 * runner-up's. */
static void
decision_values(const report *d, const fw_recommendation *vd, size_t i,
    double *x)
{
	size_t r;

	if (i < vd->n) {
		gains(d, vd->opt[i].variant, x);
		return;
	}
	for (r = 0; r < d->R; r++)
		x[r] = M(d->rep_npv[r * d->nv + vd->opt[0].variant] -
		    d->rep_npv[r * d->nv + vd->opt[1].variant]);
}

/* One row of decision.gp: its shape (a dot and 5th-95th bar instead when
 * the spread is too narrow to see as a shape) and its figures. */
static void
decision_row(const report *d, double *x, double *y, size_t row,
    const char *name, size_t colour, const axis *ax, FILE *shape,
    FILE *rows)
{
	double top = 0, x0 = NAN, x1 = NAN, pad;
	size_t j;
	fw_stats s;
	int narrow;

	fw_stats_of(x, d->R, &s);
	axis_extend(x, d->R, &x0, &x1);
	pad = (x1 - x0) * 0.15;
	narrow = !(s.p95 - s.p5 > 0.04 * (ax->hi - ax->lo));
	if (!narrow && density(x, d->R, x0 - pad, x1 + pad, NGRID, y) == 0) {
		for (j = 0; j < NGRID; j++)
			top = fmax(top, y[j]);
		for (j = 0; j < NGRID; j++)
			fprintf(shape, "%.10g\t%.6f\t%.6f\n", x0 - pad + (x1 -
			    x0 + 2 * pad) * (double)j / (NGRID - 1),
			    (double)row + 0.38 * y[j] / top,
			    (double)row - 0.38 * y[j] / top);
		fputs("\n\n", shape);
	} else {
		narrow = 1;
		fprintf(shape, "NaN\tNaN\tNaN\n\n\n");
	}
	fprintf(rows, "%zu\t", row);
	gp_field(rows, name);
	fprintf(rows, "\t%.10g\t%.10g\t%.10g\t%.10g\t%zu\t%d\n", s.p5, s.mean,
	    s.p95, s.mean, colour, narrow);
}

/* decision.gp: each option's paired ΔNPV as a shape, ranked from the
 * top, with its 5th, 50th and 95th percentiles and its chance of loss;
 * on a close call, below them the difference the call turns on: the
 * leader's NPV less the runner-up's, paired. */
static int
write_decision(const report *d, const fw_recommendation *vd, const char *dir,
    gp_meta *m, int *drawn)
{
	double *x = NULL, *y = NULL, lo = NAN, hi = NAN;
	FILE *shape = NULL, *rows = NULL;
	char gain[32], med[32], loss[64], a[32], b[32];
	size_t i, j, nrow = vd->n + (size_t)close_call(vd);
	axis ax;
	int rc = FW_OK;

	if ((*drawn = vd->n > 0) == 0)
		return FW_OK;
	if ((x = malloc(d->R * sizeof(double))) == NULL ||
	    (y = malloc(NGRID * sizeof(double))) == NULL) {
		free(x);
		return FW_ENOMEM;
	}
	/* room for each shape, which runs a little past its values */
	for (i = 0; i < nrow; i++) {
		double x0 = NAN, x1 = NAN, ends[2];
		decision_values(d, vd, i, x);
		axis_extend(x, d->R, &x0, &x1);
		ends[0] = x0 - (x1 - x0) * 0.25;
		ends[1] = x1 + (x1 - x0) * 0.25;
		axis_extend(ends, 2, &lo, &hi);
	}
	ax = axis_nice(lo, hi, 1, 6);
	put_axis(m, "DX", ax);
	gp_num(m, "NOPT", (double)nrow);
	gp_num(m, "NDIFF", (double)(nrow - vd->n));
	gp_array(m, "DTEXT1", nrow);
	gp_array(m, "DTEXT2", nrow);
	gp_array(m, "DV", nrow);
	gp_note(m, "S_DECISION", "Shape: how the gain spreads across "
	    "replications. Long tick: mean; short ticks: 5th and 95th "
	    "percentiles");
	shape = gp_create(dir, "decision-shape.tsv");
	rows = gp_create(dir, "decision-rows.tsv");
	for (i = 0; shape != NULL && rows != NULL && i < nrow; i++) {
		fw_stats s;
		size_t loses = 0;
		decision_values(d, vd, i, x);
		for (j = 0; j < d->R; j++)
			loses += x[j] < 0;
		fw_stats_of(x, d->R, &s);
		fw_format_money(s.p5 * 1e6, a, sizeof(a));
		fw_format_money(s.p95 * 1e6, b, sizeof(b));
		if (i == vd->n) {
			/* the difference the close call turns on */
			decision_row(d, x, y, i + 1, "Leader less runner-up", 1,
			    &ax, shape, rows);
			gp_num_at(m, "DV", i + 1, 1);
			fw_format_money(s.mean * 1e6, gain, sizeof(gain));
			gp_text_at(m, "DTEXT1", i + 1, "mean %s, 5th to 95th "
			    "%s to %s", gain, a, b);
			fw_format_share(vd->lead_p_ahead, d->R, loss,
			    sizeof(loss));
			gp_text_at(m, "DTEXT2", i + 1, "the leader ahead %s",
			    loss);
			continue;
		}
		decision_row(d, x, y, i + 1, vd->opt[i].name,
		    vd->opt[i].variant + 1, &ax, shape, rows);
		gp_num_at(m, "DV", i + 1, (double)vd->opt[i].variant + 1);
		fw_format_share((double)loses / (double)d->R, d->R, loss,
		    sizeof(loss));
		fw_format_money(s.mean * 1e6, med, sizeof(med));
		gp_text_at(m, "DTEXT1", i + 1, "mean %s, 5th to 95th %s to %s",
		    med, a, b);
		gp_text_at(m, "DTEXT2", i + 1, "loses money %s", loss);
	}
	fw_format_money(vd->opt[0].mean, gain, sizeof(gain));
	if (vd->call == FW_CALL_KEEP)
		gp_title(m, "T_DECISION", GP_TITLE_CHARS, "No option gains NPV on "
		    "average: the best, %s, changes it by %s", vd->opt[0].name,
		    gain);
	else if (close_call(vd)) {
		const char *lead = m->title_lead;
		m->title_lead = NULL;
		fw_format_money(vd->lead_mean, a, sizeof(a));
		fw_format_share(vd->lead_p_ahead, d->R, loss, sizeof(loss));
		gp_title(m, "T_DECISION", GP_TITLE_CHARS, "A close call: %s leads "
		    "%s by only %s on average, and comes out ahead %s",
		    vd->opt[0].name, vd->opt[1].name, a, loss);
		m->title_lead = lead;
	} else {
		fw_format_share(vd->opt[0].p_ahead, d->R, loss, sizeof(loss));
		if (vd->n > 1)
			gp_title(m, "T_DECISION", GP_TITLE_CHARS, "%s gains the "
			    "most NPV, %s on average, and beats the baseline %s",
			    vd->opt[0].name, gain, loss);
		else
			gp_title(m, "T_DECISION", GP_TITLE_CHARS, "%s gains %s of "
			    "NPV on average and beats the baseline %s",
			    vd->opt[0].name, gain, loss);
	}
	rc = gp_close(shape, rc);
	rc = gp_close(rows, rc);
	free(x);
	free(y);
	return rc;
}

/* Writes one month per row: the month, then for each variant from
 * `first` the values get(d, v, t, k) for k < per. */
static int
write_months(const report *d, const char *dir, const char *name,
    size_t first, int per, double (*get)(const report *, size_t, int, int))
{
	FILE *f = gp_create(dir, name);
	size_t v;
	int t, k;

	for (t = 1; f != NULL && t <= d->T; t++) {
		fprintf(f, "%d", t);
		for (v = first; v < d->nv; v++)
			for (k = 0; k < per; k++) {
				fputc('\t', f);
				gp_value(f, get(d, v, t, k));
			}
		fputc('\n', f);
	}
	return gp_close(f, FW_OK);
}

static double
cum_of(const report *d, size_t v, int t, int k)
{
	const fw_band *b = &d->cum[v * (size_t)d->T + (size_t)t - 1];

	return M(k == 0 ? b->mean : k == 1 ? b->p5 : b->p95);
}

/* Names of variants (NAME[i], i from 1 = the baseline) and their
 * direct labels' heights at the right end of a line chart. */
static void
put_end_labels(gp_meta *m, const char *var, const report *d, size_t first,
    const double *end, const axis *ax)
{
	double *y = malloc((d->nv + 1) * sizeof(double));
	size_t v;

	if (y == NULL) {
		m->rc = FW_ENOMEM;
		return;
	}
	for (v = first; v < d->nv; v++)
		y[v - first] = isnan(end[v]) ? ax->lo : end[v];
	/* a line of 14 pt in a plot as low as 0.4 of the page */
	spread_labels(y, d->nv - first, (ax->hi - ax->lo) * 0.1, ax->lo,
	    ax->hi);
	gp_array(m, var, d->nv);
	for (v = first; v < d->nv; v++)
		gp_num_at(m, var, v + 1, y[v - first]);
	free(y);
}

/* Dot k (a start or a payback of variant v) at month x on the zero
 * line, stacked above the dots of earlier options in the same month so
 * that none hides another. */
static void
put_dot(gp_meta *m, int *dot_x, size_t k, int x, size_t v, const axis *ax)
{
	size_t i, under = 0;

	dot_x[k] = x;
	for (i = 1; i < k; i++)
		under += dot_x[i] == x;
	gp_num_at(m, "CDOT_X", k, x);
	gp_num_at(m, "CDOT_Y", k, (double)under * (ax->hi - ax->lo) * 0.05);
	gp_num_at(m, "CDOT_V", k, (double)v + 1);
}

/* cumgain.gp: cumulative cash gain of each option, the leader's 5th-95th
 * percentile band of the paired gain, payback and start marked. */
static int
write_cumgain(const report *d, const fw_recommendation *vd, const char *dir,
    gp_meta *m, int *drawn)
{
	double lo = NAN, hi = NAN, *end;
	size_t v, lead = leader(vd), row = 0, dots = 0;
	int *dot_x;
	char gain[32], over[32];
	axis ax;
	int t, rc;

	if ((*drawn = vd->n > 0) == 0)
		return FW_OK;
	if ((end = calloc(d->nv, sizeof(double))) == NULL)
		return FW_ENOMEM;
	for (v = 1; v < d->nv; v++)
		for (t = 1; t <= d->T; t++) {
			double x = cum_of(d, v, t, 0);
			axis_extend(&x, 1, &lo, &hi);
			if (v == lead) {
				double b[2] = { cum_of(d, v, t, 1),
					cum_of(d, v, t, 2) };
				axis_extend(b, 2, &lo, &hi);
			}
			end[v] = x;
		}
	ax = axis_nice(lo, hi, 1, 6);
	put_axis(m, "CY", ax);
	put_end_labels(m, "CEND", d, 1, end, &ax);
	/* Start and payback: dots on the zero line, and a row above the
	 * plot per option that has either, starting at its first event. */
	gp_array(m, "CMARK_X", d->nv);
	gp_array(m, "CMARK_V", d->nv);
	gp_array(m, "CMARK_T", d->nv);
	gp_array(m, "CDOT_X", 2 * d->nv);
	gp_array(m, "CDOT_Y", 2 * d->nv);
	gp_array(m, "CDOT_V", 2 * d->nv);
	if ((dot_x = calloc(2 * d->nv + 1, sizeof(int))) == NULL) {
		free(end);
		return FW_ENOMEM;
	}
	for (v = 1; v < d->nv; v++) {
		int pay = d->cmp[v].payback, start = d->start[v];
		char starts[48] = "", pays[48] = "";
		if ((pay <= 0 && start <= 1) || no_difference(d, v))
			continue;
		row++;
		if (start > 1) {
			snprintf(starts, sizeof(starts), "starts in month %d",
			    start);
			put_dot(m, dot_x, ++dots, start, v, &ax);
		}
		if (pay > 0) {
			snprintf(pays, sizeof(pays), "pays back in month %d",
			    pay);
			put_dot(m, dot_x, ++dots, pay, v, &ax);
		}
		gp_num_at(m, "CMARK_X", row, start > 1 ? start : pay);
		gp_num_at(m, "CMARK_V", row, (double)v + 1);
		gp_text_at(m, "CMARK_T", row, "%s %s%s%s", d->labels[v], starts,
		    *starts && *pays ? ", " : "", pays);
	}
	gp_num(m, "NCDOT", (double)dots);
	gp_num(m, "NCMARK", (double)row);
	fw_format_horizon(d->T, over, sizeof(over));
	fw_format_money(d->cum[lead * (size_t)d->T + (size_t)d->T - 1].mean, gain,
	    sizeof(gain));
	if (close_call(vd)) {
		size_t run = vd->opt[1].variant;
		char other[32];
		fw_format_money(d->cum[run * (size_t)d->T + (size_t)d->T -
		    1].mean, other, sizeof(other));
		gp_title(m, "T_CUMGAIN", GP_TITLE_CHARS, "%s gains %s of cash %s, "
		    "%s %s", d->labels[lead], gain, over, d->labels[run],
		    other);
	} else if (no_difference(d, lead))
		gp_title(m, "T_CUMGAIN", GP_TITLE_CHARS, "%s makes no difference to "
		    "cash %s", d->labels[lead], over);
	else if (d->cmp[lead].payback > 0)
		gp_title(m, "T_CUMGAIN", GP_TITLE_CHARS, "%s pays back in month %d and gains %s "
		    "of cash %s", d->labels[lead], d->cmp[lead].payback, gain,
		    over);
	else
		gp_title(m, "T_CUMGAIN", GP_TITLE_CHARS, "%s does not pay back within %d months: "
		    "%s of cash %s", d->labels[lead], d->T, gain, over);
	gp_note(m, "S_CUMGAIN", "Cash, undiscounted (NPV discounts it). Lines: "
	    "mean gain. Band: 5th to 95th percentile, %s", d->labels[lead]);
	rc = write_months(d, dir, "cumgain.tsv", 1, 3, cum_of);
	free(dot_x);
	free(end);
	return rc;
}

static double
band_mean(const report *d, int k, size_t v, int t)
{
	return report_band(d, k, v, t)->mean;
}

/* HCPs who prescribe (trial, adopter, advocate) at month t. */
static double
prescribing(const report *d, size_t v, int t)
{
	return band_mean(d, RS_STATE + 2, v, t) +
	    band_mean(d, RS_STATE + 3, v, t) + band_mean(d, RS_STATE + 4, v, t);
}

static double
trust_of(const report *d, size_t v, int t, int k)
{
	/* columns: baseline, then the leader (v is 0 or the leader) */
	return band_mean(d, RS_TRUST, k == 0 ? 0 : v, t);
}

static double
gaprate_of(const report *d, size_t v, int t, int k)
{
	return 100 * band_mean(d, RS_GAP_RATE, k == 0 ? 0 : v, t);
}

/* ", as onboarding friction goes from 0.35 to 0.11": the first input
 * variant v changes that is neither a cost nor a channel, medians only;
 * "" when there is none. */
static void
lever_words(const report *d, size_t v, char *buf, size_t size)
{
	char label[200], (*val)[VALUE_TEXT];
	size_t i;

	buf[0] = '\0';
	for (i = 0; i < d->nchange; i++) {
		const run_change *ch = &d->change[i];
		const char *text[2] = { ch->from, ch->to };
		if (ch->v != v || strstr(ch->path, "cost") != NULL ||
		    strncmp(ch->path, "channels.", 9) == 0 || !*ch->from)
			continue;
		if ((val = malloc(2 * sizeof(*val))) == NULL)
			return;
		value_words(ch->path, text, 2, val);
		val[0][strcspn(val[0], " ")] = '\0';
		val[1][strcspn(val[1], " ")] = '\0';
		fw_key_label(ch->path, label, sizeof(label));
		snprintf(buf, size, ", as %s goes from %s to %s", label, val[0],
		    val[1]);
		free(val);
		return;
	}
}

/* mechanism.gp: why the leader gains: HCPs by state at the horizon,
 * mean trust and the share of scripts unfilled, against the baseline. */
static int
write_mechanism(const report *d, const fw_recommendation *vd, const char *dir,
    gp_meta *m, int *drawn)
{
	size_t lead = leader(vd), pair[2] = { 0, lead }, i;
	double lo = NAN, hi = NAN, x[2];
	char n1[32];
	FILE *f;
	int t, k, rc;

	*drawn = 1;
	gp_num(m, "WN", lead > 0 ? 2 : 1);
	gp_num(m, "WLEAD", (double)lead + 1);
	f = gp_create(dir, "mechanism-states.tsv");
	for (i = 0; f != NULL && i < (lead > 0 ? 2u : 1u); i++) {
		double sum = 0;
		fprintf(f, "%zu\t", i + 1);
		gp_field(f, pair[i] == 0 ? "Baseline" : d->labels[pair[i]]);
		for (k = 0; k < RUN_NSTATE; k++) {
			sum += band_mean(d, RS_STATE + k, pair[i], d->T) / 1e3;
			fprintf(f, "\t%.10g", sum);
		}
		fputc('\n', f);
		lo = 0;
		hi = fmax(isnan(hi) ? 0 : hi, sum);
	}
	if ((rc = gp_close(f, FW_OK)) != FW_OK)
		return rc;
	put_axis(m, "WS", axis_nice(0, hi, AXIS_NONNEGATIVE, 4));
	/* trust is an index from 0 to 1: its whole scale, so that a
	 * hundredth does not fill the panel */
	put_axis(m, "WT", axis_nice(0, 1, AXIS_NONNEGATIVE, 4));
	lo = hi = NAN;
	for (t = 1; t <= d->T; t++) {
		x[0] = gaprate_of(d, lead, t, 0);
		x[1] = gaprate_of(d, lead, t, 1);
		axis_extend(x, 2, &lo, &hi);
	}
	put_axis(m, "WG", axis_nice(0, hi, AXIS_NONNEGATIVE, 4));
	gp_num(m, "HAS_GAP_RATE", !isnan(hi));
	if (lead > 0) {
		double dp = prescribing(d, lead, d->T) - prescribing(d, 0, d->T);
		double dt = band_mean(d, RS_TRUST, lead, d->T) -
		    band_mean(d, RS_TRUST, 0, d->T);
		double dg = 100 * (band_mean(d, RS_GAP_RATE, lead, d->T) -
		    band_mean(d, RS_GAP_RATE, 0, d->T));
		char trust[64] = "", gap[320] = "";
		/* only what changes by as much as the title's figures show:
		 * no "0.00 lower", no "0.0 points more" */
		/* trust moves on a 0-1 scale: under 0.02 is no change to
		 * see on its panel */
		if (fabs(dt) >= 0.02)
			snprintf(trust, sizeof(trust), ", trust %.2f %s",
			    fabs(dt), dt >= 0 ? "higher" : "lower");
		if (!isnan(dg) && fabs(dg) >= 0.05)
			snprintf(gap, sizeof(gap), ", and %.1f points %s "
			    "scripts go unfilled",
			    fabs(dg), dg <= 0 ? "fewer" : "more");
		/* neither trust nor unfilled scripts moves: the title says
		 * what the option changes instead */
		if (!*trust && !*gap)
			lever_words(d, lead, gap, sizeof(gap));
		gp_title(m, "T_MECHANISM", GP_TITLE_CHARS, "%s: %s %s "
		    "prescribing HCPs by month %d%s%s", d->labels[lead],
		    count_words(fabs(dp), n1, sizeof(n1)), dp >= 0 ?
		    "more" : "fewer", d->T, trust, gap);
	} else
		gp_title(m, "T_MECHANISM", GP_TITLE_CHARS, "The baseline by month "
		    "%d: %s prescribing HCPs, mean trust %.2f", d->T,
		    count_words(prescribing(d, 0, d->T), n1, sizeof(n1)),
		    band_mean(d, RS_TRUST, 0, d->T));
	gp_text(m, "S_STATES", "HCPs by state in month %d", d->T);
	rc = write_months(d, dir, "mechanism-trust.tsv", lead, 2, trust_of);
	if (rc == FW_OK)
		rc = write_months(d, dir, "mechanism-gap.tsv", lead, 2,
		    gaprate_of);
	/* write_months repeats per variant from `lead`: only the first
	 * block of two columns is read. */
	return rc;
}

/* npv.gp: each variant's NPV across replications as a density. */
static int
write_npv(const report *d, const fw_recommendation *vd, const char *dir, gp_meta *m,
    int *drawn)
{
	double lo = NAN, hi = NAN, *x, *y, top = 0, *peak_x, *peak_y, *half;
	double line, name_top = 0;
	size_t v, r, j, lead = leader(vd);
	char a[32], b[32], c[32], e[32];
	FILE *f;
	axis ax;
	int rc = FW_OK;

	*drawn = 1;
	x = malloc((d->R + 1) * sizeof(double));
	y = malloc(d->nv * NGRID * sizeof(double));
	peak_x = malloc(d->nv * sizeof(double));
	peak_y = malloc(d->nv * sizeof(double));
	half = malloc(d->nv * sizeof(double));
	if (x == NULL || y == NULL || peak_x == NULL || peak_y == NULL ||
	    half == NULL) {
		free(half);
		free(peak_y);
		free(x);
		free(y);
		free(peak_x);
		return FW_ENOMEM;
	}
	for (r = 0; r < d->R * d->nv; r++) {
		double z = M(d->rep_npv[r]);
		axis_extend(&z, 1, &lo, &hi);
	}
	ax = axis_nice(lo - (hi - lo) * 0.1, hi + (hi - lo) * 0.1, 0, 6);
	put_axis(m, "NX", ax);
	for (v = 0; v < d->nv; v++) {
		size_t at = 0;
		for (r = 0; r < d->R; r++)
			x[r] = M(d->rep_npv[r * d->nv + v]);
		if (density(x, d->R, ax.lo, ax.hi, NGRID, y + v * NGRID) != 0) {
			/* No spread: a spike at the value. */
			j = (size_t)((x[0] - ax.lo) / (ax.hi - ax.lo) *
			    (NGRID - 1) + 0.5);
			y[v * NGRID + (j < NGRID ? j : NGRID - 1)] = NAN;
		}
		for (j = 0; j < NGRID; j++)
			if (!isnan(y[v * NGRID + j]) && y[v * NGRID + j] >
			    y[v * NGRID + at])
				at = j;
		peak_x[v] = ax.lo + (ax.hi - ax.lo) * (double)at / (NGRID - 1);
		top = fmax(top, y[v * NGRID + at]);
	}
	if (!(top > 0))
		top = 1;
	f = gp_create(dir, "npv-density.tsv");
	for (j = 0; f != NULL && j < NGRID; j++) {
		fprintf(f, "%.10g", ax.lo + (ax.hi - ax.lo) * (double)j /
		    (NGRID - 1));
		for (v = 0; v < d->nv; v++) {
			/* A spike is drawn as tall as the highest curve. */
			double z = y[v * NGRID + j];
			fputc('\t', f);
			gp_value(f, isnan(z) ? top : z);
		}
		fputc('\n', f);
	}
	rc = gp_close(f, rc);
	/* Each name above its peak, raised above any name placed before it
	 * that it would touch: a name is 14 pt (0.0102 of the page a
	 * character, the plot 0.85 of it wide) and a line of it 0.08 of
	 * a plot about 0.57 of the page high. */
	line = 0.08 * top * 1.25;
	for (v = 0; v < d->nv; v++) {
		size_t at = (size_t)((peak_x[v] - ax.lo) / (ax.hi - ax.lo) *
		    (NGRID - 1) + 0.5), u;
		double z = y[v * NGRID + (at < NGRID ? at : NGRID - 1)];
		int moved = 1;
		half[v] = 0.5 * 0.0102 / 0.85 * (ax.hi - ax.lo) * (double)strlen(
		    v == 0 ? "Baseline" : d->labels[v]);
		peak_y[v] = (isnan(z) ? top : z) + line * 0.6;
		while (moved)
			for (moved = 0, u = 0; u < v; u++)
				/* (a line less a rounding: one placed a line
				 * above is clear) */
				if (fabs(peak_x[u] - peak_x[v]) < half[u] +
				    half[v] && fabs(peak_y[u] - peak_y[v]) <
				    line * 0.999) {
					peak_y[v] = peak_y[u] + line;
					moved = 1;
				}
		name_top = fmax(name_top, peak_y[v] + line * 0.6);
	}
	put_axis(m, "NY", axis_nice(0, fmax(name_top, top * 1.1),
	    AXIS_NONNEGATIVE, 4));
	gp_note(m, "S_NPV", "Options overlap: each replication's draws are "
	    "shared, so the paired gain (the decision chart) decides");
	gp_array(m, "NLAB_X", d->nv);
	gp_array(m, "NLAB_Y", d->nv);
	for (v = 0; v < d->nv; v++) {
		gp_num_at(m, "NLAB_X", v + 1, peak_x[v]);
		gp_num_at(m, "NLAB_Y", v + 1, peak_y[v]);
	}
	fw_format_money(d->npv[lead].p5, a, sizeof(a));
	fw_format_money(d->npv[lead].p95, b, sizeof(b));
	fw_format_money(d->npv[0].p5, c, sizeof(c));
	fw_format_money(d->npv[0].p95, e, sizeof(e));
	if (lead > 0)
		gp_title(m, "T_NPV", GP_TITLE_CHARS, "%s's NPV: %s to %s (5th to "
		    "95th percentile), the baseline's %s to %s",
		    d->labels[lead], a, b, c, e);
	else
		gp_title(m, "T_NPV", GP_TITLE_CHARS, "The baseline's NPV ranges from %s to %s "
		    "(5th to 95th percentile)", c, e);
	free(x);
	free(y);
	free(peak_x);
	free(peak_y);
	free(half);
	return rc;
}

void
tornado_change_text(double x, int money, char *buf, size_t size)
{
	char text[32];

	if (money)
		fw_format_money(x * 1e6, text, sizeof(text));
	else
		snprintf(text, sizeof(text), "%.3g", x);
	snprintf(buf, size, "%s%s", x > 0 && strcmp(text, "$0.0M") != 0 ?
	    "+" : "", text);
}

static int
by_swing(const void *a, const void *b)
{
	const tornado_row *x = a, *y = b;
	double sx = fabs(x->high - x->low), sy = fabs(y->high - y->low);

	return (sx < sy) - (sx > sy);
}

int
tornado_write(tornado_row *row, size_t n, const char *dir, size_t tm,
    gp_meta *m)
{
	double lo = NAN, hi = NAN;
	char name[32];
	FILE *f;
	axis ax;
	size_t i;

	qsort(row, n, sizeof(*row), by_swing);
	snprintf(name, sizeof(name), "tornado-%zu.tsv", tm);
	f = gp_create(dir, name);
	for (i = 0; f != NULL && i < n; i++) {
		double x[2] = { row[i].low, row[i].high };
		axis_extend(x, 2, &lo, &hi);
		fprintf(f, "%zu\t", i + 1);
		gp_value(f, row[i].low);
		fputc('\t', f);
		gp_value(f, row[i].high);
		fputc('\t', f);
		gp_field(f, row[i].name);
		fputc('\t', f);
		gp_field(f, row[i].low_text);
		fputc('\t', f);
		gp_field(f, row[i].high_text);
		fputc('\t', f);
		gp_field(f, row[i].range);
		fputc('\n', f);
	}
	/* Room at both ends for the values written beside the bars. */
	if (!isnan(lo)) {
		double pad = (fmax(hi, 0) - fmin(lo, 0)) * 0.22;
		lo = fmin(lo, 0) - pad;
		hi = fmax(hi, 0) + pad;
	}
	ax = axis_nice(lo, hi, 1, 6);
	gp_num_at(m, "TX_LO", tm, ax.lo);
	gp_num_at(m, "TX_HI", tm, ax.hi);
	gp_num_at(m, "TX_STEP", tm, ax.step);
	gp_num_at(m, "TX_DEC", tm, ax.decimals);
	gp_num_at(m, "NTORNADO", tm, (double)n);
	return gp_close(f, FW_OK);
}

/* Sorts replication numbers by one input's draw. */
static const double *sort_key;
static int
by_draw(const void *a, const void *b)
{
	double x = sort_key[*(const size_t *)a];
	double y = sort_key[*(const size_t *)b];

	return (x > y) - (x < y);
}

/* tornado.gp: which uncertain inputs move the leader's NPV gain: its
 * mean gain where the input drew its lowest and its highest tenth,
 * less its mean gain over all replications. */
static int
write_run_tornado(const report *d, const fw_recommendation *vd, const char *dir,
    gp_meta *m, int *drawn)
{
	size_t lead = leader(vd), i, r, n = 0, tenth = d->R / 10;
	double *gain, *draw, all = 0;
	size_t *ord;
	tornado_row *row;
	char **names;
	char base[32];
	int rc = FW_OK;

	*drawn = 0;
	if (lead == 0 || d->ndraw == 0 || d->R < 20)
		return FW_OK;
	gain = malloc(d->R * sizeof(double));
	draw = malloc(d->R * sizeof(double));
	ord = malloc(d->R * sizeof(size_t));
	row = calloc(d->ndraw, sizeof(*row));
	names = calloc(d->ndraw, sizeof(char *));
	if (gain == NULL || draw == NULL || ord == NULL || row == NULL ||
	    names == NULL)
		rc = FW_ENOMEM;
	for (r = 0; rc == FW_OK && r < d->R; r++) {
		gain[r] = M(d->rep_npv[r * d->nv + lead] -
		    d->rep_npv[r * d->nv]);
		all += gain[r] / (double)d->R;
	}
	for (i = 0; rc == FW_OK && i < d->ndraw; i++) {
		double lo = 0, hi = 0, xs[2] = { 0, 0 };
		size_t at = i, k;
		char label[160], w[2][VALUE_WORDS];
		/* The leader's own draw, else the baseline's. */
		for (r = 0; r < d->R; r++) {
			double x = d->draw[(r * d->nv + lead) * d->ndraw + at];
			draw[r] = isnan(x) ? d->draw[(r * d->nv) * d->ndraw +
			    at] : x;
			ord[r] = r;
		}
		if (isnan(draw[0]))
			continue;
		sort_key = draw;
		qsort(ord, d->R, sizeof(size_t), by_draw);
		if (draw[ord[0]] == draw[ord[d->R - 1]])
			continue;
		for (k = 0; k < tenth; k++) {
			lo += gain[ord[k]] / (double)tenth;
			xs[0] += draw[ord[k]] / (double)tenth;
			hi += gain[ord[d->R - 1 - k]] / (double)tenth;
			xs[1] += draw[ord[d->R - 1 - k]] / (double)tenth;
		}
		fw_key_label(d->draw_path[i], label, sizeof(label));
		if ((names[n] = strdup(label)) == NULL) {
			rc = FW_ENOMEM;
			break;
		}
		/* the input in its own unit beside its name; money (the
		 * gain's change) at the bars */
		values_words(d->draw_path[i], xs, 2, w);
		row[n].name = names[n];
		snprintf(row[n].label, sizeof(row[n].label), "%s", label);
		snprintf(row[n].range, sizeof(row[n].range), "%s \xe2\x86\x92 "
		    "%s", w[0], w[1]);
		row[n].low = lo - all;
		row[n].high = hi - all;
		tornado_change_text(row[n].low, 1, row[n].low_text,
		    sizeof(row[n].low_text));
		tornado_change_text(row[n].high, 1, row[n].high_text,
		    sizeof(row[n].high_text));
		n++;
	}
	if (rc == FW_OK && n > 0) {
		*drawn = 1;
		gp_num(m, "TM", 1);
		gp_array(m, "T_TORNADO", 1);
		gp_array(m, "S_TORNADO", 1);
		gp_array(m, "TX_LABEL", 1);
		gp_array(m, "TX_LO", 1);
		gp_array(m, "TX_HI", 1);
		gp_array(m, "TX_STEP", 1);
		gp_array(m, "TX_DEC", 1);
		gp_array(m, "NTORNADO", 1);
		rc = tornado_write(row, n, dir, 1, m);
		fw_format_money(all * 1e6, base, sizeof(base));
		gp_title(m, "T_TORNADO[1]", GP_TITLE_CHARS, "What moves %s's NPV "
		    "gain most: %s", d->labels[lead], row[0].label);
		gp_note(m, "S_TORNADO[1]", "Gain less its mean (%s) where an "
		    "input drew its lowest or highest tenth; under each, its "
		    "value there", base);
		gp_text(m, "TX_LABEL[1]", "Change in %s's NPV gain ($M)",
		    d->labels[lead]);
		gp_text(m, "T_LOWKEY", "input in its lowest tenth");
		gp_text(m, "T_HIGHKEY", "in its highest tenth");
	}
	for (i = 0; names != NULL && i < n; i++)
		free(names[i]);
	free(names);
	free(row);
	free(ord);
	free(draw);
	free(gain);
	(void)vd;
	return rc;
}

static double
revenue_of(const report *d, size_t v, int t, int k)
{
	const fw_band *b = report_band(d, RS_REVENUE, v, t);

	return M(k == 0 ? b->p5 : k == 1 ? b->p50 : b->p95);
}

/* revenue.gp: revenue per month, median and 5th-95th percentile band. */
static int
write_revenue(const report *d, const fw_recommendation *vd, const char *dir,
    gp_meta *m, int *drawn)
{
	double hi = NAN, lo = 0, *end = calloc(d->nv, sizeof(double));
	size_t v, lead = leader(vd);
	char a[32], b[32];
	axis ax;
	int t, k;

	*drawn = 1;
	if (end == NULL)
		return FW_ENOMEM;
	for (v = 0; v < d->nv; v++) {
		for (t = 1; t <= d->T; t++)
			for (k = 0; k < 3; k++) {
				double x = revenue_of(d, v, t, k);
				axis_extend(&x, 1, &lo, &hi);
			}
		end[v] = revenue_of(d, v, d->T, 1);
	}
	ax = axis_nice(0, hi, AXIS_NONNEGATIVE, 5);
	put_axis(m, "RY", ax);
	put_end_labels(m, "REND", d, 0, end, &ax);
	gp_num(m, "RLEAD", (double)lead + 1);
	gp_note(m, "S_REVENUE", "Lines: median across replications. Band: "
	    "5th to 95th percentile, %s", lead > 0 ? d->labels[lead] :
	    "the baseline");
	fw_format_money(end[lead] * 1e6, a, sizeof(a));
	fw_format_money(end[0] * 1e6, b, sizeof(b));
	if (lead > 0)
		gp_title(m, "T_REVENUE", GP_TITLE_CHARS, "%s brings in %s of revenue a month by "
		    "month %d, the baseline %s", d->labels[lead], a, d->T, b);
	else
		gp_title(m, "T_REVENUE", GP_TITLE_CHARS, "The baseline brings in %s of revenue a "
		    "month by month %d", b, d->T);
	free(end);
	return write_months(d, dir, "revenue.tsv", 0, 3, revenue_of);
}

static double
advocates(const report *d, size_t v, int t)
{
	return band_mean(d, RS_STATE + 4, v, t);
}

/* Option v's prescribing HCPs (k 0) or advocates (k 1) less the
 * baseline's in month t. */
static double
states_diff_of(const report *d, size_t v, int t, int k)
{
	return k == 0 ? prescribing(d, v, t) - prescribing(d, 0, t) :
	    advocates(d, v, t) - advocates(d, 0, t);
}

/* states.gp: what each option changes in the HCPs, against the
 * baseline, month by month: prescribing HCPs and advocates. */
static int
write_states(const report *d, const fw_recommendation *vd, const char *dir,
    gp_meta *m, int *drawn)
{
	size_t v, lead = leader(vd), worst = 0;
	double lo[2] = { NAN, NAN }, hi[2] = { NAN, NAN };
	char a[32], b[32], worse[160] = "";
	int t, k;

	if ((*drawn = lead > 0) == 0)
		return FW_OK;
	for (v = 1; v < d->nv; v++) {
		for (t = 1; t <= d->T; t++)
			for (k = 0; k < 2; k++) {
				double x = states_diff_of(d, v, t, k);
				axis_extend(&x, 1, &lo[k], &hi[k]);
			}
		if (states_diff_of(d, v, d->T, 1) < states_diff_of(d, worst,
		    d->T, 1))
			worst = v;
	}
	put_axis(m, "SY", axis_nice(lo[0], hi[0], 1, 5));
	put_axis(m, "SA", axis_nice(lo[1], hi[1], 1, 5));
	/* the option that loses advocates most, when it is not the
	 * leader: where the pack shows why the loser loses */
	if (worst > 0 && worst != lead)
		snprintf(worse, sizeof(worse), "; %s, %s fewer advocates",
		    d->labels[worst], count_words(-states_diff_of(d, worst,
		    d->T, 1), b, sizeof(b)));
	t = (int)lround(states_diff_of(d, lead, d->T, 0));
	gp_title(m, "T_STATES", GP_TITLE_CHARS, "By month %d %s has %s %s "
	    "prescribing HCPs%s", d->T, d->labels[lead],
	    count_words(abs(t), a, sizeof(a)), t >= 0 ? "more" : "fewer",
	    worse);
	gp_note(m, "S_HCPDIFF", "Each option's HCPs less the baseline's, mean "
	    "of replications. Prescribing: in trial, adopters, advocates");
	return write_months(d, dir, "states.tsv", 1, 2, states_diff_of);
}

static double
gap_of(const report *d, size_t v, int t, int k)
{
	return M(band_mean(d, k == 0 ? RS_GAP_VALUE : RS_CVAR, v, t));
}

/* gap.gp: value of unfilled scripts per month and customer value at
 * risk, one line a variant. */
static int
write_gap(const report *d, const fw_recommendation *vd, const char *dir, gp_meta *m,
    int *drawn)
{
	double hi[2] = { NAN, NAN }, lo = 0;
	size_t v, lead = leader(vd);
	char a[32], b[32];
	int t, k;

	*drawn = 1;
	for (v = 0; v < d->nv; v++)
		for (t = 1; t <= d->T; t++)
			for (k = 0; k < 2; k++) {
				double x = gap_of(d, v, t, k);
				axis_extend(&x, 1, &lo, &hi[k]);
			}
	gp_note(m, "S_GAP", "At risk: each prescribing HCP's year of value "
	    "times its chance of switching; more prescribers, more at risk");
	put_axis(m, "GY", axis_nice(0, hi[0], AXIS_NONNEGATIVE, 5));
	put_axis(m, "VY", axis_nice(0, hi[1], AXIS_NONNEGATIVE, 5));
	fw_format_money(gap_of(d, lead, d->T, 0) * 1e6, a, sizeof(a));
	fw_format_money(gap_of(d, 0, d->T, 0) * 1e6, b, sizeof(b));
	if (lead > 0)
		gp_title(m, "T_GAP", GP_TITLE_CHARS, "By month %d %s leaves %s "
		    "of scripts a month unfilled, the baseline %s", d->T,
		    d->labels[lead], a, b);
	else
		gp_title(m, "T_GAP", GP_TITLE_CHARS, "By month %d the baseline "
		    "leaves %s of scripts a month unfilled", d->T, b);
	return write_months(d, dir, "gap.tsv", 0, 2, gap_of);
}

/* The stage of w option v is aimed at: the one stage key among its
 * changes; -1 when it changes none or several. */
static int
aimed_stage(const report *d, const leak_chart *w, size_t v)
{
	size_t i, k;
	int at = -1;

	for (i = 0; i < d->nchange; i++)
		for (k = 0; d->change[i].v == v && k < w->n; k++)
			if (strcmp(d->change[i].path, w->stage[k]) == 0) {
				if (at >= 0 && at != (int)k)
					return -1;
				at = (int)k;
			}
	return at;
}

/* Where value leaks, when the run asked for the decomposition: with
 * each stage, the option of the run aimed at it that gains most, when
 * the decomposition is of the baseline. */
static int
write_waterfall(const report *d, const fw_recommendation *vd, const char *dir,
    gp_meta *m, int *drawn)
{
	leak_chart w;
	size_t v;

	(void)vd;
	if ((*drawn = d->leak != NULL) == 0)
		return FW_OK;
	w = *d->leak;
	for (v = 1; strcmp(w.variant, "baseline") == 0 && v < d->nv; v++) {
		int k = aimed_stage(d, &w, v);
		double gain = M(d->cmp[v].mean);
		if (k < 0 || !(gain > 0) || (!isnan(w.aim[k]) &&
		    w.aim[k] >= gain))
			continue;
		w.aim[k] = gain;
		snprintf(w.aim_by[k], sizeof(w.aim_by[k]), "%s", d->labels[v]);
		w.aim_rgb[k] = strtol(d->colour[v] + 1, NULL, 16);
	}
	return leak_chart_write(&w, dir, m);
}

const chart run_charts[] = {
	{ "npv-gain-distribution", "decision", write_decision },
	{ "cumulative-cash-gain", "cumgain", write_cumgain },
	{ "mechanism", "mechanism", write_mechanism },
	{ "npv-distribution", "npv", write_npv },
	{ "tornado-npv-gain", "tornado", write_run_tornado },
	{ "revenue-by-month", "revenue", write_revenue },
	{ "hcp-states", "states", write_states },
	{ "unfilled-scripts", "gap", write_gap },
	{ "waterfall", "waterfall", write_waterfall },
};
const size_t run_chart_count = sizeof(run_charts) / sizeof(run_charts[0]);

int
charts_write(const report *d, const fw_recommendation *vd, const char *dir,
    gp_meta *m, int *drawn)
{
	size_t i, v;
	int rc = FW_OK;

	gp_num(m, "NV", (double)d->nv);
	gp_num(m, "T", d->T);
	gp_num(m, "R", (double)d->R);
	gp_array(m, "NAME", d->nv);
	for (v = 0, i = strlen("Baseline"); v < d->nv; v++) {
		/* capitalised like the options beside it */
		gp_text_at(m, "NAME", v + 1, "%s", v == 0 ? "Baseline" :
		    d->labels[v]);
		if (v > 0 && strlen(d->labels[v]) > i)
			i = strlen(d->labels[v]);
	}
	/* the longest name's width at 14 pt (about 0.0102 of the page a
	 * character): the room a chart leaves for names beside it */
	gp_num(m, "NAME_W", 0.0102 * (double)i);
	/* each option's own colour (optionlook.h), read by vc() */
	gp_array(m, "VCOL", d->nv);
	for (v = 0; v < d->nv; v++)
		gp_text_at(m, "VCOL", v + 1, "%s", d->colour[v]);
	gp_array(m, "STATE", RUN_NSTATE);
	for (v = 0; v < RUN_NSTATE; v++)
		gp_text_at(m, "STATE", v + 1, "%s", run_state_names[v]);
	/* the leader, 1 (the baseline) when there is no option: the one
	 * whose band cumgain.gp and revenue.gp shade */
	gp_num(m, "LEAD", (double)leader(vd) + 1);
	/* On a close call every title says so. */
	m->title_lead = close_call(vd) ? "Close call: " : NULL;
	for (i = 0; rc == FW_OK && i < run_chart_count; i++)
		rc = run_charts[i].write(d, vd, dir, m, &drawn[i]);
	m->title_lead = NULL;
	return rc != FW_OK ? rc : m->rc;
}
