/* labels.h - plain-English names of what a person reads on a chart or in
 * the workbook: scenario inputs (from the key table's labels and units)
 * and sweep metrics ("NPV gain of fix-onboarding over add-channels").
 * SPDX-License-Identifier: MIT */
#ifndef FW_LABELS_H
#define FW_LABELS_H

#include <stddef.h>

/* An input's name in words is the library's: fw_key_label(). */

/* The unit of that input ("" for a pure number, "$", "months", ...). */
const char *param_unit(const char *path);

/* x as the input's unit shows it after a number: "$450", "$1.50M",
 * "0.42", "12 months". */
void param_value(const char *path, double x, char *buf, size_t size);

/* A sweep metric label ("dnpv:a-vs-b", "npv:baseline",
 * "revenue_year3:a") in words, with its unit ("($M)") when with_unit. */
void metric_label(const char *label, int with_unit, char *buf,
    size_t size);

/* Whether a sweep metric is money (drawn in $M) or a count or share. */
int metric_is_money(const char *label);

/* A count with thousands separated: "6,326", "-274"; buf. */
const char *count_words(double x, char *buf, size_t size);

#endif
