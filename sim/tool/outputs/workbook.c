/* workbook.c - results.xlsx from the command: the library's figures of
 * the run (fw_run_book, or bookread.c from the tables), the run's
 * provenance, the sheets of the leakage and the calibration (each input
 * fitted, guessed against fitted, and what calibrating changed in
 * money), written by fw_book_write into a private folder and moved into
 * place.
 * SPDX-License-Identifier: MIT */
#include "config.h"

#include <fcntl.h>
#include <math.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "bookread.h"
#include "fittable.h"
#include "guesses.h"
#include "labels.h"
#include "leakage.h"
#include "booktable.h"
#include "outdir.h"
#include "relpath.h"
#include "optionlook.h"
#include "workbook.h"

/* The sheets from the command's own tables, when they are there. */
typedef struct extras {
	book_csv csv[3];
	fw_book_table table[3];
	size_t n;
} extras;

/* The table just made in x's next place, a sheet when rc is FW_OK,
 * else freed; rc. */
static int
kept(extras *x, int rc)
{
	if (rc != FW_OK) {
		book_csv_free(&x->csv[x->n]);
		return rc;
	}
	x->table[x->n] = x->csv[x->n].t;
	x->n++;
	return FW_OK;
}

static int
add_table(extras *x, const char *path, const char *sheet,
    const char *title, const char *note, fw_error *err)
{
	if (access(path, F_OK) != 0)
		return FW_OK;
	return kept(x, book_csv_read(path, sheet, title, note, &x->csv[x->n],
	    err));
}

static const char leak_title[] = "Where value leaks: what removing each "
    "stage of friction is worth";
static const char leak_note[] = "Figures are means over replications with "
    "the 95% interval of the mean (simulation precision). Shapley: the "
    "stage's share of removing every stage at once; the frictionless "
    "total is a theoretical ceiling.";

/* The Calibration sheet: each input of the fit table fit in words and
 * by its key, as guessed (guessed.yaml's median, where it is there)
 * and fitted, with its 95% interval. A table that cannot be read makes
 * no sheet: the board pack says why. */
static int
add_fit(extras *x, const char *fit, fw_error *err)
{
	static char *const col[] = { "input", "key", "guessed", "estimate",
		"lower95", "upper95", "identified", "note" };
	book_csv *c = &x->csv[x->n];
	fit_table *t = calloc(1, sizeof(*t));
	fw_scenario *guessed = NULL;
	char path[4096], label[400];
	fw_error ignored;
	size_t i;
	int rc;

	if (t == NULL) {
		fw_error_set(err, FW_ENOMEM, "", 0, 0, "", "out of memory");
		return FW_ENOMEM;
	}
	if (read_fit_table(fit, t, &ignored) != FW_OK) {
		free(t);
		return FW_OK;
	}
	if (guessed_path(fit, path, sizeof(path)) != 0 ||
	    fw_scenario_load(path, &guessed, NULL) != FW_OK)
		guessed = NULL;
	rc = book_csv_start(c, "Calibration", "The calibration that made this "
	    "scenario: each input, guessed and fitted", "Guessed: the "
	    "scenario before calibrating (guessed.yaml; a distribution's "
	    "median). Estimates with their 95% interval, from the curvature "
	    "of the fit's objective; an input the data do not identify keeps "
	    "the scenario's own value.", 8, col, err);
	for (i = 0; rc == FW_OK && i < t->n; i++) {
		const fit_input *in = &t->in[i];
		const char *text[8] = { label, in->path, NULL, NULL, NULL,
			NULL, in->identified ? "yes" : "no", in->note };
		double num[8] = { NAN, NAN, NAN, in->estimate, in->lo95,
			in->hi95, NAN, NAN };
		fw_key_label(in->path, label, sizeof(label));
		if (guessed == NULL || fw_scenario_value(guessed, NULL,
		    in->path, 0.5, &num[2], NULL) != FW_OK)
			num[2] = NAN;
		rc = book_csv_add(c, text, num, NULL, err);
	}
	fw_scenario_free(guessed);
	free(t);
	return kept(x, rc);
}

/* The sheet of what calibrating changed: each option's mean NPV and
 * gain with the guesses and fitted (d's, from guesses.csv's run). */
static int
add_change(extras *x, const report *d, fw_error *err)
{
	static char *const col[] = { "option", "NPV with the guesses",
		"NPV fitted", "Change in NPV", "NPV gain with the guesses",
		"NPV gain fitted", "Change in NPV gain" };
	book_csv *c = &x->csv[x->n];
	size_t v;
	int rc;

	if (d == NULL || d->npv_guessed == NULL)
		return FW_OK;
	rc = book_csv_start(c, "Calibration change", "What calibrating "
	    "changed: each option's NPV with the guesses and fitted", "Mean "
	    "NPV over the run's replications; the guesses (guessed.yaml) run "
	    "on the same seed, replications and horizon as the scenario "
	    "fitted.", 7, col, err);
	for (v = 0; rc == FW_OK && v < d->nv; v++) {
		/* the baseline as every sheet's header writes it */
		const char *text[7] = { v == 0 ? "Baseline" : d->labels !=
			NULL ? d->labels[v] : d->names[v] };
		double g = d->npv_guessed[v], f = d->npv[v].mean;
		double g0 = d->npv_guessed[0], f0 = d->npv[0].mean;
		double num[7] = { NAN, g, f, f - g, v > 0 ? g - g0 : NAN,
			v > 0 ? f - f0 : NAN, v > 0 ? f - f0 - (g - g0) : NAN };
		rc = book_csv_add(c, text, num, "npv", err);
	}
	return kept(x, rc);
}

/* The sheets of the leakage, from lk in memory, or else when leakage is
 * set from dir's leakage.csv, and of the fit table fit with what
 * calibrating changed (d's guesses). */
static int
add_extras(extras *x, const char *dir, const fw_leakage *lk, int leakage,
    const char *fit, const report *d, fw_book *b, fw_error *err)
{
	char path[4096];
	int rc = FW_OK;

	memset(x, 0, sizeof(*x));
	if (lk != NULL)
		rc = kept(x, leak_book_table(lk, leak_title, leak_note,
		    &x->csv[x->n], err));
	else if (leakage && pathf(path, sizeof(path), "%s/leakage.csv",
	    dir) == 0)
		rc = add_table(x, path, "Leakage", leak_title, leak_note, err);
	if (rc == FW_OK && fit != NULL && *fit != '\0')
		rc = add_fit(x, fit, err);
	if (rc == FW_OK && fit != NULL && *fit != '\0')
		rc = add_change(x, d, err);
	b->table = x->table;
	b->ntable = x->n;
	return rc;
}

static void
extras_free(extras *x)
{
	size_t i;

	for (i = 0; i < x->n; i++)
		book_csv_free(&x->csv[i]);
}

/* Each option as the charts and pack show it: its label, its colour,
 * the recommendation in those labels. */
typedef struct looks {
	uint32_t *colour;
	fw_recommendation rec;
} looks;

static int
take_looks(const report *d, fw_book *b, looks *l, fw_error *err)
{
	size_t v;

	memset(l, 0, sizeof(*l));
	if (d->labels == NULL || d->colour == NULL || d->nv != b->nvariant)
		return FW_OK;
	if ((l->colour = calloc(d->nv, sizeof(uint32_t))) == NULL ||
	    report_labelled(d, &l->rec) != FW_OK) {
		fw_error_set(err, FW_ENOMEM, "", 0, 0, "", "out of memory");
		return FW_ENOMEM;
	}
	for (v = 0; v < d->nv; v++)
		l->colour[v] = (uint32_t)strtoul(d->colour[v] + 1, NULL, 16);
	b->label = (const char *const *)d->labels;
	b->colour = l->colour;
	b->rec = &l->rec;
	return FW_OK;
}

static void
looks_free(looks *l)
{
	free(l->colour);
	free(l->rec.opt);
}

/* fw_book_write into a private folder of dir, then moved in: no name
 * in dir is written through, nothing half written is left. */
static int
put_book(const fw_book *b, const char *dir, fw_error *err)
{
	char folder[4096], tmp[4096], final[4096];
	int rc;

	if (pathf(final, sizeof(final), "%s/results.xlsx", dir) != 0) {
		fw_error_set(err, FW_EIO, dir, 0, 0, "", "directory name too "
		    "long");
		return FW_EIO;
	}
	if (out_temp_folder(dir, "results", folder, sizeof(folder), err) !=
	    FW_OK)
		return FW_EIO;
	pathf(tmp, sizeof(tmp), "%s/results.xlsx", folder);
	rc = fw_book_write(b, tmp, err);
	if (rc == FW_EIO)
		fw_error_set(err, FW_EIO, final, 0, 0, "", "cannot write");
	if (rc == FW_OK)
		rc = out_move_into(tmp, AT_FDCWD, dir, final, err);
	remove_tree(folder);
	return rc;
}

int
write_workbook(const fw_run *run, const report *d, const char *dir,
    const char *command_line, const fw_leakage *lk, fw_error *err)
{
	const fw_scenario *sc = fw_run_scenario(run);
	char finished[32];
	time_t now = time(NULL);
	extras x;
	looks l;
	fw_book b;
	int rc;

	memset(&l, 0, sizeof(l));
	if ((rc = fw_run_book(run, &b)) != FW_OK) {
		fw_error_set(err, rc, "", 0, 0, "", "out of memory");
		return rc;
	}
	strftime(finished, sizeof(finished), "%Y-%m-%dT%H:%M:%SZ",
	    gmtime(&now));
	b.version = fw_version();
	/* the time run.json records, so that flywheel plot's is the same */
	b.finished = d != NULL && d->finished != NULL && *d->finished ?
	    d->finished : finished;
	b.command_line = command_line;
	rc = add_extras(&x, dir, lk, 0, fw_scenario_calibration(sc), d, &b,
	    err);
	if (rc == FW_OK)
		rc = take_looks(d, &b, &l, err);
	if (rc == FW_OK)
		rc = put_book(&b, dir, err);
	looks_free(&l);
	extras_free(&x);
	fw_book_free(&b);
	return rc;
}

int
rewrite_workbook(const report *d, const char *dir, fw_error *err)
{
	book_read r;
	extras x;
	looks l;
	int rc;

	memset(&l, 0, sizeof(l));
	if ((rc = book_read_dir(d, dir, &r, err)) == FW_OK)
		rc = add_extras(&x, dir, NULL, d->leak != NULL, d->calibration,
		    d, &r.b, err);
	else
		memset(&x, 0, sizeof(x));
	if (rc == FW_OK)
		rc = take_looks(d, &r.b, &l, err);
	if (rc == FW_OK)
		rc = put_book(&r.b, dir, err);
	looks_free(&l);
	extras_free(&x);
	book_read_clear(&r);
	return rc;
}
