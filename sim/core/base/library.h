/* library.h - process-wide set-up. Private.
 * SPDX-License-Identifier: MIT */
#ifndef FW_LIBRARY_H
#define FW_LIBRARY_H

/* Turns GSL's abort-on-error handler off, once; called by every entry
 * point that creates an object. */
void fwi_init(void);

#endif
