/* workbook.c - results.xlsx, written with libxlsxwriter.
 * SPDX-License-Identifier: MIT */
#include "config.h"

#include <fcntl.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <xlsxwriter.h>

#include "charts.h"
#include "csvread.h"
#include "files.h"
#include "labels.h"
#include "workbook.h"

/* Excel's last row (0-based) a sheet can hold. */
#define LAST_ROW 1048575

/* The formats every sheet shares. */
typedef struct formats {
	lxw_format *head, *money, *millions, *share, *ratio, *whole, *text;
	lxw_format *title, *wrap;
} formats;

/* How a column of a table is shown. */
enum kind { K_TEXT, K_NUMBER, K_MONEY, K_SHARE, K_RATIO, K_WHOLE };

/* Money metrics and columns, by name. */
static int
is_money(const char *name)
{
	static const char *const money[] = { "npv", "revenue", "cash",
		"gap_value", "customer_value_at_risk", "cvar", "reacq_cost",
		"channel_cost", "program_cost", "spend_pv", "incremental_cost",
		"drevenue_per_year", "dcash_per_year", "dcash_mean",
		"drevenue_mean" };
	size_t i;

	if (strncmp(name, "dnpv_", 5) == 0 || strncmp(name, "cum_dcash_", 10) ==
	    0)
		return 1;
	for (i = 0; i < sizeof(money) / sizeof(money[0]); i++)
		if (strcmp(name, money[i]) == 0 || (name[0] == 'd' &&
		    strcmp(name + 1, money[i]) == 0))
			return 1;
	return 0;
}

static enum kind
column_kind(const char *name)
{
	if (strcmp(name, "variant") == 0 || strcmp(name, "metric") == 0)
		return K_TEXT;
	if (strcmp(name, "month") == 0 || strcmp(name, "replication") == 0 ||
	    strcmp(name, "payback_month") == 0)
		return K_WHOLE;
	if (strcmp(name, "p_dnpv_positive") == 0 || strcmp(name, "gap_rate") ==
	    0 || strcmp(name, "dgap_rate") == 0)
		return K_SHARE;
	if (strcmp(name, "roi") == 0 || strcmp(name, "compounding") == 0)
		return K_RATIO;
	return is_money(name) ? K_MONEY : K_NUMBER;
}

/* A header with its unit: "npv ($)", "p_dnpv_positive (%)". */
static void
header(const char *name, enum kind k, char *buf, size_t size)
{
	static const char *const unit[] = { "", "", " ($)", " (%)", " (x)",
		"" };

	snprintf(buf, size, "%s%s", name, unit[k]);
}

static lxw_format *
format_of(const formats *f, enum kind k)
{
	switch (k) {
	case K_MONEY:
		return f->money;
	case K_SHARE:
		return f->share;
	case K_RATIO:
		return f->ratio;
	case K_WHOLE:
		return f->whole;
	case K_TEXT:
		return f->text;
	default:
		return NULL;
	}
}

/* Copies a table of the run into a sheet: its header with units, every
 * row, numbers as numbers. Long tables (timeseries, summary) show each
 * statistic as their metric column says. */
static int
copy_table(lxw_workbook *wb, const formats *f, const char *dir,
    const char *file, const char *sheet, fw_error *err)
{
	lxw_worksheet *ws = workbook_add_worksheet(wb, sheet);
	enum kind *kind = NULL;
	csv_reader r;
	char path[4096], head[300];
	int rc, got, metric = -1;
	size_t i, n = 0;
	lxw_row_t row = 0;

	if (ws == NULL) {
		fw_error_set(err, FW_ENOMEM, "", 0, 0, "", "out of memory");
		return FW_ENOMEM;
	}
	pathf(path, sizeof(path), "%s/%s", dir, file);
	if ((rc = csv_open(&r, path, err)) == FW_OK &&
	    (rc = csv_next(&r, &got, err)) == FW_OK && !got)
		rc = csv_fail(&r, err, "empty: not a table flywheel wrote");
	if (rc == FW_OK) {
		n = r.nfield;
		metric = csv_column(&r, "metric");
		if ((kind = calloc(n + 1, sizeof(*kind))) == NULL) {
			fw_error_set(err, FW_ENOMEM, "", 0, 0, "", "out of "
			    "memory");
			rc = FW_ENOMEM;
		}
	}
	for (i = 0; rc == FW_OK && i < n; i++) {
		kind[i] = column_kind(r.field[i]);
		header(r.field[i], metric >= 0 && kind[i] == K_NUMBER ? K_NUMBER :
		    kind[i], head, sizeof(head));
		worksheet_write_string(ws, 0, (lxw_col_t)i, head, f->head);
		worksheet_set_column(ws, (lxw_col_t)i, (lxw_col_t)i,
		    i == 0 ? 18 : strlen(head) + 2 > 12 ? strlen(head) + 2 : 12,
		    NULL);
	}
	worksheet_freeze_panes(ws, 1, 0);
	while (rc == FW_OK && (rc = csv_next(&r, &got, err)) == FW_OK && got) {
		enum kind rowkind = K_NUMBER;
		if (r.nfield != n) {
			rc = csv_fail(&r, err, "has %zu fields where the header "
			    "has %zu", r.nfield, n);
			break;
		}
		if (row == LAST_ROW) {
			worksheet_write_string(ws, 0, (lxw_col_t)n, "(the rows "
			    "past Excel's last row are in the CSV only)",
			    f->head);
			break;
		}
		row++;
		if (metric >= 0)
			rowkind = strcmp(r.field[metric], "gap_rate") == 0 ?
			    K_SHARE : is_money(r.field[metric]) ? K_MONEY :
			    K_NUMBER;
		for (i = 0; i < n; i++) {
			const char *s = r.field[i];
			enum kind k = kind[i];
			char *end;
			double x;
			if (metric >= 0 && k == K_NUMBER)
				k = rowkind;
			if (*s == '\0')
				continue;
			x = strtod(s, &end);
			if (k == K_TEXT || *end != '\0' || !isfinite(x))
				worksheet_write_string(ws, row, (lxw_col_t)i, s,
				    NULL);
			else
				worksheet_write_number(ws, row, (lxw_col_t)i, x,
				    format_of(f, k));
		}
	}
	csv_close(&r);
	free(kind);
	return rc;
}

/* The Summary sheet: a row per variant in $M, the recommendation,
 * revenue by month, and two native charts. */
static void
write_summary(lxw_workbook *wb, const formats *f, const report *d,
    const fw_recommendation *vd)
{
	static const char *const head[] = { "Variant", "NPV mean ($M)",
		"NPV p5 ($M)", "NPV p95 ($M)", "NPV gain mean ($M)",
		"NPV gain p5 ($M)", "NPV gain p95 ($M)", "Beats baseline (%)",
		"Payback (month)", "Spend, present value ($M)",
		"Programme cost ($M)", "Channel cost ($M)", "ROI (x)" };
	const size_t ncol = sizeof(head) / sizeof(head[0]);
	lxw_worksheet *ws = workbook_add_worksheet(wb, "Summary");
	lxw_chart *gain, *rev;
	char text[2048];
	size_t v, i;
	lxw_row_t row, top;
	int t;

	if (ws == NULL)
		return;
	for (i = 0; i < ncol; i++) {
		worksheet_write_string(ws, 0, (lxw_col_t)i, head[i], f->head);
		worksheet_set_column(ws, (lxw_col_t)i, (lxw_col_t)i,
		    i == 0 ? 20 : 14, NULL);
	}
	worksheet_set_row(ws, 0, 30, NULL);
	worksheet_freeze_panes(ws, 1, 1);
	for (v = 0; v < d->nv; v++) {
		const run_compare *c = &d->cmp[v];
		double x[] = { d->npv[v].mean, d->npv[v].p5, d->npv[v].p95,
			c->mean, c->p5, c->p95 };
		row = (lxw_row_t)v + 1;
		worksheet_write_string(ws, row, 0, d->names[v], NULL);
		for (i = 0; i < 6; i++)
			if (!isnan(x[i]) && (v > 0 || i < 3))
				worksheet_write_number(ws, row, (lxw_col_t)i + 1,
				    x[i] / 1e6, f->millions);
		if (v > 0 && !isnan(c->p_positive))
			worksheet_write_number(ws, row, 7, c->p_positive,
			    f->share);
		if (v > 0 && c->payback > 0)
			worksheet_write_number(ws, row, 8, c->payback, f->whole);
		if (!isnan(d->spend_pv[v]))
			worksheet_write_number(ws, row, 9, d->spend_pv[v] / 1e6,
			    f->millions);
		if (!isnan(d->program_cost[v]))
			worksheet_write_number(ws, row, 10,
			    d->program_cost[v] / 1e6, f->millions);
		if (!isnan(d->channel_cost[v]))
			worksheet_write_number(ws, row, 11,
			    d->channel_cost[v] / 1e6, f->millions);
		if (v > 0 && !isnan(c->roi))
			worksheet_write_number(ws, row, 12, c->roi, f->ratio);
	}
	row = (lxw_row_t)d->nv + 2;
	fw_recommendation_title(vd, text, sizeof(text));
	worksheet_write_string(ws, row++, 0, text, f->title);
	fw_recommendation_answer(vd, text, sizeof(text));
	worksheet_merge_range(ws, row, 0, row, (lxw_col_t)ncol - 1, text,
	    f->wrap);
	worksheet_set_row(ws, row++, 48, NULL);
	for (i = 1; i < vd->n; i++) {
		fw_recommendation_line(vd, i, text, sizeof(text));
		worksheet_write_string(ws, row++, 0, text, NULL);
	}
	/* Revenue by month, mean, a column per variant: the chart's data. */
	row += 1;
	top = row;
	worksheet_write_string(ws, row, 0, "Month", f->head);
	for (v = 0; v < d->nv; v++)
		worksheet_write_string(ws, row, (lxw_col_t)v + 1, d->names[v],
		    f->head);
	worksheet_write_string(ws, row, (lxw_col_t)d->nv + 1, "(revenue per "
	    "month, mean, $M)", NULL);
	for (t = 1; t <= d->T; t++) {
		worksheet_write_number(ws, top + (lxw_row_t)t, 0, t, f->whole);
		for (v = 0; v < d->nv; v++) {
			double x = report_band(d, RS_REVENUE, v, t)->mean;
			if (!isnan(x))
				worksheet_write_number(ws, top + (lxw_row_t)t,
				    (lxw_col_t)v + 1, x / 1e6, f->millions);
		}
	}
	rev = workbook_add_chart(wb, LXW_CHART_LINE);
	for (v = 0; rev != NULL && v < d->nv; v++) {
		lxw_chart_series *s = chart_add_series(rev, NULL, NULL);
		chart_series_set_categories(s, "Summary", top + 1, 0,
		    top + (lxw_row_t)d->T, 0);
		chart_series_set_values(s, "Summary", top + 1, (lxw_col_t)v + 1,
		    top + (lxw_row_t)d->T, (lxw_col_t)v + 1);
		chart_series_set_name_range(s, "Summary", top, (lxw_col_t)v + 1);
	}
	if (rev != NULL) {
		chart_title_set_name(rev, "Revenue per month (mean, $M)");
		chart_axis_set_name(rev->x_axis, "Month");
		chart_axis_set_name(rev->y_axis, "Revenue per month ($M)");
		chart_axis_set_min(rev->y_axis, 0);
		chart_legend_set_position(rev, LXW_CHART_LEGEND_BOTTOM);
		worksheet_insert_chart(ws, 1, (lxw_col_t)ncol + 1, rev);
	}
	if (d->nv < 2)
		return;
	gain = workbook_add_chart(wb, LXW_CHART_BAR);
	if (gain != NULL) {
		lxw_chart_series *s = chart_add_series(gain, NULL, NULL);
		chart_series_set_categories(s, "Summary", 2, 0,
		    (lxw_row_t)d->nv, 0);
		chart_series_set_values(s, "Summary", 2, 4, (lxw_row_t)d->nv, 4);
		chart_series_set_name(s, "NPV gain over the baseline ($M)");
		chart_title_set_name(gain, "NPV gain over the baseline (mean, "
		    "$M)");
		chart_axis_set_name(gain->x_axis, "NPV gain ($M)");
		chart_legend_set_position(gain, LXW_CHART_LEGEND_NONE);
		worksheet_insert_chart(ws, 17, (lxw_col_t)ncol + 1, gain);
	}
}

/* The Assumptions sheet: what the run was and what each option
 * changes. */
static void
write_assumptions(lxw_workbook *wb, const formats *f, const report *d)
{
	lxw_worksheet *ws = workbook_add_worksheet(wb, "Assumptions");
	const char *const field[][2] = { { "Scenario", d->scenario },
		{ "Scenario file", d->scenario_file },
		{ "Scenario hash", d->scenario_hash }, { "Model", d->model },
		{ "flywheel version", d->version }, { "Seed", d->seed },
		{ "Run finished", d->finished } };
	char label[200];
	lxw_row_t row = 0;
	size_t i;

	if (ws == NULL)
		return;
	worksheet_set_column(ws, 0, 0, 22, NULL);
	worksheet_set_column(ws, 1, 1, 44, NULL);
	worksheet_set_column(ws, 2, 4, 18, NULL);
	worksheet_write_string(ws, row, 0, "Run", f->head);
	worksheet_write_string(ws, row++, 1, "", f->head);
	worksheet_freeze_panes(ws, 1, 0);
	for (i = 0; i < sizeof(field) / sizeof(field[0]); i++) {
		worksheet_write_string(ws, row, 0, field[i][0], NULL);
		worksheet_write_string(ws, row++, 1, field[i][1], NULL);
	}
	worksheet_write_string(ws, row, 0, "Horizon (months)", NULL);
	worksheet_write_number(ws, row++, 1, d->T, f->whole);
	worksheet_write_string(ws, row, 0, "Replications", NULL);
	worksheet_write_number(ws, row++, 1, (double)d->R, f->whole);
	row++;
	worksheet_write_string(ws, row, 0, "Option", f->head);
	worksheet_write_string(ws, row, 1, "Input", f->head);
	worksheet_write_string(ws, row, 2, "Path", f->head);
	worksheet_write_string(ws, row, 3, "Baseline", f->head);
	worksheet_write_string(ws, row++, 4, "Option's value", f->head);
	for (i = 0; i < d->nchange; i++) {
		const run_change *c = &d->change[i];
		param_label(c->path, label, sizeof(label));
		worksheet_write_string(ws, row, 0, d->names[c->v], NULL);
		worksheet_write_string(ws, row, 1, label, NULL);
		worksheet_write_string(ws, row, 2, c->path, NULL);
		worksheet_write_string(ws, row, 3, c->from, NULL);
		worksheet_write_string(ws, row++, 4, c->to, NULL);
	}
}

static void
make_formats(lxw_workbook *wb, formats *f)
{
	f->head = workbook_add_format(wb);
	format_set_bold(f->head);
	format_set_text_wrap(f->head);
	format_set_bottom(f->head, LXW_BORDER_THIN);
	f->money = workbook_add_format(wb);
	format_set_num_format(f->money, "$#,##0.0,,\"M\";-$#,##0.0,,\"M\"");
	f->millions = workbook_add_format(wb);
	format_set_num_format(f->millions, "#,##0.0");
	f->share = workbook_add_format(wb);
	format_set_num_format(f->share, "0.0%");
	f->ratio = workbook_add_format(wb);
	format_set_num_format(f->ratio, "0.0\"x\"");
	f->whole = workbook_add_format(wb);
	format_set_num_format(f->whole, "0");
	f->text = NULL;
	f->title = workbook_add_format(wb);
	format_set_bold(f->title);
	format_set_font_size(f->title, 13);
	f->wrap = workbook_add_format(wb);
	format_set_text_wrap(f->wrap);
	format_set_align(f->wrap, LXW_ALIGN_VERTICAL_TOP);
}

int
write_workbook(const report *d, const char *dir, fw_error *err)
{
	char folder[4096], tmp[4096], final[4096];
	lxw_workbook_options opt = { .constant_memory = LXW_FALSE };
	lxw_workbook *wb;
	lxw_error e;
	formats f;
	int rc = FW_OK;

	if (pathf(final, sizeof(final), "%s/results.xlsx", dir) != 0) {
		fw_error_set(err, FW_EIO, dir, 0, 0, "", "directory name too "
		    "long");
		return FW_EIO;
	}
	/* The workbook and its writer's own temporary files go into a
	 * private folder: no name in it can be planted. */
	if (out_temp_folder(dir, "results", folder, sizeof(folder), err) !=
	    FW_OK)
		return FW_EIO;
	pathf(tmp, sizeof(tmp), "%s/results.xlsx", folder);
	opt.tmpdir = folder;
	if ((wb = workbook_new_opt(tmp, &opt)) == NULL) {
		remove_tree(folder);
		fw_error_set(err, FW_EIO, final, 0, 0, "", "cannot write");
		return FW_EIO;
	}
	make_formats(wb, &f);
	write_summary(wb, &f, d, &d->rec);
	if (d->nv > 1)
		rc = copy_table(wb, &f, dir, "compare.csv", "Compare", err);
	if (rc == FW_OK)
		rc = copy_table(wb, &f, dir, "timeseries.csv", "Time series",
		    err);
	if (rc == FW_OK)
		rc = copy_table(wb, &f, dir, "replications.csv", "Replications",
		    err);
	if (rc == FW_OK)
		write_assumptions(wb, &f, d);
	e = workbook_close(wb);
	if (rc == FW_OK && e != LXW_NO_ERROR) {
		fw_error_set(err, FW_EIO, final, 0, 0, "", "cannot write: %s",
		    lxw_strerror(e));
		rc = FW_EIO;
	}
	if (rc == FW_OK)
		rc = out_move_into(tmp, AT_FDCWD, dir, final, err);
	remove_tree(folder);
	return rc;
}
