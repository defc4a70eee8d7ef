/* verdict.c - the recommendation in words, from the figures.
 * SPDX-License-Identifier: MIT */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "verdict.h"

#define CLOSE_BELOW 0.75	/* leader ahead in fewer: a close call */

int
verdict_alloc(verdict *vd, size_t n, uint64_t reps, int months)
{
	memset(vd, 0, sizeof(*vd));
	vd->n = n;
	vd->reps = reps;
	vd->months = months;
	vd->lead_mean = vd->lead_p5 = vd->lead_p95 = NAN;
	vd->lead_p_ahead = NAN;
	if ((vd->opt = calloc(n + 1, sizeof(*vd->opt))) == NULL)
		return -1;
	return 0;
}

void
verdict_free(verdict *vd)
{
	free(vd->opt);
	memset(vd, 0, sizeof(*vd));
}

static int
by_gain(const void *a, const void *b)
{
	const verdict_option *x = a, *y = b;

	if (x->mean != y->mean)
		return x->mean < y->mean ? 1 : -1;
	return x->v < y->v ? -1 : x->v > y->v;
}

void
verdict_rank(verdict *vd)
{
	qsort(vd->opt, vd->n, sizeof(*vd->opt), by_gain);
}

enum verdict_call
verdict_call(const verdict *vd)
{
	const verdict_option *lead = &vd->opt[0];
	double p5 = vd->n >= 2 ? vd->lead_p5 : lead->p5;
	double ahead = vd->n >= 2 ? vd->lead_p_ahead : lead->p_ahead;

	if (vd->n == 0)
		return CALL_NONE;
	if (!(lead->mean > 0))
		return CALL_KEEP;
	/* Against the baseline too: an option no surer than that is
	 * close whatever the runner-up does. */
	if (lead->p_ahead < CLOSE_BELOW)
		ahead = fmin(ahead, lead->p_ahead);
	if (ahead < CLOSE_BELOW)
		return CALL_CLOSE;
	if (p5 > 0 && lead->p5 > 0)
		return CALL_CLEAR;
	return CALL_LIKELY;
}

void
share_words(double p, uint64_t reps, char *buf, size_t size)
{
	double count = floor(p * (double)reps + 0.5);
	double pct = 100 * count / (double)reps;

	if (isnan(p) || reps == 0)
		snprintf(buf, size, "in an unknown share of replications");
	else if (count >= (double)reps && reps == 1)
		snprintf(buf, size, "in the one replication");
	else if (count >= (double)reps)
		snprintf(buf, size, "in all %llu replications",
		    (unsigned long long)reps);
	else if (count <= 0)
		snprintf(buf, size, "in none of the %llu replications",
		    (unsigned long long)reps);
	else if (pct >= 99.5 || pct < 0.5)
		snprintf(buf, size, "in %.1f%% of replications", pct);
	else
		snprintf(buf, size, "in %.0f%% of replications", pct);
}

void
horizon_words(int months, char *buf, size_t size)
{
	if (months % 12 == 0 && months >= 24)
		snprintf(buf, size, "over %d years", months / 12);
	else if (months == 12)
		snprintf(buf, size, "over 1 year");
	else
		snprintf(buf, size, "over %d month%s", months,
		    months == 1 ? "" : "s");
}

void
verdict_title(const verdict *vd, char *buf, size_t size)
{
	char share[64];

	switch (verdict_call(vd)) {
	case CALL_NONE:
		snprintf(buf, size, "No option to weigh: the scenario holds "
		    "the baseline only");
		break;
	case CALL_KEEP:
		snprintf(buf, size, "Keep the baseline: no option gains NPV "
		    "on average");
		break;
	case CALL_CLOSE:
		if (vd->opt[0].p_ahead < CLOSE_BELOW || vd->n < 2)
			share_words(1 - vd->opt[0].p_ahead, vd->reps, share,
			    sizeof(share));
		else
			share_words(1 - vd->lead_p_ahead, vd->reps, share,
			    sizeof(share));
		snprintf(buf, size, "A close call: %s leads, but %s comes out "
		    "ahead %s", vd->opt[0].name, vd->opt[0].p_ahead <
		    CLOSE_BELOW || vd->n < 2 ? "the baseline" :
		    vd->opt[1].name, share);
		break;
	case CALL_LIKELY:
		snprintf(buf, size, "Recommendation: %s, likely the best "
		    "option", vd->opt[0].name);
		break;
	case CALL_CLEAR:
		snprintf(buf, size, "Recommendation: %s", vd->opt[0].name);
		break;
	}
}

/* "it pays back in month 5", "it does not pay back within 60 months" */
static void
payback_words(const verdict *vd, const verdict_option *o, char *buf,
    size_t size)
{
	if (o->payback > 0)
		snprintf(buf, size, "pays back in month %d", o->payback);
	else
		snprintf(buf, size, "does not pay back within %d months",
		    vd->months);
}

/* "ROI 22.1x on $13.0M of extra spend", or why there is none. */
static void
roi_words(const verdict_option *o, char *buf, size_t size)
{
	char cost[32];

	money(o->cost, cost, sizeof(cost));
	if (isnan(o->cost))
		snprintf(buf, size, "extra spend not recorded");
	else if (!(o->cost > 0))
		snprintf(buf, size, "no extra spend (%s)", cost);
	else
		snprintf(buf, size, "ROI %.1fx on %s of extra spend", o->roi,
		    cost);
}

void
verdict_answer(const verdict *vd, char *buf, size_t size)
{
	const verdict_option *o = &vd->opt[0];
	char gain[32], lo[32], hi[32], base[64], over[32], runner[256];
	char pay[64], prog[32], roi[96], lead[32];
	enum verdict_call call = verdict_call(vd);

	if (call == CALL_NONE) {
		snprintf(buf, size, "Add variants to the scenario to compare "
		    "options with the baseline.");
		return;
	}
	money(o->mean, gain, sizeof(gain));
	money(o->p5, lo, sizeof(lo));
	money(o->p95, hi, sizeof(hi));
	share_words(o->p_ahead, vd->reps, base, sizeof(base));
	horizon_words(vd->months, over, sizeof(over));
	payback_words(vd, o, pay, sizeof(pay));
	money(o->program_cost, prog, sizeof(prog));
	roi_words(o, roi, sizeof(roi));
	if (call == CALL_KEEP && o->mean == 0 && o->p5 == 0 && o->p95 == 0) {
		snprintf(buf, size, "The best option, %s, makes no difference "
		    "to NPV %s (5th to 95th percentile of the paired change: %s "
		    "to %s).", o->name, over, lo, hi);
		return;
	}
	if (call == CALL_KEEP) {
		snprintf(buf, size, "The best option, %s, changes NPV by %s "
		    "%s (5th to 95th percentile of the paired change: %s to "
		    "%s); it beats the baseline %s.", o->name, gain, over,
		    lo, hi, base);
		return;
	}
	runner[0] = '\0';
	if (vd->n >= 2) {
		char ahead[64];
		share_words(vd->lead_p_ahead, vd->reps, ahead, sizeof(ahead));
		money(vd->lead_mean, lead, sizeof(lead));
		snprintf(runner, sizeof(runner), " and the runner-up, %s, %s "
		    "(by %s on average)", vd->opt[1].name, ahead, lead);
	}
	snprintf(buf, size, "%s gains %s of NPV %s (5th to 95th percentile "
	    "of the paired gain: %s to %s). It beats the baseline %s%s. It "
	    "%s; its programme costs %s, %s.", o->name, gain, over, lo, hi,
	    base, runner, pay, prog, roi);
}

void
verdict_line(const verdict *vd, size_t i, char *buf, size_t size)
{
	const verdict_option *o = &vd->opt[i];
	char gain[32], lo[32], hi[32], base[64], pay[64], roi[96];
	char grow[96] = "";

	money(fabs(o->mean), gain, sizeof(gain));
	money(o->p5, lo, sizeof(lo));
	money(o->p95, hi, sizeof(hi));
	share_words(o->p_ahead >= 0.5 ? o->p_ahead : 1 - o->p_ahead,
	    vd->reps, base, sizeof(base));
	payback_words(vd, o, pay, sizeof(pay));
	roi_words(o, roi, sizeof(roi));
	if (!isnan(o->compounding) && o->mean > 0 && vd->months >= 24) {
		int year = vd->months / 12;
		if (o->compounding > 1.1)
			snprintf(grow, sizeof(grow), "; its revenue gain "
			    "compounds (year %d: %.1fx year 1)", year,
			    o->compounding);
		else if (o->compounding >= 0.9)
			snprintf(grow, sizeof(grow), "; its revenue gain holds "
			    "steady (year %d: %.1fx year 1)", year,
			    o->compounding);
		else
			snprintf(grow, sizeof(grow), "; its revenue gain fades "
			    "(year %d: %.1fx year 1)", year, o->compounding);
	}
	if (o->mean == 0 && o->p5 == 0 && o->p95 == 0) {
		snprintf(buf, size, "%zu. %s makes no difference to NPV (5th "
		    "to 95th percentile %s to %s); %s.", i + 1, o->name, lo, hi,
		    roi);
		return;
	}
	snprintf(buf, size, "%zu. %s %s %s of NPV (5th to 95th percentile "
	    "%s to %s); it %s the baseline %s; it %s; %s%s.", i + 1, o->name,
	    o->mean >= 0 ? "gains" : "loses", gain, lo, hi,
	    o->p_ahead >= 0.5 ? "beats" : "trails", base, pay, roi, grow);
}
