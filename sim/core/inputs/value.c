/* value.c - numbers, distributions and list elements read from YAML nodes.
 * SPDX-License-Identifier: MIT */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "read.h"

static const char *const dist_names[] = { "uniform", "normal", "lognormal",
	"beta", "gamma", "triangular", "pert", "logitnormal" };

static int
read_dist(fw_yaml *y, yaml_node_t *n, const char *path, const fw_key *k,
    fw_num *out)
{
	fw_pairs pairs;
	const fw_pair *dist = NULL;
	const fw_dist_info *d;
	const char *dname;
	char sub[256];
	size_t i;
	int j, rc, found[4] = { 0, 0, 0, 0 };

	if (k->type != FW_TYPE_REAL)
		return fwi_yaml_fail(y, n, path, "takes a whole number, not a "
		    "distribution");
	if ((rc = fwi_yaml_map(y, n, path, &pairs)) != FW_OK)
		return rc;
	for (i = 0; i < pairs.n; i++)
		if (strcmp(pairs.v[i].name, "dist") == 0)
			dist = &pairs.v[i];
	if (dist == NULL) {
		free(pairs.v);
		return fwi_yaml_fail(y, n, path, "a distribution needs 'dist' "
		    "(uniform, normal, lognormal, beta, gamma, triangular, "
		    "pert or logitnormal)");
	}
	fwi_path_key(sub, sizeof(sub), path, "dist");
	if ((rc = fwi_yaml_str(y, dist->value, sub, &dname)) != FW_OK) {
		free(pairs.v);
		return rc;
	}
	out->dist = FW_DIST_NONE;
	for (j = 1; j < FW_NDIST; j++)
		if (strcmp(dname, fwi_dists[j].name) == 0)
			out->dist = (enum fw_dist)j;
	if (out->dist == FW_DIST_NONE) {
		const char *best = fw_suggest(dname, dist_names,
		    FW_NDIST - 1);
		rc = fwi_yaml_fail(y, dist->value, sub, "unknown distribution "
		    "'%s'%s%s%s (uniform, normal, lognormal, beta, gamma, "
		    "triangular, pert, logitnormal)", dname,
		    best ? "; did you mean '" : "", best ? best : "",
		    best ? "'?" : "");
		free(pairs.v);
		return rc;
	}
	d = &fwi_dists[out->dist];
	for (i = 0; i < pairs.n; i++) {
		const fw_pair *p = &pairs.v[i];
		if (p == dist)
			continue;
		for (j = 0; j < d->nparam; j++)
			if (strcmp(p->name, d->param[j]) == 0)
				break;
		if (j == d->nparam) {
			fwi_path_key(sub, sizeof(sub), path, p->name);
			rc = fwi_yaml_fail(y, p->key, sub, "unknown parameter "
			    "of %s (it takes %s, %s%s%s%s%s)", d->name,
			    d->param[0], d->param[1], d->nparam > 2 ? ", " : "",
			    d->nparam > 2 ? d->param[2] : "",
			    d->nparam > 3 ? ", " : "",
			    d->nparam > 3 ? d->param[3] : "");
			free(pairs.v);
			return rc;
		}
		fwi_path_key(sub, sizeof(sub), path, p->name);
		if ((rc = fwi_yaml_real(y, p->value, sub, &out->p[j])) !=
		    FW_OK) {
			free(pairs.v);
			return rc;
		}
		found[j] = 1;
	}
	free(pairs.v);
	for (j = 0; j < d->nparam; j++)
		if (!found[j])
			return fwi_yaml_fail(y, n, path, "distribution %s needs "
			    "'%s'", d->name, d->param[j]);
	if (fwi_dist_check(out) != NULL)
		return fwi_yaml_fail(y, n, path, "distribution %s %s",
		    d->name, fwi_dist_check(out));
	if (!fwi_dist_fits(out, k)) {
		char range[64], lo[40], hi[40];
		double a, b;
		int ao, bo;
		fwi_dist_support(out, &a, &b, &ao, &bo);
		fw_format_real(a, lo, sizeof(lo));
		fw_format_real(b, hi, sizeof(hi));
		fwi_key_range_text(k, range, sizeof(range));
		if (k->why != NULL && fwi_num_top(out) > k->hi) {
			fw_format_real(fwi_num_top(out), hi, sizeof(hi));
			return fwi_yaml_fail(y, n, path, "distribution %s "
			    "draws values up to %s, above the allowed range "
			    "(%s): %s", d->name, hi, range, k->why);
		}
		return fwi_yaml_fail(y, n, path, "distribution %s takes values "
		    "in %s%s, %s%s, outside the allowed range (%s)%s", d->name,
		    ao ? "(" : "[", lo, hi, bo ? ")" : "]", range,
		    k->hi == 1 ? "; use beta, pert, triangular, uniform or logitnormal" :
		    "");
	}
	return FW_OK;
}

int
fwi_read_num(fw_yaml *y, yaml_node_t *n, const char *path, const fw_key *k,
    fw_num *out)
{
	int rc;

	memset(out, 0, sizeof(*out));
	out->line = (int)n->start_mark.line + 1;
	out->column = (int)n->start_mark.column + 1;
	if (n->type == YAML_MAPPING_NODE)
		return read_dist(y, n, path, k, out);
	if (k->type == FW_TYPE_INT) {
		long long v;
		double x;
		if ((rc = fwi_yaml_int(y, n, path, k->lo, k->hi, &v)) == FW_OK) {
			out->value = (double)v;
			return FW_OK;
		}
		/* A whole number above a limit: say why there is one. */
		x = strtod((const char *)n->data.scalar.value, NULL);
		if (k->why != NULL && n->type == YAML_SCALAR_NODE &&
		    n->data.scalar.style == YAML_PLAIN_SCALAR_STYLE &&
		    x > k->hi && x == floor(x))
			out->value = x;
		else
			return rc;
	} else if ((rc = fwi_yaml_real(y, n, path, &out->value)) != FW_OK)
		return rc;
	if (!fwi_key_in_range(k, out->value)) {
		char msg[512];
		fwi_key_refusal(k, out->value,
		    (const char *)n->data.scalar.value, msg, sizeof(msg));
		return fwi_yaml_fail(y, n, path, "%s", msg);
	}
	return FW_OK;
}

int
fwi_channel_shares_problem(const fw_channel *c, char *buf, size_t size)
{
	double h = fwi_num_max(&c->v[FW_C_HELPFUL]);
	double b = fwi_num_max(&c->v[FW_C_BURDEN]);
	char hs[40], bs[40];

	if (h + b <= 1 + 1e-12)
		return 0;
	fw_format_real(h, hs, sizeof(hs));
	fw_format_real(b, bs, sizeof(bs));
	snprintf(buf, size, "helpful + burden must be at most 1 (here up to "
	    "%s + %s)", hs, bs);
	return 1;
}

int
fwi_check_channel_shares(fw_yaml *y, yaml_node_t *at, const char *path,
    const fw_channel *c)
{
	char msg[160];

	if (fwi_channel_shares_problem(c, msg, sizeof(msg)))
		return fwi_yaml_fail(y, at, path, "%s", msg);
	return FW_OK;
}

/* Names of the keys of one scope, for suggestions. */
static size_t
scope_names(enum fw_scope scope, const char **names, size_t max)
{
	size_t i, n = 0;

	for (i = 0; i < fwi_nkeys && n < max; i++)
		if (fwi_keys[i].scope == scope)
			names[n++] = fwi_keys[i].name;
	return n;
}

int
fwi_read_element(fw_yaml *y, yaml_node_t *n, const char *path,
    enum fw_scope scope, char **name, fw_num *v, yaml_node_t **initial)
{
	const char *names[16];
	size_t nnames = scope_names(scope, names, 16);
	unsigned char given[FW_MAX_KEYS] = { 0 };
	fw_pairs pairs;
	char sub[256];
	size_t i;
	int rc;

	*name = NULL;
	if ((rc = fwi_yaml_map(y, n, path, &pairs)) != FW_OK)
		return rc;
	for (i = 0; rc == FW_OK && i < pairs.n; i++) {
		const fw_pair *p = &pairs.v[i];
		const fw_key *k = fwi_key_find(scope, NULL, p->name);
		const char *text;
		fwi_path_key(sub, sizeof(sub), path, p->name);
		if (k == NULL) {
			rc = fwi_yaml_unknown(y, p, path, names, nnames);
			break;
		}
		given[k - fwi_keys] = 1;
		if (k->type == FW_TYPE_STR) {
			rc = fwi_yaml_str(y, p->value, sub, &text);
			if (rc == FW_OK && fwi_name_problem(text) != NULL)
				rc = fwi_yaml_fail(y, p->value, sub, "%s",
				    fwi_name_problem(text));
			if (rc == FW_OK && (*name = strdup(text)) == NULL)
				rc = fwi_yaml_nomem(y);
		} else if (k->type == FW_TYPE_MAP) {
			*initial = p->value;
		} else {
			rc = fwi_read_num(y, p->value, sub, k, &v[k->id]);
		}
	}
	free(pairs.v);
	if (rc != FW_OK)
		return rc;
	for (i = 0; i < fwi_nkeys; i++) {
		const fw_key *k = &fwi_keys[i];
		if (k->scope != scope || given[i])
			continue;
		if (k->required)
			return fwi_yaml_fail(y, n, path, "missing required key "
			    "'%s'", k->name);
		if (k->type == FW_TYPE_REAL || k->type == FW_TYPE_INT)
			v[k->id].value = k->def;
	}
	return FW_OK;
}

int
fwi_read_channel(fw_yaml *y, yaml_node_t *n, const char *path,
    fw_channel *out)
{
	int rc;

	memset(out, 0, sizeof(*out));
	rc = fwi_read_element(y, n, path, FW_SCOPE_CHANNEL, &out->name,
	    out->v, NULL);
	if (rc == FW_OK)
		rc = fwi_check_channel_shares(y, n, path, out);
	return rc;
}

int
fw_value_percentiles(const char *path, const char *value, double q[3],
    fw_error *err)
{
	static const double u[3] = { 0.05, 0.50, 0.95 };
	const fw_key *k;
	fw_yaml y;
	fw_num n;
	int rc, i;

	FWI_NOT_NULL(path, err);
	FWI_NOT_NULL(value, err);
	FWI_NOT_NULL(q, err);
	if ((k = fwi_key_for_path(path)) == NULL) {
		fw_error_set(err, FW_EINVALID, "", 0, 0, path, "no such key");
		return FW_EINVALID;
	}
	rc = fwi_yaml_load_string(&y, "", value, strlen(value), err);
	if (rc == FW_OK && fwi_yaml_root(&y) == NULL) {
		fw_error_set(err, FW_EINVALID, "", 0, 0, path, "no value");
		rc = FW_EINVALID;
	} else if (rc == FW_OK)
		rc = fwi_read_num(&y, fwi_yaml_root(&y), path, k, &n);
	fwi_yaml_free(&y);
	for (i = 0; rc == FW_OK && i < 3; i++)
		q[i] = n.dist == FW_DIST_NONE ? n.value : fwi_num_at(&n, u[i]);
	return rc;
}
