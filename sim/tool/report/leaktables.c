/* leaktables.c - leakage.csv as a sheet of results.xlsx, from the
 * decomposition in memory: the library's rows (fw_leakage_table_row()),
 * the cells book_csv_read() would read from the file the library writes.
 * SPDX-License-Identifier: MIT */
#include "config.h"

#include "booktable.h"
#include "leakage.h"

int
leak_book_table(const fw_leakage *lk, const char *title, const char *note,
    book_csv *out, fw_error *err)
{
	char *names[FW_LEAKAGE_COLUMNS], label[256];
	const char *text[FW_LEAKAGE_COLUMNS];
	double num[FW_LEAKAGE_COLUMNS];
	size_t r, j;
	int rc, money;

	for (j = 0; j < FW_LEAKAGE_COLUMNS; j++)
		names[j] = (char *)fw_leakage_column(j);
	rc = book_csv_start(out, "Leakage", title, note, FW_LEAKAGE_COLUMNS,
	    names, err);
	for (r = 0; rc == FW_OK && fw_leakage_table_row(lk, r, text, num,
	    label, sizeof(label)) == FW_OK; r++) {
		/* the metric in words, its cells formatted as that metric */
		const char *metric = text[2];
		text[2] = fw_metric_words(metric, &money);
		rc = book_csv_add(out, text, num, metric, err);
	}
	return rc;
}
