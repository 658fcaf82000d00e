/* Unit tests for src/util/sanitize.c: the terminal-safety gate. */
#include "config.h"

#include "test.h"
#include "util/sanitize.h"

static char *
san(const char *s, int flags)
{
	return sanitize_display(s, strlen(s), flags);
}

static int
has_byte(const char *s, int c)
{
	return strchr(s, c) != NULL;
}

static void
osc52_is_inert(void)
{
	char *s = san("A\x1b]52;c;ZXZpbA==\x07" "B", 0);

	/* ESC -> U+241B, BEL -> U+2407 */
	CHECK_STR(s, "A\xE2\x90\x9B]52;c;ZXZpbA==\xE2\x90\x87" "B");
	CHECK(!has_byte(s, 0x1b));
	CHECK(!has_byte(s, 0x07));
	free(s);
}

static void
c1_controls_replaced(void)
{
	char *s = san("\xC2\x9B" "31m", 0);

	CHECK_STR(s, "\xEF\xBF\xBD" "31m");
	free(s);
}

static void
bidi_overrides_dropped(void)
{
	char *s = san("invoice\xE2\x80\xAE" "fdp.exe", 0);

	CHECK_STR(s, "invoicefdp.exe");
	free(s);
	s = san("\xE2\x81\xA7" "abc\xE2\x81\xA9", 0);
	CHECK_STR(s, "abc");
	free(s);
}

static void
newlines_and_tabs(void)
{
	char *s = san("a\nb\tc\rd", 0);

	CHECK_STR(s, "a b c\xE2\x90\x8D" "d");
	free(s);
	s = san("a\nb\tc", SANITIZE_NEWLINES | SANITIZE_TABS);
	CHECK_STR(s, "a\nb\tc");
	free(s);
}

static void
arabic_kept(void)
{
	const char *ar = "\xD8\xA7\xD9\x84\xD8\xB9\xD8\xB1\xD8\xA8\xD9\x8A\xD8\xA9 ABC 123";
	char *s = san(ar, 0);

	CHECK_STR(s, ar);
	free(s);
}

static void
invalid_bytes_replaced(void)
{
	char *s = san("x\xFFy", 0);

	CHECK_STR(s, "x\xEF\xBF\xBDy");
	free(s);
}

int
main(void)
{
	test_init();
	TEST_RUN(osc52_is_inert);
	TEST_RUN(c1_controls_replaced);
	TEST_RUN(bidi_overrides_dropped);
	TEST_RUN(newlines_and_tabs);
	TEST_RUN(arabic_kept);
	TEST_RUN(invalid_bytes_replaced);
	return test_done();
}
