/* headline.c - page 1 of the board pack: the answer as a headline, three
 * bullets (the leader's gain; against the runner-up, or how to break a
 * tie; why the loser loses, else how sure the call is), a strip of every
 * option's NPV gain (mean dot, 5th-95th percentile bar, in its colour)
 * and a method footnote defining each figure the pack uses.
 * SPDX-License-Identifier: MIT */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "axis.h"
#include "labels.h"
#include "optionlook.h"
#include "pack.h"
#include "textpage.h"
#include "voiread.h"
#include "whyloses.h"

#define BULLET_X 0.07
/* The strip: a row of the same height for each option (one option or
 * five, the names and figures never crowd), its label above and its
 * ticks under it, as shares of the page's height. */
#define STRIP_ROW 0.045
#define STRIP_LABEL 0.04
#define STRIP_TICKS 0.08

/* What the ranges are made of: market randomness alone when every input
 * is fixed (so the call is only as sure as those numbers), or the
 * uncertain inputs too, and how much of the leader's spread is theirs. */
static void
spread_words(const report *d, char *buf, size_t size)
{
	const voi_read *v = d->voi;
	char evpi[32];

	if (v == NULL) {
		snprintf(buf, size, "How sure: every input is a fixed number, so "
		    "the ranges are market randomness alone; the call is only as "
		    "sure as those numbers.");
		return;
	}
	fw_format_money(v->evpi, evpi, sizeof(evpi));
	/* never "$0.0M": nothing, or under the smallest figure written */
	if (strcmp(evpi, "$0.0M") == 0)
		snprintf(evpi, sizeof(evpi), "%s", v->evpi > 0 ?
		    "under $0.1M" : "nothing");
	if (!isnan(v->best_share))
		snprintf(buf, size, "How sure: uncertain inputs make %.0f%% of "
		    "the spread of %s's gain (the rest is market randomness); "
		    "learning them all first is worth %s.", 100 * v->best_share,
		    report_label_of(d, v->best), evpi);
	else
		snprintf(buf, size, "How sure: the ranges hold the uncertain "
		    "inputs as well as market randomness.");
}

static void
payback_of(const fw_option *o, char *buf, size_t size)
{
	if (o->payback > 0)
		snprintf(buf, size, "in month %d", o->payback);
	else
		snprintf(buf, size, "not within the horizon");
}

/* Which of two does better on one count of a tie-break: 0 the first,
 * 1 the second, -1 neither. */
static int
better(double a, double b, int higher)
{
	if (a == b)
		return -1;
	return (a > b) == (higher != 0) ? 0 : 1;
}

/* How to break a close call between the leader and the runner-up: the
 * one that pays back sooner, costs less, and has the better downside
 * (the 5th percentile of its gain over the baseline), each said of the
 * option that does better, with both figures. */
static void
tie_break(const fw_option *o, char *buf, size_t size)
{
	/* no payback within the horizon is the latest */
	double pay[2] = { o[0].payback > 0 ? o[0].payback : INFINITY,
		o[1].payback > 0 ? o[1].payback : INFINITY };
	int win[3] = { better(pay[0], pay[1], 0), better(o[0].program_cost,
		o[1].program_cost, 0), better(o[0].p5, o[1].p5, 1) };
	char what[3][160], x[2][32];
	size_t len, w, k;
	int n;

	for (k = 0; k < 2; k++) {
		if (o[k].payback > 0)
			snprintf(x[k], sizeof(x[k]), "%d", o[k].payback);
		else
			snprintf(x[k], sizeof(x[k]), "none");
	}
	w = win[0] == 1;
	snprintf(what[0], sizeof(what[0]), win[0] < 0 ? "pay back alike "
	    "(month %s)" : "pays back sooner (month %s against %s)", x[w],
	    x[!w]);
	w = win[1] == 1;
	fw_format_money(o[w].program_cost, x[0], sizeof(x[0]));
	fw_format_money(o[!w].program_cost, x[1], sizeof(x[1]));
	if (strcmp(x[0], x[1]) == 0)
		win[1] = -1;	/* alike as written */
	snprintf(what[1], sizeof(what[1]), win[1] < 0 ? "cost the same (%s)"
	    : "costs less (%s against %s)", x[0], x[1]);
	w = win[2] == 1;
	fw_format_money(o[w].p5, x[0], sizeof(x[0]));
	fw_format_money(o[!w].p5, x[1], sizeof(x[1]));
	if (strcmp(x[0], x[1]) == 0)
		win[2] = -1;
	snprintf(what[2], sizeof(what[2]), win[2] < 0 ? "share a downside "
	    "(5th percentile %s)" : "has the better downside (5th "
	    "percentile %s against %s)", x[0], x[1]);
	/* the counts each option wins, then those neither does */
	len = (size_t)snprintf(buf, size, "To break the tie:");
	for (w = 0; w < 3 && len < size; w++) {
		int who = w < 2 ? (int)w : -1;
		int m = 0;
		for (k = 0; k < 3; k++)
			m += win[k] == who;
		for (n = 0, k = 0; k < 3 && len < size; k++) {
			if (win[k] != who)
				continue;
			if (n++ == 0)
				len += (size_t)snprintf(buf + len, size - len,
				    "%s %s", len > 17 ? ";" : "", who < 0 ?
				    "both" : o[who].name);
			len += (size_t)snprintf(buf + len, size - len, "%s %s",
			    n == 1 ? "" : n == m ? " and" : ",", what[k]);
		}
	}
	if (len < size)
		snprintf(buf + len, size - len, ".");
}

/* The leader's gain, and what it costs and returns. */
static void
leader_words(const fw_recommendation *vd, char *buf, size_t size)
{
	const fw_option *o = &vd->opt[0];
	char gain[32], over[32], base[64], pay[64], roi[64];

	fw_format_money(o->mean, gain, sizeof(gain));
	fw_format_horizon(vd->months, over, sizeof(over));
	fw_format_share(o->p_ahead, vd->reps, base, sizeof(base));
	payback_of(o, pay, sizeof(pay));
	roi[0] = '\0';
	if (o->cost > 0) {	/* no ROI without extra spend */
		char cost[32];
		fw_format_money(o->cost, cost, sizeof(cost));
		snprintf(roi, sizeof(roi), ", ROI %.1fx on %s of extra spend",
		    o->roi, cost);
	}
	/* its 5th to 95th percentile is the strip's, beside its bar */
	snprintf(buf, size, "%s gains %s of NPV %s and beats the baseline "
	    "%s; payback %s%s.", o->name, gain, over, base, pay, roi);
}

/* Against the runner-up: by how much, how often. */
static void
runner_words(const report *d, const fw_recommendation *vd, char *buf,
    size_t size)
{
	char by[32], ahead[64];

	fw_format_money(vd->lead_mean, by, sizeof(by));
	fw_format_share(vd->lead_p_ahead, d->R, ahead, sizeof(ahead));
	snprintf(buf, size, "Ahead of the runner-up, %s, by %s on average, "
	    "and ahead %s.", vd->opt[1].name, by, ahead);
}

/* The three bullets: the leader; the runner-up or the tie-break; the
 * loser's reason, else how sure. *how_sure says whether the third
 * bullet is spread_words(). */
static size_t
bullets(const report *d, const fw_recommendation *vd, char (*b)[1024],
    int *how_sure)
{
	size_t n = 0, i;
	int close = vd->call == FW_CALL_CLOSE && vd->n >= 2 &&
	    vd->rival == vd->opt[1].variant;
	char tie[768] = "";

	*how_sure = 0;
	if (vd->call == FW_CALL_NONE || vd->call == FW_CALL_KEEP) {
		fw_recommendation_answer(vd, b[n++], sizeof(b[0]));
	} else {
		leader_words(vd, b[n++], sizeof(b[0]));
		if (vd->n >= 2)
			runner_words(d, vd, b[n++], sizeof(b[0]));
	}
	if (close)
		tie_break(vd->opt, tie, sizeof(tie));
	/* the option that loses most, and why; a tie-break then joins the
	 * runner-up's bullet */
	for (i = vd->n; i-- > 0;)
		if (report_why_loses(d, vd->opt[i].variant, b[n],
		    sizeof(b[0]))) {
			if (*tie) {
				strncat(b[n - 1], " ", sizeof(b[0]) -
				    strlen(b[n - 1]) - 1);
				strncat(b[n - 1], tie, sizeof(b[0]) -
				    strlen(b[n - 1]) - 1);
			}
			return n + 1;
		}
	if (*tie) {
		snprintf(b[n], sizeof(b[0]), "%s", tie);
		return n + 1;
	}
	spread_words(d, b[n], sizeof(b[0]));
	*how_sure = 1;
	return n + 1;
}

/* The strip's rows (option, mean, 5th, 95th percentile of the gain, its
 * colour, its figures) and ticks, in the screen band [bottom, top]. */
static int
write_strip(const report *d, const fw_recommendation *vd, const char *dir,
    double top, double bottom)
{
	FILE *rows = gp_create(dir, "headline-strip.tsv");
	FILE *ticks = gp_create(dir, "headline-ticks.tsv");
	double lo = NAN, hi = NAN, x, left = 0.2;
	char a[32], b[32], c[32], t[128];
	size_t i;
	axis ax;
	int rc = FW_OK;

	for (i = 0; i < vd->n; i++) {
		double ends[3] = { vd->opt[i].p5 / 1e6, vd->opt[i].p95 / 1e6,
			vd->opt[i].mean / 1e6 };
		axis_extend(ends, 3, &lo, &hi);
	}
	/* the names' column as wide as the longest (14 pt, about 0.0102
	 * of the page a character), the axis from there to 0.68 with a
	 * tick for each 0.07 of it ("-$100M" at 12 pt takes 0.055) */
	for (i = 0; i < vd->n; i++)
		left = fmax(left, 0.065 + 0.0102 * (double)strlen(vd->opt[i].name));
	left = fmin(left, 0.46);
	ax = axis_nice(lo, hi, 1, (int)((0.68 - left) / 0.07));
	for (i = 0; rows != NULL && i < vd->n; i++) {
		const fw_option *o = &vd->opt[i];
		fw_format_money(o->mean, a, sizeof(a));
		fw_format_money(o->p5, b, sizeof(b));
		fw_format_money(o->p95, c, sizeof(c));
		fprintf(rows, "%zu\t", i + 1);
		gp_field(rows, o->name);
		fprintf(rows, "\t%.10g\t%.10g\t%.10g\t%ld\t", o->mean / 1e6,
		    o->p5 / 1e6, o->p95 / 1e6, strtol(d->colour[o->variant] + 1,
		    NULL, 16));
		snprintf(t, sizeof(t), "%s (%s to %s)", a, b, c);
		gp_field(rows, t);
		fprintf(rows, "\t%.4f\t%.4f\t%.10g\t%.10g\t%zu\t%.4f\n", top,
		    bottom, ax.lo, ax.hi, vd->n, left);
	}
	for (x = ax.lo; ticks != NULL && x <= ax.hi + ax.step * 1e-6;
	    x += ax.step) {
		axis_money_tick(x, ax.decimals, t, sizeof(t));
		fprintf(ticks, "%.10g\t", fabs(x) < ax.step * 1e-6 ? 0 : x);
		gp_field(ticks, t);
		fputc('\n', ticks);
	}
	/* no option: a row the template reads as "no strip" */
	if (rows != NULL && vd->n == 0)
		fprintf(rows, "1\t\"\"\tNaN\tNaN\tNaN\t0\t\"\"\t%.4f\t%.4f\t-1\t1"
		    "\t0\t%.4f\n", top, bottom, left);
	rc = gp_close(rows, rc);
	return gp_close(ticks, rc);
}

/* Where a footnote of text starts, its last line on the page's last. */
static double
footnote_top(const char *text)
{
	return PAGE_LAST_LINE - line_height[TX_NOTE] + para_height(0.05,
	    TX_NOTE, text);
}

int
headline_write(const report *d, const fw_recommendation *vd,
    const char *dir, const char *name)
{
	char text[2048], method[1024], reps[32], b[3][1024];
	double foot, strip_top, strip_h, room;
	size_t i, n, len;
	int how_sure, rc;
	textpage tp;

	if (open_page(&tp, dir, name) != FW_OK)
		return FW_EIO;
	fw_recommendation_title(vd, text, sizeof(text));
	put_para(&tp, 0.05, TX_TITLE, text);
	tp.y -= 0.01;
	n = bullets(d, vd, b, &how_sure);
	for (i = 0; i < n; i++) {
		put_line(&tp, 0.05, TX_BODY, "\xe2\x80\xa2");
		put_para(&tp, BULLET_X, TX_BODY, b[i]);
		tp.y -= 0.008;
	}
	strip_top = tp.y;
	/* the strip at its own height, and under it the footnote, its last
	 * line on the page's last: how sure the call is (when no bullet
	 * said it, and there is room for it: the VOI page says it too),
	 * then the method. Customer value at risk is defined on its page. */
	strip_h = vd->n > 0 ? STRIP_ROW * ((double)vd->n + 0.2) : 0;
	snprintf(method, sizeof(method), "Method: %s replications, options "
	    "and baseline on the same random draws. Gain: NPV less the "
	    "baseline's (dot: mean; bar: 5th to 95th percentile). NPV: cash "
	    "discounted to today. ROI: NPV gain per $1 of extra spend (present "
	    "value).%s", count_words((double)d->R, reps, sizeof(reps)),
	    vd->n >= 2 ? " Programme cost: nominal. Close call: the runner-up "
	    "ahead in over 1 in 4." : "");
	text[0] = '\0';
	if (!how_sure && vd->n > 0) {
		spread_words(d, text, sizeof(text));
		len = strlen(text);
		snprintf(text + len, sizeof(text) - len, " %s", method);
		if (footnote_top(text) + STRIP_TICKS + strip_h + STRIP_LABEL >
		    strip_top)
			text[0] = '\0';
	}
	if (text[0] == '\0')
		snprintf(text, sizeof(text), "%s", method);
	foot = footnote_top(text);
	tp.y = foot;
	put_para(&tp, 0.05, TX_NOTE, text);
	/* the strip in the middle of the room left */
	room = strip_top - STRIP_LABEL - (foot + STRIP_TICKS);
	if (vd->n > 0 && room < strip_h)
		tp.lost++;	/* no room for the strip */
	strip_top -= STRIP_LABEL + fmax(0, room - strip_h) / 2;
	rc = write_strip(d, vd, dir, strip_top, strip_top - strip_h);
	return close_page(&tp, rc);
}
