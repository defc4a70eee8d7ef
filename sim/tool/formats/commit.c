/* commit.c - tables written all or nothing from texts made in memory.
 * SPDX-License-Identifier: MIT */
#include "config.h"

#include <stdio.h>

#include "outfiles.h"

int
write_texts(const char *dir, size_t n, const char *const *names,
    char *const *texts, const size_t *lens, fw_error *err)
{
	outfiles o;
	size_t i;
	int rc = outfiles_open(&o, dir, names, n, err);

	if (rc != FW_OK)
		return rc;
	for (i = 0; rc == FW_OK && i < n; i++)
		if (fwrite(texts[i], 1, lens[i], o.f[i]) != lens[i]) {
			fw_error_set(err, FW_EIO, o.final[i], 0, 0, "",
			    "cannot write");
			rc = FW_EIO;
		}
	return outfiles_commit(&o, rc, err);
}
