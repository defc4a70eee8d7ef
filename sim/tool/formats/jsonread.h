/* jsonread.h - reading back the JSON files flywheel wrote (run.json,
 * sweep.json). A results directory may come from someone else: the
 * parser bounds the size, the depth and every string, and says where a
 * file stops being JSON.
 * SPDX-License-Identifier: MIT */
#ifndef FW_JSONREAD_H
#define FW_JSONREAD_H

#include <stddef.h>

#include "flywheel.h"

/* The largest JSON file read back, and the deepest nesting. */
#define JSON_MAX_BYTES (16 << 20)
#define JSON_MAX_DEPTH 32

enum json_kind { JSON_NULL, JSON_BOOL, JSON_NUMBER, JSON_STRING,
	JSON_ARRAY, JSON_OBJECT };

/* A parsed value. Strings are UTF-8 with escapes resolved (a \u0000 is
 * kept out); an object's members keep their order. */
typedef struct json {
	enum json_kind kind;
	double number;		/* JSON_NUMBER, and 0/1 for JSON_BOOL */
	char *string;		/* JSON_STRING */
	size_t n;		/* elements of an array or members */
	struct json *item;	/* [n] */
	char **key;		/* [n], an object's member names */
} json;

/* Parses the file at path; FW_EIO with "path:line: what" when it cannot
 * be read or is not JSON, FW_ENOMEM. */
int json_load(const char *path, json **out, fw_error *err);

/* Parses len bytes of text; name stands for the file in messages. */
int json_parse(const char *name, const char *text, size_t len, json **out,
    fw_error *err);

void json_free(json *j);

/* The member named key of an object, or NULL. */
const json *json_get(const json *j, const char *key);

/* The string member key, or def when it is absent or not a string. */
const char *json_str(const json *j, const char *key, const char *def);

/* The number member key, or def when it is absent or not a number. */
double json_num(const json *j, const char *key, double def);

#endif
