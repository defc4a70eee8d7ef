/* tables.c - a finished run's tables as lists of columns, the columns of
 * the command's CSV files (variant called option), computed as the
 * command computes them.
 * SPDX-License-Identifier: MIT */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "glue.h"

/* The metrics compare.csv gives the mean paired change of, after roi,
 * and their columns. */
static const char *const changes[] = { "channel_cost", "program_cost",
	"reacq_cost", "gap_value", "gap_rate", "scripts_unfilled",
	"customer_value_at_risk", "advocate", "switched" };
#define NCHANGES (sizeof(changes) / sizeof(changes[0]))

static fw_run *finished(SEXP x)
{
	r_run *r = r_unwrap(R_RUN, x);

	if (fw_run_done(r->run) < fw_run_replications(r->run))
		r_fail_status(FW_EINVALID, "the run is not finished");
	return r->run;
}

static void check(int rc)
{
	if (rc != FW_OK)
		r_fail_status(rc, NULL);
}

static SEXP name_of(const fw_run *run, size_t v)
{
	return Rf_mkCharCE(fw_scenario_variant_name(fw_run_scenario(run), v),
	    CE_UTF8);
}

static double *col(SEXP df, int i)
{
	return REAL(VECTOR_ELT(df, i));
}

SEXP fwr_summary(SEXP x)
{
	static const char *const names[] = { "option", "metric", "mean", "sd",
		"se", "min", "p5", "p25", "p50", "p75", "p95", "max", "es5",
		NULL };
	static const SEXPTYPE types[] = { STRSXP, STRSXP, REALSXP, REALSXP,
		REALSXP, REALSXP, REALSXP, REALSXP, REALSXP, REALSXP, REALSXP,
		REALSXP, REALSXP };
	fw_run *run = finished(x);
	size_t V = fw_scenario_variant_count(fw_run_scenario(run));
	size_t K = fw_metric_count(), v, k, i = 0;
	SEXP out = PROTECT(r_columns(names, (R_xlen_t)(V * K), types));
	fw_stats s;

	for (v = 0; v < V; v++)
		for (k = 0; k < K; k++, i++) {
			check(fw_run_stats(run, v, k, &s));
			SET_STRING_ELT(VECTOR_ELT(out, 0), i, name_of(run, v));
			SET_STRING_ELT(VECTOR_ELT(out, 1), i,
			    Rf_mkChar(fw_metric_name(k)));
			/* the expected shortfall is given for NPV alone */
			const double f[] = { s.mean, s.sd, s.se, s.min, s.p5,
				s.p25, s.p50, s.p75, s.p95, s.max,
				strcmp(fw_metric_name(k), "npv") ? NAN : s.es5 };
			r_put(out, 2, i, f, 11);
		}
	UNPROTECT(1);
	return out;
}

SEXP fwr_timeseries(SEXP x)
{
	static const char *const names[] = { "option", "month", "metric",
		"mean", "p5", "p50", "p95", NULL };
	static const SEXPTYPE types[] = { STRSXP, INTSXP, STRSXP, REALSXP,
		REALSXP, REALSXP, REALSXP };
	fw_run *run = finished(x);
	size_t V = fw_scenario_variant_count(fw_run_scenario(run));
	size_t K = fw_series_count(), v, k, i = 0;
	int T = fw_run_months(run), t;
	SEXP out = PROTECT(r_columns(names, (R_xlen_t)(V * (size_t)T * K),
	    types));
	fw_band b;

	for (v = 0; v < V; v++)
		for (t = 1; t <= T; t++)
			for (k = 0; k < K; k++, i++) {
				check(fw_run_month(run, v, t, k, &b));
				SET_STRING_ELT(VECTOR_ELT(out, 0), i,
				    name_of(run, v));
				INTEGER(VECTOR_ELT(out, 1))[i] = t;
				SET_STRING_ELT(VECTOR_ELT(out, 2), i,
				    Rf_mkChar(fw_series_name(k)));
				const double f[] = { b.mean, b.p5, b.p50,
					b.p95 };
				r_put(out, 3, i, f, 4);
			}
	UNPROTECT(1);
	return out;
}

/* One row per replication and option: every metric, then the value each
 * uncertain input drew. */
SEXP fwr_replications(SEXP x)
{
	fw_run *run = finished(x);
	size_t V = fw_scenario_variant_count(fw_run_scenario(run));
	size_t K = fw_metric_count(), D = fw_run_draw_count(run);
	size_t R = (size_t)fw_run_replications(run), n = 2 + K + D;
	size_t v, j, r;
	SEXP out, nm, id, opt;
	double *tmp;

	out = PROTECT(Rf_allocVector(VECSXP, (R_xlen_t)n));
	nm = PROTECT(Rf_allocVector(STRSXP, (R_xlen_t)n));
	Rf_setAttrib(out, R_NamesSymbol, nm);
	SET_STRING_ELT(nm, 0, Rf_mkChar("replication"));
	SET_STRING_ELT(nm, 1, Rf_mkChar("option"));
	id = Rf_allocVector(INTSXP, (R_xlen_t)(R * V));
	SET_VECTOR_ELT(out, 0, id);
	opt = Rf_allocVector(STRSXP, (R_xlen_t)(R * V));
	SET_VECTOR_ELT(out, 1, opt);
	for (r = 0; r < R; r++)
		for (v = 0; v < V; v++) {
			INTEGER(id)[r * V + v] = (int)r + 1;
			SET_STRING_ELT(opt, r * V + v, name_of(run, v));
		}
	for (j = 0; j < K + D; j++) {
		const char *name = j < K ? fw_metric_name(j) :
		    fw_run_draw_path(run, j - K);
		SET_STRING_ELT(nm, 2 + j, Rf_mkCharCE(name, CE_UTF8));
		SET_VECTOR_ELT(out, 2 + j,
		    Rf_allocVector(REALSXP, (R_xlen_t)(R * V)));
	}
	/* R's memory for one option's values, then spread over the rows */
	tmp = (double *)R_alloc(R ? R : 1, sizeof(double));
	for (j = 0; j < K + D; j++)
		for (v = 0; v < V; v++) {
			check(j < K ? fw_run_values(run, v, j, tmp) :
			    fw_run_draws(run, v, j - K, tmp));
			for (r = 0; r < R; r++)
				col(out, (int)(2 + j))[r * V + v] = tmp[r];
		}
	UNPROTECT(2);
	return out;
}

static fw_paired paired(const fw_run *run, size_t v, const char *metric)
{
	fw_paired p;
	size_t k;

	check(fw_metric_index(metric, &k));
	check(fw_run_paired(run, v, 0, k, &p));
	return p;
}

SEXP fwr_compare(SEXP x)
{
	static const char *const names[] = { "option", "dnpv_mean",
		"dnpv_lo95", "dnpv_hi95", "dnpv_p5", "dnpv_p50", "dnpv_p95",
		"p_dnpv_positive", "drevenue_per_year", "dcash_per_year",
		"payback_month", "compounding", "incremental_cost", "roi",
		"dchannel_cost", "dprogram_cost", "dreacq_cost", "dgap_value",
		"dgap_rate", "dscripts_unfilled", "dcustomer_value_at_risk",
		"dadvocates", "dswitched", NULL };
	static const SEXPTYPE types[] = { STRSXP, REALSXP, REALSXP, REALSXP,
		REALSXP, REALSXP, REALSXP, REALSXP, REALSXP, REALSXP, INTSXP,
		REALSXP, REALSXP, REALSXP, REALSXP, REALSXP, REALSXP, REALSXP,
		REALSXP, REALSXP, REALSXP, REALSXP, REALSXP };
	fw_run *run = finished(x);
	size_t V = fw_scenario_variant_count(fw_run_scenario(run)), v, c;
	double years = fw_run_months(run) / 12.0;
	SEXP out = PROTECT(r_columns(names, (R_xlen_t)(V - 1), types));

	for (v = 1; v < V; v++) {
		size_t i = v - 1;
		fw_paired npv = paired(run, v, "npv");
		double cost = paired(run, v, "spend_pv").mean;
		double compounding;
		int payback;

		check(fw_run_payback(run, v, 0, &payback));
		check(fw_run_compounding(run, v, 0, &compounding));
		SET_STRING_ELT(VECTOR_ELT(out, 0), i, name_of(run, v));
		const double f[] = { npv.mean, npv.lo95, npv.hi95, npv.p5,
			npv.p50, npv.p95, npv.p_positive };
		r_put(out, 1, i, f, 7);
		col(out, 8)[i] = paired(run, v, "revenue").mean / years;
		col(out, 9)[i] = paired(run, v, "cash").mean / years;
		INTEGER(VECTOR_ELT(out, 10))[i] = payback > 0 ? payback :
		    NA_INTEGER;
		col(out, 11)[i] = compounding;
		col(out, 12)[i] = cost;
		col(out, 13)[i] = cost > 0 ? npv.mean / cost : NAN;
		for (c = 0; c < NCHANGES; c++)
			col(out, (int)(14 + c))[i] =
			    paired(run, v, changes[c]).mean;
	}
	UNPROTECT(1);
	return out;
}

static double mean_at(const fw_run *run, size_t v, int t, const char *name)
{
	fw_band b;
	size_t k;

	check(fw_series_index(name, &k));
	check(fw_run_month(run, v, t, k, &b));
	return b.mean;
}

SEXP fwr_paired(SEXP x)
{
	static const char *const names[] = { "option", "month", "dcash_mean",
		"cum_dcash_mean", "cum_dcash_lo95", "cum_dcash_hi95",
		"cum_dcash_p5", "cum_dcash_p50", "cum_dcash_p95",
		"drevenue_mean", NULL };
	static const SEXPTYPE types[] = { STRSXP, INTSXP, REALSXP, REALSXP,
		REALSXP, REALSXP, REALSXP, REALSXP, REALSXP, REALSXP };
	fw_run *run = finished(x);
	size_t V = fw_scenario_variant_count(fw_run_scenario(run)), v, i = 0;
	int T = fw_run_months(run), t;
	SEXP out = PROTECT(r_columns(names, (R_xlen_t)((V - 1) * (size_t)T),
	    types));
	fw_gain g;

	for (v = 1; v < V; v++)
		for (t = 1; t <= T; t++, i++) {
			check(fw_run_cumulative_gain(run, v, t, &g));
			SET_STRING_ELT(VECTOR_ELT(out, 0), i, name_of(run, v));
			INTEGER(VECTOR_ELT(out, 1))[i] = t;
			col(out, 2)[i] = mean_at(run, v, t, "cash") -
			    mean_at(run, 0, t, "cash");
			const double f[] = { g.mean, g.lo95, g.hi95, g.p5,
				g.p50, g.p95 };
			r_put(out, 3, i, f, 6);
			col(out, 9)[i] = mean_at(run, v, t, "revenue") -
			    mean_at(run, 0, t, "revenue");
		}
	UNPROTECT(1);
	return out;
}

/* The named monthly series (those kept per replication) in every
 * replication: one row per series, replication, option and month. */
SEXP fwr_monthly(SEXP x, SEXP names)
{
	static const char *const cols[] = { "replication", "option", "month",
		"series", "value", NULL };
	static const SEXPTYPE types[] = { INTSXP, STRSXP, INTSXP, STRSXP,
		REALSXP };
	fw_run *run = finished(x);
	size_t V = fw_scenario_variant_count(fw_run_scenario(run));
	size_t R = (size_t)fw_run_replications(run);
	size_t T = (size_t)fw_run_months(run);
	size_t S = (size_t)XLENGTH(names), s, r, v, t, i = 0;
	SEXP out = PROTECT(r_columns(cols, (R_xlen_t)(S * R * V * T), types));
	double *tmp = (double *)R_alloc(V * R * T ? V * R * T : 1,
	    sizeof(double));

	for (s = 0; s < S; s++) {
		const char *name = Rf_translateCharUTF8(STRING_ELT(names, s));
		size_t k = 0;
		char msg[160];

		if (fw_series_index(name, &k) != FW_OK ||
		    !fw_series_has_percentiles(k)) {
			snprintf(msg, sizeof(msg), "%s: no monthly series kept "
			    "per replication by that name", name);
			r_fail_status(FW_EINVALID, msg);
		}
		for (v = 0; v < V; v++)
			check(fw_run_month_values(run, v, k,
			    tmp + v * R * T));
		for (r = 0; r < R; r++)
			for (v = 0; v < V; v++)
				for (t = 0; t < T; t++, i++) {
					INTEGER(VECTOR_ELT(out, 0))[i] =
					    (int)r + 1;
					SET_STRING_ELT(VECTOR_ELT(out, 1), i,
					    name_of(run, v));
					INTEGER(VECTOR_ELT(out, 2))[i] =
					    (int)t + 1;
					SET_STRING_ELT(VECTOR_ELT(out, 3), i,
					    STRING_ELT(names, s));
					col(out, 4)[i] =
					    tmp[(v * R + r) * T + t];
				}
	}
	UNPROTECT(1);
	return out;
}
