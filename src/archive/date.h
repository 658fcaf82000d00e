/*
 * Partial ISO 8601 dates ("2025", "2025-03", "2025-03-20", optionally
 * followed by a time) as day numbers: the archive's sort key and the date
 * filters of queries are built on them. Pure code.
 */
#ifndef LEDE_ARCHIVE_DATE_H
#define LEDE_ARCHIVE_DATE_H

#include <stdint.h>

/*
 * Parse the date at the start of s: YYYY, YYYY-MM or YYYY-MM-DD, years
 * 0000-9999, optionally followed (only when strict is 0) by 'T', ' ' and
 * anything. Returns the number of parts (1, 2 or 3) and fills
 * *y, *m, *d (missing parts are 1), or 0 when s is not such a date.
 */
int	 archive_date_parse(const char *s, int strict, int *y, int *m, int *d);

/* A day number, monotonic and >= 0 for years 0000-9999. */
int64_t	 archive_date_day(int y, int m, int d);

/*
 * The first day a partial date covers, and the day after the last one
 * ("2025-02" covers 2025-02-01 up to, not including, 2025-03-01). Return
 * -1 when s is not a (strict) date.
 */
int64_t	 archive_date_first(const char *s);
int64_t	 archive_date_after(const char *s);

/* Today's day number (UTC). */
int64_t	 archive_date_today(void);

#define ARCHIVE_MINUTES_PER_DAY	1440

/*
 * The minute number (day * 1440 + minute of the day, UTC) of a (partial)
 * ISO 8601 date with an optional time: "2025-03-20T10:05:00+02:00",
 * "2025-03-20 10:05Z", "2025-03-20" (midnight), "2025". An offset moves the
 * time to UTC; a time that does not parse counts as midnight. -1 when s
 * does not start with a date.
 */
int64_t	 archive_date_minute(const char *s);

/* The current minute number (UTC). */
int64_t	 archive_date_now_minute(void);

#endif
