/* cli_plot.c - `flywheel plot`, and where the command finds gnuplot, the
 * plot templates and the default scenario.
 * SPDX-License-Identifier: MIT */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "leakout.h"
#include "plots.h"
#include "workbook.h"

const char cli_plot_help[] =
"Usage: flywheel plot DIR\n"
"Draw again the plots of a run from the tables in DIR (written by\n"
"flywheel run): DIR/plots/*.png, *.svg and *.pdf, the board pack\n"
"DIR/board-pack.pdf and the workbook DIR/results.xlsx, without running\n"
"the simulation again. For a\n"
"directory written by flywheel sweep, draw the sweep's plots again; for\n"
"one written by flywheel calibrate, the fit plots. Where DIR holds\n"
"leakage.csv (flywheel leakage), draw its waterfall again.\n"
"\n"
"  -h, --help   show this help\n"
"\n"
"gnuplot is looked up on PATH; FLYWHEEL_GNUPLOT names another program.\n"
"Each chart is drawn by a gnuplot of its own: one it cannot draw is\n"
"named in a warning and left out, and the rest are still made.\n"
"Exit status: 0 success, 1 gnuplot is missing or drew no chart, 2 usage\n"
"error, 4 DIR's tables cannot be read.\n";

/* The installed copy if there is one, else the source tree's: a command
 * run from its build directory finds the files it was built with. */
static const char *
data_path(const char *installed, const char *source, char *buf,
    size_t size)
{
	if (access(installed, R_OK) == 0)
		return installed;
	snprintf(buf, size, "%s", source);
	return buf;
}

const char *
cli_default_scenario(void)
{
	static char buf[4096];

	return data_path(FW_DATADIR "/default.yaml",
	    FW_SRCDIR "/scenarios/default.yaml", buf, sizeof(buf));
}

const char *
cli_plot_tools(char *tdir, size_t size)
{
	const char *gnuplot = getenv("FLYWHEEL_GNUPLOT");
	char buf[4096];
	const char *templates = data_path(FW_DATADIR "/plots/chart.gp",
	    FW_SRCDIR "/plots/chart.gp", buf, sizeof(buf));

	snprintf(tdir, size, "%.*s", (int)(strlen(templates) -
	    strlen("/chart.gp")), templates);
	return gnuplot && *gnuplot ? gnuplot : "gnuplot";
}

/* Draws dir's plots with draw, the gnuplot program and the templates
 * found; prints the error when it fails. */
static int
render(const char *dir, int (*draw)(const char *, const char *,
    const char *, fw_error *))
{
	char tdir[4096];
	const char *gnuplot = cli_plot_tools(tdir, sizeof(tdir));
	fw_error err;
	int rc = draw(dir, gnuplot, tdir, &err);

	if (rc != FW_OK)
		cli_print_error(&err);
	return rc;
}

int
cli_render_plots(const report *d, const char *dir, int quiet)
{
	char tdir[4096];
	const char *gnuplot = cli_plot_tools(tdir, sizeof(tdir));
	fw_error err;
	int rc = draw_run_plots(d, dir, gnuplot, tdir, &err);

	if (rc != FW_OK)
		cli_print_error(&err);
	else if (!quiet)
		term_line(stdout, "Plots drawn in %s/plots/ (PNG, SVG, PDF); "
		    "board pack %s/board-pack.pdf", dir, dir);
	return rc;
}

int
cli_render_sweep_plots(const char *dir, int quiet)
{
	int rc = render(dir, draw_sweep_plots);

	if (rc != FW_OK)
		fprintf(stderr, "flywheel: sweep: the tables are written; the "
		    "plots are not\n");
	else if (!quiet)
		term_line(stdout, "Plots drawn in %s/plots/", dir);
	return rc;
}

/* Draws the waterfall of the decomposition in dir again. */
static int
render_leakage(const char *dir)
{
	char tdir[4096];
	const char *gnuplot = cli_plot_tools(tdir, sizeof(tdir));
	leak_chart *w;
	fw_error err;
	int rc;

	if ((rc = leak_chart_read(dir, &w, &err)) == FW_OK)
		rc = draw_leakage_plot(w, dir, gnuplot, tdir, &err);
	leak_chart_free(w);
	if (rc != FW_OK)
		cli_print_error(&err);
	else
		term_line(stdout, "Chart drawn in %s/plots/: waterfall.png "
		    ".svg .pdf", dir);
	return rc;
}

int
cli_render_fit_plots(const char *dir, int quiet)
{
	int rc = render(dir, draw_fit_plots);

	if (rc == FW_OK && !quiet)
		term_line(stdout, "Fit plots drawn in %s/plots/", dir);
	return rc;
}

/* Reads the report of the run in dir, writes its workbook and draws
 * its plots again; *leak is set when they hold the run's waterfall
 * (the run asked for the decomposition in dir), drawn as flywheel run
 * draws it. */
static int
render_run(const char *dir, int *leak)
{
	fw_error err;
	report d;
	int rc = report_read(dir, &d, &err);

	*leak = rc == FW_OK && d.leak != NULL;
	if (rc == FW_OK && (rc = rewrite_workbook(&d, dir, &err)) == FW_OK)
		term_line(stdout, "Workbook written: %s/results.xlsx", dir);

	if (rc != FW_OK)
		cli_print_error(&err);
	else
		rc = cli_render_plots(&d, dir, 0);
	report_free(&d);
	return rc;
}

int
cli_plot(int argc, char **argv)
{
	char path[4096];
	int has_leakage, drawn = 0, rc = FW_OK;

	if (argc != 2 || argv[1][0] == '-')
		return cli_usage_error("plot", "plot: give one directory "
		    "written by flywheel run, sweep, calibrate or leakage");
	interrupt_guard(argv[1]);
	snprintf(path, sizeof(path), "%s/sweep.json", argv[1]);
	if (access(path, R_OK) == 0)
		return exit_code_of(cli_render_sweep_plots(argv[1], 0));
	snprintf(path, sizeof(path), "%s/fit-series.csv", argv[1]);
	if (access(path, R_OK) == 0)
		return exit_code_of(cli_render_fit_plots(argv[1], 0));
	snprintf(path, sizeof(path), "%s/%s", argv[1],
	    fw_leakage_table_name(FW_LEAKAGE_CSV));
	has_leakage = access(path, R_OK) == 0;
	snprintf(path, sizeof(path), "%s/%s", argv[1],
	    fw_table_name(FW_TABLE_RUN_JSON));
	if (!has_leakage || access(path, R_OK) == 0)
		rc = render_run(argv[1], &drawn);
	/* a decomposition of its own, not the run's: its chart alone */
	if (rc == FW_OK && has_leakage && !drawn)
		rc = render_leakage(argv[1]);
	return exit_code_of(rc);
}
