/* variant.c - variants: the baseline with `set`, `remove_channels`,
 * `add_channels` and `program_cost` applied in that order (MODEL.md §2).
 * SPDX-License-Identifier: MIT */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "read.h"

/* Finds the element whose name, followed by '.', starts rest; the longest
 * such name wins so that names containing dots still resolve. */
static int
match_name(const char *rest, const char *const *names, size_t n,
    size_t *len)
{
	size_t i, best_len = 0;
	int best = -1;

	for (i = 0; i < n; i++) {
		size_t l = strlen(names[i]);
		if (strncmp(rest, names[i], l) == 0 && rest[l] == '.' &&
		    l >= best_len) {
			best = (int)i;
			best_len = l;
		}
	}
	*len = best_len;
	return best;
}

fw_num *
fwi_config_slot(fw_config *c, const char *dotted, const fw_key **key,
    int *channel)
{
	const char *names[256];
	const fw_key *k;
	size_t i, n, len;
	int e;

	*key = NULL;
	*channel = -1;
	if (strncmp(dotted, "segments.", 9) == 0) {
		for (n = 0; n < c->nseg && n < 256; n++)
			names[n] = c->seg[n].name;
		if ((e = match_name(dotted + 9, names, n, &len)) < 0)
			return NULL;
		k = fwi_key_find(FW_SCOPE_SEGMENT, NULL, dotted + 9 + len + 1);
		if (k == NULL || k->type == FW_TYPE_STR ||
		    k->type == FW_TYPE_MAP)
			return NULL;
		*key = k;
		return &c->seg[e].v[k->id];
	}
	if (strncmp(dotted, "channels.", 9) == 0) {
		for (n = 0; n < c->nchan && n < 256; n++)
			names[n] = c->chan[n].name;
		if ((e = match_name(dotted + 9, names, n, &len)) < 0)
			return NULL;
		k = fwi_key_find(FW_SCOPE_CHANNEL, NULL, dotted + 9 + len + 1);
		if (k == NULL || k->type == FW_TYPE_STR)
			return NULL;
		*key = k;
		*channel = e;
		return &c->chan[e].v[k->id];
	}
	for (i = 0; i < fwi_nkeys; i++) {
		k = &fwi_keys[i];
		len = strlen(k->section);
		if (k->scope == FW_SCOPE_GLOBAL &&
		    strncmp(dotted, k->section, len) == 0 &&
		    dotted[len] == '.' && strcmp(dotted + len + 1, k->name) == 0) {
			*key = k;
			return &c->g[k->id];
		}
	}
	return NULL;
}

/* Every path `set` accepts for c, for suggestions; the caller frees. */
static char **
settable_paths(const fw_config *c, size_t *n)
{
	size_t i, j, cap = fwi_nkeys * (c->nseg + c->nchan + 1), used = 0;
	char **v = calloc(cap, sizeof(char *)), buf[512];

	for (i = 0; v != NULL && i < fwi_nkeys; i++) {
		const fw_key *k = &fwi_keys[i];
		if (k->type != FW_TYPE_REAL && k->type != FW_TYPE_INT)
			continue;
		if (k->scope == FW_SCOPE_GLOBAL) {
			snprintf(buf, sizeof(buf), "%s.%s", k->section,
			    k->name);
			v[used++] = strdup(buf);
		}
		for (j = 0; k->scope == FW_SCOPE_SEGMENT && j < c->nseg; j++) {
			snprintf(buf, sizeof(buf), "segments.%s.%s",
			    c->seg[j].name, k->name);
			v[used++] = strdup(buf);
		}
		for (j = 0; k->scope == FW_SCOPE_CHANNEL && j < c->nchan; j++) {
			snprintf(buf, sizeof(buf), "channels.%s.%s",
			    c->chan[j].name, k->name);
			v[used++] = strdup(buf);
		}
	}
	*n = used;
	return v;
}

/* "no such key to set" with the closest settable path, into msg. */
static void
no_such_key(const fw_config *c, const char *dotted, char *msg, size_t size)
{
	size_t n, i;
	char **all = settable_paths(c, &n);
	const char *best = all ? fw_suggest(dotted, (const char *const *)all,
	    n) : NULL;

	if (best != NULL)
		snprintf(msg, size, "no such key to set (did you mean '%s'?)",
		    best);
	else
		snprintf(msg, size, "no such key to set; write section.key, "
		    "segments.NAME.key or channels.NAME.key");
	for (i = 0; all != NULL && i < n; i++)
		free(all[i]);
	free(all);
}

int
fwi_config_set(fw_yaml *y, fw_config *c, const char *dotted,
    yaml_node_t *value, yaml_node_t *keynode, const char *path)
{
	const fw_key *k;
	int channel, rc;
	fw_num *slot = fwi_config_slot(c, dotted, &k, &channel), old;
	char msg[600];

	if (slot == NULL) {
		no_such_key(c, dotted, msg, sizeof(msg));
		return fwi_yaml_fail(y, keynode, path, "%s", msg);
	}
	old = *slot;
	if ((rc = fwi_read_num(y, value, path, k, slot)) == FW_OK &&
	    channel >= 0)
		rc = fwi_check_channel_shares(y, value, path,
		    &c->chan[channel]);
	if (rc == FW_OK && fwi_config_total_problem(c, msg, sizeof(msg)) !=
	    FW_OVER_NONE)
		rc = fwi_yaml_fail(y, value, path, "%s", msg);
	if (rc != FW_OK)
		*slot = old;
	return rc;
}

int
fwi_config_set_number(fw_config *c, const char *path, double x,
    fw_error *err)
{
	const fw_key *k;
	int channel;
	fw_num *slot = fwi_config_slot(c, path, &k, &channel), old;
	char msg[600], got[40];

	if (slot == NULL) {
		no_such_key(c, path, msg, sizeof(msg));
		fw_error_set(err, FW_EINVALID, "", 0, 0, path, "%s", msg);
		return FW_EINVALID;
	}
	if (!isfinite(x) || !fwi_key_in_range(k, x) ||
	    (k->type == FW_TYPE_INT && x != floor(x))) {
		fw_format_real(x, got, sizeof(got));
		fwi_key_refusal(k, x, got, msg, sizeof(msg));
		fw_error_set(err, FW_EINVALID, "", 0, 0, path, "%s", msg);
		return FW_EINVALID;
	}
	old = *slot;
	/* line -1: set by a program, neither written in the file nor a
	 * default */
	*slot = (fw_num){ .value = x, .line = -1 };
	if ((channel >= 0 && fwi_channel_shares_problem(&c->chan[channel],
	    msg, sizeof(msg))) || fwi_config_total_problem(c, msg,
	    sizeof(msg)) != FW_OVER_NONE) {
		*slot = old;
		fw_error_set(err, FW_EINVALID, "", 0, 0, path, "%s", msg);
		return FW_EINVALID;
	}
	return FW_OK;
}

static int
record_set_path(fw_yaml *y, fw_config *c, const char *dotted)
{
	char **grown = realloc(c->set_paths, (c->nset + 1) * sizeof(char *));

	if (grown == NULL || (grown[c->nset] = strdup(dotted)) == NULL) {
		if (grown != NULL)
			c->set_paths = grown;
		return fwi_yaml_nomem(y);
	}
	c->set_paths = grown;
	c->nset++;
	return FW_OK;
}

int
fwi_config_hcps_differ(const fw_config *a, const fw_config *b)
{
	size_t i;

	for (i = 0; i < a->nseg && i < b->nseg; i++)
		if (a->seg[i].v[FW_S_HCPS].value != b->seg[i].v[FW_S_HCPS].value)
			return 1;
	return 0;
}

int
fwi_config_changes_midway(const fw_scenario *sc, const fw_config *c)
{
	return sc->warmup.value > 0 || fwi_config_start(c) > 1 ||
	    fwi_config_ramp(c) > 0;
}

static int
apply_set(fw_yaml *y, const fw_scenario *sc, fw_config *c, yaml_node_t *n,
    const char *path)
{
	fw_pairs pairs;
	char sub[512];
	size_t i;
	int rc;

	if ((rc = fwi_yaml_map(y, n, path, &pairs)) != FW_OK)
		return rc;
	for (i = 0; rc == FW_OK && i < pairs.n; i++) {
		const fw_pair *p = &pairs.v[i];
		fwi_path_key(sub, sizeof(sub), path, p->name);
		rc = fwi_config_set(y, c, p->name, p->value, p->key, sub);
		if (rc == FW_OK)
			rc = record_set_path(y, c, p->name);
		/* An HCP that appears or vanishes mid-run has no state. */
		if (rc == FW_OK && fwi_config_changes_midway(sc, c) &&
		    fwi_config_hcps_differ(c, &sc->config[0]))
			rc = fwi_yaml_fail(y, p->key, sub, "the number of HCPs "
			    "cannot change in a variant that follows a warm-up, "
			    "starts after month 1 or ramps");
	}
	free(pairs.v);
	return rc;
}

static int
apply_remove(fw_yaml *y, fw_config *c, yaml_node_t *n, const char *path)
{
	yaml_node_item_t *it;
	char sub[512];
	size_t i = 0;
	int rc, e;

	if ((rc = fwi_yaml_seq(y, n, path)) != FW_OK)
		return rc;
	for (it = n->data.sequence.items.start;
	    it < n->data.sequence.items.top; it++, i++) {
		yaml_node_t *item = fwi_yaml_node(y, *it);
		const char *name;
		fwi_path_index(sub, sizeof(sub), path, i);
		if ((rc = fwi_yaml_str(y, item, sub, &name)) != FW_OK)
			return rc;
		if ((e = fwi_config_find_channel(c, name)) < 0)
			return fwi_yaml_fail(y, item, sub, "no channel named "
			    "'%s' to remove", name);
		free(c->chan[e].name);
		memmove(&c->chan[e], &c->chan[e + 1],
		    (c->nchan - (size_t)e - 1) * sizeof(fw_channel));
		c->nchan--;
	}
	return FW_OK;
}

static int
apply_add(fw_yaml *y, fw_config *c, yaml_node_t *n, const char *path)
{
	yaml_node_item_t *it;
	char sub[512], namepath[600];
	size_t i = 0;
	int rc;

	if ((rc = fwi_yaml_seq(y, n, path)) != FW_OK)
		return rc;
	for (it = n->data.sequence.items.start;
	    it < n->data.sequence.items.top; it++, i++) {
		yaml_node_t *item = fwi_yaml_node(y, *it);
		fw_channel ch;
		fw_channel *grown;

		fwi_path_index(sub, sizeof(sub), path, i);
		if ((rc = fwi_read_channel(y, item, sub, &ch)) != FW_OK) {
			free(ch.name);
			return rc;
		}
		if (fwi_config_find_channel(c, ch.name) >= 0) {
			fwi_path_key(namepath, sizeof(namepath), sub, "name");
			rc = fwi_yaml_fail(y, item, namepath, "channel '%s' "
			    "already exists (change it with set, or remove it "
			    "first)", ch.name);
			free(ch.name);
			return rc;
		}
		grown = realloc(c->chan, (c->nchan + 1) * sizeof(fw_channel));
		if (grown == NULL) {
			free(ch.name);
			return fwi_yaml_nomem(y);
		}
		c->chan = grown;
		c->chan[c->nchan++] = ch;
	}
	return FW_OK;
}

static int
apply_program_cost(fw_yaml *y, fw_config *c, yaml_node_t *n,
    const char *path)
{
	static const char *const names[] = { "upfront", "monthly" };
	fw_pairs pairs;
	char sub[512];
	size_t i;
	int rc;

	c->g[FW_G_UPFRONT] = (fw_num){ .value = 0 };
	c->g[FW_G_MONTHLY] = (fw_num){ .value = 0 };
	c->own_program_cost = 1;
	if ((rc = fwi_yaml_map(y, n, path, &pairs)) != FW_OK)
		return rc;
	for (i = 0; rc == FW_OK && i < pairs.n; i++) {
		const fw_pair *p = &pairs.v[i];
		const fw_key *k = fwi_key_find(FW_SCOPE_GLOBAL, "program_cost",
		    p->name);
		if (k == NULL) {
			rc = fwi_yaml_unknown(y, p, path, names, 2);
			break;
		}
		fwi_path_key(sub, sizeof(sub), path, p->name);
		rc = fwi_read_num(y, p->value, sub, k, &c->g[k->id]);
	}
	free(pairs.v);
	return rc;
}


/* Characters (UTF-8 code points) of s. */
static size_t
chars_of(const char *s)
{
	size_t n = 0;

	for (; *s; s++)
		n += ((unsigned char)*s & 0xc0) != 0x80;
	return n;
}

/* label: a name as a segment's or channel's is (printable, no formula
 * start), of at most the key's hi characters: it is read in titles. */
static int
read_label(fw_yaml *y, yaml_node_t *n, const char *path, fw_config *out)
{
	const fw_key *k = fwi_key_find(FW_SCOPE_VARIANT, NULL, "label");
	const char *text, *problem;
	char sub[512];
	int rc;

	fwi_path_key(sub, sizeof(sub), path, "label");
	if ((rc = fwi_yaml_str(y, n, sub, &text)) != FW_OK)
		return rc;
	problem = fwi_name_problem(text);
	if (problem == NULL && chars_of(text) > (size_t)k->hi)
		return fwi_yaml_fail(y, n, sub, "a label has at most %.0f "
		    "characters (this one has %zu): %s", k->hi, chars_of(text),
		    k->why);
	if (problem != NULL)
		return fwi_yaml_fail(y, n, sub, "%s", problem);
	if ((out->label = strdup(text)) == NULL)
		return fwi_yaml_nomem(y);
	return FW_OK;
}

/* colour: "#RRGGBB", six hexadecimal digits. */
static int
read_colour(fw_yaml *y, yaml_node_t *n, const char *path, fw_config *out)
{
	const char *text;
	char sub[512];
	size_t i;
	int rc;

	fwi_path_key(sub, sizeof(sub), path, "colour");
	if ((rc = fwi_yaml_str(y, n, sub, &text)) != FW_OK)
		return rc;
	for (i = 1; text[0] == '#' && i < 7; i++)
		if (!((text[i] >= '0' && text[i] <= '9') ||
		    (text[i] >= 'a' && text[i] <= 'f') ||
		    (text[i] >= 'A' && text[i] <= 'F')))
			break;
	if (i != 7 || text[7] != '\0')
		return fwi_yaml_fail(y, n, sub, "a colour is written #RRGGBB, "
		    "six hexadecimal digits (in quotes: YAML takes # for a "
		    "comment), e.g. \"#0072B2\"; '%s' is not", text);
	if ((out->colour = strdup(text)) == NULL)
		return fwi_yaml_nomem(y);
	return FW_OK;
}

/* Reads start_month (within the horizon) and ramp_months, or their
 * defaults. */
static int
read_timing(fw_yaml *y, const fw_scenario *sc, yaml_node_t *start,
    yaml_node_t *ramp, const char *path, fw_config *out)
{
	const fw_key *ks = fwi_key_find(FW_SCOPE_VARIANT, NULL, "start_month");
	const fw_key *kr = fwi_key_find(FW_SCOPE_VARIANT, NULL, "ramp_months");
	fw_key any_month = *ks;
	char sub[512];
	int rc;

	out->start_month = (fw_num){ .value = ks->def };
	out->ramp_months = (fw_num){ .value = kr->def };
	fwi_path_key(sub, sizeof(sub), path, "start_month");
	if (start != NULL) {
		/* Any whole number here; the horizon bounds it below. */
		any_month.lo = -2147483648.0;
		any_month.hi = 2147483647.0;
		if ((rc = fwi_read_num(y, start, sub, &any_month,
		    &out->start_month)) != FW_OK)
			return rc;
		if (out->start_month.value < 1 ||
		    out->start_month.value > sc->horizon)
			return fwi_yaml_fail(y, start, sub, "must be a month of "
			    "the horizon, from 1 to horizon_months = %d (got %s)",
			    sc->horizon, (const char *)start->data.scalar.value);
	}
	fwi_path_key(sub, sizeof(sub), path, "ramp_months");
	if (ramp != NULL)
		return fwi_read_num(y, ramp, sub, kr, &out->ramp_months);
	return FW_OK;
}

int
fwi_variant_build(fw_yaml *y, const fw_scenario *sc, const char *name,
    yaml_node_t *n, const char *path, fw_config *out)
{
	yaml_node_t *part[FW_NVARIANT_KEYS] = { NULL };
	const char *names[FW_NVARIANT_KEYS];
	fw_pairs pairs;
	char sub[512];
	size_t i, j;
	int rc;

	memset(out, 0, sizeof(*out));
	if (n->type == YAML_SCALAR_NODE && n->data.scalar.length == 0) {
		pairs.n = 0;
		pairs.v = NULL;
	} else if ((rc = fwi_yaml_map(y, n, path, &pairs)) != FW_OK)
		return rc;
	fwi_key_names(FW_SCOPE_VARIANT, names, FW_NVARIANT_KEYS);
	for (i = 0; i < pairs.n; i++) {
		if ((rc = fwi_yaml_choose(y, &pairs.v[i], path, names,
		    FW_NVARIANT_KEYS, &j)) != FW_OK) {
			free(pairs.v);
			return rc;
		}
		part[j] = pairs.v[i].value;
	}
	free(pairs.v);
	if (fwi_config_copy(out, &sc->config[0], name) != FW_OK)
		return fwi_yaml_nomem(y);
	rc = read_timing(y, sc, part[FW_V_START_MONTH], part[FW_V_RAMP_MONTHS],
	    path, out);
	if (rc == FW_OK && part[FW_V_DESCRIPTION] != NULL) {
		const char *text;
		fwi_path_key(sub, sizeof(sub), path, "description");
		rc = fwi_yaml_str(y, part[FW_V_DESCRIPTION], sub, &text);
		if (rc == FW_OK && fwi_text_problem(text) != NULL)
			rc = fwi_yaml_fail(y, part[FW_V_DESCRIPTION], sub, "%s",
			    fwi_text_problem(text));
		if (rc == FW_OK && (out->description = strdup(text)) == NULL)
			rc = fwi_yaml_nomem(y);
	}
	if (rc == FW_OK && part[FW_V_LABEL] != NULL)
		rc = read_label(y, part[FW_V_LABEL], path, out);
	if (rc == FW_OK && part[FW_V_COLOUR] != NULL)
		rc = read_colour(y, part[FW_V_COLOUR], path, out);
	fwi_path_key(sub, sizeof(sub), path, "set");
	if (rc == FW_OK && part[FW_V_SET] != NULL)
		rc = apply_set(y, sc, out, part[FW_V_SET], sub);
	fwi_path_key(sub, sizeof(sub), path, "remove_channels");
	if (rc == FW_OK && part[FW_V_REMOVE_CHANNELS] != NULL)
		rc = apply_remove(y, out, part[FW_V_REMOVE_CHANNELS], sub);
	fwi_path_key(sub, sizeof(sub), path, "add_channels");
	if (rc == FW_OK && part[FW_V_ADD_CHANNELS] != NULL)
		rc = apply_add(y, out, part[FW_V_ADD_CHANNELS], sub);
	fwi_path_key(sub, sizeof(sub), path, "program_cost");
	if (rc == FW_OK && part[FW_V_PROGRAM_COST] != NULL)
		rc = apply_program_cost(y, out, part[FW_V_PROGRAM_COST], sub);
	if (rc != FW_OK)
		fwi_config_clear(out);
	return rc;
}
