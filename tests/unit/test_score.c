/* Unit tests for the evaluation scorer (src/extract/score.c). */
#include "config.h"

#include "test.h"
#include "extract/score.h"

static int
near(double a, double b)
{
	return a - b < 1e-9 && b - a < 1e-9;
}

static void
tempeval_relaxed_strict_value(void)
{
	struct extract_scored gold[] = {
		{ 0, 10, 0, "2025-01-11" },	/* exact, right value */
		{ 20, 30, 0, "P11D" },		/* overlap, wrong value */
		{ 40, 50, 0, "2024" },		/* missed */
	};
	struct extract_scored pred[] = {
		{ 0, 10, 0, "2025-01-11" },
		{ 25, 35, 0, "P10D" },
		{ 60, 70, 0, "2023" },		/* spurious */
	};
	struct extract_tally t;

	memset(&t, 0, sizeof t);
	extract_score_add(&t, gold, 3, pred, 3);
	CHECK_INT(t.relaxed, 2);
	CHECK_INT(t.strict, 1);
	CHECK_INT(t.value, 1);
	CHECK(near(extract_score_relaxed_f1(&t), 2.0 / 3));
	CHECK(near(extract_score_strict_f1(&t), 1.0 / 3));
	CHECK(near(extract_score_value_f1(&t), 0.5 * 2.0 / 3));
}

static void
one_prediction_matches_one_gold(void)
{
	struct extract_scored gold[] = { { 0, 5, 0, NULL }, { 6, 10, 0, NULL } };
	struct extract_scored pred[] = { { 0, 10, 0, NULL } };
	struct extract_tally t;

	memset(&t, 0, sizeof t);
	extract_score_add(&t, gold, 2, pred, 1);
	CHECK_INT(t.relaxed, 1);
	CHECK_INT(t.strict, 0);
}

static void
conll_exact_typed(void)
{
	struct extract_scored gold[] = {
		{ 0, 2, 0, NULL }, { 3, 4, 2, NULL }, { 5, 7, 1, NULL },
	};
	struct extract_scored pred[] = {
		{ 0, 2, 0, NULL },	/* right */
		{ 3, 4, 1, NULL },	/* wrong type */
		{ 5, 6, 1, NULL },	/* wrong extent */
	};
	struct extract_tally t;

	memset(&t, 0, sizeof t);
	extract_score_add(&t, gold, 3, pred, 3);
	CHECK_INT(t.exact, 1);
	CHECK(near(extract_score_exact_f1(&t), 1.0 / 3));
	CHECK(near(extract_score_f1(0, 0, 3), 0));
}

int
main(void)
{
	test_init();
	TEST_RUN(tempeval_relaxed_strict_value);
	TEST_RUN(one_prediction_matches_one_gold);
	TEST_RUN(conll_exact_typed);
	return test_done();
}
