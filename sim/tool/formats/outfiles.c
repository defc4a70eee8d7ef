/* outfiles.c - files written all or nothing: temporary names, renamed
 * only when every file is complete.
 * SPDX-License-Identifier: MIT */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "outdir.h"
#include "relpath.h"
#include "outfiles.h"

/* Closes and removes every temporary file. */
static void
discard(outfiles *o)
{
	size_t i;

	for (i = 0; i < o->n; i++) {
		if (o->f[i] != NULL)
			fclose(o->f[i]);
		o->f[i] = NULL;
		if (o->tmp[i][0] != '\0')
			unlink(o->tmp[i]);
	}
}

int
outfiles_open(outfiles *o, const char *dir, const char *const *names,
    size_t n, fw_error *err)
{
	size_t i;

	memset(o, 0, sizeof(*o));
	if (n > OUTFILES_MAX || make_dirs(dir) != 0) {
		fw_error_set(err, FW_EIO, dir, 0, 0, "", "cannot create the "
		    "output directory: %s", strerror(errno));
		return FW_EIO;
	}
	for (o->n = 0; o->n < n; o->n++) {
		int fd;
		i = o->n;
		if (pathf(o->final[i], sizeof(o->final[i]), "%s/%s", dir,
		    names[i]) != 0) {
			fw_error_set(err, FW_EIO, dir, 0, 0, "", "the "
			    "directory's name is too long");
			discard(o);
			return FW_EIO;
		}
		fd = out_temp_file(dir, names[i], o->tmp[i], sizeof(o->tmp[i]),
		    err);
		if (fd >= 0 && (o->f[i] = fdopen(fd, "w")) == NULL) {
			fw_error_set(err, FW_EIO, o->final[i], 0, 0, "",
			    "cannot write: %s", strerror(errno));
			close(fd);
		}
		if (o->f[i] == NULL) {
			o->n++;
			discard(o);
			return FW_EIO;
		}
	}
	return FW_OK;
}

int
outfiles_commit(outfiles *o, int rc, fw_error *err)
{
	size_t i;

	for (i = 0; i < o->n; i++) {
		int bad = ferror(o->f[i]) | fflush(o->f[i]) |
		    fsync(fileno(o->f[i]));
		bad |= fclose(o->f[i]);
		o->f[i] = NULL;
		if (bad && rc == FW_OK) {
			rc = FW_EIO;
			fw_error_set(err, FW_EIO, o->final[i], 0, 0, "",
			    "cannot write: %s", strerror(errno));
		}
	}
	for (i = 0; rc == FW_OK && i < o->n; i++)
		if (rename(o->tmp[i], o->final[i]) != 0) {
			fw_error_set(err, FW_EIO, o->final[i], 0, 0, "",
			    "cannot write: %s", strerror(errno));
			rc = FW_EIO;
		}
	if (rc != FW_OK)
		discard(o);
	return rc;
}
