/* test_scenario.c - scenario loading, variants and overrides.
 * SPDX-License-Identifier: MIT */
#include "config.h"

#include <string.h>

#include "read.h"
#include "suites.h"

#define MINIMAL \
	"name: t\nhorizon_months: 12\nreplications: 10\n" \
	"segments:\n  - {name: a, hcps: 10, scripts_per_month: 2}\n"

static fw_scenario *
load_ok(const char *text)
{
	fw_scenario *sc = NULL;
	fw_error err;
	int rc = fw_scenario_load_string("t.yaml", text, strlen(text), &sc,
	    &err);

	if (rc != FW_OK) {
		char buf[1024];
		fw_error_format(&err, buf, sizeof(buf));
		ck_abort_msg("load failed: %s", buf);
	}
	return sc;
}

static void
load_bad(const char *text, const char *want)
{
	fw_scenario *sc = NULL;
	fw_error err;
	char buf[1024];
	int rc = fw_scenario_load_string("t.yaml", text, strlen(text), &sc,
	    &err);

	ck_assert_int_eq(rc, FW_EINVALID);
	ck_assert_ptr_null(sc);
	fw_error_format(&err, buf, sizeof(buf));
	ck_assert_str_eq(buf, want);
}

START_TEST(test_minimal_defaults)
{
	fw_scenario *sc = load_ok(MINIMAL);
	const fw_config *b = &sc->config[0];

	ck_assert_int_eq(sc->horizon, 12);
	ck_assert_uint_eq(sc->seed, 1);
	ck_assert_uint_eq(sc->nconfig, 1);
	ck_assert_double_eq(b->g[FW_G_PRICE].value, 500);
	ck_assert_double_eq(b->g[FW_G_F_ACCESS].value, 0.42);
	ck_assert_int_eq(b->g[FW_G_F_ACCESS].line, 0);
	ck_assert_double_eq(b->seg[0].v[FW_S_TRUST].value, 0.5);
	ck_assert_double_eq(b->seg[0].initial[FW_UNAWARE], 1);
	ck_assert_uint_eq(b->nchan, 0);
	fw_scenario_free(sc);
}
END_TEST

START_TEST(test_default_file_figures)
{
	fw_scenario *sc = NULL;
	fw_error err;
	char path[1024];
	const fw_config *b, *v;

	snprintf(path, sizeof(path), "%s/scenarios/default.yaml",
	    getenv("top_srcdir") ? getenv("top_srcdir") : ".");
	ck_assert_int_eq(fw_scenario_load(path, &sc, &err), FW_OK);
	ck_assert_uint_eq(sc->seed, 20261122);
	ck_assert_uint_eq(sc->nconfig, 4);
	b = &sc->config[0];
	ck_assert_uint_eq(b->nchan, 3);
	ck_assert_double_eq(sc->warmup.value, 36);
	ck_assert_double_eq(b->seg[0].v[FW_S_PATIENTS].value, 34900);
	ck_assert_double_eq(b->seg[1].initial[FW_ADVOCATE], 0.05);
	ck_assert_int_eq(fwi_config_start(b), 1);
	ck_assert_int_eq(fwi_config_ramp(b), 0);
	v = &sc->config[2];
	ck_assert_str_eq(v->name, "add-channels");
	ck_assert_uint_eq(v->nchan, 6);
	ck_assert_str_eq(v->chan[5].name, "chatbot");
	ck_assert_double_eq(v->g[FW_G_UPFRONT].value, 1500000);
	v = &sc->config[3];
	/* the hub's effect is the team's estimate with a range */
	ck_assert_int_eq(v->g[FW_G_F_ACCESS].dist, FW_DIST_PERT);
	ck_assert_double_eq(v->g[FW_G_F_ACCESS].p[1], 0.25);
	ck_assert_double_eq(v->g[FW_G_MONTHLY].value, 200000);
	ck_assert_double_eq(v->g[FW_G_F_ONBOARDING].value, 0.35);
	ck_assert_int_eq(fwi_config_start(v), 6);
	ck_assert_int_eq(fwi_config_ramp(v), 12);
	fw_scenario_free(sc);
}
END_TEST

START_TEST(test_variant_order)
{
	/* set, then remove_channels, then add_channels: a removed channel
	 * can be re-added with new figures in one variant. */
	fw_scenario *sc = load_ok(MINIMAL
	    "channels:\n"
	    "  - {name: e, touches_per_month: 1, reach: 0.1, helpful: 0.5, "
	    "burden: 0.1, cost_per_touch: 1}\n"
	    "variants:\n"
	    "  v:\n"
	    "    add_channels: [{name: e, touches_per_month: 2, reach: 0.1, "
	    "helpful: 0.5, burden: 0.1, cost_per_touch: 1}]\n"
	    "    remove_channels: [e]\n"
	    "    set: {channels.e.reach: 0.3, segments.a.hcps: 20}\n");
	const fw_config *v = &sc->config[1];

	ck_assert_uint_eq(v->nchan, 1);
	ck_assert_double_eq(v->chan[0].v[FW_C_TOUCHES].value, 2);
	ck_assert_double_eq(v->chan[0].v[FW_C_REACH].value, 0.1);
	ck_assert_double_eq(v->seg[0].v[FW_S_HCPS].value, 20);
	ck_assert_double_eq(sc->config[0].seg[0].v[FW_S_HCPS].value, 10);
	fw_scenario_free(sc);
}
END_TEST

/* A variant's changes against the baseline, as the board pack and the
 * workbook list them: values, then channels removed, then added. */
START_TEST(test_changes)
{
	fw_scenario *sc = load_ok(MINIMAL
	    "channels:\n"
	    "  - {name: e, touches_per_month: 1, reach: 0.1, helpful: 0.5, "
	    "burden: 0.1, cost_per_touch: 1}\n"
	    "variants:\n"
	    "  same: {}\n"
	    "  v:\n"
	    "    remove_channels: [e]\n"
	    "    add_channels: [{name: w, touches_per_month: 2, reach: 0.1, "
	    "helpful: 0.5, burden: 0.1, cost_per_touch: 1}]\n"
	    "    set: {friction.access: 0.25, segments.a.hcps: 20}\n");
	fw_change c;

	ck_assert_uint_eq(fw_scenario_change_count(sc, 0), 0);
	ck_assert_uint_eq(fw_scenario_change_count(sc, 1), 0);
	ck_assert_uint_eq(fw_scenario_change_count(sc, 2), 4);
	ck_assert_int_eq(fw_scenario_change(sc, 2, 0, &c), FW_OK);
	ck_assert_str_eq(c.path, "friction.access");
	ck_assert_str_eq(c.to, "0.25");
	ck_assert_int_eq(fw_scenario_change(sc, 2, 1, &c), FW_OK);
	ck_assert_str_eq(c.path, "segments.a.hcps");
	ck_assert_str_eq(c.from, "10");
	ck_assert_str_eq(c.to, "20");
	ck_assert_int_eq(fw_scenario_change(sc, 2, 2, &c), FW_OK);
	ck_assert_str_eq(c.path, "channels.e");
	ck_assert_str_eq(c.to, "removed");
	ck_assert_int_eq(fw_scenario_change(sc, 2, 3, &c), FW_OK);
	ck_assert_str_eq(c.path, "channels.w");
	ck_assert_str_eq(c.to, "added");
	ck_assert_int_eq(fw_scenario_change(sc, 2, 4, &c), FW_EINVALID);
	ck_assert_int_eq(fw_scenario_change(sc, 0, 0, &c), FW_EINVALID);
	fw_scenario_free(sc);
}
END_TEST

START_TEST(test_merge_keys)
{
	fw_scenario *sc = load_ok(
	    "name: t\nhorizon_months: 12\nreplications: 10\n"
	    "segments:\n"
	    "  - &a {name: a, hcps: 10, scripts_per_month: 2, trust: 0.4}\n"
	    "  - <<: *a\n    name: b\n    trust: 0.7\n"
	    "  - {<<: [{hcps: 5}, *a], name: c}\n");
	const fw_config *b = &sc->config[0];

	ck_assert_uint_eq(b->nseg, 3);
	ck_assert_double_eq(b->seg[1].v[FW_S_TRUST].value, 0.7);
	ck_assert_double_eq(b->seg[1].v[FW_S_HCPS].value, 10);
	ck_assert_double_eq(b->seg[2].v[FW_S_HCPS].value, 5);
	ck_assert_double_eq(b->seg[2].v[FW_S_TRUST].value, 0.4);
	fw_scenario_free(sc);
}
END_TEST

START_TEST(test_distribution_loaded)
{
	fw_scenario *sc = load_ok(MINIMAL
	    "friction: {access: {dist: pert, min: 0.3, mode: 0.42, max: 0.5}}\n"
	    "economics: {price_per_patient_month: {dist: lognormal, mu: 6, "
	    "sigma: 0.1}}\n");
	const fw_num *n = &sc->config[0].g[FW_G_F_ACCESS];

	ck_assert_int_eq(n->dist, FW_DIST_PERT);
	ck_assert_double_eq(n->p[2], 0.5);
	ck_assert_int_eq(sc->config[0].g[FW_G_PRICE].dist, FW_DIST_LOGNORMAL);
	fw_scenario_free(sc);
}
END_TEST

START_TEST(test_errors_name_place)
{
	load_bad(MINIMAL "friction: {acess: 0.3}\n",
	    "t.yaml:6:12: friction.acess: unknown key (did you mean "
	    "'access'?)");
	load_bad("name: t\nhorizon_months: 12\nreplications: 10\n"
	    "segments:\n  - {name: a, hcps: -3, scripts_per_month: 2}\n",
	    "t.yaml:5:21: segments[0].hcps: must be a whole number from 0 to "
	    "10000000 (got -3)");
	load_bad(MINIMAL "friction: {access: {dist: normal, mean: 0.4, "
	    "sd: 0.1}}\n",
	    "t.yaml:6:20: friction.access: distribution normal takes values "
	    "in (-inf, inf), outside the allowed range (number in [0, 1]); "
	    "use beta, pert, triangular, uniform or logitnormal");
}
END_TEST

START_TEST(test_override)
{
	fw_scenario *sc = load_ok(MINIMAL
	    "variants:\n"
	    "  keep: {set: {friction.access: 0.2}}\n"
	    "  follow: {description: follows the baseline}\n");
	fw_error err;

	ck_assert_int_eq(fw_scenario_set(sc, NULL, "friction.access", "0.3", &err),
	    FW_OK);
	ck_assert_double_eq(sc->config[0].g[FW_G_F_ACCESS].value, 0.3);
	ck_assert_double_eq(sc->config[1].g[FW_G_F_ACCESS].value, 0.2);
	ck_assert_double_eq(sc->config[2].g[FW_G_F_ACCESS].value, 0.3);
	ck_assert_int_eq(fw_scenario_set(sc, NULL, "friction.access",
	    "{dist: beta, alpha: 2, beta: 3}", &err), FW_OK);
	ck_assert_int_eq(sc->config[2].g[FW_G_F_ACCESS].dist, FW_DIST_BETA);
	ck_assert_int_eq(fw_scenario_set(sc, NULL, "friction.access", "2", &err),
	    FW_EINVALID);
	ck_assert_int_eq(fw_scenario_set(sc, NULL, "friction.acess", "0.2", &err),
	    FW_EINVALID);
	ck_assert_str_eq(err.msg, "no such key to set (did you mean "
	    "'friction.access'?)");
	/* a failed change leaves the value as it was */
	ck_assert_int_eq(sc->config[0].g[FW_G_F_ACCESS].dist, FW_DIST_BETA);
	/* one variant alone, which then owns the key */
	ck_assert_int_eq(fw_scenario_set_number(sc, "follow",
	    "friction.access", 0.1, &err), FW_OK);
	ck_assert_double_eq(sc->config[2].g[FW_G_F_ACCESS].value, 0.1);
	ck_assert_int_eq(sc->config[0].g[FW_G_F_ACCESS].dist, FW_DIST_BETA);
	ck_assert_int_eq(fw_scenario_set_number(sc, NULL, "friction.access",
	    0.4, &err), FW_OK);
	ck_assert_double_eq(sc->config[2].g[FW_G_F_ACCESS].value, 0.1);
	ck_assert_int_eq(fw_scenario_set_number(sc, NULL, "friction.access",
	    1.5, &err), FW_EINVALID);
	ck_assert_str_eq(err.msg, "must be a number in [0, 1] (got 1.5)");
	ck_assert_double_eq(sc->config[0].g[FW_G_F_ACCESS].value, 0.4);
	ck_assert_int_eq(fw_scenario_set_number(sc, "nobody",
	    "friction.access", 0.4, &err), FW_EINVALID);
	fw_scenario_free(sc);
}
END_TEST

Suite *
scenario_suite(void)
{
	Suite *s = suite_create("scenario");
	TCase *tc = tcase_create("load");

	tcase_add_test(tc, test_minimal_defaults);
	tcase_add_test(tc, test_default_file_figures);
	tcase_add_test(tc, test_variant_order);
	tcase_add_test(tc, test_changes);
	tcase_add_test(tc, test_merge_keys);
	tcase_add_test(tc, test_distribution_loaded);
	tcase_add_test(tc, test_errors_name_place);
	tcase_add_test(tc, test_override);
	suite_add_tcase(s, tc);
	return s;
}
