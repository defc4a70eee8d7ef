/* optionlook.h - how an option is shown on every chart and page: its
 * label (given, else its description shortened, else its file key) and
 * its colour (given, else one chosen by its name, so the same option
 * has the same colour in every run and pack).
 * SPDX-License-Identifier: MIT */
#ifndef FW_OPTIONLOOK_H
#define FW_OPTIONLOOK_H

#include <stddef.h>

/* Characters of a label made from a description. */
#define OPTION_LABEL_CHARS 32

/* The label of the option keyed name: label when given (not NULL or
 * ""), else description shortened to its first phrase of at most
 * OPTION_LABEL_CHARS characters, else name. */
void option_label(const char *name, const char *label,
    const char *description, char *buf, size_t size);

/* The colours ("#RRGGBB") of n variants, the baseline first: grey for
 * the baseline, given[v] where given (not NULL or ""), else one of a
 * palette no HCP state uses, chosen by the name's hash; two options
 * that hash alike are told apart in the order of their names, never of
 * the file. */
void option_colours(char *const *names, char *const *given, size_t n,
    char (*colour)[8]);

#endif
