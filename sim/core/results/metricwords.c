/* metricwords.c - metrics and monthly series in words, and whether they
 * are money, from the one table of them, metrics.def: what every table,
 * chart and workbook header says of them.
 * SPDX-License-Identifier: MIT */
#include "config.h"

#include <string.h>

#include "flywheel.h"

static const fw_metric_info metrics[] = {
#define FW_METRIC(id, name, label, money, flow, decomposed) \
	{ name, label, money, flow, decomposed != NULL ? decomposed : label },
#include "metrics.def"
#undef FW_METRIC
};

int
fw_metric_about(const char *name, fw_metric_info *out)
{
	size_t i;

	for (i = 0; name != NULL && i < sizeof(metrics) / sizeof(metrics[0]);
	    i++)
		if (strcmp(name, metrics[i].name) == 0) {
			*out = metrics[i];
			return FW_OK;
		}
	*out = (fw_metric_info){ name, name, 0, 0, name };
	return FW_EINVALID;
}

const char *
fw_metric_words(const char *name, int *money)
{
	fw_metric_info m;

	fw_metric_about(name, &m);
	if (money != NULL)
		*money = m.money;
	return m.label;
}
