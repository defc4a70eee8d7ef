/* model.h - one replication of one variant of the flywheel/1 model: the
 * values drawn for it, what follows from them (MODEL.md §4), the HCP
 * state and one month's step (§5). Private to the library.
 * SPDX-License-Identifier: MIT */
#ifndef FW_MODEL_H
#define FW_MODEL_H

#include <stdint.h>

#include <gsl/gsl_rng.h>

#include "scenario.h"
#include "rng.h"
#include "series.h"
#include "plan.h"

/* A guide-table entry that sends the draw to the table search. */
#define FW_GUIDE_SCAN 255

/* Powers tabulated for small whole exponents; larger ones call pow(). */
#define FW_POW_TABLE 64

/* Poisson counts of a fixed mean by inversion: the cumulative table and,
 * for each of the 4096 ranges of a word's top 12 bits, the count they all
 * give, or FW_GUIDE_SCAN where the range straddles a boundary. A pure
 * function of mu, so it is rebuilt only when mu changes. */
typedef struct fw_count_table {
	double mu;
	int valid;
	double *cdf;
	int n, cap;
	uint8_t guide[4096];
} fw_count_table;

/* Count tables by mean, shared by the values of a workspace: the
 * baseline, every variant and every ramp month of every replication find
 * the table of a mean already built, by any of them, and build each mean
 * once. A table in use by a values struct is never replaced. */
#define FW_TABLE_CACHE 128
typedef struct fw_table_cache {
	fw_count_table table[FW_TABLE_CACHE];
	int users[FW_TABLE_CACHE];	/* values that point at it */
	unsigned next;			/* where a miss looks for room first */
} fw_table_cache;

/* Per-segment values of one replication. */
typedef struct fw_seg_values {
	uint32_t hcps;
	double scripts;		/* scripts_per_month */
	double trust;		/* initial and reference trust */
	double patients;	/* patients_on_therapy at the start */
	double cvar_scale;	/* 12 * scripts * (1 - f_access) * L */
	uint32_t first;		/* index of its first HCP in the state arrays */
} fw_seg_values;

/* Everything one month of one variant needs: values drawn (§2) and
 * derived (§4), with tables that keep pow() and exp() out of the HCP loop.
 * Owned by a thread's workspace; set for every replication, and for
 * every month of a ramp (§7a). Each table remembers the inputs it was
 * built from and is rebuilt only when they change. */
typedef struct fw_values {
	double g[FW_NGLOBAL];
	size_t nseg;
	fw_seg_values *seg;
	uint32_t total_hcps;
	int months;		/* months simulated, warm-up included */
	/* §4 */
	double touches;		/* Lambda: touches per HCP and month */
	double phi, mu_g, mu_b, rho;
	double q_early, q_late, patient_value, monthly_discount;
	double channel_cost;		/* per month, all HCPs */
	double sigma[FW_NSTATE];	/* base share by state, 0 if none */
	double share_scale;		/* 1 / (1 - w/2) */
	double binom_zero[FW_POW_TABLE];	/* (1 - small fill side)^n */
	double fill_small;		/* min(f_access, 1 - f_access) */
	int early_buckets;		/* early age buckets kept: min(E, T) */
	/* the experience counts G ~ Poisson(mu_g), B ~ Poisson(mu_b), from
	 * tables of the workspace's cache (-1: none yet) */
	fw_table_cache *tables;
	int helpful_at, burden_at;
	const fw_count_table *helpful, *burden;
	/* powers for the trust ledger and the competing events */
	double gain_pow[FW_POW_TABLE], loss_pow[FW_POW_TABLE];
	double loss_unfilled[FW_POW_TABLE];	/* (1-loss)^(u U) */
	double abandon_unfilled[FW_POW_TABLE];	/* (1-abandon)^(u U) */
	double lapse_unfilled[FW_POW_TABLE];	/* (1-lapse)^(u U) */
	double *winback_decay;		/* exp(-winback_decay m), m = 0..months */
	double *cost_growth;		/* exp(cost_growth m) */
	double *defection_cost;		/* base * multiplier^(d-1), d = 1..months */
	double powers_of[6];		/* the inputs of the power tables */
	double months_of[4];		/* the inputs of the month tables */
	int powers_valid, months_valid;
	/* channel values, FW_NCHANNEL a channel */
	double *chan;
	size_t nchan;
	/* values drawn from distributions, in fw_plan order */
	double *drawn;
} fw_values;

/* The state of every HCP: structure of arrays, one slot per HCP. */
typedef struct fw_hcps {
	uint8_t *state;
	uint16_t *months;
	uint16_t *defections;
	double *trust;
} fw_hcps;

/* Patients on therapy of one segment: early age buckets and the pool. */
typedef struct fw_cohort {
	double *bucket;		/* counts by age; buckets beyond nbuckets are 0 */
	int nbuckets;		/* early buckets in use: early_buckets */
	double pool;
} fw_cohort;

/* Everything a month changes: the HCPs, the patient book and the
 * advocate counts. */
typedef struct fw_market {
	fw_hcps hcps;
	fw_cohort *cohort;	/* per segment */
	uint32_t *advocates;	/* per segment, end of last month */
} fw_market;

/* How a variant's values phase in (MODEL.md §7a): the baseline's before
 * month start, its own from start + ramp, and in between a blend with
 * weight (t - start + 1) / (ramp + 1). A ramp month's channels are the
 * baseline's (removed ones included) followed by the added ones. */
typedef struct fw_schedule {
	int start, ramp;
	int own_program;	/* books a programme cost of its own from start */
	uint8_t whole[FW_NGLOBAL];	/* integer keys: the baseline's until w = 1 */
	size_t nchan;		/* channels of a ramp month */
	int *base_chan;		/* each one's index in the baseline, or -1 */
	int *own_chan;		/* each one's index in the variant, or -1 */
} fw_schedule;

int fwi_schedule_build(fw_schedule *s, const fw_config *base,
    const fw_config *c);
void fwi_schedule_clear(fw_schedule *s);

/* A thread's workspace: allocated once, reused for every replication. */
typedef struct fw_work {
	fw_values base;		/* the baseline's values, this replication */
	fw_values own;		/* a variant's own values, this replication */
	fw_values ramp;		/* the values of one month of a ramp */
	fw_market market;	/* the state being simulated */
	/* the random words of the month, shared with the workspaces of the
	 * other variants of the replication (words.h); NULL: each month
	 * draws its own */
	struct fw_words *words;
	int status;		/* of the replication under way: FW_OK, or
				 * why the variant stopped */
	fw_table_cache *tables;	/* count tables of base, own and ramp */
	int horizon, warmup;
	int buckets;		/* capacity of a cohort's buckets */
	uint32_t *order;	/* a segment's HCPs sorted by state */
	size_t nseg_cap;
	gsl_rng *stream;
	double *month;		/* horizon x FW_NMONTHLY metrics */
	double *base_cash;	/* the baseline's monthly cash, this replication */
	double *seg_month;	/* horizon x nseg_cap x FW_NMONTHLY: each
				 * segment's own metrics, when a run keeps
				 * them (fwi_work_by_segment); else NULL */
} fw_work;

/* Sizes a workspace for every variant of sc over a warm-up and horizon
 * months, with ramp_chan channels in a ramp month at most. */
int fwi_work_init(fw_work *w, const fw_scenario *sc, int horizon,
    size_t nplan_max, size_t ramp_chan);
void fwi_work_clear(fw_work *w);
/* Has the workspace record each segment's own monthly metrics too: the
 * sums over its HCPs and patients, its mean trust and gap rate (cash and
 * the costs of channels and programme belong to the whole market and
 * are NaN). */
int fwi_work_by_segment(fw_work *w);

/* Draws the uncertain values of config c for replication rep and derives
 * everything else (MODEL.md §2, §4). */
int fwi_values_set(fw_values *v, const fw_config *c, const fw_plan *plan,
    uint64_t seed, uint32_t rep);
/* Derives the §4 quantities and tables from v's values. */
int fwi_values_derive(fw_values *v);

/* The values in force in horizon month t of a variant with schedule s
 * and own values own (w->base holds the baseline's): one of the two, or
 * w->ramp blended and derived. NULL if the ramp's tables fail. */
const fw_values *fwi_schedule_values(fw_work *w, const fw_schedule *s,
    const fw_values *own, int t);
/* Programme cost booked in horizon month t (MODEL.md §6, §7a). */
double fwi_schedule_program_cost(const fw_schedule *s,
    const fw_values *base, const fw_values *own, int t);

/* Sets t to the table of Poisson(mu). */
int fwi_count_table_set(fw_count_table *t, double mu);

/* Count k of an inversion table: cdf[k-1] <= u < cdf[k]. */
uint32_t fwi_table_count(const double *cdf, int n, double u);

/* Prescribing share of an HCP in state at trust tau (MODEL.md §4):
 * min(1, sigma (1 - w + w tau) / (1 - w/2)). */
static inline double
fwi_share(const fw_values *v, int state, double tau)
{
	double w = v->g[FW_G_CX_WEIGHT];
	double share = v->sigma[state] * (1 - w + w * tau) * v->share_scale;

	return share < 1 ? share : 1;
}

/* Monthly switching chance at trust tau: switch_rate (1 - tau)^x. */
static inline double
fwi_switch_p(const fw_values *v, double tau)
{
	double x = v->g[FW_G_SWITCH_EXPONENT];
	double base = 1 - tau;

	/* The default exponent 2 without a pow() call. */
	return v->g[FW_G_SWITCH_RATE] * (x == 2 ? base * base : pow(base, x));
}

/* Customer value at risk of one prescriber (MODEL.md §6): a year of its
 * filled scripts' patient value times its chance of switching within the
 * year, 12 s share (1 - f_access) L (1 - (1 - p_sw)^12). */
static inline double
fwi_cvar(const fw_values *v, const fw_seg_values *s, int state, double tau,
    double p_sw)
{
	double keep = 1 - p_sw, keep4 = keep * keep * keep * keep;

	return s->cvar_scale * fwi_share(v, state, tau) *
	    (1 - keep4 * keep4 * keep4);
}

/* MODEL.md §5.1 for segment seg with the values v of the month: early
 * buckets age or drop out with q_e, the last one joins the pool, which
 * drops out with q_l. */
void fwi_age_patients(fw_work *w, const fw_values *v, uint64_t seed,
    uint32_t rep, uint32_t seg, uint32_t month);

/* Per-replication totals (MODEL.md §6), by their ids of metrics.def,
 * in the order of the tables. */
#define FW_TOTALS(X) \
	X(NPV) X(REVENUE) X(CASH) X(SCRIPTS_WRITTEN) X(SCRIPTS_FILLED) \
	X(SCRIPTS_UNFILLED) X(GAP_VALUE) X(CVAR) X(REACQ_COST) X(WINBACKS) \
	X(LAPSES) X(SWITCHES) X(UNAWARE) X(ENGAGED) X(TRIAL) X(ADOPTER) \
	X(ADVOCATE) X(LAPSED) X(SWITCHED) X(PATIENTS) X(MEAN_TRUST) \
	X(CHANNEL_COST) X(PROGRAM_COST) X(SPEND_PV) X(GAP_RATE)

enum fw_total {
#define FW_T_ENUM(id) FW_T_##id,
	FW_TOTALS(FW_T_ENUM)
#undef FW_T_ENUM
	FW_NTOTAL
};
extern const char *const fwi_total_names[FW_NTOTAL];

/* Simulates the warm-up of replication rep (MODEL.md §7a): the baseline
 * c0, with values w->base, from its starting state (§3) for w->warmup
 * months; books nothing. */
void fwi_warm_up(fw_work *w, const fw_config *c0, uint64_t seed,
    uint32_t rep);
/* Copies the state of every HCP and patient of from into to: each
 * variant starts its horizon from the baseline's warm-up. */
void fwi_market_copy(fw_work *to, const fw_work *from);

/* Simulates horizon month t (1 .. w->horizon, in turn) of replication
 * rep of variant c, with schedule s and own values own (w->base holds
 * the baseline's): month 1 from the state in w->market when there is a
 * warm-up, else from the starting state of §3. Fills month t of
 * w->month with the monthly metrics, and adds the month into the
 * per-replication totals (set to 0 in month 1, whole after the last). */
int fwi_simulate_month(fw_work *w, const fw_config *c, const fw_schedule *s,
    const fw_values *own, uint64_t seed, uint32_t rep, int t,
    double totals[FW_NTOTAL]);

#endif
