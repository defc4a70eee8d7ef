/* fuzz_api.c - the library's API driven as a binding drives it: the bytes
 * are a program of calls, each byte choosing a function and the bytes
 * after it its arguments (NULL or a text, an index that may be far past
 * the end, a number that may be NaN, a size that may not fit), on a small
 * scenario, its copies, runs of it, a sweep and a calibration. Whatever
 * the calls, none may crash or read out of bounds, each returns one of
 * the statuses flywheel.h names, and what the API reports holds
 * together (a scenario that took a change still reads back from its own
 * YAML; a finished run has finite statistics).
 * SPDX-License-Identifier: MIT */
#include "config.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "flywheel.h"
#include "fuzz.h"

static const char scenario[] =
    "name: api\nhorizon_months: 6\nreplications: 3\nseed: 9\n"
    "segments:\n  - {name: a, hcps: 20, scripts_per_month: 2}\n"
    "  - {name: b, hcps: 10, scripts_per_month: 1}\n"
    "channels:\n  - {name: email, touches_per_month: 1, reach: 0.2, "
    "helpful: 0.5, burden: 0.1, cost_per_touch: 1}\n"
    "friction: {access: {dist: beta, alpha: 2, beta: 5}}\n"
    "variants:\n  v: {set: {friction.onboarding: 0.1}}\n";
static const char sweep[] =
    "scenario: s.yaml\ndesign: oneway\nreplications: 2\n"
    "parameters:\n  - {path: friction.onboarding, range: [0.1, 0.5]}\n"
    "  - {path: segments.a.trust, range: [0.2, 0.6]}\n"
    "metrics:\n  - {npv: baseline}\n";
static const char calibration[] =
    "scenario: s.yaml\ndata: d.csv\nreplications: 2\nstarts: 1\n"
    "parameters:\n  - {path: friction.onboarding, range: [0.1, 0.7]}\n"
    "targets:\n  - {metric: revenue}\n";
static const char data_csv[] =
    "month,metric,value\n1,revenue,100\n2,revenue,120\n3,revenue,150\n";

/* Texts a call may be given: names and paths that exist, near misses,
 * and bytes a binding might pass on unchecked. */
static const char *const words[] = {
	"friction.access", "friction.onboarding", "segments.a.hcps",
	"segments.b.trust", "channels.email.reach", "economics.gross_margin",
	"baseline", "v", "w", "", "friction", "segments.c.hcps",
	"{dist: beta, alpha: 2, beta: 5}", "0.3", "1e308", "-1", "nan",
	"[1, 2]", "leakage", "npv", "revenue", "patients", "a\033[2J",
};
#define NWORDS (sizeof(words) / sizeof(words[0]))

typedef struct input {
	const uint8_t *p, *end;
	char text[4][64];	/* texts made from the input's own bytes */
	int next;
} input;

static unsigned
byte(input *in)
{
	return in->p < in->end ? *in->p++ : 0;
}

/* An index: small, or (one in eight) as large as a size_t goes. */
static size_t
index_of(input *in)
{
	unsigned b = byte(in);

	return b >= 224 ? SIZE_MAX - (b - 224) : b % 16;
}

static double
number(input *in)
{
	static const double special[] = { 0, 0.5, 1, -1, 1e308, -1e308,
		INFINITY, -INFINITY, NAN, 1e-300, 4000, 0.999999 };
	unsigned b = byte(in);
	double x;

	if (b < 200)
		return special[b % (sizeof(special) / sizeof(special[0]))];
	if ((size_t)(in->end - in->p) < sizeof(x))
		return b;
	memcpy(&x, in->p, sizeof(x));
	in->p += sizeof(x);
	return x;
}

/* NULL, one of words[], or a text of the input's own bytes. */
static const char *
text(input *in)
{
	unsigned b = byte(in), n, i;
	char *t;

	if (b < 32)
		return NULL;
	if (b < 200)
		return words[b % NWORDS];
	t = in->text[in->next++ % 4];
	n = byte(in) % 63;
	for (i = 0; i < n && in->p < in->end; i++)
		t[i] = (char)(*in->p++ ? in->p[-1] : 'x');
	t[i] = '\0';
	return t;
}

static void
check_status(int rc)
{
	if (rc != FW_OK && rc != FW_ERUN && rc != FW_EINVALID &&
	    rc != FW_EIO && rc != FW_ENOMEM)
		abort();
}

/* The scenario reads back from its own YAML, as every change leaves it. */
static void
check_whole(const fw_scenario *sc)
{
	fw_scenario *back = NULL;
	fw_error err;
	char *yaml;

	if (fw_scenario_yaml(sc, &yaml) != FW_OK ||
	    fw_scenario_load_string("back.yaml", yaml,
	    strlen(yaml), &back, &err) != FW_OK)
		abort();
	fw_free(yaml);
	fw_scenario_free(back);
}

typedef struct objects {
	fw_scenario *sc[2];	/* the scenario and a copy, or NULL */
	fw_run *run;
	fw_sweep *sw;
	fw_calibration *cal;
} objects;

static void
run_calls(input *in, objects *o)
{
	fw_run_options opt = { 0 };
	fw_error err, *e;
	fw_stats st;
	fw_band band;
	fw_paired pd;
	fw_gain gain;
	fw_change ch;
	fw_key_info info;
	fw_fit fit;
	fw_sensitivity sens[4];
	fw_calibration_progress prog;
	double x, y[16], phi[4], lo, hi;
	char buf[64];
	const char *t;
	size_t i, j, k, n;
	unsigned op;
	int rc, calls, flag, month;

	for (calls = 0; in->p < in->end && calls < 200; calls++) {
		fw_scenario *sc = o->sc[byte(in) % 2];
		e = byte(in) % 4 == 0 ? NULL : &err;
		op = byte(in) % 31;
		rc = FW_OK;
		/* a run's scenario must not change while it lives */
		if (op <= 5 && o->run != NULL && sc == fw_run_scenario(o->run)) {
			fw_run_free(o->run);
			o->run = NULL;
		}
		switch (op) {
		case 0:
			rc = fw_scenario_set(sc, text(in), text(in), text(in),
			    e);
			break;
		case 1:
			rc = fw_scenario_set_number(sc, text(in), text(in),
			    number(in), e);
			break;
		case 2:
			rc = fw_scenario_value(sc, text(in), text(in),
			    number(in), byte(in) % 2 ? &x : NULL, e);
			break;
		case 3:
			flag = 2;
			rc = fw_scenario_is_uncertain(sc, text(in), text(in),
			    byte(in) % 2 ? &flag : NULL);
			if (flag != 2 && (rc != FW_OK || flag > 1))
				abort();
			break;
		case 4:
			rc = fw_scenario_add_variant(sc, text(in), text(in), e);
			break;
		case 5:
			rc = fw_scenario_remove_variant(sc, text(in), e);
			break;
		case 6:
			i = index_of(in);
			rc = fw_scenario_change(sc, i, index_of(in),
			    byte(in) % 2 ? &ch : NULL);
			(void)fw_scenario_change_count(sc, i);
			break;
		case 7:
			i = index_of(in);
			(void)fw_scenario_variant_name(sc, i);
			(void)fw_scenario_variant_description(sc, i);
			(void)fw_scenario_variant_start(sc, i);
			(void)fw_scenario_variant_ramp(sc, i);
			(void)fw_scenario_variant_index(sc, text(in),
			    byte(in) % 2 ? &n : NULL);
			(void)fw_scenario_report(sc, text(in), byte(in) % 2 ?
			    &flag : NULL);
			break;
		case 8:
			rc = fw_key_lookup(text(in), byte(in) % 2 ? &info :
			    NULL);
			i = index_of(in);
			check_status(fw_key_get(i, byte(in) % 2 ? &info :
			    NULL));
			fw_key_range_text(i, byte(in) % 2 ? buf : NULL,
			    byte(in) % 2 ? sizeof(buf) : 0);
			(void)fw_key_limit(i);
			break;
		case 9:
			(void)fw_suggest(text(in), words, byte(in) % 2 ?
			    NWORDS : 0);
			fw_format_real(number(in), byte(in) % 2 ? buf : NULL,
			    index_of(in) % sizeof(buf));
			/* n bytes of a text of at least n bytes, or NULL */
			t = text(in);
			n = index_of(in) % 8;
			fw_hash(t, t != NULL && strlen(t) < n ? strlen(t) : n,
			    buf, sizeof(buf));
			break;
		case 10:
			if (o->run != NULL)
				break;
			opt.replications = byte(in) % 9;
			opt.months = (int)(byte(in) % 13);
			opt.seed_set = (int)(byte(in) % 2);
			opt.seed = byte(in);
			opt.threads = 1;
			rc = fw_run_alloc(sc, byte(in) % 8 ? &opt : NULL,
			    byte(in) % 8 ? &o->run : NULL, e);
			break;
		case 11:
			rc = fw_run_step(o->run, index_of(in), e);
			break;
		case 12:
			rc = fw_run_finish(o->run, e);
			if (rc == FW_OK)
				for (i = 0; i < fw_metric_count(); i++)
					if (fw_run_stats(o->run, 0, i, &st) !=
					    FW_OK || !isfinite(st.mean))
						abort();
			break;
		case 13:
			i = index_of(in);
			j = index_of(in);
			rc = fw_run_stats(o->run, i, j, byte(in) % 2 ? &st :
			    NULL);
			(void)fw_run_value(o->run, index_of(in), i, j);
			(void)fw_metric_name(j);
			(void)fw_series_name(j);
			(void)fw_metric_index(text(in), byte(in) % 2 ? &k :
			    NULL);
			(void)fw_series_index(text(in), byte(in) % 2 ? &k :
			    NULL);
			break;
		case 14:
			rc = fw_run_month(o->run, index_of(in),
			    (int)(byte(in) % 16) - 2, index_of(in),
			    byte(in) % 2 ? &band : NULL);
			(void)fw_run_month_value(o->run, index_of(in),
			    index_of(in), (int)(byte(in) % 16), index_of(in));
			break;
		case 15:
			rc = fw_run_paired(o->run, index_of(in), index_of(in),
			    index_of(in), byte(in) % 2 ? &pd : NULL);
			rc |= fw_run_cumulative_gain(o->run, index_of(in),
			    (int)(byte(in) % 16), byte(in) % 2 ? &gain : NULL);
			(void)fw_run_payback(o->run, index_of(in),
			    index_of(in), byte(in) % 2 ? &month : NULL);
			(void)fw_run_compounding(o->run, index_of(in),
			    index_of(in), byte(in) % 2 ? &x : NULL);
			rc = FW_OK;
			break;
		case 16:
			i = index_of(in);
			(void)fw_run_draw_path(o->run, i);
			(void)fw_run_draw(o->run, index_of(in), index_of(in),
			    i);
			(void)fw_run_draw_count(o->run);
			(void)fw_run_memory(o->run);
			(void)fw_run_block_count(o->run);
			break;
		case 17:
			/* arrays sized by the object: given only when they
			 * fit, as the API asks */
			if (o->run != NULL && fw_run_replications(o->run) *
			    (uint64_t)fw_run_months(o->run) <= 16) {
				rc = fw_run_values(o->run, index_of(in),
				    index_of(in), byte(in) % 2 ? y : NULL);
				rc |= fw_run_month_values(o->run,
				    index_of(in), index_of(in), y);
				rc |= fw_run_draws(o->run, index_of(in),
				    index_of(in), y);
				rc = FW_OK;
			}
			break;
		case 18:
			n = fw_run_pack_size(o->run, index_of(in),
			    index_of(in));
			if (n <= sizeof(y)) {
				fw_run_pack(o->run, 0, 1, n ==
				    fw_run_pack_size(o->run, 0, 1) ? y : NULL);
				rc = fw_run_unpack(o->run, 0, 1, byte(in) % 2 ?
				    y : NULL, n, e);
			}
			break;
		case 19:
			fw_run_free(o->run);
			o->run = NULL;
			break;
		case 20:
			i = index_of(in);
			(void)fw_sweep_param_path(o->sw, i);
			(void)fw_sweep_param_variant(o->sw, i);
			fw_sweep_param_range(o->sw, i, byte(in) % 2 ? &lo :
			    NULL, &hi);
			(void)fw_sweep_value(o->sw, index_of(in), i);
			(void)fw_sweep_base_value(o->sw, i);
			(void)fw_sweep_metric_label(o->sw, i);
			fw_sweep_block(o->sw, index_of(in), byte(in) % 2 ?
			    buf : NULL, index_of(in) % sizeof(buf));
			break;
		case 21:
			/* y holds 16 values: n beyond that would be a lie
			 * the API cannot see */
			rc = fw_sweep_sensitivity(o->sw, byte(in) % 4 ? y :
			    NULL, index_of(in), byte(in) % 4 ? sens : NULL);
			break;
		case 22: {
			fw_scenario *pt = NULL;
			rc = fw_sweep_point_scenario(o->sw, index_of(in),
			    byte(in) % 4 ? &pt : NULL, e);
			if (rc == FW_OK)
				check_whole(pt);
			fw_scenario_free(pt);
			break;
		}
		case 23:
			if (o->run != NULL && fw_run_replications(o->run) <=
			    16)
				rc = fw_sweep_metric_values(o->sw, index_of(in),
				    o->run, y);
			rc |= fw_sweep_set_replications(byte(in) % 4 ? o->sw :
			    NULL, 1 + byte(in) % 3);
			rc = FW_OK;
			break;
		case 24:
			i = index_of(in);
			(void)fw_calibration_param_path(o->cal, i);
			fw_calibration_param_range(o->cal, i, &lo,
			    byte(in) % 2 ? &hi : NULL);
			(void)fw_calibration_target_metric(o->cal, i);
			(void)fw_calibration_target_segment(o->cal, i);
			(void)fw_calibration_target_weight(o->cal, i);
			(void)fw_calibration_target_observed(o->cal, i);
			(void)fw_calibration_target_error(o->cal, i);
			rc = fw_calibration_fit(o->cal, i, byte(in) % 2 ? &fit :
			    NULL);
			rc = fw_calibration_month(o->cal, i, (int)byte(in),
			    &x, byte(in) % 2 ? &band : NULL);
			break;
		case 25: {
			fw_scenario *f = NULL;
			rc = fw_calibration_fitted(o->cal, byte(in) % 4 ? &f :
			    NULL, e);
			fw_scenario_free(f);
			break;
		}
		case 26:
			n = byte(in) % 17;
			for (i = 0; i < n; i++)
				y[i] = number(in);
			fw_stats_of(byte(in) % 4 ? y : NULL, n, &st);
			fw_paired_of(byte(in) % 4 ? y : NULL, n, &pd);
			break;
		case 27:
			/* value holds 2^k numbers, phi k: k at most 4 */
			n = byte(in) % 5;
			for (i = 0; i < 16; i++)
				y[i] = number(in);
			rc = fw_shapley(byte(in) % 4 ? y : NULL, n,
			    byte(in) % 4 ? phi : NULL);
			break;
		case 28: {
			fw_scenario *c = NULL;
			rc = fw_scenario_copy(sc, byte(in) % 4 ? &c : NULL);
			if (rc == FW_OK) {
				fw_scenario_free(o->sc[1]);
				/* a run of the old copy must not outlive it */
				fw_run_free(o->run);
				o->run = NULL;
				o->sc[1] = c;
			}
			break;
		}
		case 29:
			for (n = byte(in) % 64; n > 0 &&
			    !fw_calibration_done(o->cal); n--)
				check_status(fw_calibration_step(o->cal, e));
			fw_calibration_get_progress(o->cal, byte(in) % 2 ?
			    &prog : NULL);
			(void)fw_calibration_objective(o->cal);
			break;
		default:
			fw_error_format(byte(in) % 2 ? &err : NULL, byte(in) %
			    2 ? buf : NULL, index_of(in) % sizeof(buf));
			(void)fw_status_name((int)byte(in) - 128);
			break;
		}
		check_status(rc);
		if (sc != NULL && op <= 5)
			check_whole(sc);
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	input in = { data, data + size, { { 0 } }, 0 };
	objects o = { { NULL, NULL }, NULL, NULL, NULL };
	fw_error err;

	fuzz_file("s.yaml", scenario, sizeof(scenario) - 1);
	if (fw_scenario_load_string("s.yaml", scenario, sizeof(scenario) - 1,
	    &o.sc[0], &err) != FW_OK ||
	    fw_sweep_load(fuzz_file("w.yaml", sweep, sizeof(sweep) - 1),
	    &o.sw, &err) != FW_OK)
		abort();
	fuzz_file("d.csv", data_csv, sizeof(data_csv) - 1);
	if (fw_calibration_load(fuzz_file("c.yaml", calibration,
	    sizeof(calibration) - 1), &o.cal, &err) != FW_OK)
		abort();
	if (fw_calibration_set_threads(o.cal, 1) != FW_OK)
		abort();
	run_calls(&in, &o);
	fw_run_free(o.run);
	fw_sweep_free(o.sw);
	fw_calibration_free(o.cal);
	fw_scenario_free(o.sc[1]);
	fw_scenario_free(o.sc[0]);
	return 0;
}
