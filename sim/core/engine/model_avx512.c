/* model_avx512.c - batches of the month (model.c) in AVX-512 lanes: the
 * kernels of model_lanes.h for a processor with AVX-512.
 * SPDX-License-Identifier: MIT */
#include "config.h"

#include "step.h"

#if defined(__x86_64__) && defined(__GNUC__)
#define LANES_TARGET \
    __attribute__((target("avx512f,avx512vl,avx512bw")))
#include "model_lanes.h"

const fw_lanes fwi_lanes_avx512 = LANES_TABLE;
#else
const fw_lanes fwi_lanes_avx512 = { 0 };
#endif
