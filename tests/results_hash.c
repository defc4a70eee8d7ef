/* results_hash.c - the hash of every result a run keeps (fw_run_pack of
 * all its blocks) for the cases of tests/same-bytes.sh: every scenario
 * named, then the rarer paths of a month on the one named default.yaml
 * (if any). Two builds, or two paths of one build, that print the same
 * lines computed the same bits. Used by `make check-arm` to compare an
 * aarch64 build with this one.
 *   usage: results_hash THREADS SCENARIO.yaml...
 * SPDX-License-Identifier: MIT */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_errno.h>

#include "flywheel.h"

/* Runs file (with key set to value when key is not NULL) and prints
 * the hash of its results under name; 0 if it ran. */
static int
hash_case(const char *name, const char *file, const char *key,
    const char *value, int threads)
{
	fw_run_options opt = { 0 };
	fw_scenario *sc = NULL;
	fw_run *run = NULL;
	fw_error err;
	char hash[32];
	size_t size;
	void *buf = NULL;
	uint64_t nb;

	opt.replications = 6;
	opt.months = 30;
	opt.seed = 20261201;
	opt.seed_set = 1;
	opt.threads = threads;
	if (fw_scenario_load(file, &sc, &err) != FW_OK ||
	    (key != NULL && fw_scenario_set(sc, NULL, key, value, &err) !=
	    FW_OK) || fw_run_alloc(sc, &opt, &run, &err) != FW_OK ||
	    fw_run_finish(run, &err) != FW_OK) {
		fprintf(stderr, "results_hash: %s: %s\n", name, err.msg);
		fw_run_free(run);
		fw_scenario_free(sc);
		return 1;
	}
	nb = fw_run_block_count(run);
	size = fw_run_pack_size(run, 0, nb);
	if ((buf = malloc(size + 1)) == NULL) {
		fprintf(stderr, "results_hash: out of memory\n");
		exit(1);
	}
	fw_run_pack(run, 0, nb, buf);
	fw_hash(buf, size, hash, sizeof(hash));
	printf("%s %zu %s\n", name, size, hash);
	free(buf);
	fw_run_free(run);
	fw_scenario_free(sc);
	return 0;
}

int
main(int argc, char **argv)
{
	static const char *const rare[][3] = {
		{ "scripts400", "segments.cardiology.scripts_per_month", "400" },
		{ "access0", "friction.access", "0" },
		{ "access1", "friction.access", "1" },
		{ "access07", "friction.access", "0.7" }
	};
	int threads, i, bad = 0;
	size_t k;

	if (argc < 3) {
		fprintf(stderr, "usage: results_hash THREADS SCENARIO...\n");
		return 2;
	}
	gsl_set_error_handler_off();
	threads = atoi(argv[1]);
	for (i = 2; i < argc; i++) {
		const char *base = strrchr(argv[i], '/');
		bad |= hash_case(base != NULL ? base + 1 : argv[i], argv[i],
		    NULL, NULL, threads);
	}
	for (i = 2; i < argc; i++)
		if (strcmp(argv[i] + strlen(argv[i]) - (strlen(argv[i]) < 12 ?
		    strlen(argv[i]) : 12), "default.yaml") == 0)
			break;
	for (k = 0; i < argc && k < sizeof(rare) / sizeof(rare[0]); k++)
		bad |= hash_case(rare[k][0], argv[i], rare[k][1], rare[k][2],
		    threads);
	return bad;
}
