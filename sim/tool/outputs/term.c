/* term.c - text bound for a terminal: what a message quotes from a file
 * or a command line is shown, never obeyed as an escape sequence.
 * SPDX-License-Identifier: MIT */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>

#include "term.h"

void
term_puts(FILE *f, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;

	for (; *p; p++) {
		/* C0 controls and DEL, and C1 controls (U+0080..U+009F,
		 * 0xc2 0x80..0x9f in UTF-8), which terminals also obey. */
		if (*p < 0x20 || *p == 0x7f)
			fprintf(f, "\\x%02x", *p);
		else if (*p == 0xc2 && p[1] >= 0x80 && p[1] <= 0x9f) {
			fprintf(f, "\\u%04x", p[1]);
			p++;
		} else
			fputc(*p, f);
	}
}

void
term_line(FILE *f, const char *fmt, ...)
{
	char buf[4096];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	term_puts(f, buf);
	fputc('\n', f);
}
