/* cli_run.c - `flywheel run`: options, progress, summary, tables.
 * SPDX-License-Identifier: MIT */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"

const char cli_run_help[] =
"Usage: flywheel run [OPTION]... [FILE]\n"
"Simulate a scenario's baseline and every variant on common random numbers,\n"
"print the summary and the verdict, and write summary.csv, compare.csv,\n"
"timeseries.csv, paired.csv, replications.csv, run.json, the plots (PNG,\n"
"SVG, PDF) and board-pack.pdf. Without FILE, run the default scenario.\n"
"\n"
"  -o, --output DIR     write the tables into DIR (default out/NAME, NAME\n"
"                       being FILE's name without .yaml)\n"
"      --reps N         replications instead of the file's\n"
"      --months N       horizon in months instead of the file's (1..600)\n"
"      --seed S         seed instead of the file's (0..2^64-1)\n"
"      --threads N      threads (default: OMP_NUM_THREADS, else all cores)\n"
"      --set PATH=VALUE change a baseline value, as a variant's set does;\n"
"                       may be repeated; VALUE may be a distribution\n"
"      --no-plots       write the tables only, no plots or board pack\n"
"  -q, --quiet          print nothing but errors\n"
"  -h, --help           show this help\n"
"\n"
"Exit status: 0 success, 1 run failed, 2 usage error, 3 invalid scenario,\n"
"4 file not readable or writable.\n";

/* Parses a whole number in [lo, hi] or fails with a usage error. */
static int
parse_count(const char *opt, const char *text, unsigned long long lo,
    unsigned long long hi, unsigned long long *out)
{
	char *end;

	errno = 0;
	if (text[0] == '-' || text[0] == '\0')
		goto bad;
	*out = strtoull(text, &end, 10);
	if (errno == 0 && *end == '\0' && *out >= lo && *out <= hi)
		return FW_OK;
bad:
	return cli_usage_error("run", "run: %s takes a whole number from %llu "
	    "to %llu (got '%s')", opt, lo, hi, text);
}

void
cli_default_output(const char *file, char *buf, size_t size)
{
	const char *base = strrchr(file, '/');
	size_t len;

	base = base ? base + 1 : file;
	len = strlen(base);
	if (len > 5 && strcmp(base + len - 5, ".yaml") == 0)
		len -= 5;
	else if (len > 4 && strcmp(base + len - 4, ".yml") == 0)
		len -= 4;
	snprintf(buf, size, "out/%.*s", (int)len, base);
}

static char *
join_args(int argc, char **argv)
{
	size_t len = 16;
	char *s;
	int i;

	for (i = 0; i < argc; i++)
		len += strlen(argv[i]) * 2 + 3;
	if ((s = calloc(1, len)) == NULL)
		return NULL;
	strcat(s, "flywheel");
	for (i = 0; i < argc; i++) {
		int quote = argv[i][0] == '\0' ||
		    strpbrk(argv[i], " \t'\"{}$") != NULL;
		strcat(s, quote ? " '" : " ");
		strcat(s, argv[i]);
		if (quote)
			strcat(s, "'");
	}
	return s;
}

static void
show_progress(const fw_run *run, double elapsed)
{
	unsigned long long done = fw_run_done(run), total = fw_run_total(run);
	int width = 30, filled = (int)(width * done / total);
	double eta = done > 0 ? elapsed * (double)(total - done) / done : 0;

	fprintf(stderr, "\r[%.*s%*s] %3d%%  %llu/%llu replications  ETA %3.0f s ",
	    filled, "##############################", width - filled, "",
	    (int)(100 * done / total), done, total, eta);
}

int
cli_run(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "output", required_argument, NULL, 'o' },
		{ "reps", required_argument, NULL, 'r' },
		{ "months", required_argument, NULL, 'm' },
		{ "seed", required_argument, NULL, 's' },
		{ "threads", required_argument, NULL, 't' },
		{ "set", required_argument, NULL, 'S' },
		{ "quiet", no_argument, NULL, 'q' },
		{ "no-plots", no_argument, NULL, 'P' },
		{ NULL, 0, NULL, 0 }
	};
	fw_run_options opt = { 0 };
	const char *file, *outdir = NULL;
	char defdir[4096], *cmdline;
	char **sets = calloc((size_t)argc + 1, sizeof(char *));
	int nsets = 0, quiet = 0, plots = 1, progress, c, rc, i;
	unsigned long long n = 0;
	fw_scenario *sc = NULL;
	fw_run *run = NULL;
	fw_error err;
	struct timespec t0, t1;

	if (sets == NULL)
		return FW_ERUN;
	opterr = 0;
	rc = FW_OK;
	while (rc == FW_OK &&
	    (c = getopt_long(argc, argv, "o:q", opts, NULL)) != -1) {
		switch (c) {
		case 'o':
			outdir = optarg;
			break;
		case 'r':
			if ((rc = parse_count("--reps", optarg, 1, 4294967295ULL,
			    &n)) == FW_OK)
				opt.replications = n;
			break;
		case 'm':
			if ((rc = parse_count("--months", optarg, 1, 600, &n)) ==
			    FW_OK)
				opt.months = (int)n;
			break;
		case 's':
			if ((rc = parse_count("--seed", optarg, 0,
			    18446744073709551615ULL, &n)) == FW_OK) {
				opt.seed = n;
				opt.seed_set = 1;
			}
			break;
		case 't':
			if ((rc = parse_count("--threads", optarg, 1, 1024, &n)) ==
			    FW_OK)
				opt.threads = (int)n;
			break;
		case 'S':
			sets[nsets++] = optarg;
			break;
		case 'q':
			quiet = 1;
			break;
		case 'P':
			plots = 0;
			break;
		default:
			rc = cli_usage_error("run", "run: unknown option '%s' "
			    "or missing value", argv[optind - 1]);
		}
	}
	if (rc == FW_OK && optind < argc - 1)
		rc = cli_usage_error("run", "run: one scenario file at a time "
		    "(got '%s' and '%s')", argv[optind], argv[optind + 1]);
	if (rc != FW_OK) {
		free(sets);
		return rc;
	}
	file = optind < argc ? argv[optind] : cli_default_scenario();
	rc = fw_scenario_load(file, &sc, &err);
	for (i = 0; rc == FW_OK && i < nsets; i++)
		rc = fw_scenario_set(sc, sets[i], &err);
	free(sets);
	if (rc != FW_OK) {
		if (rc == FW_EUSAGE)
			return cli_usage_error("run", "run: %s", err.msg);
		cli_print_error(&err);
		fw_scenario_free(sc);
		return rc;
	}
	if (outdir == NULL) {
		cli_default_output(file, defdir, sizeof(defdir));
		outdir = defdir;
	}
	if ((rc = fw_run_alloc(sc, &opt, &run, &err)) != FW_OK) {
		fprintf(stderr, "flywheel: run: %s\n", err.msg);
		fw_scenario_free(sc);
		return rc;
	}
	progress = !quiet && isatty(STDERR_FILENO);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	while (rc == FW_OK && fw_run_done(run) < fw_run_total(run)) {
		/* Steps small enough for the bar to move and large enough
		 * to keep every thread busy; a step's size changes no
		 * result. */
		unsigned long long step = fw_run_total(run) / 50;
		unsigned long long least = 4ULL * fw_run_threads(run);
		rc = fw_run_step(run, step > least ? step : least, &err);
		clock_gettime(CLOCK_MONOTONIC, &t1);
		if (progress)
			show_progress(run, (double)(t1.tv_sec - t0.tv_sec) +
			    (t1.tv_nsec - t0.tv_nsec) / 1e9);
	}
	if (progress)
		fputs("\n", stderr);
	if (rc != FW_OK) {
		cli_print_error(&err);
		fw_run_free(run);
		fw_scenario_free(sc);
		return FW_ERUN;
	}
	cmdline = join_args(argc, argv);
	rc = write_run_tables(run, outdir, cmdline, &err);
	free(cmdline);
	if (rc != FW_OK)
		cli_print_error(&err);
	else if (!quiet) {
		print_summary(run, stdout);
		print_verdict(run, stdout);
		printf("\nTables written to %s/: summary.csv compare.csv "
		    "timeseries.csv paired.csv replications.csv run.json\n",
		    outdir);
		fflush(stdout);
	}
	/* The tables stand without the plots: a plotting failure is
	 * reported, and the run still succeeds. */
	if (rc == FW_OK && plots && cli_render_plots(outdir, quiet) != FW_OK)
		fprintf(stderr, "flywheel: run: the tables are written; the "
		    "plots are not\n");
	fw_run_free(run);
	fw_scenario_free(sc);
	return rc;
}
