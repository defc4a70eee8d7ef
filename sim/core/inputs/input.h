/* input.h - the files the library reads: named relative to the file that
 * names them, and read whole, within a size limit. Private.
 * SPDX-License-Identifier: MIT */
#ifndef FW_INPUT_H
#define FW_INPUT_H

#include <stddef.h>

#include "flywheel.h"

/* name as seen from the directory of file: name itself when it is
 * absolute or file has no directory. NULL when out of memory; the caller
 * frees it. */
char *fwi_path_beside(const char *file, const char *name);

/* Reads the whole of file into *buf (NUL-terminated; the caller frees
 * it) and its length into *len. A file larger than limit bytes is
 * refused (FW_EINVALID) as too large for `what` ("a scenario"); one that
 * cannot be read is FW_EIO. */
int fwi_read_whole(const char *file, long limit, const char *what,
    char **buf, size_t *len, fw_error *err);

#endif
