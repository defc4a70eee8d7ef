/* leakout.h - what `flywheel leakage` gives: its tables, its console
 * table and its waterfall chart.
 * SPDX-License-Identifier: MIT */
#ifndef FW_LEAKOUT_H
#define FW_LEAKOUT_H

#include <stdio.h>

#include "leakage.h"

/* Writes leakage.csv and leakage.json into dir (created if needed), both
 * or neither. command_line is recorded in leakage.json. */
int write_leakage_tables(const leakage *lk, const fw_run *run,
    const char *dir, const char *command_line, fw_error *err);

/* Prints the stages ranked by their Shapley NPV gain, the frictionless
 * ceiling, the headline and what the interactions mean. */
int print_leakage(const leakage *lk, const fw_run *run, FILE *out);

/* Draws dir/plots/waterfall as PNG, SVG and PDF from dir/leakage.csv and
 * dir/leakage.json, with the gnuplot program given and the templates in
 * the templates directory. */
int draw_leakage_plot(const char *dir, const char *gnuplot,
    const char *templates, fw_error *err);

#endif
