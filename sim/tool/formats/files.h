/* files.h - files and directories the tool writes and reads back.
 * SPDX-License-Identifier: MIT */
#ifndef FW_FILES_H
#define FW_FILES_H

#include <stddef.h>
#include <stdio.h>

#include "flywheel.h"
#include "complete.h"
#include "outdir.h"
#include "outfiles.h"
#include "relpath.h"

/* mkdir -p. */
int make_dirs(const char *dir);


#endif
