/* metricwords.c - metrics and monthly series in words, and whether they
 * are money: what every table, chart and workbook header says of them.
 * SPDX-License-Identifier: MIT */
#include "config.h"

#include <string.h>

#include "flywheel.h"

/* Per-replication metrics and series in words, and whether they are
 * money. */
static const struct {
	const char *name, *words;
	int money;
} metric_words[] = {
	{ "npv", "NPV", 1 }, { "revenue", "revenue", 1 },
	{ "cash", "cash", 1 }, { "gap_value", "value of unfilled scripts", 1 },
	{ "customer_value_at_risk", "customer value at risk", 1 },
	{ "reacq_cost", "win-back cost", 1 },
	{ "channel_cost", "channel cost", 1 },
	{ "program_cost", "programme cost", 1 },
	{ "spend_pv", "spend (present value)", 1 },
	{ "scripts_written", "scripts written", 0 },
	{ "scripts_filled", "scripts filled", 0 },
	{ "scripts_unfilled", "scripts unfilled", 0 },
	{ "gap_rate", "share of scripts unfilled", 0 },
	{ "winbacks", "HCPs won back", 0 }, { "lapses", "lapses", 0 },
	{ "switches", "switches to a competitor", 0 },
	{ "patients", "patients on therapy", 0 },
	{ "mean_trust", "mean trust", 0 },
	{ "advocate", "advocates", 0 }, { "adopter", "adopters", 0 },
	{ "unaware", "unaware HCPs", 0 }, { "engaged", "engaged HCPs", 0 },
	{ "trial", "HCPs on trial", 0 }, { "lapsed", "lapsed HCPs", 0 },
	{ "switched", "HCPs switched away", 0 },
};

const char *
fw_metric_words(const char *name, int *money)
{
	size_t i;

	if (money != NULL)
		*money = 0;
	if (name == NULL)
		return NULL;
	for (i = 0; i < sizeof(metric_words) / sizeof(metric_words[0]); i++)
		if (strcmp(name, metric_words[i].name) == 0) {
			if (money != NULL)
				*money = metric_words[i].money;
			return metric_words[i].words;
		}
	return name;
}
