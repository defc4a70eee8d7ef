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
print_row(const char *label, int width, const fw_leakage_row *row,
    FILE *out)
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
print_others(const fw_leakage *lk, FILE *out)
{
	const size_t K = fw_leakage_stage_count(lk);
	char figure[48];
	size_t m;

	fputs("\nEvery stage removed, the other metrics change by:", out);
	for (m = 1; m < fw_leakage_metric_count(); m++) {
		const double gain = leak_row(lk, m, K).shapley.mean;
		const leak_metric lm = leak_metric_of(m);
		if (lm.money)
			leak_number(gain / 1e6, 1, 1, figure, sizeof(figure));
		else
			leak_number(gain, 0, 1, figure, sizeof(figure));
		fprintf(out, "%s %s %s%s", m > 1 ? "," : "", lm.label, figure,
		    lm.money ? " $M" : "");
	}
	fputs(" (each stage's part is in leakage.csv).\n", out);
}

/* What the interactions mean, with the figures that show it. */
static void
print_interactions(const fw_leakage *lk, FILE *out)
{
	const size_t K = fw_leakage_stage_count(lk);
	const fw_leakage_row all = leak_row(lk, 0, K);
	fw_leakage_row worst;
	char a[48], b[48], label[256];
	size_t i, most = 0;

	if (!fw_leakage_material(lk)) {
		fprintf(out, "Interactions are small: every stage's "
		    "one-at-a-time gain is within %.0f%% of the total gain of "
		    "its Shapley value, so the two readings agree.\n",
		    100 * FW_LEAKAGE_MATERIAL);
		return;
	}
	for (i = 1; i < K; i++)
		if (fabs(leak_row(lk, 0, i).interaction.mean) >
		    fabs(leak_row(lk, 0, most).interaction.mean))
			most = i;
	worst = leak_row(lk, 0, most);
	leak_label(lk, most, label, sizeof(label));
	fprintf(out, "Interactions are material (a stage's one-at-a-time gain "
	    "differs from its Shapley value by more than %.0f%% of the total "
	    "gain): removed one at a time the stages gain $%sM in all, "
	    "removed together $%sM. ", 100 * FW_LEAKAGE_MATERIAL,
	    unsigned_m(all.alone.mean, a, sizeof(a)),
	    unsigned_m(all.shapley.mean, b, sizeof(b)));
	if (all.alone.mean < all.shapley.mean)
		fputs("The stages reinforce each other, so a stage's gain "
		    "alone understates what removing it is worth", out);
	else
		fputs("The stages overlap, so the gains alone count some value "
		    "more than once", out);
	fprintf(out, "; rank and budget by the Shapley values. The largest "
	    "difference: %s, %s alone against %s Shapley ($M).\n",
	    label, signed_m(worst.alone.mean, a, sizeof(a)),
	    signed_m(worst.shapley.mean, b, sizeof(b)));
}

int
print_leakage(const fw_leakage *lk, const fw_run *run, FILE *out)
{
	const size_t K = fw_leakage_stage_count(lk);
	const fw_leakage_row all = leak_row(lk, 0, K);
	char line[512], actual[48], ceiling[48], gain[48], lo[48], hi[48];
	char label[256];
	int width = 12, threads = fw_run_threads(run);
	size_t r, i;

	for (i = 0; i < K; i++) {
		leak_label(lk, i, label, sizeof(label));
		if ((int)strlen(label) > width)
			width = (int)strlen(label);
	}
	fprintf(out, "Where value leaks: %s (%s)\n%zu stages, %zu "
	    "configurations, %llu replications, %d months, seed %llu, %d "
	    "thread%s, %.1f s\n\n", fw_scenario_name(fw_run_scenario(run)),
	    fw_leakage_variant(lk), K, (size_t)1 << K,
	    (unsigned long long)fw_run_replications(run), fw_run_months(run),
	    (unsigned long long)fw_run_seed(run), threads,
	    threads == 1 ? "" : "s", fw_run_elapsed(run));
	leak_number(all.actual.mean / 1e6, 1, 0, actual, sizeof(actual));
	leak_number((all.actual.mean + all.shapley.mean) / 1e6, 1, 0,
	    ceiling, sizeof(ceiling));
	fprintf(out, "Actual NPV $%sM; frictionless ceiling $%sM, every stage "
	    "removed: %s $M (95%% interval %s to %s).\n\nNPV gained by "
	    "removing each stage, $M, ranked by its Shapley value:\n\n",
	    actual, ceiling, signed_m(all.shapley.mean, gain, sizeof(gain)),
	    signed_m(all.shapley.lo95, lo, sizeof(lo)),
	    signed_m(all.shapley.hi95, hi, sizeof(hi)));
	fprintf(out, "%-*s  %9s  %-22s  %7s  %9s  %11s\n", width, "stage",
	    "Shapley", "95% interval", "share", "alone", "interaction");
	for (r = 0; r < K; r++) {
		fw_leakage_row row;
		i = leak_rank(lk, r);
		row = leak_row(lk, 0, i);
		leak_label(lk, i, label, sizeof(label));
		print_row(label, width, &row, out);
	}
	print_row("all stages", width, &all, out);
	print_others(lk, out);
	i = leak_rank(lk, 0);
	leak_label(lk, i, label, sizeof(label));
	leak_headline(label, leak_row(lk, 0, i).shapley.mean, K, line,
	    sizeof(line));
	fprintf(out, "\n%s.\n", line);
	print_interactions(lk, out);
	return ferror(out) ? FW_EIO : FW_OK;
}
