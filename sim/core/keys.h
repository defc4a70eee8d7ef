/* keys.h - the table of keys (keys.def): scopes, types, ranges, defaults.
 * Private to the library.
 * SPDX-License-Identifier: MIT */
#ifndef FW_KEYS_H
#define FW_KEYS_H

#include <math.h>
#include <stddef.h>

#define INF HUGE_VAL

enum fw_scope { FW_SCOPE_TOP, FW_SCOPE_GLOBAL, FW_SCOPE_SEGMENT,
	FW_SCOPE_CHANNEL, FW_SCOPE_VARIANT };
enum fw_type { FW_TYPE_STR, FW_TYPE_INT, FW_TYPE_U64, FW_TYPE_REAL,
	FW_TYPE_MAP, FW_TYPE_LIST };

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
	int required;
	const char *help;
	const char *label;	/* plain-English name; NULL: the name */
	const char *unit;	/* NULL: none */
	const char *why;	/* why no user needs more than hi; NULL
				 * when hi is the quantity's own end */
} fw_key;

#define FW_KEY(scope, id, ...) FW_ENUM_##scope(id)
#define FW_ENUM_TOP(id)
#define FW_ENUM_VARIANT(id)
#define FW_ENUM_GLOBAL(id) FW_G_##id,
#define FW_ENUM_SEGMENT(id)
#define FW_ENUM_CHANNEL(id)
enum fw_global_id {
#include "keys.def"
	FW_NGLOBAL
};
#undef FW_ENUM_GLOBAL
#define FW_ENUM_GLOBAL(id)
#undef FW_ENUM_SEGMENT
#define FW_ENUM_SEGMENT(id) FW_S_##id,
enum fw_segment_id {
#include "keys.def"
	FW_NSEGMENT
};
#undef FW_ENUM_SEGMENT
#define FW_ENUM_SEGMENT(id)
#undef FW_ENUM_CHANNEL
#define FW_ENUM_CHANNEL(id) FW_C_##id,
enum fw_channel_id {
#include "keys.def"
	FW_NCHANNEL
};
#undef FW_ENUM_CHANNEL
#undef FW_KEY
#undef FW_ENUM_TOP
#undef FW_ENUM_VARIANT
#undef FW_ENUM_GLOBAL
#undef FW_ENUM_SEGMENT

extern const fw_key fwi_keys[];
extern const size_t fwi_nkeys;

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
