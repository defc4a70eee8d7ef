/* limits.c - the limits no single key can hold: HCPs in all segments and
 * touches in all channels together, which size the run's arrays and its
 * experience-count tables; and the largest figure a calibration's data
 * may give.
 * SPDX-License-Identifier: MIT */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "flywheel.h"
#include "obsdata.h"
#include "scenario.h"

/* Adds " in all, more than LIMIT: WHY" to what buf says of a total. */
static void
over(char *buf, size_t size, const fw_key *k)
{
	char limit[40];
	size_t n = strlen(buf);

	fw_format_real(k->hi, limit, sizeof(limit));
	snprintf(buf + n, size - n, " in all, more than %s: %s", limit,
	    k->why);
}

enum fw_over
fwi_config_total_problem(const fw_config *c, char *buf, size_t size)
{
	const fw_key *hk = fwi_key_segment(FW_S_HCPS);
	const fw_key *tk = fwi_key_channel(FW_C_TOUCHES);
	double hcps = 0, touches = 0;
	size_t i;

	for (i = 0; i < c->nseg; i++)
		hcps += c->seg[i].v[FW_S_HCPS].value;
	for (i = 0; i < c->nchan; i++)
		touches += fwi_num_top(&c->chan[i].v[FW_C_TOUCHES]);
	if (hcps > hk->hi) {
		snprintf(buf, size, "the segments hold %.10g HCPs", hcps);
		over(buf, size, hk);
		return FW_OVER_HCPS;
	}
	if (touches > tk->hi) {
		snprintf(buf, size, "the channels touch an HCP up to %.10g "
		    "times a month", touches);
		over(buf, size, tk);
		return FW_OVER_TOUCHES;
	}
	return FW_OVER_NONE;
}

const double fwi_obs_limit = 1e15;
const char fwi_obs_limit_why[] = "no brand's monthly figure comes near "
    "1e15, and the fit squares its errors against the series' level, "
    "which must stay a finite number";
