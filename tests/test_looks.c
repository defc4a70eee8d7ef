/* test_looks.c - the command's words for what a page shows: an option's
 * label made from its description (cut where a phrase ends, never
 * inside one), and an input's values in plain numbers rather than YAML.
 * SPDX-License-Identifier: MIT */
#include "config.h"

#include <string.h>

#include "flywheel.h"
#include "suites.h"
#include "valuewords.h"

#define LABEL_IS(description, want) do {				\
	char made[64];							\
	fw_option_label("key", NULL, description, made, sizeof(made));	\
	ck_assert_str_eq(made, want);					\
} while (0)

START_TEST(test_label_from_description)
{
	char got[64];

	/* a cut inside "of HCP and patient onboarding" ends before it */
	LABEL_IS("Journey redesign of HCP and patient onboarding",
	    "Journey redesign");
	LABEL_IS("Double rep frequency and add a peer-to-peer webinar "
	    "series", "Double rep frequency");
	/* the first phrase when it fits */
	LABEL_IS("Access hub that gets written scripts filled", "Access hub");
	LABEL_IS("Access hub - benefits checks, PA support, bridge supply",
	    "Access hub");
	LABEL_IS("Webinars, rep-triggered email and a chatbot on top of "
	    "today's mix", "Webinars, rep-triggered email");
	/* short enough: whole */
	LABEL_IS("Fix onboarding for new HCPs", "Fix onboarding");
	LABEL_IS("Nurse support and bridge supply", "Nurse support and "
	    "bridge supply");
	/* a label given wins; no description: the key */
	fw_option_label("key", "Onboarding redesign", "Journey redesign of HCP",
	    got, sizeof(got));
	ck_assert_str_eq(got, "Onboarding redesign");
	fw_option_label("key", NULL, "", got, sizeof(got));
	ck_assert_str_eq(got, "key");
}
END_TEST

START_TEST(test_value_percentiles)
{
	double q[3];
	fw_error err;

	ck_assert_int_eq(fw_value_percentiles("friction.access", "0.42", q,
	    &err), FW_OK);
	ck_assert(q[0] == 0.42 && q[1] == 0.42 && q[2] == 0.42);
	/* uniform on [0.2, 0.4]: its percentiles exactly */
	ck_assert_int_eq(fw_value_percentiles("friction.access",
	    "{dist: uniform, min: 0.2, max: 0.4}", q, &err), FW_OK);
	ck_assert_double_eq_tol(q[0], 0.21, 1e-12);
	ck_assert_double_eq_tol(q[1], 0.30, 1e-12);
	ck_assert_double_eq_tol(q[2], 0.39, 1e-12);
	/* checked as in a file: a chance above 1, an unknown key */
	ck_assert_int_eq(fw_value_percentiles("friction.access", "1.5", q,
	    &err), FW_EINVALID);
	ck_assert_int_eq(fw_value_percentiles("friction.nothing", "0.5", q,
	    &err), FW_EINVALID);
}
END_TEST

START_TEST(test_value_words)
{
	const char *change[2] = { "0.35", "{dist: uniform, min: 0.2, "
		"max: 0.4}" };
	const char *fitted[2] = { "{dist: logitnormal, mu: "
		"-0.1640670373488769, sigma: 0.044819455, min: 0, max: 1}",
		"0.25" };
	const char *price[2] = { "450", "{dist: uniform, min: 400, "
		"max: 500}" };
	const char *odd[2] = { "0.3", "{dist: nope}" };
	char w[2][VALUE_TEXT];

	value_words("friction.access", change, 2, w);
	ck_assert_str_eq(w[0], "0.35");
	ck_assert_str_eq(w[1], "0.30 (0.21\xe2\x80\x93" "0.39)");
	/* a variant's own path reads as the key's */
	value_words("fix-access:friction.access", change, 2, w);
	ck_assert_str_eq(w[0], "0.35");
	/* no 16-digit float, no braces: a fitted input as its range */
	value_words("friction.access", fitted, 2, w);
	ck_assert_ptr_null(strchr(w[0], '{'));
	ck_assert_ptr_null(strstr(w[0], "1640670373488769"));
	ck_assert_str_eq(w[1], "0.25");
	/* money as money */
	value_words("economics.price_per_patient_month", price, 2, w);
	ck_assert_str_eq(w[0], "$450");
	ck_assert_str_eq(w[1], "$450 ($405\xe2\x80\x93$495)");
	/* whole numbers without decimals */
	{
		const double x[2] = { 3, 12 };
		char v[2][VALUE_WORDS];
		values_words("segments.a.scripts_per_month", x, 2, v);
		ck_assert_str_eq(v[0], "3");
		ck_assert_str_eq(v[1], "12");
	}
	/* text that does not read as the key's value: as it is */
	value_words("friction.access", odd, 2, w);
	ck_assert_str_eq(w[0], "0.30");
	ck_assert_str_eq(w[1], "{dist: nope}");
}
END_TEST

Suite *
looks_suite(void)
{
	Suite *s = suite_create("looks");
	TCase *tc = tcase_create("words");

	tcase_add_test(tc, test_label_from_description);
	tcase_add_test(tc, test_value_percentiles);
	tcase_add_test(tc, test_value_words);
	suite_add_tcase(s, tc);
	return s;
}
