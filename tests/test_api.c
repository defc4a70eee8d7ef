/* test_api.c - the public API as a client sees it: only flywheel.h, the
 * results read through functions, a scenario changed by number, copies
 * and added variants, draws, bands and paired statistics.
 * SPDX-License-Identifier: MIT */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <check.h>

#include "flywheel.h"
#include "helpers.h"
#include "suites.h"

#define SMALL_RUN \
	"name: api\nhorizon_months: 12\nreplications: 7\nseed: 5\n" \
	"segments:\n  - {name: a, hcps: 300, scripts_per_month: 3, " \
	"initial: {engaged: 0.5, adopter: 0.5}}\n" \
	"friction: {access: {dist: beta, alpha: 4, beta: 6}}\n" \
	"variants:\n  cheap: {set: {friction.onboarding: 0.1}}\n"

/* A number set through the API is the number a file would have given:
 * the same bytes of every result. */
START_TEST(test_set_number_equals_file)
{
	fw_scenario *a = test_load(SMALL_RUN);
	fw_scenario *b = test_load(SMALL_RUN
	    "  dear: {set: {friction.onboarding: 0.45}}\n");
	fw_run_options opt = { 0 };
	fw_run *ra, *rb;
	fw_error err;
	size_t k;
	uint64_t r;

	ck_assert_int_eq(fw_scenario_add_variant(a, "dear", NULL, &err),
	    FW_OK);
	ck_assert_int_eq(fw_scenario_set_number(a, "dear",
	    "friction.onboarding", 0.45, &err), FW_OK);
	ra = test_run(a, &opt);
	rb = test_run(b, &opt);
	for (r = 0; r < 7; r++)
		for (k = 0; k < fw_metric_count(); k++)
			ck_assert(memcmp(&(double){ fw_run_value(ra, r, 2, k) },
			    &(double){ fw_run_value(rb, r, 2, k) },
			    sizeof(double)) == 0);
	fw_run_free(ra);
	fw_run_free(rb);
	fw_scenario_free(a);
	fw_scenario_free(b);
}
END_TEST

/* Run options outside their keys' ranges are refused, not wrapped. */
START_TEST(test_run_options_checked)
{
	fw_scenario *sc = test_load(SMALL_RUN);
	fw_run_options opt = { .months = 601 };
	fw_run *run;
	fw_error err;

	ck_assert_int_eq(fw_run_alloc(sc, &opt, &run, &err), FW_EINVALID);
	ck_assert_ptr_null(run);
	opt = (fw_run_options){ .replications = 4294967296ULL };
	ck_assert_int_eq(fw_run_alloc(sc, &opt, &run, &err), FW_EINVALID);
	opt = (fw_run_options){ .threads = -1 };
	ck_assert_int_eq(fw_run_alloc(sc, &opt, &run, &err), FW_EINVALID);
	fw_scenario_free(sc);
}
END_TEST

/* A copy is independent of its original; names of new variants follow
 * the one rule. */
START_TEST(test_copy_and_add_variant)
{
	fw_scenario *sc = test_load(SMALL_RUN), *c;
	fw_error err;
	double x;
	size_t v;
	int uncertain = -1;

	ck_assert_int_eq(fw_scenario_copy(sc, &c), FW_OK);
	ck_assert_int_eq(fw_scenario_set_number(c, NULL, "friction.prescribe",
	    0.3, &err), FW_OK);
	ck_assert_int_eq(fw_scenario_value(sc, NULL, "friction.prescribe",
	    0.5, &x, &err), FW_OK);
	ck_assert_double_eq(x, 0.10);
	ck_assert_int_eq(fw_scenario_value(c, "cheap", "friction.prescribe",
	    0.5, &x, &err), FW_OK);
	ck_assert_double_eq(x, 0.3);
	ck_assert_str_eq(fw_scenario_hash(c), fw_scenario_hash(sc));
	ck_assert_int_eq(fw_scenario_add_variant(c, "cheap", NULL, &err),
	    FW_EINVALID);
	ck_assert_int_eq(fw_scenario_add_variant(c, "baseline", NULL, &err),
	    FW_EINVALID);
	ck_assert_int_eq(fw_scenario_add_variant(c, "bad\033[2Jname", NULL,
	    &err), FW_EINVALID);
	ck_assert_int_eq(fw_scenario_add_variant(c, "more", "cheap", &err),
	    FW_OK);
	ck_assert_uint_eq(fw_scenario_variant_count(c), 3);
	ck_assert_int_eq(fw_scenario_variant_index(c, "more", &v), FW_OK);
	ck_assert_uint_eq(v, 2);
	ck_assert_int_eq(fw_scenario_value(c, "more", "friction.onboarding",
	    0.5, &x, &err), FW_OK);
	ck_assert_double_eq(x, 0.1);
	ck_assert_int_eq(fw_scenario_is_uncertain(c, "more", "friction.access",
	    &uncertain), FW_OK);
	ck_assert_int_eq(uncertain, 1);
	ck_assert_int_eq(fw_scenario_is_uncertain(c, NULL, "friction.support",
	    &uncertain), FW_OK);
	ck_assert_int_eq(uncertain, 0);
	ck_assert_int_eq(fw_scenario_is_uncertain(c, NULL, "friction.nope",
	    &uncertain), FW_EINVALID);
	ck_assert_int_eq(uncertain, 0);
	fw_scenario_free(c);
	fw_scenario_free(sc);
}
END_TEST

/* Removes the "  # default" marks: written out, a default is a value. */
static void
strip_default_marks(char *s)
{
	const char *mark = "  # default";
	char *p;

	while ((p = strstr(s, mark)) != NULL)
		memmove(p, p + strlen(mark), strlen(p + strlen(mark)) + 1);
}

/* A scenario is identified by the FNV-1a 64 hash of the bytes loaded:
 * the published test vector for "a", then the scenario's own text. */
START_TEST(test_scenario_hash)
{
	fw_scenario *sc = test_load(SMALL_RUN);
	char want[32];

	fw_hash("a", 1, want, sizeof(want));
	ck_assert_str_eq(want, "fnv1a64:af63dc4c8601ec8c");
	fw_hash(SMALL_RUN, strlen(SMALL_RUN), want, sizeof(want));
	ck_assert_str_eq(fw_scenario_hash(sc), want);
	fw_scenario_free(sc);
}
END_TEST

/* SHA-256: the test vectors of FIPS 180-2 (appendix B: one block, two
 * blocks, a million 'a'), the empty message, a message whose padding
 * needs a block of its own (55 and 56 bytes), and the scenario's own
 * bytes. */
START_TEST(test_sha256)
{
	static const char two[] = "abcdbcdecdefdefgefghfghighijhijkijkljklm"
	    "klmnlmnomnopnopq";
	fw_scenario *sc = test_load(SMALL_RUN);
	char got[65], *million = malloc(1000000);

	ck_assert_ptr_nonnull(million);
	fw_sha256("abc", 3, got, sizeof(got));
	ck_assert_str_eq(got, "ba7816bf8f01cfea414140de5dae2223"
	    "b00361a396177a9cb410ff61f20015ad");
	fw_sha256(two, strlen(two), got, sizeof(got));
	ck_assert_str_eq(got, "248d6a61d20638b8e5c026930c3e6039"
	    "a33ce45964ff2167f6ecedd419db06c1");
	memset(million, 'a', 1000000);
	fw_sha256(million, 1000000, got, sizeof(got));
	ck_assert_str_eq(got, "cdc76e5c9914fb9281a1c7e284d73e67"
	    "f1809a48a497200e046d39ccc7112cd0");
	fw_sha256("", 0, got, sizeof(got));
	ck_assert_str_eq(got, "e3b0c44298fc1c149afbf4c8996fb924"
	    "27ae41e4649b934ca495991b7852b855");
	fw_sha256(million, 55, got, sizeof(got));
	ck_assert_str_eq(got, "9f4390f8d30c2dd92ec9f095b65e2b9a"
	    "e9b0a925a5258e241c9f1e910f734318");
	fw_sha256(million, 56, got, sizeof(got));
	ck_assert_str_eq(got, "b35439a4ac6f0948b6d6f9e3c6af0f5f"
	    "590ce20f1bde7090ef7970686ec6738a");
	fw_sha256(SMALL_RUN, strlen(SMALL_RUN), got, sizeof(got));
	ck_assert_str_eq(fw_scenario_sha256(sc), got);
	free(million);
	fw_scenario_free(sc);
}
END_TEST

/* Every change made after loading is listed, in order, and copies keep
 * the list. */
START_TEST(test_overrides)
{
	fw_scenario *sc = test_load(SMALL_RUN), *c = NULL;
	const char *variant, *path, *value;
	fw_error err;

	ck_assert_uint_eq(fw_scenario_override_count(sc), 0);
	ck_assert_int_eq(fw_scenario_set_number(sc, NULL, "friction.access",
	    0.25, &err), FW_OK);
	ck_assert_int_eq(fw_scenario_set(sc, "cheap", "friction.support",
	    "{dist: uniform, min: 0.2, max: 0.3}", &err), FW_OK);
	ck_assert_int_eq(fw_scenario_set(sc, NULL, "friction.nope", "1",
	    &err), FW_EINVALID);
	ck_assert_int_eq(fw_scenario_copy(sc, &c), FW_OK);
	ck_assert_uint_eq(fw_scenario_override_count(c), 2);
	ck_assert_int_eq(fw_scenario_override(c, 0, &variant, &path, &value),
	    FW_OK);
	ck_assert_ptr_null(variant);
	ck_assert_str_eq(path, "friction.access");
	ck_assert_str_eq(value, "0.25");
	ck_assert_int_eq(fw_scenario_override(c, 1, &variant, &path, &value),
	    FW_OK);
	ck_assert_str_eq(variant, "cheap");
	ck_assert_str_eq(value, "{dist: uniform, min: 0.2, max: 0.3}");
	ck_assert_int_eq(fw_scenario_override(c, 2, &variant, &path, &value),
	    FW_EINVALID);
	fw_scenario_free(c);
	fw_scenario_free(sc);
}
END_TEST

/* The resolved YAML loads back into the same scenario. */
START_TEST(test_yaml_round_trip)
{
	fw_scenario *sc = test_load(SMALL_RUN), *back;
	char *text = test_yaml(sc), *again;

	back = test_load(text);
	again = test_yaml(back);
	strip_default_marks(text);
	strip_default_marks(again);
	ck_assert_str_eq(again, text);
	fw_free(text);
	fw_free(again);
	fw_scenario_free(back);
	fw_scenario_free(sc);
}
END_TEST

/* Statistics, bands and paired differences agree with the values of the
 * replications they summarise. */
START_TEST(test_results_agree)
{
	fw_scenario *sc = test_load(SMALL_RUN);
	fw_run_options opt = { 0 };
	fw_run *run = test_run(sc, &opt);
	size_t npv = test_metric("npv");
	size_t rev = test_series("revenue");
	double sum = 0, dsum = 0, x[7];
	fw_stats s;
	fw_band b;
	fw_paired p;
	uint64_t r;

	/* refused, and the index left as it was */
	ck_assert_int_eq(fw_metric_index("no such metric", &npv), FW_EINVALID);
	ck_assert_uint_eq(npv, test_metric("npv"));
	ck_assert(fw_series_has_percentiles(rev));
	ck_assert(!fw_series_has_percentiles(test_series(
	    "winbacks")));
	for (r = 0; r < 7; r++) {
		sum += fw_run_value(run, r, 1, npv);
		dsum += fw_run_value(run, r, 1, npv) -
		    fw_run_value(run, r, 0, npv);
		x[r] = fw_run_month_value(run, r, 1, 6, rev);
	}
	ck_assert_int_eq(fw_run_stats(run, 1, npv, &s), FW_OK);
	ck_assert_double_eq_tol(s.mean, sum / 7, 1e-6);
	ck_assert_int_eq(fw_run_paired(run, 1, 0, npv, &p), FW_OK);
	ck_assert_double_eq_tol(p.mean, dsum / 7, 1e-6);
	ck_assert_int_eq(fw_run_month(run, 1, 6, rev, &b), FW_OK);
	fw_stats_of(x, 7, &s);
	ck_assert_double_eq(b.p50, s.p50);
	ck_assert_double_eq(b.p5, s.p5);
	ck_assert_int_eq(fw_run_month(run, 1, 13, rev, &b), FW_EINVALID);
	ck_assert(isnan(fw_run_value(run, 7, 0, npv)));
	fw_run_free(run);
	fw_scenario_free(sc);
}
END_TEST

/* Each replication's drawn value is the quantile of its uniform: inside
 * the distribution's support, the same in every variant that has it. */
START_TEST(test_draws)
{
	fw_scenario *sc = test_load(SMALL_RUN);
	fw_run_options opt = { 0 };
	fw_run *run = test_run(sc, &opt);
	uint64_t r;

	ck_assert_uint_eq(fw_run_draw_count(run), 1);
	ck_assert_str_eq(fw_run_draw_path(run, 0), "friction.access");
	ck_assert_ptr_null(fw_run_draw_path(run, 1));
	for (r = 0; r < 7; r++) {
		double a = fw_run_draw(run, r, 0, 0);
		ck_assert(a > 0 && a < 1);
		ck_assert_double_eq(a, fw_run_draw(run, r, 1, 0));
	}
	fw_run_free(run);
	fw_scenario_free(sc);
}
END_TEST

/* A sweep point is its scenario with the point's numbers set. */
START_TEST(test_sweep_point)
{
	char path[1024];
	fw_sweep *sw;
	fw_scenario *sc;
	fw_error err;
	double x;

	snprintf(path, sizeof(path), "%s/scenarios/sweeps/breakeven.yaml",
	    getenv("top_srcdir") ? getenv("top_srcdir") : ".");
	ck_assert_int_eq(fw_sweep_load(path, &sw, &err), FW_OK);
	ck_assert_str_eq(fw_sweep_design(sw), "grid");
	ck_assert_int_eq(fw_sweep_point_scenario(sw, 1, &sc, &err), FW_OK);
	ck_assert_int_eq(fw_scenario_value(sc, fw_sweep_param_variant(sw, 0),
	    fw_sweep_param_path(sw, 0), 0.5, &x, &err), FW_OK);
	ck_assert_double_eq(x, fw_sweep_value(sw, 1, 0));
	fw_scenario_free(sc);
	ck_assert_int_eq(fw_sweep_point_scenario(sw, fw_sweep_points(sw), &sc,
	    &err), FW_EINVALID);
	fw_sweep_free(sw);
}
END_TEST

/* Every entry point refuses NULL in place of an object, a text or an
 * array, and an array of the wrong size, through its own way of
 * failing: never a crash, never a read past the end. */
START_TEST(test_arguments_checked)
{
	fw_scenario *sc = test_load(SMALL_RUN), *out = sc;
	fw_run_options opt = { 0 };
	fw_run *run = NULL;
	fw_sweep *sw = NULL;
	fw_calibration *cal = NULL;
	fw_error err = { 0 };
	fw_key_info info;
	fw_stats st;
	fw_band band;
	fw_paired pd;
	fw_gain gain;
	fw_sensitivity sens[8];
	enum fw_file_kind kind;
	char buf[64], path[1024], *text = buf;
	double x, y[64] = { 0 };
	size_t k;
	int flag;

	ck_assert_int_eq(fw_scenario_load(NULL, &out, &err), FW_EINVALID);
	ck_assert_ptr_null(out);
	ck_assert_str_eq(err.msg, "fw_scenario_load: file is NULL");
	ck_assert_int_eq(fw_scenario_load("x.yaml", NULL, &err), FW_EINVALID);
	ck_assert_int_eq(fw_scenario_load_string(NULL, "a", 1, &out, &err),
	    FW_EINVALID);
	ck_assert_int_eq(fw_scenario_load_string("s", NULL, 3, &out, &err),
	    FW_EINVALID);
	ck_assert_int_eq(fw_scenario_copy(NULL, &out), FW_EINVALID);
	ck_assert_int_eq(fw_scenario_copy(sc, NULL), FW_EINVALID);
	ck_assert_int_eq(fw_scenario_set(sc, NULL, NULL, "1", &err),
	    FW_EINVALID);
	ck_assert_int_eq(fw_scenario_set(sc, NULL, "friction.access", NULL,
	    &err), FW_EINVALID);
	ck_assert_int_eq(fw_scenario_set(NULL, NULL, "friction.access", "1",
	    NULL), FW_EINVALID);
	ck_assert_int_eq(fw_scenario_set_number(sc, NULL, NULL, 0.1, &err),
	    FW_EINVALID);
	ck_assert_int_eq(fw_scenario_value(sc, NULL, NULL, 0.5, &x, &err),
	    FW_EINVALID);
	ck_assert_int_eq(fw_scenario_value(sc, NULL, "friction.access", 0.5,
	    NULL, &err), FW_EINVALID);
	ck_assert_int_eq(fw_scenario_is_uncertain(sc, NULL, NULL, &flag),
	    FW_EINVALID);
	ck_assert_int_eq(fw_scenario_is_uncertain(NULL, NULL,
	    "friction.access", &flag), FW_EINVALID);
	ck_assert_int_eq(fw_scenario_is_uncertain(sc, NULL,
	    "friction.access", NULL), FW_EINVALID);
	ck_assert_int_eq(fw_scenario_add_variant(sc, NULL, NULL, &err),
	    FW_EINVALID);
	ck_assert_int_eq(fw_scenario_remove_variant(sc, NULL, &err),
	    FW_EINVALID);
	ck_assert_uint_eq(fw_scenario_variant_count(sc), 2);
	ck_assert_int_eq(fw_scenario_variant_index(sc, NULL, &k), FW_EINVALID);
	ck_assert_int_eq(fw_scenario_variant_index(sc, "baseline", NULL),
	    FW_EINVALID);
	ck_assert_int_eq(fw_scenario_report(sc, NULL, &flag), FW_EINVALID);
	ck_assert_int_eq(fw_scenario_report(sc, "leakage", NULL),
	    FW_EINVALID);
	ck_assert_int_eq(fw_scenario_change(sc, 1, 0, NULL), FW_EINVALID);
	ck_assert_int_eq(fw_scenario_set_calibration(NULL, "fit.csv"),
	    FW_EINVALID);
	ck_assert_int_eq(fw_scenario_yaml(NULL, &text), FW_EINVALID);
	ck_assert_ptr_null(text);
	ck_assert_int_eq(fw_scenario_yaml(sc, NULL), FW_EINVALID);
	ck_assert_ptr_null(fw_scenario_name(NULL));
	ck_assert_uint_eq(fw_scenario_voi_group_count(NULL), 0);
	ck_assert_uint_eq(fw_scenario_voi_group_size(NULL, 0), 0);
	ck_assert_ptr_null(fw_scenario_voi_group_path(NULL, 0, 0));
	ck_assert_int_eq(fw_run_voi_data(NULL, y, y), FW_EINVALID);
	ck_assert_int_eq(fw_voi_partial(y, 4, 2, y, 2, (size_t[]){ 0 }, 1,
	    NULL, &err), FW_EINVALID);
	ck_assert_int_eq(fw_voi_perfect(y, 4, 2, y, 2, NULL, NULL, NULL, NULL,
	    &err), FW_EINVALID);
	ck_assert(isnan(fw_calibration_covariance(NULL, 0, 0)));
	ck_assert_int_eq(fw_calibration_fitted_distributions(NULL, &out,
	    &err), FW_EINVALID);
	ck_assert_ptr_null(out);
	out = sc;
	ck_assert_ptr_null(fw_scenario_variant_name(NULL, 0));
	ck_assert_uint_eq(fw_scenario_change_count(NULL, 1), 0);
	ck_assert_int_eq(fw_scenario_horizon(NULL), 0);
	ck_assert_int_eq(fw_key_lookup(NULL, &info), FW_EINVALID);
	ck_assert_int_eq(fw_key_lookup("friction.access", NULL), FW_EINVALID);
	ck_assert_int_eq(fw_key_get(0, NULL), FW_EINVALID);
	fw_key_range_text(0, NULL, 10);
	fw_key_label(NULL, buf, sizeof(buf));
	ck_assert_str_eq(buf, "");
	fw_key_label("friction.access", NULL, 10);
	fw_key_label("segments.cardiology.trust", buf, sizeof(buf));
	ck_assert_str_eq(buf, "trust (cardiology)");
	fw_key_label("fix:friction.access", buf, sizeof(buf));
	ck_assert_str_eq(buf, "access friction in fix");
	ck_assert_int_eq(fw_max_threads(), FW_MAX_THREADS);
	ck_assert_int_eq(fw_leakage_material(NULL), 0);
	ck_assert_ptr_null(fw_leakage_column(FW_LEAKAGE_COLUMNS));
	ck_assert_str_eq(fw_leakage_column(FW_LEAKAGE_COLUMNS - 1),
	    "interaction_hi95");
	ck_assert_ptr_null(fw_leakage_table_name(FW_LEAKAGE_TABLE_COUNT));
	ck_assert_int_eq(fw_leakage_table_row(NULL, 0, NULL, NULL, buf,
	    sizeof(buf)), FW_EINVALID);
	ck_assert_int_eq(fw_leakage_write_tables(NULL, NULL, NULL, NULL,
	    &err), FW_EINVALID);
	ck_assert_ptr_null(fw_suggest(NULL, NULL, 3));
	fw_hash(NULL, 5, buf, sizeof(buf));
	ck_assert_str_eq(buf, "fnv1a64:cbf29ce484222325");
	fw_format_real(1, NULL, 32);
	fw_error_format(NULL, buf, sizeof(buf));
	ck_assert_str_eq(buf, "");
	fw_error_format(&err, NULL, 0);
	fw_error_set(&err, FW_EIO, NULL, 0, 0, NULL, NULL);
	ck_assert_str_eq(err.msg, "");
	fw_stats_of(NULL, 5, &st);
	ck_assert(isnan(st.mean));
	fw_stats_of(y, 3, NULL);
	fw_paired_of(NULL, 5, &pd);
	ck_assert(isnan(pd.mean));
	ck_assert_int_eq(fw_shapley(NULL, 2, y), FW_EINVALID);
	ck_assert_int_eq(fw_shapley(y, 2, NULL), FW_EINVALID);
	ck_assert_int_eq(fw_file_kind(NULL, &kind, &err), FW_EINVALID);
	ck_assert_int_eq(fw_file_kind("x.yaml", NULL, &err), FW_EINVALID);
	ck_assert_int_eq(fw_metric_index(NULL, &k), FW_EINVALID);
	ck_assert_int_eq(fw_series_index(NULL, &k), FW_EINVALID);
	ck_assert_int_eq(fw_metric_index("npv", NULL), FW_EINVALID);
	ck_assert_int_eq(fw_series_index("revenue", NULL), FW_EINVALID);

	/* runs */
	ck_assert_int_eq(fw_run_alloc(NULL, &opt, &run, &err), FW_EINVALID);
	ck_assert_int_eq(fw_run_alloc(sc, NULL, &run, &err), FW_EINVALID);
	ck_assert_int_eq(fw_run_alloc(sc, &opt, NULL, &err), FW_EINVALID);
	ck_assert_int_eq(fw_run_step(NULL, 1, &err), FW_EINVALID);
	ck_assert_int_eq(fw_run_finish(NULL, &err), FW_EINVALID);
	ck_assert_int_eq(fw_run_blocks(NULL, 0, 1, &err), FW_EINVALID);
	ck_assert_int_eq(fw_run_unpack(NULL, 0, 1, buf, 1, &err),
	    FW_EINVALID);
	ck_assert_uint_eq(fw_run_pack_size(NULL, 0, 1), 0);
	fw_run_pack(NULL, 0, 1, buf);
	ck_assert_uint_eq(fw_run_block_count(NULL), 0);
	ck_assert_uint_eq(fw_run_memory(NULL), 0);
	ck_assert_ptr_null(fw_run_scenario(NULL));
	ck_assert(isnan(fw_run_elapsed(NULL)));
	ck_assert_int_eq(fw_run_alloc(sc, &opt, &run, &err), FW_OK);
	/* a step as large as can be asked for simulates what is left */
	ck_assert_int_eq(fw_run_step(run, UINT64_MAX, &err), FW_OK);
	ck_assert_uint_eq(fw_run_done(run), 7);
	ck_assert_int_eq(fw_run_unpack(run, 0, 1, NULL, 0, &err),
	    FW_EINVALID);
	ck_assert_int_eq(fw_run_values(run, 0, 0, NULL), FW_EINVALID);
	ck_assert_int_eq(fw_run_stats(run, 0, 0, NULL), FW_EINVALID);
	ck_assert_int_eq(fw_run_stats(NULL, 0, 0, &st), FW_EINVALID);
	ck_assert_int_eq(fw_run_month(run, 0, 1, 0, NULL), FW_EINVALID);
	ck_assert_int_eq(fw_run_month(NULL, 0, 1, 0, &band), FW_EINVALID);
	ck_assert_int_eq(fw_run_month_values(run, 0, 0, NULL), FW_EINVALID);
	ck_assert_int_eq(fw_run_draws(run, 0, 0, NULL), FW_EINVALID);
	ck_assert_int_eq(fw_run_paired(run, 1, 0, 0, NULL), FW_EINVALID);
	ck_assert_int_eq(fw_run_cumulative_gain(run, 1, 1, NULL),
	    FW_EINVALID);
	ck_assert_int_eq(fw_run_cumulative_gain(NULL, 1, 1, &gain),
	    FW_EINVALID);
	ck_assert_int_eq(fw_run_payback(NULL, 1, 0, &flag), FW_EINVALID);
	ck_assert_int_eq(fw_run_payback(run, 1, 0, NULL), FW_EINVALID);
	ck_assert_int_eq(fw_run_compounding(NULL, 1, 0, &x), FW_EINVALID);
	ck_assert_int_eq(fw_run_compounding(run, 1, 0, NULL), FW_EINVALID);
	ck_assert(isnan(fw_run_value(NULL, 0, 0, 0)));
	ck_assert(isnan(fw_run_draw(NULL, 0, 0, 0)));
	ck_assert_ptr_null(fw_run_draw_path(NULL, 0));

	/* sweeps: y must hold one value a point, no fewer and no more */
	snprintf(path, sizeof(path), "%s/scenarios/sweeps/tornado.yaml",
	    getenv("top_srcdir") ? getenv("top_srcdir") : ".");
	ck_assert_int_eq(fw_sweep_load(NULL, &sw, &err), FW_EINVALID);
	ck_assert_int_eq(fw_sweep_load(path, NULL, &err), FW_EINVALID);
	ck_assert_int_eq(fw_sweep_load(path, &sw, &err), FW_OK);
	ck_assert_uint_le(fw_sweep_points(sw), 64);
	ck_assert_uint_le(fw_sweep_param_count(sw), 8);
	ck_assert_int_eq(fw_sweep_sensitivity(sw, y, fw_sweep_points(sw) - 1,
	    sens), FW_EINVALID);
	ck_assert_int_eq(fw_sweep_sensitivity(sw, y, fw_sweep_points(sw) + 1,
	    sens), FW_EINVALID);
	ck_assert_int_eq(fw_sweep_sensitivity(sw, NULL, fw_sweep_points(sw),
	    sens), FW_EINVALID);
	ck_assert_int_eq(fw_sweep_sensitivity(sw, y, fw_sweep_points(sw),
	    NULL), FW_EINVALID);
	ck_assert_int_eq(fw_sweep_sensitivity(sw, y, fw_sweep_points(sw),
	    sens), FW_OK);
	ck_assert_int_eq(fw_sweep_point_scenario(sw, 0, NULL, &err),
	    FW_EINVALID);
	ck_assert_int_eq(fw_sweep_point_scenario(NULL, 0, &out, &err),
	    FW_EINVALID);
	ck_assert_int_eq(fw_sweep_metric_values(sw, 0, NULL, y), FW_EINVALID);
	ck_assert_int_eq(fw_sweep_metric_values(sw, 0, run, NULL),
	    FW_EINVALID);
	ck_assert_int_eq(fw_sweep_set_seed(NULL, 1), FW_EINVALID);
	ck_assert_int_eq(fw_sweep_set_replications(NULL, 1), FW_EINVALID);
	fw_sweep_param_range(sw, 0, NULL, NULL);
	fw_sweep_param_range(NULL, 0, &x, NULL);
	ck_assert(isnan(x));
	fw_sweep_block(sw, 0, NULL, 24);
	ck_assert_ptr_null(fw_sweep_design(NULL));
	ck_assert_ptr_null(fw_sweep_scenario(NULL));
	ck_assert(isnan(fw_sweep_value(NULL, 0, 0)));
	ck_assert(isnan(fw_sweep_base_value(NULL, 0)));
	fw_sweep_free(sw);

	/* calibrations */
	ck_assert_int_eq(fw_calibration_load(NULL, &cal, &err), FW_EINVALID);
	ck_assert_int_eq(fw_calibration_load("c.yaml", NULL, &err),
	    FW_EINVALID);
	ck_assert_int_eq(fw_calibration_step(NULL, &err), FW_EINVALID);
	ck_assert_int_eq(fw_calibration_fitted(NULL, &out, &err),
	    FW_EINVALID);
	ck_assert_int_eq(fw_calibration_fit(NULL, 0, NULL), FW_EINVALID);
	ck_assert_int_eq(fw_calibration_month(NULL, 0, 1, &x, &band),
	    FW_EINVALID);
	ck_assert_int_eq(fw_calibration_done(NULL), 0);
	ck_assert(isnan(fw_calibration_objective(NULL)));
	ck_assert(isnan(fw_calibration_target_weight(NULL, 0)));
	ck_assert_ptr_null(fw_calibration_target_segment(NULL, 0));
	ck_assert_int_eq(fw_calibration_set_threads(NULL, 2), FW_EINVALID);
	fw_calibration_get_progress(NULL, NULL);
	fw_calibration_param_range(NULL, 0, NULL, &x);

	fw_run_free(run);
	fw_scenario_free(sc);
}
END_TEST

/* A variant's name that YAML would read as something else (a tag, a
 * key and value, a comment, a flow) is written quoted: the scenario's
 * YAML reads back as the same scenario. */
START_TEST(test_odd_names_round_trip)
{
	static const char *const names[] = { "!a", "a: b", "a #b", "[x]",
		"{y}", "*z", "&w", "'q'", "\"d\"", "%p", "`b", "|x", ">x",
		"?x", "a,b", "x\\y" };
	fw_scenario *sc = test_load(SMALL_RUN), *back;
	fw_error err;
	char *yaml;
	double x;
	size_t i, v;

	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		ck_assert_msg(fw_scenario_add_variant(sc, names[i], NULL, &err)
		    == FW_OK, "%s: %s", names[i], err.msg);
		ck_assert_int_eq(fw_scenario_set_number(sc, names[i],
		    "friction.onboarding", 0.2, &err), FW_OK);
	}
	yaml = test_yaml(sc);
	ck_assert_msg(fw_scenario_load_string("back.yaml", yaml, strlen(yaml),
	    &back, &err) == FW_OK, "%s:%d: %s", err.file, err.line, err.msg);
	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		ck_assert_int_eq(fw_scenario_variant_index(back, names[i], &v),
		    FW_OK);
		ck_assert_int_eq(fw_scenario_value(back, names[i],
		    "friction.onboarding", 0.5, &x, &err), FW_OK);
		ck_assert_double_eq(x, 0.2);
	}
	fw_free(yaml);
	fw_scenario_free(back);
	fw_scenario_free(sc);
}
END_TEST

Suite *
api_suite(void)
{
	Suite *s = suite_create("api");
	TCase *tc = tcase_create("public");

	tcase_add_test(tc, test_set_number_equals_file);
	tcase_add_test(tc, test_run_options_checked);
	tcase_add_test(tc, test_copy_and_add_variant);
	tcase_add_test(tc, test_scenario_hash);
	tcase_add_test(tc, test_sha256);
	tcase_add_test(tc, test_overrides);
	tcase_add_test(tc, test_yaml_round_trip);
	tcase_add_test(tc, test_results_agree);
	tcase_add_test(tc, test_draws);
	tcase_add_test(tc, test_sweep_point);
	tcase_add_test(tc, test_arguments_checked);
	tcase_add_test(tc, test_odd_names_round_trip);
	suite_add_tcase(s, tc);
	return s;
}
