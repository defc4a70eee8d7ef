/* plan.h - which values of a variant are uncertain, in the fixed order
 * their streams are drawn (MODEL.md §2, §7).
 * SPDX-License-Identifier: MIT */
#ifndef FW_PLAN_H
#define FW_PLAN_H

#include <stddef.h>

#include "scenario.h"

/* The uncertain values of one variant, in a fixed order: where each is,
 * and the name of its stream. */
enum fw_slot_kind { FW_SLOT_GLOBAL, FW_SLOT_SEGMENT, FW_SLOT_CHANNEL };

typedef struct fw_plan_entry {
	char *path;		/* dotted path: names the stream of u */
	const fw_num *num;
	enum fw_slot_kind kind;
	size_t index;		/* segment or channel number */
	int id;			/* key id within its scope */
	int joint;		/* index among the copula's inputs, or -1 */
} fw_plan_entry;

typedef struct fw_plan {
	size_t n;
	fw_plan_entry *v;
	const fw_copula *copula;	/* NULL or one without inputs: none */
} fw_plan;

int fwi_plan_build(fw_plan *p, const fw_config *c);
/* Has the values copula joins draw their uniforms through it. */
void fwi_plan_join(fw_plan *p, const fw_copula *copula);
void fwi_plan_clear(fw_plan *p);

#endif
