/* pack.c - the pages of the board pack and its own text pages.
 * SPDX-License-Identifier: MIT */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "relpath.h"
#include "labels.h"
#include "optionlook.h"
#include "pack.h"
#include "textpage.h"
#include "valuewords.h"

/* A cell of the assumptions table. */
static void
put_cell(textpage *tp, double x, int style, const char *s)
{
	put_line(tp, x, style, s);
}

/* One change in words: "access friction from 0.42 to 0.25", "onboarding
 * friction from 0.35 (0.28–0.42) to 0.11 (0.07–0.16)", "adds the
 * webinar channel". */
static void
change_words(const run_change *ch, char *buf, size_t size)
{
	const char *text[2] = { ch->from, ch->to };
	char label[200], w[2][VALUE_TEXT];

	if (strncmp(ch->path, "channels.", 9) == 0 && *ch->from == '\0') {
		snprintf(buf, size, "%s the %s channel", strcmp(ch->to,
		    "added") == 0 ? "adds" : "drops", ch->path + 9);
		return;
	}
	fw_key_label(ch->path, label, sizeof(label));
	value_words(ch->path, text, 2, w);
	snprintf(buf, size, "%s from %s to %s", label, w[0], w[1]);
}

static int
write_assumptions(const report *d, const fw_recommendation *vd, const char *dir,
    const char *name)
{
	static const double col[] = { 0.05, 0.33, 0.49, 0.65, 0.81 };
	char text[2048], item[600], a[32], b[32], c[32], e[32], loss[40];
	textpage tp;
	size_t v, i;

	if (open_page(&tp, dir, name) != FW_OK)
		return FW_EIO;
	put_para(&tp, 0.05, TX_TITLE, "Assumptions and costs");
	put_cell(&tp, col[0], TX_HEAD, "Option");
	put_cell(&tp, col[1], TX_HEAD, "Programme");
	put_cell(&tp, col[2], TX_HEAD, "Channels");
	put_cell(&tp, col[3], TX_HEAD, "Spend, PV");
	put_cell(&tp, col[4], TX_HEAD, "NPV gain");
	tp.y -= line_height[TX_HEAD];
	for (v = 0; v < d->nv; v++) {
		fw_format_money(d->program_cost[v], a, sizeof(a));
		fw_format_money(d->channel_cost[v], b, sizeof(b));
		fw_format_money(d->spend_pv[v], c, sizeof(c));
		fw_format_money(d->cmp[v].mean, e, sizeof(e));
		put_cell(&tp, col[0], TX_BODY, v == 0 ? "Baseline" :
		    d->labels[v]);
		put_cell(&tp, col[1], TX_BODY, a);
		put_cell(&tp, col[2], TX_BODY, b);
		put_cell(&tp, col[3], TX_BODY, c);
		/* a loss with a minus sign, not a hyphen */
		if (e[0] == '-')
			snprintf(loss, sizeof(loss), "\xe2\x88\x92%s", e + 1);
		else
			snprintf(loss, sizeof(loss), "%s", v == 0 ? "-" : e);
		put_cell(&tp, col[4], TX_BODY, loss);
		tp.y -= line_height[TX_BODY];
		if (tp.y < 0.5 && v + 2 < d->nv) {
			snprintf(text, sizeof(text), "... and %zu more options "
			    "(summary.csv)", d->nv - v - 1);
			put_para(&tp, col[0], TX_NOTE, text);
			break;
		}
	}
	put_para(&tp, col[0], TX_NOTE, "Programme and channel spend over the "
	    "horizon, undiscounted; spend PV is both at present value.");
	tp.y -= 0.02;
	put_para(&tp, col[0], TX_HEAD, "What each option changes");
	/* One paragraph per option: its changes joined. */
	for (v = 1; v < d->nv; v++) {
		size_t len = (size_t)snprintf(text, sizeof(text), "%s: ",
		    d->labels[v]);
		int n = 0;
		for (i = 0; i < d->nchange && len < sizeof(text); i++) {
			if (d->change[i].v != v)
				continue;
			change_words(&d->change[i], item, sizeof(item));
			len += (size_t)snprintf(text + len, sizeof(text) - len,
			    "%s%s", n++ ? "; " : "", item);
		}
		if (d->start[v] > 1 && len < sizeof(text))
			len += (size_t)snprintf(text + len, sizeof(text) - len,
			    "%sstarts in month %d", n++ ? "; " : "", d->start[v]);
		if (n == 0 && len < sizeof(text))
			snprintf(text + len, sizeof(text) - len, "%s",
			    d->nchange > 0 ? "no changes: the baseline itself" :
			    "changes not recorded in run.json");
		if (tp.y < 0.22) {
			put_para(&tp, col[0] + 0.02, TX_NOTE, "... and more "
			    "(run.json lists every change)");
			break;
		}
		put_para(&tp, col[0] + 0.02, TX_BODY, text);
	}
	if (d->nv == 1)
		put_para(&tp, col[0] + 0.02, TX_BODY, "no options: the baseline "
		    "only");
	for (i = 0; i < d->nchange; i++)
		if (strchr(d->change[i].from, '{') != NULL ||
		    strchr(d->change[i].to, '{') != NULL) {
			put_para(&tp, col[0] + 0.02, TX_NOTE, "An uncertain "
			    "input: its median, and in brackets its 5th to "
			    "95th percentile.");
			break;
		}
	tp.y = fmin(tp.y - 0.02, 0.24);
	/* one line: the file's hash is the workbook's (Settings) */
	snprintf(text, sizeof(text), "Horizon %d months, %zu replications, "
	    "seed %s; scenario file %s; model %s, flywheel %s; run finished "
	    "%s.", d->T, d->R, d->seed, file_name_of(d->scenario_file),
	    d->model, d->version, d->finished);
	put_para(&tp, col[0], TX_NOTE, text);
	(void)vd;
	return close_page(&tp, FW_OK);
}

/* A page: a chart's (chart names it) or a text page (write), shown when
 * the run has what it tells (applies; NULL: always). */
typedef struct page {
	const char *template;
	const char *chart;
	int (*write)(const report *, const fw_recommendation *, const char *,
	    const char *);
	int (*applies)(const report *);
} page;

static const page pages[] = {
	{ "headline", NULL, headline_write, NULL },
	{ "decision", "npv-gain-distribution", NULL, NULL },
	{ "cumgain", "cumulative-cash-gain", NULL, NULL },
	{ "mechanism", "mechanism", NULL, NULL },
	{ "waterfall", "waterfall", NULL, NULL },
	{ "npv", "npv-distribution", NULL, NULL },
	{ "tornado", "tornado-npv-gain", NULL, NULL },
	{ "voi", NULL, voipage_write, voipage_uncertain },
	{ "textpage", NULL, voipage_write_fixed, voipage_fixed },
	{ "textpage", NULL, write_assumptions, NULL },
	{ "textpage", NULL, calchange_write, calpage_applies },
	{ "calpage", NULL, calpage_write, calpage_applies },
	{ "revenue", "revenue-by-month", NULL, NULL },
	{ "states", "hcp-states", NULL, NULL },
	{ "gap", "unfilled-scripts", NULL, NULL },
};

int
pack_write(const report *d, const fw_recommendation *vd, const char *dir,
    gp_meta *m, const int *chart_drawn, const char **page_chart,
    size_t *npage)
{
	const size_t npages = sizeof(pages) / sizeof(pages[0]);
	size_t i, c, n = 0;
	int rc = FW_OK;

	gp_array(m, "PAGE_TPL", npages);
	gp_array(m, "PAGE_DATA", npages);
	for (i = 0; rc == FW_OK && i < npages && n < PACK_MAX_PAGES; i++) {
		char name[32] = "";
		if (pages[i].chart != NULL) {
			for (c = 0; c < run_chart_count; c++)
				if (strcmp(run_charts[c].file,
				    pages[i].chart) == 0)
					break;
			if (c == run_chart_count || !chart_drawn[c])
				continue;
		} else if (pages[i].applies != NULL && !pages[i].applies(d)) {
			continue;
		} else {
			snprintf(name, sizeof(name), "page-%zu.tsv", i + 1);
			rc = pages[i].write(d, vd, dir, name);
		}
		page_chart[n++] = pages[i].chart;
		gp_text_at(m, "PAGE_TPL", n, "%s", pages[i].template);
		gp_text_at(m, "PAGE_DATA", n, "%s", name);
	}
	*npage = n;
	return rc;
}
