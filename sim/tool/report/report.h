/* report.h - what a finished run says: one struct report, which the
 * workbook, the charts and the board pack show and whose recommendation
 * the console prints. `flywheel run` builds it from the run in memory
 * (report_of_run); `flywheel plot` reads it from a results directory
 * (report_read), the same figures to the bit, since the tables give
 * every number in full.
 *
 * A results directory may come from someone else, so every table goes
 * through csvread (bounded lines, file:line errors, FW_EIO), columns are
 * found by their header names (tables of older versions read too), and
 * every allocation is bounded by the rows the file really holds.
 * report_read() is a function of a directory alone, for tests and
 * fuzzing.
 * SPDX-License-Identifier: MIT */
#ifndef FW_REPORT_H
#define FW_REPORT_H

#include <stddef.h>

#include "flywheel.h"
#include "tables.h"
#include "voitable.h"

#define RUN_NSTATE 7

/* The monthly series the report keeps (RS_REVENUE ...), as
 * timeseries.csv names them, older names after a '|'. */
extern const char *const run_series_names[];

/* HCP states, in model order. */
extern const char *const run_state_names[RUN_NSTATE];

/* Monthly series kept for each variant. */
enum run_series { RS_REVENUE, RS_TRUST, RS_GAP_RATE, RS_GAP_VALUE,
	RS_CVAR, RS_PATIENTS, RS_STATE, RS_COUNT = RS_STATE + RUN_NSTATE };

/* A variant against the baseline, from compare.csv (NaN: not given). */
typedef struct run_compare {
	double mean, lo95, hi95, p5, p50, p95;	/* paired ΔNPV */
	double p_positive;
	int payback;			/* 0: none within the horizon */
	double compounding;		/* last year's revenue gain / first's */
	double cost, roi;		/* incremental spend PV, NPV gain per $ */
	double dprogram, dchannel;
} run_compare;

/* One input a variant changes, from run.json. */
typedef struct run_change {
	size_t v;
	char *path, *from, *to;
} run_change;

struct leak_chart;
struct voi_read;

typedef struct report {
	/* run.json; "" where absent */
	char *scenario, *scenario_file, *scenario_hash, *model, *version;
	char *scenario_sha256;
	char *finished, *seed, *command_line;
	char *calibration;		/* the fit table that made the scenario */
	size_t nchange;
	run_change *change;

	size_t nv;			/* variants, the baseline first */
	char **names;			/* file keys, as the tables name them */
	char **labels;			/* [nv] names on charts and pages */
	char (*colour)[8];		/* [nv] "#RRGGBB" (optionlook.h) */
	int T;				/* months */
	size_t R;			/* replications */
	fw_band *series;		/* [RS_COUNT][nv][T] */

	run_compare *cmp;		/* [nv], [0] unused */
	fw_band *cum;			/* [nv][T] cumulative Δcash */
	double *dcash;			/* [nv][T] monthly Δcash */
	int *start;			/* [nv] first month unlike the baseline */

	fw_stats *npv;			/* [nv] from summary.csv */
	double *program_cost, *channel_cost, *spend_pv;	/* [nv] means */

	double *rep_npv;		/* [R][nv] */
	size_t ndraw;			/* uncertain inputs */
	char **draw_path;
	double *draw;			/* [R][nv][ndraw], NaN: none */

	/* where value leaks, when the run asked for it (leakout.h) */
	struct leak_chart *leak;
	/* the value of information, when some input is uncertain */
	struct voi_read *voi;
	/* [nv] mean NPV of each option with a calibrated scenario's
	 * guesses (guesses.h); NULL when the run had none */
	double *npv_guessed;

	/* the recommendation (fw_recommend(3)); its names point into d */
	fw_recommendation rec;
} report;

/* The report of a finished run in memory, with its value of information
 * voi and what run.json records beside it (rec). FW_ENOMEM; d is
 * cleared first and must be released with report_free() whatever the
 * result. */
int report_of_run(const fw_run *run, const voi_table *voi,
    const run_record *rec, report *d, fw_error *err);

/* Reads the tables of the run in dir. FW_EIO with err naming the file
 * and line of the first problem, FW_ENOMEM. d is cleared first and
 * must be released with report_free() whatever the result. */
int report_read(const char *dir, report *d, fw_error *err);

void report_free(report *d);

/* Shared by both: the arrays of d for its nv variants and T months, NaN
 * where nothing is known; each variant's first month unlike the
 * baseline from dcash; the calibration's path, relative to dir, as
 * dir/path with its folder made absolute where it exists. */
int report_allocate(report *d, fw_error *err);
void report_starts(report *d);
int report_resolve(const char *dir, char **path, fw_error *err);

/* Series k of variant v at month t (1..T). */
const fw_band *report_band(const report *d, int k, size_t v, int t);

#endif
