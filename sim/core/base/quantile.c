/* quantile.c - the normal distribution function and the normal, gamma,
 * beta and t quantiles that turn a parameter's uniform into its value
 * (MODEL.md §2) and give the t multipliers of intervals. Computed here
 * from libm's exp, log, log1p, sqrt and tan, which give the same bits on
 * x86-64 and aarch64 (its lgamma and erfc do not, nor does GSL built with
 * fused multiply-adds), and compiled like the rest of the core with
 * -ffp-contract=off: the same bits on every architecture.
 * SPDX-License-Identifier: MIT */
#include "config.h"

#include <float.h>
#include <math.h>

#include "quantile.h"

#define LOG_SQRT_2PI 0.91893853320467274178
#define INV_SQRT_2PI 0.39894228040143267794
#define PI 3.14159265358979323846

/* lgamma(x) less its Stirling approximation (x - 1/2) log x - x +
 * log sqrt(2 pi), for x >= 10: the series of B(2k) / (2k (2k - 1)
 * x^(2k - 1)), whose next term is below 2e-18 there. */
static double
stirling_rest(double x)
{
	static const double c[] = { 1.0 / 12, -1.0 / 360, 1.0 / 1260,
		-1.0 / 1680, 1.0 / 1188, -691.0 / 360360, 1.0 / 156,
		-3617.0 / 122400 };
	double r = 1 / (x * x), s = 0;
	int k;

	for (k = 7; k >= 0; k--)
		s = s * r + c[k];
	return s / x;
}

/* log Gamma(x) for x > 0: Stirling's series at x + n >= 10, less the log
 * of x (x + 1) ... (x + n - 1). */
static double
log_gamma(double x)
{
	double prod = 1, z;
	int i, n = x < 10 ? (int)ceil(10 - x) : 0;

	for (i = 0; i < n; i++)
		prod *= x + i;
	z = x + n;
	return (z - 0.5) * log(z) - z + LOG_SQRT_2PI + stirling_rest(z) -
	    log(prod);
}

/* log B(a, b). Where the larger parameter b is 10 or more (a t's nu / 2),
 * log Gamma(b) - log Gamma(a + b) is taken from Stirling's series of both
 * at once, without the cancellation of two large logs. */
static double
log_beta(double a, double b)
{
	double t;

	if (a > b) {
		t = a;
		a = b;
		b = t;
	}
	if (b < 10)
		return log_gamma(a) + log_gamma(b) - log_gamma(a + b);
	return log_gamma(a) - (b - 0.5) * log1p(a / b) - a * log(a + b) +
	    a + stirling_rest(b) - stirling_rest(a + b);
}

/* A distribution as the solver sees it: at x, its lower and upper tails
 * and the log of x times its density. */
typedef void tails_fn(const double *par, double x, double *lower,
    double *upper, double *logxf);

/* Modified Lentz's evaluation of b0 + a1 / (b1 + a2 / (b2 + ...)) is
 * spelt out in each continued fraction below; this is its guard against
 * a zero denominator. */
static double
nonzero(double v)
{
	return v != 0 ? v : DBL_MIN;
}

/* P(a, x) and Q(a, x), given lp = log(x^a e^-x / Gamma(a)): the power
 * series of the lower tail below a + 1 (below 1 if a < 1, where the
 * lower tail would leave the upper too few digits), Legendre's continued
 * fraction of the upper tail above. */
static void
incomplete_gamma(double a, double x, double lp, double *lower,
    double *upper)
{
	int k;

	if (x < (a < 1 ? 1 : a + 1)) {
		double term = 1, sum = 1;

		for (k = 1; k < 10000 && term > sum * DBL_EPSILON / 4; k++) {
			term *= x / (a + k);
			sum += term;
		}
		*lower = exp(lp) / a * sum;
		*upper = 1 - *lower;
	} else {
		double f = x + 1 - a, c = f, d = 0, delta;

		for (k = 1; k < 10000; k++) {
			double ak = -k * (k - a), bk = x + 2 * k + 1 - a;

			d = 1 / nonzero(bk + ak * d);
			c = nonzero(bk + ak / c);
			delta = c * d;
			f *= delta;
			if (fabs(delta - 1) < DBL_EPSILON / 2)
				break;
		}
		*upper = exp(lp) / f;
		*lower = 1 - *upper;
	}
}

/* The gamma distribution of shape par[0], scale 1. log(x^a e^-x /
 * Gamma(a)) is taken through Stirling's series for a >= 10 so that it
 * loses only about |x - a| ulps, not a log a. */
static void
gamma_tails(const double *par, double x, double *lower, double *upper,
    double *logxf)
{
	double a = par[0], u;

	if (a < 10)
		*logxf = a * log(x) - x - log_gamma(a);
	else {
		u = (x - a) / a;
		*logxf = -a * (u - log1p(u)) + 0.5 * log(a) - LOG_SQRT_2PI -
		    stirling_rest(a);
	}
	incomplete_gamma(a, x, *logxf, lower, upper);
}

/* I_x(a, b) by its continued fraction (DLMF 8.17.22), 1 / (1 + d1 / (1
 * + d2 / (1 + ...))) times x^a (1 - x)^b / (a B(a, b)) = exp(lp) / a,
 * y = 1 - x. Its value can be far below 1 + d1 (a large, x near 1), so
 * 1 + d1 is taken as ((a + 1) y + (1 - b) x) / (a + 1), whose terms do
 * not cancel for b <= 1 (a t's beta). */
static double
beta_fraction(double a, double b, double x, double y, double lp)
{
	double f = 1, c = 1, d = 0, delta, dm;
	int j, m;

	for (j = 1; j < 20000; j++) {
		m = j / 2;
		if (j == 1) {
			d = 1;
			c = nonzero(((a + 1) * y + (1 - b) * x) / (a + 1));
		} else {
			if (j % 2)
				dm = -(a + m) * (a + b + m) * x /
				    ((a + 2 * m) * (a + 2 * m + 1));
			else
				dm = m * (b - m) * x / ((a + 2 * m - 1) *
				    (a + 2 * m));
			d = 1 / nonzero(1 + dm * d);
			c = nonzero(1 + dm / c);
		}
		delta = c * d;
		f *= delta;
		if (fabs(delta - 1) < DBL_EPSILON / 2)
			break;
	}
	return exp(lp) / (a * f);
}

/* The beta distribution (par[0], par[1]) on (0, 1): the continued
 * fraction on the side of (a + 1) / (a + b + 2) where it converges
 * fast, the other tail through I_x(a, b) = 1 - I_(1-x)(b, a). */
static void
beta_tails(const double *par, double x, double *lower, double *upper,
    double *logxf)
{
	double a = par[0], b = par[1];
	double lp = a * log(x) + b * log1p(-x) - log_beta(a, b);

	*logxf = lp - log1p(-x);
	if (x < (a + 1) / (a + b + 2)) {
		*lower = beta_fraction(a, b, x, 1 - x, lp);
		*upper = 1 - *lower;
	} else {
		*upper = beta_fraction(b, a, 1 - x, x, lp);
		*lower = 1 - *upper;
	}
}

/* The x in (lo, hi) where the lower tail is p and the upper q = 1 - p,
 * from x. Newton's method on the log of the smaller tail: in log x where
 * that is the lower one (it grows as a power of x near 0), in x where it
 * is the upper one (it falls about exponentially); a step that leaves
 * the bracket known to hold the root bisects it instead. */
static double
invert(tails_fn *tails, const double *par, double p, double q, double x,
    double lo, double hi)
{
	int upper_side = q < p, newton, i;
	double target = upper_side ? q : p;

	for (i = 0; i < 200; i++) {
		double lower, upper, logxf, tail, r = 0, next;

		tails(par, x, &lower, &upper, &logxf);
		tail = upper_side ? upper : lower;
		newton = tail > 0 && isfinite(logxf);
		if (newton) {
			r = log(tail) - log(target);
			if (r == 0)
				return x;
		}
		/* too far right: lower tail above p, upper tail below q */
		if (newton ? (upper_side ? r < 0 : r > 0) : upper_side)
			hi = x;
		else
			lo = x;
		next = NAN;
		if (newton && upper_side)
			next = x + r * x * exp(log(tail) - logxf);
		else if (newton)
			next = x * exp(-r * exp(log(tail) - logxf));
		if (next > lo && next < hi) {
			/* Newton's error after a step is about the square of
			 * the step's: past rounding once the step is this
			 * small */
			if (fabs(next - x) <= 1e-12 * next)
				return next;
		} else if (hi == INFINITY)
			next = 2 * x;
		else if (lo == 0)
			next = hi / 16;
		else {
			next = upper_side ? lo + (hi - lo) / 2 : sqrt(lo * hi);
			if (hi - lo <= 4 * DBL_EPSILON * hi)
				return next;
		}
		x = next;
	}
	return x;
}

/* Wichura's algorithm AS 241 (PPND16, Applied Statistics 37, 1988):
 * rational approximations in three ranges, relative error about 1e-16. */
double
fwi_normal_quantile(double p)
{
	double q = p - 0.5, r, x;

	if (isnan(p))
		return p;
	if (!(p > 0))
		return -INFINITY;
	if (!(p < 1))
		return INFINITY;
	if (fabs(q) <= 0.425) {
		r = 0.180625 - q * q;
		return q * (((((((2.5090809287301226727e+3 * r +
		    3.3430575583588128105e+4) * r +
		    6.7265770927008700853e+4) * r +
		    4.5921953931549871457e+4) * r +
		    1.3731693765509461125e+4) * r +
		    1.9715909503065514427e+3) * r +
		    1.3314166789178437745e+2) * r +
		    3.3871328727963666080e+0) /
		    (((((((5.2264952788528545610e+3 * r +
		    2.8729085735721942674e+4) * r +
		    3.9307895800092710610e+4) * r +
		    2.1213794301586595867e+4) * r +
		    5.3941960214247511077e+3) * r +
		    6.8718700749205790830e+2) * r +
		    4.2313330701600911252e+1) * r + 1);
	}
	r = sqrt(-log(q < 0 ? p : 1 - p));
	if (r <= 5) {
		r -= 1.6;
		x = (((((((7.74545014278341407640e-4 * r +
		    2.27238449892691845833e-2) * r +
		    2.41780725177450611770e-1) * r +
		    1.27045825245236838258e+0) * r +
		    3.64784832476320460504e+0) * r +
		    5.76949722146069140550e+0) * r +
		    4.63033784615654529590e+0) * r +
		    1.42343711074968357734e+0) /
		    (((((((1.05075007164441684324e-9 * r +
		    5.47593808499534494600e-4) * r +
		    1.51986665636164571966e-2) * r +
		    1.48103976427480074590e-1) * r +
		    6.89767334985100004550e-1) * r +
		    1.67638483018380384940e+0) * r +
		    2.05319162663775882187e+0) * r + 1);
	} else {
		r -= 5;
		x = (((((((2.01033439929228813265e-7 * r +
		    2.71155556874348757815e-5) * r +
		    1.24266094738807843860e-3) * r +
		    2.65321895265761230930e-2) * r +
		    2.96560571828504891230e-1) * r +
		    1.78482653991729133580e+0) * r +
		    5.46378491116411436990e+0) * r +
		    6.65790464350110377720e+0) /
		    (((((((2.04426310338993978564e-15 * r +
		    1.42151175831644588870e-7) * r +
		    1.84631831751005468180e-5) * r +
		    7.86869131145613259100e-4) * r +
		    1.48753612908506148525e-2) * r +
		    1.36929880922735805310e-1) * r +
		    5.99832206555887937690e-1) * r + 1);
	}
	return q < 0 ? -x : x;
}

/* Phi(x) = Q(1/2, x^2 / 2) / 2 below 0, whose prefactor (x^2 / 2)^(1/2)
 * e^(-x^2 / 2) / Gamma(1/2) is |x| phi(x). */
double
fwi_normal_cdf(double x)
{
	double y = 0.5 * x * x, lower, upper;

	if (isnan(x))
		return x;
	if (fabs(x) > 40)
		return x < 0 ? 0 : 1;
	incomplete_gamma(0.5, y, log(fabs(x) * INV_SQRT_2PI) - y, &lower,
	    &upper);
	return x < 0 ? 0.5 * upper : 1 - 0.5 * upper;
}

/* Started from the larger of Wilson and Hilferty's approximation and the
 * root of x^a / Gamma(a + 1) = p, which is at most P(a, x)'s. */
double
fwi_gamma_quantile(double p, double shape)
{
	double par[1] = { shape };
	double c = 1 / (9 * shape), w, low, x;

	if (!(shape > 0) || isnan(p))
		return NAN;
	if (!(p > 0))
		return 0;
	if (!(p < 1))
		return INFINITY;
	low = exp((log(p) + log_gamma(shape + 1)) / shape);
	w = 1 - c + fwi_normal_quantile(p) * sqrt(c);
	x = shape * w * w * w;
	return invert(gamma_tails, par, p, 1 - p, x > low ? x : low, low,
	    INFINITY);
}

/* The quantile of beta (a, b) at lower tail p and upper tail q, or one
 * less it, whichever is at most 1/2 (*swapped when one less it): each
 * accurate to its last bits near 0. */
static double
beta_smaller(double p, double q, double a, double b, int *swapped)
{
	double par[2], half[2], logxf, x;

	par[0] = a;
	par[1] = b;
	beta_tails(par, 0.5, &half[0], &half[1], &logxf);
	*swapped = p > half[0];
	if (*swapped) {
		par[0] = b;
		par[1] = a;
		x = q;
		q = p;
		p = x;
	}
	/* near 0 the lower tail is about x^a / (a B(a, b)) */
	x = exp((log(p) + log(par[0]) + log_beta(a, b)) / par[0]);
	return invert(beta_tails, par, p, q, x < 0.5 ? x : 0.25, 0, 0.5);
}

double
fwi_beta_quantile(double p, double a, double b)
{
	int swapped;
	double x;

	if (!(a > 0) || !(b > 0) || isnan(p))
		return NAN;
	if (!(p > 0))
		return 0;
	if (!(p < 1))
		return 1;
	x = beta_smaller(p, 1 - p, a, b, &swapped);
	return swapped ? 1 - x : x;
}

/* The t above which the upper tail is q <= 1/2. Cauchy's and nu = 2's
 * have closed forms. Otherwise nu / (nu + t^2) is the quantile of beta
 * (nu / 2, 1/2) at 2 q, and t^2 / (nu + t^2) one less it (the smaller
 * of the two is the accurate one); but from nu = 4000 on, where that
 * beta's continued fraction loses digits (1e-13 at 10^4), the Cornish-Fisher expansion
 * in 1 / nu (Abramowitz and Stegun 26.7.5) is exact to rounding. */
static double
t_upper(double q, double nu)
{
	double x, y, z, zz, g1, g2, g3, g4;
	int swapped;

	if (q >= 0.5)
		return 0;
	if (nu == 1)
		return 1 / tan(PI * q);
	if (nu == 2)
		return (1 - 2 * q) / sqrt(2 * q * (1 - q));
	if (nu >= 4000) {
		z = -fwi_normal_quantile(q);
		zz = z * z;
		g1 = (zz + 1) * z / 4;
		g2 = ((5 * zz + 16) * zz + 3) * z / 96;
		g3 = (((3 * zz + 19) * zz + 17) * zz - 15) * z / 384;
		g4 = ((((79 * zz + 776) * zz + 1482) * zz - 1920) * zz - 945) *
		    z / 92160;
		return z + (g1 + (g2 + (g3 + g4 / nu) / nu) / nu) / nu;
	}
	x = beta_smaller(2 * q, 1 - 2 * q, nu / 2, 0.5, &swapped);
	y = 1 - x;
	if (swapped) {
		y = x;
		x = 1 - y;
	}
	return sqrt(nu * y / x);
}

double
fwi_t_quantile(double p, double nu)
{
	if (!(nu > 0) || isnan(p))
		return NAN;
	if (!(p > 0))
		return -INFINITY;
	if (!(p < 1))
		return INFINITY;
	return p < 0.5 ? -t_upper(p, nu) : t_upper(1 - p, nu);
}
