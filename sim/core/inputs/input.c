/* input.c - the files the library reads: named relative to the file that
 * names them (a sweep's or a calibration's scenario and data), and read
 * whole within a size limit.
 * SPDX-License-Identifier: MIT */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "error.h"
#include "input.h"

char *
fwi_path_beside(const char *file, const char *name)
{
	const char *slash = strrchr(file, '/');
	size_t len = slash ? (size_t)(slash - file) + 1 : 0;
	char *path;

	if (name[0] == '/' || len == 0)
		return strdup(name);
	if ((path = malloc(len + strlen(name) + 1)) != NULL) {
		memcpy(path, file, len);
		strcpy(path + len, name);
	}
	return path;
}

int
fwi_read_whole(const char *file, long limit, const char *what, char **buf,
    size_t *len, fw_error *err)
{
	FILE *f = fopen(file, "rb");
	struct stat st;

	*buf = NULL;
	if (f == NULL) {
		fw_error_set(err, FW_EIO, file, 0, 0, "", "cannot open: %s",
		    strerror(errno));
		return FW_EIO;
	}
	if (fstat(fileno(f), &st) == 0 && S_ISDIR(st.st_mode)) {
		fclose(f);
		fw_error_set(err, FW_EIO, file, 0, 0, "",
		    "cannot read: is a directory");
		return FW_EIO;
	}
	if (fstat(fileno(f), &st) == 0 && S_ISREG(st.st_mode) &&
	    st.st_size > limit) {
		fclose(f);
		fw_error_set(err, FW_EINVALID, file, 0, 0, "",
		    "too large for %s (%lld bytes; the limit is %ld)", what,
		    (long long)st.st_size, limit);
		return FW_EINVALID;
	}
	if ((*buf = malloc((size_t)limit + 1)) == NULL) {
		fclose(f);
		return fwi_nomem(err);
	}
	*len = fread(*buf, 1, (size_t)limit + 1, f);
	if (ferror(f)) {
		fw_error_set(err, FW_EIO, file, 0, 0, "", "cannot read: %s",
		    strerror(errno));
		free(*buf);
		*buf = NULL;
		fclose(f);
		return FW_EIO;
	}
	fclose(f);
	if (*len > (size_t)limit) {
		free(*buf);
		*buf = NULL;
		fw_error_set(err, FW_EINVALID, file, 0, 0, "",
		    "too large for %s (more than %ld bytes)", what, limit);
		return FW_EINVALID;
	}
	(*buf)[*len] = '\0';
	return FW_OK;
}
