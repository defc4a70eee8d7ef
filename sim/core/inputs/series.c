/* series.c - the monthly series' names, as tables and observation files
 * spell them.
 * SPDX-License-Identifier: MIT */
#include "config.h"

#include "series.h"

const char *const fwi_monthly_names[FW_NMONTHLY] = {
	"unaware", "engaged", "trial", "adopter", "advocate", "lapsed",
	"switched", "patients", "revenue", "cash", "scripts_written",
	"scripts_filled", "scripts_unfilled", "gap_value",
	"customer_value_at_risk", "reacq_cost", "winbacks", "lapses",
	"switches", "mean_trust", "channel_cost", "program_cost", "gap_rate"
};
