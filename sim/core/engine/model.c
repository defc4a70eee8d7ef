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
 * and of every variant starts. The horizon goes a month at a time
 * (fwi_simulate_month), so that the variants of a replication can step
 * side by side and read each month's random words once (words.h). Warm-up month k draws with month index k,
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
#include "step.h"
#include "words.h"

const char *const fwi_total_names[FW_NTOTAL] = {
#define FW_T_NAME(id) fwi_metric_##id,
	FW_TOTALS(FW_T_NAME)
#undef FW_T_NAME
};

const fw_lanes fwi_lanes_portable = { 0 };

const fw_lanes *
fwi_step_lanes(enum fw_rng_path path)
{
	return path == FW_RNG_AVX512 ? &fwi_lanes_avx512 :
	    path == FW_RNG_AVX2 ? &fwi_lanes_avx2 : &fwi_lanes_portable;
}

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

/* Scripts written W and filled F by a batch of n <= FW_RNG_BATCH
 * prescribing HCPs (MODEL.md §5.2.1), from the words sw of their SCRIPTS
 * blocks and their means lambda: W ~ Poisson(lambda), F ~ Binomial(W,
 * f_access), each by inversion of one uniform, or by GSL from a stream
 * of its own when the mean or W is too large. With the kernels of a
 * vector path (lanes_of, step.h) the inversions of the batch run side
 * by side, else one HCP at a time: the same counts. */
static void
draw_scripts(fw_work *w, const fw_values *v, uint64_t seed, uint32_t rep,
    uint32_t seg, const uint32_t *hcp, uint32_t month, int n,
    const fw_lanes *lanes_of,
    const uint32_t sw[4][FW_RNG_BATCH], const double *lambda, uint32_t *W,
    uint32_t *F)
{
	const double fa = v->g[FW_G_F_ACCESS], q = v->fill_small;
	uint32_t k[FW_RNG_BATCH];
	double p0[FW_RNG_BATCH] = { 0 };
	unsigned lanes = 0;
	int b;

	for (b = 0; b < n; b++)
		if (lambda[b] < FW_INVERSION_MAX)
			lanes |= 1u << b;
	if (lanes_of->poisson != NULL) {
		for (b = 0; b < n; b++)
			if (lanes >> b & 1)
				p0[b] = exp(-lambda[b]);
		lanes_of->poisson(sw[FW_W_SCRIPTS], lambda, p0, lanes, W);
	}
	for (b = 0; b < n; b++) {
		if (!(lanes >> b & 1)) {
			fwi_stream_seek(w->stream, seed, rep,
			    FW_P_SCRIPTS_MORE, seg, hcp[b], month);
			W[b] = gsl_ran_poisson(w->stream, lambda[b]);
		} else if (lanes_of->poisson == NULL)
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
	if (lanes_of->binomial != NULL)
		lanes = lanes_of->binomial(sw[FW_W_FILL], W, v->binom_zero, q,
		    (1u << n) - 1, k);
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
fwi_market_copy(fw_work *to, const fw_work *from)
{
	market_copy(&to->market, &from->market, from);
}

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
		m++;	/* at most the longest warm-up and horizon together */
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

/* The HCPs of one state, listed in idx: their HCP_MONTH blocks and, for
 * prescribers, their SCRIPTS blocks and scripts a batch at a time, then
 * their months: on a vector path (c->lanes, step.h) a whole batch of
 * lapsed, switched, adopting or advocating HCPs in vector lanes, else
 * one by one; booked in HCP order either way. */
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
	double lambda[FW_RNG_BATCH];
	int b;

	for (i0 = 0; i0 < n; i0 += FW_RNG_BATCH) {
		int m = n - i0 < FW_RNG_BATCH ? (int)(n - i0) : FW_RNG_BATCH;
		if (c->words != NULL)
			fwi_words_hcp_month(c->words, c->seg, idx + i0, m, words);
		else
			fwi_rng_blocks(c->key, hm, idx + i0, m, words);
		if (prescribes) {
			if (c->words != NULL)
				fwi_words_scripts(c->words, c->seg, idx + i0, m,
				    sw);
			else
				fwi_rng_blocks(c->key, sc, idx + i0, m, sw);
			if (m < FW_RNG_BATCH || c->lanes->scripts == NULL ||
			    !c->lanes->scripts(c, state, idx + i0, sw, W, F)) {
				for (b = 0; b < FW_RNG_BATCH; b++)
					lambda[b] = b < m ? c->s.scripts *
					    fwi_share(c->v, state, c->trust_of[
					    idx[i0 + (uint32_t)b]]) : 0;
				draw_scripts(c->w, c->v, c->seed, c->rep,
				    c->seg, idx + i0, c->month, m, c->lanes, sw,
				    lambda, W, F);
			}
		}
		if (m == FW_RNG_BATCH && (state >= FW_LAPSED ?
		    c->lanes->defected != NULL && c->lanes->defected(c, state,
		    idx + i0, words, sum) : state >= FW_ADOPTER ?
		    c->lanes->prescriber != NULL && c->lanes->prescriber(c,
		    state, idx + i0, words, W, F, sum) : 0))
			continue;	/* stepped and booked in lanes */
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
		.seg = seg, .month = month, .s = v->seg[seg], .words = w->words,
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
	if (c.words != NULL)
		fwi_words_segment(c.words, key, rep, seg, month, c.s.hcps);
	c.path = fwi_rng_path();
	c.lanes = fwi_step_lanes(c.path);
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
fwi_simulate_month(fw_work *w, const fw_config *c, const fw_schedule *s,
    const fw_values *own, uint64_t seed, uint32_t rep, int t,
    double totals[FW_NTOTAL])
{
	const philox4x32_key_t key = fwi_rng_key(seed);
	const fw_values *v = fwi_schedule_values(w, s, own, t);
	double *row = &w->month[(size_t)(t - 1) * FW_NMONTHLY];
	month_sums all;
	double patients;
	int k;

	if (t == 1)
		memset(totals, 0, FW_NTOTAL * sizeof(double));
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
	totals[FW_T_NPV] += pow(v->monthly_discount, t) * row[FW_M_CASH];
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
		totals[FW_T_GAP_RATE] = totals[FW_T_SCRIPTS_WRITTEN] > 0 ?
		    totals[FW_T_SCRIPTS_UNFILLED] /
		    totals[FW_T_SCRIPTS_WRITTEN] : 0;
	}
	return FW_OK;
}
