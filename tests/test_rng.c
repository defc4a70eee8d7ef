/* test_rng.c - the random streams: Philox known answers, the GSL adaptor,
 * parameter draws.
 * SPDX-License-Identifier: MIT */
#include "config.h"

#include <math.h>
#include <string.h>

#include "rng.h"
#include "suites.h"

/* Philox4x32-10 known-answer vectors published with Random123
 * (kat_vectors): counter, key, expected output. */
START_TEST(test_philox_known_answers)
{
	static const uint32_t kat[3][10] = {
		{ 0, 0, 0, 0, 0, 0,
		  0x6627e8d5, 0xe169c58d, 0xbc57ac4c, 0x9b00dbd8 },
		{ 0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff,
		  0xffffffff, 0x408f276d, 0x41c83b0e, 0xa20bc7c6, 0x6d5451fd },
		{ 0x243f6a88, 0x85a308d3, 0x13198a2e, 0x03707344, 0xa4093822,
		  0x299f31d0, 0xd16cfe09, 0x94fdcceb, 0x5001e420, 0x24126ea1 },
	};
	int i, w;

	for (i = 0; i < 3; i++) {
		philox4x32_ctr_t c = { { kat[i][0], kat[i][1], kat[i][2],
			kat[i][3] } };
		philox4x32_key_t k = { { kat[i][4], kat[i][5] } };
		philox4x32_ctr_t r = fwi_rng_block(k, c);
		for (w = 0; w < 4; w++)
			ck_assert_uint_eq(r.v[w], kat[i][6 + w]);
	}
}
END_TEST

/* A batch of blocks is the blocks one at a time, on every path this
 * processor has (scalar, AVX2, AVX-512), for every batch size and
 * scattered entities, including the top bits of a word. */
START_TEST(test_batch_matches_reference)
{
	philox4x32_key_t key = fwi_rng_key(0x0123456789abcdefULL);
	philox4x32_ctr_t ctr = fwi_rng_ctr(17, FW_P_HCP_MONTH, 2, 0, 33, 0);
	uint32_t entity[FW_RNG_BATCH], got[4][FW_RNG_BATCH];
	uint32_t want[4][FW_RNG_BATCH];
	int path, n, i, w, paths = 0;

	for (path = FW_RNG_SCALAR; path <= FW_RNG_AVX512; path++) {
		if (!fwi_rng_path_available(path))
			continue;
		paths++;
		for (n = 1; n <= FW_RNG_BATCH; n++) {
			for (i = 0; i < n; i++)
				entity[i] = (uint32_t)(i * 2654435761u +
				    (unsigned)n) | (i == 0 ? 0x80000000u : 0);
			memset(got, 0, sizeof(got));
			fwi_rng_blocks_path(path, key, ctr, entity, n, got);
			fwi_rng_blocks_reference(key, ctr, entity, n, want);
			for (i = 0; i < n; i++)
				for (w = 0; w < 4; w++)
					ck_assert_uint_eq(got[w][i], want[w][i]);
		}
	}
	ck_assert_int_ge(paths, 1);
}
END_TEST

/* The dispatched batch is the reference too. */
START_TEST(test_dispatched_batch_matches_reference)
{
	philox4x32_key_t key = fwi_rng_key(42);
	philox4x32_ctr_t ctr = fwi_rng_ctr(3, FW_P_SCRIPTS, 1, 0, 601, 0);
	uint32_t entity[FW_RNG_BATCH] = { 0, 1, 2, 3, 99, 100000, 7, 5 };
	uint32_t got[4][FW_RNG_BATCH], want[4][FW_RNG_BATCH];

	fwi_rng_blocks(key, ctr, entity, FW_RNG_BATCH, got);
	fwi_rng_blocks_reference(key, ctr, entity, FW_RNG_BATCH, want);
	ck_assert_mem_eq(got, want, sizeof(got));
}
END_TEST

START_TEST(test_seed_is_the_key)
{
	philox4x32_key_t k = fwi_rng_key(0x299f31d0a4093822ULL);

	ck_assert_uint_eq(k.v[0], 0xa4093822);
	ck_assert_uint_eq(k.v[1], 0x299f31d0);
}
END_TEST

START_TEST(test_counter_layout)
{
	philox4x32_ctr_t c = fwi_rng_ctr(7, FW_P_SCRIPTS, 3, 11, 60, 2);

	ck_assert_uint_eq(c.v[0], 11);
	ck_assert_uint_eq(c.v[1], 7);
	ck_assert_uint_eq(c.v[2], (60u << 16) | 2);
	ck_assert_uint_eq(c.v[3], (2u << 24) | 3);
}
END_TEST

START_TEST(test_uniform_open_interval)
{
	ck_assert(fwi_u01(0) > 0);
	ck_assert(fwi_u01(0xffffffffu) < 1);
	ck_assert_double_eq(fwi_u01(0x80000000u), 0.5 + 0.5 / 4294967296.0);
}
END_TEST

/* The integer threshold t of p decides u(w) < p for every word w: the
 * words below t, and only they, give a uniform below p. Checked at t's
 * two sides (enough, since u grows with w) and on words spread over the
 * whole range, for p at the ends, at each uniform exactly, one ulp either
 * side of it, at k / 2^32 and its neighbours, and not a number. */
static void
check_threshold(double p)
{
	uint64_t t = fwi_u01_threshold(p), i;
	uint32_t w;

	ck_assert_uint_le(t, (uint64_t)1 << 32);
	if (t > 0)
		ck_assert_msg(fwi_u01((uint32_t)(t - 1)) < p, "p = %a", p);
	if (t < (uint64_t)1 << 32)
		ck_assert_msg(!(fwi_u01((uint32_t)t) < p), "p = %a", p);
	/* One assertion for all the words: Check's are slow in a loop. */
	for (i = 0; i < 4096; i++) {
		w = (uint32_t)(i * 1048573u + (i >> 3));
		if ((w < t) != (fwi_u01(w) < p))
			break;
	}
	ck_assert_msg(i == 4096, "p = %a, w = %u", p, w);
}

START_TEST(test_uniform_threshold)
{
	static const uint32_t words[] = { 0, 1, 2, 3, 0x7fffffff,
		0x80000000u, 0x80000001u, 123456789, 0xfffffffeu, 0xffffffffu };
	static const double fixed[] = { 0, -0.0, 1, -1, 2, 1e-300, 5e-324,
		0.5, 0.25, 0.3, 1 - 1e-16, 0x1p-33, 0x1p-32, 0x1p-31,
		0.999999999767169, 0.99999999988358468 };
	size_t i;
	int k;

	ck_assert_uint_eq(fwi_u01_threshold(0), 0);
	ck_assert_uint_eq(fwi_u01_threshold(NAN), 0);
	ck_assert_uint_eq(fwi_u01_threshold(1), (uint64_t)1 << 32);
	/* u(0) = 2^-33: only p above it lets word 0 through. */
	ck_assert_uint_eq(fwi_u01_threshold(0x1p-33), 0);
	ck_assert_uint_eq(fwi_u01_threshold(nextafter(0x1p-33, 1)), 1);
	ck_assert_uint_eq(fwi_u01_threshold(0.5), 0x80000000u);
	check_threshold(NAN);
	for (i = 0; i < sizeof(fixed) / sizeof(fixed[0]); i++)
		check_threshold(fixed[i]);
	for (i = 0; i < sizeof(words) / sizeof(words[0]); i++) {
		double u = fwi_u01(words[i]);
		check_threshold(u);
		check_threshold(nextafter(u, 0));
		check_threshold(nextafter(u, 1));
		ck_assert_uint_eq(fwi_u01_threshold(u), words[i]);
		ck_assert_uint_eq(fwi_u01_threshold(nextafter(u, 1)),
		    (uint64_t)words[i] + 1);
	}
	for (k = 0; k < 200; k++) {
		double p = ldexp((double)((uint32_t)k * 2654435761u), -32);
		check_threshold(p);
		check_threshold(nextafter(p, 0));
		check_threshold(nextafter(p, 1));
	}
}
END_TEST

/* The GSL adaptor reads the words of blocks 0, 1, ... of its stream. */
START_TEST(test_stream_reads_blocks_in_order)
{
	gsl_rng *r = fwi_stream_alloc();
	philox4x32_key_t key = fwi_rng_key(42);
	int b, w;

	fwi_stream_seek(r, 42, 5, FW_P_PATIENTS, 1, 2, 9);
	for (b = 0; b < 3; b++) {
		philox4x32_ctr_t want = fwi_rng_block(key,
		    fwi_rng_ctr(5, FW_P_PATIENTS, 1, 2, 9, (uint32_t)b));
		for (w = 0; w < 4; w++)
			ck_assert_uint_eq(gsl_rng_get(r), want.v[w]);
	}
	/* Seeking again starts the stream over. */
	fwi_stream_seek(r, 42, 5, FW_P_PATIENTS, 1, 2, 9);
	ck_assert_uint_eq(gsl_rng_get(r), fwi_rng_block(key,
	    fwi_rng_ctr(5, FW_P_PATIENTS, 1, 2, 9, 0)).v[0]);
	gsl_rng_free(r);
}
END_TEST

/* Uniforms of a stream: mean 1/2 and variance 1/12 within 4 standard
 * errors. */
START_TEST(test_stream_moments)
{
	gsl_rng *r = fwi_stream_alloc();
	const int n = 200000;
	double sum = 0, sum2 = 0, mean, var;
	int i;

	fwi_stream_seek(r, 1, 0, FW_P_SCRIPTS_MORE, 0, 0, 1);
	for (i = 0; i < n; i++) {
		double u = gsl_rng_uniform(r);
		sum += u;
		sum2 += u * u;
	}
	mean = sum / n;
	var = sum2 / n - mean * mean;
	ck_assert_double_le(fabs(mean - 0.5), 4 * sqrt(1.0 / 12 / n));
	/* var of u^2 terms: E u^4 - (E u^2)^2 = 1/5 - 1/9 */
	ck_assert_double_le(fabs(var - 1.0 / 12), 4 * sqrt((0.2 - 1.0 / 9) /
	    n));
	gsl_rng_free(r);
}
END_TEST

START_TEST(test_param_draws_are_named)
{
	double a = fwi_rng_param_u(9, 3, "friction.access");

	ck_assert_double_eq(a, fwi_rng_param_u(9, 3, "friction.access"));
	ck_assert_double_ne(a, fwi_rng_param_u(9, 4, "friction.access"));
	ck_assert_double_ne(a, fwi_rng_param_u(10, 3, "friction.access"));
	ck_assert_double_ne(a, fwi_rng_param_u(9, 3, "friction.support"));
	/* FNV-1a 64 of "a", a published test value. */
	ck_assert_uint_eq(fwi_rng_path_hash("a"), 0xaf63dc4c8601ec8cULL);
}
END_TEST

Suite *
rng_suite(void)
{
	Suite *s = suite_create("rng");
	TCase *tc = tcase_create("streams");

	tcase_add_test(tc, test_philox_known_answers);
	tcase_add_test(tc, test_batch_matches_reference);
	tcase_add_test(tc, test_dispatched_batch_matches_reference);
	tcase_add_test(tc, test_seed_is_the_key);
	tcase_add_test(tc, test_counter_layout);
	tcase_add_test(tc, test_uniform_open_interval);
	tcase_add_test(tc, test_uniform_threshold);
	tcase_add_test(tc, test_stream_reads_blocks_in_order);
	tcase_add_test(tc, test_stream_moments);
	tcase_add_test(tc, test_param_draws_are_named);
	suite_add_tcase(s, tc);
	return s;
}
