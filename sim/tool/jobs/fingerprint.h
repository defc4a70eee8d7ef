/* fingerprint.h - one hash of everything a run or a sweep computes from,
 * for the ranks of an MPI job to compare before any work.
 * SPDX-License-Identifier: MIT */
#ifndef FW_FINGERPRINT_H
#define FW_FINGERPRINT_H

#include <stddef.h>

#include "flywheel.h"

/* Room for a fingerprint: "fnv1a64:" and 16 hex digits. */
#define FINGERPRINT_SIZE 32

/* The fingerprint of a run of sc with opt into out ("" when out of
 * memory, which then agrees with nothing). */
void fingerprint_run(const fw_scenario *sc, const fw_run_options *opt,
    char *out, size_t size);
/* The same of a sweep, with job, a text naming the part of it asked for
 * (shard, --resume, --merge, --dry-run). */
void fingerprint_sweep(fw_sweep *sw, const char *job, char *out,
    size_t size);

#endif
