/* gnuplot.c - data for the plot templates, and running gnuplot.
 * SPDX-License-Identifier: MIT */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "outdir.h"
#include "relpath.h"
#include "gnuplot.h"

void
gp_field(FILE *f, const char *s)
{
	fputc('"', f);
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (c == '"')
			fputs("\xe2\x80\x9d", f);	/* U+201D */
		else if (c == '\\')
			fputs("\\\\", f);
		else if (c < 0x20 || c == 0x7f)
			fputc(' ', f);
		else
			fputc(c, f);
	}
	fputc('"', f);
}

void
gp_value(FILE *f, double x)
{
	if (!isfinite(x))
		fputs("NaN", f);
	else
		fprintf(f, "%.10g", x);
}

FILE *
gp_create(const char *dir, const char *name)
{
	char path[4096];

	if (pathf(path, sizeof(path), "%s/%s", dir, name) != 0)
		return NULL;
	return fopen(path, "w");
}

int
gp_close(FILE *f, int rc)
{
	if (f == NULL)
		return FW_EIO;
	if (ferror(f))
		rc = FW_EIO;
	if (fclose(f) != 0)
		rc = FW_EIO;
	return rc;
}

int
gp_meta_open(gp_meta *m, const char *dir)
{
	memset(m, 0, sizeof(*m));
	m->meta = gp_create(dir, "meta.gp");
	m->text = gp_create(dir, "strings.tsv");
	if (m->meta == NULL || m->text == NULL) {
		m->rc = FW_EIO;
		return FW_EIO;
	}
	return FW_OK;
}

void
gp_num(gp_meta *m, const char *var, double x)
{
	if (m->meta == NULL)
		return;
	fprintf(m->meta, "%s = ", var);
	gp_value(m->meta, x);
	fputc('\n', m->meta);
}

void
gp_num_at(gp_meta *m, const char *var, size_t i, double x)
{
	if (m->meta == NULL)
		return;
	fprintf(m->meta, "%s[%zu] = ", var, i);
	gp_value(m->meta, x);
	fputc('\n', m->meta);
}

void
gp_array(gp_meta *m, const char *var, size_t n)
{
	if (m->meta != NULL)
		fprintf(m->meta, "array %s[%zu]\n", var, n > 0 ? n : 1);
}

/* The text fmt formats, in memory the caller frees; NULL when out of
 * memory. */
static char *
format(const char *fmt, va_list ap)
{
	va_list again;
	char *s;
	int n;

	va_copy(again, ap);
	n = vsnprintf(NULL, 0, fmt, again);
	va_end(again);
	if (n < 0 || (s = malloc((size_t)n + 1)) == NULL)
		return NULL;
	vsnprintf(s, (size_t)n + 1, fmt, ap);
	return s;
}

/* Writes the next text row and returns its number. */
static int
put_text(gp_meta *m, const char *fmt, va_list ap)
{
	char *s;

	if (m->text == NULL)
		return 0;
	if ((s = format(fmt, ap)) == NULL) {
		m->rc = FW_ENOMEM;
		return 0;
	}
	fprintf(m->text, "%d\t", ++m->ntext);
	gp_field(m->text, s);
	fputc('\n', m->text);
	free(s);
	return m->ntext;
}

/* S[k] = the text, and var = k in meta.gp. */
static void
assign_text(gp_meta *m, const char *var, const char *fmt, va_list ap)
{
	int k = put_text(m, fmt, ap);

	if (m->meta != NULL && k > 0)
		fprintf(m->meta, "%s = %d\n", var, k);
}

void
gp_text(gp_meta *m, const char *var, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	assign_text(m, var, fmt, ap);
	va_end(ap);
}

/* Characters of s as drawn: UTF-8 continuation bytes not counted. */
static int
chars_of(const char *s)
{
	int n = 0;

	for (; *s; s++)
		n += ((unsigned char)*s & 0xc0) != 0x80;
	return n;
}

/* A chart's text that will not fit its place is a fault of the chart:
 * said on standard error, never silently cut (tests look for it). */
static void
warn_long(const char *var, const char *s, int width)
{
	if (chars_of(s) > width)
		fprintf(stderr, "flywheel: warning: chart text %s does not fit "
		    "its line (%d characters, room for %d): %s\n", var,
		    chars_of(s), width, s);
}

void
gp_note(gp_meta *m, const char *var, const char *fmt, ...)
{
	va_list ap;
	char *s;

	va_start(ap, fmt);
	s = format(fmt, ap);
	va_end(ap);
	if (s == NULL) {
		m->rc = FW_ENOMEM;
		return;
	}
	warn_long(var, s, GP_NOTE_CHARS);
	gp_text(m, var, "%s", s);
	free(s);
}

void
gp_text_at(gp_meta *m, const char *var, size_t i, const char *fmt, ...)
{
	char element[96];
	va_list ap;

	snprintf(element, sizeof(element), "%s[%zu]", var, i);
	va_start(ap, fmt);
	assign_text(m, element, fmt, ap);
	va_end(ap);
}

/* Writes a text row as it is and returns its number. */
static int
put_row(gp_meta *m, const char *s)
{
	if (m->text == NULL)
		return 0;
	fprintf(m->text, "%d\t", ++m->ntext);
	gp_field(m->text, s);
	fputc('\n', m->text);
	return m->ntext;
}

void
gp_title(gp_meta *m, const char *var, int width, const char *fmt, ...)
{
	char *s, *cut = NULL, *p;
	va_list ap;
	int k;

	va_start(ap, fmt);
	s = format(fmt, ap);
	va_end(ap);
	if (s != NULL && m->title_lead != NULL) {
		char *led = malloc(strlen(m->title_lead) + strlen(s) + 1);
		if (led != NULL)
			sprintf(led, "%s%s", m->title_lead, s);
		free(s);
		s = led;
	}
	if (s == NULL) {
		m->rc = FW_ENOMEM;
		return;
	}
	if ((int)strlen(s) > width)
		for (p = s; *p && p - s <= width; p++)
			if (*p == ' ')
				cut = p;
	if (cut != NULL)
		*cut = '\0';
	warn_long(var, cut != NULL ? cut + 1 : s, width);
	k = put_row(m, s);
	put_row(m, cut != NULL ? cut + 1 : "");
	if (m->meta != NULL && k > 0)
		fprintf(m->meta, "%s = %d\n", var, k);
	free(s);
}

int
gp_meta_close(gp_meta *m)
{
	int rc = m->rc;

	/* The templates size S from the row count: never empty. */
	if (m->text != NULL && m->ntext == 0)
		fprintf(m->text, "1\t\"\"\n");
	rc = gp_close(m->meta, rc);
	rc = gp_close(m->text, rc);
	m->meta = m->text = NULL;
	return rc;
}

/* With FLYWHEEL_KEEP_PLOT_DATA set to a directory, copies meta.gp and
 * strings.tsv there: what the templates were given, for checking. */
void
gp_keep_data(const char *tmp)
{
	static const char *const names[] = { "meta.gp", "strings.tsv" };
	const char *keep = getenv("FLYWHEEL_KEEP_PLOT_DATA");
	char from[4096], to[4096], buf[8192];
	size_t i, n;

	for (i = 0; keep != NULL && *keep && i < 2; i++) {
		FILE *a, *b;
		if (pathf(from, sizeof(from), "%s/%s", tmp, names[i]) != 0 ||
		    pathf(to, sizeof(to), "%s/%s", keep, names[i]) != 0 ||
		    (a = fopen(from, "rb")) == NULL)
			continue;
		if ((b = fopen(to, "wb")) != NULL) {
			while ((n = fread(buf, 1, sizeof(buf), a)) > 0)
				fwrite(buf, 1, n, b);
			fclose(b);
		}
		fclose(a);
	}
}

int
gp_workdir(const char *dir, const char *name, char *tmp, char *out,
    char *log, fw_error *err)
{
	if (out_temp_folder(dir, name, tmp, 4096, err) != FW_OK)
		return FW_EIO;
	pathf(out, 4096, "%s/out", tmp);
	pathf(log, 4096, "%s/gnuplot.log", tmp);
	if (mkdir(out, 0700) != 0) {
		fw_error_set(err, FW_EIO, out, 0, 0, "", "cannot create: %s",
		    strerror(errno));
		rmdir(tmp);
		return FW_EIO;
	}
	return FW_OK;
}

int
gnuplot_run(const char *gnuplot, char *const argv[], const char *log,
    int *started, fw_error *err)
{
	int status, fds[2], exec_errno = 0;
	pid_t pid;

	/* The child tells through a close-on-exec pipe why exec failed:
	 * a missing program is not the only reason (no memory, no
	 * permission). */
	if (pipe(fds) != 0)
		fds[0] = fds[1] = -1;
	if (fds[0] < 0 || fcntl(fds[0], F_SETFD, FD_CLOEXEC) != 0 ||
	    fcntl(fds[1], F_SETFD, FD_CLOEXEC) != 0 || (pid = fork()) < 0) {
		fw_error_set(err, FW_ERUN, "", 0, 0, "", "cannot start gnuplot: "
		    "%s", strerror(errno));
		if (fds[0] >= 0) {
			close(fds[0]);
			close(fds[1]);
		}
		return FW_ERUN;
	}
	if (pid == 0) {
		if (freopen(log, "w", stderr) == NULL)
			_exit(126);
		execvp(gnuplot, argv);
		exec_errno = errno;
		(void)!write(fds[1], &exec_errno, sizeof(exec_errno));
		_exit(127);
	}
	close(fds[1]);
	if (read(fds[0], &exec_errno, sizeof(exec_errno)) !=
	    (ssize_t)sizeof(exec_errno))
		exec_errno = 0;
	close(fds[0]);
	if (waitpid(pid, &status, 0) < 0)
		status = -1;
	if (exec_errno == ENOENT) {
		fw_error_set(err, FW_ERUN, "", 0, 0, "", "gnuplot not found "
		    "('%s'): install it (Debian: apt-get install gnuplot-nox) "
		    "or set FLYWHEEL_GNUPLOT to its path", gnuplot);
		return FW_ERUN;
	}
	if (exec_errno != 0) {
		fw_error_set(err, FW_ERUN, "", 0, 0, "", "cannot run gnuplot "
		    "('%s'): %s", gnuplot, strerror(exec_errno));
		return FW_ERUN;
	}
	*started = 1;
	if (status == -1 || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		/* gnuplot's last line names the template, line and error */
		char last[512] = "", line[512];
		FILE *l = fopen(log, "r");
		while (l != NULL && fgets(line, sizeof(line), l) != NULL)
			if (line[strspn(line, " \t\r\n")] != '\0')
				memcpy(last, line, sizeof(line));
		if (l != NULL)
			fclose(l);
		last[strcspn(last, "\n")] = '\0';
		if (status != -1 && WIFSIGNALED(status))
			fw_error_set(err, FW_ERUN, "", 0, 0, "", "gnuplot "
			    "crashed (signal %d)%s%s", WTERMSIG(status),
			    *last ? ": " : "", last);
		else
			fw_error_set(err, FW_ERUN, "", 0, 0, "", "gnuplot "
			    "failed: %s", last);
		return FW_ERUN;
	}
	return FW_OK;
}
