/* fitseries.h - a calibration's fit-series.csv read back (fitseries.c):
 * each series fitted, month by month, observed against simulated. The
 * fit plots draw it; the board pack's calibration page sums it up.
 * SPDX-License-Identifier: MIT */
#ifndef FW_FITSERIES_H
#define FW_FITSERIES_H

#include <stddef.h>

#include "flywheel.h"

/* One series of fit-series.csv. */
typedef struct fitseries {
	size_t series;		/* fw_series_index() */
	char *segment;		/* "" for the whole market */
	int months;
	double *v;		/* [month][observed, mean, p5, p95] */
} fitseries;

typedef struct fitdata {
	fitseries *s;
	size_t n;
} fitdata;

/* Reads path into d (cleared first; release it with fitdata_clear()
 * whatever the result): FW_EIO with err naming the file and line of the
 * first problem, FW_ENOMEM. */
int read_fit_series(const char *path, fitdata *d, fw_error *err);

void fitdata_clear(fitdata *d);

/* The mean absolute error of series s relative to its level, in
 * percent, and in *n its months observed. */
double error_pct(const fitseries *s, int *n);

#endif
