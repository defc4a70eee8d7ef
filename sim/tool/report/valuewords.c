/* valuewords.c - an input's value as run.json records it, in words: a
 * number as its unit shows it, a distribution as its median and its 5th
 * to 95th percentile, never as the YAML it was written in.
 * SPDX-License-Identifier: MIT */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "flywheel.h"
#include "labels.h"

/* The quantiles of the distribution text at path, read by the library
 * itself from a scenario that holds only the key's segment. */
static int
quantiles(const char *path, const char *text, double *q)
{
	static const double u[3] = { 0.5, 0.05, 0.95 };
	const char *key = strchr(path, ':') != NULL ? strchr(path, ':') + 1 :
	    path;
	char yaml[512], seg[128] = "all";
	fw_scenario *sc = NULL;
	fw_error err;
	int i, rc;

	if (strncmp(key, "segments.", 9) == 0)
		snprintf(seg, sizeof(seg), "%.*s", (int)strcspn(key + 9, "."),
		    key + 9);
	snprintf(yaml, sizeof(yaml), "name: value\nhorizon_months: 12\n"
	    "replications: 1\nsegments:\n  - name: %s\n    hcps: 1000\n"
	    "    scripts_per_month: 2\n", seg);
	rc = fw_scenario_load_string("value", yaml, strlen(yaml), &sc, &err);
	if (rc == FW_OK)
		rc = fw_scenario_set(sc, NULL, key, text, &err);
	for (i = 0; rc == FW_OK && i < 3; i++)
		rc = fw_scenario_value(sc, NULL, key, u[i], &q[i], &err);
	fw_scenario_free(sc);
	return rc;
}

void
value_words(const char *path, const char *text, char *buf, size_t size)
{
	char *end, a[64], b[64], c[64];
	double x = strtod(text, &end), q[3];

	if (*text && *end == '\0') {
		param_value(path, x, buf, size);
		return;
	}
	if (*text != '{' || quantiles(path, text, q) != FW_OK) {
		snprintf(buf, size, "%s", text);
		return;
	}
	param_value(path, q[0], a, sizeof(a));
	param_value(path, q[1], b, sizeof(b));
	param_value(path, q[2], c, sizeof(c));
	snprintf(buf, size, "%s (%s to %s)", a, b, c);
}
