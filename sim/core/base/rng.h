/* rng.h - named random streams on Philox4x32-10 (see rng.c).
 * SPDX-License-Identifier: MIT */
#ifndef FW_RNG_H
#define FW_RNG_H

#include <stdint.h>

#include <gsl/gsl_rng.h>
#include <Random123/philox.h>

/* What a draw is for (MODEL.md §7). HCP_MONTH and SCRIPTS name blocks
 * whose four words are the first draws of several purposes; the *_MORE
 * purposes are the further draws a GSL sampler takes. */
enum fw_purpose {
	FW_P_HCP_MONTH = 1,	/* helpful, burden, friction, transition */
	FW_P_SCRIPTS = 2,	/* scripts, fill */
	FW_P_SCRIPTS_MORE = 3,
	FW_P_FILL_MORE = 4,
	FW_P_PATIENTS = 5,
	FW_P_PARAM = 6,
	FW_P_DESIGN = 7,	/* sweep designs: never shared with the model */
	FW_P_STARTS = 8		/* a calibration's starting points */
};

/* Word of an HCP_MONTH block and of a SCRIPTS block for each purpose. */
enum { FW_W_HELPFUL, FW_W_BURDEN, FW_W_FRICTION, FW_W_TRANSITION };
enum { FW_W_SCRIPTS, FW_W_FILL };

/* The key of one replication's streams. */
static inline philox4x32_key_t
fwi_rng_key(uint64_t seed)
{
	philox4x32_key_t k = { { (uint32_t)seed, (uint32_t)(seed >> 32) } };
	return k;
}

/* The counter of block `block` of the stream (purpose, segment, entity,
 * month) in replication rep. */
static inline philox4x32_ctr_t
fwi_rng_ctr(uint32_t rep, enum fw_purpose purpose, uint32_t segment,
    uint32_t entity, uint32_t month, uint32_t block)
{
	philox4x32_ctr_t c = { { entity, rep, (month << 16) | block,
		((uint32_t)purpose << 24) | segment } };
	return c;
}

/* A uniform in (0, 1) from one 32-bit word: never 0, never 1. */
static inline double
fwi_u01(uint32_t w)
{
	return ((double)w + 0.5) * (1.0 / 4294967296.0);
}

/* The threshold t of a probability p fixed for many draws: fwi_u01(w) < p
 * exactly when w < t, for every word w (see rng.c). */
uint64_t fwi_u01_threshold(double p);

/* Four words of one block. */
static inline philox4x32_ctr_t
fwi_rng_block(philox4x32_key_t key, philox4x32_ctr_t ctr)
{
	return philox4x32_R(10, ctr, key);
}

/* Counters whose blocks are computed together, side by side. */
#define FW_RNG_BATCH 8

/* The blocks of n <= FW_RNG_BATCH counters equal to ctr but for the
 * entity, entity[i]: out[w][i] is word w of block i, exactly as
 * fwi_rng_block gives it. Computing a batch at once lets the processor
 * overlap the blocks' rounds instead of waiting on each in turn. */
void fwi_rng_blocks(philox4x32_key_t key, philox4x32_ctr_t ctr,
    const uint32_t *entity, int n, uint32_t out[4][FW_RNG_BATCH]);

/* The same, one counter at a time with Random123's code: the reference
 * the tests hold fwi_rng_blocks to. */
void fwi_rng_blocks_reference(philox4x32_key_t key, philox4x32_ctr_t ctr,
    const uint32_t *entity, int n, uint32_t out[4][FW_RNG_BATCH]);

/* The ways of computing a batch: one block at a time, or eight side by
 * side in AVX2 or AVX-512 registers. Each gives the same words. The
 * model's vector kernels (step.h) follow the path: the portable path is
 * the plain code alone. */
enum fw_rng_path { FW_RNG_SCALAR, FW_RNG_AVX2, FW_RNG_AVX512 };

/* Whether this processor (and build) can take path. */
int fwi_rng_path_available(enum fw_rng_path path);
/* fwi_rng_blocks on the given path, which must be available. */
void fwi_rng_blocks_path(enum fw_rng_path path, philox4x32_key_t key,
    philox4x32_ctr_t ctr, const uint32_t *entity, int n,
    uint32_t out[4][FW_RNG_BATCH]);
/* Makes every later fwi_rng_blocks take path, so that the tests can run
 * the whole model on each; -1 if it is not available. fwi_rng_blocks
 * otherwise takes the widest the processor has. */
int fwi_rng_force_path(enum fw_rng_path path);
/* The name of a path as FLYWHEEL_PATH gives it: portable, avx2 or
 * avx512. */
const char *fwi_rng_path_name(enum fw_rng_path path);
/* The path of that name if this processor and build have it, else -1. */
int fwi_rng_path_named(const char *name);
/* The path fwi_rng_blocks takes: the one the environment variable
 * FLYWHEEL_PATH names, else the widest the processor has. */
enum fw_rng_path fwi_rng_path(void);

/* 64-bit FNV-1a of a key path: the entity of a parameter draw. */
uint64_t fwi_rng_path_hash(const char *path);

/* The uniform u of parameter `path` in replication rep (MODEL.md §2). */
double fwi_rng_param_u(uint64_t seed, uint32_t rep, const char *path);

/* A gsl_rng that reads one named stream block after block, so that GSL's
 * samplers (gsl_ran_binomial, gsl_ran_poisson, ...) draw from it. */
gsl_rng *fwi_stream_alloc(void);
/* Points the stream at block 0 of (seed, rep, purpose, segment, entity,
 * month). */
void fwi_stream_seek(gsl_rng *r, uint64_t seed, uint32_t rep,
    enum fw_purpose purpose, uint32_t segment, uint32_t entity,
    uint32_t month);

#endif
