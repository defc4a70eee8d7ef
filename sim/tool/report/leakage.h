/* leakage.h - where value leaks: the gain of removing each stage of
 * friction from a scenario, alone and as its exact Shapley share of
 * removing them all, per replication on common random numbers.
 * SPDX-License-Identifier: MIT */
#ifndef FW_LEAKAGE_H
#define FW_LEAKAGE_H

#include <stddef.h>

#include "flywheel.h"

/* The runtime doubles with each stage: 2^K configurations. */
#define LEAK_MAX_STAGES 8

/* Interactions are material when a stage's one-at-a-time NPV gain is
 * this share of the total gain or more away from its Shapley value. */
#define LEAK_MATERIAL 0.05

/* The metrics decomposed, in the order of the tables: what the console
 * calls each, and whether it is money. */
#define LEAK_NMETRIC 7
typedef struct leak_metric {
	const char *label;
	int money;
} leak_metric;
extern const leak_metric leak_metrics[LEAK_NMETRIC];

/* A stage: a key of the scenario and the value it takes once the stage's
 * friction is removed (YAML, as --set takes it). */
typedef struct leak_stage {
	char *path;
	char *target;
	char *label;		/* "access friction", "reach of email" */
	double actual_value, target_value;	/* medians when uncertain */
	int actual_uncertain, target_uncertain;
} leak_stage;

/* A figure: the mean over replications and the 95% interval of the mean. */
typedef struct leak_figure {
	double mean, lo95, hi95;
} leak_figure;

/* One stage and metric. Gains are the metric with the stage's friction
 * removed less the actual metric; a loss that shrinks is a negative
 * gain. */
typedef struct leak_row {
	leak_figure actual;	/* the metric as it is */
	leak_figure alone;	/* that stage alone removed */
	leak_figure shapley;	/* its Shapley value */
	leak_figure share;	/* shapley over the total gain */
	leak_figure interaction;	/* alone less shapley */
} leak_row;

typedef struct leakage {
	size_t nstage;
	leak_stage stage[LEAK_MAX_STAGES];
	char *variant;		/* the variant decomposed; "baseline" */
	fw_scenario *sc;	/* baseline, variant and 2^K - 1 removals */
	size_t config[1 << LEAK_MAX_STAGES];	/* variant of each subset */
	int metric[LEAK_NMETRIC];	/* the library's metric numbers */
	/* [metric][stage]; row nstage sums the stages: alone is the sum
	 * of one-at-a-time gains, shapley the gain of removing every
	 * stage, interaction their difference */
	leak_row row[LEAK_NMETRIC][LEAK_MAX_STAGES + 1];
} leakage;

/* Sets up lk, without stages, for the variant named (NULL: the
 * baseline) of sc; FW_EINVALID if sc has no such variant. */
int leak_init(leakage *lk, const fw_scenario *sc, const char *variant,
    fw_error *err);

/* Adds the friction stages every scenario has: prescribe, onboarding,
 * access, continuity and support, each removed at 0. */
int leak_default_stages(leakage *lk, fw_error *err);

/* Adds a stage, or changes the target of the stage with that path;
 * FW_EINVALID when there would be more than LEAK_MAX_STAGES. */
int leak_stage_set(leakage *lk, const char *path, const char *target,
    fw_error *err);

/* Builds lk->sc: the variant as it is and one variant per nonempty
 * subset of stages with those stages at their targets. On an invalid
 * target or path, err names it and *bad is the stage's index. */
int leak_build(leakage *lk, const fw_scenario *sc, size_t *bad,
    fw_error *err);

/* Decomposes every metric of a finished run of lk->sc, replication by
 * replication, and fills lk->row. */
int leak_decompose(leakage *lk, const fw_run *run, fw_error *err);

/* Indices of gain[0..n-1] from the largest gain down; equal gains keep
 * their order. */
void leak_order(const double *gain, size_t n, size_t *order);

/* The stage ranked r-th (from 0) by its Shapley NPV gain, largest first;
 * ties keep the stages' order. */
size_t leak_rank(const leakage *lk, size_t r);

/* Whether the interactions of the NPV decomposition are material. */
int leak_material(const leakage *lk);

/* x with the decimals given and thousands separated: "1,320.0"; with a
 * sign when sign is set or x is negative. */
void leak_number(double x, int decimals, int sign, char *buf, size_t size);

/* The sentence a chart's title and the console give: which stage leaks
 * most of the NPV, from its label, gain and the number of stages. */
void leak_headline(const char *label, double gain, size_t nstage,
    char *buf, size_t size);

void leak_free(leakage *lk);

#endif
