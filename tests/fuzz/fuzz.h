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

/* The files of a calibration from a fuzz input: s.yaml is scenario;
 * when the first byte is 'D' the rest is d.csv beside the calibration
 * file calibration, otherwise the bytes are the calibration file beside
 * the data observed. Returns the calibration file's path (static). */
const char *fuzz_calibration_files(const uint8_t *data, size_t size,
    const char *scenario, const char *observed, const char *calibration);

#endif
