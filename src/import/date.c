/*
 * Dates as feeds and exports write them, turned into the ISO 8601 strings
 * the archive sorts by; and, for plain text that carries no date, a guess
 * at the publication date from the dates the text mentions.
 *
 * Parsing is strict: a field out of range (month 13, 30 February, zone
 * +2500, year 0) makes the whole date unknown rather than a wrong one.
 * Times with a zone are converted to UTC with our own calendar arithmetic
 * (no timegm(), no TZ environment).
 */
#include "config.h"

#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "import/import_int.h"
#include "util/xalloc.h"

static const char *const date_months[12] = {
	"jan", "feb", "mar", "apr", "may", "jun",
	"jul", "aug", "sep", "oct", "nov", "dec",
};
static const char *const date_month_names[12] = {
	"january", "february", "march", "april", "may", "june",
	"july", "august", "september", "october", "november", "december",
};

static const struct {
	const char	*name;
	int		 minutes;
} date_zones[] = {
	{ "GMT", 0 }, { "UT", 0 }, { "UTC", 0 }, { "Z", 0 },
	{ "EST", -300 }, { "EDT", -240 }, { "CST", -360 }, { "CDT", -300 },
	{ "MST", -420 }, { "MDT", -360 }, { "PST", -480 }, { "PDT", -420 },
};

struct date_parts {
	int	 year, month, day;	/* month/day 0 when absent */
	int	 hour, min, sec;
	int	 has_time, has_zone;
	int	 zone;			/* minutes east of UTC */
};

static int
date_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int
date_mdays(int y, int m)
{
	static const int days[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

	return m == 2 && date_leap(y) ? 29 : days[m - 1];
}

/* Days since 1970-01-01 (Howard Hinnant's days_from_civil). */
static int64_t
date_days(int y, int m, int d)
{
	int64_t era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static void
date_civil(int64_t z, int *y, int *m, int *d)
{
	int64_t era, doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yoe + era * 400 + (*m <= 2));
}

static int
date_valid(const struct date_parts *p)
{
	if (p->year < 1 || p->year > 9999)
		return 0;
	if (p->month != 0 && (p->month < 1 || p->month > 12))
		return 0;
	if (p->day != 0 && (p->month == 0 ||
	    p->day > date_mdays(p->year, p->month)))
		return 0;
	if (p->has_time && (p->hour > 23 || p->min > 59 || p->sec > 60))
		return 0;
	return p->zone > -24 * 60 && p->zone < 24 * 60;
}

static char *
date_format(struct date_parts *p)
{
	int64_t t;

	if (!date_valid(p))
		return NULL;
	if (p->month == 0)
		return xasprintf("%04d", p->year);
	if (p->day == 0)
		return xasprintf("%04d-%02d", p->year, p->month);
	if (!p->has_time)
		return xasprintf("%04d-%02d-%02d", p->year, p->month, p->day);
	if (!p->has_zone)
		return xasprintf("%04d-%02d-%02dT%02d:%02d:%02d", p->year,
		    p->month, p->day, p->hour, p->min, p->sec);
	if (p->sec == 60)
		p->sec = 59;
	t = date_days(p->year, p->month, p->day) * 86400 + p->hour * 3600 +
	    p->min * 60 + p->sec - p->zone * 60;
	date_civil(t >= 0 ? t / 86400 : (t - 86399) / 86400, &p->year,
	    &p->month, &p->day);
	t = ((t % 86400) + 86400) % 86400;
	if (p->year < 1 || p->year > 9999)
		return NULL;
	return xasprintf("%04d-%02d-%02dT%02d:%02d:%02dZ", p->year, p->month,
	    p->day, (int)(t / 3600), (int)(t / 60 % 60), (int)(t % 60));
}

/* Read exactly n digits. */
static int
date_digits(const char **sp, int n, int *out)
{
	const char *s = *sp;
	int i, v = 0;

	for (i = 0; i < n; i++) {
		if (!isdigit((unsigned char)s[i]))
			return 0;
		v = v * 10 + (s[i] - '0');
	}
	*out = v;
	*sp = s + n;
	return 1;
}

/* Read 1 to max digits. */
static int
date_number(const char **sp, int max, int *out)
{
	const char *s = *sp;
	int n = 0, v = 0;

	while (n < max && isdigit((unsigned char)s[n]))
		v = v * 10 + (s[n++] - '0');
	if (n == 0 || isdigit((unsigned char)s[n]))
		return 0;
	*out = v;
	*sp = s + n;
	return 1;
}

static void
date_skip_space(const char **sp)
{
	while (isspace((unsigned char)**sp))
		(*sp)++;
}

/* "+03:00", "+0300", "-05", "Z": sets the zone; 1 on success. */
static int
date_offset(const char **sp, struct date_parts *p)
{
	const char *s = *sp;
	int sign, h, m = 0;

	if (*s == 'Z' || *s == 'z') {
		p->has_zone = 1;
		p->zone = 0;
		*sp = s + 1;
		return 1;
	}
	if (*s != '+' && *s != '-')
		return 0;
	sign = *s++ == '-' ? -1 : 1;
	if (!date_digits(&s, 2, &h))
		return 0;
	if (*s == ':')
		s++;
	if (isdigit((unsigned char)*s) && !date_digits(&s, 2, &m))
		return 0;
	if (h > 23 || m > 59)
		return 0;
	p->has_zone = 1;
	p->zone = sign * (h * 60 + m);
	*sp = s;
	return 1;
}

/* HH:MM[:SS[.frac]] */
static int
date_clock(const char **sp, struct date_parts *p)
{
	const char *s = *sp;

	if (!date_digits(&s, 2, &p->hour) || *s++ != ':' ||
	    !date_digits(&s, 2, &p->min))
		return 0;
	if (*s == ':') {
		s++;
		if (!date_digits(&s, 2, &p->sec))
			return 0;
		if (*s == '.' || *s == ',') {
			s++;
			if (!isdigit((unsigned char)*s))
				return 0;
			while (isdigit((unsigned char)*s))
				s++;
		}
	}
	p->has_time = 1;
	*sp = s;
	return 1;
}

static char *
date_iso(const char *s)
{
	struct date_parts p = { 0 };

	if (!date_digits(&s, 4, &p.year))
		return NULL;
	if (*s == '-') {
		s++;
		if (!date_digits(&s, 2, &p.month))
			return NULL;
		if (*s == '-') {
			s++;
			if (!date_digits(&s, 2, &p.day))
				return NULL;
			if (*s == 'T' || *s == 't' || *s == ' ') {
				s++;
				if (!date_clock(&s, &p))
					return NULL;
				date_skip_space(&s);
				date_offset(&s, &p);
			}
		}
	}
	date_skip_space(&s);
	return *s == '\0' ? date_format(&p) : NULL;
}

static int
date_month(const char **sp)
{
	const char *s = *sp;
	size_t n = 0;
	int i;

	while (isalpha((unsigned char)s[n]))
		n++;
	if (n < 3)
		return 0;
	for (i = 0; i < 12; i++) {
		if (strncasecmp(s, date_months[i], 3) == 0 && (n == 3 ||
		    (n == strlen(date_month_names[i]) &&
		    strncasecmp(s, date_month_names[i], n) == 0) ||
		    (n == 4 && i == 8 && strncasecmp(s, "sept", 4) == 0))) {
			*sp = s + n;
			return i + 1;
		}
	}
	return 0;
}

/*
 * An Arabic month name at *sp: the Egyptian and Gulf names, the Levantine
 * ones (two words for كانون and تشرين), or both joined by a slash as the
 * Levant writes them ("كانون الأول/ديسمبر"). Returns 1-12 and moves *sp
 * past it, or 0.
 */
static int
date_month_ar1(const char **sp)
{
	static const struct {
		const char	*name;
		int		 month;
	} names[] = {
		{ "كانون الثاني", 1 }, { "كانون الأول", 12 },
		{ "تشرين الأول", 10 }, { "تشرين الثاني", 11 },
		{ "يناير", 1 }, { "فبراير", 2 }, { "مارس", 3 }, { "أبريل", 4 },
		{ "ابريل", 4 }, { "إبريل", 4 }, { "مايو", 5 }, { "يونيو", 6 },
		{ "يونيه", 6 }, { "يوليو", 7 }, { "يوليه", 7 },
		{ "أغسطس", 8 }, { "اغسطس", 8 }, { "سبتمبر", 9 },
		{ "أكتوبر", 10 }, { "اكتوبر", 10 }, { "نوفمبر", 11 },
		{ "ديسمبر", 12 }, { "شباط", 2 }, { "آذار", 3 }, { "نيسان", 4 },
		{ "أيار", 5 }, { "حزيران", 6 }, { "تموز", 7 }, { "آب", 8 },
		{ "أيلول", 9 },
	};
	size_t i, n;
	unsigned char next;

	for (i = 0; i < sizeof names / sizeof names[0]; i++) {
		n = strlen(names[i].name);
		if (strncmp(*sp, names[i].name, n) != 0)
			continue;
		/* the whole word: not followed by another Arabic letter */
		next = (unsigned char)(*sp)[n];
		if (next >= 0xd8 && next <= 0xdb)
			continue;
		*sp += n;
		return names[i].month;
	}
	return 0;
}

static int
date_month_ar(const char **sp)
{
	const char *p = *sp;
	int m = date_month_ar1(&p), m2;

	if (m == 0)
		return 0;
	*sp = p;
	if (*p == '/') {
		p++;
		if ((m2 = date_month_ar1(&p)) == m)
			*sp = p;
	}
	return m;
}

static int
date_is_arabic(const char *s)
{
	return (unsigned char)*s >= 0xd8 && (unsigned char)*s <= 0xdb;
}

static char *
date_rfc822(const char *s)
{
	struct date_parts p = { 0 };
	size_t i, n;

	/* Optional day name and comma. */
	if (isalpha((unsigned char)*s)) {
		while (isalpha((unsigned char)*s))
			s++;
		if (*s == ',')
			s++;
		date_skip_space(&s);
	}
	if (!date_number(&s, 2, &p.day))
		return NULL;
	date_skip_space(&s);
	if (*s == '-')
		s++;
	if ((p.month = date_month(&s)) == 0)
		return NULL;
	if (*s == '-')
		s++;
	date_skip_space(&s);
	n = strspn(s, "0123456789");
	if (n != 2 && n != 4)
		return NULL;
	date_number(&s, 4, &p.year);
	if (n == 2)
		p.year += p.year < 50 ? 2000 : 1900;
	date_skip_space(&s);
	if (*s != '\0') {
		if (!date_clock(&s, &p))
			return NULL;
		date_skip_space(&s);
		if (*s != '\0' && !date_offset(&s, &p)) {
			for (i = 0; i < sizeof date_zones / sizeof date_zones[0]; i++) {
				n = strlen(date_zones[i].name);
				if (strncasecmp(s, date_zones[i].name, n) == 0 &&
				    !isalpha((unsigned char)s[n])) {
					p.has_zone = 1;
					p.zone = date_zones[i].minutes;
					s += n;
					break;
				}
			}
			if (!p.has_zone)
				return NULL;
		}
		date_skip_space(&s);
		if (*s == '(') {	/* "+0000 (UTC)" */
			s = strchr(s, ')');
			if (s == NULL)
				return NULL;
			s++;
			date_skip_space(&s);
		}
	}
	return *s == '\0' ? date_format(&p) : NULL;
}

static char *
date_epoch(const char *s)
{
	struct date_parts p = { 0 };
	long long t;
	int64_t days;
	char *end;

	t = strtoll(s, &end, 10);
	while (isspace((unsigned char)*end))
		end++;
	if (*end != '\0' || t < 0 || t > 253402300799LL)
		return NULL;
	days = t / 86400;
	date_civil(days, &p.year, &p.month, &p.day);
	t %= 86400;
	p.hour = (int)(t / 3600);
	p.min = (int)(t / 60 % 60);
	p.sec = (int)(t % 60);
	p.has_time = p.has_zone = 1;
	return date_format(&p);
}

char *
import_parse_date(const char *s)
{
	size_t n;

	if (s == NULL)
		return NULL;
	date_skip_space(&s);
	n = strspn(s, "0123456789");
	if (n >= 5 && n <= 12 && (s[n] == '\0' || isspace((unsigned char)s[n])))
		return date_epoch(s);
	if (n == 4)
		return date_iso(s);
	return date_rfc822(s);
}

/*
 * Inference from text. The rule (documented for users in the import
 * notes): the anchor is the latest full date the text states with a year
 * ("March 9, 2025", "9 March 2025", "2025-03-09"), or failing that the
 * latest month and year ("December 2024"). A day without a year
 * ("March 18", "on March 9th") is read in the anchor's year (or the next)
 * and counts when it falls within 62 days after the anchor: a report is
 * written after the events it tells, so the latest such date is the
 * earliest plausible publication date and is returned as a full date.
 * Without one, the anchor's month is returned ("2025-03"): the article
 * dates from that month or shortly after. No dated mention: NULL.
 */
struct date_mention {
	int	 year, month, day;	/* year 0: no year written */
};

/* Parse a mention at s (a month name or a day number); 0 if none. */
static size_t
date_mention_at(const char *s, struct date_mention *m)
{
	const char *p = s, *q;
	int v;

	memset(m, 0, sizeof *m);
	if (isdigit((unsigned char)*p)) {
		if (strspn(p, "0123456789") == 4 && p[4] == '-') {
			char buf[11], *iso;

			if (strnlen(p, 10) < 10)
				return 0;
			memcpy(buf, p, 10);
			buf[10] = '\0';
			if ((iso = date_iso(buf)) != NULL) {
				sscanf(iso, "%d-%d-%d", &m->year, &m->month,
				    &m->day);
				free(iso);
				return 10;
			}
			return 0;
		}
		/* "9 March 2025", "9 مارس 2025" */
		if (!date_number(&p, 2, &m->day))
			return 0;
		date_skip_space(&p);
		if ((m->month = date_is_arabic(p) ? date_month_ar(&p) :
		    date_month(&p)) == 0)
			return 0;
		q = p;
		date_skip_space(&q);
		if (strspn(q, "0123456789") == 4 && date_number(&q, 4, &v)) {
			m->year = v;
			p = q;
		}
		return (size_t)(p - s);
	}
	if (date_is_arabic(p)) {
		/* "مارس 2025": a year is needed (مارس is also a verb) */
		if ((m->month = date_month_ar(&p)) == 0)
			return 0;
		date_skip_space(&p);
		if (strspn(p, "0123456789") == 4 && date_number(&p, 4, &v)) {
			m->year = v;
			return (size_t)(p - s);
		}
		return 0;
	}
	if ((m->month = date_month(&p)) == 0)
		return 0;
	/* Month names that are also words need a number next to them. */
	date_skip_space(&p);
	q = p;
	if (date_number(&q, 2, &v) && strspn(p, "0123456789") <= 2) {
		m->day = v;
		if (strncmp(q, "st", 2) == 0 || strncmp(q, "nd", 2) == 0 ||
		    strncmp(q, "rd", 2) == 0 || strncmp(q, "th", 2) == 0)
			q += 2;
		p = q;
		if (*q == ',')
			q++;
		date_skip_space(&q);
		if (strspn(q, "0123456789") == 4 && date_number(&q, 4, &v)) {
			m->year = v;
			p = q;
		}
		return (size_t)(p - s);
	}
	if (strspn(p, "0123456789") == 4 && date_number(&p, 4, &v)) {
		m->year = v;
		return (size_t)(p - s);
	}
	return 0;
}

static int64_t
date_key(int y, int m, int d)
{
	return date_days(y, m, d == 0 ? 1 : d);
}

char *
import_infer_date(const char *text)
{
	struct date_mention m, full = { 0 }, month = { 0 }, best = { 0 };
	const char *p;
	size_t n, i;
	int64_t anchor = 0, k, bestk = 0;
	int pass, y;

	if (text == NULL)
		return NULL;
	/* Pass 0 finds the anchor, pass 1 the days without a year. */
	for (pass = 0; pass < 2; pass++) {
		if (pass == 1) {
			if (full.year == 0 && month.year == 0)
				return NULL;
			if (full.year == 0 || (month.year != 0 &&
			    date_key(month.year, month.month, 1) >
			    date_key(full.year, full.month, full.day)))
				full = month;
			anchor = date_key(full.year, full.month, full.day);
			bestk = anchor;
		}
		for (p = text; *p != '\0'; p++) {
			if (p != text && isalnum((unsigned char)p[-1]))
				continue;
			/* an Arabic word starts after a space or a sign,
			   not inside another word */
			if (date_is_arabic(p) && p != text &&
			    (unsigned char)p[-1] >= 0x80)
				continue;
			if ((!isalnum((unsigned char)*p) &&
			    !date_is_arabic(p)) ||
			    (n = date_mention_at(p, &m)) == 0)
				continue;
			if (pass == 0 && m.year != 0 && m.year >= 1900 &&
			    m.year <= 9999 && m.day != 0 &&
			    m.day <= date_mdays(m.year, m.month)) {
				if (full.year == 0 || date_key(m.year, m.month,
				    m.day) > date_key(full.year, full.month,
				    full.day))
					full = m;
			} else if (pass == 0 && m.year >= 1900 &&
			    m.year <= 9999 && m.day == 0) {
				if (month.year == 0 || date_key(m.year,
				    m.month, 1) > date_key(month.year,
				    month.month, 1))
					month = m;
			} else if (pass == 1 && m.year == 0 && m.day != 0) {
				for (i = 0; i < 2; i++) {
					y = full.year + (int)i;
					if (m.day > date_mdays(y, m.month))
						continue;
					k = date_key(y, m.month, m.day);
					if (k > bestk && k <= anchor + 62) {
						bestk = k;
						best = m;
						best.year = y;
					}
				}
			}
			p += n - 1;
		}
	}
	if (best.year != 0)
		return xasprintf("%04d-%02d-%02d", best.year, best.month,
		    best.day);
	if (full.day != 0 && full.month != 0)
		return xasprintf("%04d-%02d", full.year, full.month);
	return full.month != 0 ? xasprintf("%04d-%02d", full.year, full.month) :
	    NULL;
}
