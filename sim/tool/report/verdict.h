/* verdict.h - the recommendation in words, shared by the console and the
 * board pack so that both say the same thing. Every phrase is chosen
 * from the figures it stands beside, by the thresholds below.
 *
 * How sure the call is, from the leader's paired NPV difference with the
 * runner-up (with the baseline when there is one option), replication
 * by replication:
 *   clear  the 5th percentile of the difference is above zero: the
 *          leader comes out ahead in at least 95% of replications;
 *   close  the leader comes out ahead in fewer than 75% of them: the
 *          runner-up wins more than one replication in four;
 *   likely anything between.
 * No option is recommended when the leader does not gain NPV on average.
 * SPDX-License-Identifier: MIT */
#ifndef FW_VERDICT_H
#define FW_VERDICT_H

#include <stddef.h>
#include <stdint.h>

#include "money.h"

/* One option against the baseline. Money in dollars; NaN: not known. */
typedef struct verdict_option {
	size_t v;			/* variant number */
	const char *name;
	double mean, p5, p50, p95;	/* paired ΔNPV */
	double p_ahead;			/* share of replications ΔNPV > 0 */
	int payback;			/* month, 0: none in the horizon */
	double compounding;
	double spend;			/* its own spend, present value */
	double program_cost;		/* its own programme cost */
	double cost, roi;		/* extra spend PV, ΔNPV per extra $ */
} verdict_option;

enum verdict_call { CALL_NONE, CALL_KEEP, CALL_CLOSE, CALL_LIKELY,
	CALL_CLEAR };

typedef struct verdict {
	size_t n;			/* options, ranked by mean gain */
	verdict_option *opt;
	uint64_t reps;
	int months;
	/* The leader less the runner-up, paired (set after ranking when
	 * n >= 2). */
	double lead_mean, lead_p5, lead_p95, lead_p_ahead;
} verdict;

/* Allocates n options (zeroed); -1 when out of memory. */
int verdict_alloc(verdict *vd, size_t n, uint64_t reps, int months);
void verdict_free(verdict *vd);

/* Ranks the options: best mean gain first, ties in the file's order. */
void verdict_rank(verdict *vd);

enum verdict_call verdict_call(const verdict *vd);


/* "in all 1000 replications", "in 97% of replications", ... */
void share_words(double p, uint64_t reps, char *buf, size_t size);

/* The question answered: a short title ("Recommendation: fix-access",
 * "A close call: ...", "Keep the baseline"). */
void verdict_title(const verdict *vd, char *buf, size_t size);

/* The answer in sentences: the option, its gain and the 5th-95th
 * percentile of the paired gain, how often it beats the baseline and
 * the runner-up, payback, programme cost and ROI. */
void verdict_answer(const verdict *vd, char *buf, size_t size);

/* One line on option i (in rank order). */
void verdict_line(const verdict *vd, size_t i, char *buf, size_t size);

/* "over 5 years", "over 30 months". */
void horizon_words(int months, char *buf, size_t size);

#endif
