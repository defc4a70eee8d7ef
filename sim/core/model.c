/* model.c - the flywheel/1 model: one replication, month by month.
 * SPDX-License-Identifier: MIT
 *
 * The step order is MODEL.md §5 and must stay so:
 *   1. patients age and drop out (from the second simulated month on),
 *      one binomial per bucket;
 *   2. every HCP, in any order, reading only last month's advocate counts:
 *      scripts, experiences, journey friction, trust, one move decided by
 *      one uniform over the state's ordered competing events;
 *   3. filled scripts join as new patients; advocates are recounted;
 *   4. money and metrics of the month (§6).
 * A replication with a warm-up of W months (§7a) first runs the baseline
 * through warm-up months k = 1..W from the starting state of §3, booking
 * nothing; the state it ends in is where horizon month 1 of the baseline
 * and of every variant starts. Warm-up month k draws with month index k,
 * horizon month t with W + t. Without a warm-up each variant starts from
 * §3 built with its own month-1 values. In every horizon month the values
 * in force are the schedule's (schedule.c): the baseline's before the
 * variant's start month, its own after its ramp, a blend during it.
 * Every draw comes from the stream its name gives (rng.c), so neither the
 * order of HCPs nor the thread changes a number.
 */
#include "config.h"

#include <limits.h>
#include <math.h>
#include <string.h>

#include <gsl/gsl_randist.h>

#include "model.h"
#include "order.h"

const char *const fwi_monthly_names[FW_NMONTHLY] = {
	"unaware", "engaged", "trial", "adopter", "advocate", "lapsed",
	"switched", "patients", "revenue", "cash", "scripts_written",
	"scripts_filled", "scripts_unfilled", "gap_value",
	"customer_value_at_risk", "reacq_cost", "winbacks", "lapses",
	"switches", "mean_trust", "channel_cost", "program_cost", "gap_rate"
};

const char *const fwi_total_names[FW_NTOTAL] = {
	"npv", "revenue", "cash", "scripts_written", "scripts_filled",
	"scripts_unfilled", "gap_value", "customer_value_at_risk",
	"reacq_cost", "winbacks",
	"lapses", "switches", "unaware", "engaged", "trial", "adopter",
	"advocate", "lapsed", "switched", "patients", "mean_trust",
	"channel_cost", "program_cost", "spend_pv", "gap_rate"
};

/* Means at or above this are drawn by GSL rather than by inversion. */
#define FW_INVERSION_MAX 64

/* Power of keep from a table for small whole n. */
static inline double
table_pow(const double *table, unsigned n, double keep, double scale)
{
	return n < FW_POW_TABLE ? table[n] : pow(keep, scale * n);
}

uint32_t
fwi_table_count(const double *cdf, int n, double u)
{
	int lo = 0, hi = n - 1;

	while (lo < hi) {
		int mid = (lo + hi) / 2;
		if (u >= cdf[mid])
			lo = mid + 1;
		else
			hi = mid;
	}
	return (uint32_t)lo;
}

/* The count a word w gives by inversion: one lookup in the guide table,
 * which holds the answer for all but a few of the 4096 ranges of w. */
static inline uint32_t
guided_count(const fw_count_table *t, uint32_t w)
{
	uint32_t k = t->guide[w >> 20];

	return k != FW_GUIDE_SCAN ? k : fwi_table_count(t->cdf, t->n,
	    fwi_u01(w));
}

/* Poisson(lambda) by inversion of one uniform. */
static inline uint32_t
poisson_inverse(double u, double lambda)
{
	double p = exp(-lambda), cdf = p;
	uint32_t k = 0;

	while (u >= cdf && k < 4 * FW_INVERSION_MAX) {
		k++;
		p *= lambda / k;
		cdf += p;
	}
	return k;
}

/* Binomial(n, p) by inversion, p <= 1/2, with p0 = (1-p)^n given. */
static inline uint32_t
binomial_inverse(double u, uint32_t n, double p, double p0)
{
	double ratio = p / (1 - p), prob = p0, cdf = p0;
	uint32_t k = 0;

	while (u >= cdf && k < n) {
		prob *= ratio * (double)(n - k) / (double)(k + 1);
		k++;
		cdf += prob;
	}
	return k;
}

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
    __mmask8 lanes, uint32_t *k)
{
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
    double q, __mmask8 valid, uint32_t *k)
{
	const __m256i w = _mm256_loadu_si256((const __m256i *)(const void *)W);
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
#endif

/* Scripts written W and filled F by a batch of n <= FW_RNG_BATCH
 * prescribing HCPs (MODEL.md §5.2.1), from the words sw of their SCRIPTS
 * blocks and their means lambda: W ~ Poisson(lambda), F ~ Binomial(W,
 * f_access), each by inversion of one uniform, or by GSL from a stream
 * of its own when the mean or W is too large. On the AVX-512 path the
 * inversions of the batch run side by side (poisson_lanes), else one
 * HCP at a time: the same counts. */
static void
draw_scripts(fw_work *w, const fw_values *v, uint64_t seed, uint32_t rep,
    uint32_t seg, const uint32_t *hcp, uint32_t month, int n, int wide,
    const uint32_t sw[4][FW_RNG_BATCH], const double *lambda, uint32_t *W,
    uint32_t *F)
{
	const double fa = v->g[FW_G_F_ACCESS], q = v->fill_small;
	uint32_t k[FW_RNG_BATCH];
	double p0[FW_RNG_BATCH];
	unsigned lanes = 0;
	int b;

	for (b = 0; b < n; b++)
		if (lambda[b] < FW_INVERSION_MAX)
			lanes |= 1u << b;
#if defined(__x86_64__) && defined(__GNUC__)
	if (wide) {
		for (b = 0; b < n; b++)
			if (lanes >> b & 1)
				p0[b] = exp(-lambda[b]);
		poisson_lanes(sw[FW_W_SCRIPTS], lambda, p0, (__mmask8)lanes,
		    W);
	}
#endif
	for (b = 0; b < n; b++) {
		if (!(lanes >> b & 1)) {
			fwi_stream_seek(w->stream, seed, rep,
			    FW_P_SCRIPTS_MORE, seg, hcp[b], month);
			W[b] = gsl_ran_poisson(w->stream, lambda[b]);
		} else if (!wide)
			W[b] = poisson_inverse(fwi_u01(sw[FW_W_SCRIPTS][b]),
			    lambda[b]);
	}
	if (fa == 0 || fa == 1) {
		for (b = 0; b < n; b++)
			F[b] = fa == 1 ? 0 : W[b];
		return;
	}
	/* Inverted on the less likely side of the fill: the unfilled when
	 * access <= 1/2. */
	lanes = 0;
#if defined(__x86_64__) && defined(__GNUC__)
	if (wide)
		lanes = binomial_lanes(sw[FW_W_FILL], W, v->binom_zero, q,
		    (__mmask8)((1u << n) - 1), k);
#endif
	for (b = 0; b < n; b++) {
		uint32_t small;
		if (W[b] == 0) {
			F[b] = 0;
			continue;
		}
		if (W[b] >= FW_POW_TABLE) {
			fwi_stream_seek(w->stream, seed, rep, FW_P_FILL_MORE,
			    seg, hcp[b], month);
			small = gsl_ran_binomial(w->stream, q, W[b]);
		} else
			small = lanes >> b & 1 ? k[b] : binomial_inverse(
			    fwi_u01(sw[FW_W_FILL][b]), W[b], q,
			    v->binom_zero[W[b]]);
		F[b] = fa <= 0.5 ? W[b] - small : small;
	}
}

/* Draws Binomial(n, p) for patients from the named stream. */
static double
patient_binomial(fw_work *w, uint64_t seed, uint32_t rep, uint32_t seg,
    uint32_t bucket, uint32_t month, double n, double p)
{
	double drawn = 0;

	if (n <= 0 || p <= 0)
		return 0;
	if (p >= 1)
		return n;
	fwi_stream_seek(w->stream, seed, rep, FW_P_PATIENTS, seg, bucket, month);
	/* GSL draws at most INT_MAX trials at once; a larger cohort (a big
	 * market over a long horizon) is drawn in parts. */
	for (; n > INT_MAX; n -= INT_MAX)
		drawn += gsl_ran_binomial(w->stream, p, INT_MAX);
	return drawn + gsl_ran_binomial(w->stream, p, (unsigned int)n);
}

/* MODEL.md §5.1: early buckets age by one month or drop out with q_e;
 * the last early bucket joins the pool, which drops out with q_l. */
void
fwi_age_patients(fw_work *w, const fw_values *v, uint64_t seed,
    uint32_t rep, uint32_t seg, uint32_t month)
{
	fw_cohort *c = &w->market.cohort[seg];
	uint32_t early = (uint32_t)v->g[FW_G_EARLY_MONTHS];
	int nb = v->early_buckets, a;
	double pool;

	/* A variant that shortens the early months makes the patients past
	 * them established: they join the pool. */
	for (a = nb; a < c->nbuckets; a++) {
		c->pool += c->bucket[a];
		c->bucket[a] = 0;
	}
	c->nbuckets = nb;

	pool = patient_binomial(w, seed, rep, seg, early, month, c->pool,
	    1 - v->q_late);
	if ((uint32_t)nb == early)
		pool += patient_binomial(w, seed, rep, seg, early - 1, month,
		    c->bucket[nb - 1], 1 - v->q_early);
	for (a = nb - 1; a >= 1; a--)
		c->bucket[a] = patient_binomial(w, seed, rep, seg,
		    (uint32_t)a - 1, month, c->bucket[a - 1], 1 - v->q_early);
	c->bucket[0] = 0;
	c->pool = pool;
}

/* MODEL.md §3 with the values v of the first simulated month: HCP j of a
 * segment of n takes the first state k with j < floor(n (pi_1 + ... +
 * pi_k) + 0.5). The fractions sum to 1 within 1e-9, so the last boundary
 * is n itself. An HCP that starts lapsed or switched has defected once.
 * The established pool holds the patients already on therapy. */
static void
init_segment(fw_work *w, const fw_values *v, const fw_segment *cfg,
    uint32_t seg)
{
	const fw_seg_values *s = &v->seg[seg];
	fw_market *mk = &w->market;
	double cum = 0;
	uint32_t j = 0, bound;
	int k;

	for (k = 0; k < FW_NSTATE; k++) {
		cum += cfg->initial[k];
		bound = k == FW_NSTATE - 1 ? s->hcps :
		    (uint32_t)fmin(s->hcps, floor(s->hcps * cum + 0.5));
		if (k == FW_ADVOCATE)
			mk->advocates[seg] = bound > j ? bound - j : 0;
		for (; j < bound; j++) {
			mk->hcps.state[s->first + j] = (uint8_t)k;
			mk->hcps.trust[s->first + j] = s->trust;
			mk->hcps.months[s->first + j] = 0;
			mk->hcps.defections[s->first + j] = k >= FW_LAPSED;
		}
	}
	mk->cohort[seg].pool = s->patients;
	mk->cohort[seg].nbuckets = v->early_buckets;
	memset(mk->cohort[seg].bucket, 0, (size_t)w->buckets * sizeof(double));
}

static void
init_market(fw_work *w, const fw_values *v, const fw_config *c)
{
	uint32_t seg;

	for (seg = 0; seg < v->nseg; seg++)
		init_segment(w, v, &c->seg[seg], seg);
}

/* Copies the state of every HCP and patient of src into dst. */
static void
market_copy(fw_market *dst, const fw_market *src, const fw_work *w)
{
	const size_t n = w->base.total_hcps;
	size_t seg;

	memcpy(dst->hcps.state, src->hcps.state, n);
	memcpy(dst->hcps.months, src->hcps.months, n * sizeof(uint16_t));
	memcpy(dst->hcps.defections, src->hcps.defections,
	    n * sizeof(uint16_t));
	memcpy(dst->hcps.trust, src->hcps.trust, n * sizeof(double));
	memcpy(dst->advocates, src->advocates,
	    w->base.nseg * sizeof(uint32_t));
	for (seg = 0; seg < w->base.nseg; seg++) {
		memcpy(dst->cohort[seg].bucket, src->cohort[seg].bucket,
		    (size_t)w->buckets * sizeof(double));
		dst->cohort[seg].nbuckets = src->cohort[seg].nbuckets;
		dst->cohort[seg].pool = src->cohort[seg].pool;
	}
}

void
fwi_market_save(fw_work *w)
{
	market_copy(&w->warmed, &w->market, w);
}

void
fwi_market_restore(fw_work *w)
{
	market_copy(&w->market, &w->warmed, w);
}

/* What one segment's HCPs did in one month. */
typedef struct month_sums {
	uint64_t written, filled, winbacks, lapses, switches;
	uint64_t count[FW_NSTATE];
	double reacq_cost, cvar, trust;
	uint32_t advocates;
} month_sums;

/* Picks among ordered competing events (MODEL.md §5.2.5): event i happens
 * when P_{i-1} <= V < P_i with P_i = 1 - prod_{j<=i} (1 - p_j). Returns
 * the event's index, or -1 when the HCP stays. */
static inline int
pick_event(double V, const double *p, int n)
{
	double stay = 1;
	int i;

	for (i = 0; i < n; i++) {
		double pi = p[i] < 0 ? 0 : p[i] > 1 ? 1 : p[i];
		stay *= 1 - pi;
		if (V < 1 - stay)
			return i;
	}
	return -1;
}

static const uint8_t next_state[FW_NSTATE][3] = {
	[FW_UNAWARE] = { FW_ENGAGED },
	[FW_ENGAGED] = { FW_TRIAL, FW_UNAWARE },
	[FW_TRIAL] = { FW_LAPSED, FW_ADOPTER },
	[FW_ADOPTER] = { FW_LAPSED, FW_SWITCHED, FW_ADVOCATE },
	[FW_ADVOCATE] = { FW_LAPSED, FW_SWITCHED, FW_ADOPTER },
	[FW_LAPSED] = { FW_ENGAGED },
	[FW_SWITCHED] = { FW_ENGAGED },
};

/* What every HCP of one segment reads in one month, copied out of the
 * workspace so that the byte-sized state stores do not force the
 * compiler to reload it for every HCP. */
typedef struct step_ctx {
	fw_work *w;
	const fw_values *v;
	philox4x32_key_t key;
	uint64_t seed;
	uint32_t rep, seg, month;
	fw_seg_values s;
	uint8_t *state_of;
	double *trust_of;
	uint16_t *months_of, *defections_of;
	double u, keep_gain, keep_loss, keep_abandon, keep_lapse;
	double abandon_base, reversion, tau_a, onboarding, trial_rate;
	double disengage, advocacy, p_engage;
	double winback[FW_NSTATE], stage_friction[FW_NSTATE];
	/* Thresholds of the draws whose probability is fixed for the month
	 * (fwi_u01_threshold): journey friction by state, and an unaware
	 * HCP's only event, engaging, whose chance is 1 - (1 - p_engage)
	 * as pick_event works it out. */
	uint64_t friction_below[FW_NSTATE], engage_below;
	enum fw_rng_path path;	/* of the random blocks: AVX-512 code too */
} step_ctx;

/* The end of HCP j's month in state `state`: the move to (an index of
 * next_state, or -1 to stay), the trust tau it ends with, its switching
 * chance p_sw if worked out (else -1), its scripts W and F; books them in
 * sum and stores the HCP's new state. */
static inline __attribute__((always_inline)) void
book_month(const step_ctx *c, const int state, uint32_t j, int to,
    double tau, double p_sw, uint32_t W, uint32_t F, month_sums *sum)
{
	const fw_values *v = c->v;
	unsigned m = c->months_of[j], d = c->defections_of[j];
	int next = state;

	if (to >= 0) {
		next = next_state[state][to];
		if (next == FW_LAPSED || next == FW_SWITCHED) {
			d++;
			sum->lapses += next == FW_LAPSED;
			sum->switches += next == FW_SWITCHED;
		} else if (state >= FW_LAPSED) {
			sum->winbacks++;
			sum->reacq_cost += v->defection_cost[d] *
			    v->cost_growth[m];
		}
		m = 0;
	} else {
		m++;	/* at most 1200: 600 months of warm-up and of horizon */
	}
	/* End of month: customer value at risk of prescribers (MODEL §6). */
	if (next >= FW_TRIAL && next <= FW_ADVOCATE)
		sum->cvar += fwi_cvar(v, &c->s, next, tau, p_sw >= 0 ? p_sw :
		    fwi_switch_p(v, tau));
	sum->written += W;
	sum->filled += F;
	sum->count[next]++;
	sum->trust += tau;
	c->state_of[j] = (uint8_t)next;
	c->trust_of[j] = tau;
	c->months_of[j] = (uint16_t)m;
	c->defections_of[j] = (uint16_t)d;
}

/* One month of HCP j, in state `state` (MODEL.md §5.2). Inlined once per
 * state, so each state's loop carries only its own branches. */
static inline __attribute__((always_inline)) void
hcp_month(const step_ctx *c, const int state, uint32_t j,
    const uint32_t r[4], uint32_t W, uint32_t F, month_sums *sum)
{
	const fw_values *v = c->v;
	double tau = c->trust_of[j], p[3] = { 0, 0, 0 }, p_sw = -1, gained;
	unsigned m = c->months_of[j];
	uint32_t U, G, B, J;
	int to;

	/* 1. scripts, W written and F filled, drawn for the batch */
	U = W - F;
	/* 2. experiences, 3. journey friction */
	G = guided_count(v->helpful, r[FW_W_HELPFUL]);
	B = guided_count(v->burden, r[FW_W_BURDEN]);
	J = r[FW_W_FRICTION] < c->friction_below[state];
	/* 4. trust: gains, then losses, then reversion; selects rather
	 * than branches, since G is random. A zero exponent multiplies by
	 * exactly 1. */
	gained = 1 - (1 - tau) * table_pow(v->gain_pow, G, c->keep_gain, 1);
	tau = G > 0 ? gained : tau;
	tau *= table_pow(v->loss_pow, B + J, c->keep_loss, 1) *
	    table_pow(v->loss_unfilled, U, c->keep_loss, c->u);
	tau += c->reversion * (c->s.trust - tau);
	/* 5. one move among the state's competing events; the friction
	 * exponent is e = J + u U */
	switch (state) {
	case FW_UNAWARE:	/* engage_below */
		break;
	case FW_ENGAGED:
		p[0] = c->trial_rate * tau * (1 - J);
		p[1] = c->disengage * (1 - tau);
		break;
	case FW_TRIAL:
		p[0] = 1 - (J ? c->keep_abandon : 1) *
		    table_pow(v->abandon_unfilled, U, c->keep_abandon, c->u) *
		    (1 - c->abandon_base * (1 - tau));
		p[1] = m + 1 >= c->onboarding ? 1 : 0;
		break;
	case FW_ADOPTER:
	case FW_ADVOCATE:
		p_sw = fwi_switch_p(v, tau);
		p[0] = 1 - (J ? c->keep_lapse : 1) *
		    table_pow(v->lapse_unfilled, U, c->keep_lapse, c->u);
		p[1] = p_sw;
		p[2] = state == FW_ADVOCATE ? tau < c->tau_a :
		    tau > c->tau_a ? c->advocacy * ((tau - c->tau_a) /
		    (1 - c->tau_a)) : 0;
		break;
	default:	/* lapsed, switched */
		p[0] = c->winback[state] * tau * v->winback_decay[m];
		break;
	}
	if (state == FW_UNAWARE)
		to = r[FW_W_TRANSITION] < c->engage_below ? 0 : -1;
	else
		to = pick_event(fwi_u01(r[FW_W_TRANSITION]), p,
		    state >= FW_LAPSED ? 1 : state <= FW_TRIAL ? 2 : 3);
	book_month(c, state, j, to, tau, p_sw, W, F, sum);
}

#if defined(__x86_64__) && defined(__GNUC__)
/* Steps 2 to 4 of hcp_month for eight HCPs listed in hcp, in 512-bit
 * vectors: experiences from the words r, journey friction J (a bit a
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
#endif

/* The HCPs of one state, listed in idx: their HCP_MONTH blocks and, for
 * prescribers, their SCRIPTS blocks and scripts a batch at a time, then
 * their months: on the AVX-512 path a whole batch of lapsed, switched,
 * adopting or advocating HCPs in vector lanes up to their moves, else
 * one by one; booked one by one in HCP order either way. */
static inline __attribute__((always_inline)) void
step_state(const step_ctx *c, const int state, const uint32_t *idx,
    uint32_t n, month_sums *sum)
{
	const int prescribes = state >= FW_TRIAL && state <= FW_ADVOCATE;
	const philox4x32_ctr_t hm = fwi_rng_ctr(c->rep, FW_P_HCP_MONTH, c->seg,
	    0, c->month, 0);
	const philox4x32_ctr_t sc = fwi_rng_ctr(c->rep, FW_P_SCRIPTS, c->seg,
	    0, c->month, 0);
	uint32_t words[4][FW_RNG_BATCH], sw[4][FW_RNG_BATCH];
	uint32_t W[FW_RNG_BATCH] = { 0 }, F[FW_RNG_BATCH] = { 0 }, i0;
	double lambda[FW_RNG_BATCH], tau[FW_RNG_BATCH], p_sw[FW_RNG_BATCH];
	int b, to[FW_RNG_BATCH];

	for (i0 = 0; i0 < n; i0 += FW_RNG_BATCH) {
		int m = n - i0 < FW_RNG_BATCH ? (int)(n - i0) : FW_RNG_BATCH;
		fwi_rng_blocks(c->key, hm, idx + i0, m, words);
		if (prescribes) {
			fwi_rng_blocks(c->key, sc, idx + i0, m, sw);
			for (b = 0; b < FW_RNG_BATCH; b++)
				lambda[b] = b < m ? c->s.scripts * fwi_share(c->v,
				    state, c->trust_of[idx[i0 + (uint32_t)b]]) : 0;
			draw_scripts(c->w, c->v, c->seed, c->rep, c->seg,
			    idx + i0, c->month, m, c->path == FW_RNG_AVX512,
			    sw, lambda, W, F);
		}
#if defined(__x86_64__) && defined(__GNUC__)
		if (m == FW_RNG_BATCH && c->path == FW_RNG_AVX512 &&
		    (state >= FW_LAPSED ? defected_lanes(c, state, idx + i0,
		    words, tau, to) : state >= FW_ADOPTER ? prescriber_lanes(c,
		    state, idx + i0, words, W, F, tau, p_sw, to) : 0)) {
			for (b = 0; b < m; b++)
				book_month(c, state, idx[i0 + (uint32_t)b],
				    to[b], tau[b], state >= FW_LAPSED ? -1 :
				    p_sw[b], W[b], F[b], sum);
			continue;
		}
#endif
		for (b = 0; b < m; b++) {
			const uint32_t r[4] = { words[0][b], words[1][b],
				words[2][b], words[3][b] };
			hcp_month(c, state, idx[i0 + (uint32_t)b], r, W[b], F[b],
			    sum);
		}
	}
}

/* One month of the HCPs of segment seg (MODEL.md §5.2). Every HCP's month
 * depends only on its own state and draws, so they are taken state by
 * state, in HCP order within a state: each state's loop then runs one
 * path of code, and the processor predicts its branches. */
static void
step_segment(fw_work *w, const fw_values *v, philox4x32_key_t key,
    uint64_t seed, uint32_t rep, uint32_t seg, uint32_t month,
    month_sums *out)
{
	fw_hcps *h = &w->market.hcps;
	step_ctx c = {
		.w = w, .v = v, .key = key, .seed = seed, .rep = rep,
		.seg = seg, .month = month, .s = v->seg[seg],
		.state_of = h->state + v->seg[seg].first,
		.trust_of = h->trust + v->seg[seg].first,
		.months_of = h->months + v->seg[seg].first,
		.defections_of = h->defections + v->seg[seg].first,
		.u = v->g[FW_G_UNFILLED_WEIGHT],
		.keep_gain = 1 - v->g[FW_G_TRUST_GAIN],
		.keep_loss = 1 - v->g[FW_G_TRUST_LOSS],
		.keep_abandon = 1 - v->g[FW_G_ABANDON_PER_FRICTION],
		.keep_lapse = 1 - v->g[FW_G_LAPSE_PER_FRICTION],
		.abandon_base = v->g[FW_G_ABANDON_BASE],
		.reversion = v->g[FW_G_TRUST_REVERSION],
		.tau_a = v->g[FW_G_ADVOCACY_TRUST],
		.onboarding = v->g[FW_G_ONBOARDING_MONTHS],
		.trial_rate = v->g[FW_G_TRIAL_RATE],
		.disengage = v->g[FW_G_DISENGAGE_RATE],
		.advocacy = v->g[FW_G_ADVOCACY_RATE],
		.winback = { [FW_LAPSED] = v->g[FW_G_WINBACK_LAPSED],
		    [FW_SWITCHED] = v->g[FW_G_WINBACK_SWITCHED] },
		.stage_friction = { [FW_ENGAGED] = v->g[FW_G_F_PRESCRIBE],
		    [FW_TRIAL] = v->g[FW_G_F_ONBOARDING],
		    [FW_ADOPTER] = v->g[FW_G_F_CONTINUITY],
		    [FW_ADVOCATE] = v->g[FW_G_F_CONTINUITY] },
	};
	uint32_t start[FW_NSTATE + 1];
	uint32_t *idx = w->order;
	month_sums sum;
	int k;

	c.p_engage = 1 - exp(-(v->rho + v->g[FW_G_REFERRAL] *
	    (c.s.hcps > 0 ? (double)w->market.advocates[seg] / c.s.hcps :
	    0)));
	c.engage_below = fwi_u01_threshold(1 - (1 - (c.p_engage < 0 ? 0 :
	    c.p_engage > 1 ? 1 : c.p_engage)));
	for (k = 0; k < FW_NSTATE; k++)
		c.friction_below[k] = fwi_u01_threshold(c.stage_friction[k]);
	c.path = fwi_rng_path();
	fwi_order_by_state(c.path, c.state_of, c.s.hcps, idx, start);
	memset(&sum, 0, sizeof(sum));
	step_state(&c, FW_UNAWARE, idx + start[0], start[1] - start[0], &sum);
	step_state(&c, FW_ENGAGED, idx + start[1], start[2] - start[1], &sum);
	step_state(&c, FW_TRIAL, idx + start[2], start[3] - start[2], &sum);
	step_state(&c, FW_ADOPTER, idx + start[3], start[4] - start[3], &sum);
	step_state(&c, FW_ADVOCATE, idx + start[4], start[5] - start[4], &sum);
	step_state(&c, FW_LAPSED, idx + start[5], start[6] - start[5], &sum);
	step_state(&c, FW_SWITCHED, idx + start[6], start[7] - start[6], &sum);
	sum.advocates = (uint32_t)sum.count[FW_ADVOCATE];
	*out = sum;
}

/* The monthly metrics that add up over HCPs and patients, and the mean
 * trust and gap rate that follow from them, of one segment or of the
 * whole market (MODEL.md §6). */
static void
sums_row(const fw_values *v, const month_sums *s, double patients,
    uint32_t hcps, double *row)
{
	int k;

	for (k = 0; k < FW_NSTATE; k++)
		row[FW_M_UNAWARE + k] = (double)s->count[k];
	row[FW_M_PATIENTS] = patients;
	row[FW_M_REVENUE] = patients * v->g[FW_G_PRICE];
	row[FW_M_SCRIPTS_WRITTEN] = (double)s->written;
	row[FW_M_SCRIPTS_FILLED] = (double)s->filled;
	row[FW_M_SCRIPTS_UNFILLED] = (double)(s->written - s->filled);
	row[FW_M_GAP_VALUE] = row[FW_M_SCRIPTS_UNFILLED] * v->patient_value;
	row[FW_M_CVAR] = s->cvar;
	row[FW_M_REACQ_COST] = s->reacq_cost;
	row[FW_M_WINBACKS] = (double)s->winbacks;
	row[FW_M_LAPSES] = (double)s->lapses;
	row[FW_M_SWITCHES] = (double)s->switches;
	row[FW_M_MEAN_TRUST] = hcps > 0 ? s->trust / hcps : 0;
	/* No scripts written, none unfilled: a rate of 0. */
	row[FW_M_GAP_RATE] = s->written > 0 ?
	    row[FW_M_SCRIPTS_UNFILLED] / row[FW_M_SCRIPTS_WRITTEN] : 0;
}

/* MODEL.md §5 for one month of every segment, with the month's values v
 * and draws of month index `month` (counted from the first simulated
 * month): the segments' sums go to all, the patients on therapy at the
 * end of the month to *patients, and, when seg_rows is not NULL, each
 * segment's own metrics to its row of seg_rows. */
static void
simulate_month(fw_work *w, const fw_values *v, philox4x32_key_t key,
    uint64_t seed, uint32_t rep, uint32_t month, month_sums *all,
    double *patients, double *seg_rows)
{
	uint32_t seg;
	int a, k;

	memset(all, 0, sizeof(*all));
	*patients = 0;
	for (seg = 0; seg < v->nseg; seg++) {
		fw_cohort *cohort = &w->market.cohort[seg];
		month_sums s;
		memset(&s, 0, sizeof(s));
		if (month >= 2)
			fwi_age_patients(w, v, seed, rep, seg, month);
		step_segment(w, v, key, seed, rep, seg, month, &s);
		cohort->bucket[0] += (double)s.filled;
		w->market.advocates[seg] = s.advocates;
		*patients += cohort->pool;
		for (a = 0; a < v->early_buckets; a++)
			*patients += cohort->bucket[a];
		if (seg_rows != NULL) {
			double *row = &seg_rows[seg * FW_NMONTHLY], own;
			for (own = cohort->pool, a = 0; a < v->early_buckets;
			    a++)
				own += cohort->bucket[a];
			sums_row(v, &s, own, v->seg[seg].hcps, row);
			row[FW_M_CASH] = row[FW_M_CHANNEL_COST] =
			    row[FW_M_PROGRAM_COST] = NAN;
		}
		all->written += s.written;
		all->filled += s.filled;
		all->winbacks += s.winbacks;
		all->lapses += s.lapses;
		all->switches += s.switches;
		all->reacq_cost += s.reacq_cost;
		all->cvar += s.cvar;
		all->trust += s.trust;
		for (k = 0; k < FW_NSTATE; k++)
			all->count[k] += s.count[k];
	}
}

void
fwi_warm_up(fw_work *w, const fw_config *c0, uint64_t seed, uint32_t rep)
{
	const philox4x32_key_t key = fwi_rng_key(seed);
	month_sums all;
	double patients;
	int k;

	init_market(w, &w->base, c0);
	for (k = 1; k <= w->warmup; k++)
		simulate_month(w, &w->base, key, seed, rep, (uint32_t)k, &all,
		    &patients, NULL);
}

int
fwi_simulate(fw_work *w, const fw_config *c, const fw_schedule *s,
    const fw_values *own, uint64_t seed, uint32_t rep,
    double totals[FW_NTOTAL])
{
	const philox4x32_key_t key = fwi_rng_key(seed);
	int t, k;

	memset(totals, 0, FW_NTOTAL * sizeof(double));
	for (t = 1; t <= w->horizon; t++) {
		const fw_values *v = fwi_schedule_values(w, s, own, t);
		double *row = &w->month[(size_t)(t - 1) * FW_NMONTHLY];
		month_sums all;
		double patients;

		if (v == NULL)
			return FW_ENOMEM;
		if (t == 1 && w->warmup == 0)
			init_market(w, v, c);
		simulate_month(w, v, key, seed, rep, (uint32_t)(w->warmup + t),
		    &all, &patients, w->seg_month == NULL ? NULL :
		    &w->seg_month[(size_t)(t - 1) * w->nseg_cap * FW_NMONTHLY]);
		sums_row(v, &all, patients, v->total_hcps, row);
		row[FW_M_CHANNEL_COST] = v->channel_cost;
		row[FW_M_PROGRAM_COST] = fwi_schedule_program_cost(s, &w->base,
		    own, t);
		row[FW_M_CASH] = v->g[FW_G_GROSS_MARGIN] * row[FW_M_REVENUE] -
		    row[FW_M_CHANNEL_COST] - row[FW_M_PROGRAM_COST] -
		    row[FW_M_REACQ_COST];
		totals[FW_T_NPV] += pow(v->monthly_discount, t) *
		    row[FW_M_CASH];
		totals[FW_T_SPEND_PV] += pow(v->monthly_discount, t) *
		    (row[FW_M_CHANNEL_COST] + row[FW_M_PROGRAM_COST]);
		totals[FW_T_CHANNEL_COST] += row[FW_M_CHANNEL_COST];
		totals[FW_T_PROGRAM_COST] += row[FW_M_PROGRAM_COST];
		totals[FW_T_REVENUE] += row[FW_M_REVENUE];
		totals[FW_T_CASH] += row[FW_M_CASH];
		totals[FW_T_SCRIPTS_WRITTEN] += row[FW_M_SCRIPTS_WRITTEN];
		totals[FW_T_SCRIPTS_FILLED] += row[FW_M_SCRIPTS_FILLED];
		totals[FW_T_SCRIPTS_UNFILLED] += row[FW_M_SCRIPTS_UNFILLED];
		totals[FW_T_GAP_VALUE] += row[FW_M_GAP_VALUE];
		totals[FW_T_REACQ_COST] += row[FW_M_REACQ_COST];
		totals[FW_T_WINBACKS] += row[FW_M_WINBACKS];
		totals[FW_T_LAPSES] += row[FW_M_LAPSES];
		totals[FW_T_SWITCHES] += row[FW_M_SWITCHES];
		if (t == w->horizon) {
			totals[FW_T_CVAR] = row[FW_M_CVAR];
			for (k = 0; k < FW_NSTATE; k++)
				totals[FW_T_UNAWARE + k] = row[FW_M_UNAWARE + k];
			totals[FW_T_PATIENTS] = patients;
			totals[FW_T_MEAN_TRUST] = row[FW_M_MEAN_TRUST];
		}
	}
	totals[FW_T_GAP_RATE] = totals[FW_T_SCRIPTS_WRITTEN] > 0 ?
	    totals[FW_T_SCRIPTS_UNFILLED] / totals[FW_T_SCRIPTS_WRITTEN] : 0;
	return FW_OK;
}
