/* report_run.c - the report of a run in memory: the figures its tables
 * give, taken from the library as the tables' writer takes them, so that
 * `flywheel run` shows what it wrote without reading it back.
 * SPDX-License-Identifier: MIT */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "guesses.h"
#include "relpath.h"
#include "optionlook.h"
#include "report.h"
#include "voiread.h"

static int
nomem(fw_error *err)
{
	fw_error_set(err, FW_ENOMEM, "", 0, 0, "", "out of memory");
	return FW_ENOMEM;
}

static char *
dup_or_empty(const char *s)
{
	return strdup(s != NULL ? s : "");
}

/* The index of a metric the library always has. */
static size_t
metric(const char *name)
{
	size_t k = 0;

	fw_metric_index(name, &k);
	return k;
}

/* The index of a monthly series the library always has. */
static size_t
series(const char *name)
{
	size_t k = 0;

	fw_series_index(name, &k);
	return k;
}

/* What run.json records: the scenario, the model, the settings, the
 * fit table (named from the results directory, as it is read back) and
 * the changes each variant makes. */
static int
take_record(const fw_run *run, const run_record *rec, report *d)
{
	const fw_scenario *sc = fw_run_scenario(run);
	char seed[32], table[4096];
	size_t v, i;

	snprintf(seed, sizeof(seed), "%llu",
	    (unsigned long long)fw_run_seed(run));
	table[0] = '\0';
	if (fw_scenario_calibration(sc) != NULL)
		path_from(rec->dir, fw_scenario_calibration(sc), table,
		    sizeof(table));
	if ((d->scenario = dup_or_empty(fw_scenario_name(sc))) == NULL ||
	    (d->scenario_file = dup_or_empty(fw_scenario_file(sc))) == NULL ||
	    (d->scenario_hash = dup_or_empty(fw_scenario_hash(sc))) == NULL ||
	    (d->scenario_sha256 = dup_or_empty(fw_scenario_sha256(sc))) ==
	    NULL ||
	    (d->model = dup_or_empty(fw_model())) == NULL ||
	    (d->version = dup_or_empty(fw_version())) == NULL ||
	    (d->finished = dup_or_empty(rec->finished)) == NULL ||
	    (d->seed = strdup(seed)) == NULL ||
	    (d->command_line = dup_or_empty(rec->command_line)) == NULL ||
	    (d->calibration = strdup(table)) == NULL)
		return FW_ENOMEM;
	for (v = 1, i = 0; v < d->nv; v++)
		i += fw_scenario_change_count(sc, v);
	if ((d->change = calloc(i + 1, sizeof(run_change))) == NULL)
		return FW_ENOMEM;
	for (v = 1; v < d->nv; v++)
		for (i = 0; i < fw_scenario_change_count(sc, v); i++) {
			run_change *to = &d->change[d->nchange];
			fw_change ch;
			if (fw_scenario_change(sc, v, i, &ch) != FW_OK)
				continue;
			to->v = v;
			d->nchange++;
			if ((to->path = strdup(ch.path)) == NULL ||
			    (to->from = strdup(ch.from)) == NULL ||
			    (to->to = strdup(ch.to)) == NULL)
				return FW_ENOMEM;
		}
	return FW_OK;
}

/* The monthly series the charts show, per variant and month. */
static int
take_series(const fw_run *run, report *d)
{
	size_t v;
	int k, t, rc;

	for (k = 0; k < RS_COUNT; k++) {
		const char *name = k < RS_STATE ? run_series_names[k] :
		    run_state_names[k - RS_STATE];
		char first[64];
		size_t s;
		snprintf(first, sizeof(first), "%.*s", (int)strcspn(name, "|"),
		    name);
		if (fw_series_index(first, &s) != FW_OK)
			continue;
		for (v = 0; v < d->nv; v++)
			for (t = 1; t <= d->T; t++)
				if ((rc = fw_run_month(run, v, t, s,
				    &d->series[((size_t)k * d->nv + v) *
				    (size_t)d->T + (size_t)t - 1])) != FW_OK)
					return rc;
	}
	return FW_OK;
}

/* Each variant against the baseline, overall and month by month. */
static int
take_compare(const fw_run *run, report *d)
{
	const size_t npv = metric("npv");
	size_t v;
	int t, rc;

	for (v = 1; v < d->nv; v++) {
		run_compare *c = &d->cmp[v];
		fw_paired p;
		if ((rc = fw_run_paired(run, v, 0, npv, &p)) != FW_OK)
			return rc;
		if ((rc = fw_run_payback(run, v, 0, &c->payback)) != FW_OK ||
		    (rc = fw_run_compounding(run, v, 0, &c->compounding)) !=
		    FW_OK)
			return rc;
		c->mean = p.mean;
		c->lo95 = p.lo95;
		c->hi95 = p.hi95;
		c->p5 = p.p5;
		c->p50 = p.p50;
		c->p95 = p.p95;
		c->p_positive = p.p_positive;
		c->cost = fw_run_gain(run, v, metric("spend_pv"));
		c->roi = c->cost > 0 ? p.mean / c->cost : NAN;
		c->dprogram = fw_run_gain(run, v, metric("program_cost"));
		c->dchannel = fw_run_gain(run, v, metric("channel_cost"));
		for (t = 1; t <= d->T; t++) {
			size_t at = v * (size_t)d->T + (size_t)t - 1;
			fw_gain g;
			if ((rc = fw_run_cumulative_gain(run, v, t, &g)) !=
			    FW_OK)
				return rc;
			d->cum[at] = (fw_band){ g.mean, g.p5, g.p50, g.p95 };
			d->dcash[at] = fw_run_month_gain(run, v, t,
			    series("cash"));
		}
	}
	report_starts(d);
	return FW_OK;
}

/* Each variant's statistics, and every replication's NPV and draws. */
static int
take_replications(const fw_run *run, report *d)
{
	const size_t npv = metric("npv");
	size_t v, i, n = d->R * d->nv;
	fw_stats s;
	int rc;

	for (v = 0; v < d->nv; v++) {
		if ((rc = fw_run_stats(run, v, npv, &d->npv[v])) != FW_OK)
			return rc;
		if ((rc = fw_run_stats(run, v, metric("program_cost"), &s)) != FW_OK)
			return rc;
		d->program_cost[v] = s.mean;
		if ((rc = fw_run_stats(run, v, metric("channel_cost"), &s)) != FW_OK)
			return rc;
		d->channel_cost[v] = s.mean;
		if ((rc = fw_run_stats(run, v, metric("spend_pv"), &s)) != FW_OK)
			return rc;
		d->spend_pv[v] = s.mean;
	}
	d->ndraw = fw_run_draw_count(run);
	if ((d->rep_npv = malloc(n * sizeof(double) + 1)) == NULL ||
	    (d->draw = malloc(n * d->ndraw * sizeof(double) + 1)) == NULL ||
	    (d->draw_path = calloc(d->ndraw + 1, sizeof(char *))) == NULL)
		return FW_ENOMEM;
	for (i = 0; i < d->ndraw; i++)
		if ((d->draw_path[i] = strdup(fw_run_draw_path(run, i))) ==
		    NULL)
			return FW_ENOMEM;
	for (i = 0; i < n; i++) {
		size_t j;
		d->rep_npv[i] = fw_run_value(run, i / d->nv, i % d->nv, npv);
		for (j = 0; j < d->ndraw; j++)
			d->draw[i * d->ndraw + j] = fw_run_draw(run, i / d->nv,
			    i % d->nv, j);
	}
	return FW_OK;
}

/* The value of information as voi.csv gives it: the option best now,
 * EVPI, and each single input's EVPPI. */
static int
take_voi(const fw_run *run, const voi_table *t, report *d)
{
	const fw_scenario *sc = fw_run_scenario(run);
	voi_read *v;
	size_t i;

	if (t == NULL || t->ninput == 0)
		return FW_OK;
	if ((v = calloc(1, sizeof(*v))) == NULL)
		return FW_ENOMEM;
	snprintf(v->best, sizeof(v->best), "%s", fw_scenario_variant_name(sc,
	    t->best));
	v->evpi = t->evpi.value;
	v->evpi_se = t->evpi.se;
	for (i = 0; i < t->ninput && i < VOI_MAX_INPUTS; i++) {
		snprintf(v->path[i], sizeof(v->path[0]), "%s",
		    fw_run_draw_path(run, i));
		v->evppi[i] = t->input[i].value;
	}
	v->ninput = i;
	v->best_share = t->best > 0 ? t->explained[t->best] : NAN;
	d->voi = v;
	return FW_OK;
}

/* Each variant's label and colour as the scenario gives them. */
static int
take_looks(const fw_scenario *sc, report *d)
{
	const char **given = calloc(3 * (d->nv + 1), sizeof(char *));
	size_t v;
	int rc;

	if (given == NULL)
		return FW_ENOMEM;
	for (v = 0; v < d->nv; v++) {
		given[v] = fw_scenario_variant_label(sc, v);
		given[d->nv + v] = fw_scenario_variant_description(sc, v);
		given[2 * d->nv + v] = fw_scenario_variant_colour(sc, v);
	}
	rc = report_looks(d, given, given + d->nv, given + 2 * d->nv);
	free(given);
	return rc;
}

/* Each option's mean NPV with the guesses, when the scenario is a
 * calibrated one whose guesses were run too. */
static int
take_guesses(const run_record *rec, report *d)
{
	size_t v;
	int rc = FW_OK;

	if (rec->guessed == NULL)
		return FW_OK;
	if ((d->npv_guessed = calloc(d->nv, sizeof(double))) == NULL)
		return FW_ENOMEM;
	for (v = 0; rc == FW_OK && v < d->nv; v++)
		rc = guesses_mean_npv(rec->guessed, v, &d->npv_guessed[v]);
	return rc;
}

int
report_of_run(const fw_run *run, const voi_table *voi,
    const run_record *rec, report *d, fw_error *err)
{
	const fw_scenario *sc = fw_run_scenario(run);
	size_t v;
	int rc;

	memset(d, 0, sizeof(*d));
	d->nv = fw_scenario_variant_count(sc);
	d->T = fw_run_months(run);
	d->R = (size_t)fw_run_replications(run);
	if ((d->names = calloc(d->nv + 1, sizeof(char *))) == NULL)
		return nomem(err);
	for (v = 0; v < d->nv; v++)
		if ((d->names[v] = strdup(fw_scenario_variant_name(sc, v))) ==
		    NULL)
			return nomem(err);
	if ((rc = report_allocate(d, err)) != FW_OK)
		return rc;
	if ((rc = take_looks(sc, d)) != FW_OK ||
	    (rc = take_record(run, rec, d)) != FW_OK ||
	    (rc = take_series(run, d)) != FW_OK ||
	    (rc = take_compare(run, d)) != FW_OK ||
	    (rc = take_replications(run, d)) != FW_OK ||
	    (rc = take_voi(run, voi, d)) != FW_OK ||
	    (rc = take_guesses(rec, d)) != FW_OK ||
	    (rc = fw_run_recommend(run, &d->rec)) != FW_OK)
		return nomem(err);
	/* named from the results directory, as run.json names it */
	if (*d->calibration != '\0' && *d->calibration != '/')
		return report_resolve(rec->dir, &d->calibration, err);
	return FW_OK;
}
