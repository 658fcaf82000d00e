/*
 * Unit tests for the JSON Lines importer (src/import/jsonl.c): field
 * mapping, a malformed line reported with its number while the rest is
 * kept, wrong types, depth limit, NUL and lone surrogates, BOM and CRLF,
 * Latin-1, and a file with no JSON at all.
 */
#include "config.h"

#include <stdint.h>

#include "import/import_int.h"
#include "test.h"
#include "test_import_sink.h"

static void
articles(void)
{
	struct collect c;
	char *cause;
	const char *p;
	struct article *a;

	CHECK_INT(collect_file(&c, "articles.jsonl", &cause), 6);
	CHECK_STR(cause, NULL);
	CHECK_INT(c.n, 6);
	if (c.n != 6)
		goto out;
	a = c.a[0];
	CHECK_STR(a->title, "First");
	CHECK_STR(a->url, "https://example.org/1");
	CHECK_STR(a->published, "2025-03-09T07:00:00Z");
	CHECK_STR(a->author, "Jane Doe");
	CHECK_STR(a->source, "Example");
	CHECK_STR(a->body, "Para one.\n\nPara two.");
	CHECK_STR(a->caption, "A photo");
	CHECK_STR(a->language, "en");
	CHECK_STR(a->guid, "g1");
	CHECK(a->origin != NULL && strstr(a->origin, "articles.jsonl:1") != NULL);
	/* "title": 5 is reported and left out; the title comes from the text;
	   an integer id and an epoch date are accepted. */
	a = c.a[1];
	CHECK_STR(a->title, "Title of the wrong type");
	CHECK_STR(a->guid, "42");
	CHECK_STR(a->published, "2025-03-09T10:00:00Z");
	a = c.a[2];
	CHECK_STR(a->author, "A One, B Two");
	CHECK_STR(a->body, "Body key.\n\nSecond block.");
	CHECK_STR(a->published, NULL);
	a = c.a[3];
	/* \u0000 and a lone surrogate become U+FFFD; ESC is kept. */
	CHECK_STR(a->body, "NUL \xEF\xBF\xBD here, lone \xEF\xBF\xBD surrogate, "
	    "escape \x1b[2J kept.");
	CHECK(c.sink.replaced >= 1);
	a = c.a[4];
	CHECK_STR(a->body, "One bold\n\nTwo");
	a = c.a[5];
	CHECK_STR(a->title, "Last");
	CHECK(a->origin != NULL && strstr(a->origin, "articles.jsonl:13") != NULL);
	p = buf_str(&c.problems);
	CHECK(strstr(p, "articles.jsonl:3:44: not valid JSON (unexpected end "
	    "of data): skipped") != NULL);
	CHECK(strstr(p, "articles.jsonl:4: \"title\" is int, not the expected "
	    "type: ignored") != NULL);
	CHECK(strstr(p, "articles.jsonl:5: date \"not a date\" not understood")
	    != NULL);
	CHECK(strstr(p, "articles.jsonl:6: a JSON array, not an object") != NULL);
	CHECK(strstr(p, "articles.jsonl:7: record has neither title nor text")
	    != NULL);
	CHECK(strstr(p, "articles.jsonl:10:23: text after the JSON value") != NULL);
	CHECK(strstr(p, "articles.jsonl:11:69: not valid JSON (nesting too "
	    "deep, the limit is 64)") != NULL);
	CHECK_INT(c.nproblems, 7);
out:
	collect_release(&c);
	free(cause);
}

static void
bom_crlf_latin1(void)
{
	struct collect c;
	char *cause;

	CHECK_INT(collect_file(&c, "bom-crlf.jsonl", &cause), 2);
	if (c.n == 2) {
		CHECK_STR(c.a[0]->title, "BOM and CRLF");
		CHECK_STR(c.a[0]->body, "x");
		CHECK_STR(c.a[1]->title, "Second");
		CHECK_STR(c.a[1]->body, NULL);
	}
	CHECK_INT(c.nproblems, 0);
	collect_release(&c);
	free(cause);
	CHECK_INT(collect_file(&c, "latin1.jsonl", &cause), 1);
	if (c.n == 1) {
		CHECK_STR(c.a[0]->title, "Caf\xC3\xA9");
		CHECK_STR(c.a[0]->body, "\xC2\xA3" "100");
	}
	collect_release(&c);
	free(cause);
}

static void
nothing_json(void)
{
	struct collect c;
	char *cause;
	const char *s = "{not json\n{neither\n";

	CHECK_INT(collect_str(&c, IMPORT_JSONL, "bad.jsonl", s, strlen(s),
	    &cause), -1);
	CHECK_STR(cause, "not JSON Lines: none of the 2 lines is a JSON object");
	CHECK_INT(c.nproblems, 2);
	free(cause);
	collect_release(&c);
}

static void
deep_array(void)
{
	struct collect c;
	char *cause, *s;
	size_t n = 100000, i;

	/* 10^5 nested arrays: a depth error, not a stack overflow. */
	s = xmalloc(2 * n + 32);
	strcpy(s, "{\"title\": \"ok\"}\n");
	for (i = 0; i < n; i++)
		strcat(s + 16 + i, "[");
	s[16 + n] = '\0';
	CHECK_INT(collect_str(&c, IMPORT_JSONL, "deep.jsonl", s, strlen(s),
	    &cause), 1);
	CHECK(strstr(buf_str(&c.problems), "deep.jsonl:2:") != NULL);
	free(s);
	free(cause);
	collect_release(&c);
}

static void
long_record(void)
{
	struct collect c;
	char *cause, *s;
	size_t n = IMPORT_MAX_LINE + 10, off;

	/* A 4 MiB + 10 byte record is refused by number; the next is kept. */
	s = xmalloc(n + 128);
	off = (size_t)snprintf(s, 128, "{\"title\": \"big\", \"text\": \"");
	memset(s + off, 'x', n);
	off += n;
	off += (size_t)snprintf(s + off, 128, "\"}\n{\"title\": \"small\"}\n");
	CHECK_INT(collect_str(&c, IMPORT_JSONL, "big.jsonl", s, off, &cause), 1);
	if (c.n == 1)
		CHECK_STR(c.a[0]->title, "small");
	CHECK(strstr(buf_str(&c.problems), "big.jsonl:1: line longer than the "
	    "4 MiB line limit: skipped") != NULL);
	free(s);
	free(cause);
	collect_release(&c);
}

static void
json_array(void)
{
	struct collect c;
	char *cause;
	const char *p;

	CHECK_INT(import_detect("array.json", "[\n  {\"title\": 1}", 16),
	    IMPORT_JSONL);
	CHECK_INT(import_detect(NULL, "[Update] text", 13), IMPORT_TEXT);
	CHECK_INT(collect_file(&c, "array.json", &cause), 3);
	CHECK_STR(cause, NULL);
	if (c.n == 3) {
		CHECK_STR(c.a[0]->source, "aawsat");
		CHECK_STR(c.a[0]->title, "\xD8\xA8\xD8\xB1\xD9\x8A\xD8\xB7"
		    "\xD8\xA7\xD9\x86\xD9\x8A\xD8\xA7: \xD8\xA7\xD8\xB3"
		    "\xD8\xAA\xD8\xB1\xD8\xA7\xD8\xAA\xD9\x8A\xD8\xAC"
		    "\xD9\x8A\xD8\xA9 \xD8\xAC\xD8\xAF\xD9\x8A\xD8\xAF"
		    "\xD8\xA9");
		/* Only the scrape date: used, without a zone. */
		CHECK_STR(c.a[0]->published, "2015-07-21T02:51:32");
		CHECK_STR(c.a[0]->language, "ar");
		CHECK(strstr(c.a[0]->origin, "array.json:2") != NULL);
		CHECK_STR(c.a[1]->published, "2015-07-20");
		CHECK_STR(c.a[2]->title, "Fourth");
		CHECK(strstr(c.a[2]->origin, "array.json:17") != NULL);
	}
	p = buf_str(&c.problems);
	CHECK(strstr(p, "array.json:16: a JSON string, not an object") != NULL);
	CHECK(strstr(p, "array.json:20:33: not valid JSON (unexpected character)") != NULL &&
	    strstr(p, "the rest of the array skipped") != NULL);
	CHECK_INT(c.nproblems, 2);
	collect_release(&c);
	free(cause);
}

/* Everything c1 and c2 collected, compared; 1 when the same. */
static int
same_collect(const struct collect *c1, const struct collect *c2)
{
	const struct article *a, *b;
	size_t i;

	if (c1->n != c2->n || c1->nproblems != c2->nproblems ||
	    c1->sink.replaced != c2->sink.replaced ||
	    strcmp(buf_str(&c1->problems),
	    buf_str(&c2->problems)) != 0)
		return 0;
	for (i = 0; i < c1->n; i++) {
		a = c1->a[i];
		b = c2->a[i];
#define SAME(f)	((a->f == NULL && b->f == NULL) || (a->f != NULL && \
	b->f != NULL && strcmp(a->f, b->f) == 0))
		if (!SAME(title) || !SAME(body) || !SAME(author) ||
		    !SAME(origin) || !SAME(published) || !SAME(caption))
			return 0;
#undef SAME
	}
	return 1;
}

/*
 * UTF-8 input is decoded a piece at a time (jsonl.c): whatever the size
 * of the pieces, the articles, the problems with their line numbers and
 * the count of replaced bytes are those of decoding the whole file at
 * once. Pieces of one byte put a boundary after every newline.
 */
static void
pieces_as_whole(void)
{
	static const char *const files[] = {
		"articles.jsonl", "bom-crlf.jsonl", "latin1.jsonl",
	};
	/* CR LF, lone CR, NUL, broken sequences next to newlines, blanks */
	static const char made[] =
	    "{\"title\":\"A\",\"text\":\"one \xE2\x82\"}\r\n"
	    "\xE2\x82\n"
	    "{\"title\":\"B\xC3\",\"text\":\"two\"}\r"
	    "{\"title\":\"C\",\"text\":\"x\x00y\"}\n\n   \n"
	    "not json\xF0\x9F\n"
	    "{\"title\":\"D \xF0\x9F\x98\x80\",\"text\":\"\xED\xA0\x80\"}";
	static const size_t sizes[] = { 1, 7, 64 };
	struct collect whole, piece;
	char *cause, *path, *data;
	size_t f, k, len;
	FILE *fp;

	for (f = 0; f <= sizeof files / sizeof files[0]; f++) {
		if (f < sizeof files / sizeof files[0]) {
			path = fixture(files[f]);
			fp = fopen(path, "rb");
			CHECK(fp != NULL);
			free(path);
			if (fp == NULL)
				continue;
			data = xmalloc(1 << 16);
			len = fread(data, 1, 1 << 16, fp);
			fclose(fp);
		} else {
			len = sizeof made - 1;
			data = xmalloc(len);
			memcpy(data, made, len);
		}
		import_jsonl_piece = SIZE_MAX;
		collect_str(&whole, IMPORT_JSONL, "x.jsonl", data, len, &cause);
		free(cause);
		CHECK(whole.n > 0);
		for (k = 0; k < sizeof sizes / sizeof sizes[0]; k++) {
			import_jsonl_piece = sizes[k];
			collect_str(&piece, IMPORT_JSONL, "x.jsonl", data, len,
			    &cause);
			free(cause);
			if (!same_collect(&whole, &piece))
				fprintf(stderr, "file %zu, pieces of %zu: not "
				    "as whole\n", f, sizes[k]);
			CHECK(same_collect(&whole, &piece));
			collect_release(&piece);
		}
		collect_release(&whole);
		free(data);
	}
	import_jsonl_piece = 1 << 20;
}

int
main(void)
{
	test_init();
	TEST_RUN(articles);
	TEST_RUN(bom_crlf_latin1);
	TEST_RUN(nothing_json);
	TEST_RUN(deep_array);
	TEST_RUN(long_record);
	TEST_RUN(json_array);
	TEST_RUN(pieces_as_whole);
	return test_done();
}
