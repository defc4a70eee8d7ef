/* plan.c - the plan of a variant's uncertain values: each value drawn from
 * a distribution, its dotted path (which names its stream) and where it
 * is stored, in the order of the key table.
 * SPDX-License-Identifier: MIT */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "copula.h"
#include "keys.h"
#include "plan.h"

static int
plan_add(fw_plan *p, const fw_num *num, enum fw_slot_kind kind,
    size_t index, int id, const char *path)
{
	fw_plan_entry *grown;

	if (num->dist == FW_DIST_NONE)
		return FW_OK;
	grown = realloc(p->v, (p->n + 1) * sizeof(*grown));
	if (grown == NULL)
		return FW_ENOMEM;
	p->v = grown;
	p->v[p->n] = (fw_plan_entry){ strdup(path), num, kind, index, id, -1 };
	if (p->v[p->n].path == NULL)
		return FW_ENOMEM;
	p->n++;
	return FW_OK;
}

int
fwi_plan_build(fw_plan *p, const fw_config *c)
{
	char path[512];
	size_t i, e;
	int rc = FW_OK;

	memset(p, 0, sizeof(*p));
	for (i = 0; rc == FW_OK && i < fwi_nkeys; i++) {
		const fw_key *k = &fwi_keys[i];
		if (k->scope == FW_SCOPE_GLOBAL) {
			snprintf(path, sizeof(path), "%s.%s", k->section,
			    k->name);
			rc = plan_add(p, &c->g[k->id], FW_SLOT_GLOBAL, 0, k->id,
			    path);
		}
		for (e = 0; k->scope == FW_SCOPE_SEGMENT && e < c->nseg; e++) {
			if (k->type != FW_TYPE_REAL)
				continue;
			snprintf(path, sizeof(path), "segments.%s.%s",
			    c->seg[e].name, k->name);
			rc = plan_add(p, &c->seg[e].v[k->id], FW_SLOT_SEGMENT,
			    e, k->id, path);
		}
		for (e = 0; k->scope == FW_SCOPE_CHANNEL && e < c->nchan; e++) {
			if (k->type != FW_TYPE_REAL)
				continue;
			snprintf(path, sizeof(path), "channels.%s.%s",
			    c->chan[e].name, k->name);
			rc = plan_add(p, &c->chan[e].v[k->id], FW_SLOT_CHANNEL,
			    e, k->id, path);
		}
	}
	if (rc != FW_OK)
		fwi_plan_clear(p);
	return rc;
}

void
fwi_plan_join(fw_plan *p, const fw_copula *copula)
{
	size_t i;

	p->copula = copula;
	for (i = 0; i < p->n; i++)
		p->v[i].joint = fwi_copula_find(copula, p->v[i].path);
}

void
fwi_plan_clear(fw_plan *p)
{
	size_t i;

	for (i = 0; i < p->n; i++)
		free(p->v[i].path);
	free(p->v);
	memset(p, 0, sizeof(*p));
}
