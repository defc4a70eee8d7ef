/* test_quantile.c - the core's own quantiles and normal distribution
 * function against GSL's over probabilities from 1e-12 to 1 - 1e-12 and
 * awkward shapes, and against closed forms.
 *
 * Tolerances. A quantile x(p) is only as exact as its problem: a relative
 * change d of the smaller tail t = min(p, 1 - p) moves x by d kappa with
 * kappa = t / (|x| f(x)) (f the density), and both implementations
 * compute that tail with errors of a few ulps, magnified by up to a few
 * hundred where the prefactor's exponent is large. So the relative
 * difference allowed is 1e-13 max(1, kappa): where the answer is
 * well-conditioned (kappa <= 1), 1e-13; in a lower tail of shape 0.1,
 * where kappa is 10, ten times that. GSL's own answers in an upper tail
 * are taken from its Qinv functions (its Pinv ones lose the digits of
 * 1 - p there). Phi(x) is held to the same 1e-13 max(1, kappa), its
 * condition number kappa = |x| phi(x) / Phi(x) (about 1 + x^2 below 0).
 * SPDX-License-Identifier: MIT */
#include "config.h"

#include <float.h>
#include <math.h>

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_randist.h>

#include "quantile.h"
#include "suites.h"

/* Probabilities: the tails at 1e-12 ... and their complements, and a
 * grid. */
static int
probabilities(double *p)
{
	static const double tail[] = { 1e-12, 1e-9, 1e-6, 1e-4, 1e-3, 0.01,
		0.025, 0.1, 0.25, 0.4 };
	int n = 0, i;

	for (i = 0; i < (int)(sizeof(tail) / sizeof(tail[0])); i++) {
		p[n++] = tail[i];
		p[n++] = 1 - tail[i];
	}
	for (i = 1; i < 64; i++)
		p[n++] = i / 64.0;
	return n;
}

/* Checks got against GSL's want within 1e-13 max(1, kappa), or else,
 * where GSL's inverse is the one off (beta (0.1, 3.5): no answer at 1/2;
 * t with 0.7 degrees of freedom: none at 0.4), checks GSL's
 * tail at got, forward, within the same error carried back: 1e-13
 * max(1, kappa) / kappa relative. */
static void
check_quantile(const char *what, double a, double b, double p, double got,
    double want, double density, double tail_at_got)
{
	double t = p < 0.5 ? p : 1 - p;
	double kappa = t / (fabs(isnan(want) ? got : want) * density);
	double tol = 1e-13 * (kappa > 1 ? kappa : 1);

	if (fabs(got - want) <= tol * fabs(want))
		return;
	ck_assert_msg(fabs(tail_at_got - t) <= tol / kappa * t,
	    "%s(%g, %g) at p = %.17g: %.17g, GSL %.17g (relative %.3g, "
	    "allowed %.3g), GSL's tail there %.17g", what, a, b, p, got,
	    want, fabs(got - want) / fabs(want), tol, tail_at_got);
}

START_TEST(test_normal_quantile)
{
	double p[100];
	int n = probabilities(p), i;

	for (i = 0; i < n; i++) {
		double want = p[i] < 0.5 ? gsl_cdf_ugaussian_Pinv(p[i]) :
		    gsl_cdf_ugaussian_Qinv(1 - p[i]);
		double got = fwi_normal_quantile(p[i]);

		/* AS 241 is good to about 1e-16: 4 ulps allowed */
		ck_assert_msg(fabs(got - want) <= 4 * DBL_EPSILON *
		    fabs(want), "p = %.17g: %.17g, GSL %.17g", p[i], got, want);
	}
	ck_assert_double_eq(fwi_normal_quantile(0.5), 0);
	ck_assert(fwi_normal_quantile(0) == -INFINITY);
	ck_assert(fwi_normal_quantile(1) == INFINITY);
}
END_TEST

START_TEST(test_normal_cdf)
{
	int i;

	for (i = -3700; i <= 800; i++) {
		double x = i / 100.0;
		double want = gsl_cdf_ugaussian_P(x);
		double got = fwi_normal_cdf(x);

		double kappa = fabs(x) * gsl_ran_ugaussian_pdf(x) / want;

		ck_assert_msg(fabs(got - want) <= 1e-13 * (kappa > 1 ? kappa :
		    1) * want, "x = %g: %.17g, GSL %.17g", x, got, want);
	}
	ck_assert_double_eq(fwi_normal_cdf(0), 0.5);
	ck_assert_double_eq(fwi_normal_cdf(-50), 0);
	ck_assert_double_eq(fwi_normal_cdf(50), 1);
}
END_TEST

/* GSL's incomplete gamma at shape 0.1 is off by up to 3e-13 itself
 * (its quantile at p = 0.828125 by 2.7e-13, its upper tail there by
 * 1.1e-13), so shape 0.1 is held to values computed with mpmath at 40
 * digits (bisection on its regularized gammainc) instead. */
START_TEST(test_gamma_quantile)
{
	static const double shape[] = { 0.5, 0.9, 1, 2.5, 4, 10, 30, 100 };
	static const double known[][2] = {	/* p, quantile at shape 0.1 */
		{ 1e-12, 6.0730483624079744856e-121 },
		{ 1e-6, 6.0730483624079263838e-61 },
		{ 0.140625, 1.8366740708110933675e-9 },
		{ 0.5, 0.00059339110446022617358 },
		{ 0.828125, 0.1007616510059710573 },
		{ 1 - 1e-6, 9.457027060457439506 },
		{ 1 - 1e-12, 22.53704777804881493 }
	};
	double p[100];
	int n = probabilities(p), i, k;

	for (k = 0; k < (int)(sizeof(shape) / sizeof(shape[0])); k++)
		for (i = 0; i < n; i++) {
			double a = shape[k];
			double want = p[i] < 0.5 ?
			    gsl_cdf_gamma_Pinv(p[i], a, 1) :
			    gsl_cdf_gamma_Qinv(1 - p[i], a, 1);
			double got = fwi_gamma_quantile(p[i], a);

			check_quantile("gamma", a, 1, p[i], got, want,
			    gsl_ran_gamma_pdf(isnan(want) ? got : want, a,
			    1), p[i] < 0.5 ? gsl_cdf_gamma_P(got, a, 1) :
			    gsl_cdf_gamma_Q(got, a, 1));
		}
	for (i = 0; i < (int)(sizeof(known) / sizeof(known[0])); i++) {
		double want = known[i][1];
		double got = fwi_gamma_quantile(known[i][0], 0.1);
		double t = known[i][0] < 0.5 ? known[i][0] : 1 - known[i][0];
		double kappa = t / (want * gsl_ran_gamma_pdf(want, 0.1, 1));

		ck_assert_msg(fabs(got - want) <= 1e-13 * (kappa > 1 ? kappa :
		    1) * want, "gamma(0.1) at p = %.17g: %.17g, against "
		    "%.17g", known[i][0], got, want);
	}
	/* shape 1 is the exponential */
	for (i = 0; i < n; i++)
		ck_assert_double_eq_tol(fwi_gamma_quantile(p[i], 1),
		    -log1p(-p[i]), 1e-14 * -log1p(-p[i]));
}
END_TEST

START_TEST(test_beta_quantile)
{
	static const double shape[] = { 0.1, 0.5, 0.9, 1, 2, 3.5, 5, 20 };
	const int ns = (int)(sizeof(shape) / sizeof(shape[0]));
	double p[100];
	int n = probabilities(p), i, j, k;

	for (j = 0; j < ns; j++)
		for (k = 0; k < ns; k++)
			for (i = 0; i < n; i++) {
				double a = shape[j], b = shape[k];
				double want = p[i] < 0.5 ?
				    gsl_cdf_beta_Pinv(p[i], a, b) :
				    gsl_cdf_beta_Qinv(1 - p[i], a, b);

				double got = fwi_beta_quantile(p[i], a, b);

				check_quantile("beta", a, b, p[i], got, want,
				    gsl_ran_beta_pdf(isnan(want) ? got : want,
				    a, b), p[i] < 0.5 ?
				    gsl_cdf_beta_P(got, a, b) :
				    gsl_cdf_beta_Q(got, a, b));
			}
	/* beta (a, 1) is x^a */
	for (i = 0; i < n; i++)
		ck_assert_double_eq_tol(fwi_beta_quantile(p[i], 2.5, 1),
		    pow(p[i], 1 / 2.5), 1e-14 * pow(p[i], 1 / 2.5));
	ck_assert_double_eq(fwi_beta_quantile(0, 2, 3), 0);
	ck_assert_double_eq(fwi_beta_quantile(1, 2, 3), 1);
	ck_assert(isnan(fwi_beta_quantile(0.5, 0, 3)));
	ck_assert(isnan(fwi_gamma_quantile(0.5, -1)));
	ck_assert(isnan(fwi_t_quantile(0.975, 0)));
	ck_assert(isnan(fwi_normal_quantile(NAN)));
}
END_TEST

/* Student's t. GSL's Cauchy quantile, tan(pi (p - 1/2)), loses the
 * digits of p - 1/2 in the tails: nu = 1 is held to the same cotangent
 * in long double instead. */
START_TEST(test_t_quantile)
{
	static const double nu[] = { 2, 3, 4, 5, 9, 29, 99, 999, 9999, 1e4,
		1e5, 3999, 4000, 2.5, 0.7 };
	const long double pi = 3.14159265358979323846264338327950288L;
	double p[100];
	int n = probabilities(p), i, k;

	for (k = 0; k < (int)(sizeof(nu) / sizeof(nu[0])); k++)
		for (i = 0; i < n; i++) {
			double want = p[i] < 0.5 ?
			    gsl_cdf_tdist_Pinv(p[i], nu[k]) :
			    gsl_cdf_tdist_Qinv(1 - p[i], nu[k]);

			if (p[i] == 0.5) {
				ck_assert_double_eq(fwi_t_quantile(0.5,
				    nu[k]), 0);
				continue;
			}
			double got = fwi_t_quantile(p[i], nu[k]);

			check_quantile("t", nu[k], 0, p[i], got, want,
			    gsl_ran_tdist_pdf(isnan(want) ? got : want,
			    nu[k]), p[i] < 0.5 ?
			    gsl_cdf_tdist_P(got, nu[k]) :
			    gsl_cdf_tdist_Q(got, nu[k]));
		}
	for (i = 0; i < n; i++) {
		double want = p[i] < 0.5 ? (double)(-1 / tanl(pi * p[i])) :
		    (double)(1 / tanl(pi * (1 - p[i])));

		if (p[i] != 0.5)
			ck_assert_msg(fabs(fwi_t_quantile(p[i], 1) - want) <=
			    1e-13 * fabs(want), "t(1) at p = %.17g: %.17g, "
			    "against %.17g", p[i], fwi_t_quantile(p[i], 1),
			    want);
	}
	/* the intervals' multipliers, against mpmath at 40 digits: 1e-14
	 * (measured 8e-16 and 1e-15) */
	ck_assert_double_eq_tol(fwi_t_quantile(0.975, 4),
	    2.7764451051977934898, 1e-14 * 2.78);
	ck_assert_double_eq_tol(fwi_t_quantile(0.975, 9),
	    2.2621571627982049992, 1e-14 * 2.27);
}
END_TEST

Suite *
quantile_suite(void)
{
	Suite *s = suite_create("quantile");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_normal_quantile);
	tcase_add_test(tc, test_normal_cdf);
	tcase_add_test(tc, test_gamma_quantile);
	tcase_add_test(tc, test_beta_quantile);
	tcase_add_test(tc, test_t_quantile);
	suite_add_tcase(s, tc);
	return s;
}
