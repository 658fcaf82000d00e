/* Unit tests for import_parse_date() and the date guess for plain text. */
#include "config.h"

#include "test.h"
#include "import/import.h"
#include "import/import_int.h"
#include "util/xalloc.h"

static void
check_date(const char *in, const char *want, int line)
{
	char *got = import_parse_date(in);

	if (got == NULL ? want != NULL : want == NULL || strcmp(got, want) != 0) {
		fprintf(stderr, "%s:%d: import_parse_date(\"%s\") = \"%s\", "
		    "want \"%s\"\n", __FILE__, line, in, got ? got : "(null)",
		    want ? want : "(null)");
		test_case_failed = 1;
	}
	free(got);
}
#define DATE(in, want) check_date(in, want, __LINE__)

static void
rfc822(void)
{
	DATE("Sun, 09 Mar 2025 10:00:00 +0300", "2025-03-09T07:00:00Z");
	DATE("Sun, 9 Mar 2025 10:00:00 GMT", "2025-03-09T10:00:00Z");
	DATE("09 Mar 2025 10:00 EST", "2025-03-09T15:00:00Z");
	DATE("Sat, 01 Jan 2000 01:30:00 +0200", "1999-12-31T23:30:00Z");
	DATE("Mon, 31 Dec 2024 23:00:00 -0200", "2025-01-01T01:00:00Z");
	DATE("1 March 2025", "2025-03-01");
	DATE("Tue, 10 Jun 03 09:41:01 GMT", "2003-06-10T09:41:01Z");
	DATE("Thu, 29 Feb 2024 12:00:00 Z", "2024-02-29T12:00:00Z");
	DATE("Wed, 02 Oct 2002 13:00:00 +0000 (UTC)", "2002-10-02T13:00:00Z");
}

static void
iso8601(void)
{
	DATE("2025-03-09", "2025-03-09");
	DATE("2025-03", "2025-03");
	DATE("2025", "2025");
	DATE("2025-03-09T10:00:00+03:00", "2025-03-09T07:00:00Z");
	DATE("2025-03-09T10:00:00.123Z", "2025-03-09T10:00:00Z");
	DATE("2025-03-09 10:00:00", "2025-03-09T10:00:00");
	DATE("  2025-03-09T23:30:00-01:00  ", "2025-03-10T00:30:00Z");
	DATE("2024-12-31T23:59:60Z", "2024-12-31T23:59:59Z");
}

static void
epoch(void)
{
	DATE("1741514400", "2025-03-09T10:00:00Z");
	DATE("86400", "1970-01-02T00:00:00Z");
}

static void
garbage(void)
{
	DATE(NULL, NULL);
	DATE("", NULL);
	DATE("yesterday", NULL);
	DATE("2025-13-01", NULL);
	DATE("2025-02-29", NULL);
	DATE("0000-01-01", NULL);
	DATE("Sun, 09 Mar 2025 10:00:00 +2500", NULL);
	DATE("Sun, 32 Mar 2025 10:00:00 GMT", NULL);
	DATE("Sun, 09 Foo 2025 10:00:00 GMT", NULL);
	DATE("2025-03-09T25:00:00Z", NULL);
	DATE("2025-03-09T10:00:00Z trailing", NULL);
	DATE("99999999999999999999", NULL);
	DATE("12", NULL);
}

static void
infer(void)
{
	char *d, *t;

	d = import_infer_date("held in Jordan - March 9, 2025 (credit)\n"
	    "On March 18, the ministry said. In December 2024 the regime "
	    "fell. Talks resume next April.");
	CHECK_STR(d, "2025-03-18");
	free(d);
	/* A day outside the two months after the anchor does not count. */
	d = import_infer_date("On 9 March 2025 talks began; on January 11 a "
	    "plot was foiled.");
	CHECK_STR(d, "2025-03");
	free(d);
	/* Month and year only. */
	d = import_infer_date("Figures for February 2025 and December 2024.");
	CHECK_STR(d, "2025-02");
	free(d);
	/* Rolling over the year. */
	d = import_infer_date("Published 2024-12-30. By January 3 it was over.");
	CHECK_STR(d, "2025-01-03");
	free(d);
	/* Arabic: the Levantine and Egyptian names, alone or both. */
	d = import_infer_date("ناعورة في حماة - 2 كانون الأول/ديسمبر 2024 "
	    "(مختلق)\nوفي 20 كانون الأول بدأ العمل.");
	CHECK_STR(d, "2024-12-20");
	free(d);
	d = import_infer_date("أرقام شهر فبراير 2025 وديسمبر 2024.");
	CHECK_STR(d, "2025-02");
	free(d);
	/* مارس without a year is the verb "practised"; inside a word,
	   nothing */
	d = import_infer_date("مارس الرياضة. ومارس 2025 كلمة.");
	CHECK_STR(d, NULL);
	free(d);
	d = import_infer_date("No dates here, only March of the penguins.");
	CHECK_STR(d, NULL);
	free(d);
	/* An ISO date cut at the end of the text: no read past its end
	   (found by mutation fuzzing under ASan). */
	t = xstrdup("as of 2025-0");
	d = import_infer_date(t);
	CHECK_STR(d, NULL);
	free(d);
	free(t);
}

int
main(void)
{
	test_init();
	TEST_RUN(rfc822);
	TEST_RUN(iso8601);
	TEST_RUN(epoch);
	TEST_RUN(garbage);
	TEST_RUN(infer);
	return test_done();
}
