/*
 * Entities, mentions and events: storing what extraction found in an
 * article (replacing what was there) and reading it back for the side
 * panel and the entities/timeline commands.
 *
 * Entities are shared across the archive, one row per (kind, canonical
 * name); aliases accumulate. Mentions and events belong to one article
 * and are replaced whole when the article is re-extracted. An entity
 * whose last mention goes away keeps its row (cheap, and its aliases stay
 * known); listings count only mentioned ones.
 *
 * The writer's cost. An import stores ~30 mentions, ~12 events and a few
 * entities per article, on the one thread that owns the connection, so
 * each row's work is kept small: an article inserted by the same put has
 * nothing to clear (no DELETEs); entity ids, and the aliases already
 * stored for them, are remembered by this connection (a hash table,
 * emptied on rollback and when another connection has committed); and
 * the articles an entity is in are found through entity_index (schema.c,
 * version 6), whose rows wait in memory (struct archive_entity_row) and
 * are written in article order at commit: written as each article is
 * stored, every put's SAVEPOINT would make FTS5 flush a segment. A new
 * entity gets its id at once (the largest + 1, as SQLite would give it)
 * but its row, and new aliases, wait for the commit too (struct
 * archive_new_entity): inside a put's SAVEPOINT each page a write
 * touches is first copied whole to the statement journal, and new names
 * land at random places in the name indexes (mentions has no foreign key
 * to entities since schema 6, so its rows can go first). A put that
 * fails in here drops the entities it made (and their ids); a savepoint
 * rolled back keeps the others waiting, and the cache of them.
 * Replacing an article's row needs its old tokens (a contentless table):
 * they are read from its mentions before these are cleared, once per
 * transaction.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "archive/archive_int.h"
#include "extract/extract.h"
#include "util/xalloc.h"

const char *const archive_kinds[] = { "person", "org", "place" };
const char *const archive_ttypes[] = { "date", "time", "duration", "set" };

static const char sql_clear_mentions[] =
    "DELETE FROM mentions WHERE article_id = ?1";
static const char sql_clear_events[] =
    "DELETE FROM events WHERE article_id = ?1";
static const char sql_entity_find[] =
    "SELECT id FROM entities WHERE kind = ?1 AND name = ?2";
static const char sql_entity_add[] =
    "INSERT INTO entities(id, kind, name) VALUES (?1, ?2, ?3)";
static const char sql_entity_next[] =
    "SELECT coalesce(max(id), 0) + 1 FROM entities";
static const char sql_alias_add[] =
    "INSERT OR IGNORE INTO entity_aliases(entity_id, alias) VALUES (?1, ?2)";
static const char sql_mention_add[] =
    "INSERT OR IGNORE INTO mentions(article_id, entity_id, start, stop)"
    " VALUES (?1, ?2, ?3, ?4)";
/* The text is not stored: it is body[start, stop) (schema.c, version 4). */
static const char sql_event_add[] =
    "INSERT OR IGNORE INTO events(article_id, type, start, stop, value,"
    " sent_start, sent_stop) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)";
static const char sql_article_exists[] = "SELECT 1 FROM articles WHERE id = ?1";
/* An article's entity_index tokens, as the rows of mentions say, in the
 * form tokens() writes them. */
static const char sql_tokens[] =
    "SELECT group_concat(entity_id, ' ') FROM (SELECT DISTINCT entity_id"
    " FROM mentions WHERE article_id = ?1 ORDER BY entity_id)";
static const char sql_index_delete[] =
    "INSERT INTO entity_index(entity_index, rowid, entities)"
    " VALUES ('delete', ?1, ?2)";
static const char sql_index_insert[] =
    "INSERT INTO entity_index(rowid, entities) VALUES (?1, ?2)";

static int
step_done(struct archive *a, sqlite3_stmt *st, const char *what, char **cause)
{
	int rc = sqlite3_step(st);

	archive_done(st);
	if (rc != SQLITE_DONE)
		return archive_fail(a, cause, what);
	return 0;
}

/* The kind of an extracted entity as stored: an unknown one is a person. */
static int
entity_kind(const struct extract_entity *e)
{
	return (unsigned)e->kind < 3 ? (int)e->kind : 0;
}

static uint64_t
entity_hash(int kind, const char *name)
{
	uint64_t h = archive_fnv1a(ARCHIVE_FNV_OFFSET ^ (unsigned)kind, name);

	return h != 0 ? h : 1;
}

static struct archive_entity_slot *entity_remember(struct archive *, int,
		    const char *, int64_t);

void
archive_entities_forget(struct archive *a)
{
	size_t i, j;

	for (i = 0; i < a->capents; i++) {
		free(a->ents[i].name);
		for (j = 0; j < a->ents[i].naliases; j++)
			free(a->ents[i].aliases[j]);
		free(a->ents[i].aliases);
	}
	free(a->ents);
	a->ents = NULL;
	a->nents = a->capents = 0;
	/* a savepoint rolled back: mentions may no longer be what the
	   waiting rows say */
	if (a->nentrows > 0)
		a->ents_dirty = 1;
	/* the entities waiting for the commit stay, and stay known */
	for (i = 0; i < a->nnewents; i++)
		if (a->newents[i].kind >= 0)
			entity_remember(a, a->newents[i].kind,
			    a->newents[i].name, a->newents[i].id);
}

static const char sql_data_version[] = "PRAGMA data_version";

int
archive_entities_check(struct archive *a, char **cause)
{
	sqlite3_stmt *st;
	int64_t v;
	int rc;

	if ((st = archive_stmt(a, sql_data_version, cause)) == NULL)
		return -1;
	rc = sqlite3_step(st);
	v = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : -1;
	archive_done(st);
	if (rc != SQLITE_ROW)
		return archive_fail(a, cause, "reading the data version");
	if (v != a->data_version) {
		archive_entities_forget(a);
		a->data_version = v;
	}
	return 0;
}

/* The slot of (kind, name): its own, or the empty one it would take. */
static struct archive_entity_slot *
entity_slot(struct archive *a, int kind, const char *name, uint64_t h)
{
	struct archive_entity_slot *e;
	size_t i;

	for (i = h & (a->capents - 1);; i = (i + 1) & (a->capents - 1)) {
		e = &a->ents[i];
		if (e->hash == 0 || (e->hash == h && e->kind == kind &&
		    strcmp(e->name, name) == 0))
			return e;
	}
}

static struct archive_entity_slot *
entity_remember(struct archive *a, int kind, const char *name, int64_t id)
{
	struct archive_entity_slot *old = a->ents, *e;
	size_t oldcap = a->capents, i;
	uint64_t h = entity_hash(kind, name);

	if (2 * (a->nents + 1) > a->capents) {
		a->capents = oldcap ? 2 * oldcap : 4096;
		a->ents = xcalloc(a->capents, sizeof *a->ents);
		for (i = 0; i < oldcap; i++)
			if (old[i].hash != 0)
				*entity_slot(a, old[i].kind, old[i].name,
				    old[i].hash) = old[i];
		free(old);
	}
	e = entity_slot(a, kind, name, h);
	if (e->hash != 0)
		return e;
	e->hash = h;
	e->kind = kind;
	e->name = xstrdup(name);
	e->id = id;
	a->nents++;
	return e;
}

/* A row for the commit: entity id (kind, name), or alias name of id. */
static void
entity_wait(struct archive *a, int64_t id, int kind, const char *name)
{
	struct archive_new_entity *n;

	if (a->nnewents == a->capnewents) {
		a->capnewents = a->capnewents ? a->capnewents * 2 : 1024;
		a->newents = xreallocarray(a->newents, a->capnewents,
		    sizeof *a->newents);
	}
	n = &a->newents[a->nnewents++];
	n->id = id;
	n->kind = kind;
	n->name = xstrdup(name);
}

/*
 * The cache slot of the entity (looked up, or created), valid until the
 * next entity_id(); NULL and *cause on error.
 */
static struct archive_entity_slot *
entity_id(struct archive *a, const struct extract_entity *e, uint64_t h,
    char **cause)
{
	struct archive_entity_slot *slot;
	sqlite3_stmt *st;
	int k = entity_kind(e);
	const char *kind = archive_kinds[k];
	int64_t id = 0;
	int rc;

	if (a->nents > 0) {
		slot = entity_slot(a, k, e->name, h);
		if (slot->hash != 0)
			return slot;
	}
	if ((st = archive_stmt(a, sql_entity_find, cause)) == NULL)
		return NULL;
	archive_bind_text(st, 1, kind);
	archive_bind_text(st, 2, e->name);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		id = sqlite3_column_int64(st, 0);
	archive_done(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		archive_fail(a, cause, "looking up an entity");
		return NULL;
	}
	if (id == 0) {
		if (a->next_entity == 0) {
			if ((st = archive_stmt(a, sql_entity_next, cause)) ==
			    NULL)
				return NULL;
			if ((rc = sqlite3_step(st)) == SQLITE_ROW)
				a->next_entity = sqlite3_column_int64(st, 0);
			archive_done(st);
			if (rc != SQLITE_ROW) {
				archive_fail(a, cause, "numbering an entity");
				return NULL;
			}
		}
		id = a->next_entity++;
		entity_wait(a, id, k, e->name);
	}
	return entity_remember(a, k, e->name, id);
}

/* Store alias for the entity of slot (at commit), unless this
 * connection did. */
static void
put_alias(struct archive *a, struct archive_entity_slot *slot,
    const char *alias)
{
	size_t i;

	for (i = 0; i < slot->naliases; i++)
		if (strcmp(slot->aliases[i], alias) == 0)
			return;
	entity_wait(a, slot->id, -1, alias);
	slot->aliases = xreallocarray(slot->aliases, slot->naliases + 1,
	    sizeof *slot->aliases);
	slot->aliases[slot->naliases++] = xstrdup(alias);
}

/* The entity's id, or 0 when it has no mention (so no index token). */
static int64_t
put_entity(struct archive *a, int64_t article, const struct extract_entity *e,
    uint64_t h, char **cause)
{
	struct archive_entity_slot *slot;
	sqlite3_stmt *st;
	int64_t id;
	size_t i;

	if (e->name == NULL || *e->name == '\0')
		return 0;
	if ((slot = entity_id(a, e, h, cause)) == NULL)
		return -1;
	id = slot->id;
	for (i = 0; i < e->naliases; i++) {
		if (e->aliases[i] == NULL || strcmp(e->aliases[i], e->name) == 0)
			continue;
		put_alias(a, slot, e->aliases[i]);
	}
	for (i = 0; i < e->nmentions; i++) {
		if ((st = archive_stmt(a, sql_mention_add, cause)) == NULL)
			return -1;
		sqlite3_bind_int64(st, 1, article);
		sqlite3_bind_int64(st, 2, id);
		sqlite3_bind_int64(st, 3, (int64_t)e->mentions[i].start);
		sqlite3_bind_int64(st, 4, (int64_t)e->mentions[i].end);
		if (step_done(a, st, "storing a mention", cause) != 0)
			return -1;
	}
	return e->nmentions > 0 ? id : 0;
}

static int
put_event(struct archive *a, int64_t article, const struct extract_timex *t,
    char **cause)
{
	sqlite3_stmt *st;

	if ((st = archive_stmt(a, sql_event_add, cause)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, article);
	sqlite3_bind_int(st, 2, (unsigned)t->type < 4 ? (int)t->type : 0);
	sqlite3_bind_int64(st, 3, (int64_t)t->span.start);
	sqlite3_bind_int64(st, 4, (int64_t)t->span.end);
	archive_bind_text(st, 5, t->value);
	sqlite3_bind_int64(st, 6, (int64_t)t->sentence.start);
	sqlite3_bind_int64(st, 7, (int64_t)t->sentence.end);
	return step_done(a, st, "storing an event", cause);
}

static int
article_exists(struct archive *a, int64_t id, char **cause)
{
	sqlite3_stmt *st;
	int rc;

	if ((st = archive_stmt(a, sql_article_exists, cause)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	archive_done(st);
	if (rc == SQLITE_DONE) {
		*cause = xasprintf("no article %lld", (long long)id);
		return -1;
	}
	if (rc != SQLITE_ROW)
		return archive_fail(a, cause, "looking up an article");
	return 0;
}

int
archive_cmp_id(const void *x, const void *y)
{
	int64_t p = *(const int64_t *)x, q = *(const int64_t *)y;

	return p < q ? -1 : p > q;
}

/* "12 57 301": the distinct ids of v, sorted; NULL for none. */
static char *
tokens(int64_t *v, size_t n)
{
	char *s;
	size_t i, len = 0, size;

	if (n == 0)
		return NULL;
	qsort(v, n, sizeof *v, archive_cmp_id);
	size = n * 21;
	s = xmalloc(size);
	for (i = 0; i < n; i++) {
		if (i > 0 && v[i] == v[i - 1])
			continue;
		len += (size_t)snprintf(s + len, size - len, "%s%lld",
		    len == 0 ? "" : " ", (long long)v[i]);
	}
	return s;
}

/* The tokens of article's row, read from its mentions into *out. */
static int
read_tokens(struct archive *a, int64_t article, char **out, char **cause)
{
	sqlite3_stmt *st;
	int rc;

	if ((st = archive_stmt(a, sql_tokens, cause)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, article);
	rc = sqlite3_step(st);
	*out = rc == SQLITE_ROW ? archive_column_strdup(st, 0) : NULL;
	archive_done(st);
	if (rc != SQLITE_ROW)
		return archive_fail(a, cause, "reading mentions");
	return 0;
}

/*
 * The waiting row of article, added when there is none: fresh, it was
 * not in the index before; else its old tokens are read from mentions
 * (which the caller has not cleared yet). NULL and *cause on error.
 */
static struct archive_entity_row *
index_row(struct archive *a, int64_t article, int fresh, char **cause)
{
	struct archive_entity_row *r;
	char *old = NULL;
	size_t i;

	if (!fresh) {
		for (i = a->nentrows; i > 0; i--)
			if (a->entrows[i - 1].article == article)
				return &a->entrows[i - 1];
		if (read_tokens(a, article, &old, cause) != 0)
			return NULL;
	}
	if (a->nentrows == a->capentrows) {
		a->capentrows = a->capentrows ? a->capentrows * 2 : 1024;
		a->entrows = xreallocarray(a->entrows, a->capentrows,
		    sizeof *a->entrows);
	}
	r = &a->entrows[a->nentrows++];
	r->article = article;
	r->old = old;
	r->now = NULL;
	return r;
}

static void
row_free(struct archive_entity_row *r)
{
	free(r->old);
	free(r->now);
}

void
archive_entity_index_forget_rows(struct archive *a)
{
	size_t i;

	for (i = 0; i < a->nentrows; i++)
		row_free(&a->entrows[i]);
	a->nentrows = 0;
	a->ents_dirty = 0;
	if (a->capentrows > 4096) {
		free(a->entrows);
		a->entrows = NULL;
		a->capentrows = 0;
	}
}

void
archive_entity_index_forget(struct archive *a)
{
	size_t i;

	archive_entity_index_forget_rows(a);
	for (i = 0; i < a->nnewents; i++)
		free(a->newents[i].name);
	a->nnewents = 0;
	a->next_entity = 0;
	if (a->capnewents > 4096) {
		free(a->newents);
		a->newents = NULL;
		a->capnewents = 0;
	}
}

/* The entities and aliases waiting, in the order they came. */
static int
entities_write(struct archive *a, char **cause)
{
	struct archive_new_entity *n;
	sqlite3_stmt *st;
	size_t i;

	for (i = 0; i < a->nnewents; i++) {
		n = &a->newents[i];
		if ((st = archive_stmt(a, n->kind >= 0 ? sql_entity_add :
		    sql_alias_add, cause)) == NULL)
			return -1;
		sqlite3_bind_int64(st, 1, n->id);
		if (n->kind >= 0) {
			archive_bind_text(st, 2, archive_kinds[n->kind]);
			archive_bind_text(st, 3, n->name);
		} else
			archive_bind_text(st, 2, n->name);
		if (step_done(a, st, n->kind >= 0 ? "storing an entity" :
		    "storing an alias", cause) != 0)
			return -1;
	}
	return 0;
}

static int
cmp_row(const void *x, const void *y)
{
	const struct archive_entity_row *p = x, *q = y;

	if (p->article != q->article)
		return p->article < q->article ? -1 : 1;
	/* same article twice (a put rolled back): keep the order added */
	return p < q ? -1 : p > q;
}

static int
index_write(struct archive *a, const char *sql, int64_t article,
    const char *text, char **cause)
{
	sqlite3_stmt *st;

	if (text == NULL)
		return 0;
	if ((st = archive_stmt(a, sql, cause)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, article);
	archive_bind_text(st, 2, text);
	return step_done(a, st, "writing the entity index", cause);
}

/*
 * In article order, so FTS5 keeps one term buffer (a lower rowid than
 * the last flushes it; a delete then an insert of the same one does
 * not). qsort is not stable: cmp_row orders equal articles by address,
 * which is the order they were added.
 */
int
archive_entity_index_flush(struct archive *a, char **cause)
{
	struct archive_entity_row *r, *last;
	size_t i, j;
	int rc = 0;

	if (entities_write(a, cause) != 0) {
		archive_entity_index_forget(a);
		return -1;
	}
	qsort(a->entrows, a->nentrows, sizeof *a->entrows, cmp_row);
	for (i = 0; i < a->nentrows && rc == 0; i = j) {
		r = &a->entrows[i];
		for (j = i + 1; j < a->nentrows &&
		    a->entrows[j].article == r->article; j++)
			;
		last = &a->entrows[j - 1];
		if (a->ents_dirty) {
			free(last->now);
			if (read_tokens(a, r->article, &last->now, cause) != 0) {
				rc = -1;
				break;
			}
		}
		if (r->old != NULL && last->now != NULL &&
		    strcmp(r->old, last->now) == 0)
			continue;
		if (index_write(a, sql_index_delete, r->article, r->old,
		    cause) != 0 || index_write(a, sql_index_insert, r->article,
		    last->now, cause) != 0)
			rc = -1;
	}
	archive_entity_index_forget(a);
	return rc;
}

/*
 * The hashes of the article's entities into h[], and their cache slots
 * and names asked for ahead. The table holds every entity this import
 * met (megabytes at 100k articles), so each lookup missed the processor's
 * caches twice, once for the slot and once for the name: 5.5% of the
 * writer's time over a 100k import (perf). Asked for together, the
 * misses of an article's ~27 entities overlap instead of following each
 * other.
 */
static void
entities_prefetch(const struct archive *a, const struct extract_result *ex,
    uint64_t *h)
{
	const struct archive_entity_slot *slot;
	size_t i;

	for (i = 0; i < ex->nentities; i++) {
		const struct extract_entity *e = &ex->entities[i];

		h[i] = e->name != NULL ? entity_hash(entity_kind(e), e->name) :
		    0;
		if (a->capents > 0)
			__builtin_prefetch(&a->ents[h[i] & (a->capents - 1)]);
	}
	if (a->capents == 0)
		return;
	for (i = 0; i < ex->nentities; i++) {
		slot = &a->ents[h[i] & (a->capents - 1)];
		if (slot->hash == h[i])
			__builtin_prefetch(slot->name);
	}
}

int
archive_put_extract_in(struct archive *a, int64_t id,
    const struct extract_result *ex, int fresh, char **cause)
{
	struct archive_entity_row *row;
	sqlite3_stmt *st;
	int64_t *ids, eid, next = a->next_entity;
	uint64_t *h;
	size_t i, n = 0, mark = a->nnewents;
	int rc = 0;

	if ((row = index_row(a, id, fresh, cause)) == NULL)
		return -1;
	if (!fresh) {
		if ((st = archive_stmt(a, sql_clear_mentions, cause)) == NULL)
			return -1;
		sqlite3_bind_int64(st, 1, id);
		if (step_done(a, st, "clearing mentions", cause) != 0)
			return -1;
		if ((st = archive_stmt(a, sql_clear_events, cause)) == NULL)
			return -1;
		sqlite3_bind_int64(st, 1, id);
		if (step_done(a, st, "clearing events", cause) != 0)
			return -1;
	}
	free(row->now);
	row->now = NULL;
	if (ex == NULL)
		return 0;
	ids = xreallocarray(NULL, ex->nentities + 1, sizeof *ids);
	h = xreallocarray(NULL, ex->nentities + 1, sizeof *h);
	entities_prefetch(a, ex, h);
	for (i = 0; i < ex->nentities && rc == 0; i++) {
		if ((eid = put_entity(a, id, &ex->entities[i], h[i],
		    cause)) < 0)
			rc = -1;
		else if (eid > 0)
			ids[n++] = eid;
	}
	for (i = 0; i < ex->ntimexes && rc == 0; i++)
		rc = put_event(a, id, &ex->timexes[i], cause);
	if (rc == 0)
		row->now = tokens(ids, n);
	else {
		/* the caller rolls back to its savepoint and forgets the
		   cache: the entities this put made are not stored */
		for (i = mark; i < a->nnewents; i++)
			free(a->newents[i].name);
		a->nnewents = mark;
		a->next_entity = next;
	}
	free(ids);
	free(h);
	return rc;
}

int
archive_put_extract(struct archive *a, int64_t id,
    const struct extract_result *ex, char **cause)
{
	int own = 0;

	if (a->flags & ARCHIVE_READONLY)
		return archive_readonly_fail(a, cause);
	if (sqlite3_get_autocommit(a->db)) {
		if (archive_begin(a, cause) != 0)
			return -1;
		own = 1;
	}
	if (archive_run(a, "SAVEPOINT extract", "starting a savepoint",
	    cause) != 0) {
		if (own)
			archive_rollback(a);
		return -1;
	}
	if (article_exists(a, id, cause) != 0 ||
	    archive_put_extract_in(a, id, ex, 0, cause) != 0) {
		sqlite3_exec(a->db, "ROLLBACK TO extract; RELEASE extract", NULL,
		    NULL, NULL);
		archive_entities_forget(a);
		if (own)
			archive_rollback(a);
		return -1;
	}
	if (archive_run(a, "RELEASE extract", "releasing a savepoint",
	    cause) != 0 ||
	    (own && archive_commit(a, cause) != 0)) {
		if (own)
			archive_rollback(a);
		return -1;
	}
	return 0;
}
