/*
 * The side panel's month chart: which TIMEX values land on which month,
 * how months are binned (months, quarters, years, sparse years), and the
 * block characters of the bars and the sparkline.
 */
#include "config.h"

#include <stdlib.h>

#include "test.h"
#include "tui/chart.h"

#define M(y, m)	((y) * 12 + (m) - 1)

static void
test_month(void)
{
	CHECK_INT(chart_month("2025-01-11"), M(2025, 1));
	CHECK_INT(chart_month("2024-04"), M(2024, 4));
	CHECK_INT(chart_month("2025-05-04T07:00"), M(2025, 5));
	CHECK_INT(chart_month("2025-05-04TMO"), M(2025, 5));
	CHECK_INT(chart_month("2025-12-31"), M(2025, 12));
	/* ISO weeks: the month of their Thursday. */
	CHECK_INT(chart_month("2025-W01"), M(2025, 1));	/* Thu 2 Jan */
	CHECK_INT(chart_month("2025-W10"), M(2025, 3));	/* Thu 6 Mar */
	CHECK_INT(chart_month("2026-W01"), M(2026, 1));	/* Thu 1 Jan */
	CHECK_INT(chart_month("2020-W53"), M(2020, 12));	/* Thu 31 Dec */
	CHECK_INT(chart_month("2024-W09"), M(2024, 2));	/* Thu 29 Feb */
	CHECK_INT(chart_month("2025-W10-WE"), M(2025, 3));
	/* No month. */
	CHECK_INT(chart_month(NULL), -1);
	CHECK_INT(chart_month(""), -1);
	CHECK_INT(chart_month("2025"), -1);
	CHECK_INT(chart_month("2025-SU"), -1);
	CHECK_INT(chart_month("2025-Q1"), -1);
	CHECK_INT(chart_month("2025-WI"), -1);
	CHECK_INT(chart_month("2025-W54"), -1);
	CHECK_INT(chart_month("2025-W00"), -1);
	CHECK_INT(chart_month("2025-13"), -1);
	CHECK_INT(chart_month("2025-00-01"), -1);
	CHECK_INT(chart_month("2025-011"), -1);
	CHECK_INT(chart_month("P11D"), -1);
	CHECK_INT(chart_month("PAST_REF"), -1);
	CHECK_INT(chart_month("XXXX-01"), -1);
}

static void
test_build_months(void)
{
	int m[] = { M(2025, 3), M(2025, 1), -1, M(2025, 3), M(2025, 3) };
	struct chart c;
	char label[16];

	chart_build(&c, m, 5, 24);
	CHECK_INT(c.unit, CHART_MONTH);
	CHECK_INT(c.placed, 4);
	CHECK_INT(c.nbins, 3);		/* January, an empty February, March */
	CHECK_INT(c.max, 3);
	CHECK_INT(c.sparse, 0);
	if (c.nbins == 3) {
		CHECK_INT(c.bins[0].count, 1);
		CHECK_INT(c.bins[1].count, 0);
		CHECK_INT(c.bins[2].count, 3);
	}
	chart_label(&c, 0, label, sizeof label);
	CHECK_STR(label, "2025-01");
	chart_label(&c, 2, label, sizeof label);
	CHECK_STR(label, "2025-03");
	CHECK_STR(chart_title(&c), "By month");
	CHECK_INT(chart_bin_of(&c, M(2025, 2)), 1);
	CHECK_INT(chart_bin_of(&c, M(2025, 4)), -1);
	CHECK_INT(chart_bin_of(&c, -1), -1);
	chart_release(&c);
	CHECK_INT(c.nbins, 0);

	/* Nothing on a month: no bins at all. */
	m[0] = m[1] = m[3] = m[4] = -1;
	chart_build(&c, m, 5, 24);
	CHECK_INT(c.nbins, 0);
	CHECK_INT(c.placed, 0);
	CHECK_INT(chart_bin_of(&c, M(2025, 1)), -1);
	chart_release(&c);
	chart_build(&c, NULL, 0, 24);
	CHECK_INT(c.nbins, 0);
	chart_release(&c);
}

static void
test_build_coarser(void)
{
	int q[] = { M(2023, 2), M(2024, 12), M(2024, 11) };
	int y[] = { M(1990, 6), M(2025, 1), M(2024, 1), M(2025, 7) };
	struct chart c;
	char label[16];

	/* 23 months do not fit in 12 bins; 8 quarters do. */
	chart_build(&c, q, 3, 12);
	CHECK_INT(c.unit, CHART_QUARTER);
	CHECK_INT(c.nbins, 8);
	chart_label(&c, 0, label, sizeof label);
	CHECK_STR(label, "2023-Q1");
	chart_label(&c, 7, label, sizeof label);
	CHECK_STR(label, "2024-Q4");
	CHECK_STR(chart_title(&c), "By quarter");
	if (c.nbins == 8)
		CHECK_INT(c.bins[7].count, 2);
	CHECK_INT(c.max, 2);
	chart_release(&c);

	/* 8 quarters in 4 bins: years, with the empty ones. */
	chart_build(&c, q, 3, 4);
	CHECK_INT(c.unit, CHART_YEAR);
	CHECK_INT(c.nbins, 2);
	CHECK_INT(c.sparse, 0);
	chart_label(&c, 1, label, sizeof label);
	CHECK_STR(label, "2024");
	chart_release(&c);

	/* 36 years in 12 bins: only the years with events. */
	chart_build(&c, y, 4, 12);
	CHECK_INT(c.unit, CHART_YEAR);
	CHECK_INT(c.sparse, 1);
	CHECK_INT(c.nbins, 3);
	CHECK_INT(c.max, 2);
	if (c.nbins == 3) {
		CHECK_INT(c.bins[0].count, 1);
		CHECK_INT(c.bins[2].count, 2);
	}
	chart_label(&c, 0, label, sizeof label);
	CHECK_STR(label, "1990");
	CHECK_INT(chart_bin_of(&c, M(2024, 5)), 1);
	CHECK_INT(chart_bin_of(&c, M(2000, 5)), -1);
	chart_release(&c);
}

static void
check_bar(size_t count, size_t max, size_t width, const char *want)
{
	char *s = chart_bar(count, max, width);

	CHECK_STR(s, want);
	free(s);
}

static void
test_bar(void)
{
	check_bar(0, 5, 10, "");
	check_bar(5, 5, 4, "████");
	check_bar(1, 2, 4, "██");
	check_bar(1, 4, 3, "▊");		/* 6/8 of a column */
	check_bar(1, 3, 2, "▋");		/* 5.3/8 rounds to 5 */
	check_bar(3, 4, 3, "██▎");		/* 18/8 */
	check_bar(1, 1000, 10, "▏");		/* never invisible */
	check_bar(9, 5, 2, "██");		/* over the max: full */
	check_bar(1, 1, 0, "");
	check_bar(1, 0, 5, "");
}

static void
test_spark(void)
{
	int m[] = { M(2025, 1), M(2025, 3), M(2025, 3), M(2025, 3),
	    M(2025, 3), M(2025, 3), M(2025, 3), M(2025, 3), M(2025, 3),
	    M(2025, 4), M(2025, 4), M(2025, 4), M(2025, 4) };
	struct chart c;
	char *s;

	chart_build(&c, m, sizeof m / sizeof m[0], 24);
	s = chart_spark(&c);
	/* 1, 0, 8 and 4 of 8: the smallest rounds up to ▁. */
	CHECK_STR(s, "▁ █▄");
	free(s);
	chart_release(&c);
	chart_build(&c, NULL, 0, 24);
	s = chart_spark(&c);
	CHECK_STR(s, "");
	free(s);
	chart_release(&c);
}

int
main(void)
{
	test_init();
	TEST_RUN(test_month);
	TEST_RUN(test_build_months);
	TEST_RUN(test_build_coarser);
	TEST_RUN(test_bar);
	TEST_RUN(test_spark);
	return test_done();
}
