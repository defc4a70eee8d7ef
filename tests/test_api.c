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
	ck_assert_int_eq(fw_scenario_variant_index(c, "more"), 2);
	ck_assert_int_eq(fw_scenario_value(c, "more", "friction.onboarding",
	    0.5, &x, &err), FW_OK);
	ck_assert_double_eq(x, 0.1);
	ck_assert_int_eq(fw_scenario_is_uncertain(c, "more", "friction.access"),
	    1);
	ck_assert_int_eq(fw_scenario_is_uncertain(c, NULL, "friction.support"),
	    0);
	ck_assert_int_eq(fw_scenario_is_uncertain(c, NULL, "friction.nope"),
	    -1);
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
	char *text = fw_scenario_yaml(sc), *again;

	ck_assert_ptr_nonnull(text);
	back = test_load(text);
	again = fw_scenario_yaml(back);
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
	size_t npv = (size_t)fw_metric_index("npv");
	size_t rev = (size_t)fw_series_index("revenue");
	double sum = 0, dsum = 0, x[7];
	fw_stats s;
	fw_band b;
	fw_paired p;
	uint64_t r;

	ck_assert_int_eq(fw_metric_index("no such metric"), -1);
	ck_assert(fw_series_has_percentiles(rev));
	ck_assert(!fw_series_has_percentiles((size_t)fw_series_index(
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
	suite_add_tcase(s, tc);
	return s;
}
