/*
 * Checkpoints of a bulk writer (an import), on a thread of their own.
 *
 * In WAL mode every commit appends the pages it changed to the -wal file,
 * and a checkpoint copies them back into the archive, syncing both files
 * (synchronous=NORMAL: this is what makes commits durable). SQLite runs it
 * in the COMMIT that takes the WAL past 1000 pages, on the committing
 * thread. An import's writer is the one thread the import cannot spread,
 * and over 100k articles it spent 15% of its time asleep in those syncs
 * (fdatasync, the disk's flush), while the other core had time to spare.
 *
 * So a bulk connection replaces SQLite's automatic checkpoint with a WAL
 * hook that, after such a commit, wakes a thread holding a second
 * connection to the same file; the thread runs a PASSIVE checkpoint (which
 * never waits for the writer or a reader, and copies what it can while the
 * writer goes on with the next transaction). Nothing about durability
 * changes: the same checkpoints, in the same order, syncing the same way.
 *
 * The WAL starts over from its beginning only when a write transaction
 * begins after a checkpoint has copied all of it. A writer that never
 * waits would begin each transaction while the last commit's checkpoint
 * still runs, and the -wal file would grow by everything the import
 * writes (6.7 GB for 100k articles). So when the WAL has passed
 * ARCHIVE_CKPT_WAIT pages, the next archive_begin() waits for the
 * checkpoint in progress to end: the file stays under that size plus one
 * transaction, and the writer waits once every few transactions instead
 * of at every checkpoint.
 *
 * The thread runs at nice 10, behind the writer (util/priority.h).
 *
 * If the thread or its connection cannot start, checkpoints run on the
 * writer as SQLite's own would. A reader that keeps an old snapshot open
 * (the reader beside an import) stops a checkpoint short, as it always
 * did; the next one goes on from there.
 */
#include "config.h"

#include <pthread.h>
#include <stdlib.h>

#include "archive/archive_int.h"
#include "util/priority.h"
#include "util/xalloc.h"

/* Pages in the WAL after a commit for a checkpoint: SQLite's default. */
#define ARCHIVE_CKPT_PAGES	1000
/* ... and for the next transaction to wait for it (256 MiB of 16 KiB). */
#define ARCHIVE_CKPT_WAIT	16384

struct archive_ckpt {
	pthread_t	 tid;
	pthread_mutex_t	 mu;
	pthread_cond_t	 cv;
	char		*path;
	int		 running;	/* the thread was started */
	int		 failed;	/* it could not open: inline */
	int		 stop;
	uint64_t	 asked, done;	/* checkpoints asked for, finished */
	int		 wal_pages;	/* after the last commit */
	int		 pages;		/* ARCHIVE_CKPT_PAGES; tests lower */
	int		 wait_pages;	/* ARCHIVE_CKPT_WAIT; tests lower */
};

static void *
ckpt_main(void *arg)
{
	struct archive_ckpt *c = arg;
	sqlite3 *db = NULL;
	uint64_t asked;

	/* background work: the writer first (util/priority.h) */
	priority_lower(PRIORITY_FEEDER);

	if (sqlite3_open_v2(c->path, &db, SQLITE_OPEN_READWRITE |
	    SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK ||
	    sqlite3_exec(db, "PRAGMA synchronous = NORMAL", NULL, NULL,
	    NULL) != SQLITE_OK) {
		sqlite3_close(db);
		db = NULL;
	}
	pthread_mutex_lock(&c->mu);
	if (db == NULL) {
		c->failed = 1;
		c->done = c->asked;
		pthread_cond_broadcast(&c->cv);
	}
	while (db != NULL && !c->stop) {
		if (c->done == c->asked) {
			pthread_cond_wait(&c->cv, &c->mu);
			continue;
		}
		asked = c->asked;
		pthread_mutex_unlock(&c->mu);
		/* SQLITE_BUSY (another checkpoint runs) only means later */
		(void)sqlite3_wal_checkpoint_v2(db, "main",
		    SQLITE_CHECKPOINT_PASSIVE, NULL, NULL);
		pthread_mutex_lock(&c->mu);
		c->done = asked;
		pthread_cond_broadcast(&c->cv);
	}
	pthread_mutex_unlock(&c->mu);
	sqlite3_close(db);
	return NULL;
}

/* After each commit of the bulk connection, with the WAL's size. */
static int
ckpt_hook(void *arg, sqlite3 *db, const char *name, int pages)
{
	struct archive_ckpt *c = arg;
	int inline_ckpt;

	pthread_mutex_lock(&c->mu);
	c->wal_pages = pages;
	if (pages >= c->pages && !c->failed) {
		if (!c->running) {
			if (pthread_create(&c->tid, NULL, ckpt_main, c) == 0)
				c->running = 1;
			else
				c->failed = 1;
		}
		c->asked++;
		pthread_cond_broadcast(&c->cv);
	}
	inline_ckpt = pages >= c->pages && c->failed;
	pthread_mutex_unlock(&c->mu);
	if (inline_ckpt)
		(void)sqlite3_wal_checkpoint_v2(db, name,
		    SQLITE_CHECKPOINT_PASSIVE, NULL, NULL);
	return SQLITE_OK;
}

void
archive_ckpt_start(struct archive *a)
{
	struct archive_ckpt *c;

	if (a->ckpt != NULL || (a->flags & ARCHIVE_READONLY))
		return;
	c = xcalloc(1, sizeof *c);
	pthread_mutex_init(&c->mu, NULL);
	pthread_cond_init(&c->cv, NULL);
	c->path = xstrdup(a->path);
	c->pages = ARCHIVE_CKPT_PAGES;
	c->wait_pages = ARCHIVE_CKPT_WAIT;
	a->ckpt = c;
	/* replaces the automatic checkpoint (itself a WAL hook) */
	sqlite3_wal_hook(a->db, ckpt_hook, c);
}

void
archive_ckpt_wait(struct archive *a)
{
	struct archive_ckpt *c = a->ckpt;

	if (c == NULL)
		return;
	pthread_mutex_lock(&c->mu);
	if (c->wal_pages >= c->wait_pages)
		while (c->done != c->asked && !c->failed)
			pthread_cond_wait(&c->cv, &c->mu);
	pthread_mutex_unlock(&c->mu);
}

void
archive_ckpt_stop(struct archive *a)
{
	struct archive_ckpt *c = a->ckpt;

	if (c == NULL)
		return;
	pthread_mutex_lock(&c->mu);
	c->stop = 1;
	pthread_cond_broadcast(&c->cv);
	pthread_mutex_unlock(&c->mu);
	if (c->running)
		pthread_join(c->tid, NULL);
	if (a->db != NULL)
		sqlite3_wal_autocheckpoint(a->db, ARCHIVE_CKPT_PAGES);
	pthread_cond_destroy(&c->cv);
	pthread_mutex_destroy(&c->mu);
	free(c->path);
	free(c);
	a->ckpt = NULL;
}

uint64_t
archive_ckpt_done(struct archive *a)
{
	struct archive_ckpt *c = a->ckpt;
	uint64_t n;

	if (c == NULL)
		return 0;
	pthread_mutex_lock(&c->mu);
	n = c->failed ? 0 : c->done;
	pthread_mutex_unlock(&c->mu);
	return n;
}

void
archive_ckpt_tune(struct archive *a, int pages, int wait_pages)
{
	struct archive_ckpt *c = a->ckpt;

	if (c == NULL)
		return;
	pthread_mutex_lock(&c->mu);
	c->pages = pages;
	c->wait_pages = wait_pages;
	pthread_mutex_unlock(&c->mu);
}
