/* optionlook.c - how an option is shown on every chart, page and
 * workbook sheet (fw_option_label(3)): its label and its colour, so that
 * the command, Python and R show it alike.
 * SPDX-License-Identifier: MIT */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "flywheel.h"
#include "hash.h"

/* Okabe-Ito's colour-blind-safe hues; the HCP states are purples and
 * browns (plots/style.gp), which none of these is near. */
static const char *const palette[] = { "#0072B2", "#E69F00", "#009E73",
	"#D55E00", "#56B4E9", "#CC79A7" };
#define NPALETTE (sizeof(palette) / sizeof(palette[0]))
#define BASELINE_GREY "#555555"

/* Where a description's first phrase ends: a clause a label does not
 * need ("Access hub that gets written scripts filled"). */
static const char *const phrase_ends[] = { ";", ":", " (", " - ",
	" \xe2\x80\x94 ", " that ", " which ", " so ", " to ", " on top of ",
	" for " };
/* Words a shortened label does not end on. */
static const char *const dangling[] = { "and", "or", "of", "the", "a",
	"an", "to", "for", "with", "on", "in", "by", "&" };

/* Bytes of s holding at most n characters, cut after a whole one. */
static size_t
bytes_of_chars(const char *s, size_t n)
{
	size_t i = 0, chars = 0;

	while (s[i] && chars < n) {
		i++;
		while (((unsigned char)s[i] & 0xc0) == 0x80)
			i++;
		chars++;
	}
	return i;
}

static int
dangles(const char *word, size_t len)
{
	size_t i;

	for (i = 0; i < sizeof(dangling) / sizeof(dangling[0]); i++)
		if (strlen(dangling[i]) == len && strncmp(word, dangling[i],
		    len) == 0)
			return 1;
	return 0;
}

void
fw_option_label(const char *name, const char *label, const char *description,
    char *buf, size_t size)
{
	size_t i, n, cut;
	char *sp;

	if (label != NULL && *label) {
		snprintf(buf, size, "%s", label);
		return;
	}
	if (description == NULL || *description == '\0') {
		snprintf(buf, size, "%s", name);
		return;
	}
	n = strlen(description);
	for (i = 0; i < sizeof(phrase_ends) / sizeof(phrase_ends[0]); i++) {
		const char *at = strstr(description, phrase_ends[i]);
		if (at != NULL && at > description && (size_t)(at -
		    description) < n)
			n = (size_t)(at - description);
	}
	cut = bytes_of_chars(description, FW_OPTION_LABEL_CHARS);
	if (n > cut) {
		/* at a word's end within the limit */
		n = cut;
		while (n > 0 && description[n] != ' ')
			n--;
		if (n == 0)
			n = cut;
	}
	snprintf(buf, size, "%.*s", (int)n, description);
	/* no dangling "and", no trailing comma or space */
	for (;;) {
		size_t len = strlen(buf);
		while (len > 0 && strchr(" ,.", buf[len - 1]) != NULL)
			buf[--len] = '\0';
		sp = strrchr(buf, ' ');
		if (sp == NULL || !dangles(sp + 1, strlen(sp + 1)))
			break;
		*sp = '\0';
	}
	if (*buf == '\0')
		snprintf(buf, size, "%s", name);
}

void
fw_option_colours(const char *const *names, const char *const *given,
    size_t n, char (*colour)[8])
{
	size_t *ord, i, k;
	int taken[NPALETTE] = { 0 };

	if (n == 0)
		return;
	ord = malloc(n * sizeof(size_t));
	snprintf(colour[0], 8, "%s", BASELINE_GREY);
	for (i = 1; i < n; i++)
		colour[i][0] = '\0';
	for (i = 1; i < n; i++)
		if (given != NULL && given[i] != NULL && *given[i]) {
			snprintf(colour[i], 8, "%s", given[i]);
			for (k = 0; k < NPALETTE; k++)
				taken[k] |= strcasecmp(palette[k], given[i]) ==
				    0;
		}
	/* the options in the order of their names (insertion: a few) */
	for (i = 1; ord != NULL && i < n; i++) {
		for (k = i - 1; k > 0 && strcmp(names[ord[k - 1]], names[i]) >
		    0; k--)
			ord[k] = ord[k - 1];
		ord[k] = i;
	}
	for (i = 0; i + 1 < n; i++) {
		size_t v = ord != NULL ? ord[i] : i + 1, at, tries;
		int all = 1;
		if (colour[v][0] != '\0')
			continue;
		for (k = 0; k < NPALETTE; k++)
			all &= taken[k];
		if (all)	/* more options than colours: share again */
			memset(taken, 0, sizeof(taken));
		at = (size_t)(fwi_hash_bytes(FW_FNV_OFFSET, names[v],
		    strlen(names[v])) % NPALETTE);
		for (tries = 0; taken[at] && tries < NPALETTE; tries++)
			at = (at + 1) % NPALETTE;
		taken[at] = 1;
		snprintf(colour[v], 8, "%s", palette[at]);
	}
	free(ord);
}

