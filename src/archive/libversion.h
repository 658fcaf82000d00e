/* Versions of the database library, for `lede --version`. */
#ifndef LEDE_ARCHIVE_LIBVERSION_H
#define LEDE_ARCHIVE_LIBVERSION_H

/* SQLite's version string ("3.40.1"). Static. */
const char	*archive_library_version(void);
/* Whether SQLite reports FTS5 compiled in. */
int		 archive_library_has_fts5(void);

#endif
