/* cli_args.c - what the commands share in reading their arguments:
 * counts, --set and the other PATH=VALUE options, and the command line as
 * run.json records it.
 * SPDX-License-Identifier: MIT */
#include "config.h"

#include <getopt.h>
#include <limits.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "cluster.h"
#include "keyrange.h"

int
cli_whole_number(const char *text, size_t len, unsigned long long lo,
    unsigned long long hi, unsigned long long *out)
{
	unsigned long long n = 0;
	size_t i;

	/* digits only: no sign, space or base prefix, which strtoull would
	 * let through (' 5', '+5', '-1' as 2^64 - 1) */
	if (len == 0)
		return -1;
	for (i = 0; i < len; i++) {
		unsigned d = (unsigned)(text[i] - '0');
		if (d > 9 || n > (ULLONG_MAX - d) / 10)
			return -1;
		n = n * 10 + d;
	}
	if (n < lo || n > hi)
		return -1;
	*out = n;
	return 0;
}

int
cli_parse_count(const char *command, const char *opt, const char *text,
    unsigned long long lo, unsigned long long hi, unsigned long long *out)
{
	if (cli_whole_number(text, strlen(text), lo, hi, out) == 0)
		return EXIT_DONE;
	return cli_usage_error(command, "%s: %s takes a whole number from %llu "
	    "to %llu (got '%s')", command, opt, lo, hi, text);
}

/* Reads the value of --reps, --months, --seed or --threads (option code
 * c) into opt; returns 0 when c is none of them, else 1 with *rc the exit
 * code of the reading. */
static int
run_option(const char *command, int c, const char *value,
    fw_run_options *opt, int *rc)
{
	unsigned long long n = 0;

	switch (c) {
	case 'r':
		if ((*rc = cli_parse_count(command, "--reps", value,
		    (unsigned long long)key_least("replications"),
		    (unsigned long long)key_most("replications"), &n)) ==
		    EXIT_DONE)
			opt->replications = n;
		return 1;
	case 'm':
		if ((*rc = cli_parse_count(command, "--months", value,
		    (unsigned long long)key_least("horizon_months"),
		    (unsigned long long)key_most("horizon_months"), &n)) ==
		    EXIT_DONE)
			opt->months = (int)n;
		return 1;
	case 's':
		if ((*rc = cli_parse_count(command, "--seed", value, 0,
		    18446744073709551615ULL, &n)) == EXIT_DONE) {
			opt->seed = n;
			opt->seed_set = 1;
		}
		return 1;
	case 't':
		if ((*rc = cli_parse_count(command, "--threads", value, 1,
		    FW_MAX_THREADS, &n)) == EXIT_DONE)
			opt->threads = (int)n;
		return 1;
	default:
		return 0;
	}
}

/* The options that set a flag of cli_args and take no value: option
 * code, the flag, the value it gets. */
static const struct flag_option {
	int code;
	size_t flag;
	int value;
} flag_options[] = {
	{ 'q', offsetof(cli_args, quiet), 1 },
	{ 'P', offsetof(cli_args, plots), 0 },
	{ 'L', offsetof(cli_args, leakage), 1 },
	{ 'p', offsetof(cli_args, point), 1 },
	{ 'e', offsetof(cli_args, resume), 1 },
	{ 'd', offsetof(cli_args, dry), 1 },
	{ 'M', offsetof(cli_args, merge), 1 },
};

/* Sets the flag of option code c; 0 when c sets none. */
static int
set_flag(cli_args *a, int c)
{
	size_t i;

	for (i = 0; i < sizeof(flag_options) / sizeof(flag_options[0]); i++)
		if (flag_options[i].code == c) {
			*(int *)(void *)((char *)a + flag_options[i].flag) =
			    flag_options[i].value;
			return 1;
		}
	return 0;
}

int
cli_parse_args(const char *command, const struct option *opts, int argc,
    char **argv, cli_args *a)
{
	int c, rc = EXIT_DONE;

	/* room for every argument to be a PATH=VALUE */
	if ((a->sets = calloc((size_t)argc + 1, sizeof(char *))) == NULL) {
		fputs("flywheel: out of memory\n", stderr);
		return EXIT_FAILED;
	}
	opterr = 0;
	while (rc == EXIT_DONE &&
	    (c = getopt_long(argc, argv, "o:q", opts, NULL)) != -1) {
		switch (c) {
		case 'o':
			a->outdir = optarg;
			break;
		case 'S':
			a->sets[a->nsets++] = optarg;
			break;
		case 'v':
			a->variant = optarg;
			break;
		case 'H':
			a->shard = optarg;
			break;
		default:
			if (!set_flag(a, c) &&
			    !run_option(command, c, optarg, &a->opt, &rc))
				rc = cli_usage_error(command, "%s: unknown "
				    "option '%s' or missing value", command,
				    argv[optind - 1]);
		}
	}
	if (rc == EXIT_DONE && !a->many && optind < argc - 1)
		rc = cli_usage_error(command, "%s: one scenario file at a time "
		    "(got '%s' and '%s')", command, argv[optind],
		    argv[optind + 1]);
	a->file = optind < argc ? argv[optind] : NULL;
	a->files = argv + optind;
	a->nfiles = argc - optind;
	return rc;
}

int
cli_split_assignment(const char *command, const char *opt,
    const char *example, const char *assignment, char **path,
    const char **value)
{
	const char *eq = strchr(assignment, '=');

	if (eq == NULL || eq == assignment || eq[1] == '\0')
		return cli_usage_error(command, "%s: %s takes PATH=VALUE, "
		    "e.g. %s (got '%s')", command, opt, example, assignment);
	if ((*path = strndup(assignment, (size_t)(eq - assignment))) == NULL) {
		fputs("flywheel: out of memory\n", stderr);
		return EXIT_FAILED;
	}
	*value = eq + 1;
	return EXIT_DONE;
}

int
cli_apply_set(const char *command, fw_scenario *sc, const char *assignment)
{
	const char *value;
	char *path;
	fw_error err;
	int rc;

	if ((rc = cli_split_assignment(command, "--set",
	    "friction.onboarding=0.1", assignment, &path, &value)) !=
	    EXIT_DONE)
		return rc;
	rc = fw_scenario_set(sc, NULL, path, value, &err);
	free(path);
	if (rc == FW_OK)
		return EXIT_DONE;
	/* every rank of a job refuses it alike: one says so */
	if (cluster_rank() == 0) {
		fprintf(stderr, "flywheel: %s: --set ", command);
		term_puts(stderr, assignment);
		fputs(": ", stderr);
		term_puts(stderr, err.msg);
		fputc('\n', stderr);
	}
	return exit_code_of(rc);
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
