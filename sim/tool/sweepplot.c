/* sweepplot.c - the plots of a finished sweep, from its tables: tornado
 * (oneway), Sobol' indices (sobol), response curves (grid of one
 * parameter, lhs) and a heat map with the break-even contour (grid of
 * two parameters).
 * SPDX-License-Identifier: MIT */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "files.h"
#include "gnuplot.h"
#include "plots.h"

#define MAX_COLS 256

typedef struct table {
	size_t ncol, nrow;
	char **head;		/* ncol names */
	double *v;		/* nrow x ncol, NaN where empty */
	char **text;		/* nrow x ncol, for name columns */
} table;

static void
table_free(table *t)
{
	size_t i;

	for (i = 0; i < t->ncol; i++)
		free(t->head[i]);
	for (i = 0; t->text != NULL && i < t->nrow * t->ncol; i++)
		free(t->text[i]);
	free(t->head);
	free(t->v);
	free(t->text);
	memset(t, 0, sizeof(*t));
}

/* Splits a line of our own CSV (no quoted commas in sweeps' names). */
static size_t
split(char *line, char **f, size_t max)
{
	size_t n = 0;

	line[strcspn(line, "\r\n")] = '\0';
	f[n++] = line;
	for (; *line && n < max; line++)
		if (*line == ',') {
			*line = '\0';
			f[n++] = line + 1;
		}
	return n;
}

static int
table_read(const char *path, table *t)
{
	FILE *in = fopen(path, "r");
	char line[65536], *f[MAX_COLS];
	size_t i, n;

	memset(t, 0, sizeof(*t));
	if (in == NULL)
		return -1;
	if (fgets(line, sizeof(line), in) == NULL) {
		fclose(in);
		return -1;
	}
	t->ncol = split(line, f, MAX_COLS);
	t->head = calloc(t->ncol, sizeof(char *));
	for (i = 0; t->head && i < t->ncol; i++)
		t->head[i] = strdup(f[i]);
	while (t->head && fgets(line, sizeof(line), in) != NULL) {
		double *v = realloc(t->v, (t->nrow + 1) * t->ncol *
		    sizeof(double));
		char **s = realloc(t->text, (t->nrow + 1) * t->ncol *
		    sizeof(char *));
		if (v != NULL)
			t->v = v;
		if (s != NULL)
			t->text = s;
		if (v == NULL || s == NULL)
			break;
		n = split(line, f, MAX_COLS);
		for (i = 0; i < t->ncol; i++) {
			const char *x = i < n ? f[i] : "";
			t->v[t->nrow * t->ncol + i] = *x ? strtod(x, NULL) :
			    NAN;
			t->text[t->nrow * t->ncol + i] = strdup(x);
		}
		t->nrow++;
	}
	fclose(in);
	return 0;
}

static double
at(const table *t, size_t r, size_t c)
{
	return t->v[r * t->ncol + c];
}

/* The design recorded in sweep.json. */
static void
read_design(const char *dir, char *design, size_t size)
{
	char path[4096], text[4096];
	size_t n;
	FILE *f;

	snprintf(design, size, "grid");
	pathf(path, sizeof(path), "%s/sweep.json", dir);
	if ((f = fopen(path, "r")) == NULL)
		return;
	n = fread(text, 1, sizeof(text) - 1, f);
	text[n] = '\0';
	fclose(f);
	json_string(text, "design", design, size);
}

static int
cmp_swing(const void *a, const void *b)
{
	double x = fabs(((const double *)a)[1]), y = fabs(((const double *)b)[1]);

	return (x < y) - (x > y);
}

/* Data for the templates: meta.gp, and one table per plot. */
static int
write_sweep_data(const char *dir, const char *tmp, const char *design,
    const table *sw, const table *sens)
{
	size_t np = 0, nm = 0, i, j, m;
	FILE *f;

	while (1 + np < sw->ncol && strstr(sw->head[1 + np], "_mean") == NULL)
		np++;
	nm = (sw->ncol - 1 - np) / 5;
	if ((f = gp_create(tmp, "meta.gp")) == NULL)
		return -1;
	fprintf(f, "DESIGN = '%s'\nNP = %zu\nNM = %zu\nNR = %zu\n"
	    "array PARAM[%zu]\narray METRIC[%zu]\n", design, np, nm, sw->nrow,
	    np > 0 ? np : 1, nm > 0 ? nm : 1);
	for (j = 0; j < np; j++) {
		fprintf(f, "PARAM[%zu] = ", j + 1);
		gp_string(f, sw->head[1 + j]);
		fputc('\n', f);
	}
	for (m = 0; m < nm; m++) {
		char label[512];
		snprintf(label, sizeof(label), "%s", sw->head[1 + np + 5 * m]);
		label[strlen(label) - 5] = '\0';	/* drop _mean */
		fprintf(f, "METRIC[%zu] = ", m + 1);
		gp_string(f, label);
		fputc('\n', f);
	}
	if (fclose(f) != 0)
		return -1;
	/* points: parameter values, then mean, p5, p95 of each metric,
	 * ordered by the first parameter for curves */
	if ((f = gp_create(tmp, "points.tsv")) == NULL)
		return -1;
	for (i = 0; i < sw->nrow; i++) {
		for (j = 0; j < np; j++) {
			gp_value(f, at(sw, i, 1 + j));
			fputc('\t', f);
		}
		for (m = 0; m < nm; m++) {
			size_t c = 1 + np + 5 * m;
			gp_value(f, at(sw, i, c) / 1e6);
			fputc('\t', f);
			gp_value(f, at(sw, i, c + 2) / 1e6);
			fputc('\t', f);
			gp_value(f, at(sw, i, c + 4) / 1e6);
			fputc(m + 1 < nm ? '\t' : '\n', f);
		}
		/* a blank line between rows of a two-parameter grid */
		if (np == 2 && i + 1 < sw->nrow && at(sw, i + 1, 1) !=
		    at(sw, i, 1))
			fputc('\n', f);
	}
	if (fclose(f) != 0)
		return -1;
	for (m = 0; sens != NULL && m < nm; m++) {
		char name[64];
		double (*row)[2] = calloc(np + 1, sizeof(*row));
		snprintf(name, sizeof(name), "sens-%zu.tsv", m + 1);
		if (row == NULL || (f = gp_create(tmp, name)) == NULL) {
			free(row);
			return -1;
		}
		/* rows of this metric: np in parameter order */
		for (j = 0; j < np && m * np + j < sens->nrow; j++) {
			row[j][0] = (double)j;
			row[j][1] = strcmp(design, "oneway") == 0 ?
			    at(sens, m * np + j, 7) : at(sens, m * np + j, 5);
		}
		if (strcmp(design, "oneway") == 0)
			qsort(row, np, sizeof(*row), cmp_swing);
		for (j = 0; j < np && m * np + j < sens->nrow; j++) {
			size_t r = m * np + (size_t)row[j][0];
			size_t c;
			fprintf(f, "%zu\t%s", j + 1,
			    sens->text[r * sens->ncol + 1]);
			for (c = 2; c < sens->ncol; c++) {
				fputc('\t', f);
				gp_value(f, strcmp(design, "oneway") == 0 && c >= 4 ?
				    at(sens, r, c) / 1e6 : at(sens, r, c));
			}
			fputc('\n', f);
		}
		free(row);
		if (fclose(f) != 0)
			return -1;
	}
	(void)dir;
	return 0;
}

/* Moves every file of from into to. */
static int
move_all(const char *from, const char *to, fw_error *err)
{
	DIR *d = opendir(from);
	struct dirent *e;
	char a[4096], b[4096];

	if (d == NULL || (mkdir(to, 0777) != 0 && errno != EEXIST)) {
		if (d != NULL)
			closedir(d);
		fw_error_set(err, FW_EIO, to, 0, 0, "", "cannot create: %s",
		    strerror(errno));
		return FW_EIO;
	}
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		pathf(a, sizeof(a), "%s/%s", from, e->d_name);
		pathf(b, sizeof(b), "%s/%s", to, e->d_name);
		if (rename(a, b) != 0) {
			closedir(d);
			fw_error_set(err, FW_EIO, b, 0, 0, "", "cannot write: "
			    "%s", strerror(errno));
			return FW_EIO;
		}
	}
	closedir(d);
	return FW_OK;
}

int
draw_sweep_plots(const char *dir, const char *gnuplot, const char *templates,
    fw_error *err)
{
	char path[4096], tmp[4096], out[4096], plots[4096], log[4096];
	char design[32];
	table sw, sens;
	int has_sens, rc = FW_OK;

	if (strlen(dir) > 3000 || strlen(templates) > 3000) {
		fw_error_set(err, FW_EIO, "", 0, 0, "", "directory name too "
		    "long");
		return FW_EIO;
	}
	pathf(path, sizeof(path), "%s/sweep.csv", dir);
	if (table_read(path, &sw) != 0 || sw.nrow == 0) {
		table_free(&sw);
		fw_error_set(err, FW_EIO, path, 0, 0, "", "cannot read the "
		    "sweep's rows");
		return FW_EIO;
	}
	pathf(path, sizeof(path), "%s/sensitivity.csv", dir);
	has_sens = table_read(path, &sens) == 0;
	read_design(dir, design, sizeof(design));
	pathf(tmp, sizeof(tmp), "%s/.splots.%ld", dir, (long)getpid());
	pathf(out, sizeof(out), "%s/out", tmp);
	pathf(log, sizeof(log), "%s/gnuplot.log", tmp);
	pathf(plots, sizeof(plots), "%s/plots", dir);
	if (mkdir(tmp, 0777) != 0 || mkdir(out, 0777) != 0 ||
	    write_sweep_data(dir, tmp, design, &sw, has_sens ? &sens : NULL)
	    != 0) {
		fw_error_set(err, FW_EIO, tmp, 0, 0, "", "cannot write the "
		    "plot data");
		rc = FW_EIO;
	}
	if (rc == FW_OK)
		rc = gnuplot_formats(gnuplot, templates, "sweep-render.gp", out,
		    tmp, log, err);
	if (rc == FW_OK)
		rc = move_all(out, plots, err);
	remove_tree(out);
	remove_tree(tmp);
	table_free(&sw);
	if (has_sens)
		table_free(&sens);
	return rc;
}
