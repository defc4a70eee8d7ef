/* cli_check.c - `flywheel check` and `flywheel params`.
 * SPDX-License-Identifier: MIT */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"

const char cli_check_help[] =
"Usage: flywheel check [-q] FILE...\n"
"Validate scenario files. For each valid file print the resolved scenario:\n"
"every value (defaults marked '# default', distributions as written) and\n"
"what each variant changes against the baseline. Errors go to standard\n"
"error as FILE:LINE:COLUMN: KEY.PATH: MESSAGE.\n"
"\n"
"  -q, --quiet   print only FILE: valid\n"
"  -h, --help    show this help\n"
"\n"
"Exit status: 0 all valid, 3 a file is not a valid scenario, 4 a file\n"
"cannot be read, 2 usage error.\n";

const char cli_params_help[] =
"Usage: flywheel params [--format text|csv|man]\n"
"List every scenario key with its type and range, default and meaning.\n"
"\n"
"  -f, --format FORMAT   text (default), csv or man\n"
"  -h, --help            show this help\n";

const char *
cli_suggest(const char *word, const char *const *candidates, size_t n)
{
	return fw_suggest(word, candidates, n);
}

int
cli_check(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "quiet", no_argument, NULL, 'q' },
		{ NULL, 0, NULL, 0 }
	};
	int quiet = 0, worst = FW_OK, c, i;

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
		fw_scenario *sc;
		fw_error err;
		int rc = fw_scenario_load(argv[i], &sc, &err);

		if (rc != FW_OK) {
			cli_print_error(&err);
			if (rc > worst)
				worst = rc;
			continue;
		}
		printf("# %s: valid\n", argv[i]);
		if (!quiet && fw_scenario_describe(sc, stdout) != FW_OK)
			worst = FW_EIO;
		fw_scenario_free(sc);
	}
	if (fflush(stdout) != 0)
		return FW_EIO;
	return worst;
}

int
cli_params(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 }
	};
	enum fw_params_format format = FW_PARAMS_TEXT;
	int c;

	opterr = 0;
	while ((c = getopt_long(argc, argv, "f:", opts, NULL)) != -1) {
		if (c != 'f')
			return cli_usage_error("params", "params: unknown option "
			    "'%s'", argv[optind - 1]);
		if (strcmp(optarg, "text") == 0)
			format = FW_PARAMS_TEXT;
		else if (strcmp(optarg, "csv") == 0)
			format = FW_PARAMS_CSV;
		else if (strcmp(optarg, "man") == 0)
			format = FW_PARAMS_MAN;
		else
			return cli_usage_error("params", "params: unknown "
			    "format '%s' (text, csv or man)", optarg);
	}
	if (optind < argc)
		return cli_usage_error("params", "params: unexpected "
		    "argument '%s'", argv[optind]);
	if (write_params(stdout, format) != FW_OK || fflush(stdout) != 0)
		return FW_EIO;
	return FW_OK;
}
