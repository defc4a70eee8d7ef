/* recommend_text.c - the recommendation in words (fw_recommend(3)),
 * every phrase chosen from the figures it stands beside, so that the
 * console, the workbook and the board pack say the same thing.
 * SPDX-License-Identifier: MIT */
#include "config.h"

#include <math.h>
#include <stdio.h>

#include "flywheel.h"

void
fw_recommendation_title(const fw_recommendation *rec, char *buf,
    size_t size)
{
	char share[64];

	if (buf == NULL || size == 0)
		return;
	if (rec == NULL) {
		buf[0] = '\0';
		return;
	}
	switch (rec->call) {
	case FW_CALL_NONE:
		snprintf(buf, size, "No option to weigh: the scenario holds "
		    "the baseline only");
		break;
	case FW_CALL_KEEP:
		snprintf(buf, size, "Keep the baseline: no option gains NPV "
		    "on average");
		break;
	case FW_CALL_CLOSE:
		fw_format_share(rec->rival == 0 ? 1 - rec->opt[0].p_ahead :
		    1 - rec->lead_p_ahead, rec->reps, share, sizeof(share));
		snprintf(buf, size, "A close call: %s leads, but %s comes out "
		    "ahead %s", rec->opt[0].name, rec->rival == 0 ?
		    "the baseline" : rec->opt[1].name, share);
		break;
	case FW_CALL_LIKELY:
		snprintf(buf, size, "Recommendation: %s, likely the best "
		    "option", rec->opt[0].name);
		break;
	case FW_CALL_CLEAR:
		snprintf(buf, size, "Recommendation: %s", rec->opt[0].name);
		break;
	}
}

/* "pays back in month 5", "does not pay back within 60 months" */
static void
payback_words(const fw_recommendation *rec, const fw_option *o, char *buf,
    size_t size)
{
	if (o->payback > 0)
		snprintf(buf, size, "pays back in month %d", o->payback);
	else
		snprintf(buf, size, "does not pay back within %d months",
		    rec->months);
}

/* "ROI 22.1x on $13.0M of extra spend", or why there is none. */
static void
roi_words(const fw_option *o, char *buf, size_t size)
{
	char cost[32];

	fw_format_money(o->cost, cost, sizeof(cost));
	if (isnan(o->cost))
		snprintf(buf, size, "extra spend not recorded");
	else if (!(o->cost > 0))
		snprintf(buf, size, "no extra spend (%s)", cost);
	else
		snprintf(buf, size, "ROI %.1fx on %s of extra spend", o->roi,
		    cost);
}

void
fw_recommendation_answer(const fw_recommendation *rec, char *buf,
    size_t size)
{
	const fw_option *o;
	char gain[32], lo[32], hi[32], base[64], over[32], runner[256];
	char pay[64], prog[32], roi[96], lead[32];

	if (buf == NULL || size == 0)
		return;
	if (rec == NULL || rec->call == FW_CALL_NONE) {
		snprintf(buf, size, "Add variants to the scenario to compare "
		    "options with the baseline.");
		return;
	}
	o = &rec->opt[0];
	fw_format_money(o->mean, gain, sizeof(gain));
	fw_format_money(o->p5, lo, sizeof(lo));
	fw_format_money(o->p95, hi, sizeof(hi));
	fw_format_share(o->p_ahead, rec->reps, base, sizeof(base));
	fw_format_horizon(rec->months, over, sizeof(over));
	payback_words(rec, o, pay, sizeof(pay));
	fw_format_money(o->program_cost, prog, sizeof(prog));
	roi_words(o, roi, sizeof(roi));
	if (rec->call == FW_CALL_KEEP && o->mean == 0 && o->p5 == 0 &&
	    o->p95 == 0) {
		snprintf(buf, size, "The best option, %s, makes no difference "
		    "to NPV %s (5th to 95th percentile of the paired change: %s "
		    "to %s).", o->name, over, lo, hi);
		return;
	}
	if (rec->call == FW_CALL_KEEP) {
		snprintf(buf, size, "The best option, %s, changes NPV by %s "
		    "%s (5th to 95th percentile of the paired change: %s to "
		    "%s); it beats the baseline %s.", o->name, gain, over,
		    lo, hi, base);
		return;
	}
	runner[0] = '\0';
	if (rec->n >= 2) {
		char ahead[64];
		fw_format_share(rec->lead_p_ahead, rec->reps, ahead,
		    sizeof(ahead));
		fw_format_money(rec->lead_mean, lead, sizeof(lead));
		snprintf(runner, sizeof(runner), " and the runner-up, %s, %s "
		    "(by %s on average)", rec->opt[1].name, ahead, lead);
	}
	snprintf(buf, size, "%s gains %s of NPV %s (5th to 95th percentile "
	    "of the paired gain: %s to %s). It beats the baseline %s%s. It "
	    "%s; its programme costs %s, %s.", o->name, gain, over, lo, hi,
	    base, runner, pay, prog, roi);
}

/* "; its revenue gain compounds (year 5: 2.1x year 1)", or nothing. */
static void
growth_words(const fw_recommendation *rec, const fw_option *o, char *buf,
    size_t size)
{
	int year = rec->months / 12;

	buf[0] = '\0';
	/* a multiple of a first year that gains next to nothing says
	 * nothing: none above 5x */
	if (isnan(o->compounding) || !(o->mean > 0) || rec->months < 24 ||
	    o->compounding > 5)
		return;
	snprintf(buf, size, "; its revenue gain %s (year %d: %.1fx year 1)",
	    o->compounding > 1.1 ? "compounds" : o->compounding >= 0.9 ?
	    "holds steady" : "fades", year, o->compounding);
}

void
fw_recommendation_line(const fw_recommendation *rec, size_t i, char *buf,
    size_t size)
{
	const fw_option *o;
	char gain[32], lo[32], hi[32], base[64], pay[64], roi[96];
	char grow[96];

	if (buf == NULL || size == 0)
		return;
	if (rec == NULL || i >= rec->n) {
		buf[0] = '\0';
		return;
	}
	o = &rec->opt[i];
	fw_format_money(fabs(o->mean), gain, sizeof(gain));
	fw_format_money(o->p5, lo, sizeof(lo));
	fw_format_money(o->p95, hi, sizeof(hi));
	fw_format_share(o->p_ahead >= 0.5 ? o->p_ahead : 1 - o->p_ahead,
	    rec->reps, base, sizeof(base));
	payback_words(rec, o, pay, sizeof(pay));
	roi_words(o, roi, sizeof(roi));
	growth_words(rec, o, grow, sizeof(grow));
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
