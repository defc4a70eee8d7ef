/* voipage.c - the board pack's page "Is it worth learning more before
 * deciding?": with uncertain inputs, what knowing them all first is
 * worth (EVPI) beside the programme's cost, how much of the spread they
 * make, and what knowing each is worth, as bars (voi.gp); with every
 * input fixed, a text page saying the spread is market randomness alone
 * and what to give a range to.
 * SPDX-License-Identifier: MIT */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gnuplot.h"
#include "labels.h"
#include "optionlook.h"
#include "pack.h"
#include "textpage.h"
#include "voiread.h"

/* Where the bars' plot ends, over its axis label and the footer. */
#define VOI_CHART_BOTTOM 0.2

static const char question[] = "Is it worth learning more before deciding?";

int
voipage_uncertain(const report *d)
{
	return d->nv > 1 && d->voi != NULL;
}

int
voipage_fixed(const report *d)
{
	return d->nv > 1 && d->voi == NULL;
}

/* The option's programme cost, mean over replications; NaN unknown. */
static double
programme_cost(const report *d, const char *name)
{
	size_t v;

	for (v = 1; v < d->nv; v++)
		if (strcmp(d->names[v], name) == 0)
			return d->program_cost[v];
	return NAN;
}

typedef struct bar {
	double value;
	size_t i;
} bar;

static int
by_value(const void *a, const void *b)
{
	const bar *x = a, *y = b;

	if (x->value != y->value)
		return x->value < y->value ? 1 : -1;
	return (x->i > y->i) - (x->i < y->i);
}

/* voi-bars.tsv: rank, EVPPI in $M, the input's name, the value written
 * at the bar's end ("nothing" for none), the chart's top and bottom
 * (screen); largest first. The chart takes the room under the text
 * down to `bottom`, a row at most 0.09 of the page high. */
static int
write_bars(const voi_read *v, const char *dir, double chart_top,
    double bottom)
{
	double row = fmin(0.09, (chart_top - bottom) / ((double)v->ninput +
	    0.2));
	FILE *f = gp_create(dir, "voi-bars.tsv");
	bar b[VOI_MAX_INPUTS];
	char label[200], money_text[32];
	size_t i;

	if (f == NULL)
		return FW_EIO;
	for (i = 0; i < v->ninput; i++)
		b[i] = (bar){ v->evppi[i], i };
	qsort(b, v->ninput, sizeof(bar), by_value);
	for (i = 0; i < v->ninput; i++) {
		fw_key_label(v->path[b[i].i], label, sizeof(label));
		if (b[i].value > 0)
			fw_format_money(b[i].value, money_text,
			    sizeof(money_text));
		else
			snprintf(money_text, sizeof(money_text), "nothing");
		fprintf(f, "%zu\t", i + 1);
		gp_value(f, b[i].value / 1e6);
		fputc('\t', f);
		gp_field(f, label);
		fputc('\t', f);
		gp_field(f, money_text);
		fprintf(f, "\t%.4f\t%.4f\n", chart_top, chart_top - row *
		    ((double)v->ninput + 0.2));
	}
	return gp_close(f, FW_OK);
}

int
voipage_write(const report *d, const fw_recommendation *vd, const char *dir,
    const char *name)
{
	const voi_read *v = d->voi;
	char text[2048], evpi[32], se[32], cost[32], top[200];
	double programme = programme_cost(d, v->best), top_value;
	/* close between two options, as every chart's title says */
	int close = vd->call == FW_CALL_CLOSE && vd->n >= 2 &&
	    vd->rival == vd->opt[1].variant, rc;
	textpage tp;

	size_t i, k = 0;

	/* the input most worth knowing: the first of the largest */
	for (i = 1; i < v->ninput; i++)
		if (v->evppi[i] > v->evppi[k])
			k = i;
	top_value = v->ninput > 0 ? v->evppi[k] : 0;
	if (v->ninput > 0)
		fw_key_label(v->path[k], top, sizeof(top));
	if (open_page(&tp, dir, name) != FW_OK)
		return FW_EIO;
	fw_format_money(v->evpi, evpi, sizeof(evpi));
	fw_format_money(v->evpi_se, se, sizeof(se));
	/* the answer as the title; a close call says so */
	if (v->evpi > 0 && top_value > 0)
		snprintf(text, sizeof(text), "%searning more first is worth up "
		    "to %s, most of all %s", close ? "Close call: l" : "L",
		    evpi, top);
	else if (v->evpi > 0)
		snprintf(text, sizeof(text), "%searning all the inputs first is "
		    "worth up to %s; no one alone would change the choice",
		    close ? "Close call: l" : "L", evpi);
	else
		snprintf(text, sizeof(text), "%s: learning more before deciding "
		    "is worth nothing", close ? "Close call: no" : "No");
	put_para(&tp, 0.05, TX_TITLE, text);
	tp.y -= 0.01;
	fw_format_money(programme, cost, sizeof(cost));
	if (v->evpi > 0)
		snprintf(text, sizeof(text), "Knowing every uncertain input "
		    "first is worth %s on average (standard error %s), beside "
		    "%s's programme cost of %s: no pilot, survey or data "
		    "costing more is worth waiting for.", evpi, se,
		    report_label_of(d, v->best), cost);
	else
		snprintf(text, sizeof(text), "Whatever the uncertain "
		    "inputs turn out to be within their ranges, %s stays the "
		    "best choice, so learning them first is worth nothing.",
		    report_label_of(d, v->best));
	put_para(&tp, 0.05, TX_STRONG, text);
	tp.y -= 0.008;
	if (!isnan(v->best_share)) {
		snprintf(text, sizeof(text), "Uncertain inputs make %.0f%% of "
		    "the spread of %s's gain; the other %.0f%% is market "
		    "randomness, which nothing learnt removes.",
		    100 * v->best_share, report_label_of(d, v->best),
		    100 * (1 - v->best_share));
		put_para(&tp, 0.05, TX_BODY, text);
	}
	tp.y -= 0.01;
	/* the title says when no one input alone is worth anything */
	put_para(&tp, 0.05, TX_HEAD, "What knowing each input alone first is "
	    "worth:");
	/* the bars under the text, down to their axis' label and the
	 * footer */
	if (tp.y - 0.02 - VOI_CHART_BOTTOM < 0.035 * ((double)v->ninput + 0.2))
		tp.lost++;	/* rows too thin to read */
	rc = write_bars(v, dir, tp.y - 0.02, VOI_CHART_BOTTOM);
	return close_page(&tp, rc);
}

static int
is_number(const char *s)
{
	char *end;

	if (s == NULL || *s == '\0')
		return 0;
	(void)strtod(s, &end);
	return *end == '\0';
}

int
voipage_write_fixed(const report *d, const fw_recommendation *vd, const char *dir,
    const char *name)
{
	char text[2048], label[200];
	textpage tp;
	size_t i, used = 0;

	(void)vd;
	if (open_page(&tp, dir, name) != FW_OK)
		return FW_EIO;
	put_para(&tp, 0.05, TX_TITLE, question);
	tp.y -= 0.01;
	put_para(&tp, 0.05, TX_STRONG, "This pack cannot say yet: every input "
	    "of the scenario is a fixed number, so the spread it shows is "
	    "market randomness alone (which HCPs happen to lapse, switch or "
	    "advocate) and the recommendation is only as sure as those "
	    "numbers.");
	tp.y -= 0.01;
	put_para(&tp, 0.05, TX_HEAD, "Give a range to what the brand team is "
	    "guessing, then run again:");
	text[0] = '\0';
	for (i = 0; i < d->nchange && used < sizeof(text); i++) {
		/* what a variant sets an input to, not its costs or channels */
		if (!is_number(d->change[i].from) ||
		    !is_number(d->change[i].to) ||
		    strncmp(d->change[i].path, "program_cost.", 13) == 0)
			continue;
		fw_key_label(d->change[i].path, label, sizeof(label));
		used += (size_t)snprintf(text + used, sizeof(text) - used,
		    "%s%s (%s in %s)", used ? ", " : "", label,
		    d->change[i].to, d->labels[d->change[i].v]);
	}
	if (*text) {
		char line[2300];
		snprintf(line, sizeof(line), "What each option is expected to "
		    "achieve: %s.", text);
		put_para(&tp, 0.07, TX_BODY, line);
	}
	put_para(&tp, 0.07, TX_BODY, "How much experience drives prescribing "
	    "(experience.cx_weight), how fast trust is won and lost "
	    "(experience.trust_gain, trust_loss), and how often lost HCPs come "
	    "back (reacquisition.winback_lapsed, winback_switched).");
	tp.y -= 0.01;
	put_para(&tp, 0.05, TX_NOTE, "Write each as {dist: pert, min, mode, "
	    "max} (see flywheel-scenario(5)); the run then writes voi.csv and "
	    "this page shows what learning each input before committing is "
	    "worth.");
	return close_page(&tp, FW_OK);
}
