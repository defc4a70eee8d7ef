/* words.c - figures in the words the recommendation and the pages
 * beside it use: money in millions, a share of the replications, the
 * horizon.
 * SPDX-License-Identifier: MIT */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "flywheel.h"

void
fw_format_money(double x, char *buf, size_t size)
{
	if (buf == NULL || size == 0)
		return;
	char digits[64], *dot;
	size_t whole;

	if (isnan(x)) {
		snprintf(buf, size, "n/a");
		return;
	}
	/* thousands of millions separated: "$1,114.1M" */
	snprintf(digits, sizeof(digits), "%.1f", fabs(x) / 1e6);
	dot = strchr(digits, '.');
	whole = dot != NULL ? (size_t)(dot - digits) : strlen(digits);
	if (whole > 3 && whole < 8)
		snprintf(buf, size, "%s$%.*s,%sM", x < 0 ? "-" : "",
		    (int)(whole - 3), digits, digits + whole - 3);
	else
		snprintf(buf, size, "%s$%sM", x < 0 && fabs(x) >= 5e4 ? "-" :
		    "", digits);
}

void
fw_format_share(double p, uint64_t reps, char *buf, size_t size)
{
	double count = floor(p * (double)reps + 0.5);
	double pct = 100 * count / (double)reps;

	if (buf == NULL || size == 0)
		return;
	if (isnan(p) || reps == 0)
		snprintf(buf, size, "in an unknown share of replications");
	else if (count >= (double)reps && reps == 1)
		snprintf(buf, size, "in the one replication");
	else if (count >= (double)reps)
		snprintf(buf, size, "in all %llu replications",
		    (unsigned long long)reps);
	else if (count <= 0)
		snprintf(buf, size, "in none of the %llu replications",
		    (unsigned long long)reps);
	else if (pct >= 99.5 || pct < 0.5)
		snprintf(buf, size, "in %.1f%% of replications", pct);
	else
		snprintf(buf, size, "in %.0f%% of replications", pct);
}

void
fw_format_horizon(int months, char *buf, size_t size)
{
	if (buf == NULL || size == 0)
		return;
	if (months % 12 == 0 && months >= 24)
		snprintf(buf, size, "over %d years", months / 12);
	else if (months == 12)
		snprintf(buf, size, "over 1 year");
	else
		snprintf(buf, size, "over %d month%s", months,
		    months == 1 ? "" : "s");
}
