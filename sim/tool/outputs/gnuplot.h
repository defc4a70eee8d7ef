/* gnuplot.h - what drawing a run's plots and a sweep's plots share: the
 * data the templates read, and running gnuplot.
 *
 * No text from a results directory ever becomes gnuplot code. A template
 * gets numbers from meta.gp (only NAME = number lines, written by
 * gp_num) and every text as data: strings.tsv, one text a row, which the
 * templates read into the array S (style.gp), and the name columns of
 * the data files (gp_field), drawn with `with labels`, ytic() or
 * xtic(). gnuplot reads data without evaluating it.
 * SPDX-License-Identifier: MIT */
#ifndef FW_GNUPLOT_H
#define FW_GNUPLOT_H

#include <stdio.h>

#include "flywheel.h"

/* Writes s as one field of a tab-separated data file: in double quotes,
 * with a double quote shown as a typographic one, a backslash doubled
 * and control characters (tabs and line breaks among them) as spaces,
 * which is all gnuplot's data reader would take apart. */
void gp_field(FILE *f, const char *s);
/* A number as gnuplot reads it, NaN for none. */
void gp_value(FILE *f, double x);
/* Opens dir/name for writing plot data. */
FILE *gp_create(const char *dir, const char *name);
/* Closes f; FW_EIO if anything written to it failed (rc is kept
 * otherwise). */
int gp_close(FILE *f, int rc);

/* meta.gp and strings.tsv of one drawing, being written. */
typedef struct gp_meta {
	FILE *meta, *text;
	int ntext;
	int rc;
	const char *title_lead;	/* put before every title, or NULL */
} gp_meta;

/* Opens dir/meta.gp and dir/strings.tsv. */
int gp_meta_open(gp_meta *m, const char *dir);
/* var = x, var being one of the templates' own names. */
void gp_num(gp_meta *m, const char *var, double x);
/* var[i] = x (an array the templates declare with gp_array). */
void gp_num_at(gp_meta *m, const char *var, size_t i, double x);
/* array var[n] (at least one element). */
void gp_array(gp_meta *m, const char *var, size_t n);
/* The text formatted as printf does becomes S[k] for the templates, and
 * var = k goes to meta.gp. */
void gp_text(gp_meta *m, const char *var, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* The same for var[i]. */
void gp_text_at(gp_meta *m, const char *var, size_t i, const char *fmt,
    ...) __attribute__((format(printf, 4, 5)));
/* The characters of a title line across a chart or page at slide size
 * (18 pt bold, type.gp, on 0.94 of a 10-inch page). */
#define GP_TITLE_CHARS 60
/* The characters of a chart's note under its title (12 pt, type.gp). */
#define GP_NOTE_CHARS 108
/* A note of one line: gp_text(), warning on standard error when it is
 * longer than GP_NOTE_CHARS. */
void gp_note(gp_meta *m, const char *var, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* A title of up to two lines of at most width characters: S[k] and
 * S[k + 1] (empty when one line holds it), var = k; warns on standard
 * error when the second line is longer. */
void gp_title(gp_meta *m, const char *var, int width, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
/* Closes both files: FW_OK, or FW_EIO if a write failed. */
int gp_meta_close(gp_meta *m);

/* With FLYWHEEL_KEEP_PLOT_DATA naming a directory, copies the meta.gp
 * and strings.tsv of the drawing in tmp there, to check what the
 * templates were given. */
void gp_keep_data(const char *tmp);

/* Makes the working directories of a drawing: tmp (a fresh private
 * dir/.NAME.RANDOM.PID, for the data), out inside it (for the finished
 * files) and the path of gnuplot's log; each buffer holds 4096 bytes. */
int gp_workdir(const char *dir, const char *name, char *tmp, char *out,
    char *log, fw_error *err);

/* Runs gnuplot with argv (no shell); its messages go to log, whose last
 * line becomes the error when gnuplot fails. *started is set once the
 * program ran (a failure before that means no drawing can be made). */
int gnuplot_run(const char *gnuplot, char *const argv[], const char *log,
    int *started, fw_error *err);

#endif
