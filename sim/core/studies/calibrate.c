/* calibrate.c - the fit of a calibration: a simplex search from several
 * starting points, the curvature of the objective at the best point, the
 * inputs the data cannot pin down set aside, and the fitted series.
 * SPDX-License-Identifier: MIT
 *
 * The fit goes in rounds, each of one or a few evaluations a step:
 *   search     Nelder-Mead (GSL's nmsimplex2) on the search scale of the
 *              free inputs, from each starting point in round 0 (a Latin
 *              hypercube drawn from the seed's STARTS stream), from the
 *              best point in later rounds; the best point evaluated wins.
 *   curvature  the best point again, keeping every replication, and the
 *              simulated means a step FW_CAL_STEP either side of it along
 *              each free input: central differences give J, the change of
 *              the standardised series per unit of each input.
 *   judge      an input at an end of its range is held there; a
 *              direction along which the series hardly move sets an input
 *              aside (back to the scenario's own value), as does an input
 *              the data leave almost anywhere; the others get intervals.
 *   set aside  F with the inputs set aside: unchanged, the judgement
 *              goes on with the same J; changed, a new round refits the
 *              rest.
 *   final      the fitted series and their bands at the result.
 * Every evaluation runs the same replications on the same streams, so F
 * is a deterministic function of the inputs and the fit is the same for
 * any number of threads. The judgement and its rules are in caljudge.c.
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_errno.h>

#include "calibration.h"
#include "design.h"
#include "error.h"
#include "rng.h"
#include "run.h"
#include "stats.h"

/* The first simplex's size, and a refit's, on the search scale. */
#define FW_CAL_FIRST_STEP 0.5
#define FW_CAL_REFIT_STEP 0.25
/* A search stops when its simplex is this small on the search scale,
 * when it has gained nothing that counts (FW_CAL_FLAT) for FW_CAL_STALL
 * iterations per free input, or after FW_CAL_ITERATIONS per free input. */
#define FW_CAL_TOLERANCE 0.01
#define FW_CAL_STALL 10
#define FW_CAL_ITERATIONS 150

static const char *const stage_names[] = { "search", "curvature",
	"set aside", "final", "done" };

/* The mean of the run's kept series i in month t over replications,
 * summed in replication order. */
static double
mean_at(const fw_run *run, size_t i, int t)
{
	double sum = 0;
	uint64_t r;

	for (r = 0; r < run->reps; r++)
		sum += fwi_run_kept(run, r, 0, i)[t];
	return sum / (double)run->reps;
}

/* Figure o of the data, standardised: sqrt(w) x / c of its target. */
static double
standardise(const fw_calibration *cal, size_t o, double x)
{
	const fw_cal_target *g = &cal->tgt[cal->obs_target[o]];

	return sqrt(g->weight) * x / g->scale;
}

/* Each target's monthly band at the values just run. */
static int
keep_bands(fw_calibration *cal, const fw_run *run)
{
	double *x = malloc(run->reps * sizeof(double) + 1);
	size_t i;
	uint64_t r;
	int t;

	if (x == NULL)
		return FW_ENOMEM;
	for (i = 0; i < cal->ntarget; i++) {
		fw_cal_target *g = &cal->tgt[i];
		double abs_error = 0;
		for (t = 0; t < cal->months; t++) {
			fw_band *b = &g->band[t];
			for (r = 0; r < run->reps; r++)
				x[r] = fwi_run_kept(run, r, 0, i)[t];
			b->mean = mean_at(run, i, t);
			fwi_sort(x, run->reps);
			b->p5 = fwi_quantile_sorted(x, run->reps, 0.05);
			b->p50 = fwi_quantile_sorted(x, run->reps, 0.50);
			b->p95 = fwi_quantile_sorted(x, run->reps, 0.95);
			if (!isnan(g->observed[t]))
				abs_error += fabs(b->mean - g->observed[t]);
		}
		g->error = abs_error / (double)g->nobs / g->scale;
	}
	free(x);
	return FW_OK;
}

/* What an evaluation keeps besides F: the standardised means of the
 * observed figures, every replication's standardised figures, the
 * targets' bands. */
typedef struct keeping {
	double *means;		/* [nobs], or NULL */
	double *paths;		/* [reps][nobs], or NULL */
	int bands;
} keeping;

/* F of a finished run, and what `keep` asks for. */
static int
measure(fw_calibration *cal, const fw_run *run, const keeping *keep,
    double *f)
{
	size_t o;
	uint64_t r;

	*f = 0;
	for (o = 0; o < cal->nobs; o++) {
		const fw_cal_target *g = &cal->tgt[cal->obs_target[o]];
		int t = cal->obs_month[o];
		double m = standardise(cal, o, mean_at(run, cal->obs_target[o],
		    t));
		double e = m - standardise(cal, o, g->observed[t]);
		*f += e * e;
		if (keep->means != NULL)
			keep->means[o] = m;
		for (r = 0; keep->paths != NULL && r < run->reps; r++)
			keep->paths[r * cal->nobs + o] = standardise(cal, o,
			    fwi_run_kept(run, r, 0, cal->obs_target[o])[t]);
	}
	return keep->bands ? keep_bands(cal, run) : FW_OK;
}

/* Simulates the baseline with the values x (NaN: the scenario's own)
 * and sets *f to the objective, keeping what `keep` asks for. */
static int
evaluate(fw_calibration *cal, const double *x, const keeping *keep,
    double *f, fw_error *err)
{
	fw_run_options opt = { .replications = cal->reps, .months =
	    cal->months, .seed_set = 1, .seed = cal->seed, .threads =
	    cal->threads };
	fw_scenario *sc = NULL;
	fw_run *run = NULL;
	int *series = malloc(2 * cal->ntarget * sizeof(int));
	size_t i, j;
	int rc = FW_OK;

	if (series == NULL || fw_scenario_copy(cal->base, &sc) != FW_OK)
		rc = fwi_nomem(err);
	for (j = 0; rc == FW_OK && j < cal->npar; j++)
		if (!isnan(x[j]))
			rc = fw_scenario_set_number(sc, NULL, cal->par[j].path,
			    x[j], err);
	for (i = 0; rc == FW_OK && i < cal->ntarget; i++) {
		series[i] = cal->tgt[i].series;
		series[cal->ntarget + i] = cal->tgt[i].segment;
	}
	if (rc == FW_OK && (rc = fw_run_alloc(sc, &opt, &run, err)) == FW_OK &&
	    (rc = fwi_run_keep(run, series, series + cal->ntarget,
	    cal->ntarget)) != FW_OK)
		rc = fwi_nomem(err);
	if (rc == FW_OK)
		rc = fw_run_finish(run, err);
	if (rc == FW_OK && measure(cal, run, keep, f) != FW_OK)
		rc = fwi_nomem(err);
	if (rc == FW_OK) {
		cal->evaluations++;
		if (!(*f >= cal->lowest))
			cal->lowest = *f;
	}
	fw_run_free(run);
	fw_scenario_free(sc);
	free(series);
	return rc;
}

void
fwi_cal_list_free(fw_calibration *cal)
{
	size_t j;

	cal->nfree = 0;
	for (j = 0; j < cal->npar; j++)
		if (cal->role[j] == FW_ROLE_FREE)
			cal->free_at[cal->nfree++] = j;
}

/* F at search-scale point z of the free inputs, for the simplex. A
 * failure is kept for the step to report; the simplex then sees NaN and
 * stops. */
static double
simplex_objective(const gsl_vector *z, void *arg)
{
	static const keeping nothing = { NULL, NULL, 0 };
	fw_calibration *cal = arg;
	double f;
	size_t i;

	if (cal->eval_rc != FW_OK)
		return NAN;
	for (i = 0; i < cal->nfree; i++) {
		size_t j = cal->free_at[i];
		cal->x[j] = fwi_cal_from_search(&cal->par[j],
		    gsl_vector_get(z, i));
	}
	cal->eval_rc = evaluate(cal, cal->x, &nothing, &f, &cal->eval_err);
	if (cal->eval_rc != FW_OK)
		return NAN;
	if (f < cal->best_f) {
		cal->best_f = f;
		memcpy(cal->best_x, cal->x, cal->npar * sizeof(double));
	}
	return f;
}

static void
free_simplex(fw_calibration *cal)
{
	gsl_multimin_fminimizer_free(cal->nm);
	gsl_vector_free(cal->z);
	gsl_vector_free(cal->step);
	cal->nm = NULL;
	cal->z = cal->step = NULL;
}

/* Sets up the simplex of the current start (round 0) or of a refit from
 * the best point, evaluating its vertices. */
static int
begin_simplex(fw_calibration *cal)
{
	const size_t k = cal->nfree;
	size_t i;

	cal->nm = gsl_multimin_fminimizer_alloc(
	    gsl_multimin_fminimizer_nmsimplex2, k);
	cal->z = gsl_vector_alloc(k);
	cal->step = gsl_vector_alloc(k);
	if (cal->nm == NULL || cal->z == NULL || cal->step == NULL) {
		free_simplex(cal);
		return fwi_nomem(&cal->eval_err);
	}
	for (i = 0; i < k; i++) {
		size_t j = cal->free_at[i];
		const fw_cal_param *p = &cal->par[j];
		gsl_vector_set(cal->z, i, cal->round == 0 ? fwi_cal_start(p,
		    cal->starts[cal->start * cal->npar + j]) :
		    fwi_cal_to_search(p, cal->best_x[j]));
		gsl_vector_set(cal->step, i, cal->round == 0 ?
		    FW_CAL_FIRST_STEP : FW_CAL_REFIT_STEP);
	}
	cal->fn = (gsl_multimin_function){ simplex_objective, k, cal };
	cal->iterations = cal->stall_at = 0;
	/* GSL knows the simplex's lowest value only after an iteration. */
	cal->stall_f = HUGE_VAL;
	gsl_multimin_fminimizer_set(cal->nm, &cal->fn, cal->z, cal->step);
	return cal->eval_rc;
}

/* Ends the simplex under way; goes to the next start or to the
 * curvature: the best point, then two steps along each free input. */
static void
end_simplex(fw_calibration *cal)
{
	free_simplex(cal);
	if (cal->round == 0 && ++cal->start < cal->nstarts)
		return;
	cal->stage = FW_STAGE_CURVATURE;
	cal->npoints = 1 + 2 * cal->nfree;
	cal->points_done = 0;
	memcpy(cal->hess_at, cal->free_at, cal->nfree * sizeof(size_t));
	cal->nhess = cal->nfree;
}

/* Whether the simplex under way has done its work. */
static int
searched(fw_calibration *cal)
{
	double f = gsl_multimin_fminimizer_minimum(cal->nm);

	if (f < cal->stall_f - cal->wsum * FW_CAL_FLAT * FW_CAL_FLAT) {
		cal->stall_f = f;
		cal->stall_at = cal->iterations;
	}
	return cal->iterations >= FW_CAL_ITERATIONS * cal->nfree ||
	    cal->iterations - cal->stall_at >= FW_CAL_STALL * cal->nfree ||
	    gsl_multimin_test_size(gsl_multimin_fminimizer_size(cal->nm),
	    FW_CAL_TOLERANCE) == GSL_SUCCESS;
}

static int
search_step(fw_calibration *cal)
{
	int status;

	if (cal->nm == NULL)
		return begin_simplex(cal);
	status = gsl_multimin_fminimizer_iterate(cal->nm);
	if (cal->eval_rc != FW_OK)
		return cal->eval_rc;
	cal->iterations++;
	/* A simplex that cannot go on (GSL_ENOPROG) has done its work. */
	if (status != GSL_SUCCESS || searched(cal))
		end_simplex(cal);
	return FW_OK;
}

static int
curvature_step(fw_calibration *cal)
{
	size_t s = cal->points_done, i, j;
	keeping keep = { NULL, NULL, 0 };
	double f;
	int rc;

	memcpy(cal->x, cal->best_x, cal->npar * sizeof(double));
	if (s == 0)
		keep.paths = cal->paths;
	else {
		i = (s - 1) / 2;
		j = cal->hess_at[i];
		cal->x[j] = fwi_cal_from_search(&cal->par[j],
		    fwi_cal_to_search(&cal->par[j], cal->best_x[j]) +
		    (s % 2 ? FW_CAL_STEP : -FW_CAL_STEP));
		keep.means = &cal->sides[(s - 1) * cal->nobs];
	}
	if ((rc = evaluate(cal, cal->x, &keep, &f, &cal->eval_err)) != FW_OK)
		return rc;
	if (++cal->points_done == cal->npoints)
		return fwi_cal_judge(cal);
	return FW_OK;
}

/* F without the inputs just set aside: the same, and the rest are
 * judged again on the same curvature; else they are refitted. */
static int
set_aside_step(fw_calibration *cal)
{
	static const keeping nothing = { NULL, NULL, 0 };
	double f;
	size_t j;
	int rc;

	for (j = 0; j < cal->npar; j++)
		if (cal->role[j] == FW_ROLE_SET_ASIDE)
			cal->best_x[j] = NAN;
	if ((rc = evaluate(cal, cal->best_x, &nothing, &f, &cal->eval_err)) !=
	    FW_OK)
		return rc;
	if (f == cal->best_f)
		return fwi_cal_judge(cal);
	cal->best_f = f;
	cal->round++;
	cal->stage = cal->nfree > 0 ? FW_STAGE_SEARCH : FW_STAGE_FINAL;
	return FW_OK;
}

static int
final_step(fw_calibration *cal)
{
	static const keeping bands = { NULL, NULL, 1 };
	size_t j;
	int rc;

	for (j = 0; j < cal->npar; j++) {
		fw_fit *fit = &cal->fit[j];
		if (cal->role[j] == FW_ROLE_SET_ASIDE) {
			cal->best_x[j] = NAN;
			fit->estimate = cal->par[j].own;
		} else
			fit->estimate = cal->best_x[j];
	}
	if ((rc = evaluate(cal, cal->best_x, &bands, &cal->objective,
	    &cal->eval_err)) != FW_OK)
		return rc;
	cal->stage = FW_STAGE_DONE;
	return FW_OK;
}

int
fw_calibration_step(fw_calibration *cal, fw_error *err)
{
	int rc;

	FWI_NOT_NULL(cal, err);
	rc = cal->eval_rc;
	if (rc == FW_OK)
		switch (cal->stage) {
		case FW_STAGE_SEARCH:
			rc = search_step(cal);
			break;
		case FW_STAGE_CURVATURE:
			rc = curvature_step(cal);
			break;
		case FW_STAGE_SET_ASIDE:
			rc = set_aside_step(cal);
			break;
		case FW_STAGE_FINAL:
			rc = final_step(cal);
			break;
		default:
			break;
		}
	if (rc != FW_OK) {
		cal->eval_rc = rc;
		free_simplex(cal);
		cal->stage = FW_STAGE_DONE;
		if (err != NULL)
			*err = cal->eval_err;
	}
	return rc;
}

/* Lists the observed figures in target and month order. */
static void
list_figures(fw_calibration *cal)
{
	size_t i, o = 0;
	int t;

	for (i = 0; i < cal->ntarget; i++)
		for (t = 0; t < cal->months; t++)
			if (!isnan(cal->tgt[i].observed[t])) {
				cal->obs_target[o] = i;
				cal->obs_month[o++] = t;
			}
}

int
fwi_cal_begin(fw_calibration *cal, fw_error *err)
{
	const size_t k = cal->npar, n = cal->nobs;
	size_t j;

	cal->threads = 0;
	cal->objective = NAN;
	cal->lowest = NAN;
	cal->best_f = HUGE_VAL;
	cal->starts = malloc(cal->nstarts * k * sizeof(double));
	cal->role = calloc(k, sizeof(*cal->role));
	cal->x = malloc(k * sizeof(double));
	cal->best_x = malloc(k * sizeof(double));
	cal->free_at = malloc(k * sizeof(size_t));
	cal->hess_at = malloc(k * sizeof(size_t));
	cal->fit = calloc(k, sizeof(fw_fit));
	cal->obs_target = malloc(n * sizeof(size_t));
	cal->obs_month = malloc(n * sizeof(int));
	cal->paths = malloc(cal->reps * n * sizeof(double));
	cal->sides = malloc(2 * k * n * sizeof(double));
	if (cal->starts == NULL || cal->role == NULL || cal->x == NULL ||
	    cal->best_x == NULL || cal->free_at == NULL ||
	    cal->hess_at == NULL || cal->fit == NULL ||
	    cal->obs_target == NULL || cal->obs_month == NULL ||
	    cal->paths == NULL || cal->sides == NULL)
		return fwi_nomem(err);
	for (j = 0; j < cal->ntarget; j++)
		if ((cal->tgt[j].band = calloc((size_t)cal->months,
		    sizeof(fw_band))) == NULL)
			return fwi_nomem(err);
	list_figures(cal);
	for (j = 0; j < cal->ntarget; j++)
		cal->wsum += cal->tgt[j].weight * (double)cal->tgt[j].nobs;
	fwi_lhs_stream(cal->seed, FW_P_STARTS, cal->nstarts, k, cal->starts);
	for (j = 0; j < k; j++) {
		cal->fit[j] = (fw_fit){ .status = FW_FIT_IDENTIFIED, .estimate =
		    NAN, .lo95 = NAN, .hi95 = NAN, .partner = -1 };
		cal->x[j] = cal->best_x[j] = NAN;
	}
	fwi_cal_list_free(cal);
	cal->stage = FW_STAGE_SEARCH;
	return FW_OK;
}

void
fwi_cal_end(fw_calibration *cal)
{
	free_simplex(cal);
	free(cal->starts);
	free(cal->role);
	free(cal->x);
	free(cal->best_x);
	free(cal->free_at);
	free(cal->hess_at);
	free(cal->fit);
	free(cal->obs_target);
	free(cal->obs_month);
	free(cal->paths);
	free(cal->sides);
}

void
fw_calibration_set_threads(fw_calibration *cal, int threads)
{
	if (cal != NULL)
		cal->threads = threads > 0 ? threads : 0;
}

int
fw_calibration_done(const fw_calibration *cal)
{
	return cal != NULL && cal->stage == FW_STAGE_DONE;
}

void
fw_calibration_get_progress(const fw_calibration *cal,
    fw_calibration_progress *out)
{
	if (cal == NULL || out == NULL)
		return;
	out->evaluations = cal->evaluations;
	out->lowest = cal->lowest;
	out->stage = stage_names[cal->stage];
	out->start = cal->stage == FW_STAGE_SEARCH && cal->round == 0 ?
	    cal->start + 1 : 0;
}

/* Whether the fit finished without an error. */
static int
finished(const fw_calibration *cal)
{
	return cal != NULL && cal->stage == FW_STAGE_DONE &&
	    cal->eval_rc == FW_OK;
}

int
fw_calibration_fit(const fw_calibration *cal, size_t j, fw_fit *out)
{
	if (out == NULL || !finished(cal) || j >= cal->npar)
		return FW_EINVALID;
	*out = cal->fit[j];
	return FW_OK;
}

double
fw_calibration_objective(const fw_calibration *cal)
{
	return finished(cal) ? cal->objective : NAN;
}

int
fw_calibration_month(const fw_calibration *cal, size_t i, int month,
    double *observed, fw_band *simulated)
{
	if (observed == NULL || simulated == NULL || !finished(cal) ||
	    i >= cal->ntarget || month < 1 || month > cal->months)
		return FW_EINVALID;
	*observed = cal->tgt[i].observed[month - 1];
	*simulated = cal->tgt[i].band[month - 1];
	return FW_OK;
}

double
fw_calibration_target_error(const fw_calibration *cal, size_t i)
{
	return finished(cal) && i < cal->ntarget ? cal->tgt[i].error : NAN;
}

int
fw_calibration_fitted(const fw_calibration *cal, fw_scenario **out,
    fw_error *err)
{
	size_t j;
	int rc;

	FWI_NOT_NULL(out, err);
	*out = NULL;
	FWI_NOT_NULL(cal, err);
	if (!finished(cal)) {
		fw_error_set(err, FW_EINVALID, cal->file, 0, 0, "", "the fit "
		    "is not finished");
		return FW_EINVALID;
	}
	if (fw_scenario_copy(cal->sc, out) != FW_OK)
		return fwi_nomem(err);
	for (j = 0, rc = FW_OK; rc == FW_OK && j < cal->npar; j++)
		if (cal->role[j] != FW_ROLE_SET_ASIDE)
			rc = fw_scenario_set_number(*out, NULL,
			    cal->par[j].path, cal->fit[j].estimate, err);
	if (rc != FW_OK) {
		fw_scenario_free(*out);
		*out = NULL;
	}
	return rc;
}
