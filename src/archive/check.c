/*
 * `lede check`: SQLite's integrity_check, every body against its stored
 * size (it must decompress to exactly that), the full-text index against
 * the articles it indexes, the foreign keys, and the counters the schema
 * keeps (articles.nflags, the article count). Findings are sentences a person can act on;
 * an FTS problem names the cure (`lede reindex` rebuilds the index).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "archive/archive_int.h"
#include "util/buf.h"
#include "util/xalloc.h"

/* Run a query whose rows are findings (first column text). */
static int
collect(struct archive *a, const char *sql, const char *ok, const char *label,
    struct buf *out, int *problems, char **cause)
{
	sqlite3_stmt *st;
	const unsigned char *t;
	int rc, n = 0;

	if (sqlite3_prepare_v2(a->db, sql, -1, &st, NULL) != SQLITE_OK)
		return archive_fail(a, cause, label);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		t = sqlite3_column_text(st, 0);
		if (ok != NULL && t != NULL && strcmp((const char *)t, ok) == 0)
			continue;
		if (n++ < 20)
			buf_printf(out, "%s: %s\n", label, t != NULL ?
			    (const char *)t : "(null)");
	}
	if (rc != SQLITE_DONE && (rc & 0xff) != SQLITE_CORRUPT) {
		archive_fail(a, cause, label);
		sqlite3_finalize(st);
		return -1;
	}
	if ((rc & 0xff) == SQLITE_CORRUPT) {
		buf_printf(out, "%s: %s\n", label, sqlite3_errmsg(a->db));
		n++;
	}
	sqlite3_finalize(st);
	if (n > 20)
		buf_printf(out, "%s: ... %d findings in all\n", label, n);
	*problems += n;
	return 0;
}

/*
 * Every stored body gives back exactly its recorded size (schema 5): a
 * damaged one is named by article, as far as 20.
 */
static int
body_check(struct archive *a, struct buf *out, int *problems, char **cause)
{
	sqlite3_stmt *st;
	sqlite3_int64 size;
	char *text, *err = NULL;
	int rc, n = 0;

	if (sqlite3_prepare_v2(a->db, "SELECT id, body, body_size FROM"
	    " article_rows WHERE body IS NOT NULL", -1, &st, NULL) != SQLITE_OK)
		return archive_fail(a, cause, "checking the bodies");
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		size = sqlite3_column_int64(st, 2);
		text = NULL;
		if (sqlite3_column_type(st, 2) != SQLITE_INTEGER || size < 0 ||
		    size > ARCHIVE_MAX_ARTICLE)
			err = xstrdup("no valid body size");
		else
			text = archive_body_uncompress(sqlite3_column_blob(st,
			    1), (size_t)sqlite3_column_bytes(st, 1),
			    (size_t)size, &err);
		free(text);
		if (err != NULL && n++ < 20)
			buf_printf(out, "bodies: article %lld: %s\n",
			    (long long)sqlite3_column_int64(st, 0), err);
		free(err);
		err = NULL;
	}
	if (rc != SQLITE_DONE && (rc & 0xff) != SQLITE_CORRUPT) {
		archive_fail(a, cause, "checking the bodies");
		sqlite3_finalize(st);
		return -1;
	}
	if (rc != SQLITE_DONE) {
		buf_printf(out, "bodies: %s\n", sqlite3_errmsg(a->db));
		n++;
	}
	sqlite3_finalize(st);
	if (n > 20)
		buf_printf(out, "bodies: ... %d damaged in all\n", n);
	*problems += n;
	return 0;
}

/* The FTS5 integrity-check command: an error means a damaged index. */
static int
fts_check(struct archive *a, const char *sql, struct buf *out, int *problems)
{
	char *err = NULL;

	if (sqlite3_exec(a->db, sql, NULL, NULL, &err) == SQLITE_OK)
		return 0;
	buf_printf(out, "full-text index: %s (run `lede reindex` to rebuild "
	    "it)\n", err != NULL ? err : sqlite3_errmsg(a->db));
	sqlite3_free(err);
	(*problems)++;
	return 0;
}

int
archive_check(struct archive *a, char **report, char **cause)
{
	struct buf out = BUF_INIT;
	int problems = 0, before;

	*report = NULL;
	if (collect(a, "PRAGMA integrity_check", "ok", "integrity", &out,
	    &problems, cause) != 0)
		goto fail;
	if (collect(a, "SELECT CASE WHEN rowid IS NULL THEN printf('a %s row"
	    " refers to a missing %s row', \"table\", parent) ELSE printf('%s"
	    " row %d refers to a missing %s row', \"table\", rowid, parent)"
	    " END FROM pragma_foreign_key_check", NULL,
	    "foreign keys", &out, &problems, cause) != 0)
		goto fail;
	if (collect(a, "SELECT printf('article %d: nflags is %d, %d flags',"
	    " a.id, a.nflags, (SELECT count(*) FROM flags f"
	    " WHERE f.article_id = a.id)) FROM articles a WHERE a.nflags !="
	    " (SELECT count(*) FROM flags f WHERE f.article_id = a.id)", NULL,
	    "flag counts", &out, &problems, cause) != 0)
		goto fail;
	if (collect(a, "SELECT printf('%d articles, the kept count says %d',"
	    " (SELECT count(*) FROM articles), n) FROM counts"
	    " WHERE name = 'articles' AND n != (SELECT count(*) FROM articles)",
	    NULL, "article count", &out, &problems, cause) != 0)
		goto fail;
	before = problems;
	if (body_check(a, &out, &problems, cause) != 0)
		goto fail;
	/* The index reads the bodies: a damaged one would be blamed on it. */
	if (problems > before)
		goto done;
	/*
	 * With rank 1 newer SQLite also compares the index with the
	 * content table; the plain form does so on older releases.
	 */
	if (a->flags & ARCHIVE_READONLY) {
		/* FTS5's own check is a write statement: count rows instead. */
		if (collect(a, "SELECT printf('%d articles, %d indexed',"
		    " (SELECT count(*) FROM articles),"
		    " (SELECT count(*) FROM articles_fts_docsize))"
		    " WHERE (SELECT count(*) FROM articles) !="
		    " (SELECT count(*) FROM articles_fts_docsize)", NULL,
		    "full-text index", &out, &problems, cause) != 0)
			goto fail;
		buf_adds(&out, "full-text index: only counted (open the "
		    "archive read-write for the full check)\n");
		goto done;
	}
	fts_check(a, "INSERT INTO articles_fts(articles_fts, rank)"
	    " VALUES ('integrity-check', 1)", &out, &problems);
	if (problems == 0)
		fts_check(a, "INSERT INTO articles_fts(articles_fts)"
		    " VALUES ('integrity-check')", &out, &problems);
done:
	if (problems == 0)
		buf_adds(&out, "ok\n");
	*report = buf_detach(&out);
	return problems > 0 ? 1 : 0;
fail:
	buf_release(&out);
	return -1;
}

/* Run one FTS5 command in the caller's transaction or its own. */
static int
fts_command(struct archive *a, const char *sql, const char *what,
    char **cause)
{
	int own = sqlite3_get_autocommit(a->db);

	if (own && archive_begin(a, cause) != 0)
		return -1;
	if (archive_exec(a, sql, cause) != 0) {
		char *msg = *cause;

		*cause = xasprintf("%s: %s", what, msg);
		free(msg);
		if (own)
			archive_rollback(a);
		return -1;
	}
	return own ? archive_commit(a, cause) : 0;
}

int
archive_rebuild_fts(struct archive *a, char **cause)
{
	/* the rebuild reads every stored article, pending ones too */
	archive_fts_forget(a);
	return fts_command(a, "INSERT INTO articles_fts(articles_fts)"
	    " VALUES ('rebuild')", "rebuilding the full-text index", cause);
}

int
archive_optimize(struct archive *a, char **cause)
{
	if (fts_command(a, "INSERT INTO articles_fts(articles_fts)"
	    " VALUES ('optimize')", "optimizing the full-text index",
	    cause) != 0)
		return -1;
	return archive_exec(a, "PRAGMA optimize", cause);
}
