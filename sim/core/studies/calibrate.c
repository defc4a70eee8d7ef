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
#ifdef _OPENMP
#include <omp.h>
#endif

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
/* The iterations each search goes on by in a step: the searches of a step
 * run side by side and the step ends when the last is done. */
#define FW_CAL_CHUNK 8

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

/* Whether space's run can take the values x by a restart: it was built
 * with the same inputs set, and every fitted input is real-valued (a
 * count could size its workspaces). */
static int
reusable(const fw_calibration *cal, const fw_cal_space *space,
    const double *x)
{
	size_t j;

	if (space->run == NULL)
		return 0;
	for (j = 0; j < cal->npar; j++)
		if (cal->par[j].key->type != FW_TYPE_REAL ||
		    space->set[j] != !isnan(x[j]))
			return 0;
	return 1;
}

/* Builds space's scenario at the values x and a run of it on `threads`
 * threads that keeps the targets' series. */
static int
build_space(fw_calibration *cal, fw_cal_space *space, int threads,
    const double *x, fw_error *err)
{
	fw_run_options opt = { .replications = cal->reps, .months =
	    cal->months, .seed_set = 1, .seed = cal->seed, .threads =
	    threads };
	int *series = malloc(2 * cal->ntarget * sizeof(int));
	size_t i, j;
	int rc = FW_OK;

	fw_run_free(space->run);
	fw_scenario_free(space->sc);
	space->run = NULL;
	space->sc = NULL;
	if (series == NULL || fw_scenario_copy(cal->base, &space->sc) != FW_OK)
		rc = fwi_nomem(err);
	for (j = 0; rc == FW_OK && j < cal->npar; j++) {
		space->set[j] = !isnan(x[j]);
		if (space->set[j])
			rc = fw_scenario_set_number(space->sc, NULL,
			    cal->par[j].path, x[j], err);
	}
	for (i = 0; rc == FW_OK && i < cal->ntarget; i++) {
		series[i] = cal->tgt[i].series;
		series[cal->ntarget + i] = cal->tgt[i].segment;
	}
	if (rc == FW_OK && (rc = fw_run_alloc(space->sc, &opt, &space->run,
	    err)) == FW_OK && (rc = fwi_run_keep(space->run, series, series +
	    cal->ntarget, cal->ntarget)) != FW_OK)
		rc = fwi_nomem(err);
	free(series);
	return rc;
}

/* Simulates the baseline with the values x (NaN: the scenario's own)
 * in space's run, on `threads` threads, and sets *f to the objective,
 * keeping what `keep` asks for. Writes nothing of cal's unless keep asks
 * for bands. The run of the last evaluation is restarted with the new
 * values when it can be (the same results as a fresh one, bit for bit),
 * else built anew. */
static int
evaluate(fw_calibration *cal, fw_cal_space *space, int threads,
    const double *x, const keeping *keep, double *f, fw_error *err)
{
	size_t j;
	int rc = FW_OK;

	if (reusable(cal, space, x)) {
		for (j = 0; rc == FW_OK && j < cal->npar; j++)
			if (!isnan(x[j]))
				rc = fwi_config_set_number(&space->sc->config[0],
				    cal->par[j].path, x[j], err);
		if (rc == FW_OK)
			fwi_run_restart(space->run);
	} else
		rc = build_space(cal, space, threads, x, err);
	if (rc == FW_OK)
		rc = fw_run_finish(space->run, err);
	if (rc == FW_OK && measure(cal, space->run, keep, f) != FW_OK)
		rc = fwi_nomem(err);
	if (rc != FW_OK) {
		/* a failed run or a value refused: build afresh next time */
		fw_run_free(space->run);
		space->run = NULL;
	}
	return rc;
}

/* Frees the evaluations' runs. */
static void
free_spaces(fw_calibration *cal)
{
	size_t i;

	for (i = 0; i < cal->nspace; i++) {
		fw_run_free(cal->space[i].run);
		fw_scenario_free(cal->space[i].sc);
		free(cal->space[i].set);
	}
	free(cal->space);
	cal->space = NULL;
	cal->nspace = 0;
}

/* The threads a fit may use. */
static int
fit_threads(const fw_calibration *cal)
{
#ifdef _OPENMP
	return cal->threads > 0 ? cal->threads : omp_get_max_threads();
#else
	return 1;
#endif
}

/* Makes the evaluations' runs' places for the fit's threads, once (again
 * if the threads changed). */
static int
ready_spaces(fw_calibration *cal)
{
	const int threads = fit_threads(cal);
	size_t i;

	if (cal->space != NULL && cal->space_threads == threads)
		return FW_OK;
	free_spaces(cal);
	if ((cal->space = calloc(1 + (size_t)threads,
	    sizeof(fw_cal_space))) == NULL)
		return fwi_nomem(&cal->eval_err);
	cal->nspace = 1 + (size_t)threads;
	cal->space_threads = threads;
	for (i = 0; i < cal->nspace; i++)
		if ((cal->space[i].set = calloc(cal->npar + 1, 1)) == NULL)
			return fwi_nomem(&cal->eval_err);
	return FW_OK;
}

/* The run for an evaluation on `threads` threads: the calling thread's
 * own when the searches go side by side (one thread each), else the
 * one on all the fit's threads. */
static fw_cal_space *
space_for(fw_calibration *cal, int threads)
{
	size_t t = 0;

#ifdef _OPENMP
	t = (size_t)omp_get_thread_num();
#endif
	return threads == 1 && cal->space_threads > 1 ? &cal->space[1 + t] :
	    &cal->space[0];
}

/* Counts n evaluations whose lowest F was f. */
static void
counted(fw_calibration *cal, size_t n, double f)
{
	cal->evaluations += n;
	if (n > 0 && !(f >= cal->lowest))
		cal->lowest = f;
}

/* An evaluation of the fit's own stages, on all its threads. */
static int
evaluate_here(fw_calibration *cal, const double *x, const keeping *keep,
    double *f)
{
	int rc = ready_spaces(cal);

	if (rc == FW_OK)
		rc = evaluate(cal, space_for(cal, cal->threads), cal->threads,
		    x, keep, f, &cal->eval_err);
	if (rc == FW_OK)
		counted(cal, 1, *f);
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

/* F at search-scale point z of the free inputs, for the simplex of
 * search s. A failure is kept for the step to report; the simplex then
 * sees NaN and stops. */
static double
simplex_objective(const gsl_vector *z, void *arg)
{
	static const keeping nothing = { NULL, NULL, 0 };
	fw_cal_search *s = arg;
	fw_calibration *cal = s->cal;
	double f;
	size_t i;

	if (s->eval_rc != FW_OK)
		return NAN;
	for (i = 0; i < cal->nfree; i++) {
		size_t j = cal->free_at[i];
		s->x[j] = fwi_cal_from_search(&cal->par[j],
		    gsl_vector_get(z, i));
	}
	/* with no keeping, evaluate writes nothing of the calibration's */
	s->eval_rc = evaluate(cal, space_for(cal, s->threads), s->threads,
	    s->x, &nothing, &f, &s->eval_err);
	if (s->eval_rc != FW_OK)
		return NAN;
	s->evaluations++;
	if (!(f >= s->lowest))
		s->lowest = f;
	if (f < s->best_f) {
		s->best_f = f;
		memcpy(s->best_x, s->x, cal->npar * sizeof(double));
	}
	return f;
}

static void
free_simplex(fw_cal_search *s)
{
	gsl_multimin_fminimizer_free(s->nm);
	gsl_vector_free(s->z);
	gsl_vector_free(s->step);
	s->nm = NULL;
	s->z = s->step = NULL;
}

/* Sets up the simplex of search s: from starting point `start` in round
 * 0, else from the best point; evaluates its vertices. */
static int
begin_simplex(fw_cal_search *s, size_t start)
{
	const fw_calibration *cal = s->cal;
	const size_t k = cal->nfree;
	size_t i;

	s->nm = gsl_multimin_fminimizer_alloc(
	    gsl_multimin_fminimizer_nmsimplex2, k);
	s->z = gsl_vector_alloc(k);
	s->step = gsl_vector_alloc(k);
	if (s->nm == NULL || s->z == NULL || s->step == NULL) {
		free_simplex(s);
		return s->eval_rc = fwi_nomem(&s->eval_err);
	}
	for (i = 0; i < k; i++) {
		size_t j = cal->free_at[i];
		const fw_cal_param *p = &cal->par[j];
		gsl_vector_set(s->z, i, cal->round == 0 ? fwi_cal_start(p,
		    cal->starts[start * cal->npar + j]) :
		    fwi_cal_to_search(p, cal->best_x[j]));
		gsl_vector_set(s->step, i, cal->round == 0 ?
		    FW_CAL_FIRST_STEP : FW_CAL_REFIT_STEP);
	}
	s->fn = (gsl_multimin_function){ simplex_objective, k, s };
	s->iterations = s->stall_at = 0;
	/* GSL knows the simplex's lowest value only after an iteration. */
	s->stall_f = HUGE_VAL;
	gsl_multimin_fminimizer_set(s->nm, &s->fn, s->z, s->step);
	return s->eval_rc;
}

/* Whether the simplex of search s has done its work. */
static int
searched(fw_cal_search *s)
{
	const fw_calibration *cal = s->cal;
	double f = gsl_multimin_fminimizer_minimum(s->nm);

	if (f < s->stall_f - cal->wsum * FW_CAL_FLAT * FW_CAL_FLAT) {
		s->stall_f = f;
		s->stall_at = s->iterations;
	}
	return s->iterations >= FW_CAL_ITERATIONS * cal->nfree ||
	    s->iterations - s->stall_at >= FW_CAL_STALL * cal->nfree ||
	    gsl_multimin_test_size(gsl_multimin_fminimizer_size(s->nm),
	    FW_CAL_TOLERANCE) == GSL_SUCCESS;
}

/* Takes search s (of starting point `start`) up to `n` iterations further,
 * or to its end; its simplex is set up first if it has none. */
static void
search_on(fw_cal_search *s, size_t start, size_t n)
{
	size_t i;
	int status;

	if (s->nm == NULL && begin_simplex(s, start) != FW_OK)
		return;
	for (i = 0; i < n && !s->done; i++) {
		status = gsl_multimin_fminimizer_iterate(s->nm);
		if (s->eval_rc != FW_OK)
			return;
		s->iterations++;
		/* A simplex that cannot go on (GSL_ENOPROG) has done its
		 * work. */
		s->done = status != GSL_SUCCESS || searched(s);
	}
	if (s->done)
		free_simplex(s);
}

static void
free_searches(fw_calibration *cal)
{
	size_t i;

	for (i = 0; i < cal->nsearch; i++) {
		free_simplex(&cal->search[i]);
		free(cal->search[i].x);
		free(cal->search[i].best_x);
	}
	free(cal->search);
	cal->search = NULL;
	cal->nsearch = 0;
}

/* The searches of this round: one per starting point in round 0, else
 * one from the best point. */
static int
begin_searches(fw_calibration *cal)
{
	const size_t n = cal->round == 0 ? cal->nstarts : 1;
	size_t i;

	if ((cal->search = calloc(n, sizeof(fw_cal_search))) == NULL)
		return fwi_nomem(&cal->eval_err);
	cal->nsearch = n;
	for (i = 0; i < n; i++) {
		fw_cal_search *s = &cal->search[i];
		s->cal = cal;
		s->best_f = cal->best_f;
		s->lowest = NAN;
		s->x = malloc(cal->npar * sizeof(double));
		s->best_x = malloc(cal->npar * sizeof(double));
		if (s->x == NULL || s->best_x == NULL)
			return fwi_nomem(&cal->eval_err);
		memcpy(s->x, cal->x, cal->npar * sizeof(double));
		memcpy(s->best_x, cal->best_x, cal->npar * sizeof(double));
	}
	cal->start = 0;
	return FW_OK;
}

/* The round's searches, in start order, into the fit: the first best
 * point wins, as if they had run one after another. */
static void
merge_searches(fw_calibration *cal)
{
	size_t i;

	for (i = 0; i < cal->nsearch; i++) {
		const fw_cal_search *s = &cal->search[i];
		if (s->best_f < cal->best_f) {
			cal->best_f = s->best_f;
			memcpy(cal->best_x, s->best_x, cal->npar *
			    sizeof(double));
		}
	}
}

/* Goes on to the curvature: the best point, then two steps along each
 * free input. */
static void
begin_curvature(fw_calibration *cal)
{
	cal->stage = FW_STAGE_CURVATURE;
	cal->npoints = 1 + 2 * cal->nfree;
	cal->points_done = 0;
	memcpy(cal->hess_at, cal->free_at, cal->nfree * sizeof(size_t));
	cal->nhess = cal->nfree;
}

/* Takes searches order[0 .. n - 1] FW_CAL_CHUNK iterations further:
 * side by side, each run on one thread, when there are threads to share
 * them; else one after another, each run on all the threads. */
static void
search_group(fw_calibration *cal, const size_t *order, size_t n,
    int side_by_side)
{
	long long i;

#pragma omp parallel for schedule(dynamic, 1) num_threads(fit_threads(cal)) \
    if (side_by_side)
	for (i = 0; i < (long long)n; i++) {
		fw_cal_search *s = &cal->search[order[i]];
		s->threads = side_by_side ? 1 : cal->threads;
		search_on(s, order[i], FW_CAL_CHUNK);
	}
}

/* Takes every search of the round under way FW_CAL_CHUNK iterations
 * further: as many as fill the threads whole side by side, the rest
 * after them one at a time on all the threads, so that no thread idles
 * while another works through an odd search. Each search's course
 * depends on its own evaluations alone, and a run's results not on its
 * threads, so the fit is the same for any number of threads. The first
 * failure in start order is the one reported. */
static int
search_step(fw_calibration *cal)
{
	const size_t threads = (size_t)fit_threads(cal);
	size_t *order, n = 0, whole, k;
	int rc;

	if ((rc = ready_spaces(cal)) != FW_OK || (cal->search == NULL &&
	    (rc = begin_searches(cal)) != FW_OK))
		return rc;
	if ((order = malloc(cal->nsearch * sizeof(size_t))) == NULL)
		return fwi_nomem(&cal->eval_err);
	for (k = 0; k < cal->nsearch; k++)
		if (!cal->search[k].done)
			order[n++] = k;
	whole = threads > 1 ? n / threads * threads : 0;
	search_group(cal, order, whole, 1);
	search_group(cal, order + whole, n - whole, 0);
	free(order);
	for (k = 0; k < cal->nsearch; k++) {
		fw_cal_search *s = &cal->search[k];
		counted(cal, s->evaluations - s->counted, s->lowest);
		s->counted = s->evaluations;
	}
	for (k = 0; k < cal->nsearch; k++)
		if (cal->search[k].eval_rc != FW_OK) {
			cal->eval_err = cal->search[k].eval_err;
			return cal->search[k].eval_rc;
		}
	for (k = 0; k < cal->nsearch && cal->search[k].done; k++)
		;
	cal->start = k;
	if (k < cal->nsearch)
		return FW_OK;
	merge_searches(cal);
	free_searches(cal);
	begin_curvature(cal);
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
	if ((rc = evaluate_here(cal, cal->x, &keep, &f)) != FW_OK)
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
	if ((rc = evaluate_here(cal, cal->best_x, &nothing, &f)) != FW_OK)
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
	if ((rc = evaluate_here(cal, cal->best_x, &bands, &cal->objective)) !=
	    FW_OK)
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
		free_searches(cal);
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
	free_searches(cal);
	free_spaces(cal);
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

int
fw_calibration_set_threads(fw_calibration *cal, int threads)
{
	if (cal == NULL || threads < 0 || threads > FW_MAX_THREADS)
		return FW_EINVALID;
	cal->threads = threads;
	return FW_OK;
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
