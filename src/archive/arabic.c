/*
 * Arabic folding for the tokenizer. Every rule maps a two-byte UTF-8
 * sequence (U+0080-U+07FF) to a two-byte sequence, an ASCII digit, or
 * nothing, so the output never outgrows the input and the fold can run
 * in a buffer the size of the token.
 */
#include "config.h"

#include <stdint.h>

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
