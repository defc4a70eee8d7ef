/* fuzz_json.c - the JSON parser of the results readers on any bytes:
 * every value of what it accepts is visited.
 * SPDX-License-Identifier: MIT */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "jsonread.h"

static void
visit(const json *j)
{
	size_t i;

	if (j->kind == JSON_STRING && j->string == NULL)
		abort();
	if (j->kind == JSON_STRING && strlen(j->string) > JSON_MAX_BYTES)
		abort();
	for (i = 0; i < j->n; i++) {
		if (j->kind == JSON_OBJECT) {
			(void)json_get(j, j->key[i]);
			(void)json_str(j, j->key[i], "");
			(void)json_num(j, j->key[i], 0);
		}
		visit(&j->item[i]);
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	json *j = NULL;
	fw_error err;

	if (json_parse("fuzz.json", (const char *)data, size, &j, &err) ==
	    FW_OK)
		visit(j);
	json_free(j);
	return 0;
}
