/* cli_args.c - what the commands share in reading their arguments:
 * counts, --set, and the command line as run.json records it.
 * SPDX-License-Identifier: MIT */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

int
cli_parse_count(const char *command, const char *opt, const char *text,
    unsigned long long lo, unsigned long long hi, unsigned long long *out)
{
	char *end;

	errno = 0;
	if (text[0] != '-' && text[0] != '\0') {
		*out = strtoull(text, &end, 10);
		if (errno == 0 && *end == '\0' && *out >= lo && *out <= hi)
			return EXIT_DONE;
	}
	return cli_usage_error(command, "%s: %s takes a whole number from %llu "
	    "to %llu (got '%s')", command, opt, lo, hi, text);
}

int
cli_apply_set(const char *command, fw_scenario *sc, const char *assignment)
{
	const char *eq = strchr(assignment, '=');
	char *path;
	fw_error err;
	int rc;

	if (eq == NULL || eq == assignment || eq[1] == '\0')
		return cli_usage_error(command, "%s: --set takes PATH=VALUE, "
		    "e.g. friction.onboarding=0.1 (got '%s')", command,
		    assignment);
	if ((path = strndup(assignment, (size_t)(eq - assignment))) == NULL) {
		fputs("flywheel: out of memory\n", stderr);
		return EXIT_FAILED;
	}
	rc = fw_scenario_set(sc, NULL, path, eq + 1, &err);
	free(path);
	if (rc == FW_OK)
		return EXIT_DONE;
	fprintf(stderr, "flywheel: %s: --set ", command);
	term_puts(stderr, assignment);
	fputs(": ", stderr);
	term_puts(stderr, err.msg);
	fputc('\n', stderr);
	return cli_exit_code(rc);
}

/* Whether a POSIX shell reads s back as it is, unquoted. */
static int
plain_word(const char *s)
{
	if (*s == '\0')
		return 0;
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') ||
		    (*s >= '0' && *s <= '9') || strchr("_-./=:,+@%", *s)))
			return 0;
	return 1;
}

char *
cli_command_line(int argc, char **argv)
{
	size_t len = 16;
	char *s, *w;
	int i;

	for (i = 0; i < argc; i++)
		len += 4 * strlen(argv[i]) + 3;
	if ((s = malloc(len)) == NULL)
		return NULL;
	w = s + sprintf(s, "flywheel");
	for (i = 0; i < argc; i++) {
		const char *a = argv[i];
		*w++ = ' ';
		if (plain_word(a)) {
			w = stpcpy(w, a);
			continue;
		}
		/* Single quotes keep everything literal; a quote itself is
		 * closed, escaped and reopened: '\'' */
		*w++ = '\'';
		for (; *a; a++)
			w = *a == '\'' ? stpcpy(w, "'\\''") : (*w = *a, w + 1);
		*w++ = '\'';
	}
	*w = '\0';
	return s;
}
