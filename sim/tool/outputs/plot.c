/* plot.c - plots and the board pack from a run's report (report.h):
 * writes the templates' data (charts.c, pack.c) and draws them through
 * the drawing pipeline (draw.c).
 * SPDX-License-Identifier: MIT */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "draw.h"
#include "optionlook.h"
#include "pack.h"
#include "plots.h"

/* Writes the data every template reads into the drawing, and the list
 * of charts; the pack's pages into page (n of them), with the chart each
 * shows. */
static int
write_data(const report *d, drawing *dw, size_t *page,
    const char **page_chart, size_t *npage, fw_error *err)
{
	int drawn[32] = { 0 };
	fw_recommendation shown;
	size_t i;
	int rc;

	/* the options by their labels */
	if ((rc = report_labelled(d, &shown)) != FW_OK)
		return drawing_data_done(dw, rc, err);
	rc = charts_write(d, &shown, dw->tmp, &dw->meta, drawn);
	if (rc == FW_OK)
		rc = pack_write(d, &shown, dw->tmp, &dw->meta, drawn,
		    page_chart, npage);
	free(shown.opt);
	for (i = 0; rc == FW_OK && i < run_chart_count; i++)
		rc = drawing_add(dw, run_charts[i].file,
		    run_charts[i].template, 1, 0, drawn[i]);
	for (i = 0; i < *npage; i++)
		page[i] = i + 1;
	gp_text(&dw->meta, "SCENARIO", "%s", *d->scenario ? d->scenario :
	    "flywheel");
	return drawing_data_done(dw, rc != FW_OK ? rc : dw->meta.rc, err);
}

int
draw_run_plots(const report *d, const char *dir, const char *gnuplot,
    const char *templates, fw_error *err)
{
	const char *page_chart[PACK_MAX_PAGES];
	size_t page[PACK_MAX_PAGES], npage = 0, i, n = 0;
	drawing dw;
	int rc;

	rc = drawing_start(&dw, dir, "plots", gnuplot, templates, err);
	if (rc == FW_OK)
		rc = write_data(d, &dw, page, page_chart, &npage, err);
	if (rc == FW_OK)
		rc = drawing_charts(&dw, err);
	/* The pack shows the charts that were drawn, and every text
	 * page. */
	for (i = 0; rc == FW_OK && i < npage; i++)
		if (page_chart[i] == NULL || drawing_has(&dw, page_chart[i]))
			page[n++] = page[i];
	if (rc == FW_OK)
		rc = drawing_pack(&dw, "board-pack.pdf", page, n, err);
	drawing_end(&dw);
	return rc;
}
