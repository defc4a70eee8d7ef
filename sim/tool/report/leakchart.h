/* leakchart.h - the figures of where value leaks, as a chart shows them:
 * from a decomposition in memory, or read back from the tables one
 * wrote.
 * SPDX-License-Identifier: MIT */
#ifndef FW_LEAKCHART_H
#define FW_LEAKCHART_H

#include <stddef.h>

#include "flywheel.h"

/* The NPV rows of leakage.csv, in $M, and what leakage.json says. */
struct leak_chart {
	size_t n;
	char label[FW_LEAKAGE_MAX_STAGES][256];
	char stage[FW_LEAKAGE_MAX_STAGES][128];	/* its key */
	double gain[FW_LEAKAGE_MAX_STAGES][3];	/* Shapley: mean, lo, hi */
	double actual[3];
	double total[3];	/* every stage removed, over actual */
	int have_total;
	char scenario[512], variant[256];
	double reps;		/* NaN when leakage.json does not say */
	/* The option of a run aimed at stage i (it changes that key
	 * alone), when the run shows one: its mean NPV gain in $M (NaN
	 * for none), its label and colour (0xRRGGBB). */
	double aim[FW_LEAKAGE_MAX_STAGES];
	char aim_by[FW_LEAKAGE_MAX_STAGES][128];
	long aim_rgb[FW_LEAKAGE_MAX_STAGES];
};

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

/* The chart of decomposition lk, decomposed from run, in memory: the
 * same figures as leak_chart_read() gives from the tables it writes. */
int leak_chart_of(const fw_leakage *lk, const fw_run *run, leak_chart **out,
    fw_error *err);

void leak_chart_free(leak_chart *w);

#endif
