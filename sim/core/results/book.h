/* book.h - the sheets of results.xlsx, one file each, and what they
 * share: formats, option names and colours, where the figures sit.
 * Private.
 * SPDX-License-Identifier: MIT */
#ifndef FW_BOOK_H
#define FW_BOOK_H

#include <xlsxwriter.h>

#include "flywheel.h"

/* Excel's last row (0-based). */
#define BOOK_LAST_ROW 1048575

/* The formats every sheet shares. */
typedef struct book_formats {
	lxw_format *head;	/* bold, wrapped, shaded, ruled below */
	lxw_format *head_number;	/* the same, right-aligned: over
					 * figures */
	lxw_format *money;	/* dollars shown as $M */
	lxw_format *dollars;	/* dollars shown whole: an input */
	lxw_format *share;	/* 0.0% */
	lxw_format *ratio;	/* 0.0x */
	lxw_format *whole;	/* 0 */
	lxw_format *number;	/* up to 4 decimals */
	lxw_format *trust;	/* 0.000: a level of trust */
	lxw_format *title;	/* a sheet's first line */
	lxw_format *note;	/* small grey words */
	lxw_format *wrap;	/* a paragraph */
	lxw_format *exact;	/* text that must not become a number */
	lxw_format *indent;	/* a name set off from the figure before it */
} book_formats;

typedef struct book {
	const fw_book *b;
	lxw_workbook *wb;
	book_formats f;
	size_t nrep;		/* replications shown: all that fit a sheet */
	int npv;		/* index of npv in b->metric */
} book;

/* Variant v as headers show it: its label, else its name. */
const char *book_option(const book *k, size_t v);
/* Its colour, 0xRRGGBB. */
uint32_t book_colour(const book *k, size_t v);

/* The format of a figure: money, a share, a whole number or a plain
 * one, judged from the metric or series name. */
lxw_format *book_format_of(const book *k, const char *name);

/* A new sheet with a title line (and a note under it when not NULL),
 * landscape, one page wide, gridlines printed; NULL when out of memory.
 * head_row: the header row the panes freeze below and every printed
 * page repeats. */
lxw_worksheet *book_sheet(const book *k, const char *name, const char *title,
    const char *note, lxw_row_t head_row);

/* Header cells of a table at row, with column widths; the header of a
 * column of figures is right-aligned over them: column i's when
 * figures[i] is 'n' (figures NULL: every column but the first). */
void book_header(const book *k, lxw_worksheet *ws, lxw_row_t row,
    const char *const *head, size_t n, double width, const char *figures);

/* Words as a header starts them: "NPV", "Customer value at risk". */
void book_capitalise(char *s);

/* A number, or nothing for NaN. */
void book_number(lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, double x,
    lxw_format *f);

/* The sheets. Each returns FW_OK or FW_ENOMEM. */
int book_summary(book *k);
int book_statistics(book *k);
int book_npv(book *k);
int book_inputs(book *k);
int book_compare(book *k);
int book_series(book *k);
int book_replications(book *k);
int book_tornado(book *k);
int book_table(book *k, const fw_book_table *t);
int book_settings(book *k);

/* Every table sheet: a title in row 0, a note in row 1, its header in
 * row BOOK_HEAD and figures from row BOOK_FIRST. */
#define BOOK_HEAD 2
#define BOOK_FIRST 3

/* Where NPV by replication keeps variant v's NPV (column 1 + v) and its
 * gain over the baseline (column nvariant + v), rows BOOK_FIRST on. */
#define BOOK_NPV_SHEET "NPV by replication"

/* Time series keeps variant v's month t in row
 * BOOK_FIRST + v * months + t - 1, the mean of series s in column
 * book_series_column(), and beside it, when the series has them
 * (book_series_banded(): the run keeps it per replication), its 5th,
 * 50th and 95th percentiles. */
int book_series_banded(const book *k, size_t s);
lxw_col_t book_series_column(const book *k, size_t s);

#endif
