/*
 * UTF-8 handling. The decoder follows the Unicode "maximal subpart"
 * practice: a truncated or invalid sequence yields one U+FFFD for the bytes
 * that could have started a valid sequence, and decoding resumes at the
 * first byte that could not. Overlong forms, surrogates and code points
 * above U+10FFFF are invalid.
 */
#include "config.h"

#include <string.h>
#include <wctype.h>
#include <wchar.h>

#include "util/buf.h"
#include "util/utf8.h"
#include "util/xalloc.h"

size_t
utf8_decode(const char *s, size_t len, uint32_t *cp)
{
	const unsigned char *u = (const unsigned char *)s;
	unsigned char c, lo = 0x80, hi = 0xBF;
	size_t need, i;
	uint32_t v;

	if (len == 0)
		return 0;
	c = u[0];
	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	if (c >= 0xC2 && c <= 0xDF) {
		need = 1;
		v = c & 0x1F;
	} else if (c >= 0xE0 && c <= 0xEF) {
		need = 2;
		v = c & 0x0F;
		if (c == 0xE0)
			lo = 0xA0;
		else if (c == 0xED)
			hi = 0x9F;	/* no surrogates */
	} else if (c >= 0xF0 && c <= 0xF4) {
		need = 3;
		v = c & 0x07;
		if (c == 0xF0)
			lo = 0x90;
		else if (c == 0xF4)
			hi = 0x8F;
	} else {
		*cp = UTF8_REPLACEMENT;
		return 1;
	}
	for (i = 1; i <= need; i++) {
		if (i >= len || u[i] < lo || u[i] > hi) {
			*cp = UTF8_REPLACEMENT;
			return i;
		}
		v = (v << 6) | (u[i] & 0x3F);
		lo = 0x80;
		hi = 0xBF;
	}
	*cp = v;
	return need + 1;
}

size_t
utf8_encode(uint32_t cp, char *out)
{
	unsigned char *o = (unsigned char *)out;

	if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
		cp = UTF8_REPLACEMENT;
	if (cp < 0x80) {
		o[0] = (unsigned char)cp;
		return 1;
	}
	if (cp < 0x800) {
		o[0] = (unsigned char)(0xC0 | (cp >> 6));
		o[1] = (unsigned char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		o[0] = (unsigned char)(0xE0 | (cp >> 12));
		o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
		o[2] = (unsigned char)(0x80 | (cp & 0x3F));
		return 3;
	}
	o[0] = (unsigned char)(0xF0 | (cp >> 18));
	o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
	o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
	o[3] = (unsigned char)(0x80 | (cp & 0x3F));
	return 4;
}

int
utf8_valid(const char *s, size_t len)
{
	size_t i = 0, n;
	uint32_t cp;

	while (i < len) {
		i += utf8_plain_run(s + i, len - i);
		if (i >= len)
			break;
		if ((unsigned char)s[i] < 0x80) {
			if (s[i] == '\0')
				return 0;
			i++;
			continue;
		}
		n = utf8_decode(s + i, len - i, &cp);
		if (cp == UTF8_REPLACEMENT &&
		    !(n == 3 && memcmp(s + i, "\xEF\xBF\xBD", 3) == 0))
			return 0;
		i += n;
	}
	return 1;
}

/*
 * Valid text is copied in runs, not a character at a time: the importer
 * repairs every file and every field it reads, nearly all of them valid.
 * A run stops at CR, NUL and invalid bytes; a valid sequence is copied as
 * it is, which is what encoding its code point again would give (the
 * decoder takes shortest forms only).
 */
char *
utf8_repair(const char *s, size_t len, size_t *replaced)
{
	struct buf b = BUF_INIT;
	size_t i = 0, n, run, count = 0;
	uint32_t cp;

	buf_grow(&b, len);
	while (i < len) {
		run = i;
		while (i < len) {
			unsigned char c;

			i += utf8_plain_run(s + i, len - i);
			if (i >= len)
				break;
			c = (unsigned char)s[i];

			if (c < 0x80) {
				if (c == '\r' || c == '\0')
					break;
				i++;
				continue;
			}
			n = utf8_decode(s + i, len - i, &cp);
			if (cp == UTF8_REPLACEMENT &&
			    !(n == 3 && memcmp(s + i, "\xEF\xBF\xBD", 3) == 0))
				break;
			i += n;
		}
		if (i > run)
			buf_add(&b, s + run, i - run);
		if (i >= len)
			break;
		if (s[i] == '\r') {
			buf_addc(&b, '\n');
			i += (i + 1 < len && s[i + 1] == '\n') ? 2 : 1;
			continue;
		}
		/* NUL, or bytes that are no character: one U+FFFD */
		n = s[i] == '\0' ? 1 : utf8_decode(s + i, len - i, &cp);
		buf_add(&b, "\xEF\xBF\xBD", 3);
		count++;
		i += n;
	}
	if (replaced != NULL)
		*replaced += count;
	return buf_detach(&b);
}

int
utf8_cpwidth(uint32_t cp)
{
	int w;

	if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0))
		return -1;
	/* Invisible format characters: zero width whatever libc says. */
	if (cp == 0x00AD || cp == 0x200B || cp == 0x200C || cp == 0x200D ||
	    cp == 0x2060 || cp == 0xFEFF || (cp >= 0xFE00 && cp <= 0xFE0F))
		return 0;
	w = wcwidth((wchar_t)cp);
	if (w < 0) {
		/* Unassigned or private use in this libc: treat as one cell. */
		return 1;
	}
	return w;
}

size_t
utf8_width(const char *s, size_t len)
{
	size_t i = 0, w = 0;
	uint32_t cp;
	int cw;

	while (i < len) {
		i += utf8_decode(s + i, len - i, &cp);
		cw = utf8_cpwidth(cp);
		w += cw < 0 ? 1 : (size_t)cw;
	}
	return w;
}

size_t
utf8_fit(const char *s, size_t len, size_t width, size_t *used)
{
	size_t i = 0, w = 0, n;
	uint32_t cp;
	int cw;

	while (i < len) {
		n = utf8_decode(s + i, len - i, &cp);
		cw = utf8_cpwidth(cp);
		if (cw < 0)
			cw = 1;
		if (cw > 0 && w + (size_t)cw > width)
			break;
		w += (size_t)cw;
		i += n;
	}
	if (used != NULL)
		*used = w;
	return i;
}

char *
utf8_cut(const char *s, size_t width, int pad)
{
	struct buf b = BUF_INIT;
	size_t len = strlen(s), n, used;

	if (utf8_width(s, len) <= width) {
		buf_add(&b, s, len);
		used = utf8_width(s, len);
	} else if (width == 0) {
		used = 0;
	} else {
		n = utf8_fit(s, len, width - 1, &used);
		buf_add(&b, s, n);
		buf_adds(&b, "\xE2\x80\xA6");
		used++;
	}
	while (pad && used < width) {
		buf_addc(&b, ' ');
		used++;
	}
	return buf_detach(&b);
}

int
utf8_is_rtl(uint32_t cp)
{
	return (cp >= 0x0590 && cp <= 0x08FF) ||
	    (cp >= 0xFB1D && cp <= 0xFDFF) || (cp >= 0xFE70 && cp <= 0xFEFF) ||
	    (cp >= 0x10800 && cp <= 0x10FFF) || (cp >= 0x1E800 && cp <= 0x1EFFF);
}

size_t
utf8_casematch(const char *s, size_t len, const char *term, size_t tl)
{
	size_t i = 0, j = 0;
	uint32_t a, b;

	while (j < tl) {
		if (i >= len)
			return 0;
		i += utf8_decode(s + i, len - i, &a);
		j += utf8_decode(term + j, tl - j, &b);
		if (a != b && towlower((wint_t)a) != towlower((wint_t)b))
			return 0;
	}
	return i;
}
