/*
 * Read marks kept while another connection writes (src/tui/readmarks.c): the
 * reader must never wait for an import's write lock to mark an article
 * read. Two connections to one real archive file: one holds a write
 * transaction as an import does; the marks made meanwhile are kept,
 * not written, without waiting the busy timeout; once the writer
 * commits they are stored.
 */
#include "config.h"

#include <sys/wait.h>
#include <time.h>

#include "test.h"
#include "test_archive.h"
#include "tui/readmarks.h"

static struct archive *
open_or_die(const char *path)
{
	char *cause = NULL;
	struct archive *ar = archive_open(path, 0, &cause);

	if (ar == NULL) {
		fprintf(stderr, "open %s: %s\n", path, cause);
		exit(99);
	}
	return ar;
}

static int
stored_read(struct archive *ar, int64_t id)
{
	char *cause = NULL;
	struct article *a = archive_get(ar, id, &cause);
	int read;

	if (a == NULL) {
		fprintf(stderr, "archive_get: %s\n", cause);
		free(cause);
		return -1;
	}
	read = a->read;
	article_free(a);
	return read;
}

static double
now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static void
set_get_clear(void)
{
	struct readmarks m;
	int read = -1;

	readmarks_init(&m);
	CHECK(!readmarks_get(&m, 7, &read));
	readmarks_set(&m, 7, 1);
	readmarks_set(&m, 8, 1);
	readmarks_set(&m, 7, 0);		/* the latest wins, kept once */
	CHECK_INT(m.n, 2);
	CHECK(readmarks_get(&m, 7, &read));
	CHECK_INT(read, 0);
	CHECK(readmarks_get(&m, 8, &read));
	CHECK_INT(read, 1);
	readmarks_clear(&m);
	CHECK(!readmarks_get(&m, 8, &read));
	readmarks_release(&m);
}

static void
kept_while_another_writes(void)
{
	char *path = test_path("marks.db"), *cause = NULL;
	struct archive *importer, *reader, *other;
	struct article *art;
	struct readmarks m;
	int64_t id1, id2;
	double t0;
	int read = -1;

	importer = open_or_die(path);
	art = test_article("Wire", "g1", NULL, "One", "2025-05-05", "one");
	CHECK_INT(test_put(importer, art, &id1), ARCHIVE_INSERTED);
	article_free(art);
	art = test_article("Wire", "g2", NULL, "Two", "2025-05-06", "two");
	CHECK_INT(test_put(importer, art, &id2), ARCHIVE_INSERTED);
	article_free(art);
	reader = open_or_die(path);
	readmarks_init(&m);

	/* An import holds the write lock. */
	CHECK_INT(archive_begin(importer, &cause), 0);
	art = test_article("Wire", "g3", NULL, "Three", "2025-05-07", "three");
	CHECK_INT(test_put(importer, art, NULL), ARCHIVE_INSERTED);
	article_free(art);

	readmarks_set(&m, id1, 1);
	readmarks_set(&m, id2, 1);
	t0 = now_s();
	CHECK_INT(readmarks_flush(&m, reader, 0, &cause), 1);
	/* It did not wait out the 5 s busy timeout (a generous bound). */
	CHECK(now_s() - t0 < 2.5);
	CHECK(cause == NULL);
	CHECK_INT(m.n, 2);
	CHECK(readmarks_get(&m, id1, &read) && read == 1);
	/* Reading goes on meanwhile, and nothing is stored yet. */
	CHECK_INT(stored_read(reader, id1), 0);
	CHECK_INT(archive_total(reader), 2);
	/* A second try while the import still writes: still kept. */
	readmarks_set(&m, id2, 0);
	CHECK_INT(readmarks_flush(&m, reader, 0, &cause), 1);
	CHECK_INT(m.n, 2);

	/* The import commits: the kept marks are stored on the next try. */
	CHECK_INT(archive_commit(importer, &cause), 0);
	CHECK_INT(readmarks_flush(&m, reader, 0, &cause), 0);
	CHECK_INT(m.n, 0);
	CHECK_INT(stored_read(reader, id1), 1);
	CHECK_INT(stored_read(reader, id2), 0);
	other = open_or_die(path);
	CHECK_INT(stored_read(other, id1), 1);
	archive_close(other);
	/* Nothing kept: nothing to do. */
	CHECK_INT(readmarks_flush(&m, reader, 0, &cause), 0);

	readmarks_release(&m);
	archive_close(reader);
	archive_close(importer);
	free(path);
}

/* On quit the reader waits: a write transaction that ends soon is outlived. */
static void
quit_waits_for_writer(void)
{
	char *path = test_path("quit.db"), *cause = NULL, c;
	struct archive *ar;
	struct article *art;
	struct readmarks m;
	int64_t id;
	int fds[2], status;
	pid_t pid;

	ar = open_or_die(path);
	art = test_article("Wire", "q1", NULL, "Quit", "2025-05-05", "quit");
	CHECK_INT(test_put(ar, art, &id), ARCHIVE_INSERTED);
	article_free(art);
	if (pipe(fds) != 0)
		exit(99);
	fflush(NULL);
	if ((pid = fork()) == 0) {
		struct archive *child = open_or_die(path);

		close(fds[0]);
		if (archive_begin(child, &cause) != 0)
			_exit(2);
		if (write(fds[1], "x", 1) != 1)
			_exit(4);
		usleep(300 * 1000);
		if (archive_commit(child, &cause) != 0)
			_exit(5);
		archive_close(child);
		_exit(0);
	}
	close(fds[1]);
	CHECK(read(fds[0], &c, 1) == 1);
	readmarks_init(&m);
	readmarks_set(&m, id, 1);
	CHECK_INT(readmarks_flush(&m, ar, 0, &cause), 1);
	CHECK_INT(readmarks_flush(&m, ar, 1, &cause), 0);
	CHECK_INT(stored_read(ar, id), 1);
	CHECK(waitpid(pid, &status, 0) == pid);
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	readmarks_release(&m);
	archive_close(ar);
	close(fds[0]);
	free(path);
}

int
main(void)
{
	test_init();
	test_dir_make();
	TEST_RUN(set_get_clear);
	TEST_RUN(kept_while_another_writes);
	TEST_RUN(quit_waits_for_writer);
	return test_done();
}
