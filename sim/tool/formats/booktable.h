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
	size_t cap;		/* rows there is room for */
} book_csv;

/* Reads the CSV at path (lines starting with # are comments) into *out
 * as sheet, titled title. FW_EIO naming the file and line of a damaged
 * table, FW_ENOMEM; out is cleared first and freed with
 * book_csv_free() whatever the result. */
int book_csv_read(const char *path, const char *sheet, const char *title,
    const char *note, book_csv *out, fw_error *err);
/* A table made in memory: started with its columns, named as a CSV
 * header would name them, then a row at a time, cell j the text text[j]
 * when it is not NULL, else the number num[j] (NaN: none), shown as a
 * CSV's cell of the row's metric would be. FW_ENOMEM, err filled; out
 * is freed with book_csv_free() whatever the result. */
int book_csv_start(book_csv *out, const char *sheet, const char *title,
    const char *note, size_t ncol, char *const *name, fw_error *err);
int book_csv_add(book_csv *out, const char *const *text, const double *num,
    const char *metric, fw_error *err);
void book_csv_free(book_csv *c);

#endif
