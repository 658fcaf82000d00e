/*
 * Unit tests for the checkpoints of a bulk connection on their own thread
 * (src/archive/checkpoint.c): they run, the -wal file stays bounded
 * because the writer waits for one once the WAL is past its limit, a
 * reader holding an old snapshot does not stall the writer, and what was
 * written is all there afterwards. The page counts are lowered so that a
 * few hundred kilobytes of articles cross them many times.
 */
#include "config.h"

#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include "test.h"
#include "test_archive.h"
#include "archive/archive_int.h"

#define PAGE		16384
#define WAIT_PAGES	48
#define TXNS		40
#define PER_TXN		12

static long long
file_size(const char *path)
{
	struct stat sb;

	return stat(path, &sb) == 0 ? (long long)sb.st_size : -1;
}

/* Words in an order no compressor can shorten much: bodies of ~12 KB. */
static char *
body_text(unsigned *seed)
{
	static const char *words[] = { "harbour", "council", "river",
	    "minister", "storm", "vote", "budget", "bridge", "court", "port",
	    "school", "market", "strike", "flood", "rail", "hospital" };
	size_t cap = 13000, len = 0;
	char *s = xmalloc(cap);

	while (len + 16 < cap - 1) {
		const char *w;

		*seed = *seed * 1103515245u + 12345u;
		w = words[(*seed >> 16) % 16];
		len += (size_t)snprintf(s + len, cap - len, "%s%u ", w,
		    (*seed >> 8) % 1000);
	}
	s[len] = '\0';
	return s;
}

/* n transactions of PER_TXN articles; the largest -wal file seen after
 * each commit in *max_wal, after the first in *first_wal. */
static int
write_txns(struct archive *ar, const char *wal, int from, int n,
    long long *first_wal, long long *max_wal)
{
	char *cause = NULL, guid[32], title[32], *body;
	unsigned seed = (unsigned)from + 7;
	struct article *art;
	int t, i, rc = 0;

	for (t = from; t < from + n && rc == 0; t++) {
		if (archive_begin(ar, &cause) != 0)
			rc = -1;
		for (i = 0; i < PER_TXN && rc == 0; i++) {
			snprintf(guid, sizeof guid, "g%d-%d", t, i);
			snprintf(title, sizeof title, "Story %d of %d", i, t);
			body = body_text(&seed);
			art = test_article("Wire", guid, NULL, title,
			    "2025-03-01", body);
			if (archive_put(ar, art, NULL, NULL, &cause) !=
			    ARCHIVE_INSERTED)
				rc = -1;
			article_free(art);
			free(body);
		}
		if (rc == 0 && archive_commit(ar, &cause) != 0)
			rc = -1;
		if (t == from && first_wal != NULL)
			*first_wal = file_size(wal);
		if (file_size(wal) > *max_wal)
			*max_wal = file_size(wal);
	}
	if (rc != 0) {
		fprintf(stderr, "writing: %s\n", cause ? cause : "?");
		free(cause);
	}
	return rc;
}

static int64_t
count_and_check(const char *path)
{
	char *cause = NULL, *report = NULL;
	struct archive *ar = archive_open(path, 0, &cause);
	int64_t n;
	int rc;

	if (ar == NULL) {
		fprintf(stderr, "%s\n", cause);
		free(cause);
		return -1;
	}
	n = archive_total(ar);
	rc = archive_check(ar, &report, &cause);
	CHECK_INT(rc, 0);
	if (rc != 0)
		fprintf(stderr, "check: %s\n", report ? report : cause);
	free(report);
	free(cause);
	archive_close(ar);
	return n;
}

static void
checkpoints_beside_the_writer(void)
{
	char *path = test_path("bulk.db"), *wal = test_path("bulk.db-wal");
	char *cause = NULL;
	struct archive *ar = archive_open(path, ARCHIVE_BULK, &cause);
	long long first = 0, max = 0;

	CHECK(ar != NULL);
	if (ar == NULL)
		goto out;
	archive_ckpt_tune(ar, 8, WAIT_PAGES);
	CHECK_INT(write_txns(ar, wal, 0, TXNS, &first, &max), 0);
	/* the thread did them: a connection of its own, its own count */
	CHECK(archive_ckpt_done(ar) > 0);
	/* A transaction is tens of pages; without the WAL starting over
	   the file would hold all of them. It restarts once a checkpoint
	   has copied all of it before a transaction begins, which
	   archive_begin() waits for past WAIT_PAGES: the file stays under
	   that plus a transaction or two. */
	CHECK(first > 8 * PAGE);
	CHECK(max <= WAIT_PAGES * PAGE + 3 * first);
	CHECK(TXNS * first > 2 * (WAIT_PAGES * PAGE + 3 * first));
	archive_close(ar);
	/* the last connection closed: the WAL is copied and removed */
	CHECK_INT(file_size(wal), -1);
	CHECK_INT(count_and_check(path), TXNS * PER_TXN);
out:
	free(path);
	free(wal);
}

static void
on_alarm(int sig)
{
	(void)sig;
	fprintf(stderr, "test_checkpoint: the writer stalled\n");
	_exit(1);
}

/*
 * A reader that keeps a snapshot stops every checkpoint short of the
 * end, so the WAL cannot start over: the writer must not wait for that
 * to change (an alarm fails the test if it hangs).
 */
static void
a_reader_does_not_stall_the_writer(void)
{
	char *path = test_path("read.db"), *wal = test_path("read.db-wal");
	char *cause = NULL;
	struct archive *ar = archive_open(path, ARCHIVE_BULK, &cause);
	sqlite3 *rd = NULL;
	long long first = 0, max = 0;

	CHECK(ar != NULL);
	if (ar == NULL)
		goto out;
	archive_ckpt_tune(ar, 8, WAIT_PAGES);
	CHECK_INT(write_txns(ar, wal, 0, 2, &first, &max), 0);
	CHECK_INT(sqlite3_open_v2(path, &rd, SQLITE_OPEN_READONLY, NULL),
	    SQLITE_OK);
	CHECK_INT(sqlite3_exec(rd, "BEGIN; SELECT count(*) FROM article_rows",
	    NULL, NULL, NULL), SQLITE_OK);
	signal(SIGALRM, on_alarm);
	alarm(120);
	CHECK_INT(write_txns(ar, wal, 2, TXNS, NULL, &max), 0);
	alarm(0);
	/* the snapshot held: the WAL had to keep everything after it */
	CHECK(max > WAIT_PAGES * PAGE + 3 * first);
	sqlite3_exec(rd, "COMMIT", NULL, NULL, NULL);
	sqlite3_close(rd);
	archive_close(ar);
	CHECK_INT(file_size(wal), -1);
	CHECK_INT(count_and_check(path), (TXNS + 2) * PER_TXN);
out:
	free(path);
	free(wal);
}

int
main(void)
{
	test_init();
	test_dir_make();
	TEST_RUN(checkpoints_beside_the_writer);
	TEST_RUN(a_reader_does_not_stall_the_writer);
	return test_done();
}
