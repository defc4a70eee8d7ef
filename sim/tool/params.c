/* params.c - `flywheel params`: the table of keys as text, CSV or a
 * man page section.
 * SPDX-License-Identifier: MIT */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "keys.h"

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
write_params(FILE *out, enum fw_params_format format)
{
	char path[96], range[64], def[40];
	size_t i;

	if (format == FW_PARAMS_CSV)
		fputs("key,range,default,meaning\n", out);
	else if (format == FW_PARAMS_TEXT)
		fprintf(out, "%-43s %-24s %-10s %s\n", "KEY", "RANGE",
		    "DEFAULT", "MEANING");
	for (i = 0; i < fwi_nkeys; i++) {
		const fw_key *k = &fwi_keys[i];
		key_path(k, path, sizeof(path));
		fwi_key_range_text(k, range, sizeof(range));
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
