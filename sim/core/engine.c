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
#include "run.h"

#define FW_MAX_BLOCKS 256

const int fwi_banded[FW_NBANDED] = { FW_M_REVENUE, FW_M_CASH, FW_M_PATIENTS,
	FW_M_SCRIPTS_UNFILLED, FW_M_GAP_VALUE, FW_M_CVAR, FW_M_REACQ_COST,
	FW_M_MEAN_TRUST };

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
	size_t per_rep = run->nvar * ((size_t)run->horizon * FW_NBANDED *
	    sizeof(float) + FW_NTOTAL * sizeof(double)) +
	    run->nplan * sizeof(double);

	return (size_t)run->reps * per_rep + (size_t)run->nblocks * run->nvar *
	    (size_t)run->horizon * (FW_NMONTHLY + 2) * sizeof(double);
}

static int fail(fw_error *err, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static int
fail(fw_error *err, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	fwi_error_vset(err, FW_ERUN, "", 0, 0, "", fmt, ap);
	va_end(ap);
	return FW_ERUN;
}

int
fw_run_alloc(const fw_scenario *sc, const fw_run_options *opt,
    fw_run **out, fw_error *err)
{
	fw_run *run = calloc(1, sizeof(*run));
	size_t v, t, bytes, have, nplan_max = 0, ramp_chan = 0;

	*out = NULL;
	if (run == NULL)
		return fail(err, "out of memory");
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
		return fail(err, "out of memory");
	}
	for (v = 0; v < run->nvar; v++) {
		const fw_config *c = &sc->config[v];
		if (fwi_config_changes_midway(sc, c) &&
		    fwi_config_hcps_differ(c, &sc->config[0])) {
			fw_run_free(run);
			return fail(err, "variant %s changes the number of HCPs, "
			    "which a variant that follows a warm-up, starts "
			    "after month 1 or ramps cannot do", c->name);
		}
		if (fwi_plan_build(&run->plans[v], c) != FW_OK ||
		    fwi_schedule_build(&run->sched[v], &sc->config[0], c) !=
		    FW_OK) {
			fw_run_free(run);
			return fail(err, "out of memory");
		}
		if (run->sched[v].nchan > ramp_chan)
			ramp_chan = run->sched[v].nchan;
		run->plan_offset[v] = run->nplan;
		run->nplan += run->plans[v].n;
		if (run->plans[v].n > nplan_max)
			nplan_max = run->plans[v].n;
	}
	bytes = fw_run_memory(run);
	have = physical_memory();
	if (have > 0 && bytes > have / 10 * 9) {
		fw_run_free(run);
		return fail(err, "this run needs %.1f GB for its results and "
		    "the machine has %.1f GB; use fewer replications (--reps) "
		    "or months (--months)", bytes / 1e9, have / 1e9);
	}
	run->totals = calloc(run->reps * run->nvar * FW_NTOTAL,
	    sizeof(double));
	run->drawn = calloc(run->reps * run->nplan + 1, sizeof(double));
	run->banded = calloc(run->reps * run->nvar * (size_t)run->horizon *
	    FW_NBANDED, sizeof(float));
	run->block_sums = calloc(run->nblocks * run->nvar *
	    (size_t)run->horizon * FW_NMONTHLY, sizeof(double));
	run->delta_sums = calloc(run->nblocks * run->nvar *
	    (size_t)run->horizon * 2, sizeof(double));
	run->block_status = calloc(run->nblocks, sizeof(int));
	run->work = calloc((size_t)run->threads, sizeof(fw_work *));
	if (run->totals == NULL || run->drawn == NULL || run->banded == NULL
	    || run->block_sums == NULL || run->delta_sums == NULL ||
	    run->block_status == NULL ||
	    run->work == NULL) {
		fw_run_free(run);
		return fail(err, "out of memory (%.1f GB needed)",
		    bytes / 1e9);
	}
	/* Each thread's workspace is its own cache-line-aligned allocation,
	 * so that no two threads write to one line. */
	for (t = 0; t < (size_t)run->threads; t++)
		if ((run->work[t] = aligned_alloc(64, (sizeof(fw_work) + 63) /
		    64 * 64)) == NULL || fwi_work_init(run->work[t], sc,
		    run->horizon, nplan_max, ramp_chan) != FW_OK) {
			fw_run_free(run);
			return fail(err, "out of memory for the HCPs of "
			    "thread %zu", t);
		}
	*out = run;
	return FW_OK;
}

/* Adds variant v's cumulative cash gain over the baseline, month by
 * month, to block b's sums (MODEL.md §7: paired on one replication). */
static void
add_delta(fw_run *run, fw_work *w, uint64_t b, size_t v)
{
	const size_t T = (size_t)run->horizon;
	double *sums = &run->delta_sums[(b * run->nvar + v) * T * 2];
	double cum = 0;
	size_t t;

	for (t = 0; t < T; t++) {
		double cash = w->month[t * FW_NMONTHLY + FW_M_CASH];
		if (v == 0) {
			w->base_cash[t] = cash;
			continue;
		}
		cum += cash - w->base_cash[t];
		sums[2 * t] += cum;
		sums[2 * t + 1] += cum * cum;
	}
}

/* Draws variant v's values of replication rep into vals and keeps the
 * drawn ones. */
static int
set_values(fw_run *run, fw_values *vals, size_t v, uint64_t rep)
{
	if (fwi_values_set(vals, &run->sc->config[v], &run->plans[v],
	    run->seed, (uint32_t)rep) != FW_OK)
		return FW_ERUN;
	memcpy(&run->drawn[rep * run->nplan + run->plan_offset[v]],
	    vals->drawn, run->plans[v].n * sizeof(double));
	return FW_OK;
}

/* Runs every replication of block b on workspace w. */
static int
run_block(fw_run *run, fw_work *w, uint64_t b)
{
	uint64_t first = b * run->block_size, rep;
	uint64_t last = first + run->block_size;
	const size_t T = (size_t)run->horizon;
	size_t v, t, k;

	if (last > run->reps)
		last = run->reps;
	for (rep = first; rep < last; rep++) {
		if (set_values(run, &w->base, 0, rep) != FW_OK)
			return FW_ERUN;
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
			const fw_values *own = &w->base;
			if (v > 0) {
				if (set_values(run, &w->own, v, rep) != FW_OK)
					return FW_ERUN;
				own = &w->own;
				if (w->warmup > 0)
					fwi_market_restore(w);
			}
			if (fwi_simulate(w, c, &run->sched[v], own, run->seed,
			    (uint32_t)rep, fwi_run_totals(run, rep, v)) != FW_OK)
				return FW_ERUN;
			for (t = 0; t < T; t++) {
				const double *row = &w->month[t * FW_NMONTHLY];
				for (k = 0; k < FW_NMONTHLY; k++)
					sums[t * FW_NMONTHLY + k] += row[k];
				for (k = 0; k < FW_NBANDED; k++)
					band[t * FW_NBANDED + k] =
					    (float)row[fwi_banded[k]];
			}
			add_delta(run, w, b, v);
		}
	}
	return FW_OK;
}

int
fw_run_step(fw_run *run, uint64_t max_reps, fw_error *err)
{
	uint64_t nb = (max_reps + run->block_size - 1) / run->block_size;
	uint64_t first = run->next_block, end, b;
	double start = now();
	long long i, n;

	if (nb < 1)
		nb = 1;
	end = first + nb > run->nblocks ? run->nblocks : first + nb;
	n = (long long)(end - first);
#pragma omp parallel for schedule(dynamic, 1) num_threads(run->threads)
	for (i = 0; i < n; i++) {
		int tid = 0;
#ifdef _OPENMP
		tid = omp_get_thread_num();
#endif
		run->block_status[first + (uint64_t)i] = run_block(run,
		    run->work[tid], first + (uint64_t)i);
	}
	run->elapsed += now() - start;
	for (b = first; b < end; b++)
		if (run->block_status[b] != FW_OK) {
			fw_error_set(err, FW_ERUN, run->sc->file, 0, 0, "",
			    "a distribution gave a value that is not a number "
			    "in replication %llu; check its parameters",
			    (unsigned long long)(b * run->block_size));
			return FW_ERUN;
		}
	run->next_block = end;
	run->done = end * run->block_size > run->reps ? run->reps :
	    end * run->block_size;
	return FW_OK;
}

double
fwi_run_block_total(const fw_run *run, const double *sums, size_t stride,
    size_t offset)
{
	double total = 0;
	uint64_t b;

	for (b = 0; b < run->nblocks; b++)
		total += sums[b * stride + offset];
	return total;
}

double
fwi_run_monthly_mean(const fw_run *run, size_t v, int t, int k)
{
	const size_t T = (size_t)run->horizon;

	return fwi_run_block_total(run, run->block_sums, run->nvar * T *
	    FW_NMONTHLY, (v * T + (size_t)(t - 1)) * FW_NMONTHLY +
	    (size_t)k) / (double)run->reps;
}

uint64_t
fw_run_done(const fw_run *run)
{
	return run->done;
}

uint64_t
fw_run_total(const fw_run *run)
{
	return run->reps;
}

int
fw_run_threads(const fw_run *run)
{
	return run->threads;
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
	free(run->delta_sums);
	free(run->block_status);
	free(run->work);
	free(run);
}
