/*
 * Temporal rules read against the reference date or the last date
 * mentioned: today and yesterday, present/past/future references,
 * durations and "N units ago/later", "last week" and "next April",
 * weekdays, clock times, sets ("every Monday", "daily") and anaphora
 * ("that day", "the following week").
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extract/timex.h"

/* "current" is a reference word; before a unit it means "this". */
static const struct lex current_mod = { "current", LX_MOD, M_THIS };

/* today, yesterday, tomorrow, tonight [+ part of day] */
int
timex_rule_deictic(struct tctx *c, size_t i, struct tmatch *m)
{
	const struct lex *l = lx(c, i, LX_DEIC), *p;
	struct tdate t = timex_refdate(c);

	if (l == NULL)
		return 0;
	if (!c->has_ref) {
		timex_set_value(m, 1, l->val == 100 ?
		    EXTRACT_TIME : EXTRACT_DATE,
		    "XXXX-XX-XX");
		return 1;
	}
	t.gran = c->ref.gran;
	if (l->val == 100) {
		timex_set_date(m, 1, &t);
		if (t.gran == G_DAY) {
			timex_with_part(m, 1, "NI");
		}
		return 1;
	}
	if (t.gran == G_DAY)
		tdate_add_days(&t, l->val);
	timex_set_date(m, 1, &t);
	if ((p = lx(c, i + 1, LX_PART)) != NULL && t.gran == G_DAY) {
		timex_with_part(m, 2, timex_parts[p->val]);
	}
	return 1;
}

/* now, currently, recently, the past, the future, recent years */
int
timex_rule_ref(struct tctx *c, size_t i, struct tmatch *m)
{
	static const char *const refs[] = { "PRESENT_REF", "PAST_REF",
		"FUTURE_REF" };
	const struct lex *l;
	size_t j = i;

	if (is(c, i, "the") && (is(c, i + 1, "past") || is(c, i + 1, "future"))
	    && !lx(c, i + 2, LX_UNIT) && !lx(c, i + 2, LX_UNITS) &&
	    !timex_number(c, i + 2, &(long){0})) {
		timex_set_value(m, 2, EXTRACT_DATE, is(c, i + 1, "past") ?
		    "PAST_REF" : "FUTURE_REF");
		return 1;
	}
	/* the near future, the near term, the short term */
	if (is(c, i, "the") && ((is(c, i + 1, "near") &&
	    (is(c, i + 2, "future") || is(c, i + 2, "term"))) ||
	    (is(c, i + 1, "short") && is(c, i + 2, "term")))) {
		timex_set_value(m, 3, EXTRACT_DATE, "FUTURE_REF");
		return 1;
	}
	if (is(c, i, "recent") && is(c, i + 1, "years")) {
		timex_set_value(m, 2, EXTRACT_DATE, "PAST_REF");
		return 1;
	}
	if (is(c, i, "recent") && lx(c, i + 1, LX_UNITS)) {
		char v[16];
		const struct unitinfo *u = &timex_units[c->lx[i + 1]->val];

		snprintf(v, sizeof v, "P%sX%s", u->time ? "T" : "", u->code);
		timex_set_value(m, 2, EXTRACT_DURATION, v);
		return 1;
	}
	if (i > 0 && lx(c, i, LX_UNITS) && (is(c, i - 1, "for") ||
	    is(c, i - 1, "over") || is(c, i - 1, "within") ||
	    is(c, i - 1, "after") || is(c, i - 1, "in"))) {
		char v[16];
		const struct unitinfo *u = &timex_units[c->lx[i]->val];

		snprintf(v, sizeof v, "P%sX%s", u->time ? "T" : "", u->code);
		timex_set_value(m, 1, EXTRACT_DURATION, v);
		return 1;
	}
	if (is(c, i, "these") && is(c, i + 1, "days")) {
		timex_set_value(m, 2, EXTRACT_DATE, "PRESENT_REF");
		return 1;
	}
	if ((l = lx(c, j, LX_REF)) == NULL)
		return 0;
	if (l->val == R_FUTURE && is(c, i, "future"))
		return 0;
	/* "Now, he says ...": opening a sentence before a comma, "now"
	 * turns the argument, not the time */
	if (is(c, i, "now") && is(c, i + 1, ",") && (i == 0 ||
	    (c->tok[i - 1].flags & TOK_PUNCT)))
		return 0;
	timex_set_value(m, 1, EXTRACT_DATE, refs[l->val]);
	return 1;
}

/* [the] [past|last|next|first] [about] N unit(s) [ago|earlier|later] */
int
timex_rule_duration(struct tctx *c, size_t i, struct tmatch *m)
{
	const struct lex *u, *mod = NULL;
	size_t j = i, used;
	long val = 0;
	int the = 0, approx = 0, y = 0;
	char v[48];
	struct tdate t;

	if (is(c, j, "the")) {
		the = 1;
		j++;
	}
	if ((mod = lx(c, j, LX_MOD)) != NULL || lx(c, j, LX_ORD) ||
	    is(c, j, "final") || is(c, j, "remaining"))
		j++;
	if (lx(c, j, LX_APPROX)) {
		approx = c->lx[j]->val;
		if (approx == 1)
			j++;
		else if (approx == 2 && is(c, j + 1, "than"))
			j += 2;
		else if (approx == 3 && is(c, j + 1, "least"))
			j += 2;
	}
	if (the && (mod == NULL || mod->val == M_THIS) && (is(c, j, "full") ||
	    is(c, j, "fiscal") || is(c, j, "calendar") || is(c, j, "current") ||
	    is(c, j, "year")) && !is(c, j + 1, "ago")) {
		/* "the year": a year's span; "the full year": this one */
		int which = !is(c, j, "year");

		while (which && !is(c, j, "year") && j < i + 3)
			j++;	/* the current fiscal year */
		if (!is(c, j, "year") || is(c, j + 1, "earlier") ||
		    is(c, j + 1, "before") || is(c, j + 1, "'s"))
			return 0;
		/* "the year 2000", "the year two thousand" */
		if ((y = timex_year_number(c, j + 1)) > 0)
			used = 1;
		else if ((used = timex_number(c, j + 1, &val)) > 0 &&
		    (val < 1000 || val > 2999))
			used = 0;
		else if (used > 0)
			y = (int)val;
		if (used > 0) {
			memset(&t, 0, sizeof t);
			t.y = y;
			t.m = t.d = 1;
			t.gran = G_YEAR;
			timex_set_date(m, j + 1 + used - i, &t);
			return 1;
		}
		/* "for the year ended Sept. 30": a year's span; otherwise
		 * "for the (full, fiscal) year" is the reference's */
		if (c->has_ref && !is(c, j + 1, "ended") &&
		    !is(c, j + 1, "ending") && !(is(c, j + 1, "that") &&
		    is(c, j + 2, "ended"))) {
			t = c->ref;
			t.gran = G_YEAR;
			timex_set_date(m, j + 1 - i, &t);
		} else
			timex_set_value(m, j + 1 - i, EXTRACT_DURATION, "P1Y");
		return 1;
	}
	if ((used = timex_number(c, j, &val)) == 0) {
		/* "the past year", "the next month" */
		if (!(the && mod != NULL && (u = lx(c, j, LX_UNIT)) != NULL &&
		    (mod->val == M_PAST || mod->val == M_LAST ||
		    mod->val == M_NEXT || mod->val == M_COMING)))
			return 0;
		/* "over the past year": the one before the reference's,
		 * as "last year" is ("the past decade" is as often ten
		 * years as the previous decade) */
		if ((mod->val == M_PAST || mod->val == M_LAST) &&
		    c->has_ref && u->val == U_YEAR) {
			t = c->ref;
			t.gran = G_YEAR;
			tdate_add(&t, t.gran, -1);
			timex_set_date(m, j + 1 - i, &t);
			return 1;
		}
		val = 1;
		used = 0;
	}
	j += used;
	if (is(c, j, "more") || is(c, j, "full") || is(c, j, "straight"))
		j++;
	u = lx(c, j, LX_UNIT);
	if (u == NULL)
		u = lx(c, j, LX_UNITS);
	if (u == NULL)
		return 0;
	/* "five year low": a singular unit after a number is fine */
	j++;
	if (is(c, j, "ago") || is(c, j, "earlier") || is(c, j, "later") ||
	    is(c, j, "before") || is(c, j, "after")) {
		int back = is(c, j, "ago") || is(c, j, "earlier") ||
		    is(c, j, "before");
		int anaph = !is(c, j, "ago");

		if (val == -2 && !anaph) {
			timex_set_value(m, j + 1 - i, EXTRACT_DATE, "PAST_REF");
			return 1;
		}
		if (val == -2)
			goto duration;	/* several months later */
		if (is(c, j, "before") || is(c, j, "after"))
			if (j + 1 < c->n && !(c->tok[j + 1].flags & TOK_PUNCT))
				goto duration;	/* 2 days before X */
		if (anaph && c->last != NULL)
			t = *c->last;
		else {
			t = timex_refdate(c);
			if (!c->has_ref)
				t.y = 0;
		}
		if (timex_units[u->val].time) {
			timex_set_value(m, j + 1 - i, EXTRACT_DATE,
			    back ? "PAST_REF" : "FUTURE_REF");
			return 1;
		}
		tdate_add(&t, timex_units[u->val].gran, (back ? -1 : 1) * val *
		    timex_units[u->val].mult);
		if (!anaph || c->last == NULL) {
			t.gran = timex_units[u->val].gran;
			if (t.gran < G_YEAR)	/* a decade ago: a year */
				t.gran = G_YEAR;
			if (c->has_ref && t.gran > c->ref.gran)
				t.gran = c->ref.gran;
		}
		if (c->qctx && c->has_ref && u->val == U_YEAR && val == 1 &&
		    back)
			t = timex_reported_quarter(c, 1);
		if (t.y == 0 || !c->has_ref) {
			timex_set_value(m, j + 1 - i, EXTRACT_DATE,
			    back ? "PAST_REF" : "FUTURE_REF");
			return 1;
		}
		timex_set_date(m, j + 1 - i, &t);
		return 1;
	}
duration:
	if (is(c, j, "old"))
		return 0;	/* an age: 52 years old */
	if (is(c, j, "long"))
		j++;
	if (val == -2)
		snprintf(v, sizeof v, "P%sX%s", timex_units[u->val].time ?
		    "T" : "",
		    timex_units[u->val].code);
	else
		snprintf(v, sizeof v, "P%s%ld%s", timex_units[u->val].time ?
		    "T" : "",
		    val * timex_units[u->val].mult, timex_units[u->val].code);
	timex_set_value(m, j - i, EXTRACT_DURATION, v);
	return 1;
}

/* five-year, 30-day, two-week-old, 16-hour */
int
timex_rule_hyphen_duration(struct tctx *c, size_t i, struct tmatch *m)
{
	size_t n, k, a;
	const char *s = tw(c, i, &n), *h;
	const struct lex *l, *u;
	long val = 0;
	char v[48];

	if ((h = memchr(s, '-', n)) == NULL || h == s)
		return 0;
	if (n > 4 && memcmp(s + n - 4, "-old", 4) == 0)
		return 0;	/* an age: 6-year-old */
	if (n > 9 && memcmp(s + n - 9, "-quarters", 9) == 0)
		return 0;	/* a fraction: three-quarters */
	a = (size_t)(h - s);
	if (s[0] >= '0' && s[0] <= '9') {
		for (k = 0; k < a; k++) {
			if (s[k] < '0' || s[k] > '9' || val > 10000)
				return 0;
			val = val * 10 + (s[k] - '0');
		}
	} else if ((l = timex_lex_find(s, a)) != NULL && l->cls == LX_NUM &&
	    l->val > 0 && !(a == 1)) {
		val = l->val;
	} else
		return 0;
	s = h + 1;
	n -= a + 1;
	if ((h = memchr(s, '-', n)) != NULL)
		n = (size_t)(h - s);
	u = timex_lex_find(s, n);
	if (u == NULL || (u->cls != LX_UNIT && u->cls != LX_UNITS))
		return 0;
	snprintf(v, sizeof v, "P%s%ld%s", timex_units[u->val].time ? "T" : "",
	    val * timex_units[u->val].mult, timex_units[u->val].code);
	timex_set_value(m, 1, EXTRACT_DURATION, v);
	return 1;
}

/*
 * [early|late] [this|last|next] week/month/year/quarter/weekend/season,
 * [last|next|this] Monday, earlier this year, the latest quarter.
 */
int
timex_rule_relative(struct tctx *c, size_t i, struct tmatch *m)
{
	const struct lex *mod, *u, *wd, *se, *p;
	struct tdate t = timex_refdate(c);
	size_t j = i;
	int dir = 0, w, diff;

	if (lx(c, j, LX_EDGE) && c->lx[j]->val <= 4)
		j++;
	else if (is(c, j, "the") && (lx(c, j + 1, LX_EDGE) &&
	    c->lx[j + 1]->val >= 5) && is(c, j + 2, "of"))
		j += 3;
	else if (is(c, j, "the") && (is(c, j + 1, "current") ||
	    is(c, j + 1, "latest")) && lx(c, j + 2, LX_UNIT))
		j++;
	mod = lx(c, j, LX_MOD);
	if (mod == NULL && is(c, j, "current"))
		mod = &current_mod;
	if (mod == NULL) {
		if (is(c, j, "the") && lx(c, j + 1, LX_UNIT) &&
		    (c->lx[j + 1]->val == U_QUARTER ||
		    c->lx[j + 1]->val == U_WEEKEND) && j == i) {
			u = c->lx[j + 1];
			j += 2;
			dir = u->val == U_QUARTER ? -1 : 0;
			/* early in the week, "the weekend" is the last one */
			if (u->val == U_WEEKEND && c->has_ref &&
			    c->ref.gran == G_DAY &&
			    tdate_weekday(&c->ref) <= 3 &&
			    timex_tense_at(c, i) != TENSE_FUTURE)
				dir = -1;
			goto unit;
		}
		if (j > i && lx(c, j, LX_WDAY) == NULL)
			return 0;
		if (j == i)
			return 0;
	} else
		j++;
	if (mod != NULL)
		switch (mod->val) {
		case M_LAST: case M_PAST: case M_PREVIOUS: case M_LATEST:
			dir = -1;
			break;
		case M_NEXT: case M_COMING: case M_FOLLOWING:
			dir = 1;
			break;
		default:
			dir = 0;
		}
	if (mod != NULL && mod->val == M_LATEST)
		dir = -1;
	if ((wd = lx(c, j, LX_WDAY)) != NULL) {
		if (!c->has_ref || c->ref.gran != G_DAY)
			return 0;
		w = tdate_weekday(&t);
		if (dir < 0)
			diff = -(((w - wd->val) + 6) % 7 + 1);
		else if (dir > 0)
			diff = ((wd->val - w) + 6) % 7 + 1;
		else
			diff = wd->val - w;
		tdate_add_days(&t, diff);
		t.gran = G_DAY;
		timex_set_date(m, j + 1 - i, &t);
		if ((p = lx(c, j + 1, LX_PART)) != NULL) {
			timex_with_part(m, j + 2 - i, timex_parts[p->val]);
		}
		return 1;
	}
	if ((p = lx(c, j, LX_PART)) != NULL && c->has_ref &&
	    c->ref.gran == G_DAY && mod != NULL && (mod->val == M_THIS ||
	    mod->val == M_LAST)) {
		if (mod->val == M_LAST)
			tdate_add_days(&t, -1);
		t.gran = G_DAY;
		timex_set_date(m, j + 1 - i, &t);
		timex_with_part(m, j + 1 - i, timex_parts[p->val]);
		return 1;
	}
	if (mod != NULL && mod->val == M_THIS && (is(c, j, "past") ||
	    is(c, j, "coming")) && lx(c, j + 1, LX_SEASON)) {
		/* this past spring: the latest one; this coming: the next */
		se = c->lx[j + 1];
		t.m = se->val == 3 ? 1 : 3 + 3 * se->val;
		t.gran = G_SEASON;
		if (is(c, j, "past") && t.m > c->ref.m)
			t.y--;
		else if (is(c, j, "coming") && t.m < c->ref.m)
			t.y++;
		timex_set_date(m, j + 2 - i, &t);
		return c->has_ref;
	}
	if ((se = lx(c, j, LX_SEASON)) != NULL) {
		t.m = se->val == 3 ? 1 : 3 + 3 * se->val;
		t.gran = G_SEASON;
		if (dir != 0)
			t.y += dir;
		if (!c->has_ref)
			t.y = 0;
		timex_set_date(m, j + 1 - i, &t);
		return 1;
	}
	if ((u = lx(c, j, LX_UNIT)) == NULL)
		return 0;
	j++;
unit:
	if (u->val <= U_HOUR || u->val == U_FORTNIGHT || u->val == U_MILLENNIUM)
		return 0;
	if (!c->has_ref)
		return 0;
	t.gran = u->val == U_DECADE ? G_DECADE : timex_units[u->val].gran;
	if (t.gran > c->ref.gran)
		return 0;
	tdate_add(&t, t.gran, dir);
	timex_set_date(m, j - i, &t);
	return 1;
}

/*
 * The tense a weekday takes from the words it hangs on. In news a weekday
 * right after its verb dates that verb ("said Friday", "ruled on
 * Wednesday"), and "until Tuesday", "as soon as Tuesday" look ahead;
 * elsewhere the sentence's tense decides, and without one a weekday is
 * the latest such day, since news reports what happened.
 */
static int
weekday_tense(const struct tctx *c, size_t i)
{
	static const char *const ahead[] = { "scheduled", "planned",
		"expected", "slated", "due" };
	static const char *const behind[] = { "said", "told", "since",
		"met", "held", "made", "began", "came", "went", "took", "saw",
		"won", "lost", "fell", "rose", "left", "sold", "gave", "ran",
		"became", "was", "were", "had", "did", "struck", "spoke" };
	size_t j = i, k, n;
	const char *s;

	/* past the clock of "until 9 a.m. Tuesday" and the "on" */
	while (j > 0 && (is(c, j - 1, "a.m.") || is(c, j - 1, "p.m.") ||
	    is(c, j - 1, "est") || is(c, j - 1, "edt") ||
	    is(c, j - 1, "noon") || is(c, j - 1, "midnight") ||
	    (c->tok[j - 1].flags & TOK_DIGIT)))
		j--;
	if (j > 0 && (is(c, j - 1, "on") || is(c, j - 1, "at")))
		j--;
	if (j == 0)
		goto sentence;
	if (j >= 3 && is(c, j - 1, "as") && (is(c, j - 2, "soon") ||
	    is(c, j - 2, "early")) && is(c, j - 3, "as"))
		return TENSE_FUTURE;
	/* "postponed until Tuesday": a deadline; "Until Thursday, they
	 * had not ..." opens a sentence about the past */
	if (is(c, j - 1, "until") || is(c, j - 1, "till"))
		return j - 1 == 0 ? timex_tense_at(c, i) : TENSE_FUTURE;
	for (k = 0; k < sizeof ahead / sizeof ahead[0]; k++)
		if (is(c, j - 1, ahead[k]))
			return TENSE_FUTURE;
	for (k = 0; k < sizeof behind / sizeof behind[0]; k++)
		if (is(c, j - 1, behind[k]))
			return TENSE_PAST;
	s = tw(c, j - 1, &n);
	if (n >= 5 && s[n - 2] == 'e' && s[n - 1] == 'd' &&
	    (c->tok[j - 1].flags & TOK_LOWER))
		return TENSE_PAST;
sentence:
	/* the verb a weekday dates is close by; a "will" further off
	 * belongs to another clause ("said Friday that it will ...") */
	return timex_tense_within(c, i, 6);
}

/* Weekday on its own: the latest or the next such day, by weekday_tense(). */
int
timex_rule_weekday(struct tctx *c, size_t i, struct tmatch *m)
{
	const struct lex *wd = lx(c, i, LX_WDAY);
	struct tdate t = timex_refdate(c);
	int w, tense, diff;
	char v[48];

	if (wd == NULL) {
		if ((wd = lx(c, i, LX_WDAYS)) == NULL)
			return 0;
		snprintf(v, sizeof v, "XXXX-WXX-%d", wd->val);
		timex_set_value(m, 1, EXTRACT_SET, v);
		return 1;
	}
	if (!(c->tok[i].flags & TOK_UPPER))
		return 0;
	if (!c->has_ref || c->ref.gran != G_DAY) {
		snprintf(v, sizeof v, "XXXX-WXX-%d", wd->val);
		timex_set_value(m, 1, EXTRACT_DATE, v);
		return 1;
	}
	w = tdate_weekday(&t);
	tense = weekday_tense(c, i);
	if (tense == TENSE_FUTURE)
		diff = (wd->val - w + 7) % 7;
	else if (tense == TENSE_PAST)
		diff = -((w - wd->val + 7) % 7);
	else {
		/* untensed: news looks back, so the week before the
		 * reference and the next two days */
		diff = wd->val - w;
		if (diff > 2)
			diff -= 7;
		else if (diff < -4)
			diff += 7;
	}
	tdate_add_days(&t, diff);
	t.gran = G_DAY;
	/* "Friday night": news annotation gives the day's value */
	timex_set_date(m, lx(c, i + 1, LX_PART) != NULL ? 2 : 1, &t);
	return 1;
}

/* 3 p.m., 10:30 [a.m.] [EST], noon, midnight [Friday] */
int
timex_rule_clock(struct tctx *c, size_t i, struct tmatch *m)
{
	size_t n, j = i;
	const char *s = tw(c, i, &n);
	int hh = -1, mm = 0, pm = -1;
	const struct lex *l;
	struct tdate t;
	char v[48], day[24];
	struct tmatch dm;

	if ((l = lx(c, i, LX_CLOCK)) != NULL) {
		hh = l->val;
		j++;
	} else {
		/* the colon first: sscanf is slow, and most numbers are
		 * not times */
		if (n >= 4 && n <= 5 && (s[1] == ':' || s[2] == ':') &&
		    sscanf(s, "%2d:%2d", &hh, &mm) == 2 && s[n - 3] == ':') {
			j++;
		} else if ((hh = timex_digits(c, i, 1, 2)) >= 0) {
			j++;
		} else
			return 0;
		if (is(c, j, "a.m.") || is(c, j, "am") || is(c, j, "a.m")) {
			pm = 0;
			j++;
		} else if (is(c, j, "p.m.") || is(c, j, "pm") ||
		    is(c, j, "p.m")) {
			pm = 1;
			j++;
		} else if (is(c, j, "o'clock")) {
			j++;
		} else if (j == i + 1 && n < 4)
			return 0;
		if (hh > 23 || mm > 59 || (pm >= 0 && (hh > 12 || hh == 0)))
			return 0;
		if (pm == 1 && hh < 12)
			hh += 12;
		else if (pm == 0 && hh == 12)
			hh = 0;
	}
	if (is(c, j, "est") || is(c, j, "edt") || is(c, j, "gmt") ||
	    is(c, j, "utc") || is(c, j, "et") || is(c, j, "pst") ||
	    is(c, j, "local"))
		j++;
	if (is(c, j, "time") && j > i + 1 && is(c, j - 1, "local"))
		j++;
	/* a day right after: "10 p.m. Wednesday", "noon yesterday" */
	memset(&dm, 0, sizeof dm);
	if (is(c, j, ","))
		;
	else if (timex_rule_weekday(c, j, &dm) ||
	    timex_rule_deictic(c, j, &dm) ||
	    timex_rule_month(c, j, &dm)) {
		if (dm.is_date && dm.date.gran == G_DAY)
			j += dm.len;
		else
			dm.is_date = 0;
	}
	if (dm.is_date)
		t = dm.date;
	else {
		t = timex_refdate(c);
		if (!c->has_ref || c->ref.gran != G_DAY) {
			snprintf(day, sizeof day, "XXXX-XX-XX");
			goto out;
		}
	}
	t.gran = G_DAY;
	tdate_format(&t, day, sizeof day);
out:
	snprintf(v, sizeof v, "%sT%02d:%02d", day, hh, mm);
	timex_set_value(m, j - i, EXTRACT_TIME, v);
	return 1;
}

/* every day, each Thursday, daily, twice a year, per month */
int
timex_rule_set(struct tctx *c, size_t i, struct tmatch *m)
{
	const struct lex *l = lx(c, i, LX_SETADV), *u;
	char v[48];
	long val = 1;
	size_t used;

	if (l != NULL && l->val >= 0) {
		snprintf(v, sizeof v, "P%s1%s", timex_units[l->val].time ?
		    "T" : "",
		    timex_units[l->val].code);
		timex_set_value(m, 1, EXTRACT_SET, v);
		return 1;
	}
	if (l == NULL) {
		/* "twice a year", "5% a year" */
		if (!(is(c, i, "a") || is(c, i, "an")) || i == 0 ||
		    !(is(c, i - 1, "twice") || is(c, i - 1, "once") ||
		    is(c, i - 1, "times") || is(c, i - 1, "%") ||
		    is(c, i - 1, "percent")))
			return 0;
		if ((u = lx(c, i + 1, LX_UNIT)) == NULL)
			return 0;
		snprintf(v, sizeof v, "P%s1%s", timex_units[u->val].time ?
		    "T" : "",
		    timex_units[u->val].code);
		timex_set_value(m, 2, EXTRACT_SET, v);
		return 1;
	}
	if ((u = lx(c, i + 1, LX_WDAY)) != NULL) {
		snprintf(v, sizeof v, "XXXX-WXX-%d", u->val);
		timex_set_value(m, 2, EXTRACT_SET, v);
		return 1;
	}
	if ((u = lx(c, i + 1, LX_MONTH)) != NULL) {
		snprintf(v, sizeof v, "XXXX-%02d", u->val);
		timex_set_value(m, 2, EXTRACT_SET, v);
		return 1;
	}
	used = 0;
	if (l->val == -1 && (used = timex_number(c, i + 1, &val)) > 0 &&
	    val < 0)
		return 0;
	if ((u = lx(c, i + 1 + used, LX_UNIT)) == NULL &&
	    (used == 0 || (u = lx(c, i + 1 + used, LX_UNITS)) == NULL))
		return 0;
	snprintf(v, sizeof v, "P%s%ld%s", timex_units[u->val].time ? "T" : "",
	    val * timex_units[u->val].mult, timex_units[u->val].code);
	timex_set_value(m, 2 + used, EXTRACT_SET, v);
	return 1;
}

/* that day, the same day, the next day, the following week, that year */
int
timex_rule_anaphor(struct tctx *c, size_t i, struct tmatch *m)
{
	const struct lex *u;
	struct tdate t;
	size_t j = i;
	int dir = 0;

	if (c->last == NULL)
		return 0;
	if (is(c, j, "that"))
		j++;
	else if (is(c, j, "the") && (is(c, j + 1, "same") ||
	    is(c, j + 1, "next") || is(c, j + 1, "following") ||
	    is(c, j + 1, "previous"))) {
		dir = is(c, j + 1, "same") ? 0 : is(c, j + 1, "previous") ?
		    -1 : 1;
		j += 2;
	} else
		return 0;
	if ((u = lx(c, j, LX_UNIT)) == NULL)
		return 0;
	if (u->val < U_DAY || u->val == U_FORTNIGHT || u->val == U_WEEKEND)
		return 0;
	t = *c->last;
	if (timex_units[u->val].gran > t.gran)
		return 0;
	tdate_add(&t, timex_units[u->val].gran, dir);
	t.gran = timex_units[u->val].gran;
	timex_set_date(m, j + 1 - i, &t);
	return 1;
}
