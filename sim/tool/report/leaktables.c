/* leaktables.c - leakage.csv, the decomposition of every metric by stage,
 * and leakage.json, what it was computed from; written both or neither.
 * SPDX-License-Identifier: MIT */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "booktable.h"
#include "csv.h"
#include "outfiles.h"
#include "leakage.h"

/* The figures of a row, in the columns' order, each with its interval. */
#define NFIGURE 5
static const char *const figure_name[NFIGURE] = { "actual",
	"one_at_a_time", "shapley", "share", "interaction" };

/* The columns: stage, label and metric, then each figure with its
 * interval. */
#define NTEXT 3
#define NCOLUMN (NTEXT + 3 * NFIGURE)

static void
column_names(char name[NCOLUMN][32])
{
	size_t j;

	snprintf(name[0], sizeof(name[0]), "stage");
	snprintf(name[1], sizeof(name[1]), "label");
	snprintf(name[2], sizeof(name[2]), "metric");
	for (j = 0; j < NFIGURE; j++) {
		snprintf(name[NTEXT + 3 * j], sizeof(name[0]), "%s",
		    figure_name[j]);
		snprintf(name[NTEXT + 3 * j + 1], sizeof(name[0]), "%s_lo95",
		    figure_name[j]);
		snprintf(name[NTEXT + 3 * j + 2], sizeof(name[0]), "%s_hi95",
		    figure_name[j]);
	}
}

/* Metric m's row of stage i: its label, and its figures in the columns'
 * order. */
static void
row_of(const fw_leakage *lk, size_t m, size_t i, char *label, size_t size,
    double x[3 * NFIGURE])
{
	const fw_leakage_row row = leak_row(lk, m, i);
	const fw_leakage_figure *fig[NFIGURE] = { &row.actual, &row.alone,
		&row.shapley, &row.share, &row.interaction };
	size_t j;

	leak_label(lk, i, label, size);
	for (j = 0; j < NFIGURE; j++) {
		x[3 * j] = fig[j]->mean;
		x[3 * j + 1] = fig[j]->lo95;
		x[3 * j + 2] = fig[j]->hi95;
	}
}

static void
write_csv(const fw_leakage *lk, FILE *f)
{
	const size_t K = fw_leakage_stage_count(lk);
	char name[NCOLUMN][32], label[256];
	double x[3 * NFIGURE];
	size_t m, i, j;

	column_names(name);
	for (j = 0; j < NCOLUMN; j++)
		fprintf(f, "%s%s", j ? "," : "", name[j]);
	fputc('\n', f);
	for (m = 0; m < fw_leakage_metric_count(); m++)
		for (i = 0; i <= K; i++) {
			row_of(lk, m, i, label, sizeof(label), x);
			fw_write_csv_text(f, leak_path(lk, i));
			fputc(',', f);
			fw_write_csv_text(f, label);
			fprintf(f, ",%s", fw_leakage_metric(m));
			csv_reals(f, x, 3 * NFIGURE);
			fputc('\n', f);
		}
}

int
leak_book_table(const fw_leakage *lk, const char *title, const char *note,
    book_csv *out, fw_error *err)
{
	const size_t K = fw_leakage_stage_count(lk);
	char name[NCOLUMN][32], label[256];
	char *names[NCOLUMN];
	const char *text[NCOLUMN] = { NULL };
	double x[NCOLUMN];
	size_t m, i, j;
	int rc, money;

	column_names(name);
	for (j = 0; j < NCOLUMN; j++)
		names[j] = name[j];
	rc = book_csv_start(out, "Leakage", title, note, NCOLUMN, names, err);
	for (m = 0; rc == FW_OK && m < fw_leakage_metric_count(); m++)
		for (i = 0; rc == FW_OK && i <= K; i++) {
			row_of(lk, m, i, label, sizeof(label), x + NTEXT);
			text[0] = leak_path(lk, i);
			text[1] = label;
			/* the metric in words, shown as that metric */
			text[2] = fw_metric_words(fw_leakage_metric(m), &money);
			rc = book_csv_add(out, text, x, fw_leakage_metric(m),
			    err);
		}
	return rc;
}

/* A number in JSON: null where there is none. */
static void
json_real(FILE *f, double x)
{
	if (isfinite(x))
		csv_real(f, x);
	else
		fputs("null", f);
}

static void
write_json(const fw_leakage *lk, const fw_run *run, const char *dir,
    const char *command_line, FILE *f)
{
	const fw_scenario *sc = fw_run_scenario(run);
	const size_t K = fw_leakage_stage_count(lk);
	time_t now = time(NULL);
	char stamp[64], label[256];
	size_t i, m;

	strftime(stamp, sizeof(stamp), "%Y-%m-%dT%H:%M:%SZ", gmtime(&now));
	json_opening(f, sc, dir);
	json_member(f, "variant", fw_leakage_variant(lk));
	fprintf(f, ",\n  \"seed\": %llu,\n  \"replications\": %llu,\n"
	    "  \"horizon_months\": %d,\n  \"configurations\": %zu,\n"
	    "  \"interaction_threshold\": ",
	    (unsigned long long)fw_run_seed(run),
	    (unsigned long long)fw_run_replications(run), fw_run_months(run),
	    (size_t)1 << K);
	json_real(f, LEAK_MATERIAL);
	fprintf(f, ",\n  \"interactions_material\": %s,\n  \"stages\": [",
	    leak_material(lk) ? "true" : "false");
	for (i = 0; i < K; i++) {
		fw_leakage_stage st;
		if (fw_leakage_get_stage(lk, i, &st) != FW_OK)
			continue;
		leak_label(lk, i, label, sizeof(label));
		fputs(i ? ",\n    {\"path\": " : "\n    {\"path\": ", f);
		fw_write_json_text(f, st.path);
		fputs(", \"label\": ", f);
		fw_write_json_text(f, label);
		fputs(", \"actual\": ", f);
		json_real(f, st.actual);
		fprintf(f, ", \"actual_uncertain\": %s, \"target\": ",
		    st.actual_uncertain ? "true" : "false");
		json_real(f, st.target_value);
		fprintf(f, ", \"target_uncertain\": %s}", st.target_uncertain ?
		    "true" : "false");
	}
	fputs("\n  ],\n  \"metrics\": [", f);
	for (m = 0; m < fw_leakage_metric_count(); m++) {
		fputs(m ? ", " : "", f);
		fw_write_json_text(f, fw_leakage_metric(m));
	}
	fprintf(f, "],\n  \"threads\": %d,\n  \"elapsed_seconds\": %.3f,\n"
	    "  \"finished\": \"%s\",\n  \"command_line\": ",
	    fw_run_threads(run), fw_run_elapsed(run), stamp);
	fw_write_json_text(f, command_line ? command_line : "");
	fputs("\n}\n", f);
}

int
write_leakage_tables(const fw_leakage *lk, const fw_run *run, const char *dir,
    const char *command_line, fw_error *err)
{
	static const char *const names[2] = { "leakage.csv", "leakage.json" };
	char *text[2] = { NULL, NULL };
	size_t len[2] = { 0, 0 };
	FILE *f[2];
	int i, rc = FW_OK;

	for (i = 0; i < 2; i++)
		if ((f[i] = open_memstream(&text[i], &len[i])) == NULL)
			rc = FW_ENOMEM;
	if (rc == FW_OK) {
		write_csv(lk, f[0]);
		write_json(lk, run, dir, command_line, f[1]);
	}
	for (i = 0; i < 2; i++)
		if (f[i] != NULL && fclose(f[i]) != 0)
			rc = FW_ENOMEM;
	if (rc == FW_OK)
		rc = write_texts(dir, 2, names, text, len, err);
	else
		fw_error_set(err, FW_ENOMEM, "", 0, 0, "", "out of memory");
	free(text[0]);
	free(text[1]);
	return rc;
}
