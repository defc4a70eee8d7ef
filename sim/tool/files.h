/* files.h - files and directories the tool writes and reads back.
 * SPDX-License-Identifier: MIT */
#ifndef FW_FILES_H
#define FW_FILES_H

#include <stddef.h>

#include "flywheel.h"

/* FNV-1a 64 of a file's bytes: identifies the files a run used. */
int file_hash(const char *path, unsigned long long *h);
/* mkdir -p. */
int make_dirs(const char *dir);
/* snprintf into a path buffer; -1 when the path does not fit (the plot
 * writers check the lengths they are given, so none of theirs is cut). */
int pathf(char *out, size_t size, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* That gnuplot wrote path and it is not empty (a full disk leaves empty
 * files behind); FW_EIO with err filled otherwise. */
int check_output(const char *path, fw_error *err);
/* rename(2), FW_EIO with err filled on failure. */
int move_file(const char *from, const char *to, fw_error *err);
/* Writes the texts (lens[i] bytes each) into dir/names[i], dir created
 * if needed: each to a temporary name first, all renamed once every one
 * is on disk, so a failure leaves none of them. */
int write_texts(const char *dir, size_t n, const char *const *names,
    char *const *texts, const size_t *lens, fw_error *err);
/* Removes a directory of plain files. */
void remove_tree(const char *dir);

#endif
