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

/* Okabe-Ito's colour-blind-safe hues without vermilion, which beside
 * orange reads as the same colour (CIEDE2000 12.7 for a deuteranope;
 * the closest pair here, blue and reddish purple, is 12.2 for a
 * protanope, and the rest differ in lightness too). The HCP states are
 * purples and browns (plots/style.gp), none near these. */
static const char *const palette[] = { "#0072B2", "#E69F00", "#009E73",
	"#CC79A7", "#56B4E9" };
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
/* Words that open a phrase a cut would leave half-said ("Journey
 * redesign of HCP [and patient onboarding]"): a label cut inside a
 * phrase ends before the last of them, or before its last "and". */
static const char *const opens_phrase[] = { "of", "for", "with", "on",
	"in", "by", "to", "from", "at", "about", "across" };
static const char *const joins[] = { "and", "or", "&" };

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

/* Whether word (len bytes) is one of the n words of list. */
static int
word_in(const char *word, size_t len, const char *const *list, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strlen(list[i]) == len && strncmp(word, list[i], len) == 0)
			return 1;
	return 0;
}

#define IN(word, len, list) \
	word_in(word, len, list, sizeof(list) / sizeof(list[0]))

/* Where to end a label cut inside a phrase, the first n bytes of s
 * kept so far: before the last word that opens a phrase, else before
 * the last "and", so that no phrase is left half-said; n when there
 * is none past the first word. */
static size_t
phrase_cut(const char *s, size_t n)
{
	size_t i, opens = 0, join = 0;

	for (i = 1; i < n; i++) {
		size_t len = 0;
		if (s[i - 1] != ' ')
			continue;
		while (i + len < n && s[i + len] != ' ')
			len++;
		if (i + len == n)
			break;	/* the last word kept: the dangling rule's */
		if (IN(s + i, len, opens_phrase))
			opens = i - 1;
		else if (IN(s + i, len, joins))
			join = i - 1;
	}
	return opens > 0 ? opens : join > 0 ? join : n;
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
		/* at a word's end within the limit, and before a phrase
		 * the cut leaves half-said: "Journey redesign of HCP and
		 * patient onboarding" is "Journey redesign", not "Journey
		 * redesign of HCP" */
		n = cut;
		while (n > 0 && description[n] != ' ')
			n--;
		if (n == 0)
			n = cut;
		else
			n = phrase_cut(description, n);
	}
	snprintf(buf, size, "%.*s", (int)n, description);
	/* no dangling "and", no trailing comma or space */
	for (;;) {
		size_t len = strlen(buf);
		while (len > 0 && strchr(" ,.", buf[len - 1]) != NULL)
			buf[--len] = '\0';
		sp = strrchr(buf, ' ');
		if (sp == NULL || !IN(sp + 1, strlen(sp + 1), dangling))
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

