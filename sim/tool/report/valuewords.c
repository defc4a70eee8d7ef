/* valuewords.c - an input's values in plain numbers for a page.
 * SPDX-License-Identifier: MIT */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "flywheel.h"
#include "labels.h"
#include "valuewords.h"

/* Whether x[0..n-1] printed with d decimals are all told apart (equal
 * values need not be). */
static int
apart(const double *x, size_t n, int d)
{
	char a[VALUE_WORDS], b[VALUE_WORDS];
	size_t i, j;

	for (i = 0; i < n; i++)
		for (j = i + 1; j < n; j++) {
			if (x[i] == x[j])
				continue;
			snprintf(a, sizeof(a), "%.*f", d, x[i]);
			snprintf(b, sizeof(b), "%.*f", d, x[j]);
			if (strcmp(a, b) == 0)
				return 0;
		}
	return 1;
}

void
values_words(const char *path, const double *x, size_t n,
    char (*out)[VALUE_WORDS])
{
	const char *unit = param_unit(path);
	double top = 0;
	size_t i;
	int d, more, whole;

	if (strcmp(unit, "$") == 0) {
		for (i = 0; i < n; i++)
			param_value(path, x[i], out[i], VALUE_WORDS);
		return;
	}
	for (i = 0, whole = 1; i < n; i++)
		if (isfinite(x[i])) {
			top = fmax(top, fabs(x[i]));
			whole &= x[i] == floor(x[i]);
		}
	/* whole numbers as they are, else two significant figures of the
	 * largest */
	d = top > 0 && !whole ? 1 - (int)floor(log10(top)) : 0;
	if (d < 0)
		d = 0;
	for (more = 0; more < 2 && !apart(x, n, d); more++)
		d++;
	for (i = 0; i < n; i++) {
		if (isnan(x[i]))
			snprintf(out[i], VALUE_WORDS, "n/a");
		else
			snprintf(out[i], VALUE_WORDS, "%.*f%s", d, x[i] + 0.0,
			    strcmp(unit, "months") == 0 ? " months" : "");
	}
}

void
value_words(const char *path, const char *const *text, size_t n,
    char (*out)[VALUE_TEXT])
{
	const char *colon = strchr(path, ':');
	double q[12] = { 0 };
	char w[12][VALUE_WORDS];
	int ok[4];
	size_t i, m = 0;
	fw_error err;

	if (n > 4)
		n = 4;
	/* a variant's own path ("name:friction.access") is the key's */
	for (i = 0; i < n; i++)
		if ((ok[i] = fw_value_percentiles(colon != NULL ? colon + 1 :
		    path, text[i], q + m, &err) == FW_OK) != 0)
			m += 3;
	values_words(path, q, m, w);
	for (i = 0, m = 0; i < n; i++) {
		if (!ok[i])
			snprintf(out[i], VALUE_TEXT, "%s", text[i]);
		else if (q[m] == q[m + 2])
			snprintf(out[i], VALUE_TEXT, "%s", w[m + 1]);
		else
			snprintf(out[i], VALUE_TEXT, "%s (%s\xe2\x80\x93%s)",
			    w[m + 1], w[m], w[m + 2]);
		m += ok[i] ? 3 : 0;
	}
}
