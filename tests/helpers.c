/* helpers.c - what several test suites share.
 * SPDX-License-Identifier: MIT */
#include "config.h"

#include <string.h>

#include <check.h>

#include "helpers.h"
#include "run.h"

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

size_t
test_metric(const char *name)
{
	size_t k = 0;

	ck_assert_int_eq(fw_metric_index(name, &k), FW_OK);
	return k;
}

size_t
test_series(const char *name)
{
	size_t k = 0;

	ck_assert_int_eq(fw_series_index(name, &k), FW_OK);
	return k;
}

int
payback_of(const fw_run *run, size_t v, size_t against)
{
	int month = -1;

	ck_assert_int_eq(fw_run_payback(run, v, against, &month), FW_OK);
	return month;
}

double
compounding_of(const fw_run *run, size_t v, size_t against)
{
	double ratio = 0;

	ck_assert_int_eq(fw_run_compounding(run, v, against, &ratio), FW_OK);
	return ratio;
}

char *
test_yaml(const fw_scenario *sc)
{
	char *yaml = NULL;

	ck_assert_int_eq(fw_scenario_yaml(sc, &yaml), FW_OK);
	return yaml;
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

void
test_same_results(const fw_run *x, const fw_run *y)
{
	size_t T = (size_t)x->horizon;

	ck_assert_mem_eq(x->totals, y->totals, x->reps * x->nvar * FW_NTOTAL *
	    sizeof(double));
	ck_assert_mem_eq(x->drawn, y->drawn, x->reps * x->nplan *
	    sizeof(double));
	ck_assert_mem_eq(x->banded, y->banded, x->reps * x->nvar * T *
	    FW_NBANDED * sizeof(float));
	ck_assert_mem_eq(x->block_sums, y->block_sums, x->nblocks * x->nvar *
	    T * FW_NMONTHLY * sizeof(double));
}

int
test_draw_index(const fw_run *run, const char *path)
{
	size_t i;

	for (i = 0; i < fw_run_draw_count(run); i++)
		if (strcmp(fw_run_draw_path(run, i), path) == 0)
			return (int)i;
	ck_abort_msg("%s is not drawn", path);
	return -1;
}
