/* scenario.c - scenario files (MODEL.md §2) read into a baseline
 * configuration and one configuration per variant.
 * SPDX-License-Identifier: MIT */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "hash.h"
#include "input.h"
#include "library.h"
#include "plan.h"
#include "read.h"

const char *const fwi_state_names[FW_NSTATE] = { "unaware", "engaged",
	"trial", "adopter", "advocate", "lapsed", "switched" };


void
fwi_config_clear(fw_config *c)
{
	size_t i;

	if (c == NULL)
		return;
	for (i = 0; i < c->nseg; i++)
		free(c->seg[i].name);
	for (i = 0; i < c->nchan; i++)
		free(c->chan[i].name);
	for (i = 0; i < c->nset; i++)
		free(c->set_paths[i]);
	free(c->set_paths);
	free(c->seg);
	free(c->chan);
	free(c->name);
	free(c->description);
	free(c->label);
	free(c->colour);
	memset(c, 0, sizeof(*c));
}

int
fwi_config_copy(fw_config *dst, const fw_config *src, const char *name)
{
	size_t i;

	memset(dst, 0, sizeof(*dst));
	memcpy(dst->g, src->g, sizeof(dst->g));
	dst->name = strdup(name);
	dst->seg = calloc(src->nseg ? src->nseg : 1, sizeof(fw_segment));
	dst->chan = calloc(src->nchan ? src->nchan : 1, sizeof(fw_channel));
	if (dst->name == NULL || dst->seg == NULL || dst->chan == NULL)
		goto fail;
	for (i = 0; i < src->nseg; i++) {
		dst->seg[i] = src->seg[i];
		dst->seg[i].name = strdup(src->seg[i].name);
		dst->nseg++;
		if (dst->seg[i].name == NULL)
			goto fail;
	}
	for (i = 0; i < src->nchan; i++) {
		dst->chan[i] = src->chan[i];
		dst->chan[i].name = strdup(src->chan[i].name);
		dst->nchan++;
		if (dst->chan[i].name == NULL)
			goto fail;
	}
	return FW_OK;
fail:
	fwi_config_clear(dst);
	return FW_EINVALID;
}

int
fwi_config_find_segment(const fw_config *c, const char *name)
{
	size_t i;

	for (i = 0; i < c->nseg; i++)
		if (strcmp(c->seg[i].name, name) == 0)
			return (int)i;
	return -1;
}

int
fwi_config_find_channel(const fw_config *c, const char *name)
{
	size_t i;

	for (i = 0; i < c->nchan; i++)
		if (strcmp(c->chan[i].name, name) == 0)
			return (int)i;
	return -1;
}

static void
set_defaults(fw_config *c)
{
	size_t i;

	for (i = 0; i < fwi_nkeys; i++)
		if (fwi_keys[i].scope == FW_SCOPE_GLOBAL)
			c->g[fwi_keys[i].id].value = fwi_keys[i].def;
}

static int
read_section(fw_yaml *y, fw_config *c, const char *section, yaml_node_t *n)
{
	const char *names[32];
	size_t nnames = 0, i;
	fw_pairs pairs;
	char sub[256];
	int rc;

	for (i = 0; i < fwi_nkeys; i++)
		if (fwi_keys[i].scope == FW_SCOPE_GLOBAL &&
		    strcmp(fwi_keys[i].section, section) == 0 && nnames < 32)
			names[nnames++] = fwi_keys[i].name;
	if ((rc = fwi_yaml_map(y, n, section, &pairs)) != FW_OK)
		return rc;
	for (i = 0; rc == FW_OK && i < pairs.n; i++) {
		const fw_pair *p = &pairs.v[i];
		const fw_key *k = fwi_key_find(FW_SCOPE_GLOBAL, section,
		    p->name);
		if (k == NULL) {
			rc = fwi_yaml_unknown(y, p, section, names, nnames);
			break;
		}
		fwi_path_key(sub, sizeof(sub), section, p->name);
		rc = fwi_read_num(y, p->value, sub, k, &c->g[k->id]);
	}
	free(pairs.v);
	return rc;
}

static int
read_initial(fw_yaml *y, yaml_node_t *n, const char *path, fw_segment *s)
{
	fw_pairs pairs;
	char sub[256];
	double sum = 0;
	size_t i, k;
	int rc;

	memset(s->initial, 0, sizeof(s->initial));
	if (n == NULL) {
		s->initial[FW_UNAWARE] = 1;
		return FW_OK;
	}
	s->initial_given = 1;
	if ((rc = fwi_yaml_map(y, n, path, &pairs)) != FW_OK)
		return rc;
	for (i = 0; rc == FW_OK && i < pairs.n; i++) {
		const fw_pair *p = &pairs.v[i];
		if ((rc = fwi_yaml_choose(y, p, path, fwi_state_names, FW_NSTATE,
		    &k)) != FW_OK)
			break;
		fwi_path_key(sub, sizeof(sub), path, p->name);
		if (p->value->type == YAML_MAPPING_NODE) {
			rc = fwi_yaml_fail(y, p->value, sub, "initial fractions "
			    "are fixed numbers (they must sum to 1), not "
			    "distributions");
			break;
		}
		rc = fwi_yaml_real(y, p->value, sub, &s->initial[k]);
		if (rc == FW_OK && (s->initial[k] < 0 || s->initial[k] > 1))
			rc = fwi_yaml_fail(y, p->value, sub, "must be a "
			    "fraction in [0, 1] (got %s)",
			    (const char *)p->value->data.scalar.value);
		sum += s->initial[k];
	}
	free(pairs.v);
	if (rc == FW_OK && fabs(sum - 1) > 1e-9) {
		char v[40];
		fw_format_real(sum, v, sizeof(v));
		rc = fwi_yaml_fail(y, n, path, "fractions must sum to 1 "
		    "(they sum to %s)", v);
	}
	return rc;
}

static int
read_segments(fw_yaml *y, fw_config *c, yaml_node_t *n)
{
	yaml_node_item_t *it;
	char path[64], sub[96];
	int rc;

	if ((rc = fwi_yaml_seq(y, n, "segments")) != FW_OK)
		return rc;
	c->nseg = 0;
	c->seg = calloc((size_t)(n->data.sequence.items.top -
	    n->data.sequence.items.start) + 1, sizeof(fw_segment));
	if (c->seg == NULL)
		return fwi_yaml_nomem(y);
	for (it = n->data.sequence.items.start;
	    it < n->data.sequence.items.top; it++) {
		yaml_node_t *item = fwi_yaml_node(y, *it);
		yaml_node_t *initial = NULL;
		fw_segment *s = &c->seg[c->nseg];
		int dup;

		fwi_path_index(path, sizeof(path), "segments", c->nseg);
		rc = fwi_read_element(y, item, path, FW_SCOPE_SEGMENT, &s->name,
		    s->v, &initial);
		c->nseg++;
		if (rc != FW_OK)
			return rc;
		dup = fwi_config_find_segment(c, s->name);
		if (dup >= 0 && (size_t)dup < c->nseg - 1) {
			fwi_path_key(sub, sizeof(sub), path, "name");
			return fwi_yaml_fail(y, item, sub, "duplicate segment "
			    "name '%s' (also segments[%d])", s->name, dup);
		}
		fwi_path_key(sub, sizeof(sub), path, "initial");
		if ((rc = read_initial(y, initial, sub, s)) != FW_OK)
			return rc;
	}
	if (c->nseg == 0)
		return fwi_yaml_fail(y, n, "segments", "must list at least one "
		    "segment");
	return FW_OK;
}

static int
read_channels(fw_yaml *y, fw_config *c, yaml_node_t *n)
{
	yaml_node_item_t *it;
	char path[64], sub[96];
	int rc;

	if ((rc = fwi_yaml_seq(y, n, "channels")) != FW_OK)
		return rc;
	c->chan = calloc((size_t)(n->data.sequence.items.top -
	    n->data.sequence.items.start) + 1, sizeof(fw_channel));
	if (c->chan == NULL)
		return fwi_yaml_nomem(y);
	for (it = n->data.sequence.items.start;
	    it < n->data.sequence.items.top; it++) {
		yaml_node_t *item = fwi_yaml_node(y, *it);
		fw_channel *ch = &c->chan[c->nchan];
		int dup;

		fwi_path_index(path, sizeof(path), "channels", c->nchan);
		rc = fwi_read_channel(y, item, path, ch);
		c->nchan++;
		if (rc != FW_OK)
			return rc;
		dup = fwi_config_find_channel(c, ch->name);
		if ((size_t)dup < c->nchan - 1) {
			fwi_path_key(sub, sizeof(sub), path, "name");
			return fwi_yaml_fail(y, item, sub, "duplicate channel "
			    "name '%s' (also channels[%d])", ch->name, dup);
		}
	}
	return FW_OK;
}

static int
read_variants(fw_yaml *y, fw_scenario *sc, yaml_node_t *n)
{
	fw_pairs pairs;
	fw_config *grown;
	char path[256], msg[512];
	size_t i;
	int rc;

	if ((rc = fwi_yaml_map(y, n, "variants", &pairs)) != FW_OK)
		return rc;
	grown = realloc(sc->config, (pairs.n + 1) * sizeof(fw_config));
	if (grown == NULL) {
		free(pairs.v);
		return fwi_yaml_nomem(y);
	}
	sc->config = grown;
	for (i = 0; rc == FW_OK && i < pairs.n; i++) {
		const fw_pair *p = &pairs.v[i];
		fwi_path_key(path, sizeof(path), "variants", p->name);
		if (strcmp(p->name, "baseline") == 0) {
			rc = fwi_yaml_fail(y, p->key, path, "'baseline' is "
			    "reserved for the scenario without changes");
			break;
		}
		if (fwi_name_problem(p->name) != NULL) {
			rc = fwi_yaml_fail(y, p->key, path, "%s",
			    fwi_name_problem(p->name));
			break;
		}
		rc = fwi_variant_build(y, sc, p->name, p->value, path,
		    &sc->config[sc->nconfig]);
		if (rc == FW_OK)
			sc->nconfig++;
		if (rc == FW_OK && fwi_config_total_problem(
		    &sc->config[sc->nconfig - 1], msg, sizeof(msg)) !=
		    FW_OVER_NONE)
			rc = fwi_yaml_fail(y, p->value, path, "%s", msg);
	}
	free(pairs.v);
	return rc;
}

/* The nodes of the root mapping, by name: the top-level keys of the
 * table, then the sections of its global keys. */
typedef struct top_nodes {
	const char *name[FW_MAX_KEYS];
	yaml_node_t *node[FW_MAX_KEYS];
	size_t n;
} top_nodes;

static yaml_node_t *
top(const top_nodes *t, const char *name)
{
	size_t i;

	for (i = 0; i < t->n; i++)
		if (strcmp(t->name[i], name) == 0)
			return t->node[i];
	return NULL;
}

static int
read_top(fw_yaml *y, yaml_node_t *root, top_nodes *t)
{
	fw_pairs pairs;
	size_t i, j;
	int rc;

	memset(t, 0, sizeof(*t));
	t->n = fwi_key_names(FW_SCOPE_TOP, t->name, FW_MAX_KEYS);
	t->n += fwi_key_sections(t->name + t->n, FW_MAX_KEYS - t->n);
	if ((rc = fwi_yaml_map(y, root, "", &pairs)) != FW_OK)
		return rc;
	for (i = 0; rc == FW_OK && i < pairs.n; i++)
		if ((rc = fwi_yaml_choose(y, &pairs.v[i], "", t->name, t->n,
		    &j)) == FW_OK)
			t->node[j] = pairs.v[i].value;
	free(pairs.v);
	for (i = 0; rc == FW_OK && i < fwi_nkeys; i++) {
		const fw_key *k = &fwi_keys[i];
		if (k->scope == FW_SCOPE_TOP && k->required &&
		    top(t, k->name) == NULL)
			rc = fwi_yaml_fail(y, root, "", "missing required key "
			    "'%s'", k->name);
	}
	return rc;
}

/* report: what flywheel run adds to its outputs. */
static int
read_report(fw_yaml *y, fw_scenario *sc, yaml_node_t *n)
{
	const char *names[FW_NREPORT_KEYS];
	fw_pairs pairs;
	char path[64];
	size_t i, j, nn = fwi_key_names(FW_SCOPE_REPORT, names,
	    FW_NREPORT_KEYS);
	int rc;

	if ((rc = fwi_yaml_map(y, n, "report", &pairs)) != FW_OK)
		return rc;
	/* voi_groups name inputs: read once the variants are (read_groups) */
	for (i = 0; rc == FW_OK && i < pairs.n; i++)
		if ((rc = fwi_yaml_choose(y, &pairs.v[i], "report", names, nn,
		    &j)) == FW_OK && j == FW_R_LEAKAGE) {
			fwi_path_key(path, sizeof(path), "report", names[j]);
			rc = fwi_yaml_bool(y, pairs.v[i].value, path,
			    &sc->report_leakage);
		}
	free(pairs.v);
	return rc;
}

/* report: {voi_groups: [[PATH, ...], ...]}: each path an input some
 * variant draws from a distribution, as correlations' are. */
static int
read_groups(fw_yaml *y, fw_scenario *sc, yaml_node_t *report)
{
	yaml_node_item_t *it, *at;
	yaml_node_t *n;
	fw_pairs pairs;
	char path[96];
	const char *text;
	int rc;

	if ((rc = fwi_yaml_map(y, report, "report", &pairs)) != FW_OK)
		return rc;
	n = fwi_yaml_find(&pairs, "voi_groups");
	free(pairs.v);
	if (n == NULL)
		return FW_OK;
	if ((rc = fwi_yaml_seq(y, n, "report.voi_groups")) != FW_OK)
		return rc;
	if ((sc->voi_group = calloc((size_t)(n->data.sequence.items.top -
	    n->data.sequence.items.start) + 1, sizeof(fw_voi_group))) == NULL)
		return fwi_yaml_nomem(y);
	for (it = n->data.sequence.items.start;
	    it < n->data.sequence.items.top; it++) {
		yaml_node_t *list = fwi_yaml_node(y, *it);
		fw_voi_group *g = &sc->voi_group[sc->nvoi_group++];
		fwi_path_index(path, sizeof(path), "report.voi_groups",
		    sc->nvoi_group - 1);
		if ((rc = fwi_yaml_seq(y, list, path)) != FW_OK)
			return rc;
		if (list->data.sequence.items.top ==
		    list->data.sequence.items.start)
			return fwi_yaml_fail(y, list, path, "a group names at "
			    "least one uncertain input");
		if ((g->path = calloc((size_t)(list->data.sequence.items.top -
		    list->data.sequence.items.start), sizeof(char *))) == NULL)
			return fwi_yaml_nomem(y);
		for (at = list->data.sequence.items.start;
		    at < list->data.sequence.items.top; at++) {
			yaml_node_t *item = fwi_yaml_node(y, *at);
			size_t k;
			if ((rc = fwi_yaml_str(y, item, path, &text)) != FW_OK)
				return rc;
			if ((rc = fwi_scenario_uncertain(sc, text)) < 0)
				return fwi_yaml_nomem(y);
			if (rc == 0)
				return fwi_yaml_fail(y, item, path, "%s is not "
				    "an uncertain input: no variant gives it a "
				    "distribution", text);
			for (k = 0; k < g->n; k++)
				if (strcmp(g->path[k], text) == 0)
					return fwi_yaml_fail(y, item, path,
					    "%s is named twice", text);
			if ((g->path[g->n] = strdup(text)) == NULL)
				return fwi_yaml_nomem(y);
			g->n++;
		}
	}
	return FW_OK;
}

/* calibration: the fit table that made the scenario; the run does not
 * need it to simulate, so only its name is checked. */
static int
read_calibration(fw_yaml *y, fw_scenario *sc, yaml_node_t *n)
{
	const char *text;
	int rc;

	if ((rc = fwi_yaml_str(y, n, "calibration", &text)) != FW_OK)
		return rc;
	if (*text == '\0')
		return fwi_yaml_fail(y, n, "calibration", "an empty file name");
	if (fwi_text_problem(text) != NULL)
		return fwi_yaml_fail(y, n, "calibration", "%s",
		    fwi_text_problem(text));
	if (strpbrk(text, "\t\n\r") != NULL)
		return fwi_yaml_fail(y, n, "calibration", "a file name may not "
		    "hold a line break or tab");
	return fw_scenario_set_calibration(sc, text) == FW_OK ? FW_OK :
	    fwi_yaml_nomem(y);
}

static int
read_scenario(fw_yaml *y, fw_scenario *sc)
{
	yaml_node_t *root = fwi_yaml_root(y), *n;
	fw_config *base = &sc->config[0];
	const fw_key *horizon = fwi_key_find(FW_SCOPE_TOP, "",
	    "horizon_months");
	const fw_key *reps = fwi_key_find(FW_SCOPE_TOP, "", "replications");
	top_nodes t;
	const char *text;
	char msg[512];
	long long v;
	size_t i;
	int rc;

	if ((rc = read_top(y, root, &t)) != FW_OK)
		return rc;
	if ((n = top(&t, "model")) != NULL) {
		if ((rc = fwi_yaml_str(y, n, "model", &text)) != FW_OK)
			return rc;
		if (strcmp(text, "flywheel/1") != 0)
			return fwi_yaml_fail(y, n, "model", "unknown model "
			    "'%s' (this version knows flywheel/1)", text);
		sc->model_given = 1;
	}
	if ((rc = fwi_yaml_str(y, top(&t, "name"), "name", &text)) != FW_OK)
		return rc;
	if (fwi_text_problem(text) != NULL)
		return fwi_yaml_fail(y, top(&t, "name"), "name", "%s",
		    fwi_text_problem(text));
	if ((sc->name = strdup(text)) == NULL)
		return fwi_yaml_nomem(y);
	if ((rc = fwi_yaml_int(y, top(&t, "horizon_months"), "horizon_months",
	    horizon->lo, horizon->hi, &v)) != FW_OK)
		return rc;
	sc->horizon = (int)v;
	if ((rc = fwi_yaml_int(y, top(&t, "replications"), "replications",
	    reps->lo, reps->hi, &v)) != FW_OK)
		return rc;
	sc->replications = (uint64_t)v;
	sc->seed = 1;
	if ((n = top(&t, "seed")) != NULL) {
		if ((rc = fwi_yaml_u64(y, n, "seed", &sc->seed)) != FW_OK)
			return rc;
		sc->seed_given = 1;
	}
	sc->warmup.value = 0;
	if ((n = top(&t, "warmup_months")) != NULL &&
	    (rc = fwi_read_num(y, n, "warmup_months", fwi_key_find(
	    FW_SCOPE_TOP, "", "warmup_months"), &sc->warmup)) != FW_OK)
		return rc;
	if ((n = top(&t, "report")) != NULL &&
	    (rc = read_report(y, sc, n)) != FW_OK)
		return rc;
	if ((n = top(&t, "calibration")) != NULL &&
	    (rc = read_calibration(y, sc, n)) != FW_OK)
		return rc;
	set_defaults(base);
	base->start_month.value = 1;
	base->ramp_months.value = 0;
	for (i = FW_NTOP; i < t.n; i++)
		if (t.node[i] != NULL &&
		    (rc = read_section(y, base, t.name[i], t.node[i])) != FW_OK)
			return rc;
	if ((rc = read_segments(y, base, top(&t, "segments"))) != FW_OK)
		return rc;
	if ((n = top(&t, "channels")) != NULL &&
	    (rc = read_channels(y, base, n)) != FW_OK)
		return rc;
	switch (fwi_config_total_problem(base, msg, sizeof(msg))) {
	case FW_OVER_HCPS:
		return fwi_yaml_fail(y, top(&t, "segments"), "segments", "%s",
		    msg);
	case FW_OVER_TOUCHES:
		return fwi_yaml_fail(y, n, "channels", "%s", msg);
	default:
		break;
	}
	if (base->chan == NULL && (base->chan = calloc(1,
	    sizeof(fw_channel))) == NULL)
		return fwi_yaml_nomem(y);
	sc->nconfig = 1;
	if ((n = top(&t, "variants")) != NULL &&
	    (rc = read_variants(y, sc, n)) != FW_OK)
		return rc;
	if ((n = top(&t, "correlations")) != NULL &&
	    (rc = fwi_copula_read(y, sc, n)) != FW_OK)
		return rc;
	if ((n = top(&t, "report")) != NULL)
		return read_groups(y, sc, n);
	return FW_OK;
}

static int
load(fw_yaml *y, int rc, fw_scenario **out, const char *file)
{
	fw_scenario *sc;

	*out = NULL;
	if (rc != FW_OK) {
		fwi_yaml_free(y);
		return rc;
	}
	sc = calloc(1, sizeof(*sc));
	if (sc == NULL || (sc->config = calloc(1, sizeof(fw_config))) == NULL
	    || (sc->file = strdup(file)) == NULL ||
	    (sc->config[0].name = strdup("baseline")) == NULL) {
		fw_scenario_free(sc);
		fwi_yaml_free(y);
		return fwi_yaml_nomem(y);
	}
	fwi_hash_text(y->hash, sc->hash, sizeof(sc->hash));
	memcpy(sc->sha256, y->sha256, sizeof(sc->sha256));
	rc = read_scenario(y, sc);
	fwi_yaml_free(y);
	if (rc != FW_OK) {
		fw_scenario_free(sc);
		return rc;
	}
	*out = sc;
	return FW_OK;
}

int
fw_scenario_load(const char *file, fw_scenario **out, fw_error *err)
{
	fw_yaml y;

	FWI_NOT_NULL(out, err);
	*out = NULL;
	FWI_NOT_NULL(file, err);
	fwi_init();
	return load(&y, fwi_yaml_load_file(&y, file, err), out, file);
}

int
fw_scenario_load_string(const char *name, const char *text, size_t len,
    fw_scenario **out, fw_error *err)
{
	fw_yaml y;

	FWI_NOT_NULL(out, err);
	*out = NULL;
	FWI_NOT_NULL(name, err);
	if (text == NULL && len > 0)
		return fwi_refuse(err, __func__, "text is NULL");
	fwi_init();
	return load(&y, fwi_yaml_load_string(&y, name, text, len, err), out,
	    name);
}

static void
voi_groups_clear(fw_scenario *sc)
{
	size_t i, k;

	for (i = 0; i < sc->nvoi_group; i++) {
		for (k = 0; k < sc->voi_group[i].n; k++)
			free(sc->voi_group[i].path[k]);
		free(sc->voi_group[i].path);
	}
	free(sc->voi_group);
	sc->voi_group = NULL;
	sc->nvoi_group = 0;
}

static int
voi_groups_clone(fw_scenario *dst, const fw_scenario *src)
{
	size_t i, k;

	dst->nvoi_group = 0;
	if (src->nvoi_group == 0) {
		dst->voi_group = NULL;
		return FW_OK;
	}
	if ((dst->voi_group = calloc(src->nvoi_group, sizeof(fw_voi_group))) ==
	    NULL)
		return FW_ENOMEM;
	for (i = 0; i < src->nvoi_group; i++, dst->nvoi_group++) {
		fw_voi_group *g = &dst->voi_group[i];
		if ((g->path = calloc(src->voi_group[i].n, sizeof(char *))) ==
		    NULL)
			return FW_ENOMEM;
		for (k = 0; k < src->voi_group[i].n; k++, g->n++)
			if ((g->path[k] = strdup(src->voi_group[i].path[k])) ==
			    NULL)
				return FW_ENOMEM;
	}
	return FW_OK;
}

int
fwi_scenario_uncertain(const fw_scenario *sc, const char *path)
{
	size_t v, i;
	int found = 0;

	for (v = 0; !found && v < sc->nconfig; v++) {
		fw_plan plan;
		if (fwi_plan_build(&plan, &sc->config[v]) != FW_OK)
			return -1;
		for (i = 0; i < plan.n; i++)
			found |= strcmp(plan.v[i].path, path) == 0;
		fwi_plan_clear(&plan);
	}
	return found;
}

void
fw_scenario_free(fw_scenario *sc)
{
	size_t i;

	if (sc == NULL)
		return;
	for (i = 0; i < sc->nconfig || (i == 0 && sc->config); i++)
		fwi_config_clear(&sc->config[i]);
	free(sc->config);
	free(sc->file);
	free(sc->name);
	free(sc->calibration);
	free(sc->calibration_path);
	fwi_copula_clear(&sc->copula);
	voi_groups_clear(sc);
	fwi_overrides_free(sc);
	free(sc);
}

const char *
fw_scenario_name(const fw_scenario *sc)
{
	return sc != NULL ? sc->name : NULL;
}

const char *
fw_scenario_file(const fw_scenario *sc)
{
	return sc != NULL ? sc->file : NULL;
}

int
fw_scenario_horizon(const fw_scenario *sc)
{
	return sc != NULL ? sc->horizon : 0;
}

uint64_t
fw_scenario_replications(const fw_scenario *sc)
{
	return sc != NULL ? sc->replications : 0;
}

uint64_t
fw_scenario_seed(const fw_scenario *sc)
{
	return sc != NULL ? sc->seed : 0;
}

size_t
fw_scenario_variant_count(const fw_scenario *sc)
{
	return sc != NULL ? sc->nconfig : 0;
}

const char *
fw_scenario_variant_name(const fw_scenario *sc, size_t v)
{
	return sc != NULL && v < sc->nconfig ? sc->config[v].name : NULL;
}

const char *
fw_scenario_hash(const fw_scenario *sc)
{
	return sc != NULL ? sc->hash : NULL;
}

const char *
fw_scenario_sha256(const fw_scenario *sc)
{
	return sc != NULL ? sc->sha256 : NULL;
}

const char *
fw_scenario_variant_description(const fw_scenario *sc, size_t v)
{
	return sc != NULL && v < sc->nconfig ? sc->config[v].description :
	    NULL;
}

const char *
fw_scenario_variant_label(const fw_scenario *sc, size_t v)
{
	return sc != NULL && v < sc->nconfig ? sc->config[v].label : NULL;
}

const char *
fw_scenario_variant_colour(const fw_scenario *sc, size_t v)
{
	return sc != NULL && v < sc->nconfig ? sc->config[v].colour : NULL;
}

int
fw_scenario_report(const fw_scenario *sc, const char *name, int *asked)
{
	if (sc == NULL || name == NULL || asked == NULL ||
	    strcmp(name, "leakage") != 0)
		return FW_EINVALID;
	*asked = sc->report_leakage;
	return FW_OK;
}

const char *
fw_scenario_calibration(const fw_scenario *sc)
{
	return sc != NULL ? sc->calibration_path : NULL;
}

int
fw_scenario_set_calibration(fw_scenario *sc, const char *table)
{
	char *text = NULL, *path = NULL;

	if (sc == NULL)
		return FW_EINVALID;
	if (table != NULL && ((text = strdup(table)) == NULL ||
	    (path = fwi_path_beside(sc->file, table)) == NULL)) {
		free(text);
		return FW_ENOMEM;
	}
	free(sc->calibration);
	free(sc->calibration_path);
	sc->calibration = text;
	sc->calibration_path = path;
	return FW_OK;
}

int
fwi_scenario_find(const fw_scenario *sc, const char *name)
{
	size_t v;

	for (v = 0; v < sc->nconfig; v++)
		if (strcmp(sc->config[v].name, name) == 0)
			return (int)v;
	return -1;
}

int
fw_scenario_variant_index(const fw_scenario *sc, const char *name,
    size_t *v)
{
	int i = sc != NULL && name != NULL ? fwi_scenario_find(sc, name) : -1;

	if (i < 0 || v == NULL)
		return FW_EINVALID;
	*v = (size_t)i;
	return FW_OK;
}

static char *
dup_or_null(const char *s, int *failed)
{
	char *d;

	if (s == NULL)
		return NULL;
	if ((d = strdup(s)) == NULL)
		*failed = 1;
	return d;
}

int
fwi_config_clone(fw_config *dst, const fw_config *src)
{
	int failed = 0;
	size_t i;

	*dst = *src;
	dst->name = dup_or_null(src->name, &failed);
	dst->description = dup_or_null(src->description, &failed);
	dst->label = dup_or_null(src->label, &failed);
	dst->colour = dup_or_null(src->colour, &failed);
	dst->seg = calloc(src->nseg + 1, sizeof(fw_segment));
	dst->chan = calloc(src->nchan + 1, sizeof(fw_channel));
	dst->set_paths = calloc(src->nset + 1, sizeof(char *));
	dst->nseg = dst->nchan = dst->nset = 0;
	if (dst->seg == NULL || dst->chan == NULL || dst->set_paths == NULL)
		failed = 1;
	for (i = 0; !failed && i < src->nseg; i++, dst->nseg++) {
		dst->seg[i] = src->seg[i];
		dst->seg[i].name = dup_or_null(src->seg[i].name, &failed);
	}
	for (i = 0; !failed && i < src->nchan; i++, dst->nchan++) {
		dst->chan[i] = src->chan[i];
		dst->chan[i].name = dup_or_null(src->chan[i].name, &failed);
	}
	for (i = 0; !failed && i < src->nset; i++, dst->nset++)
		dst->set_paths[i] = dup_or_null(src->set_paths[i], &failed);
	if (failed) {
		fwi_config_clear(dst);
		return FW_ENOMEM;
	}
	return FW_OK;
}

int
fw_scenario_copy(const fw_scenario *sc, fw_scenario **out)
{
	fw_scenario *c;
	int failed = 0;
	size_t v;

	if (out == NULL)
		return FW_EINVALID;
	*out = NULL;
	if (sc == NULL)
		return FW_EINVALID;
	if ((c = calloc(1, sizeof(*c))) == NULL)
		return FW_ENOMEM;
	*c = *sc;
	c->override = NULL;
	c->noverride = 0;
	c->file = dup_or_null(sc->file, &failed);
	c->name = dup_or_null(sc->name, &failed);
	c->calibration = dup_or_null(sc->calibration, &failed);
	c->calibration_path = dup_or_null(sc->calibration_path, &failed);
	c->nconfig = 0;
	c->config = calloc(sc->nconfig, sizeof(fw_config));
	if (c->config == NULL || fwi_overrides_copy(c, sc) != FW_OK)
		failed = 1;
	if (fwi_copula_clone(&c->copula, &sc->copula) != FW_OK)
		failed = 1;
	if (voi_groups_clone(c, sc) != FW_OK)
		failed = 1;
	for (v = 0; !failed && v < sc->nconfig; v++, c->nconfig++)
		if (fwi_config_clone(&c->config[v], &sc->config[v]) != FW_OK)
			failed = 1;
	if (failed) {
		fw_scenario_free(c);
		return FW_ENOMEM;
	}
	*out = c;
	return FW_OK;
}

int
fw_scenario_warmup(const fw_scenario *sc)
{
	return sc != NULL ? (int)sc->warmup.value : 0;
}

int
fw_scenario_variant_start(const fw_scenario *sc, size_t v)
{
	return sc != NULL && v < sc->nconfig ? fwi_config_start(&sc->config[v]) : 0;
}

int
fw_scenario_variant_ramp(const fw_scenario *sc, size_t v)
{
	return sc != NULL && v < sc->nconfig ? fwi_config_ramp(&sc->config[v]) : 0;
}

size_t
fw_scenario_voi_group_count(const fw_scenario *sc)
{
	return sc != NULL ? sc->nvoi_group : 0;
}

size_t
fw_scenario_voi_group_size(const fw_scenario *sc, size_t g)
{
	return sc != NULL && g < sc->nvoi_group ? sc->voi_group[g].n : 0;
}

const char *
fw_scenario_voi_group_path(const fw_scenario *sc, size_t g, size_t k)
{
	return sc != NULL && g < sc->nvoi_group && k < sc->voi_group[g].n ?
	    sc->voi_group[g].path[k] : NULL;
}
