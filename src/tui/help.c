/*
 * The help screen and the message screen, both text views shown over the
 * panes. Help is generated from the action table with the keys in force
 * (so a remapped key shows as remapped), one section per pane in the
 * table's order; `/` finds words in it like in the reader.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tui/tui_int.h"
#include "tui/wrap.h"
#include "util/xalloc.h"

#define KEYS_COLUMN	22

static const char *const headings[CONFIG_NCTX] = {
	[CONFIG_GLOBAL] = "Everywhere",
	[CONFIG_LIST] = "Article list",
	[CONFIG_READER] = "Reader",
	[CONFIG_SEARCH] = "Search results",
	[CONFIG_PROMPT] = "Prompt (typed keys are text)",
	[CONFIG_HELP] = "This help",
	[CONFIG_SIDEBAR] = "Side panel",
	[CONFIG_SELECT] = "Selecting a passage in the reader",
	[CONFIG_FLAGS] = "Flags pane",
};

static void
overlay_show(struct tui *t, enum overlay which)
{
	t->overlay = which;
	t->over.top = 0;
	tview_resize(&t->over, t->lay.main.w > 2 ? (size_t)t->lay.main.w - 2 :
	    4, t->lay.main.h > 1 ? (size_t)t->lay.main.h - 1 : 1);
	t->dirty |= DIRTY_OVERLAY | DIRTY_STATUS;
}

void
help_open(struct tui *t)
{
	char *keys, *label, *text;
	size_t i;
	int ctx;

	tview_clear(&t->over);
	tview_add(&t->over, NULL, E_TITLE, "lede: keys in force (q or Esc "
	    "closes, / finds, man lede.conf for the file)", E_TITLE,
	    TB_NOFIND);
	for (ctx = 0; ctx < CONFIG_NCTX; ctx++) {
		tview_add(&t->over, NULL, E_NORMAL, "", E_NORMAL, 0);
		tview_add(&t->over, NULL, E_TITLE, headings[ctx], E_TITLE,
		    TB_PARA);
		for (i = 0; i < config_nactions; i++) {
			if (config_actions[i].ctx != (enum config_ctx)ctx)
				continue;
			keys = config_action_keys_text(t->cfg, i);
			label = wrap_fit(*keys != '\0' ? keys : "(none)",
			    strlen(*keys != '\0' ? keys : "(none)"),
			    KEYS_COLUMN - 1, 1);
			text = xasprintf("%-16s %s", config_actions[i].name,
			    config_actions[i].help);
			tview_add(&t->over, label, E_KEY, text, E_NORMAL, 0);
			free(text);
			free(label);
			free(keys);
		}
	}
	tview_add(&t->over, NULL, E_NORMAL, "", E_NORMAL, 0);
	tview_add(&t->over, NULL, E_NORMAL, "Ctrl-C always quits.", E_NORMAL, 0);
	overlay_show(t, OVERLAY_HELP);
}

void
messages_open(struct tui *t)
{
	size_t i;

	tview_clear(&t->over);
	tview_add(&t->over, NULL, E_TITLE, "Messages (q or Esc closes)",
	    E_TITLE, TB_NOFIND);
	tview_add(&t->over, NULL, E_NORMAL, "", E_NORMAL, 0);
	for (i = 0; i < t->nlog; i++)
		tview_add(&t->over, NULL, E_NORMAL, t->log[i], E_NORMAL, 0);
	if (t->nlog == 0)
		tview_add(&t->over, NULL, E_NORMAL, "No messages.", E_NORMAL, 0);
	overlay_show(t, OVERLAY_MESSAGES);
}
