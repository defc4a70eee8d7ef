/* fuzz_resume.c - the check a resumed sweep makes of the rows it keeps,
 * on any bytes as sweep.csv (and, after a line "--sweep.json--", as
 * sweep.json) of a small sweep's directory.
 * SPDX-License-Identifier: MIT */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "flywheel.h"
#include "fuzz.h"
#include "sweeprun.h"

static const char scenario[] =
    "name: s\nhorizon_months: 12\nreplications: 2\n"
    "segments:\n  - {name: a, hcps: 5, scripts_per_month: 2}\n"
    "variants:\n  fix: {set: {friction.onboarding: 0.1}}\n";
static const char sweep[] =
    "scenario: s.yaml\ndesign: grid\nreplications: 2\n"
    "parameters:\n  - {path: friction.access, range: [0.1, 0.5], "
    "steps: 3}\nmetrics:\n  - dnpv: fix\n";

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static fw_sweep *sw;
	static const char mark[] = "\n--sweep.json--\n";
	const size_t marklen = sizeof(mark) - 1;
	const char *split = NULL;
	size_t csvlen = size, i;
	char dir[4200];
	sweep_job job;
	fw_error err;

	for (i = 0; split == NULL && i + marklen <= size; i++)
		if (memcmp(data + i, mark, marklen) == 0) {
			split = (const char *)data + i;
			csvlen = i + 1;
		}
	if (sw == NULL) {
		fuzz_file("s.yaml", scenario, sizeof(scenario) - 1);
		if (fw_sweep_load(fuzz_file("sweep.yaml", sweep,
		    sizeof(sweep) - 1), &sw, &err) != FW_OK)
			abort();
	}
	snprintf(dir, sizeof(dir), "%s/out", fuzz_dir());
	mkdir(dir, 0777);
	unlink(fuzz_file("out/sweep.csv", "", 0));
	unlink(fuzz_file("out/sweep.json", "", 0));
	/* A new sweep lays out sweep.json and the header; then the input
	 * takes the place of what an interrupted run left. */
	if (sweep_open(&job, sw, dir, SWEEP_NEW, 1, &err) != FW_OK)
		abort();
	sweep_close(&job);
	fuzz_file("out/sweep.csv", data, csvlen);
	if (split != NULL)
		fuzz_file("out/sweep.json", split + marklen,
		    size - (csvlen - 1) - marklen);
	if (sweep_open(&job, sw, dir, SWEEP_RESUME, 1, &err) == FW_OK)
		while (job.done < fw_sweep_points(sw))
			if (sweep_step(&job, &err) != FW_OK)
				abort();
	sweep_close(&job);
	return 0;
}
