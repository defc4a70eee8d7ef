/* console.c - the console summary of a run, one aligned row per variant
 * with money in millions to one decimal, and the verdict, each phrase
 * chosen from the figures printed beside it (fw_recommend(3)).
 * SPDX-License-Identifier: MIT */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "console.h"

/* Mean of metric `name` of variant v over the replications. */
static double
mean_of(const fw_run *run, size_t v, const char *name)
{
	fw_stats s;
	int k = fw_metric_index(name);

	return k >= 0 && fw_run_stats(run, v, (size_t)k, &s) == FW_OK ?
	    s.mean : NAN;
}

/* Variant v against the baseline, paired, on metric `name`. */
static int
paired_of(const fw_run *run, size_t v, const char *name, fw_paired *p)
{
	int k = fw_metric_index(name);

	return k < 0 ? FW_EINVALID : fw_run_paired(run, v, 0, (size_t)k, p);
}

/* A money column: millions to one decimal, "-" for none. */
static void
column(FILE *out, double x, int sign)
{
	if (isnan(x))
		fprintf(out, "  %9s", "-");
	else
		fprintf(out, sign ? "  %+9.1f" : "  %9.1f", x / 1e6);
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
	fprintf(out, "%-*s  %9s  %17s  %9s  %9s  %9s  %6s  %9s  %9s\n",
	    (int)width, "", "NPV", "NPV", "NPV gain", "gain", "spend", "",
	    "revenue", "unfilled");
	fprintf(out, "%-*s  %9s  %17s  %9s  %9s  %9s  %6s  %9s  %9s\n",
	    (int)width, "variant", "mean $M", "p5 .. p95 $M", "mean $M",
	    "p5 $M", "PV $M", "ROI", "$M", "value $M");
	for (v = 0; v < V; v++) {
		fw_stats s;
		fw_paired gain = { NAN, NAN, NAN, NAN, NAN, NAN, NAN };
		fw_paired cost = gain;
		char range[40], roi[16] = "-";
		int rc = fw_run_stats(run, v, npv, &s);
		if (rc == FW_OK && v > 0 && ((rc = paired_of(run, v, "npv",
		    &gain)) != FW_OK || (rc = paired_of(run, v, "spend_pv",
		    &cost)) != FW_OK))
			return rc;
		if (rc != FW_OK)
			return rc;
		snprintf(range, sizeof(range), "%.1f .. %.1f", s.p5 / 1e6,
		    s.p95 / 1e6);
		if (v > 0 && cost.mean > 0)
			snprintf(roi, sizeof(roi), "%.1fx", gain.mean /
			    cost.mean);
		fprintf(out, "%-*s", (int)width,
		    fw_scenario_variant_name(sc, v));
		column(out, s.mean, 0);
		fprintf(out, "  %17s", range);
		column(out, gain.mean, 1);
		column(out, gain.p5, 1);
		column(out, mean_of(run, v, "spend_pv"), 0);
		fprintf(out, "  %6s", roi);
		column(out, mean_of(run, v, "revenue"), 0);
		column(out, mean_of(run, v, "gap_value"), 0);
		fputc('\n', out);
	}
	fputs("(spend: programme and channels, present value; ROI: NPV gain "
	    "per dollar of extra spend)\n", out);
	return ferror(out) ? FW_EIO : FW_OK;
}

int
print_verdict(const fw_recommendation *rec, FILE *out)
{
	char text[2048];
	size_t i;

	fw_recommendation_title(rec, text, sizeof(text));
	fprintf(out, "\n%s.\n", text);
	if (rec->n > 0) {
		fw_recommendation_answer(rec, text, sizeof(text));
		fprintf(out, "%s\n\nEach option against the baseline, from "
		    "%llu replications paired on the same random draws:\n",
		    text, (unsigned long long)rec->reps);
	}
	for (i = 0; i < rec->n; i++) {
		fw_recommendation_line(rec, i, text, sizeof(text));
		fprintf(out, "%s\n", text);
	}
	return ferror(out) ? FW_EIO : FW_OK;
}
