/* jsonread.c - JSON read with libyaml's parser (JSON is YAML's flow
 * style), which keeps every number as the text written, so that a 64-bit
 * seed comes back exact. What YAML allows and JSON does not (block
 * style, single quotes, bare words, anchors, tags, several documents) is
 * refused here.
 * SPDX-License-Identifier: MIT */
#include "config.h"

#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <yaml.h>

#include "jsonread.h"

typedef struct reader {
	yaml_parser_t parser;
	yaml_event_t event;
	const char *name;
	fw_error *err;
} reader;

/* Fails at the current event (its line and column) with a message. */
static int
fail(reader *rd, const char *what)
{
	fw_error_set(rd->err, FW_EIO, rd->name,
	    (int)rd->event.start_mark.line + 1,
	    (int)rd->event.start_mark.column + 1, "", "%s: not a file "
	    "flywheel wrote", what);
	return FW_EIO;
}

static int
nomem(reader *rd)
{
	fw_error_set(rd->err, FW_ENOMEM, "", 0, 0, "", "out of memory");
	return FW_ENOMEM;
}

/* Reads the next event into rd->event, the previous one deleted. */
static int
next(reader *rd)
{
	yaml_event_delete(&rd->event);
	if (yaml_parser_parse(&rd->parser, &rd->event))
		return FW_OK;
	if (rd->parser.error == YAML_MEMORY_ERROR)
		return nomem(rd);
	fw_error_set(rd->err, FW_EIO, rd->name,
	    (int)rd->parser.problem_mark.line + 1,
	    (int)rd->parser.problem_mark.column + 1, "", "%s: not JSON",
	    rd->parser.problem ? rd->parser.problem : "cannot be parsed");
	return FW_EIO;
}

/* Whether the len bytes at s are a number as JSON writes one:
 * -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)? */
static int
json_number_text(const char *s, size_t len)
{
	const char *p = s, *end = s + len;
	const char *digits;

	if (p < end && *p == '-')
		p++;
	if (p < end && *p == '0')
		p++;
	else if (p < end && *p >= '1' && *p <= '9')
		while (p < end && *p >= '0' && *p <= '9')
			p++;
	else
		return 0;
	if (p < end && *p == '.') {
		digits = ++p;
		while (p < end && *p >= '0' && *p <= '9')
			p++;
		if (p == digits)
			return 0;
	}
	if (p < end && (*p == 'e' || *p == 'E')) {
		if (++p < end && (*p == '+' || *p == '-'))
			p++;
		digits = p;
		while (p < end && *p >= '0' && *p <= '9')
			p++;
		if (p == digits)
			return 0;
	}
	return p == end;
}

/* The scalar of rd->event as a JSON value: a double-quoted string, or a
 * bare number, true, false or null. */
static int
scalar(reader *rd, json *j)
{
	const yaml_event_t *e = &rd->event;
	const char *v = (const char *)e->data.scalar.value;
	size_t len = e->data.scalar.length;

	if (e->data.scalar.anchor != NULL || e->data.scalar.tag != NULL)
		return fail(rd, "an anchor or a tag");
	if (e->data.scalar.style == YAML_DOUBLE_QUOTED_SCALAR_STYLE) {
		if (memchr(v, '\0', len) != NULL)
			return fail(rd, "a string holds a NUL character");
		j->kind = JSON_STRING;
	} else if (e->data.scalar.style != YAML_PLAIN_SCALAR_STYLE)
		return fail(rd, "a string not in double quotes");
	else if (json_number_text(v, len)) {
		j->kind = JSON_NUMBER;
		j->number = strtod(v, NULL);
	} else if (strcmp(v, "true") == 0 || strcmp(v, "false") == 0) {
		j->kind = JSON_BOOL;
		j->number = v[0] == 't';
	} else if (strcmp(v, "null") == 0)
		j->kind = JSON_NULL;
	else
		return fail(rd, "a word that is no JSON value");
	if (j->kind == JSON_STRING || j->kind == JSON_NUMBER) {
		if ((j->string = malloc(len + 1)) == NULL)
			return nomem(rd);
		memcpy(j->string, v, len);
		j->string[len] = '\0';
	}
	return FW_OK;
}

static int value(reader *rd, json *j, int depth);

/* The items of an array or the members of an object, up to the event
 * that ends it. */
static int
items(reader *rd, json *j, int depth)
{
	const yaml_event_type_t end = j->kind == JSON_ARRAY ?
	    YAML_SEQUENCE_END_EVENT : YAML_MAPPING_END_EVENT;
	size_t cap = 0;
	int rc;

	for (;;) {
		if ((rc = next(rd)) != FW_OK)
			return rc;
		if (rd->event.type == end)
			return FW_OK;
		if (j->n == cap) {
			size_t grown = cap ? 2 * cap : 8;
			json *item = realloc(j->item, grown * sizeof(*item));
			char **key;
			if (item == NULL)
				return nomem(rd);
			j->item = item;
			if (j->kind == JSON_OBJECT) {
				if ((key = realloc(j->key, grown *
				    sizeof(*key))) == NULL)
					return nomem(rd);
				j->key = key;
			}
			cap = grown;
		}
		memset(&j->item[j->n], 0, sizeof(j->item[j->n]));
		if (j->kind == JSON_OBJECT) {
			json name = { 0 };
			j->key[j->n] = NULL;
			if (rd->event.type != YAML_SCALAR_EVENT ||
			    rd->event.data.scalar.style !=
			    YAML_DOUBLE_QUOTED_SCALAR_STYLE)
				return fail(rd, "a member's name not in double "
				    "quotes");
			if ((rc = scalar(rd, &name)) != FW_OK)
				return rc;
			j->key[j->n] = name.string;
			if ((rc = next(rd)) != FW_OK)
				return rc;
		}
		/* counted first, so that json_free releases it on failure */
		j->n++;
		if ((rc = value(rd, &j->item[j->n - 1], depth + 1)) != FW_OK)
			return rc;
	}
}

/* The value that begins with rd->event. */
static int
value(reader *rd, json *j, int depth)
{
	const yaml_event_t *e = &rd->event;

	if (depth > JSON_MAX_DEPTH)
		return fail(rd, "nested too deep");
	switch (e->type) {
	case YAML_SCALAR_EVENT:
		return scalar(rd, j);
	case YAML_SEQUENCE_START_EVENT:
		if (e->data.sequence_start.style != YAML_FLOW_SEQUENCE_STYLE ||
		    e->data.sequence_start.anchor != NULL ||
		    e->data.sequence_start.tag != NULL)
			return fail(rd, "a list that is not a JSON array");
		j->kind = JSON_ARRAY;
		return items(rd, j, depth);
	case YAML_MAPPING_START_EVENT:
		if (e->data.mapping_start.style != YAML_FLOW_MAPPING_STYLE ||
		    e->data.mapping_start.anchor != NULL ||
		    e->data.mapping_start.tag != NULL)
			return fail(rd, "a mapping that is not a JSON object");
		j->kind = JSON_OBJECT;
		return items(rd, j, depth);
	default:
		return fail(rd, "an alias");
	}
}

/* The one document of the stream, a value, and nothing after it. */
static int
document(reader *rd, json *j)
{
	int rc;

	if ((rc = next(rd)) != FW_OK)
		return rc;
	/* YAML_STREAM_START_EVENT */
	if ((rc = next(rd)) != FW_OK)
		return rc;
	if (rd->event.type != YAML_DOCUMENT_START_EVENT)
		return fail(rd, "no value");
	if (!rd->event.data.document_start.implicit)
		return fail(rd, "a YAML document marker");
	if ((rc = next(rd)) != FW_OK || (rc = value(rd, j, 0)) != FW_OK ||
	    (rc = next(rd)) != FW_OK)
		return rc;
	/* YAML_DOCUMENT_END_EVENT */
	if ((rc = next(rd)) != FW_OK)
		return rc;
	if (rd->event.type != YAML_STREAM_END_EVENT)
		return fail(rd, "text after the value");
	return FW_OK;
}

static void
json_clear(json *j)
{
	size_t i;

	for (i = 0; i < j->n; i++) {
		json_clear(&j->item[i]);
		if (j->key != NULL)
			free(j->key[i]);
	}
	free(j->item);
	free(j->key);
	free(j->string);
}

void
json_free(json *j)
{
	if (j == NULL)
		return;
	json_clear(j);
	free(j);
}

int
json_parse(const char *name, const char *text, size_t len, json **out,
    fw_error *err)
{
	reader rd;
	int rc;

	*out = NULL;
	memset(&rd, 0, sizeof(rd));
	rd.name = name;
	rd.err = err;
	if (memchr(text, '\0', len) != NULL) {
		fw_error_set(err, FW_EIO, name, 0, 0, "", "holds a NUL byte: "
		    "not a file flywheel wrote");
		return FW_EIO;
	}
	if (!yaml_parser_initialize(&rd.parser) ||
	    (*out = calloc(1, sizeof(**out))) == NULL) {
		yaml_parser_delete(&rd.parser);
		return nomem(&rd);
	}
	yaml_parser_set_input_string(&rd.parser, (const unsigned char *)text,
	    len);
	yaml_parser_set_encoding(&rd.parser, YAML_UTF8_ENCODING);
	rc = document(&rd, *out);
	yaml_event_delete(&rd.event);
	yaml_parser_delete(&rd.parser);
	if (rc != FW_OK) {
		json_free(*out);
		*out = NULL;
	}
	return rc;
}

int
json_load(const char *path, json **out, fw_error *err)
{
	FILE *f = fopen(path, "rb");
	char *text;
	size_t n;
	int rc;

	*out = NULL;
	if (f == NULL) {
		fw_error_set(err, FW_EIO, path, 0, 0, "", "cannot read: %s",
		    strerror(errno));
		return FW_EIO;
	}
	if ((text = malloc(JSON_MAX_BYTES + 1)) == NULL) {
		fclose(f);
		fw_error_set(err, FW_ENOMEM, "", 0, 0, "", "out of memory");
		return FW_ENOMEM;
	}
	n = fread(text, 1, JSON_MAX_BYTES + 1, f);
	if (ferror(f))
		rc = FW_EIO, fw_error_set(err, FW_EIO, path, 0, 0, "",
		    "cannot read: %s", strerror(errno));
	else if (n > JSON_MAX_BYTES)
		rc = FW_EIO, fw_error_set(err, FW_EIO, path, 0, 0, "",
		    "larger than %d bytes: not a file flywheel wrote",
		    JSON_MAX_BYTES);
	else
		rc = json_parse(path, text, n, out, err);
	fclose(f);
	free(text);
	return rc;
}

const json *
json_get(const json *j, const char *key)
{
	size_t i;

	if (j == NULL || j->kind != JSON_OBJECT)
		return NULL;
	for (i = 0; i < j->n; i++)
		if (strcmp(j->key[i], key) == 0)
			return &j->item[i];
	return NULL;
}

const char *
json_str(const json *j, const char *key, const char *def)
{
	const json *m = json_get(j, key);

	return m != NULL && m->kind == JSON_STRING ? m->string : def;
}

double
json_num(const json *j, const char *key, double def)
{
	const json *m = json_get(j, key);

	return m != NULL && m->kind == JSON_NUMBER ? m->number : def;
}

int
json_u64(const json *j, const char *key, uint64_t *out)
{
	const json *m = json_get(j, key);
	uintmax_t x;
	char *end;

	if (m == NULL || m->kind != JSON_NUMBER || m->string[0] == '-')
		return 0;
	errno = 0;
	x = strtoumax(m->string, &end, 10);
	if (errno != 0 || *end != '\0' || x > UINT64_MAX)
		return 0;
	*out = (uint64_t)x;
	return 1;
}
