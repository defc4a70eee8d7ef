/* fuzz_fit.c - the calibration fit itself. The bytes choose a
 * calibration that the loader accepts for the most part (the loader on
 * any text is fuzz_calibration's): one to three inputs of a small
 * scenario with their ranges, one or two series with their segments and
 * weights, the observed figures month by month (some left out, some far
 * off, some at the limits), the replications, starting points and seed.
 * Whatever is accepted is fitted to the end (a few HCPs and replications
 * an evaluation), and what the fit says must hold together: an
 * identified input has a finite estimate inside a finite 95% interval
 * inside its range, the objective is a number, and the fitted scenario
 * loads back from its own YAML.
 * SPDX-License-Identifier: MIT */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "flywheel.h"
#include "fuzz.h"

/* A fit that has not ended after this many steps is a finding. */
#define STEPS_MAX 5000

static const char scenario[] =
    "name: s\nhorizon_months: 12\nreplications: 4\nseed: 3\n"
    "segments:\n  - {name: a, hcps: 20, scripts_per_month: 2}\n"
    "  - {name: b, hcps: 10, scripts_per_month: 1, trust: 0.4}\n"
    "channels:\n  - {name: email, touches_per_month: 1, reach: 0.2, "
    "helpful: 0.5, burden: 0.1, cost_per_touch: 1}\n";

static const char *const inputs[] = {
	"friction.access", "friction.onboarding", "experience.trust_gain",
	"segments.a.scripts_per_month", "segments.b.trust",
	"flywheel.trial_rate", "channels.email.reach",
	"reacquisition.base_cost",
};
/* ranges as a calibration file writes them, mostly valid; "" for the
 * key's own */
static const char *const ranges[] = {
	"", "", "", "", "", "", "", "", "[0.1, 0.7]", "[0.01, 0.2]",
	"[0.2, 0.4]", "[0, 1]", "[1e-9, 1]", "[0.5, 0.5]", "[0.9, 0.1]",
	"[0.3, 0.30000000000000004]",
};
static const char *const series[] = {
	"revenue", "scripts_written", "patients", "adopter", "mean_trust",
	"cash", "channel_cost",
};
static const char *const weights[] = { "1", "0.5", "2", "0.001", "1000" };
static const double levels[] = { 1, 100, 0.01, 1e6, 1e15 };

typedef struct input {
	const uint8_t *p, *end;
} input;

static unsigned
byte(input *in)
{
	return in->p < in->end ? *in->p++ : 0;
}

#define PICK(in, list) (list[byte(in) % (sizeof(list) / sizeof(list[0]))])

/* Writes the calibration and its data the bytes choose; returns the
 * calibration file's path. */
static const char *
make_files(input *in)
{
	char cal[2048], data[8192];
	int tseries[2], tseg[2], n, t, k, ntarget, m;
	size_t c = 0, d = 0;

	c += (size_t)snprintf(cal + c, sizeof(cal) - c, "scenario: s.yaml\n"
	    "data: d.csv\nreplications: %u\nstarts: %u\nseed: %u\n"
	    "parameters:\n", 2 + byte(in) % 3, 1 + byte(in) % 2, byte(in));
	for (n = 1 + (int)(byte(in) % 3), k = 0; k < n; k++) {
		const char *path = PICK(in, inputs), *range = PICK(in, ranges);
		c += (size_t)snprintf(cal + c, sizeof(cal) - c, "  - {path: "
		    "%s%s%s}\n", path, *range ? ", range: " : "", range);
	}
	c += (size_t)snprintf(cal + c, sizeof(cal) - c, "targets:\n");
	ntarget = 1 + (int)(byte(in) % 2);
	for (k = 0; k < ntarget; k++) {
		tseries[k] = (int)(byte(in) % (sizeof(series) /
		    sizeof(series[0])));
		/* the market, a or b; cash and channel_cost are the
		 * brand's alone (the last two series) */
		tseg[k] = tseries[k] >= 5 ? 0 : (int)(byte(in) % 3);
		c += (size_t)snprintf(cal + c, sizeof(cal) - c, "  - {metric: "
		    "%s%s%s, weight: %s}\n", series[tseries[k]], tseg[k] ?
		    ", segment: " : "", tseg[k] == 1 ? "a" : tseg[k] == 2 ?
		    "b" : "", PICK(in, weights));
	}
	d += (size_t)snprintf(data + d, sizeof(data) - d,
	    "month,metric,value,segment\n");
	for (m = 2 + (int)(byte(in) % 11), t = 1; t <= m; t++)
		for (k = 0; k < ntarget; k++) {
			double level = PICK(in, levels);
			/* mean_trust is a share */
			if (strcmp(series[tseries[k]], "mean_trust") == 0)
				level = fmin(level, 1);
			unsigned b = byte(in);
			if (b == 0)	/* a month not observed */
				continue;
			d += (size_t)snprintf(data + d, sizeof(data) - d,
			    "%d,%s,%.17g,%s\n", t, series[tseries[k]],
			    level * (b - 1) / 254.0, tseg[k] == 1 ? "a" :
			    tseg[k] == 2 ? "b" : "");
		}
	fuzz_file("s.yaml", scenario, sizeof(scenario) - 1);
	fuzz_file("d.csv", data, d);
	return fuzz_file("c.yaml", cal, c);
}

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
	if (fw_scenario_yaml(fitted, &yaml) != FW_OK ||
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
	input in = { data, data + size };
	fw_calibration *cal = NULL;
	fw_error err;
	int steps, rc = FW_OK;

	if (fw_calibration_load(make_files(&in), &cal, &err) != FW_OK)
		return 0;
	(void)fw_calibration_set_threads(cal, 1);
	for (steps = 0; rc == FW_OK && !fw_calibration_done(cal) &&
	    steps < STEPS_MAX; steps++)
		rc = fw_calibration_step(cal, &err);
	/* an accepted calibration fits to the end */
	if (rc != FW_OK || !fw_calibration_done(cal))
		abort();
	check_fit(cal);
	fw_calibration_free(cal);
	return 0;
}
