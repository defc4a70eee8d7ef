/* obsdata.h - a brand's observed monthly figures, the data file of a
 * calibration: long-format CSV, one figure a row. Private.
 * SPDX-License-Identifier: MIT */
#ifndef FW_OBSDATA_H
#define FW_OBSDATA_H

#include <stddef.h>

#include "scenario.h"

/* One observed figure. */
typedef struct fw_obs {
	int month;		/* 1-based */
	int series;		/* a monthly series (fw_series_index) */
	int segment;		/* -1: the whole market */
	double value;
	int line;		/* of the data file */
} fw_obs;

typedef struct fw_obsdata {
	fw_obs *v;
	size_t n;
	char hash[32];		/* of the file's bytes */
} fw_obsdata;

/* Reads the data file against scenario sc, whose horizon bounds the
 * months and whose segments name the segment column's values. Every
 * complaint names the file, the line and, where it helps, the column
 * (FW_EINVALID), or the file (FW_EIO). */
int fwi_obs_read(const char *file, const fw_scenario *sc, fw_obsdata *out,
    fw_error *err);
void fwi_obs_clear(fw_obsdata *d);

/* The largest observed figure (in absolute value) a data file may hold,
 * and why (limits.c). */
extern const double fwi_obs_limit;
extern const char fwi_obs_limit_why[];

/* Whether series k is recorded segment by segment. */
int fwi_series_by_segment(int k);

#endif
