/*
 * Temporal rules for calendar dates: ISO and numeric dates, month and day
 * names with or without a year, bare years and decades, quarters and
 * halves, seasons, holidays and "year-ago" periods. Each rule looks a few
 * tokens ahead of its start and no further.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extract/timex.h"

/* "second" is a unit in the lexicon; before "quarter" it is an ordinal. */
static const struct lex second_ord = { "second", LX_ORD, 2 };

/* 2025-03-20, 2025-03-20T10:30 */
int
timex_rule_iso(struct tctx *c, size_t i, struct tmatch *m)
{
	size_t n;
	const char *s = tw(c, i, &n);
	struct tdate t;
	int hh, mm;

	if (n < 10 || s[4] != '-' || s[7] != '-' ||
	    timex_digits(c, i, 0, 0) == 0)
		return 0;
	if (sscanf(s, "%4d-%2d-%2d", &t.y, &t.m, &t.d) != 3 ||
	    !tdate_valid(t.y, t.m, t.d) || t.y < 1000)
		return 0;
	t.gran = G_DAY;
	if (n == 10) {
		timex_set_date(m, 1, &t);
		return 1;
	}
	if (n >= 16 && s[10] == 't' && sscanf(s + 11, "%2d:%2d", &hh, &mm) == 2
	    && hh < 24 && mm < 60) {
		timex_set_date(m, 1, &t);
		m->type = EXTRACT_TIME;
		snprintf(m->value + 10, sizeof m->value - 10, "T%02d:%02d", hh,
		    mm);
		return 1;
	}
	return 0;
}

/* 3/20/2025 or 20/3/2025 (month first when both fit) */
int
timex_rule_slash(struct tctx *c, size_t i, struct tmatch *m)
{
	size_t n;
	const char *s = tw(c, i, &n);
	int a, b, y, used = 0;
	struct tdate t;

	/* the first slash, before the slow sscanf */
	if (n < 6 || n > 10 || (s[1] != '/' && s[2] != '/') ||
	    sscanf(s, "%2d/%2d/%4d%n", &a, &b, &y, &used) != 3 ||
	    (size_t)used != n)
		return 0;
	if (y < 100)
		y += y < 50 ? 2000 : 1900;
	t.y = y;
	t.gran = G_DAY;
	if (tdate_valid(y, a, b)) {
		t.m = a;
		t.d = b;
	} else if (tdate_valid(y, b, a)) {
		t.m = b;
		t.d = a;
	} else
		return 0;
	timex_set_date(m, 1, &t);
	return 1;
}

/*
 * last Oct. 23, next June 5: the latest such day before the reference,
 * or the first after it.
 */
static int
month_day_moved(struct tctx *c, size_t i, struct tmatch *m)
{
	const struct lex *mod = lx(c, i, LX_MOD);
	struct tdate t;
	int mo, d, dir;

	if (mod == NULL || (mod->val != M_LAST && mod->val != M_NEXT) ||
	    !c->has_ref || c->ref.gran != G_DAY ||
	    (mo = timex_month_at(c, i + 1)) == 0 ||
	    (d = timex_day_number(c, i + 2)) < 0 ||
	    timex_year_number(c, i + 3) > 0)
		return 0;
	dir = mod->val == M_LAST ? -1 : 1;
	t.y = c->ref.y;
	t.m = mo;
	t.d = d;
	t.gran = G_DAY;
	if (!tdate_valid(t.y, t.m, t.d))
		return 0;
	if (dir < 0 && tdate_cmp(&t, &c->ref) >= 0)
		t.y--;
	else if (dir > 0 && tdate_cmp(&t, &c->ref) <= 0)
		t.y++;
	if (!tdate_valid(t.y, t.m, t.d))
		return 0;
	timex_set_date(m, 3, &t);
	return 1;
}

/* [Weekday,] Month Day[,] [Year] | Day Month [Year] | Month [of] Year */
int
timex_rule_month(struct tctx *c, size_t i, struct tmatch *m)
{
	struct tdate t;
	size_t j = i, k, yl;
	int mo, d, y;

	if (month_day_moved(c, i, m))
		return 1;
	if (lx(c, j, LX_WDAY) &&
	    (mo = timex_month_at(c, j + (is(c, j + 1, ",") ?
	    2 : 1))) != 0)
		j += is(c, j + 1, ",") ? 2 : 1;
	if ((mo = timex_month_at(c, j)) != 0) {
		k = j + 1;
		if ((d = timex_day_number(c, k)) > 0 &&
		    timex_year_number(c, k) < 0) {
			k++;
			if (is(c, k, ",") && timex_year_number(c, k + 1) > 0)
				k++;
			if ((y = timex_year_number(c, k)) > 0)
				k++;
			t.m = mo;
			t.d = d;
			t.gran = G_DAY;
			if (y > 0)
				t.y = y;
			else
				timex_place_year(c, i, &t, G_DAY);
			if (!tdate_valid(t.y ? t.y : 2000, t.m, t.d))
				return 0;
			timex_set_date(m, k - i, &t);
			return 1;
		}
		if ((is(c, k, "this") || is(c, k, "last") ||
		    is(c, k, "next")) &&
		    is(c, k + 1, "year") && c->has_ref) {
			t.y = c->ref.y + (is(c, k, "last") ?
			    -1 : is(c, k, "next"));
			t.m = mo;
			t.d = 1;
			t.gran = G_MONTH;
			timex_set_date(m, k + 2 - i, &t);
			return 1;
		}
		if (is(c, k, "of") || is(c, k, ","))
			k++;
		if ((y = timex_year_number(c, k)) > 0)
			yl = 1;
		else if ((yl = timex_year_words(c, k, &y)) == 0)
			return 0;
		t.y = y;
		t.m = mo;
		t.d = 1;
		t.gran = G_MONTH;
		timex_set_date(m, k + yl - i, &t);
		return 1;
	}
	/* 11 January [2025], the 11th of January */
	if ((d = timex_day_number(c, j)) > 0) {
		k = j + 1;
		if (is(c, k, "of"))
			k++;
		if ((mo = timex_month_at(c, k)) == 0)
			return 0;
		k++;
		t.m = mo;
		t.d = d;
		t.gran = G_DAY;
		if ((y = timex_year_number(c, k)) > 0) {
			t.y = y;
			k++;
		} else
			timex_place_year(c, i, &t, G_DAY);
		if (!tdate_valid(t.y ? t.y : 2000, t.m, t.d))
			return 0;
		timex_set_date(m, k - i, &t);
		return 1;
	}
	return 0;
}

/* [last|next|this|early|late|mid-] Month */
int
timex_rule_month_alone(struct tctx *c, size_t i, struct tmatch *m)
{
	const struct lex *mod = NULL;
	struct tdate t, r = timex_refdate(c);
	size_t j = i, n;
	int mo;
	const char *s = tw(c, i, &n);

	if (n > 4 && memcmp(s, "mid-", 4) == 0) {
		const struct lex *l = timex_lex_find(s + 4, n - 4);

		if (l == NULL || l->cls != LX_MONTH)
			return 0;
		t.m = l->val;
		t.d = 1;
		t.gran = G_MONTH;
		timex_place_year(c, i, &t, G_MONTH);
		timex_set_date(m, 1, &t);
		return 1;
	}
	if ((mod = lx(c, j, LX_MOD)) != NULL || lx(c, j, LX_EDGE) != NULL)
		j++;
	if ((mo = timex_month_at(c, j)) == 0)
		return 0;
	if (j == i && !(i > 0 && timex_temporal_prep(c, i - 1)))
		return 0;
	t.m = mo;
	t.d = 1;
	t.gran = G_MONTH;
	t.y = r.y;
	if (mod != NULL && mod->val == M_LAST && c->has_ref)
		t.y = mo >= r.m ? r.y - 1 : r.y;
	else if (mod != NULL && (mod->val == M_NEXT || mod->val == M_COMING) &&
	    c->has_ref)
		t.y = mo <= r.m ? r.y + 1 : r.y;
	else if (mod == NULL || mod->val != M_THIS)
		timex_place_year(c, i, &t, G_MONTH);
	timex_set_date(m, j + 1 - i, &t);
	return 1;
}

/* A year: 1998, fiscal 1998, the 1990s, mid-1990s, '90s */
int
timex_rule_year(struct tctx *c, size_t i, struct tmatch *m)
{
	struct tdate t;
	size_t n, j = i, k;
	const char *s;
	int y, dec;

	if (is(c, j, "fiscal") || is(c, j, "calendar"))
		j++;
	s = tw(c, j < c->n ? j : i, &n);
	if (j >= c->n)
		return 0;
	t.m = t.d = 1;
	if (n > 4 && memcmp(s, "mid-", 4) == 0) {
		s += 4;
		n -= 4;
	}
	/* 1990s, '90s */
	if ((n == 5 && s[4] == 's') || (n == 4 && s[0] == '\'' &&
	    s[3] == 's')) {
		if (n == 5 && sscanf(s, "%4d", &y) == 1 && y >= 1000 &&
		    y % 10 == 0) {
			t.y = y;
		} else if (n == 4 && s[1] >= '0' && s[1] <= '9' &&
		    s[2] == '0') {
			t.y = 1900 + (s[1] - '0') * 10;
		} else
			return 0;
		t.gran = G_DECADE;
		timex_set_date(m, j + 1 - i, &t);
		return 1;
	}
	if (lx(c, j, LX_DECADEW) && is(c, j - (j > 0), "the")) {
		dec = c->lx[j]->val;
		t.y = 1900 + dec * 10;
		t.gran = G_DECADE;
		timex_set_date(m, 1, &t);
		return 1;
	}
	if (n == 9 && memcmp(s, "mid-", 4) == 0)
		return 0;
	if ((k = timex_year_words(c, j, &y)) > 0) {	/* nineteen ninety */
		t.y = y;
		t.gran = G_YEAR;
		timex_set_date(m, j + k - i, &t);
		return 1;
	}
	if (s != tw(c, j, &n)) {	/* mid-1998 */
		if (sscanf(s, "%4d", &y) != 1 || y < 1000 || y > 2999)
			return 0;
	} else if ((y = timex_year_number(c, j)) < 0)
		return 0;
	if (j == i && !(i > 0 && timex_temporal_prep(c, i - 1)) &&
	    !(j + 1 >= c->n || (c->tok[j + 1].flags & TOK_PUNCT)) &&
	    !(y >= 1950 && y <= 2030 && !(i > 0 &&
	    c->text[c->tok[i - 1].start] == '$')))
		return 0;	/* a bare number may be a year */
	if (j == i && y < 1900 && !(i > 0 && timex_temporal_prep(c, i - 1)))
		return 0;
	t.y = y;
	t.gran = G_YEAR;
	timex_set_date(m, j + 1 - i, &t);
	return 1;
}

/* the first quarter [of 1997], third-quarter, the second half */
int
timex_rule_quarter(struct tctx *c, size_t i, struct tmatch *m)
{
	const struct lex *o;
	struct tdate t = timex_refdate(c);
	size_t j = i, n, k;
	const char *s;
	int q, y, half = 0, yset = 0;

	if (is(c, j, "the"))
		j++;
	/* this year's, last year's, 1988, year-ago, fiscal */
	if ((is(c, j, "this") || is(c, j, "last") || is(c, j, "next")) &&
	    is(c, j + 1, "year") && is(c, j + 2, "'s") && c->has_ref) {
		t.y = c->ref.y + (is(c, j, "last") ? -1 : is(c, j, "next"));
		yset = 1;
		j += 3;
	} else if ((y = timex_year_number(c, j)) > 0 && j + 1 < c->n) {
		t.y = y;
		yset = 1;
		j++;
	} else if ((is(c, j, "year-ago") || is(c, j, "year-earlier")) &&
	    c->has_ref) {
		t.y = c->ref.y - 1;
		yset = 1;
		j++;
	}
	if (is(c, j, "fiscal"))
		j++;
	s = tw(c, j < c->n ? j : i, &n);
	if (j >= c->n)
		return 0;
	if (n > 8 && (memcmp(s + n - 8, "-quarter", 8) == 0 ||
	    (n > 5 && memcmp(s + n - 5, "-half", 5) == 0))) {
		half = memcmp(s + n - 5, "-half", 5) == 0;
		o = timex_lex_find(s, n - (half ? 5 : 8));
		if (o == NULL && n - (half ? 5 : 8) == 6 &&
		    memcmp(s, "second", 6) == 0)
			o = &second_ord;
		if (o == NULL || o->cls != LX_ORD)
			return 0;
		j++;
	} else {
		o = lx(c, j, LX_ORD);
		if (o == NULL && is(c, j, "second"))
			o = &second_ord;
		if (o == NULL)
			return 0;
		if (is(c, j + 1, "half"))
			half = 1;
		else if (!is(c, j + 1, "quarter"))
			return 0;
		j += 2;
	}
	q = o->val;
	if (q > (half ? 2 : 4))
		return 0;
	t.m = (q - 1) * (half ? 6 : 3) + 1;
	t.d = 1;
	t.gran = half ? G_HALF : G_QUARTER;
	if (is(c, j, "of") && (y = timex_year_number(c, j + 1)) > 0) {
		t.y = y;
		j += 2;
	} else if (is(c, j, "of") && (k = timex_year_words(c, j + 1, &y)) > 0) {
		t.y = y;
		j += 1 + k;
	} else if ((y = timex_year_number(c, j)) > 0) {
		t.y = y;
		j++;
	} else if (c->has_ref && !yset) {
		/* the tense only when it can move the year */
		if (t.m > c->ref.m && timex_tense_at(c, i) == TENSE_PAST)
			t.y--;
	}
	if (t.y == 0)
		return 0;
	timex_set_date(m, j - i, &t);
	return 1;
}

/* [this|last|early] spring|summer|fall|winter [of] [1998] */
int
timex_rule_season(struct tctx *c, size_t i, struct tmatch *m)
{
	const struct lex *s;
	struct tdate t = timex_refdate(c);
	size_t j = i, k;
	int y;

	if (lx(c, j, LX_EDGE) || is(c, j, "the"))
		j++;
	if ((s = lx(c, j, LX_SEASON)) == NULL)
		return 0;
	t.m = s->val == 3 ? 1 : 3 + 3 * s->val;
	t.d = 1;
	t.gran = G_SEASON;
	j++;
	if (is(c, j, "of") && (y = timex_year_number(c, j + 1)) > 0) {
		t.y = y;
		j += 2;
	} else if (is(c, j, "of") && (k = timex_year_words(c, j + 1, &y)) > 0) {
		t.y = y;
		j += 1 + k;
	} else if ((y = timex_year_number(c, j)) > 0) {
		t.y = y;
		j++;
	} else if (j == i + 1 && !(i > 0 && (is(c, i - 1, "in") ||
	    is(c, i - 1, "during") || is(c, i - 1, "this") ||
	    is(c, i - 1, "by"))))
		return 0;
	else if (is(c, i, "the") && is(c, j - 1, "fall") && !(i > 0 &&
	    (is(c, i - 1, "in") || is(c, i - 1, "during") ||
	    is(c, i - 1, "by") || is(c, i - 1, "until"))))
		return 0;
	if (t.y == 0)
		return 0;
	timex_set_date(m, j - i, &t);
	return 1;
}

/* Christmas, Thanksgiving [Day], New Year's Day */
int
timex_rule_holiday(struct tctx *c, size_t i, struct tmatch *m)
{
	const struct lex *h = lx(c, i, LX_HOLIDAY);
	struct tdate t = timex_refdate(c);
	size_t j = i + 1;

	if (h == NULL || !(c->tok[i].flags & TOK_UPPER) || !c->has_ref)
		return 0;
	if (h->val > 0) {
		t.m = h->val / 100;
		t.d = h->val % 100;
	} else {	/* fourth Thursday of November */
		t.m = 11;
		t.d = 1;
		t.d = 1 + (4 - tdate_weekday(&t) + 7) % 7 + 21;
	}
	if (is(c, j, "day") || is(c, j, "eve"))
		j++;
	if (is(c, j - 1, "eve"))
		t.d--;
	timex_place_year(c, i, &t, G_DAY);
	if (h->val == 0) {	/* Thanksgiving moves with the year */
		t.d = 1;
		t.d = 1 + (4 - tdate_weekday(&t) + 7) % 7 + 21;
	}
	t.gran = G_DAY;
	timex_set_date(m, j - i, &t);
	return 1;
}

/* year-earlier, the year-ago quarter: the year before the last quarter
 * mentioned, or before the reference */
int
timex_rule_year_ago(struct tctx *c, size_t i, struct tmatch *m)
{
	struct tdate t;
	size_t len;

	if (is(c, i, "the") && (is(c, i + 1, "year-earlier") ||
	    is(c, i + 1, "year-ago")) && (lx(c, i + 2, LX_UNIT) ||
	    is(c, i + 2, "period")))
		len = 3;
	else if (is(c, i, "year-earlier") || is(c, i, "year-ago"))
		len = 1;
	else
		return 0;
	if (!c->has_ref)
		return 0;
	if (c->qctx)
		t = timex_reported_quarter(c, 1);
	else {
		t = c->ref;
		t.gran = G_YEAR;
		tdate_add_months(&t, -12);
	}
	timex_set_date(m, len, &t);
	return 1;
}

/*
 * Parts of a year or of the reported quarter: the end of the year,
 * earlier in the year, the 1988 quarter, last year's quarter.
 */
int
timex_rule_year_part(struct tctx *c, size_t i, struct tmatch *m)
{
	struct tdate t;
	size_t j = i;
	int y;

	if (!c->has_ref)
		return 0;
	if (is(c, j, "the") && lx(c, j + 1, LX_EDGE) &&
	    is(c, j + 2, "of") && is(c, j + 3, "the") &&
	    is(c, j + 4, "year")) {
		j += 5;
	} else if ((is(c, j, "earlier") || is(c, j, "later")) &&
	    is(c, j + 1, "in") && is(c, j + 2, "the") &&
	    is(c, j + 3, "year")) {
		j += 4;
	} else if (c->qctx && is(c, j, "the") &&
	    (y = timex_year_number(c, j + 1)) > 0 &&
	    (is(c, j + 2, "quarter") || is(c, j + 2, "period"))) {
		t = timex_reported_quarter(c, 0);
		t.y = y;
		timex_set_date(m, 3, &t);
		return 1;
	} else if (c->qctx && is(c, j, "last") &&
	    is(c, j + 1, "year") && is(c, j + 2, "'s") &&
	    (is(c, j + 3, "quarter") || is(c, j + 3, "period"))) {
		t = timex_reported_quarter(c, 1);
		timex_set_date(m, 4, &t);
		return 1;
	} else
		return 0;
	t = c->ref;
	t.gran = G_YEAR;
	timex_set_date(m, j - i, &t);
	return 1;
}
