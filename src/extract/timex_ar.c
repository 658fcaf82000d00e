/*
 * Temporal expressions in Arabic news: the same engine and values as the
 * English rules, with an Arabic lexicon (timex_lex.c, the LX_A* classes).
 *
 *   11 يناير 2025, 11 يناير, يناير 2025, شهر يناير, في يناير
 *   11 كانون الثاني 2025 (the Levantine month names, one or two words),
 *   تشرين الأول/أكتوبر الماضي (both names, as the Levant writes them)
 *   الأحد, يوم الأحد, الأحد الماضي, الأحد المقبل, الأحد 12 يوليو
 *   أمس, بالأمس, أول أمس, اليوم, غدا
 *   العام الماضي, السنة المقبلة, الشهر الجاري, الأسبوع الماضي, هذا العام
 *   يوليو الجاري, مارس الماضي; عام 2015, العام 2015
 *
 * A month name alone counts only when nothing else can be meant: مارس is
 * also the verb "practised", so it needs a day, a year, شهر or في. A
 * weekday without a modifier is the latest such day up to the article's
 * date, as news reports what has happened. Words with the conjunction و
 * attached are looked up without it (timex_lex_find). Hijri dates,
 * Eastern Arabic digits and durations are not read yet.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "extract/timex.h"

/* One name of a month at token i, one or two words; 0 when none. */
static int
amonth1(const struct tctx *c, size_t i, size_t *len)
{
	const struct lex *l = lx(c, i, LX_AMONTH), *n;

	if (l == NULL)
		return 0;
	*len = 1;
	if (l->val < 100)
		return l->val;
	/* كانون / تشرين + الأول / الثاني */
	if ((n = lx(c, i + 1, LX_AORD)) == NULL)
		return 0;
	*len = 2;
	if (l->val == 100)
		return n->val == 1 ? 12 : 1;
	return n->val == 1 ? 10 : 11;
}

/* The month at token i, with its other name after a slash as the Levant
   writes it (تشرين الأول/أكتوبر); 0 when none. */
static int
amonth(const struct tctx *c, size_t i, size_t *len)
{
	size_t l2;
	int m = amonth1(c, i, len);

	if (m != 0 && is(c, i + *len, "/") &&
	    amonth1(c, i + *len + 1, &l2) == m)
		*len += 1 + l2;
	return m;
}

/* A year at token i: 2025, or 2025 written with م (AD) after it. */
static int
ayear(const struct tctx *c, size_t i, size_t *len)
{
	int y = timex_year_number(c, i);

	if (y < 0)
		return -1;
	*len = is(c, i + 1, "م") ? 2 : 1;
	return y;
}

/* The modifier at token i: -1 past, 0 this, 1 coming; 2 when none. */
static int
amod(const struct tctx *c, size_t i)
{
	const struct lex *l = lx(c, i, LX_AMOD);

	return l != NULL ? l->val : 2;
}

/* [day] month [year]; month [modifier] */
static int
rule_date(struct tctx *c, size_t i, struct tmatch *m)
{
	struct tdate t = timex_refdate(c);
	size_t j = i, ml, yl = 0;
	int d = -1, mo, y = -1, mod, named = 0;

	if (is(c, j, "شهر")) {
		named = 1;
		j++;
	} else if ((d = timex_day_number(c, j)) > 0)
		j++;
	if ((mo = amonth(c, j, &ml)) == 0)
		return 0;
	j += ml;
	y = ayear(c, j, &yl);
	if (y > 0)
		j += yl;
	if (d < 0 && y < 0 && !named) {
		/* a month alone: مارس needs company */
		if (mo == 3 && ml == 1 && !is(c, j - 1, "آذار") &&
		    !(i > 0 && is(c, i - 1, "في")) &&
		    amod(c, j) == 2)
			return 0;
	}
	t.m = mo;
	t.d = d > 0 ? d : 1;
	t.gran = d > 0 ? G_DAY : G_MONTH;
	if (y > 0)
		t.y = y;
	else if (!c->has_ref) {
		char v[16];

		if (d > 0)
			snprintf(v, sizeof v, "XXXX-%02d-%02d", mo, d);
		else
			snprintf(v, sizeof v, "XXXX-%02d", mo);
		timex_set_value(m, j - i, EXTRACT_DATE, v);
		return 1;
	} else if ((mod = amod(c, j)) != 2) {
		/* يوليو الجاري, مارس الماضي, أبريل المقبل */
		t.y = c->ref.y;
		if (mod < 0 && t.m >= c->ref.m)
			t.y--;
		else if (mod > 0 && t.m <= c->ref.m)
			t.y++;
		j++;
	} else
		timex_place_year(c, i, &t, d > 0 ? G_DAY : G_MONTH);
	if (d > 0 && !tdate_valid(t.y, t.m, t.d))
		return 0;
	timex_set_date(m, j - i, &t);
	return 1;
}

/* [يوم] weekday [modifier | day month [year]] */
static int
rule_weekday(struct tctx *c, size_t i, struct tmatch *m)
{
	const struct lex *l;
	struct tdate t = timex_refdate(c);
	struct tmatch dm;
	size_t j = i;
	int mod, diff;

	if (is(c, j, "يوم"))
		j++;
	if ((l = lx(c, j, LX_AWDAY)) == NULL)
		return 0;
	j++;
	memset(&dm, 0, sizeof dm);
	if (timex_day_number(c, j) > 0 && rule_date(c, j, &dm) &&
	    dm.is_date) {
		timex_set_date(m, j - i + dm.len, &dm.date);
		return 1;
	}
	mod = amod(c, j);
	if (!c->has_ref || c->ref.gran != G_DAY) {
		timex_set_value(m, j - i + (mod != 2), EXTRACT_DATE,
		    "XXXX-XX-XX");
		return 1;
	}
	diff = l->val - tdate_weekday(&t);
	if (mod == 1) {
		if (diff <= 0)
			diff += 7;
		j++;
	} else {
		if (diff > 0)
			diff -= 7;
		if (mod == -1) {
			if (diff == 0)
				diff = -7;
			j++;
		} else if (mod == 0)
			j++;
	}
	tdate_add_days(&t, diff);
	t.gran = G_DAY;
	timex_set_date(m, j - i, &t);
	return 1;
}

/* Words that make اليوم "the day" rather than "today". */
static int
day_noun(const struct tctx *c, size_t i)
{
	static const char *const after[] = { "التالي", "الوطني", "العالمي",
		"الأول", "الأخير", "السابق" };
	size_t k;

	for (k = 0; k < sizeof after / sizeof after[0]; k++)
		if (is(c, i, after[k]))
			return 1;
	return 0;
}

/* أمس, أول أمس, اليوم, غدا */
static int
rule_deictic(struct tctx *c, size_t i, struct tmatch *m)
{
	const struct lex *l;
	struct tdate t = timex_refdate(c);
	size_t j = i;
	int delta;

	if (is(c, j, "أول") &&
	    (l = lx(c, j + 1, LX_ADEIC)) != NULL && l->val == -1) {
		delta = -2;
		j += 2;
	} else if ((l = lx(c, j, LX_ADEIC)) != NULL) {
		if (l->val == 0 && day_noun(c, j + 1))
			return 0;
		delta = l->val;
		j++;
	} else
		return 0;
	if (!c->has_ref) {
		timex_set_value(m, j - i, EXTRACT_DATE, "XXXX-XX-XX");
		return 1;
	}
	t.gran = c->ref.gran;
	if (t.gran == G_DAY)
		tdate_add_days(&t, delta);
	timex_set_date(m, j - i, &t);
	return 1;
}

/* العام الماضي, الشهر الجاري, هذا الأسبوع, عام 2015 */
static int
rule_unit(struct tctx *c, size_t i, struct tmatch *m)
{
	static const enum tgran grans[] = { G_YEAR, G_MONTH, G_WEEK };
	const struct lex *l;
	struct tdate t = timex_refdate(c);
	size_t j = i, yl;
	int mod, y;

	if (is(c, j, "هذا") || is(c, j, "هذه")) {
		if ((l = lx(c, j + 1, LX_AUNIT)) == NULL)
			return 0;
		mod = 0;
		j += 2;
	} else {
		if ((l = lx(c, j, LX_AUNIT)) == NULL)
			return 0;
		if (l->val == 0 && (y = ayear(c, j + 1, &yl)) > 0) {
			t.y = y;
			t.m = t.d = 1;
			t.gran = G_YEAR;
			timex_set_date(m, 1 + yl, &t);
			return 1;
		}
		if ((mod = amod(c, j + 1)) == 2)
			return 0;
		j += 2;
	}
	if (!c->has_ref) {
		timex_set_value(m, j - i, EXTRACT_DATE, mod < 0 ? "PAST_REF" :
		    mod > 0 ? "FUTURE_REF" : "PRESENT_REF");
		return 1;
	}
	t.gran = grans[l->val];
	if (mod != 0)
		tdate_add(&t, t.gran, mod);
	timex_set_date(m, j - i, &t);
	return 1;
}

int
timex_rule_arabic(struct tctx *c, size_t i, struct tmatch *m)
{
	/* Every rule here starts with an Arabic word or with a day's
	 * digits: English prose is turned away with one test. */
	if (!(c->tok[i].flags & (TOK_RTL | TOK_DIGIT)))
		return 0;
	/* A token with no Arabic letter starts only a day and its month
	 * (rule_date): the other rules open with an Arabic word. The
	 * digits of English text, with no Arabic month after them, are
	 * turned away here. */
	if (!(c->tok[i].flags & TOK_RTL))
		return lx(c, i + 1, LX_AMONTH) != NULL && rule_date(c, i, m);
	return rule_date(c, i, m) || rule_weekday(c, i, m) ||
	    rule_deictic(c, i, m) || rule_unit(c, i, m);
}
