/* bench.c - `make bench`: the default scenario scaled to 100,000 HCPs over
 * 60 months (and its warm-up), timed on one thread and on all threads,
 * then on one thread on each path of the engine the processor has;
 * then, through the flywheel command, a sweep of one replication a point
 * on all threads (with the cores it kept busy), the example calibration
 * on one thread and on all, and the same run under mpirun with 1 and 2
 * processes (when built with MPI). Prints figures; it passes or fails
 * nothing.
 * SPDX-License-Identifier: MIT */
#define _GNU_SOURCE	/* sched_setaffinity, cpu_set_t */
#include "config.h"

#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#ifdef _OPENMP
#include <omp.h>
#endif

#include <gsl/gsl_errno.h>

#include "rng.h"
#include "scenario.h"

#define REPEATS 5

extern char **environ;

static double
seconds(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + t.tv_nsec / 1e9;
}

/* Processor seconds of this process, all threads. */
static double
cpu_seconds(void)
{
	struct timespec t;

	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
	return (double)t.tv_sec + t.tv_nsec / 1e9;
}

static int
cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

/* Median wall time of REPEATS runs of sc on the given threads, and the
 * median processor time in *cpu (on one thread, the time the run had the
 * processor: the figure to read on a busy machine). */
static double
time_runs(const fw_scenario *sc, const fw_run_options *opt, double *cpu)
{
	double t[REPEATS], c[REPEATS];
	int i;

	for (i = 0; i < REPEATS; i++) {
		fw_run *run;
		fw_error err;
		double start = seconds(), cstart = cpu_seconds();
		if (fw_run_alloc(sc, opt, &run, &err) != FW_OK ||
		    fw_run_step(run, fw_run_replications(run), &err) != FW_OK) {
			fprintf(stderr, "bench: %s\n", err.msg);
			exit(1);
		}
		t[i] = seconds() - start;
		c[i] = cpu_seconds() - cstart;
		fw_run_free(run);
	}
	qsort(t, REPEATS, sizeof(double), cmp);
	qsort(c, REPEATS, sizeof(double), cmp);
	*cpu = c[REPEATS / 2];
	return t[REPEATS / 2];
}

/* One thread on each path the processor has, the paths taken in turn
 * REPEATS times so that a change of the machine's load falls on all of
 * them: the median processor and wall ns per HCP-month of each. */
static void
bench_paths(const fw_scenario *sc, const fw_run_options *opt, double work)
{
	double t[FW_RNG_AVX512 + 1][REPEATS], c[FW_RNG_AVX512 + 1][REPEATS];
	const enum fw_rng_path chosen = fwi_rng_path();
	int p, i;

	printf("\none thread on each path of the engine, taken in turn:\n"
	    "%-10s %14s %14s\n", "path", "ns/HCP-month", "cpu ns/HCP-m");
	for (i = 0; i < REPEATS; i++)
		for (p = FW_RNG_SCALAR; p <= FW_RNG_AVX512; p++) {
			fw_run *run;
			fw_error err;
			double start, cstart;
			if (fwi_rng_force_path((enum fw_rng_path)p) != 0)
				continue;
			start = seconds();
			cstart = cpu_seconds();
			if (fw_run_alloc(sc, opt, &run, &err) != FW_OK ||
			    fw_run_step(run, fw_run_replications(run), &err) !=
			    FW_OK) {
				fprintf(stderr, "bench: %s\n", err.msg);
				exit(1);
			}
			t[p][i] = seconds() - start;
			c[p][i] = cpu_seconds() - cstart;
			fw_run_free(run);
		}
	fwi_rng_force_path(chosen);
	for (p = FW_RNG_SCALAR; p <= FW_RNG_AVX512; p++) {
		if (!fwi_rng_path_available((enum fw_rng_path)p))
			continue;
		qsort(t[p], REPEATS, sizeof(double), cmp);
		qsort(c[p], REPEATS, sizeof(double), cmp);
		printf("%-10s %14.2f %14.2f\n", fwi_rng_path_name(
		    (enum fw_rng_path)p), t[p][REPEATS / 2] * 1e9 / work,
		    c[p][REPEATS / 2] * 1e9 / work);
	}
}

/* Wall seconds of a shell command; a negative number if it failed. */
static double
time_command(const char *cmd)
{
	double start = seconds();

	return system(cmd) == 0 ? seconds() - start : -1;
}

/* Removes directory dir and what it holds. */
static void
rmdir_tree(const char *dir)
{
	char cmd[4096];

	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		fprintf(stderr, "bench: cannot remove %s\n", dir);
}

/* Runs argv (no shell) and waits for it: its wall seconds, and in *cpu
 * its processor seconds (user and system, all its threads); negative if
 * it failed. */
static double
time_program(char *const argv[], double *cpu)
{
	double start = seconds();
	struct rusage ru;
	pid_t pid;
	int st;

	cpu_set_t pinned, all;
	int cpu_i, spawned;

	/* A child takes this thread's processor set, which OMP_PROC_BIND
	 * narrows to one core: it gets every core instead. */
	CPU_ZERO(&all);
	for (cpu_i = 0; cpu_i < CPU_SETSIZE && cpu_i < sysconf(
	    _SC_NPROCESSORS_ONLN); cpu_i++)
		CPU_SET(cpu_i, &all);
	sched_getaffinity(0, sizeof(pinned), &pinned);
	sched_setaffinity(0, sizeof(all), &all);
	spawned = posix_spawn(&pid, argv[0], NULL, NULL, argv, environ);
	sched_setaffinity(0, sizeof(pinned), &pinned);
	if (spawned != 0 || wait4(pid, &st, 0, &ru) != pid ||
	    !WIFEXITED(st) || WEXITSTATUS(st) != 0)
		return -1;
	*cpu = (double)ru.ru_utime.tv_sec + ru.ru_utime.tv_usec / 1e6 +
	    (double)ru.ru_stime.tv_sec + ru.ru_stime.tv_usec / 1e6;
	return seconds() - start;
}

/* A sweep of 24 points of one replication on all threads: points a
 * second, and how many cores it kept busy (processor time over wall
 * time; only an idle machine gives the true figure). */
static void
bench_sweep(const char *fw, const char *srcdir)
{
	char dir[] = "/tmp/flywheel-bench.XXXXXX", cmd[4096], file[64],
	    out[64];
	char *argv[] = { (char *)fw, "sweep", "-q", "--no-plots", "-o", out,
	    file, NULL };
	double t = -1, cpu = 0;
	const int points = 24;

	if (mkdtemp(dir) == NULL) {
		printf("\nsweep: no temporary directory\n");
		return;
	}
	snprintf(file, sizeof(file), "%s/s.yaml", dir);
	snprintf(out, sizeof(out), "%s/out", dir);
	snprintf(cmd, sizeof(cmd), "sed -e "
	    "'s|^scenario: \\.\\./|scenario: %s/scenarios/|' -e "
	    "'s/^replications: .*/replications: 1/' -e 's/^points: .*/"
	    "points: %d/' %s/scenarios/sweeps/lhs.yaml >%s", srcdir, points,
	    srcdir, file);
	if (system(cmd) == 0)
		t = time_program(argv, &cpu);
	snprintf(cmd, sizeof(cmd), "rm -rf %s", dir);
	if (system(cmd) != 0 || t < 0) {
		printf("\nsweep: %s sweep failed\n", fw);
		return;
	}
	printf("\nsweep of %d points x 1 replication (lhs example, 12,000 "
	    "HCPs, 60 months) on all threads:\n%.3f s, %.2f points/s, "
	    "%.2f cores busy (processor %.3f s)\n", points, t, points / t,
	    cpu / t, cpu);
}

/* The example calibration fitted on one thread and on all: wall and
 * processor seconds, and the cores kept busy (its starting points are
 * searched side by side). */
static void
bench_calibrate(const char *srcdir, int threads)
{
	char file[4096];
	int n[2] = { 1, threads }, k;

	snprintf(file, sizeof(file), "%s/scenarios/calibration/"
	    "calibration.yaml", srcdir);
	printf("\ncalibration (the example: 3 inputs, 3 starting points, 20 "
	    "replications):\n%-10s %10s %10s %12s\n", "threads", "seconds",
	    "processor", "cores busy");
	for (k = 0; k < 2 && (k == 0 || threads > 1); k++) {
		fw_calibration *cal;
		fw_error err;
		double t, c;
		if (fw_calibration_load(file, &cal, &err) != FW_OK) {
			printf("calibration: %s\n", err.msg);
			return;
		}
		fw_calibration_set_threads(cal, n[k]);
		t = seconds();
		c = cpu_seconds();
		while (!fw_calibration_done(cal))
			if (fw_calibration_step(cal, &err) != FW_OK) {
				printf("calibration: %s\n", err.msg);
				break;
			}
		t = seconds() - t;
		c = cpu_seconds() - c;
		printf("%-10d %10.3f %10.3f %12.2f\n", n[k], t, c, c / t);
		fw_calibration_free(cal);
	}
}

/* The benchmark's run through two builds of the command, this one (fw)
 * and an older one (base, BASELINE=PROGRAM), taking turns so that a
 * change of load falls on both: the median wall and processor seconds
 * of each, side by side. */
static void
bench_baseline(const char *fw, const char *base, const char *file,
    uint64_t reps)
{
	char dir[] = "/tmp/flywheel-bench.XXXXXX", out[64], r[32];
	const char *prog[2] = { fw, base };
	double wall[2][REPEATS], cpu[2][REPEATS];
	int i, k;

	if (mkdtemp(dir) == NULL) {
		printf("\nbaseline: no temporary directory\n");
		return;
	}
	snprintf(out, sizeof(out), "%s/out", dir);
	snprintf(r, sizeof(r), "%llu", (unsigned long long)reps);
	for (i = 0; i < REPEATS; i++)
		for (k = 0; k < 2; k++) {
			char *argv[] = { (char *)prog[k], "run", "-q",
			    "--no-plots", "--months", "60", "--reps", r,
			    "--set", "segments.cardiology.hcps=33333", "--set",
			    "segments.primary-care.hcps=66667", "-o", out,
			    (char *)file, NULL };
			if ((wall[k][i] = time_program(argv, &cpu[k][i])) < 0) {
				printf("\nbaseline: %s run failed\n", prog[k]);
				rmdir_tree(dir);
				return;
			}
		}
	rmdir_tree(dir);
	for (k = 0; k < 2; k++) {
		qsort(wall[k], REPEATS, sizeof(double), cmp);
		qsort(cpu[k], REPEATS, sizeof(double), cmp);
	}
	printf("\nflywheel run of the benchmark's scenario, %s replications on "
	    "all threads,\nthis build and BASELINE in turn, median of %d "
	    "runs:\n%-10s %10s %10s\n", r, REPEATS, "program", "seconds",
	    "processor");
	for (k = 0; k < 2; k++)
		printf("%-10s %10.3f %10.3f\n", k ? "baseline" : "this",
		    wall[k][REPEATS / 2], cpu[k][REPEATS / 2]);
	printf("this build over the baseline: %.3f wall, %.3f processor "
	    "(below 1: faster)\nbaseline: %s\n", wall[0][REPEATS / 2] /
	    wall[1][REPEATS / 2], cpu[0][REPEATS / 2] / cpu[1][REPEATS / 2],
	    base);
}

/* The benchmark's run under mpirun with 1 and 2 processes of one
 * thread each. */
static void
bench_mpi(const char *fw, const char *mpirun, const char *file)
{
	char cmd[4096];
	double t[2];
	int k;

	for (k = 1; k <= 2; k++) {
		snprintf(cmd, sizeof(cmd), "d=$(mktemp -d) && "
		    "OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1 "
		    "OMP_NUM_THREADS=1 %s --oversubscribe -mca btl self,vader "
		    "-n %d %s run -q --no-plots --reps 4 --months 60 --set "
		    "segments.cardiology.hcps=33333 --set "
		    "segments.primary-care.hcps=66667 -o $d/out %s; s=$?; "
		    "rm -rf $d; exit $s", mpirun, k, fw, file);
		if ((t[k - 1] = time_command(cmd)) < 0) {
			printf("\nMPI: mpirun -n %d failed\n", k);
			return;
		}
	}
	printf("\nMPI, the same run (4 replications, tables written), one "
	    "thread a process:\n%-10s %10s %10s\n%-10d %10.3f %10.2f\n"
	    "%-10d %10.3f %10.2f\n", "processes", "seconds", "speed-up", 1,
	    t[0], 1.0, 2, t[1], t[0] / t[1]);
}

/* The value of information as flywheel run computes it (EVPI, then
 * EVPPI of each input) for 1,000 replications, 3 options and 10 inputs
 * of synthetic gains, on one core. */
static void
bench_voi(void)
{
	enum { R = 1000, V = 3, K = 10 };
	static double gain[R * V], theta[R * K];
	fw_voi_estimate evpi, eol[V], e;
	double p_best[V], share[V], start, cstart;
	fw_error err;
	size_t r, k;
	uint64_t x = 88172645463325252ULL;

	for (r = 0; r < R; r++) {
		for (k = 0; k < K; k++) {
			x ^= x << 13, x ^= x >> 7, x ^= x << 17;
			theta[r * K + k] = (double)(x >> 11) / 9007199254740992.0;
		}
		x ^= x << 13, x ^= x >> 7, x ^= x << 17;
		gain[r * V] = 0;
		gain[r * V + 1] = 1e6 * (theta[r * K] - 0.45 + 0.3 *
		    theta[r * K + 1] * theta[r * K + 2] + 0.5 *
		    ((double)(x >> 11) / 9007199254740992.0 - 0.5));
		gain[r * V + 2] = 1e6 * (0.4 * theta[r * K + 3] - 0.1);
	}
	start = seconds();
	cstart = cpu_seconds();
	if (fw_voi_perfect(gain, R, V, theta, K, &evpi, eol, p_best, share,
	    &err) != FW_OK) {
		printf("\nvalue of information: %s\n", err.msg);
		return;
	}
	for (k = 0; k < K; k++)
		if (fw_voi_partial(gain, R, V, theta, K, &k, 1, &e, &err) !=
		    FW_OK) {
			printf("\nvalue of information: %s\n", err.msg);
			return;
		}
	printf("\nvalue of information (EVPI and 10 EVPPIs) of 1,000 "
	    "replications x 3 options x 10 inputs: %.2f s (%.2f s of "
	    "processor)\n", seconds() - start, cpu_seconds() - cstart);
}

/* The scenario's YAML without its top-level correlations block, if it has
 * one, so that the plain run has independent inputs (malloc'd). */
static char *
without_correlations(const char *yaml)
{
	char *out = malloc(strlen(yaml) + 1), *o = out;
	const char *line = yaml;
	int skipping = 0;

	if (out == NULL)
		return NULL;
	while (*line != '\0') {
		size_t n = strcspn(line, "\n");
		if (line[n] == '\n')
			n++;
		if (strncmp(line, "correlations:", 13) == 0)
			skipping = 1;
		else if (line[0] != ' ' && line[0] != '-' && line[0] != '\n')
			skipping = 0;
		if (!skipping) {
			memcpy(o, line, n);
			o += n;
		}
		line += n;
	}
	*o = '\0';
	return out;
}

/* A run with three uncertain inputs, with and without correlations
 * between them, on one thread. */
static void
bench_correlated(const fw_scenario *base, const fw_run_options *o)
{
	static const char *const joined = "correlations:\n"
	    "  - {between: [experience.cx_weight, experience.trust_gain], "
	    "rank: 0.5}\n"
	    "  - {between: [friction.access, experience.trust_gain], "
	    "rank: -0.3}\n";
	fw_run_options opt = *o;
	fw_scenario *sc, *plain = NULL, *corr = NULL;
	fw_error err;
	char *yaml, *text, *both;
	double t0, t1, c0, c1;

	opt.threads = 1;
	if (fw_scenario_copy(base, &sc) != FW_OK ||
	    fw_scenario_set(sc, NULL, "experience.cx_weight", "{dist: pert, "
	    "min: 0.2, mode: 0.33, max: 0.5}", &err) ||
	    fw_scenario_set(sc, NULL, "experience.trust_gain", "{dist: pert, "
	    "min: 0.03, mode: 0.06, max: 0.1}", &err) ||
	    fw_scenario_set(sc, NULL, "friction.access", "{dist: pert, "
	    "min: 0.3, mode: 0.42, max: 0.55}", &err) ||
	    fw_scenario_yaml(sc, &yaml) != FW_OK) {
		printf("\ncorrelated inputs: could not build the scenario\n");
		return;
	}
	text = without_correlations(yaml);
	fw_free(yaml);
	if (text != NULL &&
	    (both = malloc(strlen(text) + strlen(joined) + 1)) != NULL) {
		strcpy(both, text);
		strcat(both, joined);
		if (fw_scenario_load_string("plain", text, strlen(text), &plain,
		    &err) == FW_OK && fw_scenario_load_string("correlated",
		    both, strlen(both), &corr, &err) == FW_OK) {
			t0 = time_runs(plain, &opt, &c0);
			t1 = time_runs(corr, &opt, &c1);
			printf("\nthree uncertain inputs, one thread: %.3f s "
			    "independent, %.3f s with two rank correlations "
			    "(%+.1f%%; processor %.3f s and %.3f s)\n", t0, t1,
			    100 * (t1 / t0 - 1), c0, c1);
		} else
			printf("\ncorrelated inputs: %s\n", err.msg);
		free(both);
	}
	fw_scenario_free(plain);
	fw_scenario_free(corr);
	free(text);
	fw_scenario_free(sc);
}

int
main(int argc, char **argv)
{
	const char *file = argc > 1 ? argv[1] : "scenarios/default.yaml";
	fw_run_options opt = { 0 };
	fw_scenario *sc;
	fw_error err;
	double one, all, work, cpu_one, cpu_all;
	/* the command as built: make bench names it, through libtool */
	const char *fw = argc > 2 ? argv[2] : getenv("FLYWHEEL");
	const char *mpirun = getenv("MPIRUN");
	const char *srcdir = getenv("top_srcdir");
	const char *baseline = getenv("BASELINE");
	int threads = 1;
	struct rusage ru;

	gsl_set_error_handler_off();
#ifdef _OPENMP
	threads = omp_get_max_threads();
#endif
	if (fw_scenario_load(file, &sc, &err) != FW_OK ||
	    fw_scenario_set(sc, NULL, "segments.cardiology.hcps", "33333", &err) ||
	    fw_scenario_set(sc, NULL, "segments.primary-care.hcps", "66667", &err)) {
		fprintf(stderr, "bench: %s: %s\n", file, err.msg);
		return 1;
	}
	opt.months = 60;
	opt.replications = 2 * (uint64_t)threads;
	/* The warm-up runs once a replication, for the baseline only. */
	work = (double)opt.replications * 100000.0 * (sc->warmup.value +
	    (double)fw_scenario_variant_count(sc) * 60);
	printf("flywheel %s benchmark: %s scaled to 100,000 HCPs, 60 months"
	    " after a warm-up of %g,\n%llu replications x %zu variants = "
	    "%.3g HCP-months a run, median of %d runs\n\n", fw_version(),
	    file, sc->warmup.value, (unsigned long long)opt.replications,
	    fw_scenario_variant_count(sc), work, REPEATS);
	printf("path: %s (FLYWHEEL_PATH=portable, avx2 or avx512 forces "
	    "one the processor has)\n\n", fwi_rng_path_name(fwi_rng_path()));
	opt.threads = 1;
	one = time_runs(sc, &opt, &cpu_one);
	opt.threads = threads;
	all = time_runs(sc, &opt, &cpu_all);
	getrusage(RUSAGE_SELF, &ru);
	printf("%-10s %10s %16s %14s %14s\n", "threads", "seconds",
	    "HCP-months/s", "ns/HCP-month", "cpu ns/HCP-m");
	printf("%-10d %10.3f %16.4g %14.2f %14.2f\n", 1, one, work / one,
	    one * 1e9 / work, cpu_one * 1e9 / work);
	printf("%-10d %10.3f %16.4g %14.2f %14.2f\n", threads, all,
	    work / all, all * 1e9 / work, cpu_all * 1e9 / work);
	printf("\nparallel efficiency on %d threads: %.1f%%\n", threads,
	    100 * one / (all * threads));
	printf("peak resident memory: %.1f MB\n", ru.ru_maxrss / 1024.0);
	printf("(cpu ns: processor time of all threads per HCP-month; on a "
	    "busy machine the 1-thread figure is the one to read)\n");
	opt.threads = 1;
	bench_paths(sc, &opt, work);
	if (fw != NULL && srcdir != NULL)
		bench_sweep(fw, srcdir);
	if (srcdir != NULL)
		bench_calibrate(srcdir, threads);
	if (fw != NULL && mpirun != NULL && *mpirun != '\0')
		bench_mpi(fw, mpirun, file);
	if (fw != NULL && baseline != NULL && *baseline != '\0')
		bench_baseline(fw, baseline, file, opt.replications);
	opt.replications = 2;
	bench_correlated(sc, &opt);
	bench_voi();
	fw_scenario_free(sc);
	return 0;
}
