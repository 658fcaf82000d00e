/*
 * `lede check`: SQLite's integrity_check, every body against its stored
 * size (it must decompress to exactly that), the full-text index against
 * the articles it indexes, the foreign keys, and the counters the schema
 * keeps (articles.nflags, the article count), and the entity index
 * (schema 6) against mentions. Findings are sentences a person can act
 * on; an index problem names the cure (`lede reindex` rebuilds both).
 *
 * The entity index is compared with mentions entity by entity: for each,
 * the number of its articles and a sum of a hash of their ids, added up
 * from mentions (read in their order, by article) and taken away again
 * from the index's postings (entity_postings, in entity order), in an
 * array indexed by entity id. Three sequential passes (entities,
 * mentions, postings) and 24 bytes per entity, where checking each posting against mentions would seek at
 * random once per posting; a missing, extra or misplaced posting shows
 * as an entity whose figures do not come back to zero. The same pass
 * finds mentions of entities that do not exist, which a foreign key
 * refused before schema 6.
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

struct entity_tally {
	int32_t		 mentions;	/* articles, from mentions */
	int32_t		 indexed;	/* articles, from the index */
	uint64_t	 sum;		/* mentions' minus the index's */
	int		 exists;	/* a row in entities */
};

static uint64_t
mix(int64_t article)
{
	uint64_t z = (uint64_t)article + 0x9e3779b97f4a7c15ULL;

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

/*
 * Add one article's entities (ids[0..n), repeats allowed) to t; a
 * mention of an entity that does not exist is a finding (mentions have
 * no foreign key to entities since schema 6).
 */
static void
tally_article(struct entity_tally *t, int64_t max, int64_t article,
    int64_t *ids, size_t n, struct buf *out, int *found)
{
	size_t i;

	if (n == 0)
		return;
	qsort(ids, n, sizeof *ids, archive_cmp_id);
	for (i = 0; i < n; i++) {
		if (i > 0 && ids[i] == ids[i - 1])
			continue;
		if (ids[i] < 1 || ids[i] > max || !t[ids[i]].exists) {
			if ((*found)++ < 20)
				buf_printf(out, "mentions: article %lld "
				    "mentions entity %lld, which does not "
				    "exist\n", (long long)article,
				    (long long)ids[i]);
			continue;
		}
		t[ids[i]].mentions++;
		t[ids[i]].sum += mix(article);
	}
}

static int
entity_index_check(struct archive *a, struct buf *out, int *problems,
    char **cause)
{
	struct entity_tally *t = NULL;
	sqlite3_stmt *st = NULL;
	sqlite3_int64 max = 0, count = 0;
	int64_t article = 0, id, *ids = NULL;
	size_t n = 0, cap = 0;
	const char *what = "checking the entity index";
	int rc, found = 0;

	if (sqlite3_prepare_v2(a->db, "SELECT coalesce(max(id), 0), count(*)"
	    " FROM entities", -1, &st, NULL) != SQLITE_OK ||
	    sqlite3_step(st) != SQLITE_ROW)
		goto fail;
	max = sqlite3_column_int64(st, 0);
	count = sqlite3_column_int64(st, 1);
	sqlite3_finalize(st);
	st = NULL;
	/*
	 * The tally is indexed by entity id, which lede numbers from 1 up. Ids
	 * far past the count were written by something else: say so, rather
	 * than allocate for them (an id of 10^12 would need terabytes).
	 */
	if (max < 0 || max > 2 * count + 1000000) {
		buf_printf(out, "entities: ids run to %lld for %lld entities, "
		    "which lede does not number so; the entity index was not "
		    "compared\n", (long long)max, (long long)count);
		(*problems)++;
		return 0;
	}
	t = xcalloc((size_t)max + 1, sizeof *t);
	if (sqlite3_prepare_v2(a->db, "SELECT id FROM entities", -1, &st,
	    NULL) != SQLITE_OK)
		goto fail;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		if ((id = sqlite3_column_int64(st, 0)) >= 1 && id <= max)
			t[id].exists = 1;
	sqlite3_finalize(st);
	st = NULL;
	if (rc != SQLITE_DONE)
		goto fail;
	if (sqlite3_prepare_v2(a->db, "SELECT article_id, entity_id FROM"
	    " mentions", -1, &st, NULL) != SQLITE_OK)
		goto fail;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if ((id = sqlite3_column_int64(st, 0)) != article) {
			tally_article(t, max, article, ids, n, out, &found);
			article = id;
			n = 0;
		}
		if (n == cap) {
			cap = cap ? cap * 2 : 256;
			ids = xreallocarray(ids, cap, sizeof *ids);
		}
		ids[n++] = sqlite3_column_int64(st, 1);
	}
	tally_article(t, max, article, ids, n, out, &found);
	sqlite3_finalize(st);
	st = NULL;
	if (rc != SQLITE_DONE)
		goto fail;
	if (sqlite3_prepare_v2(a->db, "SELECT CAST(term AS INTEGER), doc"
	    " FROM entity_postings", -1, &st, NULL) != SQLITE_OK)
		goto fail;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		id = sqlite3_column_int64(st, 0);
		if (id < 1 || id > max || !t[id].exists) {
			if (found++ < 20)
				buf_printf(out, "entity index: article %lld is "
				    "listed under entity %lld, which does not "
				    "exist (run `lede reindex` to rebuild the "
				    "index)\n", (long long)sqlite3_column_int64(st,
				    1), (long long)id);
			continue;
		}
		t[id].indexed++;
		t[id].sum -= mix(sqlite3_column_int64(st, 1));
	}
	sqlite3_finalize(st);
	st = NULL;
	if (rc != SQLITE_DONE)
		goto fail;
	for (id = 1; id <= max; id++) {
		if (t[id].mentions == t[id].indexed && t[id].sum == 0)
			continue;
		if (found++ < 20)
			buf_printf(out, "entity index: entity %lld: %d articles "
			    "mention it, the index lists %d%s (run `lede "
			    "reindex` to rebuild it)\n", (long long)id,
			    t[id].mentions, t[id].indexed, t[id].mentions ==
			    t[id].indexed ? ", not the same ones" : "");
	}
	if (found > 20)
		buf_printf(out, "entity index: ... %d findings in all\n", found);
	*problems += found;
	free(t);
	free(ids);
	return 0;
fail:
	if ((sqlite3_extended_errcode(a->db) & 0xff) == SQLITE_CORRUPT) {
		buf_printf(out, "entity index: %s (run `lede reindex` to "
		    "rebuild it)\n", sqlite3_errmsg(a->db));
		(*problems)++;
		rc = 0;
	} else
		rc = archive_fail(a, cause, what);
	sqlite3_finalize(st);
	free(t);
	free(ids);
	return rc;
}

int
archive_check(struct archive *a, char **report, char **cause)
{
	struct buf out = BUF_INIT;
	int problems = 0, before, own, rc;

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
	/* Its passes compare several reads: one snapshot (a savepoint
	   outside a transaction begins a deferred one, which only reads),
	   or a batch an import commits between them would look like
	   damage. */
	own = sqlite3_get_autocommit(a->db) && sqlite3_exec(a->db,
	    "SAVEPOINT check_snapshot", NULL, NULL, NULL) == SQLITE_OK;
	rc = entity_index_check(a, &out, &problems, cause);
	if (own)
		sqlite3_exec(a->db, "RELEASE check_snapshot", NULL, NULL,
		    NULL);
	if (rc != 0)
		goto fail;
	if (!(a->flags & ARCHIVE_READONLY) && sqlite3_exec(a->db,
	    "INSERT INTO entity_index(entity_index) VALUES ('integrity-check')",
	    NULL, NULL, NULL) != SQLITE_OK) {
		buf_printf(&out, "entity index: %s (run `lede reindex` to "
		    "rebuild it)\n", sqlite3_errmsg(a->db));
		problems++;
	}
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

/*
 * The entity index from mentions, in the caller's transaction or its
 * own: the rows waiting for commit are in mentions already.
 */
static int
rebuild_entity_index(struct archive *a, char **cause)
{
	int own = sqlite3_get_autocommit(a->db);
	char *err = NULL;

	if (own && archive_begin(a, cause) != 0)
		return -1;
	archive_entity_index_forget_rows(a);
	if (archive_exec(a, "INSERT INTO entity_index(entity_index)"
	    " VALUES ('delete-all')", cause) != 0)
		goto fail;
	if (archive_entity_index_fill(a->db, NULL, &err) != 0) {
		*cause = err;
		goto fail;
	}
	return own ? archive_commit(a, cause) : 0;
fail:
	err = *cause;
	*cause = xasprintf("rebuilding the entity index: %s", err);
	free(err);
	if (own)
		archive_rollback(a);
	return -1;
}

int
archive_rebuild_fts(struct archive *a, char **cause)
{
	/* the rebuild reads every stored article, pending ones too */
	archive_fts_forget(a);
	if (fts_command(a, "INSERT INTO articles_fts(articles_fts)"
	    " VALUES ('rebuild')", "rebuilding the full-text index",
	    cause) != 0)
		return -1;
	return rebuild_entity_index(a, cause);
}

int
archive_optimize(struct archive *a, char **cause)
{
	if (fts_command(a, "INSERT INTO articles_fts(articles_fts)"
	    " VALUES ('optimize')", "optimizing the full-text index",
	    cause) != 0 ||
	    fts_command(a, "INSERT INTO entity_index(entity_index)"
	    " VALUES ('optimize')", "optimizing the entity index",
	    cause) != 0)
		return -1;
	return archive_exec(a, "PRAGMA optimize", cause);
}
