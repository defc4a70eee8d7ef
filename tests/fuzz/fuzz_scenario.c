/* fuzz_scenario.c - the scenario loader on any bytes: it refuses or
 * accepts, never crashes, and what it accepts resolves to text that loads
 * again (as flywheel check promises).
 * SPDX-License-Identifier: MIT */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "flywheel.h"
#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fw_scenario *sc = NULL, *again = NULL;
	fw_error err;
	char *yaml;

	if (fw_scenario_load_string("fuzz.yaml", (const char *)data, size, &sc,
	    &err) != FW_OK)
		return 0;
	if (fw_scenario_yaml(sc, &yaml) == FW_OK) {
		if (fw_scenario_load_string("resolved.yaml", yaml,
		    strlen(yaml), &again, &err) != FW_OK)
			abort();
		fw_scenario_free(again);
	}
	fw_free(yaml);
	fw_scenario_free(sc);
	return 0;
}
