/* fittable.c - a calibration's fit.csv read back (fittable.h).
 * SPDX-License-Identifier: MIT */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "csvread.h"
#include "fittable.h"

static const char *const columns[] = { "parameter", "estimate", "lower95",
	"upper95", "identified", "note" };
#define NCOLUMNS 6

static int
read_row(const csv_reader *r, const int *col, fit_input *in, fw_error *err)
{
	const char *yes = r->field[col[4]];
	int rc;

	if ((rc = csv_number(r, (size_t)col[1], 0, &in->estimate, err)) !=
	    FW_OK || (rc = csv_number(r, (size_t)col[2], 1, &in->lo95,
	    err)) != FW_OK || (rc = csv_number(r, (size_t)col[3], 1,
	    &in->hi95, err)) != FW_OK)
		return rc;
	if (strcmp(yes, "yes") != 0 && strcmp(yes, "no") != 0)
		return csv_fail(r, err, "identified is '%s', not yes or no",
		    yes);
	in->identified = strcmp(yes, "yes") == 0;
	snprintf(in->path, sizeof(in->path), "%s", r->field[col[0]]);
	snprintf(in->note, sizeof(in->note), "%s", r->field[col[5]]);
	return FW_OK;
}

int
read_fit_table(const char *path, fit_table *t, fw_error *err)
{
	csv_reader r;
	int col[NCOLUMNS], got, rc;
	size_t width = 0;

	memset(t, 0, sizeof(*t));
	if ((rc = csv_open_columns(&r, path, columns, NCOLUMNS, col,
	    "fit.csv", err)) == FW_OK)
		width = r.nfield;
	while (rc == FW_OK && (rc = csv_next(&r, &got, err)) == FW_OK && got) {
		fit_input scratch;
		if (r.nfield != width) {
			rc = csv_fail(&r, err, "%zu fields, not %zu", r.nfield,
			    width);
			break;
		}
		rc = read_row(&r, col, t->n < CAL_MAX_INPUTS ? &t->in[t->n] :
		    &scratch, err);
		t->rows++;
		if (t->n < CAL_MAX_INPUTS)
			t->n++;
	}
	if (rc == FW_OK && t->rows == 0)
		rc = csv_fail(&r, err, "holds no inputs");
	csv_close(&r);
	return rc;
}
