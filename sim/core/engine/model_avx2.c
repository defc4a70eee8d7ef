/* model_avx2.c - batches of the month (model.c) in AVX2 lanes: the
 * kernels of model_lanes.h for a processor with AVX2.
 * SPDX-License-Identifier: MIT */
#include "config.h"

#include "step.h"

#if defined(__x86_64__) && defined(__GNUC__)
#define LANES_TARGET __attribute__((target("avx2")))
#include "model_lanes.h"

const fw_lanes fwi_lanes_avx2 = LANES_TABLE;
#else
const fw_lanes fwi_lanes_avx2 = { 0 };
#endif
