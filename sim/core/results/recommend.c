/* recommend.c - which option a finished run recommends and how sure it
 * is (fw_recommend(3)): the options ranked by their paired NPV gain over
 * the baseline, the leader against the runner-up replication by
 * replication, and the call those figures make. One computation, from a
 * run in memory or from the figures of its tables, so that every page
 * that states the recommendation states the same one.
 * SPDX-License-Identifier: MIT */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "compare.h"
#include "model.h"
#include "stats.h"

#define CLOSE_BELOW 0.75	/* leader ahead in fewer: a close call */

static void
clear(fw_recommendation *rec)
{
	memset(rec, 0, sizeof(*rec));
	rec->lead_mean = rec->lead_p5 = rec->lead_p95 = NAN;
	rec->lead_p_ahead = rec->p_best = NAN;
}

static int
by_gain(const void *a, const void *b)
{
	const fw_option *x = a, *y = b;

	if (x->mean != y->mean)
		return x->mean < y->mean ? 1 : -1;
	return x->variant < y->variant ? -1 : x->variant > y->variant;
}

/* How sure the leader is (flywheel.h lists the calls). */
static enum fw_call
call_of(const fw_recommendation *rec)
{
	const fw_option *lead = &rec->opt[0];
	double p5 = rec->n >= 2 ? rec->lead_p5 : lead->p5;
	double ahead = rec->n >= 2 ? rec->lead_p_ahead : lead->p_ahead;

	if (rec->n == 0)
		return FW_CALL_NONE;
	if (!(lead->mean > 0))
		return FW_CALL_KEEP;
	/* Against the baseline too: an option no surer than that is
	 * close whatever the runner-up does. */
	if (lead->p_ahead < CLOSE_BELOW)
		ahead = fmin(ahead, lead->p_ahead);
	if (ahead < CLOSE_BELOW)
		return FW_CALL_CLOSE;
	if (p5 > 0 && lead->p5 > 0)
		return FW_CALL_CLEAR;
	return FW_CALL_LIKELY;
}

/* Option o's paired gain and own downside, from the NPV matrix; d has
 * room for reps values. */
static void
gain_of(const double *npv, uint64_t reps, size_t nv, fw_option *o,
    double *d)
{
	fw_paired p;
	fw_stats s;
	uint64_t r;

	for (r = 0; r < reps; r++)
		d[r] = npv[r * nv + o->variant] - npv[r * nv];
	fwi_paired_stats(d, reps, &p);
	o->mean = p.mean;
	o->p5 = p.p5;
	o->p50 = p.p50;
	o->p95 = p.p95;
	o->p_ahead = p.p_positive;
	o->roi = o->cost > 0 ? p.mean / o->cost : NAN;
	for (r = 0; r < reps; r++)
		d[r] = npv[r * nv + o->variant];
	fwi_summarize(d, reps, &s);
	o->npv_p5 = s.p5;
}

/* The leader less the runner-up, and how often the leader is best. */
static void
lead_of(const double *npv, uint64_t reps, size_t nv, fw_recommendation *rec,
    double *d)
{
	size_t a = rec->leader, b = rec->runner_up, v;
	uint64_t r, best = 0;
	fw_paired p;

	for (r = 0; r < reps; r++) {
		const double *row = npv + r * nv;
		for (v = 0; v < nv && !(row[v] > row[a]); v++)
			;
		best += v == nv;
		d[r] = row[a] - row[b];
	}
	rec->p_best = reps > 0 ? (double)best / (double)reps : NAN;
	if (rec->n < 2)
		return;
	fwi_paired_stats(d, reps, &p);
	rec->lead_mean = p.mean;
	rec->lead_p5 = p.p5;
	rec->lead_p95 = p.p95;
	rec->lead_p_ahead = p.p_positive;
}

int
fw_recommend(const double *npv, uint64_t reps, size_t nvariant, int months,
    const fw_option *opt, fw_recommendation *out)
{
	size_t i;
	double *d;

	if (out == NULL)
		return FW_EINVALID;
	clear(out);
	if (nvariant == 0 || reps == 0 || npv == NULL || (nvariant > 1 &&
	    opt == NULL))
		return FW_EINVALID;
	for (i = 0; i + 1 < nvariant; i++)
		if (opt[i].variant == 0 || opt[i].variant >= nvariant)
			return FW_EINVALID;
	out->n = nvariant - 1;
	out->reps = reps;
	out->months = months;
	if ((out->opt = calloc(out->n + 1, sizeof(fw_option))) == NULL ||
	    (d = malloc(reps * sizeof(double) + 1)) == NULL) {
		fw_recommendation_free(out);
		return FW_ENOMEM;
	}
	for (i = 0; i < out->n; i++) {
		out->opt[i] = opt[i];
		gain_of(npv, reps, nvariant, &out->opt[i], d);
	}
	qsort(out->opt, out->n, sizeof(fw_option), by_gain);
	if (out->n >= 1) {
		out->leader = out->opt[0].variant;
		out->runner_up = out->n >= 2 ? out->opt[1].variant : 0;
		lead_of(npv, reps, nvariant, out, d);
	}
	free(d);
	out->call = call_of(out);
	/* Close against the baseline when the leader is no surer of it. */
	out->rival = out->n >= 2 && !(out->opt[0].p_ahead < CLOSE_BELOW) ?
	    out->runner_up : 0;
	return FW_OK;
}

/* The figures of variant v that the NPV matrix does not hold. */
static int
facts_of(const fw_run *run, size_t v, fw_option *o)
{
	const size_t spend = FW_T_SPEND_PV;
	const size_t program = FW_T_PROGRAM_COST;
	fw_stats s;
	fw_paired p;
	int rc;

	o->variant = v;
	o->name = fw_scenario_variant_name(fw_run_scenario(run), v);
	if ((rc = fw_run_payback(run, v, 0, &o->payback)) != FW_OK ||
	    (rc = fw_run_compounding(run, v, 0, &o->compounding)) != FW_OK)
		return rc;
	if ((rc = fw_run_stats(run, v, spend, &s)) != FW_OK)
		return rc;
	o->spend = s.mean;
	if ((rc = fw_run_stats(run, v, program, &s)) != FW_OK)
		return rc;
	o->program_cost = s.mean;
	if ((rc = fw_run_paired(run, v, 0, spend, &p)) != FW_OK)
		return rc;
	o->cost = p.mean;
	return FW_OK;
}

int
fw_run_recommend(const fw_run *run, fw_recommendation *out)
{
	const size_t npv = FW_T_NPV;
	size_t nv, v;
	uint64_t reps, r;
	double *m = NULL, *x = NULL;
	fw_option *opt = NULL;
	int rc = FW_OK;

	if (out == NULL)
		return FW_EINVALID;
	clear(out);
	if (run == NULL || fw_run_done(run) < fw_run_replications(run))
		return FW_EINVALID;
	nv = fw_scenario_variant_count(fw_run_scenario(run));
	reps = fw_run_replications(run);
	if ((m = malloc(reps * nv * sizeof(double) + 1)) == NULL ||
	    (x = malloc(reps * sizeof(double) + 1)) == NULL ||
	    (opt = calloc(nv, sizeof(fw_option))) == NULL)
		rc = FW_ENOMEM;
	for (v = 0; rc == FW_OK && v < nv; v++) {
		if ((rc = fw_run_values(run, v, npv, x)) != FW_OK)
			break;
		for (r = 0; r < reps; r++)
			m[r * nv + v] = x[r];
		if (v > 0)
			rc = facts_of(run, v, &opt[v - 1]);
	}
	if (rc == FW_OK)
		rc = fw_recommend(m, reps, nv, fw_run_months(run), opt, out);
	free(m);
	free(x);
	free(opt);
	return rc;
}

void
fw_recommendation_free(fw_recommendation *rec)
{
	if (rec == NULL)
		return;
	free(rec->opt);
	clear(rec);
}
