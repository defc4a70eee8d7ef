/* bookwrite.c - results.xlsx (fw_book_write): the sheets in order, the
 * formats and page set-up they share, written through a private folder
 * beside the file and renamed into place.
 * SPDX-License-Identifier: MIT */
#include "config.h"

#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "book.h"

/* The board pack's colours, in its order (plots/style.gp), for options
 * that bring none of their own. */
static const uint32_t pack_colours[] = { 0x555555, 0x0072B2, 0xE69F00,
	0x009E73, 0xCC79A7, 0xD55E00, 0x56B4E9, 0x000000 };

const char *
book_option(const book *k, size_t v)
{
	const char *s = k->b->label != NULL ? k->b->label[v] : NULL;

	s = s != NULL && *s != '\0' ? s : k->b->name[v];
	/* a header's word, as the pack writes it */
	return v == 0 && strcmp(s, "baseline") == 0 ? "Baseline" : s;
}

uint32_t
book_colour(const book *k, size_t v)
{
	if (k->b->colour != NULL)
		return k->b->colour[v] & 0xffffff;
	return pack_colours[v % (sizeof(pack_colours) /
	    sizeof(pack_colours[0]))];
}

lxw_format *
book_format_of(const book *k, const char *name)
{
	int money;

	fw_metric_words(name, &money);
	if (money)
		return k->f.money;
	if (strcmp(name, "gap_rate") == 0)
		return k->f.share;
	if (strcmp(name, "mean_trust") == 0)
		return k->f.trust;
	if (strchr(name, '.') != NULL)	/* an input drawn */
		return k->f.number;
	return k->f.whole;
}

lxw_worksheet *
book_sheet(const book *k, const char *name, const char *title,
    const char *note, lxw_row_t head_row)
{
	lxw_worksheet *ws = workbook_add_worksheet(k->wb, name);

	if (ws == NULL)
		return NULL;
	worksheet_write_string(ws, 0, 0, title, k->f.title);
	worksheet_set_row(ws, 0, 20, NULL);
	if (note != NULL)
		worksheet_write_string(ws, 1, 0, note, k->f.note);
	worksheet_freeze_panes(ws, head_row + 1, 0);
	worksheet_set_landscape(ws);
	worksheet_set_paper(ws, 9);	/* A4; Letter prints it the same */
	worksheet_fit_to_pages(ws, 1, 0);
	worksheet_repeat_rows(ws, head_row, head_row);
	worksheet_set_footer(ws, "&L&F, &A&RPage &P of &N");
	return ws;
}

void
book_header(const book *k, lxw_worksheet *ws, lxw_row_t row,
    const char *const *head, size_t n, double width, const char *figures)
{
	size_t i;

	/* a width per column: libxlsxwriter keeps one width a first
	 * column, so a caller's own width for column 0 would otherwise
	 * take the whole range back to Excel's default (and "###") */
	for (i = 0; i < n; i++) {
		int number = figures != NULL ? i < strlen(figures) &&
		    figures[i] == 'n' : i > 0;
		worksheet_write_string(ws, row, (lxw_col_t)i, head[i], number ?
		    k->f.head_number : k->f.head);
		worksheet_set_column(ws, (lxw_col_t)i, (lxw_col_t)i, width,
		    NULL);
	}
	worksheet_set_row(ws, row, 32, NULL);
}

void
book_capitalise(char *s)
{
	if (*s >= 'a' && *s <= 'z')
		*s = (char)(*s - 'a' + 'A');
}

void
book_number(lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, double x,
    lxw_format *f)
{
	if (!isnan(x))
		worksheet_write_number(ws, row, col, x, f);
}

/* A sheet given by the caller (leakage, calibration). */
int
book_table(book *k, const fw_book_table *t)
{
	lxw_worksheet *ws = book_sheet(k, t->sheet, t->title, t->note,
	    BOOK_HEAD);
	char figures[64] = "";
	size_t i, j;

	if (ws == NULL)
		return FW_ENOMEM;
	/* a column of figures: one whose cells are not text */
	for (j = 0; j < t->ncol && j + 1 < sizeof(figures); j++) {
		figures[j] = 't';
		for (i = 0; i < t->nrow; i++)
			if (t->kind[i * t->ncol + j] != 't' && (t->kind[i *
			    t->ncol + j] != 'n' || !isnan(t->num[i * t->ncol +
			    j])))
				figures[j] = 'n';
		figures[j + 1] = '\0';
	}
	book_header(k, ws, BOOK_HEAD, t->head, t->ncol, 16, figures);
	worksheet_set_column(ws, 0, 0, 30, NULL);
	for (i = 0; i < t->nrow && i + BOOK_FIRST <= BOOK_LAST_ROW; i++)
		for (j = 0; j < t->ncol; j++) {
			lxw_row_t row = (lxw_row_t)(BOOK_FIRST + i);
			const char *s = t->text != NULL ? t->text[i * t->ncol +
			    j] : NULL;
			char kind = t->kind[i * t->ncol + j];
			lxw_format *f = kind == '$' ? k->f.money : kind ==
			    '%' ? k->f.share : kind == 'i' ? k->f.whole :
			    k->f.number;
			if (s != NULL)
				worksheet_write_string(ws, row, (lxw_col_t)j, s,
				    NULL);
			else
				book_number(ws, row, (lxw_col_t)j,
				    t->num[i * t->ncol + j], f);
		}
	return FW_OK;
}

/* s with every absolute path in it cut to its file's name: a workbook
 * passed on names no folder of the machine that ran it. */
static void
without_folders(const char *s, char *buf, size_t size)
{
	size_t n = 0;

	if (size == 0)
		return;
	while (s != NULL && *s && n + 1 < size) {
		const char *word = s + strspn(s, "'\""), *end, *slash;
		if (*word == '/' && (s == word || word[-1] != '\\')) {
			/* from the path's opening quote to its last slash */
			end = word + strcspn(word, " '\"");
			for (slash = word; slash < end; slash++)
				if (*slash == '/')
					word = slash + 1;
			while (s < word && (*s == '\'' || *s == '"') &&
			    n + 1 < size)
				buf[n++] = *s++;
			s = word;
		}
		end = s + strcspn(s, " ");
		while (s < end && n + 1 < size)
			buf[n++] = *s++;
		while (*s == ' ' && n + 1 < size)
			buf[n++] = *s++;
	}
	buf[n] = '\0';
}

/* Settings: what reproduces the run. The seed is text: a spreadsheet
 * keeps 15 digits of a number and a seed has up to 20. */
int
book_settings(book *k)
{
	const fw_book *b = k->b;
	static const char *const head[] = { "Setting", "Value" };
	char table[PATH_MAX], command[4096];
	const char *const text[][2] = {
		{ "Scenario", b->scenario_name },
		{ "Scenario file", b->scenario_file != NULL ?
		    (strrchr(b->scenario_file, '/') != NULL ?
		    strrchr(b->scenario_file, '/') + 1 : b->scenario_file) :
		    NULL },
		{ "Scenario file SHA-256", b->scenario_sha256 },
		{ "Fit table that calibrated it", b->calibration != NULL ?
		    table : NULL },
		{ "Model", b->model },
		{ "flywheel version", b->version },
		{ "Run finished (UTC)", b->finished },
		{ "Command line", b->command_line != NULL ? command : NULL } };
	lxw_worksheet *ws = book_sheet(k, "Settings", "Settings of the run",
	    "The seed is text so that every digit is kept; the run with "
	    "these settings gives the same figures on any machine.",
	    BOOK_HEAD);
	lxw_row_t row = BOOK_FIRST;
	lxw_format *whole = workbook_add_format(k->wb);
	lxw_format *share = workbook_add_format(k->wb);
	const fw_scenario *sc = b->scenario;
	char seed[32], set[1024];
	size_t i;

	if (ws == NULL || whole == NULL || share == NULL)
		return FW_ENOMEM;
	/* figures beside their labels, as the text is */
	format_set_num_format(whole, "#,##0");
	format_set_align(whole, LXW_ALIGN_LEFT);
	format_set_num_format(share, "0.0%");
	format_set_align(share, LXW_ALIGN_LEFT);
	without_folders(b->calibration, table, sizeof(table));
	without_folders(b->command_line, command, sizeof(command));
	book_header(k, ws, BOOK_HEAD, head, 2, 30, "tt");
	worksheet_set_column(ws, 1, 1, 70, NULL);
	for (i = 0; i < sizeof(text) / sizeof(text[0]); i++) {
		if (text[i][1] == NULL || *text[i][1] == '\0')
			continue;
		worksheet_write_string(ws, row, 0, text[i][0], NULL);
		worksheet_write_string(ws, row++, 1, text[i][1], k->f.exact);
	}
	snprintf(seed, sizeof(seed), "%llu", (unsigned long long)b->seed);
	worksheet_write_string(ws, row, 0, "Seed", NULL);
	worksheet_write_string(ws, row++, 1, seed, k->f.exact);
	worksheet_write_string(ws, row, 0, "Replications", NULL);
	worksheet_write_number(ws, row++, 1, (double)b->reps, whole);
	worksheet_write_string(ws, row, 0, "Horizon (months)", NULL);
	worksheet_write_number(ws, row++, 1, b->months, whole);
	if (sc != NULL) {
		worksheet_write_string(ws, row, 0, "Warm-up (months of history "
		    "before month 1)", NULL);
		worksheet_write_number(ws, row++, 1, fw_scenario_warmup(sc),
		    whole);
		worksheet_write_string(ws, row, 0, "Uncertain inputs drawn",
		    NULL);
		worksheet_write_number(ws, row++, 1, (double)b->ndraw, whole);
		for (i = 0; i < fw_scenario_override_count(sc); i++) {
			const char *variant, *path, *value;
			if (fw_scenario_override(sc, i, &variant, &path,
			    &value) != FW_OK)
				continue;
			snprintf(set, sizeof(set), "%s%s%s = %s", variant !=
			    NULL ? variant : "", variant != NULL ? ": " : "",
			    path, value);
			worksheet_write_string(ws, row, 0, "Changed for this run "
			    "(--set)", NULL);
			worksheet_write_string(ws, row++, 1, set, k->f.exact);
		}
	}
	worksheet_write_string(ws, row, 0, "Discount rate (per year)", NULL);
	if (isnan(b->discount_rate))
		worksheet_write_string(ws, row++, 1, b->scenario != NULL ?
		    "uncertain: see Inputs" : "in the scenario file (not at "
		    "hand when this workbook was written)", NULL);
	else
		worksheet_write_number(ws, row++, 1, b->discount_rate, share);
	worksheet_write_string(ws, row, 0, "Money", NULL);
	worksheet_write_string(ws, row++, 1, "stored in dollars, shown in "
	    "millions ($M); inputs in whole dollars", NULL);
	if (k->nrep < b->reps) {
		worksheet_write_string(ws, row, 0, "Replications shown", NULL);
		worksheet_write_number(ws, row++, 1, (double)k->nrep, whole);
	}
	return FW_OK;
}

static void
make_formats(lxw_workbook *wb, book_formats *f)
{
	f->head = workbook_add_format(wb);
	format_set_bold(f->head);
	format_set_text_wrap(f->head);
	format_set_align(f->head, LXW_ALIGN_VERTICAL_BOTTOM);
	format_set_bg_color(f->head, 0xF2F2F2);
	format_set_bottom(f->head, LXW_BORDER_THIN);
	f->head_number = workbook_add_format(wb);
	format_set_bold(f->head_number);
	format_set_text_wrap(f->head_number);
	format_set_align(f->head_number, LXW_ALIGN_VERTICAL_BOTTOM);
	format_set_align(f->head_number, LXW_ALIGN_RIGHT);
	format_set_bg_color(f->head_number, 0xF2F2F2);
	format_set_bottom(f->head_number, LXW_BORDER_THIN);
	f->money = workbook_add_format(wb);
	format_set_num_format(f->money, "$#,##0.0,,\"M\";-$#,##0.0,,\"M\"");
	f->dollars = workbook_add_format(wb);
	format_set_num_format(f->dollars, "$#,##0;-$#,##0");
	f->share = workbook_add_format(wb);
	format_set_num_format(f->share, "0.0%");
	f->ratio = workbook_add_format(wb);
	format_set_num_format(f->ratio, "0.00\"x\"");
	f->whole = workbook_add_format(wb);
	format_set_num_format(f->whole, "#,##0");
	f->number = workbook_add_format(wb);
	format_set_num_format(f->number, "#,##0.0###");
	f->trust = workbook_add_format(wb);
	format_set_num_format(f->trust, "0.000");
	f->title = workbook_add_format(wb);
	format_set_bold(f->title);
	format_set_font_size(f->title, 14);
	f->note = workbook_add_format(wb);
	format_set_italic(f->note);
	format_set_font_color(f->note, 0x595959);
	f->wrap = workbook_add_format(wb);
	format_set_text_wrap(f->wrap);
	format_set_align(f->wrap, LXW_ALIGN_VERTICAL_TOP);
	f->indent = workbook_add_format(wb);
	format_set_indent(f->indent, 2);
	f->exact = workbook_add_format(wb);
	format_set_num_format(f->exact, "@");
	format_set_align(f->exact, LXW_ALIGN_LEFT);
}

/* Whether the figures hold together: every array a sheet reads. */
static int
checked(const fw_book *b, int *npv)
{
	size_t k;

	*npv = -1;
	if (b->nvariant == 0 || b->name == NULL || b->months < 1 ||
	    b->reps == 0 || (b->nmetric > 0 && (b->metric == NULL ||
	    b->value == NULL)) || (b->ndraw > 0 && (b->draw_path == NULL ||
	    b->draw == NULL)) || (b->nseries > 0 && (b->series == NULL ||
	    b->band == NULL)) || (b->nchange > 0 && b->change == NULL) ||
	    (b->ntable > 0 && b->table == NULL))
		return 0;
	for (k = 0; k < b->nmetric; k++)
		if (strcmp(b->metric[k], "npv") == 0)
			*npv = (int)k;
	return *npv >= 0;
}

/* The sheets, in the order a reader meets them. */
static int
write_sheets(book *k)
{
	size_t i;
	int rc = book_summary(k);

	if (rc == FW_OK)
		rc = book_statistics(k);
	if (rc == FW_OK)
		rc = book_inputs(k);
	if (rc == FW_OK && k->b->nvariant > 1)
		rc = book_compare(k);
	if (rc == FW_OK)
		rc = book_tornado(k);
	for (i = 0; rc == FW_OK && i < k->b->ntable; i++)
		rc = book_table(k, &k->b->table[i]);
	if (rc == FW_OK)
		rc = book_series(k);
	if (rc == FW_OK)
		rc = book_replications(k);
	if (rc == FW_OK)
		rc = book_npv(k);
	if (rc == FW_OK)
		rc = book_settings(k);
	return rc;
}

int
fw_book_write(const fw_book *b, const char *file, fw_error *err)
{
	lxw_workbook_options opt = { .constant_memory = LXW_FALSE };
	lxw_doc_properties props = { .title = "flywheel results" };
	char folder[PATH_MAX], tmp[PATH_MAX];
	const char *slash;
	lxw_error e;
	book k;
	int rc;

	if (b == NULL || file == NULL || !checked(b, &k.npv)) {
		fw_error_set(err, FW_EINVALID, file != NULL ? file : "", 0, 0,
		    "", "the workbook's figures are incomplete");
		return FW_EINVALID;
	}
	k.b = b;
	k.nrep = b->reps < BOOK_LAST_ROW - BOOK_FIRST ? (size_t)b->reps :
	    BOOK_LAST_ROW - BOOK_FIRST;
	/* A private folder beside the file: the writer's own temporary
	 * files and the workbook, renamed into place when whole. */
	slash = strrchr(file, '/');
	if (snprintf(folder, sizeof(folder), "%.*s.results-XXXXXX",
	    slash != NULL ? (int)(slash - file + 1) : 0, file) >=
	    (int)sizeof(folder) || mkdtemp(folder) == NULL) {
		fw_error_set(err, FW_EIO, file, 0, 0, "", "cannot write: %s",
		    strerror(errno));
		return FW_EIO;
	}
	if (snprintf(tmp, sizeof(tmp), "%s/results.xlsx", folder) >=
	    (int)sizeof(tmp)) {
		rmdir(folder);
		fw_error_set(err, FW_EIO, file, 0, 0, "", "name too long");
		return FW_EIO;
	}
	opt.tmpdir = folder;
	if ((k.wb = workbook_new_opt(tmp, &opt)) == NULL) {
		rmdir(folder);
		fw_error_set(err, FW_EIO, file, 0, 0, "", "cannot write");
		return FW_EIO;
	}
	/* A fixed creation time: the same run gives the same file. */
	props.created = 0;
	workbook_set_properties(k.wb, &props);
	make_formats(k.wb, &k.f);
	rc = write_sheets(&k);
	e = workbook_close(k.wb);
	if (rc == FW_OK && e != LXW_NO_ERROR) {
		fw_error_set(err, FW_EIO, file, 0, 0, "", "cannot write: %s",
		    lxw_strerror(e));
		rc = FW_EIO;
	} else if (rc != FW_OK)
		fw_error_set(err, rc, file, 0, 0, "", "out of memory");
	if (rc == FW_OK && rename(tmp, file) != 0) {
		fw_error_set(err, FW_EIO, file, 0, 0, "", "cannot write: %s",
		    strerror(errno));
		rc = FW_EIO;
	}
	unlink(tmp);
	rmdir(folder);
	return rc;
}
