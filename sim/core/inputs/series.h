/* series.h - the names of the metrics and monthly series the model
 * records (MODEL.md §6), from metrics.def: the vocabulary results and
 * observation files share.
 * SPDX-License-Identifier: MIT */
#ifndef FW_SERIES_H
#define FW_SERIES_H

/* Each metric's name, from the one table of metrics: fwi_metric_NPV is
 * "npv" (metrics.def's id and name). */
#define FW_METRIC(id, name, label, money, flow, decomposed) \
	extern const char fwi_metric_##id[];
#include "metrics.def"
#undef FW_METRIC

/* Metrics recorded every month, by their ids of metrics.def, in the
 * order of the tables. The first seven are the state counts at the end
 * of the month, in fw_state order. */
#define FW_MONTHLY(X) \
	X(UNAWARE) X(ENGAGED) X(TRIAL) X(ADOPTER) X(ADVOCATE) X(LAPSED) \
	X(SWITCHED) X(PATIENTS) X(REVENUE) X(CASH) X(SCRIPTS_WRITTEN) \
	X(SCRIPTS_FILLED) X(SCRIPTS_UNFILLED) X(GAP_VALUE) X(CVAR) \
	X(REACQ_COST) X(WINBACKS) X(LAPSES) X(SWITCHES) X(MEAN_TRUST) \
	X(CHANNEL_COST) X(PROGRAM_COST) X(GAP_RATE)

enum fw_monthly {
#define FW_M_ENUM(id) FW_M_##id,
	FW_MONTHLY(FW_M_ENUM)
#undef FW_M_ENUM
	FW_NMONTHLY
};
extern const char *const fwi_monthly_names[FW_NMONTHLY];

#endif
