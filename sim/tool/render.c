/* render.c - a set of plots drawn by one gnuplot template in every format
 * the tool writes, and the folder they go to.
 * SPDX-License-Identifier: MIT */
#include "config.h"

#include <errno.h>
#include <string.h>
#include <sys/stat.h>

#include "files.h"
#include "gnuplot.h"

int
gnuplot_formats(const char *gnuplot, const char *templates,
    const char *template, const char *out, const char *data,
    const char *log, fw_error *err)
{
	static const char *const formats[] = { "png", "svg", "pdf" };
	char script[4096];
	size_t i;
	int rc = FW_OK;

	if (pathf(script, sizeof(script), "%s/%s", templates, template) != 0) {
		fw_error_set(err, FW_EIO, "", 0, 0, "", "directory name too "
		    "long");
		return FW_EIO;
	}
	for (i = 0; rc == FW_OK && i < 3; i++) {
		char *argv[] = { (char *)gnuplot, "-c", script,
			(char *)formats[i], (char *)out, (char *)data,
			(char *)templates, NULL };
		rc = gnuplot_run(gnuplot, argv, log, err);
	}
	return rc;
}

int
plots_dir(const char *dir, char *path, size_t size, fw_error *err)
{
	if (pathf(path, size, "%s/plots", dir) != 0 ||
	    (mkdir(path, 0777) != 0 && errno != EEXIST)) {
		fw_error_set(err, FW_EIO, path, 0, 0, "", "cannot create: %s",
		    strerror(errno));
		return FW_EIO;
	}
	return FW_OK;
}
