/* design.h - sweep designs and the sensitivity indices they support.
 * Private.
 * SPDX-License-Identifier: MIT */
#ifndef FW_DESIGN_H
#define FW_DESIGN_H

#include <stddef.h>
#include <stdint.h>

/* Latin hypercube of n points in k dimensions on [0, 1)^k: in every
 * dimension each of the n strata [i/n, (i+1)/n) holds exactly one point.
 * x is n x k, row-major. Drawn from the streams of seed. */
void fwi_lhs(uint64_t seed, size_t n, size_t k, double *x);
/* The same, drawn under the stream purpose given (an enum fw_purpose), so
 * that designs made for different ends share no draw. */
void fwi_lhs_stream(uint64_t seed, int purpose, size_t n, size_t k,
    double *x);

/* Saltelli's sample for n base points in k dimensions: rows are A (n),
 * B (n), then AB_1 .. AB_k (n each, A with column i taken from B), so
 * n (k + 2) rows of k values in [0, 1). The base points are the first n
 * points of GSL's Sobol' sequence in 2k dimensions, which begins at
 * (1/2, ..., 1/2): the origin is not one of them, so none is skipped.
 * Returns -1 when k is more than the sequence supports (20). */
int fwi_saltelli(size_t n, size_t k, double *x);

/* First-order (Saltelli 2010, with f(B) centred on the sample mean) and
 * total-effect (Jansen 1999) indices from the outputs y of a Saltelli
 * sample, with 95% bootstrap intervals
 * from `boot` resamples of the base points (drawn from seed). Each of
 * s1, s1_lo, s1_hi, st, st_lo, st_hi holds k values. */
typedef struct fw_sobol {
	double *s1, *s1_lo, *s1_hi, *st, *st_lo, *st_hi;
} fw_sobol;
int fwi_sobol_indices(const double *y, size_t n, size_t k, size_t boot,
    uint64_t seed, fw_sobol *out);

#endif
