/* cli_leakage.c - `flywheel leakage`: options, the decomposition's run,
 * its tables, console table and waterfall chart.
 * SPDX-License-Identifier: MIT */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "outdir.h"
#include "tables.h"
#include "leakout.h"

/* Replications unless --reps says otherwise, when the file asks for
 * more: every replication runs 2^K configurations. */
#define LEAK_DEFAULT_REPS 100

const char cli_leakage_help[] =
"Usage: flywheel leakage [OPTION]... [FILE]\n"
"Where value leaks: attribute what each stage of friction costs in NPV,\n"
"revenue, scripts filled, patients on therapy at the end, realization-gap\n"
"value, customer value at risk and re-acquisition cost. A stage is a key\n"
"and the value it takes once its friction is removed; the stages are the\n"
"five friction keys at 0 (prescribe, onboarding, access, continuity,\n"
"support). Every subset of stages removed is simulated on the same random\n"
"numbers, and each stage gets its gain removed alone and its Shapley value,\n"
"which add up exactly to the gain of removing every stage: the\n"
"frictionless ceiling. Writes leakage.csv, leakage.json and\n"
"plots/waterfall.png, .svg and .pdf. Without FILE, use the default\n"
"scenario.\n"
"\n"
"  -o, --output DIR       write into DIR (default out/NAME, NAME being\n"
"                         FILE's name without .yaml)\n"
"      --reps N           replications (default: the file's, at most 100)\n"
"      --months N         horizon in months instead of the file's (@horizon_months@)\n"
"      --seed S           seed instead of the file's (0..2^64-1)\n"
"      --variant NAME     decompose this variant instead of the baseline,\n"
"                         on its own schedule (start_month, ramp_months)\n"
"      --stage PATH=VALUE add a stage, or change the target of the stage\n"
"                         at PATH, e.g. friction.access=0.2 or\n"
"                         experience.incoherence=0; may be repeated\n"
"      --threads N        threads (default: OMP_NUM_THREADS, else all cores)\n"
"      --no-plots         write the tables only, no chart\n"
"  -q, --quiet            print nothing but errors\n"
"  -h, --help             show this help\n"
"\n"
"The runtime doubles with each stage: K stages simulate the scenario 2^K\n"
"times per replication (32 for the five friction stages), so at most 8\n"
"stages are taken. Interactions are called material when a stage's gain\n"
"alone differs from its Shapley value by more than 5% of the total gain.\n"
"\n"
"Exit status: 0 success, 1 the run or its chart failed, 2 usage error\n"
"(more than 8 stages among them), 3 invalid scenario, --variant or\n"
"--stage, 4 file not readable or writable.\n";

/* --stage goes to a->sets. */
typedef cli_args leak_args;

static int
parse_args(int argc, char **argv, leak_args *a)
{
	static const struct option opts[] = {
		CLI_ARGS_OPTIONS,
		{ "variant", required_argument, NULL, 'v' },
		{ "stage", required_argument, NULL, 'S' },
		{ NULL, 0, NULL, 0 }
	};

	return cli_parse_args("leakage", opts, argc, argv, a);
}

/* The variant named by --variant, or a message naming the closest. */
static int
check_variant(const fw_scenario *sc, const char *name)
{
	const char *names[256], *best;
	size_t v, n = fw_scenario_variant_count(sc);

	if (name == NULL || fw_scenario_variant_index(sc, name, &v) == FW_OK)
		return EXIT_DONE;
	for (v = 0; v < n && v < 256; v++)
		names[v] = fw_scenario_variant_name(sc, v);
	best = fw_suggest(name, names, v);
	term_line(stderr, "flywheel: leakage: --variant %s: %s has no variant "
	    "of that name%s%s%s", name, fw_scenario_file(sc),
	    best ? " (did you mean '" : "", best ? best : "",
	    best ? "'?)" : "");
	return EXIT_INVALID;
}

/* The stages: the five friction keys, then --stage in order. */
static int
set_stages(fw_leakage *lk, const leak_args *a)
{
	const char *value;
	char *path;
	fw_error err;
	int i, rc;

	if (fw_leakage_set_friction(lk, &err) != FW_OK) {
		cli_print_error(&err);
		return EXIT_FAILED;
	}
	for (i = 0; i < a->nsets; i++) {
		if ((rc = cli_split_assignment("leakage", "--stage",
		    "friction.access=0", a->sets[i], &path, &value)) !=
		    EXIT_DONE)
			return rc;
		rc = fw_leakage_set_stage(lk, path, value, &err);
		free(path);
		if (rc == FW_EINVALID)
			return cli_usage_error("leakage", "leakage: --stage %s: "
			    "%s", a->sets[i], err.msg);
		if (rc != FW_OK) {
			cli_print_error(&err);
			return exit_code_of(rc);
		}
	}
	return EXIT_DONE;
}

/* Builds the decomposition's scenario from sc, naming a bad stage. */
static int
build(fw_leakage *lk)
{
	fw_leakage_stage st;
	fw_error err;
	size_t bad;
	int rc;

	if ((rc = fw_leakage_build(lk, &bad, &err)) == FW_OK)
		return EXIT_DONE;
	if (fw_leakage_get_stage(lk, bad, &st) == FW_OK)
		term_line(stderr, "flywheel: leakage: --stage %s=%s: %s",
		    st.path, st.target, err.msg);
	else
		cli_print_error(&err);
	return exit_code_of(rc);
}

/* Simulates the decomposition's scenario and decomposes its results. */
static int
decompose(fw_leakage *lk, const leak_args *a, fw_run **run)
{
	const fw_scenario *sc = fw_leakage_scenario(lk);
	fw_run_options opt = a->opt;
	fw_error err;
	int rc;

	if (opt.replications == 0)
		opt.replications = fw_scenario_replications(sc) <
		    LEAK_DEFAULT_REPS ? fw_scenario_replications(sc) :
		    LEAK_DEFAULT_REPS;
	if ((rc = fw_run_alloc(sc, &opt, run, &err)) != FW_OK ||
	    (rc = cli_simulate(*run, !a->quiet && isatty(STDERR_FILENO),
	    &err)) != FW_OK || (rc = fw_leakage_decompose(lk, *run, &err)) !=
	    FW_OK) {
		cli_print_error(&err);
		return exit_code_of(rc);
	}
	return EXIT_DONE;
}

/* Writes the tables, prints the table and draws the chart, w, made
 * from the decomposition in memory. */
static int
report(const fw_leakage *lk, const fw_run *run, const leak_args *a, int argc,
    char **argv, leak_chart **w)
{
	char *cmdline = cli_command_line(argc, argv), tdir[4096], stamp[64];
	const run_record rec = { a->outdir, cmdline, stamp, 1 };
	const char *gnuplot;
	fw_error err;
	int rc;

	if (cmdline == NULL) {
		fputs("flywheel: out of memory\n", stderr);
		return EXIT_FAILED;
	}
	/* An earlier decomposition's chart would not match the new
	 * tables: it goes first, so that no interruption leaves both. */
	rc = out_remove_charts(a->outdir, "waterfall", &err);
	run_record_stamp(stamp, sizeof(stamp));
	if (rc == FW_OK)
		rc = write_leakage_tables(lk, run, &rec, &err);
	if (rc == FW_OK)
		rc = leak_chart_of(lk, run, w, &err);
	free(cmdline);
	if (rc != FW_OK) {
		cli_print_error(&err);
		return exit_code_of(rc);
	}
	if (!a->quiet) {
		if (print_leakage(lk, run, stdout) != FW_OK)
			return EXIT_IO;
		putchar('\n');
		term_line(stdout, "Tables written to %s/: leakage.csv "
		    "leakage.json", a->outdir);
		fflush(stdout);
	}
	if (!a->plots)
		return EXIT_DONE;
	gnuplot = cli_plot_tools(tdir, sizeof(tdir));
	if ((rc = draw_leakage_plot(*w, a->outdir, gnuplot, tdir, &err)) !=
	    FW_OK) {
		cli_print_error(&err);
		fprintf(stderr, "flywheel: leakage: the tables are written; the "
		    "chart is not\n");
		return EXIT_FAILED;
	}
	if (!a->quiet)
		term_line(stdout, "Chart drawn in %s/plots/: waterfall.png "
		    ".svg .pdf", a->outdir);
	return EXIT_DONE;
}

/* The decomposition of sc that a asks for, from its stages to its chart;
 * a->outdir is set. The decomposition and its chart go to *lk_out and
 * *w (the caller's to free) when they are not NULL. */
static int
leak_main(const fw_scenario *sc, const leak_args *a, int argc, char **argv,
    fw_leakage **lk_out, leak_chart **w_out)
{
	fw_run *run = NULL;
	fw_leakage *lk;
	leak_chart *w = NULL;
	fw_error err;
	int rc;

	if (fw_leakage_alloc(sc, a->variant, &lk, &err) != FW_OK) {
		cli_print_error(&err);
		return EXIT_FAILED;
	}
	if ((rc = set_stages(lk, a)) == EXIT_DONE &&
	    (rc = build(lk)) == EXIT_DONE &&
	    (rc = decompose(lk, a, &run)) == EXIT_DONE)
		rc = report(lk, run, a, argc, argv, &w);
	fw_run_free(run);
	if (rc == EXIT_DONE && lk_out != NULL) {
		*lk_out = lk;
		*w_out = w;
		return rc;
	}
	leak_chart_free(w);
	fw_leakage_free(lk);
	return rc;
}

int
cli_leakage_report(const fw_scenario *sc, const fw_run_options *opt,
    const char *outdir, int quiet, int argc, char **argv,
    fw_leakage **lk, struct leak_chart **w)
{
	leak_args a = { .opt = *opt, .outdir = outdir, .quiet = quiet };

	/* 0, the file's, is capped like that of `flywheel leakage` */
	if (a.opt.replications > LEAK_DEFAULT_REPS)
		a.opt.replications = LEAK_DEFAULT_REPS;
	if (!quiet)
		fputs("\n", stdout);
	return leak_main(sc, &a, argc, argv, lk, w);
}

int
cli_leakage(int argc, char **argv)
{
	leak_args a = { .plots = 1 };
	const char *file;
	char defdir[4096];
	fw_scenario *sc = NULL;
	fw_error err;
	int rc;

	rc = parse_args(argc, argv, &a);
	file = a.file != NULL ? a.file : cli_default_scenario();
	if (rc == EXIT_DONE && (rc = fw_scenario_load(file, &sc, &err)) !=
	    FW_OK) {
		cli_print_error(&err);
		rc = exit_code_of(rc);
	}
	if (rc == EXIT_DONE)
		rc = check_variant(sc, a.variant);
	if (rc == EXIT_DONE && a.outdir == NULL) {
		cli_default_output(file, defdir, sizeof(defdir));
		a.outdir = defdir;
	}
	if (rc == EXIT_DONE) {
		interrupt_guard(a.outdir);
		rc = leak_main(sc, &a, argc, argv, NULL, NULL);
	}
	fw_scenario_free(sc);
	free(a.sets);
	return rc;
}
