/* fuzz_fit.c - the calibration fit itself on any calibration file or data:
 * when the first byte is 'D' the rest is the observed data beside a fixed
 * calibration file, otherwise the bytes are the calibration file beside a
 * small scenario and data. Whatever the loader accepts is fitted to the
 * end (a simulation of few HCPs and replications an evaluation), and what
 * the fit says must hold together: an identified input has a finite
 * estimate inside a finite 95% interval inside its range, the objective
 * is a number, and the fitted scenario loads back from its own YAML.
 * SPDX-License-Identifier: MIT */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "flywheel.h"
#include "fuzz.h"

/* Fits larger than this are left at their loading, to keep inputs quick. */
#define REPS_MAX 4
#define STARTS_MAX 2
#define STEPS_MAX 5000

static const char scenario[] =
    "name: s\nhorizon_months: 12\nreplications: 4\nseed: 3\n"
    "segments:\n  - {name: a, hcps: 20, scripts_per_month: 2}\n"
    "  - {name: b, hcps: 10, scripts_per_month: 1, trust: 0.4}\n";
static const char data_csv[] =
    "month,metric,value,segment\n1,revenue,100,\n1,scripts_written,3,\n"
    "2,revenue,120,\n2,scripts_written,4,\n3,revenue,150,\n"
    "1,scripts_written,2,a\n2,scripts_written,3,a\n3,scripts_written,4,a\n"
    "4,patients,2,b\n";
static const char calibration[] =
    "scenario: s.yaml\ndata: d.csv\nreplications: 2\nstarts: 1\n"
    "parameters:\n  - {path: friction.access, range: [0.1, 0.7]}\n"
    "targets:\n  - {metric: revenue}\n  - {metric: scripts_written}\n";

static void
check_fit(const fw_calibration *cal)
{
	fw_scenario *fitted = NULL, *back = NULL;
	fw_error err;
	fw_band band;
	fw_fit f;
	double lo, hi, obs;
	char *yaml;
	size_t j, i;
	int t;

	if (!(fw_calibration_objective(cal) >= 0))
		abort();
	for (j = 0; j < fw_calibration_param_count(cal); j++) {
		if (fw_calibration_fit(cal, j, &f) != FW_OK)
			abort();
		fw_calibration_param_range(cal, j, &lo, &hi);
		if (f.status == FW_FIT_IDENTIFIED && !(isfinite(f.lo95) &&
		    isfinite(f.hi95) && f.lo95 <= f.estimate &&
		    f.estimate <= f.hi95 && lo <= f.lo95 && f.hi95 <= hi))
			abort();
	}
	for (i = 0; i < fw_calibration_target_count(cal); i++)
		for (t = 1; t <= fw_calibration_months(cal); t++)
			if (fw_calibration_month(cal, i, t, &obs, &band) !=
			    FW_OK || !isfinite(band.mean))
				abort();
	if (fw_calibration_fitted(cal, &fitted, &err) != FW_OK)
		abort();
	if ((yaml = fw_scenario_yaml(fitted)) == NULL ||
	    fw_scenario_load_string("fitted.yaml", yaml, strlen(yaml), &back,
	    &err) != FW_OK)
		abort();
	fw_free(yaml);
	fw_scenario_free(back);
	fw_scenario_free(fitted);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fw_calibration *cal = NULL;
	fw_error err;
	const char *path;
	int steps, rc = FW_OK;

	path = fuzz_calibration_files(data, size, scenario, data_csv,
	    calibration);
	if (fw_calibration_load(path, &cal, &err) != FW_OK)
		return 0;
	fw_calibration_set_threads(cal, 1);
	if (fw_calibration_replications(cal) > REPS_MAX ||
	    fw_calibration_starts(cal) > STARTS_MAX) {
		fw_calibration_free(cal);
		return 0;
	}
	for (steps = 0; rc == FW_OK && !fw_calibration_done(cal) &&
	    steps < STEPS_MAX; steps++)
		rc = fw_calibration_step(cal, &err);
	/* an accepted calibration of finite figures fits to the end */
	if (rc != FW_OK || !fw_calibration_done(cal))
		abort();
	check_fit(cal);
	fw_calibration_free(cal);
	return 0;
}
