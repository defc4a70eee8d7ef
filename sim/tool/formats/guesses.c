/* guesses.c - guesses.csv written from the two runs and read back, as
 * untrusted input.
 * SPDX-License-Identifier: MIT */
#include "config.h"

#include <string.h>
#include <unistd.h>

#include "csv.h"
#include "csvread.h"
#include "guesses.h"
#include "relpath.h"

int
guessed_path(const char *fit, char *buf, size_t size)
{
	const char *slash = strrchr(fit, '/');

	return pathf(buf, size, "%.*s" GUESSED_FILE, slash != NULL ?
	    (int)(slash - fit + 1) : 0, fit);
}

int
guesses_mean_npv(const fw_run *run, size_t v, double *x)
{
	fw_stats s;
	size_t k;
	int rc;

	if ((rc = fw_metric_index("npv", &k)) == FW_OK &&
	    (rc = fw_run_stats(run, v, k, &s)) == FW_OK)
		*x = s.mean;
	return rc;
}

int
guesses_write(const fw_run *fitted, const fw_run *guessed, FILE *f)
{
	const fw_scenario *sc = fw_run_scenario(fitted);
	double x[2];
	size_t v;
	int rc = FW_OK;

	fputs("variant,npv_mean_guessed,npv_mean_fitted\n", f);
	for (v = 0; rc == FW_OK && v < fw_scenario_variant_count(sc); v++) {
		if ((rc = guesses_mean_npv(guessed, v, &x[0])) != FW_OK ||
		    (rc = guesses_mean_npv(fitted, v, &x[1])) != FW_OK)
			break;
		fw_write_csv_text(f, fw_scenario_variant_name(sc, v));
		csv_reals(f, x, 2);
		fputc('\n', f);
	}
	return rc;
}

int
guesses_read(const char *dir, size_t nv, char *const *names,
    double *guessed, int *found, fw_error *err)
{
	char path[4096];
	csv_reader r;
	size_t v = 0;
	int got, rc;

	*found = 0;
	if (pathf(path, sizeof(path), "%s/guesses.csv", dir) != 0 ||
	    access(path, F_OK) != 0)
		return FW_OK;
	if ((rc = csv_open(&r, path, err)) != FW_OK)
		return rc;
	if ((rc = csv_next(&r, &got, err)) == FW_OK && (!got ||
	    r.nfield != 3 || strcmp(r.field[0], "variant") != 0))
		rc = csv_fail(&r, err, "not a guesses.csv flywheel wrote");
	while (rc == FW_OK && (rc = csv_next(&r, &got, err)) == FW_OK && got) {
		if (r.nfield != 3)
			rc = csv_fail(&r, err, "%zu fields, not 3", r.nfield);
		else if (v == nv || strcmp(r.field[0], names[v]) != 0)
			rc = csv_fail(&r, err, "the options are not the run's");
		else
			rc = csv_number(&r, 1, 0, &guessed[v++], err);
	}
	if (rc == FW_OK && v != nv)
		rc = csv_fail(&r, err, "%zu options, not the run's %zu", v, nv);
	csv_close(&r);
	*found = rc == FW_OK;
	return rc;
}
