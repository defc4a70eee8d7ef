/* labels.c - inputs and metrics in plain English.
 * SPDX-License-Identifier: MIT */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "flywheel.h"
#include "labels.h"

/* Per-replication metrics in words, and whether they are money. */
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

/* The key path without a variant's "NAME:" in front. */
static const char *
bare_path(const char *path)
{
	const char *colon = strchr(path, ':');

	return colon != NULL ? colon + 1 : path;
}

void
param_label(const char *path, char *buf, size_t size)
{
	const char *p = bare_path(path);
	fw_key_info k;
	char where[128] = "";

	if (fw_key_lookup(p, &k) != FW_OK) {
		snprintf(buf, size, "%s", path);
		return;
	}
	/* segments.NAME.key, channels.NAME.key: say which one. */
	if (strncmp(p, "segments.", 9) == 0 || strncmp(p, "channels.", 9) == 0) {
		const char *name = strchr(p, '.') + 1;
		const char *end = strrchr(p, '.');
		if (end > name)
			snprintf(where, sizeof(where), " (%.*s)",
			    (int)(end - name), name);
	}
	if (p != path)
		snprintf(buf, size, "%s%s in %.*s", k.label, where,
		    (int)(p - path - 1), path);
	else
		snprintf(buf, size, "%s%s", k.label, where);
}

const char *
param_unit(const char *path)
{
	fw_key_info k;

	return fw_key_lookup(bare_path(path), &k) == FW_OK ? k.unit : "";
}

void
param_value(const char *path, double x, char *buf, size_t size)
{
	const char *unit = param_unit(path);

	if (isnan(x))
		snprintf(buf, size, "n/a");
	else if (strcmp(unit, "$") == 0) {
		if (fabs(x) >= 1e6)
			snprintf(buf, size, "$%.2fM", x / 1e6);
		else if (fabs(x) >= 1e4)
			snprintf(buf, size, "$%.0fk", x / 1e3);
		else if (fabs(x) >= 100)
			snprintf(buf, size, "$%.0f", x);
		else
			snprintf(buf, size, "$%.3g", x);
	} else {
		/* Only a unit that reads after a number; the others are in
		 * the axis label. */
		if (strcmp(unit, "months") != 0)
			unit = "";
		snprintf(buf, size, fabs(x) >= 1000 ? "%.0f%s%s" : "%.3g%s%s",
		    x, *unit ? " " : "", unit);
	}
}

const char *
series_words(const char *name, int *money)
{
	size_t i;

	for (i = 0; i < sizeof(metric_words) / sizeof(metric_words[0]); i++)
		if (strcmp(name, metric_words[i].name) == 0) {
			*money = metric_words[i].money;
			return metric_words[i].words;
		}
	*money = 0;
	return name;
}

void
metric_label(const char *label, int with_unit, char *buf, size_t size)
{
	const char *colon = strchr(label, ':'), *vs;
	char kind[64];
	size_t i;
	int year;

	if (colon == NULL) {
		snprintf(buf, size, "%s", label);
		return;
	}
	snprintf(kind, sizeof(kind), "%.*s", (int)(colon - label), label);
	colon++;
	if (strcmp(kind, "dnpv") == 0 && (vs = strstr(colon, "-vs-")) != NULL)
		snprintf(buf, size, "NPV gain of %.*s over %s%s",
		    (int)(vs - colon), colon, vs + 4, with_unit ? " ($M)" : "");
	else if (strcmp(kind, "dnpv") == 0)
		snprintf(buf, size, "NPV gain of %s over the baseline%s", colon,
		    with_unit ? " ($M)" : "");
	else if (sscanf(kind, "revenue_year%d", &year) == 1)
		snprintf(buf, size, "revenue of %s in year %d%s", colon, year,
		    with_unit ? " ($M)" : "");
	else {
		for (i = 0; i < sizeof(metric_words) / sizeof(metric_words[0]);
		    i++)
			if (strcmp(kind, metric_words[i].name) == 0)
				break;
		if (i == sizeof(metric_words) / sizeof(metric_words[0]))
			snprintf(buf, size, "%s of %s", kind, colon);
		else
			snprintf(buf, size, "%s of %s%s",
			    metric_words[i].words, colon, with_unit &&
			    metric_words[i].money ? " ($M)" : "");
	}
}

int
metric_is_money(const char *label)
{
	const char *colon = strchr(label, ':');
	size_t i, n = colon != NULL ? (size_t)(colon - label) : strlen(label);

	if (strncmp(label, "revenue_year", 12) == 0)
		return 1;
	for (i = 0; i < sizeof(metric_words) / sizeof(metric_words[0]); i++)
		if (strlen(metric_words[i].name) == n &&
		    strncmp(label, metric_words[i].name, n) == 0)
			return metric_words[i].money;
	return strncmp(label, "dnpv:", 5) == 0;
}
