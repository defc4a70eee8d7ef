/* optionlook.c - an option's label and colour.
 * SPDX-License-Identifier: MIT */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "optionlook.h"

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
option_label(const char *name, const char *label, const char *description,
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
	cut = bytes_of_chars(description, OPTION_LABEL_CHARS);
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

static uint64_t
fnv1a(const char *s)
{
	uint64_t h = 14695981039346656037ULL;

	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ULL;
	return h;
}

static char *const *sort_names;
static int
by_name(const void *a, const void *b)
{
	return strcmp(sort_names[*(const size_t *)a],
	    sort_names[*(const size_t *)b]);
}

void
option_colours(char *const *names, const char *const *given, size_t n,
    char (*colour)[8])
{
	size_t *ord = malloc((n + 1) * sizeof(size_t)), i, k;
	int taken[NPALETTE] = { 0 };

	if (n == 0)
		return;
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
	for (i = 1; i < n; i++)
		if (ord != NULL)
			ord[i - 1] = i;
	if (ord != NULL) {
		sort_names = names;
		qsort(ord, n - 1, sizeof(size_t), by_name);
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
		at = (size_t)(fnv1a(names[v]) % NPALETTE);
		for (tries = 0; taken[at] && tries < NPALETTE; tries++)
			at = (at + 1) % NPALETTE;
		taken[at] = 1;
		snprintf(colour[v], 8, "%s", palette[at]);
	}
	free(ord);
}

int
report_looks(report *d, const char *const *label,
    const char *const *description, const char *const *colour)
{
	char buf[512];
	size_t v;

	d->labels = calloc(d->nv + 1, sizeof(char *));
	d->colour = calloc(d->nv + 1, sizeof(*d->colour));
	if (d->labels == NULL || d->colour == NULL)
		return FW_ENOMEM;
	for (v = 0; v < d->nv; v++) {
		option_label(d->names[v], label[v], description[v], buf,
		    sizeof(buf));
		if ((d->labels[v] = strdup(v == 0 ? "baseline" : buf)) ==
		    NULL)
			return FW_ENOMEM;
	}
	option_colours(d->names, colour, d->nv, d->colour);
	return FW_OK;
}

int
report_labelled(const report *d, fw_recommendation *out)
{
	size_t i;

	*out = d->rec;
	out->opt = malloc((d->rec.n + 1) * sizeof(fw_option));
	if (out->opt == NULL)
		return FW_ENOMEM;
	for (i = 0; i < d->rec.n; i++) {
		out->opt[i] = d->rec.opt[i];
		if (out->opt[i].variant < d->nv)
			out->opt[i].name = d->labels[out->opt[i].variant];
	}
	return FW_OK;
}

const char *
report_label_of(const report *d, const char *name)
{
	size_t v;

	for (v = 0; d->labels != NULL && v < d->nv; v++)
		if (strcmp(d->names[v], name) == 0)
			return d->labels[v];
	return name;
}
