/*
 * The search pane: results replace the list while a query is typed into
 * the prompt. Typing only sets a deadline (search-delay ms after the last
 * key, see the loop in tui.c); the query runs when the keyboard has been
 * quiet that long, and fetches one screenful in the archive's streaming
 * order (newest first), which stops after the page however many articles
 * match. It runs on the search worker's thread (worker.c), so a query the
 * index answers slowly leaves the keyboard free; the results replace the
 * previous ones when they arrive. A query the archive rejects leaves its
 * message in the status line and the previous results on screen.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "tui/tui_int.h"
#include "tui/worker.h"
#include "util/xalloc.h"

void
search_open(struct tui *t)
{
	if (!t->search_on) {
		t->search_on = 1;
		tlist_release(&t->results);
		free(t->search_query);
		t->search_query = NULL;
	}
	t->focus = FOCUS_LIST;
	t->zoom = 0;
	t->overlay = OVERLAY_NONE;
	input_prompt(t, PK_SEARCH, t->search_query);
	relayout(t);
}

void
search_close(struct tui *t)
{
	t->search_on = 0;
	t->search_due = 0;
	t->search_waiting = 0;
	if (t->prompting && t->prompt.kind == PK_SEARCH) {
		prompt_release(&t->prompt);
		t->prompting = 0;
	}
	tlist_release(&t->results);
	t->focus = FOCUS_LIST;
	relayout(t);
}

void
search_changed(struct tui *t)
{
	t->search_due = tui_now_ms() + t->search_delay;
	if (t->search_delay == 0)
		search_run(t);
}

static void
show_error(struct tui *t, char **cause)
{
	if (*cause != NULL) {
		tui_message(t, 1, "%s", *cause);
		free(*cause);
		*cause = NULL;
	}
}

void
search_run(struct tui *t)
{
	search_query(t, t->prompting && t->prompt.kind == PK_SEARCH ?
	    t->prompt.text : t->search_query);
}

void
search_query(struct tui *t, const char *q)
{
	char *copy;

	t->search_due = 0;
	if (q == NULL || (t->search_query != NULL &&
	    strcmp(q, t->search_query) == 0 && (t->results.n > 0 ||
	    t->search_waiting)))
		return;
	/* q may be t->search_query itself: copy before replacing it. */
	copy = xstrdup(q);
	articles_set(&t->search_src.query, copy);
	articles_sync(&t->search_src);
	free(t->search_query);
	t->search_query = copy;
	q = copy;
	if (*q != '\0') {
		free(t->last_query);
		t->last_query = xstrdup(q);
	}
	t->dirty |= DIRTY_LIST | DIRTY_STATUS;
	if (t->worker != NULL) {
		t->search_gen = worker_submit(t->worker, q, t->search_src.f.order,
		    t->results.h + 16);
		t->search_waiting = 1;
		return;
	}
	tlist_reload(&t->results, 0);
	show_error(t, &t->results.error);
}

int
search_poll(struct tui *t)
{
	struct archive_page page;
	char *cause = NULL;
	void **rows;
	size_t n;

	if (!t->search_waiting ||
	    !worker_take(t->worker, t->search_gen, &page, &cause))
		return 0;
	t->search_waiting = 0;
	if (cause != NULL) {
		show_error(t, &cause);
		return 1;
	}
	articles_adopt(&page, 0, &t->unsaved, &rows, &n);
	tlist_set(&t->results, rows, n, n < t->results.h + 16);
	t->dirty |= DIRTY_LIST | DIRTY_STATUS;
	return 1;
}

void
search_wait(struct tui *t)
{
	const struct timespec ms5 = { 0, 5000000 };

	while (t->search_waiting && !search_poll(t))
		nanosleep(&ms5, NULL);
}

void
search_jump(struct tui *t, int dir)
{
	char *cause = NULL;
	void *row;

	if (t->last_query == NULL) {
		tui_message(t, 1, "no search yet: press / first");
		return;
	}
	row = articles_next_match(&t->list, t->last_query, dir < 0, &cause);
	if (row == NULL) {
		if (cause != NULL)
			tui_message(t, 1, "%s", cause);
		else
			tui_message(t, 1, "no more articles matching \"%s\" %s",
			    t->last_query, dir > 0 ? "below" : "above");
		free(cause);
		return;
	}
	tlist_jump(&t->list, row);
	t->dirty |= DIRTY_LIST | DIRTY_STATUS;
}
