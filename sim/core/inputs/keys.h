/* keys.h - the table of keys (keys.def): scopes, types, ranges, defaults.
 * Private to the library.
 * SPDX-License-Identifier: MIT */
#ifndef FW_KEYS_H
#define FW_KEYS_H

#include <math.h>
#include <stddef.h>

#define INF HUGE_VAL

/* More than the keys of keys.def: arrays indexed by key hold this many. */
#define FW_MAX_KEYS 256

enum fw_scope { FW_SCOPE_TOP, FW_SCOPE_GLOBAL, FW_SCOPE_SEGMENT,
	FW_SCOPE_CHANNEL, FW_SCOPE_VARIANT, FW_SCOPE_SWEEP,
	FW_SCOPE_SWEEP_PARAM, FW_SCOPE_SWEEP_METRIC, FW_SCOPE_REPORT,
	FW_SCOPE_CALIBRATION, FW_SCOPE_CAL_PARAM, FW_SCOPE_CAL_TARGET };
enum fw_type { FW_TYPE_STR, FW_TYPE_INT, FW_TYPE_U64, FW_TYPE_REAL,
	FW_TYPE_MAP, FW_TYPE_LIST, FW_TYPE_BOOL };

/* One key. Fields a row of keys.def leaves out are 0 or NULL. */
typedef struct fw_key {
	enum fw_scope scope;
	int id;			/* index within its scope */
	const char *section;	/* "friction", "segments[]", "" for the root */
	const char *name;
	enum fw_type type;
	double lo, hi;		/* the range of a number */
	int lo_open, hi_open;	/* an end of the range is excluded */
	double def;		/* default of an optional number */
	const char *def_text;	/* the default in words, when it is not a
				 * number: "the scenario's horizon" */
	int required;
	const char *help;
	const char *label;	/* plain-English name; NULL: the name */
	const char *unit;	/* NULL: none */
	const char *why;	/* why no user needs more than hi; NULL
				 * when hi is the quantity's own end */
	int why_lo;		/* why also says why none needs less than
				 * lo, which is no natural end either */
} fw_key;

/* One enum of key ids per scope, in table order: FW_TOP_NAME,
 * FW_G_F_ACCESS, FW_S_HCPS, FW_C_REACH, FW_V_SET, FW_SW_DESIGN,
 * FW_SP_RANGE, FW_SM_DNPV, FW_R_LEAKAGE. */
#define FW_KEY(in, slot, ...) FW_ID_##in(slot)
#define FW_ID_TOP(slot)
#define FW_ID_GLOBAL(slot)
#define FW_ID_SEGMENT(slot)
#define FW_ID_CHANNEL(slot)
#define FW_ID_VARIANT(slot)
#define FW_ID_SWEEP(slot)
#define FW_ID_SWEEP_PARAM(slot)
#define FW_ID_SWEEP_METRIC(slot)
#define FW_ID_REPORT(slot)
#define FW_ID_CALIBRATION(slot)
#define FW_ID_CAL_PARAM(slot)
#define FW_ID_CAL_TARGET(slot)

#undef FW_ID_TOP
#define FW_ID_TOP(slot) FW_TOP_##slot,
enum fw_top_id {
#include "keys.def"
	FW_NTOP
};
#undef FW_ID_TOP
#define FW_ID_TOP(slot)
#undef FW_ID_GLOBAL
#define FW_ID_GLOBAL(slot) FW_G_##slot,
enum fw_global_id {
#include "keys.def"
	FW_NGLOBAL
};
#undef FW_ID_GLOBAL
#define FW_ID_GLOBAL(slot)
#undef FW_ID_SEGMENT
#define FW_ID_SEGMENT(slot) FW_S_##slot,
enum fw_segment_id {
#include "keys.def"
	FW_NSEGMENT
};
#undef FW_ID_SEGMENT
#define FW_ID_SEGMENT(slot)
#undef FW_ID_CHANNEL
#define FW_ID_CHANNEL(slot) FW_C_##slot,
enum fw_channel_id {
#include "keys.def"
	FW_NCHANNEL
};
#undef FW_ID_CHANNEL
#define FW_ID_CHANNEL(slot)
#undef FW_ID_VARIANT
#define FW_ID_VARIANT(slot) FW_V_##slot,
enum fw_variant_id {
#include "keys.def"
	FW_NVARIANT_KEYS
};
#undef FW_ID_VARIANT
#define FW_ID_VARIANT(slot)
#undef FW_ID_SWEEP
#define FW_ID_SWEEP(slot) FW_SW_##slot,
enum fw_sweep_id {
#include "keys.def"
	FW_NSWEEP_KEYS
};
#undef FW_ID_SWEEP
#define FW_ID_SWEEP(slot)
#undef FW_ID_SWEEP_PARAM
#define FW_ID_SWEEP_PARAM(slot) FW_SP_##slot,
enum fw_sweep_param_id {
#include "keys.def"
	FW_NSWEEP_PARAM_KEYS
};
#undef FW_ID_SWEEP_PARAM
#define FW_ID_SWEEP_PARAM(slot)
#undef FW_ID_SWEEP_METRIC
#define FW_ID_SWEEP_METRIC(slot) FW_SM_##slot,
enum fw_sweep_metric_id {
#include "keys.def"
	FW_NSWEEP_METRIC_KEYS
};
#undef FW_ID_SWEEP_METRIC
#define FW_ID_SWEEP_METRIC(slot)
#undef FW_ID_REPORT
#define FW_ID_REPORT(slot) FW_R_##slot,
enum fw_report_id {
#include "keys.def"
	FW_NREPORT_KEYS
};
#undef FW_ID_REPORT
#define FW_ID_REPORT(slot)
#undef FW_ID_CALIBRATION
#define FW_ID_CALIBRATION(slot) FW_CA_##slot,
enum fw_calibration_id {
#include "keys.def"
	FW_NCALIBRATION_KEYS
};
#undef FW_ID_CALIBRATION
#define FW_ID_CALIBRATION(slot)
#undef FW_ID_CAL_PARAM
#define FW_ID_CAL_PARAM(slot) FW_CP_##slot,
enum fw_cal_param_id {
#include "keys.def"
	FW_NCAL_PARAM_KEYS
};
#undef FW_ID_CAL_PARAM
#define FW_ID_CAL_PARAM(slot)
#undef FW_ID_CAL_TARGET
#define FW_ID_CAL_TARGET(slot) FW_CT_##slot,
enum fw_cal_target_id {
#include "keys.def"
	FW_NCAL_TARGET_KEYS
};
#undef FW_ID_CAL_TARGET
#undef FW_ID_SWEEP_METRIC
#undef FW_ID_CALIBRATION
#undef FW_ID_CAL_PARAM
#undef FW_ID_REPORT
#undef FW_ID_TOP
#undef FW_ID_GLOBAL
#undef FW_ID_SEGMENT
#undef FW_ID_CHANNEL
#undef FW_ID_VARIANT
#undef FW_ID_SWEEP
#undef FW_ID_SWEEP_PARAM
#undef FW_KEY

extern const fw_key fwi_keys[];
extern const size_t fwi_nkeys;

/* The names of a scope's keys in id order into names[0..max-1]; the
 * number of them. */
size_t fwi_key_names(enum fw_scope scope, const char **names, size_t max);
/* The sections of the global keys ("economics", "friction", ...), each
 * once, in table order; the number of them. */
size_t fwi_key_sections(const char **names, size_t max);
/* Whether the key belongs to a sweep file. */
int fwi_key_in_sweep(const fw_key *k);
/* Whether the key belongs to a calibration file. */
int fwi_key_in_calibration(const fw_key *k);

/* Finds a key of a scope by section and name; NULL if there is none. */
const fw_key *fwi_key_find(enum fw_scope scope, const char *section,
    const char *name);
/* The key of a global, segment or channel slot. */
const fw_key *fwi_key_global(int id);
const fw_key *fwi_key_segment(int id);
const fw_key *fwi_key_channel(int id);
/* "number in [0, 1]", "integer >= 1", ... */
void fwi_key_range_text(const fw_key *k, char *buf, size_t size);
/* The key a dotted path names ("friction.access",
 * "segments.NAME.trust", "segments[].trust"), element names unchecked;
 * NULL if none. */
const fw_key *fwi_key_for_path(const char *path);
/* Whether x lies in the key's range. */
int fwi_key_in_range(const fw_key *k, double x);
/* "must be a number in [0, 1000] (got 3e9): no HCP is touched ...": why
 * x, written as got, is refused. */
void fwi_key_refusal(const fw_key *k, double x, const char *got, char *buf,
    size_t size);

#endif
