/* report.c - the console summary of a run: one aligned row per variant,
 * money in millions.
 * SPDX-License-Identifier: MIT */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "run.h"
#include "stats.h"

/* Mean of total k of variant v over the replications. */
static double
mean_total(const fw_run *run, size_t v, int k)
{
	double sum = 0;
	uint64_t r;

	for (r = 0; r < run->reps; r++)
		sum += fw_run_totals(run, r, v)[k];
	return sum / (double)run->reps;
}

int
fw_run_print_summary(const fw_run *run, FILE *out)
{
	double *x = malloc(run->reps * sizeof(double) + 1);
	size_t v, width = 8;
	uint64_t r;

	if (x == NULL)
		return FW_ERUN;
	for (v = 0; v < run->nvar; v++)
		if (strlen(run->sc->config[v].name) > width)
			width = strlen(run->sc->config[v].name);
	fprintf(out, "%s\n%llu replications, %d months, seed %llu, %d "
	    "thread%s, %.1f s\n\n", run->sc->name,
	    (unsigned long long)run->reps, run->horizon,
	    (unsigned long long)run->seed, run->threads,
	    run->threads == 1 ? "" : "s", run->elapsed);
	fprintf(out, "%-*s  %10s  %21s  %10s  %10s  %10s  %10s\n", (int)width,
	    "", "NPV", "NPV 90% range", "NPV gain", "revenue", "unfilled",
	    "win-back");
	fprintf(out, "%-*s  %10s  %21s  %10s  %10s  %10s  %10s\n", (int)width,
	    "variant", "mean $M", "p5 .. p95 $M", "vs base $M", "$M",
	    "value $M", "cost $M");
	for (v = 0; v < run->nvar; v++) {
		fw_summary s;
		char range[40], delta[24];
		for (r = 0; r < run->reps; r++)
			x[r] = fw_run_totals(run, r, v)[FW_T_NPV];
		fw_summarize(x, run->reps, &s);
		snprintf(range, sizeof(range), "%.2f .. %.2f", s.p5 / 1e6,
		    s.p95 / 1e6);
		if (v == 0)
			snprintf(delta, sizeof(delta), "-");
		else
			snprintf(delta, sizeof(delta), "%+.2f", (s.mean -
			    mean_total(run, 0, FW_T_NPV)) / 1e6);
		fprintf(out, "%-*s  %10.2f  %21s  %10s  %10.2f  %10.2f  "
		    "%10.2f\n", (int)width, run->sc->config[v].name,
		    s.mean / 1e6, range, delta,
		    mean_total(run, v, FW_T_REVENUE) / 1e6,
		    mean_total(run, v, FW_T_GAP_VALUE) / 1e6,
		    mean_total(run, v, FW_T_REACQ_COST) / 1e6);
	}
	free(x);
	return ferror(out) ? FW_EIO : FW_OK;
}
