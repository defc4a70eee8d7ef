/* describe.c - the resolved scenario written back as YAML: every value,
 * defaults marked, and each variant as its changes to the baseline.
 * SPDX-License-Identifier: MIT */
#include "config.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "scenario.h"

/* Writes s as a double-quoted YAML string. */
static void
put_quoted(FILE *out, const char *s)
{
	fputc('"', out);
	for (; *s; s++) {
		if (*s == '"' || *s == '\\')
			fprintf(out, "\\%c", *s);
		else if ((unsigned char)*s < 0x20)
			fprintf(out, "\\x%02x", (unsigned char)*s);
		else
			fputc(*s, out);
	}
	fputc('"', out);
}

/* Writes s as a mapping key: plain when YAML reads it back as it is,
 * else quoted (a variant named "!a" or "a: b" is a name, not a tag or a
 * value). */
static void
put_key(FILE *out, const char *s)
{
	const char *p;

	for (p = s; *p; p++)
		if (!isalnum((unsigned char)*p) && strchr("_-./ ", *p) == NULL)
			break;
	if (*s != '\0' && *p == '\0')
		fputs(s, out);
	else
		put_quoted(out, s);
}

static void
put_num(FILE *out, int indent, const char *name, const fw_num *n)
{
	char buf[200];

	fwi_num_format(n, buf, sizeof(buf));
	fprintf(out, "%*s%s: %s%s\n", indent, "", name, buf,
	    n->line == 0 ? "  # default" : "");
}

/* Writes ", key: value" for each numeric key of a channel, then "}". */
static void
put_channel_inline(FILE *out, const fw_channel *c)
{
	char buf[200];
	int i;

	for (i = 0; i < FW_NCHANNEL; i++) {
		const fw_key *k = fwi_key_channel(i);
		if (k->type == FW_TYPE_STR)
			continue;
		fwi_num_format(&c->v[i], buf, sizeof(buf));
		fprintf(out, ", %s: %s", k->name, buf);
	}
	fputs("}", out);
}

static void
put_baseline(FILE *out, const fw_config *c)
{
	const char *section = NULL;
	size_t i, j;
	int k;

	for (i = 0; i < fwi_nkeys; i++) {
		const fw_key *key = &fwi_keys[i];
		if (key->scope != FW_SCOPE_GLOBAL)
			continue;
		if (section == NULL || strcmp(section, key->section) != 0) {
			section = key->section;
			fprintf(out, "%s:\n", section);
		}
		put_num(out, 2, key->name, &c->g[key->id]);
	}
	fputs("segments:\n", out);
	for (i = 0; i < c->nseg; i++) {
		const fw_segment *s = &c->seg[i];
		const char *sep = "";
		fputs("  - name: ", out);
		put_quoted(out, s->name);
		fputc('\n', out);
		for (k = 0; k < FW_NSEGMENT; k++) {
			const fw_key *key = fwi_key_segment(k);
			if (key->type == FW_TYPE_REAL ||
			    key->type == FW_TYPE_INT)
				put_num(out, 4, key->name, &s->v[k]);
		}
		fputs("    initial: {", out);
		for (k = 0; k < FW_NSTATE; k++) {
			char v[40];
			if (s->initial[k] == 0)
				continue;
			fw_format_real(s->initial[k], v, sizeof(v));
			fprintf(out, "%s%s: %s", sep, fwi_state_names[k], v);
			sep = ", ";
		}
		fprintf(out, "}%s\n", s->initial_given ? "" : "  # default");
	}
	fprintf(out, "channels:%s\n", c->nchan ? "" : " []  # default");
	for (j = 0; j < c->nchan; j++) {
		fputs("  - name: ", out);
		put_quoted(out, c->chan[j].name);
		fputc('\n', out);
		for (k = 0; k < FW_NCHANNEL; k++) {
			const fw_key *key = fwi_key_channel(k);
			if (key->type != FW_TYPE_STR)
				put_num(out, 4, key->name, &c->chan[j].v[k]);
		}
	}
}

/* What a variant changes against the baseline, one call per change:
 * a value set (channel NULL), or a channel removed or added. */
enum change_kind { CHANGE_SET, CHANGE_REMOVE, CHANGE_ADD };
typedef void (*change_fn)(void *ctx, enum change_kind kind,
    const char *path, const fw_num *from, const fw_num *to,
    const fw_channel *channel);

/* Calls fn for every change of v against b: values key by key, then
 * channels removed, then channels added. */
static void
walk_changes(const fw_config *b, const fw_config *v, change_fn fn, void *ctx)
{
	char path[512];
	size_t i;
	int k, e;

	for (i = 0; i < fwi_nkeys; i++) {
		const fw_key *key = &fwi_keys[i];
		if (key->scope != FW_SCOPE_GLOBAL ||
		    fwi_num_equal(&b->g[key->id], &v->g[key->id]))
			continue;
		snprintf(path, sizeof(path), "%s.%s", key->section, key->name);
		fn(ctx, CHANGE_SET, path, &b->g[key->id], &v->g[key->id], NULL);
	}
	for (i = 0; i < b->nseg; i++)
		for (k = 0; k < FW_NSEGMENT; k++) {
			if (fwi_num_equal(&b->seg[i].v[k], &v->seg[i].v[k]))
				continue;
			snprintf(path, sizeof(path), "segments.%s.%s",
			    b->seg[i].name, fwi_key_segment(k)->name);
			fn(ctx, CHANGE_SET, path, &b->seg[i].v[k],
			    &v->seg[i].v[k], NULL);
		}
	for (i = 0; i < b->nchan; i++) {
		if ((e = fwi_config_find_channel(v, b->chan[i].name)) < 0)
			continue;
		for (k = 0; k < FW_NCHANNEL; k++) {
			if (fwi_num_equal(&b->chan[i].v[k], &v->chan[e].v[k]))
				continue;
			snprintf(path, sizeof(path), "channels.%s.%s",
			    b->chan[i].name, fwi_key_channel(k)->name);
			fn(ctx, CHANGE_SET, path, &b->chan[i].v[k],
			    &v->chan[e].v[k], NULL);
		}
	}
	for (i = 0; i < b->nchan; i++)
		if (fwi_config_find_channel(v, b->chan[i].name) < 0) {
			snprintf(path, sizeof(path), "channels.%s",
			    b->chan[i].name);
			fn(ctx, CHANGE_REMOVE, path, NULL, NULL, &b->chan[i]);
		}
	for (i = 0; i < v->nchan; i++)
		if (fwi_config_find_channel(b, v->chan[i].name) < 0) {
			snprintf(path, sizeof(path), "channels.%s",
			    v->chan[i].name);
			fn(ctx, CHANGE_ADD, path, NULL, NULL, &v->chan[i]);
		}
}

/* Writing a variant's changes in the file's own form. */
typedef struct yaml_changes {
	FILE *out;
	enum change_kind kind;	/* the kind being written */
	int count;
} yaml_changes;

static void
put_change(void *ctx, enum change_kind kind, const char *path,
    const fw_num *from, const fw_num *to, const fw_channel *channel)
{
	yaml_changes *y = ctx;
	char a[200], b[200];

	if (kind != y->kind)
		return;
	if (kind == CHANGE_SET) {
		fwi_num_format(from, a, sizeof(a));
		fwi_num_format(to, b, sizeof(b));
		if (y->count++ == 0)
			fputs("    set:\n", y->out);
		fputs("      ", y->out);
		put_key(y->out, path);
		fprintf(y->out, ": %s  # baseline %s\n", b, a);
	} else if (kind == CHANGE_REMOVE) {
		fputs(y->count++ ? ", " : "    remove_channels: [", y->out);
		put_quoted(y->out, channel->name);
	} else {
		if (y->count++ == 0)
			fputs("    add_channels:\n", y->out);
		fputs("      - {name: ", y->out);
		put_quoted(y->out, channel->name);
		put_channel_inline(y->out, channel);
		fputc('\n', y->out);
	}
}

/* Writes variant v as the changes to the baseline b that produce it, in
 * the file's own form: set (key by key), remove_channels, add_channels. */
static void
put_variant(FILE *out, const fw_config *b, const fw_config *v)
{
	yaml_changes y = { out, CHANGE_SET, 0 };
	int total;

	fputs("  ", out);
	put_key(out, v->name);
	fputs(":\n", out);
	if (v->description != NULL) {
		fputs("    description: ", out);
		put_quoted(out, v->description);
		fputc('\n', out);
	}
	if (v->label != NULL) {
		fputs("    label: ", out);
		put_quoted(out, v->label);
		fputc('\n', out);
	}
	if (v->colour != NULL)
		fprintf(out, "    colour: \"%s\"\n", v->colour);
	put_num(out, 4, "start_month", &v->start_month);
	put_num(out, 4, "ramp_months", &v->ramp_months);
	walk_changes(b, v, put_change, &y);
	total = y.count;
	y.kind = CHANGE_REMOVE;
	y.count = 0;
	walk_changes(b, v, put_change, &y);
	if (y.count)
		fputs("]\n", out);
	total += y.count;
	y.kind = CHANGE_ADD;
	y.count = 0;
	walk_changes(b, v, put_change, &y);
	if (total + y.count == 0)
		fputs("    # no changes: identical to the baseline\n", out);
}

/* Finding change number `want` of a variant. */
typedef struct change_at {
	size_t want, seen;
	fw_change *out;
} change_at;

static void
take_change(void *ctx, enum change_kind kind, const char *path,
    const fw_num *from, const fw_num *to, const fw_channel *channel)
{
	change_at *c = ctx;

	(void)channel;
	if (c->seen++ != c->want || c->out == NULL)
		return;
	snprintf(c->out->path, sizeof(c->out->path), "%s", path);
	c->out->from[0] = c->out->to[0] = '\0';
	if (kind == CHANGE_SET) {
		fwi_num_format(from, c->out->from, sizeof(c->out->from));
		fwi_num_format(to, c->out->to, sizeof(c->out->to));
	} else
		snprintf(c->out->to, sizeof(c->out->to), "%s",
		    kind == CHANGE_ADD ? "added" : "removed");
}

size_t
fw_scenario_change_count(const fw_scenario *sc, size_t v)
{
	change_at c = { (size_t)-1, 0, NULL };

	if (sc == NULL || v == 0 || v >= sc->nconfig)
		return 0;
	walk_changes(&sc->config[0], &sc->config[v], take_change, &c);
	return c.seen;
}

int
fw_scenario_change(const fw_scenario *sc, size_t v, size_t i,
    fw_change *out)
{
	change_at c = { i, 0, out };

	if (sc == NULL || out == NULL || v == 0 || v >= sc->nconfig)
		return FW_EINVALID;
	walk_changes(&sc->config[0], &sc->config[v], take_change, &c);
	return i < c.seen ? FW_OK : FW_EINVALID;
}

static void
put_correlations(FILE *out, const fw_scenario *sc)
{
	const fw_copula *c = &sc->copula;
	char r[40];
	size_t i;
	int started = 0;

	for (i = 0; i < c->npair; i++) {
		/* a pair whose input --set or a sweep made a fixed number has
		 * nothing left to join */
		if (fwi_scenario_uncertain(sc, c->pair[i].a) != 1 ||
		    fwi_scenario_uncertain(sc, c->pair[i].b) != 1)
			continue;
		if (!started++)
			fputs("correlations:\n", out);
		fw_format_real(c->pair[i].rank, r, sizeof(r));
		fputs("  - {between: [", out);
		put_quoted(out, c->pair[i].a);
		fputs(", ", out);
		put_quoted(out, c->pair[i].b);
		fprintf(out, "], rank: %s}\n", r);
	}
}

static void
put_report(FILE *out, const fw_scenario *sc)
{
	size_t i, k;

	if (!sc->report_leakage && sc->nvoi_group == 0)
		return;
	fputs("report:\n", out);
	if (sc->report_leakage)
		fputs("  leakage: true\n", out);
	if (sc->nvoi_group > 0)
		fputs("  voi_groups:\n", out);
	for (i = 0; i < sc->nvoi_group; i++) {
		fputs("    - [", out);
		for (k = 0; k < sc->voi_group[i].n; k++) {
			fputs(k ? ", " : "", out);
			put_quoted(out, sc->voi_group[i].path[k]);
		}
		fputs("]\n", out);
	}
}

char *
fw_scenario_yaml(const fw_scenario *sc)
{
	char *text = NULL;
	size_t len = 0, v;
	FILE *out;

	if (sc == NULL || (out = open_memstream(&text, &len)) == NULL)
		return NULL;
	fputs("name: ", out);
	put_quoted(out, sc->name);
	fputc('\n', out);
	fprintf(out, "model: flywheel/1%s\n", sc->model_given ? "" :
	    "  # default");
	fprintf(out, "horizon_months: %d\n", sc->horizon);
	fprintf(out, "replications: %llu\n",
	    (unsigned long long)sc->replications);
	fprintf(out, "seed: %llu%s\n", (unsigned long long)sc->seed,
	    sc->seed_given ? "" : "  # default");
	put_num(out, 0, "warmup_months", &sc->warmup);
	put_baseline(out, &sc->config[0]);
	fprintf(out, "variants:%s\n", sc->nconfig > 1 ? "" :
	    " {}  # none: the baseline only");
	for (v = 1; v < sc->nconfig; v++)
		put_variant(out, &sc->config[0], &sc->config[v]);
	put_correlations(out, sc);
	/* a request of the file's for its run, not a value of the model */
	put_report(out, sc);
	/* where the values came from, for the run's board pack */
	if (sc->calibration != NULL) {
		fputs("calibration: ", out);
		put_quoted(out, sc->calibration);
		fputc('\n', out);
	}
	if (ferror(out) | fclose(out)) {
		free(text);
		return NULL;
	}
	return text;
}
