/* plots.h - charts and the board pack, drawn by gnuplot from a run's
 * report or the tables flywheel wrote.
 * SPDX-License-Identifier: MIT */
#ifndef FW_PLOTS_H
#define FW_PLOTS_H

#include "flywheel.h"
#include "report.h"

/* Draws the plots of report d of the run written in dir into dir/plots
 * as PNG, SVG and PDF, and the board pack dir/board-pack.pdf, with the
 * gnuplot program given and the templates in the templates directory. */
int draw_run_plots(const report *d, const char *dir, const char *gnuplot,
    const char *templates, fw_error *err);

/* Draws a finished sweep's plots (tornado, indices, response curves, heat
 * map with the break-even contour, as its design allows) into dir/plots
 * from its tables. */
int draw_sweep_plots(const char *dir, const char *gnuplot,
    const char *templates, fw_error *err);

/* Draws a calibration's fit plots (observed months over the calibrated
 * scenario's band, one per series fitted) into dir/plots from its
 * fit-series.csv. */
int draw_fit_plots(const char *dir, const char *gnuplot,
    const char *templates, fw_error *err);

#endif
