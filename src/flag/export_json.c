/*
 * Flags as W3C Web Annotations (https://www.w3.org/TR/annotation-model/),
 * in JSON-LD: a top-level array of Annotation objects, each carrying the
 * annotation context, so each one can be taken out and used alone.
 *
 *   motivation "editing": the reader asks for a change to the target;
 *   body: a TextualBody with the note (absent when there is no note);
 *   target.source: the article URL (urn:lede:article:ID when unknown);
 *   target.selector: TextQuoteSelector (exact, prefix, suffix) and, while
 *     the passage is in the current revision, a TextPositionSelector
 *     counted in code points as the model says (lede stores bytes);
 *   lede:* terms (a prefix for urn:lede:) keep what the model has no word
 *     for: status, whether the passage was found, article id, revision.
 *
 * json-c escapes quotes, backslashes and C0 controls; DEL, C1 controls,
 * U+2028/U+2029 and the bidi controls are valid in JSON strings but can
 * act on a terminal or break JavaScript, so they are \u-escaped here. The
 * bytes of these characters can only occur inside strings, so the
 * serialised text is escaped byte-wise.
 */
#include "config.h"

#include <json-c/json.h>
#include <stdio.h>
#include <string.h>

#include "flag/export.h"
#include "util/buf.h"

static struct json_object *
jstr(const char *s)
{
	return json_object_new_string(s != NULL ? s : "");
}

static struct json_object *
context(void)
{
	struct json_object *c = json_object_new_array(), *ext;

	json_object_array_add(c, jstr("http://www.w3.org/ns/anno.jsonld"));
	ext = json_object_new_object();
	json_object_object_add(ext, "lede", jstr("urn:lede:"));
	json_object_array_add(c, ext);
	return c;
}

static struct json_object *
target(const struct flag *f)
{
	struct json_object *t = json_object_new_object(), *sel, *q, *p;
	char urn[64];

	if (f->url != NULL && *f->url != '\0')
		json_object_object_add(t, "source", jstr(f->url));
	else {
		snprintf(urn, sizeof urn, "urn:lede:article:%lld",
		    (long long)f->article_id);
		json_object_object_add(t, "source", jstr(urn));
	}
	sel = json_object_new_array();
	q = json_object_new_object();
	json_object_object_add(q, "type", jstr("TextQuoteSelector"));
	json_object_object_add(q, "exact", jstr(f->exact));
	json_object_object_add(q, "prefix", jstr(f->prefix));
	json_object_object_add(q, "suffix", jstr(f->suffix));
	json_object_array_add(sel, q);
	if (f->found && f->cstart >= 0 && f->cend >= f->cstart) {
		p = json_object_new_object();
		json_object_object_add(p, "type", jstr("TextPositionSelector"));
		json_object_object_add(p, "start",
		    json_object_new_int64(f->cstart));
		json_object_object_add(p, "end", json_object_new_int64(f->cend));
		json_object_array_add(sel, p);
	}
	json_object_object_add(t, "selector", sel);
	return t;
}

static struct json_object *
annotation(const struct flag *f)
{
	struct json_object *a = json_object_new_object(), *b;
	char id[64];

	snprintf(id, sizeof id, "urn:lede:flag:%lld", (long long)f->id);
	json_object_object_add(a, "@context", context());
	json_object_object_add(a, "id", jstr(id));
	json_object_object_add(a, "type", jstr("Annotation"));
	json_object_object_add(a, "motivation", jstr("editing"));
	json_object_object_add(a, "created", jstr(f->created));
	json_object_object_add(a, "modified", jstr(f->updated));
	if (f->note != NULL && *f->note != '\0') {
		b = json_object_new_object();
		json_object_object_add(b, "type", jstr("TextualBody"));
		json_object_object_add(b, "value", jstr(f->note));
		json_object_object_add(b, "format", jstr("text/plain"));
		json_object_object_add(b, "purpose", jstr("editing"));
		json_object_object_add(a, "body", b);
	}
	json_object_object_add(a, "target", target(f));
	json_object_object_add(a, "lede:status",
	    jstr(flag_status_name(f->status)));
	json_object_object_add(a, "lede:found",
	    json_object_new_boolean(f->found));
	json_object_object_add(a, "lede:article",
	    json_object_new_int64(f->article_id));
	json_object_object_add(a, "lede:revision",
	    json_object_new_int(f->revision));
	if (f->title != NULL)
		json_object_object_add(a, "lede:title", jstr(f->title));
	if (f->source != NULL)
		json_object_object_add(a, "lede:source", jstr(f->source));
	if (f->published != NULL)
		json_object_object_add(a, "lede:published", jstr(f->published));
	return a;
}

void
flag_json_escape(struct buf *out, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	unsigned int cp;

	while (*p != '\0') {
		cp = 0;
		if (p[0] == 0x7F)
			cp = 0x7F;
		else if (p[0] == 0xC2 && p[1] >= 0x80 && p[1] <= 0x9F)
			cp = p[1];
		else if (p[0] == 0xE2 && p[1] == 0x80 && p[2] >= 0xA8 &&
		    p[2] <= 0xAE)
			cp = 0x2000 + (p[2] - 0x80);
		else if (p[0] == 0xE2 && p[1] == 0x81 && p[2] >= 0xA6 &&
		    p[2] <= 0xA9)
			cp = 0x2040 + (p[2] - 0x80);
		if (cp == 0) {
			buf_addc(out, (char)*p++);
			continue;
		}
		buf_printf(out, "\\u%04x", cp);
		p += cp == 0x7F ? 1 : cp < 0x100 ? 2 : 3;
	}
}

void
flag_json_begin(struct buf *out)
{
	buf_adds(out, "[");
}

void
flag_json_add(struct buf *out, const struct flag *f, size_t index)
{
	struct json_object *a = annotation(f);

	buf_adds(out, index == 0 ? "\n" : ",\n");
	flag_json_escape(out, json_object_to_json_string_ext(a,
	    JSON_C_TO_STRING_PRETTY | JSON_C_TO_STRING_SPACED |
	    JSON_C_TO_STRING_NOSLASHESCAPE));
	json_object_put(a);
}

void
flag_json_end(struct buf *out)
{
	buf_adds(out, "\n]\n");
}
