/* report.c - the console summary of a run: one aligned row per variant,
 * money in millions.
 * SPDX-License-Identifier: MIT */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "compare.h"
#include "cli.h"
#include "files.h"
#include "run.h"
#include "stats.h"

/* Mean of total k of variant v over the replications. */
static double
mean_total(const fw_run *run, size_t v, int k)
{
	double sum = 0;
	uint64_t r;

	for (r = 0; r < run->reps; r++)
		sum += fwi_run_totals(run, r, v)[k];
	return sum / (double)run->reps;
}

int
print_summary(const fw_run *run, FILE *out)
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
			x[r] = fwi_run_totals(run, r, v)[FW_T_NPV];
		fwi_summarize(x, run->reps, &s);
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

/* How sure a share p of replications makes a statement, in words. */
static const char *
certainty(double p)
{
	if (p >= 0.99)
		return "in almost every replication";
	if (p >= 0.9)
		return "in most replications";
	if (p > 0.5)
		return "in more replications than not";
	return "in a minority of replications";
}

/* One paragraph per variant, best expected NPV gain first; each clause
 * follows from a figure printed beside it. */
int
print_verdict(const fw_run *run, FILE *out)
{
	const size_t n = run->nvar - 1;
	fw_comparison *c = calloc(n + 1, sizeof(*c));
	size_t *rank = calloc(n + 1, sizeof(size_t)), i, j;
	double *d;
	uint64_t r;

	if (c == NULL || rank == NULL) {
		free(c);
		free(rank);
		return FW_ERUN;
	}
	if (n == 0) {
		fputs("\nNo variants to compare with the baseline.\n", out);
		free(c);
		free(rank);
		return FW_OK;
	}
	for (i = 0; i < n; i++) {
		if (fwi_compare_variant(run, i + 1, &c[i]) != FW_OK) {
			free(c);
			free(rank);
			return FW_ERUN;
		}
		rank[i] = i;
	}
	/* Rank by expected NPV gain; ties keep the file's order. */
	for (i = 1; i < n; i++)
		for (j = i; j > 0 && c[rank[j]].npv.mean >
		    c[rank[j - 1]].npv.mean; j--) {
			size_t t = rank[j];
			rank[j] = rank[j - 1];
			rank[j - 1] = t;
		}
	fprintf(out, "\nVerdict, from %llu replications paired on the same "
	    "random draws:\n", (unsigned long long)run->reps);
	for (i = 0; i < n; i++) {
		const fw_comparison *k = &c[rank[i]];
		const char *name = run->sc->config[rank[i] + 1].name;
		double p = k->npv.p_positive;
		fprintf(out, "%zu. %s %s $%.2fM of NPV on average (95%% "
		    "interval %+.2f to %+.2f $M); ", i + 1, name,
		    k->npv.mean >= 0 ? "gains" : "loses",
		    fabs(k->npv.mean) / 1e6, k->npv.lo95 / 1e6,
		    k->npv.hi95 / 1e6);
		if (p >= 0.5)
			fprintf(out, "it beats the baseline %s (%.1f%%)",
			    certainty(p), 100 * p);
		else
			fprintf(out, "it trails the baseline %s (%.1f%%)",
			    certainty(1 - p), 100 * (1 - p));
		if (k->payback > 0)
			fprintf(out, "; it pays back in month %d", k->payback);
		else
			fprintf(out, "; it does not pay back within %d months",
			    run->horizon);
		if (!isnan(k->compounding) && k->npv.mean > 0) {
			int year = run->horizon / 12;
			if (k->compounding > 1.1)
				fprintf(out, "; the payoff compounds: its "
				    "revenue gain in year %d is %.1fx that of "
				    "year 1", year, k->compounding);
			else if (k->compounding >= 0.9)
				fprintf(out, "; its revenue gain holds steady "
				    "(year %d: %.2fx year 1)", year,
				    k->compounding);
			else
				fprintf(out, "; its revenue gain fades (year "
				    "%d: %.2fx year 1)", year, k->compounding);
		}
		fputs(".\n", out);
	}
	/* The leader against the runner-up, replication by replication. */
	if (n >= 2 && (d = malloc(run->reps * sizeof(double) + 1)) != NULL) {
		size_t a = rank[0] + 1, b = rank[1] + 1;
		size_t ahead = 0;
		for (r = 0; r < run->reps; r++) {
			d[r] = fwi_run_totals(run, r, a)[FW_T_NPV] -
			    fwi_run_totals(run, r, b)[FW_T_NPV];
			ahead += d[r] > 0;
		}
		fprintf(out, "%s leads %s by $%.2fM of NPV on average and is "
		    "ahead in %.1f%% of replications.\n",
		    run->sc->config[a].name, run->sc->config[b].name,
		    (c[a - 1].npv.mean - c[b - 1].npv.mean) / 1e6,
		    100.0 * (double)ahead / (double)run->reps);
		free(d);
	}
	free(c);
	free(rank);
	return ferror(out) ? FW_EIO : FW_OK;
}
