/*
 * The text view (see textview.h). Building a block: sanitise, find the
 * paragraph's direction, wrap in logical order, mark the matches on the
 * logical text, then reorder each line for display and carry the marks
 * along through bidi_visual()'s byte map. Drawing is then a plain walk
 * over runs of marked and unmarked bytes.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wctype.h>

#include "tui/scroll.h"
#include "tui/textview.h"
#include "tui/tui_int.h"
#include "tui/wrap.h"
#include "util/bidi.h"
#include "util/buf.h"
#include "util/sanitize.h"
#include "util/utf8.h"
#include "util/xalloc.h"

void
tview_init(struct tview *tv)
{
	memset(tv, 0, sizeof *tv);
	tv->find_mark = HL_MATCH;
	tv->cur = -1;
	tv->dirty = 1;
}

static void
free_lines(struct tview *tv)
{
	size_t i;

	for (i = 0; i < tv->nlines; i++) {
		free(tv->lines[i].text);
		free(tv->lines[i].hl);
	}
	free(tv->lines);
	tv->lines = NULL;
	tv->nlines = 0;
	tv->width = 0;
}

static void
free_terms(struct tview *tv)
{
	size_t i;

	for (i = 0; i < tv->nterms; i++)
		free(tv->terms[i]);
	free(tv->terms);
	tv->terms = NULL;
	tv->nterms = 0;
}

void
tview_clear(struct tview *tv)
{
	size_t i;

	for (i = 0; i < tv->nblocks; i++) {
		free(tv->blocks[i].prefix);
		free(tv->blocks[i].text);
	}
	free(tv->blocks);
	free(tv->spans);
	free_lines(tv);
	free_terms(tv);
	tview_init(tv);
}

void
tview_add(struct tview *tv, const char *prefix, int prefix_elem,
    const char *text, int elem, int flags)
{
	struct tblock *b;

	tv->blocks = xreallocarray(tv->blocks, tv->nblocks + 1,
	    sizeof *tv->blocks);
	b = &tv->blocks[tv->nblocks++];
	b->prefix = prefix != NULL ? xstrdup(prefix) : NULL;
	b->text = xstrdup(text != NULL ? text : "");
	b->prefix_elem = prefix_elem;
	b->elem = elem;
	b->flags = flags;
	b->origin = TV_NOORIGIN;
	tv->width = 0;
}

void
tview_add_at(struct tview *tv, const char *text, int elem, int flags,
    size_t origin)
{
	tview_add(tv, NULL, E_NORMAL, text, elem, flags);
	tv->blocks[tv->nblocks - 1].origin = origin;
}

static int
span_cmp(const void *a, const void *b)
{
	const struct tspan *x = a, *y = b;

	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	return x->end < y->end ? -1 : x->end > y->end;
}

/* Rebuild the lines at the width and height they had. */
static void
rebuild(struct tview *tv)
{
	size_t w = tv->width;

	if (w == 0)
		return;
	tv->width = 0;
	tview_resize(tv, w, tv->h);
}

void
tview_set_spans(struct tview *tv, const struct tspan *spans, size_t n)
{
	free(tv->spans);
	tv->spans = NULL;
	tv->nspans = 0;
	if (n > 0) {
		tv->spans = xreallocarray(NULL, n, sizeof *spans);
		memcpy(tv->spans, spans, n * sizeof *spans);
		tv->nspans = n;
		qsort(tv->spans, n, sizeof *spans, span_cmp);
	}
	rebuild(tv);
}

void
tview_set_find(struct tview *tv, unsigned mark)
{
	size_t i;

	tv->find_mark = mark;
	tv->cur = -1;
	tv->nmatch_lines = 0;
	for (i = 0; i < tv->nlines; i++)
		tv->nmatch_lines += (tv->lines[i].marks & mark) != 0;
	tv->dirty = 1;
}

long
tview_line_of(const struct tview *tv, size_t off)
{
	size_t i;
	long after = -1;

	for (i = 0; i < tv->nlines; i++) {
		const struct tline *l = &tv->lines[i];

		if (l->ostart == TV_NOORIGIN)
			continue;
		if (off >= l->ostart && off < l->oend)
			return (long)i;
		if (after < 0 && l->ostart >= off)
			after = (long)i;
	}
	return after;
}

int
tview_show(struct tview *tv, size_t off)
{
	long i = tview_line_of(tv, off);

	if (i < 0)
		return -1;
	tv->cur = i;
	if (i < (long)tv->top || i >= (long)(tv->top + tv->h))
		tview_top(tv, (size_t)i > tv->h / 3 ? (size_t)i - tv->h / 3 : 0);
	tv->dirty = 1;
	return 0;
}

size_t
tview_top_offset(const struct tview *tv)
{
	size_t i;

	for (i = tv->top; i < tv->nlines; i++)
		if (tv->lines[i].ostart != TV_NOORIGIN)
			return tv->lines[i].ostart;
	return TV_NOORIGIN;
}

void
tview_set_terms(struct tview *tv, const char *words, int phrase)
{
	char *copy, *tok, *save = NULL, *p;

	free_terms(tv);
	tv->cur = -1;
	tv->width = 0;
	if (words == NULL || *words == '\0')
		return;
	if (phrase) {
		tv->terms = xmalloc(sizeof *tv->terms);
		tv->terms[tv->nterms++] = xstrdup(words);
		return;
	}
	copy = xstrdup(words);
	for (tok = strtok_r(copy, " \t\"", &save); tok != NULL;
	    tok = strtok_r(NULL, " \t\"", &save)) {
		if (*tok == '-' || strchr(tok, ':') != NULL ||
		    strcmp(tok, "OR") == 0)
			continue;	/* negations, filters, operators */
		if ((p = strchr(tok, '*')) != NULL)
			*p = '\0';
		if (*tok == '\0')
			continue;
		tv->terms = xreallocarray(tv->terms, tv->nterms + 1,
		    sizeof *tv->terms);
		tv->terms[tv->nterms++] = xstrdup(tok);
	}
	free(copy);
}

/* Marks of the matches in s[0..len), or NULL when there are none. */
static unsigned char *
match_mask(const struct tview *tv, const char *s, size_t len)
{
	unsigned char *mask = NULL;
	size_t i = 0, k, m;
	uint32_t cp;

	while (i < len && tv->nterms > 0) {
		for (k = 0; k < tv->nterms; k++) {
			if ((m = utf8_casematch(s + i, len - i,
			    tv->terms[k], strlen(tv->terms[k]))) == 0)
				continue;
			if (mask == NULL)
				mask = xcalloc(len + 1, 1);
			memset(mask + i, HL_MATCH, m);
		}
		i += utf8_decode(s + i, len - i, &cp);
	}
	return mask;
}

static struct tline *
new_line(struct tview *tv)
{
	struct tline *l;

	tv->lines = xreallocarray(tv->lines, tv->nlines + 1, sizeof *tv->lines);
	l = &tv->lines[tv->nlines++];
	memset(l, 0, sizeof *l);
	return l;
}

/* The marks of the spans that hold source offset off. */
static unsigned
span_marks(const struct tview *tv, size_t off)
{
	unsigned m = 0;
	size_t i;

	for (i = 0; i < tv->nspans && tv->spans[i].start <= off; i++)
		if (off < tv->spans[i].end)
			m |= tv->spans[i].mark;
	return m;
}

/*
 * s[0..len) made safe to draw, as scr_safe(), and in *map the offset in s
 * of each byte of the result (and of its end): the character each safe
 * byte stands for. Caller frees both.
 */
static char *
safe_map(const char *s, size_t len, size_t **map)
{
	struct buf out = BUF_INIT;
	size_t i = 0, n, k, cap = len + 1, at;
	size_t *m = xreallocarray(NULL, cap, sizeof *m);
	uint32_t cp;
	char *piece;

	while (i < len) {
		n = utf8_decode(s + i, len - i, &cp);
		at = out.len;
		/* a character the sanitiser keeps is copied as it is; only
		   controls, invalid bytes and the like go through it */
		if (cp >= 0x20 && cp != 0x7f && cp != 0xfffd &&
		    !sanitize_is_unsafe(cp))
			buf_add(&out, s + i, n);
		else {
			piece = sanitize_display(s + i, n, 0);
			buf_adds(&out, piece);
			free(piece);
		}
		if (out.len + 1 > cap) {
			cap = 2 * cap + out.len;
			m = xreallocarray(m, cap, sizeof *m);
		}
		for (k = at; k < out.len; k++)
			m[k] = i;
		i += n;
	}
	m[out.len] = len;
	*map = m;
	return buf_detach(&out);
}

/*
 * One wrapped piece of a block: label (or its indent) + visual text. seg
 * is at offset off of the block's safe text, whose bytes map to the
 * block's own text through smap (NULL for a block without an origin).
 */
static void
add_piece(struct tview *tv, const struct tblock *b, const char *label,
    size_t lw, const char *seg, size_t len, enum bidi_dir dir, int first,
    const size_t *smap, size_t off)
{
	struct tline *l = new_line(tv);
	unsigned char *mask = NULL;
	size_t *map = NULL, pl, k;
	struct buf out = BUF_INIT;
	unsigned m;
	char *vis;

	if (!(b->flags & TB_NOFIND))
		mask = match_mask(tv, seg, len);
	l->ostart = l->oend = TV_NOORIGIN;
	if (smap != NULL) {
		l->ostart = b->origin + smap[off];
		l->oend = b->origin + smap[off + len];
		for (k = 0; k < len && tv->nspans > 0; k++) {
			if ((m = span_marks(tv, b->origin + smap[off + k])) == 0)
				continue;
			if (mask == NULL)
				mask = xcalloc(len + 1, 1);
			mask[k] |= (unsigned char)m;
		}
	}
	if (bidi_has_rtl(seg, len))
		vis = bidi_visual(seg, len, dir, mask != NULL ? &map : NULL);
	else
		vis = xstrndup(seg, len);
	if (first && label != NULL)
		buf_adds(&out, label);
	else
		for (k = 0; k < lw; k++)
			buf_addc(&out, ' ');
	pl = out.len;
	buf_adds(&out, vis);
	l->len = out.len;
	l->width = lw + utf8_width(vis, strlen(vis));
	l->text = buf_detach(&out);
	l->prefix_len = pl;
	l->prefix_elem = b->prefix_elem;
	l->elem = b->elem;
	l->right = dir == BIDI_RTL;
	l->para = first && (b->flags & TB_PARA);
	if (mask != NULL) {
		l->hl = xcalloc(l->len + 1, 1);
		for (k = 0; k < len; k++) {
			l->hl[pl + k] = mask[map != NULL ? map[k] : k];
			l->marks |= l->hl[pl + k];
		}
		if (l->marks & tv->find_mark)
			tv->nmatch_lines++;
	}
	free(mask);
	free(map);
	free(vis);
}

static void
build_block(struct tview *tv, const struct tblock *b, size_t width)
{
	char *label = NULL, *text, *cut;
	struct wrap_line *wl;
	size_t lw = 0, n, i, *smap = NULL;
	enum bidi_dir dir;
	struct buf rule = BUF_INIT;
	struct tline *l;

	if (b->flags & TB_RULE) {
		for (i = 0; i < width; i++)
			buf_adds(&rule, "\xE2\x94\x80");
		l = new_line(tv);
		l->len = rule.len;
		l->text = buf_detach(&rule);
		l->width = width;
		l->elem = l->prefix_elem = b->elem;
		l->ostart = l->oend = TV_NOORIGIN;
		return;
	}
	if (b->prefix != NULL) {
		cut = scr_safe(b->prefix, strlen(b->prefix));
		label = wrap_fit(cut, strlen(cut), width / 2, 0);
		lw = utf8_width(label, strlen(label));
		free(cut);
	}
	if (b->origin != TV_NOORIGIN)
		text = safe_map(b->text, strlen(b->text), &smap);
	else
		text = scr_safe(b->text, strlen(b->text));
	dir = bidi_base(text, strlen(text));
	n = wrap_paragraph(text, strlen(text), width - lw, &wl);
	for (i = 0; i < n; i++)
		add_piece(tv, b, label, lw, text + wl[i].start, wl[i].len, dir,
		    i == 0, smap, wl[i].start);
	free(smap);
	free(wl);
	free(text);
	free(label);
}

void
tview_resize(struct tview *tv, size_t width, size_t height)
{
	size_t i;

	if (width < 4)
		width = 4;
	tv->h = height;
	if (tv->width != width) {
		free_lines(tv);
		tv->nmatch_lines = 0;
		for (i = 0; i < tv->nblocks; i++)
			build_block(tv, &tv->blocks[i], width);
		tv->width = width;
		if (tv->cur >= (long)tv->nlines)
			tv->cur = -1;
	}
	tv->top = scroll_offset(tv->top, 0, tv->h, tv->nlines);
	tv->dirty = 1;
}

void
tview_scroll(struct tview *tv, long delta)
{
	size_t old = tv->top;

	tv->top = scroll_offset(tv->top, delta, tv->h, tv->nlines);
	if (tv->top != old)
		tv->dirty = 1;
}

void
tview_top(struct tview *tv, size_t line)
{
	tv->top = scroll_offset(line, 0, tv->h, tv->nlines);
	tv->dirty = 1;
}

int
tview_find(struct tview *tv, int dir)
{
	long i, n = (long)tv->nlines;

	if (tv->nmatch_lines == 0)
		return -1;
	if (tv->cur < 0 || tv->cur < (long)tv->top ||
	    tv->cur >= (long)(tv->top + tv->h))
		i = dir > 0 ? (long)tv->top : (long)(tv->top + tv->h) - 1;
	else
		i = tv->cur + dir;
	for (; i >= 0 && i < n; i += dir) {
		if (!(tv->lines[i].marks & tv->find_mark))
			continue;
		tv->cur = i;
		if (i < (long)tv->top || i >= (long)(tv->top + tv->h))
			tview_top(tv, (size_t)i > tv->h / 3 ?
			    (size_t)i - tv->h / 3 : 0);
		tv->dirty = 1;
		return 0;
	}
	return -1;
}

void
tview_para(struct tview *tv, int dir)
{
	long i;

	for (i = (long)tv->top + dir; i >= 0 && i < (long)tv->nlines; i += dir) {
		if (tv->lines[i].para) {
			tview_top(tv, (size_t)i);
			return;
		}
	}
	tview_scroll(tv, dir > 0 ? (long)tv->nlines : -(long)tv->nlines);
}

/* How a byte with these marks is drawn. */
static attr_t
mark_attr(const struct tline *l, unsigned m, int current)
{
	if (m & HL_SELECT)
		return scr_attr(E_SELECTION);
	if (m & HL_MATCH)
		return scr_attr(E_MATCH) | (current ? A_BOLD : 0);
	if (m & HL_MENTION)
		return scr_attr(E_MENTION) | (current ? A_BOLD : 0);
	if (m & HL_FLAG)
		return scr_attr(E_FLAGGED);
	return scr_attr(l->elem);
}

static void
draw_line(const struct tview *tv, const struct tline *l, int y, int x, int w,
    int current)
{
	size_t i = 0, j;
	int used = 0;

	if (l->right && (int)l->width < w)
		x += w - (int)l->width;
	used += scr_put(y, x, w, l->text, l->prefix_len,
	    scr_attr(l->prefix_elem));
	for (i = l->prefix_len; i < l->len && used < w; i = j) {
		for (j = i + 1; j < l->len && (l->hl != NULL ? l->hl[j] ==
		    l->hl[i] : 1); j++)
			;
		used += scr_put(y, x + used, w - used, l->text + i, j - i,
		    mark_attr(l, l->hl != NULL ? l->hl[i] : 0, current));
	}
	(void)tv;
}

void
tview_draw(struct tview *tv, const struct rect *r, int margin)
{
	size_t k;
	int w = r->w - 2 * margin;

	if (r->h <= 0 || r->w <= 0)
		return;
	if (w < 1) {
		margin = 0;
		w = r->w;
	}
	for (k = 0; k < (size_t)r->h; k++) {
		scr_fill(r->y + (int)k, r->x, r->w, scr_attr(E_NORMAL));
		if (tv->top + k < tv->nlines)
			draw_line(tv, &tv->lines[tv->top + k], r->y + (int)k,
			    r->x + margin, w, (long)(tv->top + k) == tv->cur);
	}
	tv->dirty = 0;
}

void
tview_match_info(const struct tview *tv, char *buf, size_t size)
{
	size_t i, at = 0;

	if (tv->find_mark == HL_MATCH && tv->nterms == 0) {
		*buf = '\0';
		return;
	}
	for (i = 0; tv->cur >= 0 && i <= (size_t)tv->cur && i < tv->nlines; i++)
		at += (tv->lines[i].marks & tv->find_mark) != 0;
	if (tv->nmatch_lines == 0)
		snprintf(buf, size, "no match");
	else
		snprintf(buf, size, "match %zu/%zu", at, tv->nmatch_lines);
}
