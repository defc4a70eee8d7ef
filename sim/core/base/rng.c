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
 * Sweep designs (design.c) draw their uniforms under a purpose of their
 * own, DESIGN, so that a design never shares a draw with the model; a
 * calibration's starting points likewise under STARTS.
 *
 * The month is the month index counted from the first simulated month:
 * warm-up month k is k, horizon month t after a warm-up of W months is
 * W + t (at most the longest warm-up plus the longest horizon, keys.def),
 * and parameter draws take month 0.
 *
 * Nothing depends on which thread draws or in which order: the same name
 * gives the same number. Limits of the layout: entity and replication
 * below 2^32, month below 2^16, segment below 2^24, 2^16 blocks a stream.
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "hash.h"
#include "rng.h"

void
fwi_rng_blocks_reference(philox4x32_key_t key, philox4x32_ctr_t ctr,
    const uint32_t *entity, int n, uint32_t out[4][FW_RNG_BATCH])
{
	int i, w;

	for (i = 0; i < n; i++) {
		philox4x32_ctr_t r;
		ctr.v[0] = entity[i];
		r = fwi_rng_block(key, ctr);
		for (w = 0; w < 4; w++)
			out[w][i] = r.v[w];
	}
}

#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>

/* Philox4x32-10 (Salmon et al., SC'11) on eight counters in two vectors:
 * each 32-bit word sits in a 64-bit lane, where one vpmuludq gives the
 * whole product whose two halves a round needs. Only the low half of a
 * lane is a word: the multiplications read only that half, the shifts
 * bring the products' high halves down, and the exclusive ors leave the
 * low halves as they would be, so the high halves of x1 and x3 need no
 * clearing between rounds, and the words are blended out at the end. */
__attribute__((target("avx2"))) static void
blocks_avx2(philox4x32_key_t key, philox4x32_ctr_t ctr,
    const uint32_t *entity, int n, uint32_t out[4][FW_RNG_BATCH])
{
	const __m256i m0 = _mm256_set1_epi64x(PHILOX_M4x32_0);
	const __m256i m1 = _mm256_set1_epi64x(PHILOX_M4x32_1);
	const __m256i w0 = _mm256_set1_epi64x(PHILOX_W32_0);
	const __m256i w1 = _mm256_set1_epi64x(PHILOX_W32_1);
	__m256i x0[2], x1[2], x2[2], x3[2], all;
	__m256i kv0 = _mm256_set1_epi64x(key.v[0]);
	__m256i kv1 = _mm256_set1_epi64x(key.v[1]);
	uint32_t e[FW_RNG_BATCH] = { 0 };
	int g, round, i;

	_Static_assert(FW_RNG_BATCH == 8, "two vectors of four counters");

	if (n < FW_RNG_BATCH) {
		for (i = 0; i < n; i++)
			e[i] = entity[i];
		entity = e;
	}
	/* Vector 0 holds the even counters, vector 1 the odd ones, so that
	 * blending the two gives the blocks in order. */
	all = _mm256_loadu_si256((const __m256i *)(const void *)entity);
	x0[0] = all;
	x0[1] = _mm256_srli_epi64(all, 32);
	for (g = 0; g < 2; g++) {
		x1[g] = _mm256_set1_epi64x(ctr.v[1]);
		x2[g] = _mm256_set1_epi64x(ctr.v[2]);
		x3[g] = _mm256_set1_epi64x(ctr.v[3]);
	}
	for (round = 0; round < 10; round++) {
		for (g = 0; g < 2; g++) {
			__m256i p0 = _mm256_mul_epu32(x0[g], m0);
			__m256i p1 = _mm256_mul_epu32(x2[g], m1);
			x0[g] = _mm256_xor_si256(_mm256_xor_si256(
			    _mm256_srli_epi64(p1, 32), x1[g]), kv0);
			x2[g] = _mm256_xor_si256(_mm256_xor_si256(
			    _mm256_srli_epi64(p0, 32), x3[g]), kv1);
			x1[g] = p1;
			x3[g] = p0;
		}
		/* the next round's keys, in the low halves only */
		kv0 = _mm256_add_epi32(kv0, w0);
		kv1 = _mm256_add_epi32(kv1, w1);
	}
	/* 0xaa: the odd 32-bit words from vector 1 */
	_mm256_storeu_si256((__m256i *)(void *)out[0], _mm256_blend_epi32(
	    x0[0], _mm256_slli_epi64(x0[1], 32), 0xaa));
	_mm256_storeu_si256((__m256i *)(void *)out[1], _mm256_blend_epi32(
	    x1[0], _mm256_slli_epi64(x1[1], 32), 0xaa));
	_mm256_storeu_si256((__m256i *)(void *)out[2], _mm256_blend_epi32(
	    x2[0], _mm256_slli_epi64(x2[1], 32), 0xaa));
	_mm256_storeu_si256((__m256i *)(void *)out[3], _mm256_blend_epi32(
	    x3[0], _mm256_slli_epi64(x3[1], 32), 0xaa));
}

/* Philox4x32-10 on eight counters in one 512-bit vector, each 32-bit word
 * in a 64-bit lane as in the AVX2 version: the same multiplications and
 * exclusive ors, on twice the lanes, with the two exclusive ors of a
 * round in one ternary-logic instruction; the high halves of the lanes
 * are left as they fall, as there, and the narrowing drops them. */
__attribute__((target("avx512f"))) static void
blocks_avx512(philox4x32_key_t key, philox4x32_ctr_t ctr,
    const uint32_t *entity, int n, uint32_t out[4][FW_RNG_BATCH])
{
	const __m512i m0 = _mm512_set1_epi64(PHILOX_M4x32_0);
	const __m512i m1 = _mm512_set1_epi64(PHILOX_M4x32_1);
	__m512i x0, x1, x2, x3;
	uint32_t e[FW_RNG_BATCH] = { 0 }, k0 = key.v[0], k1 = key.v[1];
	int round, i;

	if (n < FW_RNG_BATCH) {
		for (i = 0; i < n; i++)
			e[i] = entity[i];
		entity = e;
	}
	x0 = _mm512_cvtepu32_epi64(_mm256_loadu_si256((const __m256i *)
	    (const void *)entity));
	x1 = _mm512_set1_epi64(ctr.v[1]);
	x2 = _mm512_set1_epi64(ctr.v[2]);
	x3 = _mm512_set1_epi64(ctr.v[3]);
	for (round = 0; round < 10; round++) {
		__m512i p0 = _mm512_mul_epu32(x0, m0);
		__m512i p1 = _mm512_mul_epu32(x2, m1);
		/* 0x96: a ^ b ^ c */
		x0 = _mm512_ternarylogic_epi64(_mm512_srli_epi64(p1, 32), x1,
		    _mm512_set1_epi64(k0), 0x96);
		x2 = _mm512_ternarylogic_epi64(_mm512_srli_epi64(p0, 32), x3,
		    _mm512_set1_epi64(k1), 0x96);
		x1 = p1;
		x3 = p0;
		k0 += PHILOX_W32_0;
		k1 += PHILOX_W32_1;
	}
	_mm256_storeu_si256((__m256i *)(void *)out[0], _mm512_cvtepi64_epi32(x0));
	_mm256_storeu_si256((__m256i *)(void *)out[1], _mm512_cvtepi64_epi32(x1));
	_mm256_storeu_si256((__m256i *)(void *)out[2], _mm512_cvtepi64_epi32(x2));
	_mm256_storeu_si256((__m256i *)(void *)out[3], _mm512_cvtepi64_epi32(x3));
}
#endif

typedef void blocks_fn(philox4x32_key_t, philox4x32_ctr_t, const uint32_t *,
    int, uint32_t[4][FW_RNG_BATCH]);

int
fwi_rng_path_available(enum fw_rng_path path)
{
	switch (path) {
	case FW_RNG_SCALAR:
		return 1;
#if defined(__x86_64__) && defined(__GNUC__)
	case FW_RNG_AVX2:
		return __builtin_cpu_supports("avx2");
	case FW_RNG_AVX512:
		/* F for the blocks; BW and VL for the model's other AVX-512
		 * code, which follows this path (every AVX-512 processor
		 * but the first Xeon Phi has all three). */
		return __builtin_cpu_supports("avx512f") &&
		    __builtin_cpu_supports("avx512bw") &&
		    __builtin_cpu_supports("avx512vl");
#endif
	default:
		return 0;
	}
}

static blocks_fn *
path_blocks(enum fw_rng_path path)
{
	switch (path) {
#if defined(__x86_64__) && defined(__GNUC__)
	case FW_RNG_AVX2:
		return blocks_avx2;
	case FW_RNG_AVX512:
		return blocks_avx512;
#endif
	default:
		return fwi_rng_blocks_reference;
	}
}

static const char *const path_names[] = {
	[FW_RNG_SCALAR] = "portable", [FW_RNG_AVX2] = "avx2",
	[FW_RNG_AVX512] = "avx512"
};

const char *
fwi_rng_path_name(enum fw_rng_path path)
{
	return path_names[path];
}

int
fwi_rng_path_named(const char *name)
{
	int path;

	for (path = FW_RNG_SCALAR; path <= FW_RNG_AVX512; path++)
		if (strcmp(name, path_names[path]) == 0)
			return fwi_rng_path_available((enum fw_rng_path)path) ?
			    path : -1;
	return -1;
}

/* The path FLYWHEEL_PATH names if the processor has it, else the widest
 * it has; integer arithmetic gives the same words on every path, and
 * the model's kernels the same bits, so no result depends on the
 * choice. (fw_run_alloc refuses a FLYWHEEL_PATH that names none.) */
static blocks_fn *
pick_blocks(void)
{
	const char *want = getenv("FLYWHEEL_PATH");
	int named = want != NULL ? fwi_rng_path_named(want) : -1;

	if (named >= 0)
		return path_blocks((enum fw_rng_path)named);
	if (fwi_rng_path_available(FW_RNG_AVX512))
		return path_blocks(FW_RNG_AVX512);
	if (fwi_rng_path_available(FW_RNG_AVX2))
		return path_blocks(FW_RNG_AVX2);
	return fwi_rng_blocks_reference;
}

static blocks_fn *chosen_blocks;

int
fwi_rng_force_path(enum fw_rng_path path)
{
	if (!fwi_rng_path_available(path))
		return -1;
	__atomic_store_n(&chosen_blocks, path_blocks(path), __ATOMIC_RELAXED);
	return 0;
}

void
fwi_rng_blocks_path(enum fw_rng_path path, philox4x32_key_t key,
    philox4x32_ctr_t ctr, const uint32_t *entity, int n,
    uint32_t out[4][FW_RNG_BATCH])
{
	path_blocks(path)(key, ctr, entity, n, out);
}

enum fw_rng_path
fwi_rng_path(void)
{
	blocks_fn *fn = __atomic_load_n(&chosen_blocks, __ATOMIC_RELAXED);

	if (fn == NULL) {
		fn = pick_blocks();
		__atomic_store_n(&chosen_blocks, fn, __ATOMIC_RELAXED);
	}
#if defined(__x86_64__) && defined(__GNUC__)
	if (fn == blocks_avx512)
		return FW_RNG_AVX512;
	if (fn == blocks_avx2)
		return FW_RNG_AVX2;
#endif
	return FW_RNG_SCALAR;
}

void
fwi_rng_blocks(philox4x32_key_t key, philox4x32_ctr_t ctr,
    const uint32_t *entity, int n, uint32_t out[4][FW_RNG_BATCH])
{
	blocks_fn *fn = __atomic_load_n(&chosen_blocks, __ATOMIC_RELAXED);

	if (fn == NULL) {
		fn = pick_blocks();
		__atomic_store_n(&chosen_blocks, fn, __ATOMIC_RELAXED);
	}
	fn(key, ctr, entity, n, out);
}

/* Why a word compared with an integer t decides u(w) = fwi_u01(w) < p
 * exactly as the uniform does, rounding included. w + 0.5 needs at most
 * 33 bits and one below the point, so it is exact in a double, and the
 * product by 2^-32, a power of two, is exact too: u(w) is the real number
 * (w + 0.5) / 2^32, and u(w) < p compares two doubles exactly. As w
 * grows u(w) grows strictly, so the words with u(w) < p are a prefix 0,
 * ..., t - 1 of the 2^32 words, t the first word with u(w) >= p (2^32 if
 * none; 0 if p <= 0 or p is not a number, which no u is below). The
 * estimate from p 2^32 - 0.5 may be off by rounding; the two loops then
 * move t to that first word by the very comparison the model makes. */
uint64_t
fwi_u01_threshold(double p)
{
	const uint64_t words = (uint64_t)1 << 32;
	double x;
	uint64_t t;

	if (!(p > 0))
		return 0;
	if (p >= 1)
		return words;
	x = ceil(p * 4294967296.0 - 0.5);
	t = x <= 0 ? 0 : x >= 4294967296.0 ? words : (uint64_t)x;
	while (t > 0 && !(fwi_u01((uint32_t)(t - 1)) < p))
		t--;
	while (t < words && fwi_u01((uint32_t)t) < p)
		t++;
	return t;
}

uint64_t
fwi_rng_path_hash(const char *path)
{
	return fwi_hash_bytes(FW_FNV_OFFSET, path, strlen(path));
}

double
fwi_rng_param_u(uint64_t seed, uint32_t rep, const char *path)
{
	uint64_t h = fwi_rng_path_hash(path);
	philox4x32_ctr_t c = fwi_rng_ctr(rep, FW_P_PARAM,
	    (uint32_t)(h >> 32) & 0xffffffu, (uint32_t)h, 0, 0);

	return fwi_u01(fwi_rng_block(fwi_rng_key(seed), c).v[0]);
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
	s->key = fwi_rng_key(seed);
	s->used = 4;
}

static unsigned long int
stream_get(void *vstate)
{
	stream_state *s = vstate;

	if (s->used == 4) {
		s->out = fwi_rng_block(s->key, s->ctr);
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
	return fwi_u01((uint32_t)stream_get(vstate));
}

static const gsl_rng_type stream_type = {
	"philox4x32-10-stream", 0xffffffffUL, 0, sizeof(stream_state),
	stream_set, stream_get, stream_get_double
};

gsl_rng *
fwi_stream_alloc(void)
{
	return gsl_rng_alloc(&stream_type);
}

void
fwi_stream_seek(gsl_rng *r, uint64_t seed, uint32_t rep,
    enum fw_purpose purpose, uint32_t segment, uint32_t entity,
    uint32_t month)
{
	stream_state *s = r->state;

	s->key = fwi_rng_key(seed);
	s->ctr = fwi_rng_ctr(rep, purpose, segment, entity, month, 0);
	s->used = 4;
}
