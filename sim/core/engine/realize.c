/* realize.c - one replication's values: distributions drawn (MODEL.md §2)
 * and the quantities that follow from them (§4), with the tables the HCP
 * step reads instead of calling pow() and exp().
 * SPDX-License-Identifier: MIT */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_sf_gamma.h>

#include "model.h"
#include "order.h"

static int
values_alloc(fw_values *v, fw_table_cache *tables, size_t nseg, size_t nchan,
    size_t ndrawn, int months)
{
	v->months = months;
	v->tables = tables;
	v->helpful_at = v->burden_at = -1;
	v->seg = calloc(nseg + 1, sizeof(fw_seg_values));
	v->chan = calloc(nchan * FW_NCHANNEL + 1, sizeof(double));
	v->drawn = calloc(ndrawn + 1, sizeof(double));
	v->winback_decay = calloc((size_t)months + 2, sizeof(double));
	v->cost_growth = calloc((size_t)months + 2, sizeof(double));
	v->defection_cost = calloc((size_t)months + 2, sizeof(double));
	return v->seg == NULL || v->chan == NULL || v->drawn == NULL ||
	    v->winback_decay == NULL || v->cost_growth == NULL ||
	    v->defection_cost == NULL ? FW_ENOMEM : FW_OK;
}

static void
values_free(fw_values *v)
{
	free(v->seg);
	free(v->chan);
	free(v->drawn);
	free(v->winback_decay);
	free(v->cost_growth);
	free(v->defection_cost);
}

static int
market_alloc(fw_market *m, size_t hcps, size_t nseg, int buckets)
{
	size_t s;

	m->hcps.state = malloc(hcps + 1);
	m->hcps.months = malloc((hcps + 1) * sizeof(uint16_t));
	m->hcps.defections = malloc((hcps + 1) * sizeof(uint16_t));
	m->hcps.trust = malloc((hcps + 1) * sizeof(double));
	m->cohort = calloc(nseg + 1, sizeof(fw_cohort));
	m->advocates = calloc(nseg + 1, sizeof(uint32_t));
	if (m->hcps.state == NULL || m->hcps.months == NULL ||
	    m->hcps.defections == NULL || m->hcps.trust == NULL ||
	    m->cohort == NULL || m->advocates == NULL)
		return FW_ENOMEM;
	for (s = 0; s < nseg; s++)
		if ((m->cohort[s].bucket = calloc((size_t)buckets + 1,
		    sizeof(double))) == NULL)
			return FW_ENOMEM;
	return FW_OK;
}

static void
market_free(fw_market *m, size_t nseg)
{
	size_t s;

	for (s = 0; m->cohort != NULL && s < nseg; s++)
		free(m->cohort[s].bucket);
	free(m->cohort);
	free(m->advocates);
	free(m->hcps.state);
	free(m->hcps.months);
	free(m->hcps.defections);
	free(m->hcps.trust);
}

int
fwi_work_init(fw_work *w, const fw_scenario *sc, int horizon,
    size_t nplan_max, size_t ramp_chan)
{
	size_t v, s, max_hcps = 0, max_seg = 0, max_chan = 0;
	int buckets = 0, warmup = (int)sc->warmup.value;
	int months = warmup + horizon;

	memset(w, 0, sizeof(*w));
	for (v = 0; v < sc->nconfig; v++) {
		const fw_config *c = &sc->config[v];
		size_t hcps = 0;
		for (s = 0; s < c->nseg; s++)
			hcps += (size_t)c->seg[s].v[FW_S_HCPS].value;
		if (hcps > max_hcps)
			max_hcps = hcps;
		if (c->nseg > max_seg)
			max_seg = c->nseg;
		if (c->nchan > max_chan)
			max_chan = c->nchan;
		if (c->g[FW_G_EARLY_MONTHS].value > buckets)
			buckets = (int)c->g[FW_G_EARLY_MONTHS].value;
	}
	if (buckets > months)
		buckets = months;
	w->horizon = horizon;
	w->warmup = warmup;
	w->buckets = buckets;
	w->nseg_cap = max_seg;
	w->order = malloc((max_hcps + FW_ORDER_SLACK) * sizeof(uint32_t));
	w->month = calloc((size_t)horizon * FW_NMONTHLY, sizeof(double));
	w->base_cash = calloc((size_t)horizon, sizeof(double));
	w->stream = fwi_stream_alloc();
	w->tables = calloc(1, sizeof(fw_table_cache));
	if (w->order == NULL || w->month == NULL || w->base_cash == NULL ||
	    w->stream == NULL || w->tables == NULL ||
	    values_alloc(&w->base, w->tables, max_seg, max_chan, nplan_max,
	    months) ||
	    values_alloc(&w->own, w->tables, max_seg, max_chan, nplan_max,
	    months) ||
	    values_alloc(&w->ramp, w->tables, max_seg, ramp_chan, 0, months) ||
	    market_alloc(&w->market, max_hcps, max_seg, buckets) ||
	    (warmup > 0 && market_alloc(&w->warmed, max_hcps, max_seg,
	    buckets))) {
		fwi_work_clear(w);
		return FW_ENOMEM;
	}
	return FW_OK;
}

int
fwi_work_by_segment(fw_work *w)
{
	if (w->seg_month == NULL && (w->seg_month = calloc((size_t)w->horizon *
	    (w->nseg_cap + 1) * FW_NMONTHLY, sizeof(double))) == NULL)
		return FW_ENOMEM;
	return FW_OK;
}

void
fwi_work_clear(fw_work *w)
{
	int i;

	if (w == NULL)
		return;
	values_free(&w->base);
	values_free(&w->own);
	values_free(&w->ramp);
	market_free(&w->market, w->nseg_cap);
	market_free(&w->warmed, w->nseg_cap);
	free(w->order);
	free(w->month);
	free(w->base_cash);
	for (i = 0; w->tables != NULL && i < FW_TABLE_CACHE; i++)
		free(w->tables->table[i].cdf);
	free(w->tables);
	free(w->seg_month);
	if (w->stream != NULL)
		gsl_rng_free(w->stream);
	memset(w, 0, sizeof(*w));
}

/* Entries of the table of mean mu. */
static int
count_table_need(double mu)
{
	return (int)ceil(mu + 14 * sqrt(mu) + 30);
}

static int
count_table_reserve(fw_count_table *t, int need)
{
	double *grown;

	if (need <= t->cap)
		return FW_OK;
	if ((grown = realloc(t->cdf, (size_t)need * sizeof(double))) == NULL)
		return FW_ENOMEM;
	t->cdf = grown;
	t->cap = need;
	return FW_OK;
}

/* Sets t to Poisson(mu): cumulative probabilities cut at the first that
 * exceeds every uniform fwi_u01 can return (those are at most 1 - 2^-33),
 * and the guide to them. */
int
fwi_count_table_set(fw_count_table *t, double mu)
{
	const double top = 1 - ldexp(1, -34);
	int need = count_table_need(mu), k;
	double sum = 0;
	uint32_t i, lo = 0, hi = 0;

	t->valid = 0;
	if (count_table_reserve(t, need) != FW_OK)
		return FW_ENOMEM;
	for (k = 0; k < need - 1; k++) {
		sum += mu > 0 ? exp(k * log(mu) - mu - gsl_sf_lnfact((unsigned)k))
		    : (k == 0);
		if (sum > top)
			break;
		t->cdf[k] = sum;
	}
	/* Beyond here the tail is below 2^-34: no uniform reaches it. */
	t->cdf[k] = 1.0;
	t->n = k + 1;
	/* The counts of the lowest and highest word of each range, found by
	 * walking the table upwards with the words: the cdf does not
	 * decrease, so this is the first k with u < cdf[k] (or the last
	 * entry), as fwi_table_count gives it. */
	for (i = 0; i < 4096; i++) {
		double u_lo = fwi_u01(i << 20), u_hi = fwi_u01((i << 20) |
		    0xfffffu);
		while (lo < (uint32_t)t->n - 1 && u_lo >= t->cdf[lo])
			lo++;
		if (hi < lo)
			hi = lo;
		while (hi < (uint32_t)t->n - 1 && u_hi >= t->cdf[hi])
			hi++;
		t->guide[i] = lo == hi && lo < FW_GUIDE_SCAN ? (uint8_t)lo :
		    FW_GUIDE_SCAN;
	}
	t->mu = mu;
	t->valid = 1;
	return FW_OK;
}

/* Points *at (an index into v's cache, -1 for none) at the table of mean
 * mu: the one built before if there is one, else one built now in an
 * entry no values use. */
static int
count_table_use(fw_values *v, int *at, double mu)
{
	fw_table_cache *c = v->tables;
	unsigned i, k;
	int rc;

	if (*at >= 0 && c->table[*at].valid && c->table[*at].mu == mu)
		return FW_OK;
	if (*at >= 0)
		c->users[*at]--;
	*at = -1;
	for (i = 0; i < FW_TABLE_CACHE; i++)
		if (c->table[i].valid && c->table[i].mu == mu) {
			*at = (int)i;
			c->users[i]++;
			return FW_OK;
		}
	/* Three values of two tables each use at most six entries. */
	for (i = 0; i < FW_TABLE_CACHE; i++) {
		k = (c->next + i) % FW_TABLE_CACHE;
		if (c->users[k] == 0)
			break;
	}
	c->next = (k + 1) % FW_TABLE_CACHE;
	if ((rc = fwi_count_table_set(&c->table[k], mu)) != FW_OK)
		return rc;
	*at = (int)k;
	c->users[k]++;
	return FW_OK;
}

static void
store(fw_values *v, const fw_plan_entry *e, double x)
{
	switch (e->kind) {
	case FW_SLOT_GLOBAL:
		v->g[e->id] = x;
		break;
	case FW_SLOT_SEGMENT:
		if (e->id == FW_S_SCRIPTS)
			v->seg[e->index].scripts = x;
		else if (e->id == FW_S_TRUST)
			v->seg[e->index].trust = x;
		break;
	case FW_SLOT_CHANNEL:
		v->chan[e->index * FW_NCHANNEL + (size_t)e->id] = x;
		break;
	}
}

/* Channel aggregates of MODEL.md §4: fatigue, incoherent burden,
 * experience rates, pull and planned spend. */
static void
derive_channels(fw_values *v)
{
	double touches = 0, pull = 0, spend = 0;
	size_t c, active = 0;

	for (c = 0; c < v->nchan; c++) {
		double t = v->chan[c * FW_NCHANNEL + FW_C_TOUCHES];
		touches += t;
		active += t > 0;
	}
	v->touches = touches;
	v->phi = touches > 0 ? fmax(0, 1 - v->g[FW_G_ATTENTION] / touches) : 0;
	v->mu_g = v->mu_b = 0;
	for (c = 0; c < v->nchan; c++) {
		const double *ch = &v->chan[c * FW_NCHANNEL];
		double t = ch[FW_C_TOUCHES];
		double b = fmin(1, ch[FW_C_BURDEN] * (1 + v->g[FW_G_INCOHERENCE]
		    * (active > 1 ? (double)(active - 1) : 0)));
		double beta = b + (1 - b) * v->phi;
		double gamma = fmin(ch[FW_C_HELPFUL], 1 - b) * (1 - v->phi);
		v->mu_g += t * gamma;
		v->mu_b += t * beta;
		pull += t * ch[FW_C_REACH];
		spend += t * ch[FW_C_COST_PER_TOUCH];
	}
	v->rho = (1 - v->phi) * pull;
	v->channel_cost = (double)v->total_hcps * spend;
}

/* Patient dropout and the value of a new patient (MODEL.md §4). */
static void
derive_patients(fw_values *v)
{
	double early = v->g[FW_G_EARLY_MONTHS], s = 1, sum = 0;
	int a;

	v->q_early = fmin(1, v->g[FW_G_EARLY_DROPOUT] +
	    v->g[FW_G_EARLY_FRICTION] * v->g[FW_G_F_ONBOARDING]);
	v->q_late = fmin(1, v->g[FW_G_LATE_DROPOUT] +
	    v->g[FW_G_LATE_FRICTION] * v->g[FW_G_F_SUPPORT]);
	for (a = 0; a < 120; a++) {
		sum += s;
		s *= 1 - (a < early ? v->q_early : v->q_late);
	}
	v->patient_value = v->g[FW_G_PRICE] * sum;
	v->early_buckets = early < v->months ? (int)early : v->months;
}

/* Powers for the trust ledger, the competing events and the fill draw. */
static void
derive_powers(fw_values *v)
{
	const double in[6] = { v->g[FW_G_TRUST_GAIN], v->g[FW_G_TRUST_LOSS],
		v->g[FW_G_ABANDON_PER_FRICTION], v->g[FW_G_LAPSE_PER_FRICTION],
		v->g[FW_G_UNFILLED_WEIGHT], v->g[FW_G_F_ACCESS] };
	double u = in[4], keep_gain = 1 - in[0], keep_loss = 1 - in[1];
	double keep_abandon = 1 - in[2], keep_lapse = 1 - in[3], fa = in[5];
	int k;

	_Static_assert(sizeof(in) <= sizeof(v->powers_of), "power inputs");
	if (v->powers_valid && memcmp(in, v->powers_of, sizeof(in)) == 0)
		return;
	v->fill_small = fmin(fa, 1 - fa);
	for (k = 0; k < FW_POW_TABLE; k++) {
		v->gain_pow[k] = pow(keep_gain, k);
		v->loss_pow[k] = pow(keep_loss, k);
		v->loss_unfilled[k] = pow(keep_loss, u * k);
		v->abandon_unfilled[k] = pow(keep_abandon, u * k);
		v->lapse_unfilled[k] = pow(keep_lapse, u * k);
		v->binom_zero[k] = pow(1 - v->fill_small, k);
	}
	memcpy(v->powers_of, in, sizeof(in));
	v->powers_valid = 1;
}

/* Win-back chance and cost by months away and by defections. An HCP has
 * defected at least once before its first win-back (MODEL.md §3), so
 * defection_cost[0] is never read. */
static void
derive_month_tables(fw_values *v)
{
	const double in[4] = { v->g[FW_G_WINBACK_DECAY],
		v->g[FW_G_COST_GROWTH], v->g[FW_G_BASE_COST],
		v->g[FW_G_DEFECTION_MULTIPLIER] };
	int m;

	_Static_assert(sizeof(in) <= sizeof(v->months_of), "month inputs");
	if (v->months_valid && memcmp(in, v->months_of, sizeof(in)) == 0)
		return;
	for (m = 0; m <= v->months; m++) {
		v->winback_decay[m] = exp(-in[0] * m);
		v->cost_growth[m] = exp(in[1] * m);
		v->defection_cost[m] = in[2] * pow(in[3], m - 1);
	}
	memcpy(v->months_of, in, sizeof(in));
	v->months_valid = 1;
}

static void
derive_shares(fw_values *v)
{
	memset(v->sigma, 0, sizeof(v->sigma));
	v->sigma[FW_TRIAL] = v->g[FW_G_SHARE_TRIAL];
	v->sigma[FW_ADOPTER] = v->g[FW_G_SHARE_ADOPTER];
	v->sigma[FW_ADVOCATE] = v->g[FW_G_SHARE_ADVOCATE];
	v->share_scale = 1 / (1 - v->g[FW_G_CX_WEIGHT] / 2);
}

int
fwi_values_derive(fw_values *v)
{
	size_t s;

	derive_channels(v);
	derive_patients(v);
	derive_powers(v);
	derive_month_tables(v);
	derive_shares(v);
	for (s = 0; s < v->nseg; s++)
		v->seg[s].cvar_scale = 12 * v->seg[s].scripts *
		    (1 - v->g[FW_G_F_ACCESS]) * v->patient_value;
	v->monthly_discount = pow(1 + v->g[FW_G_DISCOUNT_RATE], -1.0 / 12);
	if (count_table_use(v, &v->helpful_at, v->mu_g) != FW_OK ||
	    count_table_use(v, &v->burden_at, v->mu_b) != FW_OK)
		return FW_ENOMEM;
	v->helpful = &v->tables->table[v->helpful_at];
	v->burden = &v->tables->table[v->burden_at];
	return FW_OK;
}

int
fwi_values_set(fw_values *v, const fw_config *c, const fw_plan *plan,
    uint64_t seed, uint32_t rep)
{
	double joint[FW_COPULA_MAX];
	size_t i, s;
	uint32_t first = 0;

	v->nseg = c->nseg;
	v->nchan = c->nchan;
	for (i = 0; i < FW_NGLOBAL; i++)
		v->g[i] = c->g[i].value;
	for (s = 0; s < c->nseg; s++) {
		v->seg[s].hcps = (uint32_t)c->seg[s].v[FW_S_HCPS].value;
		v->seg[s].scripts = c->seg[s].v[FW_S_SCRIPTS].value;
		v->seg[s].trust = c->seg[s].v[FW_S_TRUST].value;
		v->seg[s].patients = c->seg[s].v[FW_S_PATIENTS].value;
		v->seg[s].first = first;
		first += v->seg[s].hcps;
	}
	v->total_hcps = first;
	for (i = 0; i < c->nchan; i++)
		for (s = 0; s < FW_NCHANNEL; s++)
			v->chan[i * FW_NCHANNEL + s] = c->chan[i].v[s].value;
	if (plan->copula != NULL && plan->copula->k > 0)
		fwi_copula_uniforms(plan->copula, seed, rep, joint);
	for (i = 0; i < plan->n; i++) {
		const fw_plan_entry *e = &plan->v[i];
		double x = fwi_num_at(e->num, e->joint >= 0 ? joint[e->joint] :
		    fwi_rng_param_u(seed, rep, e->path));
		if (!isfinite(x))
			return FW_ERUN;
		v->drawn[i] = x;
		store(v, e, x);
	}
	return fwi_values_derive(v);
}
