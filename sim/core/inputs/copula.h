/* copula.h - rank correlations between uncertain inputs: a Gaussian
 * copula on their uniforms (MODEL.md §7b). Private.
 * SPDX-License-Identifier: MIT */
#ifndef FW_COPULA_H
#define FW_COPULA_H

#include <stddef.h>
#include <stdint.h>

#include <yaml.h>

/* At most this many inputs take part in correlations. */
#define FW_COPULA_MAX 64

typedef struct fw_corr_pair {
	char *a, *b;		/* the two paths, as written */
	double rank;		/* Spearman rank correlation in (-1, 1) */
} fw_corr_pair;

typedef struct fw_copula {
	size_t npair;
	fw_corr_pair *pair;
	size_t k;		/* inputs named in any pair */
	char **path;		/* [k], sorted by strcmp */
	double *chol;		/* k x k, row-major: L with L L^T = P */
} fw_copula;

/* Index of path among the joined inputs, or -1. */
int fwi_copula_find(const fw_copula *c, const char *path);
/* Builds path and chol from the pairs; returns 0, or -1 for a matrix
 * that is not positive definite (then buf names the pairs of its
 * smallest leading block that is not), or FW_ENOMEM. */
int fwi_copula_factor(fw_copula *c, char *buf, size_t size);
/* The joined uniforms of replication rep: u[k] for path[k], from the
 * uniforms of MODEL.md §2 through the copula. */
void fwi_copula_uniforms(const fw_copula *c, uint64_t seed, uint32_t rep,
    double *u);
/* Reads the correlations block n of sc (after its variants), every entry
 * checked: paths that are uncertain, pairs listed once, |rank| < 1, a
 * positive definite matrix. */
struct fw_yaml;
struct fw_scenario;
int fwi_copula_read(struct fw_yaml *y, struct fw_scenario *sc,
    yaml_node_t *n);
/* Sets the rank correlation of a and b, adding the pair if it is new;
 * fwi_copula_factor must follow. */
int fwi_copula_replace(fw_copula *c, const char *a, const char *b,
    double rank);
int fwi_copula_clone(fw_copula *dst, const fw_copula *src);
void fwi_copula_clear(fw_copula *c);

#endif
