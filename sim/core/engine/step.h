/* step.h - what the month of a segment's HCPs reads (model.c), and the
 * table of vector kernels that may take batches of it instead of the
 * plain code: one table a path of the random blocks (rng.h), each
 * kernel in a file of its own (model_avx2.c, model_avx512.c).
 * SPDX-License-Identifier: MIT */
#ifndef FW_STEP_H
#define FW_STEP_H

#include <stdint.h>

#include "model.h"
#include "rng.h"

/* Means at or above this are drawn by GSL rather than by inversion. */
#define FW_INVERSION_MAX 64

typedef struct fw_lanes fw_lanes;

/* What one segment's HCPs did in one month. */
typedef struct month_sums {
	uint64_t written, filled, winbacks, lapses, switches;
	uint64_t count[FW_NSTATE];
	double reacq_cost, cvar, trust;
	uint32_t advocates;
} month_sums;

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
	struct fw_words *words;	/* the month's shared words, or NULL */
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
	enum fw_rng_path path;	/* of the random blocks */
	const fw_lanes *lanes;	/* the kernels of that path */
} step_ctx;

/* Kernels that do the plain code's work for a batch of FW_RNG_BATCH HCPs
 * in vector lanes: each lane does the plain code's operations for its
 * HCP in the same order, so every count and every bit is the same. A
 * NULL kernel leaves the work to the plain code; so does one that
 * returns 0. Masks hold a bit a lane. */
struct fw_lanes {
	/* poisson_inverse of the lanes in `lanes`, from the words sw and
	 * the means lambda, with p0 = exp(-lambda) given: counts in k. */
	void (*poisson)(const uint32_t *sw, const double *lambda,
	    const double *p0, unsigned lanes, uint32_t *k);
	/* binomial_inverse of the lanes of `valid` whose W is 0 < W <
	 * FW_POW_TABLE, with the fill's small side q and zero[W] = (1 -
	 * q)^W: counts in k; returns the lanes it inverted. */
	unsigned (*binomial)(const uint32_t *sw, const uint32_t *W,
	    const double *zero, double q, unsigned valid, uint32_t *k);
	/* The month of lapsed or switched HCPs hcp, booked in sum and
	 * stored as book_month (model.c) books and stores it. */
	int (*defected)(const step_ctx *c, int state, const uint32_t *hcp,
	    const uint32_t r[4][FW_RNG_BATCH], month_sums *sum);
	/* The same for adopters or advocates with their scripts W and F. */
	int (*prescriber)(const step_ctx *c, int state, const uint32_t *hcp,
	    const uint32_t r[4][FW_RNG_BATCH], const uint32_t *W,
	    const uint32_t *F, month_sums *sum);
	/* The scripts W and F of prescribers hcp in state `state`, from
	 * the words sw of their SCRIPTS blocks, with the means their trust
	 * gives (step_state, draw_scripts); 0 when a mean is too large for
	 * inversion, access is 0 or 1, or a W is past the power tables. */
	int (*scripts)(const step_ctx *c, int state, const uint32_t *hcp,
	    const uint32_t sw[4][FW_RNG_BATCH], uint32_t *W, uint32_t *F);
};

/* Each table has no kernels where the build has no such code. */
extern const fw_lanes fwi_lanes_portable, fwi_lanes_avx2, fwi_lanes_avx512;

/* The table of a path. */
const fw_lanes *fwi_step_lanes(enum fw_rng_path path);

#endif
