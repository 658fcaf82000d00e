/* Unit tests for import_detect() and import_format_name(). */
#include "config.h"

#include "test.h"
#include "import/import.h"

#define D(name, s) import_detect(name, s, sizeof(s) - 1)

static void
by_content(void)
{
	CHECK_INT(D("x.txt", "SQLite format 3\0\x10\0\x01\x01"), IMPORT_NEWSBOAT);
	CHECK_INT(D(NULL, "<?xml version=\"1.0\"?>\n<rss version=\"2.0\">"),
	    IMPORT_RSS);
	CHECK_INT(D(NULL, "\xEF\xBB\xBF<?xml version=\"1.0\"?><!-- c -->"
	    "<rdf:RDF xmlns:rdf=\"x\">"), IMPORT_RSS);
	CHECK_INT(D("a.html", "<?xml version='1.0'?>\n<feed xmlns="
	    "\"http://www.w3.org/2005/Atom\">"), IMPORT_ATOM);
	CHECK_INT(D("a.xml", "<!DOCTYPE html>\n<html lang=en>"), IMPORT_HTML);
	CHECK_INT(D(NULL, "  <html><body><p>x</p>"), IMPORT_HTML);
	CHECK_INT(D(NULL, "<div class=a><p>text</p></div>"), IMPORT_HTML);
	CHECK_INT(D("a.xml", "{\"title\": \"x\"}\n{\"title\": \"y\"}\n"),
	    IMPORT_JSONL);
	CHECK_INT(D("a.json", "Headline\n\nBody text.\n"), IMPORT_TEXT);
	/* A brace that does not close its line is prose, not JSON Lines. */
	CHECK_INT(D(NULL, "{Update} The minister said\nmore text\n"), IMPORT_TEXT);
	CHECK_INT(D(NULL, "\xFF\xFE<\0?\0x\0m\0l\0"), IMPORT_RSS);
	CHECK_INT(D(NULL, "<!DOCTYPE rss [ <!ENTITY a \"b\"> ]>\n<rss>"),
	    IMPORT_RSS);
}

static void
binary_and_empty(void)
{
	CHECK_INT(D("a.txt", "\x89PNG\r\n\x1a\n\0\0\0\rIHDR"), IMPORT_UNKNOWN);
	CHECK_INT(D("a.txt", "\x01\x02\x03\x04\x05\x06\x07\x08\x0e\x0f"),
	    IMPORT_UNKNOWN);
	/* One stray NUL in text is not binary. */
	CHECK_INT(D(NULL, "abc\0def and some more text"), IMPORT_TEXT);
	CHECK_INT(import_detect("feed.rss", "", 0), IMPORT_RSS);
	CHECK_INT(import_detect("a.jsonl", "", 0), IMPORT_JSONL);
	CHECK_INT(import_detect(NULL, "", 0), IMPORT_UNKNOWN);
	CHECK_INT(D("notes.md", "   \n\n"), IMPORT_TEXT);
	/* Other XML: the name decides, else the feed parser says why not. */
	CHECK_INT(D("x.html", "<?xml version='1.0'?><svg/>"), IMPORT_HTML);
	CHECK_INT(D(NULL, "<?xml version='1.0'?><svg/>"), IMPORT_RSS);
	CHECK_INT(D(NULL, "<<< Breaking >>>\n\nText.\n"), IMPORT_TEXT);
}

static void
names(void)
{
	CHECK_STR(import_format_name(IMPORT_TEXT), "text");
	CHECK_STR(import_format_name(IMPORT_RSS), "rss");
	CHECK_STR(import_format_name(IMPORT_ATOM), "atom");
	CHECK_STR(import_format_name(IMPORT_HTML), "html");
	CHECK_STR(import_format_name(IMPORT_JSONL), "jsonl");
	CHECK_STR(import_format_name(IMPORT_NEWSBOAT), "newsboat");
	CHECK_STR(import_format_name(IMPORT_UNKNOWN), "unknown");
	CHECK_STR(import_format_name((enum import_format)99), "unknown");
}

int
main(void)
{
	test_init();
	TEST_RUN(by_content);
	TEST_RUN(binary_and_empty);
	TEST_RUN(names);
	return test_done();
}
