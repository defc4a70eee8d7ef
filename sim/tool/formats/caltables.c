/* caltables.c - a finished calibration's files: calibrated.yaml (the
 * scenario with the fitted values written in, and a header saying what
 * was fitted to which data), guessed.yaml (the same scenario with the
 * values it had before, which a run of calibrated.yaml also runs to say
 * what calibrating changed), fit.csv and fit-series.csv, written all or
 * nothing.
 * SPDX-License-Identifier: MIT */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "caltables.h"
#include "csv.h"
#include "guesses.h"
#include "outfiles.h"

enum { NFILES = 4 };
static const char *const file_names[NFILES] = { "calibrated.yaml",
	"fit.csv", "fit-series.csv", GUESSED_FILE };

void
fit_note(const fw_calibration *cal, size_t j, char *buf, size_t size)
{
	const char *path = fw_calibration_param_path(cal, j);
	int uncertain = 0;
	const char *own;
	fw_fit fit;

	(void)fw_scenario_is_uncertain(fw_calibration_scenario(cal), NULL,
	    path, &uncertain);
	own = uncertain ? "distribution" : "value";
	buf[0] = '\0';
	if (fw_calibration_fit(cal, j, &fit) != FW_OK)
		return;
	switch (fit.status) {
	case FW_FIT_IDENTIFIED:
		break;
	case FW_FIT_AT_LOW_END:
	case FW_FIT_AT_HIGH_END:
		snprintf(buf, size, "at the %s end of its range: the data would "
		    "put it %s; widen the range or question the model",
		    fit.status == FW_FIT_AT_LOW_END ? "low" : "high",
		    fit.status == FW_FIT_AT_LOW_END ? "lower" : "higher");
		break;
	case FW_FIT_WEAK:
		snprintf(buf, size, "the data leave it almost anywhere in its "
		    "range: not fitted, it keeps the scenario's %s", own);
		break;
	case FW_FIT_FLAT:
		if (fit.partner >= 0)
			snprintf(buf, size, "the data cannot tell it apart from "
			    "%s: not fitted, it keeps the scenario's %s",
			    fw_calibration_param_path(cal,
			    (size_t)fit.partner), own);
		else
			snprintf(buf, size, "the targets hardly depend on it: "
			    "not fitted, it keeps the scenario's %s", own);
		break;
	}
}

/* Writes s into a YAML comment: a line break or other control character
 * in a file name must not end the comment. */
static void
comment_text(FILE *f, const char *s)
{
	for (; *s; s++)
		fputc((unsigned char)*s < 0x20 || *s == 0x7f ? '?' : *s, f);
}

/* The header of calibrated.yaml: what was fitted to which data, when,
 * how well, and from which files. */
static void
write_header(const fw_calibration *cal, FILE *f, const char *command_line)
{
	const fw_scenario *sc = fw_calibration_scenario(cal);
	char stamp[64], note[512];
	time_t now = time(NULL);
	size_t i, j;

	strftime(stamp, sizeof(stamp), "%Y-%m-%dT%H:%M:%SZ", gmtime(&now));
	fputs("# Calibrated scenario: the baseline of ", f);
	comment_text(f, fw_scenario_file(sc));
	fprintf(f, " (%s)\n# fitted to ", fw_scenario_hash(sc));
	comment_text(f, fw_calibration_data_file(cal));
	fprintf(f, " (%s), months 1 to %d,\n# by flywheel calibrate "
	    "(flywheel %s) on %s.\n#\n# Series fitted, with their mean "
	    "absolute error relative to their level:\n",
	    fw_calibration_data_hash(cal), fw_calibration_months(cal),
	    fw_version(), stamp);
	for (i = 0; i < fw_calibration_target_count(cal); i++) {
		const char *seg = fw_calibration_target_segment(cal, i);
		fprintf(f, "#   %s", fw_calibration_target_metric(cal, i));
		if (seg != NULL) {
			fputs(" in ", f);
			comment_text(f, seg);
		}
		fprintf(f, ": %zu months, weight %g, error %.1f%%\n",
		    fw_calibration_target_observed(cal, i),
		    fw_calibration_target_weight(cal, i),
		    100 * fw_calibration_target_error(cal, i));
	}
	fprintf(f, "# Objective %.6g: the weighted sum of squared errors, each "
	    "relative to its\n# series' mean observed level.\n#\n# Inputs, "
	    "with 95%% intervals from the objective's curvature:\n",
	    fw_calibration_objective(cal));
	for (j = 0; j < fw_calibration_param_count(cal); j++) {
		fw_fit fit;
		fw_calibration_fit(cal, j, &fit);
		fprintf(f, "#   %s = %.6g", fw_calibration_param_path(cal, j),
		    fit.estimate);
		if (fit.status == FW_FIT_IDENTIFIED) {
			fprintf(f, " (%.6g to %.6g)\n", fit.lo95, fit.hi95);
			continue;
		}
		fit_note(cal, j, note, sizeof(note));
		fprintf(f, ", not identified:\n#     %s\n", note);
	}
	fputs("#\n# Calibration file ", f);
	comment_text(f, fw_calibration_file(cal));
	fprintf(f, " (%s):\n# seed %llu, %llu replications an evaluation, %zu "
	    "starting points.\n# Command: ", fw_calibration_hash(cal),
	    (unsigned long long)fw_calibration_seed(cal),
	    (unsigned long long)fw_calibration_replications(cal),
	    fw_calibration_starts(cal));
	comment_text(f, command_line);
	fputc('\n', f);
}

/* calibrated.yaml: the header, then the scenario with the fitted values,
 * resolved as flywheel check prints it. */
static int
write_yaml(const fw_calibration *cal, int point, FILE *f,
    const char *command_line, fw_error *err)
{
	fw_scenario *fitted;
	char *yaml;
	int rc;

	if ((rc = point ? fw_calibration_fitted(cal, &fitted, err) :
	    fw_calibration_fitted_distributions(cal, &fitted, err)) != FW_OK)
		return rc;
	/* the fit table beside it, for the board pack of its runs */
	if ((rc = fw_scenario_set_calibration(fitted, file_names[1])) ==
	    FW_OK)
		rc = fw_scenario_yaml(fitted, &yaml);
	fw_scenario_free(fitted);
	if (rc != FW_OK)
		return rc;
	write_header(cal, f, command_line);
	fputs(yaml, f);
	fw_free(yaml);
	return FW_OK;
}

/* guessed.yaml: the scenario calibrated, resolved as calibrated.yaml
 * is, so that the two differ in the fitted inputs alone. */
static int
write_guessed(const fw_calibration *cal, FILE *f)
{
	const fw_scenario *sc = fw_calibration_scenario(cal);
	char *yaml;

	if (fw_scenario_yaml(sc, &yaml) != FW_OK)
		return FW_ENOMEM;
	fputs("# The scenario before calibrating: the baseline of ", f);
	comment_text(f, fw_scenario_file(sc));
	fprintf(f, " (%s)\n# with the values calibrated.yaml replaces by "
	    "fitted ones. A run of calibrated.yaml\n# also runs this file, on "
	    "the same seed, replications and horizon, to say\n# what "
	    "calibrating changed (guesses.csv).\n", fw_scenario_hash(sc));
	fputs(yaml, f);
	fw_free(yaml);
	return FW_OK;
}

static int
write_fit(const fw_calibration *cal, FILE *f)
{
	static const char *const edge[] = { "no", "lower", "upper", "both" };
	char note[512];
	size_t j;

	fputs("parameter,estimate,lower95,upper95,range_low,range_high,"
	    "bound_at_edge,identified,note\n", f);
	for (j = 0; j < fw_calibration_param_count(cal); j++) {
		double lo, hi;
		fw_fit fit;
		int rc = fw_calibration_fit(cal, j, &fit);
		if (rc != FW_OK)
			return rc;
		fw_calibration_param_range(cal, j, &lo, &hi);
		fw_write_csv_text(f, fw_calibration_param_path(cal, j));
		csv_reals(f, (const double[]){ fit.estimate, fit.lo95,
		    fit.hi95, lo, isinf(hi) ? NAN : hi }, 5);
		fit_note(cal, j, note, sizeof(note));
		fprintf(f, ",%s,%s,", edge[fit.lo_at_edge + 2 * fit.hi_at_edge],
		    fit.status == FW_FIT_IDENTIFIED ? "yes" : "no");
		fw_write_csv_text(f, note);
		fputc('\n', f);
	}
	return FW_OK;
}

static int
write_series(const fw_calibration *cal, FILE *f)
{
	size_t i;
	int t, rc;

	fputs("month,metric,segment,observed,mean,p5,p95\n", f);
	for (i = 0; i < fw_calibration_target_count(cal); i++) {
		const char *seg = fw_calibration_target_segment(cal, i);
		for (t = 1; t <= fw_calibration_months(cal); t++) {
			fw_band b;
			double y;
			if ((rc = fw_calibration_month(cal, i, t, &y, &b)) !=
			    FW_OK)
				return rc;
			fprintf(f, "%d,%s,", t, fw_calibration_target_metric(cal,
			    i));
			fw_write_csv_text(f, seg != NULL ? seg : "");
			csv_reals(f, (const double[]){ y, b.mean, b.p5, b.p95 },
			    4);
			fputc('\n', f);
		}
	}
	return FW_OK;
}

int
write_calibration(const fw_calibration *cal, int point, const char *dir,
    const char *command_line, fw_error *err)
{
	outfiles o;
	int rc;

	if ((rc = outfiles_open(&o, dir, file_names, NFILES, err)) != FW_OK)
		return rc;
	rc = write_yaml(cal, point, o.f[0], command_line, err);
	if (rc == FW_OK)
		rc = write_fit(cal, o.f[1]);
	if (rc == FW_OK)
		rc = write_series(cal, o.f[2]);
	if (rc == FW_OK)
		rc = write_guessed(cal, o.f[3]);
	if (rc == FW_ENOMEM)
		fw_error_set(err, FW_ENOMEM, "", 0, 0, "", "out of memory");
	return outfiles_commit(&o, rc, err);
}
