/* scenario.h - the resolved scenario: a baseline configuration and one per
 * variant. Private.
 * SPDX-License-Identifier: MIT */
#ifndef FW_SCENARIO_H
#define FW_SCENARIO_H

#include <stdint.h>

#include "flywheel.h"
#include "copula.h"
#include "dist.h"
#include "hash.h"

enum fw_state { FW_UNAWARE, FW_ENGAGED, FW_TRIAL, FW_ADOPTER, FW_ADVOCATE,
	FW_LAPSED, FW_SWITCHED, FW_NSTATE };
extern const char *const fwi_state_names[FW_NSTATE];

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

/* Uncertain inputs whose value of information is reported together. */
typedef struct fw_voi_group {
	size_t n;
	char **path;
} fw_voi_group;

/* A change made to a loaded scenario (fw_scenario_set*), as given:
 * variant NULL for the baseline; value as text. */
typedef struct fw_override {
	char *variant;
	char *path;
	char *value;
} fw_override;

/* One variant with every change applied: what the engine simulates. */
typedef struct fw_config {
	char *name;		/* "baseline" or the variant's name */
	char *description;	/* may be NULL */
	char *label;		/* its name on charts; NULL: none given */
	char *colour;		/* "#RRGGBB"; NULL: none given */
	fw_num g[FW_NGLOBAL];
	size_t nseg;
	fw_segment *seg;
	size_t nchan;
	fw_channel *chan;
	char **set_paths;	/* paths the variant's `set` gave */
	size_t nset;
	int own_program_cost;	/* the variant replaced program_cost */
	fw_num start_month;	/* first month of the changes; 1 for the baseline */
	fw_num ramp_months;	/* months they take to phase in */
} fw_config;

struct fw_scenario {
	char *file;
	char *name;
	int model_given;
	int horizon;
	uint64_t replications;
	uint64_t seed;
	int seed_given;
	fw_num warmup;		/* warmup_months: baseline months before month 1 */
	int report_leakage;	/* report: {leakage: true} */
	size_t nvoi_group;	/* report: {voi_groups: [[PATH, ...], ...]} */
	fw_voi_group *voi_group;
	fw_copula copula;	/* correlations: none when it has no pairs */
	char *calibration;	/* calibration: as written, or NULL */
	char *calibration_path;	/* the same beside the file */
	size_t nconfig;		/* baseline plus variants */
	fw_config *config;	/* config[0] is the baseline */
	char hash[32];		/* of the bytes loaded */
	char sha256[FW_SHA256_TEXT];
	size_t noverride;	/* the changes made since loading */
	fw_override *override;
};

/* dst's list of overrides becomes a copy of src's (FW_ENOMEM on
 * failure, with dst's list empty); free releases a list. */
int fwi_overrides_copy(fw_scenario *dst, const fw_scenario *src);
void fwi_overrides_free(fw_scenario *sc);

/* dst becomes a deep copy of src in every field; FW_ENOMEM on failure. */
int fwi_config_clone(fw_config *dst, const fw_config *src);
/* Whether some variant of sc draws path from a distribution; -1 when
 * out of memory. */
int fwi_scenario_uncertain(const fw_scenario *sc, const char *path);
/* Index of the named configuration (variant), or -1. */
int fwi_scenario_find(const fw_scenario *sc, const char *name);
/* Checks a name of a segment, channel or variant: printable UTF-8 of at
 * most FW_NAME_MAX bytes without control or direction characters, not
 * starting with = + - @;
 * returns NULL if it is fine, else what is wrong. */
#define FW_NAME_MAX 64
const char *fwi_name_problem(const char *name);
/* The same for free text (a title, a description): line breaks and tabs
 * allowed, at most FW_TEXT_MAX bytes. */
#define FW_TEXT_MAX 1024
const char *fwi_text_problem(const char *text);

/* Which total of a configuration is over its key's limit: HCPs in all
 * segments or touches in all channels (what is wrong written into buf). */
enum fw_over { FW_OVER_NONE, FW_OVER_HCPS, FW_OVER_TOUCHES };
enum fw_over fwi_config_total_problem(const fw_config *c, char *buf,
    size_t size);

/* Deep copy of a configuration's baseline part (no `set` record, no
 * description) under a new name; returns 0 on success. */
int fwi_config_copy(fw_config *dst, const fw_config *src, const char *name);
void fwi_config_clear(fw_config *c);
/* Index of the named segment or channel, or -1. */
int fwi_config_find_segment(const fw_config *c, const char *name);
int fwi_config_find_channel(const fw_config *c, const char *name);

/* Start month and ramp of a variant (MODEL.md §7a). */
static inline int
fwi_config_start(const fw_config *c)
{
	return (int)c->start_month.value;
}

static inline int
fwi_config_ramp(const fw_config *c)
{
	return (int)c->ramp_months.value;
}

/* Whether variant c's values change after the first simulated month: it
 * follows a warm-up, starts after month 1 or ramps. */
int fwi_config_changes_midway(const fw_scenario *sc, const fw_config *c);
/* Whether a segment of a has another number of HCPs than in b. */
int fwi_config_hcps_differ(const fw_config *a, const fw_config *b);

/* Resolves a dotted path (MODEL.md §2) to a value slot in c. */
fw_num *fwi_config_slot(fw_config *c, const char *dotted, const fw_key **key,
    int *channel);

/* Sets the fixed number x at path in c, checked against the key's range
 * and, for a channel, helpful + burden <= 1. */
int fwi_config_set_number(fw_config *c, const char *path, double x,
    fw_error *err);
/* Whether channel c breaks helpful + burden <= 1 at the largest values
 * they can take; if so, says so in buf. */
int fwi_channel_shares_problem(const fw_channel *c, char *buf, size_t size);

#endif
