/*
 * The side panel, on the right of the reader (s shows and hides it, Tab
 * reaches it): who an article names and when things happened in it. It
 * shows one of two views in the generic list t->side:
 *
 *   the article's: its people, organisations and places with their
 *   mention counts, its dated events in time order (value, expression, the
 *   start of the sentence), and a chart of those events by month;
 *
 *   an entity's: every dated event across the archive whose sentence
 *   names the entity, with its chart (the timeline key asks for it).
 *
 * Enter on a name marks its mentions in the reader (the MS_MENTION set)
 * and n/N step through them; Enter on a date scrolls the reader to its
 * sentence and marks that instead (opening the article first when the
 * date comes from another one). The mark set is the panel's pointer into
 * the text: one name's mentions, or one sentence.
 *
 * Loading is never part of opening an article: sidebar_article() only
 * notes what is due, the reader is drawn, and sidebar_idle() (called by
 * the main loop before it waits for a key) loads it when the panel is on
 * screen, so the panel costs nothing while hidden. An entity's timeline
 * across a large archive can take a while; it is loaded the same way, on
 * request only, after "Loading..." has been drawn. Every action loads
 * what is due first, so a key never acts on another article's rows.
 *
 * This file holds the views (loading, rows, drawing); sidebar_act.c what
 * the keys do; sidebar.h what the two share.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tui/sidebar.h"
#include "tui/tui_int.h"
#include "util/utf8.h"
#include "util/xalloc.h"

/* A row of t->side is a position in the shown view's rows (tlist_index). */

struct sview *
side_shown(struct sidebar *sb)
{
	return sb->ent_name != NULL ? &sb->ent : &sb->art;
}

static void
view_release(struct sview *v)
{
	size_t i;

	archive_entities_free(v->ents, v->nents);
	archive_events_free(v->evs, v->nevs);
	chart_release(&v->chart);
	for (i = 0; i < v->nrows; i++)
		free(v->rows[i].text);
	free(v->rows);
	memset(v, 0, sizeof *v);
}

static void
add_row(struct sview *v, enum srow_kind kind, size_t i, const char *text)
{
	struct srow *r;

	v->rows = xreallocarray(v->rows, v->nrows + 1, sizeof *v->rows);
	r = &v->rows[v->nrows++];
	r->kind = kind;
	r->i = i;
	r->text = text != NULL ? xstrdup(text) : NULL;
}

/* The list's callbacks: rows by position in the shown view. */

static int
fetch(void *arg, const void *anchor, int backward, size_t limit, void ***rows,
    size_t *n, char **cause)
{
	struct tui *t = arg;

	(void)cause;
	return tlist_index_fetch(side_shown(t->sb)->nrows, anchor, backward,
	    limit, rows, n);
}

static int64_t
count(void *arg)
{
	struct tui *t = arg;

	return (int64_t)side_shown(t->sb)->nrows;
}

static void draw_row(void *, const void *, struct rect, int);

static const struct tlist_ops side_ops = {
	.fetch = fetch,
	.draw = draw_row,
	.free_row = tlist_index_free,
	.position = tlist_index_position,
	.count = count,
};

void
side_select(struct tui *t, size_t pos)
{
	if (pos < side_shown(t->sb)->nrows)
		tlist_jump(&t->side, tlist_index_row(pos));
	t->dirty |= DIRTY_SIDEBAR | DIRTY_STATUS;
}

/* Show the rows of the view now shown, the selection at row pos. */
static void
show_rows(struct tui *t, size_t pos)
{
	tlist_reload(&t->side, 0);
	if (pos > 0)
		side_select(t, pos);
	t->dirty |= DIRTY_SIDEBAR | DIRTY_STATUS;
}

const struct srow *
side_row(struct tui *t)
{
	const void *r;
	const struct sview *v;

	if (t->sb == NULL || (r = tlist_selected(&t->side)) == NULL)
		return NULL;
	v = side_shown(t->sb);
	return tlist_index(r) < v->nrows ? &v->rows[tlist_index(r)] : NULL;
}

/* Building the views. */

static int
kind_rank(const char *kind)
{
	return strcmp(kind, "person") == 0 ? 0 : strcmp(kind, "org") == 0 ?
	    1 : 2;
}

/* By kind, then most mentioned first; ties keep the order of first
   mention (a stable insertion sort: an article names few entities). */
static void
sort_entities(struct archive_entity *e, size_t n)
{
	struct archive_entity tmp;
	size_t i, j;

	for (i = 1; i < n; i++) {
		tmp = e[i];
		for (j = i; j > 0; j--) {
			if (kind_rank(e[j - 1].kind) < kind_rank(tmp.kind) ||
			    (kind_rank(e[j - 1].kind) == kind_rank(tmp.kind) &&
			    e[j - 1].count >= tmp.count))
				break;
			e[j] = e[j - 1];
		}
		e[j] = tmp;
	}
}

/* Keep the events with a calendar value (2025-01-11, 2024-W10, 2025-SU):
   durations and vague references belong to no point in time. */
static void
keep_dated(struct archive_event *ev, size_t *n)
{
	size_t i, k = 0;
	const char *v;

	for (i = 0; i < *n; i++) {
		v = ev[i].value;
		if (v != NULL && strlen(v) >= 4 && strspn(v, "0123456789") >= 4)
			ev[k++] = ev[i];
		else {
			free(ev[i].text);
			free(ev[i].value);
			free(ev[i].sentence);
		}
	}
	*n = k;
}

/* The timeline's rows under head, then the chart's. */
static void
add_events(struct sview *v, const char *head, const char *none)
{
	int *months, w;
	size_t i;

	add_row(v, SR_HEAD, 0, head);
	if (v->nevs == 0) {
		add_row(v, SR_NOTE, 0, none);
		return;
	}
	v->ev_row = v->nrows;
	months = xcalloc(v->nevs, sizeof *months);
	for (i = 0; i < v->nevs; i++) {
		add_row(v, SR_EVENT, i, NULL);
		months[i] = chart_month(v->evs[i].value);
		/* Days line up; a longer value (a time) takes its room. */
		w = (int)utf8_width(v->evs[i].value, strlen(v->evs[i].value));
		if (w > v->value_w && w <= 10)
			v->value_w = w;
	}
	chart_build(&v->chart, months, v->nevs, SIDE_CHART_BINS);
	free(months);
	if (v->chart.nbins == 0)
		return;
	add_row(v, SR_BLANK, 0, NULL);
	v->chart_row = v->nrows;
	add_row(v, SR_HEAD, 0, chart_title(&v->chart));
	for (i = 0; i < v->chart.nbins; i++)
		add_row(v, SR_BIN, i, NULL);
}

static void
article_rows(struct sview *v)
{
	static const char *const heads[] = { "People", "Organisations",
	    "Places" };
	size_t i;
	int k = -1;

	if (v->nents == 0)
		add_row(v, SR_NOTE, 0, "No entities found");
	for (i = 0; i < v->nents; i++) {
		if (kind_rank(v->ents[i].kind) != k) {
			k = kind_rank(v->ents[i].kind);
			add_row(v, SR_HEAD, 0, heads[k]);
		}
		add_row(v, SR_ENTITY, i, NULL);
	}
	add_row(v, SR_BLANK, 0, NULL);
	add_events(v, "Timeline", "No dates found");
}

static void
load_article(struct tui *t)
{
	struct sidebar *sb = t->sb;
	struct sview *v = &sb->art;
	char *cause = NULL;

	view_release(v);
	sb->art_id = sb->art_due;
	sb->art_due = 0;
	sb->chosen = -1;
	if (archive_entities(t->ar, sb->art_id, 0, &v->ents, &v->nents,
	    &cause) != 0) {
		tui_message(t, 1, "side panel: %s", cause);
		free(cause);
		cause = NULL;
	}
	sort_entities(v->ents, v->nents);
	if (archive_timeline(t->ar, sb->art_id, NULL, 0, &v->evs, &v->nevs,
	    &cause) != 0) {
		tui_message(t, 1, "side panel: %s", cause);
		free(cause);
	}
	keep_dated(v->evs, &v->nevs);
	article_rows(v);
	if (sb->ent_name == NULL)
		show_rows(t, 0);
}

static int
id_cmp(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;

	return x < y ? -1 : x > y;
}

/* "12 dates in 5 articles", for the entity's heading. */
static char *
entity_summary(const struct sview *v, size_t read)
{
	int64_t *ids = xcalloc(v->nevs + 1, sizeof *ids);
	size_t i, articles = 0;
	char *s;

	for (i = 0; i < v->nevs; i++)
		ids[i] = v->evs[i].article_id;
	qsort(ids, v->nevs, sizeof *ids, id_cmp);
	for (i = 0; i < v->nevs; i++)
		articles += i == 0 || ids[i] != ids[i - 1];
	free(ids);
	s = xasprintf("%zu date%s in %zu article%s%s", v->nevs,
	    v->nevs == 1 ? "" : "s", articles, articles == 1 ? "" : "s",
	    read == SIDE_ENTITY_EVENTS ? " (the earliest only)" : "");
	return s;
}

/* The entity view's first rows: its name and a note. */
static void
entity_head(struct sidebar *sb, const char *note)
{
	struct sview *v = &sb->ent;

	add_row(v, SR_HEAD, 0, sb->ent_name);
	add_row(v, SR_NOTE, 0, note);
	add_row(v, SR_BLANK, 0, NULL);
}

void
side_entity_view(struct tui *t, const char *name)
{
	struct sidebar *sb = t->sb;
	const void *r = tlist_selected(&t->side);

	if (sb->ent_name == NULL)
		sb->art.sel = r != NULL ? tlist_index(r) : 0;
	view_release(&sb->ent);
	free(sb->ent_name);
	sb->ent_name = xstrdup(name);
	sb->ent_due = 1;
	entity_head(sb, "Loading...");
	show_rows(t, 0);
}

void
side_article_view(struct tui *t)
{
	struct sidebar *sb = t->sb;

	view_release(&sb->ent);
	free(sb->ent_name);
	sb->ent_name = NULL;
	sb->ent_due = 0;
	side_sync(t);
	show_rows(t, sb->art.sel);
}

static void
load_entity(struct tui *t)
{
	struct sidebar *sb = t->sb;
	struct sview *v = &sb->ent;
	char *cause = NULL, *note;
	size_t read;

	view_release(v);
	sb->ent_due = 0;
	if (archive_timeline(t->ar, 0, sb->ent_name, SIDE_ENTITY_EVENTS,
	    &v->evs, &v->nevs, &cause) != 0) {
		tui_message(t, 1, "side panel: %s", cause);
		free(cause);
	}
	read = v->nevs;
	keep_dated(v->evs, &v->nevs);
	note = entity_summary(v, read);
	entity_head(sb, note);
	free(note);
	add_events(v, "Timeline across the archive",
	    "No dates in the sentences that name it");
	show_rows(t, 0);
}

/* Load what is due now, shown or not. */
void
side_sync(struct tui *t)
{
	struct sidebar *sb = t->sb;

	if (sb == NULL)
		return;
	if (sb->art_due != 0)
		load_article(t);
	if (sb->ent_name != NULL && sb->ent_due)
		load_entity(t);
}

void
sidebar_article(struct tui *t, int64_t id)
{
	struct sidebar *sb = t->sb;

	if (sb == NULL) {
		sb = t->sb = xcalloc(1, sizeof *sb);
		tlist_init(&t->side, &side_ops, t, 1);
		tlist_resize(&t->side, t->lay.sidebar.h);
	}
	/* The reader dropped the marks of the article it showed. */
	sb->chosen = -1;
	sb->art_due = id;
	view_release(&sb->art);
	if (sb->ent_name == NULL)
		show_rows(t, 0);
	t->dirty |= DIRTY_SIDEBAR;
}

int
sidebar_idle(struct tui *t)
{
	struct sidebar *sb = t->sb;

	if (sb == NULL || !t->sidebar || t->lay.sidebar.w == 0 ||
	    t->lay.too_small)
		return 0;
	if (sb->art_due == 0 && (sb->ent_name == NULL || !sb->ent_due))
		return 0;
	side_sync(t);
	t->dirty |= DIRTY_SIDEBAR;
	return 1;
}

void
sidebar_release(struct tui *t)
{
	struct sidebar *sb = t->sb;

	if (sb == NULL)
		return;
	view_release(&sb->art);
	view_release(&sb->ent);
	free(sb->ent_name);
	free(sb);
	t->sb = NULL;
}

/* Drawing. Everything drawn is sanitised and cut by scr_text(). */

static void
draw_entity(struct tui *t, const struct sview *v, const struct srow *row,
    struct rect r, attr_t base, int selected)
{
	const struct archive_entity *e = &v->ents[row->i];
	int chosen = v == &t->sb->art && t->sb->chosen == (long)row->i;
	int x = r.x + 1, end = r.x + r.w, nw;
	char num[24];

	snprintf(num, sizeof num, "%lld", (long long)e->count);
	nw = (int)strlen(num);
	/* The chosen one: a star, and its name in the mention colour. */
	x += scr_puts(r.y, x, end - x, chosen ? "*" : " ", base);
	x += scr_text(r.y, x, end - x - nw - 1, e->name, chosen && !selected ?
	    scr_attr(E_MENTION) : base, 0);
	scr_fill(r.y, x, end - x, base);
	if (end - nw > x)
		scr_puts(r.y, end - nw, nw, num, base);
}

static void
draw_event(struct tui *t, const struct sview *v, const struct srow *row,
    struct rect r, attr_t base, int selected)
{
	const struct archive_event *ev = &v->evs[row->i];
	int x = r.x + 2, end = r.x + r.w, w;
	char *text;

	w = scr_text(r.y, x, end - x, ev->value, selected ? base :
	    scr_attr(E_DATE), 0);
	if (w < v->value_w && x + v->value_w <= end) {
		scr_fill(r.y, x + w, v->value_w - w, base);
		w = v->value_w;
	}
	x += w;
	x += scr_puts(r.y, x, end - x, " ", base);
	/* The article's own dates say how it put them; across the archive
	   the sentence says more. */
	if (v == &t->sb->art) {
		text = scr_one_line(ev->text);
		x += scr_text(r.y, x, end - x, text, base, 0);
		free(text);
		x += scr_puts(r.y, x, end - x, ": ", base);
	}
	text = scr_one_line(ev->sentence);
	x += scr_text(r.y, x, end - x, text, selected ? base : base | A_DIM, 0);
	free(text);
	scr_fill(r.y, x, end - x, base);
}

static void
draw_bin(const struct sview *v, const struct srow *row, struct rect r,
    attr_t base, int selected)
{
	const struct chart *c = &v->chart;
	int x = r.x + 2, end = r.x + r.w, nw, bw;
	char label[16], num[24], *bar;

	chart_label(c, row->i, label, sizeof label);
	snprintf(num, sizeof num, "%zu", c->max);
	nw = (int)strlen(num);
	snprintf(num, sizeof num, "%zu", c->bins[row->i].count);
	x += scr_puts(r.y, x, end - x, label, selected ? base :
	    scr_attr(E_DATE));
	x += scr_puts(r.y, x, end - x, " ", base);
	bw = end - x - nw - 1;
	bar = chart_bar(c->bins[row->i].count, c->max, bw > 0 ?
	    (size_t)bw : 0);
	x += scr_puts(r.y, x, end - x, bar, base);
	free(bar);
	if (c->bins[row->i].count > 0) {
		x += scr_puts(r.y, x, end - x, " ", base);
		x += scr_puts(r.y, x, end - x, num, base);
	}
	scr_fill(r.y, x, end - x, base);
}

static void
draw_head(const struct sview *v, const struct srow *row, struct rect r,
    attr_t base, int selected)
{
	int x = r.x + 1, end = r.x + r.w;
	char *spark;

	x += scr_text(r.y, x, end - x, row->text, selected ? base :
	    scr_attr(E_TITLE), 0);
	if (row == &v->rows[v->chart_row] && v->chart.nbins > 0) {
		/* The whole shape on one line, when it fits. */
		spark = chart_spark(&v->chart);
		if ((int)utf8_width(spark, strlen(spark)) + 2 <= end - x) {
			x += scr_puts(r.y, x, end - x, "  ", base);
			x += scr_puts(r.y, x, end - x, spark, base);
		}
		free(spark);
	}
	scr_fill(r.y, x, end - x, base);
}

static void
draw_row(void *arg, const void *ref, struct rect r, int selected)
{
	struct tui *t = arg;
	const struct sview *v = side_shown(t->sb);
	const struct srow *row;
	/* The selection of a list without the focus is dimmed. */
	attr_t base = selected ? scr_attr(E_SELECTED) | (selected == 1 ?
	    A_DIM : 0) : scr_attr(E_NORMAL);

	if (tlist_index(ref) >= v->nrows) {
		scr_fill(r.y, r.x, r.w, scr_attr(E_NORMAL));
		return;
	}
	row = &v->rows[tlist_index(ref)];
	scr_fill(r.y, r.x, r.w, base);
	switch (row->kind) {
	case SR_HEAD:
		draw_head(v, row, r, base, selected);
		break;
	case SR_NOTE:
		scr_fill(r.y, r.x + 1, r.w - 1, base);
		scr_text(r.y, r.x + 2, r.w - 2, row->text, base | A_DIM, 0);
		break;
	case SR_ENTITY:
		draw_entity(t, v, row, r, base, selected);
		break;
	case SR_EVENT:
		draw_event(t, v, row, r, base, selected);
		break;
	case SR_BIN:
		draw_bin(v, row, r, base, selected);
		break;
	default:
		scr_fill(r.y, r.x + 1, r.w - 1, base);
		break;
	}
}

void
sidebar_draw(struct tui *t)
{
	const struct rect *r = &t->lay.sidebar;

	if (r->w <= 0 || r->h <= 0)
		return;
	if (t->sb != NULL && t->side.n > 0) {
		tlist_draw(&t->side, r, t->focus == FOCUS_SIDEBAR);
		return;
	}
	scr_clear_rect(r);
	scr_puts(r->y, r->x + 1, r->w - 1, "Side panel", scr_attr(E_TITLE));
	scr_puts(r->y + 2, r->x + 1, r->w - 1, t->sb != NULL &&
	    t->sb->art_due != 0 ? "Loading..." : "(open an article)",
	    scr_attr(E_NORMAL) | A_DIM);
}
