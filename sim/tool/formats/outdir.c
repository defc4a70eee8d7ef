/* outdir.c - what the command makes and removes inside an output
 * directory, none of it through a symbolic link: temporary files and
 * folders under names no one can guess, created exclusively; folders
 * opened without following a link; a link or a file where a folder
 * belongs refused, never written into or emptied.
 * SPDX-License-Identifier: MIT */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <unistd.h>

#include "complete.h"
#include "outdir.h"
#include "relpath.h"

/* Attempts at a fresh temporary name before giving up: a clash of 48
 * random bits is a planted file, not chance. */
#define TEMP_TRIES 16

/* dir/.NAME.RANDOM.PID followed by end: the form interrupt.c removes. */
static int
temp_name(char *out, size_t size, const char *dir, const char *name,
    const char *end)
{
	unsigned char r[6];
	unsigned long long x = 0;
	size_t i;

	if (getrandom(r, sizeof(r), 0) != (ssize_t)sizeof(r))
		return -1;
	for (i = 0; i < sizeof(r); i++)
		x = x << 8 | r[i];
	return pathf(out, size, "%s/.%s.%012llx.%ld%s", dir, name, x,
	    (long)getpid(), end);
}

static int
refuse_long(const char *dir, fw_error *err)
{
	fw_error_set(err, FW_EIO, dir, 0, 0, "", "directory name too long");
	return -1;
}

int
out_temp_file(const char *dir, const char *name, char *tmp, size_t size,
    fw_error *err)
{
	int i, fd = -1;

	errno = EEXIST;
	for (i = 0; fd < 0 && errno == EEXIST && i < TEMP_TRIES; i++) {
		if (temp_name(tmp, size, dir, name, ".tmp") != 0)
			return refuse_long(dir, err);
		fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW |
		    O_CLOEXEC, 0666);
	}
	if (fd < 0) {
		fw_error_set(err, FW_EIO, dir, 0, 0, "", "cannot write a "
		    "temporary file: %s", strerror(errno));
		tmp[0] = '\0';
	}
	return fd;
}

int
out_temp_folder(const char *dir, const char *name, char *tmp, size_t size,
    fw_error *err)
{
	int i, rc = -1;

	errno = EEXIST;
	for (i = 0; rc != 0 && errno == EEXIST && i < TEMP_TRIES; i++) {
		if (temp_name(tmp, size, dir, name, "") != 0)
			return refuse_long(dir, err);
		/* mkdir never follows a link; 0700 keeps others out. */
		rc = mkdir(tmp, 0700);
	}
	if (rc != 0) {
		fw_error_set(err, FW_EIO, dir, 0, 0, "", "cannot create a "
		    "temporary folder: %s", strerror(errno));
		tmp[0] = '\0';
		return FW_EIO;
	}
	return FW_OK;
}

/* Fills err for path, which could not be opened as a folder. */
static void
refuse_folder(const char *path, fw_error *err)
{
	struct stat st;
	int e = errno;

	if (lstat(path, &st) == 0 && S_ISLNK(st.st_mode))
		fw_error_set(err, FW_EIO, path, 0, 0, "", "is a symbolic link: "
		    "flywheel neither writes through it nor empties it; remove "
		    "the link or choose another output directory");
	else if (lstat(path, &st) == 0 && !S_ISDIR(st.st_mode))
		fw_error_set(err, FW_EIO, path, 0, 0, "", "is not a folder: "
		    "flywheel neither replaces nor removes it; remove it or "
		    "choose another output directory");
	else
		fw_error_set(err, FW_EIO, path, 0, 0, "", "cannot open: %s",
		    strerror(e));
}

int
out_folder(const char *dir, const char *name, fw_error *err)
{
	char path[4096];
	int fd;

	if (pathf(path, sizeof(path), "%s/%s", dir, name) != 0)
		return refuse_long(dir, err);
	if (mkdir(path, 0777) != 0 && errno != EEXIST) {
		fw_error_set(err, FW_EIO, path, 0, 0, "", "cannot create: %s",
		    strerror(errno));
		return -1;
	}
	fd = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	if (fd < 0)
		refuse_folder(path, err);
	return fd;
}

int
out_move_into(const char *from, int folder, const char *shown,
    const char *name, fw_error *err)
{
	char path[4096];
	int rc = check_output(from, err);

	/* renameat replaces a link at the destination, never follows
	 * it. */
	if (rc == FW_OK && renameat(AT_FDCWD, from, folder, name) != 0) {
		if (folder == AT_FDCWD)
			pathf(path, sizeof(path), "%s", name);
		else
			pathf(path, sizeof(path), "%s/%s", shown, name);
		fw_error_set(err, FW_EIO, path, 0, 0, "", "cannot write: %s",
		    strerror(errno));
		rc = FW_EIO;
	}
	return rc;
}

/* Empties folder fd: files and links unlinked, folders (opened without
 * following a link) emptied and removed, depth levels down. */
static void
empty_folder(int fd, int depth)
{
	DIR *d;
	struct dirent *e;
	int again = dup(fd);

	if (again < 0 || (d = fdopendir(again)) == NULL) {
		if (again >= 0)
			close(again);
		return;
	}
	while ((e = readdir(d)) != NULL) {
		int sub;
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0 ||
		    unlinkat(fd, e->d_name, 0) == 0 || depth == 0)
			continue;
		sub = openat(fd, e->d_name, O_RDONLY | O_DIRECTORY |
		    O_NOFOLLOW | O_CLOEXEC);
		if (sub >= 0) {
			empty_folder(sub, depth - 1);
			close(sub);
			unlinkat(fd, e->d_name, AT_REMOVEDIR);
		}
	}
	closedir(d);
}

/* Opens path as a folder without following a link: the descriptor,
 * -2 when there is nothing there, -1 when it is no folder. */
static int
open_folder(const char *path)
{
	int fd = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);

	return fd >= 0 ? fd : errno == ENOENT ? -2 : -1;
}

void
remove_tree(const char *dir)
{
	int fd = open_folder(dir);

	if (fd >= 0) {
		/* a temporary folder is at most two deep (out/) */
		empty_folder(fd, 2);
		close(fd);
		rmdir(dir);
	}
}

int
out_remove_folder(const char *dir, const char *name, int *found,
    fw_error *err)
{
	char path[4096];
	int fd;

	if (pathf(path, sizeof(path), "%s/%s", dir, name) != 0) {
		refuse_long(dir, err);
		return FW_EIO;
	}
	if ((fd = open_folder(path)) == -2)
		return FW_OK;
	if (fd < 0) {
		refuse_folder(path, err);
		return FW_EIO;
	}
	*found = 1;
	empty_folder(fd, 0);
	close(fd);
	if (rmdir(path) != 0) {
		fw_error_set(err, FW_EIO, path, 0, 0, "", "cannot remove: %s",
		    strerror(errno));
		return FW_EIO;
	}
	return FW_OK;
}

int
out_remove_charts(const char *dir, const char *prefix, fw_error *err)
{
	static const char *const ext[] = { ".png", ".svg", ".pdf" };
	char path[4096];
	DIR *d;
	struct dirent *e;
	size_t i, n, k = strlen(prefix);
	int fd;

	if (pathf(path, sizeof(path), "%s/plots", dir) != 0) {
		refuse_long(dir, err);
		return FW_EIO;
	}
	if ((fd = open_folder(path)) == -2)
		return FW_OK;
	if (fd < 0 || (d = fdopendir(fd)) == NULL) {
		refuse_folder(path, err);
		if (fd >= 0)
			close(fd);
		return FW_EIO;
	}
	while ((e = readdir(d)) != NULL)
		for (i = 0; i < 3; i++)
			if (strncmp(e->d_name, prefix, k) == 0 &&
			    (n = strlen(e->d_name)) >= k + 4 &&
			    strcmp(e->d_name + n - 4, ext[i]) == 0)
				unlinkat(fd, e->d_name, 0);
	closedir(d);
	return FW_OK;
}

int
out_remove_file(const char *dir, const char *name, int *found,
    fw_error *err)
{
	char path[4096];

	if (pathf(path, sizeof(path), "%s/%s", dir, name) != 0) {
		refuse_long(dir, err);
		return FW_EIO;
	}
	/* unlink removes a link itself, not what it points to; a folder
	 * stays, for the writer to report */
	if (unlink(path) == 0)
		*found = 1;
	else if (errno != ENOENT && errno != EISDIR) {
		fw_error_set(err, FW_EIO, path, 0, 0, "", "cannot remove: %s",
		    strerror(errno));
		return FW_EIO;
	}
	return FW_OK;
}

FILE *
out_append(const char *path, fw_error *err)
{
	int fd = open(path, O_WRONLY | O_APPEND | O_NOFOLLOW | O_CLOEXEC);
	FILE *f = fd >= 0 ? fdopen(fd, "a") : NULL;
	struct stat st;
	int e = errno;

	if (f != NULL)
		return f;
	if (fd >= 0)
		close(fd);
	if (lstat(path, &st) == 0 && S_ISLNK(st.st_mode))
		fw_error_set(err, FW_EIO, path, 0, 0, "", "is a symbolic link: "
		    "flywheel does not append through it");
	else
		fw_error_set(err, FW_EIO, path, 0, 0, "", "cannot append: %s",
		    strerror(e));
	return NULL;
}

int
make_dirs(const char *dir)
{
	char path[4096];
	char *p;

	snprintf(path, sizeof(path), "%s", dir);
	for (p = path + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(path, 0777) != 0 && errno != EEXIST)
			return -1;
		*p = '/';
	}
	if (mkdir(path, 0777) != 0 && errno != EEXIST)
		return -1;
	return 0;
}
