/* cli.h - the command-line tool's commands and shared helpers.
 * SPDX-License-Identifier: MIT */
#ifndef FW_CLI_H
#define FW_CLI_H

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

#endif
