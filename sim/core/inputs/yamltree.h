/* yamltree.h - a loaded YAML document and strict readers of its scalars,
 * with every error at its file:line:column. Private.
 * SPDX-License-Identifier: MIT */
#ifndef FW_YAMLTREE_H
#define FW_YAMLTREE_H

#include <stdint.h>

#include <yaml.h>

#include "flywheel.h"
#include "hash.h"

typedef struct fw_yaml {
	yaml_document_t doc;
	int loaded;
	const char *file;
	fw_error *err;
	long budget;		/* node visits left: stops alias bombs */
	uint64_t hash;		/* FNV-1a 64 of the bytes read */
	char sha256[FW_SHA256_TEXT];	/* and their SHA-256 */
} fw_yaml;

typedef struct fw_pair {
	yaml_node_t *key;
	yaml_node_t *value;
	const char *name;	/* the key's text */
} fw_pair;

typedef struct fw_pairs {
	fw_pair *v;
	size_t n, cap;
} fw_pairs;

int fwi_yaml_load_file(fw_yaml *y, const char *file, fw_error *err);
int fwi_yaml_load_string(fw_yaml *y, const char *name, const char *text,
    size_t len, fw_error *err);
void fwi_yaml_free(fw_yaml *y);
yaml_node_t *fwi_yaml_root(fw_yaml *y);
yaml_node_t *fwi_yaml_node(fw_yaml *y, int index);

/* Records "out of memory" and returns FW_ENOMEM. */
int fwi_yaml_nomem(fw_yaml *y);
/* Records an error at node (NULL: no position) and returns FW_EINVALID. */
int fwi_yaml_fail(fw_yaml *y, const yaml_node_t *at, const char *path,
    const char *fmt, ...) __attribute__((format(printf, 4, 5)));
/* The entries of a mapping, << merges resolved, duplicate keys refused.
 * The caller frees p->v. */
int fwi_yaml_map(fw_yaml *y, yaml_node_t *n, const char *path, fw_pairs *p);
/* The value of the entry named name, or NULL when there is none. */
yaml_node_t *fwi_yaml_find(const fw_pairs *p, const char *name);
/* Checks that n is a sequence and charges its items to the budget. */
int fwi_yaml_seq(fw_yaml *y, yaml_node_t *n, const char *path);
/* Reads a list of at least one number into *out (the caller frees it). */
int fwi_yaml_reals(fw_yaml *y, yaml_node_t *n, const char *path,
    double **out, size_t *count);
int fwi_yaml_real(fw_yaml *y, yaml_node_t *n, const char *path, double *out);
int fwi_yaml_int(fw_yaml *y, yaml_node_t *n, const char *path, double lo,
    double hi, long long *out);
int fwi_yaml_u64(fw_yaml *y, yaml_node_t *n, const char *path, uint64_t *out);
int fwi_yaml_str(fw_yaml *y, yaml_node_t *n, const char *path,
    const char **out);
/* true or false (in any case), as *out 1 or 0. */
int fwi_yaml_bool(fw_yaml *y, yaml_node_t *n, const char *path, int *out);
/* The index of p's key among names, or "unknown key" with the closest. */
int fwi_yaml_choose(fw_yaml *y, const fw_pair *p, const char *path,
    const char *const *names, size_t n, size_t *index);
/* Fails with "unknown key" and the closest of the candidates. */
int fwi_yaml_unknown(fw_yaml *y, const fw_pair *p, const char *path,
    const char *const *candidates, size_t n);
/* Whether s is a plain decimal number (sign, digits, fraction, exponent),
 * the only numbers the readers accept. */
int fwi_decimal(const char *s, int integer_only);
/* Appends ".name" or "[i]" to a path. */
void fwi_path_key(char *out, size_t size, const char *path, const char *name);
void fwi_path_index(char *out, size_t size, const char *path, size_t i);

#endif
