/* csvread.h - reading back the CSV tables flywheel wrote. A results
 * directory may come from someone else, so every line is bounded, every
 * field checked, and every complaint names the file and line.
 * SPDX-License-Identifier: MIT */
#ifndef FW_CSVREAD_H
#define FW_CSVREAD_H

#include <stddef.h>
#include <stdio.h>

#include "flywheel.h"

/* The longest line a table may have. */
#define CSV_MAX_LINE (1 << 20)

typedef struct csv_reader {
	FILE *f;
	char *path;
	long line;		/* number of the row just read, 1-based */
	char *raw;		/* the row as read, without its line break */
	size_t rawlen;
	int ended;		/* the row ended with a line break */
	char *buf;		/* the fields, unquoted, NUL-separated */
	char **field;
	size_t nfield, cap;
} csv_reader;

/* Opens path; FW_EIO with err filled when it cannot be read. */
int csv_open(csv_reader *r, const char *path, fw_error *err);

/* Reads the next row into r's fields; *got is 0 at the end of the file.
 * FW_EIO (unreadable, or a malformed or too long line: not a table
 * flywheel wrote) or FW_ENOMEM with err filled. */
int csv_next(csv_reader *r, int *got, fw_error *err);

/* Fails with "path:line: what" and FW_EIO: a table read back that
 * flywheel did not write that way is damaged input, like a bad disk. */
int csv_fail(const csv_reader *r, fw_error *err, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* The index of the column named name in the header row just read, or -1. */
int csv_column(const csv_reader *r, const char *name);

/* Opens path and reads its header row, finding the n columns names[]
 * into col[]; FW_EIO as csv_open(), or naming the first column missing:
 * "no column 'x': not a WHAT flywheel wrote" (what: "fit.csv"). The
 * caller closes r whatever the result. */
int csv_open_columns(csv_reader *r, const char *path,
    const char *const *names, size_t n, int *col, const char *what,
    fw_error *err);

/* Field i of the row as a finite number; fails (FW_EIO) when it is
 * not one, or is empty and empty is not allowed (NaN is then returned
 * for an allowed empty field). */
int csv_number(const csv_reader *r, size_t i, int empty_ok, double *x,
    fw_error *err);

/* Field i as a whole number in [lo, hi]. */
int csv_count(const csv_reader *r, size_t i, long lo, long hi, long *x,
    fw_error *err);

/* Opens dir/name, a table flywheel wrote, and reads its header row:
 * FW_EIO with err filled when the path is too long, the file cannot be
 * read or it is empty. */
int csv_open_table(csv_reader *r, const char *dir, const char *name,
    fw_error *err);

void csv_close(csv_reader *r);

#endif
