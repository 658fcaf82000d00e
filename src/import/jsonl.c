/*
 * JSON Lines: one article per line, as scrapers and exports write them.
 * Keys (all optional, but a record needs a title or a text):
 *
 *   title, url (or link), published (or date; a string or epoch seconds),
 *   author (a string or an array of strings), source, source_url,
 *   text (or body, content; plain text), html (HTML made into text),
 *   caption, language (or lang), guid (or id; a string or an integer),
 *   corrections; date_extracted (when a scraper saved the page) only when
 *   no publication date is given.
 *
 * A file that is one JSON array of such objects (pretty-printed exports,
 * the SaudiNewsNet corpus) is read too, element by element.
 *
 * Blank lines are skipped. A line that is not a JSON object, is nested
 * deeper than IMPORT_MAX_JSON_DEPTH or is longer than IMPORT_MAX_LINE is
 * reported with its line number and skipped; the rest of the file is kept.
 * A value of the wrong type is reported and left out of the record.
 * json-c 0.16 parses each line (json_tokener with a depth limit).
 */
#include "config.h"

#include <json-c/json.h>

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "import/import_int.h"
#include "util/buf.h"
#include "util/utf8.h"
#include "util/xalloc.h"

enum jsonl_kind {
	JSONL_STRING,		/* plain string */
	JSONL_TEXT,		/* body text: paragraphs */
	JSONL_HTML,		/* HTML made into text */
	JSONL_DATE,		/* string or epoch number */
	JSONL_NAMES,		/* string or array of strings */
	JSONL_ID,		/* string or integer */
	JSONL_LANG,		/* language tag */
	JSONL_FALLBACK,		/* a date used only when no other is given */
};

static const struct jsonl_key {
	const char	*key;
	size_t		 off;
	enum jsonl_kind	 kind;
} jsonl_keys[] = {
	{ "title", offsetof(struct article, title), JSONL_STRING },
	{ "url", offsetof(struct article, url), JSONL_STRING },
	{ "link", offsetof(struct article, url), JSONL_STRING },
	{ "published", offsetof(struct article, published), JSONL_DATE },
	{ "date", offsetof(struct article, published), JSONL_DATE },
	{ "author", offsetof(struct article, author), JSONL_NAMES },
	{ "source", offsetof(struct article, source), JSONL_STRING },
	{ "source_url", offsetof(struct article, source_url), JSONL_STRING },
	{ "text", offsetof(struct article, body), JSONL_TEXT },
	{ "body", offsetof(struct article, body), JSONL_TEXT },
	{ "content", offsetof(struct article, body), JSONL_TEXT },
	{ "html", offsetof(struct article, body), JSONL_HTML },
	{ "caption", offsetof(struct article, caption), JSONL_STRING },
	{ "language", offsetof(struct article, language), JSONL_LANG },
	{ "lang", offsetof(struct article, language), JSONL_LANG },
	{ "guid", offsetof(struct article, guid), JSONL_ID },
	{ "id", offsetof(struct article, guid), JSONL_ID },
	{ "corrections", offsetof(struct article, corrections), JSONL_STRING },
	{ "date_extracted", offsetof(struct article, published), JSONL_FALLBACK },
};

/* A JSON string as stored text: NUL bytes and bad UTF-8 repaired. */
static char *
jsonl_string(struct import_ctx *ctx, struct json_object *v)
{
	return import_repair(json_object_get_string(v),
	    (size_t)json_object_get_string_len(v), &ctx->sink->replaced);
}

/*
 * Plain text as body paragraphs: blank-line separated blocks stay as they
 * are; text without blank lines has one paragraph per line. Lines are
 * trimmed and runs of blank lines become one.
 */
static char *
jsonl_paragraphs(const char *s)
{
	struct buf b = BUF_INIT;
	const char *e, *t;
	int blocks = strstr(s, "\n\n") != NULL || strstr(s, "\n \n") != NULL;
	int gap = 0;

	while (*s != '\0') {
		e = s + strcspn(s, "\n");
		while (s < e && (*s == ' ' || *s == '\t'))
			s++;
		t = e;
		while (t > s && (t[-1] == ' ' || t[-1] == '\t'))
			t--;
		if (t == s)
			gap = 1;
		else {
			if (b.len > 0)
				buf_adds(&b, gap || !blocks ? "\n\n" : "\n");
			buf_add(&b, s, (size_t)(t - s));
			gap = 0;
		}
		s = *e == '\n' ? e + 1 : e;
	}
	return b.len > 0 ? buf_detach(&b) : (buf_release(&b), NULL);
}

static const char *
jsonl_type_name(struct json_object *v)
{
	return json_type_to_name(json_object_get_type(v));
}

/* A string value in its kind's form: text as paragraphs, HTML as text,
   a language tag reduced. */
static char *
jsonl_string_kind(struct import_ctx *ctx, enum jsonl_kind kind,
    struct json_object *v)
{
	char *s = jsonl_string(ctx, v), *t;

	switch (kind) {
	case JSONL_TEXT:
		t = jsonl_paragraphs(s);
		break;
	case JSONL_HTML:
		t = import_html_to_text(s, strlen(s), &ctx->sink->replaced);
		if (t[0] == '\0') {
			free(t);
			t = NULL;
		}
		break;
	case JSONL_LANG:
		t = import_lang_tag(s);
		break;
	default:
		return s;
	}
	free(s);
	return t;
}

/* An array of strings joined with ", "; -1 when an element is not one. */
static int
jsonl_names(struct import_ctx *ctx, struct json_object *v, char **out)
{
	struct buf b = BUF_INIT;
	struct json_object *e;
	size_t i, n = json_object_array_length(v);
	char *s;

	for (i = 0; i < n; i++) {
		e = json_object_array_get_idx(v, i);
		if (json_object_get_type(e) != json_type_string) {
			buf_release(&b);
			return -1;
		}
		if (b.len > 0)
			buf_adds(&b, ", ");
		s = jsonl_string(ctx, e);
		buf_adds(&b, s);
		free(s);
	}
	*out = b.len > 0 ? buf_detach(&b) : (buf_release(&b), NULL);
	return 0;
}

/* One key's value into the article; 0, or -1 when of the wrong type. */
static int
jsonl_field(struct import_ctx *ctx, const struct jsonl_key *k,
    struct json_object *v, struct article *a)
{
	char **field = (char **)((char *)a + k->off), *s = NULL;
	enum json_type t = json_object_get_type(v);

	if (t == json_type_null)
		return 0;
	if (t == json_type_string)
		s = jsonl_string_kind(ctx, k->kind, v);
	else if (t == json_type_int && (k->kind == JSONL_DATE ||
	    k->kind == JSONL_ID || k->kind == JSONL_FALLBACK))
		s = xasprintf("%lld", (long long)json_object_get_int64(v));
	else if (t == json_type_array && k->kind == JSONL_NAMES) {
		if (jsonl_names(ctx, v, &s) == -1)
			return -1;
	} else
		return -1;
	/* A text key does not overwrite one already given (text over body);
	   a fallback never overwrites. */
	if (*field != NULL && (k->kind == JSONL_TEXT || k->kind == JSONL_HTML ||
	    k->kind == JSONL_FALLBACK)) {
		free(s);
		return 0;
	}
	free(*field);
	*field = s;
	return 0;
}

/* The article in one parsed record, or NULL (reported) to skip it. */
static struct article *
jsonl_record(struct import_ctx *ctx, unsigned long line,
    struct json_object *obj)
{
	struct article *a = article_new();
	char *date;
	size_t i;

	json_object_object_foreach(obj, key, v) {
		for (i = 0; i < sizeof jsonl_keys / sizeof jsonl_keys[0]; i++) {
			if (strcmp(key, jsonl_keys[i].key) != 0)
				continue;
			if (jsonl_field(ctx, &jsonl_keys[i], v, a) == -1)
				import_problem(ctx, line, 0, "\"%s\" is %s, "
				    "not the expected type: ignored", key,
				    jsonl_type_name(v));
			break;
		}
	}
	if ((a->title == NULL || a->title[0] == '\0') &&
	    (a->body == NULL || a->body[0] == '\0')) {
		import_problem(ctx, line, 0, "record has neither title nor "
		    "text: skipped");
		article_free(a);
		return NULL;
	}
	if (a->published != NULL) {
		date = import_parse_date(a->published);
		if (date == NULL)
			import_problem(ctx, line, 0, "date \"%.40s\" not "
			    "understood: left unknown", a->published);
		free(a->published);
		a->published = date;
	}
	if (a->title != NULL) {
		char *t = import_squeeze(a->title);

		free(a->title);
		a->title = t;
	}
	if (a->title == NULL)
		a->title = import_title_from_text(a->body);
	if (a->language == NULL)
		article_set(&a->language, article_guess_language(a->body != NULL ?
		    a->body : a->title));
	return a;
}

/* Parse one line; NULL (reported) when it is not one JSON object. */
static struct json_object *
jsonl_parse_line(struct import_ctx *ctx, struct json_tokener *tok,
    unsigned long line, const char *s, size_t len)
{
	struct json_object *obj;
	enum json_tokener_error err;
	size_t end;

	json_tokener_reset(tok);
	obj = json_tokener_parse_ex(tok, s, (int)len);
	err = json_tokener_get_error(tok);
	if (obj == NULL && err == json_tokener_continue)
		err = json_tokener_error_parse_eof;
	if (obj == NULL || err != json_tokener_success) {
		import_problem(ctx, line, (unsigned long)
		    json_tokener_get_parse_end(tok) + 1, "not valid JSON (%s%s): "
		    "skipped", json_tokener_error_desc(err),
		    err == json_tokener_error_depth ? ", the limit is 64" : "");
		json_object_put(obj);
		return NULL;
	}
	end = json_tokener_get_parse_end(tok);
	end += strspn(s + end, " \t\f\v");
	if (end < len) {
		import_problem(ctx, line, (unsigned long)end + 1, "text after "
		    "the JSON value: skipped");
		json_object_put(obj);
		return NULL;
	}
	if (!json_object_is_type(obj, json_type_object)) {
		import_problem(ctx, line, 0, "a JSON %s, not an object: "
		    "skipped", jsonl_type_name(obj));
		json_object_put(obj);
		return NULL;
	}
	return obj;
}

/* Advance *p over white space, counting lines. */
static void
jsonl_skip_space(const char **p, unsigned long *line, const char **bol)
{
	for (; **p == ' ' || **p == '\t' || **p == '\n' || **p == '\r' ||
	    **p == '\f'; (*p)++)
		if (**p == '\n') {
			(*line)++;
			*bol = *p + 1;
		}
}

/*
 * A file that is one JSON array of article objects (exports, corpora
 * like SaudiNewsNet): each element is parsed on its own, so a record is
 * reported with the line it starts on. A syntax error ends the array
 * there (its end cannot be found reliably); what came before is kept.
 */
static int
jsonl_parse_array(struct import_ctx *ctx, struct json_tokener *tok,
    const char *text, size_t len, char **cause)
{
	const char *p = text, *bol = text, *end = text + len, *q;
	unsigned long line = 1, start;
	struct json_object *obj;
	struct article *a;
	size_t parsed = 0;
	enum json_tokener_error err;

	jsonl_skip_space(&p, &line, &bol);
	p++;	/* '[' */
	while (!ctx->stopped) {
		jsonl_skip_space(&p, &line, &bol);
		if (p >= end || *p == ']')
			break;
		start = line;
		json_tokener_reset(tok);
		obj = json_tokener_parse_ex(tok, p, (int)(end - p));
		err = json_tokener_get_error(tok);
		if (obj == NULL || err != json_tokener_success) {
			/* Point at the error, not at the element's start. */
			for (q = p, p += json_tokener_get_parse_end(tok); q < p; q++)
				if (*q == '\n') {
					line++;
					bol = q + 1;
				}
			import_problem(ctx, line, (unsigned long)(p - bol) + 1,
			    "not valid JSON (%s): the rest of the array skipped",
			    json_tokener_error_desc(err == json_tokener_continue ?
			    json_tokener_error_parse_eof : err));
			json_object_put(obj);
			break;
		}
		/* Count the lines the element spans. */
		for (q = p, p += json_tokener_get_parse_end(tok); q < p; q++)
			if (*q == '\n') {
				line++;
				bol = q + 1;
			}
		parsed++;
		if (!json_object_is_type(obj, json_type_object))
			import_problem(ctx, start, 0, "a JSON %s, not an object: "
			    "skipped", jsonl_type_name(obj));
		else if ((a = jsonl_record(ctx, start, obj)) != NULL)
			import_deliver(ctx, a, start);
		json_object_put(obj);
		jsonl_skip_space(&p, &line, &bol);
		if (*p == ',')
			p++;
		else if (*p != ']') {
			import_problem(ctx, line, (unsigned long)(p - bol) + 1,
			    "expected \",\" or \"]\" in the array: the rest skipped");
			break;
		}
	}
	if (parsed == 0 && p < end && *p != ']') {
		*cause = xstrdup("not a JSON array of articles");
		return -1;
	}
	return 0;
}

/*
 * The lines of decoded text[0..tlen), numbered on from *line. A piece
 * that is not the last ends with its newline: what follows that newline
 * is the next piece's first line, not an empty line of this one.
 */
static void
jsonl_lines(struct import_ctx *ctx, struct json_tokener *tok, char *text,
    size_t tlen, int last, unsigned long *line, size_t *records,
    size_t *parsed)
{
	struct json_object *obj;
	struct article *a;
	char *s, *nl;
	size_t n;

	for (s = text; s != NULL && !ctx->stopped; s = nl != NULL ? nl + 1 : NULL) {
		if (!last && s == text + tlen)
			break;
		(*line)++;
		nl = strchr(s, '\n');
		n = nl != NULL ? (size_t)(nl - s) : strlen(s);
		if (s[strspn(s, " \t\f\v")] == '\n' || n == strspn(s, " \t\f\v"))
			continue;
		(*records)++;
		if (n > IMPORT_MAX_LINE) {
			import_problem(ctx, *line, 0, "line longer than the %u "
			    "MiB line limit: skipped", IMPORT_MAX_LINE >> 20);
			continue;
		}
		if ((obj = jsonl_parse_line(ctx, tok, *line, s, n)) == NULL)
			continue;
		(*parsed)++;
		a = jsonl_record(ctx, *line, obj);
		json_object_put(obj);
		if (a != NULL)
			import_deliver(ctx, a, *line);
	}
}

/*
 * UTF-8 input is repaired and read a piece at a time, each piece ending
 * after a newline: decoding a whole 30 MB file before its first line was
 * 0.3 s in which the extraction threads of an import had nothing to do.
 * A newline is ASCII, so no character and no CR LF pair spans two pieces,
 * and the text is what decoding the whole file gives.
 */
size_t	import_jsonl_piece = 1 << 20;

int
import_parse_jsonl(struct import_ctx *ctx, const char *data, size_t len,
    char **cause)
{
	struct json_tokener *tok;
	const char *p, *end, *nl;
	char *text;
	size_t tlen, skip, parsed = 0, records = 0;
	unsigned long line = 0;
	int rv, pieces;

	pieces = import_decodes_as_utf8(data, len, &skip);
	tok = json_tokener_new_ex(IMPORT_MAX_JSON_DEPTH);
	if (tok == NULL)
		fatal("out of memory");
	p = data + skip;
	end = data + len;
	/* A JSON array (whitespace and '[' are ASCII, so the raw bytes say) */
	while (pieces && p < end && memchr(" \t\r\n\f", *p, 5) != NULL)
		p++;
	if (pieces && p < end && *p == '[') {
		/* read whole; already known to be UTF-8, so not scanned again */
		text = import_repair(data + skip, len - skip,
		    &ctx->sink->replaced);
		tlen = strlen(text);
		pieces = 0;
	} else if (!pieces)
		text = import_decode(data, len, &tlen, &ctx->sink->replaced);
	if (!pieces) {
		if (text[strspn(text, " \t\r\n\f")] == '[') {
			rv = jsonl_parse_array(ctx, tok, text, tlen, cause);
			json_tokener_free(tok);
			free(text);
			return rv;
		}
		jsonl_lines(ctx, tok, text, tlen, 1, &line, &records, &parsed);
		free(text);
	}
	for (p = data + skip; pieces && !ctx->stopped; p = nl) {
		if ((size_t)(end - p) <= import_jsonl_piece ||
		    (nl = memchr(p + import_jsonl_piece, '\n', (size_t)(end - p) -
		    import_jsonl_piece)) == NULL)
			nl = end;
		else
			nl++;
		text = import_repair(p, (size_t)(nl - p), &ctx->sink->replaced);
		jsonl_lines(ctx, tok, text, strlen(text), nl == end, &line,
		    &records, &parsed);
		free(text);
		if (nl == end)
			break;
	}
	json_tokener_free(tok);
	/* Nothing usable at all: this was not JSON Lines. */
	if (records > 0 && parsed == 0) {
		*cause = xasprintf("not JSON Lines: none of the %zu lines is "
		    "a JSON object", records);
		return -1;
	}
	return 0;
}
