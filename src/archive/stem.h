/*
 * The Porter stemmer (M.F. Porter, "An algorithm for suffix stripping",
 * 1980) for English words, used by the archive's full-text tokenizer so
 * that "protest", "protesters" and "protesting" index as one term. Pure
 * code, no SQLite.
 */
#ifndef LEDE_ARCHIVE_STEM_H
#define LEDE_ARCHIVE_STEM_H

#include <stddef.h>

/*
 * Stem the lower-case ASCII word w[0..len) in place and return its new
 * length (never longer). Words of two letters or fewer, and words holding
 * anything but 'a'..'z', are returned unchanged.
 */
size_t	 archive_stem(char *w, size_t len);

#endif
