/* keyrange.h - the range of a key of keys.def, as the command checks its
 * own inputs against it (--months, --reps, the months and replications
 * of a table it reads back), so that no limit is written twice.
 * SPDX-License-Identifier: MIT */
#ifndef FW_KEYRANGE_H
#define FW_KEYRANGE_H

#include <stddef.h>

/* The least and the largest whole number key path (fw_key_lookup())
 * takes; 0 for a path that names no key. */
long key_least(const char *path);
long key_most(const char *path);

/* "1..600": the range of key path in the words of a --help text. */
void key_range_words(const char *path, char *buf, size_t size);

#endif
