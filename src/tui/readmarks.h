/*
 * Read marks waiting to be stored. Opening an article marks it read, a
 * write; while another process imports, the archive's one write lock is
 * held for whole batches (seconds), and a key must never wait for it. So
 * the reader shows a mark at once, keeps it here, and stores the set
 * without waiting whenever the lock is free: at once if it can, else
 * when the main loop retries, and at the latest on quit (which may wait).
 * Pure bookkeeping and archive calls: no curses, so it is unit-tested.
 */
#ifndef LEDE_TUI_READMARKS_H
#define LEDE_TUI_READMARKS_H

#include <stddef.h>
#include <stdint.h>

#include "archive/archive.h"

struct readmarks {
	struct archive_mark	*v;	/* one per article, the latest wins */
	size_t			 n, cap;
};

void	 readmarks_init(struct readmarks *);
void	 readmarks_release(struct readmarks *);
/* Keep a mark for article id, replacing one kept before. */
void	 readmarks_set(struct readmarks *, int64_t id, int read);
/* Whether a mark for id is kept; its value in *read. */
int	 readmarks_get(const struct readmarks *, int64_t id, int *read);
/* Forget every kept mark. */
void	 readmarks_clear(struct readmarks *);
/*
 * Store the kept marks in one transaction. Without wait it never waits
 * for the write lock. Returns 0 when they are stored (and forgotten), 1
 * when another connection holds the lock (they are kept), or -1 and
 * *cause (caller frees) when storing failed otherwise (they are kept:
 * the caller decides what to do with them).
 */
int	 readmarks_flush(struct readmarks *, struct archive *, int wait, char **cause);

#endif
