/* sweep.h - parameter sweeps. Private.
 * SPDX-License-Identifier: MIT */
#ifndef FW_SWEEP_H
#define FW_SWEEP_H

#include "scenario.h"

enum fw_design { FW_DESIGN_GRID, FW_DESIGN_ONEWAY, FW_DESIGN_LHS,
	FW_DESIGN_SOBOL, FW_NDESIGN };
extern const char *const fwi_design_names[FW_NDESIGN];

typedef struct fw_sweep_param {
	char *path;
	char *variant;		/* NULL: the baseline and every variant that
				 * does not set the key itself */
	const fw_key *key;
	const fw_num *num;	/* the scenario's value */
	double *values;		/* a grid's listed values */
	size_t nvalues;
	double lo, hi;		/* the range, or a distribution's p10, p90 */
	int has_range;
	size_t steps;
} fw_sweep_param;


typedef struct fw_sweep_metric {
	enum fw_sweep_metric_id kind;	/* FW_SM_NPV, ... (keys.def) */
	int variant;
	int against;		/* dnpv: the variant compared with, 0 baseline */
	int year;		/* revenue_year */
	int total;		/* total: index into fwi_total_names */
	char *label;		/* "dnpv:add-channels" */
} fw_sweep_metric;

/* Statistics of a metric at a point, as written to sweep.csv. */
enum { FW_SS_MEAN, FW_SS_SE, FW_SS_P5, FW_SS_P50, FW_SS_P95, FW_NSS };

struct fw_sweep {
	char *file, *scenario_file;
	fw_scenario *sc;
	enum fw_design design;
	uint64_t reps, seed;
	int months;
	size_t lhs_points, base_samples, bootstrap;
	size_t nparam, nmetric;
	fw_sweep_param *param;
	fw_sweep_metric *metric;
	size_t npoints;
	double *x;		/* [point][param]; NaN: the scenario's value */
	char hash[32];		/* of the sweep file's bytes */
};

#endif
