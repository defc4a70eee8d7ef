/* tables.c - a run's tables in its output directory: the library writes
 * them (fw_run_write_tables) into files this opens as outfiles.c does,
 * each under a temporary name no one can guess, all renamed into place
 * once complete; with the value of information and what calibrating
 * changed beside them.
 * SPDX-License-Identifier: MIT */
#include "config.h"

#include <stdio.h>
#include <time.h>
#include <unistd.h>

#include "guesses.h"
#include "relpath.h"
#include "outfiles.h"
#include "tables.h"

void
run_record_stamp(char *buf, size_t size)
{
	time_t now = time(NULL);

	strftime(buf, size, "%Y-%m-%dT%H:%M:%SZ", gmtime(&now));
}

/* An earlier run's table the run did not write, which would not match
 * its tables. */
static void
remove_stale(const char *dir, const char *name)
{
	char stale[4096];

	if (pathf(stale, sizeof(stale), "%s/%s", dir, name) == 0)
		unlink(stale);
}

int
write_run_tables(const fw_run *run, const voi_table *voi,
    const run_record *rec, fw_error *err)
{
	const fw_scenario *sc = fw_run_scenario(run);
	const char *names[FW_TABLE_COUNT + 2];
	const int has_voi = voi != NULL && voi->ninput > 0;
	char table[4096];
	fw_run_record r = { rec->command_line, rec->finished, NULL,
		rec->processes };
	int fd[FW_TABLE_COUNT], i, n = FW_TABLE_COUNT, at_voi, at_guesses, rc;
	outfiles o;

	for (i = 0; i < FW_TABLE_COUNT; i++)
		names[i] = fw_table_name((size_t)i);
	at_voi = has_voi ? n++ : -1;
	at_guesses = rec->guessed != NULL ? n++ : -1;
	if (at_voi >= 0)
		names[at_voi] = "voi.csv";
	if (at_guesses >= 0)
		names[at_guesses] = "guesses.csv";
	if ((rc = outfiles_open(&o, rec->dir, names, (size_t)n, err)) !=
	    FW_OK)
		return rc;
	/* run.json names the fit table from the results directory, which
	 * exists now */
	if (fw_scenario_calibration(sc) != NULL) {
		path_from(rec->dir, fw_scenario_calibration(sc), table,
		    sizeof(table));
		r.calibration = table;
	}
	for (i = 0; i < FW_TABLE_COUNT; i++)
		fd[i] = fileno(o.f[i]);
	rc = fw_run_write_tables(run, &r, fd, err);
	if (rc == FW_OK && at_voi >= 0)
		rc = voi_write(run, voi, o.f[at_voi]);
	if (rc == FW_OK && at_guesses >= 0)
		rc = guesses_write(run, rec->guessed, o.f[at_guesses]);
	if (rc == FW_ENOMEM)
		fw_error_set(err, FW_ENOMEM, "", 0, 0, "", "out of memory");
	rc = outfiles_commit(&o, rc, err);
	if (rc == FW_OK && at_voi < 0)
		remove_stale(rec->dir, "voi.csv");
	if (rc == FW_OK && at_guesses < 0)
		remove_stale(rec->dir, "guesses.csv");
	return rc;
}
