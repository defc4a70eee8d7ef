/* textpage.h - a text page of the board pack laid out from the top, as
 * textpage.gp draws it: lines of text at a place, in a style
 * (textpage.c). pack.c lays out its own text pages with it; other pages
 * (calpage.c) too.
 * SPDX-License-Identifier: MIT */
#ifndef FW_TEXTPAGE_H
#define FW_TEXTPAGE_H

#include <stdio.h>

/* Text styles of textpage.gp. */
enum { TX_TITLE = 1, TX_BODY, TX_HEAD, TX_NOTE, TX_STRONG };

/* The lowest a line may sit, clear of the page's footer. */
#define PAGE_LAST_LINE 0.085

/* The height of a line in each style, as a fraction of the page. */
extern const double line_height[];

/* A text page being laid out from the top. */
typedef struct textpage {
	FILE *f;
	double y;
	int lost;		/* lines that did not fit */
	const char *name;	/* the page's file */
} textpage;

/* Creates dir/name (gp_create) at the top of a page. */
int open_page(textpage *tp, const char *dir, const char *name);

/* Writes s at x on the current line, in style; nothing once the page
 * is full. */
void put_line(textpage *tp, double x, int style, const char *s);

/* Writes s wrapped at word boundaries from x, in style. */
void put_para(textpage *tp, double x, int style, const char *s);

/* The height put_para() would take for s. */
double para_height(double x, int style, const char *s);

/* Closes the page (gp_close), warning on standard error when some line
 * did not fit. */
int close_page(textpage *tp, int rc);

#endif
