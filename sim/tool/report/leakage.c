/* leakage.c - how the command tells a decomposition of where value
 * leaks: names, labels, ranking and the headline.
 * SPDX-License-Identifier: MIT */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "leakage.h"

leak_metric
leak_metric_of(size_t m)
{
	fw_metric_info about;

	fw_metric_about(fw_leakage_metric(m), &about);
	return (leak_metric){ about.name, about.decomposed, about.money };
}

fw_leakage_row
leak_row(const fw_leakage *lk, size_t m, size_t i)
{
	const fw_leakage_figure none = { NAN, NAN, NAN };
	fw_leakage_row row = { none, none, none, none, none };

	(void)fw_leakage_get_row(lk, m, i, &row);
	return row;
}

const char *
leak_path(const fw_leakage *lk, size_t i)
{
	const char *text[FW_LEAKAGE_COLUMNS];
	double num[FW_LEAKAGE_COLUMNS];
	char label[256];

	return fw_leakage_table_row(lk, i, text, num, label, sizeof(label)) ==
	    FW_OK ? text[0] : "all";
}

void
leak_label(const fw_leakage *lk, size_t i, char *buf, size_t size)
{
	const char *text[FW_LEAKAGE_COLUMNS];
	double num[FW_LEAKAGE_COLUMNS];

	if (fw_leakage_table_row(lk, i, text, num, buf, size) != FW_OK &&
	    size > 0)
		buf[0] = '\0';
}

void
leak_order(const double *gain, size_t n, size_t *order)
{
	size_t i, j;

	/* insertion keeps equal gains in their given order */
	for (i = 0; i < n; i++) {
		for (j = i; j > 0 && gain[order[j - 1]] < gain[i]; j--)
			order[j] = order[j - 1];
		order[j] = i;
	}
}

size_t
leak_rank(const fw_leakage *lk, size_t r)
{
	const size_t K = fw_leakage_stage_count(lk);
	double gain[FW_LEAKAGE_MAX_STAGES];
	size_t order[FW_LEAKAGE_MAX_STAGES], i;

	for (i = 0; i < K; i++)
		gain[i] = leak_row(lk, 0, i).shapley.mean;
	leak_order(gain, K, order);
	return r < K ? order[r] : 0;
}

void
leak_number(double x, int decimals, int sign, char *buf, size_t size)
{
	char digits[64], *w = buf;
	size_t n, i, lead;

	snprintf(digits, sizeof(digits), "%.*f", decimals, fabs(x));
	n = strcspn(digits, ".");
	if (size < n + n / 3 + 8) {
		snprintf(buf, size, "%s", digits);
		return;
	}
	/* a figure that rounds to zero takes no minus */
	if (x < 0 && strspn(digits, "0.") != strlen(digits))
		*w++ = '-';
	else if (sign)
		*w++ = '+';
	lead = n % 3 ? n % 3 : 3;
	for (i = 0; i < n; i++) {
		if (i >= lead && (i - lead) % 3 == 0)
			*w++ = ',';
		*w++ = digits[i];
	}
	strcpy(w, digits + n);
}

/* "five" for 5, up to the most stages there can be. */
static const char *
count_word(size_t n)
{
	static const char *const word[] = { "no", "one", "two", "three",
		"four", "five", "six", "seven", "eight" };

	return n < sizeof(word) / sizeof(word[0]) ? word[n] : "many";
}

void
leak_headline(const char *label, double gain, size_t nstage, char *buf,
    size_t size)
{
	const char *sign = gain < 0 ? "-" : "";
	char m[48];

	leak_number(fabs(gain) / 1e6, 1, 0, m, sizeof(m));
	if (!(gain > 0) && nstage == 1)
		snprintf(buf, size, "%s does not leak NPV: removing it changes "
		    "NPV by %s$%sM", label, sign, m);
	else if (!(gain > 0))
		snprintf(buf, size, "None of the %s stages leaks NPV: the "
		    "largest change, removing %s, is %s$%sM",
		    count_word(nstage), label, sign, m);
	else if (nstage == 1)
		snprintf(buf, size, "%s leaks $%sM of NPV", label, m);
	else
		snprintf(buf, size, "%s leaks $%sM of NPV, the %s of %s "
		    "stages", label, m, nstage == 2 ? "larger" : "largest",
		    count_word(nstage));
	/* a sentence: its first letter in capitals */
	if (buf[0] >= 'a' && buf[0] <= 'z')
		buf[0] = (char)(buf[0] - 'a' + 'A');
}
