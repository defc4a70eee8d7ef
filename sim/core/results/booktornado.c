/* booktornado.c - the Tornado sheet of results.xlsx: which uncertain
 * inputs move the leader's NPV gain most (fw_swing_of, as the board
 * pack's tornado), ranked by swing, with its chart in the pack's
 * colours. Only when some input is uncertain and there are 20
 * replications or more.
 * SPDX-License-Identifier: MIT */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "book.h"

enum { C_INPUT, C_XLOW, C_XMED, C_XHIGH, C_LOW, C_HIGH, C_SWING, NCOL };

static const char *const head[NCOL] = { "Uncertain input",
	"Input's mean, lowest tenth", "Input's median",
	"Input's mean, highest tenth", "Change in NPV gain, lowest tenth",
	"Change in NPV gain, highest tenth", "Swing" };

typedef struct bar {
	size_t input;
	fw_swing s;
} bar;

static int
by_swing(const void *a, const void *b)
{
	const bar *x = a, *y = b;
	double sx = fabs(x->s.high - x->s.low), sy = fabs(y->s.high - y->s.low);

	if (sx != sy)
		return (sx < sy) - (sx > sy);
	return (x->input > y->input) - (x->input < y->input);
}

/* The swings of every input that varies, into bars; how many. */
static int
swings(const book *k, size_t lead, bar *bars, size_t *nbar)
{
	const fw_book *b = k->b;
	size_t V = b->nvariant, K = b->nmetric, D = b->ndraw, i;
	double *gain = malloc(b->reps * sizeof(double));
	double *draw = malloc(b->reps * sizeof(double));
	uint64_t r;
	int rc = gain != NULL && draw != NULL ? FW_OK : FW_ENOMEM;

	*nbar = 0;
	for (r = 0; rc == FW_OK && r < b->reps; r++)
		gain[r] = b->value[(r * V + lead) * K + (size_t)k->npv] -
		    b->value[(r * V) * K + (size_t)k->npv];
	for (i = 0; rc == FW_OK && i < D; i++) {
		int got;
		/* The leader's own draw, else the baseline's. */
		for (r = 0; r < b->reps; r++) {
			double x = b->draw[(r * V + lead) * D + i];
			draw[r] = isnan(x) ? b->draw[(r * V) * D + i] : x;
		}
		if (isnan(draw[0]))
			continue;
		got = fw_swing_of(gain, draw, b->reps, &bars[*nbar].s);
		if (got == FW_ENOMEM)
			rc = got;
		else if (got == FW_OK)
			bars[(*nbar)++].input = i;
	}
	free(gain);
	free(draw);
	return rc;
}

static void
chart(book *k, lxw_worksheet *ws, size_t n, size_t lead)
{
	/* the pack's greys (plots/tornado.gp): no option's colour */
	static const uint32_t colour[2] = { 0xB0B0B0, 0x505050 };
	static const char *const name[2] = { "Input in its lowest tenth",
		"Input in its highest tenth" };
	lxw_chart *c = workbook_add_chart(k->wb, LXW_CHART_BAR);
	lxw_row_t last = BOOK_FIRST + (lxw_row_t)n - 1;
	char title[300];
	int i;

	if (c == NULL)
		return;
	for (i = 0; i < 2; i++) {
		lxw_chart_series *s = chart_add_series(c, NULL, NULL);
		lxw_chart_fill fill = { .color = colour[i] };
		chart_series_set_categories(s, "Tornado", BOOK_FIRST, C_INPUT,
		    last, C_INPUT);
		chart_series_set_values(s, "Tornado", BOOK_FIRST,
		    (lxw_col_t)(C_LOW + i), last, (lxw_col_t)(C_LOW + i));
		chart_series_set_name(s, name[i]);
		chart_series_set_fill(s, &fill);
	}
	chart_set_series_overlap(c, 100);
	chart_set_series_gap(c, 60);
	snprintf(title, sizeof(title), "What moves %s's NPV gain most",
	    book_option(k, lead));
	chart_title_set_name(c, title);
	chart_axis_set_num_format(c->y_axis, "$#,##0.0,,\"M\"");
	chart_axis_set_name(c->y_axis, "Change in NPV gain ($M)");
	chart_axis_set_reverse(c->x_axis);
	chart_axis_set_label_position(c->x_axis,
	    LXW_CHART_AXIS_LABEL_POSITION_LOW);
	chart_legend_set_position(c, LXW_CHART_LEGEND_BOTTOM);
	worksheet_insert_chart(ws, last + 2, 0, c);
}

int
book_tornado(book *k)
{
	const fw_book *b = k->b;
	size_t lead = b->rec != NULL ? b->rec->leader : 0, n, i;
	lxw_worksheet *ws;
	char note[400];
	bar *bars;
	int rc;

	if (lead == 0 || b->ndraw == 0 || b->reps < 20)
		return FW_OK;
	if ((bars = calloc(b->ndraw, sizeof(*bars))) == NULL)
		return FW_ENOMEM;
	if ((rc = swings(k, lead, bars, &n)) != FW_OK || n == 0) {
		free(bars);
		return rc;
	}
	qsort(bars, n, sizeof(*bars), by_swing);
	snprintf(note, sizeof(note), "%s's NPV gain over the baseline where "
	    "an input drew its lowest or highest tenth (%llu replications "
	    "each), less its mean gain over all replications.",
	    book_option(k, lead), (unsigned long long)(b->reps / 10));
	ws = book_sheet(k, "Tornado", "What moves the leader's NPV gain",
	    note, BOOK_HEAD);
	if (ws == NULL) {
		free(bars);
		return FW_ENOMEM;
	}
	book_header(k, ws, BOOK_HEAD, head, NCOL, 17, NULL);
	worksheet_set_column(ws, C_INPUT, C_INPUT, 36, NULL);
	for (i = 0; i < n; i++) {
		const char *path = b->draw_path[bars[i].input];
		const fw_swing *s = &bars[i].s;
		lxw_row_t row = BOOK_FIRST + (lxw_row_t)i;
		lxw_format *f = k->f.number;
		fw_key_info key;
		if (fw_key_lookup(path, &key) == FW_OK) {
			worksheet_write_string(ws, row, C_INPUT, key.label, NULL);
			if (strcmp(key.unit, "$") == 0)
				f = k->f.dollars;
		} else
			worksheet_write_string(ws, row, C_INPUT, path, NULL);
		book_number(ws, row, C_XLOW, s->x_low, f);
		book_number(ws, row, C_XMED, s->x_median, f);
		book_number(ws, row, C_XHIGH, s->x_high, f);
		book_number(ws, row, C_LOW, s->low, k->f.money);
		book_number(ws, row, C_HIGH, s->high, k->f.money);
		book_number(ws, row, C_SWING, fabs(s->high - s->low),
		    k->f.money);
	}
	chart(k, ws, n, lead);
	free(bars);
	return FW_OK;
}
