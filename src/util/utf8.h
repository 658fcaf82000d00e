/*
 * UTF-8 decoding, repair and display width. Everything lede stores is valid
 * UTF-8: utf8_repair() is the one place invalid input becomes U+FFFD (one per
 * maximal subpart, as Unicode recommends), so a count can be reported.
 * Widths come from wcwidth() in the current locale; callers set a UTF-8
 * locale at start-up.
 */
#ifndef LEDE_UTIL_UTF8_H
#define LEDE_UTIL_UTF8_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#define UTF8_REPLACEMENT 0xFFFD

/*
 * Decode one code point from s (at most len bytes). Returns the number of
 * bytes consumed (>= 1 when len > 0) and stores the code point, or
 * UTF8_REPLACEMENT for an invalid maximal subpart, in *cp. Returns 0 only
 * when len == 0.
 */
size_t	 utf8_decode(const char *s, size_t len, uint32_t *cp);
/* Encode cp into out (4 bytes room). Returns bytes written. */
size_t	 utf8_encode(uint32_t cp, char *out);
/*
 * The length of the run of plain ASCII that s[0..len) starts with, in
 * whole words of 8 bytes: no byte >= 0x80, no NUL, no CR (it may stop
 * short of where such a byte is, never past it). Imports read every byte
 * of their input several times (encoding guess, repair, validation), and
 * nearly all of it is plain ASCII: this takes it eight bytes at a time.
 */
static inline size_t
utf8_plain_run(const char *s, size_t len)
{
	const uint64_t ones = 0x0101010101010101ULL;
	const uint64_t high = 0x8080808080808080ULL;
	uint64_t w, cr;
	size_t i;

	for (i = 0; i + 8 <= len; i += 8) {
		memcpy(&w, s + i, 8);
		cr = w ^ (0x0d * ones);
		/* a byte with its top bit, or a zero byte in w or in cr */
		if ((w | ((w - ones) & ~w) | ((cr - ones) & ~cr)) & high)
			break;
	}
	return i;
}
/* Whether s[0..len) is valid UTF-8 without NUL bytes. */
int	 utf8_valid(const char *s, size_t len);
/*
 * Return a valid UTF-8 copy of s[0..len): invalid sequences and NUL bytes
 * become U+FFFD, CRLF and lone CR become LF. *replaced (if not NULL) is
 * increased by the number of replacements. Caller frees.
 */
char	*utf8_repair(const char *s, size_t len, size_t *replaced);
/* Columns a code point takes: 0 for combining marks and invisible format
 * characters, 2 for wide ones, -1 for controls. */
int	 utf8_cpwidth(uint32_t cp);
/* Display width of a valid UTF-8 string; controls count as 1 (they are
 * shown as one placeholder). */
size_t	 utf8_width(const char *s, size_t len);
/*
 * Byte length of the longest prefix of s that fits in width columns,
 * never splitting a character or separating a base from its combining
 * marks. *used receives the columns taken (may be NULL).
 */
size_t	 utf8_fit(const char *s, size_t len, size_t width, size_t *used);
/*
 * A copy of s cut to at most width columns, ending in "\xE2\x80\xA6" (an
 * ellipsis) when something was cut, and padded with spaces to exactly width
 * columns when pad is set. s must already be display-safe (sanitised).
 * Caller frees.
 */
char	*utf8_cut(const char *s, size_t width, int pad);
/* Whether cp is a right-to-left letter (Hebrew, Arabic and related). */
int	 utf8_is_rtl(uint32_t cp);
/*
 * The bytes of s[0..len) that term[0..tl) matches at its start, letters
 * compared without case (towlower), or 0 when it does not match there.
 */
size_t	 utf8_casematch(const char *s, size_t len, const char *term,
	    size_t tl);

#endif
