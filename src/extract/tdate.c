/*
 * Calendar arithmetic and TIMEX3 value formatting for the temporal tagger.
 * A struct tdate is one point of the proleptic Gregorian calendar with a
 * granularity: the value "2025-W10" is any day of that ISO week held with
 * G_WEEK. Arithmetic works on days since 1970-01-01 so that it needs no
 * time zone and no libc time functions (which are neither pure nor
 * thread-safe with respect to the environment).
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "extract/tdate.h"

int
tdate_days_in_month(int y, int m)
{
	static const int dim[12] = {
		31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31
	};
	int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;

	if (m < 1 || m > 12)
		return 0;
	return m == 2 && leap ? 29 : dim[m - 1];
}

int
tdate_valid(int y, int m, int d)
{
	return y >= 1 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 &&
	    d <= tdate_days_in_month(y, m);
}

/* Days since 1970-01-01 for a valid date (era-based civil calendar). */
long
tdate_to_days(int y, int m, int d)
{
	long era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

void
tdate_from_days(long z, int *y, int *m, int *d)
{
	long era, doe, yoe, doy, mp, yy;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	yy = yoe + era * 400;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yy + (*m <= 2));
}

/* ISO weekday, Monday = 1 ... Sunday = 7. */
int
tdate_weekday(const struct tdate *t)
{
	long z = tdate_to_days(t->y, t->m, t->d);
	long w = (z + 3) % 7;		/* 1970-01-01 was a Thursday */

	if (w < 0)
		w += 7;
	return (int)w + 1;
}

void
tdate_add_days(struct tdate *t, long n)
{
	tdate_from_days(tdate_to_days(t->y, t->m, t->d) + n, &t->y, &t->m,
	    &t->d);
}

void
tdate_add_months(struct tdate *t, long n)
{
	long mi = (long)t->y * 12 + (t->m - 1) + n;
	int dim;

	t->y = (int)(mi / 12);
	t->m = (int)(mi % 12) + 1;
	dim = tdate_days_in_month(t->y, t->m);
	if (t->d > dim)
		t->d = dim;
}

void
tdate_add(struct tdate *t, enum tgran unit, long n)
{
	switch (unit) {
	case G_DAY:
		tdate_add_days(t, n);
		break;
	case G_WEEK:
	case G_WEEKEND:
		tdate_add_days(t, 7 * n);
		break;
	case G_MONTH:
		tdate_add_months(t, n);
		break;
	case G_SEASON:
	case G_QUARTER:
		tdate_add_months(t, 3 * n);
		break;
	case G_HALF:
		tdate_add_months(t, 6 * n);
		break;
	case G_YEAR:
		tdate_add_months(t, 12 * n);
		break;
	case G_DECADE:
		tdate_add_months(t, 120 * n);
		break;
	case G_CENTURY:
		tdate_add_months(t, 1200 * n);
		break;
	default:
		break;
	}
}

/* ISO 8601 week number and week-based year. */
static void
iso_week(const struct tdate *t, int *wy, int *wn)
{
	long z = tdate_to_days(t->y, t->m, t->d), thu, jan1;
	int y, m, d;

	thu = z - (tdate_weekday(t) - 1) + 3;
	tdate_from_days(thu, &y, &m, &d);
	jan1 = tdate_to_days(y, 1, 1);
	*wy = y;
	*wn = (int)((thu - jan1) / 7) + 1;
}

/* Season of a month: December, January and February are winter. */
static int
season_of(int m)
{
	if (m == 12 || m <= 2)
		return 3;
	return (m - 3) / 3;
}

/* v in width digits, zero-padded, as "%0*d" writes 0 <= v < 10^width. */
static char *
put_digits(char *p, int v, int width)
{
	int k;

	for (k = width - 1; k >= 0; k--) {
		p[k] = (char)('0' + v % 10);
		v /= 10;
	}
	return p + width;
}

/*
 * The commonest values, a year 1-9999 with a month or a day, written
 * without snprintf (which cost more than the rest of the match): 1 when
 * done, 0 to leave the value to tdate_format()'s general case.
 */
static int
format_common(const struct tdate *t, char *out, size_t size)
{
	char *p = out;

	if (t->y <= 0 || t->y > 9999 || size < 11)
		return 0;
	if (t->gran != G_YEAR && (t->m < 0 || t->m > 99))
		return 0;
	if (t->gran == G_DAY && (t->d < 0 || t->d > 99))
		return 0;
	if (t->gran != G_YEAR && t->gran != G_MONTH && t->gran != G_DAY)
		return 0;
	p = put_digits(p, t->y, 4);
	if (t->gran != G_YEAR) {
		*p++ = '-';
		p = put_digits(p, t->m, 2);
	}
	if (t->gran == G_DAY) {
		*p++ = '-';
		p = put_digits(p, t->d, 2);
	}
	*p = '\0';
	return 1;
}

void
tdate_format(const struct tdate *t, char *out, size_t size)
{
	static const char *const seasons[] = { "SP", "SU", "FA", "WI" };
	int wy, wn;

	if (format_common(t, out, size))
		return;
	if (t->y <= 0 || t->y > 9999) {
		/* no reference year: keep what is known, X for the rest */
		if (t->gran == G_DAY && t->m > 0 && t->d > 0)
			snprintf(out, size, "XXXX-%02d-%02d", t->m, t->d);
		else if (t->gran == G_DAY)
			snprintf(out, size, "XXXX-XX-XX");
		else if (t->gran == G_MONTH && t->m > 0)
			snprintf(out, size, "XXXX-%02d", t->m);
		else
			snprintf(out, size, "XXXX");
		return;
	}
	switch (t->gran) {
	case G_CENTURY:
		snprintf(out, size, "%02d", t->y / 100);
		break;
	case G_DECADE:
		snprintf(out, size, "%03d", t->y / 10);
		break;
	case G_YEAR:
		snprintf(out, size, "%04d", t->y);
		break;
	case G_HALF:
		snprintf(out, size, "%04d-H%d", t->y, t->m <= 6 ? 1 : 2);
		break;
	case G_QUARTER:
		snprintf(out, size, "%04d-Q%d", t->y, (t->m - 1) / 3 + 1);
		break;
	case G_SEASON:
		snprintf(out, size, "%04d-%s", t->y, seasons[season_of(t->m)]);
		break;
	case G_MONTH:
		snprintf(out, size, "%04d-%02d", t->y, t->m);
		break;
	case G_WEEK:
	case G_WEEKEND:
		iso_week(t, &wy, &wn);
		snprintf(out, size, "%04d-W%02d%s", wy, wn,
		    t->gran == G_WEEKEND ? "-WE" : "");
		break;
	default:
		snprintf(out, size, "%04d-%02d-%02d", t->y, t->m, t->d);
		break;
	}
}

/* The value of the n digits at s, or -1 if they are not all digits. */
static int
digits_at(const char *s, int n)
{
	int v = 0, k;

	for (k = 0; k < n; k++) {
		if (s[k] < '0' || s[k] > '9')
			return -1;
		v = v * 10 + (s[k] - '0');
	}
	return v;
}

/*
 * Whether s starts with "dddd-dd-dd", read into *y, *m and *d as
 * sscanf("%4d-%2d-%2d") would: the usual reference, read without
 * sscanf's cost, once per article.
 */
static int
ymd_digits(const char *s, int *y, int *m, int *d)
{
	int vy, vm, vd;

	if ((vy = digits_at(s, 4)) < 0 || s[4] != '-' ||
	    (vm = digits_at(s + 5, 2)) < 0 || s[7] != '-' ||
	    (vd = digits_at(s + 8, 2)) < 0)
		return 0;
	*y = vy;
	*m = vm;
	*d = vd;
	return 1;
}

int
tdate_parse_ref(const char *s, struct tdate *t)
{
	int y = 0, m = 1, d = 1, n = 0;

	memset(t, 0, sizeof *t);
	if (s == NULL)
		return -1;
	if (ymd_digits(s, &y, &m, &d) ||
	    (sscanf(s, "%4d-%2d-%2d%n", &y, &m, &d, &n) == 3 && n == 10)) {
		t->gran = G_DAY;
	} else if (sscanf(s, "%4d-%2d%n", &y, &m, &n) == 2 && n == 7) {
		d = 1;
		t->gran = G_MONTH;
	} else if (sscanf(s, "%4d%n", &y, &n) == 1 && n == 4) {
		m = d = 1;
		t->gran = G_YEAR;
	} else
		return -1;
	if (!tdate_valid(y, m, d))
		return -1;
	t->y = y;
	t->m = m;
	t->d = d;
	return 0;
}

int
tdate_cmp(const struct tdate *a, const struct tdate *b)
{
	long x = (long)a->y * 10000 + a->m * 100 + a->d;
	long y = (long)b->y * 10000 + b->m * 100 + b->d;

	return x < y ? -1 : x > y;
}
