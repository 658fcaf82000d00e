/*
 * HTML to reading text. Feeds carry their articles as HTML, saved pages
 * are HTML and newsboat stores HTML: all of it becomes the same plain
 * paragraphs ("\n\n" between them, "\n" for a <br>), with the parts that
 * are not the article (scripts, styles, navigation, asides, footers,
 * forms, embedded objects) left out.
 *
 * libxml2's HTML parser builds the tree (never fetching anything: the one
 * options constant IMPORT_HTML_OPTS); our own walker reads the text nodes,
 * with a cap on output bytes and on depth, so a hostile page costs bounded
 * memory and stack. When the walker could not reach the text (nesting too
 * deep for the parser or the walker) a plain tag stripper reads it instead
 * and the caller is told the content was cut, never handed empty text in
 * silence.
 */
#include "config.h"

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "import/import_int.h"
#include "util/buf.h"
#include "util/utf8.h"
#include "util/xalloc.h"

#define HTML_MAX_DEPTH	512

enum html_role { HTML_INLINE, HTML_BLOCK, HTML_SKIP, HTML_BREAK, HTML_CELL };

static const struct {
	const char	*name;
	enum html_role	 role;
} html_roles[] = {
	{ "script", HTML_SKIP }, { "style", HTML_SKIP }, { "nav", HTML_SKIP },
	{ "aside", HTML_SKIP }, { "footer", HTML_SKIP }, { "form", HTML_SKIP },
	{ "noscript", HTML_SKIP }, { "iframe", HTML_SKIP },
	{ "template", HTML_SKIP }, { "svg", HTML_SKIP }, { "math", HTML_SKIP },
	{ "button", HTML_SKIP }, { "select", HTML_SKIP },
	{ "textarea", HTML_SKIP }, { "input", HTML_SKIP },
	{ "object", HTML_SKIP }, { "embed", HTML_SKIP }, { "head", HTML_SKIP },
	{ "title", HTML_SKIP }, { "canvas", HTML_SKIP }, { "audio", HTML_SKIP },
	{ "video", HTML_SKIP }, { "map", HTML_SKIP }, { "dialog", HTML_SKIP },
	{ "label", HTML_SKIP },
	{ "br", HTML_BREAK },
	{ "td", HTML_CELL }, { "th", HTML_CELL },
	{ "p", HTML_BLOCK }, { "div", HTML_BLOCK }, { "h1", HTML_BLOCK },
	{ "h2", HTML_BLOCK }, { "h3", HTML_BLOCK }, { "h4", HTML_BLOCK },
	{ "h5", HTML_BLOCK }, { "h6", HTML_BLOCK }, { "ul", HTML_BLOCK },
	{ "ol", HTML_BLOCK }, { "li", HTML_BLOCK }, { "dl", HTML_BLOCK },
	{ "dt", HTML_BLOCK }, { "dd", HTML_BLOCK },
	{ "blockquote", HTML_BLOCK }, { "pre", HTML_BLOCK },
	{ "table", HTML_BLOCK }, { "tr", HTML_BLOCK }, { "caption", HTML_BLOCK },
	{ "section", HTML_BLOCK }, { "article", HTML_BLOCK },
	{ "main", HTML_BLOCK }, { "figure", HTML_BLOCK },
	{ "figcaption", HTML_BLOCK }, { "header", HTML_BLOCK },
	{ "address", HTML_BLOCK }, { "hr", HTML_BLOCK }, { "center", HTML_BLOCK },
	{ "details", HTML_BLOCK }, { "summary", HTML_BLOCK },
	{ "fieldset", HTML_BLOCK }, { "body", HTML_BLOCK }, { "html", HTML_BLOCK },
};

struct html_walk {
	struct buf	*out;
	int		 flags;
	int		 cut;
	int		 pre;		/* inside <pre>: keep white space */
	int		 brk;		/* pending: 0, 1 = "\n", 2 = "\n\n" */
	int		 space;		/* pending space */
};

static enum html_role
html_role(const xmlNode *n, int flags)
{
	const char *name = (const char *)n->name;
	size_t i;

	if ((flags & HTML_TEXT_NO_FIGCAPTION) && strcasecmp(name, "figcaption") == 0)
		return HTML_SKIP;
	if ((flags & HTML_TEXT_NO_HEADER) && strcasecmp(name, "header") == 0)
		return HTML_SKIP;
	for (i = 0; i < sizeof html_roles / sizeof html_roles[0]; i++)
		if (strcasecmp(name, html_roles[i].name) == 0)
			return html_roles[i].role;
	return HTML_INLINE;
}

static void
html_break(struct html_walk *w, int n)
{
	if (w->out->len > 0 && n > w->brk)
		w->brk = n;
	w->space = 0;
}

/* Write the pending break, counting the newlines already written. */
static void
html_flush(struct html_walk *w)
{
	struct buf *o = w->out;
	int have = 0;

	while (have < 2 && (size_t)have < o->len &&
	    o->data[o->len - 1 - have] == '\n')
		have++;
	for (; have < w->brk; have++)
		buf_addc(o, '\n');
	w->brk = w->space = 0;
}

static void
html_text(struct html_walk *w, const char *s)
{
	struct buf *o = w->out;

	for (; *s != '\0'; s++) {
		if (o->len >= IMPORT_MAX_BODY) {
			w->cut = 1;
			return;
		}
		if (w->pre && *s == '\n') {
			/* Lines of <pre> stay lines; a blank one is a paragraph
			   break, never an empty paragraph. */
			if (o->len == 0 || (o->len >= 2 &&
			    o->data[o->len - 1] == '\n' && o->data[o->len - 2] == '\n'))
				continue;
			if (w->brk > 0)
				html_flush(w);
			else
				buf_addc(o, '\n');
			continue;
		}
		if (!w->pre && strchr(" \t\n\r\f\v", *s) != NULL) {
			if (o->len > 0 && w->brk == 0)
				w->space = 1;
			continue;
		}
		if (w->brk > 0 && o->len > 0)
			html_flush(w);
		else if (w->space && o->len > 0)
			buf_addc(o, ' ');
		w->brk = w->space = 0;
		buf_addc(o, *s);
	}
}

static void
html_walk(struct html_walk *w, xmlNode *n, unsigned depth)
{
	enum html_role role;
	int pre;

	for (; n != NULL; n = n->next) {
		if (w->cut && w->out->len >= IMPORT_MAX_BODY)
			return;
		if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
			if (n->content != NULL)
				html_text(w, (const char *)n->content);
			continue;
		}
		if (n->type != XML_ELEMENT_NODE || n->name == NULL)
			continue;
		role = html_role(n, w->flags);
		if (role == HTML_SKIP)
			continue;
		if (role == HTML_BREAK) {
			html_break(w, 1);
			continue;
		}
		if (role == HTML_CELL && w->out->len > 0 && w->brk == 0)
			w->space = 1;
		if (depth >= HTML_MAX_DEPTH) {
			w->cut = 1;
			continue;
		}
		if (role == HTML_BLOCK)
			html_break(w, 2);
		pre = w->pre;
		if (strcasecmp((const char *)n->name, "pre") == 0)
			w->pre = 1;
		html_walk(w, n->children, depth + 1);
		w->pre = pre;
		if (role == HTML_BLOCK)
			html_break(w, 2);
	}
}

void
import_html_node_text(xmlNode *n, int flags, struct buf *out, int *cut)
{
	struct html_walk w = { .out = out, .flags = flags };

	html_walk(&w, n, 0);
	if (w.cut)
		*cut = 1;
}

/* &name; and &#...; -> UTF-8, for the fallback stripper. */
static size_t
html_entity(const char *s, struct buf *out)
{
	static const struct {
		const char	*name;
		unsigned	 cp;
	} ents[] = {
		{ "amp", '&' }, { "lt", '<' }, { "gt", '>' }, { "quot", '"' },
		{ "apos", '\'' }, { "nbsp", 0xA0 }, { "mdash", 0x2014 },
		{ "ndash", 0x2013 }, { "hellip", 0x2026 }, { "rsquo", 0x2019 },
		{ "lsquo", 0x2018 }, { "ldquo", 0x201C }, { "rdquo", 0x201D },
	};
	char enc[4], *end;
	unsigned long cp;
	size_t i, n;

	if (s[1] == '#') {
		cp = s[2] == 'x' || s[2] == 'X' ? strtoul(s + 3, &end, 16) :
		    strtoul(s + 2, &end, 10);
		if (*end != ';' || end == s + 2)
			return 0;
		if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
			cp = UTF8_REPLACEMENT;
		buf_add(out, enc, utf8_encode((uint32_t)cp, enc));
		return (size_t)(end - s) + 1;
	}
	for (i = 0; i < sizeof ents / sizeof ents[0]; i++) {
		n = strlen(ents[i].name);
		if (strncmp(s + 1, ents[i].name, n) == 0 && s[n + 1] == ';') {
			buf_add(out, enc, utf8_encode(ents[i].cp, enc));
			return n + 2;
		}
	}
	return 0;
}

/* Case-insensitive search for word in [p, end). */
static const char *
html_find(const char *p, const char *end, const char *word)
{
	size_t n = strlen(word);

	for (; (size_t)(end - p) >= n; p++)
		if (strncasecmp(p, word, n) == 0)
			return p;
	return NULL;
}

/*
 * The fallback: tags out, entities decoded, script and style skipped,
 * block tags as paragraph breaks. Good enough for a page the tree could
 * not hold.
 */
static char *
html_strip(const char *in, size_t len)
{
	struct buf raw = BUF_INIT, text = BUF_INIT;
	struct html_walk w = { .out = &text };
	/* a terminated copy: the entity decoder looks ahead for ';' */
	char *s = xmalloc(len + 1);
	const char *end = s + len, *p, *close;
	char name[16];
	size_t n, k;

	memcpy(s, in, len);
	s[len] = '\0';

	for (p = s; p < end;) {
		if (*p == '&' && (n = html_entity(p, &raw)) > 0) {
			p += n;
			continue;
		}
		if (*p != '<') {
			buf_addc(&raw, *p++);
			continue;
		}
		if (end - p >= 4 && strncmp(p, "<!--", 4) == 0) {
			close = memmem(p, (size_t)(end - p), "-->", 3);
			p = close != NULL ? close + 3 : end;
			continue;
		}
		for (k = 0, n = (p + 1 < end && p[1] == '/'); p + 1 + n + k < end &&
		    k + 1 < sizeof name && isalnum((unsigned char)p[1 + n + k]); k++)
			name[k] = (char)tolower((unsigned char)p[1 + n + k]);
		name[k] = '\0';
		close = memchr(p, '>', (size_t)(end - p));
		p = close != NULL ? close + 1 : end;
		if (k > 0) {
			xmlNode fake = { .type = XML_ELEMENT_NODE,
			    .name = (const xmlChar *)name };
			enum html_role role = html_role(&fake, 0);
			char closing[20];

			/* Skipped elements go with their content, up to the
			   closing tag (void ones like <input> have none). */
			if (n == 0 && role == HTML_SKIP &&
			    strcmp(name, "input") != 0 && strcmp(name, "embed") != 0) {
				snprintf(closing, sizeof closing, "</%s", name);
				close = html_find(p, end, closing);
				p = close != NULL ? close : end;
				continue;
			}
			if (role == HTML_BLOCK || role == HTML_BREAK)
				buf_adds(&raw, role == HTML_BLOCK ? "\x01" : "\x02");
		}
	}
	/* Collapse through the walker's text rules; \1 and \2 are breaks. */
	for (p = buf_str(&raw); *p != '\0'; p = close) {
		close = p + strcspn(p, "\x01\x02");
		n = (size_t)(close - p);
		if (n > 0) {
			char *piece = xstrndup(p, n);

			html_text(&w, piece);
			free(piece);
		}
		if (*close != '\0') {
			html_break(&w, *close == '\x01' ? 2 : 1);
			close++;
		}
	}
	buf_release(&raw);
	free(s);
	return buf_detach(&text);
}

/* Whether s[0..len) has visible text outside tags. */
static int
html_has_text(const char *s, size_t len)
{
	size_t i;
	int intag = 0;

	for (i = 0; i < len; i++) {
		if (s[i] == '<')
			intag = 1;
		else if (s[i] == '>')
			intag = 0;
		else if (!intag && !isspace((unsigned char)s[i]))
			return 1;
	}
	return 0;
}

/* libxml2 reports some errors (encoding conversion, I/O) outside any
   parser context, on stderr: nothing may print under curses. */
static void
html_quiet(void *ctx, const char *msg, ...)
{
}

void
import_xml_init(void)
{
	xmlInitParser();
	xmlSetGenericErrorFunc(NULL, html_quiet);
	xmlSetStructuredErrorFunc(NULL, NULL);
}

char *
import_html_text(const char *html, size_t len, size_t *replaced, int *cut)
{
	struct buf out = BUF_INIT;
	htmlDocPtr doc;
	char *text, *fixed;
	size_t tl;
	int c = 0;

	if (len > INT32_MAX)
		len = INT32_MAX;
	import_xml_init();
	doc = htmlReadMemory(html, (int)len, NULL, "UTF-8",
	    IMPORT_HTML_FRAGMENT_OPTS);
	if (doc != NULL) {
		import_html_node_text(doc->children, 0, &out, &c);
		xmlFreeDoc(doc);
	}
	/* No trailing white space (a <pre> may end with its newline). */
	while (out.len > 0 && (out.data[out.len - 1] == '\n' ||
	    out.data[out.len - 1] == ' '))
		out.data[--out.len] = '\0';
	text = buf_detach(&out);
	tl = strlen(text);
	if ((c && tl < IMPORT_MAX_BODY) || (tl == 0 && html_has_text(html, len))) {
		/* The tree lost text (too deep): read the tags flat. */
		free(text);
		text = html_strip(html, len);
		c = 1;
	}
	if (cut != NULL)
		*cut = c;
	fixed = import_repair(text, strlen(text), replaced);
	free(text);
	return fixed;
}

char *
import_html_to_text(const char *html, size_t len, size_t *replaced)
{
	return import_html_text(html, len, replaced, NULL);
}
