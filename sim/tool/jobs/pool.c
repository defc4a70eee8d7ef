/* pool.c - independent evaluations over a process's threads.
 * SPDX-License-Identifier: MIT */
#include "config.h"

#ifdef _OPENMP
#include <omp.h>
#endif

#include "pool.h"

void
pool_run(size_t n, int threads, int wide, pool_task *task, void *ctx,
    int *status, fw_error *errs)
{
	long long i;

	if (wide || threads <= 1) {
		for (i = 0; i < (long long)n; i++)
			status[i] = task(ctx, (size_t)i, threads, &errs[i]);
		return;
	}
#pragma omp parallel for schedule(dynamic, 1) num_threads(threads)
	for (i = 0; i < (long long)n; i++)
		status[i] = task(ctx, (size_t)i, 1, &errs[i]);
}

size_t
pool_batch(int threads)
{
	return 8 * (size_t)(threads > 0 ? threads : 1);
}
