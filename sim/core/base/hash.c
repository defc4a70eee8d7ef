/* hash.c - FNV-1a 64 of bytes, and its printed form.
 * SPDX-License-Identifier: MIT */
#include "config.h"

#include <stdio.h>

#include "flywheel.h"
#include "hash.h"

uint64_t
fwi_hash_bytes(uint64_t h, const void *p, size_t n)
{
	const unsigned char *b = p;
	size_t i;

	for (i = 0; i < n; i++) {
		h ^= b[i];
		h *= 0x100000001b3ULL;
	}
	return h;
}

void
fwi_hash_text(uint64_t h, char *buf, size_t size)
{
	snprintf(buf, size, "fnv1a64:%016llx", (unsigned long long)h);
}

void
fw_hash(const void *bytes, size_t n, char *buf, size_t size)
{
	if (buf == NULL || size == 0)
		return;
	if (bytes == NULL)
		n = 0;
	fwi_hash_text(fwi_hash_bytes(FW_FNV_OFFSET, bytes, n), buf, size);
}
