/*
 * The side panel's chart of events by month: TIMEX values placed on a
 * calendar month, counted per month (per quarter or per year when the
 * story spans more months than the panel can show), and drawn as bars of
 * block characters, so the shape of a story is seen, not read. Pure: no
 * curses, unit-tested alone.
 */
#ifndef LEDE_TUI_CHART_H
#define LEDE_TUI_CHART_H

#include <stddef.h>

enum chart_unit { CHART_MONTH, CHART_QUARTER, CHART_YEAR };

struct chart_bin {
	int	 first;		/* first month of the bin (chart_month) */
	size_t	 count;
};

struct chart {
	enum chart_unit	 unit;
	struct chart_bin *bins;	/* in time order */
	size_t		 nbins;
	size_t		 max;		/* the largest count */
	size_t		 placed;	/* values that fell on a month */
	int		 sparse;	/* empty bins left out (years only) */
};

/*
 * The month a TIMEX value falls in, as year * 12 + month - 1: 2025-01,
 * 2025-01-11 and 2025-01-11T09:00 are January 2025; an ISO week
 * (2025-W02) is the month of its Thursday. -1 when the value names no
 * month (NULL, 2025, 2025-SU, 2025-Q1, P11D, PAST_REF, XXXX-01).
 */
int	 chart_month(const char *value);

/*
 * Count months (as chart_month gives them; -1 are skipped) into bins: one
 * per month from the first to the last when they are at most max_bins,
 * else one per quarter, else one per year, empty bins kept so gaps show;
 * years that still number more than max_bins keep only the years that
 * have events (sparse). No months: no bins. chart_release() frees.
 */
void	 chart_build(struct chart *, const int *months, size_t n,
	    size_t max_bins);
void	 chart_release(struct chart *);
/* The bin holding month m, or -1. */
long	 chart_bin_of(const struct chart *, int m);
/* The label of bin i: "2025-01", "2025-Q1" or "2025" (8 bytes suffice). */
void	 chart_label(const struct chart *, size_t i, char *buf, size_t size);
/* "By month", "By quarter", "By year". Static. */
const char *chart_title(const struct chart *);

/*
 * A horizontal bar for count out of max in at most width columns, in
 * eighths of a column (█ and one of ▏▎▍▌▋▊▉ at the end); a count above
 * zero is never shorter than ▏. "" for 0. Caller frees.
 */
char	*chart_bar(size_t count, size_t max, size_t width);
/*
 * One column per bin, ▁ to █ by count out of the chart's max, a space
 * for an empty bin. Caller frees.
 */
char	*chart_spark(const struct chart *);

#endif
