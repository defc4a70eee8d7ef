/* bookinputs.c - the Inputs sheet of results.xlsx: every input of the
 * baseline with its warm-up and the rank correlations between its
 * inputs, then each option's timing and what it changes, each with its
 * distribution, its parameters and its 5th, 50th and 95th percentiles,
 * numbers as numbers.
 * SPDX-License-Identifier: MIT */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "book.h"
#include "scenario.h"

enum { C_OPTION, C_INPUT, C_PATH, C_UNIT, C_DIST, C_VALUE, C_P5, C_P50,
	C_P95, C_PARAM, NCOL = C_PARAM + 8 };

static const char *const head[NCOL] = { "Option", "Input", "Key",
	"Unit", "Distribution", "Value (fixed)", "P5", "Median", "P95",
	"Parameter 1", "Value 1", "Parameter 2", "Value 2",
	"Parameter 3", "Value 3", "Parameter 4", "Value 4" };

typedef struct inputs {
	book *k;
	lxw_worksheet *ws;
	lxw_row_t row;
	int nparam;		/* the most parameters of a distribution */
} inputs;

/* One input: key (for its label and unit), where (a segment or channel
 * name, or NULL), its value. */
static void
put(inputs *in, const char *option, const char *path, const fw_key *key,
    const char *where, const fw_num *n)
{
	lxw_worksheet *ws = in->ws;
	const book *k = in->k;
	const char *unit = key->unit != NULL ? key->unit : "";
	lxw_format *f = strcmp(unit, "$") == 0 ? k->f.dollars : k->f.number;
	lxw_row_t row = in->row++;
	char label[200];
	int i;

	snprintf(label, sizeof(label), "%s%s%s%s", key->label != NULL ?
	    key->label : key->name, where != NULL ? " (" : "", where != NULL ?
	    where : "", where != NULL ? ")" : "");
	worksheet_write_string(ws, row, C_OPTION, option, NULL);
	worksheet_write_string(ws, row, C_INPUT, label, NULL);
	worksheet_write_string(ws, row, C_PATH, path, NULL);
	worksheet_write_string(ws, row, C_UNIT, unit, NULL);
	if (n->dist == FW_DIST_NONE) {
		worksheet_write_string(ws, row, C_DIST, "fixed", NULL);
		book_number(ws, row, C_VALUE, n->value, f);
		return;
	}
	worksheet_write_string(ws, row, C_DIST, fwi_dists[n->dist].name, NULL);
	book_number(ws, row, C_P5, fwi_num_at(n, 0.05), f);
	book_number(ws, row, C_P50, fwi_num_at(n, 0.50), f);
	book_number(ws, row, C_P95, fwi_num_at(n, 0.95), f);
	if (fwi_dists[n->dist].nparam > in->nparam)
		in->nparam = fwi_dists[n->dist].nparam;
	for (i = 0; i < fwi_dists[n->dist].nparam; i++) {
		worksheet_write_string(ws, row, (lxw_col_t)(C_PARAM + 2 * i),
		    fwi_dists[n->dist].param[i], k->f.indent);
		book_number(ws, row, (lxw_col_t)(C_PARAM + 2 * i + 1), n->p[i],
		    k->f.number);
	}
}

/* The numeric keys of a segment or channel. */
static void
put_group(inputs *in, const char *option, const char *section,
    const char *name, const fw_num *v, int nkey,
    const fw_key *(*key_of)(int))
{
	char path[300];
	int i;

	for (i = 0; i < nkey; i++) {
		const fw_key *key = key_of(i);
		if (key->type != FW_TYPE_REAL && key->type != FW_TYPE_INT)
			continue;
		snprintf(path, sizeof(path), "%s.%s.%s", section, name,
		    key->name);
		put(in, option, path, key, name, &v[i]);
	}
}

static void
put_baseline(inputs *in, const fw_config *c)
{
	char path[300];
	size_t i;

	for (i = 0; i < fwi_nkeys; i++) {
		const fw_key *key = &fwi_keys[i];
		if (key->scope != FW_SCOPE_GLOBAL)
			continue;
		snprintf(path, sizeof(path), "%s.%s", key->section, key->name);
		put(in, book_option(in->k, 0), path, key, NULL,
		    &c->g[key->id]);
	}
	for (i = 0; i < c->nseg; i++)
		put_group(in, book_option(in->k, 0), "segments", c->seg[i].name,
		    c->seg[i].v, FW_NSEGMENT, fwi_key_segment);
	for (i = 0; i < c->nchan; i++)
		put_group(in, book_option(in->k, 0), "channels", c->chan[i].name,
		    c->chan[i].v, FW_NCHANNEL, fwi_key_channel);
}

/* The key of a scope named name. */
static const fw_key *
key_named(enum fw_scope scope, const char *name)
{
	size_t i;

	for (i = 0; i < fwi_nkeys; i++)
		if (fwi_keys[i].scope == scope && strcmp(fwi_keys[i].name,
		    name) == 0)
			return &fwi_keys[i];
	return NULL;
}

/* The baseline's months of history before month 1, and each rank
 * correlation between two uncertain inputs. */
static void
put_warmup_and_correlations(inputs *in, const fw_scenario *sc)
{
	const fw_key *warmup = key_named(FW_SCOPE_TOP, "warmup_months");
	const char *option = book_option(in->k, 0);
	char label[400];
	size_t i;

	if (warmup != NULL)
		put(in, option, "warmup_months", warmup, NULL, &sc->warmup);
	for (i = 0; i < sc->copula.npair; i++) {
		const fw_corr_pair *p = &sc->copula.pair[i];
		const fw_key *a = fwi_key_for_path(p->a);
		const fw_key *b = fwi_key_for_path(p->b);
		lxw_row_t row = in->row++;
		snprintf(label, sizeof(label), "rank correlation of %s and %s",
		    a != NULL && a->label != NULL ? a->label : p->a,
		    b != NULL && b->label != NULL ? b->label : p->b);
		worksheet_write_string(in->ws, row, C_OPTION, option, NULL);
		worksheet_write_string(in->ws, row, C_INPUT, label, NULL);
		worksheet_write_string(in->ws, row, C_PATH, "correlations",
		    NULL);
		worksheet_write_string(in->ws, row, C_DIST, "fixed", NULL);
		book_number(in->ws, row, C_VALUE, p->rank, in->k->f.number);
	}
}

/* When variant v starts and how long it takes to phase in: they set
 * its payback. */
static void
put_timing(inputs *in, const fw_scenario *sc, size_t v)
{
	static const char *const name[2] = { "start_month", "ramp_months" };
	const fw_config *c = &sc->config[v];
	const fw_num *n[2] = { &c->start_month, &c->ramp_months };
	char path[300];
	int i;

	for (i = 0; i < 2; i++) {
		const fw_key *key = key_named(FW_SCOPE_VARIANT, name[i]);
		if (key == NULL)
			continue;
		snprintf(path, sizeof(path), "variants.%s.%s", c->name,
		    name[i]);
		put(in, book_option(in->k, v), path, key, NULL, n[i]);
	}
}

/* What variant v changes, as fw_scenario_change() lists it. */
static void
put_changes(inputs *in, const fw_scenario *sc, size_t v)
{
	fw_config *c = &((fw_scenario *)sc)->config[v];
	const char *option = book_option(in->k, v);
	fw_change ch;
	size_t i;

	for (i = 0; fw_scenario_change(sc, v, i, &ch) == FW_OK; i++) {
		const fw_key *key;
		fw_num *n;
		int channel, at;
		if (strcmp(ch.to, "added") == 0 && (at =
		    fwi_config_find_channel(c, ch.path + 9)) >= 0) {
			put_group(in, option, "channels", c->chan[at].name,
			    c->chan[at].v, FW_NCHANNEL, fwi_key_channel);
			continue;
		}
		if (strcmp(ch.to, "removed") == 0 || (n = fwi_config_slot(c,
		    ch.path, &key, &channel)) == NULL) {
			lxw_row_t row = in->row++;
			worksheet_write_string(in->ws, row, C_OPTION, option,
			    NULL);
			worksheet_write_string(in->ws, row, C_PATH, ch.path,
			    NULL);
			worksheet_write_string(in->ws, row, C_DIST, ch.to, NULL);
			continue;
		}
		put(in, option, ch.path, key, NULL, n);
	}
}

/* Without the scenario: the changes as the run recorded them. */
static void
put_recorded(inputs *in)
{
	const fw_book *b = in->k->b;
	size_t i;

	for (i = 0; i < b->nchange; i++) {
		const char *const *c = &b->change[4 * i];
		lxw_row_t row = in->row++;
		fw_key_info key;
		worksheet_write_string(in->ws, row, C_OPTION, c[0], NULL);
		if (fw_key_lookup(c[1], &key) == FW_OK) {
			worksheet_write_string(in->ws, row, C_INPUT, key.label,
			    NULL);
			worksheet_write_string(in->ws, row, C_UNIT, key.unit,
			    NULL);
		}
		worksheet_write_string(in->ws, row, C_PATH, c[1], NULL);
		worksheet_write_string(in->ws, row, C_VALUE, c[3], NULL);
		worksheet_write_string(in->ws, row, C_P5, c[2], NULL);
	}
}

int
book_inputs(book *k)
{
	const fw_scenario *sc = k->b->scenario;
	static const char *const recorded[] = { "Option", "Input", "Key",
		"Unit", "Distribution", "Option's value", "Baseline's value" };
	inputs in = { k, NULL, BOOK_FIRST, 0 };
	lxw_col_t ncol;
	size_t v;

	in.ws = book_sheet(k, "Inputs", "Inputs and their distributions",
	    sc != NULL ? "Every input of the baseline, its warm-up and "
	    "correlations, then when each option starts and what it "
	    "changes. An uncertain input is drawn once per replication; its "
	    "percentiles (P5, median, P95) are those of its distribution." :
	    "What each option "
	    "changes, as the run recorded it (the scenario file was not at "
	    "hand to list every input).", BOOK_HEAD);
	if (in.ws == NULL)
		return FW_ENOMEM;
	if (sc == NULL)
		put_recorded(&in);
	else {
		put_baseline(&in, &sc->config[0]);
		put_warmup_and_correlations(&in, sc);
		for (v = 1; v < sc->nconfig; v++) {
			put_timing(&in, sc, v);
			put_changes(&in, sc, v);
		}
	}
	/* as many parameter columns as a distribution used has: none
	 * empty; "$1,500,000" and "Distribution" whole in a font wider
	 * than Calibri */
	ncol = sc == NULL ? 7 : (lxw_col_t)(C_PARAM + 2 * in.nparam);
	book_header(k, in.ws, BOOK_HEAD, sc == NULL ? recorded : head, ncol,
	    15, sc == NULL ? "tttttnn" : "tttttnnnntntntntn");
	worksheet_set_row(in.ws, BOOK_HEAD, 45, NULL);
	worksheet_set_column(in.ws, C_UNIT, C_UNIT, 26, NULL);
	worksheet_set_column(in.ws, C_INPUT, C_INPUT, 42, NULL);
	worksheet_set_column(in.ws, C_PATH, C_PATH, 38, NULL);
	worksheet_set_column(in.ws, C_OPTION, C_OPTION, 20, NULL);
	worksheet_autofilter(in.ws, BOOK_HEAD, 0, BOOK_HEAD, ncol - 1);
	return FW_OK;
}
