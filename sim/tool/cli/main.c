/* main.c - the flywheel command: which command runs, and its usage.
 * SPDX-License-Identifier: MIT */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "cluster.h"

static const char usage_text[] =
"Usage: flywheel COMMAND [OPTION]... [ARG]...\n"
"Monte Carlo forecasts of experience-led revenue.\n"
"\n"
"Commands:\n"
"  run [FILE]      simulate a scenario and its variants, write the tables\n"
"  sweep FILE      run a parameter sweep: grid, oneway, lhs or sobol\n"
"  calibrate FILE  fit a scenario's inputs to a brand's observed months\n"
"  leakage [FILE]  where value leaks: the NPV lost to each friction stage\n"
"  plot DIR        draw a run's plots, board pack and workbook again\n"
"  check FILE...   validate scenario files and print them fully resolved\n"
"  params          list every scenario key: range, default, meaning\n"
"  help [COMMAND]  show help for a command\n"
"\n"
"Options:\n"
"  -h, --help      show this help and exit\n"
"  -V, --version   show the version and exit\n"
"\n"
"Exit status: 0 success, 1 run failed, 2 usage error, 3 invalid scenario,\n"
"sweep, calibration or data file, 4 file not readable or writable.\n"
"See flywheel(1) and flywheel-scenario(5).\n";

static const struct command {
	const char *name;
	int (*main)(int, char **);
	const char *help;
} commands[] = {
	{ "run", cli_run, cli_run_help },
	{ "sweep", cli_sweep, cli_sweep_help },
	{ "calibrate", cli_calibrate, cli_calibrate_help },
	{ "leakage", cli_leakage, cli_leakage_help },
	{ "plot", cli_plot, cli_plot_help },
	{ "check", cli_check, cli_check_help },
	{ "params", cli_params, cli_params_help },
};
#define NCOMMANDS (sizeof(commands) / sizeof(commands[0]))

static const struct command *
find_command(const char *name)
{
	size_t i;

	for (i = 0; i < NCOMMANDS; i++)
		if (strcmp(commands[i].name, name) == 0)
			return &commands[i];
	return NULL;
}

int
main(int argc, char **argv)
{
	const struct command *cmd;
	int rc;

	if (argc < 2) {
		fputs(usage_text, stderr);
		return EXIT_USAGE;
	}
	if (strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "--help") == 0) {
		fputs(usage_text, stdout);
		return EXIT_DONE;
	}
	if (strcmp(argv[1], "-V") == 0 || strcmp(argv[1], "--version") == 0) {
		printf("flywheel %s (model flywheel/1)\n", fw_version());
		return EXIT_DONE;
	}
	if (strcmp(argv[1], "help") == 0) {
		if (argc < 3 || strcmp(argv[2], "-h") == 0 ||
		    strcmp(argv[2], "--help") == 0) {
			fputs(usage_text, stdout);
			return EXIT_DONE;
		}
		if ((cmd = find_command(argv[2])) == NULL)
			return cli_usage_error(NULL, "unknown command '%s'",
			    argv[2]);
		cli_put_help(stdout, cmd->help);
		return EXIT_DONE;
	}
	if ((cmd = find_command(argv[1])) == NULL) {
		const char *names[NCOMMANDS];
		const char *best;
		size_t i;
		for (i = 0; i < NCOMMANDS; i++)
			names[i] = commands[i].name;
		best = fw_suggest(argv[1], names, NCOMMANDS);
		if (best != NULL) {
			fputs("flywheel: unknown command '", stderr);
			term_puts(stderr, argv[1]);
			fprintf(stderr, "' (did you mean '%s'?)\nTry "
			    "'flywheel --help'.\n", best);
			return EXIT_USAGE;
		}
		return cli_usage_error(NULL, "unknown command '%s'", argv[1]);
	}
	if (cli_wants_help(argc - 1, argv + 1, cmd->help))
		return EXIT_DONE;
	cluster_start(&argc, &argv);
	rc = cmd->main(argc - 1, argv + 1);
	cluster_stop();
	return rc;
}
