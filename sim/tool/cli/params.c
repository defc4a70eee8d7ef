/* params.c - `flywheel params`: the table of keys as text, CSV or a man
 * page section, read from the library's key table.
 * SPDX-License-Identifier: MIT */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "csv.h"

const char cli_params_help[] =
"Usage: flywheel params [--format text|csv|man]\n"
"                       [--kind scenario|sweep|calibration]\n"
"List every key of a scenario file (or of a sweep or calibration file)\n"
"with its type and range, default and meaning.\n"
"\n"
"  -f, --format FORMAT   text (default), csv or man\n"
"  -k, --kind KIND       scenario (default), sweep or calibration: which\n"
"                        file's keys\n"
"  -h, --help            show this help\n";

enum params_format { PARAMS_TEXT, PARAMS_MAN, PARAMS_CSV };

static void
key_default(const fw_key_info *k, char *buf, size_t size)
{
	if (k->required)
		snprintf(buf, size, "required");
	else if (k->def_text != NULL)
		snprintf(buf, size, "%s", k->def_text);
	else if (k->has_default)
		fw_format_real(k->def, buf, size);
	else if (strcmp(k->path, "model") == 0)
		snprintf(buf, size, "%s", fw_model());
	else
		snprintf(buf, size, "-");
}

/* Escapes roff's special characters at the start of a line and in text. */
static void
man_text(FILE *out, const char *s)
{
	if (*s == '.' || *s == '\'')
		fputs("\\&", out);
	for (; *s; s++) {
		if (*s == '\\')
			fputs("\\e", out);
		else if (*s == '-')
			fputs("\\-", out);
		else
			fputc(*s, out);
	}
}

static void
put_key(FILE *out, enum params_format format, size_t i)
{
	const char *limit = fw_key_limit(i);
	char range[64], def[40], meaning[512];
	fw_key_info k;

	fw_key_get(i, &k);
	fw_key_range_text(i, range, sizeof(range));
	key_default(&k, def, sizeof(def));
	snprintf(meaning, sizeof(meaning), *limit ? "%s; limit: %s" : "%s", k.help,
	    limit);
	switch (format) {
	case PARAMS_TEXT:
		fprintf(out, "%-43s %-24s %-10s %s\n", k.path, range, def,
		    meaning);
		break;
	case PARAMS_CSV:
		fw_write_csv_text(out, k.path);
		fputc(',', out);
		fw_write_csv_text(out, range);
		fputc(',', out);
		/* No default is an empty field (NA), not a lone "-". */
		fw_write_csv_text(out, strcmp(def, "-") == 0 ? "" : def);
		fputc(',', out);
		fw_write_csv_text(out, meaning);
		fputc('\n', out);
		break;
	case PARAMS_MAN:
		fputs(".TP\n.B ", out);
		man_text(out, k.path);
		fputc('\n', out);
		man_text(out, range);
		if (k.required)
			fputs("; required", out);
		else if (strcmp(def, "-") != 0) {
			fputs("; default ", out);
			man_text(out, def);
		}
		fputs(".\n", out);
		man_text(out, k.help);
		fputs(".\n", out);
		if (*limit) {
			fputs("Limit: ", out);
			man_text(out, limit);
			fputs(".\n", out);
		}
		break;
	}
}

int
cli_params(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "kind", required_argument, NULL, 'k' },
		{ NULL, 0, NULL, 0 }
	};
	enum params_format format = PARAMS_TEXT;
	const char *kind = "scenario";
	size_t i;
	int c;

	opterr = 0;
	while ((c = getopt_long(argc, argv, "f:k:", opts, NULL)) != -1) {
		if (c == 'k' && (strcmp(optarg, "scenario") == 0 ||
		    strcmp(optarg, "sweep") == 0 ||
		    strcmp(optarg, "calibration") == 0)) {
			kind = optarg;
			continue;
		}
		if (c == 'k')
			return cli_usage_error("params", "params: unknown "
			    "kind '%s' (scenario, sweep or calibration)", optarg);
		if (c != 'f')
			return cli_usage_error("params", "params: unknown option "
			    "'%s'", argv[optind - 1]);
		if (strcmp(optarg, "text") == 0)
			format = PARAMS_TEXT;
		else if (strcmp(optarg, "csv") == 0)
			format = PARAMS_CSV;
		else if (strcmp(optarg, "man") == 0)
			format = PARAMS_MAN;
		else
			return cli_usage_error("params", "params: unknown "
			    "format '%s' (text, csv or man)", optarg);
	}
	if (optind < argc)
		return cli_usage_error("params", "params: unexpected "
		    "argument '%s'", argv[optind]);
	if (format == PARAMS_CSV)
		fputs("key,range,default,meaning\n", stdout);
	else if (format == PARAMS_TEXT)
		printf("%-43s %-24s %-10s %s\n", "KEY", "RANGE", "DEFAULT",
		    "MEANING");
	for (i = 0; i < fw_key_count(); i++) {
		fw_key_info k;
		fw_key_get(i, &k);
		if (strcmp(k.file, kind) == 0)
			put_key(stdout, format, i);
	}
	if (format == PARAMS_TEXT && strcmp(kind, "scenario") == 0)
		fputs("\nAny number but a whole number or an initial fraction may "
		    "be a distribution, drawn\nonce per replication: {dist: "
		    "uniform, min, max}, {dist: normal, mean, sd},\n{dist: "
		    "lognormal, mu, sigma}, {dist: beta, alpha, beta}, {dist: "
		    "gamma, shape, scale},\n{dist: triangular, min, mode, max}, "
		    "{dist: pert, min, mode, max},\n{dist: logitnormal, mu, sigma, "
		    "min, max}; correlations joins two of them by rank\n"
		    "(flywheel-scenario(5)).\n", stdout);
	return ferror(stdout) || fflush(stdout) != 0 ? EXIT_IO : EXIT_DONE;
}
