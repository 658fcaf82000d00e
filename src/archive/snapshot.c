/*
 * Read snapshots: a listing that spans many pages (lede list --limit 0,
 * an export) must see one state of the archive even while an import
 * commits beside it. A savepoint opened outside a transaction starts a
 * deferred one, which in WAL mode pins the snapshot at the first read and
 * never blocks the writer.
 */
#include "config.h"

#include <sqlite3.h>

#include "archive/archive.h"
#include "archive/archive_int.h"
#include "util/xalloc.h"

int
archive_snapshot_begin(struct archive *a, char **cause)
{
	if (sqlite3_exec(a->db, "SAVEPOINT lede_snapshot", NULL, NULL, NULL) !=
	    SQLITE_OK) {
		*cause = xasprintf("%s: %s", a->path, sqlite3_errmsg(a->db));
		return -1;
	}
	return 0;
}

void
archive_snapshot_end(struct archive *a)
{
	sqlite3_exec(a->db, "RELEASE lede_snapshot", NULL, NULL, NULL);
}

int
archive_busy(const struct archive *a)
{
	int rc = sqlite3_extended_errcode(a->db) & 0xff;

	return rc == SQLITE_BUSY || rc == SQLITE_LOCKED;
}
