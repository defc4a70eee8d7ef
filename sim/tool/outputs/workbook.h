/* workbook.h - results.xlsx from the command: the library's writer
 * (fw_book_write) fed from a run in memory (flywheel run) or from a
 * results directory's tables (flywheel plot), with the sheets the
 * command alone works out (leakage, calibration).
 * SPDX-License-Identifier: MIT */
#ifndef FW_WORKBOOK_H
#define FW_WORKBOOK_H

#include "flywheel.h"
#include "report.h"

/* Writes dir/results.xlsx for a finished run, its options labelled and
 * coloured as report d (the run's) shows them; with a leakage sheet of
 * decomposition lk when it is not NULL (the run asked for it). All or
 * nothing. FW_EIO or FW_ENOMEM with err filled. */
int write_workbook(const fw_run *run, const report *d, const char *dir,
    const char *command_line, const fw_leakage *lk, fw_error *err);

/* The same from the report d read from dir (what flywheel plot redraws
 * from) and the tables there; FW_EIO naming the file and line of a
 * damaged table. */
int rewrite_workbook(const report *d, const char *dir, fw_error *err);

#endif
