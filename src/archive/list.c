/*
 * The article list and search results: one SQL builder for archive_list,
 * archive_count and archive_position, so the three always agree on what
 * a filter means.
 *
 * Shape of the queries. Without text terms, rows come from the covering
 * index articles_list in sort key order (keyset paging: "sortkey < ?",
 * never OFFSET). With text terms, the FTS5 table drives (CROSS JOIN fixes
 * the loop order) and its rowid is the sort key, so "newest 50 matches"
 * streams from the index and stops after 50; relevance (bm25, title
 * weighted highest) must score every match and pages by offset. Date
 * filters become ranges of the sort key (whole days), which FTS5 also
 * applies to its rowids. A negation-only query lists everything except
 * the matches of the negated terms. Snippets are computed in the same
 * query, for the returned rows only.
 *
 * An entity filter has three shapes, chosen by a capped count of the
 * entity's articles in entity_index (schema.c, version 6: an FTS5 table
 * whose rowid is the article id and whose tokens are the ids of the
 * entities it mentions; the name becomes "12 OR 57" through
 * archive_entity_match()). An entity in few articles gathers them from
 * the index and sorts them (cost: its articles). One in more is a
 * membership test: the rows are read in sort order and each is looked up
 * in the set of the entity's article ids, built once per query from the
 * index ("+a.id IN (...)": the + keeps the set from driving the loop),
 * and the page stops after limit rows (cost: its articles, cheaply, plus
 * the rows read). One in very many is checked row by row with a probe of
 * the article's mentions (keyed by article: ~30 rows each), which costs
 * limit times how rare it is but nothing per article of the entity.
 * Gathering 300,000 articles to show 50 took a second at a million
 * articles; probing a million rows for 3 matches took as long. At 90,000
 * articles, listing all 6,735 of a name by membership took 26 ms, by
 * probing 720 ms; 50 of 49,223 took 12 ms by membership, 1 ms probing.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "archive/archive_int.h"
#include "archive/date.h"
#include "archive/query.h"
#include "util/buf.h"
#include "util/xalloc.h"

/* Column weights: title, author, caption, body. */
#define BM25 "bm25(10.0, 4.0, 2.0, 1.0)"

/* A NULL filter means no filter. */
static const struct archive_filter no_filter;
#define FILTER(f)	((f) != NULL ? (f) : &no_filter)

struct plan {
	char		*match;		/* FTS5 expression, or NULL */
	char		*exclude;	/* negation-only query, or NULL */
	const char	*source;
	char		*qsource;
	char		*not_source;
	const char	*entity;
	char		*ematch;	/* entity_index query for it */
	int		 entity_shape;	/* ENTITY_* below */
	int64_t		 lo, hi;	/* key range [lo, hi), -1 for none */
	int		 unread;
	int		 nomatch;	/* nothing can match: no query needed */
	int		 relevance;
};

static void
plan_release(struct plan *p)
{
	free(p->match);
	free(p->exclude);
	free(p->qsource);
	free(p->not_source);
	free(p->ematch);
}

static int
bound(const char *date, int after, int64_t *v, char **cause)
{
	int64_t d;

	if (date == NULL || *date == '\0')
		return 0;
	d = after ? archive_date_after(date) : archive_date_first(date);
	if (d < 0) {
		*cause = xasprintf("invalid date \"%s\" (use YYYY, YYYY-MM or "
		    "YYYY-MM-DD)", date);
		return -1;
	}
	d = ARCHIVE_KEY_DAY(d);
	if (after ? (*v < 0 || d < *v) : d > *v)
		*v = d;
	return 0;
}

static const char sql_entity_articles[] =
    "SELECT count(*) FROM (SELECT 1 FROM entity_index"
    " WHERE entity_index MATCH ?1 LIMIT ?2)";

/* The articles of the entity_index query match, up to cap (-1: all). */
static int64_t
count_articles(struct archive *a, const char *match, int64_t cap,
    char **cause)
{
	sqlite3_stmt *st;
	int64_t n;
	int rc;

	if (match == NULL)
		return 0;
	if ((st = archive_stmt(a, sql_entity_articles, cause)) == NULL)
		return -1;
	archive_bind_text(st, 1, match);
	sqlite3_bind_int64(st, 2, cap);
	rc = sqlite3_step(st);
	n = sqlite3_column_int64(st, 0);
	archive_done(st);
	if (rc != SQLITE_ROW)
		return archive_fail(a, cause, "counting mentions");
	return n;
}

int64_t
archive_entity_mentions(struct archive *a, const char *entity, int64_t cap,
    char **cause)
{
	char *match;
	int64_t n;

	if (archive_entity_match(a, entity, &match, cause) != 0)
		return -1;
	n = count_articles(a, match, cap > 0 ? cap : -1, cause);
	free(match);
	return n;
}

#define ENTITY_GATHER	0
#define ENTITY_MEMBER	1
#define ENTITY_PROBE	2

/*
 * member, probe: from how many articles an entity filter takes the
 * membership shape, and the probing one (enough to choose the query's
 * shape for a list; 1 and 1 for a count, which only needs to know
 * whether there are any, and gathers).
 */
static int
plan_make(struct archive *a, const struct archive_filter *f, int64_t member,
    int64_t probe, struct plan *p, char **cause)
{
	struct query q;
	int64_t n;

	memset(p, 0, sizeof *p);
	p->lo = p->hi = -1;
	p->source = f->source;
	p->entity = f->entity != NULL && *f->entity != '\0' ? f->entity : NULL;
	p->unread = f->unread_only;
	query_parse(f->query, &q);
	query_compile(&q, archive_fts_has_terms, a, &p->match, &p->exclude);
	/* Text that yields no term (punctuation alone) matches nothing. */
	if ((q.nterms > 0 || q.empty_items > 0) && p->match == NULL &&
	    p->exclude == NULL)
		p->nomatch = 1;
	if (q.source != NULL) {
		if (p->source != NULL && strcasecmp(p->source, q.source) != 0)
			p->nomatch = 1;
		p->qsource = q.source;
		q.source = NULL;
		p->source = p->qsource;
	}
	p->not_source = q.not_source;
	q.not_source = NULL;
	if (bound(f->since, 0, &p->lo, cause) != 0 ||
	    bound(f->until, 1, &p->hi, cause) != 0 ||
	    bound(q.since, 0, &p->lo, cause) != 0 ||
	    bound(q.until, 1, &p->hi, cause) != 0) {
		query_release(&q);
		plan_release(p);
		return -1;
	}
	if (p->lo >= 0 && p->hi >= 0 && p->lo >= p->hi)
		p->nomatch = 1;
	p->relevance = f->order == ARCHIVE_RELEVANCE && p->match != NULL;
	query_release(&q);
	if (p->entity != NULL && !p->nomatch) {
		if (archive_entity_match(a, p->entity, &p->ematch,
		    cause) != 0 || (n = count_articles(a, p->ematch,
		    probe > member ? probe : member, cause)) < 0) {
			plan_release(p);
			return -1;
		}
		p->nomatch = n == 0;
		p->entity_shape = n >= probe ? ENTITY_PROBE : n >= member ?
		    ENTITY_MEMBER : ENTITY_GATHER;
	}
	return 0;
}

/*
 * FROM and WHERE (without paging) into b; key receives the key column.
 * sources adds the join that gives the source's name as s.name.
 */
static void
plan_sql(const struct plan *p, struct buf *b, int sources, const char **key)
{
	const char *join = sources ?
	    " LEFT JOIN sources s ON s.id = a.source_id" : "";

	if (p->match != NULL) {
		*key = "articles_fts.rowid";
		buf_printf(b, " FROM articles_fts CROSS JOIN articles a"
		    " ON a.sortkey = articles_fts.rowid%s"
		    " WHERE articles_fts MATCH :match", join);
	} else {
		*key = "a.sortkey";
		buf_printf(b, " FROM articles a%s WHERE 1", join);
	}
	if (p->exclude != NULL)
		buf_adds(b, " AND a.sortkey NOT IN (SELECT rowid FROM"
		    " articles_fts WHERE articles_fts MATCH :exclude)");
	if (p->lo >= 0)
		buf_printf(b, " AND %s >= :lo", *key);
	if (p->hi >= 0)
		buf_printf(b, " AND %s < :hi", *key);
	if (p->source != NULL)
		buf_adds(b, " AND a.source_id = (SELECT id FROM sources"
		    " WHERE name = :source)");
	if (p->not_source != NULL)
		buf_adds(b, " AND a.source_id IS NOT (SELECT id FROM sources"
		    " WHERE name = :not_source)");
	if (p->unread)
		buf_adds(b, " AND a.read = 0");
	if (p->entity != NULL && p->entity_shape == ENTITY_PROBE)
		buf_adds(b, " AND EXISTS (SELECT 1 FROM mentions m"
		    " WHERE m.article_id = a.id AND m.entity_id IN ("
		    ENTITY_IDS "))");
	else if (p->entity != NULL)
		buf_printf(b, " AND %sa.id IN (SELECT rowid FROM entity_index"
		    " WHERE entity_index MATCH :ematch)", p->entity_shape ==
		    ENTITY_MEMBER ? "+" : "");
}

static void
bind_named_text(sqlite3_stmt *st, const char *name, const char *v)
{
	int i = sqlite3_bind_parameter_index(st, name);

	if (i > 0)
		archive_bind_text(st, i, v);
}

static void
bind_named_int(sqlite3_stmt *st, const char *name, int64_t v)
{
	int i = sqlite3_bind_parameter_index(st, name);

	if (i > 0)
		sqlite3_bind_int64(st, i, v);
}

static sqlite3_stmt *
plan_prepare(struct archive *a, const struct plan *p, const char *sql,
    char **cause)
{
	sqlite3_stmt *st;

	if (sqlite3_prepare_v2(a->db, sql, -1, &st, NULL) != SQLITE_OK) {
		archive_fail(a, cause, "preparing a listing");
		return NULL;
	}
	bind_named_text(st, ":match", p->match);
	bind_named_text(st, ":exclude", p->exclude);
	bind_named_text(st, ":source", p->source);
	bind_named_text(st, ":not_source", p->not_source);
	bind_named_text(st, ":entity", p->entity);
	bind_named_text(st, ":ematch", p->ematch);
	bind_named_int(st, ":lo", p->lo);
	bind_named_int(st, ":hi", p->hi);
	return st;
}

static void
row_fill(struct archive_row *r, sqlite3_stmt *st)
{
	memset(r, 0, sizeof *r);
	r->id = sqlite3_column_int64(st, 0);
	r->key = sqlite3_column_int64(st, 1);
	r->rank = sqlite3_column_double(st, 2);
	r->published = archive_column_strdup(st, 3);
	r->source = archive_column_strdup(st, 4);
	r->title = archive_column_strdup(st, 5);
	r->author = archive_column_strdup(st, 6);
	r->url = archive_column_strdup(st, 7);
	r->read = sqlite3_column_int(st, 8);
	r->nflags = sqlite3_column_int(st, 9);
	if (sqlite3_column_count(st) > 10)
		r->snippet = archive_column_strdup(st, 10);
}

static void
row_release(struct archive_row *r)
{
	free(r->published);
	free(r->source);
	free(r->title);
	free(r->author);
	free(r->url);
	free(r->snippet);
}

void
archive_page_release(struct archive_page *page)
{
	size_t i;

	for (i = 0; i < page->nrows; i++)
		row_release(&page->rows[i]);
	free(page->rows);
	page->rows = NULL;
	page->nrows = 0;
}

/* Run the page query and collect its rows (reversed when asked). */
static int
fetch(struct archive *a, const struct plan *p, const char *sql, int64_t after,
    int64_t offset, size_t limit, int reverse, struct archive_page *page,
    char **cause)
{
	sqlite3_stmt *st;
	size_t cap = 0, i;
	int rc;

	if ((st = plan_prepare(a, p, sql, cause)) == NULL)
		return -1;
	bind_named_int(st, ":after", after);
	bind_named_int(st, ":offset", offset);
	bind_named_int(st, ":limit", (int64_t)limit);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (page->nrows == cap) {
			cap = cap ? cap * 2 : 64;
			page->rows = xreallocarray(page->rows, cap,
			    sizeof *page->rows);
		}
		row_fill(&page->rows[page->nrows++], st);
	}
	if (rc != SQLITE_DONE) {
		archive_fail(a, cause, "listing articles");
		sqlite3_finalize(st);
		archive_page_release(page);
		return -1;
	}
	sqlite3_finalize(st);
	for (i = 0; reverse && i < page->nrows / 2; i++) {
		struct archive_row t = page->rows[i];

		page->rows[i] = page->rows[page->nrows - 1 - i];
		page->rows[page->nrows - 1 - i] = t;
	}
	return 0;
}

/* A backward page in relevance order: the offset and size before *after. */
static int
page_back(struct archive *a, const struct archive_filter *f, int64_t *after,
    size_t *limit, char **cause)
{
	int64_t offset;

	if (*after == 0 && (*after = archive_count(a, f, cause)) < 0)
		return -1;
	offset = *after > (int64_t)*limit ? *after - (int64_t)*limit : 0;
	*limit = (size_t)(*after - offset);
	*after = offset;
	return 0;
}

int
archive_list(struct archive *a, const struct archive_filter *f,
    int64_t after, int backward, size_t limit, int want_snippets,
    struct archive_page *page, char **cause)
{
	struct plan p;
	struct buf b = BUF_INIT;
	const char *key;
	int64_t offset = 0;
	int desc, rc;

	f = FILTER(f);
	memset(page, 0, sizeof *page);
	if (plan_make(a, f, a->entity_member > 0 ? a->entity_member :
	    ARCHIVE_ENTITY_MEMBER, a->entity_probe > 0 ? a->entity_probe :
	    ARCHIVE_ENTITY_PROBE, &p, cause) != 0)
		return -1;
	if (p.nomatch || limit == 0) {
		plan_release(&p);
		return 0;
	}
	/*
	 * Result columns, snippets included, are computed only for the rows
	 * returned: in key order the FTS index streams them; in relevance
	 * order FTS5 sorts by its rank column itself ("ORDER BY rank"), so
	 * SQLite needs no sorter and LIMIT stops after the page.
	 */
	buf_adds(&b, "SELECT a.id, a.sortkey, ");
	buf_adds(&b, p.relevance ? "articles_fts.rank, " : "0, ");
	buf_adds(&b, "a.published, s.name, a.title, a.author, a.url, a.read,"
	    " a.nflags");
	if (want_snippets && p.match != NULL)
		buf_adds(&b, ", lede_snippet(articles_fts, 200)");
	plan_sql(&p, &b, 1, &key);
	if (f->order == ARCHIVE_RELEVANCE) {
		/* after is an offset into the ranking, query or not. */
		if (backward && page_back(a, f, &after, &limit, cause) != 0) {
			buf_release(&b);
			plan_release(&p);
			return -1;
		}
		offset = after;
		if (p.relevance)
			buf_adds(&b, " AND articles_fts.rank MATCH '" BM25 "'"
			    " ORDER BY articles_fts.rank");
		else
			buf_printf(&b, " ORDER BY %s DESC", key);
		buf_adds(&b, " LIMIT :limit OFFSET :offset");
		backward = 0;
	} else {
		desc = (f->order == ARCHIVE_OLDEST) == (backward != 0);
		if (after != 0)
			buf_printf(&b, " AND %s %s :after", key, desc ? "<" : ">");
		buf_printf(&b, " ORDER BY %s %s LIMIT :limit", key,
		    desc ? "DESC" : "ASC");
	}
	rc = fetch(a, &p, buf_str(&b), after, offset, limit, backward, page,
	    cause);
	buf_release(&b);
	plan_release(&p);
	return rc;
}

/* count(*) over the plan, with an extra condition on the key. */
static int64_t
count_where(struct archive *a, const struct archive_filter *f,
    const char *cmp, int64_t key, char **cause)
{
	struct plan p;
	struct buf b = BUF_INIT;
	sqlite3_stmt *st;
	const char *col;
	int64_t n = 0;
	int rc;

	f = FILTER(f);
	if (plan_make(a, f, 1, 1, &p, cause) != 0)
		return -1;
	if (p.nomatch) {
		plan_release(&p);
		return 0;
	}
	/* A count visits every match: gathering them is never worse. */
	p.entity_shape = ENTITY_GATHER;
	buf_adds(&b, "SELECT count(*)");
	plan_sql(&p, &b, 0, &col);
	if (cmp != NULL)
		buf_printf(&b, " AND %s %s :after", col, cmp);
	if ((st = plan_prepare(a, &p, buf_str(&b), cause)) == NULL) {
		n = -1;
		goto out;
	}
	bind_named_int(st, ":after", key);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		n = sqlite3_column_int64(st, 0);
	else
		n = archive_fail(a, cause, "counting articles");
	sqlite3_finalize(st);
out:
	buf_release(&b);
	plan_release(&p);
	return n;
}

int64_t
archive_count(struct archive *a, const struct archive_filter *f, char **cause)
{
	return count_where(a, f, NULL, 0, cause);
}

int64_t
archive_position(struct archive *a, const struct archive_filter *f,
    int64_t key, char **cause)
{
	f = FILTER(f);
	if (f->order == ARCHIVE_RELEVANCE) {
		*cause = xstrdup("no position by key in relevance order");
		return -1;
	}
	return count_where(a, f, f->order == ARCHIVE_OLDEST ? "<" : ">", key,
	    cause);
}

int64_t
archive_total(struct archive *a)
{
	sqlite3_stmt *st;
	int64_t n = 0;

	/* Kept by triggers (schema.c): counting would read a whole index. */
	if ((st = archive_stmt(a, "SELECT n FROM counts WHERE name ="
	    " 'articles'", NULL)) == NULL)
		return 0;
	if (sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int64(st, 0);
	archive_done(st);
	return n;
}

char *
archive_query_note(struct archive *a, const char *query)
{
	struct query q;
	char *match, *exclude, *note = NULL;

	query_parse(query, &q);
	query_compile(&q, archive_fts_has_terms, a, &match, &exclude);
	if (q.truncated)
		note = xasprintf("the query was cut: at most %d terms of %d "
		    "bytes are searched", QUERY_MAX_TERMS, QUERY_MAX_TERM_BYTES);
	else if ((q.nterms > 0 || q.empty_items > 0) && match == NULL &&
	    exclude == NULL)
		note = xstrdup("nothing to search for: no letters or digits");
	free(match);
	free(exclude);
	query_release(&q);
	return note;
}
