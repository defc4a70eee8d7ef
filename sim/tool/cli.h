/* cli.h - the command-line tool's commands and shared helpers.
 * SPDX-License-Identifier: MIT */
#ifndef FW_CLI_H
#define FW_CLI_H

#include <stdio.h>

#include "flywheel.h"

int cli_run(int argc, char **argv);
int cli_check(int argc, char **argv);
int cli_plot(int argc, char **argv);
int cli_sweep(int argc, char **argv);
int cli_params(int argc, char **argv);
extern const char cli_run_help[];
extern const char cli_check_help[];
extern const char cli_plot_help[];
extern const char cli_sweep_help[];
extern const char cli_params_help[];

/* out/NAME for .../NAME.yaml. */
void cli_default_output(const char *file, char *buf, size_t size);
/* Whether dir holds a sensitivity.csv. */
int cli_has_sensitivity(const char *dir);
/* Draws a finished sweep's plots in dir; reports and returns a status. */
int cli_render_sweep_plots(const char *dir, int quiet);
/* The scenario run when none is named. */
const char *cli_default_scenario(void);
/* Draws the plots of the run in dir; prints errors; returns a status. */
int cli_render_plots(const char *dir, int quiet);
/* Prints "flywheel: MESSAGE" and a pointer to --help; returns FW_EUSAGE. */
int cli_usage_error(const char *command, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Prints the command's help if -h or --help is among the arguments. */
int cli_wants_help(int argc, char **argv, const char *help);
/* Prints an error as file:line:column: path: message. */
void cli_print_error(const fw_error *err);
/* The closest of the candidates to word, or NULL. */
const char *cli_suggest(const char *word, const char *const *candidates,
    size_t n);

/* ---- what the commands share (moving to their own headers) ---- */

/* Writes summary.csv, timeseries.csv, replications.csv and run.json into
 * dir (created if needed). Each file is written to a temporary name and
 * renamed only when all are complete, so a failure leaves no partial
 * file. command_line is recorded in run.json. */
int write_run_tables(const fw_run *run, const char *dir,
    const char *command_line, fw_error *err);

/* Writes the console summary table of a finished run. */
int print_summary(const fw_run *run, FILE *out);

/* Writes the verdict of a finished run: variants ranked by expected NPV
 * gain over the baseline, how sure, payback and compounding, each phrase
 * derived from the figures it prints. */
int print_verdict(const fw_run *run, FILE *out);

/* Draws the plots of the run written in dir (its CSVs) into dir/plots as
 * PNG, SVG and PDF, and the board pack dir/board-pack.pdf, with the
 * gnuplot program given and the templates in the templates directory. */
int draw_run_plots(const char *dir, const char *gnuplot, const char *templates,
    fw_error *err);

/* Prepares dir for the sweep: a new directory (refused if it already
 * holds a sweep), or with resume the directory of an interrupted run of
 * the same sweep and scenario files (refused if either has changed),
 * whose finished points are kept. */
int sweep_open(fw_sweep *sw, const char *dir, int resume, int threads,
    fw_error *err);


/* Runs the next point and appends its row to sweep.csv, flushed to disk
 * before it returns. */
int sweep_step(fw_sweep *sw, fw_error *err);

/* After the last point: sensitivity.csv (oneway and sobol designs). */
int sweep_finish(fw_sweep *sw, fw_error *err);

/* Draws a finished sweep's plots (tornado, indices, response curves, heat
 * map with the break-even contour, as its design allows) into dir/plots
 * from its tables. */
int draw_sweep_plots(const char *dir, const char *gnuplot, const char *templates,
    fw_error *err);

/* Formats of the key listing. */
enum fw_params_format { FW_PARAMS_TEXT, FW_PARAMS_MAN, FW_PARAMS_CSV };

/* Writes the table of scenario keys: path, type and range, default and
 * meaning. */
int write_params(FILE *out, enum fw_params_format format);

#endif
