/*
 * The archive's schema and its migrations. A file is recognised by its
 * application_id ('LEDE') and its schema version is PRAGMA user_version.
 * Opening decides, before anything is written, whether the file is:
 *   - new (no tables, no application id, or zero bytes): created;
 *   - ours, at this version: used;
 *   - ours, older: migrated, all steps in one BEGIN IMMEDIATE
 *     transaction, so a crash leaves the old schema or the new one;
 *   - ours, newer, or not ours (another application id, another
 *     application's tables, not SQLite at all): refused, and the file is
 *     not written to (no journal mode change, no header write).
 *
 * Migrations are a table of steps; adding a version means adding a step.
 * Offsets (start, stop) are UTF-8 byte offsets into the article body.
 * articles.sortkey = minute << 10 | seq (archive_int.h), with minute the
 * published time (archive_date_minute(): days * 1440 + UTC minute of the
 * day; the import time when there is no date) and seq the order of
 * arrival within the minute: unique, it orders by time and is the FTS
 * rowid, so the newest matches stream out of the full-text index without
 * sorting. (Schema 1 and 2 had minute << 30 | id.)
 *
 * Since schema 5 the articles live in the table article_rows, whose body
 * column holds the body in the sqlar form (body.c: zlib-compressed when
 * that is shorter) and body_size its length in bytes; `articles` is a view
 * over it with the body as text, CAST(sqlar_uncompress(body, body_size)
 * AS TEXT). Readers (lede's, FTS5's external content, the sqlite3 shell,
 * which has sqlar_uncompress built in) select from the view; writers
 * write article_rows. Schema 1 declared body TEXT: the declaration stays
 * (SQLite cannot change it without copying the table), and TEXT affinity
 * keeps a BLOB as it is.
 *
 * Since schema 6 the way from an entity to its articles is the contentless
 * FTS5 table entity_index (see schema_v6), not a B-tree index on mentions.
 * Since schema 7 the content hash is indexed only for the articles that
 * are found by it (schema_v7).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "archive/archive_int.h"
#include "util/xalloc.h"

#define ARCHIVE_SCHEMA_VERSION 7

static const char schema_v1[] =
"CREATE TABLE sources ("
"  id INTEGER PRIMARY KEY,"
"  name TEXT NOT NULL UNIQUE COLLATE NOCASE,"
"  url TEXT,"
"  corrections TEXT"
");"
"CREATE TABLE articles ("
"  id INTEGER PRIMARY KEY,"
"  sortkey INTEGER NOT NULL UNIQUE,"
"  source_id INTEGER REFERENCES sources(id),"
"  url TEXT,"
"  guid TEXT,"
"  title TEXT,"
"  author TEXT,"
"  published TEXT,"
"  language TEXT,"
"  caption TEXT,"
"  body TEXT,"
"  hash INTEGER NOT NULL,"
"  origin TEXT,"
"  imported_at TEXT NOT NULL,"
"  updated_at TEXT NOT NULL,"
"  read INTEGER NOT NULL DEFAULT 0,"
"  revision INTEGER NOT NULL DEFAULT 1,"
"  nflags INTEGER NOT NULL DEFAULT 0"
");"
/* The list and its pages come from this index alone, never the bodies. */
"CREATE INDEX articles_list ON articles(sortkey, published, source_id,"
"  read, nflags, title, author, url);"
"CREATE INDEX articles_guid ON articles(source_id, guid)"
"  WHERE guid IS NOT NULL;"
"CREATE INDEX articles_url ON articles(url) WHERE url IS NOT NULL;"
"CREATE INDEX articles_hash ON articles(hash);"
"CREATE INDEX articles_source ON articles(source_id, sortkey);"
"CREATE TABLE article_revisions ("
"  article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,"
"  revision INTEGER NOT NULL,"
"  title TEXT,"
"  author TEXT,"
"  published TEXT,"
"  caption TEXT,"
"  body TEXT,"
"  hash INTEGER NOT NULL,"
"  replaced_at TEXT NOT NULL,"
"  PRIMARY KEY (article_id, revision)"
") WITHOUT ROWID;"
"CREATE VIRTUAL TABLE articles_fts USING fts5(title, author, caption, body,"
"  content='articles', content_rowid='sortkey', tokenize='lede');"
/* The in-memory term buffer flushed per transaction: 64 MiB (from 1). */
"INSERT INTO articles_fts(articles_fts, rank) VALUES('hashsize', 67108864);"
"CREATE TABLE entities ("
"  id INTEGER PRIMARY KEY,"
"  kind TEXT NOT NULL CHECK (kind IN ('person', 'org', 'place')),"
"  name TEXT NOT NULL,"
"  UNIQUE (kind, name)"
");"
"CREATE INDEX entities_name ON entities(name COLLATE NOCASE);"
"CREATE TABLE entity_aliases ("
"  entity_id INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,"
"  alias TEXT NOT NULL,"
"  PRIMARY KEY (entity_id, alias)"
") WITHOUT ROWID;"
"CREATE INDEX entity_aliases_alias ON entity_aliases(alias COLLATE NOCASE);"
"CREATE TABLE mentions ("
"  article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,"
"  entity_id INTEGER NOT NULL REFERENCES entities(id),"
"  start INTEGER NOT NULL,"
"  stop INTEGER NOT NULL,"
"  PRIMARY KEY (article_id, start, entity_id)"
") WITHOUT ROWID;"
"CREATE INDEX mentions_entity ON mentions(entity_id, article_id);"
"CREATE TABLE events ("
"  id INTEGER PRIMARY KEY,"
"  article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,"
"  type TEXT NOT NULL CHECK (type IN ('date', 'time', 'duration', 'set')),"
"  start INTEGER NOT NULL,"
"  stop INTEGER NOT NULL,"
"  text TEXT NOT NULL,"
"  value TEXT,"
"  sent_start INTEGER NOT NULL,"
"  sent_stop INTEGER NOT NULL"
");"
"CREATE INDEX events_article ON events(article_id, start);"
"CREATE TABLE flags ("
"  id INTEGER PRIMARY KEY,"
"  article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE RESTRICT,"
"  revision INTEGER NOT NULL,"
"  start INTEGER NOT NULL,"
"  stop INTEGER NOT NULL,"
"  exact TEXT NOT NULL,"
"  prefix TEXT NOT NULL DEFAULT '',"
"  suffix TEXT NOT NULL DEFAULT '',"
"  note TEXT NOT NULL DEFAULT '',"
"  status TEXT NOT NULL DEFAULT 'open'"
"    CHECK (status IN ('open', 'sent', 'resolved')),"
"  created TEXT NOT NULL,"
"  updated TEXT NOT NULL"
");"
"CREATE INDEX flags_article ON flags(article_id);"
"CREATE INDEX flags_status ON flags(status, id);"
/* articles.nflags follows the flags table, so the list index can show it. */
"CREATE TRIGGER flags_count_insert AFTER INSERT ON flags BEGIN"
"  UPDATE articles SET nflags = nflags + 1 WHERE id = NEW.article_id;"
"END;"
"CREATE TRIGGER flags_count_delete AFTER DELETE ON flags BEGIN"
"  UPDATE articles SET nflags = nflags - 1 WHERE id = OLD.article_id;"
"END;"
"CREATE TRIGGER flags_count_move AFTER UPDATE OF article_id ON flags"
"  WHEN OLD.article_id != NEW.article_id BEGIN"
"  UPDATE articles SET nflags = nflags - 1 WHERE id = OLD.article_id;"
"  UPDATE articles SET nflags = nflags + 1 WHERE id = NEW.article_id;"
"END;";

/* Who hears about a long migration (archive_set_migrate_progress()). */
static void	(*progress_fn)(int, int64_t, int64_t, void *);
static void	*progress_arg;

void
archive_set_migrate_progress(void (*fn)(int, int64_t, int64_t, void *),
    void *arg)
{
	progress_fn = fn;
	progress_arg = arg;
}

/* One integer from a one-row query. */
static int
schema_int(sqlite3 *db, const char *sql, sqlite3_int64 *v)
{
	sqlite3_stmt *st;
	int rc;

	if ((rc = sqlite3_prepare_v2(db, sql, -1, &st, NULL)) != SQLITE_OK)
		return rc;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*v = sqlite3_column_int64(st, 0);
		rc = SQLITE_OK;
	}
	sqlite3_finalize(st);
	return rc;
}

/*
 * Version 2: the number of articles, kept by triggers, so the reader's
 * status line does not count a million rows at start (count(*) reads a
 * whole index: ~30 ms at 1M articles, a third of the first screen).
 */
static const char schema_v2[] =
"CREATE TABLE counts ("
"  name TEXT PRIMARY KEY,"
"  n INTEGER NOT NULL"
") WITHOUT ROWID;"
"INSERT INTO counts(name, n) SELECT 'articles', count(*) FROM articles;"
"CREATE TRIGGER articles_count_insert AFTER INSERT ON articles BEGIN"
"  UPDATE counts SET n = n + 1 WHERE name = 'articles';"
"END;"
"CREATE TRIGGER articles_count_delete AFTER DELETE ON articles BEGIN"
"  UPDATE counts SET n = n - 1 WHERE name = 'articles';"
"END;";

/*
 * Version 3: compact sort keys. Old keys are minute << 30 | id; in their
 * order each article gets max(minute << 10, previous new key + 1), which
 * keeps the order exactly. Keys below 2^43 (dates in the first days of
 * year 0) could meet a new key while the update runs: then every key is
 * first moved out of the way (negated ids). The full-text index is keyed
 * by sort key, so it is rebuilt: on a large archive this step costs about
 * what indexing everything again costs.
 */
static int
v3_keys(sqlite3 *db, char **cause)
{
	sqlite3_stmt *sel = NULL, *upd = NULL;
	sqlite3_int64 low = 0;
	int64_t *v = NULL, prev = -1, lo;
	size_t n = 0, cap = 0, i;
	int rc;

	if (sqlite3_prepare_v2(db, "SELECT id, sortkey FROM articles"
	    " ORDER BY sortkey", -1, &sel, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(db, "UPDATE articles SET sortkey = ?2"
	    " WHERE id = ?1", -1, &upd, NULL) != SQLITE_OK)
		goto fail;
	/* All new keys first, in the old order; then the updates. */
	while ((rc = sqlite3_step(sel)) == SQLITE_ROW) {
		lo = ARCHIVE_KEY_MINUTE(sqlite3_column_int64(sel, 1) >> 30);
		if (n + 2 > cap) {
			cap = cap ? cap * 2 : 4096;
			v = xreallocarray(v, cap, sizeof *v);
		}
		prev = n == 0 || lo > prev ? lo : prev + 1;
		v[n++] = sqlite3_column_int64(sel, 0);
		v[n++] = prev;
	}
	sqlite3_reset(sel);
	if (rc != SQLITE_DONE ||
	    schema_int(db, "SELECT count(*) FROM articles WHERE sortkey <"
	    " (1 << 43)", &low) != SQLITE_OK ||
	    (low > 0 && sqlite3_exec(db, "UPDATE articles SET sortkey = -id",
	    NULL, NULL, NULL) != SQLITE_OK))
		goto fail;
	for (i = 0; i < n; i += 2) {
		sqlite3_bind_int64(upd, 1, v[i]);
		sqlite3_bind_int64(upd, 2, v[i + 1]);
		rc = sqlite3_step(upd);
		sqlite3_reset(upd);
		if (rc != SQLITE_DONE)
			goto fail;
	}
	/* The rebuild is one statement: say when it starts and ends. */
	if (progress_fn != NULL && n > 0)
		progress_fn(3, 0, (int64_t)(n / 2), progress_arg);
	if (sqlite3_exec(db, "INSERT INTO articles_fts(articles_fts)"
	    " VALUES ('rebuild')", NULL, NULL, NULL) != SQLITE_OK)
		goto fail;
	if (progress_fn != NULL && n > 0)
		progress_fn(3, (int64_t)(n / 2), (int64_t)(n / 2), progress_arg);
	rc = 0;
	goto out;
fail:
	*cause = xstrdup(sqlite3_errmsg(db));
	rc = -1;
out:
	sqlite3_finalize(sel);
	sqlite3_finalize(upd);
	free(v);
	return rc;
}

/*
 * Version 4: smaller events. The expression's text is body[start, stop)
 * (extraction copies it from there), so it is cut from the body when read
 * instead of being stored twice; the type is its index in archive_ttypes
 * (0 date, 1 time, 2 duration, 3 set); the rows are kept in
 * (article, start) order, so the separate index on that goes.
 */
static const char schema_v4[] =
"CREATE TABLE events_v4 ("
"  article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,"
"  start INTEGER NOT NULL,"
"  stop INTEGER NOT NULL,"
"  type INTEGER NOT NULL CHECK (type BETWEEN 0 AND 3),"
"  value TEXT,"
"  sent_start INTEGER NOT NULL,"
"  sent_stop INTEGER NOT NULL,"
"  PRIMARY KEY (article_id, start, stop, type)"
") WITHOUT ROWID;"
"INSERT OR IGNORE INTO events_v4 SELECT article_id, start, stop,"
"  CASE type WHEN 'time' THEN 1 WHEN 'duration' THEN 2 WHEN 'set' THEN 3"
"  ELSE 0 END, value, sent_start, sent_stop FROM events;"
"DROP TABLE events;"
"ALTER TABLE events_v4 RENAME TO events;";

/*
 * Version 5: compressed bodies. The table is renamed (which carries the
 * foreign keys of mentions, events, flags and revisions, the triggers and
 * the indexes along), each body is packed in place, and the old name goes
 * to a view that shows the body as text. The full-text index keeps its
 * declaration (content='articles') and reads the same text through the
 * view, so it is not rebuilt. Rows shrink in place: the file keeps its
 * size until a VACUUM.
 */
static const char schema_v5_table[] =
"ALTER TABLE articles RENAME TO article_rows;"
"ALTER TABLE article_rows ADD COLUMN body_size INTEGER;";
static const char schema_v5_view[] =
"CREATE VIEW articles AS SELECT id, sortkey, source_id, url, guid, title,"
"  author, published, language, caption,"
"  CAST(sqlar_uncompress(body, body_size) AS TEXT) AS body, hash, origin,"
"  imported_at, updated_at, read, revision, nflags FROM article_rows;";

/* Pack one stored body; SQLITE_DONE or an error code. */
static int
v5_pack(sqlite3_stmt *upd, sqlite3_int64 id, const void *text, int len)
{
	unsigned char *z;
	size_t zlen;
	int rc;

	z = archive_body_compress(text != NULL ? text : "", (size_t)len, &zlen);
	sqlite3_bind_int64(upd, 1, id);
	sqlite3_bind_blob64(upd, 2, z, zlen, SQLITE_STATIC);
	sqlite3_bind_int64(upd, 3, len);
	rc = sqlite3_step(upd);
	sqlite3_reset(upd);
	free(z);
	return rc;
}

static int
v5_bodies(sqlite3 *db, char **cause)
{
	sqlite3_stmt *sel = NULL, *upd = NULL;
	sqlite3_int64 total = 0, done = 0;
	int rc;

	if (sqlite3_exec(db, schema_v5_table, NULL, NULL, NULL) != SQLITE_OK ||
	    schema_int(db, "SELECT count(*) FROM article_rows", &total) !=
	    SQLITE_OK ||
	    sqlite3_prepare_v2(db, "SELECT id, CAST(body AS BLOB) FROM"
	    " article_rows WHERE body IS NOT NULL ORDER BY id", -1, &sel,
	    NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(db, "UPDATE article_rows SET body = ?2,"
	    " body_size = ?3 WHERE id = ?1", -1, &upd, NULL) != SQLITE_OK)
		goto fail;
	if (progress_fn != NULL && total > 0)
		progress_fn(5, 0, total, progress_arg);
	/*
	 * Updating the row under the cursor is safe: the rowid does not
	 * change, and SQLite's table cursor is re-seeked after a write.
	 */
	while ((rc = sqlite3_step(sel)) == SQLITE_ROW) {
		if (v5_pack(upd, sqlite3_column_int64(sel, 0),
		    sqlite3_column_blob(sel, 1), sqlite3_column_bytes(sel, 1)) !=
		    SQLITE_DONE)
			goto fail;
		if (++done % 4096 == 0 && progress_fn != NULL)
			progress_fn(5, done, total, progress_arg);
	}
	if (rc != SQLITE_DONE ||
	    sqlite3_exec(db, schema_v5_view, NULL, NULL, NULL) != SQLITE_OK)
		goto fail;
	if (progress_fn != NULL && total > 0)
		progress_fn(5, total, total, progress_arg);
	sqlite3_finalize(sel);
	sqlite3_finalize(upd);
	return 0;
fail:
	*cause = xstrdup(sqlite3_errmsg(db));
	sqlite3_finalize(sel);
	sqlite3_finalize(upd);
	return -1;
}

/*
 * Version 6: the entity -> articles direction without a B-tree index.
 * mentions_entity ON mentions(entity_id, article_id) took a write at a
 * random place for every mention stored (2,199 of its 2,727 pages
 * rewritten to add 1,000 articles to 100,000), so adding to a large
 * archive cost almost twice what adding to an empty one did. mentions
 * stays keyed by (article_id, start, entity_id): article ids grow, so its
 * rows are appended. entity_index is a contentless FTS5 table: rowid the
 * article id, one token per distinct entity id the article mentions
 * (the id in decimal, "123"), no positions (detail=none) and no sizes
 * (columnsize=0). FTS5 collects the postings of a transaction in memory
 * and writes them as one sorted segment at commit, merging segments
 * little by little, so its cost per article does not grow with the
 * archive. An article without mentions has no row. The rows are written
 * at commit by entities.c (archive_entity_index_flush()), which deletes
 * an article's old row with its old tokens first (a contentless table
 * needs them, SQLite 3.40 has no contentless_delete); `lede check`
 * compares the index with mentions, and `lede reindex` rebuilds it. The
 * fts5vocab tables over it are views: entity_counts gives each entity's
 * number of articles without reading mentions (`lede entities`).
 * Building it for an existing archive reads mentions in article order.
 *
 * mentions.entity_id loses its foreign key (the table is copied, in its
 * own order): the writer gives a new entity its id at once but inserts
 * its row at commit (entities.c), outside the SAVEPOINT of each put, in
 * which every page a write touches is first copied whole to the
 * statement journal (46,000 new entities at random places in two
 * indexes cost 2.6 times what they cost without savepoints); a foreign
 * key there would refuse the mention, or, deferred, make each entity row
 * scan mentions for its orphans. `lede check` reports mentions of
 * missing entities instead (check.c).
 */
static const char schema_v6[] =
"CREATE TABLE mentions_v6 ("
"  article_id INTEGER NOT NULL REFERENCES article_rows(id)"
"    ON DELETE CASCADE,"
"  entity_id INTEGER NOT NULL,"
"  start INTEGER NOT NULL,"
"  stop INTEGER NOT NULL,"
"  PRIMARY KEY (article_id, start, entity_id)"
") WITHOUT ROWID;"
"INSERT INTO mentions_v6 SELECT article_id, entity_id, start, stop"
"  FROM mentions ORDER BY article_id, start, entity_id;"
"DROP TABLE mentions;"
"ALTER TABLE mentions_v6 RENAME TO mentions;"
"CREATE VIRTUAL TABLE entity_index USING fts5(entities, content='',"
"  detail=none, columnsize=0, tokenize='ascii');"
/* Per entity id: the number of its articles (doc), for `lede entities`. */
"CREATE VIRTUAL TABLE entity_counts USING fts5vocab(entity_index, 'row');"
/* Per entity id and article, in id order: for `lede check`. */
"CREATE VIRTUAL TABLE entity_postings USING fts5vocab(entity_index,"
"  'instance');";

int
archive_entity_index_fill(sqlite3 *db, void (*progress)(int64_t, int64_t),
    char **cause)
{
	sqlite3_stmt *sel = NULL, *ins = NULL;
	sqlite3_int64 total = 0, done = 0;
	int rc;

	/* group_concat's commas separate tokens as well as spaces do. */
	if (schema_int(db, "SELECT count(*) FROM article_rows", &total) !=
	    SQLITE_OK ||
	    sqlite3_prepare_v2(db, "SELECT article_id,"
	    " group_concat(DISTINCT entity_id) FROM mentions"
	    " GROUP BY article_id ORDER BY article_id", -1, &sel, NULL) !=
	    SQLITE_OK ||
	    sqlite3_prepare_v2(db, "INSERT INTO entity_index(rowid, entities)"
	    " VALUES (?1, ?2)", -1, &ins, NULL) != SQLITE_OK)
		goto fail;
	while ((rc = sqlite3_step(sel)) == SQLITE_ROW) {
		sqlite3_bind_int64(ins, 1, sqlite3_column_int64(sel, 0));
		sqlite3_bind_value(ins, 2, sqlite3_column_value(sel, 1));
		rc = sqlite3_step(ins);
		sqlite3_reset(ins);
		if (rc != SQLITE_DONE)
			goto fail;
		/* articles without mentions are skipped: a rough count */
		if (++done % 4096 == 0 && progress != NULL && done < total)
			progress(done, total);
	}
	if (rc != SQLITE_DONE)
		goto fail;
	if (progress != NULL)
		progress(total, total);
	sqlite3_finalize(sel);
	sqlite3_finalize(ins);
	return 0;
fail:
	*cause = xstrdup(sqlite3_errmsg(db));
	sqlite3_finalize(sel);
	sqlite3_finalize(ins);
	return -1;
}

static void
v6_progress(int64_t done, int64_t total)
{
	if (progress_fn != NULL && total > 0)
		progress_fn(6, done, total, progress_arg);
}

static int
v6_entity_index(sqlite3 *db, char **cause)
{
	sqlite3_int64 total = 0;

	/* the copy of mentions is one statement: the line goes first */
	if (schema_int(db, "SELECT count(*) FROM article_rows", &total) ==
	    SQLITE_OK)
		v6_progress(0, total);
	if (sqlite3_exec(db, schema_v6, NULL, NULL, NULL) != SQLITE_OK) {
		*cause = xstrdup(sqlite3_errmsg(db));
		return -1;
	}
	return archive_entity_index_fill(db, v6_progress, cause);
}

/*
 * An article is found again by its content hash only when it has neither
 * guid nor URL (put.c, find_existing()), which feeds almost never are:
 * indexing every article's hash put one more insert at a random place of
 * an index into each put, and 113 of the 1207 pages that 1000 articles
 * added to a 100k archive wrote. The lookup's WHERE names both terms, so
 * SQLite uses the partial index for it.
 */
static const char schema_v7[] =
"DROP INDEX articles_hash;"
"CREATE INDEX articles_hash ON article_rows(hash)"
"  WHERE guid IS NULL AND url IS NULL;";

static const struct archive_migration migrations[] = {
	{ .to = 1, .sql = schema_v1 },
	{ .to = 2, .sql = schema_v2 },
	{ .to = 3, .fn = v3_keys },
	{ .to = 4, .sql = schema_v4 },
	{ .to = 5, .fn = v5_bodies },
	{ .to = 6, .fn = v6_entity_index },
	{ .to = 7, .sql = schema_v7 },
};

int
archive_schema_version(void)
{
	return ARCHIVE_SCHEMA_VERSION;
}

const struct archive_migration *
archive_schema_steps(size_t *n)
{
	*n = sizeof migrations / sizeof migrations[0];
	return migrations;
}

static int
migrate_fail(sqlite3 *db, char **cause, int to, const char *msg)
{
	*cause = xasprintf("migrating the archive to schema %d: %s", to,
	    msg != NULL ? msg : sqlite3_errmsg(db));
	sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
	return -1;
}

int
archive_migrate(sqlite3 *db, const struct archive_migration *steps,
    size_t nsteps, int target, char **cause)
{
	sqlite3_int64 version, appid;
	char *err = NULL, *sql;
	size_t i;
	int rc;

	/*
	 * Another process may be creating the archive and already importing
	 * into it, holding the write lock for whole batches: wait for it
	 * (each try waits the busy timeout) for about a minute.
	 */
	for (i = 0; (rc = sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL,
	    NULL)) != SQLITE_OK; i++) {
		if ((rc & 0xff) != SQLITE_BUSY || i >= 12)
			return migrate_fail(db, cause, target, NULL);
	}
	/* Read again under the lock: another process may have done it. */
	if (schema_int(db, "PRAGMA user_version", &version) != SQLITE_OK ||
	    schema_int(db, "PRAGMA application_id", &appid) != SQLITE_OK)
		return migrate_fail(db, cause, target, NULL);
	if (appid != 0 && appid != ARCHIVE_APPLICATION_ID)
		return migrate_fail(db, cause, target, "not a lede archive");
	for (i = 0; i < nsteps; i++) {
		if (steps[i].to <= version || steps[i].to > target)
			continue;
		if (steps[i].sql != NULL && sqlite3_exec(db, steps[i].sql, NULL,
		    NULL, &err) != SQLITE_OK) {
			rc = migrate_fail(db, cause, steps[i].to, err);
			sqlite3_free(err);
			return rc;
		}
		if (steps[i].fn != NULL && steps[i].fn(db, &err) != 0) {
			*cause = xasprintf("migrating the archive to schema %d: "
			    "%s", steps[i].to, err != NULL ? err : "failed");
			free(err);
			sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
			return -1;
		}
		sql = sqlite3_mprintf("PRAGMA user_version = %d", steps[i].to);
		rc = sqlite3_exec(db, sql, NULL, NULL, NULL);
		sqlite3_free(sql);
		if (rc != SQLITE_OK)
			return migrate_fail(db, cause, steps[i].to, NULL);
	}
	sql = sqlite3_mprintf("PRAGMA application_id = %d",
	    ARCHIVE_APPLICATION_ID);
	rc = sqlite3_exec(db, sql, NULL, NULL, NULL);
	sqlite3_free(sql);
	if (rc != SQLITE_OK || sqlite3_exec(db, "COMMIT", NULL, NULL, NULL) !=
	    SQLITE_OK)
		return migrate_fail(db, cause, target, NULL);
	return 0;
}

/* Look at the file without writing to it. */
static int
inspect(struct archive *a, sqlite3_int64 *appid, sqlite3_int64 *version,
    sqlite3_int64 *ntables, char **cause)
{
	sqlite3_stmt *st;
	int rc;

	/*
	 * One statement, so one snapshot: read one by one, another process
	 * creating the archive at the same moment could be seen half-way
	 * (its tables, but not yet its application_id).
	 */
	rc = sqlite3_prepare_v2(a->db, "SELECT"
	    " (SELECT application_id FROM pragma_application_id),"
	    " (SELECT user_version FROM pragma_user_version),"
	    " (SELECT count(*) FROM sqlite_schema)", -1, &st, NULL);
	if (rc == SQLITE_OK) {
		if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
			*appid = sqlite3_column_int64(st, 0);
			*version = sqlite3_column_int64(st, 1);
			*ntables = sqlite3_column_int64(st, 2);
			rc = SQLITE_OK;
		}
		sqlite3_finalize(st);
	}
	if (rc == SQLITE_OK)
		return 0;
	rc = sqlite3_extended_errcode(a->db);
	if ((rc & 0xff) == SQLITE_NOTADB)
		*cause = xasprintf("%s: not a lede archive (not an SQLite "
		    "database)", a->path);
	else
		*cause = xasprintf("%s: %s", a->path, sqlite3_errmsg(a->db));
	return -1;
}

int
archive_schema_inspect(struct archive *a, struct archive_file *info,
    char **cause)
{
	sqlite3_int64 appid = 0, version = 0, ntables = 0;
	int ro = a->flags & ARCHIVE_READONLY;

	if (inspect(a, &appid, &version, &ntables, cause) != 0)
		return -1;
	if (appid != ARCHIVE_APPLICATION_ID && (appid != 0 || ntables != 0)) {
		if (appid != 0)
			*cause = xasprintf("%s: not a lede archive "
			    "(application_id 0x%08llx)", a->path,
			    (unsigned long long)(appid & 0xffffffff));
		else
			*cause = xasprintf("%s: not a lede archive (an SQLite "
			    "database of another program)", a->path);
		return -1;
	}
	if (version > ARCHIVE_SCHEMA_VERSION) {
		*cause = xasprintf("%s: archive made by a newer lede (schema %lld;"
		    " this lede knows %d)", a->path, (long long)version,
		    ARCHIVE_SCHEMA_VERSION);
		return -1;
	}
	if (ro && appid == 0) {
		*cause = xasprintf("%s: not a lede archive (empty)", a->path);
		return -1;
	}
	if (ro && version < ARCHIVE_SCHEMA_VERSION) {
		*cause = xasprintf("%s: archive needs upgrading to schema %d; "
		    "open it once read-write", a->path, ARCHIVE_SCHEMA_VERSION);
		return -1;
	}
	info->empty = appid == 0 && ntables == 0;
	info->version = (int)version;
	return 0;
}

/*
 * WAL needs shared memory between processes: on a network file system
 * it may be refused, and SQLite quietly keeps the rollback journal.
 * That works, but readers then block the writer: say so.
 */
static int
set_wal(struct archive *a, char **cause)
{
	sqlite3_stmt *st;
	const unsigned char *mode;
	int rc, tries = 0;

	/* Already WAL (another process set it): nothing to change, and
	   changing it would need a lock that process may hold. */
	if (sqlite3_prepare_v2(a->db, "PRAGMA journal_mode", -1, &st,
	    NULL) == SQLITE_OK) {
		rc = sqlite3_step(st) == SQLITE_ROW &&
		    (mode = sqlite3_column_text(st, 0)) != NULL &&
		    strcmp((const char *)mode, "wal") == 0;
		sqlite3_finalize(st);
		if (rc)
			return 0;
	}
again:
	if (sqlite3_prepare_v2(a->db, "PRAGMA journal_mode = WAL", -1, &st,
	    NULL) != SQLITE_OK)
		return archive_fail(a, cause, "setting the journal mode");
	rc = sqlite3_step(st);
	if ((rc & 0xff) == SQLITE_BUSY && tries++ < 12) {
		/* another process is switching it or writing: wait for it */
		sqlite3_finalize(st);
		sqlite3_sleep(500);
		goto again;
	}
	if (rc == SQLITE_ROW) {
		mode = sqlite3_column_text(st, 0);
		if (mode == NULL || strcmp((const char *)mode, "wal") != 0)
			a->warning = "the archive could not use WAL mode (is it"
			    " on a network file system?): readers will make"
			    " imports wait";
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return archive_fail(a, cause, "setting the journal mode");
	return 0;
}

int
archive_schema_setup(struct archive *a, const struct archive_file *info,
    char **cause)
{
	if (a->flags & ARCHIVE_READONLY)
		return 0;
	/* The page size can only be chosen before the first table. */
	if (info->empty && archive_exec(a, "PRAGMA page_size = 16384",
	    cause) != 0)
		return -1;
	if (set_wal(a, cause) != 0)
		return -1;
	if (info->version < ARCHIVE_SCHEMA_VERSION &&
	    archive_migrate(a->db, migrations, sizeof migrations /
	    sizeof migrations[0], ARCHIVE_SCHEMA_VERSION, cause) != 0)
		return -1;
	return 0;
}
