/*
 * What `list` and `search` share: fetching rows page by page up to a limit
 * (keyset paging, so --limit 0 streams a whole archive in bounded memory)
 * and printing them plain or as one JSON array.
 */
#ifndef LEDE_CLI_LISTING_H
#define LEDE_CLI_LISTING_H

#include <stddef.h>

struct archive;
struct archive_filter;

/* Print up to limit rows (0: all). Returns the exit status. */
int	 listing_print(struct archive *, const struct archive_filter *,
	    size_t limit, int json, int snippets);
/* Parse a (partial) ISO date for --since/--until; 0 if valid. */
int	 listing_valid_date(const char *);

#endif
