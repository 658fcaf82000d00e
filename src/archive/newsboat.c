/*
 * Reading a newsboat cache.db. See newsboat.h for the contract and
 * ../shared/notes/newsboat-cache.md for the schema (newsboat's
 * src/cache.cpp patches 2.10 to 2.33).
 *
 * The cache may belong to a newsboat that is running, may have a hot
 * journal from a crash, may sit on a read-only medium, and is untrusted
 * input like any file: so it is copied into a private directory (with its
 * -journal or -wal, so SQLite can recover the copy), the copy is opened
 * with trusted_schema off, DEFENSIVE and cell_size_check, checked with
 * quick_check, and the schema is read with PRAGMA table_info so caches
 * from older newsboat versions work and odd ones are refused by name.
 * Views and triggers in a hostile schema run no SQL functions of ours
 * (trusted_schema off), and a "table" that is a view is refused.
 */
#include "config.h"

#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#include "archive/newsboat.h"
#include "util/buf.h"
#include "util/xalloc.h"

struct nb_cols {
	int	 deleted;	/* rss_item.deleted exists */
	int	 mime;		/* rss_item.content_mime_type exists (2.22) */
	int	 is_rtl;	/* rss_feed.is_rtl exists */
};

/* Copy src to dst (created 0600). 0, or -1 and *cause. A missing src is
   not an error when optional is set (returns 1). */
static int
nb_copy(const char *src, const char *dst, int optional, char **cause)
{
	char buf[65536];
	ssize_t n, w, off;
	struct stat st;
	int in, out;

	in = open(src, O_RDONLY | O_NOCTTY | O_NONBLOCK | O_CLOEXEC);
	if (in == -1) {
		if (optional && errno == ENOENT)
			return 1;
		*cause = xasprintf("%s: %s", src, strerror(errno));
		return -1;
	}
	if (fstat(in, &st) == -1 || !S_ISREG(st.st_mode)) {
		*cause = xasprintf("%s: not a regular file", src);
		close(in);
		return -1;
	}
	out = open(dst, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	if (out == -1) {
		*cause = xasprintf("cannot copy the cache: %s", strerror(errno));
		close(in);
		return -1;
	}
	for (;;) {
		n = read(in, buf, sizeof buf);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		for (off = 0; off < n; off += w) {
			w = write(out, buf + off, (size_t)(n - off));
			if (w < 0 && errno == EINTR) {
				w = 0;
				continue;
			}
			if (w < 0) {
				*cause = xasprintf("cannot copy the cache "
				    "(%s)", strerror(errno));
				close(in);
				close(out);
				return -1;
			}
		}
	}
	if (n < 0) {
		*cause = xasprintf("%s: %s", src, strerror(errno));
		close(in);
		close(out);
		return -1;
	}
	close(in);
	if (close(out) == -1) {
		*cause = xasprintf("cannot copy the cache (%s)", strerror(errno));
		return -1;
	}
	return 0;
}

/* One-row, one-column query as text. Caller frees; NULL on no row. */
static char *
nb_scalar(sqlite3 *db, const char *sql, int *rc)
{
	sqlite3_stmt *st;
	char *s = NULL;

	*rc = sqlite3_prepare_v2(db, sql, -1, &st, NULL);
	if (*rc != SQLITE_OK)
		return NULL;
	*rc = sqlite3_step(st);
	if (*rc == SQLITE_ROW) {
		const unsigned char *t = sqlite3_column_text(st, 0);

		s = xstrdup(t != NULL ? (const char *)t : "");
		*rc = SQLITE_OK;
	} else if (*rc == SQLITE_DONE)
		*rc = SQLITE_OK;
	sqlite3_finalize(st);
	return s;
}

/* Whether table has column; -1 on error. */
static int
nb_columns(sqlite3 *db, const char *table, const char *const *want,
    int *have, size_t n)
{
	sqlite3_stmt *st;
	char *sql = xasprintf("PRAGMA table_info(%s)", table);
	const char *name;
	size_t i;
	int rc;

	rc = sqlite3_prepare_v2(db, sql, -1, &st, NULL);
	free(sql);
	if (rc != SQLITE_OK)
		return -1;
	memset(have, 0, n * sizeof *have);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		name = (const char *)sqlite3_column_text(st, 1);
		for (i = 0; name != NULL && i < n; i++)
			if (strcasecmp(name, want[i]) == 0)
				have[i] = 1;
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

/* Refuse a cache from a newer newsboat (metadata is absent before 2.11). */
static int
nb_version(sqlite3 *db, char **cause)
{
	int rc, major, minor;
	char *s;

	s = nb_scalar(db, "SELECT count(*) FROM sqlite_master WHERE "
	    "type = 'table' AND name = 'metadata'", &rc);
	if (s == NULL || strcmp(s, "1") != 0) {
		free(s);
		return 0;
	}
	free(s);
	s = nb_scalar(db, "SELECT db_schema_version_major || '.' || "
	    "db_schema_version_minor FROM metadata LIMIT 1", &rc);
	if (s != NULL && sscanf(s, "%d.%d", &major, &minor) == 2 &&
	    major > NEWSBOAT_SCHEMA_MAJOR) {
		*cause = xasprintf("unsupported newsboat cache version %d.%d "
		    "(this lede reads up to %d.x)", major, minor,
		    NEWSBOAT_SCHEMA_MAJOR);
		free(s);
		return -1;
	}
	free(s);
	return 0;
}

/* Refuse what is not a newsboat cache we understand. */
static int
nb_check(sqlite3 *db, struct nb_cols *cols, char **cause)
{
	static const char *const item_cols[] = {
		"guid", "title", "author", "url", "feedurl", "pubDate",
		"content", "unread", "deleted", "content_mime_type",
	};
	static const char *const feed_cols[] = {
		"rssurl", "url", "title", "is_rtl",
	};
	int have[10], rc;
	char *s;
	size_t i;

	s = nb_scalar(db, "PRAGMA quick_check", &rc);
	if (rc == SQLITE_NOTADB) {
		*cause = xstrdup("not a newsboat cache (not an SQLite database)");
		return -1;
	}
	if (rc != SQLITE_OK || s == NULL || strcmp(s, "ok") != 0) {
		*cause = xasprintf("damaged newsboat cache (quick_check: %s)",
		    s != NULL ? s : sqlite3_errmsg(db));
		free(s);
		return -1;
	}
	free(s);
	s = nb_scalar(db, "SELECT group_concat(type) FROM sqlite_master WHERE "
	    "name IN ('rss_feed', 'rss_item')", &rc);
	if (rc != SQLITE_OK || s == NULL || strcmp(s, "table,table") != 0) {
		*cause = xstrdup("not a newsboat cache (no rss_feed and "
		    "rss_item tables)");
		free(s);
		return -1;
	}
	free(s);
	if (nb_version(db, cause) != 0)
		return -1;
	if (nb_columns(db, "rss_item", item_cols, have, 10) == -1)
		goto fail;
	for (i = 0; i < 8; i++)
		if (!have[i]) {
			*cause = xasprintf("not a newsboat cache (rss_item has "
			    "no %s column)", item_cols[i]);
			return -1;
		}
	cols->deleted = have[8];
	cols->mime = have[9];
	if (nb_columns(db, "rss_feed", feed_cols, have, 4) == -1)
		goto fail;
	for (i = 0; i < 3; i++)
		if (!have[i]) {
			*cause = xasprintf("not a newsboat cache (rss_feed has "
			    "no %s column)", feed_cols[i]);
			return -1;
		}
	cols->is_rtl = have[3];
	return 0;
fail:
	*cause = xasprintf("cannot read the newsboat cache: %s",
	    sqlite3_errmsg(db));
	return -1;
}

/*
 * Column text copied, NULL for NULL or "". A NUL byte inside the value
 * becomes 0xFF, an invalid UTF-8 byte, so the text is not cut short and
 * import_newsboat_finish() replaces and counts it like any bad byte.
 */
static char *
nb_text(sqlite3_stmt *st, int col)
{
	const unsigned char *t = sqlite3_column_text(st, col);
	int n = sqlite3_column_bytes(st, col), i;
	char *s;

	if (t == NULL || n <= 0)
		return NULL;
	s = xmalloc((size_t)n + 1);
	for (i = 0; i < n; i++)
		s[i] = t[i] != 0 ? (char)t[i] : (char)0xFF;
	s[n] = '\0';
	return s;
}

static char *
nb_date(sqlite3_stmt *st, int col)
{
	sqlite3_int64 t;
	time_t tt;
	struct tm tm;
	char out[32];

	if (sqlite3_column_type(st, col) != SQLITE_INTEGER &&
	    sqlite3_column_type(st, col) != SQLITE_FLOAT)
		return NULL;
	t = sqlite3_column_int64(st, col);
	/* 0 is newsboat's "no date"; beyond year 9999 is garbage. */
	if (t <= 0 || t > 253402300799LL)
		return NULL;
	tt = (time_t)t;
	if (gmtime_r(&tt, &tm) == NULL ||
	    strftime(out, sizeof out, "%Y-%m-%dT%H:%M:%SZ", &tm) == 0)
		return NULL;
	return xstrdup(out);
}

/* Plain text as HTML: escaped, blank-line blocks as <p>, lines as <br>. */
static char *
nb_plain_to_html(const char *s)
{
	struct buf b = BUF_INIT;

	buf_adds(&b, "<p>");
	for (; *s != '\0'; s++) {
		switch (*s) {
		case '&':
			buf_adds(&b, "&amp;");
			break;
		case '<':
			buf_adds(&b, "&lt;");
			break;
		case '>':
			buf_adds(&b, "&gt;");
			break;
		case '\n':
			if (s[1] == '\n') {
				buf_adds(&b, "</p><p>");
				while (s[1] == '\n')
					s++;
			} else
				buf_adds(&b, "<br>");
			break;
		default:
			buf_addc(&b, *s);
		}
	}
	buf_adds(&b, "</p>");
	return buf_detach(&b);
}

static struct article *
nb_row(sqlite3_stmt *st)
{
	struct article *a = article_new();
	const char *mime;
	char *feedurl, *html;

	a->guid = nb_text(st, 0);
	a->title = nb_text(st, 1);
	a->author = nb_text(st, 2);
	a->url = nb_text(st, 3);
	feedurl = nb_text(st, 4);
	a->published = nb_date(st, 5);
	a->body = nb_text(st, 6);
	a->read = sqlite3_column_int(st, 7) == 0;
	a->source = nb_text(st, 8);
	a->source_url = nb_text(st, 9);
	if (sqlite3_column_int(st, 10) != 0)
		article_set(&a->language, "ar");
	/* Content newsboat knows is plain text is handed on as HTML, like
	   the rest, so its line breaks and any "<" survive the HTML pass. */
	mime = (const char *)sqlite3_column_text(st, 11);
	if (a->body != NULL && mime != NULL && strcmp(mime, "text/plain") == 0) {
		html = nb_plain_to_html(a->body);
		free(a->body);
		a->body = html;
	}
	if (a->source == NULL && feedurl != NULL)
		a->source = xstrdup(feedurl);
	a->origin = xasprintf("newsboat:%s", feedurl != NULL ? feedurl : "");
	free(feedurl);
	return a;
}

static int
nb_items(sqlite3 *db, const struct nb_cols *cols,
    int (*fn)(struct article *, void *), void *arg, char **cause)
{
	sqlite3_stmt *st;
	char *sql;
	int rc, n = 0;

	sql = xasprintf("SELECT i.guid, i.title, i.author, i.url, i.feedurl, "
	    "i.pubDate, substr(i.content, 1, %u), i.unread, f.title, f.url, "
	    "%s, %s FROM rss_item AS i LEFT JOIN rss_feed AS f ON f.rssurl = "
	    "i.feedurl %s ORDER BY i.rowid", NEWSBOAT_MAX_CONTENT,
	    cols->is_rtl ? "f.is_rtl" : "0",
	    cols->mime ? "i.content_mime_type" : "''",
	    cols->deleted ? "WHERE coalesce(i.deleted, 0) = 0" : "");
	rc = sqlite3_prepare_v2(db, sql, -1, &st, NULL);
	free(sql);
	if (rc != SQLITE_OK) {
		*cause = xasprintf("cannot read the newsboat cache: %s",
		    sqlite3_errmsg(db));
		return -1;
	}
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		n++;
		if (fn(nb_row(st), arg) != 0) {
			rc = SQLITE_DONE;
			break;
		}
	}
	if (rc == SQLITE_TOOBIG) {
		*cause = xasprintf("cannot read the newsboat cache: an item "
		    "larger than %u MiB", NEWSBOAT_MAX_VALUE >> 20);
		n = -1;
	} else if (rc != SQLITE_DONE) {
		*cause = xasprintf("cannot read the newsboat cache: %s",
		    sqlite3_errmsg(db));
		n = -1;
	}
	sqlite3_finalize(st);
	return n;
}

int
archive_newsboat_read(const char *path, int (*fn)(struct article *, void *),
    void *arg, char **cause)
{
	const char *tmp = getenv("TMPDIR");
	char *dir, *copy, *src, *dst, *why = NULL;
	static const char *const sides[] = { "-journal", "-wal" };
	struct nb_cols cols = { 0, 0, 0 };
	sqlite3 *db = NULL;
	int rv = -1, side = 0, rc;
	size_t i;

	dir = xasprintf("%s/lede-newsboat-XXXXXX", tmp != NULL && *tmp != '\0' ?
	    tmp : "/tmp");
	if (mkdtemp(dir) == NULL) {
		*cause = xasprintf("cannot make a private copy of the cache: %s",
		    strerror(errno));
		free(dir);
		return -1;
	}
	copy = xasprintf("%s/cache.db", dir);
	if (nb_copy(path, copy, 0, cause) != 0)
		goto out;
	for (i = 0; i < sizeof sides / sizeof sides[0]; i++) {
		src = xasprintf("%s%s", path, sides[i]);
		dst = xasprintf("%s%s", copy, sides[i]);
		rc = nb_copy(src, dst, 1, &why);
		free(src);
		free(dst);
		if (rc == -1) {
			*cause = why;
			goto out;
		}
		if (rc == 0)
			side = 1;
	}
	/* With a journal beside it the copy may need recovery, which needs
	   write access: it is our private copy, so that is harmless. */
	rc = sqlite3_open_v2(copy, &db, side ? SQLITE_OPEN_READWRITE :
	    SQLITE_OPEN_READONLY, NULL);
	if (rc != SQLITE_OK) {
		*cause = xasprintf("cannot open the newsboat cache: %s",
		    db != NULL ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
		goto out;
	}
	sqlite3_db_config(db, SQLITE_DBCONFIG_DEFENSIVE, 1, (int *)NULL);
	sqlite3_db_config(db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, (int *)NULL);
	sqlite3_db_config(db, SQLITE_DBCONFIG_ENABLE_TRIGGER, 0, (int *)NULL);
	sqlite3_db_config(db, SQLITE_DBCONFIG_ENABLE_VIEW, 0, (int *)NULL);
	sqlite3_exec(db, "PRAGMA cell_size_check = ON", NULL, NULL, NULL);
	/* A hostile cache may hold a 1 GB value: SQLite refuses to load one
	   past this instead of allocating it. */
	sqlite3_limit(db, SQLITE_LIMIT_LENGTH, NEWSBOAT_MAX_VALUE);
	if (nb_check(db, &cols, cause) != 0)
		goto out;
	rv = nb_items(db, &cols, fn, arg, cause);
out:
	sqlite3_close(db);
	for (i = 0; i < sizeof sides / sizeof sides[0]; i++) {
		src = xasprintf("%s%s", copy, sides[i]);
		unlink(src);
		free(src);
	}
	unlink(copy);
	rmdir(dir);
	free(copy);
	free(dir);
	return rv;
}
