/* helpers.h - what several test suites share.
 * SPDX-License-Identifier: MIT */
#ifndef FW_TEST_HELPERS_H
#define FW_TEST_HELPERS_H

#include "flywheel.h"

/* Loads a scenario from text, failing the test with the message if it
 * does not load. */
fw_scenario *test_load(const char *yaml);

/* Runs sc with opt to the end, failing the test on error. */
fw_run *test_run(const fw_scenario *sc, const fw_run_options *opt);

/* Fails unless two runs' every result array is the same, byte for byte. */
void test_same_results(const fw_run *x, const fw_run *y);

/* The index of the named metric, and of the named monthly series,
 * failing the test when the library has none. */
size_t test_metric(const char *name);
size_t test_series(const char *name);

/* The payback month and the compounding of v over against, failing the
 * test when the library refuses. */
int payback_of(const fw_run *run, size_t v, size_t against);
double compounding_of(const fw_run *run, size_t v, size_t against);

/* fw_scenario_yaml(sc), failing the test when it fails; fw_free() it. */
char *test_yaml(const fw_scenario *sc);

/* Index of the uncertain input at path among the run's draws, failing
 * the test when the run does not draw it. */
int test_draw_index(const fw_run *run, const char *path);

#endif
