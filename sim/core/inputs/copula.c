/* copula.c - rank correlations between uncertain inputs (MODEL.md §7b):
 * z = Phi^-1(u), z' = L z with L L^T = P, P_ij = 2 sin(pi rho_ij / 6),
 * and each joined input's uniform becomes Phi(z'_k).
 * SPDX-License-Identifier: MIT */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_errno.h>
#include <gsl/gsl_linalg.h>

#include "flywheel.h"
#include "copula.h"
#include "quantile.h"
#include "scenario.h"
#include "rng.h"
#include "yamltree.h"

int
fwi_copula_find(const fw_copula *c, const char *path)
{
	size_t i;

	for (i = 0; i < c->k; i++)
		if (strcmp(c->path[i], path) == 0)
			return (int)i;
	return -1;
}

static int
by_path(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The distinct paths of the pairs, sorted. */
static int
collect_paths(fw_copula *c)
{
	size_t i, j, n = 0;

	free(c->path);
	if ((c->path = calloc(2 * c->npair + 1, sizeof(char *))) == NULL)
		return FW_ENOMEM;
	for (i = 0; i < c->npair; i++) {
		char *two[2] = { c->pair[i].a, c->pair[i].b };
		for (j = 0; j < 2; j++) {
			c->k = n;
			if (fwi_copula_find(c, two[j]) < 0)
				c->path[n++] = two[j];
		}
	}
	c->k = n;
	qsort(c->path, n, sizeof(char *), by_path);
	return FW_OK;
}

/* Says which listed pairs join inputs 0..last. */
static void
name_pairs(const fw_copula *c, size_t last, char *buf, size_t size)
{
	size_t i, used = 0;

	buf[0] = '\0';
	for (i = 0; i < c->npair && used < size; i++) {
		int a = fwi_copula_find(c, c->pair[i].a);
		int b = fwi_copula_find(c, c->pair[i].b);
		char r[40];
		if ((size_t)a > last || (size_t)b > last)
			continue;
		fw_format_real(c->pair[i].rank, r, sizeof(r));
		used += (size_t)snprintf(buf + used, size - used, "%s%s and %s "
		    "(%s)", used ? ", " : "", c->pair[i].a, c->pair[i].b, r);
	}
}

int
fwi_copula_factor(fw_copula *c, char *buf, size_t size)
{
	gsl_matrix_view m;
	gsl_error_handler_t *old;
	size_t i, j;
	int status;

	if (collect_paths(c) != FW_OK)
		return FW_ENOMEM;
	free(c->chol);
	if ((c->chol = calloc(c->k * c->k + 1, sizeof(double))) == NULL)
		return FW_ENOMEM;
	for (i = 0; i < c->k; i++)
		c->chol[i * c->k + i] = 1;
	for (i = 0; i < c->npair; i++) {
		size_t a = (size_t)fwi_copula_find(c, c->pair[i].a);
		size_t b = (size_t)fwi_copula_find(c, c->pair[i].b);
		double p = 2 * sin(M_PI * c->pair[i].rank / 6);
		c->chol[a * c->k + b] = c->chol[b * c->k + a] = p;
	}
	if (c->k == 0)
		return FW_OK;
	m = gsl_matrix_view_array(c->chol, c->k, c->k);
	old = gsl_set_error_handler_off();
	status = gsl_linalg_cholesky_decomp1(&m.matrix);
	gsl_set_error_handler(old);
	if (status != GSL_SUCCESS) {
		/* The smallest leading block that is not positive definite:
		 * factor growing blocks of the matrix again. */
		for (j = 1; j <= c->k; j++) {
			double *sub = calloc(j * j, sizeof(double));
			gsl_matrix_view v;
			if (sub == NULL)
				return FW_ENOMEM;
			for (i = 0; i < j * j; i++)
				sub[i] = i / j == i % j ? 1 : 0;
			for (i = 0; i < c->npair; i++) {
				size_t a = (size_t)fwi_copula_find(c,
				    c->pair[i].a);
				size_t b = (size_t)fwi_copula_find(c,
				    c->pair[i].b);
				if (a < j && b < j)
					sub[a * j + b] = sub[b * j + a] =
					    2 * sin(M_PI * c->pair[i].rank / 6);
			}
			v = gsl_matrix_view_array(sub, j, j);
			old = gsl_set_error_handler_off();
			status = gsl_linalg_cholesky_decomp1(&v.matrix);
			gsl_set_error_handler(old);
			free(sub);
			if (status != GSL_SUCCESS)
				break;
		}
		name_pairs(c, j - 1, buf, size);
		return -1;
	}
	/* Keep L only: the factorisation leaves L^T above the diagonal. */
	for (i = 0; i < c->k; i++)
		for (j = i + 1; j < c->k; j++)
			c->chol[i * c->k + j] = 0;
	return FW_OK;
}

void
fwi_copula_uniforms(const fw_copula *c, uint64_t seed, uint32_t rep,
    double *u)
{
	/* Phi(z') can round to 0 or 1 far in the tails; the uniforms stay
	 * within those the streams give, which bound every value drawn
	 * (fwi_num_top). */
	const double lo = fwi_u01(0), hi = fwi_u01(UINT32_MAX);
	double z[FW_COPULA_MAX];
	size_t i, j;

	for (i = 0; i < c->k; i++)
		z[i] = fwi_normal_quantile(fwi_rng_param_u(seed, rep,
		    c->path[i]));
	for (i = 0; i < c->k; i++) {
		double s = 0;
		for (j = 0; j <= i; j++)
			s += c->chol[i * c->k + j] * z[j];
		u[i] = fmin(hi, fmax(lo, fwi_normal_cdf(s)));
	}
}

int
fwi_copula_replace(fw_copula *c, const char *a, const char *b, double rank)
{
	fw_corr_pair *grown;
	size_t i;

	for (i = 0; i < c->npair; i++)
		if ((strcmp(c->pair[i].a, a) == 0 && strcmp(c->pair[i].b, b) ==
		    0) || (strcmp(c->pair[i].a, b) == 0 &&
		    strcmp(c->pair[i].b, a) == 0)) {
			c->pair[i].rank = rank;
			return FW_OK;
		}
	if ((grown = realloc(c->pair, (c->npair + 1) * sizeof(*grown))) ==
	    NULL)
		return FW_ENOMEM;
	c->pair = grown;
	c->pair[c->npair] = (fw_corr_pair){ strdup(a), strdup(b), rank };
	c->npair++;
	if (c->pair[c->npair - 1].a == NULL || c->pair[c->npair - 1].b == NULL)
		return FW_ENOMEM;
	return FW_OK;
}

int
fwi_copula_clone(fw_copula *dst, const fw_copula *src)
{
	char why[8];
	size_t i;

	memset(dst, 0, sizeof(*dst));
	if (src->npair == 0)
		return FW_OK;
	if ((dst->pair = calloc(src->npair, sizeof(fw_corr_pair))) == NULL)
		return FW_ENOMEM;
	for (i = 0; i < src->npair; i++, dst->npair++) {
		dst->pair[i].rank = src->pair[i].rank;
		dst->pair[i].a = strdup(src->pair[i].a);
		dst->pair[i].b = strdup(src->pair[i].b);
		if (dst->pair[i].a == NULL || dst->pair[i].b == NULL) {
			dst->npair++;
			fwi_copula_clear(dst);
			return FW_ENOMEM;
		}
	}
	if (fwi_copula_factor(dst, why, sizeof(why)) != FW_OK) {
		fwi_copula_clear(dst);
		return FW_ENOMEM;
	}
	return FW_OK;
}

void
fwi_copula_clear(fw_copula *c)
{
	size_t i;

	for (i = 0; i < c->npair; i++) {
		free(c->pair[i].a);
		free(c->pair[i].b);
	}
	free(c->pair);
	free(c->path);
	free(c->chol);
	memset(c, 0, sizeof(*c));
}

/* One entry {between: [A, B], rank: r}, checked against the entries
 * before it. */
static int
read_pair(fw_yaml *y, const fw_scenario *sc, fw_copula *c, yaml_node_t *n,
    const char *path)
{
	fw_corr_pair *p = &c->pair[c->npair];
	yaml_node_t *between, *rank, *end[2];
	fw_pairs pairs;
	char sub[96];
	const char *text;
	size_t i, j;
	int rc;

	/* counted now, so that what it holds is freed whatever fails */
	c->npair++;
	if ((rc = fwi_yaml_map(y, n, path, &pairs)) != FW_OK)
		return rc;
	for (i = 0; rc == FW_OK && i < pairs.n; i++)
		if (strcmp(pairs.v[i].name, "between") != 0 &&
		    strcmp(pairs.v[i].name, "rank") != 0) {
			static const char *const names[] = { "between", "rank" };
			rc = fwi_yaml_unknown(y, &pairs.v[i], path, names, 2);
		}
	between = fwi_yaml_find(&pairs, "between");
	rank = fwi_yaml_find(&pairs, "rank");
	free(pairs.v);
	if (rc != FW_OK)
		return rc;
	if (between == NULL || rank == NULL)
		return fwi_yaml_fail(y, n, path, "a correlation needs 'between' "
		    "(two uncertain inputs) and 'rank'");
	fwi_path_key(sub, sizeof(sub), path, "between");
	if ((rc = fwi_yaml_seq(y, between, sub)) != FW_OK)
		return rc;
	if (between->data.sequence.items.top -
	    between->data.sequence.items.start != 2)
		return fwi_yaml_fail(y, between, sub, "names exactly two "
		    "inputs");
	for (j = 0; j < 2; j++) {
		end[j] = fwi_yaml_node(y, between->data.sequence.items.start[j]);
		if ((rc = fwi_yaml_str(y, end[j], sub, &text)) != FW_OK)
			return rc;
		if ((rc = fwi_scenario_uncertain(sc, text)) < 0)
			return fwi_yaml_nomem(y);
		if (rc == 0)
			return fwi_yaml_fail(y, end[j], sub, "%s is not an "
			    "uncertain input: no variant gives it a "
			    "distribution", text);
		if ((j == 0 ? (p->a = strdup(text)) : (p->b = strdup(text))) ==
		    NULL)
			return fwi_yaml_nomem(y);
	}
	if (strcmp(p->a, p->b) == 0)
		return fwi_yaml_fail(y, between, sub, "an input cannot be "
		    "correlated with itself");
	for (i = 0; i + 1 < c->npair; i++) {
		const fw_corr_pair *q = &c->pair[i];
		if ((strcmp(q->a, p->a) == 0 && strcmp(q->b, p->b) == 0) ||
		    (strcmp(q->a, p->b) == 0 && strcmp(q->b, p->a) == 0))
			return fwi_yaml_fail(y, between, sub, "the pair %s and "
			    "%s is listed twice (also correlations[%zu])",
			    p->a, p->b, i);
	}
	fwi_path_key(sub, sizeof(sub), path, "rank");
	if ((rc = fwi_yaml_real(y, rank, sub, &p->rank)) != FW_OK)
		return rc;
	if (!(fabs(p->rank) < 1))
		return fwi_yaml_fail(y, rank, sub, "a rank correlation is a "
		    "number strictly between -1 and 1 (got %s)",
		    (const char *)rank->data.scalar.value);
	return FW_OK;
}

int
fwi_copula_read(fw_yaml *y, fw_scenario *sc, yaml_node_t *n)
{
	fw_copula *c = &sc->copula;
	yaml_node_item_t *it;
	char path[64], why[1024];
	size_t count;
	int rc;

	if ((rc = fwi_yaml_seq(y, n, "correlations")) != FW_OK)
		return rc;
	count = (size_t)(n->data.sequence.items.top -
	    n->data.sequence.items.start);
	if ((c->pair = calloc(count + 1, sizeof(fw_corr_pair))) == NULL)
		return fwi_yaml_nomem(y);
	for (it = n->data.sequence.items.start;
	    it < n->data.sequence.items.top; it++) {
		fwi_path_index(path, sizeof(path), "correlations", c->npair);
		if ((rc = read_pair(y, sc, c, fwi_yaml_node(y, *it), path)) !=
		    FW_OK)
			return rc;
	}
	if ((rc = collect_paths(c)) != FW_OK)
		return fwi_yaml_nomem(y);
	if (c->k > FW_COPULA_MAX)
		return fwi_yaml_fail(y, n, "correlations", "joins %zu inputs; "
		    "at most %d can be correlated", c->k, FW_COPULA_MAX);
	rc = fwi_copula_factor(c, why, sizeof(why));
	if (rc == FW_ENOMEM)
		return fwi_yaml_nomem(y);
	if (rc != FW_OK)
		return fwi_yaml_fail(y, n, "correlations", "these rank "
		    "correlations cannot hold together (their matrix is not "
		    "positive definite): %s", why);
	return FW_OK;
}
