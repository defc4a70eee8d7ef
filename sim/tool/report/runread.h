/* runread.h - a run's tables read back: what the plots, the board pack
 * and the workbook show. A results directory may come from someone
 * else, so every table goes through csvread (bounded lines, file:line
 * errors, FW_EIO), columns are found by their header names (tables of
 * older versions read too), and every allocation is bounded by the rows
 * the file really holds. run_read() is a function of a directory alone,
 * for tests and fuzzing.
 * SPDX-License-Identifier: MIT */
#ifndef FW_RUNREAD_H
#define FW_RUNREAD_H

#include <stddef.h>

#include "flywheel.h"

#define RUN_NSTATE 7
#define RUN_MAX_VARIANTS 1024
#define RUN_MAX_MONTHS 600

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

typedef struct rundata {
	/* run.json; "" where absent */
	char *scenario, *scenario_file, *scenario_hash, *model, *version;
	char *scenario_sha256;
	char *finished, *seed, *command_line;
	char *calibration;		/* the fit table that made the scenario */
	size_t nchange;
	run_change *change;

	size_t nv;			/* variants, the baseline first */
	char **names;
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
} rundata;

/* Reads the tables of the run in dir. FW_EIO with err naming the file
 * and line of the first problem, FW_ENOMEM. d is cleared first and
 * must be released with run_clear() whatever the result. */
int run_read(const char *dir, rundata *d, fw_error *err);

void run_clear(rundata *d);

/* The run's recommendation from its tables, as fw_run_recommend() gives
 * it from the run itself; names point into d. */
int run_recommend(const rundata *d, fw_recommendation *rec);

/* Series k of variant v at month t (1..T). */
const fw_band *run_band(const rundata *d, int k, size_t v, int t);

#endif
