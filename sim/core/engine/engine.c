/* engine.c - replications on threads, and results that do not depend on
 * how many threads there are or in which order they finish.
 * SPDX-License-Identifier: MIT
 *
 * Replications are grouped in fixed blocks (the block size depends only
 * on the number of replications). One thread at a time runs a block's
 * replications, in order, every variant of a replication in turn on the
 * same random streams, and adds their monthly metrics into the block's
 * own sums. A step may run a block in parts (a few replications of each
 * of the first unfinished blocks, a part a thread), so that a step of a
 * few replications still keeps every thread busy and returns soon: the
 * part continues the block where the last one stopped, so the sums are
 * the same. Per-replication results go to slots indexed by replication.
 * Block sums are added in block order at the end. No floating-point sum
 * ever depends on the thread that computed it or on how a run is cut
 * into steps.
 *
 * A thread has a workspace for each variant. Where the variants' HCPs
 * and a month's words fit in the processor's caches together, the
 * variants of a replication step through its horizon side by side, a
 * month of each in turn, and read the month's random words, which they
 * share by construction (MODEL.md §7), from the thread's fw_words: drawn
 * once for all of them, the same words as each would draw. Larger
 * markets run one variant after another, each drawing its own words,
 * which is faster there and gives the same bits. A replication
 * with a warm-up (§7a) simulates it once, in the baseline's workspace
 * with the baseline's values, and every variant starts from a copy of
 * the state it ends in.
 */
#include "config.h"

#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#ifdef _OPENMP
#include <omp.h>
#endif

#include "error.h"
#include "library.h"
#include "run.h"
#include "words.h"

#define FW_MAX_BLOCKS 256

const int fwi_banded[FW_NBANDED] = { FW_M_REVENUE, FW_M_CASH, FW_M_PATIENTS,
	FW_M_SCRIPTS_UNFILLED, FW_M_GAP_VALUE, FW_M_CVAR, FW_M_REACQ_COST,
	FW_M_MEAN_TRUST, FW_M_GAP_RATE };

static double
now(void)
{
#ifdef _OPENMP
	return omp_get_wtime();
#else
	return 0;
#endif
}

static size_t
physical_memory(void)
{
	long pages = sysconf(_SC_PHYS_PAGES), size = sysconf(_SC_PAGESIZE);

	return pages > 0 && size > 0 ? (size_t)pages * (size_t)size : 0;
}

size_t
fw_run_memory(const fw_run *run)
{
	size_t per_rep;

	if (run == NULL)
		return 0;
	per_rep = run->nvar * ((size_t)run->horizon * (FW_NBANDED *
	    sizeof(float) + sizeof(double)) + FW_NTOTAL * sizeof(double)) +
	    run->nplan * sizeof(double);

	return (size_t)run->reps * per_rep + (size_t)run->nblocks * run->nvar *
	    (size_t)run->horizon * FW_NMONTHLY * sizeof(double);
}

/* Bytes of the variants' HCP states, their listing by state and the
 * shared words of a month (words.h) up to which the variants step side
 * by side: past it, they no longer sit in the processor's caches
 * together, and reading the words back costs more than drawing them
 * (doc/performance.md). Either way gives the same words and the same
 * bits. */
#define SIDE_BY_SIDE_BYTES (1536 * 1024)

/* Whether every variant of sc, with the month's words, fits in
 * SIDE_BY_SIDE_BYTES. */
static int
side_by_side_fits(const fw_scenario *sc)
{
	const size_t state = sizeof(uint8_t) + 2 * sizeof(uint16_t) +
	    sizeof(double), words = 7 * sizeof(uint32_t);
	size_t v, s, hcps = 0, bytes = 0;

	for (v = 0; v < sc->nconfig; v++) {
		size_t n = 0;
		for (s = 0; s < sc->config[v].nseg; s++)
			n += (size_t)sc->config[v].seg[s].v[FW_S_HCPS].value;
		bytes += n * (state + sizeof(uint32_t));
		hcps = n > hcps ? n : hcps;
	}
	return bytes + hcps * words <= SIDE_BY_SIDE_BYTES;
}

int
fw_run_alloc(const fw_scenario *sc, const fw_run_options *opt,
    fw_run **out, fw_error *err)
{
	fw_run *run;
	size_t v, t, bytes, have, nplan_max = 0, ramp_chan = 0;
	const char *want_path = getenv("FLYWHEEL_PATH");
	const fw_key *horizon = fwi_key_find(FW_SCOPE_TOP, "",
	    "horizon_months");
	const fw_key *reps = fwi_key_find(FW_SCOPE_TOP, "", "replications");

	FWI_NOT_NULL(out, err);
	*out = NULL;
	FWI_NOT_NULL(sc, err);
	FWI_NOT_NULL(opt, err);
	fwi_init();
	if ((run = calloc(1, sizeof(*run))) == NULL)
		return fwi_nomem(err);
	if (opt->months < 0 || opt->months > horizon->hi ||
	    (double)opt->replications > reps->hi || opt->threads < 0 ||
	    opt->threads > FW_MAX_THREADS) {
		free(run);
		fw_error_set(err, FW_EINVALID, "", 0, 0, "", "run options out "
		    "of range: months %.0f..%.0f, replications %.0f..%.0f, "
		    "threads 1..%d (0 for the defaults)", horizon->lo,
		    horizon->hi, reps->lo, reps->hi, FW_MAX_THREADS);
		return FW_EINVALID;
	}
	if (want_path != NULL && *want_path != 0 &&
	    fwi_rng_path_named(want_path) < 0) {
		free(run);
		fw_error_set(err, FW_EINVALID, "", 0, 0, "", "FLYWHEEL_PATH=%s "
		    "is not a path this processor can take (portable, and "
		    "avx2 or avx512 where the processor has them)", want_path);
		return FW_EINVALID;
	}
	run->sc = sc;
	run->horizon = opt->months > 0 ? opt->months : sc->horizon;
	run->reps = opt->replications > 0 ? opt->replications :
	    sc->replications;
	run->seed = opt->seed_set ? opt->seed : sc->seed;
#ifdef _OPENMP
	run->threads = opt->threads > 0 ? opt->threads : omp_get_max_threads();
#else
	run->threads = 1;
#endif
	run->nvar = sc->nconfig;
	run->block_size = (run->reps + FW_MAX_BLOCKS - 1) / FW_MAX_BLOCKS;
	run->nblocks = (run->reps + run->block_size - 1) / run->block_size;
	run->plans = calloc(run->nvar, sizeof(fw_plan));
	run->plan_offset = calloc(run->nvar, sizeof(size_t));
	run->sched = calloc(run->nvar, sizeof(fw_schedule));
	if (run->plans == NULL || run->plan_offset == NULL ||
	    run->sched == NULL) {
		fw_run_free(run);
		return fwi_nomem(err);
	}
	for (v = 0; v < run->nvar; v++) {
		const fw_config *c = &sc->config[v];
		if (fwi_config_changes_midway(sc, c) &&
		    fwi_config_hcps_differ(c, &sc->config[0])) {
			fw_run_free(run);
			fw_error_set(err, FW_EINVALID, sc->file, 0, 0, "",
			    "variant %s changes the number of HCPs, which a "
			    "variant that follows a warm-up, starts after month "
			    "1 or ramps cannot do", c->name);
			return FW_EINVALID;
		}
		if (fwi_plan_build(&run->plans[v], c) != FW_OK ||
		    fwi_schedule_build(&run->sched[v], &sc->config[0], c) !=
		    FW_OK) {
			fw_run_free(run);
			return fwi_nomem(err);
		}
		fwi_plan_join(&run->plans[v], &sc->copula);
		if (run->sched[v].nchan > ramp_chan)
			ramp_chan = run->sched[v].nchan;
		run->plan_offset[v] = run->nplan;
		run->nplan += run->plans[v].n;
		if (run->plans[v].n > nplan_max)
			nplan_max = run->plans[v].n;
	}
	if (fwi_run_index_draws(run) != FW_OK) {
		fw_run_free(run);
		return fwi_nomem(err);
	}
	bytes = fw_run_memory(run);
	have = physical_memory();
	if (have > 0 && bytes > have / 10 * 9) {
		fw_run_free(run);
		fw_error_set(err, FW_ENOMEM, "", 0, 0, "", "the results of this "
		    "run need %.1f GB and the machine has %.1f GB: use fewer "
		    "replications or months", bytes / 1e9, have / 1e9);
		return FW_ENOMEM;
	}
	run->totals = calloc(run->reps * run->nvar * FW_NTOTAL,
	    sizeof(double));
	run->drawn = calloc(run->reps * run->nplan + 1, sizeof(double));
	run->banded = calloc(run->reps * run->nvar * (size_t)run->horizon *
	    FW_NBANDED, sizeof(float));
	run->block_sums = calloc(run->nblocks * run->nvar *
	    (size_t)run->horizon * FW_NMONTHLY, sizeof(double));
	run->cumcash = calloc(run->reps * run->nvar * (size_t)run->horizon,
	    sizeof(double));
	run->block_end = calloc(run->nblocks, sizeof(fw_block_end));
	run->block_done = calloc(run->nblocks, sizeof(uint64_t));
	run->part_block = calloc(run->nblocks, sizeof(uint64_t));
	run->part_reps = calloc(run->nblocks, sizeof(uint64_t));
	run->work = calloc((size_t)run->threads * run->nvar, sizeof(fw_work *));
	run->words = calloc((size_t)run->threads, sizeof(fw_words));
	if (run->totals == NULL || run->drawn == NULL || run->banded == NULL
	    || run->block_sums == NULL || run->cumcash == NULL ||
	    run->block_end == NULL || run->block_done == NULL ||
	    run->part_block == NULL || run->part_reps == NULL ||
	    run->work == NULL || run->words == NULL) {
		fw_run_free(run);
		return fwi_nomem(err);
	}
	/* Each thread's workspace is its own cache-line-aligned allocation,
	 * so that no two threads write to one line. */
	for (t = 0; t < (size_t)run->threads * run->nvar; t++)
		if ((run->work[t] = aligned_alloc(64, (sizeof(fw_work) + 63) /
		    64 * 64)) == NULL || fwi_work_init(run->work[t], sc,
		    run->horizon, nplan_max, ramp_chan) != FW_OK) {
			fw_run_free(run);
			return fwi_nomem(err);
		}
	run->side_by_side = run->nvar > 1 && side_by_side_fits(sc);
	for (t = 0; run->side_by_side && t < (size_t)run->threads; t++)
		if (fwi_words_init(&run->words[t], sc) != 0) {
			fw_run_free(run);
			return fwi_nomem(err);
		}
	*out = run;
	return FW_OK;
}

/* Whether every per-replication result is a finite number. */
static int
finite_totals(const double *tot)
{
	int k;

	for (k = 0; k < FW_NTOTAL; k++)
		if (!isfinite(tot[k]))
			return 0;
	return 1;
}

/* Draws variant v's values of replication rep into vals and keeps the
 * drawn ones. */
static int
set_values(fw_run *run, fw_values *vals, size_t v, uint64_t rep)
{
	int rc = fwi_values_set(vals, &run->sc->config[v], &run->plans[v],
	    run->seed, (uint32_t)rep);

	if (rc == FW_OK)
		memcpy(&run->drawn[rep * run->nplan + run->plan_offset[v]],
		    vals->drawn, run->plans[v].n * sizeof(double));
	return rc;
}

/* Copies kept series k of the replication and variant just simulated
 * on w into the run. */
static void
keep_series(fw_run *run, const fw_work *w, uint64_t rep, size_t v,
    size_t k)
{
	const size_t T = (size_t)run->horizon, at = (size_t)run->keep[k];
	const int seg = run->keep_segment[k];
	double *to = &run->kept[((rep * run->nvar + v) * run->nkeep + k) * T];
	size_t t;

	for (t = 0; t < T; t++)
		to[t] = seg < 0 ? w->month[t * FW_NMONTHLY + at] :
		    w->seg_month[(t * w->nseg_cap + (size_t)seg) *
		    FW_NMONTHLY + at];
}

/* Replications in block b. */
static uint64_t
block_reps(const fw_run *run, uint64_t b)
{
	uint64_t first = b * run->block_size;

	return run->reps - first < run->block_size ? run->reps - first :
	    run->block_size;
}

/* How variant v of replication rep ended, had it failed with rc. */
static fw_block_end
failed(int rc, uint64_t rep, size_t v)
{
	return (fw_block_end){ rc == FW_ENOMEM ? FW_BLOCK_NO_MEMORY :
	    FW_BLOCK_BAD_DRAW, rep, v };
}

/* Month t of variant v of replication rep on its workspace w, unless
 * the variant has failed. */
static void
variant_month(fw_run *run, fw_work *w, uint64_t rep, size_t v, int t)
{
	if (w->status == FW_OK)
		w->status = fwi_simulate_month(w, &run->sc->config[v],
		    &run->sched[v], v > 0 ? &w->own : &w->base, run->seed,
		    (uint32_t)rep, t, fwi_run_totals(run, rep, v));
}

/* Simulates replication rep of every variant on the thread's workspaces
 * ws (one a variant) and words: their values, the baseline's warm-up,
 * then the horizon, side by side with the words shared or one variant
 * after another; each workspace's status in its `status`. */
static void
run_replication(fw_run *run, fw_work **ws, fw_words *words, uint64_t rep)
{
	const size_t V = run->nvar;
	size_t v;
	int t;

	for (v = 0; v < V; v++) {
		/* every workspace has the baseline's values: a variant's
		 * schedule starts from them */
		ws[v]->status = set_values(run, &ws[v]->base, 0, rep);
		if (ws[v]->status == FW_OK && v > 0)
			ws[v]->status = set_values(run, &ws[v]->own, v, rep);
		ws[v]->words = NULL;
	}
	if (ws[0]->warmup > 0 && ws[0]->status == FW_OK) {
		fwi_warm_up(ws[0], &run->sc->config[0], run->seed,
		    (uint32_t)rep);
		for (v = 1; v < V; v++)
			fwi_market_copy(ws[v], ws[0]);
	}
	for (v = 0; run->side_by_side && v < V; v++)
		ws[v]->words = words;
	for (t = 1; run->side_by_side && t <= run->horizon; t++)
		for (v = 0; v < V; v++)
			variant_month(run, ws[v], rep, v, t);
	for (v = 0; !run->side_by_side && v < V; v++)
		for (t = 1; t <= run->horizon; t++)
			variant_month(run, ws[v], rep, v, t);
}

/* Runs the next n replications of block b on the thread's workspaces
 * ws and words; says in *end how it ended: at the first failed variant
 * of the first failed replication. */
static void
run_block(fw_run *run, fw_work **ws, fw_words *words, uint64_t b,
    uint64_t n, fw_block_end *end)
{
	uint64_t first = b * run->block_size + run->block_done[b], rep;
	uint64_t last = first + n;
	const size_t T = (size_t)run->horizon;
	size_t v, t, k;

	for (rep = first; rep < last; rep++) {
		run_replication(run, ws, words, rep);
		for (v = 0; v < run->nvar; v++) {
			const fw_work *w = ws[v];
			double *sums = &run->block_sums[(b * run->nvar + v) *
			    T * FW_NMONTHLY];
			float *band = &run->banded[(rep * run->nvar + v) * T *
			    FW_NBANDED];
			double *cum = &run->cumcash[(rep * run->nvar + v) * T],
			    to_date = 0;
			if (w->status != FW_OK) {
				*end = failed(w->status, rep, v);
				return;
			}
			*end = (fw_block_end){ FW_BLOCK_NOT_FINITE, rep, v };
			if (!finite_totals(fwi_run_totals(run, rep, v)))
				return;
			for (t = 0; t < T; t++) {
				const double *row = &w->month[t * FW_NMONTHLY];
				for (k = 0; k < FW_NMONTHLY; k++)
					sums[t * FW_NMONTHLY + k] += row[k];
				for (k = 0; k < FW_NBANDED; k++)
					band[t * FW_NBANDED + k] =
					    (float)row[fwi_banded[k]];
				to_date += row[FW_M_CASH];
				cum[t] = to_date;
			}
			for (k = 0; k < run->nkeep; k++)
				keep_series(run, w, rep, v, k);
		}
	}
	end->why = FW_BLOCK_DONE;
}

/* Turns the first failed block's end into an error. */
static int
block_error(const fw_run *run, const fw_block_end *end, fw_error *err)
{
	const char *variant = run->sc->config[end->variant].name;
	unsigned long long rep = (unsigned long long)end->rep + 1;

	switch (end->why) {
	case FW_BLOCK_BAD_DRAW:
		fw_error_set(err, FW_ERUN, run->sc->file, 0, 0, "", "a "
		    "distribution of %s drew a value that is not a finite "
		    "number in replication %llu; check its parameters",
		    variant, rep);
		return FW_ERUN;
	case FW_BLOCK_NOT_FINITE:
		fw_error_set(err, FW_ERUN, run->sc->file, 0, 0, "", "the "
		    "results of %s are not finite numbers in replication %llu: "
		    "a value is too large for them (prices, costs or counts)",
		    variant, rep);
		return FW_ERUN;
	default:
		return fwi_nomem(err);
	}
}

/* Runs the run's nparts parts (part_block, part_reps: distinct blocks)
 * on its threads, and counts them done. */
static int
run_parts(fw_run *run, uint64_t nparts, fw_error *err)
{
	double start = now();
	long long i, n = (long long)nparts;
	uint64_t p;

#pragma omp parallel for schedule(dynamic, 1) num_threads(run->threads)
	for (i = 0; i < n; i++) {
		int tid = 0;
#ifdef _OPENMP
		tid = omp_get_thread_num();
#endif
		run_block(run, &run->work[(size_t)tid * run->nvar],
		    &run->words[tid], run->part_block[i], run->part_reps[i],
		    &run->block_end[run->part_block[i]]);
	}
	run->elapsed += now() - start;
	for (p = 0; p < nparts; p++)
		if (run->block_end[run->part_block[p]].why != FW_BLOCK_DONE)
			return block_error(run,
			    &run->block_end[run->part_block[p]], err);
	for (p = 0; p < nparts; p++) {
		run->block_done[run->part_block[p]] += run->part_reps[p];
		run->done += run->part_reps[p];
	}
	return FW_OK;
}

/* Runs whole blocks first .. end - 1 on the run's threads. */
static int
run_blocks(fw_run *run, uint64_t first, uint64_t end, fw_error *err)
{
	uint64_t b;

	for (b = first; b < end; b++) {
		run->part_block[b - first] = b;
		run->part_reps[b - first] = block_reps(run, b) -
		    run->block_done[b];
	}
	return run_parts(run, end - first, err);
}

int
fw_run_step(fw_run *run, uint64_t max_reps, fw_error *err)
{
	uint64_t left, share, n = 0, b, p;
	int rc;

	FWI_NOT_NULL(run, err);
	left = run->reps - run->done;
	if (max_reps < 1)
		max_reps = 1;
	if (max_reps > left)
		max_reps = left;
	/* Each of the first unfinished blocks runs its next part, about
	 * max_reps / threads replications, one thread a part. */
	share = (max_reps + (uint64_t)run->threads - 1) /
	    (uint64_t)run->threads;
	for (b = run->next_block; b < run->nblocks && max_reps > 0; b++) {
		uint64_t part = block_reps(run, b) - run->block_done[b];
		if (part > share)
			part = share;
		if (part > max_reps)
			part = max_reps;
		if (part == 0)
			continue;
		run->part_block[n] = b;
		run->part_reps[n++] = part;
		max_reps -= part;
	}
	/* Near the end, fewer blocks are left than threads: their parts
	 * take the rest of what was asked. */
	for (p = 0; p < n && max_reps > 0; p++) {
		uint64_t more = block_reps(run, run->part_block[p]) -
		    run->block_done[run->part_block[p]] - run->part_reps[p];
		if (more > max_reps)
			more = max_reps;
		run->part_reps[p] += more;
		max_reps -= more;
	}
	if ((rc = run_parts(run, n, err)) != FW_OK)
		return rc;
	while (run->next_block < run->nblocks &&
	    run->block_done[run->next_block] == block_reps(run,
	    run->next_block))
		run->next_block++;
	return FW_OK;
}

uint64_t
fw_run_block_count(const fw_run *run)
{
	return run != NULL ? run->nblocks : 0;
}

/* Counts blocks that came in by parts; the run is done with the last. */
static void
blocks_came_in(fw_run *run, uint64_t n)
{
	run->blocks_in += n;
	if (run->blocks_in >= run->nblocks) {
		run->next_block = run->nblocks;
		run->done = run->reps;
	}
}

static int
block_range_error(const fw_run *run, uint64_t first, uint64_t n,
    fw_error *err)
{
	fw_error_set(err, FW_EINVALID, "", 0, 0, "", "blocks %llu to %llu "
	    "are not blocks of this run (it has %llu)",
	    (unsigned long long)first, (unsigned long long)(first + n),
	    (unsigned long long)run->nblocks);
	return FW_EINVALID;
}

int
fw_run_blocks(fw_run *run, uint64_t first, uint64_t n, fw_error *err)
{
	int rc;

	FWI_NOT_NULL(run, err);
	if (first > run->nblocks || n > run->nblocks - first)
		return block_range_error(run, first, n, err);
	if ((rc = run_blocks(run, first, first + n, err)) == FW_OK)
		blocks_came_in(run, n);
	return rc;
}

/* A run's per-replication and per-block arrays, as slices of a range of
 * blocks: where each starts and how many bytes it has. */
typedef struct slice {
	char *at;
	size_t bytes;
} slice;

#define NSLICES 5

static void
block_slices(const fw_run *run, uint64_t first, uint64_t n,
    slice s[NSLICES])
{
	const size_t T = (size_t)run->horizon, V = run->nvar;
	uint64_t r0 = first * run->block_size, r1 = (first + n) *
	    run->block_size;

	if (r0 > run->reps)
		r0 = run->reps;
	if (r1 > run->reps)
		r1 = run->reps;
	s[0] = (slice){ (char *)&run->totals[r0 * V * FW_NTOTAL],
	    (r1 - r0) * V * FW_NTOTAL * sizeof(double) };
	s[1] = (slice){ (char *)&run->drawn[r0 * run->nplan],
	    (r1 - r0) * run->nplan * sizeof(double) };
	s[2] = (slice){ (char *)&run->banded[r0 * V * T * FW_NBANDED],
	    (r1 - r0) * V * T * FW_NBANDED * sizeof(float) };
	s[3] = (slice){ (char *)&run->cumcash[r0 * V * T],
	    (r1 - r0) * V * T * sizeof(double) };
	s[4] = (slice){ (char *)&run->block_sums[first * V * T * FW_NMONTHLY],
	    n * V * T * FW_NMONTHLY * sizeof(double) };
}

size_t
fw_run_pack_size(const fw_run *run, uint64_t first, uint64_t n)
{
	slice s[NSLICES];
	size_t bytes = 0;
	int k;

	if (run == NULL || first > run->nblocks || n > run->nblocks - first)
		return 0;
	block_slices(run, first, n, s);
	for (k = 0; k < NSLICES; k++)
		bytes += s[k].bytes;
	return bytes;
}

void
fw_run_pack(const fw_run *run, uint64_t first, uint64_t n, void *buf)
{
	slice s[NSLICES];
	char *to = buf;
	int k;

	if (run == NULL || buf == NULL || first > run->nblocks ||
	    n > run->nblocks - first)
		return;
	block_slices(run, first, n, s);
	for (k = 0; k < NSLICES; k++) {
		memcpy(to, s[k].at, s[k].bytes);
		to += s[k].bytes;
	}
}

int
fw_run_unpack(fw_run *run, uint64_t first, uint64_t n, const void *buf,
    size_t size, fw_error *err)
{
	slice s[NSLICES];
	const char *from = buf;
	int k;

	FWI_NOT_NULL(run, err);
	FWI_NOT_NULL(buf, err);
	if (first > run->nblocks || n > run->nblocks - first)
		return block_range_error(run, first, n, err);
	if (size != fw_run_pack_size(run, first, n)) {
		fw_error_set(err, FW_EINVALID, "", 0, 0, "", "the results of "
		    "blocks %llu to %llu take %zu bytes, not %zu: they come "
		    "from another run", (unsigned long long)first,
		    (unsigned long long)(first + n),
		    fw_run_pack_size(run, first, n), size);
		return FW_EINVALID;
	}
	block_slices(run, first, n, s);
	for (k = 0; k < NSLICES; k++) {
		memcpy(s[k].at, from, s[k].bytes);
		from += s[k].bytes;
	}
	blocks_came_in(run, n);
	return FW_OK;
}

void
fw_run_free(fw_run *run)
{
	size_t v;
	int t;

	if (run == NULL)
		return;
	for (v = 0; run->plans != NULL && v < run->nvar; v++)
		fwi_plan_clear(&run->plans[v]);
	for (v = 0; run->sched != NULL && v < run->nvar; v++)
		fwi_schedule_clear(&run->sched[v]);
	for (v = 0; run->work != NULL && v < (size_t)run->threads * run->nvar;
	    v++) {
		fwi_work_clear(run->work[v]);
		free(run->work[v]);
	}
	for (t = 0; run->words != NULL && t < run->threads; t++)
		fwi_words_clear(&run->words[t]);
	free(run->plans);
	free(run->plan_offset);
	free(run->sched);
	free(run->totals);
	free(run->drawn);
	free(run->banded);
	free(run->block_sums);
	free(run->cumcash);
	free(run->draw_path);
	free(run->draw_at);
	free(run->block_end);
	free(run->block_done);
	free(run->part_block);
	free(run->part_reps);
	free(run->work);
	free(run->words);
	free(run->keep);
	free(run->keep_segment);
	free(run->kept);
	free(run);
}

int
fwi_run_keep(fw_run *run, const int *series, const int *segment,
    size_t n)
{
	size_t i;
	int t, by_segment = 0;

	if (run->done > 0 || n == 0)
		return FW_EINVALID;
	free(run->keep);
	free(run->keep_segment);
	free(run->kept);
	run->nkeep = 0;
	run->keep = malloc(n * sizeof(int));
	run->keep_segment = malloc(n * sizeof(int));
	run->kept = malloc(run->reps * run->nvar * n * (size_t)run->horizon *
	    sizeof(double));
	if (run->keep == NULL || run->keep_segment == NULL ||
	    run->kept == NULL)
		return FW_ENOMEM;
	for (i = 0; i < n; i++) {
		run->keep[i] = series[i];
		run->keep_segment[i] = segment != NULL ? segment[i] : -1;
		by_segment |= run->keep_segment[i] >= 0;
	}
	for (t = 0; by_segment && t < run->threads * (int)run->nvar; t++)
		if (fwi_work_by_segment(run->work[t]) != FW_OK)
			return FW_ENOMEM;
	run->nkeep = n;
	return FW_OK;
}

void
fwi_run_restart(fw_run *run)
{
	const size_t T = (size_t)run->horizon, V = run->nvar;

	run->next_block = run->done = run->blocks_in = 0;
	run->elapsed = 0;
	memset(run->block_done, 0, run->nblocks * sizeof(uint64_t));
	memset(run->part_block, 0, run->nblocks * sizeof(uint64_t));
	memset(run->part_reps, 0, run->nblocks * sizeof(uint64_t));
	memset(run->block_end, 0, run->nblocks * sizeof(fw_block_end));
	memset(run->block_sums, 0, run->nblocks * V * T * FW_NMONTHLY *
	    sizeof(double));
	memset(run->totals, 0, run->reps * V * FW_NTOTAL * sizeof(double));
	memset(run->drawn, 0, (run->reps * run->nplan + 1) * sizeof(double));
	memset(run->banded, 0, run->reps * V * T * FW_NBANDED *
	    sizeof(float));
	memset(run->cumcash, 0, run->reps * V * T * sizeof(double));
	if (run->kept != NULL)
		memset(run->kept, 0, run->reps * V * run->nkeep * T *
		    sizeof(double));
}

int
fw_run_finish(fw_run *run, fw_error *err)
{
	uint64_t left;

	FWI_NOT_NULL(run, err);
	left = run->reps - run->done;
	return left > 0 ? fw_run_step(run, left, err) : FW_OK;
}
