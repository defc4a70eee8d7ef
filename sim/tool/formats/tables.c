/* tables.c - a run's tables, and a decomposition's, in its output
 * directory: the library writes them (fw_run_write_tables,
 * fw_leakage_write_tables) into files this opens as outfiles.c does,
 * each under a temporary name no one can guess, all renamed into place
 * once complete; with the value of information beside a run's.
 * SPDX-License-Identifier: MIT */
#include "config.h"

#include <stdio.h>
#include <time.h>
#include <unistd.h>

#include "relpath.h"
#include "outfiles.h"
#include "tables.h"

void
run_record_stamp(char *buf, size_t size)
{
	time_t now = time(NULL);

	strftime(buf, size, "%Y-%m-%dT%H:%M:%SZ", gmtime(&now));
}

/* The fit table of the scenario of run, as named from dir (which
 * exists), into rec->calibration; untouched when it has none. */
static void
name_fit_table(const fw_run *run, const char *dir, fw_run_record *rec,
    char *buf, size_t size)
{
	const fw_scenario *sc = fw_run_scenario(run);

	if (fw_scenario_calibration(sc) != NULL) {
		path_from(dir, fw_scenario_calibration(sc), buf, size);
		rec->calibration = buf;
	}
}

int
write_run_tables(const fw_run *run, const voi_table *voi,
    const run_record *rec, fw_error *err)
{
	const char *names[FW_TABLE_COUNT + 1];
	const int n = FW_TABLE_COUNT + (voi != NULL && voi->ninput > 0);
	char table[4096], stale[4096];
	fw_run_record r = { rec->command_line, rec->finished, NULL,
		rec->processes };
	int fd[FW_TABLE_COUNT], i, rc;
	outfiles o;

	for (i = 0; i < FW_TABLE_COUNT; i++)
		names[i] = fw_table_name((size_t)i);
	names[FW_TABLE_COUNT] = "voi.csv";
	if ((rc = outfiles_open(&o, rec->dir, names, (size_t)n, err)) !=
	    FW_OK)
		return rc;
	/* run.json names the fit table from the results directory, which
	 * exists now */
	name_fit_table(run, rec->dir, &r, table, sizeof(table));
	for (i = 0; i < FW_TABLE_COUNT; i++)
		fd[i] = fileno(o.f[i]);
	rc = fw_run_write_tables(run, &r, fd, err);
	if (rc == FW_OK && n > FW_TABLE_COUNT &&
	    (rc = voi_write(run, voi, o.f[FW_TABLE_COUNT])) == FW_ENOMEM)
		fw_error_set(err, FW_ENOMEM, "", 0, 0, "", "out of memory");
	rc = outfiles_commit(&o, rc, err);
	/* An earlier run's value of information would not match these
	 * tables. */
	if (rc == FW_OK && n == FW_TABLE_COUNT && snprintf(stale,
	    sizeof(stale), "%s/voi.csv", rec->dir) < (int)sizeof(stale))
		unlink(stale);
	return rc;
}

int
write_leakage_tables(const fw_leakage *lk, const fw_run *run,
    const run_record *rec, fw_error *err)
{
	const char *names[FW_LEAKAGE_TABLE_COUNT];
	char table[4096];
	fw_run_record r = { rec->command_line, rec->finished, NULL,
		rec->processes };
	int fd[FW_LEAKAGE_TABLE_COUNT], i, rc;
	outfiles o;

	for (i = 0; i < FW_LEAKAGE_TABLE_COUNT; i++)
		names[i] = fw_leakage_table_name((size_t)i);
	if ((rc = outfiles_open(&o, rec->dir, names, FW_LEAKAGE_TABLE_COUNT,
	    err)) != FW_OK)
		return rc;
	name_fit_table(run, rec->dir, &r, table, sizeof(table));
	for (i = 0; i < FW_LEAKAGE_TABLE_COUNT; i++)
		fd[i] = fileno(o.f[i]);
	rc = fw_leakage_write_tables(lk, run, &r, fd, err);
	return outfiles_commit(&o, rc, err);
}
