/* fittable.h - a calibration's fit.csv read back, as untrusted input:
 * each input fitted with its estimate, 95% interval and note, for the
 * board pack's calibration page (calpage.c).
 * SPDX-License-Identifier: MIT */
#ifndef FW_FITTABLE_H
#define FW_FITTABLE_H

#include <stddef.h>

#include "flywheel.h"

/* The inputs a page lists; fit.csv may hold more. */
#define CAL_MAX_INPUTS 24

/* One row of fit.csv. */
typedef struct fit_input {
	char path[160];
	double estimate, lo95, hi95;
	int identified;
	char note[400];
} fit_input;

typedef struct fit_table {
	fit_input in[CAL_MAX_INPUTS];
	size_t n, rows;		/* listed, and in the file */
} fit_table;

/* Reads path into t: FW_EIO with err naming the file and line of the
 * first problem (a missing column, a field that is not what the column
 * holds, a row of another width, no rows at all). */
int read_fit_table(const char *path, fit_table *t, fw_error *err);

#endif
