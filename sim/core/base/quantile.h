/* quantile.h - distribution functions and quantiles computed in the core
 * (see quantile.c): the same bits on every architecture.
 * SPDX-License-Identifier: MIT */
#ifndef FW_QUANTILE_H
#define FW_QUANTILE_H

/* The standard normal distribution function at x. */
double fwi_normal_cdf(double x);

/* The quantiles at p in (0, 1) of the standard normal distribution, of
 * the gamma distribution of the shape (scale 1), of the beta distribution
 * (a, b) and of Student's t distribution with nu > 0 degrees of freedom;
 * p at 0 or 1 gives the end of the support, a NaN or a parameter out of
 * range NaN. */
double fwi_normal_quantile(double p);
double fwi_gamma_quantile(double p, double shape);
double fwi_beta_quantile(double p, double a, double b);
double fwi_t_quantile(double p, double nu);

#endif
