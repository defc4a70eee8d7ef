/* example.c - libflywheel from C: load a scenario, change one value, run
 * every variant on common random numbers, and print each variant's NPV
 * statistics and its paired NPV gain over the baseline, read through the
 * API. Build it against the installed library:
 *
 *	cc example.c $(pkg-config --cflags --libs flywheel) -o example
 *	./example scenarios/default.yaml 200
 *
 * The second argument replaces the file's number of replications. The
 * output is CSV, every number written so that it reads back exactly.
 * SPDX-License-Identifier: MIT */
#include <stdio.h>
#include <stdlib.h>

#include <flywheel.h>

/* Writes ",x" as flywheel's tables write numbers. */
static void
put_real(double x)
{
	char buf[32];

	fw_format_real(x, buf, sizeof(buf));
	printf(",%s", buf);
}

int
main(int argc, char **argv)
{
	const char *file = argc > 1 ? argv[1] : "scenarios/default.yaml";
	fw_run_options opt = { 0 };
	fw_scenario *sc = NULL;
	fw_run *run = NULL;
	fw_error err;
	char msg[1536];
	size_t v, npv;
	int rc;

	if (argc > 2)
		opt.replications = strtoull(argv[2], NULL, 10);
	/* Every call that can fail returns a status; those given err say
	 * why in it. Metrics are looked up by name. */
	if ((rc = fw_metric_index("npv", &npv)) != FW_OK)
		return rc;
	if ((rc = fw_scenario_load(file, &sc, &err)) != FW_OK ||
	    (rc = fw_scenario_set_number(sc, NULL, "friction.access", 0.30,
	    &err)) != FW_OK ||
	    (rc = fw_run_alloc(sc, &opt, &run, &err)) != FW_OK ||
	    (rc = fw_run_finish(run, &err)) != FW_OK) {
		fw_error_format(&err, msg, sizeof(msg));
		fprintf(stderr, "example: %s\n", msg);
		fw_run_free(run);
		fw_scenario_free(sc);
		return rc;
	}

	printf("variant,npv_mean,npv_p5,npv_p50,npv_p95,"
	    "dnpv_mean,dnpv_lo95,dnpv_hi95,p_dnpv_positive\n");
	for (v = 0; v < fw_scenario_variant_count(sc); v++) {
		fw_stats s;
		fw_paired gain;

		/* These fail only when out of memory. The gain of replication
		 * r is the variant's NPV in r less the baseline's in r: both
		 * met the same random draws. */
		if ((rc = fw_run_stats(run, v, npv, &s)) != FW_OK ||
		    (rc = fw_run_paired(run, v, 0, npv, &gain)) != FW_OK)
			break;
		printf("%s", fw_scenario_variant_name(sc, v));
		put_real(s.mean);
		put_real(s.p5);
		put_real(s.p50);
		put_real(s.p95);
		if (v > 0) {
			put_real(gain.mean);
			put_real(gain.lo95);
			put_real(gain.hi95);
			put_real(gain.p_positive);
		} else
			printf(",,,,");
		printf("\n");
	}
	fw_run_free(run);
	fw_scenario_free(sc);
	return rc;
}
