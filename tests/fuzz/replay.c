/* replay.c - runs a fuzz target, built with the ordinary compiler and
 * without libFuzzer, on every file named (or in every directory named):
 * the seed corpus and the inputs that once crashed stay regression tests.
 * SPDX-License-Identifier: MIT */
#include "config.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "fuzz.h"

static int
replay_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	unsigned char *buf = NULL;
	size_t n = 0, cap = 0, got;

	if (f == NULL) {
		perror(path);
		return 1;
	}
	do {
		if (n == cap) {
			unsigned char *grown = realloc(buf, cap = cap * 2 + 4096);
			if (grown == NULL) {
				fprintf(stderr, "%s: out of memory\n", path);
				exit(1);
			}
			buf = grown;
		}
		got = fread(buf + n, 1, cap - n, f);
		n += got;
	} while (got > 0);
	fclose(f);
	/* The name goes first, so that a crash says which input it was. */
	fprintf(stderr, "%s\n", path);
	LLVMFuzzerTestOneInput(buf, n);
	free(buf);
	return 0;
}

int
main(int argc, char **argv)
{
	char path[4096];
	struct stat st;
	struct dirent **names;
	int i, j, n, failed = 0, count = 0;

	for (i = 1; i < argc; i++) {
		if (stat(argv[i], &st) != 0 || !S_ISDIR(st.st_mode)) {
			failed += replay_file(argv[i]);
			count++;
			continue;
		}
		if ((n = scandir(argv[i], &names, NULL, alphasort)) < 0) {
			perror(argv[i]);
			return 1;
		}
		for (j = 0; j < n; j++) {
			snprintf(path, sizeof(path), "%s/%s", argv[i],
			    names[j]->d_name);
			if (names[j]->d_name[0] != '.') {
				failed += replay_file(path);
				count++;
			}
			free(names[j]);
		}
		free(names);
	}
	printf("%d inputs replayed\n", count);
	return failed ? 1 : 0;
}
