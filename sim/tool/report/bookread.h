/* bookread.h - the figures of results.xlsx from a run's report read
 * back from its results directory (report_read), with what the report
 * keeps only in part: every metric and draw of replications.csv, every
 * series of timeseries.csv, and the scenario the run ran when its file
 * is at hand unchanged (every input, the discount rate). What flywheel
 * plot rewrites the workbook from.
 * SPDX-License-Identifier: MIT */
#ifndef FW_BOOKREAD_H
#define FW_BOOKREAD_H

#include "flywheel.h"
#include "report.h"

typedef struct book_read {
	fw_book b;		/* points into the rest and the report */
	const report *d;
	char **metric, **drawpath, **series;
	double *value, *draw;
	fw_band *band;
	const char **change;	/* [4 * nchange] into d */
	fw_scenario *scenario;	/* the run's, when at hand; may be NULL */
} book_read;

/* The book of report d, read from dir, into *r. FW_EIO naming the file
 * and line of a damaged table, FW_ENOMEM; r is cleared first and
 * released with book_read_clear() whatever the result. */
int book_read_dir(const report *d, const char *dir, book_read *r,
    fw_error *err);
void book_read_clear(book_read *r);

#endif
