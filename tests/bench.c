/* bench.c - `make bench`: the default scenario scaled to 100,000 HCPs over
 * 60 months (and its warm-up), timed on one thread and on all threads.
 * Prints figures; it passes or fails nothing.
 * SPDX-License-Identifier: MIT */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <time.h>
#ifdef _OPENMP
#include <omp.h>
#endif

#include <gsl/gsl_errno.h>

#include "scenario.h"

#define REPEATS 5

static double
seconds(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + t.tv_nsec / 1e9;
}

static int
cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

/* Median wall time of REPEATS runs of sc on the given threads. */
static double
time_runs(const fw_scenario *sc, const fw_run_options *opt)
{
	double t[REPEATS];
	int i;

	for (i = 0; i < REPEATS; i++) {
		fw_run *run;
		fw_error err;
		double start = seconds();
		if (fw_run_alloc(sc, opt, &run, &err) != FW_OK ||
		    fw_run_step(run, fw_run_replications(run), &err) != FW_OK) {
			fprintf(stderr, "bench: %s\n", err.msg);
			exit(1);
		}
		t[i] = seconds() - start;
		fw_run_free(run);
	}
	qsort(t, REPEATS, sizeof(double), cmp);
	return t[REPEATS / 2];
}

int
main(int argc, char **argv)
{
	const char *file = argc > 1 ? argv[1] : "scenarios/default.yaml";
	fw_run_options opt = { 0 };
	fw_scenario *sc;
	fw_error err;
	double one, all, work;
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
	opt.threads = 1;
	one = time_runs(sc, &opt);
	opt.threads = threads;
	all = time_runs(sc, &opt);
	getrusage(RUSAGE_SELF, &ru);
	printf("%-10s %10s %16s %14s\n", "threads", "seconds",
	    "HCP-months/s", "ns/HCP-month");
	printf("%-10d %10.3f %16.4g %14.2f\n", 1, one, work / one,
	    one * 1e9 / work);
	printf("%-10d %10.3f %16.4g %14.2f\n", threads, all, work / all,
	    all * 1e9 / work);
	printf("\nparallel efficiency on %d threads: %.1f%%\n", threads,
	    100 * one / (all * threads));
	printf("peak resident memory: %.1f MB\n", ru.ru_maxrss / 1024.0);
	fw_scenario_free(sc);
	return 0;
}
