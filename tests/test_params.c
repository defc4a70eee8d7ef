/* test_params.c - the key table and the value readers.
 * SPDX-License-Identifier: MIT */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "read.h"
#include "suites.h"

START_TEST(test_defaults_match_model)
{
	/* A sample of MODEL.md §2 defaults, read back through the table. */
	static const struct { const char *sec, *name; double def; } want[] = {
		{ "economics", "price_per_patient_month", 500 },
		{ "experience", "cx_weight", 0.3333 },
		{ "friction", "access", 0.42 },
		{ "flywheel", "advocacy_trust", 0.55 },
		{ "reacquisition", "defection_multiplier", 1.5 },
		{ "patients", "late_friction", 0.06 },
		{ "program_cost", "monthly", 0 },
	};
	size_t i;

	for (i = 0; i < sizeof(want) / sizeof(want[0]); i++) {
		const fw_key *k = fwi_key_find(FW_SCOPE_GLOBAL, want[i].sec,
		    want[i].name);
		ck_assert_ptr_nonnull(k);
		ck_assert_double_eq(k->def, want[i].def);
	}
	ck_assert_int_eq(FW_NGLOBAL, 42);
}
END_TEST

/* Every key has a plain-English label for charts, and a unit. */
START_TEST(test_labels)
{
	size_t i;

	for (i = 0; i < fw_key_count(); i++) {
		fw_key_info k;
		ck_assert_int_eq(fw_key_get(i, &k), FW_OK);
		ck_assert_msg(fwi_keys[i].label != NULL && *k.label != '\0',
		    "%s has no label", k.path);
		ck_assert_msg(fwi_keys[i].unit != NULL, "%s has no unit",
		    k.path);
	}
	ck_assert_int_eq(fw_key_lookup("friction.access", &(fw_key_info){ 0 }),
	    FW_OK);
}
END_TEST

START_TEST(test_ranges)
{
	const fw_key *trust = fwi_key_find(FW_SCOPE_GLOBAL, "flywheel",
	    "advocacy_trust");
	const fw_key *att = fwi_key_find(FW_SCOPE_GLOBAL, "experience",
	    "attention_capacity");
	const fw_key *mult = fwi_key_find(FW_SCOPE_GLOBAL, "reacquisition",
	    "defection_multiplier");

	ck_assert(fwi_key_in_range(trust, 0));
	ck_assert(!fwi_key_in_range(trust, 1));
	ck_assert(!fwi_key_in_range(att, 0));
	ck_assert(fwi_key_in_range(att, 1e-9));
	ck_assert(!fwi_key_in_range(mult, 0.99));
	ck_assert(fwi_key_in_range(mult, 1));
}
END_TEST

/* Every upper end the loader enforces is shown where params lists the
 * key, and a whole-number count's end has its reason. */
START_TEST(test_enforced_limits_shown)
{
	char range[64], hi[40];
	fw_key_info k;
	size_t i;

	for (i = 0; i < fw_key_count(); i++) {
		fw_key_get(i, &k);
		if ((k.type != FW_KEY_INTEGER && k.type != FW_KEY_NUMBER) ||
		    isinf(k.hi) || k.hi >= 18446744073709551615.0)
			continue;
		fw_key_range_text(i, range, sizeof(range));
		fw_format_real(k.hi, hi, sizeof(hi));
		ck_assert_msg(strstr(range, hi) != NULL, "%s: range '%s' "
		    "hides its upper end %s", k.path, range, hi);
	}
	ck_assert_int_eq(fw_key_lookup("segments.a.patients_on_therapy", &k),
	    FW_OK);
	for (i = 0; i < fw_key_count(); i++) {
		fw_key_info j;
		fw_key_get(i, &j);
		if (strcmp(j.path, k.path) == 0)
			ck_assert_str_ne(fw_key_limit(i), "");
	}
}
END_TEST

START_TEST(test_format_real_round_trips)
{
	static const double xs[] = { 0.1, 1.0 / 3, 450, 1e-300, 2.5e15,
		0.3333, -7.25, 123456789.123456789 };
	char buf[40];
	size_t i;

	for (i = 0; i < sizeof(xs) / sizeof(xs[0]); i++) {
		fw_format_real(xs[i], buf, sizeof(buf));
		ck_assert_double_eq(strtod(buf, NULL), xs[i]);
	}
	fw_format_real(0.1, buf, sizeof(buf));
	ck_assert_str_eq(buf, "0.1");
}
END_TEST

START_TEST(test_suggest)
{
	static const char *const c[] = { "hcps", "scripts_per_month",
		"trust", "initial", "name" };

	ck_assert_str_eq(fw_suggest("hpcs", c, 5), "hcps");
	ck_assert_str_eq(fw_suggest("scripts_per_mnth", c, 5),
	    "scripts_per_month");
	ck_assert_ptr_null(fw_suggest("colour", c, 5));
}
END_TEST

START_TEST(test_quantiles)
{
	fw_num n = { 0 };

	n.dist = FW_DIST_UNIFORM;
	n.p[0] = 2;
	n.p[1] = 4;
	ck_assert_double_eq_tol(fwi_num_at(&n, 0.25), 2.5, 1e-12);
	n.dist = FW_DIST_TRIANGULAR;
	n.p[0] = 0;
	n.p[1] = 1;
	n.p[2] = 2;
	ck_assert_double_eq_tol(fwi_num_at(&n, 0.5), 1, 1e-12);
	ck_assert_double_eq_tol(fwi_num_at(&n, 0.125), 0.5, 1e-12);
	/* A symmetric PERT has its median at the mode. */
	n.dist = FW_DIST_PERT;
	n.p[0] = 0.1;
	n.p[1] = 0.2;
	n.p[2] = 0.3;
	ck_assert_double_eq_tol(fwi_num_at(&n, 0.5), 0.2, 1e-12);
	n.dist = FW_DIST_NORMAL;
	n.p[0] = 10;
	n.p[1] = 2;
	ck_assert_double_eq_tol(fwi_num_at(&n, 0.975), 10 + 2 * 1.959963985,
	    1e-8);
	n.dist = FW_DIST_BETA;
	n.p[0] = 2;
	n.p[1] = 2;
	ck_assert_double_eq_tol(fwi_num_at(&n, 0.5), 0.5, 1e-12);
	n.dist = FW_DIST_NONE;
	n.value = 7;
	ck_assert_double_eq(fwi_num_at(&n, 0.3), 7);
}
END_TEST

START_TEST(test_support_fits)
{
	const fw_key *access = fwi_key_find(FW_SCOPE_GLOBAL, "friction",
	    "access");
	const fw_key *price = fwi_key_find(FW_SCOPE_GLOBAL, "economics",
	    "price_per_patient_month");
	const fw_key *at = fwi_key_find(FW_SCOPE_GLOBAL, "flywheel",
	    "advocacy_trust");
	fw_num n = { 0 };

	n.dist = FW_DIST_NORMAL;
	n.p[1] = 1;
	ck_assert(!fwi_dist_fits(&n, access));
	ck_assert(!fwi_dist_fits(&n, price));
	n.dist = FW_DIST_BETA;
	ck_assert(fwi_dist_fits(&n, access));
	ck_assert(fwi_dist_fits(&n, at));
	n.dist = FW_DIST_LOGNORMAL;
	ck_assert(fwi_dist_fits(&n, price));
	ck_assert(!fwi_dist_fits(&n, access));
	n.dist = FW_DIST_UNIFORM;
	n.p[0] = 0.5;
	n.p[1] = 1;
	ck_assert(fwi_dist_fits(&n, access));
	ck_assert(!fwi_dist_fits(&n, at));
}
END_TEST

Suite *
params_suite(void)
{
	Suite *s = suite_create("params");
	TCase *tc = tcase_create("table");

	tcase_add_test(tc, test_defaults_match_model);
	tcase_add_test(tc, test_ranges);
	tcase_add_test(tc, test_enforced_limits_shown);
	tcase_add_test(tc, test_labels);
	tcase_add_test(tc, test_format_real_round_trips);
	tcase_add_test(tc, test_suggest);
	tcase_add_test(tc, test_quantiles);
	tcase_add_test(tc, test_support_fits);
	suite_add_tcase(s, tc);
	return s;
}
