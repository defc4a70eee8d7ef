/* tablewrite.h - what the library's table writers share (a run's,
 * tables.c, and a decomposition's, leaktables.c): numbers and JSON
 * members as the tables write them, the opening of their JSON records,
 * and a table written into a descriptor the caller opened.
 * SPDX-License-Identifier: MIT */
#ifndef FW_TABLEWRITE_H
#define FW_TABLEWRITE_H

#include <stddef.h>
#include <stdio.h>

#include "flywheel.h"

/* Writes ",x" for each of n values, x as fw_format_real() gives it,
 * nothing for NaN. */
void fwi_csv_reals(FILE *f, const double *x, size_t n);

/* The next member of a JSON record, on its own line: ",", then "key":
 * and s as a JSON string. */
void fwi_json_member(FILE *f, const char *key, const char *s);

/* Opens the JSON record of a result of sc: "{", the version and model of
 * flywheel, the scenario's file, hashes and name, and its fit table
 * (calibration: as named from the results directory; NULL: as the
 * scenario names it), each on its line. The caller goes on with ",\n"
 * and its own members. */
void fwi_json_opening(FILE *f, const fw_scenario *sc,
    const char *calibration);

/* Writes table name into fd, through a stream of its own, with
 * write(f, what, rec); FW_EIO naming the table when fd cannot be
 * written, FW_ENOMEM, or write's status with unwritten's words ("the
 * run is not finished"). */
int fwi_write_table(int fd, const char *name,
    int (*write)(FILE *f, const void *what, const fw_run_record *rec),
    const void *what, const fw_run_record *rec, const char *unwritten,
    fw_error *err);

#endif
