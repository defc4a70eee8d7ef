/* model_avx512.c - batches of the month (model.c) in AVX-512 lanes.
 * SPDX-License-Identifier: MIT
 *
 * Each kernel does for eight HCPs, a lane each, what model.c's plain
 * code does for one: the same products, quotients and sums in the same
 * order, so that IEEE arithmetic rounds every lane exactly as the plain
 * code (the core is built with -ffp-contract=off, which keeps products
 * and sums from fusing). The tests run whole models on every path the
 * processor has and compare the bytes.
 */
#include "config.h"

#include "step.h"

#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>

/* fwi_u01 of eight words, exactly: the same sum and product. */
__attribute__((target("avx512f,avx512vl"))) static inline __m512d
uniform_lanes(const uint32_t *w)
{
	return _mm512_mul_pd(_mm512_add_pd(_mm512_cvtepu32_pd(
	    _mm256_loadu_si256((const __m256i *)(const void *)w)),
	    _mm512_set1_pd(0.5)), _mm512_set1_pd(1.0 / 4294967296.0));
}

/* The inversions of poisson_inverse and of binomial_inverse for the
 * lanes of a batch set in `lanes`, side by side in 512-bit vectors, their
 * uniforms made from the words sw in the vectors too: each lane does the
 * very products, quotients and sums of inverting alone, in the same
 * order, and stops where it would, so its count is the same; the lanes
 * overlap, and the loop ends once for the batch instead of once an HCP.
 * p0 holds exp(-lambda) of each Poisson lane. */
__attribute__((target("avx512f,avx512vl"))) static void
poisson_lanes(const uint32_t *sw, const double *lambda, const double *p0,
    unsigned lanes_in, uint32_t *k)
{
	const __mmask8 lanes = (__mmask8)lanes_in;
	const __m512d vu = uniform_lanes(sw), vl = _mm512_loadu_pd(lambda);
	const __m512d one = _mm512_set1_pd(1);
	const __m512d cap = _mm512_set1_pd(4 * FW_INVERSION_MAX);
	__m512d p = _mm512_maskz_loadu_pd(lanes, p0), cdf = p;
	__m512d kd = _mm512_setzero_pd();
	__mmask8 go = lanes & _mm512_cmp_pd_mask(vu, cdf, _CMP_GE_OQ);

	while (go) {
		kd = _mm512_mask_add_pd(kd, go, kd, one);
		p = _mm512_mask_mul_pd(p, go, p, _mm512_div_pd(vl, kd));
		cdf = _mm512_mask_add_pd(cdf, go, cdf, p);
		go &= _mm512_cmp_pd_mask(vu, cdf, _CMP_GE_OQ) &
		    _mm512_cmp_pd_mask(kd, cap, _CMP_LT_OQ);
	}
	_mm256_storeu_si256((__m256i *)(void *)k, _mm512_cvttpd_epu32(kd));
}

/* Returns the lanes it inverted: those of `valid` with 0 < W < 64. */
__attribute__((target("avx512f,avx512vl"))) static unsigned
binomial_lanes(const uint32_t *sw, const uint32_t *W, const double *zero,
    double q, unsigned valid_in, uint32_t *k)
{
	const __m256i w = _mm256_loadu_si256((const __m256i *)(const void *)W);
	const __mmask8 valid = (__mmask8)valid_in;
	const __mmask8 lanes = valid & _mm256_cmpgt_epu32_mask(w,
	    _mm256_setzero_si256()) & _mm256_cmplt_epu32_mask(w,
	    _mm256_set1_epi32(FW_POW_TABLE));
	const __m512d vu = uniform_lanes(sw), vn = _mm512_maskz_cvtepu32_pd(
	    lanes, w);
	const __m512d one = _mm512_set1_pd(1);
	const __m512d ratio = _mm512_set1_pd(q / (1 - q));
	__m512d prob = _mm512_mask_i32gather_pd(one, lanes, w, zero, 8);
	__m512d cdf = prob, kd = _mm512_setzero_pd();
	__mmask8 go = lanes & _mm512_cmp_pd_mask(vu, cdf, _CMP_GE_OQ) &
	    _mm512_cmp_pd_mask(kd, vn, _CMP_LT_OQ);

	while (go) {
		__m512d f = _mm512_div_pd(_mm512_mul_pd(ratio,
		    _mm512_sub_pd(vn, kd)), _mm512_add_pd(kd, one));
		prob = _mm512_mask_mul_pd(prob, go, prob, f);
		kd = _mm512_mask_add_pd(kd, go, kd, one);
		cdf = _mm512_mask_add_pd(cdf, go, cdf, prob);
		go &= _mm512_cmp_pd_mask(vu, cdf, _CMP_GE_OQ) &
		    _mm512_cmp_pd_mask(kd, vn, _CMP_LT_OQ);
	}
	_mm256_storeu_si256((__m256i *)(void *)k, _mm512_cvttpd_epu32(kd));
	return lanes;
}

/* Steps 2 to 4 of hcp_month (model.c) for eight HCPs listed in hcp, in
 * 512-bit vectors: experiences from the words r, journey friction J (a bit a
 * lane) and unfilled scripts U given, the trust each ends with in *tau.
 * Each lane does hcp_month's arithmetic for its HCP, the same products
 * and sums in the same order, so its trust is the same. Returns 0 when a
 * count is past the guide or power tables, which only hcp_month takes:
 * the caller then takes the batch one by one. */
__attribute__((target("avx512f,avx512vl"))) static inline int
trust_lanes(const step_ctx *c, const uint32_t *hcp,
    const uint32_t r[4][FW_RNG_BATCH], __mmask8 J, const uint32_t *U,
    __m512d *tau)
{
	const fw_values *v = c->v;
	const __m512d one = _mm512_set1_pd(1);
	uint32_t g[FW_RNG_BATCH], b[FW_RNG_BATCH];
	__m256i vg;
	__m512d t, gained;
	int i;

	for (i = 0; i < FW_RNG_BATCH; i++) {
		g[i] = v->helpful->guide[r[FW_W_HELPFUL][i] >> 20];
		b[i] = v->burden->guide[r[FW_W_BURDEN][i] >> 20] +
		    (J >> i & 1);
		/* FW_GUIDE_SCAN is past the power tables too */
		if (g[i] >= FW_POW_TABLE || b[i] >= FW_POW_TABLE ||
		    U[i] >= FW_POW_TABLE)
			return 0;
	}
	vg = _mm256_loadu_si256((const __m256i *)(const void *)g);
	t = _mm512_i32gather_pd(_mm256_loadu_si256((const __m256i *)
	    (const void *)hcp), c->trust_of, 8);
	gained = _mm512_sub_pd(one, _mm512_mul_pd(_mm512_sub_pd(one, t),
	    _mm512_i32gather_pd(vg, v->gain_pow, 8)));
	t = _mm512_mask_mov_pd(t, _mm256_cmpneq_epi32_mask(vg,
	    _mm256_setzero_si256()), gained);
	t = _mm512_mul_pd(t, _mm512_mul_pd(_mm512_i32gather_pd(
	    _mm256_loadu_si256((const __m256i *)(const void *)b), v->loss_pow,
	    8), _mm512_i32gather_pd(_mm256_loadu_si256((const __m256i *)
	    (const void *)U), v->loss_unfilled, 8)));
	*tau = _mm512_add_pd(t, _mm512_mul_pd(_mm512_set1_pd(c->reversion),
	    _mm512_sub_pd(_mm512_set1_pd(c->s.trust), t)));
	return 1;
}

/* p clamped to [0, 1] as pick_event clamps it. */
__attribute__((target("avx512f,avx512vl"))) static inline __m512d
clamp_lanes(__m512d p)
{
	const __m512d one = _mm512_set1_pd(1), zero = _mm512_setzero_pd();

	return _mm512_mask_mov_pd(_mm512_mask_mov_pd(p, _mm512_cmp_pd_mask(p,
	    one, _CMP_GT_OQ), one), _mm512_cmp_pd_mask(p, zero, _CMP_LT_OQ),
	    zero);
}

/* The month of eight lapsed or switched HCPs up to their move: their
 * trust and, a bit a lane, whether they are won back (pick_event with
 * its one event). Such an HCP writes no scripts and meets no journey
 * friction (the threshold of its state is 0). 0 as trust_lanes. */
__attribute__((target("avx512f,avx512vl"))) static int
defected_lanes(const step_ctx *c, const int state, const uint32_t *hcp,
    const uint32_t r[4][FW_RNG_BATCH], double *tau_out, int *to)
{
	const fw_values *v = c->v;
	const __m512d one = _mm512_set1_pd(1);
	const uint32_t none[FW_RNG_BATCH] = { 0 };
	uint32_t m[FW_RNG_BATCH];
	__m512d tau, p, stay;
	__mmask8 moved;
	int i;

	if (!trust_lanes(c, hcp, r, 0, none, &tau))
		return 0;
	for (i = 0; i < FW_RNG_BATCH; i++)
		m[i] = c->months_of[hcp[i]];
	p = clamp_lanes(_mm512_mul_pd(_mm512_mul_pd(_mm512_set1_pd(
	    c->winback[state]), tau), _mm512_i32gather_pd(_mm256_loadu_si256(
	    (const __m256i *)(const void *)m), v->winback_decay, 8)));
	stay = _mm512_mul_pd(one, _mm512_sub_pd(one, p));
	moved = _mm512_cmp_pd_mask(uniform_lanes(r[FW_W_TRANSITION]),
	    _mm512_sub_pd(one, stay), _CMP_LT_OQ);
	_mm512_storeu_pd(tau_out, tau);
	for (i = 0; i < FW_RNG_BATCH; i++)
		to[i] = moved >> i & 1 ? 0 : -1;
	return 1;
}

/* The month of eight adopters or advocates up to their move, with their
 * scripts W and F: their trust, switching chance and move (pick_event
 * with its three events, the first that happens). 0 as trust_lanes, or
 * when the switching exponent is not 2. */
__attribute__((target("avx512f,avx512vl"))) static int
prescriber_lanes(const step_ctx *c, const int state, const uint32_t *hcp,
    const uint32_t r[4][FW_RNG_BATCH], const uint32_t *W, const uint32_t *F,
    double *tau_out, double *psw_out, int *to)
{
	const fw_values *v = c->v;
	const __m512d one = _mm512_set1_pd(1), zero = _mm512_setzero_pd();
	const __m512d tau_a = _mm512_set1_pd(c->tau_a);
	uint32_t U[FW_RNG_BATCH];
	__m512d tau, base, p_sw, p0, p2, stay, V;
	__mmask8 J, e0, e1, e2;
	int i;

	if (v->g[FW_G_SWITCH_EXPONENT] != 2)
		return 0;
	J = _mm256_cmplt_epu32_mask(_mm256_loadu_si256((const __m256i *)
	    (const void *)r[FW_W_FRICTION]), _mm256_set1_epi32((int)(uint32_t)
	    (c->friction_below[state] > 0xffffffffu ? 0xffffffffu :
	    c->friction_below[state])));
	if (c->friction_below[state] > 0xffffffffu)
		J = 0xff;
	for (i = 0; i < FW_RNG_BATCH; i++)
		U[i] = W[i] - F[i];
	if (!trust_lanes(c, hcp, r, J, U, &tau))
		return 0;
	base = _mm512_sub_pd(one, tau);
	p_sw = _mm512_mul_pd(_mm512_set1_pd(v->g[FW_G_SWITCH_RATE]),
	    _mm512_mul_pd(base, base));
	p0 = _mm512_sub_pd(one, _mm512_mul_pd(_mm512_mask_mov_pd(one, J,
	    _mm512_set1_pd(c->keep_lapse)), _mm512_i32gather_pd(
	    _mm256_loadu_si256((const __m256i *)(const void *)U),
	    v->lapse_unfilled, 8)));
	if (state == FW_ADVOCATE)
		p2 = _mm512_mask_mov_pd(zero, _mm512_cmp_pd_mask(tau, tau_a,
		    _CMP_LT_OQ), one);
	else
		p2 = _mm512_maskz_mul_pd(_mm512_cmp_pd_mask(tau, tau_a,
		    _CMP_GT_OQ), _mm512_set1_pd(c->advocacy), _mm512_div_pd(
		    _mm512_sub_pd(tau, tau_a), _mm512_sub_pd(one, tau_a)));
	V = uniform_lanes(r[FW_W_TRANSITION]);
	stay = _mm512_mul_pd(one, _mm512_sub_pd(one, clamp_lanes(p0)));
	e0 = _mm512_cmp_pd_mask(V, _mm512_sub_pd(one, stay), _CMP_LT_OQ);
	stay = _mm512_mul_pd(stay, _mm512_sub_pd(one, clamp_lanes(p_sw)));
	e1 = _mm512_cmp_pd_mask(V, _mm512_sub_pd(one, stay), _CMP_LT_OQ);
	stay = _mm512_mul_pd(stay, _mm512_sub_pd(one, clamp_lanes(p2)));
	e2 = _mm512_cmp_pd_mask(V, _mm512_sub_pd(one, stay), _CMP_LT_OQ);
	_mm512_storeu_pd(tau_out, tau);
	_mm512_storeu_pd(psw_out, p_sw);
	for (i = 0; i < FW_RNG_BATCH; i++)
		to[i] = e0 >> i & 1 ? 0 : e1 >> i & 1 ? 1 : e2 >> i & 1 ? 2 :
		    -1;
	return 1;
}

const fw_lanes fwi_lanes_avx512 = {
	poisson_lanes, binomial_lanes, defected_lanes, prescriber_lanes
};
#else
const fw_lanes fwi_lanes_avx512 = { 0 };
#endif
