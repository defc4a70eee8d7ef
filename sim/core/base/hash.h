/* hash.h - FNV-1a 64, which names the files a result came from and the
 * random streams of parameters. Private.
 * SPDX-License-Identifier: MIT */
#ifndef FW_HASH_H
#define FW_HASH_H

#include <stddef.h>
#include <stdint.h>

#define FW_FNV_OFFSET 0xcbf29ce484222325ULL

/* Continues hash h over n bytes; start from FW_FNV_OFFSET. */
uint64_t fwi_hash_bytes(uint64_t h, const void *p, size_t n);

/* "fnv1a64:" and 16 hex digits of h, into buf of at least 25 bytes. */
void fwi_hash_text(uint64_t h, char *buf, size_t size);

/* Room for the 64 hex digits of a SHA-256 digest and the NUL. */
#define FW_SHA256_TEXT 65

#endif
