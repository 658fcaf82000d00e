/*
 * Reading entities back: those of one article (for the side panel and
 * `lede entities ID`, with every mention's span) and those of the whole
 * archive with the number of articles that mention each; and the
 * entity_index query for a name (list.c, timeline.c).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "archive/archive_int.h"
#include "util/buf.h"
#include "util/xalloc.h"

const char *
archive_static_name(const char *const *names, size_t n,
    const unsigned char *s)
{
	size_t i;

	for (i = 0; s != NULL && i < n; i++)
		if (strcmp(names[i], (const char *)s) == 0)
			return names[i];
	return names[0];
}

static const char sql_article_entities[] =
    "SELECT e.id, e.kind, e.name, count(*), min(m.start)"
    " FROM mentions m JOIN entities e ON e.id = m.entity_id"
    " WHERE m.article_id = ?1 GROUP BY e.id ORDER BY min(m.start), e.id";
/*
 * The number of articles that mention each entity is its number of
 * documents in entity_index (schema.c, version 6), which entity_counts
 * reads from the index's own doclists: a pass over mentions, grouped by
 * entity, would read every mention and sort them.
 */
static const char sql_archive_entities[] =
    "SELECT e.id, e.kind, e.name, v.doc"
    " FROM entity_counts v CROSS JOIN entities e"
    " ON e.id = CAST(v.term AS INTEGER) WHERE v.doc > 0"
    " ORDER BY 4 DESC, e.name, e.id LIMIT ?1";
static const char sql_entity_ids[] = ENTITY_IDS;
static const char sql_aliases[] =
    "SELECT alias FROM entity_aliases WHERE entity_id = ?1 ORDER BY alias";
static const char sql_spans[] =
    "SELECT start, stop FROM mentions WHERE article_id = ?1 AND entity_id = ?2"
    " ORDER BY start";
static const char sql_exists[] = "SELECT 1 FROM articles WHERE id = ?1";

int
archive_entity_match(struct archive *a, const char *name, char **match,
    char **cause)
{
	struct buf b = BUF_INIT;
	sqlite3_stmt *st;
	int rc;

	*match = NULL;
	if ((st = archive_stmt(a, sql_entity_ids, cause)) == NULL)
		return -1;
	archive_bind_text(st, 1, name);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		buf_printf(&b, "%s%lld", b.len > 0 ? " OR " : "",
		    (long long)sqlite3_column_int64(st, 0));
	archive_done(st);
	if (rc != SQLITE_DONE) {
		buf_release(&b);
		return archive_fail(a, cause, "looking up an entity");
	}
	if (b.len > 0)
		*match = buf_detach(&b);
	buf_release(&b);
	return 0;
}

void
archive_entities_free(struct archive_entity *v, size_t n)
{
	size_t i, j;

	for (i = 0; i < n; i++) {
		free(v[i].name);
		for (j = 0; j < v[i].naliases; j++)
			free(v[i].aliases[j]);
		free(v[i].aliases);
		free(v[i].mentions);
	}
	free(v);
}

static int
aliases(struct archive *a, struct archive_entity *e, char **cause)
{
	sqlite3_stmt *st;
	int rc;

	if ((st = archive_stmt(a, sql_aliases, cause)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, e->id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		e->aliases = xreallocarray(e->aliases, e->naliases + 1,
		    sizeof *e->aliases);
		e->aliases[e->naliases++] = archive_column_strdup(st, 0);
	}
	archive_done(st);
	return rc == SQLITE_DONE ? 0 : archive_fail(a, cause, "reading aliases");
}

static int
spans(struct archive *a, int64_t article, struct archive_entity *e,
    char **cause)
{
	sqlite3_stmt *st;
	int rc;

	if ((st = archive_stmt(a, sql_spans, cause)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, article);
	sqlite3_bind_int64(st, 2, e->id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		e->mentions = xreallocarray(e->mentions, e->nmentions + 1,
		    sizeof *e->mentions);
		e->mentions[e->nmentions].start =
		    (size_t)sqlite3_column_int64(st, 0);
		e->mentions[e->nmentions].end =
		    (size_t)sqlite3_column_int64(st, 1);
		e->nmentions++;
	}
	archive_done(st);
	return rc == SQLITE_DONE ? 0 : archive_fail(a, cause,
	    "reading mentions");
}

static int
article_exists(struct archive *a, int64_t id, char **cause)
{
	sqlite3_stmt *st;
	int rc;

	if ((st = archive_stmt(a, sql_exists, cause)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	archive_done(st);
	if (rc == SQLITE_ROW)
		return 0;
	if (rc == SQLITE_DONE) {
		*cause = xasprintf("no article %lld", (long long)id);
		return -1;
	}
	return archive_fail(a, cause, "looking up an article");
}

int
archive_entities(struct archive *a, int64_t id, size_t limit,
    struct archive_entity **out, size_t *n, char **cause)
{
	struct archive_entity *v = NULL;
	sqlite3_stmt *st;
	size_t cap = 0, i;
	int rc;

	*out = NULL;
	*n = 0;
	if (id != 0 && article_exists(a, id, cause) != 0)
		return -1;
	st = archive_stmt(a, id != 0 ? sql_article_entities :
	    sql_archive_entities, cause);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id != 0 ? id : limit > 0 ?
	    (int64_t)limit : -1);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (id != 0 && limit > 0 && *n == limit)
			break;
		if (*n == cap) {
			cap = cap ? cap * 2 : 16;
			v = xreallocarray(v, cap, sizeof *v);
		}
		memset(&v[*n], 0, sizeof v[*n]);
		v[*n].id = sqlite3_column_int64(st, 0);
		v[*n].kind = archive_static_name(archive_kinds, 3,
		    sqlite3_column_text(st, 1));
		v[*n].name = archive_column_strdup(st, 2);
		v[*n].count = sqlite3_column_int64(st, 3);
		(*n)++;
	}
	archive_done(st);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
		archive_fail(a, cause, "reading entities");
		goto fail;
	}
	for (i = 0; i < *n; i++)
		if (aliases(a, &v[i], cause) != 0 ||
		    (id != 0 && spans(a, id, &v[i], cause) != 0))
			goto fail;
	*out = v;
	return 0;
fail:
	archive_entities_free(v, *n);
	*n = 0;
	return -1;
}
