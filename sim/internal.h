/* internal.h - private structures of libflywheel, grouped by owning file.
 * SPDX-License-Identifier: MIT */
#ifndef FW_INTERNAL_H
#define FW_INTERNAL_H

#include <math.h>
#include <stdarg.h>
#include <yaml.h>

#include "flywheel.h"

#define INF HUGE_VAL

/* ---- params.c: the key table ---- */

enum fw_scope { FW_SCOPE_TOP, FW_SCOPE_GLOBAL, FW_SCOPE_SEGMENT,
	FW_SCOPE_CHANNEL, FW_SCOPE_VARIANT };
enum fw_type { FW_TYPE_STR, FW_TYPE_INT, FW_TYPE_U64, FW_TYPE_REAL,
	FW_TYPE_MAP, FW_TYPE_LIST };
enum fw_bounds { FW_BOUNDS_CLOSED, FW_BOUNDS_LO_OPEN, FW_BOUNDS_HI_OPEN };

typedef struct fw_key {
	enum fw_scope scope;
	int id;			/* index within its scope */
	const char *section;	/* "friction", "segments[]", "" for the root */
	const char *name;
	enum fw_type type;
	double lo, hi;
	enum fw_bounds bounds;
	double def;
	int required;
	const char *help;
} fw_key;

#define FW_KEY(scope, id, sec, name, type, lo, hi, b, def, need, help) \
	FW_ENUM_##scope(id)
#define FW_ENUM_TOP(id)
#define FW_ENUM_VARIANT(id)
#define FW_ENUM_GLOBAL(id) FW_G_##id,
#define FW_ENUM_SEGMENT(id)
#define FW_ENUM_CHANNEL(id)
enum fw_global_id {
#include "keys.def"
	FW_NGLOBAL
};
#undef FW_ENUM_GLOBAL
#define FW_ENUM_GLOBAL(id)
#undef FW_ENUM_SEGMENT
#define FW_ENUM_SEGMENT(id) FW_S_##id,
enum fw_segment_id {
#include "keys.def"
	FW_NSEGMENT
};
#undef FW_ENUM_SEGMENT
#define FW_ENUM_SEGMENT(id)
#undef FW_ENUM_CHANNEL
#define FW_ENUM_CHANNEL(id) FW_C_##id,
enum fw_channel_id {
#include "keys.def"
	FW_NCHANNEL
};
#undef FW_ENUM_CHANNEL
#undef FW_KEY
#undef FW_ENUM_TOP
#undef FW_ENUM_VARIANT
#undef FW_ENUM_GLOBAL
#undef FW_ENUM_SEGMENT

extern const fw_key fw_keys[];
extern const size_t fw_nkeys;

/* Finds a key of a scope by section and name; NULL if there is none. */
const fw_key *fw_key_find(enum fw_scope scope, const char *section,
    const char *name);
/* The key of a global, segment or channel slot. */
const fw_key *fw_key_global(int id);
const fw_key *fw_key_segment(int id);
const fw_key *fw_key_channel(int id);
/* "number in [0, 1]", "integer >= 1", ... */
void fw_key_range_text(const fw_key *k, char *buf, size_t size);
/* Whether x lies in the key's range. */
int fw_key_in_range(const fw_key *k, double x);

/* ---- dist.c: parameter distributions (MODEL.md §2) ---- */

enum fw_dist { FW_DIST_NONE, FW_DIST_UNIFORM, FW_DIST_NORMAL,
	FW_DIST_LOGNORMAL, FW_DIST_BETA, FW_DIST_GAMMA, FW_DIST_TRIANGULAR,
	FW_DIST_PERT, FW_NDIST };

/* A numeric value: fixed, or a distribution drawn once per replication. */
typedef struct fw_num {
	double value;		/* the fixed value (unused for a distribution) */
	enum fw_dist dist;
	double p[3];		/* distribution parameters, in written order */
	int line, column;	/* where it was written; 0 for a default */
} fw_num;

typedef struct fw_dist_info {
	const char *name;
	int nparam;
	const char *param[3];
} fw_dist_info;

extern const fw_dist_info fw_dists[FW_NDIST];

/* Checks a distribution's parameters; returns a message or NULL. */
const char *fw_dist_check(const fw_num *n);
/* Support of the value: [lo, hi], ends open where flagged. */
void fw_dist_support(const fw_num *n, double *lo, double *hi,
    int *lo_open, int *hi_open);
/* Whether the support lies inside the key's allowed range. */
int fw_dist_fits(const fw_num *n, const fw_key *k);
/* The value at quantile u in (0, 1): F^-1(u), or the fixed value. */
double fw_num_at(const fw_num *n, double u);
/* Upper end of the value's support. */
double fw_num_max(const fw_num *n);
/* Writes the value as written: "0.35" or "{dist: beta, alpha: 2, beta: 5}". */
void fw_num_format(const fw_num *n, char *buf, size_t size);
/* Whether two values are the same number or the same distribution. */
int fw_num_equal(const fw_num *a, const fw_num *b);

/* ---- numfmt.c ---- */

/* Shortest decimal form of x that reads back as the same double. */
void fw_format_real(double x, char *buf, size_t size);

/* ---- scenario.c: the resolved scenario ---- */

enum fw_state { FW_UNAWARE, FW_ENGAGED, FW_TRIAL, FW_ADOPTER, FW_ADVOCATE,
	FW_LAPSED, FW_SWITCHED, FW_NSTATE };
extern const char *const fw_state_names[FW_NSTATE];

typedef struct fw_segment {
	char *name;
	fw_num v[FW_NSEGMENT];
	double initial[FW_NSTATE];
	int initial_given;	/* 0 when the default {unaware: 1} applies */
} fw_segment;

typedef struct fw_channel {
	char *name;
	fw_num v[FW_NCHANNEL];
} fw_channel;

/* One variant with every change applied: what the engine simulates. */
typedef struct fw_config {
	char *name;		/* "baseline" or the variant's name */
	char *description;	/* may be NULL */
	fw_num g[FW_NGLOBAL];
	size_t nseg;
	fw_segment *seg;
	size_t nchan;
	fw_channel *chan;
	char **set_paths;	/* paths the variant's `set` gave */
	size_t nset;
	int own_program_cost;	/* the variant replaced program_cost */
} fw_config;

struct fw_scenario {
	char *file;
	char *name;
	int model_given;
	int horizon;
	uint64_t replications;
	uint64_t seed;
	int seed_given;
	size_t nconfig;		/* baseline plus variants */
	fw_config *config;	/* config[0] is the baseline */
};

/* Deep copy of a configuration; returns 0 on success. */
int fw_config_copy(fw_config *dst, const fw_config *src, const char *name);
void fw_config_clear(fw_config *c);
/* Index of the named segment or channel, or -1. */
int fw_config_find_segment(const fw_config *c, const char *name);
int fw_config_find_channel(const fw_config *c, const char *name);

/* ---- yamltree.c: a loaded YAML document and strict scalar readers ---- */

typedef struct fw_yaml {
	yaml_document_t doc;
	int loaded;
	const char *file;
	fw_error *err;
	long budget;		/* node visits left: stops alias bombs */
} fw_yaml;

typedef struct fw_pair {
	yaml_node_t *key;
	yaml_node_t *value;
	const char *name;	/* the key's text */
} fw_pair;

typedef struct fw_pairs {
	fw_pair *v;
	size_t n, cap;
} fw_pairs;

int fw_yaml_load_file(fw_yaml *y, const char *file, fw_error *err);
int fw_yaml_load_string(fw_yaml *y, const char *name, const char *text,
    size_t len, fw_error *err);
void fw_yaml_free(fw_yaml *y);
yaml_node_t *fw_yaml_root(fw_yaml *y);
yaml_node_t *fw_yaml_node(fw_yaml *y, int index);

/* Records an error at node (NULL: no position) and returns FW_EINVALID. */
int fw_yaml_fail(fw_yaml *y, const yaml_node_t *at, const char *path,
    const char *fmt, ...) __attribute__((format(printf, 4, 5)));
/* The entries of a mapping, << merges resolved, duplicate keys refused.
 * The caller frees p->v. */
int fw_yaml_map(fw_yaml *y, yaml_node_t *n, const char *path, fw_pairs *p);
/* Checks that n is a sequence and charges its items to the budget. */
int fw_yaml_seq(fw_yaml *y, yaml_node_t *n, const char *path);
int fw_yaml_real(fw_yaml *y, yaml_node_t *n, const char *path, double *out);
int fw_yaml_int(fw_yaml *y, yaml_node_t *n, const char *path, double lo,
    double hi, long long *out);
int fw_yaml_u64(fw_yaml *y, yaml_node_t *n, const char *path, uint64_t *out);
int fw_yaml_str(fw_yaml *y, yaml_node_t *n, const char *path,
    const char **out);
/* The index of p's key among names, or "unknown key" with the closest. */
int fw_yaml_choose(fw_yaml *y, const fw_pair *p, const char *path,
    const char *const *names, size_t n, size_t *index);
/* Fails with "unknown key" and the closest of the candidates. */
int fw_yaml_unknown(fw_yaml *y, const fw_pair *p, const char *path,
    const char *const *candidates, size_t n);
/* Appends ".name" or "[i]" to a path. */
void fw_path_key(char *out, size_t size, const char *path, const char *name);
void fw_path_index(char *out, size_t size, const char *path, size_t i);

/* ---- suggest.c ---- */

/* The candidate closest to word by edit distance, or NULL if none is
 * close enough to be a likely typo. */
const char *fw_suggest(const char *word, const char *const *candidates,
    size_t n);

/* ---- value.c: numeric values from YAML nodes ---- */

/* Reads a number or distribution for key k into out, range-checked. */
int fw_read_num(fw_yaml *y, yaml_node_t *n, const char *path,
    const fw_key *k, fw_num *out);
/* Reads the keys of one segment or channel mapping: its name, its numeric
 * keys into v (defaults filled in) and, for a segment, the initial node. */
int fw_read_element(fw_yaml *y, yaml_node_t *n, const char *path,
    enum fw_scope scope, char **name, fw_num *v, yaml_node_t **initial);
/* Reads one channel mapping (under channels or add_channels). */
int fw_read_channel(fw_yaml *y, yaml_node_t *n, const char *path,
    fw_channel *out);
/* Checks helpful + burden <= 1 at the largest values they can take. */
int fw_check_channel_shares(fw_yaml *y, yaml_node_t *at, const char *path,
    const fw_channel *c);

/* ---- variant.c ---- */

/* Builds config from the baseline and a variant's mapping. */
int fw_variant_build(fw_yaml *y, const fw_scenario *sc, const char *name,
    yaml_node_t *n, const char *path, fw_config *out);
/* Resolves a dotted path (MODEL.md §2) to a value slot in c. */
fw_num *fw_config_slot(fw_config *c, const char *dotted, const fw_key **key,
    int *channel);
/* Applies one `set` entry: dotted path -> YAML value. */
int fw_config_set(fw_yaml *y, fw_config *c, const char *dotted,
    yaml_node_t *value, yaml_node_t *keynode, const char *path);

/* ---- override.c ---- */

/* Like fw_scenario_set, but only in the named variant when variant is not
 * NULL ("baseline" names the baseline alone). */
int fw_scenario_set_in(fw_scenario *sc, const char *variant,
    const char *assignment, fw_error *err);

/* ---- output.c ---- */

/* FNV-1a 64 of a file's bytes: identifies the files a run used. */
int fw_file_hash(const char *path, unsigned long long *h);
/* mkdir -p. */
int fw_make_dirs(const char *dir);

/* ---- plot.c: what drawing plots and sweep plots share ---- */

/* Writes s as a gnuplot single-quoted string: only ' needs doubling. */
void fw_gp_string(FILE *f, const char *s);
/* Runs gnuplot with argv (no shell); its messages go to log, whose last
 * line becomes the error when gnuplot fails. */
int fw_gnuplot_run(const char *gnuplot, char *const argv[], const char *log,
    fw_error *err);
/* snprintf into a path buffer; -1 when the path does not fit (the plot
 * writers check the lengths they are given, so none of theirs is cut). */
int fw_pathf(char *out, size_t size, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* The JSON string after "key": in our own run.json or sweep.json text,
 * unescaped into out; empty if the key is absent. */
void fw_json_string(const char *text, const char *key, char *out,
    size_t size);
/* A number as gnuplot reads it, NaN for none. */
void fw_gp_value(FILE *f, double x);
/* Opens dir/name for writing plot data. */
FILE *fw_gp_create(const char *dir, const char *name);
/* Removes a directory of plain files. */
void fw_remove_tree(const char *dir);

/* ---- error.c ---- */

void fw_error_set(fw_error *err, int code, const char *file, int line,
    int column, const char *path, const char *fmt, ...)
    __attribute__((format(printf, 7, 8)));
void fw_error_vset(fw_error *err, int code, const char *file, int line,
    int column, const char *path, const char *fmt, va_list ap);

#endif
