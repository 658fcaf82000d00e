/*
 * Timelines: the temporal expressions of one article, or of every
 * sentence across the archive that mentions an entity, sorted by their
 * TIMEX value (ISO dates sort as text; durations and references after
 * them). Each event carries its sentence, cut from the body by bytes.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "archive/archive_int.h"
#include "util/buf.h"
#include "util/xalloc.h"

/*
 * The events are chosen, ordered and limited by SQL; their text and
 * sentence are then cut from each article's body in C, the body read
 * once per article: bodies are stored compressed (schema 5), and cutting
 * them in SQL cost a decompression per event, twice.
 */
#define EVENT_COLUMNS \
    "SELECT ev.article_id, ev.type, ev.value, ev.start, ev.stop," \
    " ev.sent_start, ev.sent_stop FROM events ev"

static const char sql_article[] = EVENT_COLUMNS
    " WHERE ev.article_id = ?1"
    " ORDER BY ev.value IS NULL, ev.value, ev.start LIMIT ?2";
/*
 * Driven by the entity's articles (entity_index, schema.c version 6),
 * then their mentions of it (keyed by article), not by every event of
 * the archive; ?3 is the entity_index query (archive_entity_match()).
 */
static const char sql_entity[] = EVENT_COLUMNS
    " WHERE (ev.article_id, ev.start, ev.stop, ev.type) IN"
    " (SELECT e2.article_id, e2.start, e2.stop, e2.type"
    " FROM entity_index CROSS JOIN mentions m"
    " ON m.article_id = entity_index.rowid CROSS JOIN events e2"
    " ON e2.article_id = m.article_id AND m.start >= e2.sent_start"
    " AND m.stop <= e2.sent_stop WHERE entity_index MATCH ?3"
    " AND m.entity_id IN (" ENTITY_IDS "))"
    " ORDER BY ev.value IS NULL, ev.value, ev.article_id, ev.start LIMIT ?2";
static const char sql_all[] = EVENT_COLUMNS
    " ORDER BY ev.value IS NULL, ev.value, ev.article_id, ev.start LIMIT ?2";
static const char sql_body[] = "SELECT body FROM articles WHERE id = ?1";

/* body[start, stop), clipped to the body's len bytes. Caller frees. */
static char *
cut(const char *body, size_t len, size_t start, size_t stop)
{
	if (start > len)
		start = len;
	if (stop > len)
		stop = len;
	return xstrndup(body + start, stop > start ? stop - start : 0);
}

struct by_article {
	int64_t	 id;
	size_t	 i;
};

static int
cmp_article(const void *x, const void *y)
{
	const struct by_article *p = x, *q = y;

	if (p->id != q->id)
		return p->id < q->id ? -1 : 1;
	return p->i < q->i ? -1 : p->i > q->i;
}

/* Fill text and sentence of the n events, each article's body read once. */
static int
cut_events(struct archive *a, struct archive_event *v, size_t n,
    char **cause)
{
	struct by_article *order;
	sqlite3_stmt *st = NULL;
	const char *body = NULL;
	size_t i, len = 0;
	int rc = 0;

	order = xreallocarray(NULL, n > 0 ? n : 1, sizeof *order);
	for (i = 0; i < n; i++) {
		order[i].id = v[i].article_id;
		order[i].i = i;
	}
	qsort(order, n, sizeof *order, cmp_article);
	for (i = 0; i < n && rc == 0; i++) {
		struct archive_event *e = &v[order[i].i];

		if (i == 0 || order[i].id != order[i - 1].id) {
			archive_done(st);
			if ((st = archive_stmt(a, sql_body, cause)) == NULL) {
				rc = -1;
				break;
			}
			sqlite3_bind_int64(st, 1, order[i].id);
			body = NULL;
			if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
				body = sqlite3_column_blob(st, 0);
				len = (size_t)sqlite3_column_bytes(st, 0);
				rc = 0;
			} else if (rc == SQLITE_DONE)
				rc = 0;
			else
				rc = archive_fail(a, cause, "reading events");
			if (body == NULL)
				body = "", len = 0;
		}
		e->text = cut(body, len, e->start, e->end);
		e->sentence = cut(body, len, e->sent_start, e->sent_end);
	}
	archive_done(st);
	free(order);
	return rc;
}

void
archive_events_free(struct archive_event *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		free(v[i].text);
		free(v[i].value);
		free(v[i].sentence);
	}
	free(v);
}

int
archive_timeline(struct archive *a, int64_t id, const char *entity,
    size_t limit, struct archive_event **out, size_t *n, char **cause)
{
	struct archive_event *v = NULL, *e;
	sqlite3_stmt *st;
	char *match = NULL;
	size_t cap = 0;
	int rc;

	*out = NULL;
	*n = 0;
	if (id != 0) {
		struct article *art = archive_get(a, id, cause);

		if (art == NULL)
			return -1;
		article_free(art);
	} else if (entity != NULL) {
		if (archive_entity_match(a, entity, &match, cause) != 0)
			return -1;
		if (match == NULL)
			return 0;	/* no such name */
	}
	st = archive_stmt(a, id != 0 ? sql_article : entity != NULL ?
	    sql_entity : sql_all, cause);
	if (st == NULL) {
		free(match);
		return -1;
	}
	if (id != 0)
		sqlite3_bind_int64(st, 1, id);
	else if (entity != NULL) {
		archive_bind_text(st, sqlite3_bind_parameter_index(st,
		    ":entity"), entity);
		archive_bind_text(st, 3, match);
	}
	sqlite3_bind_int64(st, 2, limit > 0 ? (int64_t)limit : -1);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (*n == cap) {
			cap = cap ? cap * 2 : 16;
			v = xreallocarray(v, cap, sizeof *v);
		}
		e = &v[(*n)++];
		e->article_id = sqlite3_column_int64(st, 0);
		e->type = archive_ttypes[(unsigned)sqlite3_column_int(st, 1) &
		    3];
		e->text = e->sentence = NULL;
		e->value = archive_column_strdup(st, 2);
		e->start = (size_t)sqlite3_column_int64(st, 3);
		e->end = (size_t)sqlite3_column_int64(st, 4);
		e->sent_start = (size_t)sqlite3_column_int64(st, 5);
		e->sent_end = (size_t)sqlite3_column_int64(st, 6);
	}
	archive_done(st);
	free(match);
	if (rc != SQLITE_DONE) {
		archive_events_free(v, *n);
		*n = 0;
		return archive_fail(a, cause, "reading events");
	}
	if (cut_events(a, v, *n, cause) != 0) {
		archive_events_free(v, *n);
		*n = 0;
		return -1;
	}
	*out = v;
	return 0;
}
