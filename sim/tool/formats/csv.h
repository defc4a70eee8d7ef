/* csv.h - fields of the tables flywheel writes: numbers that read back
 * exactly, text quoted where CSV needs it and defused where a spreadsheet
 * would run it, and JSON strings.
 * SPDX-License-Identifier: MIT */
#ifndef FW_CSV_H
#define FW_CSV_H

#include <stddef.h>
#include <stdio.h>

#include "flywheel.h"

/* Writes x so that it reads back as the same double; nothing for NaN (an
 * empty field: NA in R, NaN in pandas). */
void csv_real(FILE *f, double x);

/* Writes ",x" for each of n values. */
void csv_reals(FILE *f, const double *x, size_t n);

/* Text as the tables hold it: fw_write_csv_text(), fw_write_json_text(). */

/* The sweep.csv column of a metric or parameter label: prefix, text and
 * suffix with ':' as '.' and anything but letters, digits, dots and
 * underscores as '_' (R's read.csv keeps it as it is); NULL when out of
 * memory. The caller frees it. */
char *csv_column_name(const char *prefix, const char *text,
    const char *suffix);

/* Writes the next member of a top-level JSON object, on its own line:
 * ",", then "key": and s as a JSON string. */
void json_member(FILE *f, const char *key, const char *s);

#endif
