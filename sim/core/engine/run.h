/* run.h - a run's results as the writers read them. Private.
 * SPDX-License-Identifier: MIT */
#ifndef FW_RUN_H
#define FW_RUN_H

#include "model.h"

/* Monthly metrics kept per replication (single precision) for their
 * percentiles; every monthly metric's mean comes from exact sums. */
#define FW_NBANDED 9
extern const int fwi_banded[FW_NBANDED];

/* How a block of replications ended, and where it stopped. */
enum { FW_BLOCK_DONE, FW_BLOCK_BAD_DRAW, FW_BLOCK_NOT_FINITE,
	FW_BLOCK_NO_MEMORY };
typedef struct fw_block_end {
	int why;
	uint64_t rep;
	size_t variant;
} fw_block_end;

struct fw_run {
	const fw_scenario *sc;
	int horizon;
	uint64_t reps;
	uint64_t seed;
	int threads;
	size_t nvar;
	fw_plan *plans;		/* per variant */
	fw_schedule *sched;	/* per variant: how its values phase in */
	size_t *plan_offset;	/* per variant, into a row of drawn */
	size_t nplan;		/* drawn values per replication */
	uint64_t block_size, nblocks, next_block, done;
	/* replications done of each block, which fw_run_step runs in
	 * parts: a block's replications always in order on one thread */
	uint64_t *block_done;	/* [block] */
	/* the parts of blocks a step runs side by side */
	uint64_t *part_block, *part_reps;	/* [block] */
	uint64_t blocks_in;	/* blocks run or unpacked by fw_run_blocks and
				 * fw_run_unpack */
	double *totals;		/* [rep][variant][FW_NTOTAL] */
	double *drawn;		/* [rep][nplan] */
	float *banded;		/* [rep][variant][month][FW_NBANDED] */
	double *cumcash;	/* [rep][variant][month]: cash to date */
	double *block_sums;	/* [block][variant][month][FW_NMONTHLY] */
	fw_block_end *block_end;	/* [block] */
	/* the distinct uncertain paths over all variants, in first-seen
	 * order, and where each variant's plan has each (-1: not at all) */
	size_t ndraw;
	const char **draw_path;	/* [ndraw], owned by plans */
	long *draw_at;		/* [variant][ndraw] */
	fw_work **work;		/* [thread][variant], each on its own lines */
	struct fw_words *words;	/* [thread]: the month's shared words */
	int side_by_side;	/* variants step a month of each in turn,
				 * sharing the words (engine.c) */
	double elapsed;		/* seconds spent in fw_run_step */
	/* monthly series kept per replication for a caller inside the
	 * library (fwi_run_keep) */
	size_t nkeep;
	int *keep;		/* [nkeep] series numbers */
	int *keep_segment;	/* [nkeep] a segment, or -1: the market */
	double *kept;		/* [rep][variant][nkeep][month] */
};

/* Keeps the n monthly series listed, per replication, besides what a
 * run keeps anyway: series[i] of segment[i] (-1: the whole market; a
 * segment's own series are those fwi_work_by_segment records). Called
 * before the first step. */
int fwi_run_keep(fw_run *run, const int *series, const int *segment,
    size_t n);

/* The months of kept series i of variant v in replication rep. */
static inline const double *
fwi_run_kept(const fw_run *run, uint64_t rep, size_t v, size_t i)
{
	return &run->kept[((rep * run->nvar + v) * run->nkeep + i) *
	    (size_t)run->horizon];
}

/* Readies a finished (or failed) run to run again from its first
 * replication, its results zeroed, keeping its workspaces and what it
 * keeps. Its scenario may have changed since fw_run_alloc, but only in
 * the values of real-valued inputs that were plain numbers then and are
 * now (nothing that sizes a workspace, a plan or a schedule). */
void fwi_run_restart(fw_run *run);

/* Builds draw_path and draw_at from the plans. */
int fwi_run_index_draws(fw_run *run);

/* Sum over blocks, in block order, of a block-summed series. */
double fwi_run_block_total(const fw_run *run, const double *sums,
    size_t stride, size_t offset);

/* Mean over replications of monthly metric k of variant v in month t
 * (1-based). */
double fwi_run_monthly_mean(const fw_run *run, size_t v, int t, int k);

static inline double *
fwi_run_totals(const fw_run *run, uint64_t rep, size_t v)
{
	return &run->totals[(rep * run->nvar + v) * FW_NTOTAL];
}

#endif
