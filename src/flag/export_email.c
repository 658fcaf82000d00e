/*
 * Flags as email: one RFC 5322 message per article for the outlet's
 * corrections desk, and the mbox container for a batch of them.
 *
 * Header values come from articles and notes, so nothing in them may end a
 * header or start another: CR, LF and every other control become a space
 * (runs of blanks collapse), bidi controls are dropped, a value that is not
 * plain ASCII (or that looks like an encoded-word already) is written as
 * RFC 2047 encoded-words (UTF-8, base64) of at most 76 characters a line,
 * and plain values are folded at blanks before 78 columns. No header line
 * can exceed 998 octets.
 *
 * The body is text/plain; charset=utf-8 in quoted-printable: any line
 * length and any byte survive transport, and a line that would start with
 * "From " or "." is encoded (=46, =2E) so neither mbox nor SMTP can alter
 * it. The text is passed through the display sanitiser first, so a
 * terminal mail reader shows escapes as symbols rather than obeying them.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "flag/export.h"
#include "util/buf.h"
#include "util/sanitize.h"
#include "util/utf8.h"
#include "util/xalloc.h"

#define LINE_SOFT	78	/* fold plain headers before this */
#define EW_LINE		76	/* RFC 2047: lines holding encoded-words */
#define QP_LINE		76	/* RFC 2045: encoded lines */

static const char days[7][4] = {
	"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"
};
static const char months[12][4] = {
	"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
	"Nov", "Dec"
};

/* A header value on one line: controls -> space, blanks collapsed. */
static char *
clean_value(const char *s)
{
	struct buf b = BUF_INIT;
	size_t len = strlen(s), n;
	uint32_t cp;
	int space = 1;		/* drops leading blanks */

	while (len > 0) {
		n = utf8_decode(s, len, &cp);
		if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0) ||
		    cp == ' ') {
			if (!space)
				buf_addc(&b, ' ');
			space = 1;
		} else if (cp == UTF8_REPLACEMENT || !sanitize_is_unsafe(cp)) {
			buf_add(&b, s, n);
			space = 0;
		}
		s += n;
		len -= n;
	}
	if (b.len > 0 && b.data[b.len - 1] == ' ')
		b.data[--b.len] = '\0';
	return buf_detach(&b);
}

static int
plain_ascii(const char *s)
{
	const char *w;
	size_t wl;

	if (strstr(s, "=?") != NULL)
		return 0;
	for (w = s; *w != '\0'; w++) {
		if ((unsigned char)*w < 0x20 || (unsigned char)*w > 0x7E)
			return 0;
	}
	/* A word too long to fold is encoded instead. */
	for (w = s; *w != '\0'; w += wl + (w[wl] == ' ')) {
		wl = strcspn(w, " ");
		if (wl > 900)
			return 0;
	}
	return 1;
}

static void
fold_plain(struct buf *out, const char *name, const char *v)
{
	size_t col = strlen(name) + 1, wl;
	int words = 0;		/* on this line */

	buf_printf(out, "%s:", name);
	while (*v != '\0') {
		wl = strcspn(v, " ");
		if (words > 0 && col + 1 + wl > LINE_SOFT) {
			buf_adds(out, "\r\n");
			col = 0;
			words = 0;
		}
		words++;
		buf_addc(out, ' ');
		buf_add(out, v, wl);
		col += 1 + wl;
		v += wl;
		if (*v == ' ')
			v++;
	}
	buf_adds(out, "\r\n");
}

static void
base64(struct buf *out, const unsigned char *p, size_t n)
{
	static const char tab[] =
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	uint32_t v;
	size_t i;

	for (i = 0; i + 2 < n; i += 3) {
		v = (uint32_t)p[i] << 16 | (uint32_t)p[i + 1] << 8 | p[i + 2];
		buf_addc(out, tab[v >> 18]);
		buf_addc(out, tab[(v >> 12) & 63]);
		buf_addc(out, tab[(v >> 6) & 63]);
		buf_addc(out, tab[v & 63]);
	}
	if (i < n) {
		v = (uint32_t)p[i] << 16;
		if (i + 1 < n)
			v |= (uint32_t)p[i + 1] << 8;
		buf_addc(out, tab[v >> 18]);
		buf_addc(out, tab[(v >> 12) & 63]);
		buf_addc(out, i + 1 < n ? tab[(v >> 6) & 63] : '=');
		buf_addc(out, '=');
	}
}

/* Encoded-words of whole characters, each line within EW_LINE. */
static void
encode_words(struct buf *out, const char *name, const char *v)
{
	size_t len = strlen(v), room, take, n;
	uint32_t cp;
	int first = 1;

	buf_printf(out, "%s:", name);
	while (len > 0) {
		/* "=?UTF-8?B?" + "?=" is 12; the line also has name or a blank. */
		room = EW_LINE - 12 - (first ? strlen(name) + 2 : 1);
		room = room / 4 * 3;
		if (room < 6)
			room = 6;
		for (take = 0; take < len; take += n) {
			n = utf8_decode(v + take, len - take, &cp);
			if (take + n > room && take > 0)
				break;
		}
		buf_adds(out, first ? " =?UTF-8?B?" : "\r\n =?UTF-8?B?");
		base64(out, (const unsigned char *)v, take);
		buf_adds(out, "?=");
		v += take;
		len -= take;
		first = 0;
	}
	buf_adds(out, "\r\n");
}

void
flag_email_header(struct buf *out, const char *name, const char *value)
{
	char *v = clean_value(value != NULL ? value : "");

	if (plain_ascii(v))
		fold_plain(out, name, v);
	else
		encode_words(out, name, v);
	free(v);
}

int
flag_email_address_ok(const char *addr)
{
	const char *p;

	if (addr == NULL || strchr(addr, '@') == NULL || strlen(addr) > 900)
		return 0;
	for (p = addr; *p != '\0'; p++) {
		if ((unsigned char)*p < 0x20 || (unsigned char)*p > 0x7E)
			return 0;
	}
	return 1;
}

/* Quoted-printable of one line of text (no line end), then CRLF. */
static void
qp_line(struct buf *out, const char *s, size_t len)
{
	size_t i, col = 0, w;
	unsigned char c;
	char enc[4];
	int lit;

	for (i = 0; i < len; i++) {
		c = (unsigned char)s[i];
		lit = (c >= 33 && c <= 126 && c != '=') ||
		    ((c == ' ' || c == '\t') && i + 1 < len);
		/* Keep "From " and "." at a line start away from mbox and SMTP. */
		if (col == 0 && (c == '.' || (c == 'F' && len - i >= 5 &&
		    strncmp(s + i, "From ", 5) == 0)))
			lit = 0;
		if (lit) {
			enc[0] = (char)c;
			w = 1;
		} else {
			snprintf(enc, sizeof enc, "=%02X", c);
			w = 3;
		}
		if (col + w > QP_LINE - 1) {
			buf_adds(out, "=\r\n");
			col = 0;
			i--;	/* decide again at the start of the new line */
			continue;
		}
		buf_add(out, enc, w);
		col += w;
	}
	buf_adds(out, "\r\n");
}

static void
qp_text(struct buf *out, const char *text)
{
	const char *nl;

	for (;;) {
		nl = strchr(text, '\n');
		qp_line(out, text, nl != NULL ? (size_t)(nl - text) : strlen(text));
		if (nl == NULL)
			break;
		text = nl + 1;
	}
}

/* Add text with every line after the first indented by pad. */
static void
add_indented(struct buf *b, const char *text, const char *pad)
{
	for (; *text != '\0'; text++) {
		buf_addc(b, *text);
		if (*text == '\n')
			buf_adds(b, pad);
	}
}

static void
body_field(struct buf *b, const char *name, const char *value)
{
	if (value == NULL || *value == '\0')
		return;
	buf_printf(b, "%-11s", name);
	add_indented(b, value, "           ");
	buf_addc(b, '\n');
}

/* The body text, before sanitising and encoding. */
static void
body_text(struct buf *b, const struct flag *flags, size_t n)
{
	const struct flag *f = &flags[0];
	size_t i;

	buf_adds(b, "Correction request\n\n");
	body_field(b, "Article:", f->title);
	body_field(b, "Source:", f->source);
	body_field(b, "Published:", f->published);
	body_field(b, "URL:", f->url);
	buf_printf(b, "\nThe %s below may need correcting.\n",
	    n == 1 ? "passage" : "passages");
	for (i = 0; i < n; i++) {
		f = &flags[i];
		buf_printf(b, "\n%zu. Passage:\n   > ", i + 1);
		add_indented(b, f->exact, "   > ");
		buf_adds(b, "\n");
		if (*f->prefix != '\0' || *f->suffix != '\0') {
			buf_adds(b, "   In context: ...");
			add_indented(b, f->prefix, "   ");
			buf_adds(b, "[");
			add_indented(b, f->exact, "   ");
			buf_adds(b, "]");
			add_indented(b, f->suffix, "   ");
			buf_adds(b, "...\n");
		}
		if (f->note != NULL && *f->note != '\0') {
			buf_adds(b, "   Note: ");
			add_indented(b, f->note, "   ");
			buf_adds(b, "\n");
		}
		if (!f->found)
			buf_adds(b, "   (This passage is no longer in the "
			    "current version of the article.)\n");
	}
	buf_adds(b, "\n-- \nSent with lede, a reader for news archives.\n");
}

static void
date_header(struct buf *out, time_t t)
{
	struct tm tm;

	gmtime_r(&t, &tm);
	buf_printf(out, "Date: %s, %02d %s %04d %02d:%02d:%02d +0000\r\n",
	    days[tm.tm_wday], tm.tm_mday, months[tm.tm_mon], tm.tm_year + 1900,
	    tm.tm_hour, tm.tm_min, tm.tm_sec);
}

const char *
flag_email_message(struct buf *out, const struct flag *flags, size_t n,
    const struct flag_email_opts *opts)
{
	static unsigned long seq;
	const struct flag *f = &flags[0];
	const char *to = NULL;
	struct buf text = BUF_INIT;
	char *subject, *safe;

	if (opts->to != NULL && flag_email_address_ok(opts->to))
		to = opts->to;
	else if (opts->to == NULL && flag_email_address_ok(f->corrections))
		to = f->corrections;
	if (flag_email_address_ok(opts->from))
		flag_email_header(out, "From", opts->from);
	else
		buf_adds(out, "From: lede@localhost\r\n");
	if (to != NULL)
		flag_email_header(out, "To", to);
	if (f->title != NULL && *f->title != '\0')
		subject = xasprintf("Correction request: %s", f->title);
	else if (f->url != NULL && *f->url != '\0')
		subject = xasprintf("Correction request: %s", f->url);
	else
		subject = xasprintf("Correction request: article %lld",
		    (long long)f->article_id);
	flag_email_header(out, "Subject", subject);
	free(subject);
	date_header(out, opts->date);
	buf_printf(out, "Message-ID: <lede.flags.%lld.%lld.%ld.%lu@%s>\r\n",
	    (long long)f->article_id, (long long)opts->date, (long)getpid(),
	    ++seq, opts->domain != NULL ? opts->domain : "lede.invalid");
	buf_adds(out, "MIME-Version: 1.0\r\n"
	    "Content-Type: text/plain; charset=utf-8\r\n"
	    "Content-Transfer-Encoding: quoted-printable\r\n"
	    "\r\n");
	body_text(&text, flags, n);
	safe = sanitize_display(text.data, text.len,
	    SANITIZE_NEWLINES | SANITIZE_TABS);
	qp_text(out, safe);
	free(safe);
	buf_release(&text);
	return to;
}

void
flag_mbox_add(struct buf *out, const char *msg, size_t len, time_t t)
{
	struct tm tm;
	const char *p = msg, *end = msg + len, *nl, *q;
	size_t ll;

	gmtime_r(&t, &tm);
	buf_printf(out, "From lede@localhost %s %s %2d %02d:%02d:%02d %04d\n",
	    days[tm.tm_wday], months[tm.tm_mon], tm.tm_mday, tm.tm_hour,
	    tm.tm_min, tm.tm_sec, tm.tm_year + 1900);
	while (p < end) {
		nl = memchr(p, '\n', (size_t)(end - p));
		ll = nl != NULL ? (size_t)(nl - p) : (size_t)(end - p);
		if (ll > 0 && p[ll - 1] == '\r')
			ll--;
		/* mboxrd: ">*From " gains one more '>'. */
		for (q = p; q < p + ll && *q == '>'; q++)
			;
		if ((size_t)(p + ll - q) >= 5 && strncmp(q, "From ", 5) == 0)
			buf_addc(out, '>');
		buf_add(out, p, ll);
		buf_addc(out, '\n');
		p = nl != NULL ? nl + 1 : end;
	}
	buf_addc(out, '\n');
}
