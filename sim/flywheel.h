/* flywheel.h - libflywheel: Monte Carlo forecasts of experience-led
 * revenue. The only installed header of the library; flywheel(3) is its
 * overview and each family of functions has its own page.
 * SPDX-License-Identifier: MIT
 *
 * A scenario (fw_scenario) describes a market of healthcare professionals
 * and the variants being weighed; a run (fw_run) simulates every variant
 * of it on common random numbers and keeps the results in memory, where
 * the functions below read them: summary statistics per variant and
 * metric, monthly means and percentiles, per-replication values, the
 * values drawn for uncertain inputs, and paired comparisons. A sweep
 * (fw_sweep) is a design of points over a scenario's inputs.
 *
 * Errors. Every function that can fail returns an int status: FW_OK, or
 * the fw_status that says why (FW_EINVALID for a bad argument, FW_ENOMEM
 * when memory runs out, never one for the other), and gives what it
 * computes through its last pointer arguments, which it leaves unchanged
 * on failure unless its page says otherwise. A function can fail when it
 * allocates, reads a file or text, checks a value, looks something up by
 * name, or computes from a run. Those that take an fw_error *err fill it,
 * when not NULL, with where and why; on success *err is left as it was.
 * The only functions that return a value directly are accessors that
 * cannot fail for a valid object: they read what the object holds (a
 * name, a count, a file, a seed, the value at an index below the count
 * that goes with it, a result of a finished run) and compute nothing that
 * could run out of memory, so that a loop over a count reads them without
 * a status to check each time. Given what no valid call gives (NULL, an
 * index past the end, an unfinished run or fit), an accessor returns an
 * empty value, never follows it: NULL for a text, 0 for a count, NaN for
 * a number, "" or NaN written for a text or number it writes. Functions
 * returning void cannot fail (_free, formatting into a caller's buffer).
 * Objects come in _alloc/_load and _free pairs, and every _free accepts
 * NULL. A NULL pointer other than err and those marked "may be NULL" is
 * refused, never followed. Arrays
 * whose size a function takes from its object (room for
 * fw_run_replications() values, say) must have that size. Variants are numbered from 0, the
 * baseline; months from 1; replications from 0. Metrics and monthly
 * series are numbered by the library and named by fw_metric_name() and
 * fw_series_name(); look them up by name, as their numbering may grow
 * between versions. Money is in the scenario's currency, undiscounted
 * except for "npv" and "spend_pv" (present values).
 *
 * Threads. Distinct objects may be used from different threads at once,
 * including two runs stepping at the same time in one process, and two
 * runs of one scenario. One object must not be changed (fw_scenario_set*,
 * fw_scenario_add_variant, fw_run_step, fw_sweep_set_*, ...) while another
 * thread uses it or an object made from it (a run of a scenario, the
 * scenario of a sweep); reading an object nobody changes is safe from any
 * number of threads. A run's own parallelism is OpenMP
 * (fw_run_options.threads), and its results are the same bytes for any
 * number of threads. The library turns GSL's abort-on-error handler off on
 * first use and checks every GSL result itself; it keeps no other
 * process-wide state.
 *
 * Memory. Strings returned as const char * belong to the object they came
 * from and live as long as it does (those of functions without an object
 * argument live as long as the program). Strings returned as char * are
 * the caller's, to release with fw_free(). Arrays the caller passes are
 * filled, never kept.
 *
 * Numbers are read and printed in the C locale's form (a decimal point),
 * as in a program that has not called setlocale(LC_NUMERIC, ...).
 */
#ifndef FLYWHEEL_H
#define FLYWHEEL_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

/* ---- Status, errors and small utilities ---- */

/* What a function returns. */
enum fw_status {
	FW_OK = 0,		/* success */
	FW_ERUN = 1,		/* a run failed (e.g. results not finite) */
	FW_EINVALID = 3,	/* invalid input: a file, key, path, value,
				 * name or index */
	FW_EIO = 4,		/* a file cannot be read or written */
	FW_ENOMEM = 5		/* out of memory */
};

/* Where and why something failed. line and column are 1-based, 0 when
 * unknown; file is the file (or the name given to a _load_string) or "";
 * path is the key path such as "segments[1].hcps" or ""; msg says what is
 * wrong, in one line without a final period. Every text field is a
 * NUL-terminated string, cut to fit. */
typedef struct fw_error {
	int code;		/* an fw_status */
	char file[512];
	int line;
	int column;
	char path[256];
	char msg[512];
} fw_error;

/* Writes "file:line:column: path: message" into buf (size > 0 bytes,
 * always NUL-terminated, cut to fit), leaving out the parts not known: a
 * line without a column prints as "file:line:", an error without a file
 * or path as the message alone. 1536 bytes hold any error. */
void fw_error_format(const fw_error *err, char *buf, size_t size);

/* Fills err (when not NULL) with code, a place and a message formatted
 * as printf(3) does; file and path may be NULL for "". For clients that
 * report their own errors the way the library does. */
void fw_error_set(fw_error *err, int code, const char *file, int line,
    int column, const char *path, const char *fmt, ...)
    __attribute__((format(printf, 7, 8)));

/* A short name of a status: "ok", "run failed", "invalid input",
 * "input/output error", "out of memory"; "unknown status" for any other
 * value. */
const char *fw_status_name(int status);

/* The library's version, e.g. "0.2.0". */
const char *fw_version(void);

/* The version of the library's binary interface: the layout of the
 * structs above and below and what the functions' arguments mean. It
 * goes up whenever a program written for one would misread the other; a
 * program that binds to the library at run time (the Python package)
 * checks that fw_abi_version() is the FW_ABI_VERSION it was written
 * for. */
#define FW_ABI_VERSION 2
int fw_abi_version(void);

/* The model the library simulates, as a scenario's `model` key names it:
 * "flywheel/1". */
const char *fw_model(void);

/* How the library draws its random numbers, in one line, as a run's
 * record of its settings states it: the generator, its key and counter,
 * and how a word becomes a uniform number. */
const char *fw_rng_scheme(void);

/* Writes x in the shortest decimal form that reads back as the same
 * double into buf: a whole number below 1e15 without a fraction or
 * exponent ("1500000"), else 15, 16 or 17 significant digits as "%.*g"
 * prints them; "inf", "-inf" and "nan" for those. size 32 is enough. This
 * is how every number of the flywheel command's tables is written. */
void fw_format_real(double x, char *buf, size_t size);

/* The candidate (one of candidates[0..n-1]) closest to word by edit
 * distance (with swapped neighbours as one edit), or NULL if none is
 * close enough to be a likely typo: at most strlen(word) / 3 edits
 * away, or 2 for a shorter word. Returns a pointer into candidates. */
const char *fw_suggest(const char *word, const char *const *candidates,
    size_t n);

/* Writes "fnv1a64:" and the 16 lowercase hex digits of the FNV-1a 64
 * hash of the n bytes at bytes into buf (size 25 is enough): how flywheel
 * identifies the files a result came from. */
void fw_hash(const void *bytes, size_t n, char *buf, size_t size);

/* Writes the 64 lowercase hex digits of the SHA-256 digest (FIPS 180-4)
 * of the n bytes at bytes into buf (size 65 is enough), as sha256sum(1)
 * prints it. */
void fw_sha256(const void *bytes, size_t n, char *buf, size_t size);

/* Releases memory the library returned as char *; accepts NULL. */
void fw_free(void *p);

/* What a flywheel YAML file describes, judged from its top-level keys:
 * a sweep has `design`, a calibration `targets` or `data`. */
enum fw_file_kind { FW_FILE_SCENARIO, FW_FILE_SWEEP, FW_FILE_CALIBRATION };

/* Reads file far enough to tell its kind: a sweep has a top-level
 * `design` key, anything else is taken for a scenario. FW_EIO when it
 * cannot be read, FW_EINVALID when it is not YAML, with err filled;
 * *kind is FW_FILE_SCENARIO then. */
int fw_file_kind(const char *file, enum fw_file_kind *kind, fw_error *err);

/* ---- The table of scenario keys ---- */

/* What a key holds. */
enum fw_key_type { FW_KEY_TEXT, FW_KEY_INTEGER, FW_KEY_NUMBER,
	FW_KEY_MAPPING, FW_KEY_LIST, FW_KEY_BOOLEAN };

/* One key of a scenario or sweep file, as flywheel-scenario(5) and
 * flywheel(1) list them. Every pointer is to static text that lives as
 * long as the program. */
typedef struct fw_key_info {
	const char *file;	/* "scenario", "sweep" or "calibration" */
	const char *path;	/* "friction.access", "segments[].hcps",
				 * "variants.NAME.start_month",
				 * "parameters[].range" */
	enum fw_key_type type;
	double lo, hi;		/* range of a number; hi is HUGE_VAL when
				 * unbounded */
	int lo_open, hi_open;	/* an end of the range is excluded */
	int required;
	int has_default;	/* def is the default */
	double def;
	const char *def_text;	/* else the default in words, or NULL */
	const char *help;	/* what it means, one line */
	const char *label;	/* plain-English name for charts, e.g.
				 * "access friction" */
	const char *unit;	/* e.g. "share of scripts", "$", "months";
				 * "" for a pure number */
} fw_key_info;

/* Number of keys, of scenario and sweep files together. */
size_t fw_key_count(void);

/* Fills *out with key i (0 <= i < fw_key_count()): the keys of
 * scenario files in the order of flywheel-scenario(5), then those of
 * sweep files; FW_EINVALID past the end, *out unchanged. */
int fw_key_get(size_t i, fw_key_info *out);

/* Fills *out with the key a dotted path of a scenario names, such as
 * "friction.access", "segments.cardiology.trust" or
 * "channels.email.reach" (element names are not checked); FW_EINVALID,
 * *out unchanged, if it names none. */
int fw_key_lookup(const char *path, fw_key_info *out);

/* Writes the plain-English name of the input at a dotted path into buf
 * (at most size bytes), as every chart, table and page names it:
 * "friction.access" -> "access friction", "segments.cardiology.trust"
 * -> "trust (cardiology)"; a variant's own ("fix-access:friction.access")
 * says so ("access friction in fix-access"). The path itself when no key
 * has it; "" for NULL. */
void fw_key_label(const char *path, char *buf, size_t size);

/* Writes the range of key i in words into buf, e.g. "number in [0, 1]",
 * "integer >= 1", "text"; "" past the end. 64 bytes are enough. */
void fw_key_range_text(size_t i, char *buf, size_t size);

/* Why key i's upper limit (and for some keys its lower one) is where it
 * is, when it is no natural end of the quantity, e.g. "no HCP is touched
 * more than 1000 times a month, all channels together"; "" otherwise.
 * These limits keep every run finite and bounded in time and memory. */
const char *fw_key_limit(size_t i);

/* ---- Scenarios ---- */

typedef struct fw_scenario fw_scenario;

/* Loads and validates a scenario file into a new scenario, the caller's
 * to free with fw_scenario_free(). FW_EIO when the file cannot be read,
 * FW_EINVALID when it is not a valid scenario (err names the line,
 * column and key), FW_ENOMEM; *out is NULL on error. */
int fw_scenario_load(const char *file, fw_scenario **out, fw_error *err);

/* The same from the len bytes at text (need not be NUL-terminated); name
 * stands for the file in messages, fw_scenario_file() and results. */
int fw_scenario_load_string(const char *name, const char *text, size_t len,
    fw_scenario **out, fw_error *err);

/* A deep copy of sc into *out, independent of sc; FW_ENOMEM (*out NULL)
 * on failure. */
int fw_scenario_copy(const fw_scenario *sc, fw_scenario **out);

/* Frees a scenario; accepts NULL. Free its runs first. */
void fw_scenario_free(fw_scenario *sc);

/* Sets the key at a dotted path (as a variant's `set` writes it, e.g.
 * "friction.access" or "channels.email.reach") to value, which is YAML
 * text: a number, or a distribution such as
 * "{dist: beta, alpha: 2, beta: 5}". With variant NULL the baseline
 * changes, and so does every variant that does not set that key itself
 * (as the command's --set does); with a variant's name, that variant
 * alone, which then sets the key itself ("baseline" names the baseline
 * alone). The value is checked as in a file. FW_EINVALID when the
 * variant, the path or the value is wrong (err says which), FW_ENOMEM.
 * On failure the baseline may have changed while a variant did not:
 * set a copy (fw_scenario_copy()) when the scenario must stay whole. */
int fw_scenario_set(fw_scenario *sc, const char *variant, const char *path,
    const char *value, fw_error *err);

/* The same with a number x, without a text round trip; x is checked
 * against the key's type and range as a value in a file is. */
int fw_scenario_set_number(fw_scenario *sc, const char *variant,
    const char *path, double x, fw_error *err);

/* Stores in *x the value of the key at path in a variant (NULL: the
 * baseline) at quantile u: F^-1(u) for a distribution, where u must be
 * in (0, 1), and the value itself for a fixed number (u is then
 * ignored). FW_EINVALID for an unknown variant or path, or u outside
 * (0, 1) for a distribution. */
int fw_scenario_value(const fw_scenario *sc, const char *variant,
    const char *path, double u, double *x, fw_error *err);

/* Stores in q[0], q[1], q[2] the 5th, 50th and 95th percentiles of
 * value, the YAML text a scenario gives the key at path (a number, all
 * three that number, or a distribution such as
 * "{dist: pert, min: 0.05, mode: 0.1, max: 0.2}"), without a scenario:
 * how a report says a value in words. FW_EINVALID (err says why) when
 * path names no key or value does not read as that key's value. */
int fw_value_percentiles(const char *path, const char *value, double q[3],
    fw_error *err);

/* Sets *uncertain to 1 when the key at path holds a distribution in a
 * variant (NULL: the baseline), else 0; FW_EINVALID when path or variant
 * names nothing. */
int fw_scenario_is_uncertain(const fw_scenario *sc, const char *variant,
    const char *path, int *uncertain);

/* Adds a variant named name, last in the order of variants, equal to the
 * variant `from` (NULL: the baseline) and without a description, to be
 * changed with fw_scenario_set*. FW_EINVALID if the name is taken or not
 * a valid name, or `from` names no variant; FW_ENOMEM. */
int fw_scenario_add_variant(fw_scenario *sc, const char *name,
    const char *from, fw_error *err);

/* Removes the named variant (not the baseline); the variants after it
 * move down one place. FW_EINVALID if there is no such variant. */
int fw_scenario_remove_variant(fw_scenario *sc, const char *name,
    fw_error *err);

/* Sets *yaml to the resolved scenario as YAML: every value (defaults
 * marked), and what each variant changes against the baseline. The text
 * is itself a valid scenario, the caller's to release with fw_free().
 * FW_ENOMEM (*yaml NULL) when out of memory. */
int fw_scenario_yaml(const fw_scenario *sc, char **yaml);

/* One way a variant differs from the baseline, as fw_scenario_yaml()
 * lists it: a value it sets (path such as "friction.access" or
 * "channels.email.reach"; from and to are the baseline's value and the
 * variant's as a scenario file writes them, a number or a distribution),
 * or a channel it adds or removes (path "channels.NAME", from empty, to
 * "added" or "removed"). */
typedef struct fw_change {
	char path[256];
	char from[200];
	char to[200];
} fw_change;

/* Number of changes variant v makes to the baseline; 0 for the baseline
 * and past the end. */
size_t fw_scenario_change_count(const fw_scenario *sc, size_t v);

/* Change i of variant v (0 <= i < fw_scenario_change_count()): values in
 * the key table's order, then channels removed, then channels added;
 * FW_EINVALID past the end. */
int fw_scenario_change(const fw_scenario *sc, size_t v, size_t i,
    fw_change *out);

/* The scenario's `name`. */
const char *fw_scenario_name(const fw_scenario *sc);
/* The file it was loaded from, or the name given to _load_string. */
const char *fw_scenario_file(const fw_scenario *sc);
/* "fnv1a64:" and 16 hex digits of the bytes loaded (fw_hash()); changes
 * made since (fw_scenario_set*) do not change it. */
const char *fw_scenario_hash(const fw_scenario *sc);
/* The SHA-256 of the same bytes (fw_sha256()), as sha256sum(1) prints
 * that of the file. */
const char *fw_scenario_sha256(const fw_scenario *sc);
/* The changes made since loading (fw_scenario_set*), in order: change i
 * (0 <= i < fw_scenario_override_count()) sets *variant (NULL: the
 * baseline), *path and *value (the value as given; a number as
 * fw_format_real() writes it), strings the scenario owns; copies
 * (fw_scenario_copy()) keep them. FW_EINVALID past the end. */
size_t fw_scenario_override_count(const fw_scenario *sc);
int fw_scenario_override(const fw_scenario *sc, size_t i,
    const char **variant, const char **path, const char **value);
/* The file's horizon_months, replications and seed (1 when the file
 * gives none). */
int fw_scenario_horizon(const fw_scenario *sc);
uint64_t fw_scenario_replications(const fw_scenario *sc);
uint64_t fw_scenario_seed(const fw_scenario *sc);
/* Sets *asked to 1 when the scenario asks for the report named under its
 * `report` key ("leakage"), else 0; FW_EINVALID for a name that is no
 * report. */
int fw_scenario_report(const fw_scenario *sc, const char *name, int *asked);
/* The fit table of the calibration that made the scenario (its
 * `calibration` key), as seen from the scenario file's directory, or
 * NULL when the scenario names none. The file need not exist. */
const char *fw_scenario_calibration(const fw_scenario *sc);
/* Names table (relative to the scenario's file; NULL: none) as that fit
 * table, written back by fw_scenario_yaml(). FW_ENOMEM on failure. */
int fw_scenario_set_calibration(fw_scenario *sc, const char *table);
/* The groups of uncertain inputs the file's report.voi_groups names:
 * how many, the size of group g, and its input k (NULL past the end). */
size_t fw_scenario_voi_group_count(const fw_scenario *sc);
size_t fw_scenario_voi_group_size(const fw_scenario *sc, size_t g);
const char *fw_scenario_voi_group_path(const fw_scenario *sc, size_t g,
    size_t k);
/* Number of variants including the baseline, which is variant 0; the
 * others are numbered in the order of the file, then of
 * fw_scenario_add_variant(). */
size_t fw_scenario_variant_count(const fw_scenario *sc);
/* Name of variant v ("baseline" for 0), NULL past the end. */
const char *fw_scenario_variant_name(const fw_scenario *sc, size_t v);
/* Variant v's description, NULL when it has none or past the end. */
const char *fw_scenario_variant_description(const fw_scenario *sc,
    size_t v);
/* Variant v's label and colour ("#RRGGBB") as its file gives them, NULL
 * when it gives none or past the end. */
const char *fw_scenario_variant_label(const fw_scenario *sc, size_t v);
const char *fw_scenario_variant_colour(const fw_scenario *sc, size_t v);
/* Sets *v to the index of the named variant; FW_EINVALID if there is
 * none. */
int fw_scenario_variant_index(const fw_scenario *sc, const char *name,
    size_t *v);
/* Months of the baseline simulated before month 1 (warmup_months). */
int fw_scenario_warmup(const fw_scenario *sc);
/* The month variant v's changes start in (1 for the baseline), and the
 * months they take to phase in after it (start_month, ramp_months); 0
 * past the end. */
int fw_scenario_variant_start(const fw_scenario *sc, size_t v);
int fw_scenario_variant_ramp(const fw_scenario *sc, size_t v);

/* ---- Runs ---- */

/* The most threads a run or a calibration's evaluation asks for;
 * fw_max_threads() gives it to a caller that cannot read a macro (a
 * binding), as fw_key_lookup() gives every other limit, a key's range. */
#define FW_MAX_THREADS 1024
int fw_max_threads(void);

/* What a run may change from the scenario file; a field left 0 keeps the
 * file's. fw_run_alloc() refuses (FW_EINVALID) replications and months
 * above the ranges of the keys replications and horizon_months
 * (fw_key_lookup()) and threads outside 0 .. FW_MAX_THREADS. */
typedef struct fw_run_options {
	uint64_t replications;
	int months;
	int seed_set;		/* nonzero: use seed instead of the file's */
	uint64_t seed;
	int threads;		/* 0: OpenMP's default (OMP_NUM_THREADS,
				 * else every core) */
} fw_run_options;

typedef struct fw_run fw_run;

/* Prepares a run of every variant of sc, with room for all its results:
 * the caller's, to free with fw_run_free(). sc must outlive the run and
 * not change while it lives; copy it first (fw_scenario_copy()) to go on
 * changing it. FW_EINVALID when an option is out of range, or when a
 * variant changes the number of HCPs and also follows a warm-up, starts after month 1 or ramps (it starts
 * from the baseline's state, which has the baseline's HCPs); FW_ENOMEM
 * when the results would not fit in the machine's memory (err says how
 * much they need) or memory runs out; *out is NULL on error. */
int fw_run_alloc(const fw_scenario *sc, const fw_run_options *opt,
    fw_run **out, fw_error *err);

/* Simulates max_reps more replications (at least one, at most those
 * left), all variants of each, on the run's threads, and returns when
 * they are done; progress is fw_run_done(). A step of a replication a
 * thread keeps every thread busy and returns soon (for progress and
 * interrupts). How the replications are cut into steps changes no
 * result. FW_ERUN when a result is not finite or a
 * distribution draws a value that is not (err names the variant and the
 * replication), FW_ENOMEM; a run that failed has no results. */
int fw_run_step(fw_run *run, uint64_t max_reps, fw_error *err);

/* Simulates every replication not yet done, in one call; FW_OK at once
 * when there are none. Errors as fw_run_step(). */
int fw_run_finish(fw_run *run, fw_error *err);

/* Frees a run and its results; accepts NULL. */
void fw_run_free(fw_run *run);

/* ---- A run in parts, for a program that spreads one over processes ----
 * A run's replications form fixed blocks, the same whatever the threads.
 * Each block is simulated by fw_run_blocks in one process, or copied in
 * with fw_run_unpack from what fw_run_pack gave in another (a process of
 * the same build, with the same scenario and options); once every block
 * is there exactly once, the run is finished and gives the same results,
 * to the bit, as one simulated whole. Use either these or fw_run_step. */
uint64_t fw_run_block_count(const fw_run *run);
/* Simulates blocks first .. first + n - 1 on the run's threads. */
int fw_run_blocks(fw_run *run, uint64_t first, uint64_t n, fw_error *err);
/* Bytes of the results of those blocks, and the results into buf. */
size_t fw_run_pack_size(const fw_run *run, uint64_t first, uint64_t n);
void fw_run_pack(const fw_run *run, uint64_t first, uint64_t n, void *buf);
/* Takes the results of those blocks from buf; FW_EINVALID if size is not
 * theirs. */
int fw_run_unpack(fw_run *run, uint64_t first, uint64_t n, const void *buf,
    size_t size, fw_error *err);

/* The scenario the run was made from. */
const fw_scenario *fw_run_scenario(const fw_run *run);
/* Replications done so far, and in all. */
uint64_t fw_run_done(const fw_run *run);
uint64_t fw_run_replications(const fw_run *run);
/* The horizon, seed and number of threads the run uses. */
int fw_run_months(const fw_run *run);
uint64_t fw_run_seed(const fw_run *run);
int fw_run_threads(const fw_run *run);
/* Wall-clock seconds spent in fw_run_step() so far. */
double fw_run_elapsed(const fw_run *run);
/* Bytes the run's results take, the bound stated in the manual. */
size_t fw_run_memory(const fw_run *run);

/* ---- Results of a finished run ---- */

/* Results are read once every replication is done (fw_run_finish()
 * returned FW_OK): before that, the functions below that return a status
 * return FW_EINVALID, those that return a number NaN. Bad indices (of a
 * variant, metric, series, month, replication or draw) are treated the
 * same way. */

/* Per-replication metrics (totals over the horizon, or the state at its
 * end): "npv", "revenue", "cash", "gap_value", ..., numbered 0 ..
 * fw_metric_count() - 1. The name is NULL past the end. */
size_t fw_metric_count(void);
const char *fw_metric_name(size_t k);
/* Sets *k to the index of the named metric; FW_EINVALID if there is
 * none. */
int fw_metric_index(const char *name, size_t *k);

/* Monthly series: "revenue", "patients", "adopter", ..., numbered 0 ..
 * fw_series_count() - 1. The name is NULL past the end; looking up a name
 * that is none is FW_EINVALID. */
size_t fw_series_count(void);
const char *fw_series_name(size_t k);
int fw_series_index(const char *name, size_t *k);
/* Whether the run keeps series k per replication, so that it has
 * percentiles and per-replication values (fw_run_month_value()); every
 * series has its mean. */
int fw_series_has_percentiles(size_t k);

/* Statistics across replications (percentiles by linear interpolation
 * between order statistics, as R's type 7; sd with n - 1; se = sd /
 * sqrt(n); sd and se NaN for one value). */
typedef struct fw_stats {
	double mean, sd, se, min, p5, p25, p50, p75, p95, max;
	double es5;		/* expected shortfall: the mean of the
				 * ceil(0.05 n) lowest values */
} fw_stats;

/* Statistics of the numbers x[0..n-1] (none NaN), as summary.csv gives
 * them; sorts x in place. Every field is NaN for n = 0. */
void fw_stats_of(double *x, size_t n, fw_stats *out);

/* Statistics of metric k of variant v over the replications. FW_ENOMEM
 * when the copy it sorts cannot be allocated. */
int fw_run_stats(const fw_run *run, size_t v, size_t k, fw_stats *out);

/* Metric k of variant v in replication rep. */
double fw_run_value(const fw_run *run, uint64_t rep, size_t v, size_t k);

/* Metric k of variant v in every replication: x, with room for
 * fw_run_replications() values, gets replication r's in x[r]. */
int fw_run_values(const fw_run *run, size_t v, size_t k, double *x);

/* A monthly series at one month: the mean over replications, and the
 * 5th, 50th and 95th percentiles (NaN for a series without them). */
typedef struct fw_band {
	double mean, p5, p50, p95;
} fw_band;

/* The band of series `series` of variant v at month (1 ..
 * fw_run_months()); FW_ENOMEM when the copy it sorts cannot be
 * allocated. */
int fw_run_month(const fw_run *run, size_t v, int month, size_t series,
    fw_band *out);

/* Series k (one with percentiles) of variant v in replication rep at
 * month; NaN for a series the run does not keep. Kept series are stored
 * in single precision. */
double fw_run_month_value(const fw_run *run, uint64_t rep, size_t v,
    int month, size_t series);

/* Series `series` (one with percentiles) of variant v in every
 * replication and month: x, with room for fw_run_replications() times
 * fw_run_months() values, gets replication r's month t in
 * x[r * fw_run_months() + t - 1]. FW_EINVALID for a series the run does
 * not keep. */
int fw_run_month_values(const fw_run *run, size_t v, size_t series,
    double *x);

/* The uncertain inputs of the scenario (the distinct dotted paths that
 * hold a distribution in some variant, numbered 0 ..
 * fw_run_draw_count() - 1 in the order they first appear, baseline
 * first) and the value each replication drew for them. The path is NULL
 * past the end. */
size_t fw_run_draw_count(const fw_run *run);
const char *fw_run_draw_path(const fw_run *run, size_t i);
/* The value input i drew in replication rep of variant v; NaN when
 * variant v has no distribution at that path. */
double fw_run_draw(const fw_run *run, uint64_t rep, size_t v, size_t i);
/* The same for every replication: x, with room for
 * fw_run_replications() values, gets replication r's in x[r]. */
int fw_run_draws(const fw_run *run, size_t v, size_t i, double *x);

/* ---- Value of information (fw_voi(3), the manual's section on it) ---- */

/* An estimate and its standard error. */
typedef struct fw_voi_estimate {
	double value, se;
} fw_voi_estimate;

/* The data the value of information is estimated from: gain (room for
 * replications x variants) gets replication r's NPV of variant v less
 * the baseline's in gain[r * variants + v]; theta (room for
 * replications x fw_run_draw_count()) gets the value input i drew in
 * replication r in theta[r * count + i] (as the first variant that
 * draws it drew it). */
int fw_run_voi_data(const fw_run *run, double *gain, double *theta);
/* Expected value of partial perfect information about inputs use[0 ..
 * nuse-1] (columns of theta, nrep x ninput) for a choice among nopt
 * options with paired gains gain (nrep x nopt): what knowing those
 * inputs before choosing is worth on average, estimated by regressing
 * each option's gains on them, market randomness left as noise. */
int fw_voi_partial(const double *gain, size_t nrep, size_t nopt,
    const double *theta, size_t ninput, const size_t *use, size_t nuse,
    fw_voi_estimate *out, fw_error *err);
/* The same for every input (the expected value of perfect information),
 * with each option's expected opportunity loss eol[d], its chance
 * p_best[d] of being the best once the inputs are known, and the share
 * explained[d] of the variance of its gains that the inputs explain
 * (the rest is market randomness; NaN for gains that never vary): room
 * for nopt each. */
int fw_voi_perfect(const double *gain, size_t nrep, size_t nopt,
    const double *theta, size_t ninput, fw_voi_estimate *evpi,
    fw_voi_estimate *eol, double *p_best, double *explained,
    fw_error *err);

/* ---- Paired comparison (common random numbers) ---- */

/* Statistics of the per-replication difference of a metric between two
 * variants: its mean and the 95% t interval of the mean (NaN for one
 * replication), its percentiles, and the share of replications where it
 * is above 0. */
typedef struct fw_paired {
	double mean, lo95, hi95;
	double p5, p50, p95;
	double p_positive;
} fw_paired;

/* Metric k of variant v minus that of variant against, paired by
 * replication. FW_ENOMEM when the differences cannot be allocated. */
int fw_run_paired(const fw_run *run, size_t v, size_t against, size_t k,
    fw_paired *out);

/* The mean gain of variant v over the baseline in metric k (the mean of
 * fw_run_paired() against variant 0), and in monthly series k at month
 * (its mean less the baseline's): what compare.csv and paired.csv hold.
 * NaN where there is none, as fw_run_value() gives it. */
double fw_run_gain(const fw_run *run, size_t v, size_t k);
double fw_run_month_gain(const fw_run *run, size_t v, int month, size_t k);

/* Statistics of paired differences d[0..n-1] computed elsewhere, as
 * fw_run_paired gives them; sorts d. */
void fw_paired_of(double *d, size_t n, fw_paired *out);

/* The cumulative cash gain of variant v over the baseline from month 1
 * to month (inclusive): mean and 95% interval of the mean, and the 5th,
 * 50th and 95th percentiles of the paired per-replication gain. */
typedef struct fw_gain {
	double mean, lo95, hi95;
	double p5, p50, p95;
} fw_gain;

int fw_run_cumulative_gain(const fw_run *run, size_t v, int month,
    fw_gain *out);

/* Sets *month to the first month from which the mean cumulative cash
 * gain of v over against stays at or above 0 to the horizon, 0 when it
 * ends below 0. FW_EINVALID for a bad index or an unfinished run,
 * FW_ENOMEM. */
int fw_run_payback(const fw_run *run, size_t v, size_t against,
    int *month);

/* Sets *ratio to v's mean revenue gain over against in the last full
 * year divided by that of the first year: NaN with fewer than two full
 * years or no first-year gain. Errors as fw_run_payback(). */
int fw_run_compounding(const fw_run *run, size_t v, size_t against,
    double *ratio);

/* ---- The run's tables (fw_run_write_tables(3)) ---- */

/* The tables of a run, as flywheel run writes them into its output
 * directory; fw_table_name() gives each file's name ("summary.csv"),
 * NULL past the last. */
enum fw_table { FW_TABLE_SUMMARY, FW_TABLE_TIMESERIES,
	FW_TABLE_REPLICATIONS, FW_TABLE_COMPARE, FW_TABLE_PAIRED,
	FW_TABLE_RUN_JSON, FW_TABLE_COUNT };
const char *fw_table_name(size_t t);

/* What run.json records beside the run itself: the command line, when
 * the run finished ("2026-12-07T19:25:19Z"), the scenario's fit table
 * as named from the results directory (NULL: as the scenario names
 * it), and the processes that ran it (0 counts as 1). */
typedef struct fw_run_record {
	const char *command_line;
	const char *finished;
	const char *calibration;
	int processes;
} fw_run_record;

/* Writes each table t of a finished run into the descriptor fd[t] (room
 * for FW_TABLE_COUNT; a negative one is skipped), byte for byte as the
 * command writes them; rec may be NULL. The descriptors stay open and
 * are the caller's: where the files go, and that none is left half
 * written, is the caller's to see to. FW_EINVALID for an unfinished run,
 * FW_EIO when a descriptor cannot be written, FW_ENOMEM; err filled. */
int fw_run_write_tables(const fw_run *run, const fw_run_record *rec,
    const int *fd, fw_error *err);

/* Writes s as one CSV field, as the tables hold text: quoted when it
 * holds a comma, a quote or a line break, and with a leading ' when it
 * starts with = + - @ or a tab or carriage return, which spreadsheets
 * would take for a formula. */
void fw_write_csv_text(FILE *f, const char *s);
/* Writes s as a JSON string: quote and backslash escaped, control
 * characters as \u00XX. */
void fw_write_json_text(FILE *f, const char *s);

/* ---- The recommendation (fw_recommend(3)) ---- */

/* Which option a finished run recommends, and how sure it is; the
 * console, the results workbook, the charts and the board pack all say
 * what this says. The call, from the leader's paired NPV difference with
 * the runner-up (with the baseline when there is one option),
 * replication by replication:
 *   FW_CALL_CLEAR   its 5th percentile is above zero (and so is that of
 *                   the leader's gain over the baseline);
 *   FW_CALL_CLOSE   the leader comes out ahead in fewer than 75% of the
 *                   replications, against the runner-up or the baseline
 *                   (the rival named by fw_recommendation.rival);
 *   FW_CALL_LIKELY  anything between;
 *   FW_CALL_KEEP    the leader does not gain NPV on average;
 *   FW_CALL_NONE    the scenario holds the baseline only. */
enum fw_call { FW_CALL_NONE, FW_CALL_KEEP, FW_CALL_CLOSE, FW_CALL_LIKELY,
	FW_CALL_CLEAR };

/* One option (a variant) against the baseline. Money in dollars; NaN
 * where not known. The tie-breakers of a close call are its payback,
 * program_cost and npv_p5 (the downside). */
typedef struct fw_option {
	size_t variant;		/* its number in the scenario, 1 .. */
	const char *name;	/* the variant's name */
	double mean, p5, p50, p95;	/* NPV less the baseline's, paired */
	double p_ahead;		/* share of replications that gain > 0 */
	double npv_p5;		/* 5th percentile of its own NPV */
	int payback;		/* month the mean cumulative cash gain stays
				 * at or above 0 from; 0: none */
	double compounding;	/* fw_run_compounding() against the baseline */
	double spend;		/* its own spend, present value, mean */
	double program_cost;	/* its own programme cost, mean */
	double cost;		/* spend less the baseline's, PV, paired mean */
	double roi;		/* mean gain per dollar of cost; NaN: cost <= 0 */
} fw_option;

/* The recommendation: options ranked by mean gain (ties in the file's
 * order), the leader first. The lead_* figures are the leader's NPV less
 * the runner-up's, paired (NaN with fewer than two options). p_best is
 * the share of replications in which no other choice, the baseline
 * included, has a higher NPV than the leader. opt is the
 * recommendation's own, released by fw_recommendation_free(); the names
 * point into the run's scenario (or the names given to fw_recommend()). */
typedef struct fw_recommendation {
	enum fw_call call;
	size_t n;		/* options */
	fw_option *opt;		/* [n], best first */
	uint64_t reps;
	int months;
	size_t leader, runner_up;	/* variant numbers; 0: none */
	size_t rival;		/* a close call is close against this
				 * variant (0: the baseline) */
	double lead_mean, lead_p5, lead_p95, lead_p_ahead;
	double p_best;
} fw_recommendation;

/* The recommendation of a finished run. FW_EINVALID for an unfinished
 * run or NULL arguments, FW_ENOMEM; out is cleared on failure. */
int fw_run_recommend(const fw_run *run, fw_recommendation *out);

/* The same from figures read elsewhere (a results directory): npv holds
 * reps x nvariant NPVs, replication r's of variant v at
 * npv[r * nvariant + v], the baseline as variant 0; opt[0 .. nvariant-2]
 * give variant, name, payback, compounding, spend, program_cost and cost
 * of variants 1 .. nvariant-1; the rest of each is computed. */
int fw_recommend(const double *npv, uint64_t reps, size_t nvariant,
    int months, const fw_option *opt, fw_recommendation *out);

void fw_recommendation_free(fw_recommendation *rec);

/* The recommendation in words, each phrase chosen from the figures it
 * stands beside: a short title ("Recommendation: fix-access", "A close
 * call: ..."); the answer in sentences (the leader's gain and its
 * 5th-95th percentile, how often it beats the baseline and the
 * runner-up, payback, programme cost and ROI); and one line on option i
 * (in rank order). Each writes at most size bytes, always terminated. */
void fw_recommendation_title(const fw_recommendation *rec, char *buf,
    size_t size);
void fw_recommendation_answer(const fw_recommendation *rec, char *buf,
    size_t size);
void fw_recommendation_line(const fw_recommendation *rec, size_t i,
    char *buf, size_t size);

/* The words those are made of: dollars in millions to one decimal
 * ("$288.1M", "-$18.4M", "n/a" for NaN); a share of reps replications
 * ("in all 1000 replications", "in 97% of replications"); a horizon
 * ("over 5 years", "over 30 months"). */
void fw_format_money(double x, char *buf, size_t size);
void fw_format_share(double p, uint64_t reps, char *buf, size_t size);
void fw_format_horizon(int months, char *buf, size_t size);

/* ---- How an option is shown (fw_option_label(3)) ---- */

/* Characters of a label made from a description. */
#define FW_OPTION_LABEL_CHARS 32

/* The label of the option keyed name, as every chart, page and workbook
 * sheet shows it: label when given (not NULL or ""), else description
 * shortened to its first phrase of at most FW_OPTION_LABEL_CHARS
 * characters, else name. Writes at most size bytes, terminated. */
void fw_option_label(const char *name, const char *label,
    const char *description, char *buf, size_t size);

/* The colours ("#RRGGBB") of n options, the baseline first: grey for
 * the baseline, given[v] where given (given or given[v] NULL or "":
 * none), else one of a palette no HCP state uses, chosen by the name's
 * hash, so that an option has the same colour in every run, pack and
 * workbook; two options that hash alike are told apart in the order of
 * their names, never of the file. */
void fw_option_colours(const char *const *names, const char *const *given,
    size_t n, char (*colour)[8]);

/* ---- The results workbook (fw_book(3)) ---- */

/* results.xlsx: a finished run as a finance model. Money is stored in
 * dollars and shown in $M; every sheet has its header row frozen and is
 * set to print one page wide. Sheets: Summary (the recommendation, each
 * option's NPV and gain with their 5th-95th percentiles, charts in the
 * options' colours), Statistics (per option: mean, SD, percentiles 1 to
 * 99 and the chance of a loss, as formulas over the sheet NPV by
 * replication, which a spreadsheet recalculates), Inputs (every input:
 * its distribution and parameters as numbers, and its 5th, 50th and 95th
 * percentiles), Compare (each option's paired change in every metric),
 * Time series, Replications, NPV by replication, Tornado (when some input
 * is uncertain), any sheets given in table (leakage, calibration), and
 * Settings (scenario file and SHA-256, seed as exact text, replications,
 * horizon, discount rate, version, command line).
 *
 * An fw_book holds the figures: fw_run_book() fills one from a finished
 * run, a caller that read a results directory fills its own. Pointers
 * are the caller's, never freed by fw_book_write(). */

/* A sheet worked out above the library (a leakage decomposition, a
 * calibration): cells row by row, cell (i, j) at i * ncol + j; a cell is
 * text where text[] is not NULL, else the number num[] (NaN: empty).
 * kind[] says how each cell shows: 't' text, 'n' a number, '$' money
 * (dollars shown in $M), '%' a share shown in per cent, 'i' a whole
 * number. */
typedef struct fw_book_table {
	const char *sheet;		/* at most 31 bytes */
	const char *title;		/* the sheet's first line */
	const char *note;		/* a line under it; may be NULL */
	size_t ncol, nrow;
	const char *const *head;	/* [ncol] */
	const char *kind;		/* [nrow * ncol] */
	const char *const *text;	/* [nrow * ncol]; may be NULL */
	const double *num;		/* [nrow * ncol] */
} fw_book_table;

typedef struct fw_book {
	/* The run */
	const char *scenario_name, *scenario_file, *scenario_sha256;
	const char *version, *model, *finished, *command_line;
	const char *calibration;	/* fit table that made the scenario;
					 * may be NULL */
	uint64_t seed, reps;
	int months;
	double discount_rate;		/* per year; NaN: not known */
	/* The options, the baseline first */
	size_t nvariant;
	const char *const *name;	/* [nvariant] */
	const char *const *label;	/* [nvariant] shown in headers; may
					 * be NULL: the names */
	const uint32_t *colour;		/* [nvariant] 0xRRGGBB; may be NULL:
					 * the board pack's order */
	const fw_recommendation *rec;
	/* Metric k of variant v in replication r:
	 * value[(r * nvariant + v) * nmetric + k] */
	size_t nmetric;
	const char *const *metric;	/* [nmetric], "npv" among them */
	const double *value;
	/* The uncertain inputs and what replication r of variant v drew:
	 * draw[(r * nvariant + v) * ndraw + i], NaN: none */
	size_t ndraw;
	const char *const *draw_path;
	const double *draw;
	/* Series s of variant v at month t (1 .. months):
	 * band[(v * nseries + s) * months + t - 1] */
	size_t nseries;
	const char *const *series;	/* [nseries], "revenue" among them */
	const fw_band *band;
	/* The inputs: every one from the scenario; without it (may be
	 * NULL), the changes: change[4 * i ..] is option, path, the
	 * baseline's value and the option's, as text */
	const fw_scenario *scenario;
	size_t nchange;
	const char *const *change;
	/* Sheets added after the run's own */
	size_t ntable;
	const fw_book_table *table;
	void *own;			/* what fw_run_book() allocated */
} fw_book;

/* Fills *out from a finished run (its scenario, recommendation, metrics,
 * draws and series; each option's label and colour as the command shows
 * them (fw_option_label(), fw_option_colours()), the recommendation in
 * those labels); version, finished and command_line
 * are left NULL for the caller. Release with fw_book_free(). FW_EINVALID for an
 * unfinished run, FW_ENOMEM; *out is cleared on failure. */
int fw_run_book(const fw_run *run, fw_book *out);
void fw_book_free(fw_book *book);

/* fw_run_book() and fw_book_write() in one, for a caller with no sheets
 * of its own (Python, R): the run's workbook to file, with this
 * library's version, the time now as the run's finish and command_line
 * (may be NULL) in its Settings. */
int fw_run_write_workbook(const fw_run *run, const char *file,
    const char *command_line, fw_error *err);

/* Writes the workbook to file, through a temporary file beside it that
 * is renamed: all or nothing. FW_EINVALID for figures that do not hold
 * together, FW_EIO (err naming the file) when it cannot be written,
 * FW_ENOMEM. */
int fw_book_write(const fw_book *book, const char *file, fw_error *err);

/* What an uncertain input does to a gain (the tornado's bar): over the
 * n replications, the mean gain where the input drew its lowest tenth,
 * and its highest tenth, each less the mean gain over all (low, high);
 * the input's mean in each tenth (x_low, x_high) and its median draw.
 * FW_EINVALID with fewer than 20 replications or an input that drew one
 * value throughout (nothing to rank), FW_ENOMEM. */
typedef struct fw_swing {
	double low, high;
	double x_low, x_high, x_median;
	double mean;		/* the mean gain over all replications */
} fw_swing;

int fw_swing_of(const double *gain, const double *draw, size_t n,
    fw_swing *out);

/* A metric or monthly series in words, from the library's one table of
 * them (metrics.def). */
typedef struct fw_metric_info {
	const char *name;	/* "gap_value" */
	const char *label;	/* "value of unfilled scripts" */
	int money;		/* dollars (shown in $M), else a count or
				 * share */
	int flow;		/* a month's figure is over the month (shown
				 * "per month"), not a level at its end */
	const char *decomposed;	/* its label where value leaks
				 * (fw_leakage(3)): "realization-gap value" */
} fw_metric_info;

/* Fills *out for the metric or series name; FW_EINVALID for a name the
 * library does not know, *out then naming it by itself, not money. */
int fw_metric_about(const char *name, fw_metric_info *out);

/* The words for a metric or series name ("NPV", "customer value at
 * risk") and whether it is money (fw_metric_about()); the name itself,
 * not money, when it is none the library knows. */
const char *fw_metric_words(const char *name, int *money);

/* ---- Attribution ---- */

/* The Shapley values phi[0..k-1] of k players (for instance the changes
 * of a scenario) from the values of all 2^k coalitions: value[m] is the
 * value with the players whose bits are set in m (bit i: player i), so
 * value[0] is that with none. phi[i] is player i's marginal gain averaged
 * over the k! orders in which the players could join: the sum over the
 * coalitions S without i of |S|! (k - |S| - 1)! / k! (v(S + i) - v(S)).
 * The phi add up to value[2^k - 1] - value[0] within rounding. Sums run in
 * a fixed order. FW_EINVALID unless 1 <= k <= 20. */
int fw_shapley(const double *value, size_t k, double *phi);

/* ---- Leakage: where value leaks, stage by stage (fw_leakage(3)) ---- */

/* A decomposition of one variant of a scenario by stages of friction. A
 * stage is a key and the value it takes once its friction is removed
 * (YAML, as fw_scenario_set() takes it). The decomposition's scenario
 * holds the variant and one variant per nonempty subset of stages with
 * those stages at their targets: 2^K configurations, run together on
 * common random numbers. Each stage then gets, replication by
 * replication, its gain removed alone and its exact Shapley value, which
 * add up to the gain of removing every stage. */
typedef struct fw_leakage fw_leakage;

/* The most stages: the runtime doubles with each. */
#define FW_LEAKAGE_MAX_STAGES 8

/* Prepares the decomposition of the named variant (NULL: the baseline)
 * of sc (copied), without stages: the caller's, to free with
 * fw_leakage_free(). FW_EINVALID for a variant sc has not; FW_ENOMEM. */
int fw_leakage_alloc(const fw_scenario *sc, const char *variant,
    fw_leakage **out, fw_error *err);
/* Frees a decomposition and its scenario; accepts NULL. */
void fw_leakage_free(fw_leakage *lk);

/* Adds a stage, or changes the target of the stage at that path;
 * FW_EINVALID beyond FW_LEAKAGE_MAX_STAGES. Path and target are checked
 * by fw_leakage_build(). */
int fw_leakage_set_stage(fw_leakage *lk, const char *path,
    const char *target, fw_error *err);
/* Adds the stages every scenario has: friction.prescribe, onboarding,
 * access, continuity and support, each removed at 0. */
int fw_leakage_set_friction(fw_leakage *lk, fw_error *err);

/* Lays out the decomposition's scenario. FW_EINVALID without stages or
 * when a stage's path or target is not valid: err says why and *bad
 * (bad may be NULL) is that stage's index, else the stage count. */
int fw_leakage_build(fw_leakage *lk, size_t *bad, fw_error *err);
/* The scenario laid out, to run (fw_run_alloc()) with the options
 * wanted; NULL before fw_leakage_build(). It belongs to lk. It holds the
 * baseline, the variant decomposed when that is another, and last one
 * variant per nonempty subset m = 1 .. 2^K - 1 of the stages (stage i in
 * bit i of m), in the order of m. */
const fw_scenario *fw_leakage_scenario(const fw_leakage *lk);
/* Decomposes every metric of a finished run of fw_leakage_scenario(lk);
 * FW_EINVALID for another run or an unfinished one, FW_ENOMEM. */
int fw_leakage_decompose(fw_leakage *lk, const fw_run *run,
    fw_error *err);

/* The variant decomposed ("baseline" for the baseline). */
const char *fw_leakage_variant(const fw_leakage *lk);
/* The stages, numbered in the order they were set. */
size_t fw_leakage_stage_count(const fw_leakage *lk);

/* A stage: its key, its target as given, and, once built, the values it
 * takes as it is and removed (medians when uncertain; NaN before). */
typedef struct fw_leakage_stage {
	const char *path;	/* owned by the decomposition */
	const char *target;
	double actual, target_value;
	int actual_uncertain, target_uncertain;
} fw_leakage_stage;
/* Stage i; FW_EINVALID past the end. */
int fw_leakage_get_stage(const fw_leakage *lk, size_t i,
    fw_leakage_stage *out);

/* The metrics decomposed, by their names of fw_metric_name(): "npv",
 * "revenue", "scripts_filled", "patients", "gap_value",
 * "customer_value_at_risk", "reacq_cost"; NULL past the end. */
size_t fw_leakage_metric_count(void);
const char *fw_leakage_metric(size_t m);

/* A figure: the mean over replications and the 95% interval of it. */
typedef struct fw_leakage_figure {
	double mean, lo95, hi95;
} fw_leakage_figure;

/* One stage and metric. Gains are the metric with the stage's friction
 * removed less the actual metric; a loss that shrinks is a negative
 * gain. */
typedef struct fw_leakage_row {
	fw_leakage_figure actual;	/* the metric as it is */
	fw_leakage_figure alone;	/* that stage alone removed */
	fw_leakage_figure shapley;	/* its Shapley value */
	fw_leakage_figure share;	/* shapley over the total gain */
	fw_leakage_figure interaction;	/* alone less shapley */
} fw_leakage_row;

/* Metric m's row of stage i; i = fw_leakage_stage_count() gives the sum
 * of the stages (alone: the sum of one-at-a-time gains; shapley: the gain
 * of removing every stage; interaction: their difference). FW_EINVALID
 * before fw_leakage_decompose() or past the end. */
int fw_leakage_get_row(const fw_leakage *lk, size_t m, size_t i,
    fw_leakage_row *out);

/* Interactions are material when a stage's one-at-a-time NPV gain is
 * this share of the total gain or more away from its Shapley value;
 * fw_leakage_material() says whether some stage's is (0 before
 * fw_leakage_decompose()). */
#define FW_LEAKAGE_MATERIAL 0.05
int fw_leakage_material(const fw_leakage *lk);

/* The tables of a decomposition, as flywheel leakage writes them:
 * fw_leakage_table_name() gives each file's name ("leakage.csv"), NULL
 * past the last. */
enum fw_leakage_table { FW_LEAKAGE_CSV, FW_LEAKAGE_JSON,
	FW_LEAKAGE_TABLE_COUNT };
const char *fw_leakage_table_name(size_t t);

/* leakage.csv's columns, named by fw_leakage_column() (NULL past the
 * last): stage (a key path, "all" for every stage), label, metric, then
 * actual, one_at_a_time, shapley, share and interaction, each followed
 * by its _lo95 and _hi95. */
#define FW_LEAKAGE_COLUMNS 18
const char *fw_leakage_column(size_t j);
/* Row r of leakage.csv: metric m = r / (K + 1) of stage i = r % (K + 1)
 * (K stages; i = K: all of them), 0 <= r < (K + 1) *
 * fw_leakage_metric_count(). Cell j is text[j] for the first three
 * columns (the label written into buf, size bytes) and num[j] for the
 * others (NaN where the decomposition has none); text[j] is NULL for a
 * number, num[j] NaN for a text. FW_EINVALID past the last row. */
int fw_leakage_table_row(const fw_leakage *lk, size_t r, const char **text,
    double *num, char *buf, size_t size);

/* Writes each table t of decomposition lk, decomposed from run, into the
 * descriptor fd[t] (room for FW_LEAKAGE_TABLE_COUNT; a negative one is
 * skipped), byte for byte as the command writes them, as
 * fw_run_write_tables() writes a run's: rec (may be NULL) gives
 * leakage.json's command line, time and fit table. FW_EINVALID for a
 * decomposition not decomposed or another run, FW_EIO when a descriptor
 * cannot be written, FW_ENOMEM; err filled. */
int fw_leakage_write_tables(const fw_leakage *lk, const fw_run *run,
    const fw_run_record *rec, const int *fd, fw_error *err);

/* ---- Sweeps: designs over a scenario's inputs ---- */

typedef struct fw_sweep fw_sweep;

/* Loads and validates a sweep file and the scenario it names (a path
 * relative to the sweep file), and lays out its design's points: the
 * caller's, to free with fw_sweep_free(). Errors as fw_scenario_load(),
 * for either file; *out is NULL on error. */
int fw_sweep_load(const char *file, fw_sweep **out, fw_error *err);
/* The same from the len bytes of YAML at text; name stands for the file
 * in messages, and the scenario is named relative to it. */
int fw_sweep_load_string(const char *name, const char *text, size_t len,
    fw_sweep **out, fw_error *err);

/* Frees a sweep and its scenario; accepts NULL. */
void fw_sweep_free(fw_sweep *sw);

/* The sweep file, and the hash of its bytes (as fw_scenario_hash()). */
const char *fw_sweep_file(const fw_sweep *sw);
const char *fw_sweep_hash(const fw_sweep *sw);
/* "grid", "oneway", "lhs" or "sobol". */
const char *fw_sweep_design(const fw_sweep *sw);
/* The scenario the points change, owned by the sweep; changes made to it
 * (fw_scenario_set*) reach every point made afterwards. */
fw_scenario *fw_sweep_scenario(fw_sweep *sw);
/* The replications, seed and horizon every point runs with (the sweep
 * file's, else the scenario's). */
uint64_t fw_sweep_replications(const fw_sweep *sw);
uint64_t fw_sweep_seed(const fw_sweep *sw);
int fw_sweep_months(const fw_sweep *sw);
/* Replace the replications (FW_EINVALID outside the range of the sweep
 * file's key replications, fw_key_get()) or the seed; the seed
 * also draws a Latin hypercube, whose points then change (FW_ENOMEM when
 * they cannot be laid out again). */
int fw_sweep_set_replications(fw_sweep *sw, uint64_t reps);
int fw_sweep_set_seed(fw_sweep *sw, uint64_t seed);

/* The parameters varied, numbered 0 .. fw_sweep_param_count() - 1: a
 * dotted path, in one variant or (variant NULL) in the baseline and the
 * variants that do not set it themselves, and the range the design spans
 * (NaN past the end). */
size_t fw_sweep_param_count(const fw_sweep *sw);
const char *fw_sweep_param_path(const fw_sweep *sw, size_t j);
const char *fw_sweep_param_variant(const fw_sweep *sw, size_t j);
void fw_sweep_param_range(const fw_sweep *sw, size_t j, double *lo,
    double *hi);

/* The metrics recorded at each point, numbered 0 ..
 * fw_sweep_metric_count() - 1, with labels such as "npv:baseline",
 * "dnpv:fix-access-vs-add-channels", "revenue_year3:fix-access"; the
 * label is NULL past the end. */
size_t fw_sweep_metric_count(const fw_sweep *sw);
const char *fw_sweep_metric_label(const fw_sweep *sw, size_t m);

/* Number of points of the design. */
size_t fw_sweep_points(const fw_sweep *sw);
/* The value of parameter j at point i; NaN where the point keeps the
 * scenario's own value (oneway designs) and past the end. */
double fw_sweep_value(const fw_sweep *sw, size_t i, size_t j);
/* The scenario's own value of parameter j (its median when it is a
 * distribution). */
double fw_sweep_base_value(const fw_sweep *sw, size_t j);
/* Writes the block of a Sobol' design point i belongs to into buf: "A",
 * "B" or "AB1", "AB2", ...; "" for other designs. 24 bytes are enough. */
void fw_sweep_block(const fw_sweep *sw, size_t i, char *buf, size_t size);

/* A copy of the sweep's scenario with point i's values set as numbers,
 * the caller's to free; run it with fw_run_alloc() and the sweep's
 * replications, seed and months. FW_EINVALID past the last point. */
int fw_sweep_point_scenario(const fw_sweep *sw, size_t i,
    fw_scenario **out, fw_error *err);

/* The per-replication values of metric m in a finished run of a point:
 * x has fw_run_replications(run) slots. FW_EINVALID past the last
 * metric. */
int fw_sweep_metric_values(const fw_sweep *sw, size_t m, const fw_run *run,
    double *x);

/* Sensitivity of one metric to each parameter, from the metric's mean at
 * every point (y, fw_sweep_points() values). oneway: the values at the
 * base point and at each parameter's low and high end, and the swing;
 * sobol: first-order (S1) and total-effect (ST) indices with 95%
 * bootstrap intervals. Fields a design does not give are NaN. */
typedef struct fw_sensitivity {
	double low, high;		/* the parameter's range */
	double at_base, at_low, at_high, swing;
	double s1, s1_lo95, s1_hi95, st, st_lo95, st_hi95;
} fw_sensitivity;

/* Fills out[0 .. fw_sweep_param_count() - 1] from the n values at y;
 * FW_EINVALID unless n is fw_sweep_points(), and for designs that give
 * no sensitivity (grid, lhs); FW_ENOMEM. */
int fw_sweep_sensitivity(const fw_sweep *sw, const double *y, size_t n,
    fw_sensitivity *out);

/* ---- Calibration: fitting a scenario to a brand's observed months ---- */

/* A calibration fits inputs of a scenario's baseline so that its
 * simulated monthly means reproduce a brand's observed figures. It
 * minimises the weighted sum of squared standardised errors
 *
 *   F = sum over targets i of w_i sum over observed months t of
 *       ((m_i(t) - y_i(t)) / c_i)^2
 *
 * where m_i(t) is the simulated mean of series i in month t, y_i(t) the
 * observed value and c_i the mean absolute observed value of series i,
 * so that every series counts in proportion to its own level. Every
 * evaluation simulates the same replications on the same random streams
 * (the calibration's seed), so F is a deterministic function of the
 * inputs. Each input is searched on the whole real line (the logit of
 * its place in a bounded range, or the log of its distance above the
 * lower end of a range without an upper end) with GSL's Nelder-Mead
 * simplex (nmsimplex2), from several starting points of a Latin
 * hypercube. The curvature of F at the best point gives each input's 95%
 * interval; an input the data cannot pin down is reported so and keeps
 * the scenario's value (see fw_fit). Results are the same for any number
 * of threads. */
typedef struct fw_calibration fw_calibration;

/* Loads and validates a calibration file, the scenario and the data file
 * it names (paths relative to it), and readies the fit. Errors name the
 * file, line and column of whichever file is wrong. */
int fw_calibration_load(const char *file, fw_calibration **out,
    fw_error *err);
/* The same from the len bytes of YAML at text; name stands for the file
 * in messages, and the scenario and data file are named relative to it.
 * sc, when not NULL, is the scenario (copied) in place of the file the
 * text names: a scenario changed since it was loaded. */
int fw_calibration_load_string(const char *name, const char *text,
    size_t len, const fw_scenario *sc, fw_calibration **out,
    fw_error *err);

/* Frees a calibration; accepts NULL. */
void fw_calibration_free(fw_calibration *cal);

/* Threads of each evaluation (0: OpenMP's default); FW_EINVALID outside
 * 0 .. FW_MAX_THREADS, as fw_run_options.threads. */
int fw_calibration_set_threads(fw_calibration *cal, int threads);

const char *fw_calibration_file(const fw_calibration *cal);
/* "fnv1a64:" and 16 hex digits of the calibration file's bytes. */
const char *fw_calibration_hash(const fw_calibration *cal);
/* The data file as the calibration names it, and its bytes' hash. */
const char *fw_calibration_data_file(const fw_calibration *cal);
const char *fw_calibration_data_hash(const fw_calibration *cal);
/* The scenario as loaded, every variant included. */
const fw_scenario *fw_calibration_scenario(const fw_calibration *cal);
uint64_t fw_calibration_replications(const fw_calibration *cal);
uint64_t fw_calibration_seed(const fw_calibration *cal);
size_t fw_calibration_starts(const fw_calibration *cal);
/* Months simulated: the latest month observed of any target. */
int fw_calibration_months(const fw_calibration *cal);

/* The inputs fitted: a dotted path of the baseline, and its range (hi is
 * HUGE_VAL when it has no upper end). */
size_t fw_calibration_param_count(const fw_calibration *cal);
const char *fw_calibration_param_path(const fw_calibration *cal, size_t j);
void fw_calibration_param_range(const fw_calibration *cal, size_t j,
    double *lo, double *hi);

/* The series fitted: a monthly series (fw_series_name), its segment
 * (NULL: the whole market), its weight w, its level c, and how many
 * months the data give. */
size_t fw_calibration_target_count(const fw_calibration *cal);
const char *fw_calibration_target_metric(const fw_calibration *cal,
    size_t i);
const char *fw_calibration_target_segment(const fw_calibration *cal,
    size_t i);
double fw_calibration_target_weight(const fw_calibration *cal, size_t i);
double fw_calibration_target_scale(const fw_calibration *cal, size_t i);
size_t fw_calibration_target_observed(const fw_calibration *cal, size_t i);

/* Fits in steps, each of a few evaluations of F (a simulation of every
 * replication; in the first search, a few iterations of every starting
 * point's search), so that a caller can show progress between them.
 * FW_ERUN or FW_EINVALID when a simulation fails; the calibration is
 * then finished with that error. */
int fw_calibration_step(fw_calibration *cal, fw_error *err);
/* Whether the fit is finished. */
int fw_calibration_done(const fw_calibration *cal);

/* Where the fit stands: evaluations so far, the lowest F so far (NaN
 * before the first), the stage ("search", "curvature", "set aside",
 * "final", "done") and, in the first search, the first starting point
 * whose search is still under way (1-based; 0 otherwise). */
typedef struct fw_calibration_progress {
	size_t evaluations;
	double lowest;
	const char *stage;
	size_t start;
} fw_calibration_progress;
void fw_calibration_get_progress(const fw_calibration *cal,
    fw_calibration_progress *out);

/* What the fit says of an input. IDENTIFIED: an estimate with its 95%
 * interval. AT_LOW_END, AT_HIGH_END: the best value lies at an end of
 * the range (the data would put it beyond; widen the range or question
 * the model): it is used, without an interval. FLAT: the objective does
 * not change along it, alone or traded against another input; WEAK: the
 * data leave it almost anywhere in its range. A FLAT or WEAK input is
 * not fitted: it keeps the scenario's own value or distribution. */
enum fw_fit_status { FW_FIT_IDENTIFIED, FW_FIT_AT_LOW_END,
	FW_FIT_AT_HIGH_END, FW_FIT_FLAT, FW_FIT_WEAK };

typedef struct fw_fit {
	enum fw_fit_status status;
	double estimate;	/* the value in the fitted scenario; FLAT and
				 * WEAK: the scenario's own (a distribution's
				 * median) */
	double lo95, hi95;	/* IDENTIFIED only, else NaN */
	int lo_at_edge;		/* the interval reaches the range's low end */
	int hi_at_edge;		/* ... its high end */
	int partner;		/* FLAT: the input it trades against, or -1 */
} fw_fit;

/* Input j once the fit is done; FW_EINVALID before, or past the end. */
int fw_calibration_fit(const fw_calibration *cal, size_t j, fw_fit *out);

/* F at the fitted values, once done (NaN before). */
double fw_calibration_objective(const fw_calibration *cal);

/* Target i at the fitted values in month 1..fw_calibration_months():
 * the observed value (NaN for a month the data leave out) and the
 * simulated band. FW_EINVALID before the fit is done. */
int fw_calibration_month(const fw_calibration *cal, size_t i, int month,
    double *observed, fw_band *simulated);

/* Target i's mean absolute error over its observed months, relative to
 * its level c, at the fitted values (NaN before). */
double fw_calibration_target_error(const fw_calibration *cal, size_t i);

/* A copy of the loaded scenario with the fitted values set in the
 * baseline and in every variant that does not set them itself; inputs
 * not fitted (FLAT, WEAK) keep the scenario's own. */
int fw_calibration_fitted(const fw_calibration *cal, fw_scenario **out,
    fw_error *err);
/* The same with each identified input drawn from its fitted
 * distribution, as the fit knows it: on the input's search scale eta
 * (logit between the range's ends, log above a lower end of 0), eta is
 * normal with the estimate and the covariance behind the intervals, the
 * inputs joined by the rank correlations that make their joint draw
 * exactly that normal (flywheel-calibration(5)). */
int fw_calibration_fitted_distributions(const fw_calibration *cal,
    fw_scenario **out, fw_error *err);
/* That covariance between inputs i and j on their search scales; NaN
 * unless both are identified and the fit is finished. */
double fw_calibration_covariance(const fw_calibration *cal, size_t i,
    size_t j);

#ifdef __cplusplus
}
#endif
#endif
