/* Unit tests for src/util/utf8.c. */
#include "config.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "test.h"
#include "util/utf8.h"

static void
decode_valid(void)
{
	uint32_t cp;

	CHECK_INT(utf8_decode("A", 1, &cp), 1);
	CHECK_INT(cp, 'A');
	CHECK_INT(utf8_decode("\xD8\xB9", 2, &cp), 2);
	CHECK_INT(cp, 0x0639);
	CHECK_INT(utf8_decode("\xE4\xB8\xAD", 3, &cp), 3);
	CHECK_INT(cp, 0x4E2D);
	CHECK_INT(utf8_decode("\xF0\x9F\x98\x80", 4, &cp), 4);
	CHECK_INT(cp, 0x1F600);
}

static void
decode_invalid_maximal_subpart(void)
{
	uint32_t cp;

	/* overlong C0 AF: two replacements, one byte each */
	CHECK_INT(utf8_decode("\xC0\xAF", 2, &cp), 1);
	CHECK_INT(cp, UTF8_REPLACEMENT);
	/* surrogate ED A0 80: ED alone is the maximal subpart */
	CHECK_INT(utf8_decode("\xED\xA0\x80", 3, &cp), 1);
	CHECK_INT(cp, UTF8_REPLACEMENT);
	/* truncated E2 82 then 'x': one replacement for two bytes */
	CHECK_INT(utf8_decode("\xE2\x82x", 3, &cp), 2);
	CHECK_INT(cp, UTF8_REPLACEMENT);
	/* above U+10FFFF */
	CHECK_INT(utf8_decode("\xF4\x90\x80\x80", 4, &cp), 1);
	CHECK_INT(cp, UTF8_REPLACEMENT);
}

static void
repair_counts_and_normalises(void)
{
	size_t n = 0;
	char *s = utf8_repair("a\xFF" "b\r\nc\rd\0e", 10, &n);

	CHECK_STR(s, "a\xEF\xBF\xBD" "b\nc\nd\xEF\xBF\xBD" "e");
	CHECK_INT(n, 2);
	free(s);
	n = 0;
	s = utf8_repair("\xC0\xAF", 2, &n);
	CHECK_STR(s, "\xEF\xBF\xBD\xEF\xBF\xBD");
	CHECK_INT(n, 2);
	free(s);
	/* valid runs (copied whole) around what breaks them: a literal
	   U+FFFD is kept and not counted, a truncated sequence at the end
	   is one U+FFFD, an E0 with a continuation out of range two */
	n = 0;
	s = utf8_repair("caf\xC3\xA9 \xD8\xB9\xEF\xBF\xBD\xE4\xB8\xAD!"
	    "\xE0\x80x\xF0\x90\x80", 21, &n);
	CHECK_STR(s, "caf\xC3\xA9 \xD8\xB9\xEF\xBF\xBD\xE4\xB8\xAD!"
	    "\xEF\xBF\xBD\xEF\xBF\xBDx\xEF\xBF\xBD");
	CHECK_INT(n, 3);
	free(s);
}

static void
valid_rejects_nul_and_bad(void)
{
	CHECK(utf8_valid("abc \xD8\xB9", 6));
	CHECK(!utf8_valid("a\0b", 3));
	CHECK(!utf8_valid("\xFF", 1));
	CHECK(utf8_valid("\xEF\xBF\xBD", 3));
}

/*
 * utf8_valid() and utf8_repair() skip plain ASCII eight bytes at a time
 * (utf8_plain_run()): one odd byte (NUL, CR, a lone continuation byte, a
 * valid two-byte letter) at every position of a 40-byte ASCII text, and
 * at every starting offset, gives what reading byte by byte gives.
 */
static void
plain_runs_stop_at_every_odd_byte(void)
{
	static const struct {
		const char	*odd;
		size_t		 n;
		int		 valid;
		const char	*becomes;
	} odd[] = {
		{ "\0", 1, 0, "\xEF\xBF\xBD" },
		{ "\r", 1, 1, "\n" },
		{ "\x80", 1, 0, "\xEF\xBF\xBD" },
		{ "\xC3\xA9", 2, 1, "\xC3\xA9" },
	};
	char in[48], want[48], *got;
	size_t k, at, start, n, r, w;

	for (k = 0; k < sizeof odd / sizeof odd[0]; k++)
		for (at = 0; at + odd[k].n <= 40; at++) {
			memset(in, 'a', 40);
			memcpy(in + at, odd[k].odd, odd[k].n);
			for (start = 0; start <= at; start++) {
				n = 40 - start;
				CHECK_INT(utf8_valid(in + start, n),
				    odd[k].valid);
				r = 0;
				got = utf8_repair(in + start, n, &r);
				w = at - start;
				memset(want, 'a', w);
				memcpy(want + w, odd[k].becomes,
				    strlen(odd[k].becomes));
				w += strlen(odd[k].becomes);
				memset(want + w, 'a', 40 - at - odd[k].n);
				w += 40 - at - odd[k].n;
				want[w] = '\0';
				CHECK_STR(got, want);
				CHECK_INT(r, !odd[k].valid);
				free(got);
			}
		}
	CHECK_INT(utf8_plain_run("abcdefgh" "ijklmnop" "q", 17), 16);
	CHECK_INT(utf8_plain_run("abcdefgh" "ijk\rmnop", 16), 8);
	CHECK_INT(utf8_plain_run("abcdefg", 7), 0);
}

static void
width_and_fit(void)
{
	size_t used;
	const char *cjk = "\xE4\xB8\xAD\xE6\x96\x87";	/* 2 wide chars */
	const char *comb = "e\xCC\x81x";		/* e + acute, x */

	CHECK_INT(utf8_width("abc", 3), 3);
	CHECK_INT(utf8_width(cjk, 6), 4);
	CHECK_INT(utf8_width(comb, 4), 2);
	CHECK_INT(utf8_width("Ne\xE2\x80\x8Bws", 7), 4);
	/* 3 columns cannot hold the second wide char: stop after the first */
	CHECK_INT(utf8_fit(cjk, 6, 3, &used), 3);
	CHECK_INT(used, 2);
	/* the combining mark stays with its base */
	CHECK_INT(utf8_fit(comb, 4, 1, &used), 3);
	CHECK_INT(used, 1);
}

static void
cut_with_ellipsis(void)
{
	char *s;

	s = utf8_cut("abcdef", 4, 0);
	CHECK_STR(s, "abc\xE2\x80\xA6");
	free(s);
	s = utf8_cut("ab", 4, 1);
	CHECK_STR(s, "ab  ");
	free(s);
	/* a wide char that would straddle the edge is dropped, then padded */
	s = utf8_cut("a\xE4\xB8\xAD\xE6\x96\x87", 4, 1);
	CHECK_STR(s, "a\xE4\xB8\xAD\xE2\x80\xA6");
	free(s);
	s = utf8_cut("a\xE4\xB8\xAD\xE6\x96\x87" "b", 4, 1);
	CHECK_STR(s, "a\xE4\xB8\xAD\xE2\x80\xA6");
	free(s);
	s = utf8_cut("\xE4\xB8\xAD\xE6\x96\x87\xE6\x96\x87", 4, 1);
	CHECK_STR(s, "\xE4\xB8\xAD\xE2\x80\xA6 ");
	free(s);
}

static void
rtl_detection(void)
{
	CHECK(utf8_is_rtl(0x0639));
	CHECK(utf8_is_rtl(0x05D0));
	CHECK(!utf8_is_rtl('A'));
}

static void
casematch(void)
{
	const char *s = "\xc3\x89" "COLE des Beaux";	/* ÉCOLE */

	/* é and É are one letter where the locale knows them */
	if (setlocale(LC_CTYPE, "C.UTF-8") != NULL)
		CHECK_INT(utf8_casematch(s, strlen(s), "\xc3\xa9" "cole", 6),
		    6);
	CHECK_INT(utf8_casematch(s, strlen(s), "ecole", 5), 0);
	CHECK_INT(utf8_casematch(s + 11, strlen(s + 11), "BEAUX", 5), 5);
	/* a term longer than what is left never matches */
	CHECK_INT(utf8_casematch("Bea", 3, "beaux", 5), 0);
	CHECK_INT(utf8_casematch("abc", 3, "", 0), 0);
}

int
main(void)
{
	test_init();
	TEST_RUN(decode_valid);
	TEST_RUN(decode_invalid_maximal_subpart);
	TEST_RUN(repair_counts_and_normalises);
	TEST_RUN(valid_rejects_nul_and_bad);
	TEST_RUN(plain_runs_stop_at_every_odd_byte);
	TEST_RUN(width_and_fit);
	TEST_RUN(cut_with_ellipsis);
	TEST_RUN(rtl_detection);
	TEST_RUN(casematch);
	return test_done();
}
