/* leakage.h - how the command tells a decomposition of where value leaks
 * (fw_leakage(3)): what it calls each metric and stage, the stages'
 * ranking, whether interactions matter, and its headline.
 * SPDX-License-Identifier: MIT */
#ifndef FW_LEAKAGE_H
#define FW_LEAKAGE_H

#include <stddef.h>

#include "flywheel.h"

/* A metric decomposed (fw_leakage_metric()): what the console calls it,
 * and whether it is money, as metrics.def says (fw_metric_about()). */
typedef struct leak_metric {
	const char *name;
	const char *label;
	int money;
} leak_metric;

/* Metric m of the decomposition; a metric the library does not know is
 * called by its name and taken for a count. */
leak_metric leak_metric_of(size_t m);

/* Metric m's row of stage i (i = the stage count: all stages), NaN
 * where the decomposition has none. */
fw_leakage_row leak_row(const fw_leakage *lk, size_t m, size_t i);

/* Stage i's key path, and its plain-English label ("access friction",
 * "reach of email"); "all" and "all stages" for i = the stage count:
 * leakage.csv's (fw_leakage_table_row()). */
const char *leak_path(const fw_leakage *lk, size_t i);
void leak_label(const fw_leakage *lk, size_t i, char *buf, size_t size);

/* Indices of gain[0..n-1] from the largest gain down; equal gains keep
 * their order. */
void leak_order(const double *gain, size_t n, size_t *order);

/* The stage ranked r-th (from 0) by its Shapley NPV gain, largest first;
 * ties keep the stages' order. */
size_t leak_rank(const fw_leakage *lk, size_t r);

/* x with the decimals given and thousands separated: "1,320.0"; with a
 * sign when sign is set or x is negative. */
void leak_number(double x, int decimals, int sign, char *buf, size_t size);

/* The sentence a chart's title and the console give: which stage leaks
 * most of the NPV, from its label, gain and the number of stages. */
void leak_headline(const char *label, double gain, size_t nstage,
    char *buf, size_t size);

/* leakage.csv as a sheet of results.xlsx, "Leakage", from lk in memory:
 * the cells book_csv_read() would read from the file. */
struct book_csv;
int leak_book_table(const fw_leakage *lk, const char *title,
    const char *note, struct book_csv *out, fw_error *err);

#endif
