/* labels.c - inputs and metrics in plain English.
 * SPDX-License-Identifier: MIT */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "flywheel.h"
#include "labels.h"

/* The key path without a variant's "NAME:" in front. */
static const char *
bare_path(const char *path)
{
	const char *colon = strchr(path, ':');

	return colon != NULL ? colon + 1 : path;
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

void
metric_label(const char *label, int with_unit, char *buf, size_t size)
{
	const char *colon = strchr(label, ':'), *vs;
	char kind[64];
	int year, money;

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
		const char *words = fw_metric_words(kind, &money);
		if (words == kind)
			snprintf(buf, size, "%s of %s", kind, colon);
		else
			snprintf(buf, size, "%s of %s%s", words, colon,
			    with_unit && money ? " ($M)" : "");
	}
}

int
metric_is_money(const char *label)
{
	const char *colon = strchr(label, ':');
	char kind[64];
	int money;

	if (strncmp(label, "revenue_year", 12) == 0)
		return 1;
	snprintf(kind, sizeof(kind), "%.*s", colon != NULL ? (int)(colon -
	    label) : (int)strlen(label), label);
	if (fw_metric_words(kind, &money) != kind)
		return money;
	return strncmp(label, "dnpv:", 5) == 0;
}

const char *
count_words(double x, char *buf, size_t size)
{
	long n = lround(fabs(x));

	if (n >= 1000000)
		snprintf(buf, size, "%s%ld,%03ld,%03ld", x < 0 ? "-" : "",
		    n / 1000000, n / 1000 % 1000, n % 1000);
	else if (n >= 1000)
		snprintf(buf, size, "%s%ld,%03ld", x < 0 ? "-" : "", n / 1000,
		    n % 1000);
	else
		snprintf(buf, size, "%s%ld", x < 0 && n > 0 ? "-" : "", n);
	return buf;
}
