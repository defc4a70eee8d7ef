/* whyloses.h - why an option loses NPV, said from its own run (page 1 of
 * the board pack): "More channels loses $50.1M of NPV: the burden of its
 * extra channels takes trust from 0.61 to 0.53 and advocates from 287 to
 * 49 by month 60."
 * SPDX-License-Identifier: MIT */
#ifndef FW_WHYLOSES_H
#define FW_WHYLOSES_H

#include <stddef.h>

#include "report.h"

/* The sentence for variant v into buf, 1; 0 (buf "") when v does not
 * lose NPV on average. What it names: trust and advocates at the
 * horizon when it lowers trust, else what it earns against what it
 * spends more. */
int report_why_loses(const report *d, size_t v, char *buf, size_t size);

#endif
