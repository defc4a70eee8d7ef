/* model_lanes.h - the kernels of step.h, for a processor with at least
 * AVX2: included by model_avx2.c and model_avx512.c, each with its own
 * LANES_TARGET, the target attribute of every function.
 * SPDX-License-Identifier: MIT
 *
 * Written with GCC's vector extensions (which clang reads too): a batch
 * of eight HCPs is two vectors of four doubles, each one 256-bit
 * register. Each lane does what model.c's plain code does for its HCP,
 * the same products, quotients and sums in the same order; the core is
 * built with -ffp-contract=off, so no product and sum fuse, and every
 * lane rounds exactly as the plain code. The tests run whole models on
 * every path the processor has and compare the bytes. For AVX-512 the
 * same four-lane vectors were measured as fast as kernels in 512-bit
 * intrinsics (doc/performance.md).
 */
#ifndef FW_MODEL_LANES_H
#define FW_MODEL_LANES_H

#include <math.h>
#include <string.h>

#include <immintrin.h>

#include "step.h"

typedef double lanes_d __attribute__((vector_size(32)));
typedef int64_t lanes_m __attribute__((vector_size(32)));	/* 0 or -1 */
typedef int32_t lanes_i __attribute__((vector_size(16)));

/* A batch is two vectors of four lanes: HCPs 0-3 and 4-7. */
#define HALF 4
_Static_assert(FW_RNG_BATCH == 2 * HALF, "two vectors of four lanes");

/* a where m is set, else b: one blend (by the sign bit of each lane of
 * m, which is 0 or -1) */
LANES_TARGET static inline lanes_d
pick(lanes_m m, lanes_d a, lanes_d b)
{
	return (lanes_d)_mm256_blendv_pd((__m256d)b, (__m256d)a, (__m256d)m);
}

/* x in every lane */
LANES_TARGET static inline lanes_d
splat(double x)
{
	return (lanes_d){ x, x, x, x };
}

/* The lanes set in m, a bit each. */
LANES_TARGET static inline unsigned
lane_bits(lanes_m m)
{
	return (unsigned)_mm256_movemask_pd((__m256d)m);
}

/* The mask of the lanes set in bits. */
LANES_TARGET static inline lanes_m
bits_lanes(unsigned bits)
{
	const lanes_m bit = { 1, 2, 4, 8 };

	return (((lanes_m){ 0 } + bits) & bit) != 0;
}

/* Counts below 2^31 as doubles: exact. */
LANES_TARGET static inline lanes_d
count_lanes(const uint32_t *k)
{
	lanes_i i;

	memcpy(&i, k, sizeof(i));
	return __builtin_convertvector(i, lanes_d);
}

/* fwi_u01 of four words, exactly: the word w is (w - 2^31) + 2^31,
 * both parts and the sum exact in a double, then the same sum and
 * product as fwi_u01. */
LANES_TARGET static inline lanes_d
uniform_lanes(const uint32_t *w)
{
	lanes_i i;

	memcpy(&i, w, sizeof(i));
	i ^= INT32_MIN;
	return (__builtin_convertvector(i, lanes_d) + 2147483648.0 + 0.5) *
	    (1.0 / 4294967296.0);
}

LANES_TARGET static inline lanes_d
load_lanes(const double *x)
{
	lanes_d d;

	memcpy(&d, x, sizeof(d));
	return d;
}

LANES_TARGET static inline void
store_lanes(double *x, lanes_d d)
{
	memcpy(x, &d, sizeof(d));
}

/* table[at[i]] in lane i */
LANES_TARGET static inline lanes_d
gather_lanes(const double *table, const uint32_t *at)
{
	return (lanes_d){ table[at[0]], table[at[1]], table[at[2]],
		table[at[3]] };
}

/* The counts of the lanes as integers. */
LANES_TARGET static inline void
store_counts(uint32_t *k, lanes_d kd)
{
	lanes_i i = __builtin_convertvector(kd, lanes_i);

	memcpy(k, &i, sizeof(i));
}

/* poisson_inverse for the lanes set in `lanes`: each lane does the
 * products, quotients and sums of inverting alone, and stops where it
 * would, so its count is the same; the two halves step together, and
 * the loop ends once for the batch. */
LANES_TARGET static void
poisson_lanes(const uint32_t *sw, const double *lambda, const double *p0,
    unsigned lanes, uint32_t *k)
{
	lanes_d u[2], l[2], p[2], cdf[2], kd[2];
	lanes_m go[2];
	int h;

	for (h = 0; h < 2; h++) {
		lanes_m on = bits_lanes(lanes >> (HALF * h));
		u[h] = uniform_lanes(sw + HALF * h);
		l[h] = load_lanes(lambda + HALF * h);
		p[h] = cdf[h] = pick(on, load_lanes(p0 + HALF * h), splat(0));
		kd[h] = splat(0);
		go[h] = on & (u[h] >= cdf[h]);
	}
	while (lane_bits(go[0] | go[1])) {
		for (h = 0; h < 2; h++) {
			lanes_d k1 = kd[h] + 1, p1 = p[h] * (l[h] / k1);
			kd[h] = pick(go[h], k1, kd[h]);
			p[h] = pick(go[h], p1, p[h]);
			cdf[h] = pick(go[h], cdf[h] + p[h], cdf[h]);
			go[h] &= (u[h] >= cdf[h]) &
			    (kd[h] < 4 * FW_INVERSION_MAX);
		}
	}
	for (h = 0; h < 2; h++)
		store_counts(k + HALF * h, kd[h]);
}

/* binomial_inverse for the lanes of `valid` with 0 < W < FW_POW_TABLE;
 * returns those lanes. */
LANES_TARGET static unsigned
binomial_lanes(const uint32_t *sw, const uint32_t *W, const double *zero,
    double q, unsigned valid, uint32_t *k)
{
	const double ratio = q / (1 - q);
	uint32_t at[FW_RNG_BATCH];
	lanes_d n[2], u[2], prob[2], cdf[2], kd[2];
	lanes_m on[2], go[2];
	int i, h;

	for (i = 0; i < FW_RNG_BATCH; i++)
		at[i] = W[i] < FW_POW_TABLE ? W[i] : 0;
	for (h = 0; h < 2; h++) {
		n[h] = count_lanes(W + HALF * h);
		u[h] = uniform_lanes(sw + HALF * h);
		on[h] = bits_lanes(valid >> (HALF * h)) & (n[h] > 0) &
		    (n[h] < FW_POW_TABLE);
		prob[h] = cdf[h] = gather_lanes(zero, at + HALF * h);
		kd[h] = splat(0);
		go[h] = on[h] & (u[h] >= cdf[h]) & (kd[h] < n[h]);
	}
	while (lane_bits(go[0] | go[1])) {
		for (h = 0; h < 2; h++) {
			lanes_d f = ratio * (n[h] - kd[h]) / (kd[h] + 1);
			prob[h] = pick(go[h], prob[h] * f, prob[h]);
			kd[h] = pick(go[h], kd[h] + 1, kd[h]);
			cdf[h] = pick(go[h], cdf[h] + prob[h], cdf[h]);
			go[h] &= (u[h] >= cdf[h]) & (kd[h] < n[h]);
		}
	}
	for (h = 0; h < 2; h++)
		store_counts(k + HALF * h, kd[h]);
	return lane_bits(on[0]) | lane_bits(on[1]) << HALF;
}

_Static_assert((FW_POW_TABLE & (FW_POW_TABLE - 1)) == 0,
    "counts checked against the power tables by their bits");

/* Whether every count of the batch is within the guide and power
 * tables, which only hcp_month goes past: experiences from the words r
 * into g and b (with journey friction J added), unfilled scripts U. */
static inline int
counts_in_tables(const fw_values *v, const uint32_t r[4][FW_RNG_BATCH],
    const uint32_t *J, const uint32_t *U, uint32_t *g, uint32_t *b)
{
	const uint8_t *helpful = v->helpful->guide, *burden = v->burden->guide;
	uint32_t any = 0;
	int i;

	for (i = 0; i < FW_RNG_BATCH; i++) {
		g[i] = helpful[r[FW_W_HELPFUL][i] >> 20];
		b[i] = burden[r[FW_W_BURDEN][i] >> 20] + J[i];
		/* each below FW_POW_TABLE, a power of two, when their bits
		 * together are; FW_GUIDE_SCAN is past the tables too */
		any |= g[i] | b[i] | U[i];
	}
	return any < FW_POW_TABLE;
}

/* Steps 2 to 4 of hcp_month for four HCPs with experience counts g and
 * b (journey friction included) and unfilled scripts U: the trust each
 * ends with. */
LANES_TARGET static inline lanes_d
trust_lanes(const step_ctx *c, const uint32_t *hcp, const uint32_t *g,
    const uint32_t *b, const uint32_t *U)
{
	const fw_values *v = c->v;
	lanes_d t = gather_lanes(c->trust_of, hcp), gained;

	gained = 1 - (1 - t) * gather_lanes(v->gain_pow, g);
	t = pick(count_lanes(g) != 0, gained, t);
	t = t * (gather_lanes(v->loss_pow, b) * gather_lanes(v->loss_unfilled,
	    U));
	return t + c->reversion * (c->s.trust - t);
}

/* p clamped to [0, 1] as pick_event clamps it. */
LANES_TARGET static inline lanes_d
clamp_lanes(lanes_d p)
{
	return pick(p < 0, splat(0), pick(p > 1, splat(1), p));
}

/* The month of eight lapsed or switched HCPs: their trust, whether they
 * are won back (pick_event with its one event), and their booking as
 * book_month does it, in HCP order. Such an HCP writes no scripts and
 * meets no journey friction; won back, it engages, and its month count
 * starts again. */
LANES_TARGET static int
defected_lanes(const step_ctx *c, const int state, const uint32_t *hcp,
    const uint32_t r[4][FW_RNG_BATCH], month_sums *sum)
{
	const uint32_t none[FW_RNG_BATCH] = { 0 };
	const fw_values *v = c->v;
	/* read before the stores: a byte store may alias them */
	uint8_t *state_of = c->state_of;
	double *trust_of = c->trust_of;
	uint16_t *months_of = c->months_of;
	const uint16_t *defections_of = c->defections_of;
	uint32_t m[FW_RNG_BATCH], g[FW_RNG_BATCH], b[FW_RNG_BATCH];
	double tau[FW_RNG_BATCH];
	unsigned moved = 0;
	int i, h;

	if (!counts_in_tables(v, r, none, none, g, b))
		return 0;
	for (i = 0; i < FW_RNG_BATCH; i++)
		m[i] = months_of[hcp[i]];
	for (h = 0; h < 2; h++) {
		const int at = HALF * h;
		lanes_d t = trust_lanes(c, hcp + at, g + at, b + at, none);
		lanes_d p = clamp_lanes(c->winback[state] * t *
		    gather_lanes(v->winback_decay, m + at));
		lanes_d stay = 1 * (1 - p);
		moved |= lane_bits(uniform_lanes(r[FW_W_TRANSITION] + at) <
		    1 - stay) << at;
		store_lanes(tau + at, t);
	}
	for (i = 0; i < FW_RNG_BATCH; i++) {
		const uint32_t j = hcp[i];
		if (moved >> i & 1) {
			sum->winbacks++;
			sum->reacq_cost += v->defection_cost[defections_of[j]] *
			    v->cost_growth[m[i]];
			months_of[j] = 0;
			state_of[j] = FW_ENGAGED;
		} else
			months_of[j] = (uint16_t)(m[i] + 1);
		sum->trust += tau[i];
		trust_of[j] = tau[i];
	}
	sum->count[FW_ENGAGED] += (unsigned)__builtin_popcount(moved);
	sum->count[state] += FW_RNG_BATCH - (unsigned)__builtin_popcount(moved);
	return 1;
}

/* fwi_share of four HCPs at trust tau whose states have base shares
 * sigma. */
LANES_TARGET static inline lanes_d
share_lanes(const fw_values *v, lanes_d sigma, lanes_d tau)
{
	const double w = v->g[FW_G_CX_WEIGHT];
	lanes_d share = sigma * (1 - w + w * tau) * v->share_scale;

	return pick(share < 1, share, splat(1));
}

/* The month of eight adopters or advocates, with their scripts W and F:
 * their trust, switching chance and move (pick_event with its three
 * events), and their booking as book_month does it, in HCP order, with
 * the customer value at risk (fwi_cvar) of those that stay prescribers.
 * 0 when a count is past the tables, or when the switching exponent is
 * not 2. */
LANES_TARGET static int
prescriber_lanes(const step_ctx *c, const int state, const uint32_t *hcp,
    const uint32_t r[4][FW_RNG_BATCH], const uint32_t *W, const uint32_t *F,
    month_sums *sum)
{
	const fw_values *v = c->v;
	const double tau_a = c->tau_a;
	/* where the third event leads */
	const int other = state == FW_ADOPTER ? FW_ADVOCATE : FW_ADOPTER;
	/* read before the stores: a byte store may alias them */
	uint8_t *state_of = c->state_of;
	double *trust_of = c->trust_of;
	uint16_t *months_of = c->months_of, *defections_of = c->defections_of;
	uint32_t U[FW_RNG_BATCH], J[FW_RNG_BATCH], g[FW_RNG_BATCH];
	uint32_t b[FW_RNG_BATCH];
	double tau_of[FW_RNG_BATCH], cvar[FW_RNG_BATCH];
	unsigned e0 = 0, e1 = 0, e2 = 0;
	int i, h;

	if (v->g[FW_G_SWITCH_EXPONENT] != 2)
		return 0;
	for (i = 0; i < FW_RNG_BATCH; i++) {
		U[i] = W[i] - F[i];
		J[i] = r[FW_W_FRICTION][i] < c->friction_below[state];
	}
	if (!counts_in_tables(v, r, J, U, g, b))
		return 0;
	for (h = 0; h < 2; h++) {
		const int at = HALF * h;
		lanes_d tau = trust_lanes(c, hcp + at, g + at, b + at, U + at);
		lanes_d base = 1 - tau, p_sw, p0, p2, stay, V, keep, keep4;
		lanes_m third;
		p_sw = v->g[FW_G_SWITCH_RATE] * (base * base);
		p0 = 1 - pick(count_lanes(J + at) != 0, splat(c->keep_lapse),
		    splat(1)) * gather_lanes(v->lapse_unfilled, U + at);
		if (state == FW_ADVOCATE)
			p2 = pick(tau < tau_a, splat(1), splat(0));
		else
			p2 = pick(tau > tau_a, c->advocacy * ((tau - tau_a) /
			    (1 - tau_a)), splat(0));
		V = uniform_lanes(r[FW_W_TRANSITION] + at);
		stay = 1 * (1 - clamp_lanes(p0));
		e0 |= lane_bits(V < 1 - stay) << at;
		stay = stay * (1 - clamp_lanes(p_sw));
		e1 |= lane_bits(V < 1 - stay) << at;
		stay = stay * (1 - clamp_lanes(p2));
		third = V < 1 - stay;
		e2 |= lane_bits(third) << at;
		/* fwi_cvar in the prescribing state it ends in, if it does */
		keep = 1 - p_sw;
		keep4 = keep * keep * keep * keep;
		store_lanes(cvar + at, c->s.cvar_scale * share_lanes(v,
		    pick(third, splat(v->sigma[other]), splat(v->sigma[state])),
		    tau) * (1 - keep4 * keep4 * keep4));
		store_lanes(tau_of + at, tau);
	}
	for (i = 0; i < FW_RNG_BATCH; i++) {
		const uint32_t j = hcp[i];
		unsigned m = months_of[j], d = defections_of[j];
		int next = state;
		if ((e0 | e1) >> i & 1) {
			next = e0 >> i & 1 ? FW_LAPSED : FW_SWITCHED;
			d++;
			sum->lapses += next == FW_LAPSED;
			sum->switches += next == FW_SWITCHED;
			m = 0;
		} else {
			if (e2 >> i & 1) {
				next = other;
				m = 0;
			} else
				m++;
			sum->cvar += cvar[i];
		}
		sum->written += W[i];
		sum->filled += F[i];
		sum->count[next]++;
		sum->trust += tau_of[i];
		trust_of[j] = tau_of[i];
		months_of[j] = (uint16_t)m;
		defections_of[j] = (uint16_t)d;
		state_of[j] = (uint8_t)next;
	}
	return 1;
}

/* The scripts of eight prescribers, from their trust to their counts:
 * the means of step_state (c->s.scripts times fwi_share), then
 * draw_scripts's inversions. */
LANES_TARGET static int
scripts_lanes(const step_ctx *c, const int state, const uint32_t *hcp,
    const uint32_t sw[4][FW_RNG_BATCH], uint32_t *W, uint32_t *F)
{
	const fw_values *v = c->v;
	const double fa = v->g[FW_G_F_ACCESS];
	double lambda[FW_RNG_BATCH], p0[FW_RNG_BATCH];
	uint32_t small[FW_RNG_BATCH], any = 0;
	unsigned inverted = 0;
	int i, h;

	if (fa == 0 || fa == 1)
		return 0;
	for (h = 0; h < 2; h++) {
		lanes_d mean = c->s.scripts * share_lanes(v,
		    splat(v->sigma[state]), gather_lanes(c->trust_of,
		    hcp + HALF * h));
		inverted |= lane_bits(mean < FW_INVERSION_MAX) << (HALF * h);
		store_lanes(lambda + HALF * h, mean);
	}
	if (inverted != (1u << FW_RNG_BATCH) - 1)
		return 0;
	for (i = 0; i < FW_RNG_BATCH; i++)
		p0[i] = exp(-lambda[i]);
	poisson_lanes(sw[FW_W_SCRIPTS], lambda, p0, inverted, W);
	for (i = 0; i < FW_RNG_BATCH; i++)
		any |= W[i];
	if (any >= FW_POW_TABLE)
		return 0;
	/* a lane with W = 0 counts 0 */
	binomial_lanes(sw[FW_W_FILL], W, v->binom_zero, v->fill_small,
	    inverted, small);
	for (i = 0; i < FW_RNG_BATCH; i++)
		F[i] = fa <= 0.5 ? W[i] - small[i] : small[i];
	return 1;
}

#define LANES_TABLE { poisson_lanes, binomial_lanes, defected_lanes, \
	prescriber_lanes, scripts_lanes }

#endif
