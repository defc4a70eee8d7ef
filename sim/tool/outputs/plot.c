/* plot.c - plots and the board pack from a run's report (report.h):
 * writes the templates' data (charts.c,
 * pack.c), runs gnuplot with an argument vector (no shell) into a
 * temporary directory, checks every file it made, and moves them in.
 * SPDX-License-Identifier: MIT */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "files.h"
#include "pack.h"
#include "plots.h"

static const char *const formats[] = { "png", "svg", "pdf" };

/* Checks every chart and the pack in out, then moves them into dir. */
static int
move_plots(const char *out, const char *dir, const int *drawn,
    fw_error *err)
{
	char from[4096], name[4096], shown[4096];
	size_t i, j;
	int plots, rc;

	pathf(from, sizeof(from), "%s/board-pack.pdf", out);
	if ((rc = check_output(from, err)) != FW_OK)
		return rc;
	for (i = 0; i < run_chart_count; i++)
		for (j = 0; drawn[i] && j < 3; j++) {
			pathf(from, sizeof(from), "%s/%s.%s", out,
			    run_charts[i].file, formats[j]);
			if ((rc = check_output(from, err)) != FW_OK)
				return rc;
		}
	if ((plots = out_folder(dir, "plots", err)) < 0)
		return FW_EIO;
	pathf(shown, sizeof(shown), "%s/plots", dir);
	for (i = 0; rc == FW_OK && i < run_chart_count; i++)
		for (j = 0; rc == FW_OK && j < 3; j++) {
			pathf(from, sizeof(from), "%s/%s.%s", out,
			    run_charts[i].file, formats[j]);
			pathf(name, sizeof(name), "%s.%s", run_charts[i].file,
			    formats[j]);
			if (drawn[i])
				rc = out_move_into(from, plots, shown, name,
				    err);
			else
				unlinkat(plots, name, 0);  /* not this run's */
		}
	close(plots);
	if (rc != FW_OK)
		return rc;
	pathf(from, sizeof(from), "%s/board-pack.pdf", out);
	pathf(name, sizeof(name), "%s/board-pack.pdf", dir);
	return out_move_into(from, AT_FDCWD, dir, name, err);
}

/* Writes the data every template reads into tmp. */
static int
write_data(const report *d, const char *tmp, int *drawn, fw_error *err)
{
	gp_meta m;
	int rc;

	rc = gp_meta_open(&m, tmp);
	if (rc == FW_OK)
		rc = charts_write(d, &d->rec, tmp, &m, drawn);
	if (rc == FW_OK)
		rc = pack_write(d, &d->rec, tmp, &m, drawn);
	gp_text(&m, "SCENARIO", "%s", *d->scenario ? d->scenario :
	    "flywheel");
	rc = rc != FW_OK ? rc : gp_meta_close(&m);
	if (rc != FW_OK) {
		gp_meta_close(&m);
		if (rc == FW_ENOMEM)
			fw_error_set(err, rc, "", 0, 0, "", "out of memory");
		else
			fw_error_set(err, FW_EIO, tmp, 0, 0, "", "cannot write "
			    "the plot data");
	}
	return rc;
}

int
draw_run_plots(const report *d, const char *dir, const char *gnuplot,
    const char *templates, fw_error *err)
{
	char tmp[4096], out[4096], script[4096], pack[4096], log[4096];
	int drawn[32] = { 0 };
	int rc;

	/* Every path below is one of these and a short name. */
	if (strlen(dir) > 3000 || strlen(templates) > 3000) {
		fw_error_set(err, FW_EIO, "", 0, 0, "", "directory name too "
		    "long");
		return FW_EIO;
	}
	if ((rc = gp_workdir(dir, "plots", tmp, out, log, err)) != FW_OK)
		return rc;
	rc = write_data(d, tmp, drawn, err);
	pathf(script, sizeof(script), "%s/render.gp", templates);
	if (rc == FW_OK)
		rc = gp_render(gnuplot, script, out, tmp, templates, log, err);
	if (rc == FW_OK) {
		char *argv[] = { (char *)gnuplot, "-c", script, pack, tmp,
			(char *)templates, NULL };
		pathf(script, sizeof(script), "%s/boardpack.gp", templates);
		pathf(pack, sizeof(pack), "%s/board-pack.pdf", out);
		rc = gnuplot_run(gnuplot, argv, log, err);
	}
	if (rc == FW_OK)
		rc = move_plots(out, dir, drawn, err);
	gp_keep_data(tmp);
	remove_tree(tmp);
	return rc;
}
