/* fitseries.c - a calibration's fit-series.csv read back: each series
 * fitted, month by month, observed against simulated, checked as an
 * untrusted table (the fit plots and the board pack's calibration page
 * draw it).
 * SPDX-License-Identifier: MIT */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "csvread.h"
#include "fitseries.h"
#include "keyrange.h"

void
fitdata_clear(fitdata *d)
{
	size_t i;

	for (i = 0; i < d->n; i++) {
		free(d->s[i].segment);
		free(d->s[i].v);
	}
	free(d->s);
	memset(d, 0, sizeof(*d));
}

static const char *const columns[] = { "month", "metric", "segment",
	"observed", "mean", "p5", "p95" };
#define NCOLUMNS 7

/* Adds month t's row to the series it continues, or starts a new one. */
static int
add_row(fitdata *d, const csv_reader *r, const int *col, long t, size_t k,
    const double *x, fw_error *err)
{
	const char *seg = r->field[col[2]];
	fitseries *s = d->n > 0 ? &d->s[d->n - 1] : NULL;
	double *grown;

	if (s == NULL || s->series != k || strcmp(s->segment, seg) != 0) {
		if (t != 1)
			return csv_fail(r, err, "a series starts at month %ld, "
			    "not 1", t);
		if ((s = realloc(d->s, (d->n + 1) * sizeof(*s))) == NULL)
			return FW_ENOMEM;
		d->s = s;
		s = &d->s[d->n++];
		memset(s, 0, sizeof(*s));
		s->series = k;
		if ((s->segment = strdup(seg)) == NULL)
			return FW_ENOMEM;
	} else if (t != s->months + 1)
		return csv_fail(r, err, "month %ld follows month %d", t,
		    s->months);
	if ((grown = realloc(s->v, (size_t)(s->months + 1) * 4 *
	    sizeof(double))) == NULL)
		return FW_ENOMEM;
	s->v = grown;
	memcpy(&s->v[4 * s->months++], x, 4 * sizeof(double));
	return FW_OK;
}

int
read_fit_series(const char *path, fitdata *d, fw_error *err)
{
	csv_reader r;
	int col[NCOLUMNS], got, rc;
	size_t k;
	size_t c;

	memset(d, 0, sizeof(*d));
	rc = csv_open_columns(&r, path, columns, NCOLUMNS, col,
	    "fit-series.csv", err);
	while (rc == FW_OK && (rc = csv_next(&r, &got, err)) == FW_OK && got) {
		double x[4];
		long t;
		if (r.nfield != NCOLUMNS) {
			rc = csv_fail(&r, err, "%zu fields, not %d", r.nfield,
			    NCOLUMNS);
			break;
		}
		if ((rc = csv_count(&r, (size_t)col[0], 1,
		    key_most("horizon_months"), &t, err)) != FW_OK)
			break;
		if (fw_series_index(r.field[col[1]], &k) != FW_OK) {
			rc = csv_fail(&r, err, "unknown metric '%s'",
			    r.field[col[1]]);
			break;
		}
		for (c = 0; rc == FW_OK && c < 4; c++)
			rc = csv_number(&r, (size_t)col[3 + c], c == 0, &x[c],
			    err);
		if (rc == FW_OK)
			rc = add_row(d, &r, col, t, k, x, err);
	}
	if (rc == FW_OK && d->n == 0)
		rc = csv_fail(&r, err, "holds no rows");
	if (rc == FW_ENOMEM)
		fw_error_set(err, FW_ENOMEM, "", 0, 0, "", "out of memory");
	csv_close(&r);
	return rc;
}
