/*
 * The archive: one SQLite file holding articles, their full-text index,
 * entities, temporal expressions and correction flags. This header is the
 * only way the rest of lede reaches the database; <sqlite3.h> is included
 * by src/archive/ alone.
 *
 * Threading: a struct archive is one connection, used by one thread at a
 * time. Writers take BEGIN IMMEDIATE through archive_begin(); imports
 * commit in batches. Every function that can fail returns -1 (or NULL) and
 * stores a message in *cause that the caller frees; nothing here prints.
 *
 * Offsets are UTF-8 byte offsets into the stored body, everywhere.
 */
#ifndef LEDE_ARCHIVE_ARCHIVE_H
#define LEDE_ARCHIVE_ARCHIVE_H

#include <stddef.h>
#include <stdint.h>

#include "util/article.h"

struct archive;
struct extract_result;

#define ARCHIVE_READONLY	0x1	/* open read-only, never create */
#define ARCHIVE_BULK		0x2	/* tune the connection for a large import
					   (256 MiB page cache, temp in memory) */

/*
 * The default archive path: $LEDE_ARCHIVE, else
 * $XDG_DATA_HOME/lede/archive.db, else ~/.local/share/lede/archive.db.
 * Caller frees.
 */
char	*archive_default_path(void);

/*
 * Open (creating it and its directory unless ARCHIVE_READONLY) the archive
 * at path, migrating an older schema inside one transaction. A file that is
 * not a lede archive, or comes from a newer lede, is refused and left
 * untouched ("PATH: not a lede archive (...)", "... made by a newer
 * lede ..."); a 0-byte file counts as new. New archives get 16 KiB pages.
 * The connection runs in WAL mode with synchronous=NORMAL, foreign keys
 * on, trusted_schema off, the defensive flag, a 5 s busy timeout, and the
 * lede full-text tokenizer and sqlar_uncompress() (which the `articles`
 * view calls to show the stored bodies) registered (read-only
 * connections too). An upgrade that takes long is reported through the
 * archive_set_migrate_progress() callback. A
 * read-only open of an archive that needs migrating is refused. NULL and
 * *cause on failure.
 */
struct archive	*archive_open(const char *path, int flags, char **cause);
/*
 * Give an open read-write connection the ARCHIVE_BULK tuning, for an
 * import that has been handed a connection opened without it. 0, or -1
 * and *cause.
 */
int		 archive_tune_bulk(struct archive *, char **cause);
void		 archive_close(struct archive *);
const char	*archive_path(const struct archive *);
/*
 * Something the user should know about an archive that did open (for
 * example: WAL mode was refused, so readers make writers wait), or NULL.
 * Static text.
 */
const char	*archive_warning(const struct archive *);
/* Schema version this build writes (PRAGMA user_version). */
int		 archive_schema_version(void);

/*
 * BEGIN IMMEDIATE (waiting up to 5 s for another writer) / COMMIT /
 * ROLLBACK. Writers that are not inside archive_begin() run as their own
 * transaction. A failed COMMIT rolls back.
 */
/*
 * Whether the last failure was another connection holding the write lock
 * past the busy timeout (so waiting longer may help).
 */
int	 archive_busy(const struct archive *);
int	 archive_begin(struct archive *, char **cause);
int	 archive_commit(struct archive *, char **cause);
void	 archive_rollback(struct archive *);

/* The most text one article may hold (all fields together), in bytes. */
#define ARCHIVE_MAX_ARTICLE	(256 * 1024 * 1024)

enum archive_put_status {
	ARCHIVE_INSERTED,	/* a new article */
	ARCHIVE_UPDATED,	/* same article (guid/url), changed: new revision */
	ARCHIVE_UNCHANGED,	/* already there, identical */
};

/*
 * Store an article inside the caller's transaction (or its own when none
 * is open), all or nothing (a savepoint). Identity is the
 * source's guid, else its URL, else the content hash: the same article
 * imported again adds nothing; a changed one is updated in place as a new
 * revision, the previous text kept in article_revisions (the caller then
 * re-anchors its flags: flag_reanchor_article()). Without a guid or URL,
 * changed text is a different article. ex (may be NULL) holds the entities
 * and temporal expressions found in the body; they replace the article's
 * previous ones (an article whose text changed, stored with ex NULL,
 * keeps none, since old offsets would not fit its new body). *id (may be NULL) receives the
 * article id.
 * Returns an enum archive_put_status, or -1 and *cause.
 */
int	 archive_put(struct archive *, const struct article *,
	    const struct extract_result *ex, int64_t *id, char **cause);

/*
 * Replace the stored extraction results of one article (for reindex);
 * ex NULL clears them. Runs in the caller's transaction, or its own.
 */
int	 archive_put_extract(struct archive *, int64_t id,
	    const struct extract_result *ex, char **cause);

/* The whole article, body included, or NULL (*cause says "no article N"). Caller frees. */
struct article	*archive_get(struct archive *, int64_t id, char **cause);

/*
 * Mark article id read (read 1) or unread (0), waiting for the write lock
 * like every writer. 0, or -1 and *cause.
 */
int	 archive_set_read(struct archive *, int64_t id, int read, char **cause);
struct archive_mark {
	int64_t	 id;
	int	 read;
};
/*
 * Store n read marks in one transaction (the caller's, or its own). With
 * nowait it never waits: while another connection holds the write lock
 * (an import), nothing is written and it returns -1 at once with
 * archive_busy() true, so a front end can keep the marks and try again
 * later. 0, or -1 and *cause.
 */
int	 archive_set_reads(struct archive *, const struct archive_mark *,
	    size_t n, int nowait, char **cause);

/*
 * Listing. Rows carry no body: the list is served by an index. Paging is by
 * key (the row's sort key), never by offset, so a page costs the same at
 * the top or the bottom of a million articles.
 */
enum archive_order {
	ARCHIVE_NEWEST,		/* by published time in UTC (date only:
				   midnight; none: the import time), newest
				   first (default); same minute: imported
				   later first */
	ARCHIVE_OLDEST,
	ARCHIVE_RELEVANCE,	/* bm25 (title weighs most); newest first
				   without a query; pages by offset */
};

struct archive_filter {
	const char	*query;		/* lede query syntax (see query.h), or NULL */
	const char	*source;	/* source name (ASCII case ignored), or NULL */
	const char	*since;		/* inclusive (partial) ISO date, or NULL; */
	const char	*until;		/* the UTC day of the time sorted by; a
					   malformed one is an error ("invalid
					   date ...") */
	const char	*entity;	/* canonical name or alias, or NULL */
	enum archive_order order;
	int		 unread_only;
};

struct archive_row {
	int64_t	 id;
	int64_t	 key;		/* sort key: pass back for the next page */
	double	 rank;		/* relevance order: bm25 score */
	char	*published;
	char	*source;
	char	*title;
	char	*author;
	char	*url;
	char	*snippet;	/* with a query: ~200 bytes around the first
				   match of the body (else caption, title),
				   "…" where cut, line breaks as spaces, matches
				   between \x02 and \x03 (stripped from the stored
				   text first, so content cannot forge them) */
	int	 read;
	int	 nflags;
};

struct archive_page {
	struct archive_row	*rows;
	size_t			 nrows;
};

/*
 * Fetch up to limit rows after (forward) or before (backward) the row
 * with sort key `after` in the filter's order; after = 0 starts at the
 * top (forward) or bottom (backward). Backward pages are returned in
 * display order. With ARCHIVE_RELEVANCE `after` is an offset into the
 * ranking (relevance cannot page by key). Snippets are made only when
 * want_snippets is set. A NULL filter lists everything, newest first.
 * Returns 0, or -1 and *cause (a query the user typed
 * never causes an FTS5 syntax error; a query that cannot match gives no rows).
 */
int	 archive_list(struct archive *, const struct archive_filter *,
	    int64_t after, int backward, size_t limit, int want_snippets,
	    struct archive_page *page, char **cause);
void	 archive_page_release(struct archive_page *);
/*
 * What the user should be told about how a query was read, or NULL: terms
 * past the limit ignored, or nothing searchable in it. For a status
 * line; the query runs either way. Caller frees.
 */
char	*archive_query_note(struct archive *, const char *query);
/*
 * The articles that mention an entity (canonical name or alias, ASCII
 * case ignored), counted up to cap (0: all), so the cost is bounded by
 * cap: whether they are few enough to count at once. -1 and *cause on
 * failure.
 */
int64_t	 archive_entity_mentions(struct archive *, const char *entity,
	    int64_t cap, char **cause);
/* Articles matching the filter (may be slow for a broad query on a huge archive). */
int64_t	 archive_count(struct archive *, const struct archive_filter *, char **cause);
/*
 * Rows that come before key in the filter's order: the 0-based position
 * of the row. Not for ARCHIVE_RELEVANCE (-1 and *cause), which pages by
 * offset anyway.
 */
int64_t	 archive_position(struct archive *, const struct archive_filter *,
	    int64_t key, char **cause);
/*
 * Read from one snapshot until archive_snapshot_end(), so a listing of
 * many pages is consistent while another process imports. Not for use
 * inside archive_begin()..archive_commit().
 */
int	 archive_snapshot_begin(struct archive *, char **cause);
void	 archive_snapshot_end(struct archive *);
/* Total articles in the archive: a count kept by triggers, one row read. */
int64_t	 archive_total(struct archive *);

/* Distinct sources with article counts, for filters. */
struct archive_source {
	char	*name;
	char	*url;
	char	*corrections;
	int64_t	 count;
};
int	 archive_sources(struct archive *, struct archive_source **, size_t *,
	    char **cause);
void	 archive_sources_free(struct archive_source *, size_t);
/* Set a source's corrections address (creates the source if needed). */
int	 archive_set_corrections(struct archive *, const char *source,
	    const char *address, char **cause);

/*
 * Integrity: SQLite's integrity_check, the FTS5 index against the articles,
 * foreign keys, flag counts. *report receives human-readable findings, one
 * a line, or "ok" (caller frees). On a read-only connection the index is
 * only counted (FTS5's check is a write statement). Returns 0 when all is
 * well, 1 when problems were found, -1 on error.
 */
int	 archive_check(struct archive *, char **report, char **cause);

/*
 * Rebuild the full-text index from the articles and the entity index
 * from the mentions (what archive_check's "full-text index" and "entity
 * index" findings call for; `lede reindex` should run it). Costs about
 * as much as importing everything again. 0, or -1 and *cause.
 */
int	 archive_rebuild_fts(struct archive *, char **cause);
/*
 * Merge the full-text index into one segment and refresh the planner's
 * statistics: worth it after a large import. 0, or -1 and *cause.
 */
int	 archive_optimize(struct archive *, char **cause);

/*
 * Walk every article (body included) in id order, calling fn until it
 * returns non-zero. For reindex and exports.
 */
int	 archive_foreach(struct archive *,
	    int (*fn)(const struct article *, void *), void *arg, char **cause);

/*
 * Entities. One canonical entity per (kind, name) across the archive;
 * aliases are the other surface forms extraction saw.
 */
struct archive_mention {
	size_t	 start, end;	/* byte offsets into the body */
};

struct archive_entity {
	int64_t			 id;
	const char		*kind;		/* "person", "org", "place" (static) */
	char			*name;
	char			**aliases;
	size_t			 naliases;
	int64_t			 count;		/* mentions in the article; or, for
						   the whole archive, articles */
	struct archive_mention	*mentions;	/* one article only, in text order */
	size_t			 nmentions;
};

/*
 * The entities of article `id` (ordered by first mention), or with id 0
 * those of the whole archive with article counts (most articles first; at
 * most limit of them, 0 for all). Returns 0 and an array the caller frees
 * with archive_entities_free(), or -1 and *cause ("no article N").
 */
int	 archive_entities(struct archive *, int64_t id, size_t limit,
	    struct archive_entity **, size_t *, char **cause);
void	 archive_entities_free(struct archive_entity *, size_t);

/* A temporal expression (TIMEX3-style) and the sentence holding it. */
struct archive_event {
	int64_t	 article_id;
	const char *type;	/* "date", "time", "duration", "set" (static) */
	char	*text;		/* the expression as written */
	char	*value;		/* 2025-01-11, 2024-04, P11D, PAST_REF; may be NULL */
	size_t	 start, end;	/* byte offsets of the expression in the body */
	size_t	 sent_start, sent_end;
	char	*sentence;	/* copy of body[sent_start..sent_end) */
};

/*
 * A timeline, sorted by value (then article, offset): the events of
 * article `id` (entity NULL); or, with id 0 and entity set (canonical name
 * or alias, ASCII case ignored), the events across the archive whose
 * sentence mentions that entity; or, with both 0/NULL, every event. At
 * most limit events (0: all). Caller frees with archive_events_free().
 * Returns 0, or -1 and *cause.
 */
int	 archive_timeline(struct archive *, int64_t id, const char *entity,
	    size_t limit, struct archive_event **, size_t *, char **cause);
void	 archive_events_free(struct archive_event *, size_t);

/*
 * The stored content hash of an article's text (FNV-1a 64 over title,
 * caption and body), as archive_put() computes it.
 */
int64_t	 archive_content_hash(const struct article *);

/*
 * Bodies in their stored form (schema 5, body.c): the sqlar convention,
 * a zlib stream of the text (made by libdeflate) when that is shorter,
 * else the text itself; a stored length equal to the size means "as is".
 * These
 * touch no connection and may be called on any thread.
 *
 * archive_body_compress(): the stored form of text[0..len), *stored_len
 * bytes. Caller frees.
 * archive_body_pack(): art->stored_body, stored_len and stored_size from
 * art->body (or cleared when it has none), for archive_put() to store as
 * it is; 1 when packed, 0 for no body. Call it once the body is final.
 * archive_body_uncompress(): the text back, NUL-terminated, size bytes;
 * NULL and *cause when the stored bytes do not give exactly that.
 * Caller frees.
 */
unsigned char	*archive_body_compress(const char *text, size_t len,
		    size_t *stored_len);
int		 archive_body_pack(struct article *);
char		*archive_body_uncompress(const void *stored, size_t stored_len,
		    size_t size, char **cause);

/*
 * Full-text terms computed ahead (terms.c), so the writer's commit only
 * replays them into the index: an importer's thread tokenizes each
 * article as the lede tokenizer would at commit, and archive_put() keeps
 * the result when the article's text is still what was tokenized.
 *
 * archive_terms_new(): a tokenizer for one thread, created on the
 * archive's thread; NULL and *cause on failure. Free it with
 * archive_terms_free() before the archive is closed.
 * archive_terms_prepare(): art->fts_terms from its title, author, caption
 * and body (replacing what it held); 1 when computed, 0 when not (the
 * commit tokenizes that article itself). Call it once the text is final.
 */
struct archive_terms;
struct archive_terms	*archive_terms_new(struct archive *, char **cause);
void			 archive_terms_free(struct archive_terms *);
int			 archive_terms_prepare(struct archive_terms *,
			    struct article *);

/*
 * A long schema migration (compressing every body for schema 5) tells
 * fn how far it is: once with done 0, then every few thousand articles,
 * and once with done == total at the end. `to` is the schema version
 * being reached. Process-wide; set it before archive_open(); NULL for
 * none. The callback runs on the opening thread and must not call the
 * archive.
 */
void	 archive_set_migrate_progress(void (*fn)(int to, int64_t done,
	    int64_t total, void *arg), void *arg);

#endif
