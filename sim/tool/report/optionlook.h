/* optionlook.h - how a report's options are shown on every chart and
 * page: the library's labels and colours (fw_option_label(3)).
 * SPDX-License-Identifier: MIT */
#ifndef FW_OPTIONLOOK_H
#define FW_OPTIONLOOK_H

#include <stddef.h>

#include "report.h"

/* Fills d->labels and d->colour (fw_option_label, fw_option_colours)
 * from what each variant's file gives (label[v], description[v],
 * colour[v]; NULL or "" where none); the baseline is "baseline".
 * FW_ENOMEM. */
int report_looks(report *d, const char *const *label,
    const char *const *description, const char *const *colour);

/* The label of the variant keyed name; name itself if none is. */
const char *report_label_of(const report *d, const char *name);

/* d's recommendation with each option named by its label, as the charts
 * and the pack show it: out->opt is new, released with free(). */
int report_labelled(const report *d, fw_recommendation *out);

#endif
