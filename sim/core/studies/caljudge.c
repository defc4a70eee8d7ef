/* caljudge.c - what the data say of each input, from the curvature of the
 * objective at the best point: held at an end of its range, set aside
 * (the data cannot pin it down), or an estimate with its 95% interval.
 * SPDX-License-Identifier: MIT
 *
 * J holds, for each observed figure and free input, the change of the
 * standardised simulated mean sqrt(w_i) m / c_i per unit of the input's
 * search scale, from central differences a step FW_CAL_STEP either side
 * of the best point. With e the standardised errors sqrt(w_i) (m - y) /
 * c_i, F = e'e, and A = J'J is the curvature of F at its minimum (half
 * its Gauss-Newton Hessian) on the search scale.
 *
 * In this order:
 *   1. an estimate within FW_CAL_END of an end of its range (as a share
 *      of the range) is held there, not judged further;
 *   2. a direction v of A is flat when v'Av < W g^2 (W the sum of w_i
 *      n_i): a unit step along it moves the fitted series by less than
 *      g = FW_CAL_FLAT of their level, root-mean-square. The input that
 *      makes up most of each flat direction is set aside; another making
 *      up at least FW_CAL_PARTNER of it is named as the one it trades
 *      against;
 *   3. otherwise each input gets its interval, and one whose interval
 *      would be wider than FW_CAL_WEAK either side on the search scale
 *      is set aside.
 *
 * Intervals. The observed months of one market move together (a lucky
 * early year lifts every later one), so their noise is taken to be that
 * of one replication of the model: S, the covariance across replications
 * of the standardised series at the best point, times 1 + 1/R for the
 * simulation's own error in the mean of R replications. The estimates'
 * covariance is the sandwich A^-1 (J'SJ) A^-1, scaled up by phi =
 * F / (tr(S) (n - k) / n) when the errors are larger than that noise
 * explains (n figures, k inputs fitted). The 95% interval is z +- t sd
 * on the search scale, t the 97.5% point of Student's t with R - 1
 * degrees of freedom (S is estimated from R replications; n - k when
 * fewer and phi > 1), mapped back to the input's own scale, so it never
 * leaves the range.
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_blas.h>
#include <gsl/gsl_eigen.h>

#include "calibration.h"
#include "error.h"
#include "quantile.h"

#define FW_CAL_END 1e-3
#define FW_CAL_PARTNER 0.25
#define FW_CAL_WEAK 3.0
/* A bound within this share of the range of its end is at the edge. */
#define FW_CAL_EDGE 0.01

/* Holds at its estimate each free input that lies at an end of its
 * range: holding it there changes no evaluation, so the rest are judged
 * on the same curvature. */
static void
hold_ends(fw_calibration *cal)
{
	size_t i;

	for (i = 0; i < cal->nfree; i++) {
		size_t j = cal->free_at[i];
		const fw_cal_param *p = &cal->par[j];
		double place = fwi_cal_place(p, cal->best_x[j]);
		int low = place < FW_CAL_END;
		int high = p->scale == FW_SCALE_LOGIT && place > 1 - FW_CAL_END;
		if (!low && !high)
			continue;
		cal->role[j] = FW_ROLE_AT_END;
		cal->fit[j].status = low ? FW_FIT_AT_LOW_END :
		    FW_FIT_AT_HIGH_END;
	}
	fwi_cal_list_free(cal);
}

/* J's columns of the free inputs (nobs x nfree). */
static void
slopes(const fw_calibration *cal, gsl_matrix *J)
{
	size_t a, i = 0, o;

	for (a = 0; a < cal->nhess; a++) {
		const double *up = &cal->sides[(2 * a + 1) * cal->nobs];
		const double *down = &cal->sides[2 * a * cal->nobs];
		if (cal->role[cal->hess_at[a]] != FW_ROLE_FREE)
			continue;
		for (o = 0; o < cal->nobs; o++)
			gsl_matrix_set(J, o, i, (up[o] - down[o]) /
			    (2 * FW_CAL_STEP));
		i++;
	}
}

/* Sets aside the input that makes up most of each flat direction;
 * returns how many. */
static size_t
set_aside_flat(fw_calibration *cal, const gsl_vector *eval,
    const gsl_matrix *evec, double flat)
{
	size_t d, i, n = 0;

	for (d = 0; d < cal->nfree; d++) {
		size_t top = 0, partner = 0, j;
		double best = -1, second = -1;
		if (gsl_vector_get(eval, d) >= flat)
			continue;
		for (i = 0; i < cal->nfree; i++) {
			double v = gsl_matrix_get(evec, i, d);
			if (v * v > best) {
				second = best;
				partner = top;
				best = v * v;
				top = i;
			} else if (v * v > second) {
				second = v * v;
				partner = i;
			}
		}
		j = cal->free_at[top];
		if (cal->role[j] != FW_ROLE_FREE)
			continue;
		cal->role[j] = FW_ROLE_SET_ASIDE;
		cal->fit[j].status = FW_FIT_FLAT;
		cal->fit[j].partner = second >= FW_CAL_PARTNER ?
		    (int)cal->free_at[partner] : -1;
		n++;
	}
	return n;
}

/* The noise of the standardised figures as the sandwich sees it: J'SJ
 * into B (nfree x nfree), and tr(S), both with the factor 1 + 1/R. */
static double
noise(const fw_calibration *cal, const gsl_matrix *J, gsl_matrix *B)
{
	const size_t n = cal->nobs, k = cal->nfree;
	const uint64_t R = cal->reps;
	double *mean = calloc(n, sizeof(double)), *u = calloc(k, sizeof(double));
	double trace = 0, scale = (1 + 1.0 / (double)R) / (double)(R - 1);
	size_t o, a, b;
	uint64_t r;

	if (mean == NULL || u == NULL) {
		free(mean);
		free(u);
		return NAN;
	}
	gsl_matrix_set_zero(B);
	for (r = 0; r < R; r++)
		for (o = 0; o < n; o++)
			mean[o] += cal->paths[r * n + o] / (double)R;
	for (r = 0; r < R; r++) {
		const double *p = &cal->paths[r * n];
		for (a = 0; a < k; a++) {
			u[a] = 0;
			for (o = 0; o < n; o++)
				u[a] += gsl_matrix_get(J, o, a) *
				    (p[o] - mean[o]);
		}
		for (a = 0; a < k; a++)
			for (b = 0; b < k; b++)
				*gsl_matrix_ptr(B, a, b) += u[a] * u[b] * scale;
		for (o = 0; o < n; o++)
			trace += (p[o] - mean[o]) * (p[o] - mean[o]) * scale;
	}
	free(mean);
	free(u);
	return trace;
}

/* Each free input's 95% interval from the sandwich covariance (every
 * eigenvalue of A above flat); an input whose interval would say almost
 * nothing is set aside instead. Returns how many were, or -1 when out
 * of memory. */
static long
intervals(fw_calibration *cal, const gsl_matrix *J, const gsl_vector *eval,
    const gsl_matrix *evec)
{
	const size_t k = cal->nfree;
	const double n = (double)cal->nobs;
	const double fitted = (double)(cal->npar - cal->nset_aside);
	gsl_matrix *B = gsl_matrix_alloc(k, k), *Ainv = gsl_matrix_alloc(k, k);
	double trace, phi, dof, t;
	size_t i, a, b, d;
	long aside = 0;

	if (B == NULL || Ainv == NULL || isnan(trace = noise(cal, J, B))) {
		gsl_matrix_free(B);
		gsl_matrix_free(Ainv);
		return -1;
	}
	phi = trace > 0 ? cal->best_f / (trace * (n - fitted) / n) : 1;
	dof = (double)cal->reps - 1;
	if (phi > 1 && n - fitted < dof)
		dof = n - fitted;
	phi = phi > 1 ? phi : 1;
	t = fwi_t_quantile(0.975, dof);
	for (a = 0; a < k; a++)
		for (b = 0; b < k; b++) {
			double sum = 0;
			for (d = 0; d < k; d++)
				sum += gsl_matrix_get(evec, a, d) *
				    gsl_matrix_get(evec, b, d) /
				    gsl_vector_get(eval, d);
			gsl_matrix_set(Ainv, a, b, sum);
		}
	for (i = 0; i < k; i++)
		for (a = 0; a < k; a++) {
			double sum = 0;
			for (b = 0; b < k; b++)
				for (d = 0; d < k; d++)
					sum += gsl_matrix_get(Ainv, i, b) *
					    gsl_matrix_get(B, b, d) *
					    gsl_matrix_get(Ainv, d, a);
			cal->cov[cal->free_at[i] * cal->npar + cal->free_at[a]]
			    = phi * sum;
		}
	for (i = 0; i < k; i++) {
		size_t j = cal->free_at[i];
		const fw_cal_param *p = &cal->par[j];
		fw_fit *fit = &cal->fit[j];
		double var = 0, half, z = fwi_cal_to_search(p, cal->best_x[j]);
		for (a = 0; a < k; a++)
			for (b = 0; b < k; b++)
				var += gsl_matrix_get(Ainv, i, a) *
				    gsl_matrix_get(B, a, b) *
				    gsl_matrix_get(Ainv, b, i);
		half = t * sqrt(phi * var);
		if (!(half <= FW_CAL_WEAK)) {
			for (a = 0; a < cal->npar; a++)
				cal->cov[j * cal->npar + a] =
				    cal->cov[a * cal->npar + j] = NAN;
			cal->role[j] = FW_ROLE_SET_ASIDE;
			fit->status = FW_FIT_WEAK;
			aside++;
			continue;
		}
		fit->status = FW_FIT_IDENTIFIED;
		fit->lo95 = fwi_cal_from_search(p, z - half);
		fit->hi95 = fwi_cal_from_search(p, z + half);
		fit->lo_at_edge = fwi_cal_place(p, fit->lo95) < FW_CAL_EDGE;
		fit->hi_at_edge = p->scale == FW_SCALE_LOGIT &&
		    fwi_cal_place(p, fit->hi95) > 1 - FW_CAL_EDGE;
	}
	gsl_matrix_free(B);
	gsl_matrix_free(Ainv);
	return aside;
}

int
fwi_cal_judge(fw_calibration *cal)
{
	gsl_matrix *J, *A, *evec;
	gsl_vector *eval;
	gsl_eigen_symmv_workspace *ws;
	size_t i;
	long aside = 0;

	/* What an earlier round said of these inputs no longer holds. */
	if (cal->cov == NULL && (cal->cov = malloc(cal->npar * cal->npar *
	    sizeof(double) + 1)) == NULL)
		return fwi_nomem(&cal->eval_err);
	for (i = 0; i < cal->npar * cal->npar; i++)
		cal->cov[i] = NAN;
	for (i = 0; i < cal->nfree; i++) {
		fw_fit *fit = &cal->fit[cal->free_at[i]];
		fit->lo95 = fit->hi95 = NAN;
		fit->lo_at_edge = fit->hi_at_edge = 0;
	}
	hold_ends(cal);
	cal->stage = FW_STAGE_FINAL;
	if (cal->nfree == 0)
		return FW_OK;
	J = gsl_matrix_alloc(cal->nobs, cal->nfree);
	A = gsl_matrix_alloc(cal->nfree, cal->nfree);
	evec = gsl_matrix_alloc(cal->nfree, cal->nfree);
	eval = gsl_vector_alloc(cal->nfree);
	ws = gsl_eigen_symmv_alloc(cal->nfree);
	if (J == NULL || A == NULL || evec == NULL || eval == NULL ||
	    ws == NULL)
		aside = -1;
	else {
		slopes(cal, J);
		gsl_blas_dgemm(CblasTrans, CblasNoTrans, 1, J, J, 0, A);
		gsl_eigen_symmv(A, eval, evec, ws);
		aside = (long)set_aside_flat(cal, eval, evec,
		    cal->wsum * FW_CAL_FLAT * FW_CAL_FLAT);
		if (aside == 0)
			aside = intervals(cal, J, eval, evec);
	}
	gsl_matrix_free(J);
	gsl_matrix_free(A);
	gsl_matrix_free(evec);
	gsl_vector_free(eval);
	gsl_eigen_symmv_free(ws);
	if (aside < 0)
		return fwi_nomem(&cal->eval_err);
	cal->nset_aside += (size_t)aside;
	fwi_cal_list_free(cal);
	if (aside > 0)
		cal->stage = FW_STAGE_SET_ASIDE;
	return FW_OK;
}
