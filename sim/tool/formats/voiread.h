/* voiread.h - a run's voi.csv read back for its board pack; a run with
 * every input fixed has none.
 * SPDX-License-Identifier: MIT */
#ifndef FW_VOIREAD_H
#define FW_VOIREAD_H

#include <stddef.h>

#include "flywheel.h"

#define VOI_MAX_INPUTS 64

typedef struct voi_read {
	char best[128];			/* the option best on average now */
	double evpi, evpi_se;
	size_t ninput;			/* single inputs, in the file's order */
	char path[VOI_MAX_INPUTS][160];
	double evppi[VOI_MAX_INPUTS];
	double best_share;		/* of best's gain variance, NaN: none */
} voi_read;

/* Reads dir/voi.csv into *out (the caller frees it), or sets *out to
 * NULL when the run wrote none. FW_EIO naming the file and line of a
 * table flywheel did not write, FW_ENOMEM. */
int voi_of_run(const char *dir, voi_read **out, fw_error *err);

#endif
