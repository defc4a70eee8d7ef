/* calscale.c - the scale a calibration searches each parameter on: the
 * whole real line, so that no step of the simplex leaves the range.
 * SPDX-License-Identifier: MIT
 *
 * A bounded range [lo, hi] is searched on z = log(u / (1 - u)), u =
 * (x - lo) / (hi - lo) its place in the range; a range without an upper
 * end on z = log(x - lo), no value passing the key's limit when it has
 * one with a reason (the objective is flat beyond). Starting points fill the range from 2% to 98%
 * of its width, or lie within a factor of 3 of the scenario's own
 * distance above the lower end.
 */
#include "config.h"

#include <math.h>

#include "calibration.h"

/* Beyond this the value is its range's end to 13 digits; clamping keeps
 * it inside an open end. */
#define FW_Z_MAX 30.0

double
fwi_cal_to_search(const fw_cal_param *p, double x)
{
	double u;

	if (p->scale == FW_SCALE_LOG)
		return log(x - p->lo);
	u = (x - p->lo) / (p->hi - p->lo);
	return log(u / (1 - u));
}

double
fwi_cal_from_search(const fw_cal_param *p, double z)
{
	double u;

	z = z > FW_Z_MAX ? FW_Z_MAX : z < -FW_Z_MAX ? -FW_Z_MAX : z;
	/* past a key's limit the objective stays what it is at the limit,
	 * which a run accepts, so that the simplex turns back */
	if (p->scale == FW_SCALE_LOG)
		return fmin(p->lo + exp(z), p->limit);
	/* the form that does not overflow on either side */
	u = z >= 0 ? 1 / (1 + exp(-z)) : exp(z) / (1 + exp(z));
	return p->lo + (p->hi - p->lo) * u;
}

double
fwi_cal_place(const fw_cal_param *p, double x)
{
	if (p->scale == FW_SCALE_LOG)
		return (x - p->lo) / (p->own - p->lo);
	return (x - p->lo) / (p->hi - p->lo);
}

double
fwi_cal_start(const fw_cal_param *p, double u)
{
	if (p->scale == FW_SCALE_LOG)
		return log(p->own - p->lo) + (2 * u - 1) * log(3.0);
	return fwi_cal_to_search(p, p->lo + (p->hi - p->lo) *
	    (0.02 + 0.96 * u));
}
