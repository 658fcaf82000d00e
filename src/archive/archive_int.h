/*
 * Inside the archive module: the connection struct, the statement cache
 * and the helpers every file of src/archive/ shares. Not for other modules
 * (it includes <sqlite3.h>).
 */
#ifndef LEDE_ARCHIVE_INT_H
#define LEDE_ARCHIVE_INT_H

#include <sqlite3.h>
#include <stdint.h>

#include "archive/archive.h"

#define ARCHIVE_APPLICATION_ID	0x4C454445	/* 'LEDE' */
/* How long a connection waits for another one's write lock. */
#define ARCHIVE_BUSY_MS		5000

/*
 * Sort keys: minute << ARCHIVE_SEQ_BITS | seq, with minute the article's
 * minute number (archive_date_minute(): 33 bits up to the year 9999) and
 * seq its place among the articles of that minute in order of arrival
 * (put.c allocates it; a minute that holds 2^ARCHIVE_SEQ_BITS articles
 * lends keys from the next one). The key is the FTS rowid, and FTS5
 * stores the gap between neighbouring rowids of every posting as a
 * varint, so the key is kept as compact as the order allows: with the
 * article id in the low 30 bits (schema 1) the index was 1.46x the size
 * it has with plain ids; with 10 bits of sequence, 1.15x.
 * ARCHIVE_KEY_DAY is the first key of a day.
 */
#define ARCHIVE_SEQ_BITS		10
#define ARCHIVE_KEY_MINUTE(minute)	((int64_t)(minute) << ARCHIVE_SEQ_BITS)
#define ARCHIVE_KEY_DAY(day)		ARCHIVE_KEY_MINUTE((int64_t)(day) * 1440)
/* The most articles an archive holds (ids are kept below 2^30). */
#define ARCHIVE_MAX_ID			((INT64_C(1) << 30) - 1)

/*
 * FNV-1a (64 bits), the one hash of the module: the content hash stored
 * with every article (put.c), the author check of kept terms (terms.c)
 * and the entity cache (entities.c). archive_fnv1a() goes on from h over
 * the bytes of s (none when NULL); start from ARCHIVE_FNV_OFFSET. The
 * content hash is part of the file format: it must not change.
 */
#define ARCHIVE_FNV_OFFSET	0xcbf29ce484222325ULL
#define ARCHIVE_FNV_PRIME	0x100000001b3ULL

static inline uint64_t
archive_fnv1a(uint64_t h, const char *s)
{
	if (s != NULL)
		for (; *s != '\0'; s++) {
			h ^= (unsigned char)*s;
			h *= ARCHIVE_FNV_PRIME;
		}
	return h;
}

struct archive {
	sqlite3		*db;
	char		*path;
	int		 flags;
	int		 in_txn;
	const char	*warning;	/* static text, or NULL */
	const char	*readonly_why;	/* static text, or NULL: asked for */
	struct archive_cached {
		const char	*sql;	/* identity: a static string */
		sqlite3_stmt	*stmt;
	}		*cache;		/* grows: the set of static SQL is finite */
	size_t		 ncache;
	/* An instance of the lede tokenizer for archive_fts_has_terms(). */
	fts5_tokenizer	 tok;
	Fts5Tokenizer	*tokinst;
	/* What the connection's lede tokenizers share (tokenizer.c). */
	struct archive_fts_ctx *ftsctx;
	/*
	 * The articles stored in the open transaction, whose full-text
	 * entries wait for archive_commit() (put.c), in order of storing.
	 */
	struct archive_fts_doc *fts_pending;
	size_t		 nfts_pending, capfts_pending;
	/*
	 * Articles from which a listing filtered by an entity tests each
	 * row in sort order for membership in the set of the entity's
	 * articles instead of gathering them, and from which it probes each
	 * row's mentions instead (list.c); 0: ARCHIVE_ENTITY_MEMBER and
	 * ARCHIVE_ENTITY_PROBE. Tests lower them.
	 */
	int64_t		 entity_member;
	int64_t		 entity_probe;
	/*
	 * Entity ids by kind and name, as this connection found or stored
	 * them (entities.c), with the aliases it stored for them: an import
	 * looks the same few names up again and again. Emptied when a write
	 * is rolled back (but for the entities still waiting for the commit)
	 * and when another connection has committed since (PRAGMA
	 * data_version).
	 */
	struct archive_entity_slot {
		uint64_t	 hash;		/* 0: empty */
		int64_t		 id;
		char		*name;
		int		 kind;
		char		**aliases;	/* stored: no INSERT again */
		size_t		 naliases;
	}		*ents;
	size_t		 nents, capents;
	int64_t		 data_version;
	/*
	 * entity_index rows of the articles whose extraction results changed
	 * in the open transaction, written at archive_commit() (entities.c):
	 * FTS5 flushes its term buffer on every SAVEPOINT once written, and
	 * each put has one. ents_dirty: a savepoint was rolled back since
	 * (archive_entities_forget()), so the new tokens are read again from
	 * mentions at the flush.
	 */
	struct archive_entity_row {
		int64_t		 article;
		char		*old;	/* its tokens before: NULL none */
		char		*now;	/* its tokens now: NULL none */
	}		*entrows;
	size_t		 nentrows, capentrows;
	int		 ents_dirty;
	/*
	 * Entities created in the open transaction, id given, rows written
	 * at archive_commit() (entities.c): inserted at random places in
	 * two indexes inside a put's SAVEPOINT, each cost a copy of every
	 * page touched. Aliases likewise. next_entity: the next id, 0 until
	 * the transaction needs one.
	 */
	struct archive_new_entity {
		int64_t		 id;	/* of the entity */
		int		 kind;	/* -1: an alias of id */
		char		*name;	/* the name, or the alias */
	}		*newents;
	size_t		 nnewents, capnewents;
	int64_t		 next_entity;
	/* Checkpoints on their own thread (checkpoint.c): NULL, none. */
	struct archive_ckpt *ckpt;
};

#define ARCHIVE_ENTITY_MEMBER	2500
#define ARCHIVE_ENTITY_PROBE	20000

/*
 * A prepared statement for sql, a string with static storage: prepared
 * once per connection and kept. Returned reset, bindings cleared; the
 * caller resets it when done (archive_done()) so no read snapshot is held.
 * NULL and *cause on failure.
 */
sqlite3_stmt	*archive_stmt(struct archive *, const char *sql, char **cause);
void		 archive_done(sqlite3_stmt *);
/* One statement without rows, through the cache of prepared statements
 * (for those run once per article); what names it in *cause. */
int		 archive_run(struct archive *, const char *sql, const char *what,
		    char **cause);

/*
 * Index the articles stored in this transaction (put.c), in ascending
 * rowid order, at commit: FTS5 flushes its in-memory term buffer to a new
 * segment whenever a rowid is lower than the previous one, and on every
 * SAVEPOINT once the table has been written in the transaction, so
 * indexing each article as it is stored (one savepoint each, sort keys in
 * date order, not arrival order) made a segment per article or two and
 * doubled the cost of the index. archive_fts_flush() runs before COMMIT;
 * archive_fts_forget() drops the list (rollback, rebuild).
 */
int	 archive_fts_flush(struct archive *, char **cause);
void	 archive_fts_forget(struct archive *);

/*
 * One pending full-text entry (put.c): the text an article was stored
 * with under key, kept so the commit indexes it without reading the row
 * back (and decompressing its body), and its terms when they were
 * computed ahead (terms.c). col[i] (title, author, caption, body) points
 * into text, NULL for a NULL column. Owned by the archive.
 */
struct archive_fts_doc {
	int64_t		 key;
	int64_t		 hash;		/* archive_content_hash() */
	size_t		 seq;		/* order of storing */
	char		*text;
	const char	*col[4];
	size_t		 len[4];
	unsigned char	*terms;		/* NULL: tokenized at commit */
	size_t		 terms_len;
};

/*
 * What the lede tokenizers of one connection share: while replay is set
 * (only around the insert of that document, on the connection's thread),
 * a tokenizer asked for the document terms of a text equal to one of its
 * columns replays the terms computed ahead instead of computing them.
 */
struct archive_fts_ctx {
	fts5_api			*api;
	const struct archive_fts_doc	*replay;
};

/*
 * Checkpoints of a bulk connection on a thread of their own, with a
 * second connection to the file (checkpoint.c). archive_ckpt_start()
 * replaces the automatic checkpoint (nothing on a read-only connection
 * or when started already); archive_ckpt_wait(), before a write
 * transaction begins, waits for the running checkpoint once the WAL has
 * grown past its limit; archive_ckpt_stop() joins the thread and brings
 * the automatic checkpoint back. For tests: the checkpoints the thread
 * has finished, and its two page counts (after a commit, a checkpoint;
 * past the second, archive_ckpt_wait() waits).
 */
void	 archive_ckpt_start(struct archive *);
void	 archive_ckpt_wait(struct archive *);
void	 archive_ckpt_stop(struct archive *);
uint64_t archive_ckpt_done(struct archive *);
void	 archive_ckpt_tune(struct archive *, int pages, int wait_pages);

/* Set *cause to why a write is refused on a read-only archive; -1. */
int	 archive_readonly_fail(struct archive *, char **cause);
/* Set *cause to "what: <sqlite3_errmsg>" and return -1. */
int	 archive_fail(struct archive *, char **cause, const char *what);
/* Run SQL without results; -1 and *cause on failure. */
int	 archive_exec(struct archive *, const char *sql, char **cause);
/* Bind text or NULL. */
int	 archive_bind_text(sqlite3_stmt *, int i, const char *s);
/* A copy of column i as a string, or NULL. Caller frees. */
char	*archive_column_strdup(sqlite3_stmt *, int i);

/* put.c: the id of a source, created on demand; 0 for none, -1 on error. */
int64_t	 archive_source_id(struct archive *, const char *name, const char *url,
	    const char *corrections, char **cause);

/*
 * entities.c: replace the extraction results of article id (which
 * exists) with ex (NULL: none), inside the caller's transaction and
 * savepoint. fresh: the article was inserted by this put, so it has no
 * results to clear. -1 and *cause on failure, with the rows half written: the
 * caller rolls its savepoint back.
 */
struct extract_result;
int	 archive_put_extract_in(struct archive *, int64_t id,
	    const struct extract_result *ex, int fresh, char **cause);
/*
 * entities.c: write the entity_index rows the transaction changed
 * (before COMMIT), or drop them: _forget() also drops the new entities
 * waiting for commit (rollback); _forget_rows() keeps them (a rebuild of
 * the index inside the transaction, whose mentions already use their
 * ids).
 */
int	 archive_entity_index_flush(struct archive *, char **cause);
void	 archive_entity_index_forget(struct archive *);
void	 archive_entity_index_forget_rows(struct archive *);
/* entities.c: qsort() order of int64_t ids, ascending. */
int	 archive_cmp_id(const void *, const void *);
/*
 * schema.c: fill the empty entity_index from mentions (migration,
 * rebuild); progress, if not NULL, hears (done, total) now and then and
 * (total, total) at the end.
 */
int	 archive_entity_index_fill(sqlite3 *,
	    void (*progress)(int64_t, int64_t), char **cause);
/*
 * entities.c: the entity_index query (FTS5 syntax) for the entities named
 * or aliased name, in *match (caller frees), NULL when there are none.
 */
int	 archive_entity_match(struct archive *, const char *name,
	    char **match, char **cause);

/* entities.c: forget the cached entity ids (a rollback, a commit by
 * another connection); archive_entities_check() empties the cache when
 * another connection has committed since it last looked. */
void	 archive_entities_forget(struct archive *);
int	 archive_entities_check(struct archive *, char **cause);

/* entities.c: kind and event type names, in enum extract_* order. */
extern const char *const archive_kinds[3];
extern const char *const archive_ttypes[4];
/* The static name equal to s in names[0..n), or names[0]. */
const char *archive_static_name(const char *const *names, size_t n,
	    const unsigned char *s);

/*
 * schema.c: what the file is, found without writing to it (refusing
 * foreign and newer files), then, once the connection is configured,
 * bringing it to the current schema.
 */
struct archive_file {
	int	 empty;		/* no tables, no application id */
	int	 version;	/* user_version */
};
int	 archive_schema_inspect(struct archive *, struct archive_file *,
	    char **cause);
int	 archive_schema_setup(struct archive *, const struct archive_file *,
	    char **cause);

/*
 * A migration step: SQL run (with the C hook, if any) inside the
 * migration transaction, taking the schema from version `to - 1` to `to`.
 */
struct archive_migration {
	int		 to;
	const char	*sql;
	int		(*fn)(sqlite3 *, char **cause);
};
/* The archive's own steps (schema.c), n of them. For tests. */
const struct archive_migration *archive_schema_steps(size_t *n);
/* Run steps up to version `target` on db; one BEGIN IMMEDIATE. For tests. */
int	 archive_migrate(sqlite3 *db, const struct archive_migration *steps,
	    size_t nsteps, int target, char **cause);

/*
 * tokenizer.c: register the "lede" tokenizer and the lede_snippet()
 * auxiliary function on the connection, and keep a tokenizer instance.
 */
int	 archive_fts_register(struct archive *, char **cause);
void	 archive_fts_release(struct archive *);
/* Whether text yields any index term (arg: the struct archive). */
int	 archive_fts_has_terms(const char *text, size_t len, void *arg);
/*
 * For tests: append the terms of text as "term@start-end" separated by
 * spaces; flags are FTS5_TOKENIZE_* (DOCUMENT, QUERY, PREFIX).
 */
struct buf;
int	 archive_fts_tokens(struct archive *, const char *text, int flags,
	    struct buf *out);
/*
 * For tests: the way every lede tokenizer takes (tokenizer.c).
 * ARCHIVE_FTS_AUTO, the default: the ASCII fast path, unless a quarter of
 * the text is bytes from 0x80; ARCHIVE_FTS_UNICODE61: all text through
 * unicode61, as before the fast path, the reference the others are held
 * to; ARCHIVE_FTS_SPLIT: the fast path for any text. Not for use while
 * other threads tokenize.
 */
#define ARCHIVE_FTS_AUTO	0
#define ARCHIVE_FTS_UNICODE61	1
#define ARCHIVE_FTS_SPLIT	2
void	 archive_fts_path(int);
/*
 * A lede tokenizer instance that never replays, for threads other than
 * the connection's (terms.c): created on the connection's thread, then
 * used by one thread at a time. -1 and *cause on failure.
 */
int	 archive_fts_tokenizer_new(struct archive *, Fts5Tokenizer **,
	    char **cause);

/*
 * terms.c: whether the encoded terms of an article (an article's
 * fts_terms) were computed from text with this content hash and author.
 */
int	 archive_terms_match(const unsigned char *terms, size_t len,
	    int64_t hash, const char *author);
/*
 * Emit the terms computed ahead for text[0..n) if it is one of doc's
 * columns: emit's result (SQLITE_OK when all went); -1 when doc has no
 * terms for that text, and the caller tokenizes it.
 */
int	 archive_terms_replay(const struct archive_fts_doc *doc,
	    const char *text, int n, void *ctx,
	    int (*emit)(void *, int, const char *, int, int, int));

/* body.c: register sqlar_uncompress() on the connection. */
int	 archive_body_register(struct archive *, char **cause);

/* snippet.c: register lede_snippet(articles_fts, max_bytes). */
int	 archive_snippet_register(fts5_api *, char **cause);

/* The ids of the entities named (or aliased) :entity. */
#define ENTITY_IDS							\
	"SELECT id FROM entities WHERE name = :entity COLLATE NOCASE"	\
	" UNION SELECT entity_id FROM entity_aliases"			\
	" WHERE alias = :entity COLLATE NOCASE"

#endif
