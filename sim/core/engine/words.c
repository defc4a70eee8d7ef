/* words.c - a replication's random words of a month, shared by its
 * variants (words.h).
 * SPDX-License-Identifier: MIT
 *
 * A variant's HCP j of segment s reads in month m the blocks named
 * (rep, HCP_MONTH or SCRIPTS, s, j, m): names without the variant, so
 * every variant reads the same words (MODEL.md §7). Stepping the
 * variants of a replication month by month side by side, each month's
 * words are drawn once here and read by all: the same words, so the
 * same bits, for less work. The words of one month stay small enough to
 * sit in the processor's caches between the variants' reads (16 bytes
 * an HCP, 8 more for a prescriber), which the words of a whole horizon
 * would not.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "words.h"

int
fwi_words_init(fw_words *s, const fw_scenario *sc)
{
	size_t v, k, total = 0;

	memset(s, 0, sizeof(*s));
	for (v = 0; v < sc->nconfig; v++)
		if (sc->config[v].nseg > s->nseg)
			s->nseg = sc->config[v].nseg;
	s->first = calloc(s->nseg + 1, sizeof(size_t));
	s->rep = calloc(s->nseg + 1, sizeof(uint32_t));
	s->at = calloc(s->nseg + 1, sizeof(uint32_t));
	s->filled = calloc(s->nseg + 1, sizeof(uint32_t));
	s->gen = calloc(s->nseg + 1, sizeof(uint32_t));
	if (s->first == NULL || s->rep == NULL || s->at == NULL ||
	    s->filled == NULL || s->gen == NULL) {
		fwi_words_clear(s);
		return -1;
	}
	for (k = 0; k < s->nseg; k++) {
		size_t most = 0;
		for (v = 0; v < sc->nconfig; v++) {
			const fw_config *c = &sc->config[v];
			size_t n = k < c->nseg ?
			    (size_t)c->seg[k].v[FW_S_HCPS].value : 0;
			most = n > most ? n : most;
		}
		s->first[k] = total;
		total += most;
	}
	s->total = total;
	/* month 0 is no month of the model: nothing is current yet */
	s->month = malloc((total + 1) * sizeof(*s->month));
	s->scripts = malloc((total + 1) * sizeof(*s->scripts));
	s->stamp = calloc(total + 1, sizeof(uint32_t));
	if (s->month == NULL || s->scripts == NULL || s->stamp == NULL) {
		fwi_words_clear(s);
		return -1;
	}
	return 0;
}

void
fwi_words_clear(fw_words *s)
{
	free(s->first);
	free(s->rep);
	free(s->at);
	free(s->filled);
	free(s->gen);
	free(s->month);
	free(s->scripts);
	free(s->stamp);
	memset(s, 0, sizeof(*s));
}

void
fwi_words_segment(fw_words *s, philox4x32_key_t key, uint32_t rep,
    uint32_t seg, uint32_t month, uint32_t n)
{
	const philox4x32_ctr_t ctr = fwi_rng_ctr(rep, FW_P_HCP_MONTH, seg, 0,
	    month, 0);
	uint32_t (*words)[4] = s->month + s->first[seg];
	uint32_t out[4][FW_RNG_BATCH], hcp[FW_RNG_BATCH], j;
	int i, k, m;

	if (s->at[seg] != month || s->rep[seg] != rep ||
	    s->key.v[0] != key.v[0] || s->key.v[1] != key.v[1]) {
		s->key = key;
		s->rep[seg] = rep;
		s->at[seg] = month;
		s->filled[seg] = 0;
		/* a stamp no SCRIPTS word has yet; after 2^32 of them, the
		 * stamps start again from nothing */
		if (++s->last_gen == 0) {
			memset(s->stamp, 0, (s->total + 1) *
			    sizeof(uint32_t));
			s->last_gen = 1;
		}
		s->gen[seg] = s->last_gen;
	}
	for (j = s->filled[seg]; j < n; j += FW_RNG_BATCH) {
		m = n - j < FW_RNG_BATCH ? (int)(n - j) : FW_RNG_BATCH;
		for (i = 0; i < m; i++)
			hcp[i] = j + (uint32_t)i;
		fwi_rng_blocks(key, ctr, hcp, m, out);
		for (i = 0; i < m; i++)
			for (k = 0; k < 4; k++)
				words[j + (uint32_t)i][k] = out[k][i];
	}
	if (n > s->filled[seg])
		s->filled[seg] = n;
}

void
fwi_words_draw_scripts(fw_words *s, uint32_t seg, const uint32_t *hcp,
    int n, unsigned need)
{
	const philox4x32_ctr_t ctr = fwi_rng_ctr(s->rep[seg], FW_P_SCRIPTS,
	    seg, 0, s->at[seg], 0);
	uint32_t (*words)[2] = s->scripts + s->first[seg];
	uint32_t *stamp = s->stamp + s->first[seg], ent[FW_RNG_BATCH] = { 0 };
	uint32_t drawn[4][FW_RNG_BATCH];
	int i, m = 0;

	for (i = 0; i < n; i++)
		if (need >> i & 1)
			ent[m++] = hcp[i];
	fwi_rng_blocks(s->key, ctr, ent, m, drawn);
	for (i = 0; i < m; i++) {
		words[ent[i]][FW_W_SCRIPTS] = drawn[FW_W_SCRIPTS][i];
		words[ent[i]][FW_W_FILL] = drawn[FW_W_FILL][i];
		stamp[ent[i]] = s->gen[seg];
	}
}
