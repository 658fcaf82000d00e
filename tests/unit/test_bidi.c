/*
 * Bidi: Arabic shown in visual order, Latin words and digits inside it
 * kept in reading order, brackets mirrored, combining marks after their
 * base, and a byte map back to the logical text.
 */
#include "config.h"

#include <stdlib.h>

#include "test.h"
#include "util/bidi.h"

/* Arabic letters used below (two bytes each). */
#define ALEF	"\xd8\xa7"
#define BEH	"\xd8\xa8"
#define TEH	"\xd8\xaa"
#define MEEM	"\xd9\x85"
#define FATHA	"\xd9\x8e"

static char *
vis(const char *s, enum bidi_dir dir)
{
	return bidi_visual(s, strlen(s), dir, NULL);
}

static void
test_base(void)
{
	CHECK_INT(bidi_base("hello", 5), BIDI_LTR);
	CHECK_INT(bidi_base("123 " ALEF, 6), BIDI_RTL);
	CHECK_INT(bidi_base("123 ...", 7), BIDI_LTR);
	CHECK_INT(bidi_base("", 0), BIDI_LTR);
	CHECK(bidi_has_rtl("ab " BEH, 5));
	CHECK(!bidi_has_rtl("abc \xe6\x9d\xb1", 7));
}

static void
test_latin_unchanged(void)
{
	char *v = vis("plain text (1)", BIDI_LTR);

	CHECK_STR(v, "plain text (1)");
	free(v);
}

static void
test_arabic_reversed(void)
{
	char *v;

	v = vis(ALEF BEH TEH, BIDI_RTL);
	CHECK_STR(v, TEH BEH ALEF);
	free(v);
	/* Words reversed, Latin and digits kept in order. */
	v = vis(ALEF BEH " ABC 123 " TEH MEEM, BIDI_RTL);
	CHECK_STR(v, MEEM TEH " ABC 123 " BEH ALEF);
	free(v);
	/* An Arabic word in an English sentence. */
	v = vis("the word " ALEF BEH " means", BIDI_LTR);
	CHECK_STR(v, "the word " BEH ALEF " means");
	free(v);
}

static void
test_mirroring_and_marks(void)
{
	char *v;

	v = vis(ALEF " (" BEH ")", BIDI_RTL);
	CHECK_STR(v, "(" BEH ") " ALEF);
	free(v);
	/* The fatha stays after its letter. */
	v = vis(BEH FATHA TEH, BIDI_RTL);
	CHECK_STR(v, TEH BEH FATHA);
	free(v);
}

static void
test_map(void)
{
	const char *s = "ab " ALEF BEH;
	size_t *map;
	char *v = bidi_visual(s, strlen(s), BIDI_LTR, &map);

	CHECK_STR(v, "ab " BEH ALEF);
	CHECK_INT(map[0], 0);
	CHECK_INT(map[3], 5);		/* BEH came from byte 5 */
	CHECK_INT(map[4], 6);
	CHECK_INT(map[5], 3);
	free(v);
	free(map);
	v = bidi_visual("", 0, BIDI_RTL, &map);
	CHECK_STR(v, "");
	free(v);
	free(map);
}

int
main(void)
{
	test_init();
	TEST_RUN(test_base);
	TEST_RUN(test_latin_unchanged);
	TEST_RUN(test_arabic_reversed);
	TEST_RUN(test_mirroring_and_marks);
	TEST_RUN(test_map);
	return test_done();
}
