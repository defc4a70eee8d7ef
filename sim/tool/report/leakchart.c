/* leakchart.c - where value leaks, as its chart shows it: actual NPV,
 * each stage's Shapley gain and the frictionless ceiling, in $M; taken
 * from a decomposition in memory, or read back from the tables one wrote
 * (leakage.csv, leakage.json) when a directory is drawn again.
 * SPDX-License-Identifier: MIT */
#include "config.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "csvread.h"
#include "relpath.h"
#include "jsonread.h"
#include "leakchart.h"
#include "leakage.h"

/* The columns read: stage, label, metric, then mean, lo and hi of the
 * actual value and of the Shapley gain. */
static const char *const wanted[] = { "stage", "label", "metric", "actual",
	"actual_lo95", "actual_hi95", "shapley", "shapley_lo95",
	"shapley_hi95" };
#define NWANTED (sizeof(wanted) / sizeof(wanted[0]))

static int
read_row(csv_reader *r, const int *col, leak_chart *w, fw_error *err)
{
	double x[6];
	size_t j;
	int rc = FW_OK, total;

	if (strcmp(r->field[col[2]], "npv") != 0)
		return FW_OK;
	for (j = 0; rc == FW_OK && j < 6; j++)
		if ((rc = csv_number(r, (size_t)col[3 + j], 0, &x[j], err)) ==
		    FW_OK)
			x[j] /= 1e6;
	if (rc != FW_OK)
		return rc;
	total = strcmp(r->field[col[0]], "all") == 0;
	if (!total && w->n == FW_LEAKAGE_MAX_STAGES)
		return csv_fail(r, err, "more than %d stages: not a table "
		    "flywheel leakage wrote", FW_LEAKAGE_MAX_STAGES);
	memcpy(w->actual, x, sizeof(w->actual));
	if (total) {
		memcpy(w->total, x + 3, sizeof(w->total));
		w->have_total = 1;
		return FW_OK;
	}
	snprintf(w->label[w->n], sizeof(w->label[0]), "%s",
	    r->field[col[1]]);
	snprintf(w->stage[w->n], sizeof(w->stage[0]), "%s",
	    r->field[col[0]]);
	w->aim[w->n] = NAN;
	memcpy(w->gain[w->n++], x + 3, sizeof(w->gain[0]));
	return FW_OK;
}

static int
read_csv(const char *dir, leak_chart *w, fw_error *err)
{
	char path[4096];
	csv_reader r;
	int col[NWANTED], got = 0, rc;
	size_t j;

	pathf(path, sizeof(path), "%s/%s", dir,
	    fw_leakage_table_name(FW_LEAKAGE_CSV));
	if ((rc = csv_open(&r, path, err)) == FW_OK &&
	    (rc = csv_next(&r, &got, err)) == FW_OK && !got)
		rc = csv_fail(&r, err, "is empty");
	for (j = 0; rc == FW_OK && j < NWANTED; j++)
		if ((col[j] = csv_column(&r, wanted[j])) < 0)
			rc = csv_fail(&r, err, "has no column %s: not a table "
			    "flywheel leakage wrote", wanted[j]);
	while (rc == FW_OK && (rc = csv_next(&r, &got, err)) == FW_OK && got)
		rc = r.nfield < NWANTED ? csv_fail(&r, err, "has %zu fields",
		    r.nfield) : read_row(&r, col, w, err);
	if (rc == FW_OK && (w->n == 0 || !w->have_total))
		rc = csv_fail(&r, err, "holds no NPV decomposition");
	csv_close(&r);
	return rc;
}

/* leakage.json, or NULL in *j when there is none. */
static int
load_json(const char *dir, json **j, fw_error *err)
{
	char path[4096];
	int rc;

	*j = NULL;
	pathf(path, sizeof(path), "%s/%s", dir,
	    fw_leakage_table_name(FW_LEAKAGE_JSON));
	if (access(path, F_OK) != 0)
		return FW_OK;
	if ((rc = json_load(path, j, err)) == FW_OK &&
	    (*j)->kind != JSON_OBJECT) {
		json_free(*j);
		*j = NULL;
		fw_error_set(err, FW_EIO, path, 1, 0, "", "not a JSON object: "
		    "not a file flywheel wrote");
		return FW_EIO;
	}
	return rc;
}

/* The chart of dir's tables, what leakage.json says of them in j. */
static int
read_chart(const char *dir, const json *j, leak_chart **out, fw_error *err)
{
	leak_chart *w = calloc(1, sizeof(*w));
	int rc;

	*out = NULL;
	if (w == NULL) {
		fw_error_set(err, FW_ENOMEM, "", 0, 0, "", "out of memory");
		return FW_ENOMEM;
	}
	if ((rc = read_csv(dir, w, err)) != FW_OK) {
		free(w);
		return rc;
	}
	snprintf(w->scenario, sizeof(w->scenario), "%s", json_str(j,
	    "scenario_name", ""));
	snprintf(w->variant, sizeof(w->variant), "%s", json_str(j, "variant",
	    "baseline"));
	w->reps = json_num(j, "replications", NAN);
	*out = w;
	return FW_OK;
}

int
leak_chart_read(const char *dir, leak_chart **out, fw_error *err)
{
	json *j;
	int rc;

	*out = NULL;
	if ((rc = load_json(dir, &j, err)) == FW_OK)
		rc = read_chart(dir, j, out, err);
	json_free(j);
	return rc;
}

int
leak_chart_of_run(const char *dir, const char *hash, const char *seed,
    int months, const char *command_line, leak_chart **out, fw_error *err)
{
	json *j;
	uint64_t wrote;
	int rc, same;

	*out = NULL;
	if ((rc = load_json(dir, &j, err)) != FW_OK || j == NULL)
		return rc;
	/* The run that asked for it wrote it, with its own command line;
	 * anything else in the directory is another question's. */
	same = strcmp(json_str(j, "scenario_hash", ""), hash) == 0 &&
	    json_u64(j, "seed", &wrote) && wrote == strtoull(seed, NULL, 10) &&
	    json_num(j, "horizon_months", NAN) == months &&
	    strcmp(json_str(j, "command_line", ""), command_line) == 0;
	if (same)
		rc = read_chart(dir, j, out, err);
	json_free(j);
	return rc;
}

int
leak_chart_of(const fw_leakage *lk, const fw_run *run, leak_chart **out,
    fw_error *err)
{
	const size_t K = fw_leakage_stage_count(lk);
	leak_chart *w = calloc(1, sizeof(*w));
	size_t m, i;

	*out = NULL;
	if (w == NULL) {
		fw_error_set(err, FW_ENOMEM, "", 0, 0, "", "out of memory");
		return FW_ENOMEM;
	}
	for (m = 0; fw_leakage_metric(m) != NULL &&
	    strcmp(fw_leakage_metric(m), "npv") != 0; m++)
		;
	for (i = 0; i <= K && i < FW_LEAKAGE_MAX_STAGES + 1; i++) {
		const fw_leakage_row row = leak_row(lk, m, i);
		const double gain[3] = { row.shapley.mean / 1e6,
			row.shapley.lo95 / 1e6, row.shapley.hi95 / 1e6 };
		w->actual[0] = row.actual.mean / 1e6;
		w->actual[1] = row.actual.lo95 / 1e6;
		w->actual[2] = row.actual.hi95 / 1e6;
		if (i == K) {
			memcpy(w->total, gain, sizeof(w->total));
			w->have_total = 1;
		} else {
			leak_label(lk, i, w->label[w->n], sizeof(w->label[0]));
			snprintf(w->stage[w->n], sizeof(w->stage[0]), "%s",
			    leak_path(lk, i));
			w->aim[w->n] = NAN;
			memcpy(w->gain[w->n++], gain, sizeof(w->gain[0]));
		}
	}
	snprintf(w->scenario, sizeof(w->scenario), "%s",
	    fw_scenario_name(fw_run_scenario(run)));
	snprintf(w->variant, sizeof(w->variant), "%s",
	    fw_leakage_variant(lk) != NULL ? fw_leakage_variant(lk) :
	    "baseline");
	w->reps = (double)fw_run_replications(run);
	*out = w;
	return FW_OK;
}

void
leak_chart_free(leak_chart *w)
{
	free(w);
}

