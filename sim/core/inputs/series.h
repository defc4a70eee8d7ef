/* series.h - the names of the monthly series the model records (MODEL.md
 * §6): the vocabulary results and observation files share.
 * SPDX-License-Identifier: MIT */
#ifndef FW_SERIES_H
#define FW_SERIES_H

/* Metrics recorded every month. The first seven are the
 * state counts at the end of the month, in fw_state order. */
enum fw_monthly {
	FW_M_UNAWARE, FW_M_ENGAGED, FW_M_TRIAL, FW_M_ADOPTER, FW_M_ADVOCATE,
	FW_M_LAPSED, FW_M_SWITCHED,
	FW_M_PATIENTS, FW_M_REVENUE, FW_M_CASH, FW_M_SCRIPTS_WRITTEN,
	FW_M_SCRIPTS_FILLED, FW_M_SCRIPTS_UNFILLED, FW_M_GAP_VALUE, FW_M_CVAR,
	FW_M_REACQ_COST, FW_M_WINBACKS, FW_M_LAPSES, FW_M_SWITCHES,
	FW_M_MEAN_TRUST, FW_M_CHANNEL_COST, FW_M_PROGRAM_COST,
	FW_M_GAP_RATE,
	FW_NMONTHLY
};
extern const char *const fwi_monthly_names[FW_NMONTHLY];

#endif
