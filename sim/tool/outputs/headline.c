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
#include "optionlook.h"
#include "pack.h"
#include "textpage.h"
#include "voiread.h"
#include "whyloses.h"

#define BULLET_X 0.07
/* The strip never gets less of the page than this. */
#define STRIP_MIN 0.16

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

/* How to break a close call between the leader and the runner-up: the
 * one that pays back sooner, costs less, and has the better downside
 * (the 5th percentile of its gain over the baseline). */
static void
tie_break(const fw_recommendation *vd, char *buf, size_t size)
{
	const fw_option *a = &vd->opt[0], *b = &vd->opt[1];
	char pa[48], pb[48], ca[32], cb[32], ra[32], rb[32];

	payback_of(a, pa, sizeof(pa));
	payback_of(b, pb, sizeof(pb));
	fw_format_money(a->program_cost, ca, sizeof(ca));
	fw_format_money(b->program_cost, cb, sizeof(cb));
	fw_format_money(a->p5, ra, sizeof(ra));
	fw_format_money(b->p5, rb, sizeof(rb));
	snprintf(buf, size, "To break the tie: payback (%s %s, %s %s), "
	    "programme cost (%s %s, %s %s) and downside, the 5th percentile of "
	    "the gain (%s %s, %s %s).", a->name, pa, b->name, pb, a->name, ca,
	    b->name, cb, a->name, ra, b->name, rb);
}

/* The leader's gain, and what it costs and returns. */
static void
leader_words(const fw_recommendation *vd, char *buf, size_t size)
{
	const fw_option *o = &vd->opt[0];
	char gain[32], lo[32], hi[32], over[32], base[64], pay[64], roi[64];

	fw_format_money(o->mean, gain, sizeof(gain));
	fw_format_money(o->p5, lo, sizeof(lo));
	fw_format_money(o->p95, hi, sizeof(hi));
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
	snprintf(buf, size, "%s gains %s of NPV %s (5th to 95th percentile "
	    "%s to %s) and beats the baseline %s; payback %s%s.", o->name,
	    gain, over, lo, hi, base, pay, roi);
}

/* Against the runner-up: by how much, how often. */
static void
runner_words(const report *d, const fw_recommendation *vd, char *buf,
    size_t size)
{
	char by[32], ahead[64];

	fw_format_money(vd->lead_mean, by, sizeof(by));
	fw_format_share(vd->lead_p_ahead, d->R, ahead, sizeof(ahead));
	snprintf(buf, size, "Against the runner-up, %s: ahead by %s on "
	    "average, and ahead %s.", vd->opt[1].name, by, ahead);
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
		tie_break(vd, tie, sizeof(tie));
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
	double lo = NAN, hi = NAN, x;
	char a[32], b[32], c[32], t[128];
	size_t i;
	axis ax;
	int rc = FW_OK;

	for (i = 0; i < vd->n; i++) {
		double ends[3] = { vd->opt[i].p5 / 1e6, vd->opt[i].p95 / 1e6,
			vd->opt[i].mean / 1e6 };
		axis_extend(ends, 3, &lo, &hi);
	}
	ax = axis_nice(lo, hi, 1, 5);
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
		fprintf(rows, "\t%.4f\t%.4f\t%.10g\t%.10g\t%zu\n", top, bottom,
		    ax.lo, ax.hi, vd->n);
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
		    "\t0\n", top, bottom);
	rc = gp_close(rows, rc);
	return gp_close(ticks, rc);
}

int
headline_write(const report *d, const fw_recommendation *vd,
    const char *dir, const char *name)
{
	char text[2048], b[3][1024];
	double foot, strip_top;
	size_t i, n;
	int how_sure, rc;
	textpage tp;

	if (open_page(&tp, dir, name) != FW_OK)
		return FW_EIO;
	fw_recommendation_title(vd, text, sizeof(text));
	put_para(&tp, 0.05, TX_TITLE, text);
	snprintf(text, sizeof(text), "The question: %s", *d->scenario ?
	    d->scenario : "which option to choose");
	put_para(&tp, 0.05, TX_NOTE, text);
	tp.y -= 0.015;
	n = bullets(d, vd, b, &how_sure);
	for (i = 0; i < n; i++) {
		put_line(&tp, 0.05, TX_BODY, "\xe2\x80\xa2");
		put_para(&tp, BULLET_X, TX_BODY, b[i]);
		tp.y -= 0.008;
	}
	/* the footnote from the bottom up, the strip between */
	snprintf(text, sizeof(text), "Method: %zu replications, each option "
	    "paired with the baseline on the same random draws; its gain is its "
	    "NPV less the baseline's (dot: mean; bar: 5th to 95th percentile). "
	    "NPV: cash discounted to today; cash: undiscounted. ROI: NPV gain "
	    "per $1 of extra spend, at present value. Programme cost: nominal. "
	    "Customer value at risk: a year of each prescribing HCP's value "
	    "times its chance of switching within the year.%s", d->R,
	    vd->n >= 2 ? " Close call: the runner-up ahead in over 1 "
	    "replication in 4." : "");
	foot = 0.08 + para_height(0.05, TX_NOTE, text);
	if (!how_sure && vd->n > 0) {
		char sure[1024];
		spread_words(d, sure, sizeof(sure));
		foot += para_height(0.05, TX_NOTE, sure);
		strip_top = tp.y;
		tp.y = foot;
		put_para(&tp, 0.05, TX_NOTE, sure);
	} else {
		strip_top = tp.y;
		tp.y = foot;
	}
	put_para(&tp, 0.05, TX_NOTE, text);
	if (vd->n > 0 && strip_top - foot < STRIP_MIN)
		tp.lost++;	/* no room for the strip */
	rc = write_strip(d, vd, dir, strip_top, foot + 0.075);
	return close_page(&tp, rc);
}
