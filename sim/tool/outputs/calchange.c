/* calchange.c - the board pack's page on what calibrating changed, when
 * the run's scenario names the fit table of the calibration that made
 * it: each input fitted, as the team guessed it and as fitted with its
 * 95% interval, those the data could not identify, and, when the run
 * also ran the guesses (guesses.h), the baseline's NPV, each option's
 * gain and the leader's lead with the guesses and fitted. Its title says
 * what that does to the decision. A fit table that cannot be read does
 * not fail the run: the page says so (calpage.c).
 * SPDX-License-Identifier: MIT */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "charts.h"
#include "fittable.h"
#include "guesses.h"
#include "labels.h"
#include "pack.h"
#include "relpath.h"
#include "textpage.h"
#include "valuewords.h"

/* An input's name in words: "access friction"; its key when the key
 * table does not know it. */
static void
input_name(const fit_input *in, char *buf, size_t size)
{
	fw_key_label(in->path, buf, size);
}

/* The columns of the page's table: room for an input's name in words
 * at the pack's body size (14 pt, "new-patient scripts per HCP
 * (cardiology)"). */
static const double col[] = { 0.05, 0.55, 0.68, 0.80 };

/* The inputs fitted: the team's guess (the median of guessed.yaml, the
 * scenario before calibrating, when it can be read), the estimate and
 * its 95% interval; then those the data could not identify. */
static void
put_inputs(textpage *tp, const fit_table *t, const fw_scenario *before)
{
	char name[400], text[1024], w[4][VALUE_WORDS];
	size_t i, fitted = 0;

	for (i = 0; i < t->n; i++)
		fitted += t->in[i].identified;
	if (fitted > 0) {
		put_line(tp, col[0], TX_HEAD, "Input fitted");
		if (before != NULL)
			put_line(tp, col[1], TX_HEAD, "Guessed");
		put_line(tp, col[2], TX_HEAD, "Fitted");
		put_line(tp, col[3], TX_HEAD, "95% interval");
		tp->y -= line_height[TX_HEAD];
	}
	for (i = 0; i < t->n; i++) {
		const fit_input *in = &t->in[i];
		if (!in->identified)
			continue;
		/* the four figures of a row with one number of decimals */
		double x[4] = { in->estimate, in->lo95, in->hi95, NAN };
		int guessed = before != NULL && fw_scenario_value(before, NULL,
		    in->path, 0.5, &x[3], NULL) == FW_OK;
		values_words(in->path, x, guessed ? 4 : 3, w);
		input_name(in, name, sizeof(name));
		put_line(tp, col[0], TX_BODY, name);
		if (guessed)
			put_line(tp, col[1], TX_BODY, w[3]);
		put_line(tp, col[2], TX_BODY, w[0]);
		snprintf(text, sizeof(text), "%s to %s", w[1], w[2]);
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

/* Option v's mean NPV, or its gain over the baseline's, with the
 * guesses or fitted. */
static double
npv_of(const report *d, size_t v, int guessed, int gain)
{
	const double *x = guessed ? d->npv_guessed : NULL;
	double y = x != NULL ? x[v] : d->npv[v].mean;

	return gain ? y - (x != NULL ? x[0] : d->npv[0].mean) : y;
}

/* A row of money: its name, then with the guesses, fitted and the
 * change, signed where signed. */
static void
money_row(textpage *tp, const char *name, double guessed, double fitted,
    int sign)
{
	char text[3][48];
	const double x[3] = { guessed, fitted, fitted - guessed };
	int i;

	put_line(tp, col[0], TX_BODY, name);
	for (i = 0; i < 3; i++) {
		if (sign || i == 2)
			tornado_change_text(x[i] / 1e6, 1, text[i],
			    sizeof(text[i]));
		else
			fw_format_money(x[i], text[i], sizeof(text[i]));
		put_line(tp, col[1 + i], TX_BODY, text[i]);
	}
	tp->y -= line_height[TX_BODY];
}

/* What calibrating changed in money: the baseline's NPV, each option's
 * gain and the leader's lead over the runner-up, with the guesses and
 * fitted, from the two runs on one seed. */
static void
put_money(textpage *tp, const report *d, const fw_recommendation *vd)
{
	char name[400];
	size_t i;

	tp->y -= 0.01;
	put_line(tp, col[0], TX_HEAD, "In money (mean NPV)");
	put_line(tp, col[1], TX_HEAD, "Guessed");
	put_line(tp, col[2], TX_HEAD, "Fitted");
	put_line(tp, col[3], TX_HEAD, "Change");
	tp->y -= line_height[TX_HEAD];
	money_row(tp, "Baseline's NPV", npv_of(d, 0, 1, 0), npv_of(d, 0, 0, 0),
	    0);
	for (i = 0; i < vd->n; i++) {
		size_t v = vd->opt[i].variant;
		snprintf(name, sizeof(name), "%s's gain", vd->opt[i].name);
		money_row(tp, name, npv_of(d, v, 1, 1), npv_of(d, v, 0, 1), 1);
	}
	if (vd->n >= 2 && vd->leader > 0 && vd->runner_up > 0) {
		snprintf(name, sizeof(name), "%s's lead", vd->opt[0].name);
		money_row(tp, name, npv_of(d, vd->leader, 1, 0) - npv_of(d,
		    vd->runner_up, 1, 0), npv_of(d, vd->leader, 0, 0) -
		    npv_of(d, vd->runner_up, 0, 0), 1);
	}
}

/* The page's title: what calibrating changed for the decision when the
 * guesses were run too, else what the page shows. */
static void
title_of(const report *d, const fw_recommendation *vd, char *buf,
    size_t size)
{
	char a[48], b[48];
	const char *close = vd->call == FW_CALL_CLOSE && vd->n >= 2 &&
	    vd->rival == vd->opt[1].variant ? "Close call: f" : "F";
	double was, is;

	if (d->npv_guessed == NULL || vd->leader == 0) {
		snprintf(buf, size, "How the baseline was fitted to the brand's "
		    "history");
		return;
	}
	if (vd->n < 2) {
		fw_format_money(npv_of(d, vd->leader, 1, 1), a, sizeof(a));
		fw_format_money(npv_of(d, vd->leader, 0, 1), b, sizeof(b));
		snprintf(buf, size, "%sitted to the brand's history, %s gains "
		    "%s of NPV, not the %s the guesses gave", close,
		    vd->opt[0].name, b, a);
		return;
	}
	was = npv_of(d, vd->leader, 1, 0) - npv_of(d, vd->runner_up, 1, 0);
	is = npv_of(d, vd->leader, 0, 0) - npv_of(d, vd->runner_up, 0, 0);
	fw_format_money(fabs(was), a, sizeof(a));
	fw_format_money(is, b, sizeof(b));
	if (was > 0)
		snprintf(buf, size, "%sitted to the brand's history, %s still "
		    "leads %s, by %s instead of %s", close, vd->opt[0].name,
		    vd->opt[1].name, b, a);
	else
		snprintf(buf, size, "%sitted to the brand's history, %s leads "
		    "%s by %s; the guesses put it %s behind", close,
		    vd->opt[0].name, vd->opt[1].name, b, a);
}

int
calchange_write(const report *d, const fw_recommendation *vd,
    const char *dir, const char *name)
{
	char path[4096], text[2048];
	fit_table *t = calloc(1, sizeof(*t));
	fw_scenario *before = NULL;
	fw_error err;
	textpage tp;

	if (t == NULL)
		return FW_ENOMEM;
	if (open_page(&tp, dir, name) != FW_OK) {
		free(t);
		return FW_EIO;
	}
	title_of(d, vd, text, sizeof(text));
	put_para(&tp, 0.05, TX_TITLE, text);
	tp.y -= 0.02;
	if (read_fit_table(d->calibration, t, &err) != FW_OK) {
		calpage_unreadable(&tp, "fit table", &err);
		tp.y -= 0.02;
		put_para(&tp, 0.05, TX_BODY, "The scenario was calibrated, but "
		    "this pack cannot say how: flywheel calibrate writes the "
		    "fit table beside the calibrated scenario.");
		free(t);
		return close_page(&tp, FW_OK);
	}
	if (guessed_path(d->calibration, path, sizeof(path)) != 0 ||
	    fw_scenario_load(path, &before, NULL) != FW_OK)
		before = NULL;
	put_inputs(&tp, t, before);
	fw_scenario_free(before);
	if (d->npv_guessed != NULL)
		put_money(&tp, d, vd);
	tp.y = fmin(tp.y - 0.03, 0.16);
	/* file names only: a page for a board carries no paths of the
	 * machine that drew it */
	snprintf(text, sizeof(text), "From the fit table %s: 95%% intervals "
	    "from the fit's curvature; an input the data do not identify "
	    "keeps its guess.%s", file_name_of(d->calibration),
	    d->npv_guessed != NULL ? " Guessed: guessed.yaml, the scenario "
	    "before calibrating, run on this pack's seed, replications and "
	    "horizon; money is the mean over replications." : "");
	put_para(&tp, 0.05, TX_NOTE, text);
	free(t);
	return close_page(&tp, FW_OK);
}
