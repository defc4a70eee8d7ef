/* voi.c - the value of information (MODEL.md §7b): what it would be
 * worth to know the uncertain inputs before choosing among the options.
 *
 * g_d(theta) = E[gain_d | theta] is estimated by regressing each option's
 * paired gains on the inputs (Strong, Oakley & Brennan 2014): market
 * randomness is the regression's noise, so it is never counted as
 * learnable. The regression is a Gaussian process on the inputs' ranks
 * (scaled to (0, 1)) with a squared-exponential kernel, one length scale
 * per input, in its subset-of-regressors form: m centres, so that a fit
 * costs O(n m^2) instead of O(n^3). With one input the centres are a
 * grid and the process is a smoother of that input, the part a
 * generalised additive model plays in the paper. The length scales and
 * the noise-to-signal ratio maximise the marginal likelihood (the noise
 * variance profiled out) on at most FIT_ROWS replications, by
 * Nelder-Mead on their logarithms; the fit then uses every replication.
 *
 * Standard errors add two parts: the regression's, from SAMPLES draws of
 * the fitted functions from their posterior (the paper's method), and the
 * outer Monte Carlo error of averaging over the replications' inputs.
 * SPDX-License-Identifier: MIT */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_blas.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_linalg.h>
#include <gsl/gsl_multimin.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>

#include "flywheel.h"
#include "error.h"

#define FIT_ROWS 400		/* replications the hyperparameters see */
#define SAMPLES 200		/* posterior draws for the standard error */
#define JITTER 1e-6		/* keeps the centres' kernel matrix invertible */

/* One option's regression on the inputs in use. */
typedef struct gp_fit {
	size_t n, d, m;
	double *phi;		/* n x m features: K_nm L^-T */
	double *chol;		/* m x m: L_A, A = phi' phi + lambda I */
	double *ahat;		/* m: posterior mean of the weights */
	double sigma;		/* noise sd, in units of scale */
	double mean, scale;	/* of the gains */
	double *fitted;		/* n: g at each replication */
} gp_fit;

/* The data one fit sees: ranks x (n x d) and centred, scaled gains y. */
typedef struct gp_data {
	size_t n, d, m;
	const double *x, *y;
	const double *c;	/* m x d centres */
	double *phi, *a, *b;	/* scratch: n x m, m x m, m */
} gp_data;

static double
kernel(const double *p, const double *q, const double *inv_ell, size_t d)
{
	double s = 0;
	size_t j;

	for (j = 0; j < d; j++) {
		double t = (p[j] - q[j]) * inv_ell[j];
		s += t * t;
	}
	return exp(-0.5 * s);
}

/* phi = K_nm L^-T with L L' = K_mm + JITTER I. */
static int
features(const gp_data *g, const double *ell, double *phi, size_t n,
    const double *x)
{
	double inv[64], *kmm = malloc(g->m * g->m * sizeof(double));
	gsl_matrix_view K, P;
	size_t i, j;
	int status;

	if (kmm == NULL)
		return GSL_ENOMEM;
	for (j = 0; j < g->d; j++)
		inv[j] = 1 / ell[j];
	for (i = 0; i < g->m; i++)
		for (j = 0; j < g->m; j++)
			kmm[i * g->m + j] = kernel(&g->c[i * g->d],
			    &g->c[j * g->d], inv, g->d) + (i == j ? JITTER : 0);
	for (i = 0; i < n; i++)
		for (j = 0; j < g->m; j++)
			phi[i * g->m + j] = kernel(&x[i * g->d], &g->c[j * g->d],
			    inv, g->d);
	K = gsl_matrix_view_array(kmm, g->m, g->m);
	P = gsl_matrix_view_array(phi, n, g->m);
	status = gsl_linalg_cholesky_decomp1(&K.matrix);
	if (status == GSL_SUCCESS)
		status = gsl_blas_dtrsm(CblasRight, CblasLower, CblasTrans,
		    CblasNonUnit, 1.0, &K.matrix, &P.matrix);
	free(kmm);
	return status;
}

/* With features phi (n x m) and ratio lambda = noise / signal variance:
 * A = phi' phi + lambda I factored into a, ahat = A^-1 phi' y into b,
 * the profiled noise variance into *s2; returns -2 log likelihood
 * (less constants), or HUGE_VAL when A is not positive definite. */
static double
posterior(const double *phi, const double *y, size_t n, size_t m,
    double lambda, double *a, double *b, double *s2)
{
	gsl_matrix_const_view P = gsl_matrix_const_view_array(phi, n, m);
	gsl_matrix_view A = gsl_matrix_view_array(a, m, m);
	gsl_vector_const_view Y = gsl_vector_const_view_array(y, n);
	gsl_vector_view B = gsl_vector_view_array(b, m);
	double yy = 0, logdet = 0;
	size_t i;

	gsl_blas_dsyrk(CblasLower, CblasTrans, 1.0, &P.matrix, 0.0, &A.matrix);
	for (i = 0; i < m; i++)
		a[i * m + i] += lambda;
	gsl_blas_dgemv(CblasTrans, 1.0, &P.matrix, &Y.vector, 0.0, &B.vector);
	for (i = 0; i < n; i++)
		yy += y[i] * y[i];
	if (gsl_linalg_cholesky_decomp1(&A.matrix) != GSL_SUCCESS)
		return HUGE_VAL;
	for (i = 0; i < m; i++)
		logdet += 2 * log(a[i * m + i]);
	/* b becomes A^-1 phi' y; y' C^-1 y = (y'y - (phi'y)' A^-1 phi'y) /
	 * sigma^2 */
	{
		double *t = malloc(m * sizeof(double)), q = 0;
		if (t == NULL)
			return HUGE_VAL;
		memcpy(t, b, m * sizeof(double));
		gsl_linalg_cholesky_svx(&A.matrix, &B.vector);
		for (i = 0; i < m; i++)
			q += t[i] * b[i];
		free(t);
		*s2 = (yy - q) / (double)n;
	}
	if (!(*s2 > 0))
		*s2 = 1e-12;
	return (double)n * log(*s2) - (double)m * log(lambda) + logdet;
}

/* Nelder-Mead's objective: params are log length scales, then log
 * lambda. */
static double
objective(const gsl_vector *v, void *arg)
{
	gp_data *g = arg;
	double ell[64], lambda, s2;
	size_t j;

	for (j = 0; j < g->d; j++) {
		double t = gsl_vector_get(v, j);
		if (t < log(0.01) || t > log(100))
			return HUGE_VAL;
		ell[j] = exp(t);
	}
	lambda = exp(gsl_vector_get(v, g->d));
	if (!(lambda > 1e-8 && lambda < 1e8))
		return HUGE_VAL;
	if (features(g, ell, g->phi, g->n, g->x) != GSL_SUCCESS)
		return HUGE_VAL;
	return posterior(g->phi, g->y, g->n, g->m, lambda, g->a, g->b, &s2);
}

/* Length scales and lambda that maximise the likelihood on data g. */
static int
tune(gp_data *g, double *ell, double *lambda)
{
	const gsl_multimin_fminimizer_type *T =
	    gsl_multimin_fminimizer_nmsimplex2;
	gsl_multimin_fminimizer *s = gsl_multimin_fminimizer_alloc(T,
	    g->d + 1);
	gsl_vector *x = gsl_vector_alloc(g->d + 1);
	gsl_vector *step = gsl_vector_alloc(g->d + 1);
	gsl_multimin_function f = { objective, g->d + 1, g };
	size_t j, iter, max_iter = 60 + 40 * (g->d + 1);
	int rc = FW_OK;

	if (s == NULL || x == NULL || step == NULL) {
		rc = FW_ENOMEM;
		goto done;
	}
	for (j = 0; j < g->d; j++)
		gsl_vector_set(x, j, log(0.5));
	gsl_vector_set(x, g->d, log(1.0));
	gsl_vector_set_all(step, 1.0);
	gsl_multimin_fminimizer_set(s, &f, x, step);
	for (iter = 0; iter < max_iter; iter++) {
		if (gsl_multimin_fminimizer_iterate(s) != GSL_SUCCESS)
			break;
		if (gsl_multimin_test_size(gsl_multimin_fminimizer_size(s),
		    1e-3) == GSL_SUCCESS)
			break;
	}
	for (j = 0; j < g->d; j++)
		ell[j] = exp(gsl_vector_get(s->x, j));
	*lambda = exp(gsl_vector_get(s->x, g->d));
done:
	gsl_multimin_fminimizer_free(s);
	gsl_vector_free(x);
	gsl_vector_free(step);
	return rc;
}

static int
by_value(const void *a, const void *b)
{
	const double *x = *(const double *const *)a;
	const double *y = *(const double *const *)b;

	return (*x > *y) - (*x < *y);
}

/* x[r d + j] = rank of input use[j] in replication r, scaled to (0, 1);
 * ties share their mean rank. */
static int
ranks(const double *theta, size_t n, size_t ninput, const size_t *use,
    size_t d, double *x)
{
	const double **p = malloc(n * sizeof(*p));
	size_t i, j, k;

	if (p == NULL)
		return FW_ENOMEM;
	for (j = 0; j < d; j++) {
		for (i = 0; i < n; i++)
			p[i] = &theta[i * ninput + use[j]];
		qsort(p, n, sizeof(*p), by_value);
		for (i = 0; i < n; i = k) {
			for (k = i + 1; k < n && *p[k] == *p[i]; k++)
				;
			for (; i < k; i++) {
				size_t r = (size_t)(p[i] - theta) / ninput;
				x[r * d + j] = ((double)(i + k - 1) / 2 + 0.5)
				    / (double)n;
			}
		}
	}
	free(p);
	return FW_OK;
}

static void
fit_clear(gp_fit *f)
{
	free(f->phi);
	free(f->chol);
	free(f->ahat);
	free(f->fitted);
	memset(f, 0, sizeof(*f));
}

/* Regresses gains y (n) on ranks x (n x d). */
static int
fit(const double *x, const double *gain, size_t stride, size_t n, size_t d,
    gp_fit *f)
{
	size_t m = d == 1 ? 30 : 60 + 4 * d, i, j, h;
	double *y, *c = NULL, *sub_x = NULL, *sub_y = NULL, ell[64], lambda,
	    s2, mean = 0, var = 0;
	gp_data g;
	int rc = FW_ENOMEM;

	memset(f, 0, sizeof(*f));
	if (m > n)
		m = n;
	h = n < FIT_ROWS ? n : FIT_ROWS;
	f->n = n;
	f->d = d;
	f->m = m;
	y = malloc(n * sizeof(double));
	f->fitted = malloc(n * sizeof(double));
	if (y == NULL || f->fitted == NULL)
		goto done;
	for (i = 0; i < n; i++)
		mean += gain[i * stride];
	mean /= (double)n;
	for (i = 0; i < n; i++)
		var += (gain[i * stride] - mean) * (gain[i * stride] - mean);
	f->mean = mean;
	f->scale = n > 1 ? sqrt(var / (double)(n - 1)) : 0;
	if (!(f->scale > 0)) {
		/* gains that never change: nothing to learn about them */
		for (i = 0; i < n; i++)
			f->fitted[i] = mean;
		rc = FW_OK;
		goto done;
	}
	for (i = 0; i < n; i++)
		y[i] = (gain[i * stride] - mean) / f->scale;
	c = malloc(m * d * sizeof(double));
	sub_x = malloc(h * d * sizeof(double));
	sub_y = malloc(h * sizeof(double));
	f->phi = malloc(n * m * sizeof(double));
	f->chol = malloc(m * m * sizeof(double));
	f->ahat = malloc(m * sizeof(double));
	if (c == NULL || sub_x == NULL || sub_y == NULL || f->phi == NULL ||
	    f->chol == NULL || f->ahat == NULL)
		goto done;
	/* Centres: a grid for one input, else replications spread evenly
	 * (they are independent draws, so any even spread is a sample). */
	for (i = 0; i < m; i++)
		for (j = 0; j < d; j++)
			c[i * d + j] = d == 1 ? ((double)i + 0.5) / (double)m :
			    x[(size_t)(((double)i + 0.5) * (double)n /
			    (double)m) * d + j];
	for (i = 0; i < h; i++) {
		size_t r = (size_t)(((double)i + 0.5) * (double)n / (double)h);
		memcpy(&sub_x[i * d], &x[r * d], d * sizeof(double));
		sub_y[i] = y[r];
	}
	g = (gp_data){ h, d, m, sub_x, sub_y, c, f->phi, f->chol, f->ahat };
	if ((rc = tune(&g, ell, &lambda)) != FW_OK)
		goto done;
	rc = FW_ERUN;
	if (features(&g, ell, f->phi, n, x) != GSL_SUCCESS ||
	    posterior(f->phi, y, n, m, lambda, f->chol, f->ahat, &s2) ==
	    HUGE_VAL)
		goto done;
	f->sigma = sqrt(s2);
	for (i = 0; i < n; i++) {
		double s = 0;
		for (j = 0; j < m; j++)
			s += f->phi[i * m + j] * f->ahat[j];
		f->fitted[i] = mean + f->scale * s;
	}
	rc = FW_OK;
done:
	free(y);
	free(c);
	free(sub_x);
	free(sub_y);
	if (rc != FW_OK)
		fit_clear(f);
	return rc;
}

/* One draw of the fitted function from its posterior into out (n). */
static void
fit_sample(const gp_fit *f, gsl_rng *rng, double *w, double *out)
{
	gsl_vector_view W;
	size_t i, j;

	if (f->phi == NULL) {
		for (i = 0; i < f->n; i++)
			out[i] = f->fitted[i];
		return;
	}
	for (j = 0; j < f->m; j++)
		w[j] = gsl_ran_gaussian_ziggurat(rng, 1.0);
	/* a = ahat + sigma L_A^-T xi has covariance sigma^2 A^-1 */
	W = gsl_vector_view_array(w, f->m);
	{
		gsl_matrix_const_view L = gsl_matrix_const_view_array(f->chol,
		    f->m, f->m);
		gsl_blas_dtrsv(CblasLower, CblasTrans, CblasNonUnit, &L.matrix,
		    &W.vector);
	}
	for (j = 0; j < f->m; j++)
		w[j] = f->ahat[j] + f->sigma * w[j];
	for (i = 0; i < f->n; i++) {
		double s = 0;
		for (j = 0; j < f->m; j++)
			s += f->phi[i * f->m + j] * w[j];
		out[i] = f->mean + f->scale * s;
	}
}

/* g (n x nopt): mean over r of max_d g_rd - g_rd*, d* the option best on
 * average, and the variance of that mean over the replications. */
static double
gain_of_knowing(const double *g, size_t n, size_t nopt, double *var)
{
	double best_mean = -HUGE_VAL, sum = 0, sum2 = 0;
	size_t r, d, star = 0;

	for (d = 0; d < nopt; d++) {
		double s = 0;
		for (r = 0; r < n; r++)
			s += g[r * nopt + d];
		if (s / (double)n > best_mean) {
			best_mean = s / (double)n;
			star = d;
		}
	}
	for (r = 0; r < n; r++) {
		double top = g[r * nopt];
		for (d = 1; d < nopt; d++)
			top = fmax(top, g[r * nopt + d]);
		sum += top - g[r * nopt + star];
		sum2 += (top - g[r * nopt + star]) * (top - g[r * nopt + star]);
	}
	sum /= (double)n;
	if (var != NULL)
		*var = n > 1 ? (sum2 / (double)n - sum * sum) / (double)(n - 1) :
		    0;
	return sum;
}

/* Variance of the fitted gains over the variance of the gains. */
static double
explained_share(const gp_fit *f, const double *gain, size_t stride)
{
	double fv = 0, fm = 0, gv = 0;
	size_t r;

	if (!(f->scale > 0))
		return NAN;
	for (r = 0; r < f->n; r++)
		fm += f->fitted[r];
	fm /= (double)f->n;
	for (r = 0; r < f->n; r++) {
		fv += (f->fitted[r] - fm) * (f->fitted[r] - fm);
		gv += (gain[r * stride] - f->mean) * (gain[r * stride] -
		    f->mean);
	}
	return fmin(1, fv / gv);
}

static int
check_args(const double *gain, size_t nrep, size_t nopt, const double *theta,
    size_t ninput, const size_t *use, size_t nuse, fw_error *err)
{
	size_t i;

	if (gain == NULL || theta == NULL || nrep < 2 || nopt < 1 ||
	    nuse < 1 || nuse > 64) {
		fw_error_set(err, FW_EINVALID, "", 0, 0, "", "the value of "
		    "information needs at least two replications, one option "
		    "and 1 to 64 inputs");
		return FW_EINVALID;
	}
	for (i = 0; i < nuse; i++)
		if (use != NULL && use[i] >= ninput) {
			fw_error_set(err, FW_EINVALID, "", 0, 0, "", "input %zu "
			    "is past the %zu given", use[i], ninput);
			return FW_EINVALID;
		}
	for (i = 0; i < nrep * nopt; i++)
		if (!isfinite(gain[i])) {
			fw_error_set(err, FW_EINVALID, "", 0, 0, "", "the gains "
			    "hold a number that is not finite");
			return FW_EINVALID;
		}
	for (i = 0; i < nrep * ninput; i++)
		if (isnan(theta[i])) {
			fw_error_set(err, FW_EINVALID, "", 0, 0, "", "the inputs "
			    "hold a number that is not a number");
			return FW_EINVALID;
		}
	return FW_OK;
}

/* The estimate for inputs use: EVPPI with its standard error and, when
 * eol is not NULL, each option's opportunity loss and chance of being
 * best. */
static int
estimate(const double *gain, size_t n, size_t nopt, const double *theta,
    size_t ninput, const size_t *use, size_t d, fw_voi_estimate *out,
    fw_voi_estimate *eol, double *p_best, double *explained, fw_error *err)
{
	double *x = malloc(n * d * sizeof(double));
	double *g = malloc(n * nopt * sizeof(double));
	double *draw = malloc(n * nopt * sizeof(double));
	double *col = malloc(n * sizeof(double)), *w = malloc(128 *
	    sizeof(double));
	double *eol_sum = calloc(nopt, sizeof(double));
	double *eol_sum2 = calloc(nopt, sizeof(double));
	gp_fit *fits = calloc(nopt, sizeof(gp_fit));
	gsl_rng *rng = gsl_rng_alloc(gsl_rng_mt19937);
	double var_outer, sum = 0, sum2 = 0;
	size_t r, k, s;
	int rc = FW_ENOMEM;

	if (x == NULL || g == NULL || draw == NULL || col == NULL || w ==
	    NULL || eol_sum == NULL || eol_sum2 == NULL || fits == NULL ||
	    rng == NULL || ranks(theta, n, ninput, use, d, x) != FW_OK)
		goto done;
	gsl_rng_set(rng, 20261207);
	for (k = 0; k < nopt; k++) {
		if ((rc = fit(x, gain + k, nopt, n, d, &fits[k])) != FW_OK)
			goto done;
		for (r = 0; r < n; r++)
			g[r * nopt + k] = fits[k].fitted[r];
	}
	out->value = gain_of_knowing(g, n, nopt, &var_outer);
	for (s = 0; s < SAMPLES; s++) {
		double v;
		for (k = 0; k < nopt; k++) {
			fit_sample(&fits[k], rng, w, col);
			for (r = 0; r < n; r++)
				draw[r * nopt + k] = col[r];
		}
		v = gain_of_knowing(draw, n, nopt, NULL);
		sum += v;
		sum2 += v * v;
		for (k = 0; eol != NULL && k < nopt; k++) {
			double loss = 0;
			for (r = 0; r < n; r++) {
				size_t j;
				double top = draw[r * nopt];
				for (j = 1; j < nopt; j++)
					top = fmax(top, draw[r * nopt + j]);
				loss += top - draw[r * nopt + k];
			}
			loss /= (double)n;
			eol_sum[k] += loss;
			eol_sum2[k] += loss * loss;
		}
	}
	sum /= SAMPLES;
	out->se = sqrt(fmax(0, sum2 / SAMPLES - sum * sum) + var_outer);
	for (k = 0; eol != NULL && k < nopt; k++) {
		double loss = 0, loss2 = 0, m = eol_sum[k] / SAMPLES;
		p_best[k] = 0;
		for (r = 0; r < n; r++) {
			size_t j, arg = 0;
			double l;
			for (j = 1; j < nopt; j++)
				if (g[r * nopt + j] > g[r * nopt + arg])
					arg = j;
			l = g[r * nopt + arg] - g[r * nopt + k];
			loss += l;
			loss2 += l * l;
			p_best[k] += arg == k;
		}
		loss /= (double)n;
		p_best[k] /= (double)n;
		eol[k].value = loss;
		explained[k] = explained_share(&fits[k], gain + k, nopt);
		eol[k].se = sqrt(fmax(0, eol_sum2[k] / SAMPLES - m * m) +
		    fmax(0, loss2 / (double)n - loss * loss) / (double)(n - 1));
	}
	rc = FW_OK;
done:
	for (k = 0; fits != NULL && k < nopt; k++)
		fit_clear(&fits[k]);
	free(fits);
	free(x);
	free(g);
	free(draw);
	free(col);
	free(w);
	free(eol_sum);
	free(eol_sum2);
	gsl_rng_free(rng);
	if (rc == FW_ENOMEM)
		return fwi_nomem(err);
	if (rc != FW_OK)
		fw_error_set(err, rc, "", 0, 0, "", "the regression of the "
		    "gains on the inputs failed");
	return rc;
}

int
fw_voi_partial(const double *gain, size_t nrep, size_t nopt,
    const double *theta, size_t ninput, const size_t *use, size_t nuse,
    fw_voi_estimate *out, fw_error *err)
{
	int rc = check_args(gain, nrep, nopt, theta, ninput, use, nuse, err);

	if (rc != FW_OK)
		return rc;
	FWI_NOT_NULL(out, err);
	return estimate(gain, nrep, nopt, theta, ninput, use, nuse, out, NULL,
	    NULL, NULL, err);
}

int
fw_voi_perfect(const double *gain, size_t nrep, size_t nopt,
    const double *theta, size_t ninput, fw_voi_estimate *evpi,
    fw_voi_estimate *eol, double *p_best, double *explained,
    fw_error *err)
{
	size_t use[64], i;
	int rc = check_args(gain, nrep, nopt, theta, ninput, NULL, ninput,
	    err);

	if (rc != FW_OK)
		return rc;
	FWI_NOT_NULL(evpi, err);
	for (i = 0; i < ninput; i++)
		use[i] = i;
	return estimate(gain, nrep, nopt, theta, ninput, use, ninput, evpi,
	    eol, p_best, explained, err);
}

int
fw_run_voi_data(const fw_run *run, double *gain, double *theta)
{
	size_t nv, nd, v, i;
	uint64_t r, nrep;
	int npv = fw_metric_index("npv");

	if (run == NULL || gain == NULL || theta == NULL)
		return FW_EINVALID;
	nv = fw_scenario_variant_count(fw_run_scenario(run));
	nd = fw_run_draw_count(run);
	nrep = fw_run_replications(run);
	if (npv < 0 || fw_run_done(run) < nrep)
		return FW_EINVALID;
	for (r = 0; r < nrep; r++) {
		double base = fw_run_value(run, r, 0, (size_t)npv);
		for (v = 0; v < nv; v++)
			gain[r * nv + v] = v == 0 ? 0 : fw_run_value(run, r, v,
			    (size_t)npv) - base;
		for (i = 0; i < nd; i++) {
			double x = NAN;
			for (v = 0; v < nv && isnan(x); v++)
				x = fw_run_draw(run, r, v, i);
			theta[r * nd + i] = x;
		}
	}
	return FW_OK;
}
