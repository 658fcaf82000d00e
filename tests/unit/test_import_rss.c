/*
 * Unit tests for the RSS/Atom importer (src/import/feed.c) on the fixtures
 * in tests/data/import: field mapping for RSS 2.0, RSS 1.0 and Atom, and
 * the hostile cases (entity declarations, external DTD, truncation, deep
 * nesting, bad encodings, non-feeds).
 */
#include "config.h"

#include "test.h"
#include <libxml/parser.h>
#include <libxml/HTMLparser.h>

#include "test_import_sink.h"
#include "import/import_int.h"

static void
rss2(void)
{
	struct collect c;
	char *cause;
	struct article *a;

	CHECK_INT(collect_file(&c, "rss2.xml", &cause), 3);
	CHECK_STR(cause, NULL);
	CHECK_INT(c.n, 3);
	if (c.n != 3)
		goto out;
	a = c.a[0];
	CHECK_STR(a->title, "Syria\xE2\x80\x99s neighbours meet in Amman");
	CHECK_STR(a->source, "Enab Baladi");
	CHECK_STR(a->source_url, "https://english.enabbaladi.net/");
	CHECK_STR(a->url, "https://english.enabbaladi.net/archives/2025/03/neighbours/");
	CHECK_STR(a->guid, "https://english.enabbaladi.net/?p=175001");
	CHECK_STR(a->published, "2025-03-09T07:00:00Z");
	CHECK_STR(a->author, "Hussam al-Mahmoud");
	CHECK_STR(a->language, "en");
	/* content:encoded wins over description; script, style, nav, aside,
	   form and footer are gone; <br> is a line break. */
	CHECK_STR(a->body, "The threats posed by the Islamic State group "
	    "remain.\n\nSecond paragraph,\nwith a break & an entity.");
	CHECK(strstr(a->origin, "rss2.xml:10") != NULL);
	/* Media RSS description as the caption. */
	CHECK_STR(a->caption, "A delegation in Amman");
	a = c.a[1];
	CHECK_STR(a->title, "Only a description & a double-escaped title");
	CHECK_STR(a->author, "Jane Doe");
	CHECK_STR(a->guid, NULL);
	CHECK_STR(a->published, "2025-03-10T08:30:00Z");
	CHECK_STR(a->body, "Escaped HTML text.");
	a = c.a[2];
	CHECK_STR(a->title, "Bad date");
	CHECK_STR(a->published, NULL);
	/* A guid that looks like a link and is not marked otherwise is the URL. */
	CHECK_STR(a->url, "https://example.org/3");
	CHECK_STR(a->body, "Plain text description.");
	CHECK_INT(c.nproblems, 2);
	CHECK(strstr(buf_str(&c.problems), "rss2.xml:31: item has neither "
	    "title nor text") != NULL);
	CHECK(strstr(buf_str(&c.problems), "rss2.xml:37: date \"the day after "
	    "tomorrow\" not understood") != NULL);
out:
	collect_release(&c);
	free(cause);
}

static void
rss1(void)
{
	struct collect c;
	char *cause;

	CHECK_INT(collect_file(&c, "rss1.rdf", &cause), 1);
	if (c.n == 1) {
		CHECK_STR(c.a[0]->title, "RDF item");
		CHECK_STR(c.a[0]->source, "RDF Site");
		CHECK_STR(c.a[0]->guid, "https://example.org/a");
		CHECK_STR(c.a[0]->url, "https://example.org/a");
		CHECK_STR(c.a[0]->published, "2025-03-09");
		CHECK_STR(c.a[0]->author, "Pierre");
		CHECK_STR(c.a[0]->language, "fr");
		CHECK_STR(c.a[0]->body, "Texte.");
	}
	collect_release(&c);
	free(cause);
}

static void
atom(void)
{
	struct collect c;
	char *cause;
	struct article *a;

	CHECK_INT(collect_file(&c, "atom.xml", &cause), 3);
	if (c.n != 3)
		goto out;
	a = c.a[0];
	CHECK_STR(a->title, "\xD8\xAF\xD9\x88\xD9\x84 \xD8\xA7\xD9\x84\xD8\xAC"
	    "\xD9\x88\xD8\xA7\xD8\xB1 \xD8\xAA\xD8\xAC\xD8\xAA\xD9\x85\xD8\xB9");
	CHECK_STR(a->source, "\xD8\xB9\xD9\x86\xD8\xA8 \xD8\xA8\xD9\x84\xD8\xAF"
	    "\xD9\x8A");
	CHECK_STR(a->source_url, "https://www.example.net/");
	/* Relative link resolved against xml:base. */
	CHECK_STR(a->url, "https://www.example.net/news/2025/03/neighbours.html");
	CHECK_STR(a->guid, "urn:uuid:1");
	/* published wins over updated. */
	CHECK_STR(a->published, "2025-03-09T07:00:00Z");
	CHECK(a->author != NULL && strstr(a->author, ", Second Author") != NULL);
	CHECK_STR(a->language, "ar");
	CHECK_INT(paragraphs(a->body), 2);
	a = c.a[1];
	CHECK_STR(a->title, "XHTML entry");
	CHECK_STR(a->url, "https://other.example/x");
	CHECK_STR(a->published, "2025-03-11");
	CHECK_STR(a->author, "Desk");	/* the feed's author */
	CHECK_STR(a->language, "en");
	CHECK_STR(a->body, "First xhtml paragraph.\n\nSecond.");
	a = c.a[2];
	CHECK_STR(a->body, "Plain summary text.");
	CHECK_STR(a->url, NULL);
	CHECK_INT(c.nproblems, 0);
out:
	collect_release(&c);
	free(cause);
}

/* Import a fixture that must be refused; check the message starts so. */
static void
refused(const char *name, const char *want)
{
	struct collect c;
	char *cause;
	int rv = collect_file(&c, name, &cause);

	if (rv != -1 || c.n != 0 || cause == NULL ||
	    strncmp(cause, want, strlen(want)) != 0) {
		fprintf(stderr, "%s: rv %d, %zu articles, cause \"%s\", want "
		    "\"%s\"\n", name, rv, c.n, cause ? cause : "(null)", want);
		test_case_failed = 1;
	}
	collect_release(&c);
	free(cause);
}

static void
hostile(void)
{
	refused("lol.xml", "refused: the feed declares XML entities");
	refused("xxe.xml", "refused: the feed declares XML entities");
	refused("xxe-param.xml", "refused: the feed declares XML entities");
	refused("xxe-utf16.xml", "refused: the feed declares XML entities");
	refused("truncated.xml", "not a valid feed (12:66: Premature end of data");
	refused("deep.xml", "not a valid feed (2:842: elements nested deeper "
	    "than the 256 levels allowed)");
	refused("invalid-utf8.xml", "not a valid feed (3:18: Input is not "
	    "proper UTF-8");
	refused("unknown-entity.xml", "not a valid feed (3:21: Entity 'foo' "
	    "not defined)");
	refused("svg.xml", "not a feed: the root element is <svg>");
	refused("empty.xml", "empty file");
	refused("binary.xml", "unrecognised format");
}

static void
external_dtd_not_loaded(void)
{
	struct collect c;
	char *cause;

	/* The DTD (/dev/zero) is never opened: the feed is read as it is. */
	CHECK_INT(collect_file(&c, "external-dtd.xml", &cause), 1);
	if (c.n == 1)
		CHECK_STR(c.a[0]->title, "Still read");
	collect_release(&c);
	free(cause);
}

static void
sloppy_and_encodings(void)
{
	struct collect c;
	char *cause;

	/* HTML entities without a DOCTYPE are mapped, not fatal. */
	CHECK_INT(collect_file(&c, "nbsp.xml", &cause), 1);
	if (c.n == 1) {
		CHECK_STR(c.a[0]->title, "A\xC2\xA0title \xE2\x80\x94 with entities");
		CHECK_STR(c.a[0]->source, "Loose\xC2\xA0" "Feed");
	}
	collect_release(&c);
	free(cause);
	/* encoding="ISO-8859-1" is honoured. */
	CHECK_INT(collect_file(&c, "latin1.xml", &cause), 1);
	if (c.n == 1) {
		CHECK_STR(c.a[0]->title, "R\xC3\xA9sum\xC3\xA9");
		CHECK_STR(c.a[0]->source, "Caf\xC3\xA9");
		CHECK_STR(c.a[0]->body, "\xC2\xA3" "100");
	}
	collect_release(&c);
	free(cause);
	/* A channel without items is fine: nothing to import. */
	CHECK_INT(collect_file(&c, "noitems.xml", &cause), 0);
	CHECK_STR(cause, NULL);
	collect_release(&c);
	free(cause);
}

static void
encodings_and_controls(void)
{
	struct collect c;
	char *cause;

	/* UTF-16 with a byte order mark. */
	CHECK_INT(collect_file(&c, "utf16.xml", &cause), 1);
	if (c.n == 1)
		CHECK_STR(c.a[0]->title, "UTF-16 item \xD8\xB9");
	collect_release(&c);
	free(cause);
	/* C1 and bidi controls are characters XML allows: stored as they
	   are (the display layer makes them safe). */
	CHECK_INT(collect_file(&c, "controls.xml", &cause), 1);
	if (c.n == 1)
		CHECK_STR(c.a[0]->title, "C1 \xC2\x9B and RLO \xE2\x80\xAE kept");
	collect_release(&c);
	free(cause);
	refused("unknown-encoding.xml", "not a valid feed (1:37: Unsupported "
	    "encoding x-foo)");
	refused("escape.xml", "not a valid feed (3:23: xmlParseCharRef: "
	    "invalid xmlChar value 27)");
	/* A conversion error is reported as such, not as a truncation. */
	refused("sjis-broken.xml", "not a valid feed (input conversion failed");
	refused("raw-escape.xml", "not a valid feed (3:18: PCDATA invalid "
	    "Char value 27)");
}

static void
truncated_anywhere(void)
{
	char *path = fixture("rss2.xml"), *data, *cause, *end;
	size_t len, cut;
	FILE *fp = fopen(path, "rb");
	struct collect c;
	int bad = 0;

	free(path);
	CHECK(fp != NULL);
	if (fp == NULL)
		return;
	data = xmalloc(1 << 16);
	len = fread(data, 1, 1 << 16, fp);
	fclose(fp);
	end = strstr(data, "</rss>");
	/* Every cut before the end tag is refused whole; nothing leaks out. */
	for (cut = 1; end != NULL && cut < (size_t)(end - data) + 5; cut += 3) {
		if (collect_str(&c, IMPORT_RSS, "cut.xml", data, cut, &cause) != -1 ||
		    c.n != 0 || cause == NULL ||
		    strncmp(cause, "not a valid feed (", 18) != 0) {
			if (bad++ == 0)
				fprintf(stderr, "cut at %zu: %s\n", cut,
				    cause ? cause : "(accepted)");
		}
		free(cause);
		collect_release(&c);
	}
	CHECK_INT(bad, 0);
	CHECK(len > 0);
	free(data);
}

static void
sink_stops(void)
{
	struct collect c;
	char *cause, *path = fixture("rss2.xml");

	collect_init(&c);
	c.stop_after = 1;
	cause = NULL;
	CHECK_INT(import_file(path, &c.sink, &cause), 1);
	CHECK_INT(c.n, 1);
	collect_release(&c);
	free(cause);
	free(path);
}

static void
options_constant(void)
{
	/* The single options constant: no entity substitution, no DTD
	   loading, no network, no huge documents. */
	CHECK_INT(IMPORT_XML_OPTS & (XML_PARSE_NOENT | XML_PARSE_DTDLOAD |
	    XML_PARSE_DTDATTR | XML_PARSE_DTDVALID | XML_PARSE_HUGE |
	    XML_PARSE_XINCLUDE | XML_PARSE_RECOVER), 0);
	CHECK(IMPORT_XML_OPTS & XML_PARSE_NONET);
	CHECK(IMPORT_HTML_OPTS & HTML_PARSE_NONET);
}

int
main(void)
{
	test_init();
	TEST_RUN(rss2);
	TEST_RUN(rss1);
	TEST_RUN(atom);
	TEST_RUN(hostile);
	TEST_RUN(external_dtd_not_loaded);
	TEST_RUN(sloppy_and_encodings);
	TEST_RUN(encodings_and_controls);
	TEST_RUN(truncated_anywhere);
	TEST_RUN(sink_stops);
	TEST_RUN(options_constant);
	return test_done();
}
