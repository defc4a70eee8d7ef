/* outfiles.h - files written all or nothing: each under a temporary name
 * in its directory, all renamed into place once every one is complete,
 * so that a failure leaves no partial file behind.
 * SPDX-License-Identifier: MIT */
#ifndef FW_OUTFILES_H
#define FW_OUTFILES_H

#include <stddef.h>
#include <stdio.h>

#include "flywheel.h"

#define OUTFILES_MAX 8

typedef struct outfiles {
	size_t n;
	char tmp[OUTFILES_MAX][4096];
	char final[OUTFILES_MAX][4096];
	FILE *f[OUTFILES_MAX];
} outfiles;

/* Creates dir if needed and opens a temporary file for each of the n
 * names in it: o->f[i] is where names[i] is written. */
int outfiles_open(outfiles *o, const char *dir, const char *const *names,
    size_t n, fw_error *err);

/* Closes the files (flushed to disk) and, if rc is FW_OK and all went
 * well, renames every one into place; otherwise removes them all.
 * Returns rc, or the error met (err filled). */
int outfiles_commit(outfiles *o, int rc, fw_error *err);

/* Writes the texts (lens[i] bytes each) into dir/names[i], dir created
 * if needed: each to a temporary name first, all renamed once every one
 * is on disk, so a failure leaves none of them. */
int write_texts(const char *dir, size_t n, const char *const *names,
    char *const *texts, const size_t *lens, fw_error *err);

#endif
