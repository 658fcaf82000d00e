/*
 * Wrapping by display width: words kept whole when they fit, CJK broken
 * between characters, combining marks never separated from their base,
 * titles cut with an ellipsis at an exact width.
 */
#include "config.h"

#include <stdlib.h>

#include "test.h"
#include "tui/wrap.h"
#include "util/utf8.h"

static char got[4096];

/* The lines of text wrapped at width, joined with '|'. */
static const char *
wrap(const char *text, size_t width)
{
	struct wrap_line *lines;
	size_t n, i, o = 0;

	n = wrap_paragraph(text, strlen(text), width, &lines);
	for (i = 0; i < n; i++) {
		if (i != 0)
			got[o++] = '|';
		memcpy(got + o, text + lines[i].start, lines[i].len);
		o += lines[i].len;
		if (lines[i].width != utf8_width(text + lines[i].start,
		    lines[i].len) || lines[i].width > width)
			strcpy(got + o, "<bad width>"), o += 11;
	}
	got[o] = '\0';
	free(lines);
	return got;
}

static void
test_words(void)
{
	CHECK_STR(wrap("the quick brown fox", 10), "the quick|brown fox");
	CHECK_STR(wrap("the quick brown fox", 9), "the quick|brown fox");
	CHECK_STR(wrap("the quick brown fox", 8), "the|quick|brown|fox");
	CHECK_STR(wrap("short", 80), "short");
	CHECK_STR(wrap("", 10), "");
	CHECK_STR(wrap("a  b", 1), "a|b");
	CHECK_STR(wrap("trailing   ", 8), "trailing");
}

static void
test_long_word(void)
{
	CHECK_STR(wrap("abcdefghij", 4), "abcd|efgh|ij");
	CHECK_STR(wrap("go https://example.com/x", 10),
	    "go|https://ex|ample.com/|x");
}

static void
test_wide(void)
{
	/* Each CJK character is two columns; lines break between them. */
	CHECK_STR(wrap("東京の桜が満開", 6), "東京の|桜が満|開");
	CHECK_STR(wrap("東京の桜が満開", 5), "東京|の桜|が満|開");
	CHECK_STR(wrap("ab 東京", 5), "ab 東|京");
	CHECK_STR(wrap("😀😀😀", 4), "😀😀|😀");
}

static void
test_combining(void)
{
	/* e + U+0301 is one column and never split. */
	CHECK_STR(wrap("e\xcc\x81" "e\xcc\x81" "e\xcc\x81", 2),
	    "e\xcc\x81" "e\xcc\x81|e\xcc\x81");
	/* Arabic with vowel marks. */
	CHECK_STR(wrap("\xd9\x83\xd9\x8e\xd8\xaa\xd9\x8e\xd8\xa8\xd9\x8e", 2),
	    "\xd9\x83\xd9\x8e\xd8\xaa\xd9\x8e|\xd8\xa8\xd9\x8e");
}

static void
test_fit(void)
{
	char *s;

	s = wrap_fit("hello world", 11, 8, 0);
	CHECK_STR(s, "hello w\xE2\x80\xA6");
	free(s);
	s = wrap_fit("hello", 5, 8, 1);
	CHECK_STR(s, "hello   ");
	free(s);
	s = wrap_fit("hello", 5, 5, 1);
	CHECK_STR(s, "hello");
	free(s);
	/* A wide character that would straddle the edge is left out. */
	s = wrap_fit("東京の桜", 12, 6, 1);
	CHECK_STR(s, "東京\xE2\x80\xA6 ");
	CHECK_INT(utf8_width(s, strlen(s)), 6);
	free(s);
	s = wrap_fit("abc", 3, 0, 1);
	CHECK_STR(s, "");
	free(s);
}

int
main(void)
{
	test_init();
	TEST_RUN(test_words);
	TEST_RUN(test_long_word);
	TEST_RUN(test_wide);
	TEST_RUN(test_combining);
	TEST_RUN(test_fit);
	return test_done();
}
