/*
 * Turning bytes of unknown encoding into the valid UTF-8 lede stores, and
 * the small string helpers the parsers share. Files in the wild are UTF-8,
 * UTF-8 with a byte order mark, occasionally UTF-16 with one, and often
 * enough Windows-1252 or Latin-1 (the BBC corpus has such a file). The
 * Windows-1252 guess is made only when the bytes contain no valid UTF-8
 * multi-byte sequence at all, do contain high bytes, mostly one at a time,
 * and none of the five bytes Windows-1252 leaves undefined: real UTF-8
 * text almost always has a valid sequence, Latin-1 text almost never forms
 * one by chance, and broken UTF-8 comes in runs of high bytes. Nor are
 * the letters of Latin-1 (0xC0-0xFF) found alone among punctuation: they
 * sit in words. A stray byte of line noise in ASCII text (Reuters-21578
 * has "growth.\xFC&#5;") is invalid UTF-8, not a u with umlaut, so one
 * letter that touches no letter and is no word of its own, without
 * several that do, rules the guess out too.
 */
#include "config.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "import/import_int.h"
#include "util/buf.h"
#include "util/utf8.h"
#include "util/xalloc.h"

/* Windows-1252 0x80-0x9F; undefined positions keep the Latin-1 C1 code. */
static const unsigned short cp1252_high[32] = {
	0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
	0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
	0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
	0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
};

char *
import_repair(const char *s, size_t len, size_t *replaced)
{
	/* utf8_repair() of nothing returns an unterminated buffer (util
	   bug, reported); nothing needs no repair anyway. */
	if (len == 0)
		return xstrdup("");
	return utf8_repair(s, len, replaced);
}

/* A Latin-1 letter (not the signs x and / among them). */
static int
cp1252_letter(unsigned char c)
{
	return c >= 0xC0 && c != 0xD7 && c != 0xF7;
}

/*
 * Whether the lone high byte p[i] sits as a letter does: next to a letter
 * (or another high byte), or as a one-letter word ("a \xE0 Paris").
 */
static int
cp1252_in_word(const unsigned char *p, size_t len, size_t i)
{
	int before = i == 0 ? ' ' : p[i - 1];
	int after = i + 1 >= len ? ' ' : p[i + 1];

	if (isalpha(before) || before >= 0x80 || isalpha(after) || after >= 0x80)
		return 1;
	return (isspace(before) || (before != 0 && strchr("(\"'", before))) &&
	    (isspace(after) || (after != 0 && strchr(".,;:!?)\"'", after)));
}

int
import_is_cp1252(const char *data, size_t len)
{
	const unsigned char *p = (const unsigned char *)data;
	size_t i = 0, n, good = 0, bad = 0, runs = 0, long_runs = 0, run;
	size_t words = 0, strays = 0;
	uint32_t cp;

	while (i < len) {
		if (p[i] < 0x80) {
			i++;
			i += utf8_plain_run(data + i, len - i);
			continue;
		}
		/* Latin-1 text has its high bytes one at a time (an accented
		   letter, a pound sign, a curly quote); broken UTF-8 has them
		   in runs. Undefined Windows-1252 bytes rule it out. */
		for (run = 0; i + run < len && p[i + run] >= 0x80; run++)
			if (p[i + run] == 0x81 || p[i + run] == 0x8D ||
			    p[i + run] == 0x8F || p[i + run] == 0x90 ||
			    p[i + run] == 0x9D)
				return 0;
		runs++;
		if (run > 1)
			long_runs++;
		n = utf8_decode(data + i, len - i, &cp);
		if (cp == UTF8_REPLACEMENT && !(n == 3 &&
		    memcmp(data + i, "\xEF\xBF\xBD", 3) == 0)) {
			bad++;
			if (run == 1 && cp1252_letter(p[i])) {
				if (cp1252_in_word(p, len, i))
					words++;
				else
					strays++;
			}
		} else
			good++;
		i += run;
	}
	return bad > 0 && good == 0 && long_runs * 4 <= runs &&
	    strays * 4 <= words;
}

static char *
import_from_cp1252(const char *data, size_t len, size_t *replaced)
{
	struct buf b = BUF_INIT;
	char enc[4], *out;
	size_t i;
	unsigned char c;

	buf_grow(&b, len + len / 2);
	for (i = 0; i < len; i++) {
		c = (unsigned char)data[i];
		if (c < 0x80)
			buf_addc(&b, (char)c);
		else if (c < 0xA0)
			buf_add(&b, enc, utf8_encode(cp1252_high[c - 0x80], enc));
		else
			buf_add(&b, enc, utf8_encode(c, enc));
	}
	/* NUL and CR handling stays in one place. */
	out = import_repair(b.data != NULL ? b.data : "", b.len, replaced);
	buf_release(&b);
	return out;
}

static char *
import_from_utf16(const char *data, size_t len, int big, size_t *replaced)
{
	struct buf b = BUF_INIT;
	char enc[4], *out;
	size_t i;
	uint32_t u, lo;

	for (i = 0; i + 1 < len; i += 2) {
		u = big ? ((unsigned char)data[i] << 8 | (unsigned char)data[i + 1]) :
		    ((unsigned char)data[i + 1] << 8 | (unsigned char)data[i]);
		if (u >= 0xD800 && u <= 0xDBFF && i + 3 < len) {
			lo = big ? ((unsigned char)data[i + 2] << 8 |
			    (unsigned char)data[i + 3]) :
			    ((unsigned char)data[i + 3] << 8 |
			    (unsigned char)data[i + 2]);
			if (lo >= 0xDC00 && lo <= 0xDFFF) {
				u = 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00);
				i += 2;
			}
		}
		if ((u >= 0xD800 && u <= 0xDFFF) || u == 0) {
			u = UTF8_REPLACEMENT;
			if (replaced != NULL)
				(*replaced)++;
		}
		buf_add(&b, enc, utf8_encode(u, enc));
	}
	out = import_repair(b.data != NULL ? b.data : "", b.len, replaced);
	buf_release(&b);
	return out;
}

char *
import_decode(const char *data, size_t len, size_t *outlen, size_t *replaced)
{
	char *out;

	if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) {
		data += 3;
		len -= 3;
	}
	if (len >= 2 && memcmp(data, "\xFF\xFE", 2) == 0)
		out = import_from_utf16(data + 2, len - 2, 0, replaced);
	else if (len >= 2 && memcmp(data, "\xFE\xFF", 2) == 0)
		out = import_from_utf16(data + 2, len - 2, 1, replaced);
	else if (import_is_cp1252(data, len))
		out = import_from_cp1252(data, len, replaced);
	else
		out = import_repair(data, len, replaced);
	*outlen = strlen(out);
	return out;
}

int
import_decodes_as_utf8(const char *data, size_t len, size_t *skip)
{
	*skip = 0;
	if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) {
		*skip = 3;
		data += 3;
		len -= 3;
	}
	if (len >= 2 && (memcmp(data, "\xFF\xFE", 2) == 0 ||
	    memcmp(data, "\xFE\xFF", 2) == 0))
		return 0;
	return !import_is_cp1252(data, len);
}

size_t
import_cut(const char *s, size_t len, size_t max)
{
	if (len <= max)
		return len;
	/* Back up over continuation bytes to a character start. */
	while (max > 0 && ((unsigned char)s[max] & 0xC0) == 0x80)
		max--;
	return max;
}

char *
import_squeeze(const char *s)
{
	struct buf b = BUF_INIT;
	int space = 0;

	if (s == NULL)
		return NULL;
	for (; *s != '\0'; s++) {
		if (strchr(" \t\n\r\f\v", *s) != NULL) {
			space = 1;
			continue;
		}
		if (space && b.len > 0)
			buf_addc(&b, ' ');
		space = 0;
		buf_addc(&b, *s);
	}
	if (b.len == 0) {
		buf_release(&b);
		return NULL;
	}
	return buf_detach(&b);
}

char *
import_shorten(const char *s, size_t max)
{
	size_t len = strlen(s), cut, i;
	struct buf b = BUF_INIT;

	if (len <= max)
		return xstrdup(s);
	cut = import_cut(s, len, max - 3);
	/* Prefer the last word boundary past half the room. */
	for (i = cut; i > max / 2; i--)
		if (s[i] == ' ')
			break;
	if (i > max / 2)
		cut = i;
	while (cut > 0 && strchr(" ,;:-", s[cut - 1]) != NULL)
		cut--;
	buf_add(&b, s, cut);
	buf_adds(&b, "\xE2\x80\xA6");
	return buf_detach(&b);
}

char *
import_lang_tag(const char *s)
{
	char tag[9];
	size_t n = 0;

	if (s == NULL)
		return NULL;
	while (isspace((unsigned char)*s))
		s++;
	while (n < 8 && isalpha((unsigned char)s[n])) {
		tag[n] = (char)tolower((unsigned char)s[n]);
		n++;
	}
	if (n < 2 || n > 3 || isalpha((unsigned char)s[n]))
		return NULL;
	tag[n] = '\0';
	return xstrdup(tag);
}

char *
import_title_from_text(const char *text)
{
	size_t n;
	const char *p;
	char *first, *t;

	if (text == NULL)
		return NULL;
	text += strspn(text, " \t\n");
	n = strcspn(text, "\n");
	if (n == 0)
		return NULL;
	/* The first sentence: a stop followed by a space, not too early
	   (so "Mr. Smith" or "U.S. troops" do not end it). */
	for (p = text; p < text + n; p++)
		if ((*p == '.' || *p == '?' || *p == '!') &&
		    (p[1] == ' ' || p + 1 == text + n) && p - text > 20) {
			n = (size_t)(p - text) + (*p != '.');
			break;
		}
	first = xstrndup(text, n);
	t = import_shorten(first, IMPORT_TITLE_DERIVED);
	free(first);
	return t;
}
