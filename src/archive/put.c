/*
 * Storing articles: identity, revisions, the full-text rows, and the
 * extraction results (entities, mentions, events) that come with them.
 *
 * Identity: (source, guid), else the URL, else the content hash (FNV-1a
 * 64 over title, caption and body) among articles that have neither. An
 * identical re-import writes nothing. A changed article keeps its id: the
 * previous text goes to article_revisions, the FTS row is deleted with
 * the old values (external content needs them) and inserted again, since
 * a new date moves the sort key, which is the FTS rowid. New FTS rows
 * are inserted at commit, from the text each put kept (and the terms an
 * importer computed ahead, terms.c), not read back from the rows.
 *
 * Each put runs inside a savepoint, so a failure leaves nothing half
 * stored in the caller's batch transaction.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "archive/archive_int.h"
#include "archive/date.h"
#include "extract/extract.h"
#include "util/xalloc.h"

/* One field of the content hash, then a separator, so ("ab", "c") and
 * ("a", "bc") differ. */
static uint64_t
hash_field(uint64_t h, const char *s)
{
	h = archive_fnv1a(h, s);
	h ^= 0x1f;
	h *= ARCHIVE_FNV_PRIME;
	return h;
}

int64_t
archive_content_hash(const struct article *art)
{
	uint64_t h = ARCHIVE_FNV_OFFSET;

	h = hash_field(h, art->title);
	h = hash_field(h, art->caption);
	h = hash_field(h, art->body);
	return (int64_t)h;
}

static void
now_iso(char *out, size_t len)
{
	time_t t = time(NULL);
	struct tm tm;

	gmtime_r(&t, &tm);
	strftime(out, len, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

/* The minute an article sorts under: its published time, else `fallback`. */
static int64_t
sort_minute(const char *published, int64_t fallback)
{
	int64_t m = archive_date_minute(published);

	return m >= 0 ? m : fallback;
}

static const char sql_source_find[] =
    "SELECT id, url, corrections FROM sources WHERE name = ?1";
static const char sql_source_add[] =
    "INSERT INTO sources(name, url, corrections) VALUES (?1, ?2, ?3)";
static const char sql_source_fill[] =
    "UPDATE sources SET url = coalesce(url, ?2),"
    " corrections = coalesce(corrections, ?3) WHERE id = ?1";

/*
 * The id of the source called name, created on demand; url and
 * corrections fill in what the source row does not know yet. 0 for no
 * source, -1 on error.
 */
int64_t
archive_source_id(struct archive *a, const char *name, const char *url,
    const char *corrections, char **cause)
{
	sqlite3_stmt *st;
	int64_t id = 0;
	int rc, fill = 0;

	if (name == NULL || *name == '\0')
		return 0;
	if ((st = archive_stmt(a, sql_source_find, cause)) == NULL)
		return -1;
	archive_bind_text(st, 1, name);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		id = sqlite3_column_int64(st, 0);
		fill = (url != NULL && sqlite3_column_type(st, 1) ==
		    SQLITE_NULL) || (corrections != NULL &&
		    sqlite3_column_type(st, 2) == SQLITE_NULL);
	}
	archive_done(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return archive_fail(a, cause, "looking up a source");
	if (id != 0 && !fill)
		return id;
	st = archive_stmt(a, id != 0 ? sql_source_fill : sql_source_add, cause);
	if (st == NULL)
		return -1;
	if (id != 0)
		sqlite3_bind_int64(st, 1, id);
	else
		archive_bind_text(st, 1, name);
	archive_bind_text(st, 2, url);
	archive_bind_text(st, 3, corrections);
	rc = sqlite3_step(st);
	archive_done(st);
	if (rc != SQLITE_DONE)
		return archive_fail(a, cause, "storing a source");
	return id != 0 ? id : sqlite3_last_insert_rowid(a->db);
}

static const char sql_find_guid[] =
    "SELECT id FROM articles WHERE source_id IS ?1 AND guid = ?2";
static const char sql_find_url[] =
    "SELECT id FROM articles WHERE url = ?1 ORDER BY id LIMIT 1";
static const char sql_find_hash[] =
    "SELECT id FROM articles WHERE hash = ?1 AND source_id IS ?2"
    " AND guid IS NULL AND url IS NULL ORDER BY id LIMIT 1";

/* Step a bound one-row id lookup; 0 when none, -1 on error. */
static int64_t
step_id(struct archive *a, sqlite3_stmt *st, char **cause)
{
	int64_t id = 0;
	int rc;

	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		id = sqlite3_column_int64(st, 0);
	archive_done(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return archive_fail(a, cause, "looking up an article");
	return id;
}

static void
bind_source(sqlite3_stmt *st, int i, int64_t source)
{
	if (source != 0)
		sqlite3_bind_int64(st, i, source);
}

static int64_t
find_existing(struct archive *a, const struct article *art, int64_t source,
    int64_t hash, char **cause)
{
	sqlite3_stmt *st;
	int64_t id;
	int has_guid = art->guid != NULL && *art->guid != '\0';
	int has_url = art->url != NULL && *art->url != '\0';

	if (has_guid) {
		if ((st = archive_stmt(a, sql_find_guid, cause)) == NULL)
			return -1;
		bind_source(st, 1, source);
		archive_bind_text(st, 2, art->guid);
		if ((id = step_id(a, st, cause)) != 0)
			return id;
	}
	if (has_url) {
		if ((st = archive_stmt(a, sql_find_url, cause)) == NULL)
			return -1;
		archive_bind_text(st, 1, art->url);
		if ((id = step_id(a, st, cause)) != 0)
			return id;
	}
	if (has_guid || has_url)
		return 0;
	if ((st = archive_stmt(a, sql_find_hash, cause)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, hash);
	bind_source(st, 2, source);
	return step_id(a, st, cause);
}

/* "" counts as absent. */
static const char *
nz(const char *s)
{
	return s != NULL && *s != '\0' ? s : NULL;
}

static int
same(const char *x, const unsigned char *y)
{
	if (x == NULL || y == NULL)
		return x == NULL && y == NULL;
	return strcmp(x, (const char *)y) == 0;
}

static const char sql_old[] =
    "SELECT hash, author, published, language, url, guid, imported_at,"
    " sortkey FROM articles WHERE id = ?1";

/*
 * Whether the stored article id differs from art (text, author, date,
 * language, or a URL/guid it did not have). *imported receives its
 * import minute, *key its sort key, *text_changed whether title, caption
 * or body differ.
 */
static int
changed(struct archive *a, int64_t id, const struct article *art,
    int64_t hash, int64_t *imported, int64_t *key, int *text_changed,
    char **cause)
{
	sqlite3_stmt *st;
	int rc, diff = 0;

	if ((st = archive_stmt(a, sql_old, cause)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	if ((rc = sqlite3_step(st)) != SQLITE_ROW) {
		archive_done(st);
		return archive_fail(a, cause, "reading an article");
	}
	*text_changed = sqlite3_column_int64(st, 0) != hash;
	diff = *text_changed ||
	    !same(art->author, sqlite3_column_text(st, 1)) ||
	    !same(art->published, sqlite3_column_text(st, 2)) ||
	    !same(art->language, sqlite3_column_text(st, 3)) ||
	    (nz(art->url) != NULL && !same(art->url,
	    sqlite3_column_text(st, 4))) || (nz(art->guid) != NULL &&
	    !same(art->guid, sqlite3_column_text(st, 5)));
	*imported = sort_minute((const char *)sqlite3_column_text(st, 6),
	    archive_date_now_minute());
	*key = sqlite3_column_int64(st, 7);
	archive_done(st);
	return diff;
}

static const char sql_next_id[] = "SELECT coalesce(max(id), 0) + 1 FROM articles";
static const char sql_key_max[] =
    "SELECT max(sortkey) FROM articles WHERE sortkey >= ?1 AND sortkey < ?2";
static const char sql_insert[] =
    "INSERT INTO article_rows(id, sortkey, source_id, url, guid, title,"
    " author, published, language, caption, body, body_size, hash, origin,"
    " imported_at, updated_at, read)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?16, ?12, ?13,"
    " ?14, ?14, ?15)";
/*
 * Read the row, then insert with VALUES: an INSERT ... SELECT into the
 * virtual table runs under a statement savepoint, and FTS5 flushes its
 * term buffer on every savepoint release (a segment per article again).
 */
static const char sql_fts_row[] =
    "SELECT title, author, caption, body FROM articles WHERE sortkey = ?1";
static const char sql_fts_check[] =
    "SELECT hash, author FROM article_rows WHERE sortkey = ?1";
static const char sql_fts_insert[] =
    "INSERT INTO articles_fts(rowid, title, author, caption, body)"
    " VALUES (?1, ?2, ?3, ?4, ?5)";
static const char sql_fts_delete[] =
    "INSERT INTO articles_fts(articles_fts, rowid, title, author, caption,"
    " body) SELECT 'delete', sortkey, title, author, caption, body"
    " FROM articles WHERE id = ?1";
static const char sql_keep_revision[] =
    "INSERT OR REPLACE INTO article_revisions(article_id, revision, title,"
    " author, published, caption, body, hash, replaced_at)"
    " SELECT id, revision, title, author, published, caption, body, hash, ?2"
    " FROM articles WHERE id = ?1";
static const char sql_update[] =
    "UPDATE article_rows SET sortkey = ?2, url = coalesce(?3, url),"
    " guid = coalesce(?4, guid), title = ?5, author = ?6, published = ?7,"
    " language = ?8, caption = ?9, body = ?10, body_size = ?14, hash = ?11,"
    " origin = coalesce(?12, origin), updated_at = ?13,"
    " revision = revision + 1 WHERE id = ?1";

/*
 * The article stored under key is indexed at commit (archive_fts_flush()),
 * from the text kept here: art's as it was stored, with its terms when
 * they were computed ahead for this very text. A key whose row is gone
 * or was re-keyed by then indexes nothing; a key stored twice, the text
 * stored last.
 */
static int
fts_insert(struct archive *a, int64_t key, const struct article *art,
    int64_t hash)
{
	const char *cols[4] = { art->title, art->author, art->caption,
	    art->body };
	struct archive_fts_doc *d;
	size_t total = 0;
	char *p;
	int i;

	if (a->nfts_pending == a->capfts_pending) {
		a->capfts_pending = a->capfts_pending ? a->capfts_pending * 2 : 1024;
		a->fts_pending = xreallocarray(a->fts_pending, a->capfts_pending,
		    sizeof *a->fts_pending);
	}
	d = &a->fts_pending[a->nfts_pending];
	memset(d, 0, sizeof *d);
	d->key = key;
	d->hash = hash;
	d->seq = a->nfts_pending++;
	for (i = 0; i < 4; i++)
		if (cols[i] != NULL)
			total += (d->len[i] = strlen(cols[i])) + 1;
	p = d->text = xmalloc(total > 0 ? total : 1);
	for (i = 0; i < 4; i++) {
		if (cols[i] == NULL)
			continue;
		memcpy(p, cols[i], d->len[i] + 1);
		d->col[i] = p;
		p += d->len[i] + 1;
	}
	if (archive_terms_match(art->fts_terms, art->fts_terms_len, hash,
	    art->author)) {
		d->terms = xmalloc(art->fts_terms_len);
		memcpy(d->terms, art->fts_terms, art->fts_terms_len);
		d->terms_len = art->fts_terms_len;
	}
	return 0;
}

/* Drop the pending entries from n on. */
static void
fts_truncate(struct archive *a, size_t n)
{
	while (a->nfts_pending > n) {
		a->nfts_pending--;
		free(a->fts_pending[a->nfts_pending].text);
		free(a->fts_pending[a->nfts_pending].terms);
	}
}

/* Whether the article stored under key waits for its index entry. */
static int
fts_is_pending(const struct archive *a, int64_t key)
{
	size_t i;

	for (i = 0; i < a->nfts_pending; i++)
		if (a->fts_pending[i].key == key)
			return 1;
	return 0;
}

/*
 * A free sort key for an article of this minute, after every key the
 * minute has given (so articles of one minute keep their order of
 * arrival); a full minute lends from the next. -1 and *cause on error.
 */
static int64_t
alloc_key(struct archive *a, int64_t minute, char **cause)
{
	sqlite3_stmt *st;
	int64_t lo = ARCHIVE_KEY_MINUTE(minute), hi, key = -1;
	int rc;

	for (;;) {
		hi = lo + ((int64_t)1 << ARCHIVE_SEQ_BITS);
		if ((st = archive_stmt(a, sql_key_max, cause)) == NULL)
			return -1;
		sqlite3_bind_int64(st, 1, lo);
		sqlite3_bind_int64(st, 2, hi);
		if ((rc = sqlite3_step(st)) == SQLITE_ROW)
			key = sqlite3_column_type(st, 0) == SQLITE_NULL ? lo :
			    sqlite3_column_int64(st, 0) + 1;
		archive_done(st);
		if (rc != SQLITE_ROW)
			return archive_fail(a, cause, "choosing a sort key");
		if (key < hi)
			return key;
		lo = hi;
	}
}

/* By key, then in order of storing. */
static int
cmp_pending(const void *x, const void *y)
{
	const struct archive_fts_doc *p = x, *q = y;

	if (p->key != q->key)
		return p->key < q->key ? -1 : 1;
	return p->seq < q->seq ? -1 : p->seq > q->seq;
}

void
archive_fts_forget(struct archive *a)
{
	fts_truncate(a, 0);
}

/*
 * Index the row stored under key as the articles view returns it: for a
 * row whose text is not the one kept (nothing in lede writes it so, but
 * the index must follow the row).
 */
static int
fts_index_row(struct archive *a, int64_t key, char **cause)
{
	sqlite3_stmt *row, *st;
	int c, rc;

	if ((row = archive_stmt(a, sql_fts_row, cause)) == NULL)
		return -1;
	sqlite3_bind_int64(row, 1, key);
	if ((rc = sqlite3_step(row)) != SQLITE_ROW) {
		archive_done(row);
		if (rc == SQLITE_DONE)
			return 0;	/* gone or re-keyed since */
		return archive_fail(a, cause, "indexing an article");
	}
	if ((st = archive_stmt(a, sql_fts_insert, cause)) == NULL) {
		archive_done(row);
		return -1;
	}
	sqlite3_bind_int64(st, 1, key);
	for (c = 0; c < 4; c++)
		sqlite3_bind_value(st, c + 2, sqlite3_column_value(row, c));
	rc = sqlite3_step(st);
	archive_done(st);
	archive_done(row);
	if (rc != SQLITE_DONE)
		return archive_fail(a, cause, "indexing an article");
	return 0;
}

/*
 * Whether the row under d's key holds d's text: 1, 0 when no row has
 * that key any more, 2 when the row holds other text; -1 on error.
 */
static int
fts_row_holds(struct archive *a, const struct archive_fts_doc *d,
    char **cause)
{
	sqlite3_stmt *st;
	const unsigned char *author;
	int rc, holds = 0;

	if ((st = archive_stmt(a, sql_fts_check, cause)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, d->key);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		author = sqlite3_column_text(st, 1);
		holds = sqlite3_column_int64(st, 0) == d->hash && (d->col[1] ==
		    NULL ? author == NULL : author != NULL &&
		    strcmp(d->col[1], (const char *)author) == 0) ? 1 : 2;
	}
	archive_done(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return archive_fail(a, cause, "indexing an article");
	return holds;
}

/* Index d's kept text under its key, replaying its terms if it has them. */
static int
fts_index_doc(struct archive *a, const struct archive_fts_doc *d,
    char **cause)
{
	sqlite3_stmt *st;
	int c, rc;

	if ((st = archive_stmt(a, sql_fts_insert, cause)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, d->key);
	for (c = 0; c < 4; c++)
		if (d->col[c] != NULL)
			sqlite3_bind_text64(st, c + 2, d->col[c], d->len[c],
			    SQLITE_STATIC, SQLITE_UTF8);
	a->ftsctx->replay = d->terms != NULL ? d : NULL;
	rc = sqlite3_step(st);
	a->ftsctx->replay = NULL;
	archive_done(st);
	if (rc != SQLITE_DONE)
		return archive_fail(a, cause, "indexing an article");
	return 0;
}

int
archive_fts_flush(struct archive *a, char **cause)
{
	struct archive_fts_doc *d;
	size_t i;
	int holds;

	qsort(a->fts_pending, a->nfts_pending, sizeof *a->fts_pending,
	    cmp_pending);
	for (i = 0; i < a->nfts_pending; i++) {
		d = &a->fts_pending[i];
		/* the row holds what was stored under the key last */
		if (i + 1 < a->nfts_pending && d[1].key == d->key)
			continue;
		if ((holds = fts_row_holds(a, d, cause)) < 0)
			return -1;
		if ((holds == 1 && fts_index_doc(a, d, cause) != 0) ||
		    (holds == 2 && fts_index_row(a, d->key, cause) != 0))
			return -1;
	}
	fts_truncate(a, 0);
	return 0;
}

/* Run a statement bound with id as ?1 (and text as ?2 when not NULL). */
static int
run_id(struct archive *a, const char *sql, int64_t id, const char *text,
    const char *what, char **cause)
{
	sqlite3_stmt *st;
	int rc;

	if ((st = archive_stmt(a, sql, cause)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	if (text != NULL)
		archive_bind_text(st, 2, text);
	rc = sqlite3_step(st);
	archive_done(st);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW)
		return archive_fail(a, cause, what);
	return 0;
}

/*
 * Bind the body's stored form (schema.c, body.c) as ?i and its size as
 * ?isize: the importer's, when it packed this very body, else packed
 * here. No body: NULL, NULL. The statement is stepped before art is
 * released, and put_one() frees what it packed.
 */
static void
bind_body(sqlite3_stmt *st, int i, int isize, const struct article *art)
{
	if (art->body == NULL) {
		sqlite3_bind_null(st, i);
		sqlite3_bind_null(st, isize);
		return;
	}
	/* a zero-length blob from a NULL pointer would bind NULL */
	sqlite3_bind_blob64(st, i, art->stored_len > 0 ? (const void *)
	    art->stored_body : "", art->stored_len, SQLITE_STATIC);
	sqlite3_bind_int64(st, isize, (sqlite3_int64)art->stored_size);
}

static int
insert_new(struct archive *a, const struct article *art, int64_t source,
    int64_t hash, const char *now, int64_t *id, char **cause)
{
	sqlite3_stmt *st;
	int64_t key;
	int rc;

	if ((st = archive_stmt(a, sql_next_id, cause)) == NULL)
		return -1;
	if ((*id = step_id(a, st, cause)) <= 0)
		return -1;
	if (*id > ARCHIVE_MAX_ID) {
		*cause = xstrdup("the archive is full (2^30 articles)");
		return -1;
	}
	if ((key = alloc_key(a, sort_minute(art->published,
	    archive_date_now_minute()), cause)) < 0)
		return -1;
	if ((st = archive_stmt(a, sql_insert, cause)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, *id);
	sqlite3_bind_int64(st, 2, key);
	bind_source(st, 3, source);
	archive_bind_text(st, 4, nz(art->url));
	archive_bind_text(st, 5, nz(art->guid));
	archive_bind_text(st, 6, art->title);
	archive_bind_text(st, 7, art->author);
	archive_bind_text(st, 8, art->published);
	archive_bind_text(st, 9, art->language);
	archive_bind_text(st, 10, art->caption);
	bind_body(st, 11, 16, art);
	sqlite3_bind_int64(st, 12, hash);
	archive_bind_text(st, 13, art->origin);
	archive_bind_text(st, 14, now);
	sqlite3_bind_int(st, 15, art->read != 0);
	rc = sqlite3_step(st);
	archive_done(st);
	if (rc != SQLITE_DONE)
		return archive_fail(a, cause, "storing an article");
	return fts_insert(a, key, art, hash);
}

static int
update_old(struct archive *a, int64_t id, int64_t old_key,
    const struct article *art, int64_t hash, int64_t imported,
    const char *now, char **cause)
{
	sqlite3_stmt *st;
	int64_t key, minute;
	int rc;

	/* Stored earlier in this transaction: not in the index yet. */
	if (run_id(a, sql_keep_revision, id, now, "keeping a revision",
	    cause) != 0 || (!fts_is_pending(a, old_key) && run_id(a,
	    sql_fts_delete, id, NULL, "unindexing an article", cause) != 0))
		return -1;
	/* Same minute: same place in the list. */
	minute = sort_minute(art->published, imported);
	if (old_key >> ARCHIVE_SEQ_BITS == minute)
		key = old_key;
	else if ((key = alloc_key(a, minute, cause)) < 0)
		return -1;
	if ((st = archive_stmt(a, sql_update, cause)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int64(st, 2, key);
	archive_bind_text(st, 3, nz(art->url));
	archive_bind_text(st, 4, nz(art->guid));
	archive_bind_text(st, 5, art->title);
	archive_bind_text(st, 6, art->author);
	archive_bind_text(st, 7, art->published);
	archive_bind_text(st, 8, art->language);
	archive_bind_text(st, 9, art->caption);
	bind_body(st, 10, 14, art);
	sqlite3_bind_int64(st, 11, hash);
	archive_bind_text(st, 12, art->origin);
	archive_bind_text(st, 13, now);
	rc = sqlite3_step(st);
	archive_done(st);
	if (rc != SQLITE_DONE)
		return archive_fail(a, cause, "updating an article");
	return fts_insert(a, key, art, hash);
}

/*
 * SQLite refuses values past its length limit (1e9 bytes by default) at
 * bind time, and a refused bind would store NULL: refuse first.
 */
static int
too_large(const struct article *art, char **cause)
{
	const char *fields[] = { art->title, art->author, art->caption,
	    art->body, art->url, art->guid, art->origin, art->published };
	size_t i, n = 0;

	for (i = 0; i < sizeof fields / sizeof fields[0]; i++)
		if (fields[i] != NULL)
			n += strlen(fields[i]);
	if (n <= ARCHIVE_MAX_ARTICLE)
		return 0;
	*cause = xasprintf("article too large to store (%zu bytes; at most %d)",
	    n, ARCHIVE_MAX_ARTICLE);
	return 1;
}

static int
put_stored(struct archive *a, const struct article *art,
    const struct extract_result *ex, int64_t *idp, char **cause)
{
	char now[32];
	int64_t source, hash, id, imported = 0, old_key = 0;
	int status, diff, text_changed = 0;

	if (too_large(art, cause))
		return -1;
	now_iso(now, sizeof now);
	source = archive_source_id(a, art->source, art->source_url,
	    art->corrections, cause);
	if (source < 0)
		return -1;
	hash = archive_content_hash(art);
	if ((id = find_existing(a, art, source, hash, cause)) < 0)
		return -1;
	if (id == 0) {
		if (insert_new(a, art, source, hash, now, &id, cause) != 0)
			return -1;
		status = ARCHIVE_INSERTED;
	} else {
		if ((diff = changed(a, id, art, hash, &imported, &old_key,
		    &text_changed, cause)) < 0)
			return -1;
		if (!diff) {
			if (idp != NULL)
				*idp = id;
			return ARCHIVE_UNCHANGED;
		}
		if (update_old(a, id, old_key, art, hash, imported, now,
		    cause) != 0)
			return -1;
		status = ARCHIVE_UPDATED;
	}
	/*
	 * New extraction results replace the old; an article whose text
	 * changed without them loses its old ones, whose offsets no longer
	 * fit.
	 */
	if ((ex != NULL || text_changed) &&
	    archive_put_extract_in(a, id, ex,
	    status == ARCHIVE_INSERTED, cause) != 0)
		return -1;
	if (idp != NULL)
		*idp = id;
	return status;
}

/*
 * A body packed by the importer is taken as it is when it still has the
 * body's size (a cheap guard against a body changed after packing); else
 * it is packed here, on the writer's time.
 */
static int
put_one(struct archive *a, const struct article *art,
    const struct extract_result *ex, int64_t *idp, char **cause)
{
	struct article work;
	int status;

	if (art->body == NULL || (art->stored_body != NULL &&
	    art->stored_size == strlen(art->body)))
		return put_stored(a, art, ex, idp, cause);
	work = *art;
	work.stored_body = NULL;
	archive_body_pack(&work);
	status = put_stored(a, &work, ex, idp, cause);
	free(work.stored_body);
	return status;
}

/*
 * The savepoint of one put, prepared once (archive_run()): parsing
 * "SAVEPOINT put" and "RELEASE put" again for every article was a
 * measurable part of an import's writer.
 */
static const char sql_savepoint[] = "SAVEPOINT put";
static const char sql_release[] = "RELEASE put";

int
archive_put(struct archive *a, const struct article *art,
    const struct extract_result *ex, int64_t *id, char **cause)
{
	int own = 0, status;
	size_t pending = a->nfts_pending;

	if (a->flags & ARCHIVE_READONLY)
		return archive_readonly_fail(a, cause);
	/* Outside a batch, the put is its own transaction. */
	if (sqlite3_get_autocommit(a->db)) {
		if (archive_begin(a, cause) != 0)
			return -1;
		own = 1;
	}
	if (archive_run(a, sql_savepoint, "starting a savepoint", cause) != 0) {
		if (own)
			archive_rollback(a);
		return -1;
	}
	status = put_one(a, art, ex, id, cause);
	if (status < 0) {
		sqlite3_exec(a->db, "ROLLBACK TO put; RELEASE put", NULL, NULL,
		    NULL);
		archive_entities_forget(a);	/* ids it stored are gone */
		fts_truncate(a, pending);	/* what this put added */
		if (own)
			archive_rollback(a);
		return -1;
	}
	if (archive_run(a, sql_release, "releasing a savepoint", cause) != 0 ||
	    (own && archive_commit(a, cause) != 0)) {
		if (own)
			archive_rollback(a);
		return -1;
	}
	return status;
}
