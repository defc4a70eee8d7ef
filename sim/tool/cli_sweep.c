/* cli_sweep.c - `flywheel sweep`: runs a sweep file's points, resumable.
 * SPDX-License-Identifier: MIT */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

const char cli_sweep_help[] =
"Usage: flywheel sweep [OPTION]... FILE\n"
"Run the points of a sweep file (a design over scenario parameters), every\n"
"point on the same random streams, and write sweep.csv (one row per point,\n"
"appended and flushed as each completes), sensitivity.csv (oneway and sobol\n"
"designs) and sweep.json.\n"
"\n"
"  -o, --output DIR   write into DIR (default out/NAME, NAME being FILE's\n"
"                     name without .yaml)\n"
"      --resume       continue an interrupted sweep in DIR: only the\n"
"                     missing points run; refused if the sweep or its\n"
"                     scenario file has changed\n"
"      --threads N    threads (default: OMP_NUM_THREADS, else all cores)\n"
"  -q, --quiet        print nothing but errors\n"
"  -h, --help         show this help\n"
"\n"
"Exit status: 0 success, 1 a point failed or the resume was refused,\n"
"2 usage error, 3 invalid sweep or scenario file, 4 file not readable or\n"
"writable.\n";

int
cli_sweep(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "output", required_argument, NULL, 'o' },
		{ "resume", no_argument, NULL, 'r' },
		{ "threads", required_argument, NULL, 't' },
		{ "quiet", no_argument, NULL, 'q' },
		{ NULL, 0, NULL, 0 }
	};
	const char *outdir = NULL;
	char defdir[4096], *end;
	int resume = 0, quiet = 0, threads = 0, c, rc;
	fw_sweep *sw;
	fw_error err;

	opterr = 0;
	while ((c = getopt_long(argc, argv, "o:q", opts, NULL)) != -1) {
		switch (c) {
		case 'o':
			outdir = optarg;
			break;
		case 'r':
			resume = 1;
			break;
		case 't':
			threads = (int)strtol(optarg, &end, 10);
			if (*end != '\0' || threads < 1 || threads > 1024)
				return cli_usage_error("sweep", "sweep: "
				    "--threads takes a whole number from 1 to "
				    "1024 (got '%s')", optarg);
			break;
		case 'q':
			quiet = 1;
			break;
		default:
			return cli_usage_error("sweep", "sweep: unknown option "
			    "'%s' or missing value", argv[optind - 1]);
		}
	}
	if (optind != argc - 1)
		return cli_usage_error("sweep", "sweep: give one sweep file");
	if (outdir == NULL) {
		cli_default_output(argv[optind], defdir, sizeof(defdir));
		outdir = defdir;
	}
	if ((rc = fw_sweep_load(argv[optind], &sw, &err)) != FW_OK) {
		cli_print_error(&err);
		return rc;
	}
	rc = sweep_open(sw, outdir, resume, threads, &err);
	if (rc == FW_OK && resume && !quiet)
		printf("Resuming: %zu of %zu points already done\n",
		    fw_sweep_done(sw), fw_sweep_points(sw));
	while (rc == FW_OK && fw_sweep_done(sw) < fw_sweep_points(sw)) {
		rc = sweep_step(sw, &err);
		if (!quiet && isatty(STDERR_FILENO))
			fprintf(stderr, "\rpoint %zu of %zu", fw_sweep_done(sw),
			    fw_sweep_points(sw));
	}
	if (!quiet && isatty(STDERR_FILENO))
		fputc('\n', stderr);
	if (rc == FW_OK)
		rc = sweep_finish(sw, &err);
	if (rc != FW_OK)
		cli_print_error(&err);
	else if (!quiet)
		printf("%zu points written to %s/sweep.csv%s\n",
		    fw_sweep_points(sw), outdir,
		    cli_has_sensitivity(outdir) ? "; sensitivity.csv beside it"
		    : "");
	if (rc == FW_OK)
		cli_render_sweep_plots(outdir, quiet);
	fw_sweep_free(sw);
	return rc;
}
