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
	C_AHEAD, C_PAYBACK, C_SPEND, C_PROGRAM, C_ROI, NCOL };

static const char *const head[NCOL] = { "Option", "NPV, mean",
	"NPV, 5th percentile", "NPV, 95th percentile",
	"NPV gain over the baseline, mean", "NPV gain, 5th percentile",
	"NPV gain, 95th percentile", "Chance it beats the baseline",
	"Payback (month)", "Spend, present value, mean",
	"Programme cost, mean", "ROI: NPV gain per extra $ spent" };

/* The recommendation's entry for variant v; NULL for the baseline. */
static const fw_option *
option_of(const fw_recommendation *rec, size_t v)
{
	size_t i;

	for (i = 0; rec != NULL && i < rec->n; i++)
		if (rec->opt[i].variant == v)
			return &rec->opt[i];
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
	const fw_option *o = option_of(k->b->rec, v);
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
	if (o->payback > 0)
		worksheet_write_number(ws, row, C_PAYBACK, o->payback,
		    k->f.whole);
	else
		worksheet_write_string(ws, row, C_PAYBACK, "not within the "
		    "horizon", NULL);
	book_number(ws, row, C_ROI, o->roi, k->f.ratio);
	return FW_OK;
}

/* The gain of each option over the baseline: its mean as a dot in the
 * option's colour on a bar from the 5th to the 95th percentile. */
static void
gain_chart(book *k, lxw_worksheet *ws, lxw_row_t top, lxw_row_t at)
{
	const fw_book *b = k->b;
	lxw_chart *c = workbook_add_chart(k->wb, LXW_CHART_LINE);
	lxw_chart_point *pts = calloc(b->nvariant, sizeof(*pts));
	lxw_chart_point **pp = calloc(b->nvariant, sizeof(*pp));
	lxw_chart_fill *fill = calloc(b->nvariant, sizeof(*fill));
	lxw_chart_line none = { .none = LXW_TRUE };
	lxw_chart_line bar = { .color = 0x999999, .width = 4 };
	lxw_row_t first = top + 2, last = top + (lxw_row_t)b->nvariant;
	static const int col[3] = { C_GAIN95, C_GAIN5, C_GAIN };
	size_t i, v;

	if (c != NULL && pts != NULL && pp != NULL && fill != NULL) {
		for (i = 0; i < 3; i++) {
			lxw_chart_series *s = chart_add_series(c, NULL, NULL);
			chart_series_set_categories(s, "Summary", first,
			    C_OPTION, last, C_OPTION);
			chart_series_set_values(s, "Summary", first, col[i],
			    last, col[i]);
			chart_series_set_name_range(s, "Summary", top, col[i]);
			chart_series_set_line(s, &none);
			/* The bar is the high-low line between the two
			 * percentiles; the mean a dot on it. */
			chart_series_set_marker_type(s, i < 2 ?
			    LXW_CHART_MARKER_NONE : LXW_CHART_MARKER_CIRCLE);
			if (i < 2)
				continue;
			chart_series_set_marker_size(s, 10);
			for (v = 1; v < b->nvariant; v++) {
				fill[v - 1].color = book_colour(k, v);
				pts[v - 1].fill = &fill[v - 1];
				pp[v - 1] = &pts[v - 1];
			}
			chart_series_set_points(s, pp);
		}
		chart_set_high_low_lines(c, &bar);
		chart_title_set_name(c, "NPV gain over the baseline: mean, "
		    "and 5th to 95th percentile");
		chart_axis_set_num_format(c->y_axis, "$#,##0.0,,\"M\"");
		chart_axis_set_name(c->y_axis, "NPV gain ($M)");
		chart_axis_set_label_position(c->x_axis,
		    LXW_CHART_AXIS_LABEL_POSITION_LOW);
		chart_legend_set_position(c, LXW_CHART_LEGEND_NONE);
		chart_set_style(c, 2);
		worksheet_insert_chart(ws, at, 0, c);
	}
	free(pts);
	free(pp);
	free(fill);
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
	lxw_col_t col;
	char name[200];

	for (s = 0; s < b->nseries; s++)
		if (strcmp(b->series[s], "revenue") == 0)
			break;
	if (c == NULL || s == b->nseries)
		return;
	col = (lxw_col_t)(2 + 4 * s);
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
	for (s = 0; s < 2; s++) {
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
	worksheet_insert_chart(ws, at, b->nvariant > 1 ? 7 : 0, c);
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
	    "Money is stored in dollars and shown in $M. Percentiles are "
	    "across replications; gains are paired replication by "
	    "replication (common random numbers).",
	    (unsigned long long)b->reps, b->months);
	ws = book_sheet(k, "Summary", b->scenario_name != NULL &&
	    *b->scenario_name ? b->scenario_name : "Results", note, top);
	if (ws == NULL)
		return FW_ENOMEM;
	if (rec != NULL && rec->n > 0) {
		fw_recommendation_title(rec, text, sizeof(text));
		worksheet_write_string(ws, 2, 0, text, k->f.title);
		fw_recommendation_answer(rec, text, sizeof(text));
		worksheet_merge_range(ws, 3, 0, 3, NCOL - 1, text, k->f.wrap);
		worksheet_set_row(ws, 3, 64, NULL);
		for (i = 1; i < rec->n; i++) {
			fw_recommendation_line(rec, i, text, sizeof(text));
			worksheet_write_string(ws, (lxw_row_t)(3 + i), 0, text,
			    NULL);
		}
	}
	book_header(k, ws, top, head, NCOL, 15);
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
