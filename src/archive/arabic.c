/*
 * Arabic folding for the tokenizer. Every rule maps a two-byte UTF-8
 * sequence (U+0080-U+07FF) to a two-byte sequence, an ASCII digit, or
 * nothing, so the output never outgrows the input and the fold can run
 * in a buffer the size of the token.
 */
#include "config.h"

#include <stdint.h>
#include <string.h>

#include "archive/arabic.h"

/* The replacement for cp: 0 to drop it, cp itself to keep it. */
static uint32_t
fold_cp(uint32_t cp)
{
	if ((cp >= 0x064B && cp <= 0x065F) || cp == 0x0670 || cp == 0x0640 ||
	    (cp >= 0x0610 && cp <= 0x061A) || (cp >= 0x06D6 && cp <= 0x06ED &&
	    cp != 0x06E5 && cp != 0x06E6) || (cp >= 0x0300 && cp <= 0x036F))
		return 0;
	switch (cp) {
	case 0x0622: case 0x0623: case 0x0625:
	case 0x0671: case 0x0672: case 0x0673:
		return 0x0627;
	case 0x0649: case 0x06CC: case 0x0626:
		return 0x064A;
	case 0x0629:
		return 0x0647;
	case 0x0624:
		return 0x0648;
	case 0x06A9:
		return 0x0643;
	}
	if (cp >= 0x0660 && cp <= 0x0669)
		return '0' + (cp - 0x0660);
	if (cp >= 0x06F0 && cp <= 0x06F9)
		return '0' + (cp - 0x06F0);
	return cp;
}

int
archive_arabic_needs_fold(const char *in, size_t len)
{
	const unsigned char *s = (const unsigned char *)in;
	size_t i;
	uint32_t cp;

	for (i = 0; i + 1 < len; i++) {
		if ((s[i] & 0xE0) != 0xC0 || (s[i + 1] & 0xC0) != 0x80)
			continue;
		cp = ((uint32_t)(s[i] & 0x1F) << 6) | (s[i + 1] & 0x3F);
		if (fold_cp(cp) != cp)
			return 1;
		i++;
	}
	return 0;
}

size_t
archive_arabic_fold(const char *in, size_t len, char *out)
{
	const unsigned char *s = (const unsigned char *)in;
	size_t i = 0, n = 0;
	uint32_t cp, to;

	while (i < len) {
		if (i + 1 < len && (s[i] & 0xE0) == 0xC0 &&
		    (s[i + 1] & 0xC0) == 0x80) {
			cp = ((uint32_t)(s[i] & 0x1F) << 6) | (s[i + 1] & 0x3F);
			to = fold_cp(cp);
			if (to >= 0x80) {
				out[n++] = (char)(0xC0 | (to >> 6));
				out[n++] = (char)(0x80 | (to & 0x3F));
			} else if (to != 0)
				out[n++] = (char)to;
			i += 2;
		} else
			out[n++] = (char)s[i++];
	}
	return n;
}

/* Arabic letters hamza .. yeh, each two bytes in UTF-8. */
static int
arabic_letters(const char *w, size_t len)
{
	const unsigned char *s = (const unsigned char *)w;
	uint32_t cp;
	size_t i;

	if (len == 0 || len % 2 != 0)
		return 0;
	for (i = 0; i < len; i += 2) {
		if ((s[i] & 0xE0) != 0xC0 || (s[i + 1] & 0xC0) != 0x80)
			return 0;
		cp = ((uint32_t)(s[i] & 0x1F) << 6) | (s[i + 1] & 0x3F);
		if (cp < 0x0621 || cp > 0x064A)
			return 0;
	}
	return 1;
}

/*
 * The length of the affix p (not empty) if w[0..len) starts with it,
 * else 0. Byte loops, not strlen() and memcmp(): the affixes are a few
 * bytes, and the calls were most of the stemmer's time (it runs on
 * every Arabic token).
 */
static size_t
prefix_len(const char *w, size_t len, const char *p)
{
	size_t i;

	for (i = 0; p[i] != '\0'; i++)
		if (i >= len || w[i] != p[i])
			return 0;
	return i;
}

/* The length of the affix p (not empty) if w[0..len) ends with it, else 0. */
static size_t
suffix_len(const char *w, size_t len, const char *p)
{
	size_t i, n;

	for (n = 0; p[n] != '\0'; n++)
		;
	if (n > len)
		return 0;
	for (i = 0; i < n; i++)
		if (w[len - n + i] != p[i])
			return 0;
	return n;
}

size_t
archive_arabic_stem(char *w, size_t len)
{
	static const char *const articles[] = {
		"\u0648\u0627\u0644", "\u0628\u0627\u0644",
		"\u0643\u0627\u0644", "\u0641\u0627\u0644",
		"\u0627\u0644", "\u0644\u0644",
	};
	/* After folding: teh marbuta is heh, so -iyya is -yh and -a is -h. */
	static const char *const suffixes[] = {
		"\u0647\u0627", "\u0627\u0646", "\u0627\u062A",
		"\u0648\u0646", "\u064A\u0646", "\u064A\u0647",
		"\u0647", "\u064A",
	};
	size_t i, n;

	if (!arabic_letters(w, len))
		return len;
	/* Lengths below are in bytes: two per letter. */
	if (prefix_len(w, len, "\u0648") != 0 && len - 2 >= 6) {
		memmove(w, w + 2, len - 2);
		len -= 2;
	}
	for (i = 0; i < sizeof articles / sizeof articles[0]; i++) {
		n = prefix_len(w, len, articles[i]);
		/* Light10 leaves two letters; three keeps al-lah whole. */
		if (n != 0 && len - n >= 6) {
			memmove(w, w + n, len - n);
			len -= n;
			break;
		}
	}
	for (i = 0; i < sizeof suffixes / sizeof suffixes[0]; i++) {
		n = suffix_len(w, len, suffixes[i]);
		if (n != 0 && len - n >= 4)
			len -= n;
	}
	return len;
}
