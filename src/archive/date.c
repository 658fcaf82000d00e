/*
 * Day numbers for partial ISO 8601 dates. The civil-to-days arithmetic is
 * the usual era-based one (proleptic Gregorian calendar), counted from
 * 0000-03-01 (plus a year) so that every year lede accepts gives a non-negative number
 * that fits in the sort key's high bits.
 */
#include "config.h"

#include <time.h>

#include "archive/date.h"

static int
digits(const char *s, int n, int *v)
{
	int i;

	*v = 0;
	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return 0;
		*v = *v * 10 + (s[i] - '0');
	}
	return 1;
}

static int
month_days(int y, int m)
{
	static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31,
	    30, 31 };

	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return 29;
	return days[m - 1];
}

/* Whether c may follow a date when not strict. */
static int
date_end(char c, int strict)
{
	if (c == '\0')
		return 1;
	return !strict && (c == 'T' || c == 't' || c == ' ');
}

int
archive_date_parse(const char *s, int strict, int *y, int *m, int *d)
{
	*m = *d = 1;
	if (s == NULL || !digits(s, 4, y))
		return 0;
	if (date_end(s[4], strict))
		return 1;
	if (s[4] != '-' || !digits(s + 5, 2, m) || *m < 1 || *m > 12)
		return 0;
	if (date_end(s[7], strict))
		return 2;
	if (s[7] != '-' || !digits(s + 8, 2, d) || *d < 1 ||
	    *d > month_days(*y, *m))
		return 0;
	if (date_end(s[10], strict))
		return 3;
	return 0;
}

int64_t
archive_date_day(int y, int m, int d)
{
	int64_t era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	/* + 366: year 0000's January and February stay non-negative. */
	return era * 146097 + doe + 366;
}

int64_t
archive_date_first(const char *s)
{
	int y, m, d;

	if (archive_date_parse(s, 1, &y, &m, &d) == 0)
		return -1;
	return archive_date_day(y, m, d);
}

int64_t
archive_date_after(const char *s)
{
	int y, m, d, parts;

	if ((parts = archive_date_parse(s, 1, &y, &m, &d)) == 0)
		return -1;
	switch (parts) {
	case 1:
		return archive_date_day(y + 1, 1, 1);
	case 2:
		return m == 12 ? archive_date_day(y + 1, 1, 1) :
		    archive_date_day(y, m + 1, 1);
	default:
		return archive_date_day(y, m, d) + 1;
	}
}

int64_t
archive_date_today(void)
{
	time_t now = time(NULL);
	struct tm tm;

	gmtime_r(&now, &tm);
	return archive_date_day(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

/* Minutes east of UTC in a zone designator at s ("Z", "+02:00", "-0530"). */
static int
zone_offset(const char *s)
{
	int h, m = 0, sign;

	if (*s != '+' && *s != '-')
		return 0;
	sign = *s == '-' ? -1 : 1;
	if (!digits(s + 1, 2, &h) || h > 23)
		return 0;
	if (s[3] == ':')
		s++;
	if (s[3] != '\0' && !digits(s + 3, 2, &m))
		m = 0;
	return sign * (h * 60 + (m < 60 ? m : 0));
}

int64_t
archive_date_minute(const char *s)
{
	int y, m, d, hh, mm, parts;
	const char *t;

	if ((parts = archive_date_parse(s, 0, &y, &m, &d)) == 0)
		return -1;
	t = s + (parts == 1 ? 4 : parts == 2 ? 7 : 10);
	if (parts < 3 || (*t != 'T' && *t != 't' && *t != ' ') ||
	    !digits(t + 1, 2, &hh) || t[3] != ':' || !digits(t + 4, 2, &mm) ||
	    hh > 23 || mm > 59)
		return archive_date_day(y, m, d) * ARCHIVE_MINUTES_PER_DAY;
	t += 6;
	/* Seconds and fractions do not matter to the minute. */
	if (*t == ':')
		for (t++; (*t >= '0' && *t <= '9') || *t == '.' || *t == ','; t++)
			;
	return archive_date_day(y, m, d) * ARCHIVE_MINUTES_PER_DAY +
	    hh * 60 + mm - zone_offset(t);
}

int64_t
archive_date_now_minute(void)
{
	time_t now = time(NULL);
	struct tm tm;

	gmtime_r(&now, &tm);
	return archive_date_day(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday) *
	    ARCHIVE_MINUTES_PER_DAY + tm.tm_hour * 60 + tm.tm_min;
}
