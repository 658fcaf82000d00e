/*
 * The SQLite library lede runs with, for `lede --version` (the only place
 * outside the archive that needs to name it).
 */
#include "config.h"

#include <sqlite3.h>

#include "archive/libversion.h"

const char *
archive_library_version(void)
{
	return sqlite3_libversion();
}

int
archive_library_has_fts5(void)
{
	return sqlite3_compileoption_used("ENABLE_FTS5");
}
