/*
 * A search worker: one thread with its own read-only connection to the
 * archive, so that a query the index answers slowly (a short prefix on a
 * large archive) never stops the keyboard. The reader hands it the latest
 * query; a query overtaken by a newer one is thrown away when it finishes
 * (SQLite offers no way to stop it from here). Pure threading and archive
 * calls: no curses.
 */
#ifndef LEDE_TUI_WORKER_H
#define LEDE_TUI_WORKER_H

#include <stddef.h>
#include <stdint.h>

#include "archive/archive.h"

struct worker;

/* Start a worker on the archive at path; NULL (and *cause) on failure. */
struct worker	*worker_start(const char *path, char **cause);
/* Stop the thread (waiting for a running query) and free everything. */
void		 worker_stop(struct worker *);
/*
 * Ask for the first limit rows (with snippets) of query in order. Returns
 * the request's number; an earlier request still running is dropped.
 */
uint64_t	 worker_submit(struct worker *, const char *query,
		    enum archive_order order, size_t limit);
/*
 * The result of request gen if it is done: 1 and the page (the caller
 * releases it) or *cause (caller frees); 0 while it is still running.
 */
int		 worker_take(struct worker *, uint64_t gen,
		    struct archive_page *page, char **cause);

#endif
