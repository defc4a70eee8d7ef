/* fuzz_run.c - load and a short run: whatever the loader accepts runs to
 * finite results (a run that fails on an accepted scenario is a finding).
 * Inputs are kept quick: few HCP-months, two replications.
 * SPDX-License-Identifier: MIT */
#include "config.h"

#include <math.h>
#include <stdlib.h>

#include "flywheel.h"
#include "fuzz.h"
#include "scenario.h"

/* HCP-months a run may simulate per variant, to keep each input fast. */
#define WORK_MAX 200000.0

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fw_run_options opt = { .replications = 2, .threads = 1 };
	fw_scenario *sc = NULL;
	fw_run *run = NULL;
	fw_error err;
	fw_stats st;
	double hcps = 0;
	size_t v, s, k;
	int rc;

	if (fw_scenario_load_string("fuzz.yaml", (const char *)data, size, &sc,
	    &err) != FW_OK)
		return 0;
	for (v = 0; v < sc->nconfig; v++)
		for (s = 0; s < sc->config[v].nseg; s++)
			hcps = fmax(hcps, sc->config[v].seg[s].v[FW_S_HCPS].value
			    * (double)sc->config[v].nseg);
	opt.months = hcps * sc->horizon <= WORK_MAX ? sc->horizon :
	    hcps <= WORK_MAX ? (int)(WORK_MAX / fmax(hcps, 1)) : -1;
	if (opt.months < 1 || sc->nconfig > 8) {
		fw_scenario_free(sc);
		return 0;
	}
	rc = fw_run_alloc(sc, &opt, &run, &err);
	if (rc == FW_OK)
		rc = fw_run_finish(run, &err);
	/* Every accepted value gives finite results. */
	if (rc == FW_ERUN)
		abort();
	for (v = 0; rc == FW_OK && v < fw_scenario_variant_count(sc); v++)
		for (k = 0; k < fw_metric_count(); k++)
			if (fw_run_stats(run, v, k, &st) != FW_OK ||
			    !isfinite(st.mean))
				abort();
	fw_run_free(run);
	fw_scenario_free(sc);
	return 0;
}
