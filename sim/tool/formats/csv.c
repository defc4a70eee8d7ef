/* csv.c - fields of the tables flywheel writes.
 * SPDX-License-Identifier: MIT */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csv.h"
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
