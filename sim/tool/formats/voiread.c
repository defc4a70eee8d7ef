/* voiread.c - voi.csv read back, as untrusted input.
 * SPDX-License-Identifier: MIT */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "csvread.h"
#include "voiread.h"

/* One row: measure, subject, value, se. */
static int
read_row(const csv_reader *r, voi_read *v, fw_error *err)
{
	const char *measure = r->field[0], *subject = r->field[1];
	double value, se;
	int rc;

	if ((rc = csv_number(r, 2, 1, &value, err)) != FW_OK ||
	    (rc = csv_number(r, 3, 1, &se, err)) != FW_OK)
		return rc;
	if (strcmp(measure, "expected_gain") == 0)
		snprintf(v->best, sizeof(v->best), "%s", subject);
	else if (strcmp(measure, "evpi") == 0) {
		v->evpi = value;
		v->evpi_se = se;
	} else if (strcmp(measure, "evppi") == 0 && strstr(subject, " + ") ==
	    NULL && v->ninput < VOI_MAX_INPUTS) {
		snprintf(v->path[v->ninput], sizeof(v->path[0]), "%s",
		    subject);
		v->evppi[v->ninput++] = value;
	} else if (strcmp(measure, "input_share") == 0 &&
	    strcmp(subject, v->best) == 0)
		v->best_share = value;
	return FW_OK;
}

int
voi_of_run(const char *dir, voi_read **out, fw_error *err)
{
	char path[4096];
	csv_reader r;
	voi_read *v;
	int got, rc;

	*out = NULL;
	if (snprintf(path, sizeof(path), "%s/voi.csv", dir) >=
	    (int)sizeof(path) || access(path, F_OK) != 0)
		return FW_OK;
	if ((v = calloc(1, sizeof(*v))) == NULL) {
		fw_error_set(err, FW_ENOMEM, "", 0, 0, "", "out of memory");
		return FW_ENOMEM;
	}
	v->evpi = v->evpi_se = v->best_share = NAN;
	if ((rc = csv_open(&r, path, err)) != FW_OK) {
		free(v);
		return rc;
	}
	if ((rc = csv_next(&r, &got, err)) == FW_OK && (!got || r.nfield != 4 ||
	    strcmp(r.field[0], "measure") != 0))
		rc = csv_fail(&r, err, "not a voi.csv flywheel wrote");
	while (rc == FW_OK && (rc = csv_next(&r, &got, err)) == FW_OK && got)
		rc = r.nfield == 4 ? read_row(&r, v, err) :
		    csv_fail(&r, err, "%zu fields, not 4", r.nfield);
	if (rc == FW_OK && (isnan(v->evpi) || v->ninput == 0))
		rc = csv_fail(&r, err, "no evpi or evppi rows");
	csv_close(&r);
	if (rc != FW_OK) {
		free(v);
		return rc;
	}
	*out = v;
	return FW_OK;
}
