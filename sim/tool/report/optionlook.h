/* optionlook.h - how an option is shown on every chart and page: its
 * label (given, else its description shortened, else its file key) and
 * its colour (given, else one chosen by its name, so the same option
 * has the same colour in every run and pack).
 * SPDX-License-Identifier: MIT */
#ifndef FW_OPTIONLOOK_H
#define FW_OPTIONLOOK_H

#include <stddef.h>

#include "report.h"

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
void option_colours(char *const *names, const char *const *given, size_t n,
    char (*colour)[8]);

/* Fills d->labels and d->colour from what each variant's file gives
 * (label[v], description[v], colour[v]; NULL or "" where none); the
 * baseline is "baseline". FW_ENOMEM. */
int report_looks(report *d, const char *const *label,
    const char *const *description, const char *const *colour);

/* The label of the variant keyed name; name itself if none is. */
const char *report_label_of(const report *d, const char *name);

/* d's recommendation with each option named by its label, as the charts
 * and the pack show it: out->opt is new, released with free(). */
int report_labelled(const report *d, fw_recommendation *out);

#endif
