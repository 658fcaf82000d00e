/* Unit tests for lede's search syntax (src/archive/query.c). */
#include "config.h"

#include <ctype.h>

#include "test.h"
#include "archive/query.h"
#include "util/xalloc.h"

/* Stand-in for the tokenizer: a term needs a letter, digit or non-ASCII. */
static int
has_terms(const char *s, size_t len, void *arg)
{
	size_t i;

	for (i = 0; i < len; i++)
		if (isalnum((unsigned char)s[i]) || (unsigned char)s[i] >= 0x80)
			return 1;
	return 0;
}

struct want {
	const char	*in;
	const char	*match;		/* NULL: none */
	const char	*exclude;
};

static void
check_table(const struct want *w, size_t n)
{
	struct query q;
	char *match, *exclude;
	size_t i;

	for (i = 0; i < n; i++) {
		query_parse(w[i].in, &q);
		query_compile(&q, has_terms, NULL, &match, &exclude);
		if ((match == NULL) != (w[i].match == NULL) ||
		    (match != NULL && strcmp(match, w[i].match) != 0) ||
		    (exclude == NULL) != (w[i].exclude == NULL) ||
		    (exclude != NULL && strcmp(exclude, w[i].exclude) != 0)) {
			fprintf(stderr, "query [%s]\n  got:  %s | %s\n"
			    "  want: %s | %s\n", w[i].in,
			    match ? match : "(null)",
			    exclude ? exclude : "(null)",
			    w[i].match ? w[i].match : "(null)",
			    w[i].exclude ? w[i].exclude : "(null)");
			test_case_failed = 1;
		}
		free(match);
		free(exclude);
		query_release(&q);
	}
}

static void
words_and_phrases(void)
{
	static const struct want w[] = {
		{ "protest", "\"protest\"", NULL },
		{ "  protest   Gaza ", "\"protest\" AND \"Gaza\"", NULL },
		{ "\"peace talks\"", "\"peace talks\"", NULL },
		{ "\"unterminated phrase", "\"unterminated phrase\"", NULL },
		{ "prot*", "\"prot\" *", NULL },
		{ "\"peace tal\"*", "\"peace tal\" *", NULL },
		{ "a OR b", "(\"a\" OR \"b\")", NULL },
		{ "x a OR b OR c y", "\"x\" AND (\"a\" OR \"b\" OR \"c\") AND \"y\"",
		    NULL },
		{ "a -b", "(\"a\") NOT (\"b\")", NULL },
		{ "a -b -\"c d\"", "(\"a\") NOT (\"b\" OR \"c d\")", NULL },
		{ "-b", NULL, "\"b\"" },
		{ "-b -c", NULL, "\"b\" OR \"c\"" },
		{ "title:gaza", "title : \"gaza\"", NULL },
		{ "author:\"Jane Doe\" ceasefire",
		    "author : \"Jane Doe\" AND \"ceasefire\"", NULL },
		{ "-title:x y", "(\"y\") NOT (title : \"x\")", NULL },
	};

	check_table(w, sizeof w / sizeof w[0]);
}

/* Whatever is typed, only quoted strings reach FTS5. */
static void
hostile_input(void)
{
	static const struct want w[] = {
		{ "", NULL, NULL },
		{ "   ", NULL, NULL },
		{ "C++", "\"C++\"", NULL },
		{ "multi-agent", "\"multi-agent\"", NULL },
		{ "don't", "\"don't\"", NULL },
		{ "foo\"bar", "\"foo\"\"bar\"", NULL },
		{ "\"", NULL, NULL },
		{ "(", NULL, NULL },
		{ "*", NULL, NULL },
		{ "-", NULL, NULL },
		{ "--x", "\"--x\"", NULL },
		{ "^x", "\"^x\"", NULL },
		{ "NEAR", "\"NEAR\"", NULL },
		{ "AND", "\"AND\"", NULL },
		{ "NOT x", "\"NOT\" AND \"x\"", NULL },
		{ "OR", NULL, NULL },
		{ "OR x", "\"x\"", NULL },
		{ "x OR", "\"x\"", NULL },
		{ "x OR -y", "(\"x\") NOT (\"y\")", NULL },
		{ "a:b", "\"a:b\"", NULL },
		{ "title:", "\"title:\"", NULL },
		{ "{title}:x", "\"{title}:x\"", NULL },
		{ "x ( y", "\"x\" AND \"y\"", NULL },
		{ "x OR ( y", "\"x\" AND \"y\"", NULL },
	};

	check_table(w, sizeof w / sizeof w[0]);
}

static void
filters(void)
{
	struct query q;
	char *m, *e;

	query_parse("source:Reuters date:2025-01..2025-03 gaza", &q);
	CHECK_STR(q.source, "Reuters");
	CHECK_STR(q.since, "2025-01");
	CHECK_STR(q.until, "2025-03");
	query_compile(&q, has_terms, NULL, &m, &e);
	CHECK_STR(m, "\"gaza\"");
	CHECK(e == NULL);
	free(m);
	query_release(&q);

	query_parse("date:2025-03", &q);
	CHECK_STR(q.since, "2025-03");
	CHECK_STR(q.until, "2025-03");
	CHECK_INT(q.nterms, 0);
	query_release(&q);

	query_parse("date:..2025 source:\"Al Jazeera\"", &q);
	CHECK(q.since == NULL);
	CHECK_STR(q.until, "2025");
	CHECK_STR(q.source, "Al Jazeera");
	query_release(&q);

	query_parse("date:2024-02-29..", &q);
	CHECK_STR(q.since, "2024-02-29");
	CHECK(q.until == NULL);
	query_release(&q);

	/* Not a date: searched as text. */
	query_parse("date:soon", &q);
	CHECK(q.since == NULL && q.until == NULL);
	CHECK_INT(q.nterms, 1);
	CHECK_STR(q.terms[0].text, "date:soon");
	query_release(&q);
	query_parse("date:2025-13", &q);
	CHECK_INT(q.nterms, 1);
	query_release(&q);
	query_parse("date:..", &q);
	CHECK_INT(q.nterms, 1);
	query_release(&q);
	query_parse("-source:Wire -date:2025 x", &q);
	CHECK(q.source == NULL);
	CHECK_STR(q.not_source, "Wire");
	CHECK_INT(q.nterms, 2);
	CHECK_STR(q.terms[0].text, "date:2025");
	CHECK(q.terms[0].negated);
	query_release(&q);
	query_parse("DATE:2025 Title:x", &q);
	CHECK_STR(q.since, "2025");
	CHECK_INT(q.nterms, 1);
	CHECK_STR(q.terms[0].column, "title");
	query_release(&q);
}

static void
limits(void)
{
	struct query q;
	char *big, *m, *e;
	size_t i;

	/* 10,000 characters: capped at QUERY_MAX_TERMS terms. */
	big = xmalloc(10001);
	for (i = 0; i < 10000; i++)
		big[i] = i % 5 == 4 ? ' ' : 'a' + (char)(i % 7);
	big[10000] = '\0';
	query_parse(big, &q);
	CHECK_INT(q.nterms, QUERY_MAX_TERMS);
	CHECK(q.truncated);
	query_compile(&q, has_terms, NULL, &m, &e);
	CHECK(m != NULL);
	free(m);
	free(e);
	query_release(&q);
	/* One 10,000-character word: cut to QUERY_MAX_TERM_BYTES. */
	memset(big, 'x', 10000);
	query_parse(big, &q);
	CHECK_INT(q.nterms, 1);
	CHECK_INT(strlen(q.terms[0].text), QUERY_MAX_TERM_BYTES);
	CHECK(q.truncated);
	query_release(&q);
	/* Cut at a character: 2-byte letters from an odd offset. */
	big[0] = 'x';
	for (i = 1; i + 1 < 10000; i += 2) {
		big[i] = '\xD9';
		big[i + 1] = '\x85';
	}
	big[9999] = '\0';
	query_parse(big, &q);
	CHECK_INT(strlen(q.terms[0].text), QUERY_MAX_TERM_BYTES - 1);
	query_release(&q);
	free(big);
	query_parse(NULL, &q);
	CHECK_INT(q.nterms, 0);
	query_release(&q);
}

int
main(void)
{
	test_init();
	TEST_RUN(words_and_phrases);
	TEST_RUN(hostile_input);
	TEST_RUN(filters);
	TEST_RUN(limits);
	return test_done();
}
