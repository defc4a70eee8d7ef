/* tables.c - a run's tables (fw_run_write_tables(3)): summary.csv,
 * timeseries.csv, replications.csv, compare.csv, paired.csv and
 * run.json, read from the run through the library's own API and written
 * into descriptors the caller opened. Where they go, and that a failure
 * leaves none half written, is the caller's: the command's output
 * directory and the Python package both write each to a temporary name
 * no one can guess, created afresh (never through a link), and rename
 * them into place once all are complete.
 * SPDX-License-Identifier: MIT */
#include "config.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "flywheel.h"
#include "model.h"
#include "tablewrite.h"

void
fwi_csv_reals(FILE *f, const double *x, size_t n)
{
	char buf[40];
	size_t i;

	for (i = 0; i < n; i++) {
		fputc(',', f);
		if (!isnan(x[i])) {
			fw_format_real(x[i], buf, sizeof(buf));
			fputs(buf, f);
		}
	}
}

void
fwi_json_member(FILE *f, const char *key, const char *s)
{
	fprintf(f, ",\n  \"%s\": ", key);
	fw_write_json_text(f, s);
}

void
fwi_json_opening(FILE *f, const fw_scenario *sc, const char *calibration)
{
	fputs("{\n  \"flywheel_version\": ", f);
	fw_write_json_text(f, fw_version());
	fwi_json_member(f, "model", fw_model());
	fwi_json_member(f, "scenario_file", fw_scenario_file(sc));
	fwi_json_member(f, "scenario_hash", fw_scenario_hash(sc));
	fwi_json_member(f, "scenario_sha256", fw_scenario_sha256(sc));
	fwi_json_member(f, "scenario_name", fw_scenario_name(sc));
	if (fw_scenario_calibration(sc) != NULL)
		fwi_json_member(f, "calibration", calibration != NULL ?
		    calibration : fw_scenario_calibration(sc));
}

int
fwi_write_table(int fd, const char *name,
    int (*write)(FILE *f, const void *what, const fw_run_record *rec),
    const void *what, const fw_run_record *rec, const char *unwritten,
    fw_error *err)
{
	int copy = dup(fd), rc;
	FILE *f = copy >= 0 ? fdopen(copy, "w") : NULL;

	if (f == NULL) {
		if (copy >= 0)
			close(copy);
		fw_error_set(err, FW_EIO, name, 0, 0, "", "cannot write: %s",
		    strerror(errno));
		return FW_EIO;
	}
	rc = write(f, what, rec);
	if (fclose(f) != 0 && rc == FW_OK) {
		fw_error_set(err, FW_EIO, name, 0, 0, "", "cannot write: %s",
		    strerror(errno));
		return FW_EIO;
	}
	if (rc == FW_ENOMEM)
		fw_error_set(err, FW_ENOMEM, "", 0, 0, "", "out of memory");
	else if (rc != FW_OK)
		fw_error_set(err, rc, name, 0, 0, "", "%s", unwritten);
	return rc;
}

static int
write_summary(FILE *f, const void *what, const fw_run_record *unused)
{
	const fw_run *run = what;
	const fw_scenario *sc = fw_run_scenario(run);
	const size_t npv = FW_T_NPV;
	size_t v, k;

	fputs("variant,metric,mean,sd,se,min,p5,p25,p50,p75,p95,max,es5\n", f);
	for (v = 0; v < fw_scenario_variant_count(sc); v++)
		for (k = 0; k < fw_metric_count(); k++) {
			fw_stats s;
			int rc = fw_run_stats(run, v, k, &s);
			if (rc != FW_OK)
				return rc;
			fw_write_csv_text(f, fw_scenario_variant_name(sc, v));
			fprintf(f, ",%s", fw_metric_name(k));
			fwi_csv_reals(f, (const double[]){ s.mean, s.sd, s.se,
			    s.min, s.p5, s.p25, s.p50, s.p75, s.p95, s.max },
			    10);
			if (k == npv)
				fwi_csv_reals(f, &s.es5, 1);
			else
				fputc(',', f);
			fputc('\n', f);
		}
	return FW_OK;
}

static int
write_timeseries(FILE *f, const void *what, const fw_run_record *unused)
{
	const fw_run *run = what;
	const fw_scenario *sc = fw_run_scenario(run);
	const size_t V = fw_scenario_variant_count(sc), K = fw_series_count();
	const size_t T = (size_t)fw_run_months(run), n = V * T * K;
	fw_band *band = malloc(n * sizeof(fw_band) + 1);
	int rc = FW_OK;
	long long i;

	if (band == NULL)
		return FW_ENOMEM;
	/* Each band is sorted on its own, so threads change no byte. */
#pragma omp parallel for schedule(dynamic, 16) num_threads(fw_run_threads(run))
	for (i = 0; i < (long long)n; i++) {
		size_t v = (size_t)i / (T * K), t = (size_t)i / K % T;
		if (fw_run_month(run, v, (int)t + 1, (size_t)i % K,
		    &band[i]) != FW_OK) {
#pragma omp atomic write
			rc = FW_ENOMEM;
		}
	}
	fputs("variant,month,metric,mean,p5,p50,p95\n", f);
	for (i = 0; rc == FW_OK && i < (long long)n; i++) {
		size_t v = (size_t)i / (T * K), t = (size_t)i / K % T;
		fw_write_csv_text(f, fw_scenario_variant_name(sc, v));
		fprintf(f, ",%zu,%s", t + 1, fw_series_name((size_t)i % K));
		fwi_csv_reals(f, (const double[]){ band[i].mean, band[i].p5,
		    band[i].p50, band[i].p95 }, 4);
		fputc('\n', f);
	}
	free(band);
	return rc;
}

static int
write_replications(FILE *f, const void *what, const fw_run_record *unused)
{
	const fw_run *run = what;
	const fw_scenario *sc = fw_run_scenario(run);
	const size_t V = fw_scenario_variant_count(sc);
	const size_t D = fw_run_draw_count(run);
	size_t v, k, d;
	uint64_t r;

	fputs("replication,variant", f);
	for (k = 0; k < fw_metric_count(); k++)
		fprintf(f, ",%s", fw_metric_name(k));
	for (d = 0; d < D; d++) {
		fputc(',', f);
		fw_write_csv_text(f, fw_run_draw_path(run, d));
	}
	fputc('\n', f);
	for (r = 0; r < fw_run_replications(run); r++)
		for (v = 0; v < V; v++) {
			fprintf(f, "%llu,", (unsigned long long)r + 1);
			fw_write_csv_text(f, fw_scenario_variant_name(sc, v));
			for (k = 0; k < fw_metric_count(); k++) {
				double x = fw_run_value(run, r, v, k);
				fwi_csv_reals(f, &x, 1);
			}
			for (d = 0; d < D; d++) {
				double x = fw_run_draw(run, r, v, d);
				fwi_csv_reals(f, &x, 1);
			}
			fputc('\n', f);
		}
	return FW_OK;
}

/* The changes made to the scenario after loading it (--set), in order;
 * "variant" is null for the baseline. */
static void
write_overrides(FILE *f, const fw_scenario *sc)
{
	const char *variant, *path, *value;
	size_t i, n = fw_scenario_override_count(sc);

	for (i = 0; i < n; i++) {
		if (fw_scenario_override(sc, i, &variant, &path, &value) !=
		    FW_OK)
			continue;
		fputs(i ? ",\n    {\"variant\": " : "\n    {\"variant\": ", f);
		if (variant != NULL)
			fw_write_json_text(f, variant);
		else
			fputs("null", f);
		fputs(", \"path\": ", f);
		fw_write_json_text(f, path);
		fputs(", \"value\": ", f);
		fw_write_json_text(f, value);
		fputc('}', f);
	}
	if (n > 0)
		fputs("\n  ", f);
}

/* , "key": "text" when the variant's file gives it. */
static void
put_look(FILE *f, const char *key, const char *text)
{
	if (text == NULL)
		return;
	fprintf(f, ", \"%s\": ", key);
	fw_write_json_text(f, text);
}

static int
write_run_json(FILE *f, const void *what, const fw_run_record *rec)
{
	const fw_run *run = what;
	const fw_scenario *sc = fw_run_scenario(run);
	size_t v, i, n;

	fwi_json_opening(f, sc, rec->calibration);
	fputs(",\n  \"variants\": [", f);
	for (v = 0; v < fw_scenario_variant_count(sc); v++) {
		fputs(v ? ",\n    {\"name\": " : "\n    {\"name\": ", f);
		fw_write_json_text(f, fw_scenario_variant_name(sc, v));
		put_look(f, "description", fw_scenario_variant_description(sc,
		    v));
		put_look(f, "label", fw_scenario_variant_label(sc, v));
		put_look(f, "colour", fw_scenario_variant_colour(sc, v));
		fprintf(f, ", \"start_month\": %d, \"ramp_months\": %d}",
		    fw_scenario_variant_start(sc, v),
		    fw_scenario_variant_ramp(sc, v));
	}
	fputs("\n  ],\n  \"changes\": [", f);
	for (v = 1, n = 0; v < fw_scenario_variant_count(sc); v++)
		for (i = 0; i < fw_scenario_change_count(sc, v); i++) {
			fw_change ch;
			if (fw_scenario_change(sc, v, i, &ch) != FW_OK)
				continue;
			fputs(n++ ? ",\n    {\"variant\": " : "\n    {\"variant\": ",
			    f);
			fw_write_json_text(f, fw_scenario_variant_name(sc, v));
			fputs(", \"path\": ", f);
			fw_write_json_text(f, ch.path);
			fputs(", \"baseline\": ", f);
			fw_write_json_text(f, ch.from);
			fputs(", \"value\": ", f);
			fw_write_json_text(f, ch.to);
			fputc('}', f);
		}
	fputs(n ? "\n  ],\n  \"overrides\": [" : "],\n  \"overrides\": [", f);
	write_overrides(f, sc);
	fprintf(f, "],\n  \"warmup_months\": %d,\n  \"seed\": %llu,\n"
	    "  \"replications\": %llu,\n"
	    "  \"horizon_months\": %d,\n  \"processes\": %d,\n"
	    "  \"threads\": %d,\n"
	    "  \"elapsed_seconds\": %.3f,\n  \"finished\": \"%s\",\n",
	    fw_scenario_warmup(sc),
	    (unsigned long long)fw_run_seed(run),
	    (unsigned long long)fw_run_replications(run), fw_run_months(run),
	    rec->processes > 0 ? rec->processes : 1, fw_run_threads(run),
	    fw_run_elapsed(run), rec->finished ? rec->finished : "");
	fputs("  \"command_line\": ", f);
	fw_write_json_text(f, rec->command_line ? rec->command_line : "");
	fwi_json_member(f, "rng", fw_rng_scheme());
	fputs("\n}\n", f);
	return FW_OK;
}

/* Mean of metric `name` of variant v less the baseline's. */
/* compare.csv: each variant against the baseline (MODEL.md §7). */
static int
write_compare(FILE *f, const void *what, const fw_run_record *unused)
{
	const fw_run *run = what;
	const fw_scenario *sc = fw_run_scenario(run);
	const double years = fw_run_months(run) / 12.0;
	size_t v;

	fputs("variant,dnpv_mean,dnpv_lo95,dnpv_hi95,dnpv_p5,dnpv_p50,"
	    "dnpv_p95,p_dnpv_positive,drevenue_per_year,dcash_per_year,"
	    "payback_month,compounding,incremental_cost,roi,dchannel_cost,"
	    "dprogram_cost,dreacq_cost,dgap_value,dgap_rate,dscripts_unfilled,"
	    "dcustomer_value_at_risk,dadvocates,dswitched\n", f);
	for (v = 1; v < fw_scenario_variant_count(sc); v++) {
		double cost = fw_run_gain(run, v, FW_T_SPEND_PV);
		fw_paired npv;
		double compounding;
		int payback, rc;
		if ((rc = fw_run_paired(run, v, 0, FW_T_NPV, &npv)) !=
		    FW_OK || (rc = fw_run_payback(run, v, 0, &payback)) !=
		    FW_OK || (rc = fw_run_compounding(run, v, 0,
		    &compounding)) != FW_OK)
			return rc;
		fw_write_csv_text(f, fw_scenario_variant_name(sc, v));
		fwi_csv_reals(f, (const double[]){ npv.mean, npv.lo95, npv.hi95,
		    npv.p5, npv.p50, npv.p95, npv.p_positive,
		    fw_run_gain(run, v, FW_T_REVENUE) / years,
		    fw_run_gain(run, v, FW_T_CASH) / years }, 9);
		fputc(',', f);
		if (payback > 0)
			fprintf(f, "%d", payback);
		/* ROI = NPV gain per dollar of extra spend, both in present
		 * value; none when the variant spends no more. */
		fwi_csv_reals(f, (const double[]){ compounding,
		    cost, cost > 0 ? npv.mean / cost : NAN,
		    fw_run_gain(run, v, FW_T_CHANNEL_COST),
		    fw_run_gain(run, v, FW_T_PROGRAM_COST),
		    fw_run_gain(run, v, FW_T_REACQ_COST),
		    fw_run_gain(run, v, FW_T_GAP_VALUE),
		    fw_run_gain(run, v, FW_T_GAP_RATE),
		    fw_run_gain(run, v, FW_T_SCRIPTS_UNFILLED),
		    fw_run_gain(run, v, FW_T_CVAR),
		    fw_run_gain(run, v, FW_T_ADVOCATE),
		    fw_run_gain(run, v, FW_T_SWITCHED) }, 12);
		fputc('\n', f);
	}
	return FW_OK;
}

/* Monthly mean of series `name` of variant v less the baseline's. */
/* paired.csv: month by month, each variant's gain over the baseline. */
static int
write_paired(FILE *f, const void *what, const fw_run_record *unused)
{
	const fw_run *run = what;
	const fw_scenario *sc = fw_run_scenario(run);
	size_t v;
	int t, rc;

	fputs("variant,month,dcash_mean,cum_dcash_mean,cum_dcash_lo95,"
	    "cum_dcash_hi95,cum_dcash_p5,cum_dcash_p50,cum_dcash_p95,"
	    "drevenue_mean\n", f);
	for (v = 1; v < fw_scenario_variant_count(sc); v++)
		for (t = 1; t <= fw_run_months(run); t++) {
			fw_gain g;
			if ((rc = fw_run_cumulative_gain(run, v, t, &g)) !=
			    FW_OK)
				return rc;
			fw_write_csv_text(f, fw_scenario_variant_name(sc, v));
			fprintf(f, ",%d", t);
			fwi_csv_reals(f, (const double[]){ fw_run_month_gain(run,
			    v, t, FW_M_CASH), g.mean, g.lo95, g.hi95, g.p5,
			    g.p50, g.p95, fw_run_month_gain(run, v, t,
			    FW_M_REVENUE) }, 8);
			fputc('\n', f);
		}
	return FW_OK;
}

/* The tables, in the order of enum fw_table. */
static const struct {
	const char *name;
	int (*write)(FILE *, const void *, const fw_run_record *);
} tables[FW_TABLE_COUNT] = {
	{ "summary.csv", write_summary },
	{ "timeseries.csv", write_timeseries },
	{ "replications.csv", write_replications },
	{ "compare.csv", write_compare },
	{ "paired.csv", write_paired },
	{ "run.json", write_run_json },
};

const char *
fw_table_name(size_t t)
{
	return t < FW_TABLE_COUNT ? tables[t].name : NULL;
}

int
fw_run_write_tables(const fw_run *run, const fw_run_record *rec,
    const int *fd, fw_error *err)
{
	static const fw_run_record none = { NULL, NULL, NULL, 1 };
	size_t t;
	int rc = FW_OK;

	if (run == NULL || fd == NULL || fw_run_done(run) <
	    fw_run_replications(run)) {
		fw_error_set(err, FW_EINVALID, "", 0, 0, "", "no finished run "
		    "or no descriptors");
		return FW_EINVALID;
	}
	for (t = 0; rc == FW_OK && t < FW_TABLE_COUNT; t++)
		if (fd[t] >= 0)
			rc = fwi_write_table(fd[t], tables[t].name,
			    tables[t].write, run, rec != NULL ? rec : &none,
			    "the run is not finished", err);
	return rc;
}
