/* leakout.h - what `flywheel leakage` shows: its console
 * table and its waterfall chart, which a run's board pack also draws.
 * SPDX-License-Identifier: MIT */
#ifndef FW_LEAKOUT_H
#define FW_LEAKOUT_H

#include <stdio.h>

#include "gnuplot.h"
#include "leakage.h"
#include "leakchart.h"

/* Prints the stages ranked by their Shapley NPV gain, the frictionless
 * ceiling, the headline and what the interactions mean. */
int print_leakage(const fw_leakage *lk, const fw_run *run, FILE *out);

/* Writes waterfall.tsv into dir and the chart's numbers and texts
 * (T_WATERFALL, S_WATERFALL, WF_*) into m, for plots/waterfall.gp. */
int leak_chart_write(const leak_chart *w, const char *dir, gp_meta *m);

/* Draws chart w as dir/plots/waterfall in PNG, SVG and PDF, with the
 * gnuplot program given and the templates in the templates directory. */
int draw_leakage_plot(const leak_chart *w, const char *dir,
    const char *gnuplot, const char *templates, fw_error *err);

#endif
