/* sweeprun.h - a sweep being run into a directory.
 * SPDX-License-Identifier: MIT */
#ifndef FW_SWEEPRUN_H
#define FW_SWEEPRUN_H

#include <stddef.h>

#include "flywheel.h"

typedef struct sweep_job {
	fw_sweep *sw;		/* not owned */
	char *dir;
	int threads;
	int sobol;		/* sweep.csv has a block column */
	size_t first, last;	/* its points: the sweep's, or a shard's */
	int shard, nshard;	/* shard I of N (N = 1: the whole sweep) */
	size_t done;		/* the next point to run: first .. last */
	char **column;		/* the columns of sweep.csv */
	size_t ncolumn;
} sweep_job;

/* How sweep_open takes its directory. */
enum { SWEEP_NEW, SWEEP_RESUME, SWEEP_MERGE };

/* Prepares dir for the sweep: a new directory (refused if it already
 * holds a sweep), with SWEEP_RESUME the directory of an interrupted run
 * of the same sweep, scenario and settings (refused if any has changed),
 * whose rows are checked one by one and kept, or with SWEEP_MERGE a new
 * directory that sweep_merge fills. */
int sweep_open(sweep_job *job, fw_sweep *sw, const char *dir, int mode,
    int threads, fw_error *err);

/* The same for shard `shard` of nshard: a contiguous share of the
 * points, run into a directory of its own, its sweep.json naming the
 * shard. nshard = 1 is sweep_open. */
int sweep_open_shard(sweep_job *job, fw_sweep *sw, const char *dir,
    int mode, int threads, int shard, int nshard, fw_error *err);

/* Assembles the finished shards 1..n, in dirs[0..n-1], into the new
 * sweep directory of job (opened with SWEEP_MERGE): every shard's
 * sweep.json must be that shard's of this sweep and every row checked as
 * a resume checks it; the rows go to sweep.csv in point order, the same
 * bytes as the sweep run whole, written with sweep.json only when every
 * shard is read. */
int sweep_merge(sweep_job *job, char *const *dirs, int n, fw_error *err);

/* Runs the next points — several side by side when a point's
 * replications cannot keep every thread busy, else one point on all of
 * them; under MPI, each rank its share of them — and appends their rows
 * to sweep.csv in point order, on disk before it returns. An
 * interruption loses at most the points under way. */
int sweep_step(sweep_job *job, fw_error *err);

/* After the last point: sensitivity.csv (oneway and sobol designs). */
int sweep_finish(sweep_job *job, fw_error *err);

void sweep_close(sweep_job *job);


#endif
