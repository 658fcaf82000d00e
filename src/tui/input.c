/*
 * From a key to an action. The context is the prompt when one is open,
 * else the help or message screen, else the focused pane; the key is
 * looked up in that context's bindings, then in [global] (in the prompt,
 * only for keys that are not text). Every action of config_actions[] is
 * resolved to its handler once, by name, in input_init().
 *
 * The prompt's own actions (line editing) and what each kind of prompt
 * does with its line are tables here too.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "tui/tui_int.h"
#include "util/utf8.h"
#include "util/xalloc.h"

#define LEN(a) (sizeof (a) / sizeof (a)[0])

static void (**resolved)(struct tui *);

static void search_accept(struct tui *, const char *);
static void find_reader(struct tui *, const char *);
static void find_overlay(struct tui *, const char *);

static const struct {
	const char	*label;
	void		(*changed)(struct tui *);
	void		(*accept)(struct tui *, const char *);
} kinds[PK_COUNT] = {
	[PK_SEARCH] = { "Search: ", search_changed, search_accept },
	[PK_FILTER_TEXT] = { "Filter words: ", NULL, filter_accept_text },
	[PK_FILTER_SOURCE] = { "Source: ", NULL, filter_accept_source },
	[PK_FILTER_DATE] = { "Dates FROM..TO: ", NULL, filter_accept_date },
	[PK_FIND_READER] = { "Find: ", NULL, find_reader },
	[PK_FIND_OVERLAY] = { "Find: ", NULL, find_overlay },
	[PK_NOTE] = { "Note: ", NULL, flagging_accept_note },
	[PK_NOTE_EDIT] = { "Note: ", NULL, flags_accept_note },
	[PK_EXPORT_FORMAT] = { "Export (json csv email send): ", NULL,
	    flags_accept_format },
	[PK_EXPORT_PATH] = { "Export to file: ", NULL, flags_accept_path },
};

void
input_prompt(struct tui *t, enum prompt_kind kind, const char *text)
{
	prompt_init(&t->prompt, kind, kinds[kind].label, text,
	    &t->hist[kind]);
	t->prompting = 1;
	t->dirty |= DIRTY_PROMPT | DIRTY_STATUS;
}

static void
prompt_close(struct tui *t)
{
	prompt_release(&t->prompt);
	t->prompting = 0;
	t->dirty |= DIRTY_PROMPT | DIRTY_STATUS;
}

static void
changed(struct tui *t)
{
	if (kinds[t->prompt.kind].changed != NULL)
		kinds[t->prompt.kind].changed(t);
	t->dirty |= DIRTY_PROMPT;
}

static void
search_accept(struct tui *t, const char *text)
{
	search_query(t, text);
	search_wait(t);
	if (tlist_selected(&t->results) != NULL)
		actions_open_selected(t);
}

static void
find(struct tui *t, struct tview *v, const char *text)
{
	tview_set_terms(v, text, 1);
	tview_set_find(v, HL_MATCH);	/* n/N: these words, not mentions */
	relayout(t);
	v->cur = -1;
	if (*text != '\0' && tview_find(v, 1) != 0)
		tui_message(t, 1, "not found: %s", text);
}

static void
find_reader(struct tui *t, const char *text)
{
	find(t, &t->reader, text);
}

static void
find_overlay(struct tui *t, const char *text)
{
	find(t, &t->over, text);
}

static void
p_accept(struct tui *t)
{
	char *line = xstrndup(t->prompt.text, t->prompt.len);
	enum prompt_kind kind = t->prompt.kind;

	history_add(&t->hist[kind], line);
	prompt_close(t);
	kinds[kind].accept(t, line);
	free(line);
}

static void
p_cancel(struct tui *t)
{
	int kind = t->prompt.kind;

	prompt_close(t);
	if (kind == PK_SEARCH && t->search_query == NULL)
		search_close(t);
}

static void
p_to_results(struct tui *t)
{
	if (t->prompt.kind != PK_SEARCH) {
		p_cancel(t);
		return;
	}
	search_run(t);
	history_add(&t->hist[PK_SEARCH], t->prompt.text);
	prompt_close(t);
	t->focus = FOCUS_LIST;
	t->dirty |= DIRTY_ALL;
}

#define EDIT(NAME, CALL, CHANGES)					\
static void								\
p_##NAME(struct tui *t)							\
{									\
	CALL(&t->prompt);						\
	if (CHANGES)							\
		changed(t);						\
	t->dirty |= DIRTY_PROMPT;					\
}
EDIT(left, prompt_left, 0)
EDIT(right, prompt_right, 0)
EDIT(home, prompt_home, 0)
EDIT(end, prompt_end, 0)
EDIT(delete_back, prompt_delete_back, 1)
EDIT(delete_forward, prompt_delete_forward, 1)
EDIT(delete_word, prompt_delete_word, 1)
EDIT(kill_to_end, prompt_kill_to_end, 1)
EDIT(kill_to_start, prompt_kill_to_start, 1)

static void
p_history_prev(struct tui *t)
{
	prompt_history(&t->prompt, -1);
	changed(t);
}

static void
p_history_next(struct tui *t)
{
	prompt_history(&t->prompt, 1);
	changed(t);
}

static void
p_result(struct tui *t, int dir)
{
	if (!t->search_on)
		return;
	if (t->search_due != 0)
		search_run(t);
	search_wait(t);
	tlist_move(&t->results, dir);
	t->dirty |= DIRTY_LIST | DIRTY_STATUS;
}

static void p_result_next(struct tui *t) { p_result(t, 1); }
static void p_result_prev(struct tui *t) { p_result(t, -1); }

/* A note prompt: write the note in $EDITOR instead, and save it. */
static void
p_editor(struct tui *t)
{
	enum prompt_kind kind = t->prompt.kind;
	char *note;

	if (kind != PK_NOTE && kind != PK_NOTE_EDIT) {
		tui_message(t, 1, "only a note is written in the editor");
		return;
	}
	if ((note = flagging_editor(t, t->prompt.text)) == NULL)
		return;		/* the message says why; the line stays */
	prompt_close(t);
	kinds[kind].accept(t, note);
	free(note);
}

static const struct handler prompt_handlers[] = {
	{ "accept", p_accept }, { "cancel", p_cancel },
	{ "history-prev", p_history_prev }, { "history-next", p_history_next },
	{ "to-results", p_to_results },
	{ "result-next", p_result_next }, { "result-prev", p_result_prev },
	{ "cursor-left", p_left }, { "cursor-right", p_right },
	{ "line-start", p_home }, { "line-end", p_end },
	{ "delete-back", p_delete_back },
	{ "delete-forward", p_delete_forward },
	{ "delete-word", p_delete_word }, { "kill-to-end", p_kill_to_end },
	{ "kill-to-start", p_kill_to_start }, { "editor", p_editor },
};

size_t
input_init(void)
{
	const struct handler *table;
	size_t i, j, n, missing = 0;

	free(resolved);
	resolved = xcalloc(config_nactions, sizeof *resolved);
	for (i = 0; i < config_nactions; i++) {
		if (config_actions[i].ctx == CONFIG_PROMPT) {
			table = prompt_handlers;
			n = LEN(prompt_handlers);
		} else
			table = actions_table(config_actions[i].ctx, &n);
		for (j = 0; j < n; j++) {
			if (strcmp(table[j].name, config_actions[i].name) == 0)
				resolved[i] = table[j].fn;
		}
		missing += resolved[i] == NULL;
	}
	return missing;
}

static enum config_ctx
context(const struct tui *t)
{
	if (t->prompting)
		return CONFIG_PROMPT;
	if (t->overlay != OVERLAY_NONE)
		return CONFIG_HELP;
	if (t->focus == FOCUS_READER)
		return t->selecting ? CONFIG_SELECT : CONFIG_READER;
	if (t->focus == FOCUS_SIDEBAR)
		return CONFIG_SIDEBAR;
	if (t->flags_on)
		return CONFIG_FLAGS;
	return t->search_on ? CONFIG_SEARCH : CONFIG_LIST;
}

static int
is_text(key_code k)
{
	return k < KEYC_BASE && k >= 0x20 && k != 0x7f && utf8_cpwidth(k) >= 0;
}

void
input_key(struct tui *t, key_code key)
{
	enum config_ctx ctx = context(t);
	int a;

	if (t->message != NULL) {
		free(t->message);
		t->message = NULL;
		t->dirty |= DIRTY_PROMPT | DIRTY_STATUS;
	}
	a = config_lookup(t->cfg, ctx, key);
	if (a == -1 && (ctx != CONFIG_PROMPT || !is_text(key)))
		a = config_lookup(t->cfg, CONFIG_GLOBAL, key);
	if (a != -1 && resolved[a] != NULL) {
		resolved[a](t);
		return;
	}
	if (ctx == CONFIG_PROMPT && is_text(key)) {
		if (prompt_insert(&t->prompt, key) != 0)
			tui_message(t, 1, "the line is full (%d bytes)",
			    PROMPT_MAX);
		else
			changed(t);
	}
}

static int
inside(const struct rect *r, int y, int x)
{
	return y >= r->y && y < r->y + r->h && x >= r->x && x < r->x + r->w;
}

void
input_mouse(struct tui *t)
{
	/* The list pane's list, whichever pane has the focus. */
	struct tlist *l = t->flags_on ? &t->flags : t->search_on ?
	    &t->results : &t->list;
	int wheel = 0, click;
	MEVENT ev;

	if (getmouse(&ev) != OK)
		return;
	if (ev.bstate & BUTTON4_PRESSED)
		wheel = -3;
	else if (ev.bstate & BUTTON5_PRESSED)
		wheel = 3;
	click = (ev.bstate & (BUTTON1_CLICKED | BUTTON1_PRESSED)) != 0;
	if (t->overlay != OVERLAY_NONE) {
		tview_scroll(&t->over, wheel);
		t->dirty |= DIRTY_OVERLAY | DIRTY_STATUS;
	} else if (inside(&t->lay.list, ev.y, ev.x)) {
		if (wheel != 0)
			tlist_move(l, wheel);
		else if (click) {
			if (t->focus != FOCUS_LIST) {
				t->focus = FOCUS_LIST;
				relayout(t);
			}
			tlist_click(l, &t->lay.list, ev.y);
		}
		t->dirty |= DIRTY_LIST | DIRTY_STATUS;
	} else if (inside(&t->lay.reader, ev.y, ev.x)) {
		if (wheel != 0)
			tview_scroll(&t->reader, wheel);
		else if (click && t->focus != FOCUS_READER) {
			t->focus = FOCUS_READER;
			relayout(t);
		}
		t->dirty |= DIRTY_READER | DIRTY_STATUS;
	} else if (t->side.ops != NULL && inside(&t->lay.sidebar, ev.y, ev.x)) {
		if (wheel != 0)
			tlist_move(&t->side, wheel);
		else if (click) {
			if (t->focus != FOCUS_SIDEBAR) {
				t->focus = FOCUS_SIDEBAR;
				relayout(t);
			}
			tlist_click(&t->side, &t->lay.sidebar, ev.y);
		}
		t->dirty |= DIRTY_SIDEBAR | DIRTY_STATUS;
	}
}
