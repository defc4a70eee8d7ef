/* tables.h - a run's tables on disk.
 * SPDX-License-Identifier: MIT */
#ifndef FW_TABLES_H
#define FW_TABLES_H

#include "flywheel.h"

/* Writes summary.csv, timeseries.csv, replications.csv, compare.csv,
 * paired.csv and run.json into dir (created if needed). Each file is
 * written to a temporary name and renamed only when all are complete, so
 * a failure leaves no partial file. command_line is recorded in run.json. */
int write_run_tables(const fw_run *run, const char *dir,
    const char *command_line, fw_error *err);

#endif
