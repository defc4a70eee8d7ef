/* report.c - the console summary of a run, one aligned row per variant
 * with money in millions, and the verdict, each phrase chosen from the
 * figures printed beside it.
 * SPDX-License-Identifier: MIT */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "report.h"

/* Mean of metric `name` of variant v over the replications. */
static double
mean_of(const fw_run *run, size_t v, const char *name)
{
	fw_stats s;

	return fw_run_stats(run, v, (size_t)fw_metric_index(name), &s) ==
	    FW_OK ? s.mean : NAN;
}

int
print_summary(const fw_run *run, FILE *out)
{
	const fw_scenario *sc = fw_run_scenario(run);
	const size_t V = fw_scenario_variant_count(sc);
	const size_t npv = (size_t)fw_metric_index("npv");
	size_t v, width = 8;
	int threads = fw_run_threads(run);

	for (v = 0; v < V; v++)
		if (strlen(fw_scenario_variant_name(sc, v)) > width)
			width = strlen(fw_scenario_variant_name(sc, v));
	fprintf(out, "%s\n%llu replications, %d months, seed %llu, %d "
	    "thread%s, %.1f s\n\n", fw_scenario_name(sc),
	    (unsigned long long)fw_run_replications(run), fw_run_months(run),
	    (unsigned long long)fw_run_seed(run), threads,
	    threads == 1 ? "" : "s", fw_run_elapsed(run));
	fprintf(out, "%-*s  %10s  %21s  %10s  %10s  %10s  %10s\n", (int)width,
	    "", "NPV", "NPV 90% range", "NPV gain", "revenue", "unfilled",
	    "win-back");
	fprintf(out, "%-*s  %10s  %21s  %10s  %10s  %10s  %10s\n", (int)width,
	    "variant", "mean $M", "p5 .. p95 $M", "vs base $M", "$M",
	    "value $M", "cost $M");
	for (v = 0; v < V; v++) {
		fw_stats s;
		char range[40], delta[24];
		int rc = fw_run_stats(run, v, npv, &s);
		if (rc != FW_OK)
			return rc;
		snprintf(range, sizeof(range), "%.2f .. %.2f", s.p5 / 1e6,
		    s.p95 / 1e6);
		if (v == 0)
			snprintf(delta, sizeof(delta), "-");
		else
			snprintf(delta, sizeof(delta), "%+.2f", (s.mean -
			    mean_of(run, 0, "npv")) / 1e6);
		fprintf(out, "%-*s  %10.2f  %21s  %10s  %10.2f  %10.2f  "
		    "%10.2f\n", (int)width, fw_scenario_variant_name(sc, v),
		    s.mean / 1e6, range, delta,
		    mean_of(run, v, "revenue") / 1e6,
		    mean_of(run, v, "gap_value") / 1e6,
		    mean_of(run, v, "reacq_cost") / 1e6);
	}
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

/* What the verdict says of one variant against the baseline. */
typedef struct verdict_row {
	size_t v;
	fw_paired npv;
	int payback;
	double compounding;
} verdict_row;

static int
by_gain(const void *a, const void *b)
{
	const verdict_row *x = a, *y = b;

	/* Best expected gain first; ties keep the file's order. */
	if (x->npv.mean != y->npv.mean)
		return x->npv.mean < y->npv.mean ? 1 : -1;
	return x->v < y->v ? -1 : x->v > y->v;
}

static void
print_row(const fw_run *run, const verdict_row *k, size_t rank, FILE *out)
{
	const char *name = fw_scenario_variant_name(fw_run_scenario(run),
	    k->v);
	double p = k->npv.p_positive;

	fprintf(out, "%zu. %s %s $%.2fM of NPV on average (95%% interval "
	    "%+.2f to %+.2f $M); ", rank, name, k->npv.mean >= 0 ? "gains" :
	    "loses", fabs(k->npv.mean) / 1e6, k->npv.lo95 / 1e6,
	    k->npv.hi95 / 1e6);
	if (p >= 0.5)
		fprintf(out, "it beats the baseline %s (%.1f%%)", certainty(p),
		    100 * p);
	else
		fprintf(out, "it trails the baseline %s (%.1f%%)",
		    certainty(1 - p), 100 * (1 - p));
	if (k->payback > 0)
		fprintf(out, "; it pays back in month %d", k->payback);
	else
		fprintf(out, "; it does not pay back within %d months",
		    fw_run_months(run));
	if (!isnan(k->compounding) && k->npv.mean > 0) {
		int year = fw_run_months(run) / 12;
		if (k->compounding > 1.1)
			fprintf(out, "; the payoff compounds: its revenue gain "
			    "in year %d is %.1fx that of year 1", year,
			    k->compounding);
		else if (k->compounding >= 0.9)
			fprintf(out, "; its revenue gain holds steady (year "
			    "%d: %.2fx year 1)", year, k->compounding);
		else
			fprintf(out, "; its revenue gain fades (year %d: %.2fx "
			    "year 1)", year, k->compounding);
	}
	fputs(".\n", out);
}

int
print_verdict(const fw_run *run, FILE *out)
{
	const fw_scenario *sc = fw_run_scenario(run);
	const size_t n = fw_scenario_variant_count(sc) - 1;
	const size_t npv = (size_t)fw_metric_index("npv");
	verdict_row *row;
	size_t i;

	if (n == 0) {
		fputs("\nNo variants to compare with the baseline.\n", out);
		return ferror(out) ? FW_EIO : FW_OK;
	}
	if ((row = calloc(n, sizeof(*row))) == NULL)
		return FW_ENOMEM;
	for (i = 0; i < n; i++) {
		row[i].v = i + 1;
		row[i].payback = fw_run_payback(run, i + 1, 0);
		row[i].compounding = fw_run_compounding(run, i + 1, 0);
		if (fw_run_paired(run, i + 1, 0, npv, &row[i].npv) != FW_OK ||
		    row[i].payback < 0) {
			free(row);
			return FW_ENOMEM;
		}
	}
	qsort(row, n, sizeof(*row), by_gain);
	fprintf(out, "\nVerdict, from %llu replications paired on the same "
	    "random draws:\n", (unsigned long long)fw_run_replications(run));
	for (i = 0; i < n; i++)
		print_row(run, &row[i], i + 1, out);
	/* The leader against the runner-up, replication by replication. */
	if (n >= 2) {
		fw_paired lead;
		if (fw_run_paired(run, row[0].v, row[1].v, npv, &lead) !=
		    FW_OK) {
			free(row);
			return FW_ENOMEM;
		}
		fprintf(out, "%s leads %s by $%.2fM of NPV on average and is "
		    "ahead in %.1f%% of replications.\n",
		    fw_scenario_variant_name(sc, row[0].v),
		    fw_scenario_variant_name(sc, row[1].v),
		    (row[0].npv.mean - row[1].npv.mean) / 1e6,
		    100.0 * lead.p_positive);
	}
	free(row);
	return ferror(out) ? FW_EIO : FW_OK;
}
