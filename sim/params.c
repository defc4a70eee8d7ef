/* params.c - the table of scenario keys and its listings.
 * SPDX-License-Identifier: MIT */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "internal.h"

const fw_key fw_keys[] = {
#define FW_KEY(scope, id, sec, name, type, lo, hi, b, def, need, help) \
	{ FW_SCOPE_##scope, FW_ID_##scope(id), sec, name, FW_TYPE_##type, \
	  lo, hi, FW_BOUNDS_##b, def, FW_NEED_##need, help },
#define FW_ID_TOP(id) 0
#define FW_ID_VARIANT(id) 0
#define FW_ID_GLOBAL(id) FW_G_##id
#define FW_ID_SEGMENT(id) FW_S_##id
#define FW_ID_CHANNEL(id) FW_C_##id
#define FW_NEED_REQ 1
#define FW_NEED_OPT 0
#include "keys.def"
#undef FW_KEY
};
const size_t fw_nkeys = sizeof(fw_keys) / sizeof(fw_keys[0]);
/* value.c marks given keys in a 128-slot array. */
_Static_assert(sizeof(fw_keys) / sizeof(fw_keys[0]) <= 128, "key table");

const fw_key *
fw_key_find(enum fw_scope scope, const char *section, const char *name)
{
	size_t i;

	for (i = 0; i < fw_nkeys; i++) {
		const fw_key *k = &fw_keys[i];
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

	for (i = 0; i < fw_nkeys; i++)
		if (fw_keys[i].scope == scope && fw_keys[i].id == id)
			return &fw_keys[i];
	return NULL;
}

const fw_key *
fw_key_global(int id)
{
	return key_by_id(FW_SCOPE_GLOBAL, id);
}

const fw_key *
fw_key_segment(int id)
{
	return key_by_id(FW_SCOPE_SEGMENT, id);
}

const fw_key *
fw_key_channel(int id)
{
	return key_by_id(FW_SCOPE_CHANNEL, id);
}

int
fw_key_in_range(const fw_key *k, double x)
{
	if (x < k->lo || x > k->hi)
		return 0;
	if (k->bounds == FW_BOUNDS_LO_OPEN && x == k->lo)
		return 0;
	if (k->bounds == FW_BOUNDS_HI_OPEN && x == k->hi)
		return 0;
	return 1;
}

void
fw_key_range_text(const fw_key *k, char *buf, size_t size)
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
	default:
		break;
	}
	fw_format_real(k->lo, lo, sizeof(lo));
	fw_format_real(k->hi, hi, sizeof(hi));
	if (k->type == FW_TYPE_U64)
		snprintf(buf, size, "integer in 0..2^64-1");
	else if (k->type == FW_TYPE_INT && k->hi == 2147483647.0)
		snprintf(buf, size, "integer >= %s", lo);
	else if (k->type == FW_TYPE_INT)
		snprintf(buf, size, "integer in %s..%s", lo, hi);
	else if (k->hi == INF)
		snprintf(buf, size, "number %s %s",
		    k->bounds == FW_BOUNDS_LO_OPEN ? ">" : ">=", lo);
	else
		snprintf(buf, size, "number in %s%s, %s%s",
		    k->bounds == FW_BOUNDS_LO_OPEN ? "(" : "[", lo, hi,
		    k->bounds == FW_BOUNDS_HI_OPEN ? ")" : "]");
}

/* Full dotted name of a key as users write it in paths and listings. */
static void
key_path(const fw_key *k, char *buf, size_t size)
{
	if (k->section[0] == '\0')
		snprintf(buf, size, "%s", k->name);
	else
		snprintf(buf, size, "%s.%s", k->section, k->name);
}

static void
key_default(const fw_key *k, char *buf, size_t size)
{
	if (k->required)
		snprintf(buf, size, "required");
	else if (k->type == FW_TYPE_REAL || k->type == FW_TYPE_INT ||
	    k->type == FW_TYPE_U64)
		fw_format_real(k->def, buf, size);
	else if (k->scope == FW_SCOPE_TOP && strcmp(k->name, "model") == 0)
		snprintf(buf, size, "flywheel/1");
	else
		snprintf(buf, size, "-");
}

/* Escapes roff's special characters at the start of a line and in text. */
static void
man_text(FILE *out, const char *s)
{
	if (*s == '.' || *s == '\'')
		fputs("\\&", out);
	for (; *s; s++) {
		if (*s == '\\')
			fputs("\\e", out);
		else if (*s == '-')
			fputs("\\-", out);
		else
			fputc(*s, out);
	}
}

static void
csv_field(FILE *out, const char *s)
{
	fputc('"', out);
	for (; *s; s++) {
		if (*s == '"')
			fputc('"', out);
		fputc(*s, out);
	}
	fputc('"', out);
}

int
fw_params_write(FILE *out, enum fw_params_format format)
{
	char path[96], range[64], def[40];
	size_t i;

	if (format == FW_PARAMS_CSV)
		fputs("key,range,default,meaning\n", out);
	else if (format == FW_PARAMS_TEXT)
		fprintf(out, "%-43s %-24s %-10s %s\n", "KEY", "RANGE",
		    "DEFAULT", "MEANING");
	for (i = 0; i < fw_nkeys; i++) {
		const fw_key *k = &fw_keys[i];
		key_path(k, path, sizeof(path));
		fw_key_range_text(k, range, sizeof(range));
		key_default(k, def, sizeof(def));
		switch (format) {
		case FW_PARAMS_TEXT:
			fprintf(out, "%-43s %-24s %-10s %s\n", path, range,
			    def, k->help);
			break;
		case FW_PARAMS_CSV:
			csv_field(out, path);
			fputc(',', out);
			csv_field(out, range);
			fputc(',', out);
			csv_field(out, def);
			fputc(',', out);
			csv_field(out, k->help);
			fputc('\n', out);
			break;
		case FW_PARAMS_MAN:
			fputs(".TP\n.B ", out);
			man_text(out, path);
			fputc('\n', out);
			man_text(out, range);
			if (k->required)
				fputs("; required", out);
			else if (strcmp(def, "-") != 0) {
				fputs("; default ", out);
				man_text(out, def);
			}
			fputs(".\n", out);
			man_text(out, k->help);
			fputs(".\n", out);
			break;
		}
	}
	return ferror(out) ? FW_EIO : FW_OK;
}
