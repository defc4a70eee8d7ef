/* plot.c - plots and the board pack from a run's tables: reads the CSVs,
 * writes plain data for the gnuplot templates in plots/, runs gnuplot
 * with an argument vector (no shell), and moves the finished files in.
 * SPDX-License-Identifier: MIT */
#include "config.h"

#include <dirent.h>
#include <stdarg.h>
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "files.h"
#include "gnuplot.h"
#include "plots.h"

#define MAX_FIELDS 64

int
pathf(char *out, size_t size, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(out, size, fmt, ap);
	va_end(ap);
	return n < 0 || (size_t)n >= size ? -1 : 0;
}

/* What the plots need from a run directory. */
typedef struct plotdata {
	size_t nv;		/* variants, baseline first */
	char **names;
	int T;
	size_t R;
	double *rev;		/* [v][t][p5, p50, p95] */
	double *states;		/* [v][t][state] */
	double *gap, *cvar;	/* [v][t] */
	double *cum;		/* [v][t][mean, lo, hi] */
	double *dnpv;		/* [v][mean, lo, hi] */
	double *ppos;		/* [v] */
	int *payback;		/* [v] */
	double *npv;		/* [r][v] */
	char scenario[512], details[512];
} plotdata;

/* Splits a CSV line in place; quoted fields lose their quotes. */
static int
csv_split(char *line, char **field, int max)
{
	int n = 0;
	char *r = line, *w;

	line[strcspn(line, "\r\n")] = '\0';
	while (n < max) {
		field[n++] = w = r;
		if (*r == '"') {
			for (r++; *r; r++) {
				if (*r == '"' && r[1] == '"')
					r++;
				else if (*r == '"') {
					r++;
					break;
				}
				*w++ = *r;
			}
		} else {
			while (*r && *r != ',')
				*w++ = *r++;
		}
		if (*r != ',') {
			*w = '\0';
			break;
		}
		*w = '\0';
		r++;
	}
	return n;
}

static int
variant_index(const plotdata *d, const char *name)
{
	size_t v;

	for (v = 0; v < d->nv; v++)
		if (strcmp(d->names[v], name) == 0)
			return (int)v;
	return -1;
}

static double
num(const char *s)
{
	return *s ? strtod(s, NULL) : NAN;
}

static FILE *
open_table(const char *dir, const char *name, fw_error *err)
{
	char path[4096];
	FILE *f;

	pathf(path, sizeof(path), "%s/%s", dir, name);
	if ((f = fopen(path, "r")) == NULL)
		fw_error_set(err, FW_EIO, path, 0, 0, "", "cannot read: %s "
		    "(is this a directory written by flywheel run?)",
		    strerror(errno));
	return f;
}

#define NSTATE 7
static const char *const state_metric[NSTATE] = { "unaware", "engaged",
	"trial", "adopter", "advocate", "lapsed", "switched" };

/* timeseries.csv: the variants, the horizon, revenue bands, state means,
 * gap and value at risk. */
static int
read_timeseries(const char *dir, plotdata *d, fw_error *err)
{
	FILE *f = open_table(dir, "timeseries.csv", err);
	char line[8192], *fl[MAX_FIELDS];
	int pass, k;

	if (f == NULL)
		return FW_EIO;
	for (pass = 0; pass < 2; pass++) {
		rewind(f);
		if (fgets(line, sizeof(line), f) == NULL)
			break;
		while (fgets(line, sizeof(line), f) != NULL) {
			int n = csv_split(line, fl, MAX_FIELDS), v, t;
			if (n < 7)
				continue;
			v = variant_index(d, fl[0]);
			t = atoi(fl[1]);
			if (pass == 0) {
				if (v < 0) {
					d->names = realloc(d->names,
					    (d->nv + 1) * sizeof(char *));
					d->names[d->nv++] = strdup(fl[0]);
				}
				if (t > d->T)
					d->T = t;
				continue;
			}
			if (v < 0 || t < 1 || t > d->T)
				continue;
			v = v * d->T + t - 1;
			if (strcmp(fl[2], "revenue") == 0) {
				d->rev[3 * v] = num(fl[4]) / 1e6;
				d->rev[3 * v + 1] = num(fl[5]) / 1e6;
				d->rev[3 * v + 2] = num(fl[6]) / 1e6;
			} else if (strcmp(fl[2], "gap_value") == 0)
				d->gap[v] = num(fl[3]) / 1e6;
			else if (strcmp(fl[2], "customer_value_at_risk") == 0 ||
			    strcmp(fl[2], "cvar") == 0)
				d->cvar[v] = num(fl[3]) / 1e6;
			for (k = 0; k < NSTATE; k++)
				if (strcmp(fl[2], state_metric[k]) == 0)
					d->states[(size_t)v * NSTATE + k] =
					    num(fl[3]);
		}
		if (pass == 0) {
			size_t n = d->nv * (size_t)d->T;
			if (d->nv == 0 || d->T == 0)
				break;
			d->rev = calloc(3 * n, sizeof(double));
			d->states = calloc(NSTATE * n, sizeof(double));
			d->gap = calloc(n, sizeof(double));
			d->cvar = calloc(n, sizeof(double));
			d->cum = calloc(3 * n, sizeof(double));
			d->dnpv = calloc(3 * d->nv, sizeof(double));
			d->ppos = calloc(d->nv, sizeof(double));
			d->payback = calloc(d->nv, sizeof(int));
		}
	}
	fclose(f);
	if (d->nv == 0 || d->T == 0) {
		fw_error_set(err, FW_EINVALID, dir, 0, 0, "", "timeseries.csv "
		    "holds no rows");
		return FW_EINVALID;
	}
	return FW_OK;
}

static int
read_compare(const char *dir, plotdata *d, fw_error *err)
{
	FILE *f = open_table(dir, "compare.csv", err);
	char line[8192], *fl[MAX_FIELDS];
	int v;

	if (f == NULL)
		return FW_EIO;
	if (fgets(line, sizeof(line), f) != NULL)
		while (fgets(line, sizeof(line), f) != NULL) {
			if (csv_split(line, fl, MAX_FIELDS) < 11 ||
			    (v = variant_index(d, fl[0])) < 0)
				continue;
			d->dnpv[3 * v] = num(fl[1]) / 1e6;
			d->dnpv[3 * v + 1] = num(fl[2]) / 1e6;
			d->dnpv[3 * v + 2] = num(fl[3]) / 1e6;
			d->ppos[v] = num(fl[7]);
			d->payback[v] = atoi(fl[10]);
		}
	fclose(f);
	f = open_table(dir, "paired.csv", err);
	if (f == NULL)
		return FW_EIO;
	if (fgets(line, sizeof(line), f) != NULL)
		while (fgets(line, sizeof(line), f) != NULL) {
			int t;
			size_t at;
			if (csv_split(line, fl, MAX_FIELDS) < 6 ||
			    (v = variant_index(d, fl[0])) < 0 ||
			    (t = atoi(fl[1])) < 1 || t > d->T)
				continue;
			at = 3 * ((size_t)v * d->T + (size_t)t - 1);
			d->cum[at] = num(fl[3]) / 1e6;
			d->cum[at + 1] = num(fl[4]) / 1e6;
			d->cum[at + 2] = num(fl[5]) / 1e6;
		}
	fclose(f);
	return FW_OK;
}

static int
read_replications(const char *dir, plotdata *d, fw_error *err)
{
	FILE *f = open_table(dir, "replications.csv", err);
	char line[65536], *fl[MAX_FIELDS];
	size_t cap = 0;
	int v;

	if (f == NULL)
		return FW_EIO;
	if (fgets(line, sizeof(line), f) != NULL)
		while (fgets(line, sizeof(line), f) != NULL) {
			size_t r;
			if (csv_split(line, fl, MAX_FIELDS) < 3 ||
			    (v = variant_index(d, fl[1])) < 0 ||
			    (r = strtoul(fl[0], NULL, 10)) < 1)
				continue;
			if (r > cap) {
				size_t grow = cap ? 2 * cap : 1024;
				double *g;
				while (grow < r)
					grow *= 2;
				g = realloc(d->npv, grow * d->nv *
				    sizeof(double));
				if (g == NULL)
					break;
				memset(g + cap * d->nv, 0, (grow - cap) *
				    d->nv * sizeof(double));
				d->npv = g;
				cap = grow;
			}
			d->npv[(r - 1) * d->nv + (size_t)v] = num(fl[2]) / 1e6;
			if (r > d->R)
				d->R = r;
		}
	fclose(f);
	return FW_OK;
}

void
json_string(const char *text, const char *key, char *out, size_t size)
{
	char pat[64];
	const char *p;
	size_t n = 0;

	snprintf(pat, sizeof(pat), "\"%s\": \"", key);
	out[0] = '\0';
	if ((p = strstr(text, pat)) == NULL)
		return;
	for (p += strlen(pat); *p && *p != '"' && n + 1 < size; p++) {
		if (*p == '\\' && p[1] == 'u') {
			p += 5;
			out[n++] = ' ';
			continue;
		}
		if (*p == '\\' && p[1])
			p++;
		out[n++] = *p;
	}
	out[n] = '\0';
}

static void
json_number(const char *text, const char *key, char *out, size_t size)
{
	char pat[64];
	const char *p;

	snprintf(pat, sizeof(pat), "\"%s\": ", key);
	out[0] = '\0';
	if ((p = strstr(text, pat)) != NULL)
		snprintf(out, size, "%.*s", (int)strcspn(p + strlen(pat),
		    ",\n}"), p + strlen(pat));
}

static void
read_run_json(const char *dir, plotdata *d)
{
	char path[4096], text[16384], seed[32], reps[32], months[32];
	char finished[64];
	size_t n;
	FILE *f;

	pathf(path, sizeof(path), "%s/run.json", dir);
	snprintf(d->scenario, sizeof(d->scenario), "flywheel");
	d->details[0] = '\0';
	if ((f = fopen(path, "r")) == NULL)
		return;
	n = fread(text, 1, sizeof(text) - 1, f);
	text[n] = '\0';
	fclose(f);
	json_string(text, "scenario_name", d->scenario, sizeof(d->scenario));
	json_number(text, "seed", seed, sizeof(seed));
	json_number(text, "replications", reps, sizeof(reps));
	json_number(text, "horizon_months", months, sizeof(months));
	json_string(text, "finished", finished, sizeof(finished));
	snprintf(d->details, sizeof(d->details), "%s replications, %s months, "
	    "seed %s, run %.10s", reps, months, seed, finished);
}

void
gp_string(FILE *f, const char *s)
{
	fputc('\'', f);
	for (; *s; s++) {
		if (*s == '\'')
			fputc('\'', f);
		fputc(*s == '\n' || *s == '\r' ? ' ' : *s, f);
	}
	fputc('\'', f);
}

void
gp_value(FILE *f, double x)
{
	if (isnan(x))
		fputs("NaN", f);
	else
		fprintf(f, "%.10g", x);
}

FILE *
gp_create(const char *dir, const char *name)
{
	char path[4096];

	pathf(path, sizeof(path), "%s/%s", dir, name);
	return fopen(path, "w");
}

static int
close_data(FILE *f, int rc)
{
	if (f == NULL)
		return FW_EIO;
	if (ferror(f))
		rc = FW_EIO;
	if (fclose(f) != 0)
		rc = FW_EIO;
	return rc;
}

/* A month per row, then three values (a band and its middle) for each
 * variant from the first: x is [variant][month][3]. */
static FILE *
write_bands(const char *tmp, const char *name, const plotdata *d,
    size_t first, const double *x)
{
	FILE *f = gp_create(tmp, name);
	size_t v;
	int t, k;

	for (t = 1; f != NULL && t <= d->T; t++) {
		fprintf(f, "%d", t);
		for (v = first; v < d->nv; v++)
			for (k = 0; k < 3; k++) {
				fputc('\t', f);
				gp_value(f, x[3 * (v * d->T + t - 1) + k]);
			}
		fputc('\n', f);
	}
	return f;
}

/* The data files and meta.gp the templates read. */
static int
write_data(const plotdata *d, const char *tmp, const char *subtitle)
{
	FILE *f;
	size_t v, r;
	int t, k, rc = FW_OK;
	char name[64];

	f = gp_create(tmp, "meta.gp");
	if (f != NULL) {
		fprintf(f, "NV = %zu\nT = %d\nR = %zu\narray NAME[%zu]\n"
		    "array LEGEND[%zu]\narray PAYBACK[%zu]\narray STATE[7]\n",
		    d->nv, d->T, d->R, d->nv, d->nv, d->nv);
		for (v = 0; v < d->nv; v++) {
			char legend[600];
			fprintf(f, "NAME[%zu] = ", v + 1);
			gp_string(f, d->names[v]);
			if (v == 0)
				snprintf(legend, sizeof(legend), "%s",
				    d->names[v]);
			else
				snprintf(legend, sizeof(legend), "%s: "
				    "P(ΔNPV > 0) = %.0f%%", d->names[v],
				    100 * d->ppos[v]);
			fprintf(f, "\nLEGEND[%zu] = ", v + 1);
			gp_string(f, legend);
			fprintf(f, "\nPAYBACK[%zu] = %d\n", v + 1,
			    v ? d->payback[v] : 0);
		}
		for (k = 0; k < NSTATE; k++)
			fprintf(f, "STATE[%d] = '%s'\n", k + 1, state_metric[k]);
		fputs("SCENARIO = ", f);
		gp_string(f, d->scenario);
		fputs("\nSUBTITLE = ", f);
		gp_string(f, subtitle);
		fputs("\nDETAILS = ", f);
		gp_string(f, d->details);
		fputc('\n', f);
	}
	rc = close_data(f, rc);
	rc = close_data(write_bands(tmp, "revenue.tsv", d, 0, d->rev), rc);
	rc = close_data(write_bands(tmp, "cumgain.tsv", d, 1, d->cum), rc);
	f = gp_create(tmp, "gap.tsv");
	for (t = 1; f != NULL && t <= d->T; t++) {
		fprintf(f, "%d", t);
		for (v = 0; v < d->nv; v++) {
			fputc('\t', f);
			gp_value(f, d->gap[v * d->T + t - 1]);
			fputc('\t', f);
			gp_value(f, d->cvar[v * d->T + t - 1]);
		}
		fputc('\n', f);
	}
	rc = close_data(f, rc);
	f = gp_create(tmp, "npv.tsv");
	for (r = 0; f != NULL && r < d->R; r++) {
		for (v = 0; v < d->nv; v++) {
			if (v > 0)
				fputc('\t', f);
			gp_value(f, d->npv[r * d->nv + v]);
		}
		fputc('\n', f);
	}
	rc = close_data(f, rc);
	f = gp_create(tmp, "dnpv.tsv");
	for (v = 1; f != NULL && v < d->nv; v++) {
		fprintf(f, "%zu", v);
		for (k = 0; k < 3; k++) {
			fputc('\t', f);
			gp_value(f, d->dnpv[3 * v + k]);
		}
		fputc('\n', f);
	}
	rc = close_data(f, rc);
	for (v = 0; v < d->nv; v++) {
		snprintf(name, sizeof(name), "states-%zu.tsv", v + 1);
		f = gp_create(tmp, name);
		for (t = 1; f != NULL && t <= d->T; t++) {
			fprintf(f, "%d", t);
			for (k = 0; k < NSTATE; k++) {
				fputc('\t', f);
				gp_value(f, d->states[(v * d->T + t - 1) *
				    NSTATE + k]);
			}
			fputc('\n', f);
		}
		rc = close_data(f, rc);
	}
	return rc;
}

int
gnuplot_run(const char *gnuplot, char *const argv[], const char *log,
    fw_error *err)
{
	int status, fds[2], exec_errno = 0;
	pid_t pid;

	/* The child tells through a close-on-exec pipe why exec failed:
	 * a missing program is not the only reason (no memory, no
	 * permission). */
	if (pipe(fds) != 0)
		fds[0] = fds[1] = -1;
	if (fds[0] < 0 || fcntl(fds[0], F_SETFD, FD_CLOEXEC) != 0 ||
	    fcntl(fds[1], F_SETFD, FD_CLOEXEC) != 0 || (pid = fork()) < 0) {
		fw_error_set(err, FW_ERUN, "", 0, 0, "", "cannot start gnuplot: "
		    "%s", strerror(errno));
		if (fds[0] >= 0) {
			close(fds[0]);
			close(fds[1]);
		}
		return FW_ERUN;
	}
	if (pid == 0) {
		FILE *l = freopen(log, "w", stderr);
		(void)l;
		execvp(gnuplot, argv);
		exec_errno = errno;
		(void)!write(fds[1], &exec_errno, sizeof(exec_errno));
		_exit(127);
	}
	close(fds[1]);
	if (read(fds[0], &exec_errno, sizeof(exec_errno)) !=
	    (ssize_t)sizeof(exec_errno))
		exec_errno = 0;
	close(fds[0]);
	if (waitpid(pid, &status, 0) < 0)
		status = -1;
	if (exec_errno != 0 && exec_errno != ENOENT) {
		fw_error_set(err, FW_ERUN, "", 0, 0, "", "cannot run gnuplot "
		    "('%s'): %s", gnuplot, strerror(exec_errno));
		return FW_ERUN;
	}
	if (status == -1 || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		/* gnuplot's last line names the template, line and error */
		char first[512] = "", line[512];
		FILE *l = fopen(log, "r");
		while (l != NULL && fgets(line, sizeof(line), l) != NULL)
			if (line[strspn(line, " \t\r\n")] != '\0')
				memcpy(first, line, sizeof(line));
		if (l != NULL)
			fclose(l);
		first[strcspn(first, "\n")] = '\0';
		if (exec_errno == ENOENT)
			fw_error_set(err, FW_ERUN, "", 0, 0, "", "gnuplot not "
			    "found ('%s'): install it (Debian: apt-get install "
			    "gnuplot-nox) or set FLYWHEEL_GNUPLOT to its path",
			    gnuplot);
		else
			fw_error_set(err, FW_ERUN, "", 0, 0, "", "gnuplot "
			    "failed (%s): %s", argv[2], first);
		return FW_ERUN;
	}
	return FW_OK;
}

void
remove_tree(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char path[4096];

	while (d != NULL && (e = readdir(d)) != NULL) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		pathf(path, sizeof(path), "%s/%s", dir, e->d_name);
		unlink(path);
	}
	if (d != NULL)
		closedir(d);
	rmdir(dir);
}

/* Moves every finished plot from tmp into dir/plots, the pack into dir. */
static int
move_plots(const char *tmp, const char *dir, fw_error *err)
{
	static const char *const names[] = { "revenue", "cumgain", "npv",
		"states", "gap", "dnpv" };
	static const char *const ext[] = { "png", "svg", "pdf" };
	char from[4096], to[4096];
	size_t i, j;

	pathf(to, sizeof(to), "%s/plots", dir);
	if (mkdir(to, 0777) != 0 && errno != EEXIST) {
		fw_error_set(err, FW_EIO, to, 0, 0, "", "cannot create: %s",
		    strerror(errno));
		return FW_EIO;
	}
	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		for (j = 0; j < 3; j++) {
			pathf(from, sizeof(from), "%s/out/%s.%s", tmp,
			    names[i], ext[j]);
			pathf(to, sizeof(to), "%s/plots/%s.%s", dir,
			    names[i], ext[j]);
			if (access(from, F_OK) == 0 && rename(from, to) != 0) {
				fw_error_set(err, FW_EIO, to, 0, 0, "",
				    "cannot write: %s", strerror(errno));
				return FW_EIO;
			}
		}
	pathf(from, sizeof(from), "%s/out/board-pack.pdf", tmp);
	pathf(to, sizeof(to), "%s/board-pack.pdf", dir);
	if (rename(from, to) != 0) {
		fw_error_set(err, FW_EIO, to, 0, 0, "", "cannot write: %s",
		    strerror(errno));
		return FW_EIO;
	}
	return FW_OK;
}

static void
plotdata_clear(plotdata *d)
{
	size_t v;

	for (v = 0; v < d->nv; v++)
		free(d->names[v]);
	free(d->names);
	free(d->rev);
	free(d->states);
	free(d->gap);
	free(d->cvar);
	free(d->cum);
	free(d->dnpv);
	free(d->ppos);
	free(d->payback);
	free(d->npv);
}

int
draw_run_plots(const char *dir, const char *gnuplot, const char *templates,
    fw_error *err)
{
	static const char *const formats[] = { "png", "svg", "pdf" };
	char tmp[4096], out[4096], script[4096], pack[4096], log[4096];
	plotdata d;
	size_t i;
	int rc;

	memset(&d, 0, sizeof(d));
	/* Every path below is one of these and a short name. */
	if (strlen(dir) > 3000 || strlen(templates) > 3000) {
		fw_error_set(err, FW_EIO, "", 0, 0, "", "directory name too "
		    "long");
		return FW_EIO;
	}
	rc = read_timeseries(dir, &d, err);
	if (rc == FW_OK)
		rc = read_compare(dir, &d, err);
	if (rc == FW_OK)
		rc = read_replications(dir, &d, err);
	if (rc != FW_OK) {
		plotdata_clear(&d);
		return rc;
	}
	read_run_json(dir, &d);
	pathf(tmp, sizeof(tmp), "%s/.plots.%ld", dir, (long)getpid());
	pathf(out, sizeof(out), "%s/out", tmp);
	pathf(log, sizeof(log), "%s/gnuplot.log", tmp);
	if (mkdir(tmp, 0777) != 0 || mkdir(out, 0777) != 0) {
		fw_error_set(err, FW_EIO, tmp, 0, 0, "", "cannot create: %s",
		    strerror(errno));
		plotdata_clear(&d);
		return FW_EIO;
	}
	if (write_data(&d, tmp, "Monte Carlo forecast of experience-led "
	    "revenue") != FW_OK) {
		fw_error_set(err, FW_EIO, tmp, 0, 0, "", "cannot write the "
		    "plot data");
		rc = FW_EIO;
	}
	for (i = 0; rc == FW_OK && i < 3; i++) {
		char *argv[] = { (char *)gnuplot, "-c", script,
			(char *)formats[i], out, tmp, (char *)templates, NULL };
		pathf(script, sizeof(script), "%s/render.gp", templates);
		rc = gnuplot_run(gnuplot, argv, log, err);
	}
	if (rc == FW_OK) {
		char *argv[] = { (char *)gnuplot, "-c", script, pack, tmp,
			(char *)templates, NULL };
		pathf(script, sizeof(script), "%s/boardpack.gp", templates);
		pathf(pack, sizeof(pack), "%s/board-pack.pdf", out);
		rc = gnuplot_run(gnuplot, argv, log, err);
	}
	if (rc == FW_OK)
		rc = move_plots(tmp, dir, err);
	pathf(script, sizeof(script), "%s", out);
	remove_tree(script);
	remove_tree(tmp);
	plotdata_clear(&d);
	return rc;
}
