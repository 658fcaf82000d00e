/*
 * Articles as rows of the generic list: the article list and the search
 * results are two struct articles over the same archive, differing in
 * their filter and in whether a second row shows the snippet. Fetching is
 * archive_list() with the last row's sort key, so a page costs the same
 * anywhere in the archive. In relevance order the archive pages by offset,
 * so each row also carries its rank.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tui/tui_int.h"
#include "util/buf.h"
#include "util/utf8.h"
#include "util/xalloc.h"

struct arow {
	struct archive_row	 r;
	int64_t			 ord;	/* rank, in relevance order */
};

void
articles_init(struct articles *a, struct archive *ar, int snippets)
{
	memset(a, 0, sizeof *a);
	a->ar = ar;
	a->snippets = snippets;
	a->count = -2;
}

void
articles_release(struct articles *a)
{
	free(a->query);
	free(a->source);
	free(a->since);
	free(a->until);
	free(a->entity);
	a->query = a->source = a->since = a->until = a->entity = NULL;
}

void
articles_set(char **field, const char *value)
{
	free(*field);
	*field = value != NULL && *value != '\0' ? xstrdup(value) : NULL;
}

/* Point the filter at the fields and forget the count. */
void
articles_sync(struct articles *a)
{
	a->f.query = a->query;
	a->f.source = a->source;
	a->f.since = a->since;
	a->f.until = a->until;
	a->f.entity = a->entity;
	if (a->f.order == ARCHIVE_RELEVANCE && a->query == NULL)
		a->f.order = ARCHIVE_NEWEST;
	a->count = -2;
}

/*
 * Counting can take a while on a large archive (SQLite counts rows), so it
 * is never done while drawing: count() asks for it, and the main loop
 * calls articles_count() once the screen is up (see tui.c).
 */
static int64_t
count(void *arg)
{
	struct articles *a = arg;

	if (a->count == -2) {
		a->count_due = 1;
		return -1;
	}
	return a->count;
}

/*
 * Whether the articles that mention the filter's entity are few enough to
 * count at once: each costs a lookup, and one named in a third of a
 * million articles took most of a second.
 */
#define ENTITY_COUNT_MAX	20000

static int
entity_countable(struct articles *a)
{
	char *cause = NULL;
	int64_t n;

	if ((n = archive_entity_mentions(a->ar, a->entity, ENTITY_COUNT_MAX,
	    &cause)) < 0)
		free(cause);
	return n >= 0 && n < ENTITY_COUNT_MAX;
}

void
articles_count(struct articles *a)
{
	char *cause = NULL;

	a->count_due = 0;
	if (a->count != -2)
		return;
	if (a->query != NULL || (a->entity != NULL && !entity_countable(a))) {
		/* A broad query, or a name in many articles, could take
		   long to count: not at all. */
		a->count = -1;
	} else if (a->source == NULL && a->since == NULL && a->until == NULL &&
	    a->entity == NULL && !a->f.unread_only)
		a->count = archive_total(a->ar);
	else if ((a->count = archive_count(a->ar, &a->f, &cause)) < 0) {
		free(cause);
		a->count = -1;
	}
}

static int
fetch(void *arg, const void *anchor, int backward, size_t limit, void ***rows,
    size_t *n, char **cause)
{
	struct articles *a = arg;
	const struct arow *an = anchor;
	struct archive_page page;
	int relevance = a->f.order == ARCHIVE_RELEVANCE;
	int64_t after = 0, first = 0;

	if (an != NULL)
		after = relevance ? an->ord + (backward ? 0 : 1) : an->r.key;
	if (archive_list(a->ar, &a->f, after, backward, limit, a->snippets,
	    &page, cause) != 0)
		return -1;
	if (relevance) {
		if (!backward)
			first = after;
		else if (an != NULL)
			first = an->ord - (int64_t)page.nrows;
		else {
			articles_count(a);
			first = a->count >= 0 ? a->count - (int64_t)page.nrows : 0;
		}
	}
	articles_adopt(&page, first, a->unsaved, rows, n);
	return 0;
}

void
articles_adopt(struct archive_page *page, int64_t first,
    const struct readmarks *unsaved, void ***rows, size_t *n)
{
	struct arow *r;
	size_t i;

	*rows = xcalloc(page->nrows ? page->nrows : 1, sizeof **rows);
	for (i = 0; i < page->nrows; i++) {
		r = xmalloc(sizeof *r);
		r->r = page->rows[i];
		if (unsaved != NULL)
			readmarks_get(unsaved, r->r.id, &r->r.read);
		r->ord = first + (int64_t)i;
		memset(&page->rows[i], 0, sizeof page->rows[i]);
		(*rows)[i] = r;
	}
	*n = page->nrows;
	archive_page_release(page);
}

static void
free_row(void *arg, void *row)
{
	struct arow *r = row;
	struct archive_page page;

	(void)arg;
	page.rows = xmalloc(sizeof *page.rows);
	page.rows[0] = r->r;
	page.nrows = 1;
	archive_page_release(&page);
	free(r);
}

static int64_t
position(void *arg, const void *row)
{
	struct articles *a = arg;
	const struct arow *r = row;
	char *cause = NULL;
	int64_t p;

	if (a->f.order == ARCHIVE_RELEVANCE)
		return r->ord;
	if ((p = archive_position(a->ar, &a->f, r->r.key, &cause)) < 0)
		free(cause);
	return p;
}

/* Draw raw text (sanitised here) in at most w columns; returns columns. */
static int
put_text(int y, int x, int w, const char *raw, attr_t at, int pad)
{
	return scr_text(y, x, w, raw, at, pad);
}

/*
 * Where to start showing a snippet of w columns so that its first match
 * is on screen: the start, or a little before the match when the match
 * would be past the first third (the caller then shows "…" first).
 */
static size_t
snippet_start(const char *text, const char *mask, size_t len, int w)
{
	size_t first, start = 0, i;
	uint32_t cp;

	for (first = 0; first < len && !mask[first]; first++)
		;
	if (first == len || w < 8 ||
	    utf8_width(text, first) <= (size_t)w / 3)
		return 0;
	while (start < first && utf8_width(text + start, first - start) >
	    (size_t)w / 4)
		start += utf8_decode(text + start, len - start, &cp);
	/* Back to the start of the word cut (whole bytes: ' ' is ASCII). */
	for (i = start; i > 0 && text[i - 1] != ' ' && start - i < 40; i--)
		;
	if (i > 0 && text[i - 1] == ' ')
		start = i;
	/* Never on a combining mark. */
	while (start < first && utf8_decode(text + start, len - start, &cp) &&
	    utf8_cpwidth(cp) == 0)
		start += utf8_decode(text + start, len - start, &cp);
	return start;
}

/*
 * The snippet line: text between \x02 and \x03 is a match. The parts are
 * made safe one by one (so content cannot forge a mark), joined, cut to
 * the width and put in display order with the marks carried along.
 */
static void
draw_snippet(int y, int x, int w, const char *snip, attr_t at, attr_t match)
{
	struct buf text = BUF_INIT, mask = BUF_INIT;
	const char *p = snip, *end, *m;
	size_t n, i, j, *map, start;
	char *part, *vis;
	int on = 0, used = 0;

	while (p != NULL && *p != '\0') {
		end = p + strcspn(p, "\x02\x03");
		part = scr_safe(p, (size_t)(end - p));
		buf_adds(&text, part);
		for (i = 0; part[i] != '\0'; i++)
			buf_addc(&mask, (char)on);
		free(part);
		if (*end == '\0')
			break;
		on = *end == '\x02';
		p = end + 1;
	}
	start = snippet_start(buf_str(&text), mask.data, text.len, w);
	if (start > 0)
		used = scr_puts(y, x, w, "\xE2\x80\xA6", at);
	n = utf8_fit(buf_str(&text) + start, text.len - start,
	    w > used ? (size_t)(w - used) : 0, NULL);
	part = xstrndup(buf_str(&text) + start, n);
	vis = scr_visual(part, &map);
	m = mask.data + start;
	for (i = 0; i < n && used < w; i = j) {
		for (j = i + 1; j < n && m[map[j]] == m[map[i]]; j++)
			;
		used += scr_put(y, x + used, w - used, vis + i, j - i,
		    m[map[i]] ? match : at);
	}
	scr_fill(y, x + used, w - used, at);
	free(map);
	free(vis);
	free(part);
	buf_release(&text);
	buf_release(&mask);
}

static void
draw_row(void *arg, const void *row, struct rect r, int selected)
{
	const struct articles *a = arg;
	const struct archive_row *ar = &((const struct arow *)row)->r;
	/* The selection of a list without the focus is dimmed. */
	attr_t base = selected ? scr_attr(E_SELECTED) | (selected == 1 ?
	    A_DIM : 0) : scr_attr(E_NORMAL);
	attr_t title = selected ? base : scr_attr(ar->read ? E_NORMAL : E_UNREAD);
	int x = r.x, end = r.x + r.w, sw, fw = 0;
	char flags[32] = "", day[11];

	if (!ar->read)
		title |= A_BOLD;
	x += scr_puts(r.y, x, end - x, ar->read ? "  " : "\xE2\x80\xA2 ",
	    selected ? base : scr_attr(E_UNREAD));
	if (r.w >= 28) {
		/* the day; the reader's header gives the time */
		snprintf(day, sizeof day, "%.10s", ar->published != NULL ?
		    ar->published : "");
		x += put_text(r.y, x, 10, day, selected ? base :
		    scr_attr(E_DATE), 1);
		x += scr_puts(r.y, x, end - x, " ", base);
	}
	sw = r.w >= 80 ? 14 : r.w >= 60 ? 10 : 0;
	if (sw > 0) {
		x += put_text(r.y, x, sw, ar->source, selected ? base :
		    scr_attr(E_SOURCE), 1);
		x += scr_puts(r.y, x, end - x, " ", base);
	}
	if (ar->nflags > 0) {
		snprintf(flags, sizeof flags, " \xE2\x9A\x91%d", ar->nflags);
		fw = (int)utf8_width(flags, strlen(flags));
	}
	x += put_text(r.y, x, end - x - fw, ar->title, title, 1);
	if (fw > 0)
		x += scr_puts(r.y, x, end - x, flags, base);
	scr_fill(r.y, x, end - x, base);
	if (a->snippets && r.h > 1) {
		/* Results always name their source: here if not above. */
		x = r.x + 2;
		scr_fill(r.y + 1, r.x, 2, base);
		if (sw == 0 && ar->source != NULL && r.w > 30) {
			x += put_text(r.y + 1, x, r.w / 3, ar->source,
			    selected ? base : scr_attr(E_SOURCE), 0);
			x += scr_puts(r.y + 1, x, end - x, ": ", base);
		}
		draw_snippet(r.y + 1, x, end - x, ar->snippet, selected ?
		    base : scr_attr(E_NORMAL) | A_DIM, scr_attr(E_MATCH));
	}
}

const struct tlist_ops articles_ops = {
	.fetch = fetch,
	.draw = draw_row,
	.free_row = free_row,
	.position = position,
	.count = count,
};

const struct archive_row *
articles_row(const struct tlist *l)
{
	const struct arow *r = l->ops == &articles_ops ? tlist_selected(l) :
	    NULL;

	return r != NULL ? &r->r : NULL;
}

int
articles_mark(struct tlist *l, int64_t id, int read)
{
	struct arow *r;
	size_t i;
	int found = 0;

	for (i = 0; i < l->n; i++) {
		r = l->rows[i];
		if (r->r.id == id && r->r.read != read) {
			r->r.read = read;
			found = 1;
		}
	}
	if (found)
		l->dirty |= TLIST_DIRTY_ALL;
	return found;
}

void
articles_set_flags(struct tlist *l, int64_t id, int nflags)
{
	struct arow *r;
	size_t i;

	if (l->ops != &articles_ops)
		return;
	for (i = 0; i < l->n; i++) {
		r = l->rows[i];
		if (r->r.id == id && r->r.nflags != nflags) {
			r->r.nflags = nflags;
			l->dirty |= TLIST_DIRTY_ALL;
		}
	}
}

void *
articles_next_match(struct tlist *l, const char *query, int backward,
    char **cause)
{
	struct articles *a = l->arg;
	const struct arow *cur = tlist_selected(l);
	struct archive_filter f = a->f;
	struct archive_page page;
	struct arow *r = NULL;
	char *q;

	q = a->query != NULL ? xasprintf("%s %s", a->query, query) :
	    xstrdup(query);
	f.query = q;
	if (archive_list(a->ar, &f, cur != NULL ? cur->r.key : 0, backward, 1,
	    0, &page, cause) == 0) {
		*cause = NULL;
		if (page.nrows > 0) {
			r = xcalloc(1, sizeof *r);
			r->r = page.rows[0];
			if (a->unsaved != NULL)
				readmarks_get(a->unsaved, r->r.id, &r->r.read);
			memset(&page.rows[0], 0, sizeof page.rows[0]);
		}
		archive_page_release(&page);
	}
	free(q);
	return r;
}
