/* commit.c - tables written all or nothing from texts made in memory.
 * SPDX-License-Identifier: MIT */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "files.h"

/* Writes len bytes of text to path and makes sure they are on disk. */
static int
write_synced(const char *path, const char *text, size_t len)
{
	FILE *f = fopen(path, "w");
	int bad;

	if (f == NULL)
		return -1;
	bad = fwrite(text, 1, len, f) != len;
	bad |= fflush(f) != 0 || fsync(fileno(f)) != 0;
	bad |= fclose(f) != 0;
	return bad ? -1 : 0;
}

int
write_texts(const char *dir, size_t n, const char *const *names,
    char *const *texts, const size_t *lens, fw_error *err)
{
	char tmp[4096], final[4096];
	size_t i, made = 0;
	int rc = FW_OK;

	if (make_dirs(dir) != 0) {
		fw_error_set(err, FW_EIO, dir, 0, 0, "", "cannot create the "
		    "output directory: %s", strerror(errno));
		return FW_EIO;
	}
	for (i = 0; rc == FW_OK && i < n; i++) {
		if (pathf(tmp, sizeof(tmp), "%s/.%s.%ld.tmp", dir, names[i],
		    (long)getpid()) != 0 || pathf(final, sizeof(final),
		    "%s/%s", dir, names[i]) != 0) {
			fw_error_set(err, FW_EIO, dir, 0, 0, "", "directory "
			    "name too long");
			rc = FW_EIO;
		} else if (write_synced(tmp, texts[i], lens[i]) != 0) {
			fw_error_set(err, FW_EIO, final, 0, 0, "", "cannot "
			    "write: %s", strerror(errno));
			unlink(tmp);
			rc = FW_EIO;
		} else
			made++;
	}
	/* Every file is complete on disk before the first takes its
	 * name. */
	for (i = 0; rc == FW_OK && i < n; i++) {
		pathf(tmp, sizeof(tmp), "%s/.%s.%ld.tmp", dir, names[i],
		    (long)getpid());
		pathf(final, sizeof(final), "%s/%s", dir, names[i]);
		if (rename(tmp, final) != 0) {
			fw_error_set(err, FW_EIO, final, 0, 0, "", "cannot "
			    "write: %s", strerror(errno));
			rc = FW_EIO;
		}
	}
	for (i = 0; rc != FW_OK && i < made; i++) {
		pathf(tmp, sizeof(tmp), "%s/.%s.%ld.tmp", dir, names[i],
		    (long)getpid());
		unlink(tmp);
	}
	return rc;
}
