/* pool.h - independent evaluations (a sweep's points, a calibration's
 * candidates) over a process's threads.
 * SPDX-License-Identifier: MIT */
#ifndef FW_POOL_H
#define FW_POOL_H

#include <stddef.h>

#include "flywheel.h"

/* Evaluation i of ctx on `threads` threads: its result goes to a slot of
 * its own, indexed by i, so that no result depends on the thread. */
typedef int pool_task(void *ctx, size_t i, int threads, fw_error *err);

/* Told that tasks 0 .. done - 1 have all succeeded, each time that
 * number grows, one call at a time and in order; a non-zero return stops
 * the pool handing out tasks. */
typedef int pool_done(void *ctx, size_t done);

/* Runs tasks 0 .. n - 1 and puts each one's status in status[i] and its
 * error in errs[i]. A wide task (one whose replications keep every
 * thread busy) runs alone on all the threads, one after another; narrow
 * ones run side by side, each on one thread, handed out in order to
 * whichever thread is free, with no wait between them until the last:
 * a thread waits only while the others finish their final task. After
 * a failure (or done's refusal) no further task starts; every task
 * before the first failed one has run. A task not run has the status
 * POOL_NOT_RUN. done may be NULL. */
#define POOL_NOT_RUN (-1000)
void pool_run(size_t n, int threads, int wide, pool_task *task,
    pool_done *done, void *ctx, int *status, fw_error *errs);

/* How many narrow tasks to hand the threads at once when their results
 * must be gathered in steps (MPI ranks): enough that a thread finishing
 * early finds another before the rest are done. */
size_t pool_batch(int threads);

#endif
