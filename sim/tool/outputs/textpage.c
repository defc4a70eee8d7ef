/* textpage.c - a text page of the board pack laid out from the top
 * (textpage.h), lines and paragraphs at a place, in a style, as
 * textpage.gp draws them.
 * SPDX-License-Identifier: MIT */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "gnuplot.h"
#include "textpage.h"

/* Characters a line holds across 0.9 of the page at each style's size
 * (type.gp: title 18 pt bold, body 14, heading 15 bold, note 12,
 * emphasis 15, on a 10-inch page; DejaVu Sans about 0.52 em a
 * character, bold 0.65). */
static const int line_chars[] = { 0, 54, 85, 70, 102, 78 };

/* About 1.2 times each size, as a share of the 5.625-inch page. */
const double line_height[] = { 0, 0.057, 0.042, 0.048, 0.035, 0.047 };

void
put_line(textpage *tp, double x, int style, const char *s)
{
	if (tp->y < PAGE_LAST_LINE - 1e-9) {
		tp->lost++;	/* the page is full */
		return;
	}
	fprintf(tp->f, "%.4f\t%.4f\t%d\t", x, tp->y, style);
	gp_field(tp->f, s);
	fputc('\n', tp->f);
}

/* Where the line of s that starts it ends, in a line of width
 * characters: at the last space that fits, else at width. */
static int
line_cut(const char *s, int width)
{
	int n = (int)strlen(s), cut = n;

	if (n > width) {
		for (cut = width; cut > 0 && s[cut] != ' '; cut--)
			;
		if (cut == 0)
			cut = width;
	}
	return cut;
}

static int
line_width(double x, int style)
{
	return (int)(line_chars[style] * (0.95 - x) / 0.9);
}

void
put_para(textpage *tp, double x, int style, const char *s)
{
	int width = line_width(x, style);
	char line[512];

	while (*s) {
		int cut = line_cut(s, width);
		snprintf(line, sizeof(line), "%.*s", cut, s);
		put_line(tp, x, style, line);
		tp->y -= line_height[style];
		s += cut;
		while (*s == ' ')
			s++;
	}
}

double
para_height(double x, int style, const char *s)
{
	int width = line_width(x, style), lines = 0;

	while (*s) {
		s += line_cut(s, width);
		while (*s == ' ')
			s++;
		lines++;
	}
	return lines * line_height[style];
}

int
open_page(textpage *tp, const char *dir, const char *name)
{
	tp->f = gp_create(dir, name);
	tp->y = 0.91;
	tp->lost = 0;
	tp->name = name;
	return tp->f != NULL ? FW_OK : FW_EIO;
}

int
close_page(textpage *tp, int rc)
{
	/* A line that does not fit is a fault of the page's layout: said,
	 * never silently cut (tests look for this warning). */
	if (tp->lost > 0)
		fprintf(stderr, "flywheel: warning: board pack %s: %d lines of "
		    "text do not fit on the page\n", tp->name, tp->lost);
	return gp_close(tp->f, rc);
}
