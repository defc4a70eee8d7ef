/* fuzz_sweep.c - the sweep loader on any bytes, as a file beside a small
 * scenario that it may name; every point of a design it accepts is read.
 * SPDX-License-Identifier: MIT */
#include "config.h"

#include <math.h>
#include <stdlib.h>

#include "flywheel.h"
#include "fuzz.h"

static const char scenario[] =
    "name: s\nhorizon_months: 24\nreplications: 10\n"
    "segments:\n  - {name: a, hcps: 10, scripts_per_month: 2}\n"
    "channels:\n  - {name: email, touches_per_month: 2, reach: 0.1, "
    "helpful: 0.3, burden: 0.2, cost_per_touch: 1}\n"
    "variants:\n  fix: {set: {friction.onboarding: 0.1}}\n";

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fw_sweep *sw = NULL;
	fw_error err;
	size_t i, j;
	double lo, hi;

	fuzz_file("s.yaml", scenario, sizeof(scenario) - 1);
	if (fw_sweep_load(fuzz_file("sweep.yaml", data, size), &sw, &err) !=
	    FW_OK)
		return 0;
	for (j = 0; j < fw_sweep_param_count(sw); j++) {
		fw_sweep_param_range(sw, j, &lo, &hi);
		if (!(lo <= hi))
			abort();
	}
	for (i = 0; i < fw_sweep_points(sw) && i < 100000; i++)
		for (j = 0; j < fw_sweep_param_count(sw); j++)
			(void)fw_sweep_value(sw, i, j);
	for (i = 0; i < fw_sweep_metric_count(sw); i++)
		(void)fw_sweep_metric_label(sw, i);
	fw_sweep_free(sw);
	return 0;
}
