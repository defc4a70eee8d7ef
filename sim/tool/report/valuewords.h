/* valuewords.h - an input's values in plain numbers for a page: a few
 * values of one input with the same decimals ("0.07", "0.16"), and a
 * value as a scenario gives it, a number or a distribution, as a board
 * reads it ("0.35", "0.11 (0.07–0.16)") instead of YAML.
 * SPDX-License-Identifier: MIT */
#ifndef FW_VALUEWORDS_H
#define FW_VALUEWORDS_H

#include <stddef.h>

/* Characters of one value in words. */
#define VALUE_WORDS 48

/* x[0..n-1], values of the input at path, each in out[i]: money as
 * param_value() writes it, other numbers with the decimals that show
 * the largest to two significant figures and tell all of them apart
 * (up to two more), and a unit that reads after a number ("months"). */
void values_words(const char *path, const double *x, size_t n,
    char (*out)[VALUE_WORDS]);

/* Characters of a value as value_words() says it. */
#define VALUE_TEXT 160

/* text[0..n-1] (n at most 4), values a scenario gives the key at path,
 * each in out[i], with the same decimals: a number in plain form, a
 * distribution as its median and, in brackets, its 5th to 95th
 * percentile ("0.11 (0.07–0.16)"); a text that does not read as that
 * key's value is copied as it is. */
void value_words(const char *path, const char *const *text, size_t n,
    char (*out)[VALUE_TEXT]);

#endif
