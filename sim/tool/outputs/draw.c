/* draw.c - the one drawing pipeline: each chart in its own gnuplot
 * process, checked whole, moved in; a failure costs that chart only.
 * SPDX-License-Identifier: MIT */
#include "config.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "complete.h"
#include "draw.h"
#include "outdir.h"
#include "relpath.h"

static const char *const formats[] = { "png", "svg", "pdf" };

int
drawing_start(drawing *dw, const char *dir, const char *name,
    const char *gnuplot, const char *templates, fw_error *err)
{
	memset(dw, 0, sizeof(*dw));
	/* Every path below is one of these and a short name. */
	if (strlen(dir) > 3000 || strlen(templates) > 3000) {
		fw_error_set(err, FW_EIO, "", 0, 0, "", "directory name too "
		    "long");
		return FW_EIO;
	}
	snprintf(dw->dir, sizeof(dw->dir), "%s", dir);
	dw->gnuplot = gnuplot;
	dw->templates = templates;
	if (gp_workdir(dir, name, dw->tmp, dw->out, dw->log, err) != FW_OK) {
		dw->tmp[0] = '\0';
		return FW_EIO;
	}
	if (gp_meta_open(&dw->meta, dw->tmp) != FW_OK) {
		fw_error_set(err, FW_EIO, dw->tmp, 0, 0, "", "cannot write the "
		    "plot data");
		return FW_EIO;
	}
	return FW_OK;
}

int
drawing_add(drawing *dw, const char *file, const char *template, int m,
    int p, int wanted)
{
	draw_row *r;

	if (dw->n == dw->cap) {
		size_t cap = dw->cap ? 2 * dw->cap : 16;
		draw_row *grown = realloc(dw->row, cap * sizeof(*grown));
		if (grown == NULL)
			return FW_ENOMEM;
		dw->row = grown;
		dw->cap = cap;
	}
	r = &dw->row[dw->n];
	memset(r, 0, sizeof(*r));
	snprintf(r->file, sizeof(r->file), "%s", file);
	snprintf(r->template, sizeof(r->template), "%s", template);
	r->m = m;
	r->p = p;
	r->wanted = wanted;
	dw->n++;
	return FW_OK;
}

int
drawing_data_done(drawing *dw, int rc, fw_error *err)
{
	gp_meta *m = &dw->meta;
	size_t i, k = 0;

	gp_array(m, "CHART_FILE", dw->n);
	gp_array(m, "CHART_TPL", dw->n);
	gp_array(m, "CHART_M", dw->n);
	gp_array(m, "CHART_P", dw->n);
	for (i = 0; i < dw->n; i++) {
		if (!dw->row[i].wanted)
			continue;
		k++;
		gp_text_at(m, "CHART_FILE", k, "%s", dw->row[i].file);
		gp_text_at(m, "CHART_TPL", k, "%s", dw->row[i].template);
		gp_num_at(m, "CHART_M", k, dw->row[i].m);
		gp_num_at(m, "CHART_P", k, dw->row[i].p);
	}
	gp_num(m, "NCHART", (double)k);
	if (rc == FW_OK)
		rc = gp_meta_close(m);
	else
		gp_meta_close(m);
	if (rc != FW_OK)
		fw_error_set(err, rc, rc == FW_ENOMEM ? "" : dw->tmp, 0, 0, "",
		    rc == FW_ENOMEM ? "out of memory" : "cannot write the plot "
		    "data");
	return rc;
}

/* Runs `gnuplot -c SCRIPT ARGS...` from the templates; *started tells
 * whether gnuplot ran at all. */
static int
run_script(drawing *dw, const char *script, char *const *args, int nargs,
    int *started, fw_error *err)
{
	char path[4096], *argv[10];
	int i;

	pathf(path, sizeof(path), "%s/%s", dw->templates, script);
	argv[0] = (char *)dw->gnuplot;
	argv[1] = "-c";
	argv[2] = path;
	for (i = 0; i < nargs && i < 6; i++)
		argv[3 + i] = args[i];
	argv[3 + i] = NULL;
	return gnuplot_run(dw->gnuplot, argv, dw->log, started, err);
}

/* Draws chart number k of the list (row r) into out, and checks its
 * files. */
static int
draw_chart(drawing *dw, const draw_row *r, size_t k, int *started,
    fw_error *err)
{
	char num[32], from[4096];
	char *args[] = { dw->out, dw->tmp, (char *)dw->templates, num };
	size_t j;
	int rc;

	snprintf(num, sizeof(num), "%zu", k);
	rc = run_script(dw, "chart.gp", args, 4, started, err);
	for (j = 0; rc == FW_OK && j < 3; j++) {
		pathf(from, sizeof(from), "%s/%s.%s", dw->out, r->file,
		    formats[j]);
		rc = check_output(from, err);
	}
	return rc;
}

/* Moves the charts drawn into DIR/plots; the old files of a chart not
 * drawn this time are removed, never left to pass for this run's. */
static int
move_charts(drawing *dw, fw_error *err)
{
	char from[4096], name[4096], shown[4096];
	size_t i, j;
	int rc = FW_OK, plots = out_folder(dw->dir, "plots", err);

	if (plots < 0)
		return FW_EIO;
	pathf(shown, sizeof(shown), "%s/plots", dw->dir);
	for (i = 0; rc == FW_OK && i < dw->n; i++)
		for (j = 0; rc == FW_OK && j < 3; j++) {
			const draw_row *r = &dw->row[i];
			pathf(from, sizeof(from), "%s/%s.%s", dw->out, r->file,
			    formats[j]);
			pathf(name, sizeof(name), "%s.%s", r->file, formats[j]);
			if (r->drawn)
				rc = out_move_into(from, plots, shown, name,
				    err);
			else
				unlinkat(plots, name, 0);
		}
	close(plots);
	return rc;
}

int
drawing_charts(drawing *dw, fw_error *err)
{
	fw_error first, why;
	size_t i, k = 0, failed = 0, drawn = 0;
	int started = 0, rc;

	for (i = 0; i < dw->n; i++) {
		draw_row *r = &dw->row[i];
		if (!r->wanted)
			continue;
		rc = draw_chart(dw, r, ++k, &started, &why);
		if (!started) {		/* no gnuplot: no chart can be drawn */
			*err = why;
			return rc;
		}
		if (rc == FW_OK) {
			r->drawn = 1;
			drawn++;
			continue;
		}
		if (failed++ == 0)
			first = why;
		fw_error_format(&why, r->why, sizeof(r->why));
	}
	if (failed > 0 && drawn == 0) {
		*err = first;
		return FW_ERUN;
	}
	for (i = 0; i < dw->n; i++)
		if (dw->row[i].wanted && !dw->row[i].drawn)
			fprintf(stderr, "flywheel: warning: chart %s not drawn: "
			    "%s\n", dw->row[i].file, dw->row[i].why);
	return move_charts(dw, err);
}

int
drawing_has(const drawing *dw, const char *file)
{
	size_t i;

	for (i = 0; i < dw->n; i++)
		if (strcmp(dw->row[i].file, file) == 0)
			return dw->row[i].drawn;
	return 0;
}

/* The page numbers as boardpack.gp reads them: "1 2 5". */
static void
page_list(const size_t *page, size_t n, char *buf, size_t size)
{
	size_t i, len = 0;

	buf[0] = '\0';
	for (i = 0; i < n && len + 24 < size; i++)
		len += (size_t)snprintf(buf + len, size - len, "%s%zu",
		    i ? " " : "", page[i]);
}

/* Draws the pages given into the PDF at path, checked whole. */
static int
draw_pages(drawing *dw, const char *path, const size_t *page, size_t n,
    int *started, fw_error *err)
{
	char list[8192];
	char *args[] = { (char *)path, dw->tmp, (char *)dw->templates, list };
	int rc;

	page_list(page, n, list, sizeof(list));
	rc = run_script(dw, "boardpack.gp", args, 4, started, err);
	return rc != FW_OK ? rc : check_output(path, err);
}

int
drawing_pack(drawing *dw, const char *name, const size_t *page, size_t n,
    fw_error *err)
{
	char pack[4096], trial[4096], final[4096], what[1536];
	size_t *keep, i, kept = 0;
	fw_error why;
	int started = 0, rc;

	pathf(pack, sizeof(pack), "%s/%s", dw->out, name);
	rc = draw_pages(dw, pack, page, n, &started, err);
	if (rc != FW_OK && started && n > 1) {
		/* Find the pages gnuplot cannot draw, each alone. */
		if ((keep = malloc(n * sizeof(size_t))) == NULL) {
			fw_error_set(err, FW_ENOMEM, "", 0, 0, "", "out of "
			    "memory");
			return FW_ENOMEM;
		}
		pathf(trial, sizeof(trial), "%s/page.pdf", dw->tmp);
		for (i = 0; i < n; i++) {
			if (draw_pages(dw, trial, &page[i], 1, &started,
			    &why) == FW_OK) {
				keep[kept++] = page[i];
				continue;
			}
			fw_error_format(&why, what, sizeof(what));
			fprintf(stderr, "flywheel: warning: board pack page %zu "
			    "left out: %s\n", i + 1, what);
		}
		unlink(trial);
		rc = kept > 0 ? draw_pages(dw, pack, keep, kept, &started,
		    err) : rc;
		free(keep);
	}
	if (rc != FW_OK)
		return rc;
	pathf(final, sizeof(final), "%s/%s", dw->dir, name);
	return out_move_into(pack, AT_FDCWD, dw->dir, final, err);
}

void
drawing_end(drawing *dw)
{
	if (dw->tmp[0] != '\0') {
		gp_meta_close(&dw->meta);
		gp_keep_data(dw->tmp);
		remove_tree(dw->tmp);
	}
	free(dw->row);
	dw->row = NULL;
	dw->n = dw->cap = 0;
}
