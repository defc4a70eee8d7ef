/* draw.h - the one drawing pipeline of every chart the command makes (a
 * run's, a sweep's, a calibration's, a leakage waterfall) and of the
 * board pack.
 *
 * A drawing is a private working folder holding the data the templates
 * read (gnuplot.h) and a list of charts, each a row: its template, the
 * files it is drawn to, and the metric and parameter (or series) it
 * shows. Each chart is drawn in a gnuplot process of its own, its files
 * checked whole (complete.c) and moved into DIR/plots through the output
 * directory's guards (outdir.c). A chart gnuplot cannot draw is named in
 * a warning with gnuplot's reason; it costs that chart only, never the
 * others or the pack.
 * SPDX-License-Identifier: MIT */
#ifndef FW_DRAW_H
#define FW_DRAW_H

#include <stddef.h>

#include "gnuplot.h"

/* One chart: plots/FILE.png, .svg and .pdf drawn by plots/TEMPLATE.gp,
 * which sees M and P (a sweep's metric and parameter, a calibration's
 * series; TM = M, I = M). */
typedef struct draw_row {
	char file[200];
	char template[48];
	int m, p;
	int wanted;	/* 0: not this run's; its old files are removed */
	int drawn;	/* set by drawing_charts */
	char why[1536];	/* gnuplot's reason when it was not */
} draw_row;

typedef struct drawing {
	char dir[4096];		/* the results directory */
	const char *gnuplot, *templates;
	char tmp[4096];		/* the data; the templates' DATA */
	char out[4096];		/* what gnuplot draws, before it is checked */
	char log[4096];		/* gnuplot's messages */
	gp_meta meta;		/* tmp/meta.gp and tmp/strings.tsv */
	draw_row *row;
	size_t n, cap;
} drawing;

/* Makes the working folder dir/.NAME.RANDOM.PID and opens the data's
 * meta.gp and strings.tsv in it. */
int drawing_start(drawing *dw, const char *dir, const char *name,
    const char *gnuplot, const char *templates, fw_error *err);

/* Adds a chart to the list (wanted 0: one that does not apply, whose old
 * files are removed); FW_ENOMEM. */
int drawing_add(drawing *dw, const char *file, const char *template, int m,
    int p, int wanted);

/* Writes the list for the templates and closes the data; rc is the data
 * writers' status, err filled when it or this fails. */
int drawing_data_done(drawing *dw, int rc, fw_error *err);

/* Draws every wanted chart and moves the ones drawn whole into
 * DIR/plots. FW_OK when at least one chart was drawn (or none was
 * wanted); a chart that fails is a warning on stderr. When none could be
 * drawn, or gnuplot cannot be run at all, err tells why and nothing is
 * moved in. */
int drawing_charts(drawing *dw, fw_error *err);

/* Whether the chart drawn to plots/FILE.* is in DIR/plots now. */
int drawing_has(const drawing *dw, const char *file);

/* Draws the board pack DIR/NAME from the pages page[0..n-1] (numbers
 * into the data's PAGE_TPL and PAGE_DATA, as boardpack.gp reads them).
 * A page gnuplot cannot draw is left out with a warning and the pages
 * renumbered; the pack fails only when no page can be drawn. */
int drawing_pack(drawing *dw, const char *name, const size_t *page,
    size_t n, fw_error *err);

/* Keeps the data when FLYWHEEL_KEEP_PLOT_DATA asks, removes the working
 * folder and frees the list. */
void drawing_end(drawing *dw);

#endif
