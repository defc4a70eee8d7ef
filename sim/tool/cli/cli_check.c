/* cli_check.c - `flywheel check`: validates scenario, sweep and
 * calibration files.
 * SPDX-License-Identifier: MIT */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"

const char cli_check_help[] =
"Usage: flywheel check [-q] FILE...\n"
"Validate scenario, sweep and calibration files. For each valid scenario\n"
"print the resolved scenario: every value (defaults marked '# default',\n"
"distributions as written) and what each variant changes against the\n"
"baseline. A sweep file is checked with the scenario it names, and its\n"
"design's size is printed; a calibration file with its scenario and data\n"
"file, and what it fits is printed. Errors go to standard error as\n"
"FILE:LINE:COLUMN: KEY.PATH: MESSAGE.\n"
"\n"
"  -q, --quiet   print only FILE: valid\n"
"  -h, --help    show this help\n"
"\n"
"Exit status: 0 all valid, 3 a file is not valid, 4 a file cannot be\n"
"read, 2 usage error.\n";

/* Checks one scenario file and prints it resolved. */
static int
check_scenario(const char *file, int quiet, fw_error *err)
{
	fw_scenario *sc;
	char *yaml;
	int rc = fw_scenario_load(file, &sc, err);

	if (rc != FW_OK)
		return rc;
	term_line(stdout, "# %s: valid", file);
	if (!quiet) {
		if ((yaml = fw_scenario_yaml(sc)) == NULL) {
			fw_error_set(err, FW_ENOMEM, "", 0, 0, "",
			    "out of memory");
			rc = FW_ENOMEM;
		} else
			fputs(yaml, stdout);
		fw_free(yaml);
	}
	fw_scenario_free(sc);
	return rc;
}

/* Checks one sweep file and says what its design holds. */
static int
check_sweep(const char *file, int quiet, fw_error *err)
{
	fw_sweep *sw;
	int rc = fw_sweep_load(file, &sw, err);

	if (rc != FW_OK)
		return rc;
	term_line(stdout, "# %s: valid", file);
	if (!quiet)
		term_line(stdout, "# a %s sweep of %s: %zu parameters, %zu "
		    "metrics, %zu points of %llu replications", fw_sweep_design(sw),
		    fw_scenario_file(fw_sweep_scenario(sw)),
		    fw_sweep_param_count(sw), fw_sweep_metric_count(sw),
		    fw_sweep_points(sw),
		    (unsigned long long)fw_sweep_replications(sw));
	fw_sweep_free(sw);
	return rc;
}

/* Checks one calibration file, its scenario and its data, and says what
 * it fits. */
static int
check_calibration(const char *file, int quiet, fw_error *err)
{
	fw_calibration *cal;
	int rc = fw_calibration_load(file, &cal, err);
	size_t i, figures = 0;

	if (rc != FW_OK)
		return rc;
	term_line(stdout, "# %s: valid", file);
	for (i = 0; i < fw_calibration_target_count(cal); i++)
		figures += fw_calibration_target_observed(cal, i);
	if (!quiet)
		term_line(stdout, "# a calibration of the baseline of %s: %zu "
		    "inputs fitted to %zu series of %s (%zu figures over months "
		    "1 to %d), %llu replications an evaluation, %zu starting "
		    "points",
		    fw_scenario_file(fw_calibration_scenario(cal)),
		    fw_calibration_param_count(cal),
		    fw_calibration_target_count(cal),
		    fw_calibration_data_file(cal), figures,
		    fw_calibration_months(cal),
		    (unsigned long long)fw_calibration_replications(cal),
		    fw_calibration_starts(cal));
	fw_calibration_free(cal);
	return rc;
}

int
cli_check(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "quiet", no_argument, NULL, 'q' },
		{ NULL, 0, NULL, 0 }
	};
	int quiet = 0, worst = EXIT_DONE, c, i;

	opterr = 0;
	while ((c = getopt_long(argc, argv, "q", opts, NULL)) != -1) {
		if (c == 'q')
			quiet = 1;
		else
			return cli_usage_error("check", "check: unknown option "
			    "'%s'", argv[optind - 1]);
	}
	if (optind >= argc)
		return cli_usage_error("check", "check: no scenario file "
		    "given");
	for (i = optind; i < argc; i++) {
		enum fw_file_kind kind;
		fw_error err;
		int rc = fw_file_kind(argv[i], &kind, &err);

		if (rc == FW_OK && kind == FW_FILE_SWEEP)
			rc = check_sweep(argv[i], quiet, &err);
		else if (rc == FW_OK && kind == FW_FILE_CALIBRATION)
			rc = check_calibration(argv[i], quiet, &err);
		else if (rc == FW_OK)
			rc = check_scenario(argv[i], quiet, &err);
		if (rc != FW_OK) {
			cli_print_error(&err);
			if (exit_code_of(rc) > worst)
				worst = exit_code_of(rc);
		}
	}
	if (fflush(stdout) != 0)
		return EXIT_IO;
	return worst;
}
