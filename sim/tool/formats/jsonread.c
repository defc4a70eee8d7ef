/* jsonread.c - a small, strict JSON parser for the files flywheel wrote.
 * SPDX-License-Identifier: MIT */
#include "config.h"

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jsonread.h"

typedef struct parser {
	const char *name, *p, *end;
	int line;
	fw_error *err;
} parser;

static int
fail(parser *ps, const char *fmt, ...)
{
	char msg[300];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	fw_error_set(ps->err, FW_EIO, ps->name, ps->line, 0, "", "%s: not "
	    "a file flywheel wrote", msg);
	return FW_EIO;
}

static int
nomem(parser *ps)
{
	fw_error_set(ps->err, FW_ENOMEM, "", 0, 0, "", "out of memory");
	return FW_ENOMEM;
}

static void
skip_space(parser *ps)
{
	for (; ps->p < ps->end; ps->p++) {
		if (*ps->p == '\n')
			ps->line++;
		else if (*ps->p != ' ' && *ps->p != '\t' && *ps->p != '\r')
			break;
	}
}

static int
hex4(parser *ps, unsigned *u)
{
	int i;

	*u = 0;
	if (ps->end - ps->p < 4)
		return fail(ps, "a \\u escape is cut short");
	for (i = 0; i < 4; i++) {
		char c = *ps->p++;
		*u <<= 4;
		if (c >= '0' && c <= '9')
			*u |= (unsigned)(c - '0');
		else if (c >= 'a' && c <= 'f')
			*u |= (unsigned)(c - 'a' + 10);
		else if (c >= 'A' && c <= 'F')
			*u |= (unsigned)(c - 'A' + 10);
		else
			return fail(ps, "a \\u escape holds '%c'", c);
	}
	return FW_OK;
}

/* Appends code point u as UTF-8; w has room for 4 bytes. */
static char *
put_utf8(char *w, unsigned u)
{
	if (u < 0x80)
		*w++ = (char)u;
	else if (u < 0x800) {
		*w++ = (char)(0xc0 | u >> 6);
		*w++ = (char)(0x80 | (u & 0x3f));
	} else if (u < 0x10000) {
		*w++ = (char)(0xe0 | u >> 12);
		*w++ = (char)(0x80 | (u >> 6 & 0x3f));
		*w++ = (char)(0x80 | (u & 0x3f));
	} else {
		*w++ = (char)(0xf0 | u >> 18);
		*w++ = (char)(0x80 | (u >> 12 & 0x3f));
		*w++ = (char)(0x80 | (u >> 6 & 0x3f));
		*w++ = (char)(0x80 | (u & 0x3f));
	}
	return w;
}

/* A string after its opening quote; *out is the caller's to free. */
static int
parse_string(parser *ps, char **out)
{
	const char *q;
	char *w;
	size_t room = 0;
	int rc;

	/* No escape makes the text longer than it was written. */
	for (q = ps->p; q < ps->end && *q != '"'; q++)
		if (*q == '\\' && q + 1 < ps->end)
			q++;
	if (q >= ps->end)
		return fail(ps, "a string is not closed");
	room = (size_t)(q - ps->p) + 1;
	if ((*out = w = malloc(room)) == NULL)
		return nomem(ps);
	while (*ps->p != '"') {
		unsigned char c = (unsigned char)*ps->p++;
		unsigned u, lo;
		if (c < 0x20) {
			rc = fail(ps, "a string holds a control character");
			goto bad;
		}
		if (c != '\\') {
			*w++ = (char)c;
			continue;
		}
		switch (*ps->p++) {
		case '"': *w++ = '"'; break;
		case '\\': *w++ = '\\'; break;
		case '/': *w++ = '/'; break;
		case 'b': *w++ = '\b'; break;
		case 'f': *w++ = '\f'; break;
		case 'n': *w++ = '\n'; break;
		case 'r': *w++ = '\r'; break;
		case 't': *w++ = '\t'; break;
		case 'u':
			if ((rc = hex4(ps, &u)) != FW_OK)
				goto bad;
			if (u >= 0xd800 && u < 0xdc00 && ps->end - ps->p >= 6 &&
			    ps->p[0] == '\\' && ps->p[1] == 'u') {
				ps->p += 2;
				if ((rc = hex4(ps, &lo)) != FW_OK)
					goto bad;
				if (lo < 0xdc00 || lo > 0xdfff) {
					rc = fail(ps, "a broken surrogate pair");
					goto bad;
				}
				u = 0x10000 + ((u - 0xd800) << 10) +
				    (lo - 0xdc00);
			} else if (u >= 0xd800 && u < 0xe000) {
				rc = fail(ps, "a lone surrogate");
				goto bad;
			}
			/* \u0000 would cut the string short: a space. */
			w = put_utf8(w, u == 0 ? ' ' : u);
			break;
		default:
			rc = fail(ps, "an unknown escape in a string");
			goto bad;
		}
	}
	ps->p++;
	*w = '\0';
	return FW_OK;
bad:
	free(*out);
	*out = NULL;
	return rc;
}

static int parse_value(parser *ps, json *j, int depth);
static void json_clear(json *j);

/* Grows an array or object by one slot. */
static int
grow(parser *ps, json *j, size_t *cap)
{
	json *item;
	char **key;

	if (j->n < *cap)
		return FW_OK;
	*cap = *cap ? 2 * *cap : 8;
	if ((item = realloc(j->item, *cap * sizeof(*item))) == NULL)
		return nomem(ps);
	j->item = item;
	if (j->kind == JSON_OBJECT) {
		if ((key = realloc(j->key, *cap * sizeof(*key))) == NULL)
			return nomem(ps);
		j->key = key;
	}
	return FW_OK;
}

static int
parse_items(parser *ps, json *j, int depth)
{
	const char close = j->kind == JSON_ARRAY ? ']' : '}';
	size_t cap = 0;
	int rc;

	skip_space(ps);
	if (ps->p < ps->end && *ps->p == close) {
		ps->p++;
		return FW_OK;
	}
	for (;;) {
		if ((rc = grow(ps, j, &cap)) != FW_OK)
			return rc;
		skip_space(ps);
		if (j->kind == JSON_OBJECT) {
			if (ps->p >= ps->end || *ps->p != '"')
				return fail(ps, "a member name is expected");
			ps->p++;
			if ((rc = parse_string(ps, &j->key[j->n])) != FW_OK)
				return rc;
			skip_space(ps);
			if (ps->p >= ps->end || *ps->p != ':') {
				free(j->key[j->n]);
				return fail(ps, "':' is expected");
			}
			ps->p++;
		}
		rc = parse_value(ps, &j->item[j->n], depth + 1);
		if (rc != FW_OK) {
			/* not yet counted: what it holds so far is freed
			 * here */
			json_clear(&j->item[j->n]);
			if (j->kind == JSON_OBJECT)
				free(j->key[j->n]);
			return rc;
		}
		j->n++;
		skip_space(ps);
		if (ps->p < ps->end && *ps->p == ',') {
			ps->p++;
			continue;
		}
		if (ps->p < ps->end && *ps->p == close) {
			ps->p++;
			return FW_OK;
		}
		return fail(ps, "',' or '%c' is expected", close);
	}
}

static int
parse_number(parser *ps, json *j)
{
	char buf[64], *end;
	size_t n = 0;

	while (ps->p + n < ps->end && n < sizeof(buf) &&
	    strchr("+-0123456789.eE", ps->p[n]) != NULL && ps->p[n] != '\0')
		n++;
	if (n == 0 || n >= sizeof(buf))
		return fail(ps, "a value is expected");
	memcpy(buf, ps->p, n);
	buf[n] = '\0';
	errno = 0;
	j->number = strtod(buf, &end);
	if (*end != '\0' || errno == ERANGE || !isfinite(j->number))
		return fail(ps, "a number is malformed (%s)", buf);
	j->kind = JSON_NUMBER;
	ps->p += n;
	return FW_OK;
}

static int
parse_word(parser *ps, json *j, const char *word, enum json_kind kind,
    double x)
{
	size_t n = strlen(word);

	if ((size_t)(ps->end - ps->p) < n || strncmp(ps->p, word, n) != 0)
		return fail(ps, "a value is expected");
	ps->p += n;
	j->kind = kind;
	j->number = x;
	return FW_OK;
}

static int
parse_value(parser *ps, json *j, int depth)
{
	memset(j, 0, sizeof(*j));
	if (depth > JSON_MAX_DEPTH)
		return fail(ps, "nested deeper than %d", JSON_MAX_DEPTH);
	skip_space(ps);
	if (ps->p >= ps->end)
		return fail(ps, "the file ends where a value is expected");
	switch (*ps->p) {
	case '"':
		ps->p++;
		j->kind = JSON_STRING;
		return parse_string(ps, &j->string);
	case '[':
		ps->p++;
		j->kind = JSON_ARRAY;
		return parse_items(ps, j, depth);
	case '{':
		ps->p++;
		j->kind = JSON_OBJECT;
		return parse_items(ps, j, depth);
	case 't':
		return parse_word(ps, j, "true", JSON_BOOL, 1);
	case 'f':
		return parse_word(ps, j, "false", JSON_BOOL, 0);
	case 'n':
		return parse_word(ps, j, "null", JSON_NULL, 0);
	default:
		return parse_number(ps, j);
	}
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
	parser ps = { name, text, text + len, 1, err };
	int rc;

	*out = NULL;
	if (memchr(text, '\0', len) != NULL)
		return fail(&ps, "holds a NUL byte");
	if ((*out = calloc(1, sizeof(**out))) == NULL)
		return nomem(&ps);
	rc = parse_value(&ps, *out, 0);
	if (rc == FW_OK) {
		skip_space(&ps);
		if (ps.p != ps.end)
			rc = fail(&ps, "text after the value");
	}
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
