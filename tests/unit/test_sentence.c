/* Unit tests for the tokeniser and sentence splitter (src/extract). */
#include "config.h"

#include "test.h"
#include "extract/extract.h"
#include "extract/extract_int.h"

/* Split text and compare the sentences with want[] (NULL-terminated). */
static int
split_is(const char *text, const char *const *want)
{
	struct extract_span *s;
	size_t n = extract_sentences(text, strlen(text), &s), i;
	int ok = 1;

	for (i = 0; want[i] != NULL; i++) {
		if (i >= n || strlen(want[i]) != s[i].end - s[i].start ||
		    memcmp(text + s[i].start, want[i], strlen(want[i])) != 0) {
			ok = 0;
			break;
		}
	}
	if (ok && n != i)
		ok = 0;
	if (!ok) {
		fprintf(stderr, "  split of \"%s\":\n", text);
		for (i = 0; i < n; i++)
			fprintf(stderr, "    [%.*s]\n",
			    (int)(s[i].end - s[i].start), text + s[i].start);
	}
	free(s);
	return ok;
}

static void
plain_sentences(void)
{
	CHECK(split_is("It rained. The match went on! Why? Nobody knows.",
	    (const char *const[]){ "It rained.", "The match went on!", "Why?",
	    "Nobody knows.", NULL }));
}

static void
abbreviations_do_not_split(void)
{
	CHECK(split_is("Dr. Smith met Gen. Lee on Jan. 5 in St. Louis.",
	    (const char *const[]){ "Dr. Smith met Gen. Lee on Jan. 5 in "
	    "St. Louis.", NULL }));
	CHECK(split_is("The U.S. economy grew 3.5 percent, said J. R. Smith.",
	    (const char *const[]){ "The U.S. economy grew 3.5 percent, said "
	    "J. R. Smith.", NULL }));
	CHECK(split_is("Shares of Apple Inc. rose. The index fell.",
	    (const char *const[]){ "Shares of Apple Inc. rose.",
	    "The index fell.", NULL }));
}

static void
acronym_at_end_splits_before_opener(void)
{
	CHECK(split_is("He moved to the U.S. The move was brief.",
	    (const char *const[]){ "He moved to the U.S.",
	    "The move was brief.", NULL }));
	CHECK(split_is("The U.S. Senate voted.",
	    (const char *const[]){ "The U.S. Senate voted.", NULL }));
}

static void
quotes_stay_with_their_sentence(void)
{
	CHECK(split_is("\"We will win.\" The crowd cheered.",
	    (const char *const[]){ "\"We will win.\"", "The crowd cheered.",
	    NULL }));
	CHECK(split_is("He said \u201cno.\u201d Then he left.",
	    (const char *const[]){ "He said \u201cno.\u201d",
	    "Then he left.", NULL }));
	CHECK(split_is("Wait... and see.",
	    (const char *const[]){ "Wait... and see.", NULL }));
}

static void
arabic_punctuation(void)
{
	/* question mark U+061F and full stop end; comma U+060C does not */
	CHECK(split_is("\u0647\u0644 \u062c\u0627\u0621\u061F "
	    "\u0646\u0639\u0645\u060C \u062c\u0627\u0621. "
	    "\u0634\u0643\u0631\u0627\u06D4 \u0648\u062f\u0627\u0639\u0627!",
	    (const char *const[]){ "\u0647\u0644 \u062c\u0627\u0621\u061F",
	    "\u0646\u0639\u0645\u060C \u062c\u0627\u0621.",
	    "\u0634\u0643\u0631\u0627\u06D4",
	    "\u0648\u062f\u0627\u0639\u0627!", NULL }));
}

static void
line_breaks(void)
{
	CHECK(split_is("Apple releases iPhone\nMarch 06, 2008\n\nDuring a "
	    "media event Apple spoke.",
	    (const char *const[]){ "Apple releases iPhone", "March 06, 2008",
	    "During a media event Apple spoke.", NULL }));
	/* a hard-wrapped paragraph runs on across single newlines */
	CHECK(split_is("The company said on Thursday that its quarterly profit "
	    "from all\nEurope rose.", (const char *const[]){ "The company said on "
	    "Thursday that its quarterly profit from all\nEurope rose.", NULL }));
}

static void
tokens(void)
{
	static const char text[] = "Macron's U.S. trip (3/20/2025) cost "
	    "$1,000.50 -- Anglo-Dutch O'Neil.";
	static const char *const want[] = { "Macron", "'s", "U.S.", "trip",
	    "(", "3/20/2025", ")", "cost", "$", "1,000.50", "--",
	    "Anglo-Dutch", "O'Neil", "." };
	struct extract_toks t = { NULL, 0, 0 };
	size_t i;

	extract_tokenize(text, strlen(text), &t);
	CHECK_INT(t.n, sizeof want / sizeof want[0]);
	for (i = 0; i < t.n && i < sizeof want / sizeof want[0]; i++)
		if (strlen(want[i]) != t.v[i].end - t.v[i].start ||
		    memcmp(text + t.v[i].start, want[i], strlen(want[i])) != 0) {
			fprintf(stderr, "  token %zu: [%.*s] want [%s]\n", i,
			    (int)(t.v[i].end - t.v[i].start), text + t.v[i].start,
			    want[i]);
			CHECK(0);
		}
	CHECK(t.v[2].flags & TOK_ABBR);
	CHECK(t.v[0].flags & TOK_UPPER);
	extract_toks_release(&t);
}

static void
hostile_input_is_bounded(void)
{
	size_t n = 1 << 20, i, ns;
	char *s = malloc(n);
	struct extract_span *sp;

	memset(s, '7', n);
	ns = extract_sentences(s, n, &sp);
	CHECK_INT(ns, 1);
	free(sp);
	for (i = 0; i < n; i++)
		s[i] = i % 2 ? ' ' : 'A';
	ns = extract_sentences(s, n, &sp);
	CHECK(ns >= 1);
	free(sp);
	CHECK_INT(extract_sentences("", 0, &sp), 0);
	CHECK_INT(extract_sentences("  \n\n ", 5, &sp), 0);
	/* invalid UTF-8 and NUL bytes never stop the scan */
	ns = extract_sentences("a\xFF\xFE. B\0c.", 10, &sp);
	CHECK_INT(ns, 2);
	free(sp);
	free(s);
}

int
main(void)
{
	test_init();
	TEST_RUN(plain_sentences);
	TEST_RUN(abbreviations_do_not_split);
	TEST_RUN(acronym_at_end_splits_before_opener);
	TEST_RUN(quotes_stay_with_their_sentence);
	TEST_RUN(arabic_punctuation);
	TEST_RUN(line_breaks);
	TEST_RUN(tokens);
	TEST_RUN(hostile_input_is_bounded);
	return test_done();
}
