/*
 * What the actions do, pane by pane. Each pane has a table from action
 * name (the name in config_actions[] and lede.conf) to handler; input.c
 * resolves the names once at start. Handlers change state and set dirty
 * bits; they never draw.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "tui/tui_int.h"
#include "util/xalloc.h"

#define LEN(a) (sizeof (a) / sizeof (a)[0])

struct tlist *
actions_list(struct tui *t)
{
	if (t->focus == FOCUS_SIDEBAR && t->side.ops != NULL)
		return &t->side;
	if (t->flags_on)
		return &t->flags;
	return t->search_on ? &t->results : &t->list;
}

static struct tview *
text(struct tui *t)
{
	return t->overlay != OVERLAY_NONE ? &t->over : &t->reader;
}

static void
list_moved(struct tui *t)
{
	struct tlist *l = actions_list(t);

	if (l->error != NULL) {
		tui_message(t, 1, "%s", l->error);
		free(l->error);
		l->error = NULL;
	}
	t->dirty |= (l == &t->side ? DIRTY_SIDEBAR : DIRTY_LIST) | DIRTY_STATUS;
}

static void
text_moved(struct tui *t)
{
	t->dirty |= (t->overlay != OVERLAY_NONE ? DIRTY_OVERLAY :
	    DIRTY_READER) | DIRTY_STATUS;
}

/* Movement: the same names in every pane, on a list or on a text. */
#define LIST_MOVE(NAME, EXPR)						\
static void								\
list_##NAME(struct tui *t)						\
{									\
	struct tlist *l = actions_list(t);				\
	long h = (long)l->h;						\
									\
	(void)h;							\
	EXPR;								\
	list_moved(t);							\
}
LIST_MOVE(next, tlist_move(l, 1))
LIST_MOVE(prev, tlist_move(l, -1))
LIST_MOVE(first, tlist_first(l))
LIST_MOVE(last, tlist_last(l))
LIST_MOVE(page_down, tlist_page(l, h))
LIST_MOVE(page_up, tlist_page(l, -h))
LIST_MOVE(half_down, tlist_page(l, h / 2 > 0 ? h / 2 : 1))
LIST_MOVE(half_up, tlist_page(l, h / 2 > 0 ? -h / 2 : -1))

#define TEXT_MOVE(NAME, EXPR)						\
static void								\
text_##NAME(struct tui *t)						\
{									\
	struct tview *v = text(t);					\
	long h = (long)v->h;						\
									\
	(void)h;							\
	EXPR;								\
	text_moved(t);							\
}
TEXT_MOVE(next, tview_scroll(v, 1))
TEXT_MOVE(prev, tview_scroll(v, -1))
TEXT_MOVE(first, tview_top(v, 0))
TEXT_MOVE(last, tview_top(v, v->nlines))
TEXT_MOVE(page_down, tview_scroll(v, h > 1 ? h - 1 : 1))
TEXT_MOVE(page_up, tview_scroll(v, h > 1 ? -(h - 1) : -1))
TEXT_MOVE(half_down, tview_scroll(v, h / 2 > 0 ? h / 2 : 1))
TEXT_MOVE(half_up, tview_scroll(v, h / 2 > 0 ? -h / 2 : -1))
TEXT_MOVE(next_para, tview_para(v, 1))
TEXT_MOVE(prev_para, tview_para(v, -1))

#define LIST_MOVES							\
	{ "next", list_next }, { "prev", list_prev },			\
	{ "first", list_first }, { "last", list_last },			\
	{ "page-down", list_page_down }, { "page-up", list_page_up },	\
	{ "half-page-down", list_half_down },				\
	{ "half-page-up", list_half_up }
#define TEXT_MOVES							\
	{ "next", text_next }, { "prev", text_prev },			\
	{ "first", text_first }, { "last", text_last },			\
	{ "page-down", text_page_down }, { "page-up", text_page_up },	\
	{ "half-page-down", text_half_down },				\
	{ "half-page-up", text_half_up }

/* Global. */

void
actions_back(struct tui *t)
{
	if (t->overlay != OVERLAY_NONE) {
		t->overlay = OVERLAY_NONE;
		t->dirty |= DIRTY_ALL;
	} else if (t->zoom) {
		t->zoom = 0;
		relayout(t);
	} else if (t->focus != FOCUS_LIST) {
		t->focus = FOCUS_LIST;
		relayout(t);
	} else if (t->flags_on)
		flags_close(t);
	else if (t->search_on)
		search_close(t);
	else
		t->quit = 1;
}

static void
g_force_quit(struct tui *t)
{
	t->quit = 1;
}

static void
g_help(struct tui *t)
{
	if (t->overlay == OVERLAY_HELP)
		actions_back(t);
	else
		help_open(t);
}

static void
g_focus(struct tui *t, int dir)
{
	int n = t->sidebar ? 3 : 2;

	t->focus = (enum focus)(((int)t->focus + dir + n) % n);
	if (t->zoom && t->focus != FOCUS_READER)
		t->zoom = 0;
	relayout(t);
}

static void g_focus_next(struct tui *t) { g_focus(t, 1); }
static void g_focus_prev(struct tui *t) { g_focus(t, -1); }

static void
g_sidebar(struct tui *t)
{
	t->sidebar = !t->sidebar;
	if (!t->sidebar && t->focus == FOCUS_SIDEBAR)
		t->focus = FOCUS_LIST;
	relayout(t);
	if (t->sidebar && t->lay.sidebar.w == 0)
		tui_message(t, 1, "no room for the side panel");
}

static void
g_layout(struct tui *t)
{
	t->stacked = !t->stacked;
	relayout(t);
}

static void
g_zoom(struct tui *t)
{
	t->zoom = !t->zoom;
	if (t->zoom)
		t->focus = FOCUS_READER;
	relayout(t);
}

static void
g_resize(struct tui *t, int d)
{
	t->list_pct += d;
	t->list_pct = t->list_pct < 10 ? 10 : t->list_pct > 90 ? 90 :
	    t->list_pct;
	relayout(t);
}

static void g_grow(struct tui *t) { g_resize(t, 5); }
static void g_shrink(struct tui *t) { g_resize(t, -5); }

static void
g_redraw(struct tui *t)
{
	clearok(curscr, TRUE);
	t->dirty |= DIRTY_ALL;
}

/* The search takes the list's place from the flags pane too. */
static void
g_search(struct tui *t)
{
	if (t->flags_on)
		flags_close(t);
	search_open(t);
}

static const struct handler global_handlers[] = {
	{ "quit", actions_back }, { "force-quit", g_force_quit },
	{ "help", g_help }, { "search", g_search }, { "flags", flags_toggle },
	{ "focus-next", g_focus_next }, { "focus-prev", g_focus_prev },
	{ "sidebar", g_sidebar }, { "layout", g_layout }, { "zoom", g_zoom },
	{ "grow", g_grow }, { "shrink", g_shrink }, { "redraw", g_redraw },
	{ "messages", messages_open },
};

/* The list and the search results. */

void
actions_open_selected(struct tui *t)
{
	const struct archive_row *r = articles_row(actions_list(t));

	if (actions_list(t) == &t->flags) {
		flags_open_selected(t);	/* the flags pane holds the list's place */
		return;
	}
	if (r == NULL) {
		tui_message(t, 0, "nothing to open");
		return;
	}
	reader_open(t, r->id, t->search_on ? t->search_query :
	    t->list_src.query);
	t->focus = FOCUS_READER;
	relayout(t);
}

static void
l_toggle_read(struct tui *t)
{
	const struct archive_row *r = articles_row(actions_list(t));

	if (r != NULL)
		reader_set_read(t, r->id, !r->read);
}

static void
l_open_url(struct tui *t)
{
	const struct archive_row *r = articles_row(actions_list(t));

	if (r != NULL)
		reader_open_url(t, r->url);
}

static void l_search_next(struct tui *t) { search_jump(t, 1); }
static void l_search_prev(struct tui *t) { search_jump(t, -1); }

static void
l_sort(struct tui *t)
{
	struct articles *a = t->search_on ? &t->search_src : &t->list_src;
	static const char *const names[] = { "newest first", "oldest first",
	    "most relevant first" };
	int n = t->search_on ? 3 : 2;

	a->f.order = (enum archive_order)(((int)a->f.order + 1) % n);
	articles_sync(a);
	tlist_reload(actions_list(t), 0);
	list_moved(t);
	tui_message(t, 0, "sorted %s", names[a->f.order]);
}

static void
l_filter_text(struct tui *t)
{
	input_prompt(t, PK_FILTER_TEXT, t->list_src.query);
}

static void
l_filter_source(struct tui *t)
{
	input_prompt(t, PK_FILTER_SOURCE, t->list_src.source);
}

static void
l_filter_date(struct tui *t)
{
	char *s = xasprintf("%s..%s", t->list_src.since ? t->list_src.since :
	    "", t->list_src.until ? t->list_src.until : "");

	input_prompt(t, PK_FILTER_DATE, strcmp(s, "..") == 0 ? NULL : s);
	free(s);
}

static void
l_unread_only(struct tui *t)
{
	t->list_src.f.unread_only = !t->list_src.f.unread_only;
	filter_reload(t);
}

static void
l_filter_clear(struct tui *t)
{
	articles_release(&t->list_src);
	t->list_src.f.unread_only = 0;
	filter_reload(t);
}

static const struct handler list_handlers[] = {
	LIST_MOVES,
	{ "open", actions_open_selected }, { "toggle-read", l_toggle_read },
	{ "open-url", l_open_url }, { "search-next", l_search_next },
	{ "search-prev", l_search_prev }, { "sort", l_sort },
	{ "filter-text", l_filter_text }, { "filter-source", l_filter_source },
	{ "filter-date", l_filter_date }, { "unread-only", l_unread_only },
	{ "filter-clear", l_filter_clear },
};

static void
s_edit(struct tui *t)
{
	input_prompt(t, PK_SEARCH, t->search_query);
}

static const struct handler search_handlers[] = {
	LIST_MOVES,
	{ "open", actions_open_selected }, { "edit", s_edit },
	{ "sort", l_sort }, { "close", search_close },
};

/* The reader and the help. */

static void
find_step(struct tui *t, int dir)
{
	struct tview *v = text(t);

	if (v == &t->reader && v->find_mark == HL_MENTION) {
		/* A name chosen in the side panel: its mentions. */
		sidebar_find(t, dir);
		return;
	}
	if (v->nterms == 0)
		tui_message(t, 1, "nothing to find: type / first");
	else if (tview_find(v, dir) != 0)
		tui_message(t, 1, "no more matches %s", dir > 0 ? "below" :
		    "above");
	text_moved(t);
}

static void r_find(struct tui *t) { input_prompt(t, PK_FIND_READER, NULL); }
static void r_find_next(struct tui *t) { find_step(t, 1); }
static void r_find_prev(struct tui *t) { find_step(t, -1); }

static void
r_open_url(struct tui *t)
{
	reader_open_url(t, t->article_url);
}

static void
r_toggle_read(struct tui *t)
{
	if (t->article_id != 0)
		reader_set_read(t, t->article_id, !t->article_read);
}

static void
r_step(struct tui *t, int dir)
{
	struct tlist *l = actions_list(t);
	size_t old = l->sel;

	tlist_move(l, dir);
	if (l->sel == old && l->error == NULL) {
		tui_message(t, 0, "no %s article", dir > 0 ? "next" :
		    "previous");
		return;
	}
	list_moved(t);
	actions_open_selected(t);
}

static void r_next_article(struct tui *t) { r_step(t, 1); }
static void r_prev_article(struct tui *t) { r_step(t, -1); }

static const struct handler reader_handlers[] = {
	TEXT_MOVES,
	{ "next-paragraph", text_next_para },
	{ "prev-paragraph", text_prev_para },
	{ "find", r_find }, { "search-next", r_find_next },
	{ "search-prev", r_find_prev }, { "open-url", r_open_url },
	{ "toggle-read", r_toggle_read }, { "next-article", r_next_article },
	{ "prev-article", r_prev_article }, { "close", actions_back },
	{ "select", flagging_select },
	{ "select-sentence", flagging_select_sentence },
	{ "flag", flagging_flag },
};

static void h_find(struct tui *t) { input_prompt(t, PK_FIND_OVERLAY, NULL); }

static const struct handler help_handlers[] = {
	TEXT_MOVES,
	{ "find", h_find }, { "search-next", r_find_next },
	{ "search-prev", r_find_prev }, { "close", actions_back },
};

/* The side panel: moves on its list once something fills it (sidebar.c). */
static void
side_move(struct tui *t, void (*fn)(struct tui *))
{
	if (t->side.ops == NULL)
		sidebar_open(t);
	else
		fn(t);
}

#define SIDE_MOVE(NAME)							\
static void side_##NAME(struct tui *t) { side_move(t, list_##NAME); }
SIDE_MOVE(next)
SIDE_MOVE(prev)
SIDE_MOVE(first)
SIDE_MOVE(last)
SIDE_MOVE(page_down)
SIDE_MOVE(page_up)
SIDE_MOVE(half_down)
SIDE_MOVE(half_up)

static void side_find_next(struct tui *t) { sidebar_find(t, 1); }
static void side_find_prev(struct tui *t) { sidebar_find(t, -1); }

static const struct handler sidebar_handlers[] = {
	{ "next", side_next }, { "prev", side_prev },
	{ "first", side_first }, { "last", side_last },
	{ "page-down", side_page_down }, { "page-up", side_page_up },
	{ "half-page-down", side_half_down }, { "half-page-up", side_half_up },
	{ "open", sidebar_open },
	{ "search-next", side_find_next }, { "search-prev", side_find_prev },
	{ "filter", sidebar_filter }, { "timeline", sidebar_timeline },
	{ "close", sidebar_close },
};

static const struct {
	const struct handler	*table;
	size_t			 n;
} tables[CONFIG_NCTX] = {
	[CONFIG_GLOBAL] = { global_handlers, LEN(global_handlers) },
	[CONFIG_LIST] = { list_handlers, LEN(list_handlers) },
	[CONFIG_READER] = { reader_handlers, LEN(reader_handlers) },
	[CONFIG_SEARCH] = { search_handlers, LEN(search_handlers) },
	[CONFIG_HELP] = { help_handlers, LEN(help_handlers) },
	[CONFIG_SIDEBAR] = { sidebar_handlers, LEN(sidebar_handlers) },
};

const struct handler *
actions_table(enum config_ctx ctx, size_t *n)
{
	/* Selecting and the flags pane keep their tables with their code. */
	if (ctx == CONFIG_SELECT) {
		*n = select_nhandlers;
		return select_handlers;
	}
	if (ctx == CONFIG_FLAGS) {
		*n = flags_nhandlers;
		return flags_handlers;
	}
	*n = tables[ctx].n;
	return tables[ctx].table;
}
