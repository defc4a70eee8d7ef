/* csvtext.c - text as the tables hold it: a CSV field defused where a
 * spreadsheet would run it, and a JSON string.
 * SPDX-License-Identifier: MIT */
#include "config.h"

#include <string.h>

#include "flywheel.h"

void
fw_write_csv_text(FILE *f, const char *s)
{
	/* OWASP's advice on CSV injection: a field a spreadsheet would
	 * evaluate gets a leading quote, and is quoted. */
	int formula = strchr("=+-@\t\r", s[0]) != NULL && s[0] != '\0';

	if (!formula && strpbrk(s, ",\"\n\r") == NULL) {
		fputs(s, f);
		return;
	}
	fputc('"', f);
	if (formula)
		fputc('\'', f);
	for (; *s; s++) {
		if (*s == '"')
			fputc('"', f);
		fputc(*s, f);
	}
	fputc('"', f);
}

void
fw_write_json_text(FILE *f, const char *s)
{
	fputc('"', f);
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (c == '"' || c == '\\')
			fprintf(f, "\\%c", c);
		else if (c < 0x20 || c == 0x7f)
			fprintf(f, "\\u%04x", c);
		else
			fputc(c, f);
	}
	fputc('"', f);
}
