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
 */
#include "config.h"

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
    "INSERT INTO entities(kind, name) VALUES (?1, ?2)";
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

static int
step_done(struct archive *a, sqlite3_stmt *st, const char *what, char **cause)
{
	int rc = sqlite3_step(st);

	archive_done(st);
	if (rc != SQLITE_DONE)
		return archive_fail(a, cause, what);
	return 0;
}

static uint64_t
entity_hash(int kind, const char *name)
{
	uint64_t h = 0xcbf29ce484222325ULL ^ (unsigned)kind;

	for (; *name != '\0'; name++) {
		h ^= (unsigned char)*name;
		h *= 0x100000001b3ULL;
	}
	return h != 0 ? h : 1;
}

void
archive_entities_forget(struct archive *a)
{
	size_t i;

	for (i = 0; i < a->capents; i++)
		free(a->ents[i].name);
	free(a->ents);
	a->ents = NULL;
	a->nents = a->capents = 0;
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

static void
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
		return;
	e->hash = h;
	e->kind = kind;
	e->name = xstrdup(name);
	e->id = id;
	a->nents++;
}

static int64_t
entity_cached(struct archive *a, int kind, const char *name)
{
	struct archive_entity_slot *e;

	if (a->nents == 0)
		return 0;
	e = entity_slot(a, kind, name, entity_hash(kind, name));
	return e->hash != 0 ? e->id : 0;
}

static int64_t
entity_id(struct archive *a, const struct extract_entity *e, char **cause)
{
	sqlite3_stmt *st;
	int k = (unsigned)e->kind < 3 ? (int)e->kind : 0;
	const char *kind = archive_kinds[k];
	int64_t id = 0;
	int rc;

	if ((id = entity_cached(a, k, e->name)) != 0)
		return id;
	if ((st = archive_stmt(a, sql_entity_find, cause)) == NULL)
		return -1;
	archive_bind_text(st, 1, kind);
	archive_bind_text(st, 2, e->name);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		id = sqlite3_column_int64(st, 0);
	archive_done(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return archive_fail(a, cause, "looking up an entity");
	if (id == 0) {
		if ((st = archive_stmt(a, sql_entity_add, cause)) == NULL)
			return -1;
		archive_bind_text(st, 1, kind);
		archive_bind_text(st, 2, e->name);
		if (step_done(a, st, "storing an entity", cause) != 0)
			return -1;
		id = sqlite3_last_insert_rowid(a->db);
	}
	entity_remember(a, k, e->name, id);
	return id;
}

static int
put_entity(struct archive *a, int64_t article, const struct extract_entity *e,
    char **cause)
{
	sqlite3_stmt *st;
	int64_t id;
	size_t i;

	if (e->name == NULL || *e->name == '\0')
		return 0;
	if ((id = entity_id(a, e, cause)) < 0)
		return -1;
	for (i = 0; i < e->naliases; i++) {
		if (e->aliases[i] == NULL || strcmp(e->aliases[i], e->name) == 0)
			continue;
		if ((st = archive_stmt(a, sql_alias_add, cause)) == NULL)
			return -1;
		sqlite3_bind_int64(st, 1, id);
		archive_bind_text(st, 2, e->aliases[i]);
		if (step_done(a, st, "storing an alias", cause) != 0)
			return -1;
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
	return 0;
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
archive_put_extract_in(struct archive *a, int64_t id,
    const struct extract_result *ex, char **cause)
{
	sqlite3_stmt *st;
	size_t i;

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
	for (i = 0; ex != NULL && i < ex->nentities; i++)
		if (put_entity(a, id, &ex->entities[i], cause) != 0)
			return -1;
	for (i = 0; ex != NULL && i < ex->ntimexes; i++)
		if (put_event(a, id, &ex->timexes[i], cause) != 0)
			return -1;
	return 0;
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
	    archive_put_extract_in(a, id, ex, cause) != 0) {
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
