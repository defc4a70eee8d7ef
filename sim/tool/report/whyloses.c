/* whyloses.c - why an option loses NPV, in words from its own run: the
 * trust and advocates it costs, or the spend its gains do not cover.
 * SPDX-License-Identifier: MIT */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "labels.h"
#include "whyloses.h"

/* A mean below the baseline's by a hundredth is a change in trust a
 * board can see; less is noise. */
#define TRUST_STEP 0.01

static double
at_horizon(const report *d, int k, size_t v)
{
	return report_band(d, k, v, d->T)->mean;
}

/* Whether variant v adds a channel to the baseline's. */
static int
adds_channels(const report *d, size_t v)
{
	size_t i;

	for (i = 0; i < d->nchange; i++)
		if (d->change[i].v == v && strncmp(d->change[i].path,
		    "channels.", 9) == 0 && strcmp(d->change[i].to, "added") == 0)
			return 1;
	return 0;
}

int
report_why_loses(const report *d, size_t v, char *buf, size_t size)
{
	const run_compare *c = &d->cmp[v];
	double t0 = at_horizon(d, RS_TRUST, 0), t1 = at_horizon(d, RS_TRUST, v);
	double a0 = at_horizon(d, RS_STATE + 4, 0);
	double a1 = at_horizon(d, RS_STATE + 4, v);
	char loss[32], n0[32], n1[32], spend[32], value[32];

	buf[0] = '\0';
	if (v == 0 || v >= d->nv || !(c->mean < 0))
		return 0;
	fw_format_money(-c->mean, loss, sizeof(loss));
	if (t1 < t0 - TRUST_STEP) {
		count_words(a0, n0, sizeof(n0));
		count_words(a1, n1, sizeof(n1));
		snprintf(buf, size, "%s loses %s of NPV: %s trust from %.2f to "
		    "%.2f and advocates from %s to %s by month %d.",
		    d->labels[v], loss, adds_channels(d, v) ? "the burden of its "
		    "extra channels takes" : "it lowers", t0, t1, n0, n1, d->T);
		return 1;
	}
	if (c->cost > 0) {
		fw_format_money(c->cost, spend, sizeof(spend));
		fw_format_money(c->mean + c->cost, value, sizeof(value));
		snprintf(buf, size, "%s loses %s of NPV: it earns %s before its "
		    "spend, less than the %s more it spends (both at present "
		    "value).", d->labels[v], loss, value, spend);
		return 1;
	}
	snprintf(buf, size, "%s loses %s of NPV, with no extra spend: the "
	    "market it leaves is smaller than the baseline's.", d->labels[v],
	    loss);
	return 1;
}
