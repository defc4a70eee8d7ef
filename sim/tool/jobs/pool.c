/* pool.c - independent evaluations over a process's threads.
 * SPDX-License-Identifier: MIT
 *
 * Every thread takes the next task in order as soon as it is free, so
 * that no thread waits for another before the very last task: with
 * tasks of a few tens of milliseconds (a point of one replication), a
 * barrier after every few tasks would leave a core idle for much of the
 * time. Results go to slots indexed by task and done() sees them in task
 * order, so nothing depends on which thread ran what.
 */
#include "config.h"

#include "pool.h"

typedef struct pool {
	size_t n, next;		/* tasks; the next to hand out */
	size_t ok;		/* tasks 0 .. ok - 1 succeeded */
	int stop;		/* a task failed or done() refused */
	int *status;
	pool_done *done;
	void *ctx;
} pool;

/* The next task to run, or n when there is none; under the lock. */
static size_t
take(pool *p)
{
	return p->stop || p->next == p->n ? p->n : p->next++;
}

/* Records task i's status and tells done() how far the tasks have all
 * succeeded; under the lock. */
static void
finish(pool *p, size_t i, int rc)
{
	size_t ok = p->ok;

	p->status[i] = rc;
	if (rc != FW_OK)
		p->stop = 1;
	while (p->ok < p->n && p->status[p->ok] == FW_OK)
		p->ok++;
	if (p->ok > ok && p->done != NULL && p->done(p->ctx, p->ok) != 0)
		p->stop = 1;
}

void
pool_run(size_t n, int threads, int wide, pool_task *task,
    pool_done *done, void *ctx, int *status, fw_error *errs)
{
	pool p = { n, 0, 0, 0, status, done, ctx };
	size_t i;

	for (i = 0; i < n; i++)
		status[i] = POOL_NOT_RUN;
	if (wide || threads <= 1) {
		while ((i = take(&p)) < n)
			finish(&p, i, task(ctx, i, threads, &errs[i]));
		return;
	}
#pragma omp parallel num_threads(threads) private(i)
	for (;;) {
		int rc;
#pragma omp critical(pool_lock)
		i = take(&p);
		if (i == n)
			break;
		rc = task(ctx, i, 1, &errs[i]);
#pragma omp critical(pool_lock)
		finish(&p, i, rc);
	}
}

size_t
pool_batch(int threads)
{
	return 8 * (size_t)(threads > 0 ? threads : 1);
}
