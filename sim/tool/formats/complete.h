/* complete.h - whether an output file was written whole.
 * SPDX-License-Identifier: MIT */
#ifndef FW_COMPLETE_H
#define FW_COMPLETE_H

#include "flywheel.h"

/* That path was written whole: not empty (a full disk leaves empty
 * files behind) and, by its extension, ending as a complete PDF
 * (%%EOF), PNG (its IEND chunk), SVG (</svg>) or workbook (a zip's
 * end record) ends; FW_EIO with err filled otherwise (complete.c). */
int check_output(const char *path, fw_error *err);

#endif
