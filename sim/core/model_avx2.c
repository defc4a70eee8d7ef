/* model_avx2.c - batches of the month (model.c) in AVX2 lanes.
 * SPDX-License-Identifier: MIT */
#include "config.h"

#include "step.h"

const fw_lanes fwi_lanes_avx2 = { 0 };
