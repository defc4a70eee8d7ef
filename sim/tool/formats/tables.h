/* tables.h - a run's tables on disk, and a decomposition's.
 * SPDX-License-Identifier: MIT */
#ifndef FW_TABLES_H
#define FW_TABLES_H

#include "flywheel.h"
#include "voitable.h"

/* What run.json records beside the run itself: the directory it is
 * written in (which the calibration's path is given from), the command
 * line, when the run finished ("2026-12-07T19:25:19Z") and how many
 * processes ran it. */
typedef struct run_record {
	const char *dir;
	const char *command_line;
	const char *finished;
	int processes;
} run_record;

/* The time now as run_record.finished gives it. */
void run_record_stamp(char *buf, size_t size);

/* Writes summary.csv, timeseries.csv, replications.csv, compare.csv,
 * paired.csv, run.json and, when voi holds uncertain inputs, voi.csv
 * into rec->dir (created if needed). Each file is written to a temporary
 * name and renamed only when all are complete, so a failure leaves no
 * partial file. */
int write_run_tables(const fw_run *run, const voi_table *voi,
    const run_record *rec, fw_error *err);

/* Writes leakage.csv and leakage.json of decomposition lk, decomposed
 * from run, into rec->dir (created if needed), both or neither, as
 * write_run_tables() writes a run's. */
int write_leakage_tables(const fw_leakage *lk, const fw_run *run,
    const run_record *rec, fw_error *err);

#endif
