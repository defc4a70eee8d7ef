/* sweep.c - parameter sweeps: a sweep file (validated like a scenario),
 * its design's points, each run on the same random streams, one row of
 * sweep.csv per point appended and flushed as it completes, resumable,
 * and the sensitivity measures the design supports.
 * SPDX-License-Identifier: MIT */
#include "config.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "design.h"
#include "error.h"
#include "hash.h"
#include "library.h"
#include "model.h"
#include "input.h"
#include "read.h"
#include "sweep.h"

const char *const fwi_design_names[FW_NDESIGN] = { "grid", "oneway", "lhs",
	"sobol" };


void
fw_sweep_free(fw_sweep *sw)
{
	size_t i;

	if (sw == NULL)
		return;
	for (i = 0; i < sw->nparam; i++) {
		free(sw->param[i].path);
		free(sw->param[i].variant);
		free(sw->param[i].values);
	}
	for (i = 0; i < sw->nmetric; i++)
		free(sw->metric[i].label);
	free(sw->param);
	free(sw->metric);
	free(sw->x);
	free(sw->file);
	free(sw->scenario_file);
	fw_scenario_free(sw->sc);
	free(sw);
}

/* Fails unless x is a value the parameter's key accepts. */
static int
check_value(fw_yaml *y, yaml_node_t *at, const char *path,
    const fw_sweep_param *p, double x)
{
	char range[64], v[40];

	if (fwi_key_in_range(p->key, x) && (p->key->type != FW_TYPE_INT ||
	    x == floor(x)))
		return FW_OK;
	fwi_key_range_text(p->key, range, sizeof(range));
	fw_format_real(x, v, sizeof(v));
	return fwi_yaml_fail(y, at, path, "%s takes a %s (got %s)", p->path,
	    range, v);
}

static int
find_variant(const fw_scenario *sc, const char *name)
{
	size_t v;

	for (v = 0; v < sc->nconfig; v++)
		if (strcmp(sc->config[v].name, name) == 0)
			return (int)v;
	return -1;
}

static int
read_param(fw_yaml *y, fw_sweep *sw, yaml_node_t *n, const char *path,
    fw_sweep_param *p)
{
	fw_pairs pairs;
	yaml_node_t *node;
	fw_config *c = &sw->sc->config[0];
	const char *text;
	char sub[300];
	size_t i;
	int rc, ch, v;
	const char *names[FW_NSWEEP_PARAM_KEYS];

	fwi_key_names(FW_SCOPE_SWEEP_PARAM, names, FW_NSWEEP_PARAM_KEYS);
	if ((rc = fwi_yaml_map(y, n, path, &pairs)) != FW_OK)
		return rc;
	for (i = 0; rc == FW_OK && i < pairs.n; i++) {
		size_t k;
		rc = fwi_yaml_choose(y, &pairs.v[i], path, names,
		    FW_NSWEEP_PARAM_KEYS, &k);
	}
	if (rc == FW_OK && (node = fwi_yaml_find(&pairs, "path")) == NULL)
		rc = fwi_yaml_fail(y, n, path, "missing required key 'path'");
	fwi_path_key(sub, sizeof(sub), path, "path");
	if (rc == FW_OK && (rc = fwi_yaml_str(y, node, sub, &text)) == FW_OK)
		p->path = strdup(text);
	if (rc == FW_OK && (node = fwi_yaml_find(&pairs, "variant")) != NULL) {
		fwi_path_key(sub, sizeof(sub), path, "variant");
		if ((rc = fwi_yaml_str(y, node, sub, &text)) == FW_OK) {
			if ((v = find_variant(sw->sc, text)) < 0)
				rc = fwi_yaml_fail(y, node, sub, "the scenario "
				    "has no variant '%s'", text);
			else {
				p->variant = strdup(text);
				c = &sw->sc->config[v];
			}
		}
	}
	if (rc == FW_OK && (p->num = fwi_config_slot(c, p->path, &p->key,
	    &ch)) == NULL) {
		fwi_path_key(sub, sizeof(sub), path, "path");
		rc = fwi_yaml_fail(y, fwi_yaml_find(&pairs, "path"), sub,
		    "no such key to vary in %s (write section.key, "
		    "segments.NAME.key or channels.NAME.key)", c->name);
	}
	if (rc == FW_OK && (node = fwi_yaml_find(&pairs, "values")) != NULL) {
		fwi_path_key(sub, sizeof(sub), path, "values");
		rc = fwi_yaml_reals(y, node, sub, &p->values, &p->nvalues);
		for (i = 0; rc == FW_OK && i < p->nvalues; i++)
			rc = check_value(y, node, sub, p, p->values[i]);
	}
	if (rc == FW_OK && (node = fwi_yaml_find(&pairs, "range")) != NULL) {
		double *r = NULL;
		size_t nr = 0;
		fwi_path_key(sub, sizeof(sub), path, "range");
		rc = fwi_yaml_reals(y, node, sub, &r, &nr);
		if (rc == FW_OK && (nr != 2 || !(r[0] < r[1])))
			rc = fwi_yaml_fail(y, node, sub, "must be [low, high] "
			    "with low < high");
		if (rc == FW_OK && (rc = check_value(y, node, sub, p, r[0])) ==
		    FW_OK && (rc = check_value(y, node, sub, p, r[1])) == FW_OK) {
			p->lo = r[0];
			p->hi = r[1];
			p->has_range = 1;
		}
		free(r);
	}
	if (rc == FW_OK && (node = fwi_yaml_find(&pairs, "steps")) != NULL) {
		const fw_key *k = fwi_key_find(FW_SCOPE_SWEEP_PARAM, NULL,
		    "steps");
		long long steps;
		fwi_path_key(sub, sizeof(sub), path, "steps");
		if ((rc = fwi_yaml_int(y, node, sub, k->lo, k->hi, &steps)) ==
		    FW_OK)
			p->steps = (size_t)steps;
	}
	free(pairs.v);
	return rc;
}

/* What the design needs of a parameter, checked once all is read. */
static int
check_param_for_design(fw_yaml *y, fw_sweep *sw, yaml_node_t *n,
    const char *path, fw_sweep_param *p)
{
	switch (sw->design) {
	case FW_DESIGN_GRID:
		if (p->nvalues == 0 && !(p->has_range && p->steps >= 2))
			return fwi_yaml_fail(y, n, path, "a grid needs 'values', "
			    "or 'range' with 'steps'");
		return FW_OK;
	case FW_DESIGN_ONEWAY:
		if (p->has_range)
			return FW_OK;
		if (p->num->dist == FW_DIST_NONE)
			return fwi_yaml_fail(y, n, path, "needs 'range' (%s is "
			    "not a distribution, whose p10 and p90 would "
			    "serve)", p->path);
		p->lo = fwi_num_at(p->num, 0.1);
		p->hi = fwi_num_at(p->num, 0.9);
		return FW_OK;
	default:
		if (!p->has_range)
			return fwi_yaml_fail(y, n, path, "needs 'range' for the "
			    "%s design", fwi_design_names[sw->design]);
		if (p->key->type == FW_TYPE_INT)
			return fwi_yaml_fail(y, n, path, "%s takes whole "
			    "numbers: use a grid or oneway design",
			    p->path);
		return FW_OK;
	}
}

/* Reads the variant named by a metric's mapping ({variant: V, ...}). */
static int
inner_variant(fw_yaml *y, const fw_pairs *inner, yaml_node_t *at,
    const char *path, const char **variant)
{
	yaml_node_t *node = fwi_yaml_find(inner, "variant");
	char sub[320];

	if (node == NULL)
		return fwi_yaml_fail(y, at, path, "missing required key "
		    "'variant'");
	fwi_path_key(sub, sizeof(sub), path, "variant");
	return fwi_yaml_str(y, node, sub, variant);
}

static int
read_metric(fw_yaml *y, fw_sweep *sw, yaml_node_t *n, const char *path,
    fw_sweep_metric *m)
{
	fw_pairs pairs, inner = { 0 };
	const fw_pair *p;
	yaml_node_t *node;
	const char *variant = NULL, *text;
	char sub[300], label[300];
	size_t kind;
	int rc, k;
	long long year = 0;
	const char *kinds[FW_NSWEEP_METRIC_KEYS];

	if ((rc = fwi_yaml_map(y, n, path, &pairs)) != FW_OK)
		return rc;
	if (pairs.n != 1) {
		free(pairs.v);
		return fwi_yaml_fail(y, n, path, "a metric is one of npv: V, "
		    "dnpv: V, revenue_year: {variant: V, year: K} or total: "
		    "{variant: V, metric: M}");
	}
	p = &pairs.v[0];
	fwi_key_names(FW_SCOPE_SWEEP_METRIC, kinds, FW_NSWEEP_METRIC_KEYS);
	if ((rc = fwi_yaml_choose(y, p, path, kinds, FW_NSWEEP_METRIC_KEYS,
	    &kind)) !=
	    FW_OK) {
		free(pairs.v);
		return rc;
	}
	k = (int)kind;
	fwi_path_key(sub, sizeof(sub), path, p->name);
	if (k == 0 || (k == 1 && p->value->type == YAML_SCALAR_NODE))
		rc = fwi_yaml_str(y, p->value, sub, &variant);
	else if (k == 1 && (rc = fwi_yaml_map(y, p->value, sub, &inner)) ==
	    FW_OK) {
		char s2[320];
		const char *against = NULL;
		rc = inner_variant(y, &inner, p->value, sub, &variant);
		fwi_path_key(s2, sizeof(s2), sub, "against");
		if (rc == FW_OK && (node = fwi_yaml_find(&inner, "against")) !=
		    NULL && (rc = fwi_yaml_str(y, node, s2, &against)) == FW_OK &&
		    (m->against = find_variant(sw->sc, against)) < 0)
			rc = fwi_yaml_fail(y, node, s2, "the scenario has no "
			    "variant '%s'", against);
	}
	else if (k >= 2 && (rc = fwi_yaml_map(y, p->value, sub, &inner)) ==
	    FW_OK) {
		char s2[320];
		rc = inner_variant(y, &inner, p->value, sub, &variant);
		fwi_path_key(s2, sizeof(s2), sub, k == 2 ? "year" : "metric");
		if (rc == FW_OK && (node = fwi_yaml_find(&inner, k == 2 ? "year" :
		    "metric")) == NULL)
			rc = fwi_yaml_fail(y, p->value, sub, "missing required "
			    "key '%s'", k == 2 ? "year" : "metric");
		else if (rc == FW_OK && k == 2)
			rc = fwi_yaml_int(y, node, s2, 1, sw->months / 12 > 0 ?
			    sw->months / 12 : 1, &year);
		else if (rc == FW_OK) {
			rc = fwi_yaml_str(y, node, s2, &text);
			for (m->total = 0; rc == FW_OK && m->total < FW_NTOTAL &&
			    strcmp(text, fwi_total_names[m->total]); m->total++)
				;
			if (rc == FW_OK && m->total == FW_NTOTAL)
				rc = fwi_yaml_fail(y, node, s2, "unknown metric "
				    "'%s' (see summary.csv's metric column)",
				    text);
		}
		if (rc == FW_OK && k == 2 && sw->months < 12)
			rc = fwi_yaml_fail(y, p->value, sub, "the sweep runs "
			    "%d months: no full year", sw->months);
	}
	if (rc == FW_OK && (m->variant = find_variant(sw->sc, variant)) < 0)
		rc = fwi_yaml_fail(y, p->value, sub, "the scenario has no "
		    "variant '%s'", variant);
	if (rc == FW_OK && k == 1 && m->variant == m->against)
		rc = fwi_yaml_fail(y, p->value, sub, "dnpv compares two "
		    "different variants");
	if (rc == FW_OK) {
		m->kind = (enum fw_sweep_metric_id)k;
		m->year = (int)year;
		if (k == 2)
			snprintf(label, sizeof(label), "revenue_year%d:%s",
			    m->year, variant);
		else if (k == 3)
			snprintf(label, sizeof(label), "%s:%s",
			    fwi_total_names[m->total], variant);
		else if (k == 1 && m->against > 0)
			snprintf(label, sizeof(label), "dnpv:%s-vs-%s", variant,
			    sw->sc->config[m->against].name);
		else
			snprintf(label, sizeof(label), "%s:%s", p->name,
			    variant);
		m->label = strdup(label);
	}
	free(inner.v);
	free(pairs.v);
	return rc;
}

static int
read_list(fw_yaml *y, fw_sweep *sw, yaml_node_t *n, const char *path,
    int params)
{
	size_t count, i = 0;
	yaml_node_item_t *it;
	char sub[300];
	int rc;

	if ((rc = fwi_yaml_seq(y, n, path)) != FW_OK)
		return rc;
	count = (size_t)(n->data.sequence.items.top -
	    n->data.sequence.items.start);
	if (count == 0)
		return fwi_yaml_fail(y, n, path, "must list at least one");
	if (params)
		sw->param = calloc(count, sizeof(fw_sweep_param));
	else
		sw->metric = calloc(count, sizeof(fw_sweep_metric));
	if ((params && sw->param == NULL) || (!params && sw->metric == NULL))
		return fwi_yaml_nomem(y);
	for (it = n->data.sequence.items.start;
	    rc == FW_OK && it < n->data.sequence.items.top; it++, i++) {
		yaml_node_t *item = fwi_yaml_node(y, *it);
		fwi_path_index(sub, sizeof(sub), path, i);
		if (params) {
			rc = read_param(y, sw, item, sub, &sw->param[i]);
			sw->nparam++;
			if (rc == FW_OK)
				rc = check_param_for_design(y, sw, item, sub,
				    &sw->param[i]);
		} else {
			rc = read_metric(y, sw, item, sub, &sw->metric[i]);
			sw->nmetric++;
		}
	}
	return rc;
}

/* Reads the whole number of sweep key `name`, in the table's range, if
 * the file gives it. */
static int
read_count(fw_yaml *y, const fw_pairs *p, const char *name, long long *out)
{
	const fw_key *k = fwi_key_find(FW_SCOPE_SWEEP, "", name);
	yaml_node_t *n = fwi_yaml_find(p, name);

	return n == NULL ? FW_OK : fwi_yaml_int(y, n, name, k->lo, k->hi, out);
}

static int
read_sweep(fw_yaml *y, fw_sweep *sw, fw_error *err)
{
	yaml_node_t *root = fwi_yaml_root(y), *n;
	fw_pairs p;
	const char *text;
	long long reps = 0, months = 0, points = 0, base = 0;
	long long boot = (long long)fwi_key_find(FW_SCOPE_SWEEP, "",
	    "bootstrap")->def;
	size_t i;
	int rc, d;
	const char *names[FW_NSWEEP_KEYS];

	fwi_key_names(FW_SCOPE_SWEEP, names, FW_NSWEEP_KEYS);
	if ((rc = fwi_yaml_map(y, root, "", &p)) != FW_OK)
		return rc;
	for (i = 0; rc == FW_OK && i < p.n; i++) {
		size_t k;
		rc = fwi_yaml_choose(y, &p.v[i], "", names, FW_NSWEEP_KEYS,
		    &k);
	}
	for (i = 0; rc == FW_OK && i < fwi_nkeys; i++) {
		const fw_key *k = &fwi_keys[i];
		if (k->scope == FW_SCOPE_SWEEP && k->required &&
		    fwi_yaml_find(&p, k->name) == NULL)
			rc = fwi_yaml_fail(y, root, "", "missing required key "
			    "'%s'", k->name);
	}
	if (rc == FW_OK && (rc = fwi_yaml_str(y, fwi_yaml_find(&p, "scenario"),
	    "scenario", &text)) == FW_OK) {
		sw->scenario_file = fwi_path_beside(sw->file, text);
		rc = fw_scenario_load(sw->scenario_file, &sw->sc, err);
		if (rc != FW_OK) {
			free(p.v);
			return rc;
		}
	}
	n = fwi_yaml_find(&p, "design");
	if (rc == FW_OK && (rc = fwi_yaml_str(y, n, "design", &text)) ==
	    FW_OK) {
		for (d = 0; d < FW_NDESIGN && strcmp(text, fwi_design_names[d]);
		    d++)
			;
		if (d == FW_NDESIGN)
			rc = fwi_yaml_fail(y, n, "design", "unknown design '%s' "
			    "(grid, oneway, lhs or sobol)", text);
		sw->design = (enum fw_design)d;
	}
	if (rc == FW_OK)
		rc = read_count(y, &p, "replications", &reps);
	if (rc == FW_OK)
		rc = read_count(y, &p, "months", &months);
	if (rc == FW_OK)
		rc = read_count(y, &p, "points", &points);
	if (rc == FW_OK)
		rc = read_count(y, &p, "base_samples", &base);
	if (rc == FW_OK)
		rc = read_count(y, &p, "bootstrap", &boot);
	sw->seed = sw->sc ? sw->sc->seed : 1;
	if (rc == FW_OK && (n = fwi_yaml_find(&p, "seed")) != NULL)
		rc = fwi_yaml_u64(y, n, "seed", &sw->seed);
	sw->reps = (uint64_t)reps;
	sw->months = months > 0 ? (int)months : sw->sc ? sw->sc->horizon : 1;
	sw->lhs_points = (size_t)points;
	sw->base_samples = (size_t)base;
	sw->bootstrap = (size_t)boot;
	if (rc == FW_OK && sw->design == FW_DESIGN_LHS && points == 0)
		rc = fwi_yaml_fail(y, root, "", "an lhs design needs 'points'");
	if (rc == FW_OK && sw->design == FW_DESIGN_SOBOL && base == 0)
		rc = fwi_yaml_fail(y, root, "", "a sobol design needs "
		    "'base_samples'");
	if (rc == FW_OK)
		rc = read_list(y, sw, fwi_yaml_find(&p, "parameters"),
		    "parameters", 1);
	if (rc == FW_OK)
		rc = read_list(y, sw, fwi_yaml_find(&p, "metrics"), "metrics", 0);
	if (rc == FW_OK && sw->design == FW_DESIGN_SOBOL && sw->nparam > 20)
		rc = fwi_yaml_fail(y, fwi_yaml_find(&p, "parameters"),
		    "parameters", "a sobol design takes at most 20");
	free(p.v);
	return rc;
}

/* The value of the design's unit-interval coordinate u for parameter p. */
static double
scale(const fw_sweep_param *p, double u)
{
	return p->lo + (p->hi - p->lo) * u;
}

static double
grid_value(const fw_sweep_param *p, size_t i)
{
	char buf[40];

	if (p->nvalues > 0)
		return p->values[i];
	/* Steps of a range as people write them: 0.15, not
	 * 0.15000000000000002. */
	snprintf(buf, sizeof(buf), "%.12g", p->lo + (p->hi - p->lo) *
	    (double)i / (double)(p->steps - 1));
	return strtod(buf, NULL);
}

/* The points of the design, NaN where the scenario's value stands. */
static int
make_points(fw_sweep *sw)
{
	size_t k = sw->nparam, i, j, n = 1;
	double *u;

	switch (sw->design) {
	case FW_DESIGN_GRID:
		for (j = 0; j < k; j++)
			n *= sw->param[j].nvalues ? sw->param[j].nvalues :
			    sw->param[j].steps;
		break;
	case FW_DESIGN_ONEWAY:
		n = 1 + 2 * k;
		break;
	case FW_DESIGN_LHS:
		n = sw->lhs_points;
		break;
	case FW_DESIGN_SOBOL:
		n = sw->base_samples * (k + 2);
		break;
	default:
		break;
	}
	if ((sw->x = malloc(n * k * sizeof(double))) == NULL)
		return FW_ERUN;
	sw->npoints = n;
	switch (sw->design) {
	case FW_DESIGN_GRID:
		/* the first parameter varies slowest */
		for (i = 0; i < n; i++) {
			size_t rest = i;
			for (j = k; j-- > 0;) {
				size_t m = sw->param[j].nvalues ?
				    sw->param[j].nvalues : sw->param[j].steps;
				sw->x[i * k + j] = grid_value(&sw->param[j],
				    rest % m);
				rest /= m;
			}
		}
		break;
	case FW_DESIGN_ONEWAY:
		for (i = 0; i < n * k; i++)
			sw->x[i] = NAN;
		for (j = 0; j < k; j++) {
			sw->x[(1 + 2 * j) * k + j] = sw->param[j].lo;
			sw->x[(2 + 2 * j) * k + j] = sw->param[j].hi;
		}
		break;
	default:
		if ((u = malloc(n * k * sizeof(double))) == NULL)
			return FW_ERUN;
		if (sw->design == FW_DESIGN_LHS)
			fwi_lhs(sw->seed, n, k, u);
		else if (fwi_saltelli(sw->base_samples, k, u) != 0) {
			free(u);
			return FW_ERUN;
		}
		for (i = 0; i < n; i++)
			for (j = 0; j < k; j++)
				sw->x[i * k + j] = scale(&sw->param[j],
				    u[i * k + j]);
		free(u);
		break;
	}
	return FW_OK;
}

/* A sweep from the file, or (text not NULL) from text that stands for
 * it. */
static int
load_sweep(const char *file, const char *text, size_t len, fw_sweep **out,
    fw_error *err)
{
	fw_sweep *sw;
	fw_yaml y;
	int rc;

	FWI_NOT_NULL(out, err);
	*out = NULL;
	FWI_NOT_NULL(file, err);
	sw = calloc(1, sizeof(*sw));
	fwi_init();
	if (sw == NULL || (sw->file = strdup(file)) == NULL) {
		fw_sweep_free(sw);
		return fwi_nomem(err);
	}
	rc = text ? fwi_yaml_load_string(&y, file, text, len, err) :
	    fwi_yaml_load_file(&y, file, err);
	fwi_hash_text(y.hash, sw->hash, sizeof(sw->hash));
	if (rc == FW_OK)
		rc = read_sweep(&y, sw, err);
	fwi_yaml_free(&y);
	if (rc == FW_OK && make_points(sw) != FW_OK)
		rc = fwi_nomem(err);
	if (rc != FW_OK) {
		fw_sweep_free(sw);
		return rc;
	}
	*out = sw;
	return FW_OK;
}

int
fw_sweep_load(const char *file, fw_sweep **out, fw_error *err)
{
	return load_sweep(file, NULL, 0, out, err);
}

int
fw_sweep_load_string(const char *name, const char *text, size_t len,
    fw_sweep **out, fw_error *err)
{
	if (text == NULL && len > 0)
		return fwi_refuse(err, __func__, "text is NULL");
	return load_sweep(name, text, len, out, err);
}

const char *
fw_sweep_file(const fw_sweep *sw)
{
	return sw != NULL ? sw->file : NULL;
}

const char *
fw_sweep_hash(const fw_sweep *sw)
{
	return sw != NULL ? sw->hash : NULL;
}

const char *
fw_sweep_design(const fw_sweep *sw)
{
	return sw != NULL ? fwi_design_names[sw->design] : NULL;
}

fw_scenario *
fw_sweep_scenario(fw_sweep *sw)
{
	return sw != NULL ? sw->sc : NULL;
}

uint64_t
fw_sweep_replications(const fw_sweep *sw)
{
	return sw != NULL ? sw->reps : 0;
}

uint64_t
fw_sweep_seed(const fw_sweep *sw)
{
	return sw != NULL ? sw->seed : 0;
}

int
fw_sweep_months(const fw_sweep *sw)
{
	return sw != NULL ? sw->months : 0;
}

int
fw_sweep_set_replications(fw_sweep *sw, uint64_t reps)
{
	const fw_key *k = fwi_key_find(FW_SCOPE_SWEEP, "", "replications");

	if (sw == NULL || (double)reps < k->lo || (double)reps > k->hi)
		return FW_EINVALID;
	sw->reps = reps;
	return FW_OK;
}

int
fw_sweep_set_seed(fw_sweep *sw, uint64_t seed)
{
	if (sw == NULL)
		return FW_EINVALID;
	sw->seed = seed;
	free(sw->x);
	sw->x = NULL;
	return make_points(sw) == FW_OK ? FW_OK : FW_ENOMEM;
}

size_t
fw_sweep_param_count(const fw_sweep *sw)
{
	return sw != NULL ? sw->nparam : 0;
}

const char *
fw_sweep_param_path(const fw_sweep *sw, size_t j)
{
	return sw != NULL && j < sw->nparam ? sw->param[j].path : NULL;
}

const char *
fw_sweep_param_variant(const fw_sweep *sw, size_t j)
{
	return sw != NULL && j < sw->nparam ? sw->param[j].variant : NULL;
}

void
fw_sweep_param_range(const fw_sweep *sw, size_t j, double *lo, double *hi)
{
	const fw_sweep_param *p;
	double ignored;

	if (lo == NULL)
		lo = &ignored;
	if (hi == NULL)
		hi = &ignored;
	if (sw == NULL || j >= sw->nparam) {
		*lo = *hi = NAN;
		return;
	}
	p = &sw->param[j];
	if (p->nvalues > 0) {
		size_t i;
		*lo = *hi = p->values[0];
		for (i = 1; i < p->nvalues; i++) {
			*lo = fmin(*lo, p->values[i]);
			*hi = fmax(*hi, p->values[i]);
		}
	} else {
		*lo = p->lo;
		*hi = p->hi;
	}
}

size_t
fw_sweep_metric_count(const fw_sweep *sw)
{
	return sw != NULL ? sw->nmetric : 0;
}

const char *
fw_sweep_metric_label(const fw_sweep *sw, size_t m)
{
	return sw != NULL && m < sw->nmetric ? sw->metric[m].label : NULL;
}

size_t
fw_sweep_points(const fw_sweep *sw)
{
	return sw != NULL ? sw->npoints : 0;
}

double
fw_sweep_value(const fw_sweep *sw, size_t i, size_t j)
{
	return sw != NULL && i < sw->npoints && j < sw->nparam ? sw->x[i * sw->nparam + j] :
	    NAN;
}

double
fw_sweep_base_value(const fw_sweep *sw, size_t j)
{
	double x = NAN;

	if (sw != NULL && j < sw->nparam)
		fw_scenario_value(sw->sc, sw->param[j].variant,
		    sw->param[j].path, 0.5, &x, NULL);
	return x;
}

void
fw_sweep_block(const fw_sweep *sw, size_t i, char *buf, size_t size)
{
	size_t block;

	if (buf == NULL || size == 0)
		return;
	block = sw != NULL && sw->base_samples > 0 ? i / sw->base_samples : 0;
	if (sw == NULL || sw->design != FW_DESIGN_SOBOL || i >= sw->npoints)
		snprintf(buf, size, "%s", "");
	else if (block < 2)
		snprintf(buf, size, "%s", block == 0 ? "A" : "B");
	else
		snprintf(buf, size, "AB%zu", block - 1);
}

int
fw_sweep_point_scenario(const fw_sweep *sw, size_t i, fw_scenario **out,
    fw_error *err)
{
	size_t j;
	int rc;

	FWI_NOT_NULL(out, err);
	*out = NULL;
	FWI_NOT_NULL(sw, err);
	if (i >= sw->npoints) {
		fw_error_set(err, FW_EINVALID, sw->file, 0, 0, "", "no point "
		    "%zu in this sweep", i + 1);
		return FW_EINVALID;
	}
	if ((rc = fw_scenario_copy(sw->sc, out)) != FW_OK)
		return fwi_nomem(err);
	for (j = 0; rc == FW_OK && j < sw->nparam; j++) {
		double x = sw->x[i * sw->nparam + j];
		if (!isnan(x))
			rc = fw_scenario_set_number(*out, sw->param[j].variant,
			    sw->param[j].path, x, err);
	}
	if (rc != FW_OK) {
		fw_scenario_free(*out);
		*out = NULL;
	}
	return rc;
}

int
fw_sweep_metric_values(const fw_sweep *sw, size_t m, const fw_run *run,
    double *x)
{
	const fw_sweep_metric *mt;
	uint64_t R, r;
	size_t v;
	int T, t;

	if (sw == NULL || run == NULL || x == NULL || m >= sw->nmetric)
		return FW_EINVALID;
	mt = &sw->metric[m];
	R = fw_run_replications(run);
	T = fw_run_months(run);
	v = (size_t)mt->variant;
	for (r = 0; r < R; r++)
		switch (mt->kind) {
		case FW_SM_NPV:
			x[r] = fw_run_value(run, r, v, FW_T_NPV);
			break;
		case FW_SM_DNPV:
			x[r] = fw_run_value(run, r, v, FW_T_NPV) -
			    fw_run_value(run, r, (size_t)mt->against,
			    FW_T_NPV);
			break;
		case FW_SM_TOTAL:
			x[r] = fw_run_value(run, r, v, (size_t)mt->total);
			break;
		default:	/* FW_SM_REVENUE_YEAR */
			x[r] = 0;
			for (t = 12 * (mt->year - 1) + 1; t <= 12 * mt->year &&
			    t <= T; t++)
				x[r] += fw_run_month_value(run, r, v, t,
				    FW_M_REVENUE);
			break;
		}
	return FW_OK;
}

int
fw_sweep_sensitivity(const fw_sweep *sw, const double *y, size_t n,
    fw_sensitivity *out)
{
	size_t j, k;

	/* y must hold a value for every point: no fewer, read past its end,
	 * and no more, which would be another sweep's */
	if (sw == NULL || y == NULL || out == NULL || n != sw->npoints)
		return FW_EINVALID;
	k = sw->nparam;
	for (j = 0; j < k; j++) {
		fw_sensitivity *s = &out[j];
		s->at_base = s->at_low = s->at_high = s->swing = NAN;
		s->s1 = s->s1_lo95 = s->s1_hi95 = NAN;
		s->st = s->st_lo95 = s->st_hi95 = NAN;
		fw_sweep_param_range(sw, j, &s->low, &s->high);
	}
	if (sw->design == FW_DESIGN_ONEWAY) {
		for (j = 0; j < k; j++) {
			out[j].at_base = y[0];
			out[j].at_low = y[1 + 2 * j];
			out[j].at_high = y[2 + 2 * j];
			out[j].swing = out[j].at_high - out[j].at_low;
		}
		return FW_OK;
	}
	if (sw->design == FW_DESIGN_SOBOL) {
		double *v = malloc(6 * k * sizeof(double));
		fw_sobol s;
		int rc = FW_OK;
		if (v == NULL)
			return FW_ENOMEM;
		s = (fw_sobol){ v, v + k, v + 2 * k, v + 3 * k, v + 4 * k,
			v + 5 * k };
		if (fwi_sobol_indices(y, sw->base_samples, k, sw->bootstrap,
		    sw->seed, &s) != 0)
			rc = FW_ENOMEM;
		for (j = 0; rc == FW_OK && j < k; j++) {
			out[j].s1 = s.s1[j];
			out[j].s1_lo95 = s.s1_lo[j];
			out[j].s1_hi95 = s.s1_hi[j];
			out[j].st = s.st[j];
			out[j].st_lo95 = s.st_lo[j];
			out[j].st_hi95 = s.st_hi[j];
		}
		free(v);
		return rc;
	}
	return FW_EINVALID;
}

int
fw_file_kind(const char *file, enum fw_file_kind *kind, fw_error *err)
{
	yaml_node_t *root;
	fw_yaml y;
	int rc;

	FWI_NOT_NULL(kind, err);
	*kind = FW_FILE_SCENARIO;
	FWI_NOT_NULL(file, err);
	fwi_init();
	if ((rc = fwi_yaml_load_file(&y, file, err)) == FW_OK &&
	    (root = fwi_yaml_root(&y)) != NULL &&
	    root->type == YAML_MAPPING_NODE) {
		yaml_node_pair_t *p;
		for (p = root->data.mapping.pairs.start;
		    p < root->data.mapping.pairs.top; p++) {
			yaml_node_t *k = fwi_yaml_node(&y, p->key);
			const char *name = k != NULL && k->type ==
			    YAML_SCALAR_NODE ? (const char *)k->data.scalar.value :
			    "";
			if (strcmp(name, "design") == 0)
				*kind = FW_FILE_SWEEP;
			else if ((strcmp(name, "targets") == 0 ||
			    strcmp(name, "data") == 0) && *kind !=
			    FW_FILE_SWEEP)
				*kind = FW_FILE_CALIBRATION;
		}
	}
	fwi_yaml_free(&y);
	return rc;
}
