/*
 * What the side panel's keys do (the views are sidebar.c's). Enter on a
 * name marks its mentions in the reader and makes n/N step through them;
 * Enter on a date shows its sentence, marked, opening its article first
 * when it comes from another one; Enter on a bar of the chart moves to
 * that month's first date. Another key narrows the article list to the
 * articles that mention the name, another shows the name's timeline
 * across the archive.
 *
 * "The name" for those keys is the one under the cursor, else the one
 * whose timeline is shown, else the one whose mentions are marked.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "tui/sidebar.h"
#include "tui/tui_int.h"
#include "util/xalloc.h"

/* Load what is due; 0 when the panel has something to act on. */
static int
ready(struct tui *t)
{
	if (t->sb == NULL || t->article_id == 0) {
		tui_message(t, 0, "open an article first: the side panel shows "
		    "its names and dates");
		return -1;
	}
	side_sync(t);
	return 0;
}

static const struct archive_entity *
chosen(struct tui *t)
{
	struct sidebar *sb = t->sb;

	if (sb == NULL || sb->chosen < 0 || (size_t)sb->chosen >= sb->art.nents)
		return NULL;
	return &sb->art.ents[sb->chosen];
}

/* The name the filter and timeline keys act on (see the note), or NULL. */
static const char *
target(struct tui *t)
{
	const struct srow *row = side_row(t);
	const struct archive_entity *e;

	if (row != NULL && row->kind == SR_ENTITY && t->sb->ent_name == NULL)
		return t->sb->art.ents[row->i].name;
	if (t->sb->ent_name != NULL)
		return t->sb->ent_name;
	return (e = chosen(t)) != NULL ? e->name : NULL;
}

/* "Name: mention 2/5" for the reader's current line. */
static void
mention_message(struct tui *t)
{
	const struct archive_entity *e = chosen(t);
	const struct tline *l;
	size_t i, first = 0, last = 0;

	if (t->reader.cur >= 0 && (size_t)t->reader.cur < t->reader.nlines) {
		l = &t->reader.lines[t->reader.cur];
		for (i = 0; l->ostart != TV_NOORIGIN && i < e->nmentions; i++) {
			if (e->mentions[i].end <= l->ostart ||
			    e->mentions[i].start >= l->oend)
				continue;
			if (first == 0)
				first = i + 1;
			last = i + 1;
		}
	}
	if (first == 0)
		tui_message(t, 0, "%s: %zu mention%s", e->name, e->nmentions,
		    e->nmentions == 1 ? "" : "s");
	else if (first == last)
		tui_message(t, 0, "%s: mention %zu/%zu", e->name, first,
		    e->nmentions);
	else
		tui_message(t, 0, "%s: mentions %zu-%zu/%zu", e->name, first,
		    last, e->nmentions);
}

/* Nothing of the panel's marked in the reader; n/N find words again. */
static void
unmark(struct tui *t)
{
	t->sb->chosen = -1;
	reader_set_marks(t, MS_MENTION, NULL, 0);
	tview_set_find(&t->reader, HL_MATCH);
	t->side.dirty |= TLIST_DIRTY_ALL;
	t->dirty |= DIRTY_READER | DIRTY_SIDEBAR | DIRTY_STATUS;
}

/* Mark entity i's mentions, or unmark them when they are marked. */
static void
choose(struct tui *t, size_t i)
{
	struct sidebar *sb = t->sb;
	const struct archive_entity *e = &sb->art.ents[i];
	struct tspan *spans;
	size_t k;

	if (sb->chosen == (long)i) {
		unmark(t);
		tui_message(t, 0, "%s: mentions no longer marked", e->name);
		return;
	}
	spans = xreallocarray(NULL, e->nmentions + 1, sizeof *spans);
	for (k = 0; k < e->nmentions; k++) {
		spans[k].start = e->mentions[k].start;
		spans[k].end = e->mentions[k].end;
		spans[k].mark = HL_MENTION;
	}
	reader_set_marks(t, MS_MENTION, spans, e->nmentions);
	free(spans);
	sb->chosen = (long)i;
	tview_set_find(&t->reader, HL_MENTION);
	/* The first mention from where the reader is, else the first. */
	if (tview_find(&t->reader, 1) != 0 && e->nmentions > 0)
		tview_show(&t->reader, e->mentions[0].start);
	mention_message(t);
	t->side.dirty |= TLIST_DIRTY_ALL;
	t->dirty |= DIRTY_READER | DIRTY_SIDEBAR | DIRTY_STATUS;
}

/* Show event i's sentence in the reader, marked. */
static void
go_event(struct tui *t, const struct sview *v, size_t i)
{
	const struct archive_event *ev = &v->evs[i];
	struct tspan span;
	char *value, *text;

	/* Opening an article reloads the article's view, not this one. */
	value = xstrdup(ev->value);
	text = xstrdup(ev->text);
	span.start = ev->sent_start;
	span.end = ev->sent_end;
	span.mark = HL_MENTION;
	if (ev->article_id != t->article_id) {
		reader_open(t, ev->article_id, NULL);
		if (t->article_id != ev->article_id)
			goto out;	/* reader_open said why */
	}
	if (t->sb->chosen >= 0)
		t->side.dirty |= TLIST_DIRTY_ALL;
	t->sb->chosen = -1;
	reader_set_marks(t, MS_MENTION, &span, 1);
	tview_set_find(&t->reader, HL_MATCH);
	if (tview_show(&t->reader, span.start) != 0)
		tui_message(t, 1, "%s: the sentence is not in the text", value);
	else
		tui_message(t, 0, "%s: \"%s\"", value, text);
	t->dirty |= DIRTY_READER | DIRTY_SIDEBAR | DIRTY_STATUS;
out:
	free(value);
	free(text);
}

/* The first date of bin i of the chart. */
static void
go_bin(struct tui *t, const struct sview *v, size_t i)
{
	size_t k;

	for (k = 0; k < v->nevs; k++) {
		if (chart_bin_of(&v->chart, chart_month(v->evs[k].value)) ==
		    (long)i) {
			side_select(t, v->ev_row + k);
			return;
		}
	}
}

void
sidebar_open(struct tui *t)
{
	const struct srow *row;
	struct sview *v;

	if (ready(t) != 0)
		return;
	v = side_shown(t->sb);
	if ((row = side_row(t)) == NULL)
		return;
	switch (row->kind) {
	case SR_ENTITY:
		choose(t, row->i);
		break;
	case SR_EVENT:
		go_event(t, v, row->i);
		break;
	case SR_BIN:
		go_bin(t, v, row->i);
		break;
	default:
		tui_message(t, 0, "Enter on a name or a date");
		break;
	}
}

void
sidebar_find(struct tui *t, int dir)
{
	const struct archive_entity *e;

	if (ready(t) != 0)
		return;
	if ((e = chosen(t)) == NULL) {
		/* Nothing chosen (any more): back to finding words. */
		tview_set_find(&t->reader, HL_MATCH);
		tui_message(t, 1, "no name chosen: Enter on one in the side "
		    "panel");
		return;
	}
	/* A find in the reader since then made n/N find its words. */
	if (t->reader.find_mark != HL_MENTION)
		tview_set_find(&t->reader, HL_MENTION);
	if (tview_find(&t->reader, dir) != 0)
		tui_message(t, 1, "%s: no more mentions %s", e->name,
		    dir > 0 ? "below" : "above");
	else
		mention_message(t);
	t->dirty |= DIRTY_READER | DIRTY_STATUS;
}

void
sidebar_filter(struct tui *t)
{
	char *name;

	if (ready(t) != 0)
		return;
	if (target(t) == NULL) {
		tui_message(t, 1, "move to a name first");
		return;
	}
	name = xstrdup(target(t));
	articles_set(&t->list_src.entity, name);
	if (t->flags_on)
		flags_close(t);
	if (t->search_on)
		search_close(t);
	filter_reload(t);
	/* The list is what was asked for: show it. */
	t->focus = FOCUS_LIST;
	relayout(t);
	tui_message(t, 0, "the articles that mention %s", name);
	free(name);
}

void
sidebar_timeline(struct tui *t)
{
	const char *name;

	if (ready(t) != 0)
		return;
	if (t->sb->ent_name != NULL) {
		side_article_view(t);
		return;
	}
	if ((name = target(t)) == NULL) {
		tui_message(t, 1, "move to a name first");
		return;
	}
	side_entity_view(t, name);
}

void
sidebar_close(struct tui *t)
{
	if (t->sb != NULL && t->sb->ent_name != NULL) {
		side_article_view(t);
		return;
	}
	t->focus = FOCUS_READER;
	relayout(t);
}
