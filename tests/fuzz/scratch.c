/* scratch.c - the fuzz targets' scratch directory: one per process, in
 * TMPDIR, removed at exit.
 * SPDX-License-Identifier: MIT */
#include "config.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fuzz.h"
#include "outdir.h"

static char dir[4096];

/* The directory and the one level below it that fuzz_resume uses. */
static void
remove_dir(void)
{
	char sub[4200];

	snprintf(sub, sizeof(sub), "%s/out", dir);
	remove_tree(sub);
	remove_tree(dir);
}

const char *
fuzz_dir(void)
{
	const char *tmp = getenv("TMPDIR");
	int fd;

	if (dir[0] != '\0')
		return dir;
	snprintf(dir, sizeof(dir), "%s/flywheel-fuzz.XXXXXX",
	    tmp != NULL && *tmp != '\0' ? tmp : "/tmp");
	if (mkdtemp(dir) == NULL) {
		perror(dir);
		abort();
	}
	atexit(remove_dir);
	/* A file named /dev/stdin would wait on the terminal forever. */
	if ((fd = open("/dev/null", O_RDONLY)) >= 0) {
		dup2(fd, STDIN_FILENO);
		close(fd);
	}
	return dir;
}

const char *
fuzz_file(const char *name, const void *bytes, size_t n)
{
	static char path[4200];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", fuzz_dir(), name);
	if ((f = fopen(path, "wb")) == NULL ||
	    (n > 0 && fwrite(bytes, 1, n, f) != n) || fclose(f) != 0) {
		perror(path);
		abort();
	}
	return path;
}
