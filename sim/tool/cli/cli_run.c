/* cli_run.c - `flywheel run`: options, progress, summary, tables, plots.
 * SPDX-License-Identifier: MIT */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"
#include "outdir.h"
#include "cluster.h"
#include "fingerprint.h"
#include "leakout.h"
#include "console.h"
#include "report.h"
#include "tables.h"
#include "voitable.h"
#include "workbook.h"

const char cli_run_help[] =
"Usage: flywheel run [OPTION]... [FILE]\n"
"Simulate a scenario's baseline and every variant on common random numbers,\n"
"print the summary and the verdict, and write summary.csv, compare.csv,\n"
"timeseries.csv, paired.csv, replications.csv, run.json, the workbook\n"
"results.xlsx, the plots (PNG, SVG, PDF) and board-pack.pdf; with\n"
"uncertain inputs also voi.csv, the value of learning them before\n"
"deciding. Without FILE, run the default scenario.\n"
"\n"
"  -o, --output DIR     write into DIR (default out/NAME, NAME being FILE's\n"
"                       name without .yaml)\n"
"      --reps N         replications instead of the file's\n"
"      --months N       horizon in months instead of the file's (@horizon_months@)\n"
"      --seed S         seed instead of the file's (0..2^64-1)\n"
"      --threads N      threads (default: OMP_NUM_THREADS, else all cores)\n"
"      --set PATH=VALUE change a baseline value, as a variant's set does;\n"
"                       may be repeated; VALUE may be a distribution\n"
"      --no-plots       write the tables only, no plots or board pack\n"
"      --leakage        also where value leaks, as flywheel leakage gives it\n"
"                       for the baseline (as the file's report: {leakage:\n"
"                       true} asks): leakage.csv, leakage.json, the\n"
"                       waterfall chart, from at most 100 replications\n"
"  -q, --quiet          print nothing but errors\n"
"  -h, --help           show this help\n"
"\n"
"Under mpirun (mpirun -n K flywheel run ...) the replications are shared\n"
"out over the K processes, each on its threads; rank 0 writes every file.\n"
"Ranks given other inputs (scenario, --set, seed, replications, months)\n"
"stop the job before any work.\n"
"\n"
"Exit status: 0 success, 1 the run or its plots failed, 2 usage error,\n"
"3 invalid scenario or ranks given other inputs, 4 file not readable or\n"
"writable.\n";

void
cli_default_output(const char *file, char *buf, size_t size)
{
	const char *base = strrchr(file, '/');
	size_t len;

	base = base ? base + 1 : file;
	len = strlen(base);
	if (len > 5 && strcmp(base + len - 5, ".yaml") == 0)
		len -= 5;
	else if (len > 4 && strcmp(base + len - 4, ".yml") == 0)
		len -= 4;
	snprintf(buf, size, "out/%.*s", (int)len, base);
}

static void
show_progress(const fw_run *run, double elapsed)
{
	unsigned long long done = fw_run_done(run);
	unsigned long long total = fw_run_replications(run);
	int width = 30, filled = (int)(width * done / total);
	double eta = done > 0 ? elapsed * (double)(total - done) / done : 0;

	fprintf(stderr, "\r[%.*s%*s] %3d%%  %llu/%llu replications  ETA %3.0f s ",
	    filled, "##############################", width - filled, "",
	    (int)(100 * done / total), done, total, eta);
}

int
cli_simulate(fw_run *run, int progress, fw_error *err)
{
	struct timespec t0, t1;
	int rc = FW_OK;

	clock_gettime(CLOCK_MONOTONIC, &t0);
	while (rc == FW_OK && fw_run_done(run) < fw_run_replications(run)) {
		/* Steps small enough for the bar to move and large enough
		 * to keep every thread busy; a step's size changes no
		 * result. */
		unsigned long long step = fw_run_replications(run) / 50;
		unsigned long long least = 4ULL * fw_run_threads(run);
		rc = fw_run_step(run, step > least ? step : least, err);
		clock_gettime(CLOCK_MONOTONIC, &t1);
		if (progress)
			show_progress(run, (double)(t1.tv_sec - t0.tv_sec) +
			    (t1.tv_nsec - t0.tv_nsec) / 1e9);
	}
	if (progress)
		fputs("\n", stderr);
	return rc;
}

/* Removes dir/plots/ and dir/board-pack.pdf, following no link, and with
 * book dir/results.xlsx; *found set when there were plots. A link or a
 * file in place of plots/ is refused. */
static int
remove_stale_plots(const char *dir, int book, int *found)
{
	fw_error err;
	int had_book = 0;

	if (out_remove_folder(dir, "plots", found, &err) != FW_OK ||
	    out_remove_file(dir, "board-pack.pdf", found, &err) != FW_OK ||
	    (book && out_remove_file(dir, "results.xlsx", &had_book, &err) !=
	    FW_OK)) {
		cli_print_error(&err);
		return EXIT_IO;
	}
	return EXIT_DONE;
}

typedef cli_args run_args;

/* Allocates the run and simulates it: alone, or shared out over the
 * ranks of an MPI job, whose failures stop the job. */
static int
run_all(const fw_scenario *sc, const run_args *a, fw_run **run,
    fw_error *err)
{
	int rc = fw_run_alloc(sc, &a->opt, run, err);

	if (rc != FW_OK)
		return rc;
	if (cluster_size() > 1) {
		cluster_run(*run);
		return FW_OK;
	}
	return cli_simulate(*run, !a->quiet && isatty(STDERR_FILENO), err);
}

static int
parse_args(int argc, char **argv, run_args *a)
{
	static const struct option opts[] = {
		CLI_ARGS_OPTIONS,
		{ "set", required_argument, NULL, 'S' },
		{ "leakage", no_argument, NULL, 'L' },
		{ NULL, 0, NULL, 0 }
	};

	return cli_parse_args("run", opts, argc, argv, a);
}

/* Loads the scenario and applies --set. */
static int
load(const char *file, const run_args *a, fw_scenario **sc)
{
	fw_error err;
	int i, rc;

	if ((rc = fw_scenario_load(file, sc, &err)) != FW_OK) {
		cli_print_error(&err);
		return exit_code_of(rc);
	}
	for (i = 0; i < a->nsets; i++)
		if ((rc = cli_apply_set("run", *sc, a->sets[i])) != EXIT_DONE)
			return rc;
	return EXIT_DONE;
}

/* Under MPI, the ranks' inputs compared before any work (see
 * cluster_agree): status, or EXIT_INVALID when they differ. */
static int
agree(const fw_scenario *sc, const run_args *a, int status)
{
	char fp[FINGERPRINT_SIZE] = "";

	if (status == EXIT_DONE)
		fingerprint_run(sc, &a->opt, fp, sizeof(fp));
	return cluster_agree("run", status, fp);
}

/* results.xlsx, with the sheet of the leakage lk when the run asked for
 * it. */
static int
workbook(const fw_run *run, const report *d, const run_args *a, int argc,
    char **argv, const fw_leakage *lk)
{
	char *cmdline = cli_command_line(argc, argv);
	fw_error err;
	int rc;

	if (cmdline == NULL) {
		fputs("flywheel: out of memory\n", stderr);
		return EXIT_FAILED;
	}
	rc = write_workbook(run, d, a->outdir, cmdline, lk, &err);
	free(cmdline);
	if (rc != FW_OK) {
		cli_print_error(&err);
		return exit_code_of(rc);
	}
	return EXIT_DONE;
}

/* Writes the tables, makes the run's report d from the run in memory,
 * writes the workbook from it and prints what the run found. */
static int
tell(const fw_run *run, const run_args *a, int argc, char **argv,
    report *d)
{
	char *cmdline = cli_command_line(argc, argv), stamp[64];
	run_record rec = { a->outdir, cmdline, stamp, cluster_size() };
	voi_table voi;
	fw_error err;
	int rc;

	if (cmdline == NULL) {
		fputs("flywheel: out of memory\n", stderr);
		return EXIT_FAILED;
	}
	run_record_stamp(stamp, sizeof(stamp));
	rc = voi_compute(run, &voi, &err);
	if (rc == FW_OK)
		rc = write_run_tables(run, &voi, &rec, &err);
	if (rc == FW_OK)
		rc = report_of_run(run, &voi, &rec, d, &err);
	free(cmdline);
	if (rc != FW_OK) {
		voi_free(&voi);
		cli_print_error(&err);
		return exit_code_of(rc);
	}
	if (!a->quiet) {
		if (print_summary(run, stdout) != FW_OK ||
		    print_verdict(&d->rec, stdout) != FW_OK) {
			voi_free(&voi);
			return EXIT_IO;
		}
		voi_print(run, &voi, stdout);
		putchar('\n');
		term_line(stdout, "Tables written to %s/: summary.csv "
		    "compare.csv timeseries.csv paired.csv replications.csv "
		    "run.json%s results.xlsx", a->outdir, voi.ninput > 0 ?
		    " voi.csv" : "");
		fflush(stdout);
	}
	voi_free(&voi);
	return EXIT_DONE;
}

int
cli_run(int argc, char **argv)
{
	run_args a = { .plots = 1 };
	const char *file;
	char defdir[4096];
	fw_scenario *sc = NULL;
	fw_run *run = NULL;
	fw_leakage *lk = NULL;
	fw_error err;
	report d;
	int rc, stale = 0;

	memset(&d, 0, sizeof(d));
	rc = parse_args(argc, argv, &a);
	file = a.file != NULL ? a.file : cli_default_scenario();
	if (rc == EXIT_DONE)
		rc = load(file, &a, &sc);
	if (cluster_size() > 1)
		rc = agree(sc, &a, rc);
	if (rc == EXIT_DONE && a.outdir == NULL) {
		cli_default_output(file, defdir, sizeof(defdir));
		a.outdir = defdir;
	}
	if (rc == EXIT_DONE)
		interrupt_guard(a.outdir);
	if (rc == EXIT_DONE && (rc = run_all(sc, &a, &run, &err)) != FW_OK) {
		cli_print_error(&err);
		rc = exit_code_of(rc);
	}
	/* Rank 0 holds the whole run, and alone writes and draws. */
	if (cluster_rank() != 0) {
		fw_run_free(run);
		fw_scenario_free(sc);
		free(a.sets);
		return rc;
	}
	/* What an earlier run in the same directory drew from its tables
	 * would not match the new ones: it goes first, so that no
	 * interruption leaves new tables beside old plots. */
	if (rc == EXIT_DONE)
		rc = remove_stale_plots(a.outdir, 1, &stale);
	if (rc == EXIT_DONE && stale && !a.plots && !a.quiet)
		printf("Removed the plots and board pack of an earlier run in "
		    "%s/: they would no longer match the tables\n", a.outdir);
	if (rc == EXIT_DONE)
		rc = tell(run, &a, argc, argv, &d);
	/* Before the plots, whose board pack may show it. */
	if (rc == EXIT_DONE && !a.leakage && fw_scenario_report(sc, "leakage",
	    &a.leakage) != FW_OK)
		rc = EXIT_FAILED;
	/* The report and the workbook take the decomposition in memory. */
	if (rc == EXIT_DONE && a.leakage)
		rc = cli_leakage_report(sc, &a.opt, a.outdir, a.quiet, argc,
		    argv, &lk, &d.leak);
	/* After the leakage, whose sheet it holds. */
	if (rc == EXIT_DONE)
		rc = workbook(run, &d, &a, argc, argv, lk);
	/* The tables stand without the plots; a plotting failure is
	 * reported and fails the command, and what it drew goes. */
	if (rc == EXIT_DONE && a.plots && cli_render_plots(&d, a.outdir,
	    a.quiet) != FW_OK) {
		int drawn = 0;
		remove_stale_plots(a.outdir, 0, &drawn);
		fprintf(stderr, "flywheel: run: the tables are written; the "
		    "plots are not%s\n", stale ? " (plots/ and board-pack.pdf "
		    "in the directory were removed: they would not match the "
		    "tables)" : "");
		rc = EXIT_FAILED;
	}
	report_free(&d);
	fw_leakage_free(lk);
	fw_run_free(run);
	fw_scenario_free(sc);
	free(a.sets);
	return rc;
}
