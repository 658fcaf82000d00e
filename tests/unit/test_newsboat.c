/*
 * Unit tests for the newsboat cache reader (src/archive/newsboat.c) and
 * import_newsboat_finish() (src/import/newsboat.c), on the caches in
 * tests/data/import/newsboat/ (built by make-caches.sh from newsboat's
 * exact schema): mapping, deleted items, the right-to-left hint, old and
 * too-new caches, files that are not caches, damage, and that the user's
 * file is left as it was.
 */
#include "config.h"

#include <sys/stat.h>

#include <dirent.h>
#include <fcntl.h>
#include <unistd.h>

#include "test.h"
#include "test_import_sink.h"
#include "archive/newsboat.h"

static size_t replaced;

static int
finish(struct article *a, void *arg)
{
	struct collect *c = arg;

	replaced += import_newsboat_finish(a);
	return collect_article(a, c);
}

static int
read_cache(struct collect *c, const char *name, char **cause)
{
	char *path = fixture(name);
	int rv;

	collect_init(c);
	*cause = NULL;
	replaced = 0;
	rv = archive_newsboat_read(path, finish, c, cause);
	free(path);
	return rv;
}

static void
current_schema(void)
{
	struct collect c;
	struct article *a;
	char *cause;

	CHECK_INT(read_cache(&c, "newsboat/cache-2.33.db", &cause), 5);
	CHECK_STR(cause, NULL);
	CHECK_INT(c.n, 5);
	if (c.n != 5)
		goto out;
	a = c.a[0];
	CHECK_STR(a->guid, "https://english.enabbaladi.net/?p=1");
	CHECK_STR(a->title, "Neighbours & allies meet");
	CHECK_STR(a->author, "Hussam al-Mahmoud");
	CHECK_STR(a->url, "https://english.enabbaladi.net/archives/1");
	CHECK_STR(a->published, "2025-03-09T10:00:00Z");
	CHECK_STR(a->source, "Enab Baladi");
	CHECK_STR(a->source_url, "https://english.enabbaladi.net/");
	CHECK_STR(a->body, "One.\n\nTwo & three.");
	CHECK_STR(a->language, "en");
	CHECK_STR(a->origin, "newsboat:https://english.enabbaladi.net/feed/");
	CHECK_INT(a->read, 0);
	/* The deleted item is skipped; next is the Arabic one. */
	a = c.a[1];
	CHECK_STR(a->guid, "ar-1");
	CHECK_STR(a->language, "ar");
	CHECK_INT(a->read, 1);
	CHECK_STR(a->source, "\xD8\xB9\xD9\x86\xD8\xA8 \xD8\xA8\xD9\x84\xD8\xAF"
	    "\xD9\x8A");
	/* Right-to-left but not Arabic script: no language claimed. */
	a = c.a[2];
	CHECK_STR(a->guid, "he-1");
	CHECK_STR(a->language, NULL);
	/* NUL and bad bytes replaced and counted; no date; unknown feed. */
	a = c.a[3];
	CHECK_STR(a->title, "Bad \xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
	CHECK_INT(replaced, 3);
	CHECK_STR(a->published, NULL);
	CHECK_STR(a->source, "https://unknown.example/feed");
	CHECK_STR(a->body, NULL);
	CHECK_STR(a->url, NULL);
	/* text/plain content keeps its lines and its "<". */
	a = c.a[4];
	CHECK_STR(a->body, "Line one\nline two\n\nSecond <para> & more");
out:
	collect_release(&c);
	free(cause);
}

static void
old_schema(void)
{
	struct collect c;
	char *cause;

	CHECK_INT(read_cache(&c, "newsboat/cache-old.db", &cause), 1);
	if (c.n == 1) {
		CHECK_STR(c.a[0]->title, "Old item");
		CHECK_STR(c.a[0]->body, "Plain text content");
		CHECK_STR(c.a[0]->published, "2004-11-09T11:33:20Z");
		CHECK_STR(c.a[0]->source, "Old Feed");
		CHECK_INT(c.a[0]->read, 1);
	}
	collect_release(&c);
	free(cause);
}

static void
refused(const char *name, const char *want)
{
	struct collect c;
	char *cause;
	int rv = read_cache(&c, name, &cause);

	if (rv != -1 || c.n != 0 || cause == NULL ||
	    strncmp(cause, want, strlen(want)) != 0) {
		fprintf(stderr, "%s: rv %d, cause \"%s\", want \"%s\"\n", name,
		    rv, cause ? cause : "(null)", want);
		test_case_failed = 1;
	}
	collect_release(&c);
	free(cause);
}

static void
not_caches(void)
{
	refused("newsboat/cache-v3.db", "unsupported newsboat cache version 3.0");
	refused("newsboat/not-newsboat.db", "not a newsboat cache (no rss_feed");
	refused("newsboat/view.db", "not a newsboat cache (no rss_feed");
	refused("rss2.xml", "not a newsboat cache (not an SQLite database)");
	refused("newsboat/missing.db", "");
}

/* A copy of a fixture in a private directory. Caller frees. */
static char *
scratch_copy(const char *name, char *dir)
{
	char *src = fixture(name), *dst, buf[8192];
	FILE *in, *out;
	size_t n;

	dst = xasprintf("%s/cache.db", dir);
	in = fopen(src, "rb");
	out = fopen(dst, "wb");
	while (in != NULL && out != NULL && (n = fread(buf, 1, sizeof buf, in)) > 0)
		fwrite(buf, 1, n, out);
	if (in != NULL)
		fclose(in);
	if (out != NULL)
		fclose(out);
	free(src);
	return dst;
}

static void
damaged(void)
{
	char dir[] = "/tmp/lede-test-nb-XXXXXX", *path, *cause = NULL;
	struct collect c;
	int fd;

	if (mkdtemp(dir) == NULL) {
		CHECK(0);
		return;
	}
	path = scratch_copy("newsboat/cache-2.33.db", dir);
	/* Scribble over the second page (an interior b-tree page). */
	fd = open(path, O_WRONLY);
	CHECK(fd != -1);
	if (fd != -1) {
		CHECK(pwrite(fd, "\x0d\xff\xff\xff\xff\xff\xff\xff\xff\xff", 10,
		    4096) == 10);
		close(fd);
	}
	collect_init(&c);
	CHECK_INT(archive_newsboat_read(path, finish, &c, &cause), -1);
	CHECK(cause != NULL && (strncmp(cause, "damaged newsboat cache", 22) == 0 ||
	    strncmp(cause, "cannot read the newsboat cache", 30) == 0));
	free(cause);
	collect_release(&c);
	unlink(path);
	rmdir(dir);
	free(path);
}

static void
user_file_untouched(void)
{
	char dir[] = "/tmp/lede-test-nb-XXXXXX", tmpdir[] = "/tmp/lede-test-tmp-XXXXXX";
	char *path, *cause = NULL, *journal;
	struct stat before, after;
	struct collect c;
	DIR *d;
	struct dirent *e;
	int left = 0, fd;

	if (mkdtemp(dir) == NULL || mkdtemp(tmpdir) == NULL) {
		CHECK(0);
		return;
	}
	path = scratch_copy("newsboat/cache-2.33.db", dir);
	/* A journal beside it (empty: not hot) must not be touched either. */
	journal = xasprintf("%s-journal", path);
	fd = open(journal, O_WRONLY | O_CREAT, 0600);
	if (fd != -1)
		close(fd);
	chmod(path, 0400);
	stat(path, &before);
	setenv("TMPDIR", tmpdir, 1);
	collect_init(&c);
	CHECK_INT(archive_newsboat_read(path, finish, &c, &cause), 5);
	unsetenv("TMPDIR");
	CHECK_STR(cause, NULL);
	stat(path, &after);
	CHECK(before.st_mtime == after.st_mtime && before.st_size == after.st_size);
	CHECK(access(journal, F_OK) == 0);
	/* The private copy is gone afterwards. */
	if ((d = opendir(tmpdir)) != NULL) {
		while ((e = readdir(d)) != NULL)
			if (e->d_name[0] != '.')
				left++;
		closedir(d);
	}
	CHECK_INT(left, 0);
	collect_release(&c);
	free(cause);
	unlink(journal);
	unlink(path);
	rmdir(dir);
	rmdir(tmpdir);
	free(journal);
	free(path);
}

/* Bytes of a file, for before/after comparison. Caller frees. */
static char *
slurp(const char *path, size_t *len)
{
	FILE *fp = fopen(path, "rb");
	struct buf b = BUF_INIT;
	char chunk[8192];
	size_t n;

	*len = 0;
	if (fp == NULL)
		return NULL;
	while ((n = fread(chunk, 1, sizeof chunk, fp)) > 0)
		buf_add(&b, chunk, n);
	fclose(fp);
	*len = b.len;
	return buf_detach(&b);
}

static void
hot_journal(void)
{
	char dir[] = "/tmp/lede-test-nb-XXXXXX", *path, *journal, *cause = NULL;
	char *db0, *db1, *j0, *j1, *src;
	size_t dl0, dl1, jl0, jl1, i;
	struct collect c;

	if (mkdtemp(dir) == NULL) {
		CHECK(0);
		return;
	}
	path = scratch_copy("newsboat/cache-hot.db", dir);
	journal = xasprintf("%s-journal", path);
	src = fixture("newsboat/cache-hot.db-journal");
	j0 = slurp(src, &jl0);
	free(src);
	if (j0 != NULL) {
		FILE *fp = fopen(journal, "wb");

		if (fp != NULL) {
			fwrite(j0, 1, jl0, fp);
			fclose(fp);
		}
	}
	db0 = slurp(path, &dl0);
	collect_init(&c);
	/* The copy is recovered: the uncommitted rows never show. */
	CHECK_INT(archive_newsboat_read(path, finish, &c, &cause), 5);
	CHECK_STR(cause, NULL);
	for (i = 0; i < c.n; i++)
		CHECK(strcmp(c.a[i]->title, "UNCOMMITTED") != 0);
	/* The user's database and hot journal are exactly as they were. */
	db1 = slurp(path, &dl1);
	j1 = slurp(journal, &jl1);
	CHECK(db0 != NULL && db1 != NULL && dl0 == dl1 &&
	    memcmp(db0, db1, dl0) == 0);
	CHECK(j0 != NULL && j1 != NULL && jl0 == jl1 && jl0 > 0 &&
	    memcmp(j0, j1, jl0) == 0);
	free(db0);
	free(db1);
	free(j0);
	free(j1);
	collect_release(&c);
	free(cause);
	unlink(journal);
	unlink(path);
	rmdir(dir);
	free(journal);
	free(path);
}

static void
import_refuses_cache(void)
{
	struct collect c;
	char *cause;

	/* import_file() sends caches to the newsboat reader. */
	CHECK_INT(collect_file(&c, "newsboat/cache-2.33.db", &cause), -1);
	CHECK_STR(cause, "a newsboat cache: use the newsboat reader");
	free(cause);
	collect_release(&c);
}

static void
stop_early(void)
{
	struct collect c;
	char *cause = NULL, *path = fixture("newsboat/cache-2.33.db");

	collect_init(&c);
	c.stop_after = 2;
	CHECK_INT(archive_newsboat_read(path, finish, &c, &cause), 2);
	CHECK_INT(c.n, 2);
	collect_release(&c);
	free(cause);
	free(path);
}

int
main(void)
{
	test_init();
	TEST_RUN(current_schema);
	TEST_RUN(old_schema);
	TEST_RUN(not_caches);
	TEST_RUN(damaged);
	TEST_RUN(user_file_untouched);
	TEST_RUN(hot_journal);
	TEST_RUN(import_refuses_cache);
	TEST_RUN(stop_early);
	return test_done();
}
