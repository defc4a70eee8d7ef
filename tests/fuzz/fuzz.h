/* fuzz.h - what the fuzz targets share: the libFuzzer entry point, and a
 * scratch directory of this process for the targets that read files.
 * SPDX-License-Identifier: MIT */
#ifndef FW_FUZZ_H
#define FW_FUZZ_H

#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The scratch directory, made on first use and removed at exit. */
const char *fuzz_dir(void);
/* Writes n bytes to fuzz_dir()/name; returns the path (static) or
 * aborts. */
const char *fuzz_file(const char *name, const void *bytes, size_t n);

#endif
