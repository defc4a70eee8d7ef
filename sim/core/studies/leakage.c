/* leakage.c - where value leaks: one scenario holding every subset of
 * stages removed as a variant, so that one run pairs them all on the same
 * random numbers, and its decomposition replication by replication into
 * each stage's gain alone and its exact Shapley share.
 * SPDX-License-Identifier: MIT */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "flywheel.h"
#include "error.h"
#include "series.h"

#define MAX_STAGES FW_LEAKAGE_MAX_STAGES

/* The metrics decomposed, in the order of the command's tables, named
 * as metrics.def names them. */
static const char *const metric_names[] = { fwi_metric_NPV,
	fwi_metric_REVENUE, fwi_metric_SCRIPTS_FILLED, fwi_metric_PATIENTS,
	fwi_metric_GAP_VALUE, fwi_metric_CVAR, fwi_metric_REACQ_COST };
#define NMETRIC (sizeof(metric_names) / sizeof(metric_names[0]))

static const char *const friction_paths[] = { "friction.prescribe",
	"friction.onboarding", "friction.access", "friction.continuity",
	"friction.support" };

typedef struct stage {
	char *path, *target;
	double actual, target_value;
	int actual_uncertain, target_uncertain;
} stage;

struct fw_leakage {
	fw_scenario *base;	/* a copy of the scenario given */
	char *variant;		/* the variant decomposed */
	size_t nstage;
	stage stage[MAX_STAGES];
	fw_scenario *sc;	/* the variant and 2^K - 1 removals */
	size_t config[1 << MAX_STAGES];	/* variant of each subset */
	size_t metric[NMETRIC];		/* the library's metric numbers */
	int decomposed;
	/* [metric][stage]; row nstage sums the stages */
	fw_leakage_row row[NMETRIC][MAX_STAGES + 1];
};

int
fw_leakage_alloc(const fw_scenario *sc, const char *variant,
    fw_leakage **out, fw_error *err)
{
	fw_leakage *lk;
	size_t m, v;

	FWI_NOT_NULL(out, err);
	*out = NULL;
	FWI_NOT_NULL(sc, err);
	if (variant == NULL)
		variant = "baseline";
	if (fw_scenario_variant_index(sc, variant, &v) != FW_OK) {
		fw_error_set(err, FW_EINVALID, fw_scenario_file(sc), 0, 0, "",
		    "no variant named '%s'", variant);
		return FW_EINVALID;
	}
	if ((lk = calloc(1, sizeof(*lk))) == NULL)
		return fwi_nomem(err);
	for (m = 0; m < NMETRIC; m++)
		(void)fw_metric_index(metric_names[m], &lk->metric[m]);
	if ((lk->variant = strdup(variant)) == NULL ||
	    fw_scenario_copy(sc, &lk->base) != FW_OK) {
		fw_leakage_free(lk);
		return fwi_nomem(err);
	}
	*out = lk;
	return FW_OK;
}

void
fw_leakage_free(fw_leakage *lk)
{
	size_t i;

	if (lk == NULL)
		return;
	for (i = 0; i < lk->nstage; i++) {
		free(lk->stage[i].path);
		free(lk->stage[i].target);
	}
	free(lk->variant);
	fw_scenario_free(lk->sc);
	fw_scenario_free(lk->base);
	free(lk);
}

int
fw_leakage_set_stage(fw_leakage *lk, const char *path, const char *target,
    fw_error *err)
{
	stage *st;
	char *t;
	size_t i;

	FWI_NOT_NULL(lk, err);
	FWI_NOT_NULL(path, err);
	FWI_NOT_NULL(target, err);
	for (i = 0; i < lk->nstage; i++)
		if (strcmp(lk->stage[i].path, path) == 0)
			break;
	if (i == MAX_STAGES) {
		fw_error_set(err, FW_EINVALID, "", 0, 0, path, "more than %d "
		    "stages: each stage doubles the runtime (2^K "
		    "configurations of the scenario)", MAX_STAGES);
		return FW_EINVALID;
	}
	if ((t = strdup(target)) == NULL)
		return fwi_nomem(err);
	st = &lk->stage[i];
	if (i == lk->nstage) {
		memset(st, 0, sizeof(*st));
		if ((st->path = strdup(path)) == NULL) {
			free(t);
			return fwi_nomem(err);
		}
		lk->nstage++;
	}
	free(st->target);
	st->target = t;
	/* the scenario laid out before no longer holds this stage */
	fw_scenario_free(lk->sc);
	lk->sc = NULL;
	lk->decomposed = 0;
	return FW_OK;
}

int
fw_leakage_set_friction(fw_leakage *lk, fw_error *err)
{
	size_t i;
	int rc = FW_OK;

	for (i = 0; rc == FW_OK && i < sizeof(friction_paths) /
	    sizeof(friction_paths[0]); i++)
		rc = fw_leakage_set_stage(lk, friction_paths[i], "0", err);
	return rc;
}

/* The variant of subset m: prefix and one digit per stage. */
static void
subset_name(const fw_leakage *lk, const char *prefix, size_t m, char *buf,
    size_t size)
{
	size_t i, n = (size_t)snprintf(buf, size, "%s", prefix);

	for (i = 0; i < lk->nstage && n + 1 < size; i++)
		buf[n++] = m & ((size_t)1 << i) ? '1' : '0';
	buf[n] = '\0';
}

/* Removes every variant but the one decomposed, which would only cost
 * time. */
static int
keep_variant(fw_leakage *lk, fw_error *err)
{
	size_t v = fw_scenario_variant_count(lk->sc);
	char *name;
	int rc = FW_OK;

	while (rc == FW_OK && v-- > 1) {
		if (strcmp(fw_scenario_variant_name(lk->sc, v),
		    lk->variant) == 0)
			continue;
		if ((name = strdup(fw_scenario_variant_name(lk->sc, v))) ==
		    NULL)
			return fwi_nomem(err);
		rc = fw_scenario_remove_variant(lk->sc, name, err);
		free(name);
	}
	return rc;
}

/* Where stage i starts and where its removal takes it, as values. */
static int
stage_values(fw_leakage *lk, size_t i, fw_error *err)
{
	stage *st = &lk->stage[i];
	const char *removed = fw_scenario_variant_name(lk->sc,
	    lk->config[(size_t)1 << i]);
	int rc;

	if ((rc = fw_scenario_value(lk->sc, lk->variant, st->path, 0.5,
	    &st->actual, err)) != FW_OK ||
	    (rc = fw_scenario_value(lk->sc, removed, st->path, 0.5,
	    &st->target_value, err)) != FW_OK ||
	    (rc = fw_scenario_is_uncertain(lk->sc, lk->variant, st->path,
	    &st->actual_uncertain)) != FW_OK)
		return rc;
	return fw_scenario_is_uncertain(lk->sc, removed, st->path,
	    &st->target_uncertain);
}

/* Lays out lk->sc; on a bad stage, *bad is its index. */
static int
build(fw_leakage *lk, size_t *bad, fw_error *err)
{
	const size_t n = (size_t)1 << lk->nstage;
	const char *prefix;
	char name[32];
	size_t m, i;
	int rc;

	if (fw_scenario_copy(lk->base, &lk->sc) != FW_OK)
		return fwi_nomem(err);
	if ((rc = keep_variant(lk, err)) != FW_OK ||
	    (rc = fw_scenario_variant_index(lk->sc, lk->variant,
	    &lk->config[0])) != FW_OK)
		return rc;
	/* The subsets' names must not be the variant's own. */
	prefix = strncmp(lk->variant, "removed-", 8) == 0 ? "without-" :
	    "removed-";
	for (m = 1; m < n; m++) {
		subset_name(lk, prefix, m, name, sizeof(name));
		if ((rc = fw_scenario_add_variant(lk->sc, name, lk->variant,
		    err)) != FW_OK)
			return rc;
		for (i = 0; i < lk->nstage; i++)
			if ((m & ((size_t)1 << i)) != 0 &&
			    (rc = fw_scenario_set(lk->sc, name,
			    lk->stage[i].path, lk->stage[i].target, err)) !=
			    FW_OK) {
				*bad = i;
				return rc;
			}
		lk->config[m] = fw_scenario_variant_count(lk->sc) - 1;
	}
	for (i = 0; i < lk->nstage; i++)
		if ((rc = stage_values(lk, i, err)) != FW_OK) {
			*bad = i;
			return rc;
		}
	return FW_OK;
}

int
fw_leakage_build(fw_leakage *lk, size_t *bad, fw_error *err)
{
	size_t none;
	int rc;

	FWI_NOT_NULL(lk, err);
	if (bad == NULL)
		bad = &none;
	*bad = lk->nstage;
	fw_scenario_free(lk->sc);
	lk->sc = NULL;
	lk->decomposed = 0;
	if (lk->nstage == 0) {
		fw_error_set(err, FW_EINVALID, "", 0, 0, "", "no stages");
		return FW_EINVALID;
	}
	if ((rc = build(lk, bad, err)) != FW_OK) {
		fw_scenario_free(lk->sc);
		lk->sc = NULL;
	}
	return rc;
}

const fw_scenario *
fw_leakage_scenario(const fw_leakage *lk)
{
	return lk != NULL ? lk->sc : NULL;
}

/* The mean of x[0..n-1] and the 95% t interval of the mean; scratch
 * holds n values. */
static void
figure_of(const double *x, size_t n, double *scratch, fw_leakage_figure *f)
{
	fw_paired p;

	memcpy(scratch, x, n * sizeof(double));
	fw_paired_of(scratch, n, &p);
	f->mean = p.mean;
	f->lo95 = p.lo95;
	f->hi95 = p.hi95;
}

/* part's share of total, the ratio of their means, with the 95% interval
 * of a ratio estimator: the t interval of the mean of part - share
 * total, over the mean of total. */
static void
share_of(const double *part, const double *total, size_t n, double *scratch,
    fw_leakage_figure *f)
{
	double sp = 0, st = 0, half;
	fw_paired p;
	size_t r;

	for (r = 0; r < n; r++) {
		sp += part[r];
		st += total[r];
	}
	/* + 0.0: a zero share of a negative total is 0, not -0 */
	f->mean = st != 0 ? sp / st + 0.0 : NAN;
	for (r = 0; r < n; r++)
		scratch[r] = part[r] - f->mean * total[r];
	fw_paired_of(scratch, n, &p);
	half = (p.hi95 - p.lo95) / 2 / fabs(st / (double)n);
	f->lo95 = f->mean - half;
	f->hi95 = f->mean + half;
}

/* Per-replication values of one metric: the actual value, each stage
 * alone and its Shapley value, their sums over the stages, the total. */
typedef struct values {
	double *actual, *alone[MAX_STAGES + 1];
	double *shapley[MAX_STAGES + 1], *interaction, *scratch;
} values;

/* Fills row[0..K] of metric m from the values of its replications. */
static void
summarize(fw_leakage *lk, size_t m, values *x, size_t R)
{
	const size_t K = lk->nstage;
	size_t i, r;

	for (i = 0; i <= K; i++) {
		fw_leakage_row *row = &lk->row[m][i];
		figure_of(x->actual, R, x->scratch, &row->actual);
		figure_of(x->alone[i], R, x->scratch, &row->alone);
		figure_of(x->shapley[i], R, x->scratch, &row->shapley);
		share_of(x->shapley[i], x->shapley[K], R, x->scratch,
		    &row->share);
		for (r = 0; r < R; r++)
			x->interaction[r] = x->alone[i][r] - x->shapley[i][r];
		figure_of(x->interaction, R, x->scratch, &row->interaction);
	}
}

int
fw_leakage_decompose(fw_leakage *lk, const fw_run *run, fw_error *err)
{
	double v[1 << MAX_STAGES], phi[MAX_STAGES], *block;
	size_t K, n, R, m, i, r, s;
	values x;

	FWI_NOT_NULL(lk, err);
	FWI_NOT_NULL(run, err);
	if (lk->sc == NULL || fw_run_scenario(run) != lk->sc ||
	    fw_run_done(run) < fw_run_replications(run)) {
		fw_error_set(err, FW_EINVALID, "", 0, 0, "", "not a finished "
		    "run of the decomposition's scenario");
		return FW_EINVALID;
	}
	K = lk->nstage;
	n = (size_t)1 << K;
	R = (size_t)fw_run_replications(run);
	/* actual, alone and shapley per stage and summed, interaction,
	 * scratch */
	if ((block = calloc((2 * K + 5) * R + 1, sizeof(double))) == NULL)
		return fwi_nomem(err);
	x.actual = block;
	for (i = 0; i <= K; i++) {
		x.alone[i] = block + (1 + i) * R;
		x.shapley[i] = block + (2 + K + i) * R;
	}
	x.interaction = block + (3 + 2 * K) * R;
	x.scratch = block + (4 + 2 * K) * R;
	for (m = 0; m < NMETRIC; m++) {
		for (r = 0; r < R; r++) {
			for (s = 0; s < n; s++)
				v[s] = fw_run_value(run, r, lk->config[s],
				    lk->metric[m]);
			/* K is at most MAX_STAGES, which it accepts */
			(void)fw_shapley(v, K, phi);
			x.actual[r] = v[0];
			x.alone[K][r] = 0;
			for (i = 0; i < K; i++) {
				x.alone[i][r] = v[(size_t)1 << i] - v[0];
				x.shapley[i][r] = phi[i];
				x.alone[K][r] += x.alone[i][r];
			}
			x.shapley[K][r] = v[n - 1] - v[0];
		}
		summarize(lk, m, &x, R);
	}
	free(block);
	lk->decomposed = 1;
	return FW_OK;
}

const char *
fw_leakage_variant(const fw_leakage *lk)
{
	return lk != NULL ? lk->variant : NULL;
}

size_t
fw_leakage_stage_count(const fw_leakage *lk)
{
	return lk != NULL ? lk->nstage : 0;
}

int
fw_leakage_get_stage(const fw_leakage *lk, size_t i, fw_leakage_stage *out)
{
	const stage *st;

	if (lk == NULL || out == NULL || i >= lk->nstage)
		return FW_EINVALID;
	st = &lk->stage[i];
	out->path = st->path;
	out->target = st->target;
	out->actual = lk->sc != NULL ? st->actual : NAN;
	out->target_value = lk->sc != NULL ? st->target_value : NAN;
	out->actual_uncertain = lk->sc != NULL && st->actual_uncertain;
	out->target_uncertain = lk->sc != NULL && st->target_uncertain;
	return FW_OK;
}

size_t
fw_leakage_metric_count(void)
{
	return NMETRIC;
}

const char *
fw_leakage_metric(size_t m)
{
	return m < NMETRIC ? metric_names[m] : NULL;
}

int
fw_leakage_get_row(const fw_leakage *lk, size_t m, size_t i,
    fw_leakage_row *out)
{
	if (lk == NULL || out == NULL || !lk->decomposed || m >= NMETRIC ||
	    i > lk->nstage)
		return FW_EINVALID;
	*out = lk->row[m][i];
	return FW_OK;
}

int
fw_leakage_material(const fw_leakage *lk)
{
	double total;
	size_t i;

	if (lk == NULL || !lk->decomposed)
		return 0;
	total = fabs(lk->row[0][lk->nstage].shapley.mean);
	for (i = 0; i < lk->nstage; i++)
		if (fabs(lk->row[0][i].interaction.mean) > FW_LEAKAGE_MATERIAL *
		    total)
			return 1;
	return 0;
}
