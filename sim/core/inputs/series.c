/* series.c - the metrics' names, as metrics.def gives them, and the
 * monthly series' names, as tables and observation files spell them.
 * SPDX-License-Identifier: MIT */
#include "config.h"

#include "series.h"

#define FW_METRIC(id, name, label, money, flow, decomposed) \
	const char fwi_metric_##id[] = name;
#include "metrics.def"
#undef FW_METRIC

const char *const fwi_monthly_names[FW_NMONTHLY] = {
#define FW_M_NAME(id) fwi_metric_##id,
	FW_MONTHLY(FW_M_NAME)
#undef FW_M_NAME
};
