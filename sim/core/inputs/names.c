/* names.c - the one rule for names of segments, channels and variants:
 * they reach tables, charts and terminals, so they are printable UTF-8
 * of bounded length, without control or text-direction characters, and
 * do not start like a spreadsheet formula.
 * SPDX-License-Identifier: MIT */
#include "config.h"

#include <stdint.h>
#include <string.h>

#include "scenario.h"

/* FW_TEXT_MAX in words, for the message that states it. */
#define FWI_WORDS(x) #x
#define FWI_NUMBER_WORDS(x) FWI_WORDS(x)
#define FWI_TEXT_MAX_WORDS FWI_NUMBER_WORDS(FW_TEXT_MAX)

/* The code point of the UTF-8 sequence at s, its length in *len; -1 for
 * a malformed, overlong or surrogate sequence. */
static int32_t
decode(const unsigned char *s, size_t *len)
{
	int32_t c;
	size_t n, i;

	if (s[0] < 0x80) {
		*len = 1;
		return s[0];
	}
	if (s[0] >= 0xc2 && s[0] <= 0xdf)
		n = 2, c = s[0] & 0x1f;
	else if (s[0] >= 0xe0 && s[0] <= 0xef)
		n = 3, c = s[0] & 0x0f;
	else if (s[0] >= 0xf0 && s[0] <= 0xf4)
		n = 4, c = s[0] & 0x07;
	else
		return -1;
	for (i = 1; i < n; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return -1;
		c = (c << 6) | (s[i] & 0x3f);
	}
	if ((n == 3 && c < 0x800) || (n == 4 && (c < 0x10000 ||
	    c > 0x10ffff)) || (c >= 0xd800 && c <= 0xdfff))
		return -1;
	*len = n;
	return c;
}

/* Characters that would move the cursor, recolour a terminal or reorder
 * the text around a name. */
static int
unprintable(int32_t c)
{
	return c < 0x20 || c == 0x7f || (c >= 0x80 && c <= 0x9f) ||
	    c == 0x2028 || c == 0x2029 || (c >= 0x200b && c <= 0x200f) ||
	    (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069) ||
	    c == 0xfeff;
}

/* What is wrong with s, a name or (breaks) free text that may hold
 * line breaks and tabs; NULL if nothing. */
static const char *
text_problem(const char *s, int breaks)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t len;

	for (; *p; p += len) {
		int32_t c = decode(p, &len);
		if (c < 0)
			return breaks ? "text must be valid UTF-8" :
			    "a name must be valid UTF-8";
		if (unprintable(c) && !(breaks && (c == '\n' || c == '\t')))
			return breaks ? "text may not hold control or "
			    "text-direction characters" : "a name may not hold "
			    "control or text-direction characters";
	}
	return NULL;
}

const char *
fwi_name_problem(const char *name)
{
	size_t n = strlen(name);

	if (n == 0)
		return "a name may not be empty";
	if (n > FW_NAME_MAX)
		return "a name has at most 64 bytes";
	if (name[0] == ' ' || name[n - 1] == ' ')
		return "a name may not start or end with a space";
	/* A spreadsheet opening a table runs such a cell as a formula. */
	if (strchr("=+-@", name[0]) != NULL)
		return "a name may not start with =, +, - or @ (spreadsheets "
		    "take such a cell for a formula)";
	return text_problem(name, 0);
}

const char *
fwi_text_problem(const char *text)
{
	if (strlen(text) > FW_TEXT_MAX)
		return "text has at most " FWI_TEXT_MAX_WORDS " bytes";
	return text_problem(text, 1);
}
