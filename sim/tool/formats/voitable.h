/* voitable.h - a run's value of information (MODEL.md §7b): computed
 * once, written as voi.csv and told on the console.
 * SPDX-License-Identifier: MIT */
#ifndef FW_VOITABLE_H
#define FW_VOITABLE_H

#include <stdio.h>

#include "flywheel.h"

typedef struct voi_table {
	size_t nopt;			/* baseline and variants */
	size_t ninput, ngroup;
	double v0;			/* expected gain of the best option now */
	size_t best;			/* that option */
	fw_voi_estimate evpi;
	fw_voi_estimate *input;		/* [ninput]: EVPPI of each input */
	fw_voi_estimate *group;		/* [ngroup]: of each voi_groups entry */
	fw_voi_estimate *eol;		/* [nopt] */
	double *p_best;			/* [nopt] */
	double *explained;		/* [nopt]: share of the gain's variance */
} voi_table;

/* Estimates the run's value of information; FW_OK with t->ninput 0 for
 * a run without uncertain inputs. */
int voi_compute(const fw_run *run, voi_table *t, fw_error *err);
/* voi.csv: measure,subject,value,se. */
int voi_write(const fw_run *run, const voi_table *t, FILE *f);
/* What the spread of the recommendation is made of, and what learning
 * more is worth, in sentences for the console. */
void voi_print(const fw_run *run, const voi_table *t, FILE *out);
void voi_free(voi_table *t);

#endif
