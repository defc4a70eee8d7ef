/* files.h - files and directories the tool writes and reads back.
 * SPDX-License-Identifier: MIT */
#ifndef FW_FILES_H
#define FW_FILES_H

#include <stddef.h>
#include <stdio.h>

#include "flywheel.h"

/* FNV-1a 64 of a file's bytes: identifies the files a run used. */
int file_hash(const char *path, unsigned long long *h);
/* mkdir -p. */
int make_dirs(const char *dir);
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
/* That path was written whole: not empty (a full disk leaves empty
 * files behind) and, by its extension, ending as a complete PDF
 * (%%EOF), PNG (its IEND chunk), SVG (</svg>) or workbook (a zip's
 * end record) ends; FW_EIO with err filled otherwise (complete.c). */
int check_output(const char *path, fw_error *err);
/* Writes the texts (lens[i] bytes each) into dir/names[i], dir created
 * if needed: each to a temporary name first, all renamed once every one
 * is on disk, so a failure leaves none of them. */
int write_texts(const char *dir, size_t n, const char *const *names,
    char *const *texts, const size_t *lens, fw_error *err);

/* Inside an output directory dir nothing is reached through a symbolic
 * link (outdir.c); each fills err and returns -1 (a descriptor) or
 * FW_EIO on failure. */
/* Creates dir/.NAME.RANDOM.PID.tmp, a name no one can guess, exclusively
 * (never through a link); its path into tmp, its descriptor returned. */
int out_temp_file(const char *dir, const char *name, char *tmp, size_t size,
    fw_error *err);
/* Creates the folder dir/.NAME.RANDOM.PID, mode 0700; its path into
 * tmp. */
int out_temp_folder(const char *dir, const char *name, char *tmp,
    size_t size, fw_error *err);
/* Opens the folder dir/name, created if missing; a symbolic link or a
 * file in its place is refused. */
int out_folder(const char *dir, const char *name, fw_error *err);
/* Checks from is complete (check_output) and renames it to name in the
 * folder opened as folder (AT_FDCWD: name is a path; shown: the
 * folder's path, for messages); a link there is replaced, never
 * followed. */
int out_move_into(const char *from, int folder, const char *shown,
    const char *name, fw_error *err);
/* Removes the folder dir/name and the files in it, *found set when it
 * was there; a symbolic link or a file in its place is refused and
 * left as it is. */
int out_remove_folder(const char *dir, const char *name, int *found,
    fw_error *err);
/* Removes the charts dir/plots/PREFIX*.png, .svg and .pdf, following no
 * link; a symbolic link or a file in place of plots/ is refused. */
int out_remove_charts(const char *dir, const char *prefix, fw_error *err);
/* Removes the file dir/name (a link itself, never what it points to),
 * *found set when it was there; a folder of that name is left. */
int out_remove_file(const char *dir, const char *name, int *found,
    fw_error *err);
/* Opens path for appending; a symbolic link is refused. */
FILE *out_append(const char *path, fw_error *err);
/* Removes a temporary folder made by out_temp_folder, following no
 * link. */
void remove_tree(const char *dir);

#endif
