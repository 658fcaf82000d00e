/*
 * Sources (outlets, feeds): the list with article counts for filters, and
 * the corrections address the flag export writes to.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "archive/archive_int.h"
#include "util/xalloc.h"

static const char sql_sources[] =
    "SELECT s.name, s.url, s.corrections,"
    " (SELECT count(*) FROM articles a WHERE a.source_id = s.id)"
    " FROM sources s ORDER BY s.name";
static const char sql_set_corrections[] =
    "UPDATE sources SET corrections = ?2 WHERE id = ?1";

int
archive_sources(struct archive *a, struct archive_source **out, size_t *n,
    char **cause)
{
	struct archive_source *v = NULL;
	sqlite3_stmt *st;
	size_t cap = 0;
	int rc;

	*out = NULL;
	*n = 0;
	if ((st = archive_stmt(a, sql_sources, cause)) == NULL)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (*n == cap) {
			cap = cap ? cap * 2 : 16;
			v = xreallocarray(v, cap, sizeof *v);
		}
		v[*n].name = archive_column_strdup(st, 0);
		v[*n].url = archive_column_strdup(st, 1);
		v[*n].corrections = archive_column_strdup(st, 2);
		v[*n].count = sqlite3_column_int64(st, 3);
		(*n)++;
	}
	archive_done(st);
	if (rc != SQLITE_DONE) {
		archive_sources_free(v, *n);
		*n = 0;
		return archive_fail(a, cause, "listing sources");
	}
	*out = v;
	return 0;
}

void
archive_sources_free(struct archive_source *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		free(v[i].name);
		free(v[i].url);
		free(v[i].corrections);
	}
	free(v);
}

int
archive_set_corrections(struct archive *a, const char *source,
    const char *address, char **cause)
{
	sqlite3_stmt *st;
	int64_t id;
	int rc, own = sqlite3_get_autocommit(a->db);

	if (source == NULL || *source == '\0') {
		*cause = xstrdup("no source name");
		return -1;
	}
	if (own && archive_begin(a, cause) != 0)
		return -1;
	if ((id = archive_source_id(a, source, NULL, NULL, cause)) < 0 ||
	    (st = archive_stmt(a, sql_set_corrections, cause)) == NULL) {
		if (own)
			archive_rollback(a);
		return -1;
	}
	sqlite3_bind_int64(st, 1, id);
	archive_bind_text(st, 2, address);
	rc = sqlite3_step(st);
	archive_done(st);
	if (rc != SQLITE_DONE) {
		archive_fail(a, cause, "storing a corrections address");
		if (own)
			archive_rollback(a);
		return -1;
	}
	return own ? archive_commit(a, cause) : 0;
}
