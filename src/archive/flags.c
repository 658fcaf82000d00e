/*
 * The SQL of correction flags (see flags.h). Statements are static strings
 * prepared once per connection through archive_stmt(). articles.nflags is
 * kept by the schema's triggers, so nothing here counts.
 *
 * The listing reads the flag and its article in one SELECT (a join on the
 * primary key, the source by its id). The export order also turns byte
 * offsets into code point offsets, which the W3C TextPositionSelector
 * counts in: SQLite's substr() on a BLOB cuts bytes and length() on TEXT
 * counts characters, so the conversion needs no body in C.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "archive/archive_int.h"
#include "archive/flags.h"
#include "util/xalloc.h"

#define NOW	"strftime('%Y-%m-%dT%H:%M:%SZ', 'now')"

static const char *const status_names[FLAG_NSTATUS] = {
	[FLAG_OPEN] = "open",
	[FLAG_SENT] = "sent",
	[FLAG_RESOLVED] = "resolved",
};

const char *
flag_status_name(enum flag_status s)
{
	if ((unsigned)s >= FLAG_NSTATUS)
		return "open";
	return status_names[s];
}

int
flag_status_parse(const char *s)
{
	int i;

	for (i = 0; i < FLAG_NSTATUS; i++) {
		if (strcmp(s, status_names[i]) == 0)
			return i;
	}
	return -1;
}

void
flag_release(struct flag *f)
{
	free(f->exact);
	free(f->prefix);
	free(f->suffix);
	free(f->note);
	free(f->created);
	free(f->updated);
	free(f->title);
	free(f->source);
	free(f->url);
	free(f->published);
	free(f->corrections);
	memset(f, 0, sizeof *f);
}

void
flag_list_free(struct flag *flags, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		flag_release(&flags[i]);
	free(flags);
}

#define SELECT_FLAGS							\
	"SELECT f.id, f.article_id, f.revision, f.start, f.stop, f.exact,"\
	" f.prefix, f.suffix, f.note, f.status, f.created, f.updated,"	\
	" f.revision = a.revision, a.title, s.name, a.url, a.published,"\
	" s.corrections"
#define FROM_FLAGS							\
	" FROM flags f JOIN articles a ON a.id = f.article_id"		\
	" LEFT JOIN sources s ON s.id = a.source_id"
#define FILTERS								\
	" (?1 IS NULL OR f.status = ?1)"				\
	" AND (?2 IS NULL OR s.name = ?2)"				\
	" AND (?3 = 0 OR f.article_id = ?3)"				\
	" AND (?4 = 0 OR f.id = ?4)"					\
	" AND (?5 = 0 OR f.revision != a.revision)"

/* The optional filters hide the indexes from the planner: one flag and
   one article's flags (each get, each re-anchoring) have their own. */
static const char sql_list_by_id[] = SELECT_FLAGS
	", -1, -1" FROM_FLAGS " WHERE" FILTERS " ORDER BY f.id";
static const char sql_one[] = SELECT_FLAGS
	", -1, -1" FROM_FLAGS " WHERE f.id = ?4 AND" FILTERS;
static const char sql_article[] = SELECT_FLAGS
	", -1, -1" FROM_FLAGS " WHERE f.article_id = ?3 AND" FILTERS
	" ORDER BY f.id";
static const char sql_list_export[] = SELECT_FLAGS
	", CASE WHEN f.revision = a.revision THEN length(CAST(substr("
	"CAST(a.body AS BLOB), 1, f.start) AS TEXT)) ELSE -1 END"
	", CASE WHEN f.revision = a.revision THEN length(CAST(substr("
	"CAST(a.body AS BLOB), 1, f.stop) AS TEXT)) ELSE -1 END"
	FROM_FLAGS " WHERE" FILTERS " ORDER BY f.article_id, f.start, f.id";

static char *
column_str(sqlite3_stmt *st, int i)
{
	char *s = archive_column_strdup(st, i);

	return s != NULL ? s : xstrdup("");
}

/* Fill f from the current row of a listing statement. */
static void
row_flag(sqlite3_stmt *st, struct flag *f)
{
	const char *status;
	int s;

	memset(f, 0, sizeof *f);
	f->id = sqlite3_column_int64(st, 0);
	f->article_id = sqlite3_column_int64(st, 1);
	f->revision = sqlite3_column_int(st, 2);
	f->start = (size_t)sqlite3_column_int64(st, 3);
	f->end = (size_t)sqlite3_column_int64(st, 4);
	f->exact = column_str(st, 5);
	f->prefix = column_str(st, 6);
	f->suffix = column_str(st, 7);
	f->note = column_str(st, 8);
	status = (const char *)sqlite3_column_text(st, 9);
	s = status != NULL ? flag_status_parse(status) : -1;
	f->status = s < 0 ? FLAG_OPEN : (enum flag_status)s;
	f->created = column_str(st, 10);
	f->updated = column_str(st, 11);
	f->found = sqlite3_column_int(st, 12);
	f->title = archive_column_strdup(st, 13);
	f->source = archive_column_strdup(st, 14);
	f->url = archive_column_strdup(st, 15);
	f->published = archive_column_strdup(st, 16);
	f->corrections = archive_column_strdup(st, 17);
	f->cstart = sqlite3_column_int64(st, 18);
	f->cend = sqlite3_column_int64(st, 19);
}

int
archive_flags_foreach(struct archive *a, const struct flag_filter *flt,
    int (*fn)(const struct flag *, void *), void *arg, char **cause)
{
	struct flag f;
	sqlite3_stmt *st;
	const char *sql;
	int rc, ret = 0;

	if (flt->order == FLAG_LIST_EXPORT)
		sql = sql_list_export;
	else if (flt->id != 0)
		sql = sql_one;
	else if (flt->article_id != 0)
		sql = sql_article;
	else
		sql = sql_list_by_id;
	if ((st = archive_stmt(a, sql, cause)) == NULL)
		return -1;
	if (flt->status >= 0 && flt->status < FLAG_NSTATUS)
		sqlite3_bind_text(st, 1, status_names[flt->status], -1,
		    SQLITE_STATIC);
	archive_bind_text(st, 2, flt->source);
	sqlite3_bind_int64(st, 3, flt->article_id);
	sqlite3_bind_int64(st, 4, flt->id);
	sqlite3_bind_int(st, 5, flt->lost_only != 0);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		row_flag(st, &f);
		ret = fn(&f, arg);
		flag_release(&f);
		if (ret != 0)
			break;
	}
	if (ret == 0 && rc != SQLITE_DONE) {
		archive_fail(a, cause, "reading flags");
		ret = -1;
	}
	archive_done(st);
	return ret;
}

struct collect {
	struct flag	*flags;
	size_t		 n, cap;
};

static char *
dup_or_null(const char *s)
{
	return s != NULL ? xstrdup(s) : NULL;
}

void
flag_copy(struct flag *copy, const struct flag *f)
{
	*copy = *f;
	copy->exact = dup_or_null(f->exact);
	copy->prefix = dup_or_null(f->prefix);
	copy->suffix = dup_or_null(f->suffix);
	copy->note = dup_or_null(f->note);
	copy->created = dup_or_null(f->created);
	copy->updated = dup_or_null(f->updated);
	copy->title = dup_or_null(f->title);
	copy->source = dup_or_null(f->source);
	copy->url = dup_or_null(f->url);
	copy->published = dup_or_null(f->published);
	copy->corrections = dup_or_null(f->corrections);
}

static int
collect_one(const struct flag *f, void *arg)
{
	struct collect *c = arg;

	if (c->n == c->cap) {
		c->cap = c->cap ? c->cap * 2 : 16;
		c->flags = xreallocarray(c->flags, c->cap, sizeof *c->flags);
	}
	flag_copy(&c->flags[c->n++], f);
	return 0;
}

int
archive_flags_list(struct archive *a, const struct flag_filter *flt,
    struct flag **flags, size_t *n, char **cause)
{
	struct collect c = { NULL, 0, 0 };

	if (archive_flags_foreach(a, flt, collect_one, &c, cause) != 0) {
		flag_list_free(c.flags, c.n);
		return -1;
	}
	*flags = c.flags;
	*n = c.n;
	return 0;
}

static int
copy_one(const struct flag *f, void *arg)
{
	flag_copy(arg, f);
	return 1;
}

int
archive_flag_get(struct archive *a, int64_t id, struct flag *f, char **cause)
{
	struct flag_filter flt = FLAG_FILTER_ALL;
	int rc;

	flt.id = id;
	memset(f, 0, sizeof *f);
	if ((rc = archive_flags_foreach(a, &flt, copy_one, f, cause)) < 0)
		return -1;
	if (rc == 0) {
		*cause = xasprintf("no flag %lld", (long long)id);
		return -1;
	}
	return 0;
}

int
archive_flag_insert(struct archive *a, struct flag *f, char **cause)
{
	static const char sql[] =
	    "INSERT INTO flags (id, article_id, revision, start, stop, exact,"
	    " prefix, suffix, note, status, created, updated) VALUES (?1, ?2,"
	    " ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, coalesce(?11, " NOW "),"
	    " coalesce(?12, " NOW "))";
	sqlite3_stmt *st;
	int rc;

	if ((st = archive_stmt(a, sql, cause)) == NULL)
		return -1;
	if (f->id > 0)
		sqlite3_bind_int64(st, 1, f->id);
	sqlite3_bind_int64(st, 2, f->article_id);
	sqlite3_bind_int(st, 3, f->revision);
	sqlite3_bind_int64(st, 4, (sqlite3_int64)f->start);
	sqlite3_bind_int64(st, 5, (sqlite3_int64)f->end);
	archive_bind_text(st, 6, f->exact);
	archive_bind_text(st, 7, f->prefix != NULL ? f->prefix : "");
	archive_bind_text(st, 8, f->suffix != NULL ? f->suffix : "");
	archive_bind_text(st, 9, f->note != NULL ? f->note : "");
	archive_bind_text(st, 10, flag_status_name(f->status));
	archive_bind_text(st, 11, f->created);
	archive_bind_text(st, 12, f->updated);
	rc = sqlite3_step(st);
	archive_done(st);
	if (rc != SQLITE_DONE) {
		if ((rc & 0xff) == SQLITE_CONSTRAINT && f->id > 0)
			return archive_fail(a, cause, "restoring the flag");
		return archive_fail(a, cause, "storing the flag");
	}
	f->id = sqlite3_last_insert_rowid(a->db);
	return 0;
}

/* Run a one-row UPDATE/DELETE on flag id; "no flag N" when it is absent. */
static int
change(struct archive *a, sqlite3_stmt *st, int64_t id, const char *what,
    char **cause)
{
	int rc = sqlite3_step(st);

	archive_done(st);
	if (rc != SQLITE_DONE)
		return archive_fail(a, cause, what);
	if (sqlite3_changes(a->db) == 0) {
		*cause = xasprintf("no flag %lld", (long long)id);
		return -1;
	}
	return 0;
}

int
archive_flag_set_status(struct archive *a, int64_t id, enum flag_status s,
    char **cause)
{
	static const char sql[] =
	    "UPDATE flags SET status = ?2, updated = " NOW " WHERE id = ?1";
	sqlite3_stmt *st;

	if ((st = archive_stmt(a, sql, cause)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	archive_bind_text(st, 2, flag_status_name(s));
	return change(a, st, id, "changing the flag's status", cause);
}

int
archive_flag_set_note(struct archive *a, int64_t id, const char *note,
    char **cause)
{
	static const char sql[] =
	    "UPDATE flags SET note = ?2, updated = " NOW " WHERE id = ?1";
	sqlite3_stmt *st;

	if ((st = archive_stmt(a, sql, cause)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	archive_bind_text(st, 2, note != NULL ? note : "");
	return change(a, st, id, "changing the flag's note", cause);
}

int
archive_flag_set_anchor(struct archive *a, int64_t id, int revision,
    size_t start, size_t end, const char *exact, const char *prefix,
    const char *suffix, char **cause)
{
	static const char sql[] =
	    "UPDATE flags SET revision = ?2, start = ?3, stop = ?4, exact = ?5,"
	    " prefix = ?6, suffix = ?7 WHERE id = ?1";
	sqlite3_stmt *st;

	if ((st = archive_stmt(a, sql, cause)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int(st, 2, revision);
	sqlite3_bind_int64(st, 3, (sqlite3_int64)start);
	sqlite3_bind_int64(st, 4, (sqlite3_int64)end);
	archive_bind_text(st, 5, exact);
	archive_bind_text(st, 6, prefix);
	archive_bind_text(st, 7, suffix);
	return change(a, st, id, "re-anchoring the flag", cause);
}

int
archive_flag_delete(struct archive *a, int64_t id, char **cause)
{
	static const char sql[] = "DELETE FROM flags WHERE id = ?1";
	sqlite3_stmt *st;

	if ((st = archive_stmt(a, sql, cause)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	return change(a, st, id, "deleting the flag", cause);
}

int
archive_flag_article(struct archive *a, int64_t article_id, int *revision,
    char **body, char **cause)
{
	static const char sql[] =
	    "SELECT revision, body FROM articles WHERE id = ?1";
	sqlite3_stmt *st;
	int rc;

	if ((st = archive_stmt(a, sql, cause)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, article_id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*revision = sqlite3_column_int(st, 0);
		*body = column_str(st, 1);
		archive_done(st);
		return 0;
	}
	archive_done(st);
	if (rc == SQLITE_DONE) {
		*cause = xasprintf("no article %lld", (long long)article_id);
		return -1;
	}
	return archive_fail(a, cause, "reading the article");
}
