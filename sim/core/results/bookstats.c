/* bookstats.c - the Statistics sheet of results.xlsx, as an @RISK user
 * reads one: for each option's NPV and its gain over the baseline, the
 * mean, SD, minimum, percentiles 1 to 99, maximum and the chance of a
 * loss, and the same of the leader's NPV less the runner-up's (the
 * number a close call turns on), each a formula over the sheet NPV by replication (so that a
 * spreadsheet recalculates it) with the value the library computed
 * stored beside it for readers that do not.
 * SPDX-License-Identifier: MIT */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "book.h"
#include "stats.h"

static const double pct[] = { 0.01, 0.05, 0.10, 0.20, 0.25, 0.30, 0.40,
	0.50, 0.60, 0.70, 0.75, 0.80, 0.90, 0.95, 0.99 };
#define NPCT (sizeof(pct) / sizeof(pct[0]))

/* The columns: each option's NPV, each gain over the baseline, and
 * with two options or more the leader's NPV less the runner-up's. */
static size_t
column_count(const book *k)
{
	const fw_recommendation *rec = k->b->rec;

	return 2 * k->b->nvariant - 1 + (rec != NULL && rec->leader > 0 &&
	    rec->runner_up > 0);
}

/* Column c's values in every replication shown: NPV of variant c
 * (c < nvariant), gain of variant c - nvariant + 1, or the lead; its
 * header into head. */
static void
column_values(const book *k, size_t c, double *x, char *head, size_t size)
{
	const fw_book *b = k->b;
	size_t V = b->nvariant, K = b->nmetric, r;
	size_t v = c < V ? c : c < 2 * V - 1 ? c - V + 1 : b->rec->leader;
	size_t less = c < V ? V : c < 2 * V - 1 ? 0 : b->rec->runner_up;

	for (r = 0; r < k->nrep; r++) {
		x[r] = b->value[(r * V + v) * K + (size_t)k->npv];
		if (less < V)
			x[r] -= b->value[(r * V + less) * K + (size_t)k->npv];
	}
	if (c < 2 * V - 1)
		snprintf(head, size, c < V ? "NPV: %s" : "NPV gain: %s",
		    book_option(k, v));
	else
		snprintf(head, size, "NPV: %s less %s", book_option(k, v),
		    book_option(k, less));
}

/* NPV by replication: a column per option's NPV, then a column per
 * option's gain over the baseline, a row per replication. */
int
book_npv(book *k)
{
	size_t ncol = column_count(k);
	lxw_worksheet *ws = book_sheet(k, BOOK_NPV_SHEET, "NPV of each "
	    "replication", "Each row is one simulated future; every option "
	    "in it met the same market (common random numbers), so a gain is "
	    "the difference within a row.", BOOK_HEAD);
	double *x = malloc(k->nrep * sizeof(double));
	char head[300];
	size_t c, r;

	if (ws == NULL || x == NULL) {
		free(x);
		return FW_ENOMEM;
	}
	worksheet_write_string(ws, BOOK_HEAD, 0, "Replication", k->f.head);
	worksheet_set_column(ws, 0, 0, 12, NULL);
	worksheet_set_column(ws, 1, (lxw_col_t)ncol, 18, NULL);
	worksheet_set_row(ws, BOOK_HEAD, 32, NULL);
	for (r = 0; r < k->nrep; r++)
		worksheet_write_number(ws, BOOK_FIRST + (lxw_row_t)r, 0,
		    (double)(r + 1), k->f.whole);
	for (c = 0; c < ncol; c++) {
		column_values(k, c, x, head, sizeof(head));
		worksheet_write_string(ws, BOOK_HEAD, (lxw_col_t)c + 1, head,
		    k->f.head_number);
		for (r = 0; r < k->nrep; r++)
			worksheet_write_number(ws, BOOK_FIRST + (lxw_row_t)r,
			    (lxw_col_t)c + 1, x[r], k->f.money);
	}
	free(x);
	return FW_OK;
}

/* One statistic of column c: its formula over the range and its
 * value. */
static void
statistic(const book *k, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col,
    const char *fn, const char *range, const char *arg, double value,
    lxw_format *f)
{
	char formula[400];

	snprintf(formula, sizeof(formula), "=%s('%s'!%s%s)", fn,
	    BOOK_NPV_SHEET, range, arg);
	if (isnan(value))
		worksheet_write_string(ws, row, col, "n/a", NULL);
	else
		worksheet_write_formula_num(ws, row, col, formula, f, value);
	(void)k;
}

int
book_statistics(book *k)
{
	size_t ncol = column_count(k), c, i, n = k->nrep, loss;
	lxw_worksheet *ws;
	double *x, q[NPCT];
	char range[64], colname[8], arg[160], head[300];
	lxw_row_t row;

	ws = book_sheet(k, "Statistics", "Statistics of NPV across "
	    "replications", "Formulas over the sheet NPV by replication. A "
	    "loss: NPV below zero; for a gain, doing worse than the "
	    "baseline; for the leader less the runner-up, the runner-up "
	    "ahead. Percentiles interpolate between replications "
	    "(PERCENTILE, R's type 7).", BOOK_HEAD);
	if (ws == NULL || (x = malloc(n * sizeof(double))) == NULL)
		return FW_ENOMEM;
	worksheet_write_string(ws, BOOK_HEAD, 0, "Statistic", k->f.head);
	worksheet_set_column(ws, 0, 0, 26, NULL);
	worksheet_set_column(ws, 1, (lxw_col_t)ncol, 18, NULL);
	worksheet_set_row(ws, BOOK_HEAD, 32, NULL);
	row = BOOK_FIRST;
	worksheet_write_string(ws, row++, 0, "Mean", NULL);
	worksheet_write_string(ws, row++, 0, "Standard deviation", NULL);
	worksheet_write_string(ws, row++, 0, "Minimum", NULL);
	for (i = 0; i < NPCT; i++) {
		char label[40];
		snprintf(label, sizeof(label), "%.0fth percentile",
		    pct[i] * 100);
		if (pct[i] == 0.01)
			snprintf(label, sizeof(label), "1st percentile");
		worksheet_write_string(ws, row++, 0, label, NULL);
	}
	worksheet_write_string(ws, row++, 0, "Maximum", NULL);
	worksheet_write_string(ws, row++, 0, "Chance of a loss", NULL);
	worksheet_write_string(ws, row, 0, "Replications", NULL);
	for (c = 0; c < ncol; c++) {
		lxw_col_t col = (lxw_col_t)c + 1;
		fw_stats s;
		lxw_col_to_name(colname, col, LXW_FALSE);
		snprintf(range, sizeof(range), "$%s$%u:$%s$%u", colname,
		    (unsigned)BOOK_FIRST + 1, colname,
		    (unsigned)(BOOK_FIRST + n));
		column_values(k, c, x, head, sizeof(head));
		worksheet_write_string(ws, BOOK_HEAD, col, head,
		    k->f.head_number);
		for (i = 0, loss = 0; i < n; i++)
			loss += x[i] < 0;
		fwi_quantiles(x, n, pct, NPCT, q);
		fwi_summarize(x, n, &s);
		row = BOOK_FIRST;
		statistic(k, ws, row++, col, "AVERAGE", range, "", s.mean,
		    k->f.money);
		statistic(k, ws, row++, col, "STDEV", range, "", s.sd,
		    k->f.money);
		statistic(k, ws, row++, col, "MIN", range, "", s.min,
		    k->f.money);
		for (i = 0; i < NPCT; i++) {
			snprintf(arg, sizeof(arg), ",%.2f", pct[i]);
			statistic(k, ws, row++, col, "PERCENTILE", range, arg,
			    q[i], k->f.money);
		}
		statistic(k, ws, row++, col, "MAX", range, "", s.max,
		    k->f.money);
		snprintf(arg, sizeof(arg), ",\"<0\")/COUNT('%s'!%s",
		    BOOK_NPV_SHEET, range);
		statistic(k, ws, row++, col, "COUNTIF", range, arg,
		    (double)loss / (double)n, k->f.share);
		statistic(k, ws, row, col, "COUNT", range, "", (double)n,
		    k->f.whole);
	}
	free(x);
	return FW_OK;
}
