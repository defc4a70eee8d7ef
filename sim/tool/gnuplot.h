/* gnuplot.h - what drawing a run's plots and a sweep's plots share.
 * SPDX-License-Identifier: MIT */
#ifndef FW_GNUPLOT_H
#define FW_GNUPLOT_H

#include <stdio.h>

#include "flywheel.h"

/* Writes s as a gnuplot single-quoted string: only ' needs doubling. */
void gp_string(FILE *f, const char *s);
/* A number as gnuplot reads it, NaN for none. */
void gp_value(FILE *f, double x);
/* Opens dir/name for writing plot data. */
FILE *gp_create(const char *dir, const char *name);
/* Runs gnuplot with argv (no shell); its messages go to log, whose last
 * line becomes the error when gnuplot fails. */
int gnuplot_run(const char *gnuplot, char *const argv[], const char *log,
    fw_error *err);

#endif
