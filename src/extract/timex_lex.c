/*
 * The temporal tagger's lexicon (months, weekdays, units, number words,
 * deictic and modifier words) and the small readers every rule shares:
 * token text, numbers in digits or words, the tense around a token, and
 * the placing of a month or day without a year. See timex.c for the
 * design of the tagger and the normalisation rule.
 */
#include "config.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extract/timex.h"
#include "util/xalloc.h"

const struct unitinfo timex_units[] = {
	[U_SEC] = { "S", 1, 1, G_DAY },
	[U_MIN] = { "M", 1, 1, G_DAY },
	[U_HOUR] = { "H", 1, 1, G_DAY },
	[U_DAY] = { "D", 0, 1, G_DAY },
	[U_WEEK] = { "W", 0, 1, G_WEEK },
	[U_WEEKEND] = { "WE", 0, 1, G_WEEKEND },
	[U_FORTNIGHT] = { "W", 0, 2, G_WEEK },
	[U_MONTH] = { "M", 0, 1, G_MONTH },
	[U_QUARTER] = { "Q", 0, 1, G_QUARTER },
	[U_YEAR] = { "Y", 0, 1, G_YEAR },
	[U_DECADE] = { "Y", 0, 10, G_YEAR },	/* ten years: P10Y */
	[U_CENTURY] = { "CE", 0, 1, G_CENTURY },
	[U_MILLENNIUM] = { "ML", 0, 1, G_CENTURY },
};

/* Parts of the day (LX_PART) and clock words (LX_CLOCK). */
const char *const timex_parts[] = { "MO", "AF", "EV", "NI", "DT" };

static const struct lex lexicon[] = {
	{ "january", LX_MONTH, 1 }, { "february", LX_MONTH, 2 },
	{ "march", LX_MONTH, 3 }, { "april", LX_MONTH, 4 },
	{ "may", LX_MONTH, 5 }, { "june", LX_MONTH, 6 },
	{ "july", LX_MONTH, 7 }, { "august", LX_MONTH, 8 },
	{ "september", LX_MONTH, 9 }, { "october", LX_MONTH, 10 },
	{ "november", LX_MONTH, 11 }, { "december", LX_MONTH, 12 },
	{ "jan.", LX_MONTH, 1 }, { "feb.", LX_MONTH, 2 },
	{ "mar.", LX_MONTH, 3 }, { "apr.", LX_MONTH, 4 },
	{ "jun.", LX_MONTH, 6 }, { "jul.", LX_MONTH, 7 },
	{ "aug.", LX_MONTH, 8 }, { "sep.", LX_MONTH, 9 },
	{ "sept.", LX_MONTH, 9 }, { "oct.", LX_MONTH, 10 },
	{ "nov.", LX_MONTH, 11 }, { "dec.", LX_MONTH, 12 },
	{ "jan", LX_MONTH, 1 }, { "feb", LX_MONTH, 2 },
	{ "apr", LX_MONTH, 4 }, { "jun", LX_MONTH, 6 },
	{ "jul", LX_MONTH, 7 }, { "aug", LX_MONTH, 8 },
	{ "sep", LX_MONTH, 9 }, { "sept", LX_MONTH, 9 },
	{ "oct", LX_MONTH, 10 }, { "nov", LX_MONTH, 11 },
	{ "dec", LX_MONTH, 12 },
	{ "monday", LX_WDAY, 1 }, { "tuesday", LX_WDAY, 2 },
	{ "wednesday", LX_WDAY, 3 }, { "thursday", LX_WDAY, 4 },
	{ "friday", LX_WDAY, 5 }, { "saturday", LX_WDAY, 6 },
	{ "sunday", LX_WDAY, 7 },
	{ "mondays", LX_WDAYS, 1 }, { "tuesdays", LX_WDAYS, 2 },
	{ "wednesdays", LX_WDAYS, 3 }, { "thursdays", LX_WDAYS, 4 },
	{ "fridays", LX_WDAYS, 5 }, { "saturdays", LX_WDAYS, 6 },
	{ "sundays", LX_WDAYS, 7 },
	{ "second", LX_UNIT, U_SEC }, { "seconds", LX_UNITS, U_SEC },
	{ "minute", LX_UNIT, U_MIN }, { "minutes", LX_UNITS, U_MIN },
	{ "hour", LX_UNIT, U_HOUR }, { "hours", LX_UNITS, U_HOUR },
	{ "day", LX_UNIT, U_DAY }, { "days", LX_UNITS, U_DAY },
	{ "week", LX_UNIT, U_WEEK }, { "weeks", LX_UNITS, U_WEEK },
	{ "weekend", LX_UNIT, U_WEEKEND },
	{ "weekends", LX_UNITS, U_WEEKEND },
	{ "fortnight", LX_UNIT, U_FORTNIGHT },
	{ "month", LX_UNIT, U_MONTH }, { "months", LX_UNITS, U_MONTH },
	{ "quarter", LX_UNIT, U_QUARTER }, { "quarters", LX_UNITS, U_QUARTER },
	{ "year", LX_UNIT, U_YEAR }, { "years", LX_UNITS, U_YEAR },
	{ "decade", LX_UNIT, U_DECADE }, { "decades", LX_UNITS, U_DECADE },
	{ "century", LX_UNIT, U_CENTURY },
	{ "centuries", LX_UNITS, U_CENTURY },
	{ "millennium", LX_UNIT, U_MILLENNIUM },
	{ "a", LX_NUM, 1 }, { "an", LX_NUM, 1 }, { "one", LX_NUM, 1 },
	{ "two", LX_NUM, 2 }, { "three", LX_NUM, 3 }, { "four", LX_NUM, 4 },
	{ "five", LX_NUM, 5 }, { "six", LX_NUM, 6 }, { "seven", LX_NUM, 7 },
	{ "eight", LX_NUM, 8 }, { "nine", LX_NUM, 9 }, { "ten", LX_NUM, 10 },
	{ "eleven", LX_NUM, 11 }, { "twelve", LX_NUM, 12 },
	{ "thirteen", LX_NUM, 13 }, { "fourteen", LX_NUM, 14 },
	{ "fifteen", LX_NUM, 15 }, { "sixteen", LX_NUM, 16 },
	{ "seventeen", LX_NUM, 17 }, { "eighteen", LX_NUM, 18 },
	{ "nineteen", LX_NUM, 19 }, { "twenty", LX_NUM, 20 },
	{ "thirty", LX_NUM, 30 }, { "forty", LX_NUM, 40 },
	{ "fifty", LX_NUM, 50 }, { "sixty", LX_NUM, 60 },
	{ "seventy", LX_NUM, 70 }, { "eighty", LX_NUM, 80 },
	{ "ninety", LX_NUM, 90 }, { "hundred", LX_NUM, 100 },
	{ "thousand", LX_NUM, 1000 }, { "dozen", LX_NUM, 12 },
	{ "first", LX_ORD, 1 }, { "third", LX_ORD, 3 },
	{ "fourth", LX_ORD, 4 }, { "fifth", LX_ORD, 5 },
	{ "sixth", LX_ORD, 6 }, { "seventh", LX_ORD, 7 },
	{ "eighth", LX_ORD, 8 }, { "ninth", LX_ORD, 9 },
	{ "tenth", LX_ORD, 10 }, { "eleventh", LX_ORD, 11 },
	{ "twelfth", LX_ORD, 12 },
	{ "several", LX_QUANT, 0 }, { "few", LX_QUANT, 0 },
	{ "many", LX_QUANT, 0 }, { "couple", LX_QUANT, 0 },
	{ "some", LX_QUANT, 0 }, { "recent", LX_QUANT, 1 },
	{ "spring", LX_SEASON, 0 }, { "summer", LX_SEASON, 1 },
	{ "fall", LX_SEASON, 2 }, { "autumn", LX_SEASON, 2 },
	{ "winter", LX_SEASON, 3 },
	{ "morning", LX_PART, 0 }, { "afternoon", LX_PART, 1 },
	{ "mid-afternoon", LX_PART, 1 }, { "evening", LX_PART, 2 },
	{ "night", LX_PART, 3 }, { "overnight", LX_PART, 3 },
	{ "noon", LX_CLOCK, 12 }, { "midday", LX_CLOCK, 12 },
	{ "midnight", LX_CLOCK, 24 },
	{ "today", LX_DEIC, 0 }, { "yesterday", LX_DEIC, -1 },
	{ "tomorrow", LX_DEIC, 1 }, { "tonight", LX_DEIC, 100 },
	/* "soon", "previously" left out: in news they are
	 * tagged far less often than they occur */
	{ "current", LX_REF, R_PRESENT },
	{ "now", LX_REF, R_PRESENT }, { "currently", LX_REF, R_PRESENT },
	{ "nowadays", LX_REF, R_PRESENT }, { "presently", LX_REF, R_PRESENT },
	{ "recently", LX_REF, R_PAST }, { "lately", LX_REF, R_PAST },
	{ "future", LX_REF, R_FUTURE }, { "past", LX_MOD, M_PAST },
	{ "last", LX_MOD, M_LAST }, { "next", LX_MOD, M_NEXT },
	{ "this", LX_MOD, M_THIS }, { "coming", LX_MOD, M_COMING },
	{ "latest", LX_MOD, M_LATEST }, { "following", LX_MOD, M_FOLLOWING },
	{ "previous", LX_MOD, M_PREVIOUS }, { "prior", LX_MOD, M_PREVIOUS },
	{ "early", LX_EDGE, 0 }, { "earlier", LX_EDGE, 1 },
	{ "late", LX_EDGE, 2 }, { "later", LX_EDGE, 3 },
	{ "mid", LX_EDGE, 4 }, { "end", LX_EDGE, 5 },
	{ "beginning", LX_EDGE, 6 }, { "start", LX_EDGE, 7 },
	{ "middle", LX_EDGE, 8 },
	{ "daily", LX_SETADV, U_DAY }, { "weekly", LX_SETADV, U_WEEK },
	{ "monthly", LX_SETADV, U_MONTH },
	{ "yearly", LX_SETADV, U_YEAR }, { "hourly", LX_SETADV, U_HOUR },
	{ "nightly", LX_SETADV, U_DAY },
	{ "every", LX_SETADV, -1 }, { "each", LX_SETADV, -1 },
	{ "per", LX_SETADV, -2 },
	{ "about", LX_APPROX, 1 }, { "nearly", LX_APPROX, 1 },
	{ "almost", LX_APPROX, 1 }, { "around", LX_APPROX, 1 },
	{ "roughly", LX_APPROX, 1 }, { "approximately", LX_APPROX, 1 },
	{ "more", LX_APPROX, 2 }, { "less", LX_APPROX, 2 },
	{ "at", LX_APPROX, 3 }, { "over", LX_APPROX, 1 },
	{ "christmas", LX_HOLIDAY, 1225 }, { "thanksgiving", LX_HOLIDAY, 0 },
	{ "halloween", LX_HOLIDAY, 1031 },
	{ "the", LX_NONE, 1 }, { "that", LX_NONE, 2 }, { "ago", LX_NONE, 3 },
	/* Arabic: months (Egyptian and Gulf names, then the Levantine ones;
	 * كانون and تشرين take الأول or الثاني), weekdays (ISO numbers),
	 * deictic days, units with a modifier, modifiers. */
	{ "يناير", LX_AMONTH, 1 }, { "فبراير", LX_AMONTH, 2 },
	{ "مارس", LX_AMONTH, 3 }, { "أبريل", LX_AMONTH, 4 },
	{ "ابريل", LX_AMONTH, 4 }, { "إبريل", LX_AMONTH, 4 },
	{ "مايو", LX_AMONTH, 5 }, { "يونيو", LX_AMONTH, 6 },
	{ "يونيه", LX_AMONTH, 6 }, { "يوليو", LX_AMONTH, 7 },
	{ "يوليه", LX_AMONTH, 7 }, { "أغسطس", LX_AMONTH, 8 },
	{ "اغسطس", LX_AMONTH, 8 }, { "سبتمبر", LX_AMONTH, 9 },
	{ "أكتوبر", LX_AMONTH, 10 }, { "اكتوبر", LX_AMONTH, 10 },
	{ "نوفمبر", LX_AMONTH, 11 }, { "ديسمبر", LX_AMONTH, 12 },
	{ "شباط", LX_AMONTH, 2 }, { "آذار", LX_AMONTH, 3 },
	{ "نيسان", LX_AMONTH, 4 }, { "أيار", LX_AMONTH, 5 },
	{ "حزيران", LX_AMONTH, 6 }, { "تموز", LX_AMONTH, 7 },
	{ "آب", LX_AMONTH, 8 }, { "أيلول", LX_AMONTH, 9 },
	{ "كانون", LX_AMONTH, 100 }, { "تشرين", LX_AMONTH, 101 },
	{ "الأول", LX_AORD, 1 }, { "الاول", LX_AORD, 1 },
	{ "الثاني", LX_AORD, 2 },
	{ "الاثنين", LX_AWDAY, 1 }, { "الإثنين", LX_AWDAY, 1 },
	{ "الثلاثاء", LX_AWDAY, 2 }, { "الأربعاء", LX_AWDAY, 3 },
	{ "الاربعاء", LX_AWDAY, 3 }, { "الخميس", LX_AWDAY, 4 },
	{ "الجمعة", LX_AWDAY, 5 }, { "السبت", LX_AWDAY, 6 },
	{ "الأحد", LX_AWDAY, 7 }, { "الاحد", LX_AWDAY, 7 },
	{ "أمس", LX_ADEIC, -1 }, { "امس", LX_ADEIC, -1 },
	{ "بالأمس", LX_ADEIC, -1 }, { "البارحة", LX_ADEIC, -1 },
	{ "اليوم", LX_ADEIC, 0 }, { "غدا", LX_ADEIC, 1 },
	{ "غداً", LX_ADEIC, 1 },
	{ "العام", LX_AUNIT, 0 }, { "عام", LX_AUNIT, 0 },
	{ "السنة", LX_AUNIT, 0 }, { "سنة", LX_AUNIT, 0 },
	{ "الشهر", LX_AUNIT, 1 }, { "الأسبوع", LX_AUNIT, 2 },
	{ "الاسبوع", LX_AUNIT, 2 },
	{ "الماضي", LX_AMOD, -1 }, { "الماضية", LX_AMOD, -1 },
	{ "المنصرم", LX_AMOD, -1 }, { "الفائت", LX_AMOD, -1 },
	{ "الجاري", LX_AMOD, 0 }, { "الجارية", LX_AMOD, 0 },
	{ "الحالي", LX_AMOD, 0 }, { "الحالية", LX_AMOD, 0 },
	{ "المقبل", LX_AMOD, 1 }, { "المقبلة", LX_AMOD, 1 },
	{ "القادم", LX_AMOD, 1 }, { "القادمة", LX_AMOD, 1 },
	/* words an Arabic expression may start with (day, first, this,
	 * month) */
	{ "يوم", LX_NONE, 10 }, { "أول", LX_NONE, 10 },
	{ "هذا", LX_NONE, 10 }, { "هذه", LX_NONE, 10 },
	{ "شهر", LX_NONE, 10 },
	{ "sixties", LX_DECADEW, 6 }, { "seventies", LX_DECADEW, 7 },
	{ "eighties", LX_DECADEW, 8 }, { "nineties", LX_DECADEW, 9 },
};

#define NLEX (sizeof lexicon / sizeof lexicon[0])
#define LEX_SLOTS 1024		/* power of two, over twice NLEX */

/* Filled once (pthread_once) and read-only after: safe across threads.
 * Each slot keeps its word's hash and length, so that the many words
 * not in the lexicon are turned away without comparing strings. */
static struct lexslot {
	const struct lex	*lex;
	uint32_t		 hash;
	size_t			 len;
} lex_table[LEX_SLOTS];
/* Bit b of lex_starts[n] is set when some word of n bytes starts with
 * byte b: most words of the text are turned away before hashing. */
#define LEX_MAXLEN	24	/* longer words are never looked up */
static unsigned char lex_starts[LEX_MAXLEN + 1][256 / 8];
static pthread_once_t lex_once = PTHREAD_ONCE_INIT;

static uint32_t
lex_hash(const char *w, size_t n)
{
	uint32_t h = 2166136261u;
	size_t i;

	for (i = 0; i < n; i++) {
		h ^= (unsigned char)w[i];
		h *= 16777619u;
	}
	return h;
}

static void
lex_init(void)
{
	size_t i, k, n;
	unsigned b;
	uint32_t h;

	for (i = 0; i < NLEX; i++) {
		n = strlen(lexicon[i].word);
		h = lex_hash(lexicon[i].word, n);
		for (k = h & (LEX_SLOTS - 1); lex_table[k].lex != NULL;
		    k = (k + 1) & (LEX_SLOTS - 1))
			;
		lex_table[k].lex = &lexicon[i];
		lex_table[k].hash = h;
		lex_table[k].len = n;
		if (n <= LEX_MAXLEN) {
			b = (unsigned char)lexicon[i].word[0];
			lex_starts[n][b / 8] |= 1u << (b % 8);
		}
	}
}

void
timex_lex_ready(void)
{
	pthread_once(&lex_once, lex_init);
}

/* Inline into lex_find(), which timex_lex_fill() asks of every word. */
static inline const struct lex *
lex_lookup(const char *w, size_t n)
{
	const struct lexslot *e;
	unsigned b;
	uint32_t h;
	size_t k;

	if (n == 0 || n > LEX_MAXLEN)
		return NULL;
	b = (unsigned char)w[0];
	if (!(lex_starts[n][b / 8] & (1u << (b % 8))))
		return NULL;
	h = lex_hash(w, n);
	for (k = h & (LEX_SLOTS - 1); (e = &lex_table[k])->lex != NULL;
	    k = (k + 1) & (LEX_SLOTS - 1))
		if (e->hash == h && e->len == n &&
		    memcmp(e->lex->word, w, n) == 0)
			return e->lex;
	return NULL;
}

/* timex_lex_find(), to inline into the loop of timex_lex_fill(). */
static inline const struct lex *
lex_find(const char *w, size_t n)
{
	const struct lex *l;

	if (n == 0 || n > LEX_MAXLEN)
		return NULL;
	if ((l = lex_lookup(w, n)) != NULL)
		return l;
	if (n > 4 && (unsigned char)w[0] == 0xd9 &&
	    (unsigned char)w[1] == 0x88 && (unsigned char)w[2] >= 0xd8 &&
	    (unsigned char)w[2] <= 0xdb && (l = lex_lookup(w + 2, n - 2)) !=
	    NULL && l->cls >= LX_AMONTH)
		return l;
	return NULL;
}

/*
 * Look up a lower-case word of n bytes; NULL when absent. An Arabic word
 * with the conjunction و (and) attached is looked up without it too.
 */
const struct lex *
timex_lex_find(const char *w, size_t n)
{
	return lex_find(w, n);
}

/*
 * The lexicon entry of each of the n tokens tok[] of the lower-cased text
 * low into lx[], and its class (or LXC_NONE) into lxc[]. A loop of its
 * own, for the lookup to inline: every word of the article comes here.
 */
void
timex_lex_fill(const char *low, const struct extract_tok *tok, size_t n,
    const struct lex **lx, unsigned char *lxc)
{
	size_t i;

	for (i = 0; i < n; i++) {
		lx[i] = (tok[i].flags & TOK_ALPHA) ? lex_find(low +
		    tok[i].start, tok[i].end - tok[i].start) : NULL;
		lxc[i] = lx[i] != NULL ? (unsigned char)lx[i]->cls : LXC_NONE;
	}
}

/* Value of a token made of 1-4 ASCII digits, else -1. */
int
timex_digits(const struct tctx *c, size_t i, size_t minlen, size_t maxlen)
{
	size_t n, k;
	const char *s;
	int v = 0;

	if (i >= c->n)
		return -1;
	s = tw(c, i, &n);
	if (n < minlen || n > maxlen)
		return -1;
	for (k = 0; k < n; k++) {
		if (s[k] < '0' || s[k] > '9')
			return -1;
		v = v * 10 + (s[k] - '0');
	}
	return v;
}

/* A day of the month: 11, 11th, 1st; else -1. */
int
timex_day_number(const struct tctx *c, size_t i)
{
	size_t n, k;
	const char *s;
	int v = 0;

	if (i >= c->n)
		return -1;
	s = tw(c, i, &n);
	for (k = 0; k < n && k < 2 && s[k] >= '0' && s[k] <= '9'; k++)
		v = v * 10 + (s[k] - '0');
	if (k == 0)
		return -1;
	if (k < n && !(n - k == 2 && (memcmp(s + k, "st", 2) == 0 ||
	    memcmp(s + k, "nd", 2) == 0 || memcmp(s + k, "rd", 2) == 0 ||
	    memcmp(s + k, "th", 2) == 0)))
		return -1;
	return v >= 1 && v <= 31 ? v : -1;
}

/* A plausible year: four digits 1000-2999. */
int
timex_year_number(const struct tctx *c, size_t i)
{
	int y = timex_digits(c, i, 4, 4);

	return y >= 1000 && y <= 2999 ? y : -1;
}

/*
 * A year read aloud, as broadcast transcripts write it: "nineteen
 * ninety-six", "nineteen seventy nine", "eighteen twelve". Returns the
 * tokens used and sets *y, or returns 0.
 */
size_t
timex_year_words(const struct tctx *c, size_t i, int *y)
{
	const struct lex *l = lx(c, i, LX_NUM);
	size_t used;
	long v;

	/* from "sixteen": "eleven thirty" is a clock time */
	if (l == NULL || l->val < 16 || l->val > 19 || i + 1 >= c->n ||
	    !(c->tok[i + 1].flags & TOK_ALPHA) || lx(c, i + 1, LX_QUANT))
		return 0;
	if ((used = timex_number(c, i + 1, &v)) == 0 || v < 10 || v > 99 ||
	    is(c, i + 1, "a") || is(c, i + 1, "an"))
		return 0;
	*y = l->val * 100 + (int)v;
	return 1 + used;
}

/*
 * A number: digits, number words ("twenty four", "twenty-four"), "a",
 * or a vague quantity ("several", "a few": -2). Returns tokens used.
 */
size_t
timex_number(const struct tctx *c, size_t i, long *val)
{
	const struct lex *l, *l2;
	size_t n, k, used;
	const char *s, *h;
	long v = 0;

	if (i >= c->n)
		return 0;
	if (is(c, i, "a") && is(c, i + 1, "couple")) {
		*val = 2;
		return is(c, i + 2, "of") ? 3 : 2;
	}
	if (is(c, i, "a") && lx(c, i + 1, LX_QUANT) != NULL) {
		*val = -2;
		return is(c, i + 2, "of") ? 3 : 2;
	}
	if ((l = lx(c, i, LX_QUANT)) != NULL && l->val == 0) {
		*val = -2;
		return is(c, i + 1, "of") ? 2 : 1;
	}
	s = tw(c, i, &n);
	if (n > 0 && s[0] >= '0' && s[0] <= '9') {
		for (k = 0; k < n; k++) {
			if (s[k] == ',')
				continue;
			if (s[k] < '0' || s[k] > '9' || v > 100000)
				return 0;
			v = v * 10 + (s[k] - '0');
		}
		if (n == 4 && v >= 1000)
			return 0;	/* a year, not a count */
		*val = v;
		return 1;
	}
	/* twenty-four as one token */
	if ((h = memchr(s, '-', n)) != NULL) {
		l = timex_lex_find(s, (size_t)(h - s));
		l2 = timex_lex_find(h + 1, n - (size_t)(h - s) - 1);
		if (l && l2 && l->cls == LX_NUM && l2->cls == LX_NUM &&
		    l->val >= 20 && l2->val < 10) {
			*val = l->val + l2->val;
			return 1;
		}
		return 0;
	}
	if ((l = lx(c, i, LX_NUM)) == NULL)
		return 0;
	v = l->val;
	used = 1;
	if (v >= 20 && v < 100 && (l2 = lx(c, i + 1, LX_NUM)) != NULL &&
	    l2->val < 10 && l2->val > 1) {
		v += l2->val;
		used = 2;
	}
	if ((l2 = lx(c, i + used, LX_NUM)) != NULL && (l2->val == 100 ||
	    l2->val == 1000) && v < 100) {
		v *= l2->val;
		used++;
	}
	*val = v;
	return used;
}

/* Nearest tense marker around token i within its sentence. */
int
timex_tense_at(const struct tctx *c, size_t i)
{
	return timex_tense_within(c, i, 12);
}

/* Tense marks of a token. */
#define TM_FUTURE	0x01	/* an auxiliary or word of the future */
#define TM_PAST		0x02	/* of the past */
#define TM_PERFECT	0x04	/* "been", "had" */
#define TM_BE		0x08	/* "be" */

/*
 * The tense marks of token j: auxiliaries and a few strong verbs decide;
 * reporting verbs ("said") do not, since what is reported is often
 * still to come. Kept in c->tmark: the rules ask about the same dozen
 * tokens around every expression of a sentence.
 */
static unsigned
tense_marks(const struct tctx *c, size_t j)
{
	/* Each word once, with all its marks, by length: a token is
	 * compared only with the words of its own length, first letter
	 * first, and most tokens are of no word's length or first letter. */
	struct mark {
		const char	*w;
		unsigned char	 m;
	};
	static const struct mark m2[] = {
		{ "wo", TM_FUTURE }, { "be", TM_BE },
	}, m3[] = {
		{ "'ll", TM_FUTURE },
		{ "due", TM_FUTURE }, { "was", TM_PAST },
		{ "had", TM_PAST | TM_PERFECT }, { "did", TM_PAST },
		{ "ago", TM_PAST }, { "saw", TM_PAST }, { "met", TM_PAST },
		{ "won", TM_PAST }, { "ran", TM_PAST },
	}, m4[] = {
		{ "will", TM_FUTURE }, { "next", TM_FUTURE },
		{ "were", TM_PAST }, { "been", TM_PAST | TM_PERFECT },
		{ "last", TM_PAST }, { "came", TM_PAST },
		{ "went", TM_PAST }, { "took", TM_PAST },
		{ "lost", TM_PAST }, { "fell", TM_PAST },
		{ "rose", TM_PAST }, { "left", TM_PAST },
		{ "held", TM_PAST }, { "sold", TM_PAST },
		{ "gave", TM_PAST },
	}, m5[] = {
		{ "shall", TM_FUTURE }, { "going", TM_FUTURE },
		{ "plans", TM_FUTURE }, { "would", TM_FUTURE },
		{ "began", TM_PAST },
	}, m6[] = {
		{ "became", TM_PAST },
	}, m7[] = {
		{ "expects", TM_FUTURE }, { "payable", TM_FUTURE },
		{ "earlier", TM_PAST },
	}, m8[] = {
		{ "expected", TM_FUTURE }, { "tomorrow", TM_FUTURE },
		{ "upcoming", TM_FUTURE },
	}, m9[] = {
		{ "scheduled", TM_FUTURE }, { "yesterday", TM_PAST },
	};
#define MARKS(v)	{ v, sizeof v / sizeof v[0] }
	static const struct {
		const struct mark	*v;
		size_t			 n;
	} by_len[] = {
		[2] = MARKS(m2), [3] = MARKS(m3), [4] = MARKS(m4),
		[5] = MARKS(m5), [6] = MARKS(m6), [7] = MARKS(m7),
		[8] = MARKS(m8), [9] = MARKS(m9),
	};
#undef MARKS
	const struct mark *v;
	const char *s;
	unsigned m = 0;
	size_t k, n, nv;

	if (c->tmark[j] != 0xff)
		return c->tmark[j];
	s = tw(c, j, &n);
	if (n < sizeof by_len / sizeof by_len[0]) {
		v = by_len[n].v;
		nv = by_len[n].n;
		for (k = 0; k < nv; k++)
			if (v[k].w[0] == s[0] && memcmp(s, v[k].w, n) == 0) {
				m = v[k].m;
				break;
			}
	}
	c->tmark[j] = (unsigned char)m;
	return m;
}

/* timex_tense_at(), no further than maxd tokens away. */
int
timex_tense_within(const struct tctx *c, size_t i, size_t maxd)
{
	size_t d, j, n;
	const char *s;
	unsigned m;
	int side, weak = TENSE_NONE;

	for (d = 1; d <= maxd; d++) {
		for (side = 0; side < 2; side++) {
			if (side == 0 && d > i)
				continue;
			j = side == 0 ? i - d : i + d;
			if (j >= c->n)
				continue;
			m = tense_marks(c, j);
			/* "had been due to expire Friday": a future
			 * seen from the past is past */
			if (m & TM_FUTURE)
				return j > 0 &&
				    (tense_marks(c, j - 1) & TM_PERFECT) ?
				    TENSE_PAST : TENSE_FUTURE;
			/* "would be held": a participle after "be" is
			 * passive, not past */
			if (j > 0 && (tense_marks(c, j - 1) & TM_BE))
				continue;
			if (m & TM_PAST)
				return TENSE_PAST;
			/* a verb in -ed counts only when nothing stronger
			 * is near */
			s = tw(c, j, &n);
			if (weak == TENSE_NONE && n >= 5 && s[n - 2] == 'e' &&
			    s[n - 1] == 'd' && (c->tok[j].flags & TOK_LOWER))
				weak = TENSE_PAST;
		}
	}
	return weak;
}

/* The reference date, or a placeholder year 0 when there is none. */
struct tdate
timex_refdate(const struct tctx *c)
{
	struct tdate t = c->ref;

	if (!c->has_ref) {
		t.y = t.m = t.d = 0;
		t.gran = G_DAY;
	}
	return t;
}

/*
 * In financial news (a quarter already mentioned), "a year ago" means the
 * reported quarter, the one before the reference's, a year back.
 */
struct tdate
timex_reported_quarter(const struct tctx *c, int years_back)
{
	struct tdate t = c->ref;

	t.m = (t.m - 1) / 3 * 3 + 1;
	t.d = 1;
	tdate_add_months(&t, -3 - 12 * years_back);
	t.gran = G_QUARTER;
	return t;
}

void
timex_set_date(struct tmatch *m, size_t len, const struct tdate *d)
{
	m->len = len;
	m->type = EXTRACT_DATE;
	m->date = *d;
	m->is_date = 1;
	tdate_format(d, m->value, sizeof m->value);
}

void
timex_set_value(struct tmatch *m, size_t len, enum extract_ttype type,
    const char *value)
{
	size_t n;

	m->len = len;
	m->type = type;
	m->is_date = 0;
	/* what snprintf("%s") would keep, without its cost */
	n = strnlen(value, sizeof m->value - 1);
	memcpy(m->value, value, n);
	m->value[n] = '\0';
}

/*
 * Give an underspecified month (and day) a year. Of the reference year and
 * its neighbours, the one that puts the date closest to the reference
 * wins; the sentence's tense overrides that when the date would fall
 * clearly on the wrong side (a past-tense date more than two months after
 * the reference is last year's, a future-tense one two months before is
 * next year's). Tense is read from nearby words and is noisy, hence the
 * margin: on tempeval3-train 60 days beat 7 and 30. A month alone takes
 * the closest year, and the tense moves it when it is more than two
 * months on the wrong side.
 */
static int
place_tense(const struct tctx *c, size_t i)
{
	/* "loans through January", "pay down debt by February",
	 * "effective Feb. 1": a deadline, or the end or start of a span
	 * still running */
	if (i > 0 && (is(c, i - 1, "until") || is(c, i - 1, "through") ||
	    is(c, i - 1, "by") || is(c, i - 1, "till") ||
	    is(c, i - 1, "effective")))
		return TENSE_FUTURE;
	return timex_tense_at(c, i);
}

void
timex_place_year(const struct tctx *c, size_t i, struct tdate *t, int cmp_gran)
{
	struct tdate r = timex_refdate(c);
	long ref, best = 0, d, bestd = -1, margin;
	int y, besty;

	t->y = r.y;
	if (!c->has_ref || c->ref.gran < G_MONTH)
		return;
	/* The tense (place_tense) is read only when the date falls far
	 * enough on one side to be moved by it: most do not. */
	if (cmp_gran != G_DAY) {
		/* a month: the closest one, unless the tense says otherwise */
		d = t->m - r.m;
		if (d > 6)
			t->y--;
		else if (d < -6)
			t->y++;
		d = (t->y - r.y) * 12 + t->m - r.m;
		if (d > 2 && place_tense(c, i) == TENSE_PAST)
			t->y--;
		else if (d < -2 && place_tense(c, i) == TENSE_FUTURE)
			t->y++;
		return;
	}
	ref = tdate_to_days(r.y, r.m, c->ref.gran == G_DAY ? r.d : 15);
	besty = r.y;
	for (y = r.y - 1; y <= r.y + 1; y++) {
		int day = t->d > tdate_days_in_month(y, t->m) ?
		    tdate_days_in_month(y, t->m) : t->d;

		d = tdate_to_days(y, t->m, day) - ref;
		if (bestd < 0 || (d < 0 ? -d : d) < bestd) {
			bestd = d < 0 ? -d : d;
			best = d;
			besty = y;
		}
	}
	t->y = besty;
	margin = 60;
	if (best > margin && place_tense(c, i) == TENSE_PAST)
		t->y--;
	else if (best < -margin && place_tense(c, i) == TENSE_FUTURE)
		t->y++;
}

/* Turn a day's value into a time of day: 2025-03-20TMO. */
void
timex_with_part(struct tmatch *m, size_t len, const char *part)
{
	size_t l = strlen(m->value), pl = strlen(part);

	if (l + 1 + pl < sizeof m->value) {
		m->value[l] = 'T';
		memcpy(m->value + l + 1, part, pl + 1);
	}
	m->len = len;
	m->type = EXTRACT_TIME;
	m->is_date = 0;
}

/* A month name, careful with "may" and "march" as verbs. */
int
timex_month_at(const struct tctx *c, size_t i)
{
	const struct lex *l = lx(c, i, LX_MONTH);

	if (l == NULL)
		return 0;
	if ((l->val == 5 || l->val == 3) && is(c, i, l->val == 5 ? "may" :
	    "march") && !(c->tok[i].flags & TOK_UPPER))
		return 0;
	if (c->tok[i].flags & TOK_ALLCAPS && c->tok[i].end - c->tok[i].start
	    <= 3)
		return 0;
	/* "Jan" without its period only before a day: Jan 5 */
	if (c->tok[i].end - c->tok[i].start <= 4 && c->text[c->tok[i].end - 1]
	    != '.' && !is(c, i, "june") && !is(c, i, "july") &&
	    !is(c, i, "may") && timex_day_number(c, i + 1) < 0)
		return 0;
	return l->val;
}

/* Words that let a bare month or year be a date: "in April", "by 2030". */
int
timex_temporal_prep(const struct tctx *c, size_t i)
{
	static const char *const preps[] = { "in", "since", "by", "until",
		"till", "of", "during", "from", "to", "through", "before",
		"after", "between", "and", "early", "late", "mid", "around",
		"fiscal", "year", "circa", "throughout", "or", "for", "on",
		"as", "than", "the", "this", "last", "next", "calendar",
		"spring", "summer", "fall", "autumn", "winter" };
	size_t k;

	for (k = 0; k < sizeof preps / sizeof preps[0]; k++)
		if (is(c, i, preps[k]))
			return 1;
	return 0;
}
