/*
 * The side panel slot, on the right of the reader (s shows and hides it,
 * Tab reaches it). It holds one generic list, t->side, about the article
 * open in the reader. What fills it (the people, organisations and places
 * an article names, and its timeline) is the entities and timeline work:
 * give t->side its tlist_ops in sidebar_article(), called whenever the
 * reader opens an article, and act on a row in sidebar_open(). Until then
 * the panel says it is empty, and its keys say so too.
 */
#include "config.h"

#include "tui/tui_int.h"

void
sidebar_article(struct tui *t, int64_t id)
{
	(void)id;
	if (t->side.ops != NULL)
		tlist_reload(&t->side, 0);
	t->dirty |= DIRTY_SIDEBAR;
}

void
sidebar_open(struct tui *t)
{
	if (t->side.ops == NULL || tlist_selected(&t->side) == NULL)
		tui_message(t, 0, "the side panel has nothing to show yet");
}

void
sidebar_draw(struct tui *t)
{
	const struct rect *r = &t->lay.sidebar;

	if (r->w <= 0 || r->h <= 0)
		return;
	if (t->side.ops != NULL && t->side.n > 0) {
		tlist_draw(&t->side, r, t->focus == FOCUS_SIDEBAR);
		return;
	}
	scr_clear_rect(r);
	scr_puts(r->y, r->x + 1, r->w - 1, "Side panel", scr_attr(E_TITLE));
	scr_puts(r->y + 2, r->x + 1, r->w - 1, "(empty)",
	    scr_attr(E_NORMAL) | A_DIM);
}
