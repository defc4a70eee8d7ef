/* console.h - what `flywheel run` prints: the summary and the verdict.
 * SPDX-License-Identifier: MIT */
#ifndef FW_CONSOLE_H
#define FW_CONSOLE_H

#include <stdio.h>

#include "flywheel.h"

/* Writes the console summary table of a finished run. */
int print_summary(const fw_run *run, FILE *out);

/* Writes the recommendation of a finished run (its report's): variants
 * ranked by expected NPV gain over the baseline, how sure, payback and
 * compounding, each phrase derived from the figures it prints. */
int print_verdict(const fw_recommendation *rec, FILE *out);

#endif
