/*
 * Reading whole articles: one by id for the reader pane and `lede show`,
 * all of them in id order for reindex and exports; and the one field the
 * reader changes, the read state.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "archive/archive_int.h"
#include "util/xalloc.h"

#define ARTICLE_COLUMNS \
    "a.id, s.name, s.url, s.corrections, a.url, a.guid, a.title, a.author," \
    " a.published, a.language, a.caption, a.body, a.origin, a.read," \
    " a.revision, a.nflags" \
    " FROM articles a LEFT JOIN sources s ON s.id = a.source_id"

static const char sql_get[] = "SELECT " ARTICLE_COLUMNS " WHERE a.id = ?1";
static const char sql_foreach[] =
    "SELECT " ARTICLE_COLUMNS " WHERE a.id > ?1 ORDER BY a.id LIMIT 256";
static const char sql_set_read[] =
    "UPDATE article_rows SET read = ?2 WHERE id = ?1 AND read != ?2";

static void
fill(struct article *art, sqlite3_stmt *st)
{
	char **fields[] = {
		&art->source, &art->source_url, &art->corrections, &art->url,
		&art->guid, &art->title, &art->author, &art->published,
		&art->language, &art->caption, &art->body, &art->origin,
	};
	size_t i;

	art->id = sqlite3_column_int64(st, 0);
	for (i = 0; i < sizeof fields / sizeof fields[0]; i++)
		*fields[i] = archive_column_strdup(st, (int)i + 1);
	art->read = sqlite3_column_int(st, 13);
	art->revision = sqlite3_column_int(st, 14);
	art->nflags = sqlite3_column_int(st, 15);
}

struct article *
archive_get(struct archive *a, int64_t id, char **cause)
{
	struct article *art = NULL;
	sqlite3_stmt *st;
	int rc;

	if ((st = archive_stmt(a, sql_get, cause)) == NULL)
		return NULL;
	sqlite3_bind_int64(st, 1, id);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		art = article_new();
		fill(art, st);
	} else if (rc == SQLITE_DONE)
		*cause = xasprintf("no article %lld", (long long)id);
	else
		archive_fail(a, cause, "reading an article");
	archive_done(st);
	return art;
}

int
archive_set_read(struct archive *a, int64_t id, int read, char **cause)
{
	struct archive_mark m = { .id = id, .read = read };

	return archive_set_reads(a, &m, 1, 0, cause);
}

/*
 * With nowait the busy handler is off for the whole transaction: BEGIN
 * IMMEDIATE fails at once while another connection writes, and the
 * checkpoint a COMMIT may run is a passive one, which never waits either.
 */
int
archive_set_reads(struct archive *a, const struct archive_mark *marks,
    size_t n, int nowait, char **cause)
{
	sqlite3_stmt *st;
	size_t i;
	int rc = SQLITE_DONE, own = 0, ret = -1;

	if (a->flags & ARCHIVE_READONLY)
		return archive_readonly_fail(a, cause);
	if (n == 0)
		return 0;
	if (nowait)
		sqlite3_busy_timeout(a->db, 0);
	if (sqlite3_get_autocommit(a->db)) {
		if (archive_begin(a, cause) != 0)
			goto out;
		own = 1;
	}
	if ((st = archive_stmt(a, sql_set_read, cause)) == NULL)
		goto fail;
	for (i = 0; i < n && rc == SQLITE_DONE; i++) {
		sqlite3_reset(st);
		sqlite3_bind_int64(st, 1, marks[i].id);
		sqlite3_bind_int(st, 2, marks[i].read != 0);
		rc = sqlite3_step(st);
	}
	archive_done(st);
	if (rc != SQLITE_DONE) {
		archive_fail(a, cause, "marking an article read");
		goto fail;
	}
	if (own && archive_commit(a, cause) != 0)
		goto out;
	ret = 0;
	goto out;
fail:
	if (own)
		archive_rollback(a);
out:
	if (nowait)
		sqlite3_busy_timeout(a->db, ARCHIVE_BUSY_MS);
	return ret;
}

/*
 * Pages of 256 by id, the statement reset between pages, so a long walk
 * (reindex writes while it reads) never holds one read snapshot open.
 */
int
archive_foreach(struct archive *a,
    int (*fn)(const struct article *, void *), void *arg, char **cause)
{
	struct article *batch;
	sqlite3_stmt *st;
	int64_t last = 0;
	size_t n, i;
	int rc, stop = 0;

	batch = xcalloc(256, sizeof *batch);
	while (!stop) {
		if ((st = archive_stmt(a, sql_foreach, cause)) == NULL) {
			free(batch);
			return -1;
		}
		sqlite3_bind_int64(st, 1, last);
		n = 0;
		while ((rc = sqlite3_step(st)) == SQLITE_ROW)
			fill(&batch[n++], st);
		archive_done(st);
		if (rc != SQLITE_DONE) {
			for (i = 0; i < n; i++)
				article_release(&batch[i]);
			free(batch);
			return archive_fail(a, cause, "reading articles");
		}
		if (n == 0)
			break;
		last = batch[n - 1].id;
		for (i = 0; i < n; i++) {
			if (!stop && fn(&batch[i], arg) != 0)
				stop = 1;
			article_release(&batch[i]);
		}
	}
	free(batch);
	return 0;
}
