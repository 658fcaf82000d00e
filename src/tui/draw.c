/*
 * The draw pass: once per loop iteration, repaint what the dirty bits name
 * (a moved selection repaints two rows), then one wnoutrefresh() and one
 * doupdate(). The whole screen is erased only when the layout changes.
 * Also the status line (archive, filter, position) and the bottom line
 * (the prompt, a message, or a hint built from the keys in force).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tui/tui_int.h"
#include "tui/wrap.h"
#include "util/sanitize.h"
#include "util/utf8.h"
#include "util/xalloc.h"

void
relayout(struct tui *t)
{
	struct layout_in in;

	getmaxyx(stdscr, t->rows, t->cols);
	memset(&in, 0, sizeof in);
	in.cols = t->cols;
	in.rows = t->rows;
	in.stacked = t->stacked;
	in.list_pct = t->list_pct;
	in.sidebar = t->sidebar;
	in.sidebar_w = t->sidebar_w;
	in.zoom = t->zoom;
	in.focus_reader = t->focus == FOCUS_READER;
	layout_compute(&in, &t->lay);
	t->dirty |= DIRTY_ALL;
	if (t->lay.too_small)
		return;
	tlist_resize(&t->list, t->lay.list.h);
	tlist_resize(&t->results, t->lay.list.h);
	if (t->flags.ops != NULL)
		tlist_resize(&t->flags, t->lay.list.h);
	if (t->side.ops != NULL)
		tlist_resize(&t->side, t->lay.sidebar.h);
	reader_relayout(t);
	tview_resize(&t->over, t->lay.main.w > 2 ? (size_t)t->lay.main.w - 2 :
	    4, (size_t)t->lay.main.h);
}

/* 1234567 -> "1,234,567". */
static void
thousands(int64_t n, char *out, size_t size)
{
	char digits[32];
	size_t len, i, o = 0;

	snprintf(digits, sizeof digits, "%lld", (long long)n);
	len = strlen(digits);
	for (i = 0; i < len && o + 2 < size; i++) {
		if (i > 0 && (len - i) % 3 == 0 && digits[i - 1] != '-')
			out[o++] = ',';
		out[o++] = digits[i];
	}
	out[o] = '\0';
}

static void
position_text(struct tui *t, char *out, size_t size)
{
	struct tlist *l = actions_list(t);
	int64_t pos, count;
	char a[32], b[32];

	if (t->overlay != OVERLAY_NONE || t->focus == FOCUS_READER) {
		struct tview *v = t->overlay ? &t->over : &t->reader;
		size_t end = v->top + v->h;
		char m[32];

		tview_match_info(v, m, sizeof m);
		snprintf(out, size, "%s%s%zu%%", m, *m ? "  " : "",
		    v->nlines == 0 ? 100 : (end >= v->nlines ? 100 :
		    end * 100 / v->nlines));
		return;
	}
	count = tlist_count(l);
	if ((pos = tlist_position(l)) < 0 && l->n == 0) {
		snprintf(out, size, "%s", t->flags_on ? "no flags" :
		    t->search_on ? "no matches" : "no articles");
		return;
	}
	if (pos >= 0)
		thousands(pos + 1, a, sizeof a);
	else
		snprintf(a, sizeof a, "?");
	if (count >= 0)
		thousands(count, b, sizeof b);
	else {
		thousands(l->base >= 0 ? l->base + (int64_t)l->n :
		    (int64_t)l->n, b, sizeof b);
		strncat(b, "+", sizeof b - strlen(b) - 1);
	}
	snprintf(out, size, "%s of %s", a, b);
}

static void
draw_status(struct tui *t)
{
	const struct rect *r = &t->lay.status;
	attr_t at = scr_attr(E_STATUS);
	char right[96], mid[512], *left;
	int rw, x;

	position_text(t, right, sizeof right);
	if (t->prompting && t->message != NULL) {
		/* The bottom line is the prompt: messages come up here. */
		snprintf(mid, sizeof mid, "%s", t->message);
		if (t->message_error)
			at = scr_attr(E_ERROR) | A_REVERSE;
	} else if (t->flags_on)
		flags_describe(t, mid, sizeof mid);
	else if (t->search_on)
		snprintf(mid, sizeof mid, "search: %s", t->search_query ?
		    t->search_query : "");
	else
		filter_describe(t, mid, sizeof mid);
	left = xasprintf(" lede: %s%s%s", t->archive_name, *mid ? "  " : "",
	    mid);
	rw = (int)utf8_width(right, strlen(right)) + 1;
	scr_fill(r->y, r->x, r->w, at);
	x = scr_put(r->y, r->x, r->w - rw - 1, left, strlen(left), at);
	(void)x;
	scr_puts(r->y, r->x + r->w - rw, rw, right, at);
	free(left);
}

static void
draw_prompt(struct tui *t)
{
	const struct rect *r = &t->lay.prompt;
	const struct prompt *p = &t->prompt;
	size_t lw = utf8_width(p->label, strlen(p->label)), start = 0, n;
	char *safe;
	int cx;

	scr_fill(r->y, r->x, r->w, scr_attr(E_NORMAL));
	scr_puts(r->y, r->x, r->w, p->label, scr_attr(E_HEADER));
	/* Scroll the line so the cursor stays on screen. */
	while (start < p->cur && lw + utf8_width(p->text + start,
	    p->cur - start) + 1 > (size_t)r->w) {
		n = utf8_fit(p->text + start, p->len - start, 1, NULL);
		start += n > 0 ? n : 1;
	}
	safe = scr_safe(p->text + start, p->len - start);
	scr_put(r->y, r->x + (int)lw, r->w - (int)lw, safe, strlen(safe),
	    scr_attr(E_NORMAL));
	free(safe);
	cx = r->x + (int)lw + (int)utf8_width(p->text + start, p->cur - start);
	move(r->y, cx < r->w ? cx : r->w - 1);
}

static void
draw_bottom(struct tui *t)
{
	const struct rect *r = &t->lay.prompt;
	char hint[256], k1[KEYS_NAME_MAX], k2[KEYS_NAME_MAX], k3[KEYS_NAME_MAX];
	key_code q = KEYC_NONE, s = KEYC_NONE, h = KEYC_NONE;

	scr_fill(r->y, r->x, r->w, scr_attr(E_NORMAL));
	if (t->message != NULL) {
		scr_puts(r->y, r->x, r->w, t->message,
		    scr_attr(t->message_error ? E_ERROR : E_NORMAL));
		return;
	}
	if (flagging_hint(t, hint, sizeof hint)) {
		scr_puts(r->y, r->x, r->w, hint, scr_attr(E_NORMAL));
		return;
	}
	config_action_keys(t->cfg, (size_t)config_find_action(CONFIG_GLOBAL,
	    "quit"), &q, 1);
	config_action_keys(t->cfg, (size_t)config_find_action(CONFIG_GLOBAL,
	    "search"), &s, 1);
	config_action_keys(t->cfg, (size_t)config_find_action(CONFIG_GLOBAL,
	    "help"), &h, 1);
	snprintf(hint, sizeof hint, "%s quit  %s search  %s help",
	    keys_name(q, k1), keys_name(s, k2), keys_name(h, k3));
	scr_puts(r->y, r->x, r->w, hint, scr_attr(E_NORMAL) | A_DIM);
}

/* A centred line in r, for empty panes. */
static void
note(const struct rect *r, const char *text)
{
	int w = (int)utf8_width(text, strlen(text));

	scr_clear_rect(r);
	if (r->h > 0)
		scr_puts(r->y + r->h / 2, r->x + (w < r->w ? (r->w - w) / 2 : 0),
		    r->w, text, scr_attr(E_NORMAL) | A_DIM);
}

static void
draw_frame(struct tui *t)
{
	const struct rect *s = &t->lay.sep, *ss = &t->lay.side_sep;
	attr_t at = scr_attr(E_BORDER);

	erase();
	if (s->w > 0 && s->h > 0)
		scr_vline(s->y, s->x, t->lay.stacked ? s->w : s->h,
		    t->lay.stacked, at);
	if (ss->w > 0)
		scr_vline(ss->y, ss->x, ss->h, 0, at);
	t->list.dirty |= TLIST_DIRTY_ALL;
	t->results.dirty |= TLIST_DIRTY_ALL;
	t->side.dirty |= TLIST_DIRTY_ALL;
	t->flags.dirty |= TLIST_DIRTY_ALL;
}

static void
draw_panes(struct tui *t)
{
	struct tlist *l = t->search_on ? &t->results : &t->list;

	if ((t->dirty & DIRTY_LIST) && t->lay.list.w > 0) {
		if (t->flags_on)
			flags_draw(t);
		else if (l->n == 0)
			note(&t->lay.list, t->search_on ? (t->search_query ?
			    "No matches" : "Type to search") : "No articles");
		else
			tlist_draw(l, &t->lay.list, t->focus == FOCUS_LIST);
	}
	if ((t->dirty & DIRTY_READER) && t->lay.reader.w > 0) {
		if (t->article_id == 0)
			note(&t->lay.reader, "Press Enter on an article");
		else
			tview_draw(&t->reader, &t->lay.reader, 1);
	}
	if (t->dirty & DIRTY_SIDEBAR)
		sidebar_draw(t);
}

void
draw(struct tui *t)
{
	char msg[64];

	if (t->dirty == 0)
		return;
	if (t->lay.too_small) {
		erase();
		snprintf(msg, sizeof msg, "%s (%dx%d)", t->cols >= 26 ?
		    "Terminal too small" : "Too small", t->cols, t->rows);
		mvaddnstr(t->rows / 2, 0, msg, t->cols);
		curs_set(0);
		wnoutrefresh(stdscr);
		doupdate();
		t->dirty = 0;
		return;
	}
	if (t->dirty & DIRTY_FRAME)
		draw_frame(t);
	if (t->overlay != OVERLAY_NONE) {
		if (t->dirty & (DIRTY_OVERLAY | DIRTY_FRAME))
			tview_draw(&t->over, &t->lay.main, 1);
	} else
		draw_panes(t);
	if (t->dirty & (DIRTY_STATUS | DIRTY_FRAME))
		draw_status(t);
	if (t->prompting)
		draw_prompt(t);		/* last: it places the cursor */
	else if (t->dirty & (DIRTY_PROMPT | DIRTY_FRAME))
		draw_bottom(t);
	curs_set(t->prompting ? 1 : 0);
	wnoutrefresh(stdscr);
	doupdate();
	t->dirty = 0;
}
