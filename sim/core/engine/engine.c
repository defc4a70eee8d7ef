/* engine.c - replications on threads, and results that do not depend on
 * how many threads there are or in which order they finish.
 * SPDX-License-Identifier: MIT
 *
 * Replications are grouped in fixed blocks (the block size depends only
 * on the number of replications). A block is one task: one thread runs
 * its replications in order, every variant of a replication in turn on
 * the same random streams, and adds their monthly metrics into the
 * block's own sums. Per-replication results go to slots indexed by
 * replication. Block sums are added in block order at the end. No
 * floating-point sum ever depends on the thread that computed it.
 *
 * A replication with a warm-up (MODEL.md §7a) simulates it once, with the
 * baseline's values, and keeps the state it ends in (fw_work.warmed,
 * allocated with the workspace): the baseline carries on from there, and
 * each variant starts from a copy of it.
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

int
fw_run_alloc(const fw_scenario *sc, const fw_run_options *opt,
    fw_run **out, fw_error *err)
{
	fw_run *run;
	size_t v, t, bytes, have, nplan_max = 0, ramp_chan = 0;
	const char *want_path = getenv("FLYWHEEL_PATH");

	FWI_NOT_NULL(out, err);
	*out = NULL;
	FWI_NOT_NULL(sc, err);
	FWI_NOT_NULL(opt, err);
	fwi_init();
	if ((run = calloc(1, sizeof(*run))) == NULL)
		return fwi_nomem(err);
	if (opt->months < 0 || opt->months > 600 ||
	    opt->replications > 4294967295ULL || opt->threads < 0 ||
	    opt->threads > 1024) {
		free(run);
		fw_error_set(err, FW_EINVALID, "", 0, 0, "", "run options out "
		    "of range: months 1..600, replications 1..4294967295, "
		    "threads 1..1024 (0 for the defaults)");
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
	run->work = calloc((size_t)run->threads, sizeof(fw_work *));
	if (run->totals == NULL || run->drawn == NULL || run->banded == NULL
	    || run->block_sums == NULL || run->cumcash == NULL ||
	    run->block_end == NULL || run->work == NULL) {
		fw_run_free(run);
		return fwi_nomem(err);
	}
	/* Each thread's workspace is its own cache-line-aligned allocation,
	 * so that no two threads write to one line. */
	for (t = 0; t < (size_t)run->threads; t++)
		if ((run->work[t] = aligned_alloc(64, (sizeof(fw_work) + 63) /
		    64 * 64)) == NULL || fwi_work_init(run->work[t], sc,
		    run->horizon, nplan_max, ramp_chan) != FW_OK) {
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

/* Runs every replication of block b on workspace w; says in *end how it
 * ended. */
static void
run_block(fw_run *run, fw_work *w, uint64_t b, fw_block_end *end)
{
	uint64_t first = b * run->block_size, rep;
	uint64_t last = first + run->block_size;
	const size_t T = (size_t)run->horizon;
	size_t v, t, k;

	if (last > run->reps)
		last = run->reps;
	for (rep = first; rep < last; rep++) {
		int rc = set_values(run, &w->base, 0, rep);
		if (rc != FW_OK) {
			*end = (fw_block_end){ rc == FW_ENOMEM ?
			    FW_BLOCK_NO_MEMORY : FW_BLOCK_BAD_DRAW, rep, 0 };
			return;
		}
		if (w->warmup > 0) {
			fwi_warm_up(w, &run->sc->config[0], run->seed,
			    (uint32_t)rep);
			if (run->nvar > 1)
				fwi_market_save(w);
		}
		for (v = 0; v < run->nvar; v++) {
			const fw_config *c = &run->sc->config[v];
			double *sums = &run->block_sums[(b * run->nvar + v) *
			    T * FW_NMONTHLY];
			float *band = &run->banded[(rep * run->nvar + v) * T *
			    FW_NBANDED];
			double *cum = &run->cumcash[(rep * run->nvar + v) * T],
			    to_date = 0;
			const fw_values *own = &w->base;
			*end = (fw_block_end){ FW_BLOCK_DONE, rep, v };
			if (v > 0) {
				rc = set_values(run, &w->own, v, rep);
				own = &w->own;
				if (w->warmup > 0)
					fwi_market_restore(w);
			}
			if (rc == FW_OK)
				rc = fwi_simulate(w, c, &run->sched[v], own,
				    run->seed, (uint32_t)rep,
				    fwi_run_totals(run, rep, v));
			if (rc != FW_OK) {
				end->why = rc == FW_ENOMEM ? FW_BLOCK_NO_MEMORY :
				    FW_BLOCK_BAD_DRAW;
				return;
			}
			if (!finite_totals(fwi_run_totals(run, rep, v))) {
				end->why = FW_BLOCK_NOT_FINITE;
				return;
			}
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

/* Runs blocks first .. end - 1 on the run's threads. */
static int
run_blocks(fw_run *run, uint64_t first, uint64_t end, fw_error *err)
{
	double start = now();
	long long i, n = (long long)(end - first);
	uint64_t b;

#pragma omp parallel for schedule(dynamic, 1) num_threads(run->threads)
	for (i = 0; i < n; i++) {
		int tid = 0;
#ifdef _OPENMP
		tid = omp_get_thread_num();
#endif
		run_block(run, run->work[tid], first + (uint64_t)i,
		    &run->block_end[first + (uint64_t)i]);
	}
	run->elapsed += now() - start;
	for (b = first; b < end; b++)
		if (run->block_end[b].why != FW_BLOCK_DONE)
			return block_error(run, &run->block_end[b], err);
	return FW_OK;
}

int
fw_run_step(fw_run *run, uint64_t max_reps, fw_error *err)
{
	uint64_t nb, first, end;
	int rc;

	FWI_NOT_NULL(run, err);
	/* without overflow for max_reps near 2^64 */
	nb = max_reps / run->block_size + (max_reps % run->block_size > 0);
	first = run->next_block;
	if (nb < 1)
		nb = 1;
	end = nb > run->nblocks - first ? run->nblocks : first + nb;
	if ((rc = run_blocks(run, first, end, err)) != FW_OK)
		return rc;
	run->next_block = end;
	run->done = end * run->block_size > run->reps ? run->reps :
	    end * run->block_size;
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
	for (t = 0; run->work != NULL && t < run->threads; t++) {
		fwi_work_clear(run->work[t]);
		free(run->work[t]);
	}
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
	free(run->work);
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
	for (t = 0; by_segment && t < run->threads; t++)
		if (fwi_work_by_segment(run->work[t]) != FW_OK)
			return FW_ENOMEM;
	run->nkeep = n;
	return FW_OK;
}

int
fw_run_finish(fw_run *run, fw_error *err)
{
	uint64_t left;

	FWI_NOT_NULL(run, err);
	left = run->reps - run->done;
	return left > 0 ? fw_run_step(run, left, err) : FW_OK;
}
