/* leaktables.c - a decomposition's tables (fw_leakage_write_tables(3)):
 * leakage.csv, every metric's decomposition stage by stage, and
 * leakage.json, what it was computed from, written into descriptors the
 * caller opened as a run's tables are (tables.c), with the same opening.
 * SPDX-License-Identifier: MIT */
#include "config.h"

#include <math.h>
#include <stdio.h>

#include "flywheel.h"
#include "tablewrite.h"

/* The texts of a row, then its figures, each with its interval. */
#define NTEXT 3
static const char *const columns[FW_LEAKAGE_COLUMNS] = { "stage",
	"label", "metric", "actual", "actual_lo95", "actual_hi95",
	"one_at_a_time", "one_at_a_time_lo95", "one_at_a_time_hi95",
	"shapley", "shapley_lo95", "shapley_hi95", "share", "share_lo95",
	"share_hi95", "interaction", "interaction_lo95", "interaction_hi95" };

const char *
fw_leakage_column(size_t j)
{
	return j < FW_LEAKAGE_COLUMNS ? columns[j] : NULL;
}

int
fw_leakage_table_row(const fw_leakage *lk, size_t r, const char **text,
    double *num, char *buf, size_t size)
{
	const fw_leakage_figure none = { NAN, NAN, NAN };
	fw_leakage_row row = { none, none, none, none, none };
	const fw_leakage_figure *fig[] = { &row.actual, &row.alone,
		&row.shapley, &row.share, &row.interaction };
	size_t K, m, i, j;
	fw_leakage_stage st;

	if (lk == NULL || text == NULL || num == NULL || buf == NULL)
		return FW_EINVALID;
	K = fw_leakage_stage_count(lk);
	m = r / (K + 1);
	i = r % (K + 1);
	if (m >= fw_leakage_metric_count())
		return FW_EINVALID;
	(void)fw_leakage_get_row(lk, m, i, &row);
	if (fw_leakage_get_stage(lk, i, &st) == FW_OK) {
		text[0] = st.path;
		fw_key_label(st.path, buf, size);
	} else {
		text[0] = "all";
		snprintf(buf, size, "all stages");
	}
	text[1] = buf;
	text[2] = fw_leakage_metric(m);
	for (j = 0; j < NTEXT; j++)
		num[j] = NAN;
	for (j = 0; j < sizeof(fig) / sizeof(fig[0]); j++) {
		const double x[3] = { fig[j]->mean, fig[j]->lo95,
			fig[j]->hi95 };
		size_t c;
		for (c = 0; c < 3; c++) {
			text[NTEXT + 3 * j + c] = NULL;
			num[NTEXT + 3 * j + c] = x[c];
		}
	}
	return FW_OK;
}

static int
write_csv(FILE *f, const void *what, const fw_run_record *unused)
{
	const fw_leakage *lk = what;
	const char *text[FW_LEAKAGE_COLUMNS];
	double num[FW_LEAKAGE_COLUMNS];
	char label[256];
	size_t r, j;

	for (j = 0; j < FW_LEAKAGE_COLUMNS; j++)
		fprintf(f, "%s%s", j ? "," : "", columns[j]);
	fputc('\n', f);
	for (r = 0; fw_leakage_table_row(lk, r, text, num, label,
	    sizeof(label)) == FW_OK; r++) {
		for (j = 0; j < NTEXT; j++) {
			if (j > 0)
				fputc(',', f);
			fw_write_csv_text(f, text[j]);
		}
		fwi_csv_reals(f, num + NTEXT, FW_LEAKAGE_COLUMNS - NTEXT);
		fputc('\n', f);
	}
	return FW_OK;
}

/* A number in JSON: null where there is none. */
static void
json_real(FILE *f, double x)
{
	char buf[40];

	if (isfinite(x)) {
		fw_format_real(x, buf, sizeof(buf));
		fputs(buf, f);
	} else
		fputs("null", f);
}

/* What leakage.json writes besides the decomposition: its run. */
typedef struct decomposed {
	const fw_leakage *lk;
	const fw_run *run;
} decomposed;

static int
write_json(FILE *f, const void *what, const fw_run_record *rec)
{
	const decomposed *d = what;
	const fw_leakage *lk = d->lk;
	const fw_run *run = d->run;
	const size_t K = fw_leakage_stage_count(lk);
	const char *text[FW_LEAKAGE_COLUMNS];
	double num[FW_LEAKAGE_COLUMNS];
	char label[256];
	size_t i, m;

	fwi_json_opening(f, fw_run_scenario(run), rec->calibration);
	fwi_json_member(f, "variant", fw_leakage_variant(lk));
	fprintf(f, ",\n  \"seed\": %llu,\n  \"replications\": %llu,\n"
	    "  \"horizon_months\": %d,\n  \"configurations\": %zu,\n"
	    "  \"interaction_threshold\": ",
	    (unsigned long long)fw_run_seed(run),
	    (unsigned long long)fw_run_replications(run), fw_run_months(run),
	    (size_t)1 << K);
	json_real(f, FW_LEAKAGE_MATERIAL);
	fprintf(f, ",\n  \"interactions_material\": %s,\n  \"stages\": [",
	    fw_leakage_material(lk) ? "true" : "false");
	for (i = 0; i < K; i++) {
		fw_leakage_stage st;
		if (fw_leakage_get_stage(lk, i, &st) != FW_OK ||
		    fw_leakage_table_row(lk, i, text, num, label,
		    sizeof(label)) != FW_OK)
			continue;
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
	    fw_run_threads(run), fw_run_elapsed(run),
	    rec->finished ? rec->finished : "");
	fw_write_json_text(f, rec->command_line ? rec->command_line : "");
	fputs("\n}\n", f);
	return FW_OK;
}

const char *
fw_leakage_table_name(size_t t)
{
	static const char *const names[FW_LEAKAGE_TABLE_COUNT] = {
		"leakage.csv", "leakage.json" };

	return t < FW_LEAKAGE_TABLE_COUNT ? names[t] : NULL;
}

int
fw_leakage_write_tables(const fw_leakage *lk, const fw_run *run,
    const fw_run_record *rec, const int *fd, fw_error *err)
{
	static const fw_run_record none = { NULL, NULL, NULL, 1 };
	const decomposed d = { lk, run };
	fw_leakage_row row;
	int rc;

	if (lk == NULL || run == NULL || fd == NULL ||
	    fw_run_scenario(run) != fw_leakage_scenario(lk) ||
	    fw_leakage_get_row(lk, 0, 0, &row) != FW_OK) {
		fw_error_set(err, FW_EINVALID, "", 0, 0, "", "no decomposition "
		    "of this run, or no descriptors");
		return FW_EINVALID;
	}
	if (rec == NULL)
		rec = &none;
	rc = fd[FW_LEAKAGE_CSV] < 0 ? FW_OK :
	    fwi_write_table(fd[FW_LEAKAGE_CSV],
	    fw_leakage_table_name(FW_LEAKAGE_CSV), write_csv, lk, rec,
	    "not decomposed", err);
	if (rc == FW_OK && fd[FW_LEAKAGE_JSON] >= 0)
		rc = fwi_write_table(fd[FW_LEAKAGE_JSON],
		    fw_leakage_table_name(FW_LEAKAGE_JSON), write_json, &d,
		    rec, "not decomposed", err);
	return rc;
}
