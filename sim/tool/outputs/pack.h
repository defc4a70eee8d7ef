/* pack.h - the board pack: one 16:9 PDF that tells the decision, a list
 * of pages in the order a board reads them. Each page is a template and
 * its data: a chart's page shows that chart (charts.h), a text page
 * writes its lines. Adding a page is adding a row to the list in pack.c.
 * SPDX-License-Identifier: MIT */
#ifndef FW_PACK_H
#define FW_PACK_H

#include "charts.h"

#define PACK_MAX_PAGES 32

/* Writes the text pages' data and the pages that apply (PAGE_TPL and
 * PAGE_DATA, numbered from 1, as boardpack.gp reads them) into m, their
 * number into *npage and the file of the chart each shows into
 * page_chart (NULL for a text page), at most PACK_MAX_PAGES;
 * chart_drawn[] is charts_write()'s. */
int pack_write(const report *d, const fw_recommendation *vd,
    const char *dir, gp_meta *m, const int *chart_drawn,
    const char **page_chart, size_t *npage);

/* Page 1 (headline.c): the answer, three bullets, a strip of the
 * options' gains and the method footnote; headline.gp draws it. */
int headline_write(const report *d, const fw_recommendation *vd,
    const char *dir, const char *name);

/* The pages of a calibrated scenario's run, from the fit table of the
 * calibration that made it: whether the run has one; what calibrating
 * changed (calchange.c); how closely the fit tracks the brand's history
 * (calpage.c); and, for both, a table that could not be read said on
 * the page and, once, on the console. */
int calpage_applies(const report *d);
int calchange_write(const report *d, const fw_recommendation *vd,
    const char *dir, const char *name);
int calpage_write(const report *d, const fw_recommendation *vd, const char *dir,
    const char *name);
struct textpage;
void calpage_unreadable(struct textpage *tp, const char *what,
    const fw_error *err);

/* The page "Is it worth learning more before deciding?" (voipage.c):
 * with uncertain inputs (voi.gp: the answer, a few lines, and what
 * knowing each input is worth as bars, in voi-bars.tsv), or with every
 * input fixed (a text page). */
int voipage_uncertain(const report *d);
int voipage_fixed(const report *d);
int voipage_write(const report *d, const fw_recommendation *vd, const char *dir,
    const char *name);
int voipage_write_fixed(const report *d, const fw_recommendation *vd,
    const char *dir, const char *name);

#endif
