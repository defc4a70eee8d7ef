/* order.h - a segment's HCPs listed state by state (see order.c).
 * SPDX-License-Identifier: MIT */
#ifndef FW_ORDER_H
#define FW_ORDER_H

#include <stdint.h>

#include "rng.h"
#include "scenario.h"

/* Room past the n entries of an order that fwi_order_by_state may write
 * over: the array holds n + FW_ORDER_SLACK entries. */
#define FW_ORDER_SLACK 16

/* Lists the n HCPs by state, each state's in increasing order: idx[start[k]
 * .. start[k + 1] - 1] are those in state k, state[j] < FW_NSTATE. With
 * AVX-512 code on the AVX-512 path of the random blocks (rng.h), else a
 * counting sort: the same list. */
void fwi_order_by_state(enum fw_rng_path path, const uint8_t *state,
    uint32_t n, uint32_t *idx, uint32_t start[FW_NSTATE + 1]);

#endif
