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

/* Runs tasks 0 .. n - 1 and puts each one's status in status[i] and its
 * error in errs[i]. A wide task (one whose replications keep every
 * thread busy) runs alone on all the threads, one after another; narrow
 * ones run side by side, each on one thread, taken in turn by whichever
 * thread is free. */
void pool_run(size_t n, int threads, int wide, pool_task *task, void *ctx,
    int *status, fw_error *errs);

/* How many narrow tasks to hand the threads at once: enough that a
 * thread finishing early finds another before the rest are done. */
size_t pool_batch(int threads);

#endif
