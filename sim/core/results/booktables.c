/* booktables.c - the sheets of results.xlsx that lay the run's figures
 * out in full: Compare (each option's mean change in every metric),
 * Time series (every monthly series with its 5th-95th percentiles) and
 * Replications (every metric and draw of every replication).
 * SPDX-License-Identifier: MIT */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "book.h"

/* Mean of metric m of variant v, less the baseline's when paired. */
static double
mean_of(const book *k, size_t v, size_t m, int paired)
{
	const fw_book *b = k->b;
	size_t V = b->nvariant, K = b->nmetric;
	double sum = 0;
	uint64_t r;

	for (r = 0; r < b->reps; r++)
		sum += b->value[(r * V + v) * K + m] - (paired ?
		    b->value[(r * V) * K + m] : 0);
	return sum / (double)b->reps;
}

int
book_compare(book *k)
{
	const fw_book *b = k->b;
	lxw_worksheet *ws = book_sheet(k, "Compare", "Each option against the "
	    "baseline: mean change in every metric", "Totals over the horizon "
	    "(or the state at its end), mean over replications; a change is "
	    "paired replication by replication.", BOOK_HEAD);
	char head[300];
	size_t v, m;

	if (ws == NULL)
		return FW_ENOMEM;
	worksheet_write_string(ws, BOOK_HEAD, 0, "Metric", k->f.head);
	snprintf(head, sizeof(head), "%s: mean", book_option(k, 0));
	worksheet_write_string(ws, BOOK_HEAD, 1, head, k->f.head_number);
	for (v = 1; v < b->nvariant; v++) {
		snprintf(head, sizeof(head), "Change: %s", book_option(k, v));
		worksheet_write_string(ws, BOOK_HEAD, (lxw_col_t)(v + 1), head,
		    k->f.head_number);
	}
	worksheet_set_row(ws, BOOK_HEAD, 32, NULL);
	worksheet_set_column(ws, 0, 0, 30, NULL);
	worksheet_set_column(ws, 1, (lxw_col_t)b->nvariant, 18, NULL);
	for (m = 0; m < b->nmetric; m++) {
		lxw_row_t row = BOOK_FIRST + (lxw_row_t)m;
		lxw_format *f = book_format_of(k, b->metric[m]);
		int money;
		snprintf(head, sizeof(head), "%s", fw_metric_words(b->metric[m],
		    &money));
		book_capitalise(head);
		worksheet_write_string(ws, row, 0, head, NULL);
		book_number(ws, row, 1, mean_of(k, 0, m, 0), f);
		for (v = 1; v < b->nvariant; v++)
			book_number(ws, row, (lxw_col_t)(v + 1), mean_of(k, v,
			    m, 1), f);
	}
	return FW_OK;
}

int
book_series_banded(const book *k, size_t s)
{
	const fw_book *b = k->b;
	size_t i, n = b->nvariant * (size_t)b->months;

	for (i = 0; i < n; i++)
		if (!isnan(b->band[(i / (size_t)b->months * b->nseries + s) *
		    (size_t)b->months + i % (size_t)b->months].p5))
			return 1;
	return 0;
}

lxw_col_t
book_series_column(const book *k, size_t s)
{
	lxw_col_t c = 2;
	size_t i;

	for (i = 0; i < s; i++)
		c += book_series_banded(k, i) ? 4 : 1;
	return c;
}

int
book_series(book *k)
{
	const fw_book *b = k->b;
	static const char *const stat[4] = { "mean", "5th percentile",
		"median", "95th percentile" };
	lxw_worksheet *ws = book_sheet(k, "Time series", "Month by month: "
	    "each series' mean and its 5th, 50th and 95th percentiles across "
	    "replications", "Rows by option, then month. Percentiles are given "
	    "for the series the run keeps per replication; the others have "
	    "their mean alone.", BOOK_HEAD);
	char head[300];
	size_t v, s;
	lxw_col_t last, c;
	int t, *banded = calloc(b->nseries + 1, sizeof(int));

	if (ws == NULL || banded == NULL) {
		free(banded);
		return FW_ENOMEM;
	}
	for (s = 0; s < b->nseries; s++)
		banded[s] = book_series_banded(k, s);
	last = book_series_column(k, b->nseries) - 1;
	worksheet_write_string(ws, BOOK_HEAD, 0, "Month", k->f.head_number);
	worksheet_write_string(ws, BOOK_HEAD, 1, "Option", k->f.head);
	worksheet_set_column(ws, 0, 0, 8, NULL);
	worksheet_set_column(ws, 1, 1, 24, NULL);
	worksheet_set_column(ws, 2, last, 14, NULL);
	worksheet_set_row(ws, BOOK_HEAD, 45, NULL);
	worksheet_freeze_panes(ws, BOOK_HEAD + 1, 2);
	for (s = 0; s < b->nseries; s++) {
		int money, i;
		const char *words = fw_metric_words(b->series[s], &money);
		for (i = 0; i < (banded[s] ? 4 : 1); i++) {
			snprintf(head, sizeof(head), "%s, %s", words,
			    stat[i]);
			book_capitalise(head);
			worksheet_write_string(ws, BOOK_HEAD,
			    book_series_column(k, s) + (lxw_col_t)i, head,
			    k->f.head_number);
		}
	}
	for (v = 0; v < b->nvariant; v++)
		for (t = 1; t <= b->months; t++) {
			lxw_row_t row = BOOK_FIRST + (lxw_row_t)(v *
			    (size_t)b->months + (size_t)t - 1);
			if (row > BOOK_LAST_ROW)
				goto done;
			worksheet_write_number(ws, row, 0, t, k->f.whole);
			worksheet_write_string(ws, row, 1, book_option(k, v),
			    NULL);
			for (s = 0, c = 2; s < b->nseries; s++) {
				const fw_band *x = &b->band[(v * b->nseries +
				    s) * (size_t)b->months + (size_t)t - 1];
				lxw_format *f = book_format_of(k, b->series[s]);
				book_number(ws, row, c++, x->mean, f);
				if (!banded[s])
					continue;
				book_number(ws, row, c++, x->p5, f);
				book_number(ws, row, c++, x->p50, f);
				book_number(ws, row, c++, x->p95, f);
			}
		}
done:
	free(banded);
	return FW_OK;
}

int
book_replications(book *k)
{
	const fw_book *b = k->b;
	size_t V = b->nvariant, K = b->nmetric, D = b->ndraw, v, m;
	lxw_worksheet *ws = book_sheet(k, "Replications", "Every replication: "
	    "each option's totals and the inputs it drew", "Totals over the "
	    "horizon or the state at its end; an input's column is empty for "
	    "an option that does not draw it.", BOOK_HEAD);
	char head[300];
	uint64_t r;
	int money;

	if (ws == NULL)
		return FW_ENOMEM;
	worksheet_write_string(ws, BOOK_HEAD, 0, "Replication", k->f.head);
	worksheet_write_string(ws, BOOK_HEAD, 1, "Option", k->f.head);
	worksheet_set_column(ws, 0, 0, 12, NULL);
	worksheet_set_column(ws, 1, 1, 24, NULL);
	worksheet_set_column(ws, 2, (lxw_col_t)(1 + K + D), 15, NULL);
	worksheet_set_row(ws, BOOK_HEAD, 45, NULL);
	worksheet_freeze_panes(ws, BOOK_HEAD + 1, 2);
	for (m = 0; m < K; m++) {
		snprintf(head, sizeof(head), "%s", fw_metric_words(b->metric[m],
		    &money));
		book_capitalise(head);
		worksheet_write_string(ws, BOOK_HEAD, (lxw_col_t)(2 + m), head,
		    k->f.head_number);
	}
	for (m = 0; m < D; m++) {
		fw_key_info key;
		snprintf(head, sizeof(head), "Drawn: %s", fw_key_lookup(
		    b->draw_path[m], &key) == FW_OK ? key.label :
		    b->draw_path[m]);
		worksheet_write_string(ws, BOOK_HEAD, (lxw_col_t)(2 + K + m),
		    head, k->f.head_number);
	}
	for (r = 0; r < b->reps; r++)
		for (v = 0; v < V; v++) {
			uint64_t at = BOOK_FIRST + r * V + v;
			lxw_row_t row = (lxw_row_t)at;
			if (at > BOOK_LAST_ROW)
				return FW_OK;
			worksheet_write_number(ws, row, 0, (double)(r + 1),
			    k->f.whole);
			worksheet_write_string(ws, row, 1, book_option(k, v),
			    NULL);
			for (m = 0; m < K; m++)
				book_number(ws, row, (lxw_col_t)(2 + m),
				    b->value[(r * V + v) * K + m],
				    book_format_of(k, b->metric[m]));
			for (m = 0; m < D; m++)
				book_number(ws, row, (lxw_col_t)(2 + K + m),
				    b->draw[(r * V + v) * D + m], k->f.number);
		}
	return FW_OK;
}
