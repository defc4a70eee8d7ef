/* leakreport.c - the console table of where value leaks: stages ranked
 * by their Shapley NPV gain, the frictionless ceiling, and sentences
 * derived from the figures beside them.
 * SPDX-License-Identifier: MIT */
#include "config.h"

#include <math.h>
#include <string.h>

#include "leakout.h"

/* Money in $M: "1,320.0", and with a sign "+1,320.0". */
static const char *
unsigned_m(double dollars, char *buf, size_t size)
{
	leak_number(dollars / 1e6, 1, 0, buf, size);
	return buf;
}

static const char *
signed_m(double dollars, char *buf, size_t size)
{
	leak_number(dollars / 1e6, 1, 1, buf, size);
	return buf;
}

static void
print_row(const char *label, int width, const leak_row *row, FILE *out)
{
	char a[48], b[48], c[48], d[48], interval[100];

	snprintf(interval, sizeof(interval), "%s .. %s",
	    signed_m(row->shapley.lo95, a, sizeof(a)),
	    signed_m(row->shapley.hi95, b, sizeof(b)));
	fprintf(out, "%-*s  %9s  %-22s  %6.1f%%  %9s  %11s\n", width, label,
	    signed_m(row->shapley.mean, c, sizeof(c)), interval,
	    100 * row->share.mean, signed_m(row->alone.mean, a, sizeof(a)),
	    signed_m(row->interaction.mean, d, sizeof(d)));
}

/* What removing every stage does to the other metrics. */
static void
print_others(const leakage *lk, FILE *out)
{
	char figure[48];
	size_t m;

	fputs("\nEvery stage removed, the other metrics change by:", out);
	for (m = 1; m < LEAK_NMETRIC; m++) {
		const leak_figure *f = &lk->row[m][lk->nstage].shapley;
		if (leak_metrics[m].money)
			leak_number(f->mean / 1e6, 1, 1, figure,
			    sizeof(figure));
		else
			leak_number(f->mean, 0, 1, figure, sizeof(figure));
		fprintf(out, "%s %s %s%s", m > 1 ? "," : "",
		    leak_metrics[m].label, figure, leak_metrics[m].money ?
		    " $M" : "");
	}
	fputs(" (each stage's part is in leakage.csv).\n", out);
}

/* What the interactions mean, with the figures that show it. */
static void
print_interactions(const leakage *lk, FILE *out)
{
	const leak_row *all = &lk->row[0][lk->nstage];
	char a[48], b[48];
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
	    "gain): removed one at a time the stages gain $%sM in all, "
	    "removed together $%sM. ", 100 * LEAK_MATERIAL,
	    unsigned_m(all->alone.mean, a, sizeof(a)),
	    unsigned_m(all->shapley.mean, b, sizeof(b)));
	if (all->alone.mean < all->shapley.mean)
		fputs("The stages reinforce each other, so a stage's gain "
		    "alone understates what removing it is worth", out);
	else
		fputs("The stages overlap, so the gains alone count some value "
		    "more than once", out);
	fprintf(out, "; rank and budget by the Shapley values. The largest "
	    "difference: %s, %s alone against %s Shapley ($M).\n",
	    lk->stage[most].label, signed_m(lk->row[0][most].alone.mean, a,
	    sizeof(a)), signed_m(lk->row[0][most].shapley.mean, b,
	    sizeof(b)));
}

int
print_leakage(const leakage *lk, const fw_run *run, FILE *out)
{
	const size_t K = lk->nstage;
	const leak_row *all = &lk->row[0][K];
	char line[512], actual[48], ceiling[48], gain[48], lo[48], hi[48];
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
	leak_number(all->actual.mean / 1e6, 1, 0, actual, sizeof(actual));
	leak_number((all->actual.mean + all->shapley.mean) / 1e6, 1, 0,
	    ceiling, sizeof(ceiling));
	fprintf(out, "Actual NPV $%sM; frictionless ceiling $%sM, every stage "
	    "removed: %s $M (95%% interval %s to %s).\n\nNPV gained by "
	    "removing each stage, $M, ranked by its Shapley value:\n\n",
	    actual, ceiling, signed_m(all->shapley.mean, gain, sizeof(gain)),
	    signed_m(all->shapley.lo95, lo, sizeof(lo)),
	    signed_m(all->shapley.hi95, hi, sizeof(hi)));
	fprintf(out, "%-*s  %9s  %-22s  %7s  %9s  %11s\n", width, "stage",
	    "Shapley", "95% interval", "share", "alone", "interaction");
	for (r = 0; r < K; r++) {
		i = leak_rank(lk, r);
		print_row(lk->stage[i].label, width, &lk->row[0][i], out);
	}
	print_row("all stages", width, all, out);
	print_others(lk, out);
	i = leak_rank(lk, 0);
	leak_headline(lk->stage[i].label, lk->row[0][i].shapley.mean, K, line,
	    sizeof(line));
	fprintf(out, "\n%s.\n", line);
	print_interactions(lk, out);
	return ferror(out) ? FW_EIO : FW_OK;
}
