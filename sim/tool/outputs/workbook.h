/* workbook.h - results.xlsx: a run's tables as a workbook a finance
 * analyst opens and keeps working in.
 * SPDX-License-Identifier: MIT */
#ifndef FW_WORKBOOK_H
#define FW_WORKBOOK_H

#include "flywheel.h"
#include "report.h"

/* Writes dir/results.xlsx from report d of the run written in dir and
 * its tables there: sheets Summary (a row per variant in $M, the
 * recommendation, revenue by month, and native charts of revenue by
 * month and the NPV gain of each option), Compare, Time series and
 * Replications (the CSVs, units in the headers, money shown in $M,
 * shares in %), and Assumptions. Written to a temporary name and
 * renamed: no partial file. FW_EIO or FW_ENOMEM with err filled. */
int write_workbook(const report *d, const char *dir, fw_error *err);

#endif
