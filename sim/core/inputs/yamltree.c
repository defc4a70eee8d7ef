/* yamltree.c - loads one YAML document with libyaml and reads it strictly:
 * merges, duplicate keys, size and expansion limits, exact scalars.
 * SPDX-License-Identifier: MIT */
#include "config.h"

#include <ctype.h>
#include <math.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "error.h"
#include "hash.h"
#include "input.h"
#include "yamltree.h"

/* A scenario is a few kilobytes; anything this large is a mistake. */
#define FW_MAX_FILE (16L * 1024 * 1024)
/* Node visits allowed while reading: aliases may not expand without bound. */
#define FW_MAX_VISITS 1000000L
#define FW_MAX_MERGE_DEPTH 64

static const char *
node_text(const yaml_node_t *n)
{
	return (const char *)n->data.scalar.value;
}

int
fwi_yaml_nomem(fw_yaml *y)
{
	return fwi_nomem(y->err);
}

int
fwi_yaml_fail(fw_yaml *y, const yaml_node_t *at, const char *path,
    const char *fmt, ...)
{
	va_list ap;
	int line = 0, column = 0;

	if (at != NULL) {
		line = (int)at->start_mark.line + 1;
		column = (int)at->start_mark.column + 1;
	}
	va_start(ap, fmt);
	fwi_error_vset(y->err, FW_EINVALID, y->file, line, column, path, fmt,
	    ap);
	va_end(ap);
	return FW_EINVALID;
}

static int
parser_fail(fw_yaml *y, yaml_parser_t *p, const unsigned char *text)
{
	const char *what = p->problem ? p->problem : "malformed YAML";

	if (p->error == YAML_READER_ERROR) {
		/* The reader reports a byte offset: turn it into line:column. */
		int line = 1, column = 1;
		size_t i;
		for (i = 0; i < p->problem_offset; i++, column++)
			if (text[i] == '\n') {
				line++;
				column = 0;
			}
		fw_error_set(y->err, FW_EINVALID, y->file, line, column, "",
		    "not a text file: %s", what);
		return FW_EINVALID;
	}
	if (p->error == YAML_MEMORY_ERROR)
		return fwi_nomem(y->err);
	fw_error_set(y->err, FW_EINVALID, y->file,
	    (int)p->problem_mark.line + 1, (int)p->problem_mark.column + 1, "",
	    "YAML syntax error: %s%s%s", what, p->context ? " " : "",
	    p->context ? p->context : "");
	return FW_EINVALID;
}

/* The tag written on an event's node, or NULL when it has none. */
static const unsigned char *
event_tag(const yaml_event_t *e)
{
	switch (e->type) {
	case YAML_SCALAR_EVENT:
		return e->data.scalar.tag;
	case YAML_SEQUENCE_START_EVENT:
		return e->data.sequence_start.tag;
	case YAML_MAPPING_START_EVENT:
		return e->data.mapping_start.tag;
	default:
		return NULL;
	}
}

/* Refuses a tag (`!!str 400`, `!foo`) at its line and column: the
 * document tree keeps none of what a tag says, so a value read past it
 * would be read as if it were not there. Syntax errors are left to the
 * loader, which reports them. */
static int
refuse_tags(fw_yaml *y, const unsigned char *text, size_t len)
{
	static const char core[] = "tag:yaml.org,2002:";
	yaml_parser_t parser;
	yaml_event_t e;
	int rc = FW_OK, more = 1;

	if (!yaml_parser_initialize(&parser))
		return fwi_nomem(y->err);
	yaml_parser_set_input_string(&parser, text, len);
	while (more && rc == FW_OK && yaml_parser_parse(&parser, &e)) {
		const char *tag = (const char *)event_tag(&e);
		if (tag != NULL) {
			int is_core = strncmp(tag, core, sizeof(core) - 1) == 0;
			fw_error_set(y->err, FW_EINVALID, y->file,
			    (int)e.start_mark.line + 1,
			    (int)e.start_mark.column + 1, "", "a YAML tag "
			    "(%s%.60s) is not read: write the value without "
			    "one", is_core ? "!!" : "", is_core ? tag +
			    sizeof(core) - 1 : tag);
			rc = FW_EINVALID;
		}
		more = e.type != YAML_STREAM_END_EVENT;
		yaml_event_delete(&e);
	}
	yaml_parser_delete(&parser);
	return rc;
}

static int
parse_text(fw_yaml *y, const unsigned char *text, size_t len)
{
	yaml_parser_t parser;
	yaml_document_t extra;
	int rc = FW_OK;

	if (memchr(text, '\0', len) != NULL) {
		fw_error_set(y->err, FW_EINVALID, y->file, 0, 0, "",
		    "not a text file (it contains NUL bytes)");
		return FW_EINVALID;
	}
	if ((rc = refuse_tags(y, text, len)) != FW_OK)
		return rc;
	if (!yaml_parser_initialize(&parser))
		return fwi_nomem(y->err);
	yaml_parser_set_input_string(&parser, text, len);
	if (!yaml_parser_load(&parser, &y->doc)) {
		rc = parser_fail(y, &parser, text);
		yaml_parser_delete(&parser);
		return rc;
	}
	y->loaded = 1;
	if (yaml_document_get_root_node(&y->doc) == NULL) {
		fw_error_set(y->err, FW_EINVALID, y->file, 0, 0, "",
		    "the file is empty: a scenario needs at least name, "
		    "horizon_months, replications and segments");
		rc = FW_EINVALID;
	} else if (!yaml_parser_load(&parser, &extra)) {
		rc = parser_fail(y, &parser, text);
	} else {
		if (yaml_document_get_root_node(&extra) != NULL) {
			/* The document's own start: its "---" line. */
			fw_error_set(y->err, FW_EINVALID, y->file,
			    (int)extra.start_mark.line + 1,
			    (int)extra.start_mark.column + 1, "",
			    "a scenario file holds one YAML document; "
			    "a second one starts here");
			rc = FW_EINVALID;
		}
		yaml_document_delete(&extra);
	}
	yaml_parser_delete(&parser);
	return rc;
}

int
fwi_yaml_load_string(fw_yaml *y, const char *name, const char *text,
    size_t len, fw_error *err)
{
	memset(y, 0, sizeof(*y));
	y->file = name;
	y->err = err;
	y->budget = FW_MAX_VISITS;
	if (len > (size_t)FW_MAX_FILE) {
		fw_error_set(err, FW_EINVALID, name, 0, 0, "",
		    "too large for a scenario (%zu bytes; the limit is %ld)",
		    len, FW_MAX_FILE);
		return FW_EINVALID;
	}
	y->hash = fwi_hash_bytes(FW_FNV_OFFSET, text, len);
	fw_sha256(text, len, y->sha256, sizeof(y->sha256));
	return parse_text(y, (const unsigned char *)text, len);
}

int
fwi_yaml_load_file(fw_yaml *y, const char *file, fw_error *err)
{
	char *buf;
	size_t len;
	int rc;

	memset(y, 0, sizeof(*y));
	y->file = file;
	y->err = err;
	if ((rc = fwi_read_whole(file, FW_MAX_FILE, "a scenario", &buf, &len,
	    err)) != FW_OK)
		return rc;
	rc = fwi_yaml_load_string(y, file, buf, len, err);
	free(buf);
	return rc;
}

void
fwi_yaml_free(fw_yaml *y)
{
	if (y != NULL && y->loaded)
		yaml_document_delete(&y->doc);
	if (y != NULL)
		y->loaded = 0;
}

yaml_node_t *
fwi_yaml_root(fw_yaml *y)
{
	return yaml_document_get_root_node(&y->doc);
}

yaml_node_t *
fwi_yaml_node(fw_yaml *y, int index)
{
	return yaml_document_get_node(&y->doc, index);
}

static int
charge(fw_yaml *y, const yaml_node_t *n, const char *path)
{
	if (--y->budget < 0)
		return fwi_yaml_fail(y, n, path, "the document expands to more "
		    "than %ld nodes through aliases; refusing to read it",
		    FW_MAX_VISITS);
	return FW_OK;
}

void
fwi_path_key(char *out, size_t size, const char *path, const char *name)
{
	if (path == NULL || path[0] == '\0')
		snprintf(out, size, "%s", name);
	else
		snprintf(out, size, "%s.%s", path, name);
}

void
fwi_path_index(char *out, size_t size, const char *path, size_t i)
{
	snprintf(out, size, "%s[%zu]", path, i);
}

static const char *
kind_name(const yaml_node_t *n)
{
	switch (n->type) {
	case YAML_MAPPING_NODE:
		return "a mapping";
	case YAML_SEQUENCE_NODE:
		return "a list";
	default:
		return "a single value";
	}
}

static int
has_key(const fw_pairs *p, const char *name, size_t upto)
{
	size_t i;

	for (i = 0; i < upto; i++)
		if (strcmp(p->v[i].name, name) == 0)
			return 1;
	return 0;
}

static int
push_pair(fw_yaml *y, fw_pairs *p, yaml_node_t *k, yaml_node_t *v)
{
	if (p->n == p->cap) {
		size_t cap = p->cap ? 2 * p->cap : 16;
		fw_pair *nv = realloc(p->v, cap * sizeof(*nv));
		if (nv == NULL)
			return fwi_nomem(y->err);
		p->v = nv;
		p->cap = cap;
	}
	p->v[p->n].key = k;
	p->v[p->n].value = v;
	p->v[p->n].name = node_text(k);
	p->n++;
	return FW_OK;
}

static int collect(fw_yaml *y, yaml_node_t *n, const char *path,
    fw_pairs *p, int depth);

/* Adds the keys of a merged mapping that are not present yet. */
static int
merge_one(fw_yaml *y, yaml_node_t *src, yaml_node_t *at, const char *path,
    fw_pairs *p, int depth)
{
	fw_pairs sub = { 0 };
	size_t i;
	int rc;

	if (src->type != YAML_MAPPING_NODE)
		return fwi_yaml_fail(y, at, path, "<< merges mappings only, "
		    "not %s", kind_name(src));
	rc = collect(y, src, path, &sub, depth + 1);
	for (i = 0; rc == FW_OK && i < sub.n; i++)
		if (!has_key(p, sub.v[i].name, p->n))
			rc = push_pair(y, p, sub.v[i].key, sub.v[i].value);
	free(sub.v);
	return rc;
}

static int
collect(fw_yaml *y, yaml_node_t *n, const char *path, fw_pairs *p,
    int depth)
{
	yaml_node_pair_t *it;
	yaml_node_t *merges[2] = { NULL, NULL };
	int rc;

	if (depth > FW_MAX_MERGE_DEPTH)
		return fwi_yaml_fail(y, n, path, "merges nest too deeply");
	if ((rc = charge(y, n, path)) != FW_OK)
		return rc;
	for (it = n->data.mapping.pairs.start; it < n->data.mapping.pairs.top;
	    it++) {
		yaml_node_t *k = fwi_yaml_node(y, it->key);
		yaml_node_t *v = fwi_yaml_node(y, it->value);
		char sub[256];

		if ((rc = charge(y, k, path)) != FW_OK)
			return rc;
		if (k->type != YAML_SCALAR_NODE)
			return fwi_yaml_fail(y, k, path,
			    "keys must be plain names, not %s", kind_name(k));
		if (strcmp(node_text(k), "<<") == 0 &&
		    k->data.scalar.style == YAML_PLAIN_SCALAR_STYLE) {
			if (merges[0] != NULL)
				return fwi_yaml_fail(y, k, path,
				    "duplicate key '<<'");
			merges[0] = v;
			merges[1] = k;
			continue;
		}
		if (has_key(p, node_text(k), p->n)) {
			size_t i;
			for (i = 0; strcmp(p->v[i].name, node_text(k)); i++)
				;
			fwi_path_key(sub, sizeof(sub), path, node_text(k));
			return fwi_yaml_fail(y, k, sub, "duplicate key (first "
			    "given at line %d)",
			    (int)p->v[i].key->start_mark.line + 1);
		}
		if ((rc = push_pair(y, p, k, v)) != FW_OK)
			return rc;
	}
	if (merges[0] == NULL)
		return FW_OK;
	if (merges[0]->type == YAML_SEQUENCE_NODE) {
		yaml_node_item_t *i;
		for (i = merges[0]->data.sequence.items.start;
		    i < merges[0]->data.sequence.items.top; i++) {
			rc = merge_one(y, fwi_yaml_node(y, *i), merges[1], path,
			    p, depth);
			if (rc != FW_OK)
				return rc;
		}
		return FW_OK;
	}
	return merge_one(y, merges[0], merges[1], path, p, depth);
}

int
fwi_yaml_map(fw_yaml *y, yaml_node_t *n, const char *path, fw_pairs *p)
{
	int rc;

	memset(p, 0, sizeof(*p));
	if (n->type != YAML_MAPPING_NODE)
		return fwi_yaml_fail(y, n, path, "must be a mapping of keys "
		    "to values, not %s", kind_name(n));
	rc = collect(y, n, path, p, 0);
	if (rc != FW_OK) {
		free(p->v);
		memset(p, 0, sizeof(*p));
	}
	return rc;
}

int
fwi_yaml_seq(fw_yaml *y, yaml_node_t *n, const char *path)
{
	long items;

	if (n->type != YAML_SEQUENCE_NODE)
		return fwi_yaml_fail(y, n, path, "must be a list, not %s",
		    kind_name(n));
	items = (long)(n->data.sequence.items.top -
	    n->data.sequence.items.start);
	y->budget -= items;
	return charge(y, n, path);
}

yaml_node_t *
fwi_yaml_find(const fw_pairs *p, const char *name)
{
	size_t i;

	for (i = 0; i < p->n; i++)
		if (strcmp(p->v[i].name, name) == 0)
			return p->v[i].value;
	return NULL;
}

int
fwi_yaml_reals(fw_yaml *y, yaml_node_t *n, const char *path, double **out,
    size_t *count)
{
	yaml_node_item_t *it;
	char sub[300];
	size_t i = 0;
	int rc;

	*out = NULL;
	if ((rc = fwi_yaml_seq(y, n, path)) != FW_OK)
		return rc;
	*count = (size_t)(n->data.sequence.items.top -
	    n->data.sequence.items.start);
	if (*count == 0)
		return fwi_yaml_fail(y, n, path, "must list at least one value");
	if ((*out = calloc(*count, sizeof(double))) == NULL)
		return fwi_yaml_nomem(y);
	for (it = n->data.sequence.items.start;
	    it < n->data.sequence.items.top; it++, i++) {
		fwi_path_index(sub, sizeof(sub), path, i);
		if ((rc = fwi_yaml_real(y, fwi_yaml_node(y, *it), sub,
		    &(*out)[i])) != FW_OK)
			return rc;
	}
	return FW_OK;
}

int
fwi_yaml_choose(fw_yaml *y, const fw_pair *p, const char *path,
    const char *const *names, size_t n, size_t *index)
{
	for (*index = 0; *index < n; (*index)++)
		if (strcmp(p->name, names[*index]) == 0)
			return FW_OK;
	return fwi_yaml_unknown(y, p, path, names, n);
}

int
fwi_yaml_unknown(fw_yaml *y, const fw_pair *p, const char *path,
    const char *const *candidates, size_t n)
{
	char sub[256];
	const char *best = fw_suggest(p->name, candidates, n);

	fwi_path_key(sub, sizeof(sub), path, p->name);
	if (best != NULL)
		return fwi_yaml_fail(y, p->key, sub,
		    "unknown key (did you mean '%s'?)", best);
	return fwi_yaml_fail(y, p->key, sub, "unknown key");
}

/* Plain-scalar words YAML 1.1 readers take for booleans or null. */
static int
is_word(const char *s, const char *const *words)
{
	for (; *words; words++)
		if (strcasecmp(s, *words) == 0)
			return 1;
	return 0;
}

static const char *const bool_words[] = { "true", "false", "yes", "no",
	"on", "off", "y", "n", NULL };
static const char *const null_words[] = { "null", "~", "", NULL };
static const char *const nan_words[] = { ".nan", "nan", NULL };
static const char *const inf_words[] = { ".inf", "+.inf", "-.inf", "inf",
	"+inf", "-inf", "infinity", "+infinity", "-infinity", NULL };

int
fwi_decimal(const char *s, int integer_only)
{
	int digits = 0;

	if (*s == '+' || *s == '-')
		s++;
	while (isdigit((unsigned char)*s)) {
		s++;
		digits++;
	}
	if (integer_only)
		return digits > 0 && *s == '\0';
	if (*s == '.') {
		s++;
		while (isdigit((unsigned char)*s)) {
			s++;
			digits++;
		}
	}
	if (digits == 0)
		return 0;
	if (*s == 'e' || *s == 'E') {
		s++;
		if (*s == '+' || *s == '-')
			s++;
		if (!isdigit((unsigned char)*s))
			return 0;
		while (isdigit((unsigned char)*s))
			s++;
	}
	return *s == '\0';
}

/* Refuses anything that is not a plain decimal scalar, saying what it is. */
static int
need_number(fw_yaml *y, yaml_node_t *n, const char *path, const char *what)
{
	const char *s;

	if (n->type != YAML_SCALAR_NODE)
		return fwi_yaml_fail(y, n, path, "must be %s, not %s", what,
		    kind_name(n));
	s = node_text(n);
	if (n->data.scalar.style != YAML_PLAIN_SCALAR_STYLE)
		return fwi_yaml_fail(y, n, path, "must be %s, not the quoted "
		    "text \"%s\" (write numbers without quotes)", what, s);
	if (is_word(s, null_words))
		return fwi_yaml_fail(y, n, path, "must be %s, but no value "
		    "is given", what);
	if (is_word(s, bool_words))
		return fwi_yaml_fail(y, n, path, "must be %s, not the "
		    "boolean '%s'", what, s);
	if (is_word(s, nan_words))
		return fwi_yaml_fail(y, n, path, "must be %s; NaN is not "
		    "allowed", what);
	if (is_word(s, inf_words))
		return fwi_yaml_fail(y, n, path, "must be %s; infinities are "
		    "not allowed", what);
	if (!fwi_decimal(s, 0))
		return fwi_yaml_fail(y, n, path, "must be %s, not '%s'", what,
		    s);
	return FW_OK;
}

int
fwi_yaml_real(fw_yaml *y, yaml_node_t *n, const char *path, double *out)
{
	int rc = need_number(y, n, path, "a number");

	if (rc != FW_OK)
		return rc;
	errno = 0;
	*out = strtod(node_text(n), NULL);
	if (!isfinite(*out))
		return fwi_yaml_fail(y, n, path, "must be a finite number "
		    "(%s is out of range)", node_text(n));
	return FW_OK;
}

int
fwi_yaml_int(fw_yaml *y, yaml_node_t *n, const char *path, double lo,
    double hi, long long *out)
{
	int rc = need_number(y, n, path, "a whole number");
	const char *s;

	if (rc != FW_OK)
		return rc;
	s = node_text(n);
	if (!fwi_decimal(s, 1))
		return fwi_yaml_fail(y, n, path, "must be a whole number "
		    "(got %s)", s);
	errno = 0;
	*out = strtoll(s, NULL, 10);
	if (errno == ERANGE || (double)*out < lo || (double)*out > hi) {
		char a[40], b[40];
		fw_format_real(lo, a, sizeof(a));
		fw_format_real(hi, b, sizeof(b));
		return fwi_yaml_fail(y, n, path, "must be a whole number from "
		    "%s to %s (got %s)", a, b, s);
	}
	return FW_OK;
}

int
fwi_yaml_u64(fw_yaml *y, yaml_node_t *n, const char *path, uint64_t *out)
{
	int rc = need_number(y, n, path, "a whole number");
	const char *s;
	unsigned long long v;

	if (rc != FW_OK)
		return rc;
	s = node_text(n);
	if (!fwi_decimal(s, 1) || s[0] == '-') {
		return fwi_yaml_fail(y, n, path, "must be a whole number from "
		    "0 to 18446744073709551615 (got %s)", s);
	}
	errno = 0;
	v = strtoull(s, NULL, 10);
	if (errno == ERANGE)
		return fwi_yaml_fail(y, n, path, "must be a whole number from "
		    "0 to 18446744073709551615 (got %s)", s);
	*out = (uint64_t)v;
	return FW_OK;
}

int
fwi_yaml_str(fw_yaml *y, yaml_node_t *n, const char *path, const char **out)
{
	if (n->type != YAML_SCALAR_NODE)
		return fwi_yaml_fail(y, n, path, "must be text, not %s",
		    kind_name(n));
	*out = node_text(n);
	if ((*out)[0] == '\0')
		return fwi_yaml_fail(y, n, path, "must not be empty");
	return FW_OK;
}

int
fwi_yaml_bool(fw_yaml *y, yaml_node_t *n, const char *path, int *out)
{
	const char *s;

	if (n->type != YAML_SCALAR_NODE)
		return fwi_yaml_fail(y, n, path, "must be true or false, not %s",
		    kind_name(n));
	s = node_text(n);
	/* YAML 1.1's yes, no, on and off are refused: they read as text
	 * elsewhere */
	if (n->data.scalar.style == YAML_PLAIN_SCALAR_STYLE &&
	    (strcasecmp(s, "true") == 0 || strcasecmp(s, "false") == 0)) {
		*out = strcasecmp(s, "true") == 0;
		return FW_OK;
	}
	return fwi_yaml_fail(y, n, path, "must be true or false, not '%s'", s);
}
