/* fuzz_calibration.c - the calibration loader on any bytes: when the
 * first byte is 'D' the rest is the observed data beside a fixed
 * calibration file, otherwise the bytes are the calibration file beside a
 * small scenario and data it may name. Every accepted file is read back
 * through the API.
 * SPDX-License-Identifier: MIT */
#include "config.h"

#include <stdlib.h>

#include "flywheel.h"
#include "fuzz.h"

static const char scenario[] =
    "name: s\nhorizon_months: 12\nreplications: 4\n"
    "segments:\n  - {name: a, hcps: 10, scripts_per_month: 2}\n";
static const char data_csv[] =
    "month,metric,value\n1,revenue,100\n1,scripts_written,3\n"
    "2,revenue,120\n2,scripts_written,4\n";
static const char calibration[] =
    "scenario: s.yaml\ndata: d.csv\nreplications: 2\nstarts: 1\n"
    "parameters:\n  - {path: friction.access, range: [0.1, 0.7]}\n"
    "targets:\n  - {metric: revenue}\n";

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fw_calibration *cal = NULL;
	fw_error err;
	double lo, hi;
	size_t i;
	const char *path;

	fuzz_file("s.yaml", scenario, sizeof(scenario) - 1);
	if (size > 0 && data[0] == 'D') {
		fuzz_file("d.csv", data + 1, size - 1);
		path = fuzz_file("c.yaml", calibration,
		    sizeof(calibration) - 1);
	} else {
		fuzz_file("d.csv", data_csv, sizeof(data_csv) - 1);
		path = fuzz_file("c.yaml", data, size);
	}
	if (fw_calibration_load(path, &cal, &err) != FW_OK)
		return 0;
	for (i = 0; i < fw_calibration_param_count(cal); i++) {
		fw_calibration_param_range(cal, i, &lo, &hi);
		if (!(lo <= hi))
			abort();
		(void)fw_calibration_param_path(cal, i);
	}
	for (i = 0; i < fw_calibration_target_count(cal); i++) {
		(void)fw_calibration_target_metric(cal, i);
		(void)fw_calibration_target_segment(cal, i);
		(void)fw_calibration_target_weight(cal, i);
		(void)fw_calibration_target_scale(cal, i);
	}
	(void)fw_calibration_months(cal);
	fw_calibration_free(cal);
	return 0;
}
