/* swing.c - what one uncertain input does to a gain, the tornado's bar
 * (fw_swing_of): the replications ranked by the input's draw, the mean
 * gain in the lowest and highest tenth against the mean over all.
 * SPDX-License-Identifier: MIT */
#include "config.h"

#include <stdlib.h>

#include "flywheel.h"

/* Ranks replications by draw; ties by replication, so the order is one
 * whatever the sort does. */
typedef struct ranked {
	double draw;
	size_t r;
} ranked;

static int
by_draw(const void *a, const void *b)
{
	const ranked *x = a, *y = b;

	if (x->draw != y->draw)
		return (x->draw > y->draw) - (x->draw < y->draw);
	return (x->r > y->r) - (x->r < y->r);
}

int
fw_swing_of(const double *gain, const double *draw, size_t n,
    fw_swing *out)
{
	size_t tenth = n / 10, i;
	double all = 0, lo = 0, hi = 0, xlo = 0, xhi = 0;
	ranked *o;

	if (gain == NULL || draw == NULL || out == NULL || n < 20)
		return FW_EINVALID;
	if ((o = malloc(n * sizeof(*o))) == NULL)
		return FW_ENOMEM;
	for (i = 0; i < n; i++) {
		o[i] = (ranked){ draw[i], i };
		all += gain[i] / (double)n;
	}
	qsort(o, n, sizeof(*o), by_draw);
	if (o[0].draw == o[n - 1].draw) {
		free(o);
		return FW_EINVALID;
	}
	for (i = 0; i < tenth; i++) {
		lo += gain[o[i].r] / (double)tenth;
		xlo += o[i].draw / (double)tenth;
		hi += gain[o[n - 1 - i].r] / (double)tenth;
		xhi += o[n - 1 - i].draw / (double)tenth;
	}
	*out = (fw_swing){ .low = lo - all, .high = hi - all, .x_low = xlo,
		.x_high = xhi, .x_median = o[n / 2].draw, .mean = all };
	free(o);
	return FW_OK;
}
