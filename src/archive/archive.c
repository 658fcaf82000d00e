/*
 * The archive connection: opening (and creating) the file, the
 * per-connection settings, transactions, the statement cache and the
 * error helpers every other file of the module uses.
 *
 * Settings, chosen for one writer beside readers on a local disk: WAL
 * (readers never block the writer), synchronous=NORMAL (durable at
 * checkpoints; a power cut may lose the last commits, never corrupt),
 * busy_timeout 5 s (a second writer waits instead of failing),
 * foreign_keys on, trusted_schema off and the defensive flag (a hostile
 * file cannot run SQL functions from its schema or write shadow tables).
 * Writes happen only inside BEGIN IMMEDIATE, so a transaction never needs
 * to upgrade a read lock (which fails at once, whatever busy_timeout says).
 */
#include "config.h"

#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "archive/archive_int.h"
#include "util/paths.h"
#include "util/xalloc.h"

char *
archive_default_path(void)
{
	const char *v;

	if ((v = getenv("LEDE_ARCHIVE")) != NULL && *v != '\0')
		return xstrdup(v);
	if ((v = getenv("XDG_DATA_HOME")) != NULL && *v == '/')
		return xasprintf("%s/lede/archive.db", v);
	if ((v = getenv("HOME")) == NULL || *v == '\0')
		v = ".";
	return xasprintf("%s/.local/share/lede/archive.db", v);
}

/* What a person can do about the last error, or "". */
static const char *
hint(sqlite3 *db)
{
	int ext = sqlite3_extended_errcode(db);

	switch (ext & 0xff) {
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		return " (another program is writing the archive; try again)";
	case SQLITE_FULL:
		return " (disk full or file size limit)";
	case SQLITE_CORRUPT:
	case SQLITE_NOTADB:
		return " (the archive is damaged: run `lede check`, or restore "
		    "a backup)";
	case SQLITE_READONLY:
		return " (the archive or its directory is read-only)";
	case SQLITE_IOERR:
		if (ext == SQLITE_IOERR_WRITE || ext == SQLITE_IOERR_FSYNC ||
		    ext == SQLITE_IOERR_TRUNCATE)
			return " (could not write: disk full or file size limit?)";
		return "";
	default:
		return "";
	}
}

int
archive_fail(struct archive *a, char **cause, const char *what)
{
	if (cause != NULL) {
		if (a != NULL && a->db != NULL)
			*cause = xasprintf("%s: %s%s", what,
			    sqlite3_errmsg(a->db), hint(a->db));
		else
			*cause = xstrdup(what);
	}
	return -1;
}

int
archive_readonly_fail(struct archive *a, char **cause)
{
	*cause = xasprintf("%s: %s", a->path, a->readonly_why != NULL ?
	    a->readonly_why : "archive is open read-only");
	return -1;
}

int
archive_exec(struct archive *a, const char *sql, char **cause)
{
	char *err = NULL;

	if (sqlite3_exec(a->db, sql, NULL, NULL, &err) != SQLITE_OK) {
		if (cause != NULL)
			*cause = xasprintf("%s%s", err != NULL ? err :
			    sqlite3_errmsg(a->db), hint(a->db));
		sqlite3_free(err);
		return -1;
	}
	return 0;
}

sqlite3_stmt *
archive_stmt(struct archive *a, const char *sql, char **cause)
{
	sqlite3_stmt *st;
	size_t i;

	for (i = 0; i < a->ncache; i++) {
		if (a->cache[i].sql == sql) {
			st = a->cache[i].stmt;
			sqlite3_reset(st);
			sqlite3_clear_bindings(st);
			return st;
		}
	}
	if (sqlite3_prepare_v3(a->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &st,
	    NULL) != SQLITE_OK) {
		archive_fail(a, cause, "preparing a statement");
		return NULL;
	}
	/* Never evict: a caller may still hold an older statement. */
	a->cache = xreallocarray(a->cache, a->ncache + 1, sizeof *a->cache);
	a->cache[a->ncache].sql = sql;
	a->cache[a->ncache].stmt = st;
	a->ncache++;
	return st;
}

int
archive_run(struct archive *a, const char *sql, const char *what,
    char **cause)
{
	sqlite3_stmt *st;
	int rc;

	if ((st = archive_stmt(a, sql, cause)) == NULL)
		return -1;
	rc = sqlite3_step(st);
	archive_done(st);
	if (rc != SQLITE_DONE)
		return archive_fail(a, cause, what);
	return 0;
}

void
archive_done(sqlite3_stmt *st)
{
	if (st != NULL)
		sqlite3_reset(st);
}

int
archive_bind_text(sqlite3_stmt *st, int i, const char *s)
{
	if (s == NULL)
		return sqlite3_bind_null(st, i);
	return sqlite3_bind_text(st, i, s, -1, SQLITE_STATIC);
}

char *
archive_column_strdup(sqlite3_stmt *st, int i)
{
	const unsigned char *s = sqlite3_column_text(st, i);

	if (s == NULL)
		return NULL;
	return xstrndup((const char *)s, sqlite3_column_bytes(st, i));
}

/* mkdir -p for the directory part of path. */
static int
make_parent(const char *path, char **cause)
{
	char *dir = xstrdup(path), *p;
	int rc = 0;

	if ((p = strrchr(dir, '/')) != NULL && p != dir) {
		*p = '\0';
		if (paths_mkdir_p(dir) != 0) {
			*cause = xasprintf("cannot create %s: %s", dir,
			    strerror(errno));
			rc = -1;
		}
	}
	free(dir);
	return rc;
}

/* path as an SQLite URI ("file:" and the path, percent-encoded). */
static char *
file_uri(const char *path, const char *query)
{
	static const char hex[] = "0123456789ABCDEF";
	const unsigned char *p;
	char *uri, *q;

	uri = q = xmalloc(5 + strlen(path) * 3 + strlen(query) + 1);
	memcpy(q, "file:", 5);
	q += 5;
	for (p = (const unsigned char *)path; *p != '\0'; p++) {
		if (strchr("?#%", *p) != NULL || *p < 0x21 || *p >= 0x7f) {
			*q++ = '%';
			*q++ = hex[*p >> 4];
			*q++ = hex[*p & 15];
		} else
			*q++ = (char)*p;
	}
	memcpy(q, query, strlen(query) + 1);
	return uri;
}

/*
 * A WAL archive in a folder this user cannot write (read-only media, a
 * colleague's folder) cannot be read the ordinary way when no other
 * program has it open: SQLite needs to create its -shm file beside it.
 * With no -wal file there, nobody is writing it (a writer would have
 * made one), and the file is read as it is, as an immutable file.
 * Returns 1 when reopened so, 0 when that does not apply, -1 on error.
 */
static int
reopen_immutable(struct archive *a, char **cause)
{
	int ext = sqlite3_extended_errcode(a->db), rc;
	struct stat sb;
	char *wal, *uri;

	if (ext != SQLITE_READONLY_DIRECTORY && ext != SQLITE_READONLY_CANTINIT)
		return 0;
	wal = xasprintf("%s-wal", a->path);
	rc = stat(wal, &sb) == 0 && sb.st_size > 0;
	free(wal);
	if (rc)
		return 0;
	free(*cause);
	*cause = NULL;
	sqlite3_close_v2(a->db);
	a->db = NULL;
	uri = file_uri(a->path, "?immutable=1");
	rc = sqlite3_open_v2(uri, &a->db, SQLITE_OPEN_READONLY |
	    SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX, NULL);
	free(uri);
	if (rc != SQLITE_OK) {
		*cause = xasprintf("%s: %s", a->path, a->db != NULL ?
		    sqlite3_errmsg(a->db) : "cannot open");
		return -1;
	}
	sqlite3_extended_result_codes(a->db, 1);
	a->flags |= ARCHIVE_READONLY;
	a->readonly_why = "its folder cannot be written, so the archive is "
	    "open read-only";
	return 1;
}

/* Settings that belong to the connection, not the file. */
static int
configure(struct archive *a, char **cause)
{
	int on = 1, off = 0;

	if (sqlite3_busy_timeout(a->db, ARCHIVE_BUSY_MS) != SQLITE_OK ||
	    sqlite3_db_config(a->db, SQLITE_DBCONFIG_DEFENSIVE, on, NULL) !=
	    SQLITE_OK ||
	    sqlite3_db_config(a->db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, off,
	    NULL) != SQLITE_OK ||
	    sqlite3_db_config(a->db, SQLITE_DBCONFIG_ENABLE_FKEY, on, NULL) !=
	    SQLITE_OK)
		return archive_fail(a, cause, "configuring the connection");
	if (archive_exec(a, "PRAGMA foreign_keys = ON;"
	    "PRAGMA trusted_schema = OFF;"
	    "PRAGMA synchronous = NORMAL;", cause) != 0)
		return -1;
	if ((a->flags & ARCHIVE_BULK) && archive_tune_bulk(a, cause) != 0)
		return -1;
	return 0;
}

int
archive_tune_bulk(struct archive *a, char **cause)
{
	if (a->flags & ARCHIVE_READONLY)
		return 0;
	if (archive_exec(a, "PRAGMA cache_size = -262144;"	/* 256 MiB */
	    "PRAGMA temp_store = MEMORY;", cause) != 0)
		return -1;
	a->flags |= ARCHIVE_BULK;
	archive_ckpt_start(a);
	return 0;
}

/*
 * Before SQLite's first use: no memory statistics. Nothing reads them,
 * and keeping them takes a global mutex around every allocation SQLite
 * makes (a few percent of an import's writer). Too late once SQLite is
 * initialised, which only makes the call fail.
 */
static void
sqlite_setup(void)
{
	sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}

struct archive *
archive_open(const char *path, int flags, char **cause)
{
	static pthread_once_t once = PTHREAD_ONCE_INIT;

	struct archive *a;
	struct archive_file info;
	struct stat sb;
	int oflags, is_new, rc;

	if (path == NULL || *path == '\0') {
		*cause = xstrdup("no archive path given");
		return NULL;
	}
	is_new = stat(path, &sb) != 0;
	if ((flags & ARCHIVE_READONLY) && is_new) {
		*cause = xasprintf("%s: no archive there", path);
		return NULL;
	}
	if (!(flags & ARCHIVE_READONLY) && is_new &&
	    make_parent(path, cause) != 0)
		return NULL;
	a = xcalloc(1, sizeof *a);
	a->path = xstrdup(path);
	a->flags = flags;
	oflags = (flags & ARCHIVE_READONLY) ? SQLITE_OPEN_READONLY :
	    SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
	oflags |= SQLITE_OPEN_NOMUTEX;
#ifdef SQLITE_OPEN_EXRESCODE	/* 3.37; configure accepts 3.35 */
	oflags |= SQLITE_OPEN_EXRESCODE;
#endif
	pthread_once(&once, sqlite_setup);
	if (sqlite3_open_v2(path, &a->db, oflags, NULL) != SQLITE_OK) {
		*cause = xasprintf("%s: %s", path, a->db != NULL ?
		    sqlite3_errmsg(a->db) : "cannot open");
		archive_close(a);
		return NULL;
	}
	sqlite3_extended_result_codes(a->db, 1);
	/* Look before anything is written: a foreign file stays untouched. */
	if (sqlite3_busy_timeout(a->db, ARCHIVE_BUSY_MS) != SQLITE_OK)
		rc = archive_fail(a, cause, "configuring the connection");
	else if ((rc = archive_schema_inspect(a, &info, cause)) != 0 &&
	    reopen_immutable(a, cause) == 1)
		rc = archive_schema_inspect(a, &info, cause);
	if (rc != 0 ||
	    configure(a, cause) != 0 || archive_fts_register(a, cause) != 0 ||
	    archive_body_register(a, cause) != 0 ||
	    archive_schema_setup(a, &info, cause) != 0) {
		archive_close(a);
		return NULL;
	}
	return a;
}

void
archive_close(struct archive *a)
{
	size_t i;

	if (a == NULL)
		return;
	archive_ckpt_stop(a);
	for (i = 0; i < a->ncache; i++)
		sqlite3_finalize(a->cache[i].stmt);
	free(a->cache);
	if (a->db != NULL) {
		if (a->in_txn)
			sqlite3_exec(a->db, "ROLLBACK", NULL, NULL, NULL);
		archive_fts_release(a);
		sqlite3_close_v2(a->db);
	}
	archive_fts_forget(a);
	free(a->fts_pending);
	archive_entity_index_forget(a);
	archive_entities_forget(a);
	free(a->entrows);
	free(a->newents);
	free(a->path);
	free(a);
}

const char *
archive_path(const struct archive *a)
{
	return a->path;
}

const char *
archive_warning(const struct archive *a)
{
	return a->warning;
}

int
archive_begin(struct archive *a, char **cause)
{
	if (a->flags & ARCHIVE_READONLY)
		return archive_readonly_fail(a, cause);
	archive_ckpt_wait(a);
	if (archive_exec(a, "BEGIN IMMEDIATE", cause) != 0)
		return -1;
	a->in_txn = 1;
	/* another connection may have changed the entities since */
	if (archive_entities_check(a, cause) != 0) {
		archive_rollback(a);
		return -1;
	}
	return 0;
}

int
archive_commit(struct archive *a, char **cause)
{
	if ((a->nfts_pending > 0 && archive_fts_flush(a, cause) != 0) ||
	    ((a->nentrows > 0 || a->nnewents > 0) &&
	    archive_entity_index_flush(a, cause) != 0)) {
		archive_rollback(a);
		return -1;
	}
	if (archive_exec(a, "COMMIT", cause) != 0) {
		/* A failed COMMIT (disk full) may leave the transaction open;
		   either way nothing of it stays, so the entity cache must not
		   keep the ids it handed out. */
		archive_rollback(a);
		return -1;
	}
	a->in_txn = 0;
	return 0;
}

void
archive_rollback(struct archive *a)
{
	archive_fts_forget(a);
	/* drop the waiting entities first: the cache would keep them */
	archive_entity_index_forget(a);
	archive_entities_forget(a);
	if (!sqlite3_get_autocommit(a->db))
		sqlite3_exec(a->db, "ROLLBACK", NULL, NULL, NULL);
	a->in_txn = 0;
}
