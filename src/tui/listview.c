/*
 * The generic list (see listview.h). The window of rows grows as the
 * selection moves and is trimmed on the far side once it holds more than
 * a few pages, so memory stays bounded however far one scrolls. Moves are
 * done by the pure functions of scroll.c on the window; before each move
 * the window is extended so that the target rows are in it.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "tui/listview.h"
#include "tui/scroll.h"
#include "tui/tui_int.h"
#include "util/xalloc.h"

void
tlist_init(struct tlist *l, const struct tlist_ops *ops, void *arg, int row_h)
{
	memset(l, 0, sizeof *l);
	l->ops = ops;
	l->arg = arg;
	l->row_h = row_h;
	l->h = 1;
	l->base = -1;
	l->dirty = TLIST_DIRTY_ALL;
}

static void
drop_rows(struct tlist *l)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		l->ops->free_row(l->arg, l->rows[i]);
	free(l->rows);
	l->rows = NULL;
	l->n = l->top = l->sel = 0;
	l->at_start = l->at_end = 0;
	l->base = -1;
	l->dirty = TLIST_DIRTY_ALL;
}

void
tlist_release(struct tlist *l)
{
	drop_rows(l);
	free(l->error);
	l->error = NULL;
}

static size_t
page_size(const struct tlist *l)
{
	return l->h + 16;
}

/* Fetch more rows at one end; returns the number added. */
static size_t
extend(struct tlist *l, int backward, size_t want)
{
	void **got = NULL;
	size_t n = 0, limit = want > page_size(l) ? want : page_size(l);
	char *cause = NULL;
	const void *anchor;

	if (backward ? l->at_start : l->at_end)
		return 0;
	anchor = l->n == 0 ? NULL : backward ? l->rows[0] : l->rows[l->n - 1];
	if (l->ops->fetch(l->arg, anchor, backward, limit, &got, &n,
	    &cause) != 0) {
		free(l->error);
		l->error = cause;
		l->at_start = l->at_end = 1;	/* do not retry on every key */
		return 0;
	}
	if (anchor == NULL) {
		if (backward)
			l->at_end = 1;
		else
			l->at_start = 1;
	}
	if (n < limit) {
		if (backward)
			l->at_start = 1;
		else
			l->at_end = 1;
	}
	l->rows = xreallocarray(l->rows, l->n + n, sizeof *l->rows);
	if (backward) {
		memmove(l->rows + n, l->rows, l->n * sizeof *l->rows);
		memcpy(l->rows, got, n * sizeof *l->rows);
		l->top += n;
		l->sel += n;
		if (l->base >= 0)
			l->base -= (int64_t)n;
	} else
		memcpy(l->rows + l->n, got, n * sizeof *l->rows);
	l->n += n;
	if (backward && l->at_start)
		l->base = 0;
	free(got);
	return n;
}

/* Keep the window at most a few pages; cut the side far from the view. */
static void
trim(struct tlist *l)
{
	size_t keep = 8 * page_size(l), cut, i;

	if (l->n <= keep)
		return;
	if (l->top > l->n - (l->top + l->h)) {
		cut = l->top > page_size(l) * 2 ? l->top - page_size(l) * 2 : 0;
		for (i = 0; i < cut; i++)
			l->ops->free_row(l->arg, l->rows[i]);
		memmove(l->rows, l->rows + cut, (l->n - cut) * sizeof *l->rows);
		l->n -= cut;
		l->top -= cut;
		l->sel -= cut;
		if (l->base >= 0)
			l->base += (int64_t)cut;
		if (cut)
			l->at_start = 0;
	} else {
		cut = l->n - (l->top + l->h + page_size(l) * 2);
		for (i = l->n - cut; i < l->n; i++)
			l->ops->free_row(l->arg, l->rows[i]);
		l->n -= cut;
		if (cut)
			l->at_end = 0;
	}
}

/* Make rows [lo, hi) of the window (lo may be negative) present if they exist. */
static void
ensure(struct tlist *l, long lo, long hi)
{
	if (lo < 0 && !l->at_start)
		extend(l, 1, (size_t)-lo);
	if (hi > (long)l->n && !l->at_end)
		extend(l, 0, (size_t)(hi - (long)l->n));
}

void
tlist_reload(struct tlist *l, int from_end)
{
	drop_rows(l);
	extend(l, from_end, page_size(l));
	if (from_end && l->n > 0) {
		l->sel = l->n - 1;
		l->top = scroll_follow(0, l->sel, l->h, l->n);
		if (l->at_start)
			l->base = 0;
		else if (l->ops->count != NULL && l->ops->count(l->arg) >= 0)
			l->base = l->ops->count(l->arg) - (int64_t)l->n;
	} else if (!from_end)
		l->base = 0;
}

void
tlist_set(struct tlist *l, void **rows, size_t n, int at_end)
{
	drop_rows(l);
	l->rows = rows;
	l->n = n;
	l->at_start = 1;
	l->at_end = at_end;
	l->base = 0;
}

void
tlist_jump(struct tlist *l, void *row)
{
	drop_rows(l);
	l->rows = xmalloc(sizeof *l->rows);
	l->rows[0] = row;
	l->n = 1;
	ensure(l, -(long)l->h, (long)l->h * 2);
	l->top = scroll_follow(l->sel > l->h / 3 ? l->sel - l->h / 3 : 0,
	    l->sel, l->h, l->n);
}

void
tlist_resize(struct tlist *l, int height)
{
	size_t h = height > 0 ? (size_t)(height / l->row_h) : 0;

	if (h == 0)
		return;		/* hidden: keep the view for when it is back */
	l->h = h;
	ensure(l, (long)l->top, (long)(l->top + l->h));
	l->top = scroll_follow(l->top, l->sel, l->h, l->n);
	l->dirty = TLIST_DIRTY_ALL;
}

static void
moved(struct tlist *l, size_t old_top)
{
	trim(l);
	if (l->top != old_top || (l->dirty & TLIST_DIRTY_ALL))
		l->dirty |= TLIST_DIRTY_ALL;
	else
		l->dirty |= TLIST_DIRTY_SEL;
}

void
tlist_move(struct tlist *l, long delta)
{
	long target = (long)l->sel + delta;
	size_t old_top;

	ensure(l, target, target + 1 + (long)l->h);
	old_top = l->top;
	l->sel = scroll_move(l->sel, delta, l->n);
	l->top = scroll_follow(l->top, l->sel, l->h, l->n);
	if (old_top != l->top)
		ensure(l, (long)l->top, (long)(l->top + l->h));
	moved(l, old_top);
}

void
tlist_page(struct tlist *l, long delta)
{
	size_t old_top;

	ensure(l, (long)l->top + delta - (long)l->h,
	    (long)(l->top + l->h) + delta + (long)l->h);
	old_top = l->top;
	scroll_page(&l->top, &l->sel, delta, l->h, l->n);
	moved(l, old_top);
}

void
tlist_first(struct tlist *l)
{
	if (!l->at_start || l->base != 0) {
		tlist_reload(l, 0);
		return;
	}
	l->sel = l->top = 0;
	l->dirty |= TLIST_DIRTY_ALL;
}

void
tlist_last(struct tlist *l)
{
	size_t old_top = l->top;

	if (!l->at_end) {
		tlist_reload(l, 1);
		return;
	}
	l->sel = l->n > 0 ? l->n - 1 : 0;
	l->top = scroll_follow(l->top, l->sel, l->h, l->n);
	moved(l, old_top);
}

int
tlist_click(struct tlist *l, const struct rect *r, int y)
{
	long i = scroll_hit(l->top, (y - r->y) / l->row_h, l->h, l->n);
	size_t old_top = l->top;

	if (i < 0)
		return -1;
	l->sel = (size_t)i;
	moved(l, old_top);
	return 0;
}

void *
tlist_selected(const struct tlist *l)
{
	return l->n == 0 ? NULL : l->rows[l->sel];
}

int64_t
tlist_position(struct tlist *l)
{
	int64_t p;

	if (l->n == 0)
		return -1;
	if (l->base < 0 && l->at_end && l->ops->count != NULL &&
	    (p = l->ops->count(l->arg)) >= 0)
		l->base = p - (int64_t)l->n;
	if (l->base < 0 && l->ops->position != NULL) {
		p = l->ops->position(l->arg, l->rows[l->sel]);
		if (p >= 0)
			l->base = p - (int64_t)l->sel;
	}
	return l->base < 0 ? -1 : l->base + (int64_t)l->sel;
}

int64_t
tlist_count(struct tlist *l)
{
	int64_t c = l->ops->count != NULL ? l->ops->count(l->arg) : -1;

	if (c < 0 && l->at_start && l->at_end)
		c = (int64_t)l->n;
	if (c < 0 && l->at_end && l->base >= 0)
		c = l->base + (int64_t)l->n;
	return c;
}

static void
draw_row(struct tlist *l, const struct rect *r, size_t i, int focused)
{
	struct rect rr = *r;
	int k;

	rr.y = r->y + (int)(i - l->top) * l->row_h;
	rr.h = l->row_h;
	if (i < l->n) {
		l->ops->draw(l->arg, l->rows[i], rr,
		    i == l->sel ? (focused ? 2 : 1) : 0);
		return;
	}
	for (k = 0; k < rr.h; k++)
		scr_fill(rr.y + k, rr.x, rr.w, scr_attr(E_NORMAL));
}

void
tlist_draw(struct tlist *l, const struct rect *r, int focused)
{
	size_t i;
	int y;

	if (r->h <= 0 || r->w <= 0)
		return;
	if ((l->dirty & TLIST_DIRTY_ALL) || l->drawn_top != l->top) {
		for (i = l->top; i < l->top + l->h; i++)
			draw_row(l, r, i, focused);
		/* Rows left below the last whole item. */
		for (y = (int)l->h * l->row_h; y < r->h; y++)
			scr_fill(r->y + y, r->x, r->w, scr_attr(E_NORMAL));
	} else {
		if (l->drawn_sel >= l->top && l->drawn_sel < l->top + l->h)
			draw_row(l, r, l->drawn_sel, focused);
		draw_row(l, r, l->sel, focused);
	}
	l->drawn_top = l->top;
	l->drawn_sel = l->sel;
	l->dirty = 0;
}

void *
tlist_index_row(size_t i)
{
	size_t *r = xmalloc(sizeof *r);

	*r = i;
	return r;
}

size_t
tlist_index(const void *row)
{
	return *(const size_t *)row;
}

int
tlist_index_fetch(size_t total, const void *anchor, int backward,
    size_t limit, void ***rows, size_t *n)
{
	size_t lo, hi, i;

	if (backward) {
		hi = anchor != NULL ? tlist_index(anchor) : total;
		lo = hi > limit ? hi - limit : 0;
	} else {
		lo = anchor != NULL ? tlist_index(anchor) + 1 : 0;
		hi = lo + limit < total ? lo + limit : total;
		if (lo > hi)
			lo = hi;
	}
	*rows = xcalloc(hi - lo + 1, sizeof **rows);
	for (i = lo; i < hi; i++)
		(*rows)[i - lo] = tlist_index_row(i);
	*n = hi - lo;
	return 0;
}

void
tlist_index_free(void *arg, void *row)
{
	(void)arg;
	free(row);
}

int64_t
tlist_index_position(void *arg, const void *row)
{
	(void)arg;
	return (int64_t)tlist_index(row);
}
