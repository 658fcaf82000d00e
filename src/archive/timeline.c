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

/* The expression's text and its sentence are both cut from the body. */
#define EVENT_COLUMNS \
    "SELECT ev.article_id, ev.type, CAST(substr(CAST(a.body AS BLOB)," \
    " ev.start + 1, ev.stop - ev.start) AS TEXT), ev.value, ev.start," \
    " ev.stop, ev.sent_start, ev.sent_stop, CAST(substr(CAST(a.body AS" \
    " BLOB), ev.sent_start + 1, ev.sent_stop - ev.sent_start) AS TEXT)" \
    " FROM events ev JOIN articles a ON a.id = ev.article_id"

static const char sql_article[] = EVENT_COLUMNS
    " WHERE ev.article_id = ?1"
    " ORDER BY ev.value IS NULL, ev.value, ev.start LIMIT ?2";
/* Driven by the entity's mentions, not by every event of the archive. */
static const char sql_entity[] = EVENT_COLUMNS
    " WHERE (ev.article_id, ev.start, ev.stop, ev.type) IN"
    " (SELECT e2.article_id, e2.start, e2.stop, e2.type"
    " FROM mentions m JOIN events e2"
    " ON e2.article_id = m.article_id AND m.start >= e2.sent_start"
    " AND m.stop <= e2.sent_stop WHERE m.entity_id IN (SELECT id"
    " FROM entities WHERE name = ?1 COLLATE NOCASE UNION SELECT entity_id"
    " FROM entity_aliases WHERE alias = ?1 COLLATE NOCASE))"
    " ORDER BY ev.value IS NULL, ev.value, ev.article_id, ev.start LIMIT ?2";
static const char sql_all[] = EVENT_COLUMNS
    " ORDER BY ev.value IS NULL, ev.value, ev.article_id, ev.start LIMIT ?2";

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
	size_t cap = 0;
	int rc;

	*out = NULL;
	*n = 0;
	if (id != 0) {
		struct article *art = archive_get(a, id, cause);

		if (art == NULL)
			return -1;
		article_free(art);
	}
	st = archive_stmt(a, id != 0 ? sql_article : entity != NULL ?
	    sql_entity : sql_all, cause);
	if (st == NULL)
		return -1;
	if (id != 0)
		sqlite3_bind_int64(st, 1, id);
	else if (entity != NULL)
		archive_bind_text(st, 1, entity);
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
		e->text = archive_column_strdup(st, 2);
		e->value = archive_column_strdup(st, 3);
		e->start = (size_t)sqlite3_column_int64(st, 4);
		e->end = (size_t)sqlite3_column_int64(st, 5);
		e->sent_start = (size_t)sqlite3_column_int64(st, 6);
		e->sent_end = (size_t)sqlite3_column_int64(st, 7);
		e->sentence = archive_column_strdup(st, 8);
	}
	archive_done(st);
	if (rc != SQLITE_DONE) {
		archive_events_free(v, *n);
		*n = 0;
		return archive_fail(a, cause, "reading events");
	}
	*out = v;
	return 0;
}
