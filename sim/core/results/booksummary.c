/* booksummary.c - the Summary sheet of results.xlsx: the recommendation
 * in words, a row per option (NPV and its gain over the baseline with
 * their 5th-95th percentiles, payback, spend, ROI), and charts of the
 * gain's range and of revenue per month in the options' colours.
 * SPDX-License-Identifier: MIT */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "book.h"

enum { C_OPTION, C_NPV, C_NPV5, C_NPV95, C_GAIN, C_GAIN5, C_GAIN95,
	C_AHEAD, C_PAYBACK, C_SPEND, C_PROGRAM, C_ROI, C_RANK, NCOL };

static const char *const head[NCOL] = { "Option", "NPV, mean", "NPV, P5",
	"NPV, P95", "NPV gain over the baseline, mean", "NPV gain, P5",
	"NPV gain, P95", "Chance it beats the baseline", "Payback month",
	"Spend (present value), mean", "Programme cost, mean",
	"ROI: NPV gain per extra $ spent", "Rank by mean NPV gain" };

/* The recommendation's entry for variant v, its rank from 1 in *rank
 * (may be NULL); NULL for the baseline. */
static const fw_option *
option_of(const fw_recommendation *rec, size_t v, size_t *rank)
{
	size_t i;

	for (i = 0; rec != NULL && i < rec->n; i++)
		if (rec->opt[i].variant == v) {
			if (rank != NULL)
				*rank = i + 1;
			return &rec->opt[i];
		}
	return NULL;
}

/* Statistics of the metric named of variant v over the replications. */
static int
own_stats(const book *k, size_t v, const char *name, fw_stats *s)
{
	const fw_book *b = k->b;
	double *x = malloc(b->reps * sizeof(double));
	size_t m, r;

	memset(s, 0, sizeof(*s));
	s->mean = s->p5 = s->p95 = NAN;
	if (x == NULL)
		return FW_ENOMEM;
	for (m = 0; m < b->nmetric; m++)
		if (strcmp(b->metric[m], name) == 0)
			break;
	if (m < b->nmetric) {
		for (r = 0; r < b->reps; r++)
			x[r] = b->value[(r * b->nvariant + v) * b->nmetric + m];
		fw_stats_of(x, b->reps, s);
	}
	free(x);
	return FW_OK;
}

static int
option_row(book *k, lxw_worksheet *ws, lxw_row_t row, size_t v)
{
	size_t rank = 0;
	const fw_option *o = option_of(k->b->rec, v, &rank);
	fw_stats npv, spend, program;
	lxw_format *money = k->f.money;

	if (own_stats(k, v, "npv", &npv) != FW_OK ||
	    own_stats(k, v, "spend_pv", &spend) != FW_OK ||
	    own_stats(k, v, "program_cost", &program) != FW_OK)
		return FW_ENOMEM;
	worksheet_write_string(ws, row, C_OPTION, book_option(k, v), NULL);
	book_number(ws, row, C_NPV, npv.mean, money);
	book_number(ws, row, C_NPV5, npv.p5, money);
	book_number(ws, row, C_NPV95, npv.p95, money);
	book_number(ws, row, C_SPEND, spend.mean, money);
	book_number(ws, row, C_PROGRAM, program.mean, money);
	if (o == NULL)
		return FW_OK;
	book_number(ws, row, C_GAIN, o->mean, money);
	book_number(ws, row, C_GAIN5, o->p5, money);
	book_number(ws, row, C_GAIN95, o->p95, money);
	book_number(ws, row, C_AHEAD, o->p_ahead, k->f.share);
	/* empty when it does not pay back: a number column holds numbers */
	if (o->payback > 0)
		worksheet_write_number(ws, row, C_PAYBACK, o->payback,
		    k->f.whole);
	book_number(ws, row, C_ROI, o->roi, k->f.ratio);
	worksheet_write_number(ws, row, C_RANK, (double)rank, k->f.whole);
	return FW_OK;
}

/* A step of 1, 2 or 5 times a power of ten giving about five ticks
 * over [lo, hi]. */
static double
tick_step(double lo, double hi)
{
	double raw = (hi - lo) / 5, p, m;

	if (!(raw > 0))
		return 1e6;
	p = pow(10, floor(log10(raw)));
	m = raw / p;
	return p * (m < 1.5 ? 1 : m < 3.5 ? 2 : m < 7.5 ? 5 : 10);
}

/* The gain of each option over the baseline: its mean as a dot in the
 * option's colour on a bar from the 5th to the 95th percentile (error
 * bars up and down from the mean, a series each: the two ends differ),
 * at its rank (the table's last column) across. The vertical axis holds
 * every bar and zero, on round ticks: a spreadsheet scales to the dots
 * alone. */
static void
gain_chart(book *k, lxw_worksheet *ws, lxw_row_t top, lxw_row_t at)
{
	const fw_book *b = k->b;
	lxw_chart *c = workbook_add_chart(k->wb, LXW_CHART_SCATTER);
	lxw_chart_options size = { .x_scale = 1.05, .y_scale = 1.4 };
	lxw_chart_line zero = { .color = 0x444444, .width = 1 };
	int16_t *down = calloc(b->nvariant + 1, sizeof(int16_t));
	size_t v, nseries = 0, n = b->rec != NULL ? b->rec->n : 0;
	double lo = 0, hi = 0, step;
	char rank[40];
	int side;

	if (c == NULL) {
		free(down);
		return;
	}
	for (v = 1; v < b->nvariant; v++) {
		const fw_option *o = option_of(b->rec, v, NULL);
		lxw_row_t row = top + 1 + (lxw_row_t)v;
		if (o == NULL || isnan(o->mean))
			continue;
		for (side = 0; side < 2; side++, nseries++) {
			lxw_chart_series *s = chart_add_series(c, NULL, NULL);
			lxw_chart_fill fill = { .color = book_colour(k, v) };
			lxw_chart_line edge = { .color = book_colour(k, v) };
			lxw_chart_line bar = { .color = book_colour(k, v),
				.width = 2.25 };
			double len = side ? o->mean - o->p5 : o->p95 - o->mean;
			chart_series_set_categories(s, "Summary", row, C_RANK,
			    row, C_RANK);
			chart_series_set_values(s, "Summary", row, C_GAIN, row,
			    C_GAIN);
			chart_series_set_name(s, book_option(k, v));
			chart_series_set_marker_type(s, LXW_CHART_MARKER_CIRCLE);
			chart_series_set_marker_size(s, 9);
			chart_series_set_marker_fill(s, &fill);
			chart_series_set_marker_line(s, &edge);
			chart_series_set_error_bars(s->y_error_bars,
			    LXW_CHART_ERROR_BAR_TYPE_FIXED, isnan(len) ? 0 :
			    len);
			chart_series_set_error_bars_direction(s->y_error_bars,
			    side ? LXW_CHART_ERROR_BAR_DIR_MINUS :
			    LXW_CHART_ERROR_BAR_DIR_PLUS);
			chart_series_set_error_bars_line(s->y_error_bars, &bar);
		}
	}
	for (v = 0; v < n; v++) {
		if (!isnan(b->rec->opt[v].p5))
			lo = fmin(lo, b->rec->opt[v].p5);
		if (!isnan(b->rec->opt[v].p95))
			hi = fmax(hi, b->rec->opt[v].p95);
	}
	step = tick_step(lo, hi);
	chart_axis_set_min(c->y_axis, step * floor(lo / step));
	chart_axis_set_max(c->y_axis, step * ceil(hi / step));
	chart_axis_set_major_unit(c->y_axis, step);
	chart_title_set_name(c, "NPV gain over the baseline (dot: mean; bar: "
	    "P5 to P95)");
	chart_axis_set_num_format(c->y_axis, step < 1e6 ? "$#,##0.0,,\"M\"" :
	    "$#,##0,,\"M\"");
	chart_axis_set_name(c->y_axis, "NPV gain ($M)");
	/* the options across, at their rank; the horizontal axis is the
	 * zero line, its numbers at the foot */
	chart_axis_set_name(c->x_axis, "Rank by mean NPV gain");
	chart_axis_set_min(c->x_axis, 0);
	chart_axis_set_max(c->x_axis, (double)n + 1);
	chart_axis_set_major_unit(c->x_axis, 1);
	/* ticks at 0 .. n + 1, numbered 1 .. n */
	snprintf(rank, sizeof(rank), "[<1]\"\";[<=%zu]0;\"\"", n);
	chart_axis_set_num_format(c->x_axis, rank);
	chart_axis_set_line(c->x_axis, &zero);
	chart_axis_set_label_position(c->x_axis,
	    LXW_CHART_AXIS_LABEL_POSITION_LOW);
	chart_axis_major_gridlines_set_visible(c->x_axis, LXW_FALSE);
	chart_legend_set_position(c, LXW_CHART_LEGEND_BOTTOM);
	/* One legend entry per option: its downward half is unnamed. */
	if (down != NULL) {
		for (v = 0; v < nseries / 2; v++)
			down[v] = (int16_t)(2 * v + 1);
		down[nseries / 2] = -1;
		chart_legend_delete_series(c, down);
	}
	free(down);
	worksheet_insert_chart_opt(ws, at, 0, c, &size);
}

/* Revenue per month, mean, a line per option in its colour, and the
 * leader's 5th and 95th percentiles dashed: its data is on Time
 * series. */
static void
revenue_chart(book *k, lxw_worksheet *ws, lxw_row_t at)
{
	const fw_book *b = k->b;
	lxw_chart *c = workbook_add_chart(k->wb, LXW_CHART_LINE);
	size_t lead = b->rec != NULL && b->rec->leader > 0 ? b->rec->leader :
	    0, s, v;
	lxw_chart_options size = { .x_scale = 1.25, .y_scale = 1.4 };
	lxw_col_t col;
	char name[200];

	for (s = 0; s < b->nseries; s++)
		if (strcmp(b->series[s], "revenue") == 0)
			break;
	if (c == NULL || s == b->nseries)
		return;
	col = book_series_column(k, s);
	for (v = 0; v < b->nvariant; v++) {
		lxw_chart_series *cs = chart_add_series(c, NULL, NULL);
		lxw_row_t first = BOOK_FIRST + (lxw_row_t)(v * (size_t)b->months);
		lxw_chart_line line = { .color = book_colour(k, v),
			.width = v == lead ? 2.5 : 1.5 };
		chart_series_set_categories(cs, "Time series", first, 0,
		    first + (lxw_row_t)b->months - 1, 0);
		chart_series_set_values(cs, "Time series", first, col,
		    first + (lxw_row_t)b->months - 1, col);
		chart_series_set_name(cs, book_option(k, v));
		chart_series_set_line(cs, &line);
	}
	/* (its percentiles where the run kept them) */
	for (s = book_series_banded(k, s) ? 0 : 2; s < 2; s++) {
		lxw_chart_series *cs = chart_add_series(c, NULL, NULL);
		lxw_row_t first = BOOK_FIRST + (lxw_row_t)(lead *
		    (size_t)b->months);
		lxw_chart_line line = { .color = book_colour(k, lead),
			.width = 1, .dash_type = LXW_CHART_LINE_DASH_DASH };
		chart_series_set_categories(cs, "Time series", first, 0,
		    first + (lxw_row_t)b->months - 1, 0);
		chart_series_set_values(cs, "Time series", first, col + (s ? 3 :
		    1), first + (lxw_row_t)b->months - 1, col + (s ? 3 : 1));
		snprintf(name, sizeof(name), "%s, %s percentile",
		    book_option(k, lead), s ? "95th" : "5th");
		chart_series_set_name(cs, name);
		chart_series_set_line(cs, &line);
	}
	chart_title_set_name(c, "Revenue per month: mean of each option, the "
	    "leader's 5th to 95th percentile dashed");
	chart_axis_set_name(c->x_axis, "Month");
	chart_axis_set_name(c->y_axis, "Revenue per month ($M)");
	chart_axis_set_num_format(c->y_axis, "$#,##0.0,,\"M\"");
	chart_axis_set_min(c->y_axis, 0);
	chart_axis_set_interval_unit(c->x_axis, b->months > 24 ? 12 : 3);
	chart_legend_set_position(c, LXW_CHART_LEGEND_BOTTOM);
	worksheet_insert_chart_opt(ws, at, b->nvariant > 1 ? 6 : 0, c, &size);
}

int
book_summary(book *k)
{
	const fw_book *b = k->b;
	const fw_recommendation *rec = b->rec;
	size_t nline = rec != NULL && rec->n > 1 ? rec->n - 1 : 0, v, i;
	lxw_row_t top = (lxw_row_t)(5 + nline), row;
	lxw_worksheet *ws;
	char text[2048], note[400];

	snprintf(note, sizeof(note), "%llu replications over %d months. "
	    "Money is stored in dollars and shown in $M. P5 and P95: "
	    "the 5th and 95th percentiles across replications. Gains are "
	    "paired replication by replication (common random numbers). "
	    "Payback month: empty for an option that does not pay back "
	    "within the horizon.",
	    (unsigned long long)b->reps, b->months);
	ws = book_sheet(k, "Summary", b->scenario_name != NULL &&
	    *b->scenario_name ? b->scenario_name : "Results", note, top);
	if (ws == NULL)
		return FW_ENOMEM;
	if (rec != NULL && rec->n > 0) {
		fw_recommendation_title(rec, text, sizeof(text));
		worksheet_write_string(ws, 2, 0, text, k->f.title);
		/* numbered as the lines after it are */
		memcpy(text, "1. ", 3);
		fw_recommendation_answer(rec, text + 3, sizeof(text) - 3);
		worksheet_merge_range(ws, 3, 0, 3, NCOL - 1, text, k->f.wrap);
		worksheet_set_row(ws, 3, 64, NULL);
		for (i = 1; i < rec->n; i++) {
			lxw_row_t at = (lxw_row_t)(3 + i);
			fw_recommendation_line(rec, i, text, sizeof(text));
			worksheet_merge_range(ws, at, 0, at, NCOL - 1, text,
			    k->f.wrap);
			worksheet_set_row(ws, at, 30, NULL);
		}
	}
	/* room for "$1,114.1M" and a header word in a wider font than
	 * Calibri (LibreOffice without it): no "###", no "Program me" */
	book_header(k, ws, top, head, NCOL, 17, NULL);
	worksheet_set_row(ws, top, 64, NULL);
	worksheet_set_column(ws, C_PAYBACK, C_PAYBACK, 16, NULL);
	worksheet_set_column(ws, C_OPTION, C_OPTION, 28, NULL);
	for (v = 0; v < b->nvariant; v++)
		if (option_row(k, ws, top + 1 + (lxw_row_t)v, v) != FW_OK)
			return FW_ENOMEM;
	row = top + 2 + (lxw_row_t)b->nvariant;
	if (b->nvariant > 1)
		gain_chart(k, ws, top, row);
	revenue_chart(k, ws, row);
	return FW_OK;
}
