/* calibration.h - a calibration: the scenario and the brand's observed
 * months, the inputs fitted and the series they are fitted to, and the
 * state of the fit as it goes. Private.
 * SPDX-License-Identifier: MIT */
#ifndef FW_CALIBRATION_H
#define FW_CALIBRATION_H

#include <gsl/gsl_multimin.h>

#include "obsdata.h"
#include "scenario.h"

/* ---- The search scale (calscale.c) ---- */

/* A parameter is searched on the whole real line: the logit of its place
 * in a bounded range, or the log of its distance above the lower end of
 * a range without an upper end. */
enum fw_cal_scale { FW_SCALE_LOGIT, FW_SCALE_LOG };

typedef struct fw_cal_param {
	char *path;
	const fw_key *key;
	enum fw_cal_scale scale;
	double lo, hi;		/* the range; hi is INF on a log scale */
	double limit;		/* on a log scale, the key's limit with a
				 * reason, which no value searched passes
				 * (a run would refuse it); else INF */
	double own;		/* the scenario's value (a distribution's
				 * median) */
	int own_uncertain;	/* the scenario holds a distribution */
} fw_cal_param;

/* Search-scale value z of the parameter's value x, and back. */
double fwi_cal_to_search(const fw_cal_param *p, double x);
double fwi_cal_from_search(const fw_cal_param *p, double z);
/* Where x lies in the parameter's range: 0 at the low end, 1 at the high
 * end; on a log scale, x's distance above the low end relative to the
 * scenario's own. */
double fwi_cal_place(const fw_cal_param *p, double x);
/* The search-scale value of a starting point whose Latin-hypercube
 * coordinate is u in [0, 1). */
double fwi_cal_start(const fw_cal_param *p, double u);

/* ---- A series fitted ---- */

typedef struct fw_cal_target {
	int series;		/* a monthly series (fw_series_index) */
	int segment;		/* -1: the whole market */
	double weight;
	double scale;		/* mean absolute observed value */
	double *observed;	/* [months], NaN where the data have none */
	size_t nobs;
	fw_band *band;		/* [months], at the estimates */
	double error;		/* mean absolute error over scale, there */
} fw_cal_target;

/* ---- The fit (calibrate.c) ---- */

/* A run kept for the evaluations on one thread (or for those on all the
 * threads): the baseline is set to each point in turn and the run
 * restarted, so that an evaluation allocates nothing. */
typedef struct fw_cal_space {
	fw_scenario *sc;	/* a copy of the baseline, set to the point */
	fw_run *run;		/* its run, or NULL */
	unsigned char *set;	/* [npar] the inputs the run was built with
				 * set (not NaN) */
} fw_cal_space;

/* One Nelder-Mead search: of a starting point, or a refit. The searches
 * of round 0 run side by side, each on one thread with its own state. */
typedef struct fw_cal_search {
	struct fw_calibration *cal;
	int threads;		/* of each of its runs */
	gsl_multimin_fminimizer *nm;
	gsl_vector *z, *step;
	gsl_multimin_function fn;
	size_t iterations;
	double stall_f;		/* its lowest F at its last real gain */
	size_t stall_at;	/* and the iteration of that gain */
	int done;
	double *x;		/* [npar] values simulated */
	double *best_x;		/* [npar] its best point */
	double best_f, lowest;	/* its best F; the lowest it saw */
	size_t evaluations, counted;	/* counted: into the fit's */
	int eval_rc;		/* the first failure inside an evaluation */
	fw_error eval_err;
} fw_cal_search;

enum fw_cal_stage { FW_STAGE_SEARCH, FW_STAGE_CURVATURE, FW_STAGE_SET_ASIDE,
	FW_STAGE_FINAL, FW_STAGE_DONE };

/* What the fit decided about a parameter. */
enum fw_cal_role { FW_ROLE_FREE, FW_ROLE_AT_END, FW_ROLE_SET_ASIDE };

struct fw_calibration {
	char *file, *scenario_file, *data_file;
	char hash[32];
	fw_scenario *sc;	/* as loaded */
	fw_scenario *base;	/* its baseline alone, what is simulated */
	fw_obsdata data;
	uint64_t reps, seed;
	size_t nstarts;
	int months;		/* simulated: the latest month observed */
	int threads;
	size_t npar;
	fw_cal_param *par;
	size_t ntarget;
	fw_cal_target *tgt;
	size_t nobs;		/* observations fitted, over all targets */
	double wsum;		/* W: the sum over targets of w_i n_i */

	/* the state of the fit */
	enum fw_cal_stage stage;
	size_t round;		/* 0: the multi-start search; then refits */
	size_t start;		/* the first start still searching */
	double *starts;		/* [nstarts][npar], places in (0, 1) */
	struct fw_cal_search *search;	/* [nsearch] the simplexes under
				 * way: one per start in round 0, else one */
	size_t nsearch;
	enum fw_cal_role *role;	/* [npar] */
	double *x;		/* [npar] values simulated; NaN: the
				 * scenario's own */
	double *best_x;		/* [npar] the best point of this round */
	double best_f, lowest;	/* best of this round, lowest of all */
	size_t evaluations;
	int eval_rc;		/* the first failure of a step */
	fw_error eval_err;
	size_t *free_at;	/* [npar] the free inputs, in order */
	size_t nfree;
	size_t nset_aside;
	/* the curvature: the best point's replications, and the simulated
	 * means two steps either side of it along each free input */
	size_t *obs_target;	/* [nobs] each observed figure's target */
	int *obs_month;		/* [nobs] and month, 0-based */
	double *paths;		/* [reps][nobs] standardised values */
	double *sides;		/* [2 npar][nobs] standardised means */
	size_t npoints, points_done;
	size_t *hess_at;	/* [npar] the inputs of those steps */
	size_t nhess;
	/* the evaluations' runs: [0] on the fit's threads, [1 + t] on
	 * thread t of a round whose searches go side by side */
	fw_cal_space *space;
	size_t nspace;
	int space_threads;	/* the threads they were made for */

	/* the result */
	double objective;
	fw_fit *fit;		/* [npar] */
	double *cov;		/* [npar][npar] the estimates' covariance on
				 * the search scale between identified
				 * inputs, NaN elsewhere; NULL before */
};

/* Step of the central differences on the search scale: large enough to
 * see the slope through the grain of a finite simulation. */
#define FW_CAL_STEP 0.5
/* A change of the fitted series smaller than this share of their level,
 * root-mean-square, counts for nothing: F changes by less than W g^2
 * (W = sum of w_i n_i). It makes a direction flat, and a search that
 * gains no more than that stop. */
#define FW_CAL_FLAT 1e-3

/* Lists the free inputs, in order, into cal->free_at. */
void fwi_cal_list_free(fw_calibration *cal);
/* Judges the inputs of this round from its curvature (caljudge.c): ends
 * held, inputs set aside, intervals; sets the next stage. */
int fwi_cal_judge(fw_calibration *cal);

/* Readies the fit of a loaded calibration: its starting points and
 * workspace. */
int fwi_cal_begin(fw_calibration *cal, fw_error *err);
/* Releases what the fit holds. */
void fwi_cal_end(fw_calibration *cal);

#endif
