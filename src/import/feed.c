/*
 * RSS (2.0, 0.9x and 1.0/RDF) and Atom feeds through libxml2.
 *
 * Feeds are untrusted XML, so libxml2 is used defensively:
 *  - one options constant, IMPORT_XML_OPTS (no network, no entity
 *    substitution, no DTD loading);
 *  - a document that declares entities (the billion laughs, external
 *    entities reading local files) is refused: a scan of the prolog
 *    before parsing, and the internal subset checked after;
 *  - errors are collected through a structured handler on our own parser
 *    context (never printed) and the first one is reported as line:col;
 *  - text is read by our own walker with a byte cap, never with
 *    libxml2's get-all-content helper, and nesting beyond
 *    IMPORT_MAX_XML_DEPTH is refused by the parser.
 * A document that is not well-formed (truncated, binary, wrong encoding)
 * contributes nothing: "not a valid feed (line:col: message)". Problems
 * with single items (no title or text, a date not understood, a field cut
 * to its limit) skip or trim that item and are reported with its line.
 *
 * Mapping: channel/feed title -> source, its link -> source_url, its
 * language (or xml:lang) -> language; item title, link (Atom: rel
 * alternate, resolved against xml:base), guid/id, pubDate/dc:date or
 * published/updated, dc:creator/author (Atom: author names),
 * content:encoded/description (Atom: content/summary) as HTML made text,
 * and a Media RSS description as the caption.
 */
#include "config.h"

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/uri.h>

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "import/import_int.h"
#include "util/buf.h"
#include "util/xalloc.h"

#define NS_ATOM		"http://www.w3.org/2005/Atom"
#define NS_ATOM03	"http://purl.org/atom/ns#"
#define NS_RSS10	"http://purl.org/rss/1.0/"
#define NS_RSS090	"http://my.netscape.com/rdf/simple/0.9/"
#define NS_CONTENT	"http://purl.org/rss/1.0/modules/content/"
#define NS_DC		"http://purl.org/dc/elements/1.1/"
#define NS_RDF		"http://www.w3.org/1999/02/22-rdf-syntax-ns#"
#define NS_MEDIA	"http://search.yahoo.com/mrss/"

/* Which namespace a child must be in. */
enum feed_ns {
	FEED_RSS,	/* none, RSS 1.0 or RSS 0.90 */
	FEED_ATOM,	/* Atom 1.0 or 0.3 */
	FEED_CONTENT,
	FEED_DC,
	FEED_MEDIA,
};

struct feed_err {
	int	 line, col;
	char	*message;	/* the first error */
};

struct feed {
	struct import_ctx	*ctx;
	enum import_format	 fmt;
	char			*source;
	char			*source_url;
	char			*language;
	char			*author;	/* Atom feed-level author */
};

static int
feed_ns_is(const xmlNode *n, enum feed_ns want)
{
	const char *href = n->ns != NULL ? (const char *)n->ns->href : NULL;

	switch (want) {
	case FEED_RSS:
		return href == NULL || strcmp(href, NS_RSS10) == 0 ||
		    strcmp(href, NS_RSS090) == 0;
	case FEED_ATOM:
		return href != NULL && (strcmp(href, NS_ATOM) == 0 ||
		    strcmp(href, NS_ATOM03) == 0);
	case FEED_CONTENT:
		return href != NULL && strcmp(href, NS_CONTENT) == 0;
	case FEED_DC:
		return href != NULL && strcmp(href, NS_DC) == 0;
	case FEED_MEDIA:
		return href != NULL && strcmp(href, NS_MEDIA) == 0;
	}
	return 0;
}

static xmlNode *
feed_child(xmlNode *parent, enum feed_ns ns, const char *name)
{
	xmlNode *n;

	for (n = parent->children; n != NULL; n = n->next)
		if (n->type == XML_ELEMENT_NODE &&
		    strcmp((const char *)n->name, name) == 0 && feed_ns_is(n, ns))
			return n;
	return NULL;
}

static void
feed_collect(xmlNode *n, struct buf *b, size_t cap, int *cut, unsigned depth)
{
	for (; n != NULL; n = n->next) {
		if (b->len >= cap || depth > IMPORT_MAX_XML_DEPTH) {
			*cut = 1;
			return;
		}
		if ((n->type == XML_TEXT_NODE ||
		    n->type == XML_CDATA_SECTION_NODE) && n->content != NULL) {
			size_t len = strlen((const char *)n->content);

			if (b->len + len > cap) {
				len = cap - b->len;
				*cut = 1;
			}
			buf_add(b, n->content, len);
		} else if (n->type == XML_ELEMENT_NODE)
			feed_collect(n->children, b, cap, cut, depth + 1);
	}
}

/* The text inside n, at most cap bytes; NULL when n is NULL. Caller frees. */
static char *
feed_text(struct feed *f, xmlNode *n, size_t cap)
{
	struct buf b = BUF_INIT;
	int cut = 0;

	if (n == NULL)
		return NULL;
	feed_collect(n->children, &b, cap, &cut, 0);
	if (cut)
		import_problem(f->ctx, (unsigned long)xmlGetLineNo(n), 0,
		    "<%s> longer than %zu bytes: cut", (const char *)n->name, cap);
	return buf_detach(&b);
}

/* Trimmed one-line text of n (titles, names, links), or NULL. */
static char *
feed_line(struct feed *f, xmlNode *n)
{
	char *s = feed_text(f, n, IMPORT_MAX_TITLE * 4), *t;

	t = import_squeeze(s);
	free(s);
	return t;
}

/* Text that may be HTML (escaped or CDATA) as paragraphs, or NULL. */
static char *
feed_html(struct feed *f, xmlNode *n, int is_html)
{
	char *s = feed_text(f, n, IMPORT_MAX_BODY), *t;
	int cut = 0;

	if (s == NULL)
		return NULL;
	if (!is_html) {
		t = import_squeeze(s);
		free(s);
		return t;
	}
	t = import_html_text(s, strlen(s), &f->ctx->sink->replaced, &cut);
	if (cut)
		import_problem(f->ctx, (unsigned long)xmlGetLineNo(n), 0,
		    "content cut or flattened: nesting too deep or too long");
	free(s);
	if (t[0] == '\0') {
		free(t);
		return NULL;
	}
	return t;
}

/* Whether s holds an escaped entity ("&amp;", "&#8217;"): feeds often
   escape titles twice. */
static int
feed_has_entity(const char *s)
{
	const char *amp;
	size_t n;

	for (amp = strchr(s, '&'); amp != NULL; amp = strchr(amp + 1, '&')) {
		n = strspn(amp + 1, "#abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOP"
		    "QRSTUVWXYZ0123456789");
		if (n > 0 && n < 10 && amp[1 + n] == ';')
			return 1;
	}
	return 0;
}

/* A title that may carry markup: made plain and on one line. */
static char *
feed_title(struct feed *f, xmlNode *n, int is_html)
{
	char *s, *t;

	if (n == NULL)
		return NULL;
	s = feed_line(f, n);
	if (s == NULL || !is_html || (strchr(s, '<') == NULL &&
	    !feed_has_entity(s)))
		return s;
	t = import_html_text(s, strlen(s), &f->ctx->sink->replaced, NULL);
	free(s);
	s = import_squeeze(t);
	free(t);
	return s;
}

static char *
feed_date(struct feed *f, xmlNode *n)
{
	char *s = feed_line(f, n), *d;

	if (s == NULL)
		return NULL;
	d = import_parse_date(s);
	if (d == NULL)
		import_problem(f->ctx, (unsigned long)xmlGetLineNo(n), 0,
		    "date \"%.40s\" not understood: left unknown", s);
	free(s);
	return d;
}

static char *
feed_lang(xmlNode *n)
{
	xmlChar *lang = xmlNodeGetLang(n);
	char *tag;

	if (lang == NULL)
		return NULL;
	tag = import_lang_tag((const char *)lang);
	xmlFree(lang);
	return tag;
}

/* "jane@example.com (Jane Doe)" -> "Jane Doe". */
static char *
feed_person(char *s)
{
	char *open, *close, *t;

	if (s == NULL || strchr(s, '@') == NULL ||
	    (open = strchr(s, '(')) == NULL ||
	    (close = strrchr(s, ')')) == NULL || close < open + 2)
		return s;
	t = xstrndup(open + 1, (size_t)(close - open - 1));
	free(s);
	return t;
}

/*
 * A photo caption from Media RSS: media:description of the item, or of its
 * first media:content or media:group that has one.
 */
static char *
feed_media_caption(struct feed *f, xmlNode *item)
{
	xmlNode *n, *d;

	if ((d = feed_child(item, FEED_MEDIA, "description")) != NULL)
		return feed_title(f, d, 1);
	for (n = item->children; n != NULL; n = n->next) {
		if (n->type != XML_ELEMENT_NODE || !feed_ns_is(n, FEED_MEDIA) ||
		    (strcmp((const char *)n->name, "content") != 0 &&
		    strcmp((const char *)n->name, "group") != 0))
			continue;
		if ((d = feed_child(n, FEED_MEDIA, "description")) != NULL)
			return feed_title(f, d, 1);
	}
	return NULL;
}

/* An article with the feed-level fields filled in. */
static struct article *
feed_article(struct feed *f)
{
	struct article *a = article_new();

	article_set(&a->source, f->source);
	article_set(&a->source_url, f->source_url);
	article_set(&a->language, f->language);
	return a;
}

static void
feed_deliver(struct feed *f, struct article *a, xmlNode *item)
{
	unsigned long line = (unsigned long)xmlGetLineNo(item);

	if (a->title == NULL && a->body == NULL) {
		import_problem(f->ctx, line, 0, "item has neither title nor "
		    "text: skipped");
		article_free(a);
		return;
	}
	if (a->title == NULL)
		a->title = import_title_from_text(a->body);
	if (a->language == NULL)
		article_set(&a->language, article_guess_language(
		    a->body != NULL ? a->body : a->title));
	import_deliver(f->ctx, a, line);
}

static void
feed_rss_item(struct feed *f, xmlNode *item)
{
	struct article *a = feed_article(f);
	xmlNode *n;
	xmlChar *perma;
	char *lang;

	a->title = feed_title(f, feed_child(item, FEED_RSS, "title"), 1);
	a->url = feed_line(f, feed_child(item, FEED_RSS, "link"));
	if ((n = feed_child(item, FEED_RSS, "guid")) != NULL) {
		a->guid = feed_line(f, n);
		perma = xmlGetNoNsProp(n, (const xmlChar *)"isPermaLink");
		if (a->url == NULL && a->guid != NULL &&
		    (perma == NULL || strcmp((char *)perma, "false") != 0) &&
		    strncmp(a->guid, "http", 4) == 0)
			article_set(&a->url, a->guid);
		xmlFree(perma);
	}
	if (a->guid == NULL) {
		/* RSS 1.0 names its items with rdf:about. */
		xmlChar *about = xmlGetNsProp(item, (const xmlChar *)"about",
		    (const xmlChar *)NS_RDF);

		if (about != NULL) {
			a->guid = import_squeeze((const char *)about);
			xmlFree(about);
		}
	}
	if ((n = feed_child(item, FEED_RSS, "pubDate")) == NULL)
		n = feed_child(item, FEED_DC, "date");
	a->published = feed_date(f, n);
	a->author = feed_line(f, feed_child(item, FEED_DC, "creator"));
	if (a->author == NULL)
		a->author = feed_person(feed_line(f, feed_child(item, FEED_RSS,
		    "author")));
	if ((n = feed_child(item, FEED_CONTENT, "encoded")) == NULL)
		n = feed_child(item, FEED_RSS, "description");
	a->body = feed_html(f, n, 1);
	a->caption = feed_media_caption(f, item);
	if ((lang = feed_lang(item)) != NULL ||
	    (lang = feed_line(f, feed_child(item, FEED_DC, "language"))) != NULL) {
		free(a->language);
		a->language = import_lang_tag(lang);
		free(lang);
	}
	feed_deliver(f, a, item);
}

static void
feed_rss(struct feed *f, xmlNode *root)
{
	xmlNode *channel, *n, *lists[2];
	char *lang;
	size_t i;

	channel = feed_child(root, FEED_RSS, "channel");
	if (channel == NULL)
		return;
	f->source = feed_title(f, feed_child(channel, FEED_RSS, "title"), 1);
	f->source_url = feed_line(f, feed_child(channel, FEED_RSS, "link"));
	lang = feed_line(f, feed_child(channel, FEED_RSS, "language"));
	if (lang == NULL)
		lang = feed_line(f, feed_child(channel, FEED_DC, "language"));
	if (lang == NULL)
		lang = feed_lang(channel);
	f->language = import_lang_tag(lang);
	free(lang);
	/* RSS 2.0 items are in the channel, RSS 1.0 items beside it. */
	lists[0] = channel->children;
	lists[1] = strcmp((const char *)root->name, "rss") != 0 ?
	    root->children : NULL;
	for (i = 0; i < 2; i++)
		for (n = lists[i]; n != NULL && !f->ctx->stopped; n = n->next)
			if (n->type == XML_ELEMENT_NODE &&
			    strcmp((const char *)n->name, "item") == 0 &&
			    feed_ns_is(n, FEED_RSS))
				feed_rss_item(f, n);
}

/* Atom text constructs: type="text" (default), "html" or "xhtml". */
static char *
feed_atom_text(struct feed *f, xmlNode *n, int title)
{
	xmlChar *type;
	xmlNode *div;
	struct buf b = BUF_INIT;
	char *s;
	int cut = 0, html;

	if (n == NULL)
		return NULL;
	type = xmlGetNoNsProp(n, (const xmlChar *)"type");
	if (type != NULL && strcmp((char *)type, "xhtml") == 0) {
		xmlFree(type);
		for (div = n->children; div != NULL &&
		    div->type != XML_ELEMENT_NODE; div = div->next)
			;
		import_html_node_text(div != NULL ? div : n->children, 0, &b,
		    &cut);
		s = buf_detach(&b);
		if (title) {
			char *t = import_squeeze(s);

			free(s);
			return t;
		}
		return s[0] != '\0' ? s : (free(s), NULL);
	}
	html = type != NULL && (strcmp((char *)type, "html") == 0 ||
	    strcmp((char *)type, "text/html") == 0);
	xmlFree(type);
	if (title)
		return feed_title(f, n, html);
	if (!html) {
		/* Plain text keeps its line structure as paragraphs. */
		s = feed_text(f, n, IMPORT_MAX_BODY);
		if (s != NULL && s[strspn(s, " \t\r\n")] == '\0') {
			free(s);
			return NULL;
		}
		return s;
	}
	return feed_html(f, n, 1);
}

/* The href of the rel="alternate" (or rel-less) link, resolved. */
static char *
feed_atom_link(xmlNode *parent)
{
	xmlNode *n;
	xmlChar *rel, *href, *base, *abs;
	char *url = NULL;

	for (n = parent->children; n != NULL && url == NULL; n = n->next) {
		if (n->type != XML_ELEMENT_NODE ||
		    strcmp((const char *)n->name, "link") != 0 ||
		    !feed_ns_is(n, FEED_ATOM))
			continue;
		rel = xmlGetNoNsProp(n, (const xmlChar *)"rel");
		href = xmlGetNoNsProp(n, (const xmlChar *)"href");
		if (href != NULL && (rel == NULL ||
		    strcmp((char *)rel, "alternate") == 0)) {
			base = xmlNodeGetBase(n->doc, n);
			abs = base != NULL ? xmlBuildURI(href, base) : NULL;
			url = import_squeeze((const char *)(abs != NULL ? abs : href));
			xmlFree(abs);
			xmlFree(base);
		}
		xmlFree(rel);
		xmlFree(href);
	}
	return url;
}

/* Author names of an entry or feed, ", " between them. */
static char *
feed_atom_authors(struct feed *f, xmlNode *parent)
{
	struct buf b = BUF_INIT;
	xmlNode *n;
	char *name;

	for (n = parent->children; n != NULL; n = n->next) {
		if (n->type != XML_ELEMENT_NODE ||
		    strcmp((const char *)n->name, "author") != 0 ||
		    !feed_ns_is(n, FEED_ATOM))
			continue;
		name = feed_line(f, feed_child(n, FEED_ATOM, "name"));
		if (name == NULL)
			continue;
		if (b.len > 0)
			buf_adds(&b, ", ");
		buf_adds(&b, name);
		free(name);
	}
	return b.len > 0 ? buf_detach(&b) : (buf_release(&b), NULL);
}

static void
feed_atom_entry(struct feed *f, xmlNode *entry)
{
	struct article *a = feed_article(f);
	xmlNode *n;
	char *lang;

	a->title = feed_atom_text(f, feed_child(entry, FEED_ATOM, "title"), 1);
	a->url = feed_atom_link(entry);
	a->guid = feed_line(f, feed_child(entry, FEED_ATOM, "id"));
	if ((n = feed_child(entry, FEED_ATOM, "published")) == NULL &&
	    (n = feed_child(entry, FEED_ATOM, "issued")) == NULL &&
	    (n = feed_child(entry, FEED_ATOM, "updated")) == NULL)
		n = feed_child(entry, FEED_ATOM, "modified");
	a->published = feed_date(f, n);
	a->author = feed_atom_authors(f, entry);
	if (a->author == NULL)
		article_set(&a->author, f->author);
	a->body = feed_atom_text(f, feed_child(entry, FEED_ATOM, "content"), 0);
	if (a->body == NULL)
		a->body = feed_atom_text(f, feed_child(entry, FEED_ATOM,
		    "summary"), 0);
	if ((lang = feed_lang(entry)) != NULL) {
		free(a->language);
		a->language = lang;
	}
	feed_deliver(f, a, entry);
}

static void
feed_atom(struct feed *f, xmlNode *root)
{
	xmlNode *n;

	f->source = feed_atom_text(f, feed_child(root, FEED_ATOM, "title"), 1);
	f->source_url = feed_atom_link(root);
	f->language = feed_lang(root);
	f->author = feed_atom_authors(f, root);
	for (n = root->children; n != NULL && !f->ctx->stopped; n = n->next)
		if (n->type == XML_ELEMENT_NODE &&
		    strcmp((const char *)n->name, "entry") == 0 &&
		    feed_ns_is(n, FEED_ATOM))
			feed_atom_entry(f, n);
}

/*
 * Whether the document declares entities: "<!ENTITY" anywhere after a
 * "<!DOCTYPE". (A feed with a DOCTYPE that quotes "<!ENTITY" in an article
 * is refused too: rare, and the safe side.)
 */
static int
feed_declares_entities(const char *data, size_t len)
{
	const char *doctype;
	char *utf8;
	size_t ulen;
	int found;

	/* UTF-16 hides the markup from a byte search: look at it as UTF-8. */
	if (len >= 2 && (memcmp(data, "\xFF\xFE", 2) == 0 ||
	    memcmp(data, "\xFE\xFF", 2) == 0)) {
		utf8 = import_decode(data, len, &ulen, NULL);
		found = feed_declares_entities(utf8, ulen);
		free(utf8);
		return found;
	}
	doctype = memmem(data, len, "<!DOCTYPE", 9);
	return doctype != NULL && memmem(doctype,
	    len - (size_t)(doctype - data), "<!ENTITY", 8) != NULL;
}

/*
 * Feeds written by HTML tools use HTML's named entities (&nbsp;, &mdash;)
 * that XML does not define, which would make the whole feed invalid. When
 * the document has no DOCTYPE, the common ones are rewritten as character
 * references before parsing; others still fail the feed, with the name in
 * the message. Returns a new buffer (caller frees) or NULL when there was
 * nothing to rewrite.
 */
static char *
feed_html_entities(const char *data, size_t len, size_t *outlen)
{
	static const struct {
		const char	*name;
		unsigned	 cp;
	} ents[] = {
		{ "nbsp", 0xA0 }, { "mdash", 0x2014 }, { "ndash", 0x2013 },
		{ "hellip", 0x2026 }, { "rsquo", 0x2019 }, { "lsquo", 0x2018 },
		{ "ldquo", 0x201C }, { "rdquo", 0x201D }, { "laquo", 0xAB },
		{ "raquo", 0xBB }, { "copy", 0xA9 }, { "reg", 0xAE },
		{ "trade", 0x2122 }, { "bull", 0x2022 }, { "middot", 0xB7 },
		{ "eacute", 0xE9 }, { "egrave", 0xE8 }, { "aacute", 0xE1 },
		{ "agrave", 0xE0 }, { "ouml", 0xF6 }, { "uuml", 0xFC },
		{ "auml", 0xE4 }, { "szlig", 0xDF }, { "ccedil", 0xE7 },
		{ "euro", 0x20AC }, { "pound", 0xA3 }, { "deg", 0xB0 },
	};
	struct buf b = BUF_INIT;
	const char *p = data, *end = data + len, *amp;
	size_t i, n;
	int changed = 0;

	if (memmem(data, len, "<!DOCTYPE", 9) != NULL)
		return NULL;
	while ((amp = memchr(p, '&', (size_t)(end - p))) != NULL) {
		buf_add(&b, p, (size_t)(amp - p));
		p = amp + 1;
		for (i = 0; i < sizeof ents / sizeof ents[0]; i++) {
			n = strlen(ents[i].name);
			if ((size_t)(end - p) > n && memcmp(p, ents[i].name, n) == 0 &&
			    p[n] == ';')
				break;
		}
		if (i == sizeof ents / sizeof ents[0]) {
			buf_addc(&b, '&');
			continue;
		}
		buf_printf(&b, "&#%u;", ents[i].cp);
		p += n + 1;
		changed = 1;
	}
	if (!changed) {
		buf_release(&b);
		return NULL;
	}
	buf_add(&b, p, (size_t)(end - p));
	*outlen = b.len;
	return buf_detach(&b);
}

static void
feed_error(void *arg, xmlErrorPtr e)
{
	xmlParserCtxtPtr ctxt = arg;
	struct feed_err *fe = ctxt->_private;
	size_t n;
	char *p;

	if (fe == NULL || fe->message != NULL || e == NULL ||
	    e->level < XML_ERR_ERROR)
		return;
	fe->line = e->line;
	fe->col = e->int2;
	fe->message = xstrdup(e->message != NULL ? e->message : "error");
	n = strlen(fe->message);
	while (n > 0 && (fe->message[n - 1] == '\n' || fe->message[n - 1] == ' '))
		fe->message[--n] = '\0';
	/* One line, and in our terms rather than libxml2's options. */
	for (p = fe->message; (p = strchr(p, '\n')) != NULL; )
		*p = ' ';
	if (strncmp(fe->message, "Excessive depth", 15) == 0) {
		free(fe->message);
		fe->message = xasprintf("elements nested deeper than the %d "
		    "levels allowed", IMPORT_MAX_XML_DEPTH);
	}
}

/* Parse with our own context; NULL and *cause when not well-formed. */
static xmlDocPtr
feed_read(const char *data, size_t len, char **cause)
{
	struct feed_err fe = { 0, 0, NULL };
	xmlParserCtxtPtr ctxt;
	xmlDocPtr doc;
	xmlErrorPtr last;

	import_xml_init();
	ctxt = xmlNewParserCtxt();
	if (ctxt == NULL)
		fatal("out of memory");
	ctxt->_private = &fe;
	ctxt->sax->serror = feed_error;
	/* Encoding errors are raised outside the parser context: catch them
	   too (the handler is per thread). */
	xmlSetStructuredErrorFunc(ctxt, feed_error);
	doc = xmlCtxtReadMemory(ctxt, data, (int)len, NULL, NULL,
	    IMPORT_XML_OPTS);
	xmlSetStructuredErrorFunc(NULL, NULL);
	if (doc == NULL || !ctxt->wellFormed) {
		if (fe.message == NULL && (last = xmlCtxtGetLastError(ctxt)) !=
		    NULL && last->message != NULL) {
			feed_error(ctxt, last);
		}
		if (fe.line > 0)
			*cause = xasprintf("not a valid feed (%d:%d: %s)",
			    fe.line, fe.col, fe.message != NULL ? fe.message :
			    "not XML");
		else
			*cause = xasprintf("not a valid feed (%s)", fe.message !=
			    NULL ? fe.message : "not XML");
		xmlFreeDoc(doc);
		doc = NULL;
	}
	free(fe.message);
	xmlFreeParserCtxt(ctxt);
	return doc;
}

int
import_parse_feed(struct import_ctx *ctx, const char *data, size_t len,
    char **cause)
{
	struct feed f = { .ctx = ctx };
	xmlDocPtr doc;
	xmlNode *root;
	xmlDtdPtr dtd;
	char *fixed;
	size_t fixedlen = 0;
	int rv = 0;

	if (feed_declares_entities(data, len)) {
		*cause = xstrdup("refused: the feed declares XML entities "
		    "(entity expansion and external entities are not allowed)");
		return -1;
	}
	fixed = feed_html_entities(data, len, &fixedlen);
	doc = feed_read(fixed != NULL ? fixed : data, fixed != NULL ? fixedlen :
	    len, cause);
	free(fixed);
	if (doc == NULL)
		return -1;
	dtd = doc->intSubset;
	root = xmlDocGetRootElement(doc);
	if (dtd != NULL && (dtd->entities != NULL || dtd->pentities != NULL)) {
		*cause = xstrdup("refused: the feed declares XML entities "
		    "(entity expansion and external entities are not allowed)");
		rv = -1;
	} else if (root == NULL) {
		*cause = xstrdup("not a valid feed (no root element)");
		rv = -1;
	} else if (strcmp((const char *)root->name, "rss") == 0 ||
	    strcmp((const char *)root->name, "RDF") == 0) {
		f.fmt = IMPORT_RSS;
		if (feed_child(root, FEED_RSS, "channel") == NULL) {
			*cause = xstrdup("not a valid feed (no <channel>)");
			rv = -1;
		} else
			feed_rss(&f, root);
	} else if (strcmp((const char *)root->name, "feed") == 0 &&
	    feed_ns_is(root, FEED_ATOM)) {
		f.fmt = IMPORT_ATOM;
		feed_atom(&f, root);
	} else {
		*cause = xasprintf("not a feed: the root element is <%.40s>, "
		    "not <rss>, <rdf:RDF> or an Atom <feed>",
		    (const char *)root->name);
		rv = -1;
	}
	free(f.source);
	free(f.source_url);
	free(f.language);
	free(f.author);
	xmlFreeDoc(doc);
	return rv;
}
