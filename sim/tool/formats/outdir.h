/* outdir.h - what a command makes and removes in an output directory,
 * never through a symbolic link.
 * SPDX-License-Identifier: MIT */
#ifndef FW_OUTDIR_H
#define FW_OUTDIR_H

#include <stdio.h>

#include "flywheel.h"

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
/* mkdir -p. */
int make_dirs(const char *dir);

#endif
