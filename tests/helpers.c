/* helpers.c - what several test suites share.
 * SPDX-License-Identifier: MIT */
#include "config.h"

#include <string.h>

#include <check.h>

#include "helpers.h"

fw_scenario *
test_load(const char *yaml)
{
	fw_scenario *sc = NULL;
	fw_error err;
	char buf[1024];

	if (fw_scenario_load_string("test.yaml", yaml, strlen(yaml), &sc,
	    &err) != FW_OK) {
		fw_error_format(&err, buf, sizeof(buf));
		ck_abort_msg("scenario does not load: %s", buf);
	}
	return sc;
}

fw_run *
test_run(const fw_scenario *sc, const fw_run_options *opt)
{
	fw_run *run = NULL;
	fw_error err;

	if (fw_run_alloc(sc, opt, &run, &err) != FW_OK ||
	    fw_run_step(run, fw_run_replications(run), &err) != FW_OK)
		ck_abort_msg("run failed: %s", err.msg);
	return run;
}
