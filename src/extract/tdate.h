/*
 * Calendar points with a granularity, for TIMEX3 normalisation. Internal
 * to src/extract (the unit tests use it too).
 */
#ifndef LEDE_EXTRACT_TDATE_H
#define LEDE_EXTRACT_TDATE_H

#include <stddef.h>

enum tgran {
	G_NONE, G_CENTURY, G_DECADE, G_YEAR, G_HALF, G_QUARTER, G_SEASON,
	G_MONTH, G_WEEK, G_WEEKEND, G_DAY
};

struct tdate {
	int		 y, m, d;	/* a representative day */
	enum tgran	 gran;
};

int	 tdate_days_in_month(int y, int m);
int	 tdate_valid(int y, int m, int d);
long	 tdate_to_days(int y, int m, int d);
void	 tdate_from_days(long, int *y, int *m, int *d);
/* ISO weekday of the day: Monday 1 ... Sunday 7. */
int	 tdate_weekday(const struct tdate *);
void	 tdate_add_days(struct tdate *, long);
void	 tdate_add_months(struct tdate *, long);
/* Move by n units of the given granularity (weeks, quarters ...). */
void	 tdate_add(struct tdate *, enum tgran unit, long n);
/* TIMEX3 value at the date's granularity: 2025-03-20, 2025-W12, 2025-Q1. */
void	 tdate_format(const struct tdate *, char *out, size_t size);
/* Parse "YYYY", "YYYY-MM" or "YYYY-MM-DD" (anything after is ignored).
 * Returns 0, or -1 when absent or invalid. */
int	 tdate_parse_ref(const char *, struct tdate *);
/* Compare the representative days. */
int	 tdate_cmp(const struct tdate *, const struct tdate *);

#endif
