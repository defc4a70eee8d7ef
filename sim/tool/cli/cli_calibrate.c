/* cli_calibrate.c - `flywheel calibrate`: fits a scenario to a brand's
 * observed months, showing progress between the library's steps, then
 * writes the calibrated scenario, the tables and the fit plots.
 * SPDX-License-Identifier: MIT */
#include "config.h"

#include <getopt.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "caltables.h"
#include "cli.h"
#include "outdir.h"

const char cli_calibrate_help[] =
"Usage: flywheel calibrate [OPTION]... FILE\n"
"Fit inputs of a scenario's baseline to a brand's observed monthly\n"
"figures. The calibration FILE names the scenario, the data file, the\n"
"inputs with their ranges and the series to fit (see\n"
"flywheel-calibration(5)). Then write calibrated.yaml (the scenario with\n"
"each identified input drawn from its fitted distribution, correlated as\n"
"the fit says, runnable as it is), fit.csv (each input's estimate,\n"
"95% interval and whether the data identify it), fit-series.csv (observed\n"
"against simulated, month by month), guessed.yaml (the scenario with the\n"
"values it had before, which a run of calibrated.yaml also runs to say\n"
"what calibrating changed) and a fit plot per series.\n"
"\n"
"  -o, --output DIR     write into DIR (default out/NAME, NAME being FILE's\n"
"                       name without .yaml)\n"
"      --threads N      threads of each evaluation (default:\n"
"                       OMP_NUM_THREADS, else all cores); any number gives\n"
"                       the same results\n"
"      --point          write the fitted values in calibrated.yaml as\n"
"                       plain numbers, without their uncertainty\n"
"      --no-plots       write the tables and calibrated.yaml only\n"
"  -q, --quiet          print nothing but errors\n"
"  -h, --help           show this help\n"
"\n"
"Progress (evaluations, lowest objective) goes to standard error.\n"
"Exit status: 0 success, 1 a simulation or the plots failed, 2 usage\n"
"error, 3 invalid calibration, scenario or data file, 4 file not readable\n"
"or writable.\n";

/* Reads the options; exactly one calibration file must follow. */
static int
parse_args(int argc, char **argv, cli_args *a)
{
	static const struct option opts[] = {
		{ "output", required_argument, NULL, 'o' },
		{ "threads", required_argument, NULL, 't' },
		{ "no-plots", no_argument, NULL, 'P' },
		{ "quiet", no_argument, NULL, 'q' },
		{ "point", no_argument, NULL, 'p' },
		{ NULL, 0, NULL, 0 }
	};
	int rc = cli_parse_args("calibrate", opts, argc, argv, a);

	if (rc == EXIT_DONE && optind != argc - 1)
		rc = cli_usage_error("calibrate", "calibrate: give one "
		    "calibration file");
	return rc;
}

/* Progress on standard error: on a terminal one line kept up to date,
 * elsewhere a line whenever the fit moves to a new start or stage. */
static void
show_progress(const fw_calibration *cal, int tty, char *last, size_t size)
{
	fw_calibration_progress p;
	char where[64], lowest[40];

	fw_calibration_get_progress(cal, &p);
	if (p.start > 0)
		snprintf(where, sizeof(where), "search from start %zu of %zu",
		    p.start, fw_calibration_starts(cal));
	else
		snprintf(where, sizeof(where), "%s", p.stage);
	if (isnan(p.lowest))
		snprintf(lowest, sizeof(lowest), "-");
	else
		snprintf(lowest, sizeof(lowest), "%.6g", p.lowest);
	if (tty)
		fprintf(stderr, "\r%-32s evaluation %5zu   lowest objective "
		    "%-12s", where, p.evaluations, lowest);
	else if (strcmp(where, last) != 0)
		fprintf(stderr, "calibrate: %s (evaluation %zu, lowest "
		    "objective %s)\n", where, p.evaluations, lowest);
	snprintf(last, size, "%s", where);
}

static int
fit(fw_calibration *cal, int progress)
{
	int tty = isatty(STDERR_FILENO), rc = FW_OK;
	char last[64] = "";
	fw_error err;

	while (rc == FW_OK && !fw_calibration_done(cal)) {
		rc = fw_calibration_step(cal, &err);
		if (progress)
			show_progress(cal, tty, last, sizeof(last));
	}
	if (progress && tty)
		fputc('\n', stderr);
	if (rc != FW_OK)
		cli_print_error(&err);
	return rc;
}

/* The fit in a few lines: how well each series is matched, and each
 * input's estimate. */
static int
print_fit(const fw_calibration *cal, const char *dir)
{
	size_t i, j;
	char note[512];
	int width = 36;

	term_line(stdout, "Fitted to %s: %zu series over months 1 to %d; "
	    "objective %.6g", fw_calibration_data_file(cal),
	    fw_calibration_target_count(cal), fw_calibration_months(cal),
	    fw_calibration_objective(cal));
	for (i = 0; i < fw_calibration_target_count(cal); i++) {
		const char *seg = fw_calibration_target_segment(cal, i);
		printf("  %s%s%s: %zu months, mean absolute error %.1f%% of "
		    "its level\n", fw_calibration_target_metric(cal, i),
		    seg ? " in " : "", seg ? seg : "",
		    fw_calibration_target_observed(cal, i),
		    100 * fw_calibration_target_error(cal, i));
	}
	for (j = 0; j < fw_calibration_param_count(cal); j++)
		if ((int)strlen(fw_calibration_param_path(cal, j)) > width)
			width = (int)strlen(fw_calibration_param_path(cal, j));
	printf("\n%-*s %12s  %s\n", width, "input", "estimate",
	    "95% interval");
	for (j = 0; j < fw_calibration_param_count(cal); j++) {
		fw_fit fit;
		fw_calibration_fit(cal, j, &fit);
		printf("%-*s %12.6g  ", width, fw_calibration_param_path(cal, j),
		    fit.estimate);
		if (fit.status == FW_FIT_IDENTIFIED) {
			printf("%.6g .. %.6g\n", fit.lo95, fit.hi95);
			continue;
		}
		fit_note(cal, j, note, sizeof(note));
		printf("not identified: %s\n", note);
	}
	putchar('\n');
	term_line(stdout, "Written to %s/: calibrated.yaml fit.csv "
	    "fit-series.csv guessed.yaml", dir);
	return fflush(stdout) != 0 ? EXIT_IO : EXIT_DONE;
}

/* Loads a calibration file, saying so when FILE is another kind. */
static int
load(const char *file, fw_calibration **cal)
{
	enum fw_file_kind kind;
	fw_error err;
	int rc = fw_file_kind(file, &kind, &err);

	if (rc == FW_OK && kind != FW_FILE_CALIBRATION) {
		term_line(stderr, "%s: a %s file, not a calibration file (one "
		    "that names a scenario, data, parameters and targets; see "
		    "flywheel-calibration(5))", file, kind == FW_FILE_SWEEP ?
		    "sweep" : "scenario");
		return EXIT_INVALID;
	}
	if (rc == FW_OK)
		rc = fw_calibration_load(file, cal, &err);
	if (rc != FW_OK) {
		cli_print_error(&err);
		return exit_code_of(rc);
	}
	return EXIT_DONE;
}

int
cli_calibrate(int argc, char **argv)
{
	cli_args a = { .plots = 1 };
	fw_calibration *cal = NULL;
	char defdir[4096], *cmdline = NULL;
	fw_error err;
	int rc;

	rc = parse_args(argc, argv, &a);
	if (rc == EXIT_DONE)
		rc = load(a.file, &cal);
	if (rc == EXIT_DONE && a.outdir == NULL) {
		cli_default_output(a.file, defdir, sizeof(defdir));
		a.outdir = defdir;
	}
	if (rc == EXIT_DONE)
		interrupt_guard(a.outdir);
	/* the option parser holds threads to 0 .. FW_MAX_THREADS */
	if (rc == EXIT_DONE)
		rc = exit_code_of(fw_calibration_set_threads(cal,
		    a.opt.threads) == FW_OK ? fit(cal, !a.quiet) : FW_EINVALID);
	if (rc == EXIT_DONE && (cmdline = cli_command_line(argc, argv)) ==
	    NULL) {
		fputs("flywheel: out of memory\n", stderr);
		rc = EXIT_FAILED;
	}
	/* An earlier fit's plots would not match the new tables: they go
	 * first, so that no interruption leaves both. */
	if (rc == EXIT_DONE && ((rc = out_remove_charts(a.outdir, "fit-",
	    &err)) != FW_OK || (rc = write_calibration(cal, a.point,
	    a.outdir, cmdline, &err)) != FW_OK)) {
		cli_print_error(&err);
		rc = exit_code_of(rc);
	}
	if (rc == EXIT_DONE && !a.quiet)
		rc = print_fit(cal, a.outdir);
	/* The tables stand without the plots, as for a run. */
	if (rc == EXIT_DONE && a.plots && cli_render_fit_plots(a.outdir,
	    a.quiet) != FW_OK) {
		fprintf(stderr, "flywheel: calibrate: the tables are written; "
		    "the plots are not\n");
		rc = EXIT_FAILED;
	}
	free(cmdline);
	fw_calibration_free(cal);
	free(a.sets);
	return rc;
}
