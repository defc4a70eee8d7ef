/* order.h - a segment's HCPs listed state by state (see order.c).
 * SPDX-License-Identifier: MIT */
#ifndef FW_ORDER_H
#define FW_ORDER_H

#include <stdint.h>

#include "scenario.h"

/* Room past the n entries of an order that fwi_order_by_state may write
 * over: the array holds n + FW_ORDER_SLACK entries. */
#define FW_ORDER_SLACK 16

/* The ways of listing: one HCP at a time, or sixteen in AVX-512
 * registers. Each gives the same list. */
enum fw_order_path { FW_ORDER_SCALAR, FW_ORDER_AVX512 };

/* Lists the n HCPs by state, each state's in increasing order: idx[start[k]
 * .. start[k + 1] - 1] are those in state k, state[j] < FW_NSTATE. */
void fwi_order_by_state(const uint8_t *state, uint32_t n, uint32_t *idx,
    uint32_t start[FW_NSTATE + 1]);

/* Whether this processor (and build) can take path, and the listing on
 * it, so that the tests compare the paths. */
int fwi_order_path_available(enum fw_order_path path);
void fwi_order_by_state_path(enum fw_order_path path, const uint8_t *state,
    uint32_t n, uint32_t *idx, uint32_t start[FW_NSTATE + 1]);

#endif
