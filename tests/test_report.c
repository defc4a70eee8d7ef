/* test_report.c - a results directory read back (report_read, which
 * flywheel plot draws from): a run of more options than a fixed table
 * would hold is read whole, in the order of the scenario.
 * SPDX-License-Identifier: MIT */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"
#include "report.h"
#include "suites.h"
#include "tables.h"

/* more options than the 1024 the reader once stopped at */
#define MANY 1030

START_TEST(test_reads_many_options)
{
	char dir[] = "/tmp/fw-report-XXXXXX", cmd[64], *yaml;
	size_t len = 0;
	FILE *f = open_memstream(&yaml, &len);
	fw_run_options opt = { .threads = 1 };
	run_record rec = { .command_line = "test", .finished = "now",
		.processes = 1 };
	fw_scenario *sc;
	fw_error err;
	fw_run *run;
	report d;
	int i;

	ck_assert_ptr_nonnull(f);
	fprintf(f, "name: many\nhorizon_months: 2\nreplications: 2\n"
	    "segments:\n  - {name: a, hcps: 20, scripts_per_month: 2}\n"
	    "variants:\n");
	for (i = 0; i < MANY; i++)
		fprintf(f, "  v%04d: {set: {friction.access: %.4f}}\n", i,
		    0.1 + 0.0001 * i);
	fclose(f);
	sc = test_load(yaml);
	run = test_run(sc, &opt);
	ck_assert_ptr_nonnull(mkdtemp(dir));
	rec.dir = dir;
	ck_assert_msg(write_run_tables(run, NULL, &rec, &err) == FW_OK,
	    "%s", err.msg);
	ck_assert_msg(report_read(dir, &d, &err) == FW_OK, "%s", err.msg);
	ck_assert_uint_eq(d.nv, MANY + 1);
	ck_assert_str_eq(d.names[0], "baseline");
	ck_assert_str_eq(d.names[MANY], "v1029");
	report_free(&d);
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	ck_assert_int_eq(system(cmd), 0);
	fw_run_free(run);
	fw_scenario_free(sc);
	free(yaml);
}
END_TEST

Suite *
report_suite(void)
{
	Suite *s = suite_create("report");
	TCase *tc = tcase_create("read");

	tcase_add_test(tc, test_reads_many_options);
	suite_add_tcase(s, tc);
	return s;
}
