/* cli.h - the flywheel command: its subcommands, exit codes and what they
 * share. The command is a client of libflywheel like any other: it sees
 * the library through flywheel.h alone.
 * SPDX-License-Identifier: MIT */
#ifndef FW_CLI_H
#define FW_CLI_H

#include <getopt.h>
#include <stddef.h>
#include <stdio.h>

#include "flywheel.h"
#include "exitcode.h"
#include "interrupt.h"
#include "term.h"



int cli_run(int argc, char **argv);
int cli_check(int argc, char **argv);
int cli_plot(int argc, char **argv);
int cli_sweep(int argc, char **argv);
int cli_params(int argc, char **argv);
int cli_leakage(int argc, char **argv);
int cli_calibrate(int argc, char **argv);
extern const char cli_run_help[];
extern const char cli_check_help[];
extern const char cli_plot_help[];
extern const char cli_sweep_help[];
extern const char cli_params_help[];
extern const char cli_leakage_help[];
extern const char cli_calibrate_help[];

/* out/NAME for .../NAME.yaml. */
void cli_default_output(const char *file, char *buf, size_t size);
/* The scenario run when none is named. */
const char *cli_default_scenario(void);
/* The gnuplot program to draw with, and the folder of plot templates
 * into tdir. */
const char *cli_plot_tools(char *tdir, size_t size);
/* Where value leaks in sc's baseline, with the five friction stages, as
 * `flywheel leakage` gives it into outdir: opt's months, seed and
 * threads, and its replications (else the file's) up to 100. The
 * decomposition and its chart go to *lk and *w, the caller's to free;
 * the chart is drawn with the run's (charts.c), not here, so that the
 * run and flywheel plot draw it alike. */
struct leak_chart;
int cli_leakage_report(const fw_scenario *sc, const fw_run_options *opt,
    const char *outdir, int quiet, int argc, char **argv,
    fw_leakage **lk, struct leak_chart **w);
/* Runs every replication, showing progress on stderr when asked. */
int cli_simulate(fw_run *run, int progress, fw_error *err);
/* Draws the plots of report d of the run in dir; prints errors; returns
 * a status. */
struct report;
int cli_render_plots(const struct report *d, const char *dir, int quiet);
/* Draws a finished sweep's plots in dir; reports and returns a status. */
int cli_render_sweep_plots(const char *dir, int quiet);
/* Draws a calibration's fit plots in dir; reports and returns a status. */
int cli_render_fit_plots(const char *dir, int quiet);

/* Prints "flywheel: MESSAGE" and a pointer to --help; returns
 * EXIT_USAGE. */
int cli_usage_error(const char *command, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Writes a command's help text to f, each @PATH@ in it as the range of
 * key PATH of keys.def ("1..600"), so that no help states a limit of its
 * own. */
void cli_put_help(FILE *f, const char *help);
/* Prints the command's help if -h or --help is among the arguments. */
int cli_wants_help(int argc, char **argv, const char *help);
/* Prints an error as file:line:column: path: message. */
void cli_print_error(const fw_error *err);
/* The whole number in [lo, hi] written in the len bytes at text, in
 * decimal digits and nothing else, into *out: 0, or -1 when the text is
 * anything else. Every number an option takes is read by it. */
int cli_whole_number(const char *text, size_t len, unsigned long long lo,
    unsigned long long hi, unsigned long long *out);
/* Parses a whole number in [lo, hi] given to option opt of command, or
 * prints a usage error and returns EXIT_USAGE. */
int cli_parse_count(const char *command, const char *opt, const char *text,
    unsigned long long lo, unsigned long long hi, unsigned long long *out);
/* Splits "PATH=VALUE" given to option opt into a new string *path (the
 * caller frees it) and *value, which points into assignment; prints a
 * usage error naming opt, with example, and returns EXIT_USAGE when it
 * is not of that form. */
int cli_split_assignment(const char *command, const char *opt,
    const char *example, const char *assignment, char **path,
    const char **value);
/* What the options of a command that simulates a scenario ask for
 * (flywheel run, flywheel leakage). */
typedef struct cli_args {
	fw_run_options opt;	/* --reps, --months, --seed, --threads */
	const char *outdir;	/* -o */
	const char **sets;	/* --set or --stage PATH=VALUE, in order;
				 * the caller frees it */
	int nsets, quiet, plots;	/* -q, --no-plots clears plots */
	int leakage;		/* run --leakage */
	int point;		/* calibrate --point */
	const char *variant;	/* leakage --variant */
	int resume, dry, merge;	/* sweep --resume, --dry-run, --merge */
	const char *shard;	/* sweep --shard I/N, as written */
	int many;		/* set by the caller: it takes several files
				 * and checks their number itself */
	const char *file;	/* the file after the options; NULL: none */
	char **files;		/* every argument after the options */
	int nfiles;
} cli_args;

/* getopt_long entries of the options every simulating command has. */
#define CLI_ARGS_OPTIONS \
	{ "output", required_argument, NULL, 'o' }, \
	{ "reps", required_argument, NULL, 'r' }, \
	{ "months", required_argument, NULL, 'm' }, \
	{ "seed", required_argument, NULL, 's' }, \
	{ "threads", required_argument, NULL, 't' }, \
	{ "no-plots", no_argument, NULL, 'P' }, \
	{ "quiet", no_argument, NULL, 'q' }

/* Reads command's options in opts into a: those of CLI_ARGS_OPTIONS and
 * the codes 'S' --set or --stage, 'L' --leakage, 'v' --variant, 'p'
 * --point, 'e' --resume, 'd' --dry-run, 'H' --shard, 'M' --merge; and
 * the files after them, refusing more than one unless a->many is set. */
int cli_parse_args(const char *command, const struct option *opts,
    int argc, char **argv, cli_args *a);
/* Applies "PATH=VALUE" (as --set gives it) to sc's baseline; prints what
 * is wrong and returns an exit code, or EXIT_DONE. */
int cli_apply_set(const char *command, fw_scenario *sc,
    const char *assignment);
/* The command line as a POSIX shell would read it back, quoted where
 * needed; NULL when out of memory. The caller frees it. */
char *cli_command_line(int argc, char **argv);

#endif
