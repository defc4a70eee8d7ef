/* charts.h - the charts of a run: what each shows, the data its
 * template reads, and a title stating its message, derived from the
 * figures. The board pack shows the same charts as pages.
 * SPDX-License-Identifier: MIT */
#ifndef FW_CHARTS_H
#define FW_CHARTS_H

#include "gnuplot.h"
#include "report.h"
#include "flywheel.h"

/* One chart: the file it is drawn to (plots/FILE.png, .svg, .pdf), its
 * template (plots/TEMPLATE.gp), and the writer of its data, which sets
 * *drawn to 0 when the chart does not apply to the run. */
typedef struct chart {
	const char *file;
	const char *template;
	int (*write)(const report *, const fw_recommendation *, const char *,
	    gp_meta *, int *drawn);
} chart;

extern const chart run_charts[];
extern const size_t run_chart_count;

/* Writes the data of every chart that applies into dir; drawn[i] tells
 * which. */
int charts_write(const report *d, const fw_recommendation *vd, const char *dir,
    gp_meta *m, int *drawn);

/* The tornado's rows, shared by a run's and a sweep's: one a row with
 * its name, the change at the low and the high end, and the texts
 * written at each end. */
typedef struct tornado_row {
	const char *name;		/* on the chart */
	char label[160];		/* in the title */
	double low, high;		/* change from the base, $M */
	char low_text[48], high_text[48];	/* at the bars' ends */
	char range[112];		/* the input's low and high, under name */
} tornado_row;

/* A tornado bar's change x as its end's text: money in $M ("+$7.2M",
 * "-$3.1M") when money, else the number ("+0.012"). */
void tornado_change_text(double x, int money, char *buf, size_t size);

/* Writes tornado-TM.tsv (rows ranked by swing, largest first) and the
 * tornado's axis (TX_LO[tm], ... NTORNADO[tm]) into m; the rows are
 * reordered. */
int tornado_write(tornado_row *row, size_t n, const char *dir, size_t tm,
    gp_meta *m);

#endif
