/* booktable.h - a CSV table of the command's (leakage.csv, a fit table)
 * as a sheet of results.xlsx: numbers as numbers, readable headers,
 * money and shares shown as such.
 * SPDX-License-Identifier: MIT */
#ifndef FW_BOOKTABLE_H
#define FW_BOOKTABLE_H

#include "flywheel.h"

/* A table read, and what its fw_book_table points into. */
typedef struct book_csv {
	fw_book_table t;
	char **head, **text;	/* [ncol], [nrow * ncol] */
	char *kind;		/* [nrow * ncol] */
	double *num;		/* [nrow * ncol] */
} book_csv;

/* Reads the CSV at path (lines starting with # are comments) into *out
 * as sheet, titled title. FW_EIO naming the file and line of a damaged
 * table, FW_ENOMEM; out is cleared first and freed with
 * book_csv_free() whatever the result. */
int book_csv_read(const char *path, const char *sheet, const char *title,
    const char *note, book_csv *out, fw_error *err);
void book_csv_free(book_csv *c);

#endif
