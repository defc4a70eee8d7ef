/* dist.h - numeric values: fixed, or a distribution drawn per replication
 * (MODEL.md §2). Private.
 * SPDX-License-Identifier: MIT */
#ifndef FW_DIST_H
#define FW_DIST_H

#include <stddef.h>

#include "keys.h"

enum fw_dist { FW_DIST_NONE, FW_DIST_UNIFORM, FW_DIST_NORMAL,
	FW_DIST_LOGNORMAL, FW_DIST_BETA, FW_DIST_GAMMA, FW_DIST_TRIANGULAR,
	FW_DIST_PERT, FW_DIST_LOGITNORMAL, FW_NDIST };

/* A numeric value: fixed, or a distribution drawn once per replication. */
typedef struct fw_num {
	double value;		/* the fixed value (unused for a distribution) */
	enum fw_dist dist;
	double p[4];		/* distribution parameters, in written order */
	int line, column;	/* where it was written; 0 for a default */
} fw_num;

typedef struct fw_dist_info {
	const char *name;
	int nparam;
	const char *param[4];
} fw_dist_info;

extern const fw_dist_info fwi_dists[FW_NDIST];

/* Checks a distribution's parameters; returns a message or NULL. */
const char *fwi_dist_check(const fw_num *n);
/* Support of the value: [lo, hi], ends open where flagged. */
void fwi_dist_support(const fw_num *n, double *lo, double *hi,
    int *lo_open, int *hi_open);
/* Whether the support lies inside the key's allowed range; against a
 * limit with a reason (k->why), whether every value drawn does. */
int fwi_dist_fits(const fw_num *n, const fw_key *k);
/* The value at quantile u in (0, 1): F^-1(u), or the fixed value. */
double fwi_num_at(const fw_num *n, double u);
/* Upper end of the value's support. */
double fwi_num_max(const fw_num *n);
/* The largest value a run can draw: the quantile of the largest uniform
 * the random streams give, finite even for an unbounded support. */
double fwi_num_top(const fw_num *n);
/* Writes the value as written: "0.35" or "{dist: beta, alpha: 2, beta: 5}". */
void fwi_num_format(const fw_num *n, char *buf, size_t size);
/* Whether two values are the same number or the same distribution. */
int fwi_num_equal(const fw_num *a, const fw_num *b);

#endif
