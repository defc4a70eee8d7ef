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

/* Opens the n files names in rec->dir, the first nfd of them for the
 * library to write into (their descriptors in fd), and fills r from
 * rec: with the fit table of run's scenario named from the results
 * directory, which exists now (in table, size bytes). */
static int
open_tables(outfiles *o, const char *const *names, size_t n, size_t nfd,
    const fw_run *run, const run_record *rec, fw_run_record *r,
    char *table, size_t size, int *fd, fw_error *err)
{
	const fw_scenario *sc = fw_run_scenario(run);
	size_t i;
	int rc;

	*r = (fw_run_record){ rec->command_line, rec->finished, NULL,
		rec->processes };
	if ((rc = outfiles_open(o, rec->dir, names, n, err)) != FW_OK)
		return rc;
	if (fw_scenario_calibration(sc) != NULL) {
		path_from(rec->dir, fw_scenario_calibration(sc), table, size);
		r->calibration = table;
	}
	for (i = 0; i < nfd; i++)
		fd[i] = fileno(o->f[i]);
	return FW_OK;
}

int
write_run_tables(const fw_run *run, const voi_table *voi,
    const run_record *rec, fw_error *err)
{
	const char *names[FW_TABLE_COUNT + 1];
	const int n = FW_TABLE_COUNT + (voi != NULL && voi->ninput > 0);
	char table[4096], stale[4096];
	fw_run_record r;
	int fd[FW_TABLE_COUNT], i, rc;
	outfiles o;

	for (i = 0; i < FW_TABLE_COUNT; i++)
		names[i] = fw_table_name((size_t)i);
	names[FW_TABLE_COUNT] = "voi.csv";
	if ((rc = open_tables(&o, names, (size_t)n, FW_TABLE_COUNT, run, rec,
	    &r, table, sizeof(table), fd, err)) != FW_OK)
		return rc;
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
	fw_run_record r;
	int fd[FW_LEAKAGE_TABLE_COUNT], i, rc;
	outfiles o;

	for (i = 0; i < FW_LEAKAGE_TABLE_COUNT; i++)
		names[i] = fw_leakage_table_name((size_t)i);
	if ((rc = open_tables(&o, names, FW_LEAKAGE_TABLE_COUNT,
	    FW_LEAKAGE_TABLE_COUNT, run, rec, &r, table, sizeof(table), fd,
	    err)) != FW_OK)
		return rc;
	rc = fw_leakage_write_tables(lk, run, &r, fd, err);
	return outfiles_commit(&o, rc, err);
}
