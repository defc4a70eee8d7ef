/* csv.c - fields of the tables flywheel writes.
 * SPDX-License-Identifier: MIT */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csv.h"
#include "relpath.h"
#include "flywheel.h"

void
csv_real(FILE *f, double x)
{
	char buf[40];

	if (isnan(x))
		return;
	fw_format_real(x, buf, sizeof(buf));
	fputs(buf, f);
}

void
csv_reals(FILE *f, const double *x, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		fputc(',', f);
		csv_real(f, x[i]);
	}
}

void
json_member(FILE *f, const char *key, const char *s)
{
	fprintf(f, ",\n  \"%s\": ", key);
	fw_write_json_text(f, s);
}

void
json_opening(FILE *f, const fw_scenario *sc, const char *dir)
{
	char table[4096];

	fputs("{\n  \"flywheel_version\": ", f);
	fw_write_json_text(f, fw_version());
	json_member(f, "model", fw_model());
	json_member(f, "scenario_file", fw_scenario_file(sc));
	json_member(f, "scenario_hash", fw_scenario_hash(sc));
	json_member(f, "scenario_sha256", fw_scenario_sha256(sc));
	json_member(f, "scenario_name", fw_scenario_name(sc));
	if (fw_scenario_calibration(sc) != NULL) {
		path_from(dir, fw_scenario_calibration(sc), table,
		    sizeof(table));
		json_member(f, "calibration", table);
	}
}

char *
csv_column_name(const char *prefix, const char *text, const char *suffix)
{
	size_t n = strlen(prefix) + strlen(text) + strlen(suffix) + 1;
	char *s = malloc(n), *p;

	if (s == NULL)
		return NULL;
	snprintf(s, n, "%s%s%s", prefix, text, suffix);
	for (p = s; *p; p++)
		if (*p == ':')
			*p = '.';
		else if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' &&
		    *p <= 'Z') || (*p >= '0' && *p <= '9') || *p == '.' ||
		    *p == '_'))
			*p = '_';
	return s;
}
