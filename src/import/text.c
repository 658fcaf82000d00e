/*
 * Plain-text articles: one article per file, as people save them from a
 * browser or as corpora ship them. The layout recognised, top to bottom:
 *
 *   an optional header block ("Title: ...", "Date:", "Source:", "Author:",
 *     "URL:", "Language:", "Caption:", "Corrections:", then a blank line),
 *     which overrides every guess below;
 *   a photo caption, recognised by being the first line written twice;
 *   or a headline: a short first line followed by a blank line (BBC style);
 *   a byline "Outlet – Author" (en dash, em dash or hyphen);
 *   the body: paragraphs are blocks between blank lines; a block of long
 *     lines is one paragraph per line, a block of hard-wrapped lines is
 *     joined;
 *   an outlet footer inviting corrections ("Send Correction", "report an
 *     error", an address), kept out of the body and stored as the
 *     article's corrections contact.
 *
 * Missing title: the caption (credit and date removed) or the first
 * sentence, cut at a word boundary to at most 90 bytes. Missing date: see
 * import_infer_date(). Language: article_guess_language() on the body.
 */
#include "config.h"

#include <ctype.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "import/import_int.h"
#include "util/buf.h"
#include "util/xalloc.h"

#define TEXT_TITLE_MAX		IMPORT_TITLE_DERIVED
#define TEXT_HEADLINE_MAX	200	/* a first line taken as headline */
#define TEXT_BYLINE_PART	60	/* outlet or author, bytes */
#define TEXT_WRAP_WIDTH		100	/* lines this short may be hard-wrapped */

struct text_doc {
	char	**line;
	size_t	  n;
	size_t	  i;		/* next line to read */
};

static const struct {
	const char	*key;
	size_t		 off;
} text_keys[] = {
	{ "title", offsetof(struct article, title) },
	{ "date", offsetof(struct article, published) },
	{ "published", offsetof(struct article, published) },
	{ "source", offsetof(struct article, source) },
	{ "author", offsetof(struct article, author) },
	{ "url", offsetof(struct article, url) },
	{ "language", offsetof(struct article, language) },
	{ "caption", offsetof(struct article, caption) },
	{ "corrections", offsetof(struct article, corrections) },
};

static const char *const text_footer_marks[] = {
	"send correction", "send a correction", "corrections@",
	"report an error", "report a correction", "spotted an error",
	"spot an error", "contain wrong information", "request a correction",
	"submit a correction",
};

static int
text_blank(const char *s)
{
	return s[strspn(s, " \t\f\v")] == '\0';
}

/* Split decoded text into lines in place, trimming both ends of each. */
static void
text_split(struct import_ctx *ctx, char *s, struct text_doc *d)
{
	size_t cap = 64, len;
	char *nl, *end;

	d->line = xreallocarray(NULL, cap, sizeof *d->line);
	d->n = d->i = 0;
	for (;;) {
		nl = strchr(s, '\n');
		if (nl != NULL)
			*nl = '\0';
		len = strlen(s);
		if (len > IMPORT_MAX_LINE) {
			import_problem(ctx, d->n + 1, 0, "line longer than the "
			    "%u MiB line limit: skipped", IMPORT_MAX_LINE >> 20);
			s[0] = '\0';
		}
		s += strspn(s, " \t\f\v");
		end = s + strlen(s);
		while (end > s && strchr(" \t\f\v", end[-1]) != NULL)
			*--end = '\0';
		if (d->n == cap) {
			cap *= 2;
			d->line = xreallocarray(d->line, cap, sizeof *d->line);
		}
		d->line[d->n++] = s;
		if (nl == NULL)
			break;
		s = nl + 1;
	}
	/* Drop trailing blank lines. */
	while (d->n > 0 && text_blank(d->line[d->n - 1]))
		d->n--;
}

static void
text_skip_blank(struct text_doc *d)
{
	while (d->i < d->n && text_blank(d->line[d->i]))
		d->i++;
}

/* "Key: value" with a known key; returns the field or NULL. */
static char **
text_header_field(struct article *a, const char *line, const char **value)
{
	const char *colon = strchr(line, ':');
	size_t i, n;

	if (colon == NULL)
		return NULL;
	n = (size_t)(colon - line);
	for (i = 0; i < sizeof text_keys / sizeof text_keys[0]; i++) {
		if (strlen(text_keys[i].key) == n &&
		    strncasecmp(line, text_keys[i].key, n) == 0) {
			*value = colon + 1 + strspn(colon + 1, " \t");
			return (char **)((char *)a + text_keys[i].off);
		}
	}
	return NULL;
}

static void
text_header(struct import_ctx *ctx, struct text_doc *d, struct article *a)
{
	const char *value;
	char **field, *date;
	size_t start = d->i;

	while (d->i < d->n && !text_blank(d->line[d->i])) {
		field = text_header_field(a, d->line[d->i], &value);
		if (field == NULL)
			break;
		article_set(field, *value != '\0' ? value : NULL);
		d->i++;
	}
	/* A header ends at a blank line; anything else was the text. */
	if (d->i == start || (d->i < d->n && !text_blank(d->line[d->i]))) {
		article_release(a);
		a->revision = 1;
		d->i = start;
		return;
	}
	if (a->published != NULL) {
		date = import_parse_date(a->published);
		if (date == NULL)
			import_problem(ctx, 0, 0, "header date \"%s\" not "
			    "understood: guessing from the text", a->published);
		free(a->published);
		a->published = date;
	}
	if (a->language != NULL) {
		date = import_lang_tag(a->language);
		free(a->language);
		a->language = date;
	}
}

/* One side of a byline: short, a few capitalised words, no full stop. */
static int
text_byline_part(const char *s, size_t len)
{
	size_t i, words = 1;

	if (len < 2 || len > TEXT_BYLINE_PART || s[len - 1] == '.' ||
	    s[len - 1] == ',' || s[len - 1] == ':')
		return 0;
	if (!isupper((unsigned char)s[0]) && (unsigned char)s[0] < 0x80)
		return 0;
	for (i = 0; i < len; i++)
		if (s[i] == ' ')
			words++;
	return words <= 6;
}

/* "Enab Baladi – Hussam al-Mahmoud": 1 and the two halves set. */
static int
text_byline(const char *line, struct article *a)
{
	static const char *const seps[] = {
		" \xE2\x80\x93 ", " \xE2\x80\x94 ", " - ", " | ",
	};
	const char *sep = NULL, *p;
	size_t i, seplen = 0;

	for (i = 0; i < sizeof seps / sizeof seps[0] && sep == NULL; i++) {
		if ((p = strstr(line, seps[i])) != NULL &&
		    strstr(p + 1, seps[i]) == NULL) {
			sep = p;
			seplen = strlen(seps[i]);
		}
	}
	if (sep == NULL || !text_byline_part(line, (size_t)(sep - line)) ||
	    !text_byline_part(sep + seplen, strlen(sep + seplen)))
		return 0;
	if (a->source == NULL)
		article_setn(&a->source, line, (size_t)(sep - line));
	if (a->author == NULL)
		article_set(&a->author, sep + seplen);
	return 1;
}

static int
text_is_footer(const char *line)
{
	size_t i;

	for (i = 0; i < sizeof text_footer_marks / sizeof text_footer_marks[0]; i++)
		if (strcasestr(line, text_footer_marks[i]) != NULL)
			return 1;
	return 0;
}

/* The most useful contact in a footer: an address, a link, or its words. */
static char *
text_contact(const char *footer)
{
	const char *at = strchr(footer, '@'), *s, *e;

	if (at != NULL) {
		for (s = at; s > footer && !isspace((unsigned char)s[-1]) &&
		    s[-1] != '<' && s[-1] != '('; s--)
			;
		for (e = at + 1; *e != '\0' && (isalnum((unsigned char)*e) ||
		    *e == '.' || *e == '-' || *e == '_'); e++)
			;
		while (e > at + 1 && e[-1] == '.')
			e--;
		if (s < at && e > at + 1 && memchr(at, '.', (size_t)(e - at)))
			return xstrndup(s, (size_t)(e - s));
	}
	if ((s = strstr(footer, "https://")) != NULL ||
	    (s = strstr(footer, "http://")) != NULL) {
		e = s + strcspn(s, " \t\n)>\"");
		return xstrndup(s, (size_t)(e - s));
	}
	return import_squeeze(footer);
}

/*
 * Take the correction footer off the end: any of the last three non-blank
 * lines that invites corrections, with what follows it.
 */
static void
text_footer(struct text_doc *d, struct article *a)
{
	size_t k, seen = 0, cut = d->n;
	struct buf b = BUF_INIT;

	for (k = d->n; k > d->i && seen < 3; k--) {
		if (text_blank(d->line[k - 1]))
			continue;
		seen++;
		if (text_is_footer(d->line[k - 1]))
			cut = k - 1;
	}
	if (cut == d->n)
		return;
	for (k = cut; k < d->n; k++) {
		if (text_blank(d->line[k]))
			continue;
		if (b.len > 0)
			buf_addc(&b, ' ');
		buf_adds(&b, d->line[k]);
	}
	if (a->corrections == NULL)
		a->corrections = text_contact(buf_str(&b));
	buf_release(&b);
	d->n = cut;
	while (d->n > d->i && text_blank(d->line[d->n - 1]))
		d->n--;
}

/* Lines in [start, end - 1) that do not end a sentence. */
static size_t
text_open_ends(struct text_doc *d, size_t start, size_t end)
{
	size_t k, n = 0, len;
	const char *s;

	for (k = start; k + 1 < end; k++) {
		s = d->line[k];
		len = strlen(s);
		if (len > 0 && strchr(".!?:\"')", s[len - 1]) == NULL &&
		    !(len >= 3 && (strcmp(s + len - 3, "\xE2\x80\x9D") == 0 ||
		    strcmp(s + len - 3, "\xE2\x80\x99") == 0)))
			n++;
	}
	return n;
}

/* Body paragraphs from lines[i..n). */
static char *
text_body(struct text_doc *d)
{
	struct buf b = BUF_INIT;
	size_t k, start, end, longest;
	int wrapped;

	k = d->i;
	while (k < d->n) {
		while (k < d->n && text_blank(d->line[k]))
			k++;
		start = k;
		longest = 0;
		while (k < d->n && !text_blank(d->line[k])) {
			if (k + 1 < d->n && !text_blank(d->line[k + 1]) &&
			    strlen(d->line[k]) > longest)
				longest = strlen(d->line[k]);
			k++;
		}
		end = k;
		if (start == end)
			break;
		/* Every line but the last short, and most of them ending
		   mid-sentence: a paragraph hard-wrapped. */
		wrapped = end - start > 1 && longest <= TEXT_WRAP_WIDTH &&
		    text_open_ends(d, start, end) * 2 >= end - start - 1;
		for (k = start; k < end; k++) {
			if (b.len > 0)
				buf_adds(&b, wrapped && k > start ? " " : "\n\n");
			buf_adds(&b, d->line[k]);
		}
	}
	return b.len > 0 ? buf_detach(&b) : (buf_release(&b), NULL);
}

/* A caption as a title: without the photo credit and trailing date. */
static char *
text_title_from_caption(const char *caption)
{
	char *s = xstrdup(caption), *p, *t;
	size_t len = strlen(s);

	if (len > 0 && s[len - 1] == ')' && (p = strrchr(s, '(')) != NULL &&
	    p > s)
		*p = '\0';
	len = strlen(s);
	while (len > 0 && s[len - 1] == ' ')
		s[--len] = '\0';
	for (p = s + len; p > s; p--) {
		if (strncmp(p, " - ", 3) == 0 ||
		    strncmp(p, " \xE2\x80\x93 ", 5) == 0) {
			t = import_infer_date(p);
			if (t != NULL)
				*p = '\0';
			free(t);
			break;
		}
	}
	t = import_shorten(s, TEXT_TITLE_MAX);
	free(s);
	return t;
}

/* A BBC-style headline: a short first line followed by a blank line. */
static int
text_headline(struct text_doc *d)
{
	const char *s;
	size_t len;

	if (d->i + 2 >= d->n || !text_blank(d->line[d->i + 1]))
		return 0;
	s = d->line[d->i];
	len = strlen(s);
	return len <= TEXT_HEADLINE_MAX && len > 0 && s[len - 1] != '.' &&
	    s[len - 1] != ',' && s[len - 1] != ':';
}

static void
text_guess(struct text_doc *d, struct article *a)
{
	size_t j;

	/* A caption is the first line written twice. */
	j = d->i + 1;
	while (j < d->n && text_blank(d->line[j]))
		j++;
	if (d->i < d->n && j < d->n && strcmp(d->line[d->i], d->line[j]) == 0) {
		if (a->caption == NULL)
			article_set(&a->caption, d->line[d->i]);
		d->i = j + 1;
		text_skip_blank(d);
	} else if (text_headline(d)) {
		if (a->title == NULL)
			article_set(&a->title, d->line[d->i]);
		d->i++;
		text_skip_blank(d);
	}
	if (d->i + 1 < d->n && text_byline(d->line[d->i], a)) {
		d->i++;
		text_skip_blank(d);
	}
}

int
import_parse_text(struct import_ctx *ctx, const char *data, size_t len,
    char **cause)
{
	struct text_doc d;
	struct article *a = article_new();
	char *text, *t;
	size_t tlen;

	text = import_decode(data, len, &tlen, &ctx->sink->replaced);
	text_split(ctx, text, &d);
	text_skip_blank(&d);
	text_header(ctx, &d, a);
	text_skip_blank(&d);
	text_guess(&d, a);
	text_footer(&d, a);
	a->body = text_body(&d);
	if (a->body == NULL && a->title == NULL && a->caption == NULL) {
		*cause = xstrdup("no text in the file");
		article_free(a);
		free(d.line);
		free(text);
		return -1;
	}
	if (a->title == NULL && a->caption != NULL)
		a->title = text_title_from_caption(a->caption);
	if ((a->title == NULL || a->title[0] == '\0') && a->body != NULL) {
		free(a->title);
		a->title = import_title_from_text(a->body);
	}
	if (a->published == NULL) {
		t = xasprintf("%s\n%s", a->caption ? a->caption : "",
		    a->body ? a->body : "");
		a->published = import_infer_date(t);
		free(t);
	}
	if (a->language == NULL)
		article_set(&a->language, article_guess_language(a->body != NULL ?
		    a->body : a->title));
	free(d.line);
	free(text);
	import_deliver(ctx, a, 0);
	return 0;
}
