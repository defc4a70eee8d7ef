/* voitable.c - a run's value of information: voi.csv and its sentences.
 * SPDX-License-Identifier: MIT */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "csv.h"
#include "flywheel.h"
#include "voitable.h"

void
voi_free(voi_table *t)
{
	free(t->input);
	free(t->group);
	free(t->eol);
	free(t->p_best);
	free(t->explained);
	memset(t, 0, sizeof(*t));
}

static int
draw_index(const fw_run *run, const char *path)
{
	size_t i;

	for (i = 0; i < fw_run_draw_count(run); i++)
		if (strcmp(fw_run_draw_path(run, i), path) == 0)
			return (int)i;
	return -1;
}

/* EVPPI of voi_groups entry g; inputs the run does not draw (a variant
 * set them fixed by --set) are left out. */
static int
group_voi(const fw_run *run, const double *gain, const double *theta,
    const voi_table *t, size_t g, fw_voi_estimate *out, fw_error *err)
{
	const fw_scenario *sc = fw_run_scenario(run);
	size_t use[64], n = 0, k;

	for (k = 0; k < fw_scenario_voi_group_size(sc, g) && n < 64; k++) {
		int i = draw_index(run, fw_scenario_voi_group_path(sc, g, k));
		if (i >= 0)
			use[n++] = (size_t)i;
	}
	if (n == 0) {
		*out = (fw_voi_estimate){ 0, 0 };
		return FW_OK;
	}
	return fw_voi_partial(gain, fw_run_replications(run), t->nopt, theta,
	    t->ninput, use, n, out, err);
}

int
voi_compute(const fw_run *run, voi_table *t, fw_error *err)
{
	const fw_scenario *sc = fw_run_scenario(run);
	size_t nrep = fw_run_replications(run), i, r, j, njob;
	double *gain = NULL, *theta = NULL;
	fw_error *job_err = NULL;
	int rc = FW_ENOMEM, *job_rc = NULL;

	memset(t, 0, sizeof(*t));
	t->nopt = fw_scenario_variant_count(sc);
	if (fw_run_draw_count(run) == 0 || nrep < 2)
		return FW_OK;
	t->ninput = fw_run_draw_count(run);
	t->ngroup = fw_scenario_voi_group_count(sc);
	gain = malloc(nrep * t->nopt * sizeof(double));
	theta = malloc(nrep * t->ninput * sizeof(double));
	t->input = calloc(t->ninput, sizeof(fw_voi_estimate));
	t->group = calloc(t->ngroup + 1, sizeof(fw_voi_estimate));
	t->eol = calloc(t->nopt, sizeof(fw_voi_estimate));
	t->p_best = calloc(t->nopt, sizeof(double));
	t->explained = calloc(t->nopt, sizeof(double));
	if (gain == NULL || theta == NULL || t->input == NULL ||
	    t->group == NULL || t->eol == NULL || t->p_best == NULL ||
	    t->explained == NULL)
		goto done;
	if ((rc = fw_run_voi_data(run, gain, theta)) != FW_OK)
		goto done;
	t->v0 = -HUGE_VAL;
	for (i = 0; i < t->nopt; i++) {
		double m = 0;
		for (r = 0; r < nrep; r++)
			m += gain[r * t->nopt + i];
		if (m / (double)nrep > t->v0) {
			t->v0 = m / (double)nrep;
			t->best = i;
		}
	}
	njob = 1 + t->ninput + t->ngroup;
	job_rc = calloc(njob, sizeof(int));
	job_err = calloc(njob, sizeof(fw_error));
	if (job_rc == NULL || job_err == NULL) {
		rc = FW_ENOMEM;
		goto done;
	}
	/* The EVPI, each input's EVPPI and each group's read only the gains
	 * and draws (each fit seeds its own generator): side by side on the
	 * run's threads, each into its own slot, the same bits for any
	 * number of threads; the first to fail, in this order, says why. */
#pragma omp parallel for schedule(dynamic, 1) num_threads(fw_run_threads(run))
	for (j = 0; j < njob; j++) {
		size_t k = j - 1;
		if (j == 0)
			job_rc[j] = fw_voi_perfect(gain, nrep, t->nopt, theta,
			    t->ninput, &t->evpi, t->eol, t->p_best,
			    t->explained, &job_err[j]);
		else if (k < t->ninput)
			job_rc[j] = fw_voi_partial(gain, nrep, t->nopt, theta,
			    t->ninput, &k, 1, &t->input[k], &job_err[j]);
		else
			job_rc[j] = group_voi(run, gain, theta, t,
			    k - t->ninput, &t->group[k - t->ninput],
			    &job_err[j]);
	}
	for (j = 0; rc == FW_OK && j < njob; j++)
		if ((rc = job_rc[j]) != FW_OK)
			*err = job_err[j];
done:
	free(job_rc);
	free(job_err);
	free(gain);
	free(theta);
	if (rc == FW_ENOMEM)
		fw_error_set(err, FW_ENOMEM, "", 0, 0, "", "out of memory");
	if (rc != FW_OK)
		voi_free(t);
	return rc;
}

static void
row(FILE *f, const char *measure, const char *subject, double value,
    double se)
{
	fprintf(f, "%s,", measure);
	fw_write_csv_text(f, subject);
	csv_reals(f, (const double[]){ value, se }, 2);
	fputc('\n', f);
}

int
voi_write(const fw_run *run, const voi_table *t, FILE *f)
{
	const fw_scenario *sc = fw_run_scenario(run);
	char name[4096];
	size_t i, k;

	fputs("measure,subject,value,se\n", f);
	row(f, "expected_gain", fw_scenario_variant_name(sc, t->best), t->v0,
	    NAN);
	row(f, "evpi", "all uncertain inputs", t->evpi.value, t->evpi.se);
	for (i = 0; i < t->ninput; i++)
		row(f, "evppi", fw_run_draw_path(run, i), t->input[i].value,
		    t->input[i].se);
	for (i = 0; i < t->ngroup; i++) {
		size_t used = 0;
		name[0] = '\0';
		for (k = 0; k < fw_scenario_voi_group_size(sc, i) &&
		    used < sizeof(name); k++)
			used += (size_t)snprintf(name + used, sizeof(name) - used,
			    "%s%s", k ? " + " : "",
			    fw_scenario_voi_group_path(sc, i, k));
		row(f, "evppi", name, t->group[i].value, t->group[i].se);
	}
	for (i = 0; i < t->nopt; i++)
		row(f, "eol", fw_scenario_variant_name(sc, i), t->eol[i].value,
		    t->eol[i].se);
	for (i = 0; i < t->nopt; i++)
		row(f, "p_best", fw_scenario_variant_name(sc, i), t->p_best[i],
		    NAN);
	for (i = 1; i < t->nopt; i++)
		row(f, "input_share", fw_scenario_variant_name(sc, i),
		    t->explained[i], NAN);
	return ferror(f) ? FW_EIO : FW_OK;
}

void
voi_print(const fw_run *run, const voi_table *t, FILE *out)
{
	const fw_scenario *sc = fw_run_scenario(run);
	char evpi[32], se[32], top[32];
	size_t i, most = 0;

	/* one replication: nothing to estimate from */
	if (t->nopt < 2 || (t->ninput == 0 && fw_run_draw_count(run) > 0))
		return;
	if (t->ninput == 0) {
		fputs("\nInputs fixed: the spread above is market randomness "
		    "alone (which HCPs happen to lapse, switch or advocate). "
		    "Give ranges to the inputs you are unsure of (programme "
		    "effects, cx_weight, trust dynamics, win-back rates) to see "
		    "how sure the call is and what learning more is worth.\n",
		    out);
		return;
	}
	for (i = 1; i < t->ninput; i++)
		if (t->input[i].value > t->input[most].value)
			most = i;
	if (t->best > 0 && !isnan(t->explained[t->best]))
		fprintf(out, "\nThe spread above is market randomness and "
		    "uncertain inputs together: the %zu uncertain input%s "
		    "explain %.0f%% of the variance of %s's gain, market "
		    "randomness the other %.0f%%.\n", t->ninput,
		    t->ninput == 1 ? "" : "s", 100 * t->explained[t->best],
		    fw_scenario_variant_name(sc, t->best),
		    100 * (1 - t->explained[t->best]));
	fw_format_money(t->evpi.value, evpi, sizeof(evpi));
	fw_format_money(t->evpi.se, se, sizeof(se));
	fw_format_money(t->input[most].value, top, sizeof(top));
	if (t->evpi.value == 0) {
		fprintf(out, "Learning the uncertain inputs before deciding "
		    "would not change the choice: %s is best whatever values "
		    "they take within their ranges (expected value of perfect "
		    "information %s). See voi.csv.\n",
		    fw_scenario_variant_name(sc, t->best), evpi);
		return;
	}
	if (t->input[most].value > 0)
		fprintf(out, "Knowing every uncertain input before deciding is "
		    "worth %s (standard error %s; the expected value of perfect "
		    "information); the one most worth learning is %s (%s). See "
		    "voi.csv.\n", evpi, se, fw_run_draw_path(run, most), top);
	else
		fprintf(out, "Knowing every uncertain input before deciding is "
		    "worth %s (standard error %s; the expected value of perfect "
		    "information); no input alone would change the choice. See "
		    "voi.csv.\n", evpi, se);
}
