/*
 * Robustness of the archive: a reader keeps its snapshot while a writer
 * commits (WAL), a second writer waits for the first (busy_timeout) rather
 * than failing, and damaged files (flipped bytes, truncation, a zeroed
 * header) give messages, never crashes.
 */
#include "config.h"

#include <signal.h>
#include <sys/wait.h>

#include "test.h"
#include "test_archive.h"

static struct archive *
open_or_die(const char *path, int flags)
{
	char *cause = NULL;
	struct archive *ar = archive_open(path, flags, &cause);

	if (ar == NULL) {
		fprintf(stderr, "open %s: %s\n", path, cause);
		exit(99);
	}
	return ar;
}

static void
fill(const char *path, int n, const char *prefix)
{
	struct archive *ar = open_or_die(path, 0);
	char *cause = NULL, guid[64], body[256];
	struct article *art;
	int i;

	CHECK_INT(archive_begin(ar, &cause), 0);
	for (i = 0; i < n; i++) {
		snprintf(guid, sizeof guid, "%s%d", prefix, i);
		snprintf(body, sizeof body, "Article %d about the harbour and "
		    "the storm, number %s.", i, guid);
		art = test_article("Robust", guid, NULL, guid, "2025-05-05", body);
		CHECK(archive_put(ar, art, NULL, NULL, &cause) >= 0);
		article_free(art);
	}
	CHECK_INT(archive_commit(ar, &cause), 0);
	archive_close(ar);
}

static void
reader_keeps_snapshot(void)
{
	char *path = test_path("snap.db"), *cause = NULL;
	struct archive *w, *r;
	struct article *art;
	struct archive_filter f = { 0 };
	struct archive_page p;

	fill(path, 5, "s");
	w = open_or_die(path, 0);
	r = open_or_die(path, ARCHIVE_READONLY);
	CHECK_INT(archive_begin(w, &cause), 0);
	art = test_article("Robust", "new", NULL, "New", "2025-06-01", "new");
	CHECK_INT(archive_put(w, art, NULL, NULL, &cause), ARCHIVE_INSERTED);
	/* The reader neither waits nor sees uncommitted rows. */
	CHECK_INT(archive_total(r), 5);
	CHECK_INT(archive_list(r, &f, 0, 0, 10, 0, &p, &cause), 0);
	CHECK_INT(p.nrows, 5);
	archive_page_release(&p);
	CHECK_INT(archive_commit(w, &cause), 0);
	CHECK_INT(archive_total(r), 6);
	article_free(art);
	archive_close(w);
	archive_close(r);
	free(path);
}

/* A second writer waits for the first to commit (busy_timeout). */
static void
second_writer_waits(void)
{
	char *path = test_path("two.db"), *cause = NULL, c;
	struct archive *ar;
	struct article *art;
	int fds[2], status;
	pid_t pid;

	fill(path, 1, "w");
	if (pipe(fds) != 0)
		exit(99);
	fflush(NULL);
	if ((pid = fork()) == 0) {
		struct archive *child = open_or_die(path, 0);

		close(fds[0]);
		if (archive_begin(child, &cause) != 0)
			_exit(2);
		art = test_article("Robust", "child", NULL, "Child", NULL, "c");
		if (archive_put(child, art, NULL, NULL, &cause) < 0)
			_exit(3);
		if (write(fds[1], "x", 1) != 1)
			_exit(4);
		usleep(400 * 1000);
		if (archive_commit(child, &cause) != 0)
			_exit(5);
		archive_close(child);
		_exit(0);
	}
	close(fds[1]);
	CHECK(read(fds[0], &c, 1) == 1);
	ar = open_or_die(path, 0);
	/* Waits for the child's commit, then sees its row. */
	CHECK_INT(archive_begin(ar, &cause), 0);
	if (cause != NULL)
		fprintf(stderr, "begin: %s\n", cause);
	CHECK_INT(archive_total(ar), 2);
	art = test_article("Robust", "parent", NULL, "Parent", NULL, "p");
	CHECK_INT(archive_put(ar, art, NULL, NULL, &cause), ARCHIVE_INSERTED);
	CHECK_INT(archive_commit(ar, &cause), 0);
	article_free(art);
	CHECK(waitpid(pid, &status, 0) == pid);
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	CHECK_INT(archive_total(ar), 3);
	archive_close(ar);
	close(fds[0]);
	free(path);
}

static unsigned char *
slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	unsigned char *buf;
	long n;

	if (f == NULL || fseek(f, 0, SEEK_END) != 0 || (n = ftell(f)) < 0)
		exit(99);
	rewind(f);
	buf = xmalloc((size_t)n + 1);
	if (fread(buf, 1, (size_t)n, f) != (size_t)n)
		exit(99);
	fclose(f);
	*len = (size_t)n;
	return buf;
}

/* Whatever the damage: a message or a result, never a crash. */
static void
use_damaged(const char *path)
{
	struct archive_filter f = { 0 };
	struct archive_page p;
	struct archive *ar;
	struct article *art;
	char *cause = NULL, *report = NULL;

	if ((ar = archive_open(path, 0, &cause)) == NULL) {
		CHECK(cause != NULL && *cause != '\0');
		free(cause);
		return;
	}
	if (archive_list(ar, &f, 0, 0, 20, 0, &p, &cause) == 0)
		archive_page_release(&p);
	free(cause);
	cause = NULL;
	f.query = "harbour";
	if (archive_list(ar, &f, 0, 0, 20, 1, &p, &cause) == 0)
		archive_page_release(&p);
	free(cause);
	cause = NULL;
	if ((art = archive_get(ar, 3, &cause)) != NULL)
		article_free(art);
	free(cause);
	cause = NULL;
	if (archive_check(ar, &report, &cause) >= 0)
		CHECK(report != NULL);
	free(report);
	free(cause);
	archive_close(ar);
}

static void
damaged_files(void)
{
	char *good = test_path("good.db"), *bad = test_path("bad.db");
	unsigned char *img, *copy;
	size_t len, i;
	unsigned seed = 7;
	int round;
	FILE *f;

	fill(good, 300, "d");
	img = slurp(good, &len);
	copy = xmalloc(len);
	for (round = 0; round < 40; round++) {
		memcpy(copy, img, len);
		for (i = 0; i < 24; i++) {
			seed = seed * 1103515245 + 12345;
			/* Keep the 100-byte header: damage pages, not identity. */
			copy[100 + (seed >> 8) % (len - 100)] ^= 1 + (seed & 0x7f);
		}
		unlink(bad);
		if ((f = fopen(bad, "wb")) == NULL)
			exit(99);
		fwrite(copy, 1, round % 5 == 4 ? len / 2 : len, f);
		fclose(f);
		use_damaged(bad);
	}
	/* A zeroed first page: not a database any more. */
	memcpy(copy, img, len);
	memset(copy, 0, 16384 < len ? 16384 : len);
	unlink(bad);
	if ((f = fopen(bad, "wb")) == NULL)
		exit(99);
	fwrite(copy, 1, len, f);
	fclose(f);
	{
		char *cause = NULL;
		struct archive *ar = archive_open(bad, 0, &cause);

		CHECK(ar == NULL);
		CHECK(cause != NULL && strstr(cause, "not") != NULL);
		free(cause);
		archive_close(ar);
	}
	free(img);
	free(copy);
	free(good);
	free(bad);
}

/* Past ARCHIVE_MAX_ARTICLE: refused whole, never stored truncated or NULL. */
static void
too_large(void)
{
	char *path = test_path("large.db"), *cause = NULL, *body;
	struct archive *ar = open_or_die(path, 0);
	struct article *art = test_article("Big", "big", NULL, "Big", NULL, NULL);
	size_t n = ARCHIVE_MAX_ARTICLE + 1;

	body = xmalloc(n + 1);
	memset(body, 'a', n);
	body[n] = '\0';
	art->body = body;
	CHECK_INT(archive_put(ar, art, NULL, NULL, &cause), -1);
	CHECK(cause != NULL && strstr(cause, "too large") != NULL);
	free(cause);
	CHECK_INT(archive_total(ar), 0);
	article_free(art);
	archive_close(ar);
	free(path);
}

int
main(void)
{
	test_init();
	test_dir_make();
	TEST_RUN(reader_keeps_snapshot);
	TEST_RUN(second_writer_waits);
	TEST_RUN(damaged_files);
	TEST_RUN(too_large);
	return test_done();
}
