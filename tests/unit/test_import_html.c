/*
 * Unit tests for HTML: import_html_to_text() on fragments (what feeds and
 * newsboat carry) and the saved-page importer (src/import/html.c) on the
 * fixtures in tests/data/import.
 */
#include "config.h"

#include "test.h"
#include "test_import_sink.h"
#include "util/utf8.h"

static void
check_text(const char *html, const char *want, int line)
{
	size_t replaced = 0;
	char *got = import_html_to_text(html, strlen(html), &replaced);

	if (strcmp(got, want) != 0) {
		fprintf(stderr, "%s:%d: import_html_to_text(\"%s\")\n  got:  "
		    "\"%s\"\n  want: \"%s\"\n", __FILE__, line, html, got, want);
		test_case_failed = 1;
	}
	free(got);
}
#define TEXT(html, want) check_text(html, want, __LINE__)

static void
fragments(void)
{
	TEXT("", "");
	TEXT("plain words", "plain words");
	TEXT("<p>One</p><p>Two</p>", "One\n\nTwo");
	TEXT("Hello <b>bold</b> &amp; <i>more</i>", "Hello bold & more");
	TEXT("<p>a\n   b\t\tc</p>", "a b c");
	TEXT("<p>line<br>break<br/>again</p>", "line\nbreak\nagain");
	TEXT("<div><p>nested</p><div>blocks</div></div>", "nested\n\nblocks");
	TEXT("<ul><li>one</li><li>two</li></ul>", "one\n\ntwo");
	TEXT("<h2>Head</h2>text", "Head\n\ntext");
	TEXT("<table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table>",
	    "a b\n\nc");
	TEXT("<pre>x\ty\n  z</pre>", "x\ty\n  z");
	TEXT("<p>a</p><pre>b\n\n\n\nc\n</pre><p>d</p>", "a\n\nb\n\nc\n\nd");
	TEXT("&#1593;&#1606;&#1576; &eacute;&nbsp;x",
	    "\xD8\xB9\xD9\x86\xD8\xA8 \xC3\xA9\xC2\xA0x");
}

static void
dropped(void)
{
	TEXT("<p>keep</p><script>var x = 1;</script><style>p{}</style>", "keep");
	TEXT("<nav>menu</nav><p>keep</p><aside>ad</aside><footer>f</footer>",
	    "keep");
	TEXT("<form><label>Email</label><input><button>Go</button></form>text",
	    "text");
	TEXT("<iframe src=\"x\">inner</iframe><noscript>ns</noscript>text", "text");
	TEXT("<a href=\"javascript:alert(1)\">link text</a>", "link text");
	TEXT("<img src=\"file:///etc/passwd\">after", "after");
	TEXT("<figure><img src=a><figcaption>cap</figcaption></figure>", "cap");
}

static void
hostile_fragments(void)
{
	struct buf b = BUF_INIT;
	size_t i, replaced = 0;
	char *t;

	/* 10 000 <br>: bounded, no empty paragraphs piling up. */
	buf_adds(&b, "a");
	for (i = 0; i < 10000; i++)
		buf_adds(&b, "<br>");
	buf_adds(&b, "b");
	t = import_html_to_text(b.data, b.len, NULL);
	CHECK_STR(t, "a\nb");
	free(t);
	buf_reset(&b);
	/* 5000 nested <div>: text kept (flattened), not silently empty. */
	for (i = 0; i < 5000; i++)
		buf_adds(&b, "<div>");
	buf_adds(&b, "deep");
	for (i = 0; i < 5000; i++)
		buf_adds(&b, "</div>");
	t = import_html_to_text(b.data, b.len, NULL);
	CHECK_STR(t, "deep");
	free(t);
	buf_release(&b);
	/* Invalid UTF-8 comes out valid and counted. */
	t = import_html_to_text("<p>bad \xFF\xFE bytes</p>", 18, &replaced);
	CHECK(utf8_valid(t, strlen(t)));
	CHECK(replaced >= 1);
	free(t);
	/* NUL inside: no truncation at the NUL. */
	t = import_html_to_text("<p>a\0b</p>", 10, NULL);
	CHECK(strstr(t, "b") != NULL);
	free(t);
}

static void
page(void)
{
	struct collect c;
	struct article *a;
	char *cause;

	CHECK_INT(collect_file(&c, "page.html", &cause), 1);
	CHECK_STR(cause, NULL);
	if (c.n != 1)
		goto out;
	a = c.a[0];
	CHECK_STR(a->title, "Syria\xE2\x80\x99s neighbours unite against the "
	    "Islamic State");
	CHECK_STR(a->source, "Enab Baladi");
	CHECK_STR(a->source_url, "https://english.enabbaladi.net/");
	/* canonical wins over og:url; a profile URL is not an author. */
	CHECK_STR(a->url, "https://english.enabbaladi.net/archives/2025/03/neighbours/");
	CHECK_STR(a->author, "Hussam al-Mahmoud");
	CHECK_STR(a->published, "2025-03-21T07:15:00Z");
	CHECK_STR(a->language, "en");
	CHECK_STR(a->caption, "A high-level Syrian delegation in Amman \xE2\x80\x93 "
	    "March 9, 2025");
	CHECK_STR(a->body, "The threats posed by the Islamic State group remain "
	    "present in Syria.\n\nNeighbouring countries agreed on a joint "
	    "operations centre.\n\nThe meeting will hold a second round in "
	    "Turkey.");
	CHECK_INT(c.nproblems, 0);
out:
	collect_release(&c);
	free(cause);
}

static void
plain_page(void)
{
	struct collect c;
	char *cause;

	CHECK_INT(collect_file(&c, "page-plain.html", &cause), 1);
	if (c.n == 1) {
		CHECK_STR(c.a[0]->title, "Plain page headline");
		CHECK_STR(c.a[0]->published, "2024-11-05");
		CHECK(strstr(c.a[0]->body, "First paragraph of a page") != NULL);
		CHECK(strstr(c.a[0]->body, "an & entity and\xC2\xA0" "a no-break")
		    != NULL);
		CHECK(strstr(c.a[0]->body, "Home") == NULL);
		CHECK(strstr(c.a[0]->body, "Contact us") == NULL);
		CHECK_STR(c.a[0]->source, NULL);
	}
	collect_release(&c);
	free(cause);
}

static void
latin1_page(void)
{
	struct collect c;
	char *cause;

	CHECK_INT(collect_file(&c, "page-latin1.html", &cause), 1);
	if (c.n == 1) {
		CHECK_STR(c.a[0]->title, "Caf\xC3\xA9");
		CHECK_STR(c.a[0]->body, "\xC2\xA3" "100 for a caf\xC3\xA9 cr\xC3\xA8me.");
	}
	collect_release(&c);
	free(cause);
}

static void
deep_and_empty_pages(void)
{
	struct collect c;
	char *cause;

	CHECK_INT(collect_file(&c, "page-deep.html", &cause), 1);
	if (c.n == 1)
		CHECK_STR(c.a[0]->body, "Deep text.");
	CHECK(strstr(buf_str(&c.problems), "page structure lost") != NULL);
	collect_release(&c);
	free(cause);
	CHECK_INT(collect_file(&c, "page-empty.html", &cause), -1);
	CHECK_STR(cause, "no article text found in the page");
	collect_release(&c);
	free(cause);
}

int
main(void)
{
	test_init();
	TEST_RUN(fragments);
	TEST_RUN(dropped);
	TEST_RUN(hostile_fragments);
	TEST_RUN(page);
	TEST_RUN(plain_page);
	TEST_RUN(latin1_page);
	TEST_RUN(deep_and_empty_pages);
	return test_done();
}
