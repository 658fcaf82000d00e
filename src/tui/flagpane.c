/*
 * The flags pane: every correction flag in the archive, newest first, in
 * place of the article list (as search results are), three screen rows a
 * flag: its status, the article's date, source and title; the quoted
 * passage ("not found" when re-anchoring lost it); the note. From it the
 * user jumps to the passage, edits the note, moves the status on (open ->
 * sent -> resolved -> open), deletes a flag and undoes that, filters by
 * status and by source, and exports what is shown.
 *
 * A person's flags number in the hundreds or thousands, not millions, so
 * the pane reads them all (archive_flags_list()) when it opens and after
 * each change, filters in memory, and serves the generic list from that
 * array; rows are indexes into it. Deleted flags are kept, as the flag
 * API returns them, on a small stack for undo. Exporting is flagexport.c.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "archive/flags.h"
#include "flag/flag.h"
#include "tui/flagpane.h"
#include "tui/tui_int.h"
#include "tui/wrap.h"
#include "util/utf8.h"
#include "util/xalloc.h"

/* A row of the pane's list is an index into shown (tlist_index). */

struct flagpane *
flags_pane(struct tui *t)
{
	if (t->fpane == NULL) {
		t->fpane = xcalloc(1, sizeof *t->fpane);
		t->fpane->status = -1;
	}
	return t->fpane;
}

static int
wanted(const struct flagpane *fp, const struct flag *f)
{
	if (fp->status == LOST ? f->found : fp->status >= 0 &&
	    (int)f->status != fp->status)
		return 0;
	return fp->source == NULL || (f->source != NULL &&
	    strcmp(f->source, fp->source) == 0);
}

/* Read every flag again and apply the filter; -1 with a message. */
static int
load(struct tui *t, struct flagpane *fp)
{
	struct flag_filter flt = FLAG_FILTER_ALL;
	struct flag *all;
	char *cause = NULL;
	size_t n, i;

	if (archive_flags_list(t->ar, &flt, &all, &n, &cause) != 0) {
		tui_message(t, 1, "%s", cause);
		free(cause);
		return -1;
	}
	flag_list_free(fp->all, fp->nall);
	free(fp->shown);
	fp->all = all;
	fp->nall = n;
	fp->shown = xreallocarray(NULL, n + 1, sizeof *fp->shown);
	fp->nshown = 0;
	for (i = n; i-- > 0;) {
		if (wanted(fp, &all[i]))
			fp->shown[fp->nshown++] = i;
	}
	return 0;
}

static struct flag *
row_flag(const struct flagpane *fp, const void *row)
{
	return &fp->all[fp->shown[tlist_index(row)]];
}

/* The list's callbacks. */

static int
fetch(void *arg, const void *anchor, int backward, size_t limit,
    void ***rows, size_t *n, char **cause)
{
	(void)cause;
	return tlist_index_fetch(((struct flagpane *)arg)->nshown, anchor,
	    backward, limit, rows, n);
}

static int64_t
count(void *arg)
{
	return (int64_t)((struct flagpane *)arg)->nshown;
}

/* Raw text on one line in at most w columns: lines joined, made safe, cut
   with "…", in display order. Returns the columns used (w with pad). */
static int
put(int y, int x, int w, const char *raw, attr_t at, int pad)
{
	char *flat = scr_one_line(raw);
	int used = scr_text(y, x, w, flat, at, pad);

	free(flat);
	return used;
}

static void
draw_row(void *arg, const void *row, struct rect r, int selected)
{
	const struct flag *f = row_flag(arg, row);
	attr_t base = selected ? scr_attr(E_SELECTED) | (selected == 1 ?
	    A_DIM : 0) : scr_attr(E_NORMAL);
	int x = r.x, end = r.x + r.w, sw;
	char day[11];

	/* The status, the date, the source, the title. */
	x += put(r.y, x, 9, flag_status_name(f->status), selected ? base :
	    scr_attr(E_HEADER) | A_BOLD, 1);
	if (r.w >= 36) {
		snprintf(day, sizeof day, "%.10s", f->published != NULL ?
		    f->published : "");
		x += put(r.y, x, 11, day, selected ? base : scr_attr(E_DATE),
		    1);
	}
	sw = r.w >= 70 ? 14 : 0;
	if (sw > 0)
		x += put(r.y, x, sw + 1, f->source, selected ? base :
		    scr_attr(E_SOURCE), 1);
	x += put(r.y, x, end - x, f->title != NULL ? f->title : "(untitled)",
	    selected ? base : scr_attr(E_NORMAL) | A_BOLD, 1);
	/* The passage. */
	x = r.x;
	x += put(r.y + 1, x, 2, "", base, 1);
	if (!f->found)
		x += put(r.y + 1, x, end - x, "not found: ", selected ? base :
		    scr_attr(E_ERROR), 0);
	x += put(r.y + 1, x, end - x, "\xE2\x80\x9C", base, 0);
	x += put(r.y + 1, x, end - x - 1, f->exact, selected ? base :
	    scr_attr(E_FLAGGED), 0);
	x += put(r.y + 1, x, end - x, "\xE2\x80\x9D", base, 0);
	scr_fill(r.y + 1, x, end - x, base);
	/* The note. */
	x = r.x;
	x += put(r.y + 2, x, 2, "", base, 1);
	if (*f->note != '\0')
		put(r.y + 2, x, end - x, f->note, base, 1);
	else
		put(r.y + 2, x, end - x, "(no note)", selected ? base :
		    scr_attr(E_NORMAL) | A_DIM, 1);
}

static const struct tlist_ops flag_ops = {
	.fetch = fetch,
	.draw = draw_row,
	.free_row = tlist_index_free,
	.position = tlist_index_position,
	.count = count,
};

/* The selected flag, or NULL (with a message when why is set). */
static struct flag *
selected(struct tui *t, const char *why)
{
	const void *row = t->flags_on ? tlist_selected(&t->flags) : NULL;

	if (row == NULL) {
		if (why != NULL)
			tui_message(t, 1, "no flag to %s", why);
		return NULL;
	}
	return row_flag(t->fpane, row);
}

void
flags_refresh(struct tui *t)
{
	struct flagpane *fp = flags_pane(t);
	const struct flag *f = selected(t, NULL);
	int64_t id = fp->want_id != 0 ? fp->want_id : f != NULL ? f->id : 0;
	int64_t at = tlist_position(&t->flags);
	size_t i;

	fp->want_id = 0;
	tlist_release(&t->flags);
	if (load(t, fp) != 0)
		return;
	for (i = 0; i < fp->nshown; i++) {
		if (fp->all[fp->shown[i]].id == id) {
			at = (int64_t)i;
			break;
		}
	}
	tlist_reload(&t->flags, 0);
	if (at > 0)
		tlist_move(&t->flags, (long)at);
	t->dirty |= DIRTY_LIST | DIRTY_STATUS;
}

void
flags_toggle(struct tui *t)
{
	struct flagpane *fp = flags_pane(t);

	if (t->flags_on && t->focus == FOCUS_LIST &&
	    t->overlay == OVERLAY_NONE) {
		flags_close(t);
		return;
	}
	t->overlay = OVERLAY_NONE;
	if (t->search_on)
		search_close(t);
	if (t->flags.ops == NULL)
		tlist_init(&t->flags, &flag_ops, fp, 3);
	if (!t->flags_on) {
		t->flags_on = 1;
		tlist_release(&t->flags);
		if (load(t, fp) == 0)
			tlist_reload(&t->flags, 0);
	}
	t->focus = FOCUS_LIST;
	t->zoom = 0;
	relayout(t);
}

void
flags_close(struct tui *t)
{
	t->flags_on = 0;
	tlist_release(&t->flags);
	t->focus = FOCUS_LIST;
	relayout(t);
}

void
flags_release(struct tui *t)
{
	struct flagpane *fp = t->fpane;
	size_t i;

	if (t->flags.ops != NULL)
		tlist_release(&t->flags);
	if (fp == NULL)
		return;
	flag_list_free(fp->all, fp->nall);
	free(fp->shown);
	free(fp->source);
	for (i = 0; i < fp->nundo; i++)
		flag_release(&fp->undo[i]);
	free(fp);
	t->fpane = NULL;
}

void
flags_draw(struct tui *t)
{
	const struct rect *r = &t->lay.list;
	const char *text = t->fpane != NULL && t->fpane->nall > 0 ?
	    "No flags match the filter" : "No flags yet";

	if (r->w <= 0 || r->h <= 0)
		return;
	if (t->flags.n > 0) {
		tlist_draw(&t->flags, r, t->focus == FOCUS_LIST);
		return;
	}
	scr_clear_rect(r);
	put(r->y + r->h / 2, r->x + 1, r->w - 1, text, scr_attr(E_NORMAL) |
	    A_DIM, 0);
}

void
flags_describe(const struct tui *t, char *buf, size_t size)
{
	const struct flagpane *fp = t->fpane;

	if (fp == NULL || (fp->status < 0 && fp->source == NULL)) {
		snprintf(buf, size, "flags: all");
		return;
	}
	snprintf(buf, size, "flags: %s%s%s", fp->status == LOST ? "not found" :
	    fp->status >= 0 ? flag_status_name(fp->status) : "",
	    fp->status >= 0 && fp->source != NULL ? ", " : "",
	    fp->source != NULL ? fp->source : "");
}

/* Open the article at the passage. */
void
flags_open_selected(struct tui *t)
{
	const struct flag *f = selected(t, "open");
	int64_t article;
	size_t start;
	int found;

	if (f == NULL)
		return;
	article = f->article_id;
	start = f->start;
	found = f->found;
	reader_open(t, article, NULL);
	if (t->article_id != article)
		return;		/* the message says why */
	t->focus = FOCUS_READER;
	relayout(t);
	if (!found || tview_show(&t->reader, start) != 0)
		tui_message(t, 1, "the flagged passage is no longer in this "
		    "article");
	t->dirty |= DIRTY_READER | DIRTY_STATUS;
}

/* The handlers of [flags]. */

static void
f_edit_note(struct tui *t)
{
	struct flagpane *fp = flags_pane(t);
	const struct flag *f = selected(t, "edit");
	char *note;

	if (f == NULL)
		return;
	fp->edit_id = f->id;
	/* A note of several lines does not fit the prompt's one line. */
	if (strchr(f->note, '\n') != NULL || strlen(f->note) >= PROMPT_MAX) {
		if ((note = flagging_editor(t, f->note)) != NULL) {
			flags_accept_note(t, note);
			free(note);
		}
		return;
	}
	input_prompt(t, PK_NOTE_EDIT, f->note);
}

void
flags_accept_note(struct tui *t, const char *note)
{
	struct flagpane *fp = flags_pane(t);
	char *cause = NULL;

	if (fp->edit_id == 0)
		return;
	if (flag_set_note(t->ar, fp->edit_id, note, &cause) != 0) {
		tui_message(t, 1, "%s", cause);
		free(cause);
		return;
	}
	tui_message(t, 0, "note saved");
	fp->edit_id = 0;
	if (t->flags_on)
		flags_refresh(t);
}

static void
f_cycle_status(struct tui *t)
{
	const struct flag *f = selected(t, "change");
	enum flag_status s;
	char *cause = NULL;

	if (f == NULL)
		return;
	s = (enum flag_status)(((int)f->status + 1) % FLAG_NSTATUS);
	if (flag_set_status(t->ar, f->id, s, &cause) != 0) {
		tui_message(t, 1, "%s", cause);
		free(cause);
		return;
	}
	tui_message(t, 0, "flag %lld is %s", (long long)f->id,
	    flag_status_name(s));
	flags_refresh(t);
}

static void
f_delete(struct tui *t)
{
	struct flagpane *fp = flags_pane(t);
	const struct flag *f = selected(t, "delete");
	struct flag undo;
	char *cause = NULL;

	if (f == NULL)
		return;
	if (flag_delete(t->ar, f->id, &undo, &cause) != 0) {
		tui_message(t, 1, "%s", cause);
		free(cause);
		return;
	}
	if (fp->nundo == UNDO_MAX) {
		flag_release(&fp->undo[0]);
		memmove(fp->undo, fp->undo + 1, (UNDO_MAX - 1) *
		    sizeof *fp->undo);
		fp->nundo--;
	}
	fp->undo[fp->nundo++] = undo;
	tui_message(t, 0, "flag %lld deleted (u brings it back)",
	    (long long)undo.id);
	flagging_changed(t, undo.article_id);
}

static void
f_undo(struct tui *t)
{
	struct flagpane *fp = flags_pane(t);
	struct flag *u;
	char *cause = NULL;
	int64_t id = 0;

	if (fp->nundo == 0) {
		tui_message(t, 1, "no deleted flag to bring back");
		return;
	}
	u = &fp->undo[fp->nundo - 1];
	if (flag_restore(t->ar, u, &id, &cause) != 0) {
		tui_message(t, 1, "%s", cause);
		free(cause);
		return;
	}
	tui_message(t, 0, "flag %lld is back", (long long)id);
	fp->want_id = id;
	flagging_changed(t, u->article_id);
	flag_release(u);
	fp->nundo--;
}

static void
refilter(struct tui *t)
{
	struct flagpane *fp = flags_pane(t);

	tlist_release(&t->flags);
	if (load(t, fp) == 0)
		tlist_reload(&t->flags, 0);
	t->dirty |= DIRTY_LIST | DIRTY_STATUS;
}

static void
f_filter_status(struct tui *t)
{
	struct flagpane *fp = flags_pane(t);

	fp->status = fp->status == LOST ? -1 : fp->status + 1;
	refilter(t);
}

static int
name_cmp(const void *a, const void *b)
{
	return strcasecmp(*(const char *const *)a, *(const char *const *)b);
}

/* The next source (by name) that has flags after the one shown, or all. */
static void
f_filter_source(struct tui *t)
{
	struct flagpane *fp = flags_pane(t);
	const char **names = xreallocarray(NULL, fp->nall + 1, sizeof *names);
	const char *next = NULL;
	size_t n = 0, i;

	for (i = 0; i < fp->nall; i++) {
		if (fp->all[i].source != NULL)
			names[n++] = fp->all[i].source;
	}
	qsort(names, n, sizeof *names, name_cmp);
	for (i = 0; i < n && next == NULL; i++) {
		if (fp->source == NULL || name_cmp(&names[i], &fp->source) > 0)
			next = names[i];
	}
	free(fp->source);
	fp->source = next != NULL ? xstrdup(next) : NULL;
	free(names);
	refilter(t);
}

static void
f_filter_clear(struct tui *t)
{
	struct flagpane *fp = flags_pane(t);

	fp->status = -1;
	free(fp->source);
	fp->source = NULL;
	refilter(t);
}

/* Movement, as in every list. */
#define MOVE(NAME, EXPR)						\
static void								\
f_##NAME(struct tui *t)							\
{									\
	struct tlist *l = &t->flags;					\
	long h = (long)l->h;						\
									\
	(void)h;							\
	EXPR;								\
	t->dirty |= DIRTY_LIST | DIRTY_STATUS;				\
}
MOVE(next, tlist_move(l, 1))
MOVE(prev, tlist_move(l, -1))
MOVE(first, tlist_first(l))
MOVE(last, tlist_last(l))
MOVE(page_down, tlist_page(l, h))
MOVE(page_up, tlist_page(l, -h))
MOVE(half_down, tlist_page(l, h / 2 > 0 ? h / 2 : 1))
MOVE(half_up, tlist_page(l, h / 2 > 0 ? -h / 2 : -1))

const struct handler flags_handlers[] = {
	{ "next", f_next }, { "prev", f_prev },
	{ "first", f_first }, { "last", f_last },
	{ "page-down", f_page_down }, { "page-up", f_page_up },
	{ "half-page-down", f_half_down }, { "half-page-up", f_half_up },
	{ "open", flags_open_selected }, { "edit-note", f_edit_note },
	{ "cycle-status", f_cycle_status }, { "delete", f_delete },
	{ "undo", f_undo }, { "filter-status", f_filter_status },
	{ "filter-source", f_filter_source },
	{ "filter-clear", f_filter_clear }, { "export", flags_export },
	{ "close", flags_close },
};
const size_t flags_nhandlers = sizeof flags_handlers /
    sizeof flags_handlers[0];
