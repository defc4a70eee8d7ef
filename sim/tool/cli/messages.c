/* messages.c - how the command speaks of a failure: usage errors, errors
 * with their place, and --help, alike in every command.
 * SPDX-License-Identifier: MIT */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "cluster.h"
#include "keyrange.h"

int
cli_usage_error(const char *command, const char *fmt, ...)
{
	va_list ap;
	char buf[2048];

	/* Every rank of a job meets the same usage error: one says it. */
	if (cluster_rank() != 0)
		return EXIT_USAGE;
	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	fputs("flywheel: ", stderr);
	term_puts(stderr, buf);
	fprintf(stderr, "\nTry 'flywheel %s%s--help'.\n",
	    command ? command : "", command ? " " : "");
	return EXIT_USAGE;
}

void
cli_put_help(FILE *f, const char *help)
{
	const char *at, *end;
	char path[64], range[64];

	while ((at = strchr(help, '@')) != NULL &&
	    (end = strchr(at + 1, '@')) != NULL &&
	    (size_t)(end - at) < sizeof(path)) {
		fwrite(help, 1, (size_t)(at - help), f);
		snprintf(path, sizeof(path), "%.*s", (int)(end - at - 1),
		    at + 1);
		key_range_words(path, range, sizeof(range));
		fputs(range, f);
		help = end + 1;
	}
	fputs(help, f);
}

int
cli_wants_help(int argc, char **argv, const char *help)
{
	int i;

	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--") == 0)
			return 0;
		if (strcmp(argv[i], "-h") == 0 ||
		    strcmp(argv[i], "--help") == 0) {
			cli_put_help(stdout, help);
			return 1;
		}
	}
	return 0;
}

void
cli_print_error(const fw_error *err)
{
	char buf[2048];

	/* An error every rank of a job meets alike is said once; one of a
	 * rank alone goes through cluster_abort. */
	if (cluster_rank() != 0)
		return;
	fw_error_format(err, buf, sizeof(buf));
	/* A message with no file to point at says who is speaking. */
	if (err->file[0] == '\0')
		fputs("flywheel: ", stderr);
	term_puts(stderr, buf);
	fputc('\n', stderr);
}
