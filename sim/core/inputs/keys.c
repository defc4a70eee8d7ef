/* keys.c - the table of keys and lookups in it.
 * SPDX-License-Identifier: MIT */
#include "config.h"

#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include "flywheel.h"
#include "keys.h"

const fw_key fwi_keys[] = {
#define FW_KEY(in, slot, ...) \
	{ .scope = FW_SCOPE_##in, .id = FW_ID_##in(slot), __VA_ARGS__ },
#define FW_ID_TOP(id) FW_TOP_##id
#define FW_ID_GLOBAL(id) FW_G_##id
#define FW_ID_SEGMENT(id) FW_S_##id
#define FW_ID_CHANNEL(id) FW_C_##id
#define FW_ID_VARIANT(id) FW_V_##id
#define FW_ID_SWEEP(id) FW_SW_##id
#define FW_ID_SWEEP_PARAM(id) FW_SP_##id
#define FW_ID_SWEEP_METRIC(id) FW_SM_##id
#define FW_ID_REPORT(id) FW_R_##id
#define FW_ID_CALIBRATION(id) FW_CA_##id
#define FW_ID_CAL_PARAM(id) FW_CP_##id
#define FW_ID_CAL_TARGET(id) FW_CT_##id
#include "keys.def"
#undef FW_KEY
};
const size_t fwi_nkeys = sizeof(fwi_keys) / sizeof(fwi_keys[0]);
_Static_assert(sizeof(fwi_keys) / sizeof(fwi_keys[0]) <= FW_MAX_KEYS,
    "FW_MAX_KEYS holds every key");

size_t
fwi_key_names(enum fw_scope scope, const char **names, size_t max)
{
	size_t i, n = 0;

	for (i = 0; i < fwi_nkeys && n < max; i++)
		if (fwi_keys[i].scope == scope)
			names[n++] = fwi_keys[i].name;
	return n;
}

size_t
fwi_key_sections(const char **names, size_t max)
{
	size_t i, j, n = 0;

	for (i = 0; i < fwi_nkeys; i++) {
		if (fwi_keys[i].scope != FW_SCOPE_GLOBAL)
			continue;
		for (j = 0; j < n && strcmp(names[j], fwi_keys[i].section); j++)
			;
		if (j == n && n < max)
			names[n++] = fwi_keys[i].section;
	}
	return n;
}

int
fwi_key_in_sweep(const fw_key *k)
{
	return k->scope == FW_SCOPE_SWEEP || k->scope == FW_SCOPE_SWEEP_PARAM ||
	    k->scope == FW_SCOPE_SWEEP_METRIC;
}

int
fwi_key_in_calibration(const fw_key *k)
{
	return k->scope == FW_SCOPE_CALIBRATION ||
	    k->scope == FW_SCOPE_CAL_PARAM || k->scope == FW_SCOPE_CAL_TARGET;
}

const fw_key *
fwi_key_find(enum fw_scope scope, const char *section, const char *name)
{
	size_t i;

	for (i = 0; i < fwi_nkeys; i++) {
		const fw_key *k = &fwi_keys[i];
		if (k->scope == scope && strcmp(k->name, name) == 0 &&
		    (section == NULL || strcmp(k->section, section) == 0))
			return k;
	}
	return NULL;
}

static const fw_key *
key_by_id(enum fw_scope scope, int id)
{
	size_t i;

	for (i = 0; i < fwi_nkeys; i++)
		if (fwi_keys[i].scope == scope && fwi_keys[i].id == id)
			return &fwi_keys[i];
	return NULL;
}

const fw_key *
fwi_key_global(int id)
{
	return key_by_id(FW_SCOPE_GLOBAL, id);
}

const fw_key *
fwi_key_segment(int id)
{
	return key_by_id(FW_SCOPE_SEGMENT, id);
}

const fw_key *
fwi_key_channel(int id)
{
	return key_by_id(FW_SCOPE_CHANNEL, id);
}

int
fwi_key_in_range(const fw_key *k, double x)
{
	if (x < k->lo || x > k->hi)
		return 0;
	if (k->lo_open && x == k->lo)
		return 0;
	if (k->hi_open && x == k->hi)
		return 0;
	return 1;
}

void
fwi_key_range_text(const fw_key *k, char *buf, size_t size)
{
	char lo[40], hi[40];

	switch (k->type) {
	case FW_TYPE_STR:
		snprintf(buf, size, "text");
		return;
	case FW_TYPE_MAP:
		snprintf(buf, size, "mapping");
		return;
	case FW_TYPE_LIST:
		snprintf(buf, size, "list");
		return;
	case FW_TYPE_BOOL:
		snprintf(buf, size, "true or false");
		return;
	default:
		break;
	}
	fw_format_real(k->lo, lo, sizeof(lo));
	fw_format_real(k->hi, hi, sizeof(hi));
	if (k->type == FW_TYPE_U64)
		snprintf(buf, size, "integer in 0..2^64-1");
	else if (k->type == FW_TYPE_INT)
		snprintf(buf, size, "integer in %s..%s", lo, hi);
	else if (k->hi == INF)
		snprintf(buf, size, "number %s %s",
		    k->lo_open ? ">" : ">=", lo);
	else
		snprintf(buf, size, "number in %s%s, %s%s",
		    k->lo_open ? "(" : "[", lo, hi,
		    k->hi_open ? ")" : "]");
}

void
fwi_key_refusal(const fw_key *k, double x, const char *got, char *buf,
    size_t size)
{
	char range[128], lo[40], hi[40];
	int n;

	if (k->type == FW_TYPE_INT) {
		fw_format_real(k->lo, lo, sizeof(lo));
		fw_format_real(k->hi, hi, sizeof(hi));
		snprintf(range, sizeof(range), "whole number from %s to %s",
		    lo, hi);
	} else
		fwi_key_range_text(k, range, sizeof(range));
	n = snprintf(buf, size, "must be a %s (got %s)", range, got);
	if (k->why != NULL && (x > k->hi || (k->why_lo && x < k->lo)) &&
	    n >= 0 && (size_t)n < size)
		snprintf(buf + n, size - (size_t)n, ": %s", k->why);
}

/* A key's full dotted name as listings print it: "friction.access",
 * "segments[].hcps", "horizon_months". */
static void
key_path(const fw_key *k, char *buf, size_t size)
{
	if (k->section[0] == '\0')
		snprintf(buf, size, "%s", k->name);
	else
		snprintf(buf, size, "%s.%s", k->section, k->name);
}

static char key_paths[FW_MAX_KEYS][96];

static void
fill_paths(void)
{
	size_t i;

	for (i = 0; i < fwi_nkeys; i++)
		key_path(&fwi_keys[i], key_paths[i], sizeof(key_paths[i]));
}

size_t
fw_key_count(void)
{
	return fwi_nkeys;
}

int
fw_key_get(size_t i, fw_key_info *out)
{
	static pthread_once_t once = PTHREAD_ONCE_INIT;
	static const enum fw_key_type types[] = {
		[FW_TYPE_STR] = FW_KEY_TEXT, [FW_TYPE_INT] = FW_KEY_INTEGER,
		[FW_TYPE_U64] = FW_KEY_INTEGER, [FW_TYPE_REAL] = FW_KEY_NUMBER,
		[FW_TYPE_MAP] = FW_KEY_MAPPING, [FW_TYPE_LIST] = FW_KEY_LIST,
		[FW_TYPE_BOOL] = FW_KEY_BOOLEAN,
	};
	const fw_key *k;

	if (i >= fwi_nkeys || out == NULL)
		return FW_EINVALID;
	pthread_once(&once, fill_paths);
	k = &fwi_keys[i];
	memset(out, 0, sizeof(*out));
	out->file = fwi_key_in_sweep(k) ? "sweep" :
	    fwi_key_in_calibration(k) ? "calibration" : "scenario";
	out->path = key_paths[i];
	out->type = types[k->type];
	out->lo = k->lo;
	out->hi = k->hi;
	out->lo_open = k->lo_open;
	out->hi_open = k->hi_open;
	out->required = k->required;
	out->has_default = !k->required && k->def_text == NULL &&
	    (k->type == FW_TYPE_INT || k->type == FW_TYPE_U64 ||
	    k->type == FW_TYPE_REAL);
	out->def_text = k->def_text;
	out->def = k->def;
	out->help = k->help;
	out->label = k->label ? k->label : k->name;
	out->unit = k->unit ? k->unit : "";
	return FW_OK;
}

const fw_key *
fwi_key_for_path(const char *path)
{
	const char *last = strrchr(path, '.');
	size_t i;

	if (strncmp(path, "segments", 8) == 0 && last != NULL)
		return fwi_key_find(FW_SCOPE_SEGMENT, NULL, last + 1);
	if (strncmp(path, "channels", 8) == 0 && last != NULL)
		return fwi_key_find(FW_SCOPE_CHANNEL, NULL, last + 1);
	if (strncmp(path, "variants.", 9) == 0 && last != NULL)
		return fwi_key_find(FW_SCOPE_VARIANT, NULL, last + 1);
	if (last == NULL)
		return fwi_key_find(FW_SCOPE_TOP, "", path);
	for (i = 0; i < fwi_nkeys; i++) {
		const fw_key *k = &fwi_keys[i];
		size_t len = strlen(k->section);
		if ((k->scope == FW_SCOPE_GLOBAL ||
		    k->scope == FW_SCOPE_REPORT) &&
		    len == (size_t)(last - path) &&
		    strncmp(path, k->section, len) == 0 &&
		    strcmp(last + 1, k->name) == 0)
			return k;
	}
	return NULL;
}

int
fw_key_lookup(const char *path, fw_key_info *out)
{
	const fw_key *k = path != NULL ? fwi_key_for_path(path) : NULL;

	return k == NULL ? FW_EINVALID : fw_key_get((size_t)(k - fwi_keys),
	    out);
}

void
fw_key_label(const char *path, char *buf, size_t size)
{
	const char *colon = path != NULL ? strchr(path, ':') : NULL;
	const char *p = colon != NULL ? colon + 1 : path;
	fw_key_info k;
	char where[128] = "";

	if (buf == NULL || size == 0)
		return;
	if (path == NULL) {
		buf[0] = '\0';
		return;
	}
	if (fw_key_lookup(p, &k) != FW_OK) {
		snprintf(buf, size, "%s", path);
		return;
	}
	/* segments.NAME.key, channels.NAME.key: say which one. */
	if (strncmp(p, "segments.", 9) == 0 || strncmp(p, "channels.", 9) == 0) {
		const char *name = strchr(p, '.') + 1;
		const char *end = strrchr(p, '.');
		if (end > name)
			snprintf(where, sizeof(where), " (%.*s)",
			    (int)(end - name), name);
	}
	if (p != path)
		snprintf(buf, size, "%s%s in %.*s", k.label, where,
		    (int)(p - path - 1), path);
	else
		snprintf(buf, size, "%s%s", k.label, where);
}

const char *
fw_key_limit(size_t i)
{
	return i < fwi_nkeys && fwi_keys[i].why != NULL ? fwi_keys[i].why :
	    "";
}

void
fw_key_range_text(size_t i, char *buf, size_t size)
{
	if (buf == NULL)
		return;
	if (i < fwi_nkeys)
		fwi_key_range_text(&fwi_keys[i], buf, size);
	else if (size > 0)
		buf[0] = '\0';
}
