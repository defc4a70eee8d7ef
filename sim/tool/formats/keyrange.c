/* keyrange.c - the range of a key of keys.def, read from the library's
 * table of keys.
 * SPDX-License-Identifier: MIT */
#include "config.h"

#include <stdio.h>

#include "flywheel.h"
#include "keyrange.h"

long
key_least(const char *path)
{
	fw_key_info k;

	return fw_key_lookup(path, &k) == FW_OK ? (long)k.lo : 0;
}

long
key_most(const char *path)
{
	fw_key_info k;

	return fw_key_lookup(path, &k) == FW_OK ? (long)k.hi : 0;
}

void
key_range_words(const char *path, char *buf, size_t size)
{
	snprintf(buf, size, "%ld..%ld", key_least(path), key_most(path));
}
