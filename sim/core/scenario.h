/* scenario.h - the resolved scenario: a baseline configuration and one per
 * variant. Private.
 * SPDX-License-Identifier: MIT */
#ifndef FW_SCENARIO_H
#define FW_SCENARIO_H

#include <stdint.h>

#include "flywheel.h"
#include "dist.h"

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
	size_t nconfig;		/* baseline plus variants */
	fw_config *config;	/* config[0] is the baseline */
};

/* Deep copy of a configuration; returns 0 on success. */
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

/* Like fw_scenario_set, but only in the named variant when variant is not
 * NULL ("baseline" names the baseline alone). */
int fwi_scenario_set_in(fw_scenario *sc, const char *variant,
    const char *assignment, fw_error *err);

#endif
