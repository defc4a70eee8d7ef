/* flywheel.h - public interface of libflywheel, Monte Carlo forecasts of
 * experience-led revenue.
 * SPDX-License-Identifier: MIT */
#ifndef FLYWHEEL_H
#define FLYWHEEL_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Status codes; the command-line tool uses them as exit codes. */
enum fw_status {
	FW_OK = 0,		/* success */
	FW_ERUN = 1,		/* a run failed */
	FW_EUSAGE = 2,		/* bad command line */
	FW_EINVALID = 3,	/* invalid scenario */
	FW_EIO = 4		/* unreadable or unwritable file */
};

/* Where and why something failed. line and column are 1-based, 0 when
 * unknown; path is the key path such as "segments[1].hcps". */
typedef struct fw_error {
	int code;
	char file[512];
	int line;
	int column;
	char path[256];
	char msg[512];
} fw_error;

/* Writes "file:line:column: path: message" into buf. */
void fw_error_format(const fw_error *err, char *buf, size_t size);

/* Fills err (when not NULL) with a code, a place and a message. */
void fw_error_set(fw_error *err, int code, const char *file, int line,
    int column, const char *path, const char *fmt, ...)
    __attribute__((format(printf, 7, 8)));

/* Shortest decimal form of x that reads back as the same double. */
void fw_format_real(double x, char *buf, size_t size);

/* The candidate closest to word by edit distance, or NULL if none is
 * close enough to be a likely typo. */
const char *fw_suggest(const char *word, const char *const *candidates,
    size_t n);

typedef struct fw_scenario fw_scenario;

/* Loads and validates a scenario file; *out is NULL on error. */
int fw_scenario_load(const char *file, fw_scenario **out, fw_error *err);

/* Loads a scenario from memory; name is used in error messages. */
int fw_scenario_load_string(const char *name, const char *text, size_t len,
    fw_scenario **out, fw_error *err);

/* Applies "dotted.path=value" to the baseline (and so to every variant
 * that does not set the same key itself). The value is YAML, so a
 * distribution can be given as {dist: beta, alpha: 2, beta: 5}. */
int fw_scenario_set(fw_scenario *sc, const char *assignment, fw_error *err);

/* Frees a scenario; accepts NULL. */
void fw_scenario_free(fw_scenario *sc);

/* Writes the resolved scenario: every value, defaults marked, and what
 * each variant changes. */
int fw_scenario_describe(const fw_scenario *sc, FILE *out);

const char *fw_scenario_name(const fw_scenario *sc);
const char *fw_scenario_file(const fw_scenario *sc);
int fw_scenario_horizon(const fw_scenario *sc);
uint64_t fw_scenario_replications(const fw_scenario *sc);
uint64_t fw_scenario_seed(const fw_scenario *sc);
/* Number of variants including the baseline, which is variant 0. */
size_t fw_scenario_variant_count(const fw_scenario *sc);
const char *fw_scenario_variant_name(const fw_scenario *sc, size_t v);

/* What a run may change from the scenario file; 0 keeps the file's. */
typedef struct fw_run_options {
	uint64_t replications;
	int months;
	int seed_set;		/* nonzero: use seed instead of the file's */
	uint64_t seed;
	int threads;		/* 0: OpenMP's default (OMP_NUM_THREADS) */
} fw_run_options;

typedef struct fw_run fw_run;

/* Prepares a run of every variant of sc; sc must outlive the run. Fails
 * (FW_ERUN) when the run would need more memory than the machine has. */
int fw_run_alloc(const fw_scenario *sc, const fw_run_options *opt,
    fw_run **out, fw_error *err);

/* Simulates at least one and about max_reps more replications, all
 * variants of each, on all threads. */
int fw_run_step(fw_run *run, uint64_t max_reps, fw_error *err);

uint64_t fw_run_done(const fw_run *run);
uint64_t fw_run_total(const fw_run *run);
int fw_run_threads(const fw_run *run);
/* Bytes the run's results take, the bound stated in the manual. */
size_t fw_run_memory(const fw_run *run);

typedef struct fw_sweep fw_sweep;

/* Loads and validates a sweep file and the scenario it names, and lays
 * out its design's points. */
int fw_sweep_load(const char *file, fw_sweep **out, fw_error *err);

/* Points of a sweep's design. */
size_t fw_sweep_points(const fw_sweep *sw);
size_t fw_sweep_done(const fw_sweep *sw);

void fw_sweep_free(fw_sweep *sw);

/* Frees a run; accepts NULL. */
void fw_run_free(fw_run *run);

/* Library version string. */
const char *fw_version(void);

#ifdef __cplusplus
}
#endif
#endif
