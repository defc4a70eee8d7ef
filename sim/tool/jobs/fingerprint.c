/* fingerprint.c - what a run or a sweep will compute, as one hash: the
 * resolved scenario (every value, with the --set changes made, as
 * fw_scenario_yaml() writes it, so that two copies of a file in other
 * places agree), the seed, the replications, the months and the build.
 * The ranks of an MPI job compare theirs before any work: a rank given
 * other inputs would otherwise be merged into the results unnoticed.
 * SPDX-License-Identifier: MIT */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "fingerprint.h"

/* The text's hash into out, or "" when the text could not be made. */
static void
seal(FILE *f, char **text, size_t *len, char *out, size_t size)
{
	out[0] = '\0';
	if (!ferror(f) && fclose(f) == 0)
		fw_hash(*text, *len, out, size);
	free(*text);
}

/* The header every fingerprint starts with: the build and the command. */
static FILE *
open_text(char **text, size_t *len, const char *command)
{
	FILE *f = open_memstream(text, len);

	if (f != NULL)
		fprintf(f, "flywheel %s\n%s\n%s\n", fw_version(),
		    fw_rng_scheme(), command);
	return f;
}

static void
put_scenario(FILE *f, const fw_scenario *sc)
{
	char *yaml = fw_scenario_yaml(sc);

	/* out of memory: a text no other rank writes */
	fputs(yaml != NULL ? yaml : "(no memory)", f);
	fw_free(yaml);
}

void
fingerprint_run(const fw_scenario *sc, const fw_run_options *opt,
    char *out, size_t size)
{
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_text(&text, &len, "run");

	out[0] = '\0';
	if (f == NULL)
		return;
	fprintf(f, "replications %llu\nmonths %d\nseed %d %llu\n",
	    (unsigned long long)opt->replications, opt->months,
	    opt->seed_set, (unsigned long long)opt->seed);
	put_scenario(f, sc);
	seal(f, &text, &len, out, size);
}

void
fingerprint_sweep(fw_sweep *sw, const char *job, char *out,
    size_t size)
{
	char *text = NULL, num[32];
	size_t len = 0, i, j;
	FILE *f = open_text(&text, &len, "sweep");
	double lo, hi;

	out[0] = '\0';
	if (f == NULL)
		return;
	fprintf(f, "%s\n%s\nreplications %llu\nmonths %d\nseed %llu\n", job,
	    fw_sweep_design(sw),
	    (unsigned long long)fw_sweep_replications(sw),
	    fw_sweep_months(sw), (unsigned long long)fw_sweep_seed(sw));
	for (j = 0; j < fw_sweep_param_count(sw); j++) {
		const char *v = fw_sweep_param_variant(sw, j);
		fw_sweep_param_range(sw, j, &lo, &hi);
		fprintf(f, "parameter %s %s %a %a\n", v != NULL ? v : "",
		    fw_sweep_param_path(sw, j), lo, hi);
	}
	for (i = 0; i < fw_sweep_metric_count(sw); i++)
		fprintf(f, "metric %s\n", fw_sweep_metric_label(sw, i));
	for (i = 0; i < fw_sweep_points(sw); i++) {
		fw_sweep_block(sw, i, num, sizeof(num));
		fprintf(f, "point %s", num);
		for (j = 0; j < fw_sweep_param_count(sw); j++)
			fprintf(f, " %a", fw_sweep_value(sw, i, j));
		fputc('\n', f);
	}
	put_scenario(f, fw_sweep_scenario(sw));
	seal(f, &text, &len, out, size);
}
