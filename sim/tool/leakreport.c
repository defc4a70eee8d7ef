/* leakreport.c - the console table of where value leaks: stages ranked
 * by their Shapley NPV gain, the frictionless ceiling, and sentences
 * derived from the figures beside them.
 * SPDX-License-Identifier: MIT */
#include "config.h"

#include <math.h>
#include <string.h>

#include "leakout.h"

static void
print_row(const char *label, int width, const leak_row *row, FILE *out)
{
	char interval[48];

	snprintf(interval, sizeof(interval), "%+.1f .. %+.1f",
	    row->shapley.lo95 / 1e6, row->shapley.hi95 / 1e6);
	fprintf(out, "%-*s  %+9.1f  %-20s  %6.1f%%  %+9.1f  %+11.1f\n", width,
	    label, row->shapley.mean / 1e6, interval, 100 * row->share.mean,
	    row->alone.mean / 1e6, row->interaction.mean / 1e6);
}

/* What the interactions mean, with the figures that show it. */
static void
print_interactions(const leakage *lk, FILE *out)
{
	const leak_row *all = &lk->row[0][lk->nstage];
	size_t i, most = 0;

	if (!leak_material(lk)) {
		fprintf(out, "Interactions are small: every stage's "
		    "one-at-a-time gain is within %.0f%% of the total gain of "
		    "its Shapley value, so the two readings agree.\n",
		    100 * LEAK_MATERIAL);
		return;
	}
	for (i = 1; i < lk->nstage; i++)
		if (fabs(lk->row[0][i].interaction.mean) >
		    fabs(lk->row[0][most].interaction.mean))
			most = i;
	fprintf(out, "Interactions are material (a stage's one-at-a-time gain "
	    "differs from its Shapley value by more than %.0f%% of the total "
	    "gain): removed one at a time the stages gain $%.1fM in all, "
	    "removed together $%.1fM. ", 100 * LEAK_MATERIAL,
	    all->alone.mean / 1e6, all->shapley.mean / 1e6);
	if (all->alone.mean < all->shapley.mean)
		fputs("The stages reinforce each other, so a stage's gain "
		    "alone understates what removing it is worth", out);
	else
		fputs("The stages overlap, so the gains alone count some value "
		    "more than once", out);
	fprintf(out, "; rank and budget by the Shapley values. The largest "
	    "difference: %s, %+.1f alone against %+.1f Shapley ($M).\n",
	    lk->stage[most].label, lk->row[0][most].alone.mean / 1e6,
	    lk->row[0][most].shapley.mean / 1e6);
}

int
print_leakage(const leakage *lk, const fw_run *run, FILE *out)
{
	const size_t K = lk->nstage;
	const leak_row *all = &lk->row[0][K];
	char line[512];
	int width = 12, threads = fw_run_threads(run);
	size_t r, i;

	for (i = 0; i < K; i++)
		if ((int)strlen(lk->stage[i].label) > width)
			width = (int)strlen(lk->stage[i].label);
	fprintf(out, "Where value leaks: %s (%s)\n%zu stages, %zu "
	    "configurations, %llu replications, %d months, seed %llu, %d "
	    "thread%s, %.1f s\n\n", fw_scenario_name(fw_run_scenario(run)),
	    lk->variant, K, (size_t)1 << K,
	    (unsigned long long)fw_run_replications(run), fw_run_months(run),
	    (unsigned long long)fw_run_seed(run), threads,
	    threads == 1 ? "" : "s", fw_run_elapsed(run));
	fprintf(out, "Actual NPV $%.1fM; frictionless ceiling $%.1fM, every "
	    "stage removed: %+.1f $M (95%% interval %+.1f to %+.1f).\n\n"
	    "NPV gained by removing each stage, $M, ranked by its Shapley "
	    "value:\n\n", all->actual.mean / 1e6, (all->actual.mean +
	    all->shapley.mean) / 1e6, all->shapley.mean / 1e6,
	    all->shapley.lo95 / 1e6, all->shapley.hi95 / 1e6);
	fprintf(out, "%-*s  %9s  %-20s  %7s  %9s  %11s\n", width, "stage",
	    "Shapley", "95% interval", "share", "alone", "interaction");
	for (r = 0; r < K; r++) {
		i = leak_rank(lk, r);
		print_row(lk->stage[i].label, width, &lk->row[0][i], out);
	}
	print_row("all stages", width, all, out);
	i = leak_rank(lk, 0);
	leak_headline(lk->stage[i].label, lk->row[0][i].shapley.mean, K, line,
	    sizeof(line));
	fprintf(out, "\n%s.\n", line);
	print_interactions(lk, out);
	return ferror(out) ? FW_EIO : FW_OK;
}
