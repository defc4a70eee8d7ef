/* leakout.h - what `flywheel leakage` gives: its tables, its console
 * table and its waterfall chart, which a run's board pack also shows.
 * SPDX-License-Identifier: MIT */
#ifndef FW_LEAKOUT_H
#define FW_LEAKOUT_H

#include <stdio.h>

#include "gnuplot.h"
#include "leakage.h"

/* Writes leakage.csv and leakage.json into dir (created if needed), both
 * or neither. command_line is recorded in leakage.json. */
int write_leakage_tables(const leakage *lk, const fw_run *run,
    const char *dir, const char *command_line, fw_error *err);

/* Prints the stages ranked by their Shapley NPV gain, the frictionless
 * ceiling, the headline and what the interactions mean. */
int print_leakage(const leakage *lk, const fw_run *run, FILE *out);

/* The waterfall of a decomposition, read back from its tables. */
typedef struct leak_chart leak_chart;

/* Reads dir/leakage.csv (and leakage.json, when there is one); FW_EIO
 * naming the file and line of a damaged table. */
int leak_chart_read(const char *dir, leak_chart **out, fw_error *err);

/* The same for the run whose run.json says hash, seed, months and
 * command_line: *out is NULL unless dir's leakage.json was written by
 * that run (a run that asked for it). */
int leak_chart_of_run(const char *dir, const char *hash, const char *seed,
    int months, const char *command_line, leak_chart **out,
    fw_error *err);

void leak_chart_free(leak_chart *w);

/* Writes waterfall.tsv into dir and the chart's numbers and texts
 * (T_WATERFALL, S_WATERFALL, WF_*) into m, for plots/waterfall.gp. */
int leak_chart_write(const leak_chart *w, const char *dir, gp_meta *m);

/* Draws dir/plots/waterfall as PNG, SVG and PDF from dir's tables, with
 * the gnuplot program given and the templates in the templates
 * directory. */
int draw_leakage_plot(const char *dir, const char *gnuplot,
    const char *templates, fw_error *err);

#endif
