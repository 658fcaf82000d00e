/*
 * Unit tests for search over a real archive: lede's query syntax end to
 * end (no input may cause an FTS5 error), English inflections, Arabic
 * spelling variants, snippets and their markers, relevance order, and a
 * timing of a bulk import (printed, never asserted).
 */
#include "config.h"

#include <time.h>

#include "test.h"
#include "test_archive.h"

static struct archive *ar;
static int64_t id_protest, id_arabic, id_cpp, id_forge, id_old;

static void
add(const char *source, const char *title, const char *author,
    const char *published, const char *body, int64_t *id)
{
	static int n;
	char guid[32];
	struct article *art;

	snprintf(guid, sizeof guid, "s%d", ++n);
	art = test_article(source, guid, NULL, title, published, body);
	article_set(&art->author, author);
	CHECK_INT(test_put(ar, art, id), ARCHIVE_INSERTED);
	article_free(art);
}

static void
setup(void)
{
	char *path = test_path("search.db"), *cause = NULL;

	if ((ar = archive_open(path, 0, &cause)) == NULL) {
		fprintf(stderr, "%s\n", cause);
		exit(99);
	}
	free(path);
	add("Wire", "Protesters gather downtown", "Jane Doe", "2025-03-01",
	    "Thousands were protesting the new law. The protest was calm.",
	    &id_protest);
	add("Wire", "Harbour reopens", "John Roe", "2025-02-01",
	    "The harbour reopened after the storm. Ships returned.", NULL);
	/* Arabic with harakat, tatweel and hamza forms. */
	add("Arabiya", "\u0623\u062E\u0628\u0627\u0631", NULL, "2025-01-15",
	    "\u0643\u064E\u062A\u064E\u0628\u064E \u0627\u0644\u0645\u0640\u0640"
	    "\u062F\u064A\u0631 \u0625\u0644\u0649 \u0627\u0644\u0645\u062F"
	    "\u0631\u0633\u0629", &id_arabic);
	add("Tech", "C++ multi-agent systems", "A. Coder", "2024-12-01",
	    "Don't write C++ like C. Multi-agent systems need care.", &id_cpp);
	add("Tech", "Forged", NULL, "2024-11-01",
	    "Evil \x02text\x03 tries to forge markers around storm here.",
	    &id_forge);
	add("Old", "Old storm", NULL, "1999", "A storm in 1999.", &id_old);
	add("Zh", "\u65B0\u95FB", NULL, "1998", "\u6211\u4EEC\u5B66\u4E60"
	    "\u4E2D\u6587\u3002 caf\u00E9", NULL);
}

static int64_t
count(const char *q)
{
	struct archive_filter f = { .query = q };
	char *cause = NULL;
	int64_t n = archive_count(ar, &f, &cause);

	if (n < 0) {
		fprintf(stderr, "count [%s]: %s\n", q, cause);
		free(cause);
	}
	return n;
}

/* The ids of the first page, newest first, as "id,id,". */
static const char *
ids(const char *q, enum archive_order order)
{
	static char out[256];
	struct archive_filter f = { .query = q, .order = order };
	struct archive_page p;
	char *cause = NULL;
	size_t i, len = 0;

	out[0] = '\0';
	if (archive_list(ar, &f, 0, 0, 20, 1, &p, &cause) != 0) {
		snprintf(out, sizeof out, "error: %s", cause);
		free(cause);
		return out;
	}
	for (i = 0; i < p.nrows && len < sizeof out - 24; i++)
		len += snprintf(out + len, sizeof out - len, "%lld,",
		    (long long)p.rows[i].id);
	archive_page_release(&p);
	return out;
}

static void
odd_inputs_never_fail(void)
{
	static const char *inputs[] = {
		"", " ", "C++", "multi-agent", "don't", "foo\"bar", "\"",
		"\"unterminated", "(", ")", "*", "**", "^x", "NEAR", "AND", "OR",
		"NOT", "NOT x", "a:b", "-x", "-", "--", "{body}:x", "NEAR(a b)",
		"title:", "source:", "date:", "date:2025-99", "x OR OR y",
		"\xff\xfe", "\u2014", "'", "\\", "%", "_", "a\tb", "\u064E",
		"col:x", "rank:1", "*x", "x**", "-\"\"", "\"\"*",
	};
	struct archive_filter f = { 0 };
	struct archive_page p;
	char *cause, *big;
	size_t i;

	for (i = 0; i < sizeof inputs / sizeof inputs[0]; i++) {
		cause = NULL;
		f.query = inputs[i];
		if (archive_list(ar, &f, 0, 0, 10, 1, &p, &cause) != 0) {
			fprintf(stderr, "query [%s]: %s\n", inputs[i], cause);
			test_case_failed = 1;
			free(cause);
			continue;
		}
		archive_page_release(&p);
		f.order = ARCHIVE_RELEVANCE;
		if (archive_list(ar, &f, 0, 0, 10, 1, &p, &cause) != 0) {
			fprintf(stderr, "ranked [%s]: %s\n", inputs[i], cause);
			test_case_failed = 1;
			free(cause);
		} else
			archive_page_release(&p);
		f.order = ARCHIVE_NEWEST;
		if (count(inputs[i]) < 0)
			test_case_failed = 1;
	}
	/* 10,000 characters of words and of punctuation. */
	big = xmalloc(10001);
	for (i = 0; i < 10000; i++)
		big[i] = "storm (\"*-:^"[i % 12];
	big[10000] = '\0';
	CHECK(count(big) >= 0);
	memset(big, 'x', 10000);
	CHECK_INT(count(big), 0);
	free(big);
	/* Notes for the status line. */
	{
		char *note;

		CHECK(archive_query_note(ar, "storm") == NULL);
		CHECK(archive_query_note(ar, "") == NULL);
		CHECK(archive_query_note(ar, "source:Tech") == NULL);
		note = archive_query_note(ar, "( * \"\"");
		CHECK(note != NULL && strstr(note, "nothing") != NULL);
		free(note);
		big = xmalloc(1000);
		for (i = 0; i < 999; i++)
			big[i] = i % 2 ? ' ' : 'a' + i % 26;
		big[999] = '\0';
		note = archive_query_note(ar, big);
		CHECK(note != NULL && strstr(note, "cut") != NULL);
		free(note);
		free(big);
	}
	/* Defined results. */
	CHECK_INT(count(""), 7);
	CHECK_INT(count("("), 0);
	CHECK_INT(count("*"), 0);
	CHECK_INT(count("C++"), 1);
	CHECK_INT(count("multi-agent"), 1);
	CHECK_INT(count("don't"), 1);
	CHECK_INT(count("NEAR"), 0);
}

/* Random queries from the characters FTS5 gives meaning to. */
static void
random_queries(void)
{
	static const char *bits[] = {
		"\"", "*", "-", "(", ")", ":", "^", "{", "}", "+", ",", " ",
		" ", " ", "NEAR", "NEAR/2", "OR", "AND", "NOT", "storm", "harb",
		"title", "source", "date", "2025", "..", "\u0643\u062A\u0628",
		"\u064E", "\u4E2D", "'", "\\", "\t", "\xC3", "\xFF", "rowid",
		"rank", "articles_fts", "=",
	};
	char q[256];
	unsigned seed = 12345;
	size_t len;
	int i, j, fails = 0;

	for (i = 0; i < 3000; i++) {
		len = 0;
		q[0] = '\0';
		for (j = 0; j < 1 + i % 12; j++) {
			seed = seed * 1103515245 + 12345;
			len += snprintf(q + len, sizeof q - len, "%s",
			    bits[(seed >> 16) % (sizeof bits / sizeof bits[0])]);
			if (len >= sizeof q - 16)
				break;
		}
		if (count(q) < 0 && fails++ < 5)
			fprintf(stderr, "  query: [%s]\n", q);
		if (i % 5 == 0) {
			struct archive_filter f = { .query = q,
			    .order = i % 10 ? ARCHIVE_RELEVANCE : ARCHIVE_NEWEST };
			struct archive_page p;
			char *cause = NULL;

			if (archive_list(ar, &f, 0, 0, 5, 1, &p, &cause) != 0) {
				if (fails++ < 5)
					fprintf(stderr, "  list [%s]: %s\n", q,
					    cause);
				free(cause);
			} else
				archive_page_release(&p);
		}
	}
	CHECK_INT(fails, 0);
}

static void
syntax(void)
{
	char want[64];

	CHECK_INT(count("storm"), 3);
	CHECK_INT(count("storm harbour"), 1);
	CHECK_INT(count("storm OR protest"), 4);
	CHECK_INT(count("storm -harbour"), 2);
	CHECK_INT(count("-storm"), 4);
	CHECK_INT(count("-storm -protest"), 3);
	CHECK_INT(count("\"protest was calm\""), 1);
	CHECK_INT(count("\"calm was protest\""), 0);
	CHECK_INT(count("harb*"), 1);
	CHECK_INT(count("title:storm"), 1);
	CHECK_INT(count("title:harbour"), 1);
	CHECK_INT(count("author:doe"), 1);
	CHECK_INT(count("author:storm"), 0);
	CHECK_INT(count("source:Tech storm"), 1);
	CHECK_INT(count("source:tech"), 2);
	CHECK_INT(count("-source:tech"), 5);
	CHECK_INT(count("storm -source:Old"), 2);
	CHECK_INT(count("date:2025"), 3);
	CHECK_INT(count("date:2025-01..2025-02"), 2);
	CHECK_INT(count("date:..2024"), 4);
	CHECK_INT(count("storm date:..2000"), 1);
	CHECK_INT(count("date:2026.."), 0);
	/* Newest first, streamed by the FTS rowid. */
	snprintf(want, sizeof want, "%lld,%lld,", (long long)id_forge,
	    (long long)id_old);
	CHECK_STR(ids("storm -harbour", ARCHIVE_NEWEST), want);
	snprintf(want, sizeof want, "%lld,%lld,", (long long)id_old,
	    (long long)id_forge);
	CHECK_STR(ids("storm -harbour", ARCHIVE_OLDEST), want);
}

static void
inflections(void)
{
	CHECK_INT(count("protest"), 1);
	CHECK_INT(count("protesters"), 1);
	CHECK_INT(count("protesting"), 1);
	CHECK_INT(count("Protested"), 1);
	CHECK_INT(count("reopening"), 1);
	CHECK_INT(count("ship"), 1);
}

static void
arabic(void)
{
	/* kataba without marks, with marks */
	CHECK_INT(count("\u0643\u062A\u0628"), 1);
	CHECK_INT(count("\u0643\u064E\u062A\u064E\u0628\u064E"), 1);
	/* al-mudir without the tatweel the text has */
	CHECK_INT(count("\u0627\u0644\u0645\u062F\u064A\u0631"), 1);
	/* ila typed with a plain alef and a ya */
	CHECK_INT(count("\u0627\u0644\u064A"), 1);
	/* al-madrasa typed with heh for teh marbuta */
	CHECK_INT(count("\u0627\u0644\u0645\u062F\u0631\u0633\u0647"), 1);
	/* title with hamza, searched without */
	CHECK_INT(count("title:\u0627\u062E\u0628\u0627\u0631"), 1);
	CHECK_INT(count("\u0643\u062A\u0627\u0628"), 0);
	/* the light stemmer: madrasa without the article, mudir with wa- */
	CHECK_INT(count("\u0645\u062F\u0631\u0633\u0629"), 1);
	CHECK_INT(count("\u0648\u0627\u0644\u0645\u062F\u064A\u0631"), 1);
}

/* Other scripts: CJK inside runs, accents folded. */
static void
other_scripts(void)
{
	CHECK_INT(count("\u4E2D\u6587"), 1);
	CHECK_INT(count("\u6587"), 1);
	CHECK_INT(count("\u5B66\u4E2D"), 0);
	CHECK_INT(count("\u65B0\u95FB"), 1);
	CHECK_INT(count("cafe"), 1);
	CHECK_INT(count("CAF\u00C9"), 1);
}

static void
snippets(void)
{
	struct archive_filter f = { .query = "protesters" };
	struct archive_page p;
	char *cause = NULL;
	const char *s;

	CHECK_INT(archive_list(ar, &f, 0, 0, 10, 1, &p, &cause), 0);
	CHECK_INT(p.nrows, 1);
	if (p.nrows == 1) {
		s = p.rows[0].snippet;
		CHECK(s != NULL);
		CHECK_STR(s, "Thousands were \x02protesting\x03 the new law. "
		    "The \x02protest\x03 was calm.");
	}
	archive_page_release(&p);
	/* Markers in the text are dropped, only matches are marked. */
	f.query = "forge";
	CHECK_INT(archive_list(ar, &f, 0, 0, 10, 1, &p, &cause), 0);
	CHECK_INT(p.nrows, 1);
	if (p.nrows == 1)
		CHECK_STR(p.rows[0].snippet, "Evil text tries to \x02" "forge\x03"
		    " markers around storm here.");
	archive_page_release(&p);
	/* A title-only match shows the title. */
	f.query = "title:gather";
	CHECK_INT(archive_list(ar, &f, 0, 0, 10, 1, &p, &cause), 0);
	if (p.nrows == 1)
		CHECK_STR(p.rows[0].snippet, "Protesters \x02gather\x03 downtown");
	archive_page_release(&p);
	/* No snippets unless asked. */
	f.query = "storm";
	CHECK_INT(archive_list(ar, &f, 0, 0, 10, 0, &p, &cause), 0);
	CHECK(p.nrows > 0 && p.rows[0].snippet == NULL);
	archive_page_release(&p);
}

static void
long_snippet_window(void)
{
	struct archive_filter f = { .query = "needle" };
	struct archive_page p;
	char *body, *cause = NULL;
	size_t i, len;
	int64_t id;

	body = xmalloc(5000);
	len = 0;
	for (i = 0; i < 200; i++)
		len += snprintf(body + len, 5000 - len, "word%zu ", i);
	snprintf(body + len, 5000 - len, "the needle is here. ");
	add("Long", "Long", NULL, "2020-01-01", body, &id);
	CHECK_INT(archive_list(ar, &f, 0, 0, 10, 1, &p, &cause), 0);
	CHECK_INT(p.nrows, 1);
	if (p.nrows == 1) {
		const char *s = p.rows[0].snippet;

		CHECK(s != NULL && strlen(s) <= 200 + 8);
		CHECK(s != NULL && strncmp(s, "\xE2\x80\xA6", 3) == 0);
		CHECK(s != NULL && strstr(s, "\x02needle\x03") != NULL);
	}
	archive_page_release(&p);
	free(body);
}

static void
relevance(void)
{
	char want[64];

	/* Title weighs most: the story titled "Old storm" ranks first. */
	snprintf(want, sizeof want, "%lld,", (long long)id_old);
	CHECK(strncmp(ids("storm", ARCHIVE_RELEVANCE), want, strlen(want)) == 0);
	/* Paging by offset. */
	{
		struct archive_filter f = { .query = "storm",
		    .order = ARCHIVE_RELEVANCE };
		struct archive_page p;
		char *cause = NULL;

		CHECK_INT(archive_list(ar, &f, 1, 0, 10, 0, &p, &cause), 0);
		CHECK_INT(p.nrows, 2);
		archive_page_release(&p);
		CHECK_INT(archive_list(ar, &f, 0, 1, 2, 0, &p, &cause), 0);
		CHECK_INT(p.nrows, 2);
		archive_page_release(&p);
		/* Without a query: newest first, still paged by offset. */
		f.query = NULL;
		CHECK_INT(archive_list(ar, &f, 2, 0, 100, 0, &p, &cause), 0);
		CHECK_INT(p.nrows, (int64_t)archive_total(ar) - 2);
		archive_page_release(&p);
		CHECK_INT(archive_position(ar, &f, 1, &cause), -1);
		free(cause);
		cause = NULL;
		/* Ranked with filters that FTS5 and the join apply. */
		f.query = "storm date:..2024 -source:Old";
		CHECK_INT(archive_list(ar, &f, 0, 0, 100, 1, &p, &cause), 0);
		CHECK_INT(p.nrows, 1);
		if (p.nrows == 1) {
			CHECK_INT(p.rows[0].id, id_forge);
			CHECK(p.rows[0].rank < 0);
			CHECK(p.rows[0].snippet != NULL);
		}
		archive_page_release(&p);
	}
}

/* Not a test of speed: prints the rate for bench/ notes. */
static void
bulk_import_rate(void)
{
	static const char *words[] = {
		"government", "minister", "protest", "election", "harbour",
		"storm", "talks", "ceasefire", "report", "officials", "said",
		"city", "police", "court", "ruling", "market", "prices", "water",
		"school", "hospital", "border", "trade", "energy", "climate",
	};
	struct archive *bulk;
	struct article *art;
	struct timespec t0, t1;
	char *path = test_path("bulk.db"), *cause = NULL, title[64], date[16];
	char *body = xmalloc(4096);
	int i, j, n = 2000;
	size_t len;
	double secs;
	unsigned seed = 1;

	if (getenv("LEDE_BENCH_N") != NULL)
		n = atoi(getenv("LEDE_BENCH_N"));
	if ((bulk = archive_open(path, ARCHIVE_BULK, &cause)) == NULL) {
		fprintf(stderr, "%s\n", cause);
		test_case_failed = 1;
		return;
	}
	clock_gettime(CLOCK_MONOTONIC, &t0);
	CHECK_INT(archive_begin(bulk, &cause), 0);
	for (i = 0; i < n; i++) {
		len = 0;
		for (j = 0; j < 450 && len < 3000; j++) {
			seed = seed * 1103515245 + 12345;
			len += snprintf(body + len, 4096 - len, "%s%s",
			    words[(seed >> 16) % 24], j % 12 == 11 ? ". " : " ");
		}
		snprintf(title, sizeof title, "Synthetic %d", i);
		snprintf(date, sizeof date, "20%02d-%02d-%02d", 10 + i % 15,
		    1 + i % 12, 1 + i % 28);
		art = test_article("Bench", NULL, NULL, title, date, body);
		if (archive_put(bulk, art, NULL, NULL, &cause) != ARCHIVE_INSERTED)
			test_case_failed = 1;
		article_free(art);
	}
	CHECK_INT(archive_commit(bulk, &cause), 0);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	secs = (t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9;
	printf("# bulk import: %d articles of ~3 KB in %.2f s = %.0f/s\n", n,
	    secs, n / secs);
	{
		struct archive_filter f = { .query = "storm harbour" };
		struct archive_page p;

		int snip;

		for (snip = 0; snip < 2; snip++) {
			clock_gettime(CLOCK_MONOTONIC, &t0);
			CHECK_INT(archive_list(bulk, &f, 0, 0, 50, snip, &p,
			    &cause), 0);
			clock_gettime(CLOCK_MONOTONIC, &t1);
			printf("# newest 50 of a common query, %s snippets: "
			    "%.2f ms\n", snip ? "with" : "without",
			    ((t1.tv_sec - t0.tv_sec) * 1e9 + (t1.tv_nsec -
			    t0.tv_nsec)) / 1e6);
			CHECK_INT(p.nrows, 50);
			archive_page_release(&p);
		}
	}
	archive_close(bulk);
	free(body);
	free(path);
}

int
main(void)
{
	test_init();
	test_dir_make();
	setup();
	TEST_RUN(odd_inputs_never_fail);
	TEST_RUN(random_queries);
	TEST_RUN(syntax);
	TEST_RUN(inflections);
	TEST_RUN(arabic);
	TEST_RUN(other_scripts);
	TEST_RUN(snippets);
	TEST_RUN(long_snippet_window);
	TEST_RUN(relevance);
	TEST_RUN(bulk_import_rate);
	archive_close(ar);
	return test_done();
}
