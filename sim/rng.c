/* rng.c - counter-based random streams named by what they are for.
 * SPDX-License-Identifier: MIT
 *
 * Every draw of a run is a pure function of its name (MODEL.md §7):
 *
 *   Philox4x32-10, key   = (seed low 32 bits, seed high 32 bits)
 *                  counter = (entity, replication,
 *                             month << 16 | block,
 *                             purpose << 24 | segment)
 *
 * One block gives four 32-bit words w, each a uniform (w + 0.5) / 2^32 in
 * (0, 1). The entity is the HCP's number within its segment, a patient age
 * bucket, or for a parameter the low 32 bits of the FNV-1a hash of its
 * dotted path (the next 24 bits go where the segment goes). An HCP's month
 * takes one HCP_MONTH block, whose words are the helpful, burden, friction
 * and transition draws, and, when it prescribes, one SCRIPTS block (scripts
 * and fill). Each of these draws is a single uniform turned into a count
 * by inversion, so a variant that changes a rate moves the count
 * monotonically (common random numbers at their strongest). Counts whose
 * mean is too large for inversion, and the patients' binomials, come from
 * GSL samplers reading a stream of their own through fw_stream_*.
 *
 * Nothing depends on which thread draws or in which order: the same name
 * gives the same number. Limits of the layout: entity and replication
 * below 2^32, month below 2^16, segment below 2^24, 2^16 blocks a stream.
 */
#include "config.h"

#include <string.h>

#include "rng.h"

uint64_t
fw_rng_path_hash(const char *path)
{
	uint64_t h = 0xcbf29ce484222325ULL;

	for (; *path; path++) {
		h ^= (unsigned char)*path;
		h *= 0x100000001b3ULL;
	}
	return h;
}

double
fw_rng_param_u(uint64_t seed, uint32_t rep, const char *path)
{
	uint64_t h = fw_rng_path_hash(path);
	philox4x32_ctr_t c = fw_rng_ctr(rep, FW_P_PARAM,
	    (uint32_t)(h >> 32) & 0xffffffu, (uint32_t)h, 0, 0);

	return fw_u01(fw_rng_block(fw_rng_key(seed), c).v[0]);
}

typedef struct stream_state {
	philox4x32_key_t key;
	philox4x32_ctr_t ctr;
	philox4x32_ctr_t out;
	int used;		/* words of out already returned */
} stream_state;

static void
stream_set(void *vstate, unsigned long int seed)
{
	stream_state *s = vstate;

	memset(s, 0, sizeof(*s));
	s->key = fw_rng_key(seed);
	s->used = 4;
}

static unsigned long int
stream_get(void *vstate)
{
	stream_state *s = vstate;

	if (s->used == 4) {
		s->out = fw_rng_block(s->key, s->ctr);
		/* Next block: the low 16 bits of word 2 count blocks. */
		s->ctr.v[2] = (s->ctr.v[2] & 0xffff0000u) |
		    ((s->ctr.v[2] + 1) & 0xffffu);
		s->used = 0;
	}
	return s->out.v[s->used++];
}

static double
stream_get_double(void *vstate)
{
	return fw_u01((uint32_t)stream_get(vstate));
}

static const gsl_rng_type stream_type = {
	"philox4x32-10-stream", 0xffffffffUL, 0, sizeof(stream_state),
	stream_set, stream_get, stream_get_double
};

gsl_rng *
fw_stream_alloc(void)
{
	return gsl_rng_alloc(&stream_type);
}

void
fw_stream_seek(gsl_rng *r, uint64_t seed, uint32_t rep,
    enum fw_purpose purpose, uint32_t segment, uint32_t entity,
    uint32_t month)
{
	stream_state *s = r->state;

	s->key = fw_rng_key(seed);
	s->ctr = fw_rng_ctr(rep, purpose, segment, entity, month, 0);
	s->used = 4;
}
