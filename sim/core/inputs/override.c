/* override.c - changing a loaded scenario: a key set from YAML text or
 * from a number, in the baseline or in one variant; reading a key's
 * value; adding and removing a variant.
 * SPDX-License-Identifier: MIT */
#include "config.h"

#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "read.h"

/* Whether variant c decides this path itself, so a change of the
 * baseline does not reach it. */
static int
variant_owns(const fw_config *c, const char *path)
{
	size_t i;

	for (i = 0; i < c->nset; i++)
		if (strcmp(c->set_paths[i], path) == 0)
			return 1;
	return c->own_program_cost && strncmp(path, "program_cost.", 13) == 0;
}

/* The configuration `variant` names (NULL: the baseline), or NULL with
 * err filled. */
static fw_config *
find_config(const fw_scenario *sc, const char *variant, fw_error *err)
{
	int v = variant == NULL ? 0 : fwi_scenario_find(sc, variant);

	if (v < 0) {
		fw_error_set(err, FW_EINVALID, "", 0, 0, "", "no variant "
		    "named '%s'", variant);
		return NULL;
	}
	return &sc->config[v];
}

/* Whether a change of path in `variant` reaches configuration v: the one
 * named, or with variant NULL the baseline and every variant that has
 * the key and does not set it itself. */
static int
reaches(const fw_scenario *sc, const char *variant, const char *path,
    size_t v)
{
	fw_config *c = &sc->config[v];
	const fw_key *k;
	int ch;

	if (variant != NULL)
		return strcmp(c->name, variant) == 0;
	return v == 0 || (!variant_owns(c, path) &&
	    fwi_config_slot(c, path, &k, &ch) != NULL);
}

/* Records that a variant sets path itself, as its file's `set` would. */
static int
own_path(fw_config *c, const char *path)
{
	char **grown;

	if (c == NULL || strcmp(c->name, "baseline") == 0 ||
	    variant_owns(c, path))
		return FW_OK;
	if ((grown = realloc(c->set_paths, (c->nset + 1) *
	    sizeof(char *))) == NULL)
		return FW_ENOMEM;
	c->set_paths = grown;
	if ((grown[c->nset] = strdup(path)) == NULL)
		return FW_ENOMEM;
	c->nset++;
	return FW_OK;
}

/* Adds a change made to the list run.json records; FW_ENOMEM. */
static int
record(fw_scenario *sc, const char *variant, const char *path,
    const char *value)
{
	fw_override *grown = realloc(sc->override, (sc->noverride + 1) *
	    sizeof(*grown)), *o;

	if (grown == NULL)
		return FW_ENOMEM;
	sc->override = grown;
	o = &grown[sc->noverride];
	o->variant = variant ? strdup(variant) : NULL;
	o->path = strdup(path);
	o->value = strdup(value);
	if ((variant && o->variant == NULL) || o->path == NULL ||
	    o->value == NULL) {
		free(o->variant);
		free(o->path);
		free(o->value);
		return FW_ENOMEM;
	}
	sc->noverride++;
	return FW_OK;
}

/* Records a value given as text: a plain number as fw_format_real()
 * writes it (so that 0.30 and the number 0.3 are recorded alike), any
 * other text as it is. */
static int
record_text(fw_scenario *sc, const char *variant, const char *path,
    const char *value)
{
	char *end, text[32];
	double x = strtod(value, &end);

	if (end == value || *end != '\0' || !isfinite(x) ||
	    !(isdigit((unsigned char)value[0]) || value[0] == '-' ||
	    value[0] == '.'))
		return record(sc, variant, path, value);
	fw_format_real(x, text, sizeof(text));
	return record(sc, variant, path, text);
}

void
fwi_overrides_free(fw_scenario *sc)
{
	size_t i;

	for (i = 0; i < sc->noverride; i++) {
		free(sc->override[i].variant);
		free(sc->override[i].path);
		free(sc->override[i].value);
	}
	free(sc->override);
	sc->override = NULL;
	sc->noverride = 0;
}

int
fwi_overrides_copy(fw_scenario *dst, const fw_scenario *src)
{
	size_t i;

	dst->override = NULL;
	dst->noverride = 0;
	for (i = 0; i < src->noverride; i++)
		if (record(dst, src->override[i].variant, src->override[i].path,
		    src->override[i].value) != FW_OK) {
			fwi_overrides_free(dst);
			return FW_ENOMEM;
		}
	return FW_OK;
}

size_t
fw_scenario_override_count(const fw_scenario *sc)
{
	return sc != NULL ? sc->noverride : 0;
}

int
fw_scenario_override(const fw_scenario *sc, size_t i, const char **variant,
    const char **path, const char **value)
{
	if (sc == NULL || variant == NULL || path == NULL || value == NULL ||
	    i >= sc->noverride)
		return FW_EINVALID;
	*variant = sc->override[i].variant;
	*path = sc->override[i].path;
	*value = sc->override[i].value;
	return FW_OK;
}

int
fw_scenario_set(fw_scenario *sc, const char *variant, const char *path,
    const char *value, fw_error *err)
{
	fw_yaml y;
	size_t v;
	int rc;

	FWI_NOT_NULL(sc, err);
	FWI_NOT_NULL(path, err);
	FWI_NOT_NULL(value, err);
	if (find_config(sc, variant, err) == NULL)
		return FW_EINVALID;
	rc = fwi_yaml_load_string(&y, "", value, strlen(value), err);
	for (v = 0; rc == FW_OK && v < sc->nconfig; v++)
		if (reaches(sc, variant, path, v) && (rc = fwi_config_set(&y,
		    &sc->config[v], path, fwi_yaml_root(&y), NULL, path)) ==
		    FW_OK && variant != NULL)
			rc = own_path(&sc->config[v], path);
	fwi_yaml_free(&y);
	if (rc == FW_OK)
		rc = record_text(sc, variant, path, value);
	if (rc == FW_ENOMEM)
		fw_error_set(err, FW_ENOMEM, "", 0, 0, path, "out of memory");
	return rc;
}

int
fw_scenario_set_number(fw_scenario *sc, const char *variant,
    const char *path, double x, fw_error *err)
{
	size_t v;
	int rc = FW_OK;

	FWI_NOT_NULL(sc, err);
	FWI_NOT_NULL(path, err);
	if (find_config(sc, variant, err) == NULL)
		return FW_EINVALID;
	for (v = 0; rc == FW_OK && v < sc->nconfig; v++)
		if (reaches(sc, variant, path, v) && (rc = fwi_config_set_number(
		    &sc->config[v], path, x, err)) == FW_OK && variant != NULL)
			rc = own_path(&sc->config[v], path);
	if (rc == FW_OK) {
		char text[32];
		fw_format_real(x, text, sizeof(text));
		rc = record(sc, variant, path, text);
	}
	if (rc == FW_ENOMEM)
		fw_error_set(err, FW_ENOMEM, "", 0, 0, path, "out of memory");
	return rc;
}

/* The value slot of path in a variant, or NULL with err filled. */
static const fw_num *
find_slot(const fw_scenario *sc, const char *variant, const char *path,
    fw_error *err)
{
	fw_config *c = find_config(sc, variant, err);
	const fw_key *k;
	const fw_num *n;
	int ch;

	if (c == NULL)
		return NULL;
	if ((n = fwi_config_slot(c, path, &k, &ch)) == NULL)
		fw_error_set(err, FW_EINVALID, "", 0, 0, path, "no such key in "
		    "%s", c->name);
	return n;
}

int
fw_scenario_value(const fw_scenario *sc, const char *variant,
    const char *path, double u, double *x, fw_error *err)
{
	const fw_num *n;

	FWI_NOT_NULL(sc, err);
	FWI_NOT_NULL(path, err);
	FWI_NOT_NULL(x, err);
	if ((n = find_slot(sc, variant, path, err)) == NULL)
		return FW_EINVALID;
	if (n->dist != FW_DIST_NONE && !(u > 0 && u < 1)) {
		fw_error_set(err, FW_EINVALID, "", 0, 0, path, "a quantile is "
		    "a number in (0, 1)");
		return FW_EINVALID;
	}
	*x = fwi_num_at(n, u);
	return FW_OK;
}

int
fw_scenario_is_uncertain(const fw_scenario *sc, const char *variant,
    const char *path)
{
	const fw_num *n = sc != NULL && path != NULL ? find_slot(sc, variant,
	    path, NULL) : NULL;

	return n == NULL ? -1 : n->dist != FW_DIST_NONE;
}

int
fw_scenario_add_variant(fw_scenario *sc, const char *name, const char *from,
    fw_error *err)
{
	const fw_config *src;
	const char *problem;
	fw_config *grown, c;

	FWI_NOT_NULL(sc, err);
	FWI_NOT_NULL(name, err);
	if ((src = find_config(sc, from, err)) == NULL)
		return FW_EINVALID;
	problem = fwi_name_problem(name);
	if (problem != NULL || strcmp(name, "baseline") == 0 ||
	    fwi_scenario_find(sc, name) >= 0) {
		fw_error_set(err, FW_EINVALID, "", 0, 0, "", "cannot add a "
		    "variant named '%s': %s", name, problem ? problem :
		    "the name is taken");
		return FW_EINVALID;
	}
	if (fwi_config_clone(&c, src) != FW_OK)
		goto nomem;
	free(c.name);
	free(c.description);
	free(c.label);
	free(c.colour);
	c.description = c.label = c.colour = NULL;
	if ((c.name = strdup(name)) == NULL ||
	    (grown = realloc(sc->config, (sc->nconfig + 1) *
	    sizeof(fw_config))) == NULL) {
		fwi_config_clear(&c);
		goto nomem;
	}
	sc->config = grown;
	sc->config[sc->nconfig++] = c;
	return FW_OK;
nomem:
	fw_error_set(err, FW_ENOMEM, "", 0, 0, "", "out of memory");
	return FW_ENOMEM;
}

int
fw_scenario_remove_variant(fw_scenario *sc, const char *name, fw_error *err)
{
	int v;

	FWI_NOT_NULL(sc, err);
	FWI_NOT_NULL(name, err);
	if ((v = fwi_scenario_find(sc, name)) <= 0) {
		fw_error_set(err, FW_EINVALID, "", 0, 0, "", "cannot remove %s: "
		    "%s", v == 0 ? "the baseline" : name, v == 0 ? "every "
		    "scenario has one" : "there is no such variant");
		return FW_EINVALID;
	}
	fwi_config_clear(&sc->config[v]);
	memmove(&sc->config[v], &sc->config[v + 1], (sc->nconfig - (size_t)v -
	    1) * sizeof(fw_config));
	sc->nconfig--;
	return FW_OK;
}
