/* override.c - `--set path=value` on a loaded scenario.
 * SPDX-License-Identifier: MIT */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "read.h"

/* Whether variant c decides this path itself, so an override of the
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

int
fw_scenario_set(fw_scenario *sc, const char *assignment, fw_error *err)
{
	return fwi_scenario_set_in(sc, NULL, assignment, err);
}

int
fwi_scenario_set_in(fw_scenario *sc, const char *variant,
    const char *assignment, fw_error *err)
{
	const char *eq = strchr(assignment, '=');
	char *path;
	fw_yaml y;
	size_t v;
	int rc;

	if (eq == NULL || eq == assignment || eq[1] == '\0') {
		fw_error_set(err, FW_EUSAGE, "", 0, 0, "", "--set takes "
		    "path=value, e.g. friction.onboarding=0.1 (got '%s')",
		    assignment);
		return FW_EUSAGE;
	}
	if ((path = strndup(assignment, (size_t)(eq - assignment))) == NULL) {
		fw_error_set(err, FW_ERUN, "", 0, 0, "", "out of memory");
		return FW_ERUN;
	}
	rc = fwi_yaml_load_string(&y, "--set", eq + 1, strlen(eq + 1), err);
	for (v = 0; rc == FW_OK && v < sc->nconfig; v++) {
		fw_config *c = &sc->config[v];
		const fw_key *k;
		int ch;
		if (variant != NULL) {
			if (strcmp(c->name, variant) != 0)
				continue;
		} else if (v > 0 && (variant_owns(c, path) ||
		    fwi_config_slot(c, path, &k, &ch) == NULL))
			continue;
		rc = fwi_config_set(&y, c, path, fwi_yaml_root(&y), NULL, path);
	}
	fwi_yaml_free(&y);
	free(path);
	return rc;
}
