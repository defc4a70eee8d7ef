/* sweepread.h - a finished sweep's tables read back for its plots:
 * sweep.json (jsonread), sweep.csv and sensitivity.csv (csvread),
 * columns by name, every row checked, errors naming the file and line
 * (FW_EIO). sweep_read() is a function of a directory alone, for tests
 * and fuzzing.
 * SPDX-License-Identifier: MIT */
#ifndef FW_SWEEPREAD_H
#define FW_SWEEPREAD_H

#include <stddef.h>

#include "flywheel.h"
#include "jsonread.h"

#define MAX_PARAMS 256
#define MAX_METRICS 256

/* A finished sweep read back. */
typedef struct sweepdata {
	json *meta;			/* sweep.json */
	const char *design;
	size_t np, nm, nrow;
	const char *param_col[MAX_PARAMS];
	char param_key[MAX_PARAMS][300];	/* "VARIANT:path" or "path" */
	const char *metric[MAX_METRICS];
	double *x;			/* [nrow][np] */
	double *y;			/* [nrow][nm][3]: mean, p5, p95 */
	double *sens;			/* [nm][np][6], NaN: none */
	int has_sens;
} sweepdata;

/* Reads the sweep written in dir; s must be released with sweep_clear()
 * whatever the result. */
int sweep_read(const char *dir, sweepdata *s, fw_error *err);

void sweep_clear(sweepdata *s);

#endif
