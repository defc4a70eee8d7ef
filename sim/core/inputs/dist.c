/* dist.c - parameter distributions: checks, support, quantiles (MODEL.md §2).
 * SPDX-License-Identifier: MIT */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "flywheel.h"
#include "dist.h"
#include "quantile.h"
#include "rng.h"

const fw_dist_info fwi_dists[FW_NDIST] = {
	[FW_DIST_NONE] = { "none", 0, { NULL } },
	[FW_DIST_UNIFORM] = { "uniform", 2, { "min", "max" } },
	[FW_DIST_NORMAL] = { "normal", 2, { "mean", "sd" } },
	[FW_DIST_LOGNORMAL] = { "lognormal", 2, { "mu", "sigma" } },
	[FW_DIST_BETA] = { "beta", 2, { "alpha", "beta" } },
	[FW_DIST_GAMMA] = { "gamma", 2, { "shape", "scale" } },
	[FW_DIST_TRIANGULAR] = { "triangular", 3, { "min", "mode", "max" } },
	[FW_DIST_PERT] = { "pert", 3, { "min", "mode", "max" } },
	[FW_DIST_LOGITNORMAL] = { "logitnormal", 4, { "mu", "sigma", "min",
		"max" } },
};

const char *
fwi_dist_check(const fw_num *n)
{
	const double *p = n->p;

	switch (n->dist) {
	case FW_DIST_UNIFORM:
		return p[0] < p[1] ? NULL : "needs min < max";
	case FW_DIST_NORMAL:
		return p[1] > 0 ? NULL : "needs sd > 0";
	case FW_DIST_LOGNORMAL:
		return p[1] > 0 ? NULL : "needs sigma > 0";
	case FW_DIST_BETA:
		return p[0] > 0 && p[1] > 0 ? NULL :
		    "needs alpha > 0 and beta > 0";
	case FW_DIST_GAMMA:
		return p[0] > 0 && p[1] > 0 ? NULL :
		    "needs shape > 0 and scale > 0";
	case FW_DIST_TRIANGULAR:
	case FW_DIST_PERT:
		return p[0] <= p[1] && p[1] <= p[2] && p[0] < p[2] ? NULL :
		    "needs min <= mode <= max and min < max";
	case FW_DIST_LOGITNORMAL:
		return p[1] > 0 && p[2] < p[3] ? NULL :
		    "needs sigma > 0 and min < max";
	default:
		return NULL;
	}
}

void
fwi_dist_support(const fw_num *n, double *lo, double *hi, int *lo_open,
    int *hi_open)
{
	*lo_open = *hi_open = 0;
	switch (n->dist) {
	case FW_DIST_NONE:
		*lo = *hi = n->value;
		break;
	case FW_DIST_UNIFORM:
		*lo = n->p[0];
		*hi = n->p[1];
		break;
	case FW_DIST_TRIANGULAR:
	case FW_DIST_PERT:
		*lo = n->p[0];
		*hi = n->p[2];
		break;
	case FW_DIST_NORMAL:
		*lo = -INF;
		*hi = INF;
		*lo_open = *hi_open = 1;
		break;
	case FW_DIST_BETA:
		*lo = 0;
		*hi = 1;
		*lo_open = *hi_open = 1;
		break;
	case FW_DIST_LOGITNORMAL:
		*lo = n->p[2];
		*hi = n->p[3];
		*lo_open = *hi_open = 1;
		break;
	default:		/* lognormal, gamma */
		*lo = 0;
		*hi = INF;
		*lo_open = *hi_open = 1;
		break;
	}
}

int
fwi_dist_fits(const fw_num *n, const fw_key *k)
{
	double lo, hi;
	int lo_open, hi_open;
	int key_lo_open = k->lo_open;
	int key_hi_open = k->hi_open || k->hi == INF;

	fwi_dist_support(n, &lo, &hi, &lo_open, &hi_open);
	if (k->why != NULL && hi == INF) {
		hi = fwi_num_top(n);
		hi_open = 0;
	}
	if (lo < k->lo || (lo == k->lo && key_lo_open && !lo_open))
		return 0;
	if (hi > k->hi || (hi == k->hi && key_hi_open && !hi_open))
		return 0;
	return 1;
}

double
fwi_num_max(const fw_num *n)
{
	double lo, hi;
	int a, b;

	fwi_dist_support(n, &lo, &hi, &a, &b);
	return hi;
}

double
fwi_num_top(const fw_num *n)
{
	return fwi_num_at(n, fwi_u01(UINT32_MAX));
}

/* Beta-PERT with lambda 4: a beta on [min, max] with mean
 * (min + 4 mode + max) / 6. */
static double
pert_at(const double *p, double u)
{
	double range = p[2] - p[0];
	double a = 1 + 4 * (p[1] - p[0]) / range;
	double b = 1 + 4 * (p[2] - p[1]) / range;

	return p[0] + range * fwi_beta_quantile(u, a, b);
}

static double
triangular_at(const double *p, double u)
{
	double lo = p[0], mode = p[1], hi = p[2];
	double cut = (mode - lo) / (hi - lo);

	if (u < cut)
		return lo + sqrt(u * (hi - lo) * (mode - lo));
	return hi - sqrt((1 - u) * (hi - lo) * (hi - mode));
}

double
fwi_num_at(const fw_num *n, double u)
{
	const double *p = n->p;

	switch (n->dist) {
	case FW_DIST_UNIFORM:
		return (1 - u) * p[0] + u * p[1];
	case FW_DIST_NORMAL:
		return p[0] + p[1] * fwi_normal_quantile(u);
	case FW_DIST_LOGNORMAL:
		return exp(p[0] + p[1] * fwi_normal_quantile(u));
	case FW_DIST_BETA:
		return fwi_beta_quantile(u, p[0], p[1]);
	case FW_DIST_GAMMA:
		return p[1] * fwi_gamma_quantile(u, p[0]);
	case FW_DIST_TRIANGULAR:
		return triangular_at(p, u);
	case FW_DIST_PERT:
		return pert_at(p, u);
	case FW_DIST_LOGITNORMAL:
		return p[2] + (p[3] - p[2]) / (1 + exp(-(p[0] + p[1] *
		    fwi_normal_quantile(u))));
	default:
		return n->value;
	}
}

void
fwi_num_format(const fw_num *n, char *buf, size_t size)
{
	const fw_dist_info *d = &fwi_dists[n->dist];
	char v[40];
	size_t used;
	int i;

	if (n->dist == FW_DIST_NONE) {
		fw_format_real(n->value, buf, size);
		return;
	}
	used = (size_t)snprintf(buf, size, "{dist: %s", d->name);
	for (i = 0; i < d->nparam && used < size; i++) {
		fw_format_real(n->p[i], v, sizeof(v));
		used += (size_t)snprintf(buf + used, size - used, ", %s: %s",
		    d->param[i], v);
	}
	if (used < size)
		snprintf(buf + used, size - used, "}");
}

int
fwi_num_equal(const fw_num *a, const fw_num *b)
{
	int i;

	if (a->dist != b->dist)
		return 0;
	if (a->dist == FW_DIST_NONE)
		return a->value == b->value;
	for (i = 0; i < fwi_dists[a->dist].nparam; i++)
		if (a->p[i] != b->p[i])
			return 0;
	return 1;
}
