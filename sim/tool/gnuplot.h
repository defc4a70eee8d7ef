/* gnuplot.h - what drawing a run's plots and a sweep's plots share.
 * SPDX-License-Identifier: MIT */
#ifndef FW_GNUPLOT_H
#define FW_GNUPLOT_H

#include <stddef.h>
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

/* Runs template (a file of templates) once for each format, PNG, SVG and
 * PDF, as gnuplot -c TEMPLATE FORMAT OUT DATA TEMPLATES: it draws into
 * out from the data files in data. */
int gnuplot_formats(const char *gnuplot, const char *templates,
    const char *template, const char *out, const char *data,
    const char *log, fw_error *err);
/* Creates dir/plots (path receives it) if it is not there. */
int plots_dir(const char *dir, char *path, size_t size, fw_error *err);

#endif
