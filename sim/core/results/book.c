/* book.c - the figures of results.xlsx gathered from a run in memory
 * (fw_run_book), so that the command, Python and R write one workbook
 * through one writer (workbook.c).
 * SPDX-License-Identifier: MIT */
#include "config.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "run.h"
#include "scenario.h"

/* What fw_run_book allocates, released together. */
typedef struct book_own {
	fw_recommendation rec;
	const char **name, **label, **given, **metric, **series;
	char (*label_text)[512];
	char (*colour_text)[8];
	uint32_t *colour;
	double *value, *draw;
	fw_band *band;
} book_own;

static void
own_free(book_own *o)
{
	if (o == NULL)
		return;
	fw_recommendation_free(&o->rec);
	free(o->name);
	free(o->label);
	free(o->given);
	free(o->label_text);
	free(o->colour_text);
	free(o->colour);
	free(o->metric);
	free(o->series);
	free(o->value);
	free(o->draw);
	free(o->band);
	free(o);
}

void
fw_book_free(fw_book *book)
{
	if (book == NULL)
		return;
	own_free(book->own);
	memset(book, 0, sizeof(*book));
}

/* Every metric of every variant and replication, and every draw, in
 * the book's order (replication, variant, then metric or input). */
static int
gather_replications(const fw_run *run, book_own *o, size_t V, size_t K,
    size_t D)
{
	uint64_t R = run->reps, r;
	double *x = malloc(R * sizeof(double) + 1);
	size_t v, k;
	int rc = FW_OK;

	if (x == NULL)
		return FW_ENOMEM;
	for (v = 0; rc == FW_OK && v < V; v++) {
		for (k = 0; rc == FW_OK && k < K; k++) {
			rc = fw_run_values(run, v, k, x);
			for (r = 0; rc == FW_OK && r < R; r++)
				o->value[(r * V + v) * K + k] = x[r];
		}
		for (k = 0; rc == FW_OK && k < D; k++) {
			rc = fw_run_draws(run, v, k, x);
			for (r = 0; rc == FW_OK && r < R; r++)
				o->draw[(r * V + v) * D + k] = x[r];
		}
	}
	free(x);
	return rc;
}

int
fw_run_book(const fw_run *run, fw_book *out)
{
	const fw_scenario *sc;
	const fw_num *rate;
	size_t V, K, S, D, v, k;
	book_own *o;
	int t, rc;

	if (out == NULL)
		return FW_EINVALID;
	memset(out, 0, sizeof(*out));
	if (run == NULL || run->done < run->reps)
		return FW_EINVALID;
	sc = run->sc;
	V = run->nvar;
	K = fw_metric_count();
	S = fw_series_count();
	D = run->ndraw;
	if ((o = calloc(1, sizeof(*o))) == NULL)
		return FW_ENOMEM;
	o->name = calloc(V, sizeof(char *));
	o->label = calloc(V, sizeof(char *));
	o->given = calloc(V, sizeof(char *));
	o->label_text = calloc(V, sizeof(*o->label_text));
	o->colour_text = calloc(V, sizeof(*o->colour_text));
	o->colour = calloc(V, sizeof(uint32_t));
	o->metric = calloc(K, sizeof(char *));
	o->series = calloc(S, sizeof(char *));
	o->value = malloc(run->reps * V * K * sizeof(double));
	o->draw = malloc(run->reps * V * D * sizeof(double) + 1);
	o->band = malloc(V * S * (size_t)run->horizon * sizeof(fw_band));
	rc = o->name && o->label && o->given && o->label_text && o->colour_text &&
	    o->colour && o->metric && o->series && o->value && o->draw &&
	    o->band ? FW_OK : FW_ENOMEM;
	if (rc == FW_OK)
		rc = fw_run_recommend(run, &o->rec);
	if (rc == FW_OK)
		rc = gather_replications(run, o, V, K, D);
	for (v = 0; rc == FW_OK && v < V; v++)
		for (k = 0; rc == FW_OK && k < S; k++)
			for (t = 1; rc == FW_OK && t <= run->horizon; t++)
				rc = fw_run_month(run, v, t, k, &o->band[(v * S +
				    k) * (size_t)run->horizon + (size_t)t - 1]);
	if (rc != FW_OK) {
		own_free(o);
		return rc;
	}
	/* Each option shown as the command shows it: its label (the
	 * baseline "baseline") and colour. */
	for (v = 0; v < V; v++) {
		o->name[v] = sc->config[v].name;
		o->label[v] = o->name[v];
		if (v > 0) {
			fw_option_label(o->name[v], fw_scenario_variant_label(sc,
			    v), fw_scenario_variant_description(sc, v),
			    o->label_text[v], sizeof(o->label_text[v]));
			o->label[v] = o->label_text[v];
		}
		o->given[v] = fw_scenario_variant_colour(sc, v);
	}
	fw_option_colours(o->name, o->given, V, o->colour_text);
	for (v = 0; v < V; v++)
		o->colour[v] = (uint32_t)strtoul(o->colour_text[v] + 1, NULL,
		    16);
	/* The recommendation in the options' labels, as the headers. */
	for (k = 0; k < o->rec.n; k++)
		o->rec.opt[k].name = o->label[o->rec.opt[k].variant];
	for (k = 0; k < K; k++)
		o->metric[k] = fw_metric_name(k);
	for (k = 0; k < S; k++)
		o->series[k] = fw_series_name(k);
	rate = &sc->config[0].g[FW_G_DISCOUNT_RATE];
	*out = (fw_book){ .scenario_name = sc->name,
		.scenario_file = sc->file, .scenario_sha256 = sc->sha256,
		.model = fw_model(), .calibration = sc->calibration,
		.seed = run->seed, .reps = run->reps, .months = run->horizon,
		.discount_rate = rate->dist == FW_DIST_NONE ? rate->value : NAN,
		.nvariant = V, .name = o->name, .label = o->label,
		.colour = o->colour, .rec = &o->rec,
		.nmetric = K, .metric = o->metric, .value = o->value,
		.ndraw = D, .draw_path = run->draw_path, .draw = o->draw,
		.nseries = S, .series = o->series, .band = o->band,
		.scenario = sc, .own = o };
	return FW_OK;
}

int
fw_run_write_workbook(const fw_run *run, const char *file,
    const char *command_line, fw_error *err)
{
	char finished[32];
	time_t now = time(NULL);
	struct tm tm;
	fw_book b;
	int rc;

	if (file == NULL) {
		fw_error_set(err, FW_EINVALID, "", 0, 0, "", "no file named");
		return FW_EINVALID;
	}
	if ((rc = fw_run_book(run, &b)) != FW_OK) {
		fw_error_set(err, rc, file, 0, 0, "", rc == FW_ENOMEM ? "out "
		    "of memory" : "the run is not finished");
		return rc;
	}
	strftime(finished, sizeof(finished), "%Y-%m-%dT%H:%M:%SZ",
	    gmtime_r(&now, &tm));
	b.version = fw_version();
	b.finished = finished;
	b.command_line = command_line;
	rc = fw_book_write(&b, file, err);
	fw_book_free(&b);
	return rc;
}
