/*
 * Reading a newsboat cache.db (newsboat's SQLite store of feeds and
 * items). It lives in src/archive/ because only the archive module talks
 * to SQLite; the rows it produces are finished by import_newsboat_finish()
 * (HTML to text, language) before they are stored.
 *
 * The user's cache is never opened: it (and a -journal or -wal beside it)
 * is copied to a private temporary file first, so a running newsboat, a
 * hot journal or a read-only medium is no problem and nothing of the
 * user's is ever written or removed. The copy is opened with
 * trusted_schema off and SQLITE_DBCONFIG_DEFENSIVE, checked with
 * PRAGMA quick_check, and read with the schema newsboat 2.10 to 2.33
 * writes (src/cache.cpp), detecting optional columns.
 */
#ifndef LEDE_ARCHIVE_NEWSBOAT_H
#define LEDE_ARCHIVE_NEWSBOAT_H

#include "util/article.h"

/* Newest newsboat cache schema major version understood. */
#define NEWSBOAT_SCHEMA_MAJOR	2
/* Bytes of raw HTML kept from one item's content (more is cut). */
#define NEWSBOAT_MAX_CONTENT	(16u << 20)
/* A value larger than this makes the cache unreadable (memory bound). */
#define NEWSBOAT_MAX_VALUE	(256u << 20)

/*
 * Call fn for each item of the cache at path that newsboat has not deleted,
 * in the order newsboat stored them, until fn returns non-zero. fn owns the
 * article (article_free). Fields: guid, title, author, url, published
 * (pubDate as ISO 8601 UTC), read (from unread), body (the item's content,
 * raw HTML, NOT yet text: run import_newsboat_finish()), source and
 * source_url (the feed's title and link; source falls back to the feed
 * URL), origin ("newsboat:FEEDURL"), language "ar" when newsboat marked
 * the feed right-to-left (a hint). Strings are copied as stored and may be
 * invalid UTF-8 until finished.
 *
 * Returns the number of items delivered, or -1 and *cause (caller frees):
 * "not a newsboat cache", "unsupported newsboat cache version M.m", a
 * failed integrity check, or a file that cannot be read or copied.
 */
int	 archive_newsboat_read(const char *path,
	    int (*fn)(struct article *a, void *arg), void *arg, char **cause);

#endif
