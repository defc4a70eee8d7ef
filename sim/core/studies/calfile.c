/* calfile.c - a calibration file (validated like a scenario), the
 * scenario and the data file it names, and the series it fits, matched
 * to the data.
 * SPDX-License-Identifier: MIT */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "calibration.h"
#include "error.h"
#include "hash.h"
#include "input.h"
#include "library.h"
#include "model.h"
#include "yamltree.h"

/* Key id of a calibration file's scope: its row of the key table. */
static const fw_key *
cal_key(enum fw_scope scope, int id)
{
	size_t i;

	for (i = 0; i < fwi_nkeys; i++)
		if (fwi_keys[i].scope == scope && fwi_keys[i].id == id)
			return &fwi_keys[i];
	return NULL;
}

/* The entries of mapping n, each a key of scope, into at[] by key id; a
 * missing required key is refused at n. The caller frees p->v. */
static int
read_keys(fw_yaml *y, yaml_node_t *n, const char *path, enum fw_scope scope,
    fw_pairs *p, yaml_node_t **at)
{
	const char *names[FW_MAX_KEYS];
	size_t nn = fwi_key_names(scope, names, FW_MAX_KEYS), i, which;
	int rc;

	for (i = 0; i < nn; i++)
		at[i] = NULL;
	if ((rc = fwi_yaml_map(y, n, path, p)) != FW_OK)
		return rc;
	for (i = 0; i < p->n; i++) {
		if ((rc = fwi_yaml_choose(y, &p->v[i], path, names, nn,
		    &which)) != FW_OK)
			return rc;
		at[which] = p->v[i].value;
	}
	for (i = 0; i < fwi_nkeys; i++)
		if (fwi_keys[i].scope == scope && fwi_keys[i].required &&
		    at[fwi_keys[i].id] == NULL)
			return fwi_yaml_fail(y, n, path, "missing required key "
			    "'%s'", fwi_keys[i].name);
	return FW_OK;
}

/* The path of key k under path. */
static void
key_path(char *out, size_t size, const char *path, const fw_key *k)
{
	fwi_path_key(out, size, path, k->name);
}

/* A whole number of root key id, or its default when at is NULL. */
static int
read_count(fw_yaml *y, yaml_node_t *at, int id, long long *out)
{
	const fw_key *k = cal_key(FW_SCOPE_CALIBRATION, id);

	if (at == NULL) {
		*out = (long long)k->def;
		return FW_OK;
	}
	return fwi_yaml_int(y, at, k->name, k->lo, k->hi, out);
}

/* The number of entries of list n of root key id, within its bounds. */
static int
read_length(fw_yaml *y, yaml_node_t *n, int id, size_t *count)
{
	const fw_key *key = cal_key(FW_SCOPE_CALIBRATION, id);
	int rc;

	if ((rc = fwi_yaml_seq(y, n, key->name)) != FW_OK)
		return rc;
	*count = (size_t)(n->data.sequence.items.top -
	    n->data.sequence.items.start);
	if ((double)*count < key->lo || (double)*count > key->hi)
		return fwi_yaml_fail(y, n, key->name, "must list from %g to "
		    "%g entries (it lists %zu)", key->lo, key->hi, *count);
	return FW_OK;
}

/* Whether the scenario takes x at the parameter's path. */
static int
accepts(const fw_calibration *cal, const fw_cal_param *p, double x,
    fw_error *err)
{
	fw_config c;
	int rc;

	if (fwi_config_clone(&c, &cal->sc->config[0]) != FW_OK)
		return fwi_nomem(err);
	rc = fwi_config_set_number(&c, p->path, x, err);
	fwi_config_clear(&c);
	return rc;
}

/* The range of a parameter and the scale it is searched on. */
static int
read_range(fw_yaml *y, fw_calibration *cal, yaml_node_t *n, yaml_node_t *at,
    const char *path, fw_cal_param *p)
{
	const fw_key *k = p->key;
	double *r = NULL;
	size_t nr = 0;
	char sub[300], lo[40], hi[40];
	fw_error why;
	int rc, end;

	p->scale = FW_SCALE_LOGIT;
	p->limit = HUGE_VAL;
	if (at == NULL) {
		p->lo = k->lo;
		p->hi = k->hi;
		/* a limit with a reason bounds what a run accepts; it is
		 * no natural end to search up to */
		if (isinf(k->hi) || k->why != NULL) {
			p->scale = FW_SCALE_LOG;
			p->hi = HUGE_VAL;
			p->limit = k->hi;
			if (!(p->own > k->lo))
				return fwi_yaml_fail(y, n, path, "needs a "
				    "range: %s has no natural upper end, and "
				    "the scenario's value gives no scale to "
				    "search from", p->path);
		}
	} else {
		key_path(sub, sizeof(sub), path,
		    cal_key(FW_SCOPE_CAL_PARAM, FW_CP_RANGE));
		rc = fwi_yaml_reals(y, at, sub, &r, &nr);
		if (rc == FW_OK && (nr != 2 || !(r[0] < r[1])))
			rc = fwi_yaml_fail(y, at, sub, "must be [low, high] "
			    "with low < high");
		if (rc == FW_OK && (r[0] < k->lo || r[1] > k->hi)) {
			fw_format_real(k->lo, lo, sizeof(lo));
			fw_format_real(k->hi, hi, sizeof(hi));
			rc = fwi_yaml_fail(y, at, sub, "must lie within %s's "
			    "range, from %s to %s", p->path, lo, hi);
		}
		if (rc == FW_OK) {
			p->lo = r[0];
			p->hi = r[1];
		}
		free(r);
		if (rc != FW_OK)
			return rc;
	}
	/* The values nearest each end that a search reaches. */
	for (end = 0; p->scale == FW_SCALE_LOGIT && end < 2; end++)
		if (accepts(cal, p, fwi_cal_from_search(p, end ? 1e3 : -1e3),
		    &why) != FW_OK)
			return why.code == FW_ENOMEM ? fwi_nomem(y->err) :
			    fwi_yaml_fail(y, at ? at : n, path, "the scenario "
			    "refuses the %s end of the range: %s", end ? "high" :
			    "low", why.msg);
	return FW_OK;
}

static int
read_param(fw_yaml *y, fw_calibration *cal, yaml_node_t *n, const char *path,
    size_t j)
{
	fw_cal_param *p = &cal->par[j];
	yaml_node_t *at[FW_MAX_KEYS];
	const fw_num *num;
	const char *text;
	char sub[300];
	fw_pairs pairs;
	size_t i;
	int rc, ch;

	rc = read_keys(y, n, path, FW_SCOPE_CAL_PARAM, &pairs, at);
	key_path(sub, sizeof(sub), path, cal_key(FW_SCOPE_CAL_PARAM,
	    FW_CP_PATH));
	if (rc == FW_OK && (rc = fwi_yaml_str(y, at[FW_CP_PATH], sub,
	    &text)) == FW_OK && (p->path = strdup(text)) == NULL)
		rc = fwi_yaml_nomem(y);
	if (rc == FW_OK && (num = fwi_config_slot(&cal->sc->config[0],
	    p->path, &p->key, &ch)) == NULL)
		rc = fwi_yaml_fail(y, at[FW_CP_PATH], sub, "no such key "
		    "to fit (write section.key, segments.NAME.key or "
		    "channels.NAME.key)");
	if (rc == FW_OK && p->key->type != FW_TYPE_REAL)
		rc = fwi_yaml_fail(y, at[FW_CP_PATH], sub, "%s takes "
		    "whole numbers, which a calibration does not fit",
		    p->path);
	for (i = 0; rc == FW_OK && i < j; i++)
		if (strcmp(cal->par[i].path, p->path) == 0)
			rc = fwi_yaml_fail(y, at[FW_CP_PATH], sub, "%s is "
			    "fitted twice (also parameters[%zu])", p->path, i);
	if (rc == FW_OK) {
		p->own = fwi_num_at(num, 0.5);
		p->own_uncertain = num->dist != FW_DIST_NONE;
		rc = read_range(y, cal, n, at[FW_CP_RANGE], path, p);
	}
	free(pairs.v);
	return rc;
}

static int
read_target(fw_yaml *y, fw_calibration *cal, yaml_node_t *n,
    const char *path, size_t i)
{
	fw_cal_target *t = &cal->tgt[i];
	const fw_config *base = &cal->sc->config[0];
	yaml_node_t *at[FW_MAX_KEYS];
	const char *text, *best;
	char sub[300];
	fw_pairs pairs;
	size_t j;
	int rc;

	t->segment = -1;
	t->weight = cal_key(FW_SCOPE_CAL_TARGET, FW_CT_WEIGHT)->def;
	rc = read_keys(y, n, path, FW_SCOPE_CAL_TARGET, &pairs, at);
	key_path(sub, sizeof(sub), path, cal_key(FW_SCOPE_CAL_TARGET,
	    FW_CT_METRIC));
	if (rc == FW_OK && (rc = fwi_yaml_str(y, at[FW_CT_METRIC], sub,
	    &text)) == FW_OK && (t->series = fw_series_index(text)) < 0) {
		best = fw_suggest(text, fwi_monthly_names, FW_NMONTHLY);
		rc = fwi_yaml_fail(y, at[FW_CT_METRIC], sub, "unknown "
		    "metric '%s'%s%s%s; the metrics are the monthly series of "
		    "timeseries.csv", text, best ? " (did you mean '" : "",
		    best ? best : "", best ? "'?)" : "");
	}
	key_path(sub, sizeof(sub), path, cal_key(FW_SCOPE_CAL_TARGET,
	    FW_CT_SEGMENT));
	if (rc == FW_OK && at[FW_CT_SEGMENT] != NULL &&
	    (rc = fwi_yaml_str(y, at[FW_CT_SEGMENT], sub, &text)) ==
	    FW_OK) {
		if ((t->segment = fwi_config_find_segment(base, text)) < 0)
			rc = fwi_yaml_fail(y, at[FW_CT_SEGMENT], sub,
			    "the scenario has no segment '%s'", text);
		else if (!fwi_series_by_segment(t->series))
			rc = fwi_yaml_fail(y, at[FW_CT_SEGMENT], sub,
			    "%s belongs to the brand as a whole, not to one "
			    "segment", fw_series_name((size_t)t->series));

	}
	key_path(sub, sizeof(sub), path, cal_key(FW_SCOPE_CAL_TARGET,
	    FW_CT_WEIGHT));
	if (rc == FW_OK && at[FW_CT_WEIGHT] != NULL &&
	    (rc = fwi_yaml_real(y, at[FW_CT_WEIGHT], sub,
	    &t->weight)) == FW_OK && !fwi_key_in_range(cal_key(
	    FW_SCOPE_CAL_TARGET, FW_CT_WEIGHT), t->weight)) {
		char msg[512];
		fwi_key_refusal(cal_key(FW_SCOPE_CAL_TARGET, FW_CT_WEIGHT),
		    t->weight, (const char *)at[FW_CT_WEIGHT]->data.scalar.value,
		    msg, sizeof(msg));
		rc = fwi_yaml_fail(y, at[FW_CT_WEIGHT], sub, "%s", msg);
	}
	for (j = 0; rc == FW_OK && j < i; j++)
		if (cal->tgt[j].series == t->series &&
		    cal->tgt[j].segment == t->segment)
			rc = fwi_yaml_fail(y, n, path, "the same series as "
			    "targets[%zu]", j);
	free(pairs.v);
	return rc;
}

/* Reads each entry of list n (parameters or targets). */
static int
read_list(fw_yaml *y, fw_calibration *cal, yaml_node_t *n, int k)
{
	yaml_node_item_t *it;
	size_t count, i = 0;
	char sub[300];
	int rc;

	if ((rc = read_length(y, n, k, &count)) != FW_OK)
		return rc;
	if ((k == FW_CA_PARAMETERS && (cal->par = calloc(count,
	    sizeof(fw_cal_param))) == NULL) || (k == FW_CA_TARGETS &&
	    (cal->tgt = calloc(count, sizeof(fw_cal_target))) == NULL))
		return fwi_yaml_nomem(y);
	for (it = n->data.sequence.items.start;
	    rc == FW_OK && it < n->data.sequence.items.top; it++, i++) {
		fwi_path_index(sub, sizeof(sub), cal_key(FW_SCOPE_CALIBRATION,
		    k)->name, i);
		if (k == FW_CA_PARAMETERS) {
			cal->npar++;
			rc = read_param(y, cal, fwi_yaml_node(y, *it), sub, i);
		} else {
			cal->ntarget++;
			rc = read_target(y, cal, fwi_yaml_node(y, *it), sub, i);
		}
	}
	return rc;
}

/* The latest month the data give for any target. */
static int
latest_month(const fw_calibration *cal)
{
	const fw_obs *o;
	size_t i;
	int latest = 0;

	for (o = cal->data.v; o < cal->data.v + cal->data.n; o++)
		for (i = 0; i < cal->ntarget; i++)
			if (o->series == cal->tgt[i].series && o->segment ==
			    cal->tgt[i].segment && o->month > latest)
				latest = o->month;
	return latest;
}

/* Each target's observed months, and the level its errors are measured
 * against; a target the data leave empty or at zero is refused at its
 * entry of the calibration file. */
static int
match_data(fw_yaml *y, fw_calibration *cal, yaml_node_t *params,
    yaml_node_t *list)
{
	const fw_config *base = &cal->sc->config[0];
	yaml_node_item_t *it = list->data.sequence.items.start;
	const fw_obs *o;
	size_t i;
	int t;

	cal->months = latest_month(cal);
	for (i = 0; i < cal->ntarget; i++, it++) {
		fw_cal_target *g = &cal->tgt[i];
		const char *name = fw_series_name((size_t)g->series);
		const char *seg = g->segment >= 0 ?
		    base->seg[g->segment].name : NULL;
		char sub[64];
		double sum = 0;

		fwi_path_index(sub, sizeof(sub), "targets", i);
		if ((g->observed = malloc((size_t)(cal->months + 1) *
		    sizeof(double))) == NULL)
			return fwi_yaml_nomem(y);
		for (t = 0; t < cal->months; t++)
			g->observed[t] = NAN;
		for (o = cal->data.v; o < cal->data.v + cal->data.n; o++)
			if (o->series == g->series && o->segment ==
			    g->segment) {
				g->observed[o->month - 1] = o->value;
				sum += fabs(o->value);
				g->nobs++;
			}
		if (g->nobs == 0)
			return fwi_yaml_fail(y, fwi_yaml_node(y, *it), sub,
			    "the data file %s has no rows of %s%s%s",
			    cal->data_file, name, seg ? " in segment " : "",
			    seg ? seg : "");
		if ((g->scale = sum / (double)g->nobs) == 0)
			return fwi_yaml_fail(y, fwi_yaml_node(y, *it), sub,
			    "the observed %s is 0 in every month: there is no "
			    "level to measure the errors against", name);
		cal->nobs += g->nobs;
	}
	if (cal->nobs <= cal->npar)
		return fwi_yaml_fail(y, params, "parameters", "fits %zu "
		    "parameters to %zu observed figure%s: it needs more "
		    "figures than parameters", cal->npar, cal->nobs,
		    cal->nobs == 1 ? "" : "s");
	return FW_OK;
}

/* The scenario and the data file, named relative to the calibration
 * file; their own errors name their own files. */
static int
read_inputs(fw_yaml *y, fw_calibration *cal, yaml_node_t **at,
    fw_error *err)
{
	const char *text;
	int rc;

	if ((rc = fwi_yaml_str(y, at[FW_CA_SCENARIO], "scenario",
	    &text)) != FW_OK)
		return rc;
	if ((cal->scenario_file = fwi_path_beside(cal->file, text)) == NULL)
		return fwi_yaml_nomem(y);
	if ((rc = fwi_yaml_str(y, at[FW_CA_DATA], "data", &text)) != FW_OK)
		return rc;
	if ((cal->data_file = fwi_path_beside(cal->file, text)) == NULL)
		return fwi_yaml_nomem(y);
	/* a scenario given in its place stands for the file it names */
	if (cal->sc == NULL && (rc = fw_scenario_load(cal->scenario_file,
	    &cal->sc, err)) != FW_OK)
		return rc;
	return fwi_obs_read(cal->data_file, cal->sc, &cal->data, err);
}

static int
read_file(fw_yaml *y, fw_calibration *cal, fw_error *err)
{
	yaml_node_t *at[FW_MAX_KEYS];
	fw_pairs p;
	long long reps = 0, starts = 0;
	int rc;

	rc = read_keys(y, fwi_yaml_root(y), "", FW_SCOPE_CALIBRATION, &p,
	    at);
	if (rc == FW_OK)
		rc = read_count(y, at[FW_CA_REPLICATIONS],
		    FW_CA_REPLICATIONS, &reps);
	if (rc == FW_OK)
		rc = read_count(y, at[FW_CA_STARTS], FW_CA_STARTS,
		    &starts);
	if (rc == FW_OK && at[FW_CA_SEED] != NULL)
		rc = fwi_yaml_u64(y, at[FW_CA_SEED], "seed", &cal->seed);
	if (rc == FW_OK)
		rc = read_inputs(y, cal, at, err);
	if (rc == FW_OK && at[FW_CA_SEED] == NULL)
		cal->seed = cal->sc->seed;
	cal->reps = (uint64_t)reps;
	cal->nstarts = (size_t)starts;
	if (rc == FW_OK)
		rc = read_list(y, cal, at[FW_CA_PARAMETERS],
		    FW_CA_PARAMETERS);
	if (rc == FW_OK)
		rc = read_list(y, cal, at[FW_CA_TARGETS], FW_CA_TARGETS);
	if (rc == FW_OK)
		rc = match_data(y, cal, at[FW_CA_PARAMETERS],
		    at[FW_CA_TARGETS]);
	free(p.v);
	return rc;
}

/* The scenario's baseline alone: what every evaluation simulates. */
static int
baseline_only(fw_calibration *cal)
{
	size_t v;

	if (fw_scenario_copy(cal->sc, &cal->base) != FW_OK)
		return FW_ENOMEM;
	for (v = 1; v < cal->base->nconfig; v++)
		fwi_config_clear(&cal->base->config[v]);
	cal->base->nconfig = 1;
	return FW_OK;
}

/* A calibration from the file, or (text not NULL) from text that
 * stands for it, with the scenario it names or (sc not NULL) sc. */
static int
load_calibration(const char *file, const char *text, size_t len,
    const fw_scenario *sc, fw_calibration **out, fw_error *err)
{
	fw_calibration *cal;
	fw_yaml y;
	int rc;

	FWI_NOT_NULL(out, err);
	*out = NULL;
	FWI_NOT_NULL(file, err);
	fwi_init();
	if ((cal = calloc(1, sizeof(*cal))) == NULL || (cal->file = strdup(file)) == NULL) {
		free(cal);
		return fwi_nomem(err);
	}
	rc = text ? fwi_yaml_load_string(&y, file, text, len, err) :
	    fwi_yaml_load_file(&y, file, err);
	fwi_hash_text(y.hash, cal->hash, sizeof(cal->hash));
	if (rc == FW_OK && sc != NULL && fw_scenario_copy(sc, &cal->sc) !=
	    FW_OK)
		rc = fwi_nomem(err);
	if (rc == FW_OK)
		rc = read_file(&y, cal, err);
	fwi_yaml_free(&y);
	if (rc == FW_OK && baseline_only(cal) != FW_OK)
		rc = fwi_nomem(err);
	if (rc == FW_OK)
		rc = fwi_cal_begin(cal, err);
	if (rc != FW_OK) {
		fw_calibration_free(cal);
		return rc;
	}
	*out = cal;
	return FW_OK;
}

int
fw_calibration_load(const char *file, fw_calibration **out, fw_error *err)
{
	return load_calibration(file, NULL, 0, NULL, out, err);
}

int
fw_calibration_load_string(const char *name, const char *text, size_t len,
    const fw_scenario *sc, fw_calibration **out, fw_error *err)
{
	if (text == NULL && len > 0)
		return fwi_refuse(err, __func__, "text is NULL");
	return load_calibration(name, text, len, sc, out, err);
}

void
fw_calibration_free(fw_calibration *cal)
{
	size_t i;

	if (cal == NULL)
		return;
	fwi_cal_end(cal);
	for (i = 0; i < cal->npar; i++)
		free(cal->par[i].path);
	for (i = 0; i < cal->ntarget; i++) {
		free(cal->tgt[i].observed);
		free(cal->tgt[i].band);
	}
	free(cal->par);
	free(cal->tgt);
	free(cal->cov);
	fwi_obs_clear(&cal->data);
	fw_scenario_free(cal->sc);
	fw_scenario_free(cal->base);
	free(cal->file);
	free(cal->scenario_file);
	free(cal->data_file);
	free(cal);
}

const char *
fw_calibration_file(const fw_calibration *cal)
{
	return cal != NULL ? cal->file : NULL;
}

const char *
fw_calibration_hash(const fw_calibration *cal)
{
	return cal != NULL ? cal->hash : NULL;
}

const char *
fw_calibration_data_file(const fw_calibration *cal)
{
	return cal != NULL ? cal->data_file : NULL;
}

const char *
fw_calibration_data_hash(const fw_calibration *cal)
{
	return cal != NULL ? cal->data.hash : NULL;
}

const fw_scenario *
fw_calibration_scenario(const fw_calibration *cal)
{
	return cal != NULL ? cal->sc : NULL;
}

uint64_t
fw_calibration_replications(const fw_calibration *cal)
{
	return cal != NULL ? cal->reps : 0;
}

uint64_t
fw_calibration_seed(const fw_calibration *cal)
{
	return cal != NULL ? cal->seed : 0;
}

size_t
fw_calibration_starts(const fw_calibration *cal)
{
	return cal != NULL ? cal->nstarts : 0;
}

int
fw_calibration_months(const fw_calibration *cal)
{
	return cal != NULL ? cal->months : 0;
}

size_t
fw_calibration_param_count(const fw_calibration *cal)
{
	return cal != NULL ? cal->npar : 0;
}

const char *
fw_calibration_param_path(const fw_calibration *cal, size_t j)
{
	return cal != NULL && j < cal->npar ? cal->par[j].path : NULL;
}

void
fw_calibration_param_range(const fw_calibration *cal, size_t j, double *lo,
    double *hi)
{
	int ok = cal != NULL && j < cal->npar;

	if (lo != NULL)
		*lo = ok ? cal->par[j].lo : NAN;
	if (hi != NULL)
		*hi = ok ? cal->par[j].hi : NAN;
}

size_t
fw_calibration_target_count(const fw_calibration *cal)
{
	return cal != NULL ? cal->ntarget : 0;
}

const char *
fw_calibration_target_metric(const fw_calibration *cal, size_t i)
{
	return cal != NULL && i < cal->ntarget ? fw_series_name((size_t)cal->tgt[i].series) :
	    NULL;
}

const char *
fw_calibration_target_segment(const fw_calibration *cal, size_t i)
{
	if (cal == NULL || i >= cal->ntarget || cal->tgt[i].segment < 0)
		return NULL;
	return cal->sc->config[0].seg[cal->tgt[i].segment].name;
}

double
fw_calibration_target_weight(const fw_calibration *cal, size_t i)
{
	return cal != NULL && i < cal->ntarget ? cal->tgt[i].weight : NAN;
}

double
fw_calibration_target_scale(const fw_calibration *cal, size_t i)
{
	return cal != NULL && i < cal->ntarget ? cal->tgt[i].scale : NAN;
}

size_t
fw_calibration_target_observed(const fw_calibration *cal, size_t i)
{
	return cal != NULL && i < cal->ntarget ? cal->tgt[i].nobs : 0;
}
