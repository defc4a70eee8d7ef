/* test_csv.c - fields of the tables: quoted where a comma, a quote or a
 * line break would break the row, and defused where a spreadsheet would
 * run the cell as a formula (a leading quote, as OWASP advises).
 * SPDX-License-Identifier: MIT */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "csv.h"
#include "suites.h"

/* What fw_write_csv_text writes for s. */
static char *
field(const char *s)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	ck_assert_ptr_nonnull(f);
	fw_write_csv_text(f, s);
	fclose(f);
	return buf;
}

#define FIELD_IS(s, want) do {						\
	char *got = field(s);						\
	ck_assert_str_eq(got, want);					\
	free(got);							\
} while (0)

START_TEST(test_csv_text)
{
	FIELD_IS("plain name", "plain name");
	FIELD_IS("a,b", "\"a,b\"");
	FIELD_IS("say \"hi\"", "\"say \"\"hi\"\"\"");
	FIELD_IS("two\nlines", "\"two\nlines\"");
	FIELD_IS("=HYPERLINK(\"http://x\")",
	    "\"'=HYPERLINK(\"\"http://x\"\")\"");
	FIELD_IS("+1", "\"'+1\"");
	FIELD_IS("-1", "\"'-1\"");
	FIELD_IS("@SUM(A1)", "\"'@SUM(A1)\"");
	FIELD_IS("\tx", "\"'\tx\"");
	FIELD_IS("\rx", "\"'\rx\"");
	FIELD_IS("a=b", "a=b");
	FIELD_IS("", "");
}
END_TEST

/* JSON strings: quote and backslash escaped, control characters as
 * \u00XX, the rest (UTF-8 too) as it is. */
START_TEST(test_json_text)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	ck_assert_ptr_nonnull(f);
	fw_write_json_text(f, "a\"b\\c\n\x7f\xc3\xa9");
	fclose(f);
	ck_assert_str_eq(buf, "\"a\\\"b\\\\c\\u000a\\u007f\xc3\xa9\"");
	free(buf);
}
END_TEST

Suite *
csv_suite(void)
{
	Suite *s = suite_create("csv");
	TCase *tc = tcase_create("fields");

	tcase_add_test(tc, test_csv_text);
	tcase_add_test(tc, test_json_text);
	suite_add_tcase(s, tc);
	return s;
}
