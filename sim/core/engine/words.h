/* words.h - the random words of a replication's month, drawn once and
 * read by every variant (MODEL.md §7: the options of a replication share
 * their draws by construction). Private to the library.
 * SPDX-License-Identifier: MIT */
#ifndef FW_WORDS_H
#define FW_WORDS_H

#include <stddef.h>
#include <stdint.h>

#include "rng.h"
#include "scenario.h"

/* The HCP_MONTH words of every HCP of every segment and the SCRIPTS
 * words of those that prescribed, of one month of one replication: a
 * thread's variants step that month side by side and each reads them
 * here instead of computing the blocks again. A segment's HCP_MONTH
 * words are drawn for all its HCPs when its month begins, its SCRIPTS
 * words when a variant first needs them for an HCP. */
typedef struct fw_words {
	size_t nseg, total;	/* segments, HCPs */
	size_t *first;		/* [nseg] each segment's first HCP here */
	uint32_t (*month)[4];	/* HCP_MONTH words, by HCP */
	uint32_t (*scripts)[2];	/* SCRIPTS words (scripts, fill), by HCP */
	uint32_t *stamp;	/* scripts[j] is this month's when it is
				 * its segment's gen */
	uint32_t *rep, *at, *filled, *gen;	/* [nseg]: replication,
				 * month, HCPs with HCP_MONTH words, stamp */
	uint32_t last_gen;
	philox4x32_key_t key;
} fw_words;

/* Sized for the largest number of HCPs each segment has in a variant of
 * sc. */
int fwi_words_init(fw_words *s, const fw_scenario *sc);
void fwi_words_clear(fw_words *s);

/* Makes month `month` of replication rep under key the one segment seg's
 * words belong to, with the HCP_MONTH words of its HCPs 0 .. n - 1. */
void fwi_words_segment(fw_words *s, philox4x32_key_t key, uint32_t rep,
    uint32_t seg, uint32_t month, uint32_t n);

/* The HCP_MONTH words of HCPs hcp[0..n) of segment seg (n <=
 * FW_RNG_BATCH), as fwi_rng_blocks gives them; lanes past n are 0.
 * Inline: it is the whole cost of a variant's words. */
static inline void
fwi_words_hcp_month(const fw_words *s, uint32_t seg, const uint32_t *hcp,
    int n, uint32_t out[4][FW_RNG_BATCH])
{
	const uint32_t (*words)[4] = (const uint32_t (*)[4])s->month +
	    s->first[seg];
	int i, k;

	for (i = 0; i < n; i++) {
		const uint32_t *r = words[hcp[i]];
		out[0][i] = r[0];
		out[1][i] = r[1];
		out[2][i] = r[2];
		out[3][i] = r[3];
	}
	for (; i < FW_RNG_BATCH; i++)
		for (k = 0; k < 4; k++)
			out[k][i] = 0;
}

/* Draws the SCRIPTS words of the HCPs hcp[i] whose bit i is set in
 * need (words.c). */
void fwi_words_draw_scripts(fw_words *s, uint32_t seg, const uint32_t *hcp,
    int n, unsigned need);

/* The same for their SCRIPTS words (rows FW_W_SCRIPTS and FW_W_FILL),
 * drawing those no variant has needed yet this month. */
static inline void
fwi_words_scripts(fw_words *s, uint32_t seg, const uint32_t *hcp, int n,
    uint32_t out[4][FW_RNG_BATCH])
{
	const uint32_t (*words)[2] = (const uint32_t (*)[2])s->scripts +
	    s->first[seg];
	const uint32_t *stamp = s->stamp + s->first[seg], gen = s->gen[seg];
	unsigned need = 0;
	int i;

	for (i = 0; i < n; i++)
		need |= (unsigned)(stamp[hcp[i]] != gen) << i;
	if (need != 0)
		fwi_words_draw_scripts(s, seg, hcp, n, need);
	for (i = 0; i < n; i++) {
		out[FW_W_SCRIPTS][i] = words[hcp[i]][FW_W_SCRIPTS];
		out[FW_W_FILL][i] = words[hcp[i]][FW_W_FILL];
	}
	for (; i < FW_RNG_BATCH; i++)
		out[FW_W_SCRIPTS][i] = out[FW_W_FILL][i] = 0;
}

#endif
