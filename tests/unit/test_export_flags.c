/*
 * The three export formats, each parsed back: JSON with json-c, CSV with
 * a small RFC 4180 reader, email with a header parser that unfolds and
 * decodes RFC 2047 words and a quoted-printable decoder. The flags carry
 * hostile text (quotes, backslashes, line breaks, ESC, C1, U+2028, bidi
 * overrides, formula starters, a title with "\r\nBcc:").
 */
#include "config.h"

#include <json-c/json.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "archive/flags.h"
#include "flag/export.h"
#include "test.h"
#include "util/buf.h"
#include "util/sanitize.h"
#include "util/utf8.h"
#include "util/xalloc.h"

#define HOSTILE "say \"no\" \\ back\nslash\ttab \x1b[31mred\x1b[0m "	\
	"c1\xc2\x85 ls\xe2\x80\xa8 rlo\xe2\x80\xae \xd8\xa7\xd9\x84\xd8\xb1"

static void
make_flag(struct flag *f, int64_t id, int64_t article, const char *exact,
    const char *note, const char *title, int found)
{
	memset(f, 0, sizeof *f);
	f->id = id;
	f->article_id = article;
	f->revision = 1;
	f->found = found;
	f->start = 10;
	f->end = 10 + strlen(exact);
	f->cstart = found ? 9 : -1;
	f->cend = found ? 20 : -1;
	f->exact = xstrdup(exact);
	f->prefix = xstrdup("before \"it\" ");
	f->suffix = xstrdup(" after\n");
	f->note = xstrdup(note);
	f->status = FLAG_OPEN;
	f->created = xstrdup("2026-11-25T14:00:00Z");
	f->updated = xstrdup("2026-11-25T14:05:00Z");
	f->title = title != NULL ? xstrdup(title) : NULL;
	f->source = xstrdup("Enab Baladi");
	f->url = xstrdup("https://example.org/a?b=1&c=2");
	f->published = xstrdup("2025-03-01");
	f->corrections = xstrdup("corrections@example.org");
}

static struct json_object *
jget(struct json_object *o, const char *key)
{
	struct json_object *v = NULL;

	if (o == NULL || !json_object_object_get_ex(o, key, &v))
		return NULL;
	return v;
}

static const char *
jstr(struct json_object *o, const char *key)
{
	struct json_object *v = jget(o, key);

	return v != NULL ? json_object_get_string(v) : NULL;
}

static void
test_json(void)
{
	struct flag f[2];
	struct buf b = BUF_INIT;
	struct json_object *arr, *a, *t, *sel, *body;
	enum json_tokener_error err;
	size_t i;

	make_flag(&f[0], 1, 7, HOSTILE, "note " HOSTILE, "Title", 1);
	make_flag(&f[1], 2, 8, "plain", "", NULL, 0);
	f[1].status = FLAG_SENT;
	flag_json_begin(&b);
	for (i = 0; i < 2; i++)
		flag_json_add(&b, &f[i], i);
	flag_json_end(&b);

	/* Nothing a terminal would act on is left raw. */
	CHECK(strchr(b.data, '\x1b') == NULL);
	CHECK(strstr(b.data, "\xc2\x85") == NULL);
	CHECK(strstr(b.data, "\xe2\x80\xa8") == NULL);
	CHECK(strstr(b.data, "\xe2\x80\xae") == NULL);
	CHECK(strstr(b.data, "\\u2028") != NULL);

	arr = json_tokener_parse_verbose(b.data, &err);
	CHECK(arr != NULL && json_object_is_type(arr, json_type_array));
	if (arr == NULL)
		goto out;
	CHECK_INT(json_object_array_length(arr), 2);
	a = json_object_array_get_idx(arr, 0);
	CHECK_STR(jstr(a, "type"), "Annotation");
	CHECK_STR(jstr(a, "motivation"), "editing");
	CHECK_STR(jstr(a, "id"), "urn:lede:flag:1");
	CHECK(json_object_is_type(jget(a, "@context"), json_type_array));
	CHECK_STR(json_object_get_string(json_object_array_get_idx(
	    jget(a, "@context"), 0)), "http://www.w3.org/ns/anno.jsonld");
	CHECK_STR(jstr(a, "created"), "2026-11-25T14:00:00Z");
	body = jget(a, "body");
	CHECK_STR(jstr(body, "type"), "TextualBody");
	CHECK_STR(jstr(body, "value"), "note " HOSTILE);
	t = jget(a, "target");
	CHECK_STR(jstr(t, "source"), "https://example.org/a?b=1&c=2");
	sel = jget(t, "selector");
	CHECK_INT(json_object_array_length(sel), 2);
	CHECK_STR(jstr(json_object_array_get_idx(sel, 0), "type"),
	    "TextQuoteSelector");
	CHECK_STR(jstr(json_object_array_get_idx(sel, 0), "exact"), HOSTILE);
	CHECK_STR(jstr(json_object_array_get_idx(sel, 0), "prefix"),
	    "before \"it\" ");
	CHECK_STR(jstr(json_object_array_get_idx(sel, 0), "suffix"), " after\n");
	CHECK_STR(jstr(json_object_array_get_idx(sel, 1), "type"),
	    "TextPositionSelector");
	CHECK_INT(json_object_get_int64(jget(json_object_array_get_idx(sel, 1),
	    "start")), 9);
	CHECK_STR(jstr(a, "lede:status"), "open");

	/* A lost passage has no position; no note, no body. */
	a = json_object_array_get_idx(arr, 1);
	CHECK(jget(a, "body") == NULL);
	CHECK_INT(json_object_array_length(jget(jget(a, "target"), "selector")),
	    1);
	CHECK(!json_object_get_boolean(jget(a, "lede:found")));
	CHECK_STR(jstr(a, "lede:status"), "sent");
	json_object_put(arr);
out:
	/* An empty export is an empty array. */
	buf_reset(&b);
	flag_json_begin(&b);
	flag_json_end(&b);
	arr = json_tokener_parse(b.data);
	CHECK(arr != NULL && json_object_array_length(arr) == 0);
	json_object_put(arr);
	buf_release(&b);
	flag_release(&f[0]);
	flag_release(&f[1]);
}

/*
 * RFC 4180 reader: records of cells from text; each record must end with
 * CRLF. Returns the number of records, cells in cells[r][c] (caller frees),
 * -1 on a syntax error.
 */
#define MAXR 10
#define MAXC 20
static int
csv_read(const char *s, char *cells[MAXR][MAXC], int *ncells)
{
	struct buf cell = BUF_INIT;
	int r = 0, c = 0;

	while (*s != '\0') {
		buf_reset(&cell);
		if (*s == '"') {
			for (s++;; s++) {
				if (*s == '\0')
					return -1;
				if (*s == '"' && s[1] == '"')
					buf_addc(&cell, *s++);
				else if (*s == '"') {
					s++;
					break;
				} else
					buf_addc(&cell, *s);
			}
		} else {
			while (*s != ',' && *s != '\r' && *s != '\n' && *s != '\0') {
				if (*s == '"')
					return -1;
				buf_addc(&cell, *s++);
			}
		}
		if (r >= MAXR || c >= MAXC)
			return -1;
		cells[r][c++] = xstrdup(buf_str(&cell));
		if (*s == ',')
			s++;
		else if (s[0] == '\r' && s[1] == '\n') {
			ncells[r++] = c;
			c = 0;
			s += 2;
		} else
			return -1;
	}
	buf_release(&cell);
	return c == 0 ? r : -1;
}

/* The cell as the user wrote it: one defensive apostrophe removed. */
static const char *
unprefix(const char *s)
{
	if (s[0] == '\'' && s[1] != '\0' && strchr("=+-@\t\r", s[1]) != NULL)
		return s + 1;
	return s;
}

static void
test_csv(void)
{
	static const char *const notes[] = {
		"=HYPERLINK(\"http://evil\",\"x\")", "+1", "-2+3", "@SUM(A1)",
		"\tcmd", "\rcr", "a, \"b\"\r\nc", "plain",
	};
	char *cells[MAXR][MAXC];
	int ncells[MAXR], n, r, c;
	struct flag f[8];
	struct buf b = BUF_INIT;

	flag_csv_header(&b);
	for (r = 0; r < 8; r++) {
		make_flag(&f[r], r + 1, 7, r == 0 ? HOSTILE : "-5 degrees",
		    notes[r], "=cmd|' /C calc'!A0", 1);
		flag_csv_add(&b, &f[r]);
	}
	memset(cells, 0, sizeof cells);
	n = csv_read(b.data, cells, ncells);
	CHECK_INT(n, 9);
	if (n != 9)
		goto out;
	CHECK_STR(cells[0][0], "id");
	CHECK_STR(cells[0][11], "note");
	for (r = 1; r < n; r++) {
		CHECK_INT(ncells[r], 16);
		CHECK_STR(unprefix(cells[r][11]), notes[r - 1]);
		CHECK_STR(unprefix(cells[r][3]), "=cmd|' /C calc'!A0");
		/* Every formula starter is defused. */
		CHECK(strchr("=+-@\t\r", cells[r][11][0]) == NULL);
		CHECK(strchr("=+-@\t\r", cells[r][3][0]) == NULL);
		CHECK_STR(cells[r][12], "open");
	}
	CHECK_STR(cells[1][6], HOSTILE);
	CHECK_STR(unprefix(cells[2][6]), "-5 degrees");
	CHECK_STR(cells[2][6], "'-5 degrees");
	CHECK_STR(cells[1][0], "1");
	CHECK_STR(cells[1][9], "10");
out:
	for (r = 0; r < MAXR; r++)
		for (c = 0; c < MAXC; c++)
			free(cells[r][c]);
	for (r = 0; r < 8; r++)
		flag_release(&f[r]);
	buf_release(&b);
}

static int
b64val(char c)
{
	const char *tab =
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	const char *p = strchr(tab, c);

	return c != '\0' && p != NULL ? (int)(p - tab) : -1;
}

/* Decode "=?UTF-8?B?...?=" words (joined) or return plain text. */
static char *
decode_words(const char *v)
{
	struct buf b = BUF_INIT;
	const char *p = v, *end;
	unsigned int acc = 0;
	int bits = 0, x;

	if (strncmp(v, "=?UTF-8?B?", 10) != 0)
		return xstrdup(v);
	while ((p = strstr(p, "=?UTF-8?B?")) != NULL) {
		p += 10;
		end = strstr(p, "?=");
		for (; p < end; p++) {
			if (*p == '=')
				continue;
			if ((x = b64val(*p)) < 0)
				return xstrdup("(bad base64)");
			acc = acc << 6 | (unsigned)x;
			bits += 6;
			if (bits >= 8) {
				bits -= 8;
				buf_addc(&b, (char)((acc >> bits) & 0xff));
			}
		}
		bits = 0;
		acc = 0;
	}
	return buf_detach(&b);
}

struct parsed {
	char	*names[32];
	char	*values[32];
	int	 n;
	char	*body;		/* quoted-printable decoded */
	int	 long_line;	/* a line over 998 octets */
	int	 bare;		/* a CR or LF not in CRLF */
};

static int
hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

static void
parse_message(const char *m, struct parsed *p)
{
	const char *s, *e, *hdr_end = strstr(m, "\r\n\r\n");
	struct buf line = BUF_INIT, body = BUF_INIT;

	memset(p, 0, sizeof *p);
	for (s = m; *s != '\0'; s = e + 2) {
		if ((e = strstr(s, "\r\n")) == NULL)
			e = s + strlen(s) - 2;
		if (e - s > 998)
			p->long_line = 1;
		if (memchr(s, '\n', (size_t)(e - s)) != NULL ||
		    memchr(s, '\r', (size_t)(e - s)) != NULL)
			p->bare = 1;
		if (e[0] == '\0' || e[1] == '\0')
			break;
	}
	/* Headers, unfolded. */
	for (s = m; s < hdr_end + 2; s = e + 2) {
		e = strstr(s, "\r\n");
		if (*s == ' ' || *s == '\t') {
			buf_add(&line, s, (size_t)(e - s));
		} else {
			if (line.len > 0 && p->n < 32) {
				char *colon = strchr(line.data, ':');

				p->names[p->n] = xstrndup(line.data,
				    (size_t)(colon - line.data));
				p->values[p->n++] = decode_words(colon + 2);
			}
			buf_reset(&line);
			buf_add(&line, s, (size_t)(e - s));
		}
	}
	if (line.len > 0 && p->n < 32) {
		char *colon = strchr(line.data, ':');

		p->names[p->n] = xstrndup(line.data, (size_t)(colon - line.data));
		p->values[p->n++] = decode_words(colon + 2);
	}
	/* Quoted-printable body. */
	for (s = hdr_end + 4; *s != '\0'; s++) {
		if (s[0] == '=' && s[1] == '\r' && s[2] == '\n')
			s += 2;
		else if (s[0] == '=' && hexval(s[1]) >= 0 && hexval(s[2]) >= 0) {
			buf_addc(&body, (char)(hexval(s[1]) * 16 + hexval(s[2])));
			s += 2;
		} else if (s[0] == '\r' && s[1] == '\n') {
			buf_addc(&body, '\n');
			s++;
		} else
			buf_addc(&body, *s);
	}
	p->body = buf_detach(&body);
	buf_release(&line);
}

static int
count_header(const struct parsed *p, const char *name, const char **value)
{
	int i, n = 0;

	for (i = 0; i < p->n; i++) {
		if (strcasecmp(p->names[i], name) == 0) {
			n++;
			if (value != NULL)
				*value = p->values[i];
		}
	}
	return n;
}

static void
parsed_free(struct parsed *p)
{
	int i;

	for (i = 0; i < p->n; i++) {
		free(p->names[i]);
		free(p->values[i]);
	}
	free(p->body);
}

static void
test_email_injection(void)
{
	struct flag f[2];
	struct buf b = BUF_INIT;
	struct flag_email_opts o = { .from = "Reader <reader@example.net>",
	    .date = 1764079200 };
	struct parsed p;
	const char *v = NULL, *to;

	make_flag(&f[0], 1, 7, "12 people died", "It was 14.",
	    "x\r\nBcc: victim@example.org\nX-Evil: 1", 1);
	make_flag(&f[1], 2, 7, "From the start", "Line one\nFrom here\n.", NULL,
	    0);
	to = flag_email_message(&b, f, 2, &o);
	CHECK_STR(to, "corrections@example.org");
	parse_message(b.data, &p);
	CHECK(!p.long_line);
	CHECK(!p.bare);
	CHECK_INT(count_header(&p, "To", &v), 1);
	CHECK_STR(v, "corrections@example.org");
	CHECK_INT(count_header(&p, "Subject", &v), 1);
	CHECK_STR(v, "Correction request: x Bcc: victim@example.org X-Evil: 1");
	CHECK_INT(count_header(&p, "Bcc", NULL), 0);
	CHECK_INT(count_header(&p, "X-Evil", NULL), 0);
	CHECK_INT(count_header(&p, "From", &v), 1);
	CHECK_STR(v, "Reader <reader@example.net>");
	CHECK_INT(count_header(&p, "Date", &v), 1);
	CHECK_STR(v, "Tue, 25 Nov 2025 14:00:00 +0000");
	CHECK_INT(count_header(&p, "Message-ID", NULL), 1);
	CHECK_INT(count_header(&p, "MIME-Version", NULL), 1);
	CHECK_INT(count_header(&p, "Content-Type", &v), 1);
	CHECK_STR(v, "text/plain; charset=utf-8");
	CHECK(strstr(p.body, "> 12 people died\n") != NULL);
	CHECK(strstr(p.body, "Note: It was 14.\n") != NULL);
	CHECK(strstr(p.body, "https://example.org/a?b=1&c=2") != NULL);
	CHECK(strstr(p.body, "2025-03-01") != NULL);
	CHECK(strstr(p.body, "no longer in the current version") != NULL);
	/* Encoded so no line of the message starts with "From ". */
	CHECK(strstr(b.data, "\r\nFrom ") == NULL);
	CHECK(strstr(p.body, "From here") != NULL);
	parsed_free(&p);

	/* No address: no To: at all. */
	free(f[0].corrections);
	f[0].corrections = xstrdup("not an address\r\nBcc: x@y");
	buf_reset(&b);
	CHECK(flag_email_message(&b, f, 1, &o) == NULL);
	parse_message(b.data, &p);
	CHECK_INT(count_header(&p, "To", NULL), 0);
	CHECK_INT(count_header(&p, "Bcc", NULL), 0);
	parsed_free(&p);
	flag_release(&f[0]);
	flag_release(&f[1]);
	buf_release(&b);
}

static void
test_email_long_and_arabic(void)
{
	struct flag f;
	struct buf b = BUF_INIT, title = BUF_INIT;
	struct flag_email_opts o = { .from = "r@example.net", .date = 0 };
	struct parsed p;
	const char *v = NULL, *s, *e;
	char *want;
	int i;

	/* A 3000-octet title of short words, then one 2000-octet word. */
	for (i = 0; i < 600; i++)
		buf_adds(&title, "word ");
	for (i = 0; i < 2000; i++)
		buf_addc(&title, 'w');
	make_flag(&f, 1, 7, "q", "", title.data, 1);
	flag_email_message(&b, &f, 1, &o);
	parse_message(b.data, &p);
	CHECK(!p.long_line);
	CHECK_INT(count_header(&p, "Subject", &v), 1);
	want = xasprintf("Correction request: %s", title.data);
	CHECK_STR(v, want);
	free(want);
	parsed_free(&p);
	flag_release(&f);

	/* Arabic: encoded-words, every header line within 76 octets. */
	buf_reset(&title);
	for (i = 0; i < 30; i++)
		buf_adds(&title, "\xd8\xa7\xd9\x84\xd8\xb1\xd9\x82\xd8\xa9 ");
	buf_adds(&title, "\xe2\x80\xae");
	make_flag(&f, 1, 7, "\xd8\xa7\xd9\x84\xd8\xb1\xd9\x82\xd8\xa9", "", title.data, 1);
	buf_reset(&b);
	flag_email_message(&b, &f, 1, &o);
	for (s = b.data; (e = strstr(s, "\r\n")) != NULL && e != s; s = e + 2) {
		for (i = 0; s + i < e; i++)
			CHECK((unsigned char)s[i] < 0x80);
		if (strstr(s, "=?UTF-8?B?") != NULL && strstr(s, "=?UTF-8?B?") < e)
			CHECK(e - s <= 76);
	}
	parse_message(b.data, &p);
	CHECK_INT(count_header(&p, "Subject", &v), 1);
	/* The trailing bidi override is dropped, the trailing blank trimmed. */
	title.data[title.len - 4] = '\0';
	want = xasprintf("Correction request: %s", title.data);
	CHECK_STR(v, want);
	free(want);
	CHECK(strstr(p.body, "> \xd8\xa7\xd9\x84\xd8\xb1\xd9\x82\xd8\xa9\n") != NULL);
	parsed_free(&p);
	flag_release(&f);
	buf_release(&b);
	buf_release(&title);
}

/* What a header value should read after cleaning (see export_email.c). */
static char *
expect_clean(const char *s)
{
	struct buf b = BUF_INIT;
	size_t len = strlen(s), n;
	uint32_t cp;
	int space = 1;

	while (len > 0) {
		n = utf8_decode(s, len, &cp);
		if (cp <= 0x20 || (cp >= 0x7F && cp < 0xA0)) {
			if (!space)
				buf_addc(&b, ' ');
			space = 1;
		} else if (!sanitize_is_unsafe(cp)) {
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

/* Random titles of hostile characters: the header invariants hold. */
static void
test_email_random_titles(void)
{
	static const uint32_t alphabet[] = {
		'a', 'b', 'Z', '0', ' ', ' ', ' ', '\r', '\n', '\t', 0x1b, '=',
		'?', '"', '<', '>', ':', ';', '\\', 0x7f, 0x85, 0x9b, 0xad,
		0xe9, 0x627, 0x644, 0x202e, 0x2066, 0x2028, 0x4e2d, 0x1f600,
		0xfeff,
	};
	struct flag_email_opts o = { .from = "r@example.net", .date = 0 };
	struct buf title = BUF_INIT, b = BUF_INIT;
	struct parsed p;
	struct flag f;
	const char *v, *s, *e;
	char enc[4], *want, *subject;
	size_t i, len, bad = 0;
	int iter;

	srand(20261125);
	for (iter = 0; iter < 2000 && bad < 5; iter++) {
		buf_reset(&title);
		len = 1 + (size_t)rand() % (iter % 10 == 0 ? 1500 : 60);
		for (i = 0; i < len; i++)
			buf_add(&title, enc, utf8_encode(alphabet[(size_t)rand() %
			    (sizeof alphabet / sizeof alphabet[0])], enc));
		make_flag(&f, 1, 7, "q", "", title.data, 1);
		free(f.corrections);
		f.corrections = NULL;
		buf_reset(&b);
		flag_email_message(&b, &f, 1, &o);
		parse_message(b.data, &p);
		subject = xasprintf("Correction request: %s", title.data);
		want = expect_clean(subject);
		v = NULL;
		if (p.long_line || p.bare || count_header(&p, "Subject", &v) != 1 ||
		    count_header(&p, "To", NULL) != 0 ||
		    count_header(&p, "From", NULL) != 1 ||
		    count_header(&p, "Date", NULL) != 1 ||
		    count_header(&p, "Content-Transfer-Encoding", NULL) != 1 ||
		    p.n != 7 || v == NULL || strcmp(v, want) != 0) {
			fprintf(stderr, "title %d breaks the headers:\n%.*s\n",
			    iter, (int)(strstr(b.data, "\r\n\r\n") - b.data),
			    b.data);
			bad++;
		}
		/* Lines holding encoded-words stay within 76 octets. */
		for (s = b.data; (e = strstr(s, "\r\n")) != NULL && e != s;
		    s = e + 2) {
			if (strstr(s, "=?UTF-8?B?") != NULL &&
			    strstr(s, "=?UTF-8?B?") < e && e - s > 76)
				bad++;
		}
		free(want);
		free(subject);
		parsed_free(&p);
		flag_release(&f);
	}
	CHECK_INT(bad, 0);
	buf_release(&title);
	buf_release(&b);
}

static void
test_mbox(void)
{
	static const char msg[] = "Subject: a\r\n\r\nFrom me\r\n>From you\r\n"
	    "From\r\nplain\r\n";
	struct buf b = BUF_INIT;

	flag_mbox_add(&b, msg, sizeof msg - 1, 0);
	CHECK_STR(b.data, "From lede@localhost Thu Jan  1 00:00:00 1970\n"
	    "Subject: a\n\n>From me\n>>From you\nFrom\nplain\n\n");
	buf_release(&b);
}

static void
test_header_fold(void)
{
	struct buf b = BUF_INIT;

	flag_email_header(&b, "Subject", "  a\t\tb \r\n c  ");
	CHECK_STR(b.data, "Subject: a b c\r\n");
	buf_reset(&b);
	/* Something that looks like an encoded-word is encoded itself. */
	flag_email_header(&b, "Subject", "=?UTF-8?B?QmNjOg==?=");
	CHECK(strncmp(b.data, "Subject: =?UTF-8?B?", 19) == 0);
	buf_release(&b);
	CHECK(flag_email_address_ok("a@b.org"));
	CHECK(!flag_email_address_ok("a@b.org\r\nBcc: c@d"));
	CHECK(!flag_email_address_ok("nobody"));
	CHECK(!flag_email_address_ok(NULL));
}

static void
test_formats(void)
{
	CHECK_INT(flag_format_parse("json"), FLAG_FORMAT_JSON);
	CHECK_INT(flag_format_parse("csv"), FLAG_FORMAT_CSV);
	CHECK_INT(flag_format_parse("email"), FLAG_FORMAT_EMAIL);
	CHECK_INT(flag_format_parse("xml"), -1);
	CHECK_STR(flag_status_name(FLAG_RESOLVED), "resolved");
	CHECK_INT(flag_status_parse("sent"), FLAG_SENT);
	CHECK_INT(flag_status_parse("lost"), -1);
}

int
main(void)
{
	test_init();
	TEST_RUN(test_json);
	TEST_RUN(test_csv);
	TEST_RUN(test_email_injection);
	TEST_RUN(test_email_long_and_arabic);
	TEST_RUN(test_email_random_titles);
	TEST_RUN(test_mbox);
	TEST_RUN(test_header_fold);
	TEST_RUN(test_formats);
	return test_done();
}
