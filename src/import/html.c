/*
 * A saved article page ("Save page as", wget, a browser's reader export):
 * one article per file. Metadata comes from what publishers put in <head>
 * for social cards and search engines (Open Graph, article:*, author,
 * canonical link, <html lang>); the text from the article itself: the
 * <article> element with the most paragraph text, else the element whose
 * own <p> children hold the most text (the readability heuristic), else
 * <body>. Navigation, scripts, styles, asides, footers, forms and the
 * header inside the article are left out; the first <figcaption> becomes
 * the caption.
 *
 * libxml2's HTML parser recovers from anything, so a page is refused only
 * when it holds no text at all.
 */
#include "config.h"

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "import/import_int.h"
#include "util/buf.h"
#include "util/xalloc.h"

#define PAGE_MAX_DEPTH	512

/* <meta> names and properties, in order of preference per field. */
enum page_field { PF_TITLE, PF_AUTHOR, PF_DATE, PF_SITE, PF_URL, PF_LANG,
    PF_CAPTION, PF_COUNT };

static const struct {
	const char	*key;
	enum page_field	 field;
	int		 rank;		/* lower wins */
} page_metas[] = {
	{ "og:title", PF_TITLE, 0 },
	{ "twitter:title", PF_TITLE, 1 },
	{ "dc.title", PF_TITLE, 2 },
	{ "author", PF_AUTHOR, 0 },
	{ "article:author", PF_AUTHOR, 1 },
	{ "parsely-author", PF_AUTHOR, 2 },
	{ "dc.creator", PF_AUTHOR, 3 },
	{ "sailthru.author", PF_AUTHOR, 4 },
	{ "article:published_time", PF_DATE, 0 },
	{ "datepublished", PF_DATE, 1 },
	{ "parsely-pub-date", PF_DATE, 2 },
	{ "pubdate", PF_DATE, 3 },
	{ "publishdate", PF_DATE, 4 },
	{ "date", PF_DATE, 5 },
	{ "dc.date", PF_DATE, 6 },
	{ "dc.date.issued", PF_DATE, 7 },
	{ "og:site_name", PF_SITE, 0 },
	{ "application-name", PF_SITE, 1 },
	{ "og:url", PF_URL, 1 },
	{ "og:locale", PF_LANG, 2 },
	{ "content-language", PF_LANG, 3 },
	{ "og:image:alt", PF_CAPTION, 1 },
};

struct page {
	char		*meta[PF_COUNT];
	int		 rank[PF_COUNT];
	xmlNode		*best_article;
	size_t		 best_article_score;
	xmlNode		*best_parent;
	size_t		 best_parent_score;
	xmlNode		*body;
	xmlNode		*title_el;
	xmlNode		*h1;
	xmlNode		*time_el;
	char		*rel_author;
};

static int
page_is(const xmlNode *n, const char *name)
{
	return n->type == XML_ELEMENT_NODE && n->name != NULL &&
	    strcasecmp((const char *)n->name, name) == 0;
}

static char *
page_attr(xmlNode *n, const char *name)
{
	xmlChar *v = xmlGetNoNsProp(n, (const xmlChar *)name);
	char *s;

	if (v == NULL)
		return NULL;
	s = import_squeeze((const char *)v);
	xmlFree(v);
	return s;
}

static void
page_set(struct page *pg, enum page_field f, int rank, char *value)
{
	if (value == NULL)
		return;
	if (pg->meta[f] != NULL && pg->rank[f] <= rank) {
		free(value);
		return;
	}
	free(pg->meta[f]);
	pg->meta[f] = value;
	pg->rank[f] = rank;
}

static void
page_meta(struct page *pg, xmlNode *n)
{
	char *key = page_attr(n, "property"), *v;
	size_t i;

	if (key == NULL)
		key = page_attr(n, "name");
	if (key == NULL)
		key = page_attr(n, "itemprop");
	if (key == NULL)
		key = page_attr(n, "http-equiv");
	if (key == NULL)
		return;
	for (i = 0; i < sizeof page_metas / sizeof page_metas[0]; i++) {
		if (strcasecmp(key, page_metas[i].key) != 0)
			continue;
		v = page_attr(n, "content");
		/* article:author is often a profile URL, not a name. */
		if (v != NULL && page_metas[i].field == PF_AUTHOR &&
		    strncmp(v, "http", 4) == 0) {
			free(v);
			break;
		}
		page_set(pg, page_metas[i].field, page_metas[i].rank, v);
		break;
	}
	free(key);
}

static void
page_link(struct page *pg, xmlNode *n)
{
	char *rel = page_attr(n, "rel");

	if (rel != NULL && strcasecmp(rel, "canonical") == 0)
		page_set(pg, PF_URL, 0, page_attr(n, "href"));
	free(rel);
}

/* Bytes of text in the direct <p> children of n. */
static size_t
page_p_text(xmlNode *n)
{
	struct buf b = BUF_INIT;
	xmlNode *c;
	size_t len;
	int cut = 0;

	for (c = n->children; c != NULL; c = c->next)
		if (page_is(c, "p"))
			import_html_node_text(c->children, 0, &b, &cut);
	len = b.len;
	buf_release(&b);
	return len;
}

/* Bytes of text in all <p> under n (bounded by the walker's caps). */
static size_t
page_all_p_text(xmlNode *n, unsigned depth)
{
	size_t sum = 0;
	xmlNode *c;

	if (depth > PAGE_MAX_DEPTH)
		return 0;
	for (c = n->children; c != NULL; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (page_is(c, "p")) {
			struct buf b = BUF_INIT;
			int cut = 0;

			import_html_node_text(c->children, 0, &b, &cut);
			sum += b.len;
			buf_release(&b);
		} else
			sum += page_all_p_text(c, depth + 1);
	}
	return sum;
}

/* One pass over the tree: metadata and the candidates for the text. */
static void
page_scan(struct page *pg, xmlNode *n, unsigned depth, int skipped)
{
	size_t score;

	for (; n != NULL; n = n->next) {
		if (n->type != XML_ELEMENT_NODE || depth > PAGE_MAX_DEPTH)
			continue;
		if (page_is(n, "meta"))
			page_meta(pg, n);
		else if (page_is(n, "link"))
			page_link(pg, n);
		else if (page_is(n, "title") && pg->title_el == NULL)
			pg->title_el = n;
		else if (page_is(n, "body") && pg->body == NULL)
			pg->body = n;
		else if (page_is(n, "h1") && pg->h1 == NULL && !skipped)
			pg->h1 = n;
		else if (page_is(n, "time") && pg->time_el == NULL && !skipped)
			pg->time_el = n;
		else if (page_is(n, "a") && pg->rel_author == NULL) {
			char *rel = page_attr(n, "rel");

			if (rel != NULL && strcasecmp(rel, "author") == 0) {
				struct buf b = BUF_INIT;
				int cut = 0;

				import_html_node_text(n->children, 0, &b, &cut);
				pg->rel_author = import_squeeze(buf_str(&b));
				buf_release(&b);
			}
			free(rel);
		} else if (page_is(n, "article") && !skipped) {
			score = page_all_p_text(n, 0);
			if (pg->best_article == NULL || score > pg->best_article_score) {
				pg->best_article = n;
				pg->best_article_score = score;
			}
		}
		if (!skipped && !page_is(n, "p") && (score = page_p_text(n)) >
		    pg->best_parent_score) {
			pg->best_parent = n;
			pg->best_parent_score = score;
		}
		page_scan(pg, n->children, depth + 1, skipped ||
		    page_is(n, "nav") || page_is(n, "aside") ||
		    page_is(n, "footer") || page_is(n, "script") ||
		    page_is(n, "form"));
	}
}

/* The first <figcaption> under n, as one line. */
static char *
page_figcaption(xmlNode *n, unsigned depth)
{
	struct buf b = BUF_INIT;
	char *s;
	int cut = 0;

	for (; n != NULL && depth <= PAGE_MAX_DEPTH; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (page_is(n, "figcaption")) {
			import_html_node_text(n->children, 0, &b, &cut);
			s = import_squeeze(buf_str(&b));
			buf_release(&b);
			if (s != NULL)
				return s;
			continue;
		}
		if ((s = page_figcaption(n->children, depth + 1)) != NULL)
			return s;
	}
	return NULL;
}

static char *
page_node_line(xmlNode *n)
{
	struct buf b = BUF_INIT;
	char *s;
	int cut = 0;

	if (n == NULL)
		return NULL;
	import_html_node_text(n->children, 0, &b, &cut);
	s = import_squeeze(buf_str(&b));
	buf_release(&b);
	return s;
}

/* "Headline | Site" or "Headline - Site" -> "Headline". */
static void
page_strip_site(char *title, const char *site)
{
	static const char *const seps[] = { " | ", " - ", " \xE2\x80\x93 ",
	    " \xE2\x80\x94 ", " :: " };
	size_t i, tl, sl, pl;

	if (title == NULL || site == NULL)
		return;
	tl = strlen(title);
	sl = strlen(site);
	for (i = 0; i < sizeof seps / sizeof seps[0]; i++) {
		pl = strlen(seps[i]);
		if (tl > sl + pl && strcmp(title + tl - sl, site) == 0 &&
		    strncmp(title + tl - sl - pl, seps[i], pl) == 0) {
			title[tl - sl - pl] = '\0';
			return;
		}
	}
}

/* "https://www.example.org/a/b" -> "https://www.example.org/". */
static char *
page_home(const char *url)
{
	const char *p;

	if (url == NULL || (p = strstr(url, "://")) == NULL)
		return NULL;
	p += 3;
	p += strcspn(p, "/?#");
	return xasprintf("%.*s/", (int)(p - url), url);
}

static void
page_fill(struct page *pg, htmlDocPtr doc, struct article *a)
{
	xmlNode *root = xmlDocGetRootElement(doc);
	char *s;

	a->title = pg->meta[PF_TITLE];
	pg->meta[PF_TITLE] = NULL;
	if (a->title == NULL && (a->title = page_node_line(pg->h1)) == NULL) {
		a->title = page_node_line(pg->title_el);
		page_strip_site(a->title, pg->meta[PF_SITE]);
	}
	a->author = pg->meta[PF_AUTHOR];
	pg->meta[PF_AUTHOR] = NULL;
	if (a->author == NULL) {
		a->author = pg->rel_author;
		pg->rel_author = NULL;
	}
	if (pg->meta[PF_DATE] == NULL && pg->time_el != NULL)
		pg->meta[PF_DATE] = page_attr(pg->time_el, "datetime");
	a->published = import_parse_date(pg->meta[PF_DATE]);
	a->source = pg->meta[PF_SITE];
	pg->meta[PF_SITE] = NULL;
	a->url = pg->meta[PF_URL];
	pg->meta[PF_URL] = NULL;
	a->source_url = page_home(a->url);
	if (root != NULL && (s = page_attr(root, "lang")) != NULL) {
		a->language = import_lang_tag(s);
		free(s);
	}
	if (a->language == NULL)
		a->language = import_lang_tag(pg->meta[PF_LANG]);
}

/* A body that starts with the headline: drop that first paragraph. */
static void
page_drop_title(struct article *a)
{
	size_t tl;

	if (a->title == NULL || a->body == NULL)
		return;
	tl = strlen(a->title);
	if (strncmp(a->body, a->title, tl) == 0 && (a->body[tl] == '\0' ||
	    strncmp(a->body + tl, "\n\n", 2) == 0))
		memmove(a->body, a->body + tl + (a->body[tl] != '\0' ? 2 : 0),
		    strlen(a->body + tl + (a->body[tl] != '\0' ? 2 : 0)) + 1);
	if (a->body[0] == '\0') {
		free(a->body);
		a->body = NULL;
	}
}

/* The article text and caption: from the chosen element, else flat. */
static void
page_text(struct import_ctx *ctx, struct page *pg, htmlDocPtr doc,
    const char *data, size_t len, struct article *a)
{
	struct buf b = BUF_INIT;
	xmlNode *root;
	char *body;
	int cut = 0;

	root = pg->best_article != NULL && pg->best_article_score > 0 ?
	    pg->best_article : pg->best_parent != NULL ? pg->best_parent :
	    pg->body != NULL ? pg->body : doc->children;
	import_html_node_text(root == doc->children ? root : root->children,
	    HTML_TEXT_NO_FIGCAPTION | HTML_TEXT_NO_HEADER, &b, &cut);
	a->caption = page_figcaption(root, 0);
	if (a->caption == NULL) {
		a->caption = pg->meta[PF_CAPTION];
		pg->meta[PF_CAPTION] = NULL;
	}
	if (cut)
		import_problem(ctx, 0, 0, "article text cut: nesting too deep "
		    "or longer than the %u MiB limit", IMPORT_MAX_BODY >> 20);
	body = buf_detach(&b);
	if (body[0] == '\0') {
		/* The parser gave up on the tree (libxml2 2.9 returns an empty
		   one for very deep nesting): read the tags flat. */
		free(body);
		body = import_html_text(data, len, &ctx->sink->replaced, &cut);
		if (body[0] != '\0')
			import_problem(ctx, 0, 0, "page structure lost (nesting "
			    "too deep): text read without it");
	}
	a->body = body[0] != '\0' ? body : (free(body), NULL);
}

int
import_parse_html(struct import_ctx *ctx, const char *data, size_t len,
    char **cause)
{
	struct page pg;
	struct article *a;
	htmlDocPtr doc;
	size_t i;

	import_xml_init();
	doc = htmlReadMemory(data, (int)len, NULL, NULL, IMPORT_HTML_OPTS);
	if (doc == NULL) {
		*cause = xstrdup("not an HTML document");
		return -1;
	}
	memset(&pg, 0, sizeof pg);
	page_scan(&pg, doc->children, 0, 0);
	a = article_new();
	page_fill(&pg, doc, a);
	page_text(ctx, &pg, doc, data, len, a);
	page_drop_title(a);
	for (i = 0; i < PF_COUNT; i++)
		free(pg.meta[i]);
	free(pg.rel_author);
	xmlFreeDoc(doc);
	if (a->body == NULL && a->title == NULL) {
		article_free(a);
		*cause = xstrdup("no article text found in the page");
		return -1;
	}
	if (a->title == NULL)
		a->title = import_title_from_text(a->body);
	if (a->language == NULL)
		article_set(&a->language, article_guess_language(a->body != NULL ?
		    a->body : a->title));
	import_deliver(ctx, a, 0);
	return 0;
}
