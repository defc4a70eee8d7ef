/* relpath.h - paths as a page or a table names them.
 * SPDX-License-Identifier: MIT */
#ifndef FW_RELPATH_H
#define FW_RELPATH_H

#include <stddef.h>

/* path (a file named from the working directory) named from dir
 * instead, into out: relative when both directories exist, else
 * absolute (relpath.c). */
void path_from(const char *dir, const char *path, char *out, size_t size);
/* The last component of path: what a page for a board shows of a file,
 * never the folders of the machine that drew it. */
const char *file_name_of(const char *path);
/* snprintf into a path buffer; -1 when the path does not fit (the plot
 * writers check the lengths they are given, so none of theirs is cut). */
int pathf(char *out, size_t size, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

#endif
