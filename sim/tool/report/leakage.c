/* leakage.c - where value leaks: one scenario holding every subset of
 * stages removed as a variant, so that one run pairs them all on the same
 * random numbers, and its decomposition replication by replication.
 * SPDX-License-Identifier: MIT */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "labels.h"
#include "leakage.h"

const leak_metric leak_metrics[LEAK_NMETRIC] = { { "NPV", 1 },
	{ "revenue", 1 }, { "scripts filled", 0 },
	{ "patients on therapy at the end", 0 },
	{ "realization-gap value", 1 }, { "customer value at risk", 1 },
	{ "re-acquisition cost", 1 } };

/* The library's names of each metric, newest first. */
static const char *const metric_names[LEAK_NMETRIC][2] = {
	{ "npv" }, { "revenue" }, { "scripts_filled" }, { "patients" },
	{ "gap_value" }, { "customer_value_at_risk", "cvar" },
	{ "reacq_cost" } };

static const char *const friction_paths[] = { "friction.prescribe",
	"friction.onboarding", "friction.access", "friction.continuity",
	"friction.support" };

static int
nomem(fw_error *err)
{
	fw_error_set(err, FW_ENOMEM, "", 0, 0, "", "out of memory");
	return FW_ENOMEM;
}

int
leak_init(leakage *lk, const fw_scenario *sc, const char *variant,
    fw_error *err)
{
	size_t m, j;

	memset(lk, 0, sizeof(*lk));
	if (variant == NULL)
		variant = "baseline";
	if (fw_scenario_variant_index(sc, variant) < 0) {
		fw_error_set(err, FW_EINVALID, fw_scenario_file(sc), 0, 0, "",
		    "no variant named '%s'", variant);
		return FW_EINVALID;
	}
	for (m = 0; m < LEAK_NMETRIC; m++) {
		lk->metric[m] = -1;
		for (j = 0; j < 2 && lk->metric[m] < 0; j++)
			if (metric_names[m][j] != NULL)
				lk->metric[m] = fw_metric_index(
				    metric_names[m][j]);
		if (lk->metric[m] < 0) {
			fw_error_set(err, FW_ERUN, "", 0, 0, "", "the library "
			    "has no metric %s", metric_names[m][0]);
			return FW_ERUN;
		}
	}
	if ((lk->variant = strdup(variant)) == NULL)
		return nomem(err);
	return FW_OK;
}

int
leak_default_stages(leakage *lk, fw_error *err)
{
	size_t i;
	int rc = FW_OK;

	for (i = 0; rc == FW_OK && i < sizeof(friction_paths) /
	    sizeof(friction_paths[0]); i++)
		rc = leak_stage_set(lk, friction_paths[i], "0", err);
	return rc;
}

int
leak_stage_set(leakage *lk, const char *path, const char *target,
    fw_error *err)
{
	leak_stage *st;
	char *t, label[256];
	size_t i;

	for (i = 0; i < lk->nstage; i++)
		if (strcmp(lk->stage[i].path, path) == 0)
			break;
	if (i == LEAK_MAX_STAGES) {
		fw_error_set(err, FW_EINVALID, "", 0, 0, path, "more than %d "
		    "stages: each stage doubles the runtime (2^K "
		    "configurations of the scenario)", LEAK_MAX_STAGES);
		return FW_EINVALID;
	}
	if ((t = strdup(target)) == NULL)
		return nomem(err);
	st = &lk->stage[i];
	if (i == lk->nstage) {
		memset(st, 0, sizeof(*st));
		param_label(path, label, sizeof(label));
		if ((st->path = strdup(path)) == NULL ||
		    (st->label = strdup(label)) == NULL) {
			free(st->path);
			free(t);
			return nomem(err);
		}
		lk->nstage++;
	}
	free(st->target);
	st->target = t;
	return FW_OK;
}

/* The variant of subset m: prefix and one digit per stage. */
static void
subset_name(const leakage *lk, const char *prefix, size_t m, char *buf,
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
keep_variant(leakage *lk, fw_error *err)
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
			return nomem(err);
		rc = fw_scenario_remove_variant(lk->sc, name, err);
		free(name);
	}
	return rc;
}

int
leak_build(leakage *lk, const fw_scenario *sc, size_t *bad, fw_error *err)
{
	const size_t n = (size_t)1 << lk->nstage;
	const char *prefix;
	char name[32];
	size_t m, i;
	int rc;

	*bad = lk->nstage;
	fw_scenario_free(lk->sc);
	lk->sc = NULL;
	if (lk->nstage == 0) {
		fw_error_set(err, FW_EINVALID, "", 0, 0, "", "no stages");
		return FW_EINVALID;
	}
	if (fw_scenario_copy(sc, &lk->sc) != FW_OK)
		return nomem(err);
	if ((rc = keep_variant(lk, err)) != FW_OK)
		return rc;
	/* The subsets' names must not be the variant's own. */
	prefix = strncmp(lk->variant, "removed-", 8) == 0 ? "without-" :
	    "removed-";
	lk->config[0] = (size_t)fw_scenario_variant_index(lk->sc,
	    lk->variant);
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
	for (i = 0; i < lk->nstage; i++) {
		leak_stage *st = &lk->stage[i];
		const char *removed = fw_scenario_variant_name(lk->sc,
		    lk->config[(size_t)1 << i]);
		if ((rc = fw_scenario_value(lk->sc, lk->variant, st->path, 0.5,
		    &st->actual_value, err)) != FW_OK ||
		    (rc = fw_scenario_value(lk->sc, removed, st->path, 0.5,
		    &st->target_value, err)) != FW_OK) {
			*bad = i;
			return rc;
		}
		st->actual_uncertain = fw_scenario_is_uncertain(lk->sc,
		    lk->variant, st->path) == 1;
		st->target_uncertain = fw_scenario_is_uncertain(lk->sc,
		    removed, st->path) == 1;
	}
	return FW_OK;
}

/* The mean of x[0..n-1] and the 95% t interval of the mean; scratch
 * holds n values. */
static void
figure_of(const double *x, size_t n, double *scratch, leak_figure *f)
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
    leak_figure *f)
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
typedef struct leak_values {
	double *actual, *alone[LEAK_MAX_STAGES + 1];
	double *shapley[LEAK_MAX_STAGES + 1], *interaction, *scratch;
} leak_values;

/* Fills row[0..K] of metric m from the values of its replications. */
static void
summarize(leakage *lk, size_t m, leak_values *x, size_t R)
{
	const size_t K = lk->nstage;
	size_t i, r;

	for (i = 0; i <= K; i++) {
		leak_row *row = &lk->row[m][i];
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
leak_decompose(leakage *lk, const fw_run *run, fw_error *err)
{
	const size_t K = lk->nstage, n = (size_t)1 << K;
	const size_t R = (size_t)fw_run_replications(run);
	double v[1 << LEAK_MAX_STAGES], phi[LEAK_MAX_STAGES], *block;
	leak_values x;
	size_t m, i, r, s;

	if (K == 0 || fw_run_scenario(run) != lk->sc) {
		fw_error_set(err, FW_EINVALID, "", 0, 0, "", "not a run of "
		    "the decomposition's scenario");
		return FW_EINVALID;
	}
	/* actual, alone and shapley per stage and summed, interaction,
	 * scratch */
	if ((block = calloc((2 * K + 5) * R + 1, sizeof(double))) == NULL)
		return nomem(err);
	x.actual = block;
	for (i = 0; i <= K; i++) {
		x.alone[i] = block + (1 + i) * R;
		x.shapley[i] = block + (2 + K + i) * R;
	}
	x.interaction = block + (3 + 2 * K) * R;
	x.scratch = block + (4 + 2 * K) * R;
	for (m = 0; m < LEAK_NMETRIC; m++) {
		for (r = 0; r < R; r++) {
			for (s = 0; s < n; s++)
				v[s] = fw_run_value(run, r, lk->config[s],
				    (size_t)lk->metric[m]);
			/* K is at most LEAK_MAX_STAGES, which it accepts */
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
	return FW_OK;
}

void
leak_order(const double *gain, size_t n, size_t *order)
{
	size_t i, j;

	/* insertion keeps equal gains in their given order */
	for (i = 0; i < n; i++) {
		for (j = i; j > 0 && gain[order[j - 1]] < gain[i]; j--)
			order[j] = order[j - 1];
		order[j] = i;
	}
}

size_t
leak_rank(const leakage *lk, size_t r)
{
	double gain[LEAK_MAX_STAGES];
	size_t order[LEAK_MAX_STAGES], i;

	for (i = 0; i < lk->nstage; i++)
		gain[i] = lk->row[0][i].shapley.mean;
	leak_order(gain, lk->nstage, order);
	return r < lk->nstage ? order[r] : 0;
}

int
leak_material(const leakage *lk)
{
	const double total = fabs(lk->row[0][lk->nstage].shapley.mean);
	size_t i;

	for (i = 0; i < lk->nstage; i++)
		if (fabs(lk->row[0][i].interaction.mean) > LEAK_MATERIAL *
		    total)
			return 1;
	return 0;
}

void
leak_number(double x, int decimals, int sign, char *buf, size_t size)
{
	char digits[64], *w = buf;
	size_t n, i, lead;

	snprintf(digits, sizeof(digits), "%.*f", decimals, fabs(x));
	n = strcspn(digits, ".");
	if (size < n + n / 3 + 8) {
		snprintf(buf, size, "%s", digits);
		return;
	}
	/* a figure that rounds to zero takes no minus */
	if (x < 0 && strspn(digits, "0.") != strlen(digits))
		*w++ = '-';
	else if (sign)
		*w++ = '+';
	lead = n % 3 ? n % 3 : 3;
	for (i = 0; i < n; i++) {
		if (i >= lead && (i - lead) % 3 == 0)
			*w++ = ',';
		*w++ = digits[i];
	}
	strcpy(w, digits + n);
}

/* "five" for 5, up to the most stages there can be. */
static const char *
count_word(size_t n)
{
	static const char *const word[] = { "no", "one", "two", "three",
		"four", "five", "six", "seven", "eight" };

	return n < sizeof(word) / sizeof(word[0]) ? word[n] : "many";
}

void
leak_headline(const char *label, double gain, size_t nstage, char *buf,
    size_t size)
{
	const char *sign = gain < 0 ? "-" : "";
	char m[48];

	leak_number(fabs(gain) / 1e6, 1, 0, m, sizeof(m));
	if (!(gain > 0) && nstage == 1)
		snprintf(buf, size, "%s does not leak NPV: removing it changes "
		    "NPV by %s$%sM", label, sign, m);
	else if (!(gain > 0))
		snprintf(buf, size, "None of the %s stages leaks NPV: the "
		    "largest change, removing %s, is %s$%sM",
		    count_word(nstage), label, sign, m);
	else if (nstage == 1)
		snprintf(buf, size, "%s leaks $%sM of NPV", label, m);
	else
		snprintf(buf, size, "%s leaks $%sM of NPV, the %s of %s "
		    "stages", label, m, nstage == 2 ? "larger" : "largest",
		    count_word(nstage));
	/* a sentence: its first letter in capitals */
	if (buf[0] >= 'a' && buf[0] <= 'z')
		buf[0] = (char)(buf[0] - 'a' + 'A');
}

void
leak_free(leakage *lk)
{
	size_t i;

	for (i = 0; i < lk->nstage; i++) {
		free(lk->stage[i].path);
		free(lk->stage[i].target);
		free(lk->stage[i].label);
	}
	free(lk->variant);
	fw_scenario_free(lk->sc);
	memset(lk, 0, sizeof(*lk));
}
