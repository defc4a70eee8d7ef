/* tables.h - a run's tables on disk.
 * SPDX-License-Identifier: MIT */
#ifndef FW_TABLES_H
#define FW_TABLES_H

#include "flywheel.h"
#include "voitable.h"

/* Writes summary.csv, timeseries.csv, replications.csv, compare.csv,
 * paired.csv, run.json and, when voi holds uncertain inputs, voi.csv
 * into dir (created if needed). Each file is written to a temporary name
 * and renamed only when all are complete, so a failure leaves no partial
 * file. command_line and the number of processes that ran it are
 * recorded in run.json. */
int write_run_tables(const fw_run *run, const voi_table *voi,
    const char *dir, const char *command_line, int processes,
    fw_error *err);

#endif
