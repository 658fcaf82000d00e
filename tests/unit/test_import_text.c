/*
 * Unit tests for the plain-text importer (src/import/text.c) on the
 * fixtures in tests/data/import: header block, BBC-style headline,
 * hard-wrapped paragraphs, correction footers, encodings (Latin-1 and
 * Windows-1252, invalid UTF-8, NUL, CRLF and lone CR), empty input and
 * the line limit.
 */
#include "config.h"

#include <sys/stat.h>

#include <unistd.h>

#include "test.h"
#include "test_import_sink.h"
#include "import/import_int.h"

static struct article *
one(struct collect *c, const char *name)
{
	char *cause;
	int rv = collect_file(c, name, &cause);

	if (rv != 1 || c->n != 1) {
		fprintf(stderr, "%s: rv %d, cause %s\n", name, rv,
		    cause ? cause : "(null)");
		test_case_failed = 1;
		free(cause);
		return NULL;
	}
	free(cause);
	return c->a[0];
}

static void
header_block(void)
{
	struct collect c;
	struct article *a = one(&c, "header.txt");

	if (a != NULL) {
		CHECK_STR(a->title, "Neighbours pledge joint effort against IS");
		CHECK_STR(a->published, "2025-03-09T07:00:00Z");
		CHECK_STR(a->source, "Enab Baladi");
		/* The header wins over the byline, which is still removed. */
		CHECK_STR(a->author, "Hussam al-Mahmoud");
		CHECK_STR(a->url, "https://english.enabbaladi.net/archives/2025/03/neighbours/");
		CHECK_STR(a->language, "en");
		CHECK_STR(a->body, "The first paragraph mentions March 20, 2025."
		    "\n\nThe second paragraph.");
		CHECK_STR(a->caption, NULL);
		CHECK_INT(a->revision, 1);
	}
	collect_release(&c);
}

static void
bbc_headline(void)
{
	struct collect c;
	struct article *a = one(&c, "bbc.txt");

	if (a != NULL) {
		CHECK_STR(a->title, "Ad sales boost Time Warner profit");
		CHECK_INT(paragraphs(a->body), 2);
		CHECK(strncmp(a->body, "Quarterly profits", 17) == 0);
		CHECK_STR(a->published, NULL);
		CHECK_STR(a->source, NULL);
		CHECK_STR(a->language, "en");
	}
	collect_release(&c);
}

static void
wrapped_paragraphs(void)
{
	struct collect c;
	struct article *a = one(&c, "wrapped.txt");

	if (a != NULL) {
		CHECK_STR(a->title, "Hard-wrapped report");
		CHECK_INT(paragraphs(a->body), 2);
		CHECK(strstr(a->body, "the way mail and old wire services") != NULL);
		CHECK(strstr(a->body, "\n\nA second wrapped paragraph also has "
		    "two lines.") != NULL);
	}
	collect_release(&c);
}

static void
footer_address(void)
{
	struct collect c;
	struct article *a = one(&c, "footer.txt");

	if (a != NULL) {
		CHECK_STR(a->corrections, "corrections@example.org");
		CHECK_STR(a->body, "The story itself.");
	}
	collect_release(&c);
}

static void
latin1(void)
{
	struct collect c;
	struct article *a = one(&c, "latin1.txt");

	if (a != NULL) {
		/* Windows-1252 curly quotes and dash, Latin-1 letters. */
		CHECK_STR(a->title, "Caf\xC3\xA9 owners \xE2\x80\x9Cprotest\xE2\x80\x9D");
		CHECK_STR(a->body, "Prices rose to \xC2\xA3" "100 \xE2\x80\x93 a record.");
		CHECK_INT(c.sink.replaced, 0);
	}
	collect_release(&c);
}

/*
 * A lone high byte that no Latin-1 letter would stand for (Reuters-21578,
 * reut2-017.sgm: "growth.\xFC&#5;") is invalid UTF-8 in ASCII text: one
 * U+FFFD, counted, never a u with umlaut. Latin-1 letters in words, a
 * one-letter word and signs between digits are still Latin-1.
 */
static void
stray_high_byte(void)
{
	static const struct {
		const char	*s;
		int		 cp1252;
	} cases[] = {
		{ "world economic growth.\xFC&#5;&#30;side measures", 0 },
		{ "world economic growth.\xFC\x05\x1Eside measures", 0 },
		{ "a stray \xE9- here", 0 },
		{ "Caf\xE9 owners", 1 },
		{ "voil\xE0 \xE0 Paris", 1 },
		{ "\xC4pfel und Birnen", 1 },
		{ "a \xA3" "15.8m signing", 1 },
		{ "\x93quoted\x94 \x96 dash", 1 },
		{ "x\xD7y at 40\xB0, \xF7 2", 1 },
		{ "one stray.\xFC; beside Caf\xE9, cr\xE8me, na\xEFve, "
		    "\xE0 la, d\xE9j\xE0", 1 },
	};
	struct collect c;
	char *cause = NULL;
	const char text[] = "Title: Lawson\n\nworld economic growth.\xFC"
	    "\x05\x1Eside measures.\n";
	size_t i;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		if (import_is_cp1252(cases[i].s, strlen(cases[i].s)) !=
		    cases[i].cp1252) {
			fprintf(stderr, "case %zu: %s\n", i, cases[i].s);
			test_case_failed = 1;
		}
	}
	CHECK_INT(collect_str(&c, IMPORT_TEXT, "stray.txt", text,
	    sizeof text - 1, &cause), 1);
	if (c.n == 1)
		CHECK_STR(c.a[0]->body, "world economic growth.\xEF\xBF\xBD"
		    "\x05\x1Eside measures.");
	CHECK_INT(c.sink.replaced, 1);
	free(cause);
	collect_release(&c);
}

static void
invalid_utf8(void)
{
	struct collect c;
	struct article *a = one(&c, "invalid-utf8.txt");

	if (a != NULL) {
		/* One U+FFFD per maximal subpart: C0 AF -> 2, ED A0 80 -> 3,
		   E2 82 -> 1, F4 90 80 80 -> 4. */
		CHECK_STR(a->title, "Bad bytes \xEF\xBF\xBD\xEF\xBF\xBD here");
		CHECK_INT(c.sink.replaced, 10);
	}
	collect_release(&c);
}

static void
nul_and_line_endings(void)
{
	struct collect c;
	struct article *a = one(&c, "nul.txt");

	if (a != NULL) {
		CHECK_STR(a->body, "abc\xEF\xBF\xBD" "def text.");
		CHECK_INT(c.sink.replaced, 1);
	}
	collect_release(&c);
	a = one(&c, "crlf.txt");
	if (a != NULL) {
		CHECK_STR(a->title, "Line endings");
		/* CRLF, lone CR and CR CR LF are all line ends; no phantom
		   paragraphs; the last line without a newline is kept. */
		CHECK_STR(a->body, "First paragraph second line.\n\nOld Mac "
		    "paragraph.\n\nLast line without newline");
		CHECK(strchr(a->body, '\r') == NULL);
	}
	collect_release(&c);
}

static void
arabic(void)
{
	struct collect c;
	struct article *a = one(&c, "arabic.txt");

	if (a != NULL) {
		CHECK_STR(a->language, "ar");
		CHECK(a->title != NULL && strncmp(a->title, "\xD8\xA7\xD8\xAC", 4) == 0);
	}
	collect_release(&c);
}

static void
empty_and_binary(void)
{
	struct collect c;
	char *cause;

	CHECK_INT(collect_file(&c, "empty.txt", &cause), -1);
	CHECK_STR(cause, "empty file");
	free(cause);
	collect_release(&c);
	CHECK_INT(collect_file(&c, "blank.txt", &cause), -1);
	CHECK_STR(cause, "empty file");
	free(cause);
	collect_release(&c);
	CHECK_INT(collect_str(&c, IMPORT_UNKNOWN, "x.png", "\x89PNG\r\n\x1a\n\0\0",
	    10, &cause), -1);
	CHECK_STR(cause, "unrecognised format (binary data?)");
	free(cause);
	collect_release(&c);
	/* Not a regular file. */
	collect_init(&c);
	cause = NULL;
	CHECK_INT(import_file("/", &c.sink, &cause), -1);
	CHECK_STR(cause, "is a directory");
	free(cause);
	cause = NULL;
	CHECK_INT(import_file("/dev/null", &c.sink, &cause), -1);
	CHECK_STR(cause, "not a regular file");
	free(cause);
	cause = NULL;
	CHECK_INT(import_file("/nonexistent/file.txt", &c.sink, &cause), -1);
	CHECK_STR(cause, "No such file or directory");
	free(cause);
	collect_release(&c);
}

static void
fifo_refused(void)
{
	char dir[] = "/tmp/lede-test-fifo-XXXXXX", *path, *cause = NULL;
	struct collect c;

	if (mkdtemp(dir) == NULL) {
		CHECK(0);
		return;
	}
	path = xasprintf("%s/pipe.txt", dir);
	CHECK(mkfifo(path, 0600) == 0);
	collect_init(&c);
	/* Refused at once: opening a FIFO must not wait for a writer. */
	CHECK_INT(import_file(path, &c.sink, &cause), -1);
	CHECK_STR(cause, "not a regular file");
	free(cause);
	collect_release(&c);
	unlink(path);
	rmdir(dir);
	free(path);
}

static void
long_line(void)
{
	struct collect c;
	size_t len = IMPORT_MAX_LINE + 100;
	char *s = xmalloc(len + 64), *cause;

	strcpy(s, "Title line\n\nShort paragraph.\n\n");
	memset(s + strlen(s), 'x', len);
	s[31 + len - 1] = '\0';
	CHECK_INT(collect_str(&c, IMPORT_TEXT, "long.txt", s, strlen(s), &cause), 1);
	if (c.n == 1)
		CHECK_STR(c.a[0]->body, "Short paragraph.");
	CHECK(strstr(buf_str(&c.problems), "long.txt:5: line longer than the "
	    "4 MiB line limit") != NULL);
	free(cause);
	collect_release(&c);
	free(s);
}

static void
buffer_over_file_limit(void)
{
	struct collect c;
	char *cause;

	/* The size is checked before anything is read. */
	CHECK_INT(collect_str(&c, IMPORT_TEXT, "big", "x",
	    (size_t)IMPORT_MAX_FILE + 1, &cause), -1);
	CHECK_STR(cause, "input is larger than the 64 MiB file limit");
	free(cause);
	collect_release(&c);
}

static void
sparse_file_over_limit(void)
{
	char path[] = "/tmp/lede-test-big-XXXXXX", *cause = NULL;
	struct collect c;
	int fd = mkstemp(path);

	CHECK(fd != -1);
	if (fd == -1)
		return;
	/* 3 GiB of holes: refused by its size, before a byte is read. */
	CHECK(ftruncate(fd, (off_t)3 << 30) == 0);
	close(fd);
	collect_init(&c);
	CHECK_INT(import_file(path, &c.sink, &cause), -1);
	CHECK_STR(cause, "larger than the 64 MiB file limit");
	free(cause);
	collect_release(&c);
	unlink(path);
}

static void
stream(void)
{
	struct collect c;
	char *cause = NULL, *path = fixture("bbc.txt");
	FILE *fp = fopen(path, "r");

	collect_init(&c);
	CHECK(fp != NULL);
	if (fp != NULL) {
		CHECK_INT(import_stream(fp, "<stdin>", &c.sink, &cause), 1);
		fclose(fp);
	}
	if (c.n == 1) {
		CHECK_STR(c.a[0]->title, "Ad sales boost Time Warner profit");
		CHECK_STR(c.a[0]->origin, "<stdin>");
	}
	free(cause);
	free(path);
	collect_release(&c);
}

static void
derived_title(void)
{
	struct collect c;
	char *cause;
	const char *s = "This report has no headline line at all, so the first "
	    "sentence serves. It goes on.\nAnd on.\n";

	CHECK_INT(collect_str(&c, IMPORT_TEXT, "t", s, strlen(s), &cause), 1);
	if (c.n == 1)
		CHECK_STR(c.a[0]->title, "This report has no headline line at "
		    "all, so the first sentence serves");
	free(cause);
	collect_release(&c);
}

int
main(void)
{
	test_init();
	TEST_RUN(header_block);
	TEST_RUN(bbc_headline);
	TEST_RUN(wrapped_paragraphs);
	TEST_RUN(footer_address);
	TEST_RUN(latin1);
	TEST_RUN(stray_high_byte);
	TEST_RUN(invalid_utf8);
	TEST_RUN(nul_and_line_endings);
	TEST_RUN(arabic);
	TEST_RUN(empty_and_binary);
	TEST_RUN(fifo_refused);
	TEST_RUN(long_line);
	TEST_RUN(buffer_over_file_limit);
	TEST_RUN(sparse_file_over_limit);
	TEST_RUN(stream);
	TEST_RUN(derived_title);
	return test_done();
}
