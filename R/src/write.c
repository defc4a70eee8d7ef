/* write.c - a finished run's tables and run.json in a directory, as
 * `flywheel run` writes them: the library writes them
 * (fw_run_write_tables) into files opened here, each under a temporary
 * name created afresh (a link planted in the directory is never written
 * through), all renamed into place once every one is complete.
 * SPDX-License-Identifier: MIT */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "glue.h"

/* The temporary and final names of each table, and its descriptor. */
typedef struct r_files {
	char tmp[FW_TABLE_COUNT][4096];
	char final[FW_TABLE_COUNT][4096];
	int fd[FW_TABLE_COUNT];
	int n;			/* opened so far */
} r_files;

/* Closes what is open and removes every temporary file. */
static void discard(r_files *f)
{
	int t;

	for (t = 0; t < f->n; t++) {
		if (f->fd[t] >= 0)
			close(f->fd[t]);
		unlink(f->tmp[t]);
	}
	f->n = 0;
}

static int open_all(r_files *f, const char *dir, fw_error *err)
{
	mode_t mask = umask(0);

	umask(mask);
	for (f->n = 0; f->n < FW_TABLE_COUNT; f->n++) {
		const char *name = fw_table_name((size_t)f->n);
		char *tmp = f->tmp[f->n];
		int fd;

		if (snprintf(f->final[f->n], sizeof(f->final[0]), "%s/%s", dir,
		    name) >= (int)sizeof(f->final[0]) || snprintf(tmp,
		    sizeof(f->tmp[0]), "%s/.%s.XXXXXX", dir, name) >=
		    (int)sizeof(f->tmp[0])) {
			fw_error_set(err, FW_EIO, dir, 0, 0, "",
			    "directory name too long");
			return FW_EIO;
		}
		/* mkstemp creates the name afresh (O_EXCL), never through a
		 * link; the file then gets the mode the command gives */
		f->fd[f->n] = fd = mkstemp(tmp);
		if (fd < 0 || fchmod(fd, 0644 & ~mask) != 0) {
			fw_error_set(err, FW_EIO, f->final[f->n], 0, 0, "",
			    "cannot write: %s", strerror(errno));
			f->n += fd >= 0;	/* discard() removes it */
			return FW_EIO;
		}
	}
	return FW_OK;
}

/* Writes run x's tables into dir (which exists); run.json records
 * command_line and calibration (the fit table as named from dir; NULL:
 * as the scenario names it). */
SEXP fwr_run_write(SEXP x, SEXP dir, SEXP command_line, SEXP calibration)
{
	r_run *r = r_unwrap(R_RUN, x);
	const char *d = R_ExpandFileName(Rf_translateChar(STRING_ELT(dir, 0)));
	char finished[32];
	time_t now = time(NULL);
	struct tm tm;
	fw_run_record rec;
	fw_error err;
	r_files *f = (r_files *)R_alloc(1, sizeof(r_files));
	int t, rc;

	strftime(finished, sizeof(finished), "%Y-%m-%dT%H:%M:%SZ",
	    gmtime_r(&now, &tm));
	rec.command_line = r_text(command_line);
	rec.finished = finished;
	rec.calibration = r_text(calibration);
	rec.processes = 1;
	rc = open_all(f, d, &err);
	if (rc == FW_OK)
		rc = fw_run_write_tables(r->run, &rec, f->fd, &err);
	for (t = 0; rc == FW_OK && t < FW_TABLE_COUNT; t++)
		if (fsync(f->fd[t]) != 0) {
			fw_error_set(&err, FW_EIO, f->final[t], 0, 0, "",
			    "cannot write: %s", strerror(errno));
			rc = FW_EIO;
		}
	for (t = 0; rc == FW_OK && t < FW_TABLE_COUNT; t++)
		if (rename(f->tmp[t], f->final[t]) != 0) {
			fw_error_set(&err, FW_EIO, f->final[t], 0, 0, "",
			    "cannot write: %s", strerror(errno));
			rc = FW_EIO;
		}
	if (rc != FW_OK) {
		discard(f);
		r_fail(&err);
	}
	for (t = 0; t < FW_TABLE_COUNT; t++)
		close(f->fd[t]);
	return R_NilValue;
}
