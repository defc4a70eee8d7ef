/* cli_sweep.c - `flywheel sweep`: runs a sweep file's points, resumable.
 * SPDX-License-Identifier: MIT */
#include "config.h"

#include <getopt.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "cluster.h"
#include "fingerprint.h"
#include "csv.h"
#include "sweeprun.h"

const char cli_sweep_help[] =
"Usage: flywheel sweep [OPTION]... FILE\n"
"  or:  flywheel sweep --merge [OPTION]... FILE SHARD_DIR...\n"
"Run the points of a sweep file (a design over scenario parameters), every\n"
"point on the same random streams, and write sweep.csv (one row per point,\n"
"appended and flushed as each completes), sensitivity.csv (oneway and sobol\n"
"designs), sweep.json (the settings and the whole design) and the plots.\n"
"\n"
"  -o, --output DIR     write into DIR (default out/NAME, NAME being FILE's\n"
"                       name without .yaml)\n"
"      --resume         continue an interrupted sweep in DIR: its rows are\n"
"                       checked and kept and only the missing points run;\n"
"                       refused if the sweep, its scenario or the settings\n"
"                       have changed, or if a row was damaged\n"
"      --reps N         replications per point instead of the file's\n"
"      --seed S         seed instead of the file's (0..2^64-1)\n"
"      --set PATH=VALUE change a baseline value of the sweep's scenario;\n"
"                       may be repeated\n"
"      --dry-run        print the design's points as CSV and run nothing\n"
"      --shard I/N      run only shard I of N (a contiguous share of the\n"
"                       points) into DIR, for a job array; no plots\n"
"      --merge          assemble the finished shards SHARD_DIR... (given in\n"
"                       shard order, 1 to N) into DIR, checking every row:\n"
"                       the same files as the sweep run whole\n"
"      --threads N      threads (default: OMP_NUM_THREADS, else all cores)\n"
"      --no-plots       write the tables only, no plots\n"
"  -q, --quiet          print nothing but errors\n"
"  -h, --help           show this help\n"
"\n"
"Under mpirun (mpirun -n K flywheel sweep ...) the points are shared out\n"
"over the K processes, each on its threads; rank 0 writes every file.\n"
"Ranks given other inputs (sweep, scenario, --set, seed, replications)\n"
"stop the job before any work.\n"
"\n"
"Exit status: 0 success, 1 a point failed or the resume was refused,\n"
"2 usage error, 3 invalid sweep or scenario file or ranks given other\n"
"inputs, 4 file not readable or writable.\n";

/* What the options of `flywheel sweep` ask for: those every command
 * reads, and the shard --shard names. */
typedef struct sweep_args {
	cli_args a;
	int shard, nshard;
} sweep_args;

/* "I/N" with 1 <= I <= N. */
static int
parse_shard(const char *text, sweep_args *a)
{
	const char *slash = strchr(text, '/');
	unsigned long long i, n;

	if (slash == NULL || cli_whole_number(slash + 1, strlen(slash + 1),
	    1, INT_MAX, &n) != 0 || cli_whole_number(text,
	    (size_t)(slash - text), 1, n, &i) != 0)
		return cli_usage_error("sweep", "sweep: --shard wants I/N with "
		    "1 <= I <= N, not '%s'", text);
	a->shard = (int)i;
	a->nshard = (int)n;
	return EXIT_DONE;
}

static int
parse_args(int argc, char **argv, sweep_args *s)
{
	static const struct option opts[] = {
		{ "output", required_argument, NULL, 'o' },
		{ "resume", no_argument, NULL, 'e' },
		{ "reps", required_argument, NULL, 'r' },
		{ "seed", required_argument, NULL, 's' },
		{ "set", required_argument, NULL, 'S' },
		{ "dry-run", no_argument, NULL, 'd' },
		{ "threads", required_argument, NULL, 't' },
		{ "quiet", no_argument, NULL, 'q' },
		{ "shard", required_argument, NULL, 'H' },
		{ "merge", no_argument, NULL, 'M' },
		{ "no-plots", no_argument, NULL, 'P' },
		{ NULL, 0, NULL, 0 }
	};
	cli_args *a = &s->a;
	int rc;

	a->many = 1;
	rc = cli_parse_args("sweep", opts, argc, argv, a);
	if (rc == EXIT_DONE && a->shard != NULL)
		rc = parse_shard(a->shard, s);
	if (rc == EXIT_DONE && a->merge && (a->shard || a->resume || a->dry))
		rc = cli_usage_error("sweep", "sweep: --merge takes neither "
		    "--shard, --resume nor --dry-run");
	else if (rc == EXIT_DONE && a->merge && a->nfiles < 2)
		rc = cli_usage_error("sweep", "sweep: --merge wants the sweep "
		    "file and the shards' directories");
	else if (rc == EXIT_DONE && !a->merge && a->nfiles != 1)
		rc = cli_usage_error("sweep", "sweep: give one sweep file");
	return rc;
}

/* Loads the sweep with the options' changes. */
static int
load(const char *file, const cli_args *a, fw_sweep **sw)
{
	fw_error err;
	int i, rc = fw_sweep_load(file, sw, &err);

	if (rc != FW_OK) {
		cli_print_error(&err);
		return exit_code_of(rc);
	}
	for (i = 0; i < a->nsets; i++)
		if ((rc = cli_apply_set("sweep", fw_sweep_scenario(*sw),
		    a->sets[i])) != EXIT_DONE)
			return rc;
	if ((a->opt.replications && fw_sweep_set_replications(*sw,
	    a->opt.replications) != FW_OK) || (a->opt.seed_set &&
	    fw_sweep_set_seed(*sw, a->opt.seed) != FW_OK)) {
		fputs("flywheel: out of memory\n", stderr);
		return EXIT_FAILED;
	}
	return EXIT_DONE;
}

/* Under MPI, the ranks' inputs compared before any work (see
 * cluster_agree): status, or EXIT_INVALID when they differ. */
static int
agree(fw_sweep *sw, const sweep_args *a, int status)
{
	char fp[FINGERPRINT_SIZE] = "", job[96];

	snprintf(job, sizeof(job), "shard %d/%d resume %d merge %d dry %d",
	    a->shard, a->nshard, a->a.resume, a->a.merge, a->a.dry);
	if (status == EXIT_DONE)
		fingerprint_sweep(sw, job, fp, sizeof(fp));
	return cluster_agree("sweep", status, fp);
}

/* --dry-run: the points, one CSV row each. */
static int
print_points(const fw_sweep *sw)
{
	size_t i, j, P = fw_sweep_param_count(sw);
	char block[16];

	fputs("point,block", stdout);
	for (j = 0; j < P; j++) {
		const char *v = fw_sweep_param_variant(sw, j);
		fputc(',', stdout);
		if (v != NULL)
			printf("%s:", v);
		fputs(fw_sweep_param_path(sw, j), stdout);
	}
	fputc('\n', stdout);
	for (i = 0; i < fw_sweep_points(sw); i++) {
		fw_sweep_block(sw, i, block, sizeof(block));
		printf("%zu,%s", i + 1, block);
		for (j = 0; j < P; j++) {
			double x = fw_sweep_value(sw, i, j);
			fputc(',', stdout);
			csv_real(stdout, isnan(x) ? fw_sweep_base_value(sw, j) :
			    x);
		}
		fputc('\n', stdout);
	}
	return fflush(stdout) != 0 ? EXIT_IO : EXIT_DONE;
}

/* The line of progress a terminal shows. */
static void
show_progress(const sweep_job *job)
{
	fprintf(stderr, "\rpoint %zu of %zu", job->done - job->first,
	    job->last - job->first);
}

/* Runs the missing points (of the shard, with --shard) and the
 * sensitivity table, or with --merge assembles the shards in dirs. */
static int
run_points(fw_sweep *sw, const sweep_args *s, char *const *dirs, int ndirs)
{
	const cli_args *a = &s->a;
	sweep_job job;
	fw_error err;
	int rc = sweep_open_shard(&job, sw, a->outdir, a->merge ? SWEEP_MERGE :
	    a->resume ? SWEEP_RESUME : SWEEP_NEW, a->opt.threads,
	    s->shard, s->nshard, &err);
	int talk = !a->quiet && cluster_rank() == 0;
	int progress = talk && isatty(STDERR_FILENO);

	if (rc == FW_OK && a->resume && talk)
		printf("Resuming: %zu of %zu points already done\n",
		    job.done - job.first, job.last - job.first);
	if (rc == FW_OK && a->merge)
		rc = sweep_merge(&job, dirs, ndirs, &err);
	if (progress)
		job.progress = show_progress;
	while (rc == FW_OK && job.done < job.last) {
		rc = sweep_step(&job, &err);
		/* under MPI the rows come a batch at a time */
		if (progress && cluster_size() > 1)
			show_progress(&job);
	}
	if (progress)
		fputc('\n', stderr);
	if (rc == FW_OK)
		rc = sweep_finish(&job, &err);
	if (rc != FW_OK)
		cli_print_error(&err);
	else if (talk && job.nshard > 1)
		term_line(stdout, "shard %d of %d: points %zu to %zu written "
		    "to %s/sweep.csv", job.shard, job.nshard, job.first + 1,
		    job.last, a->outdir);
	else if (talk)
		term_line(stdout, "%zu points written to %s/sweep.csv%s",
		    fw_sweep_points(sw), a->outdir, strcmp(fw_sweep_design(sw),
		    "oneway") == 0 || strcmp(fw_sweep_design(sw), "sobol") ==
		    0 ? "; sensitivity.csv beside it" : "");
	sweep_close(&job);
	if (rc != FW_OK)
		return exit_code_of(rc);
	/* Rank 0 alone draws; a shard has no plots of its own. */
	if (cluster_rank() != 0 || s->nshard > 1 || !a->plots)
		return EXIT_DONE;
	return cli_render_sweep_plots(a->outdir, a->quiet) == FW_OK ?
	    EXIT_DONE : EXIT_FAILED;
}

int
cli_sweep(int argc, char **argv)
{
	sweep_args s = { .a.plots = 1 };
	cli_args *a = &s.a;
	char defdir[4096];
	fw_sweep *sw = NULL;
	int rc;

	rc = parse_args(argc, argv, &s);
	if (rc == EXIT_DONE)
		rc = load(a->file, a, &sw);
	if (cluster_size() > 1)
		rc = agree(sw, &s, rc);
	if (rc == EXIT_DONE && a->outdir == NULL) {
		cli_default_output(a->file, defdir, sizeof(defdir));
		a->outdir = defdir;
	}
	if (rc == EXIT_DONE && !a->dry)
		interrupt_guard(a->outdir);
	if (rc == EXIT_DONE)
		rc = a->dry ? print_points(sw) : run_points(sw, &s,
		    a->files + 1, a->nfiles - 1);
	fw_sweep_free(sw);
	free(a->sets);
	return rc;
}
