/* fuzz_results.c - the readers of a results directory (flywheel plot's
 * input, which may come from someone else) on any bytes. The input is the
 * directory's files one after another, each ending at a line "#--"; the
 * first byte says whose they are: a run's (R), a sweep's (S), a leakage
 * decomposition's (L) or a calibration's fit series (F), read as the
 * drawing of its plots reads them (with a gnuplot that cannot start).
 * SPDX-License-Identifier: MIT */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "fuzz.h"
#include "leakout.h"
#include "plots.h"
#include "report.h"
#include "sweepread.h"

static const char *const run_files[] = { "timeseries.csv", "summary.csv",
	"replications.csv", "run.json", "compare.csv", "paired.csv",
	"draws.csv" };
static const char *const sweep_files[] = { "sweep.json", "sweep.csv",
	"sensitivity.csv" };
static const char *const leak_files[] = { "leakage.csv", "leakage.json" };
static const char *const fit_files[] = { "fit-series.csv" };

/* Where the separator sep (n bytes) first occurs in [p, end), or end. */
static const uint8_t *
find(const uint8_t *p, const uint8_t *end, const char *sep, size_t n)
{
	for (; (size_t)(end - p) >= n; p++)
		if (memcmp(p, sep, n) == 0)
			return p;
	return end;
}

/* Writes the pieces of data into the scratch directory as names[i]. */
static void
write_pieces(const uint8_t *data, size_t size, const char *const *names,
    size_t n)
{
	static const char sep[] = "\n#--\n";
	const uint8_t *end = data + size, *cut;
	size_t i;

	for (i = 0; i < n; i++) {
		cut = find(data, end, sep, sizeof(sep) - 1);
		fuzz_file(names[i], data, (size_t)(cut - data));
		data = cut == end ? end : cut + sizeof(sep) - 1;
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fw_error err;

	if (size == 0)
		return 0;
	if (data[0] == 'R') {
		report d;
		memset(&d, 0, sizeof(d));
		write_pieces(data + 1, size - 1, run_files,
		    sizeof(run_files) / sizeof(run_files[0]));
		(void)report_read(fuzz_dir(), &d, &err);
		report_free(&d);
	} else if (data[0] == 'S') {
		sweepdata s;
		memset(&s, 0, sizeof(s));
		write_pieces(data + 1, size - 1, sweep_files,
		    sizeof(sweep_files) / sizeof(sweep_files[0]));
		(void)sweep_read(fuzz_dir(), &s, &err);
		sweep_clear(&s);
	} else if (data[0] == 'L') {
		leak_chart *w = NULL;
		write_pieces(data + 1, size - 1, leak_files, 2);
		(void)leak_chart_read(fuzz_dir(), &w, &err);
		leak_chart_free(w);
	} else if (data[0] == 'F') {
		write_pieces(data + 1, size - 1, fit_files, 1);
		(void)draw_fit_plots(fuzz_dir(), "/nonexistent/gnuplot",
		    FW_SRCDIR "/plots", &err);
	}
	return 0;
}
