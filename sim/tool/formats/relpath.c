/* relpath.c - paths as a page or a table names them: a file named from
 * the working directory named instead from a results directory, so that
 * whoever reads the results finds it from wherever they are; a file's
 * name alone; a path formatted only when it fits.
 * SPDX-License-Identifier: MIT */
#include "config.h"

#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "relpath.h"

/* The end of the path component starting at p (at a '/'). */
static const char *
component_end(const char *p)
{
	return p + 1 + strcspn(p + 1, "/");
}

void
path_from(const char *dir, const char *path, char *out, size_t size)
{
	char from[PATH_MAX], to[PATH_MAX], parent[4096], cwd[4096];
	const char *slash = strrchr(path, '/'), *base, *f = from, *t = to;
	size_t n;

	base = slash != NULL ? slash + 1 : path;
	if (path[0] == '/' || pathf(parent, sizeof(parent), "%.*s",
	    slash != NULL ? (int)(slash - path) : 1, slash != NULL ? path :
	    ".") != 0 || realpath(dir, from) == NULL ||
	    realpath(parent, to) == NULL) {
		/* as it is when absolute; else from the root */
		if (path[0] == '/' || getcwd(cwd, sizeof(cwd)) == NULL ||
		    pathf(out, size, "%s/%s", cwd, path) != 0)
			snprintf(out, size, "%s", path);
		return;
	}
	/* past the components both share */
	while (*f != '\0' && *t != '\0' && component_end(f) - f ==
	    component_end(t) - t && memcmp(f, t, (size_t)(component_end(f) -
	    f)) == 0) {
		f = component_end(f);
		t = component_end(t);
	}
	out[0] = '\0';
	/* up from what is left of dir, then down to the file */
	for (; *f != '\0'; f = component_end(f))
		if (component_end(f) - f > 1)
			strncat(out, "../", size - strlen(out) - 1);
	n = strlen(out);
	snprintf(out + n, size - n, "%s%s%s", *t ? t + 1 : "", *t ? "/" : "",
	    base);
}

const char *
file_name_of(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash != NULL ? slash + 1 : path;
}

int
pathf(char *out, size_t size, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(out, size, fmt, ap);
	va_end(ap);
	return n < 0 || (size_t)n >= size ? -1 : 0;
}
