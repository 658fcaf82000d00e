/*
 * Temporal expressions: a rule tagger over the token stream, and the
 * normaliser that turns each match into a TIMEX3 type and value.
 *
 * Every token is looked up once in a small lexicon (months, weekdays,
 * units, number words, deictic words); the rules in the table at the end
 * only run where a token is in the lexicon or holds a digit, so plain
 * prose costs one lookup per token. At each position every rule is tried
 * and the longest match wins; rules look at most a few tokens ahead, so
 * the tagger is linear in the text.
 *
 * Normalisation follows the rule in shared/corpora/README.md: deictic
 * expressions resolve against the article's date (the reference); a month
 * or day without a year takes the reference year, moved back a year when
 * the sentence is in the past tense and the date would fall after the
 * reference (and forward for the future tense); anaphoric phrases ("that
 * day", "two days later", "a year earlier") resolve against the last date
 * mentioned. Tense is read from the nearest marker ("said", "will", a verb
 * in -ed) around the expression. Invalid dates (31/31/3131, 0000-00-00)
 * are not expressions at all.
 */
#include "config.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extract/extract_int.h"
#include "extract/tdate.h"
#include "util/xalloc.h"

enum lxclass {
	LX_NONE, LX_MONTH, LX_WDAY, LX_WDAYS, LX_UNIT, LX_UNITS, LX_NUM,
	LX_ORD, LX_QUANT, LX_SEASON, LX_PART, LX_CLOCK, LX_DEIC, LX_REF,
	LX_MOD, LX_EDGE, LX_SETADV, LX_APPROX, LX_HOLIDAY, LX_DECADEW
};

/* Units, in the order of the unit table below. */
enum unit {
	U_SEC, U_MIN, U_HOUR, U_DAY, U_WEEK, U_WEEKEND, U_FORTNIGHT, U_MONTH,
	U_QUARTER, U_YEAR, U_DECADE, U_CENTURY, U_MILLENNIUM
};

static const struct unitinfo {
	const char	*code;		/* TIMEX3 duration letter(s) */
	int		 time;		/* needs the PT prefix */
	int		 mult;		/* code counts this many per unit */
	enum tgran	 gran;
} units[] = {
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

/* Modifiers (LX_MOD values). */
enum { M_LAST, M_NEXT, M_THIS, M_PAST, M_COMING, M_LATEST, M_FOLLOWING,
	M_PREVIOUS };
/* Reference values (LX_REF). */
enum { R_PRESENT, R_PAST, R_FUTURE };
/* Parts of the day (LX_PART) and clock words (LX_CLOCK). */
static const char *const parts[] = { "MO", "AF", "EV", "NI", "DT" };

static const struct lex {
	const char	*word;
	enum lxclass	 cls;
	int		 val;
} lexicon[] = {
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
	{ "sixties", LX_DECADEW, 6 }, { "seventies", LX_DECADEW, 7 },
	{ "eighties", LX_DECADEW, 8 }, { "nineties", LX_DECADEW, 9 },
};

#define NLEX (sizeof lexicon / sizeof lexicon[0])
#define LEX_SLOTS 1024		/* power of two, over twice NLEX */

/* Filled once (pthread_once) and read-only after: safe across threads. */
static const struct lex *lex_table[LEX_SLOTS];
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
	size_t i, k;

	for (i = 0; i < NLEX; i++) {
		k = lex_hash(lexicon[i].word, strlen(lexicon[i].word)) &
		    (LEX_SLOTS - 1);
		while (lex_table[k] != NULL)
			k = (k + 1) & (LEX_SLOTS - 1);
		lex_table[k] = &lexicon[i];
	}
}

/* Look up a lower-case word of n bytes; NULL when absent. */
static const struct lex *
lex_find(const char *w, size_t n)
{
	const struct lex *l;
	size_t k;

	if (n == 0 || n > 16)
		return NULL;
	for (k = lex_hash(w, n) & (LEX_SLOTS - 1); (l = lex_table[k]) != NULL;
	    k = (k + 1) & (LEX_SLOTS - 1))
		if (strncmp(l->word, w, n) == 0 && l->word[n] == '\0')
			return l;
	return NULL;
}

/* One sentence being tagged. */
struct tctx {
	const char		*text;
	const char		*low;	/* lower-cased copy, same offsets */
	const struct extract_tok *tok;	/* the sentence's tokens */
	const struct lex	**lx;	/* lexicon entry per token */
	size_t			 n;
	struct tdate		 ref;
	int			 has_ref;
	struct tdate		*last;	/* last date mentioned, or NULL */
	int			 qctx;	/* a quarter was mentioned: financial */
};

struct tmatch {
	size_t			 len;	/* tokens */
	enum extract_ttype	 type;
	char			 value[48];
	struct tdate		 date;	/* when is_date */
	int			 is_date;
};

enum { TENSE_NONE, TENSE_PAST, TENSE_FUTURE };

/* The i-th token's lower-case text and length. */
static const char *
tw(const struct tctx *c, size_t i, size_t *n)
{
	*n = c->tok[i].end - c->tok[i].start;
	return c->low + c->tok[i].start;
}

static int
is(const struct tctx *c, size_t i, const char *w)
{
	size_t n;
	const char *s;

	if (i >= c->n)
		return 0;
	s = tw(c, i, &n);
	return strlen(w) == n && memcmp(s, w, n) == 0;
}

static const struct lex *
lx(const struct tctx *c, size_t i, enum lxclass cls)
{
	if (i >= c->n || c->lx[i] == NULL || c->lx[i]->cls != cls)
		return NULL;
	return c->lx[i];
}

/* Value of a token made of 1-4 ASCII digits, else -1. */
static int
digits(const struct tctx *c, size_t i, size_t minlen, size_t maxlen)
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
static int
day_number(const struct tctx *c, size_t i)
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
static int
year_number(const struct tctx *c, size_t i)
{
	int y = digits(c, i, 4, 4);

	return y >= 1000 && y <= 2999 ? y : -1;
}

/*
 * A number: digits, number words ("twenty four", "twenty-four"), "a",
 * or a vague quantity ("several", "a few": -2). Returns tokens used.
 */
static size_t
number(const struct tctx *c, size_t i, long *val)
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
		l = lex_find(s, (size_t)(h - s));
		l2 = lex_find(h + 1, n - (size_t)(h - s) - 1);
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
static int
tense_at(const struct tctx *c, size_t i)
{
	/* Auxiliaries and a few strong verbs decide; reporting verbs
	 * ("said") do not, since what is reported is often still to come;
	 * a verb in -ed counts only when nothing stronger is near. */
	static const char *const future[] = { "will", "'ll", "shall",
		"going", "wo", "plans", "expects", "expected", "next",
		"tomorrow", "upcoming", "scheduled", "payable", "due" };
	static const char *const past[] = { "was", "were", "had", "did",
		"ago", "last", "yesterday", "earlier", "began",
		"came", "went", "took", "saw", "met", "won",
		"lost", "fell", "rose", "left", "held", "sold",
		"gave", "ran", "became" };
	size_t d, j, k, n;
	const char *s;
	int side, weak = TENSE_NONE;

	for (d = 1; d <= 12; d++) {
		for (side = 0; side < 2; side++) {
			if (side == 0 && d > i)
				continue;
			j = side == 0 ? i - d : i + d;
			if (j >= c->n)
				continue;
			for (k = 0; k < sizeof future / sizeof future[0]; k++)
				if (is(c, j, future[k]))
					return TENSE_FUTURE;
			for (k = 0; k < sizeof past / sizeof past[0]; k++)
				if (is(c, j, past[k]))
					return TENSE_PAST;
			s = tw(c, j, &n);
			if (weak == TENSE_NONE && n >= 5 && s[n - 2] == 'e' &&
			    s[n - 1] == 'd' && (c->tok[j].flags & TOK_LOWER))
				weak = TENSE_PAST;
		}
	}
	return weak;
}

/* The reference date, or a placeholder year 0 when there is none. */
static struct tdate
refdate(const struct tctx *c)
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
static struct tdate
reported_quarter(const struct tctx *c, int years_back)
{
	struct tdate t = c->ref;

	t.m = (t.m - 1) / 3 * 3 + 1;
	t.d = 1;
	tdate_add_months(&t, -3 - 12 * years_back);
	t.gran = G_QUARTER;
	return t;
}

static void
set_date(struct tmatch *m, size_t len, const struct tdate *d)
{
	m->len = len;
	m->type = EXTRACT_DATE;
	m->date = *d;
	m->is_date = 1;
	tdate_format(d, m->value, sizeof m->value);
}

static void
set_value(struct tmatch *m, size_t len, enum extract_ttype type,
    const char *value)
{
	m->len = len;
	m->type = type;
	m->is_date = 0;
	snprintf(m->value, sizeof m->value, "%s", value);
}

/*
 * Give an underspecified month (and day) a year. Of the reference year and
 * its neighbours, the one that puts the date closest to the reference
 * wins; the sentence's tense overrides that when the date would fall
 * clearly on the wrong side (a past-tense date more than a week after the
 * reference is last year's, a future-tense one a week before is next
 * year's). Tense is read from nearby words and is noisy, hence the margin.
 */
static void
place_year(const struct tctx *c, size_t i, struct tdate *t, int cmp_gran)
{
	struct tdate r = refdate(c);
	long ref, best = 0, d, bestd = -1, margin;
	int tense, y, besty;

	t->y = r.y;
	if (!c->has_ref || c->ref.gran < G_MONTH)
		return;
	tense = tense_at(c, i);
	if (cmp_gran != G_DAY) {
		/* a month: the closest one, unless the tense says otherwise */
		d = t->m - r.m;
		if (d > 6)
			t->y--;
		else if (d < -6)
			t->y++;
		d = (t->y - r.y) * 12 + t->m - r.m;
		if (tense == TENSE_PAST && d > 0)
			t->y--;
		else if (tense == TENSE_FUTURE && d < 0)
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
	margin = 30;
	if (tense == TENSE_PAST && best > margin)
		t->y--;
	else if (tense == TENSE_FUTURE && best < -margin)
		t->y++;
}

/* Turn a day's value into a time of day: 2025-03-20TMO. */
static void
with_part(struct tmatch *m, size_t len, const char *part)
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

/* ---- rules ---- */

/* 2025-03-20, 2025-03-20T10:30 */
static int
rule_iso(struct tctx *c, size_t i, struct tmatch *m)
{
	size_t n;
	const char *s = tw(c, i, &n);
	struct tdate t;
	int hh, mm;

	if (n < 10 || s[4] != '-' || s[7] != '-' || digits(c, i, 0, 0) == 0)
		return 0;
	if (sscanf(s, "%4d-%2d-%2d", &t.y, &t.m, &t.d) != 3 ||
	    !tdate_valid(t.y, t.m, t.d) || t.y < 1000)
		return 0;
	t.gran = G_DAY;
	if (n == 10) {
		set_date(m, 1, &t);
		return 1;
	}
	if (n >= 16 && s[10] == 't' && sscanf(s + 11, "%2d:%2d", &hh, &mm) == 2
	    && hh < 24 && mm < 60) {
		set_date(m, 1, &t);
		m->type = EXTRACT_TIME;
		snprintf(m->value + 10, sizeof m->value - 10, "T%02d:%02d", hh,
		    mm);
		return 1;
	}
	return 0;
}

/* 3/20/2025 or 20/3/2025 (month first when both fit) */
static int
rule_slash(struct tctx *c, size_t i, struct tmatch *m)
{
	size_t n;
	const char *s = tw(c, i, &n);
	int a, b, y, used = 0;
	struct tdate t;

	if (n < 6 || n > 10 || sscanf(s, "%2d/%2d/%4d%n", &a, &b, &y, &used)
	    != 3 || (size_t)used != n)
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
	set_date(m, 1, &t);
	return 1;
}

/* A month name, careful with "may" and "march" as verbs. */
static int
month_at(const struct tctx *c, size_t i)
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
	    !is(c, i, "may") && day_number(c, i + 1) < 0)
		return 0;
	return l->val;
}

/* [Weekday,] Month Day[,] [Year] | Day Month [Year] | Month [of] Year */
static int
rule_month(struct tctx *c, size_t i, struct tmatch *m)
{
	struct tdate t;
	size_t j = i, k;
	int mo, d, y;

	if (lx(c, j, LX_WDAY) && (mo = month_at(c, j + (is(c, j + 1, ",") ?
	    2 : 1))) != 0)
		j += is(c, j + 1, ",") ? 2 : 1;
	if ((mo = month_at(c, j)) != 0) {
		k = j + 1;
		if ((d = day_number(c, k)) > 0 && year_number(c, k) < 0) {
			k++;
			if (is(c, k, ",") && year_number(c, k + 1) > 0)
				k++;
			if ((y = year_number(c, k)) > 0)
				k++;
			t.m = mo;
			t.d = d;
			t.gran = G_DAY;
			if (y > 0)
				t.y = y;
			else
				place_year(c, i, &t, G_DAY);
			if (!tdate_valid(t.y ? t.y : 2000, t.m, t.d))
				return 0;
			set_date(m, k - i, &t);
			return 1;
		}
		if ((is(c, k, "this") || is(c, k, "last") || is(c, k, "next")) &&
		    is(c, k + 1, "year") && c->has_ref) {
			t.y = c->ref.y + (is(c, k, "last") ? -1 : is(c, k, "next"));
			t.m = mo;
			t.d = 1;
			t.gran = G_MONTH;
			set_date(m, k + 2 - i, &t);
			return 1;
		}
		if (is(c, k, "of") || is(c, k, ","))
			k++;
		if ((y = year_number(c, k)) > 0) {
			t.y = y;
			t.m = mo;
			t.d = 1;
			t.gran = G_MONTH;
			set_date(m, k + 1 - i, &t);
			return 1;
		}
		return 0;
	}
	/* 11 January [2025], the 11th of January */
	if ((d = day_number(c, j)) > 0) {
		k = j + 1;
		if (is(c, k, "of"))
			k++;
		if ((mo = month_at(c, k)) == 0)
			return 0;
		k++;
		t.m = mo;
		t.d = d;
		t.gran = G_DAY;
		if ((y = year_number(c, k)) > 0) {
			t.y = y;
			k++;
		} else
			place_year(c, i, &t, G_DAY);
		if (!tdate_valid(t.y ? t.y : 2000, t.m, t.d))
			return 0;
		set_date(m, k - i, &t);
		return 1;
	}
	return 0;
}

/* Words that let a bare month or year be a date: "in April", "by 2030". */
static int
temporal_prep(const struct tctx *c, size_t i)
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

/* [last|next|this|early|late|mid-] Month */
static int
rule_month_alone(struct tctx *c, size_t i, struct tmatch *m)
{
	const struct lex *mod = NULL;
	struct tdate t, r = refdate(c);
	size_t j = i, n;
	int mo, tense;
	const char *s = tw(c, i, &n);

	if (n > 4 && memcmp(s, "mid-", 4) == 0) {
		const struct lex *l = lex_find(s + 4, n - 4);

		if (l == NULL || l->cls != LX_MONTH)
			return 0;
		t.m = l->val;
		t.d = 1;
		t.gran = G_MONTH;
		place_year(c, i, &t, G_MONTH);
		set_date(m, 1, &t);
		return 1;
	}
	if ((mod = lx(c, j, LX_MOD)) != NULL || lx(c, j, LX_EDGE) != NULL)
		j++;
	if ((mo = month_at(c, j)) == 0)
		return 0;
	if (j == i && !(i > 0 && temporal_prep(c, i - 1)))
		return 0;
	t.m = mo;
	t.d = 1;
	t.gran = G_MONTH;
	t.y = r.y;
	tense = tense_at(c, i);
	if (mod != NULL && mod->val == M_LAST && c->has_ref)
		t.y = mo >= r.m ? r.y - 1 : r.y;
	else if (mod != NULL && (mod->val == M_NEXT || mod->val == M_COMING) &&
	    c->has_ref)
		t.y = mo <= r.m ? r.y + 1 : r.y;
	else if (mod == NULL || mod->val != M_THIS)
		place_year(c, i, &t, G_MONTH);
	(void)tense;
	set_date(m, j + 1 - i, &t);
	return 1;
}

/* A year: 1998, fiscal 1998, the 1990s, mid-1990s, '90s */
static int
rule_year(struct tctx *c, size_t i, struct tmatch *m)
{
	struct tdate t;
	size_t n, j = i;
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
	if ((n == 5 && s[4] == 's') || (n == 4 && s[0] == '\'' && s[3] == 's')) {
		if (n == 5 && sscanf(s, "%4d", &y) == 1 && y >= 1000 &&
		    y % 10 == 0) {
			t.y = y;
		} else if (n == 4 && s[1] >= '0' && s[1] <= '9' &&
		    s[2] == '0') {
			t.y = 1900 + (s[1] - '0') * 10;
		} else
			return 0;
		t.gran = G_DECADE;
		set_date(m, j + 1 - i, &t);
		return 1;
	}
	if (lx(c, j, LX_DECADEW) && is(c, j - (j > 0), "the")) {
		dec = c->lx[j]->val;
		t.y = 1900 + dec * 10;
		t.gran = G_DECADE;
		set_date(m, 1, &t);
		return 1;
	}
	if (n == 9 && memcmp(s, "mid-", 4) == 0)
		return 0;
	if (s != tw(c, j, &n)) {	/* mid-1998 */
		if (sscanf(s, "%4d", &y) != 1 || y < 1000 || y > 2999)
			return 0;
	} else if ((y = year_number(c, j)) < 0)
		return 0;
	if (j == i && !(i > 0 && temporal_prep(c, i - 1)) &&
	    !(j + 1 >= c->n || (c->tok[j + 1].flags & TOK_PUNCT)) &&
	    !(y >= 1950 && y <= 2030 && !(i > 0 &&
	    c->text[c->tok[i - 1].start] == '$')))
		return 0;	/* a bare number is a year only if it looks like one */
	if (j == i && y < 1900 && !(i > 0 && temporal_prep(c, i - 1)))
		return 0;
	t.y = y;
	t.gran = G_YEAR;
	set_date(m, j + 1 - i, &t);
	return 1;
}

/* today, yesterday, tomorrow, tonight [+ part of day] */
static int
rule_deictic(struct tctx *c, size_t i, struct tmatch *m)
{
	const struct lex *l = lx(c, i, LX_DEIC), *p;
	struct tdate t = refdate(c);

	if (l == NULL)
		return 0;
	if (!c->has_ref) {
		set_value(m, 1, l->val == 100 ? EXTRACT_TIME : EXTRACT_DATE,
		    "XXXX-XX-XX");
		return 1;
	}
	t.gran = c->ref.gran;
	if (l->val == 100) {
		set_date(m, 1, &t);
		if (t.gran == G_DAY) {
			with_part(m, 1, "NI");
		}
		return 1;
	}
	if (t.gran == G_DAY)
		tdate_add_days(&t, l->val);
	set_date(m, 1, &t);
	if ((p = lx(c, i + 1, LX_PART)) != NULL && t.gran == G_DAY) {
		with_part(m, 2, parts[p->val]);
	}
	return 1;
}

/* now, currently, recently, the past, the future, recent years */
static int
rule_ref(struct tctx *c, size_t i, struct tmatch *m)
{
	static const char *const refs[] = { "PRESENT_REF", "PAST_REF",
		"FUTURE_REF" };
	const struct lex *l;
	size_t j = i;

	if (is(c, i, "the") && (is(c, i + 1, "past") || is(c, i + 1, "future"))
	    && !lx(c, i + 2, LX_UNIT) && !lx(c, i + 2, LX_UNITS) &&
	    !number(c, i + 2, &(long){0})) {
		set_value(m, 2, EXTRACT_DATE, is(c, i + 1, "past") ?
		    "PAST_REF" : "FUTURE_REF");
		return 1;
	}
	if (is(c, i, "recent") && is(c, i + 1, "years")) {
		set_value(m, 2, EXTRACT_DATE, "PAST_REF");
		return 1;
	}
	if (is(c, i, "recent") && lx(c, i + 1, LX_UNITS)) {
		char v[16];
		const struct unitinfo *u = &units[c->lx[i + 1]->val];

		snprintf(v, sizeof v, "P%sX%s", u->time ? "T" : "", u->code);
		set_value(m, 2, EXTRACT_DURATION, v);
		return 1;
	}
	if (i > 0 && lx(c, i, LX_UNITS) && (is(c, i - 1, "for") ||
	    is(c, i - 1, "over") || is(c, i - 1, "within") ||
	    is(c, i - 1, "after") || is(c, i - 1, "in"))) {
		char v[16];
		const struct unitinfo *u = &units[c->lx[i]->val];

		snprintf(v, sizeof v, "P%sX%s", u->time ? "T" : "", u->code);
		set_value(m, 1, EXTRACT_DURATION, v);
		return 1;
	}
	if (is(c, i, "these") && is(c, i + 1, "days")) {
		set_value(m, 2, EXTRACT_DATE, "PRESENT_REF");
		return 1;
	}
	if ((l = lx(c, j, LX_REF)) == NULL)
		return 0;
	if (l->val == R_FUTURE && is(c, i, "future"))
		return 0;
	set_value(m, 1, EXTRACT_DATE, refs[l->val]);
	return 1;
}

/* [the] [past|last|next|first] [about] N unit(s) [ago|earlier|later] */
static int
rule_duration(struct tctx *c, size_t i, struct tmatch *m)
{
	const struct lex *u, *mod = NULL;
	size_t j = i, used;
	long val = 0;
	int the = 0, approx = 0;
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

		if (which)
			j++;
		if (!is(c, j, "year") || is(c, j + 1, "earlier") ||
		    is(c, j + 1, "before") || is(c, j + 1, "'s"))
			return 0;
		if (which && c->has_ref) {
			t = c->ref;
			t.gran = G_YEAR;
			set_date(m, j + 1 - i, &t);
		} else
			set_value(m, j + 1 - i, EXTRACT_DURATION, "P1Y");
		return 1;
	}
	if ((used = number(c, j, &val)) == 0) {
		/* "the past year", "the next month" */
		if (!(the && mod != NULL && (u = lx(c, j, LX_UNIT)) != NULL &&
		    (mod->val == M_PAST || mod->val == M_LAST ||
		    mod->val == M_NEXT || mod->val == M_COMING)))
			return 0;
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
			set_value(m, j + 1 - i, EXTRACT_DATE, "PAST_REF");
			return 1;
		}
		if (val == -2)
			goto duration;	/* "several months later": the span */
		if (is(c, j, "before") || is(c, j, "after"))
			if (j + 1 < c->n && !(c->tok[j + 1].flags & TOK_PUNCT))
				goto duration;	/* "two days before the vote" */
		if (anaph && c->last != NULL)
			t = *c->last;
		else {
			t = refdate(c);
			if (!c->has_ref)
				t.y = 0;
		}
		if (units[u->val].time) {
			set_value(m, j + 1 - i, EXTRACT_DATE,
			    back ? "PAST_REF" : "FUTURE_REF");
			return 1;
		}
		tdate_add(&t, units[u->val].gran, (back ? -1 : 1) * val *
		    units[u->val].mult);
		if (!anaph || c->last == NULL) {
			t.gran = units[u->val].gran;
			if (t.gran < G_YEAR)	/* a decade ago: a year */
				t.gran = G_YEAR;
			if (c->has_ref && t.gran > c->ref.gran)
				t.gran = c->ref.gran;
		}
		if (c->qctx && c->has_ref && u->val == U_YEAR && val == 1 &&
		    back)
			t = reported_quarter(c, 1);
		if (t.y == 0 || !c->has_ref) {
			set_value(m, j + 1 - i, EXTRACT_DATE,
			    back ? "PAST_REF" : "FUTURE_REF");
			return 1;
		}
		set_date(m, j + 1 - i, &t);
		return 1;
	}
duration:
	if (is(c, j, "old"))
		return 0;	/* an age: 52 years old */
	if (is(c, j, "long"))
		j++;
	if (val == -2)
		snprintf(v, sizeof v, "P%sX%s", units[u->val].time ? "T" : "",
		    units[u->val].code);
	else
		snprintf(v, sizeof v, "P%s%ld%s", units[u->val].time ? "T" : "",
		    val * units[u->val].mult, units[u->val].code);
	set_value(m, j - i, EXTRACT_DURATION, v);
	return 1;
}

/* five-year, 30-day, two-week-old, 16-hour */
static int
rule_hyphen_duration(struct tctx *c, size_t i, struct tmatch *m)
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
	} else if ((l = lex_find(s, a)) != NULL && l->cls == LX_NUM &&
	    l->val > 0 && !(a == 1)) {
		val = l->val;
	} else
		return 0;
	s = h + 1;
	n -= a + 1;
	if ((h = memchr(s, '-', n)) != NULL)
		n = (size_t)(h - s);
	u = lex_find(s, n);
	if (u == NULL || (u->cls != LX_UNIT && u->cls != LX_UNITS))
		return 0;
	snprintf(v, sizeof v, "P%s%ld%s", units[u->val].time ? "T" : "",
	    val * units[u->val].mult, units[u->val].code);
	set_value(m, 1, EXTRACT_DURATION, v);
	return 1;
}

/*
 * [early|late] [this|last|next] week/month/year/quarter/weekend/season,
 * [last|next|this] Monday, earlier this year, the latest quarter.
 */
static int
rule_relative(struct tctx *c, size_t i, struct tmatch *m)
{
	const struct lex *mod, *u, *wd, *se, *p;
	struct tdate t = refdate(c);
	size_t j = i;
	int dir = 0, w, tense, diff;

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
		mod = &(const struct lex){ "current", LX_MOD, M_THIS };
	if (mod == NULL) {
		if (is(c, j, "the") && lx(c, j + 1, LX_UNIT) &&
		    (c->lx[j + 1]->val == U_QUARTER ||
		    c->lx[j + 1]->val == U_WEEKEND) && j == i) {
			u = c->lx[j + 1];
			j += 2;
			dir = u->val == U_QUARTER ? -1 : 0;
			/* early in the week, "the weekend" is the one just past */
			if (u->val == U_WEEKEND && c->has_ref &&
			    c->ref.gran == G_DAY && tdate_weekday(&c->ref) <= 3 &&
			    tense_at(c, i) != TENSE_FUTURE)
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
		set_date(m, j + 1 - i, &t);
		if ((p = lx(c, j + 1, LX_PART)) != NULL) {
			with_part(m, j + 2 - i, parts[p->val]);
		}
		return 1;
	}
	if ((p = lx(c, j, LX_PART)) != NULL && c->has_ref &&
	    c->ref.gran == G_DAY && mod != NULL && (mod->val == M_THIS ||
	    mod->val == M_LAST)) {
		if (mod->val == M_LAST)
			tdate_add_days(&t, -1);
		t.gran = G_DAY;
		set_date(m, j + 1 - i, &t);
		with_part(m, j + 1 - i, parts[p->val]);
		return 1;
	}
	if ((se = lx(c, j, LX_SEASON)) != NULL) {
		t.m = se->val == 3 ? 1 : 3 + 3 * se->val;
		t.gran = G_SEASON;
		if (dir != 0)
			t.y += dir;
		if (!c->has_ref)
			t.y = 0;
		set_date(m, j + 1 - i, &t);
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
	tense = tense_at(c, i);
	(void)tense;
	t.gran = u->val == U_DECADE ? G_DECADE : units[u->val].gran;
	if (t.gran > c->ref.gran)
		return 0;
	tdate_add(&t, t.gran, dir);
	set_date(m, j - i, &t);
	return 1;
}

/* the first quarter [of 1997], third-quarter, the second half */
static int
rule_quarter(struct tctx *c, size_t i, struct tmatch *m)
{
	const struct lex *o;
	struct tdate t = refdate(c);
	size_t j = i, n;
	const char *s;
	int q, y, half = 0, tense, yset = 0;

	if (is(c, j, "the"))
		j++;
	/* this year's, last year's, 1988, year-ago, fiscal */
	if ((is(c, j, "this") || is(c, j, "last") || is(c, j, "next")) &&
	    is(c, j + 1, "year") && is(c, j + 2, "'s") && c->has_ref) {
		t.y = c->ref.y + (is(c, j, "last") ? -1 : is(c, j, "next"));
		yset = 1;
		j += 3;
	} else if ((y = year_number(c, j)) > 0 && j + 1 < c->n) {
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
		o = lex_find(s, n - (half ? 5 : 8));
		if (o == NULL && n - (half ? 5 : 8) == 6 &&
		    memcmp(s, "second", 6) == 0)
			o = &(const struct lex){ "second", LX_ORD, 2 };
		if (o == NULL || o->cls != LX_ORD)
			return 0;
		j++;
	} else {
		o = lx(c, j, LX_ORD);
		if (o == NULL && is(c, j, "second"))
			o = &(const struct lex){ "second", LX_ORD, 2 };
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
	if (is(c, j, "of") && (y = year_number(c, j + 1)) > 0) {
		t.y = y;
		j += 2;
	} else if ((y = year_number(c, j)) > 0) {
		t.y = y;
		j++;
	} else if (c->has_ref && !yset) {
		tense = tense_at(c, i);
		if (tense == TENSE_PAST && t.m > c->ref.m)
			t.y--;
	}
	if (t.y == 0)
		return 0;
	set_date(m, j - i, &t);
	return 1;
}

/* Weekday on its own: the closest such day, past or future by tense. */
static int
rule_weekday(struct tctx *c, size_t i, struct tmatch *m)
{
	const struct lex *wd = lx(c, i, LX_WDAY);
	struct tdate t = refdate(c);
	int w, tense, diff;
	char v[48];

	if (wd == NULL) {
		if ((wd = lx(c, i, LX_WDAYS)) == NULL)
			return 0;
		snprintf(v, sizeof v, "XXXX-WXX-%d", wd->val);
		set_value(m, 1, EXTRACT_SET, v);
		return 1;
	}
	if (!(c->tok[i].flags & TOK_UPPER))
		return 0;
	if (!c->has_ref || c->ref.gran != G_DAY) {
		snprintf(v, sizeof v, "XXXX-WXX-%d", wd->val);
		set_value(m, 1, EXTRACT_DATE, v);
		return 1;
	}
	w = tdate_weekday(&t);
	tense = tense_at(c, i);
	if (tense == TENSE_FUTURE)
		diff = (wd->val - w + 7) % 7;
	else if (tense == TENSE_PAST)
		diff = -((w - wd->val + 7) % 7);
	else {
		diff = wd->val - w;
		if (diff > 3)
			diff -= 7;
		else if (diff < -3)
			diff += 7;
	}
	tdate_add_days(&t, diff);
	t.gran = G_DAY;
	/* "Friday night": news annotation gives the day's value */
	set_date(m, lx(c, i + 1, LX_PART) != NULL ? 2 : 1, &t);
	return 1;
}

/* 3 p.m., 10:30 [a.m.] [EST], noon, midnight [Friday] */
static int
rule_clock(struct tctx *c, size_t i, struct tmatch *m)
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
		if (n >= 4 && n <= 5 && sscanf(s, "%2d:%2d", &hh, &mm) == 2 &&
		    s[n - 3] == ':') {
			j++;
		} else if ((hh = digits(c, i, 1, 2)) >= 0) {
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
	else if (rule_weekday(c, j, &dm) || rule_deictic(c, j, &dm) ||
	    rule_month(c, j, &dm)) {
		if (dm.is_date && dm.date.gran == G_DAY)
			j += dm.len;
		else
			dm.is_date = 0;
	}
	if (dm.is_date)
		t = dm.date;
	else {
		t = refdate(c);
		if (!c->has_ref || c->ref.gran != G_DAY) {
			snprintf(day, sizeof day, "XXXX-XX-XX");
			goto out;
		}
	}
	t.gran = G_DAY;
	tdate_format(&t, day, sizeof day);
out:
	snprintf(v, sizeof v, "%sT%02d:%02d", day, hh, mm);
	set_value(m, j - i, EXTRACT_TIME, v);
	return 1;
}

/* every day, each Thursday, daily, twice a year, per month */
static int
rule_set(struct tctx *c, size_t i, struct tmatch *m)
{
	const struct lex *l = lx(c, i, LX_SETADV), *u;
	char v[48];
	long val = 1;
	size_t used;

	if (l != NULL && l->val >= 0) {
		snprintf(v, sizeof v, "P%s1%s", units[l->val].time ? "T" : "",
		    units[l->val].code);
		set_value(m, 1, EXTRACT_SET, v);
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
		snprintf(v, sizeof v, "P%s1%s", units[u->val].time ? "T" : "",
		    units[u->val].code);
		set_value(m, 2, EXTRACT_SET, v);
		return 1;
	}
	if ((u = lx(c, i + 1, LX_WDAY)) != NULL) {
		snprintf(v, sizeof v, "XXXX-WXX-%d", u->val);
		set_value(m, 2, EXTRACT_SET, v);
		return 1;
	}
	if ((u = lx(c, i + 1, LX_MONTH)) != NULL) {
		snprintf(v, sizeof v, "XXXX-%02d", u->val);
		set_value(m, 2, EXTRACT_SET, v);
		return 1;
	}
	used = 0;
	if (l->val == -1 && (used = number(c, i + 1, &val)) > 0 && val < 0)
		return 0;
	if ((u = lx(c, i + 1 + used, LX_UNIT)) == NULL &&
	    (used == 0 || (u = lx(c, i + 1 + used, LX_UNITS)) == NULL))
		return 0;
	snprintf(v, sizeof v, "P%s%ld%s", units[u->val].time ? "T" : "",
	    val * units[u->val].mult, units[u->val].code);
	set_value(m, 2 + used, EXTRACT_SET, v);
	return 1;
}

/* that day, the same day, the next day, the following week, that year */
static int
rule_anaphor(struct tctx *c, size_t i, struct tmatch *m)
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
	if (units[u->val].gran > t.gran)
		return 0;
	tdate_add(&t, units[u->val].gran, dir);
	t.gran = units[u->val].gran;
	set_date(m, j + 1 - i, &t);
	return 1;
}

/* [this|last|early] spring|summer|fall|winter [of] [1998] */
static int
rule_season(struct tctx *c, size_t i, struct tmatch *m)
{
	const struct lex *s;
	struct tdate t = refdate(c);
	size_t j = i;
	int y;

	if (lx(c, j, LX_EDGE) || is(c, j, "the"))
		j++;
	if ((s = lx(c, j, LX_SEASON)) == NULL)
		return 0;
	t.m = s->val == 3 ? 1 : 3 + 3 * s->val;
	t.d = 1;
	t.gran = G_SEASON;
	j++;
	if (is(c, j, "of") && (y = year_number(c, j + 1)) > 0) {
		t.y = y;
		j += 2;
	} else if ((y = year_number(c, j)) > 0) {
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
	set_date(m, j - i, &t);
	return 1;
}

/* Christmas, Thanksgiving [Day], New Year's Day */
static int
rule_holiday(struct tctx *c, size_t i, struct tmatch *m)
{
	const struct lex *h = lx(c, i, LX_HOLIDAY);
	struct tdate t = refdate(c);
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
	place_year(c, i, &t, G_DAY);
	if (h->val == 0) {	/* Thanksgiving moves with the year */
		t.d = 1;
		t.d = 1 + (4 - tdate_weekday(&t) + 7) % 7 + 21;
	}
	t.gran = G_DAY;
	set_date(m, j - i, &t);
	return 1;
}

/* year-earlier, the year-ago quarter: the year before the last quarter
 * mentioned, or before the reference */
static int
rule_year_ago(struct tctx *c, size_t i, struct tmatch *m)
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
		t = reported_quarter(c, 1);
	else {
		t = c->ref;
		t.gran = G_YEAR;
		tdate_add_months(&t, -12);
	}
	set_date(m, len, &t);
	return 1;
}

static const struct rule {
	const char	*name;
	int		(*match)(struct tctx *, size_t, struct tmatch *);
} rules[] = {
	{ "iso", rule_iso },
	{ "slash", rule_slash },
	{ "month", rule_month },
	{ "month-alone", rule_month_alone },
	{ "year", rule_year },
	{ "deictic", rule_deictic },
	{ "ref", rule_ref },
	{ "set", rule_set },
	{ "anaphor", rule_anaphor },
	{ "duration", rule_duration },
	{ "hyphen-duration", rule_hyphen_duration },
	{ "relative", rule_relative },
	{ "quarter", rule_quarter },
	{ "weekday", rule_weekday },
	{ "clock", rule_clock },
	{ "season", rule_season },
	{ "holiday", rule_holiday },
	{ "year-ago", rule_year_ago },
};

/* Whether any rule could start at token i. */
static int
may_start(const struct tctx *c, size_t i)
{
	const char *s;
	size_t n;

	if (c->lx[i] != NULL)
		return 1;
	if (c->tok[i].flags & TOK_DIGIT)
		return 1;
	s = tw(c, i, &n);
	return (n > 4 && (memcmp(s, "mid-", 4) == 0 || memchr(s, '-', n))) ||
	    (n == 4 && s[0] == '\'') || is(c, i, "fiscal") ||
	    is(c, i, "calendar") || is(c, i, "these");
}

static void
tag_sentence(struct tctx *c, struct extract_sent *sent, struct tdate *last,
    int *has_last, struct extract_timex **out, size_t *nout, size_t *cap)
{
	struct tmatch best, m;
	struct extract_timex *x;
	size_t i, k;

	for (i = 0; i < c->n; i++) {
		if (!may_start(c, i))
			continue;
		best.len = 0;
		for (k = 0; k < sizeof rules / sizeof rules[0]; k++) {
			memset(&m, 0, sizeof m);
			c->last = *has_last ? last : NULL;
			if (rules[k].match(c, i, &m) && m.len > best.len)
				best = m;
		}
		if (best.len == 0)
			continue;
		if (best.len > c->n - i)
			best.len = c->n - i;
		if (*nout == *cap) {
			*cap = *cap ? *cap * 2 : 16;
			*out = xreallocarray(*out, *cap, sizeof **out);
		}
		x = &(*out)[(*nout)++];
		x->type = best.type;
		x->span.start = c->tok[i].start;
		x->span.end = c->tok[i + best.len - 1].end;
		/* a trailing comma never belongs to the expression */
		if (x->span.end > x->span.start &&
		    c->text[x->span.end - 1] == ',' && best.len > 1)
			x->span.end = c->tok[i + best.len - 2].end;
		x->sentence.start = c->tok[0].start;
		x->sentence.end = c->tok[c->n - 1].end;
		x->text = xstrndup(c->text + x->span.start,
		    x->span.end - x->span.start);
		x->value = xstrdup(best.value);
		if (best.is_date && best.date.gran == G_QUARTER)
			c->qctx = 1;
		if (best.is_date && best.date.gran >= G_YEAR &&
		    best.date.y > 0) {
			*last = best.date;
			*has_last = 1;
		}
		i += best.len - 1;
	}
	(void)sent;
}

size_t
extract_timex_tag(const char *text, const struct extract_toks *toks,
    const struct extract_sent *sents, size_t nsent, const char *ref_date,
    struct extract_timex **out)
{
	struct extract_timex *v = NULL;
	struct tctx c;
	struct tdate last;
	size_t nout = 0, cap = 0, s, i, maxn = 0, n;
	const struct lex **lxv = NULL;
	char *low;
	int has_last = 0;

	pthread_once(&lex_once, lex_init);
	memset(&c, 0, sizeof c);
	memset(&last, 0, sizeof last);
	c.text = text;
	c.has_ref = tdate_parse_ref(ref_date, &c.ref) == 0;
	if (toks->n == 0) {
		*out = NULL;
		return 0;
	}
	n = toks->v[toks->n - 1].end;
	low = xmalloc(n + 1);
	for (i = 0; i < n; i++)
		low[i] = text[i] >= 'A' && text[i] <= 'Z' ? text[i] + 32 :
		    text[i];
	low[n] = '\0';
	c.low = low;
	for (s = 0; s < nsent; s++)
		if (sents[s].last - sents[s].first > maxn)
			maxn = sents[s].last - sents[s].first;
	lxv = xcalloc(maxn + 1, sizeof *lxv);
	c.lx = lxv;
	for (s = 0; s < nsent; s++) {
		c.tok = toks->v + sents[s].first;
		c.n = sents[s].last - sents[s].first;
		for (i = 0; i < c.n; i++) {
			const struct extract_tok *t = &c.tok[i];

			lxv[i] = (t->flags & TOK_ALPHA) ? lex_find(low + t->start,
			    t->end - t->start) : NULL;
		}
		tag_sentence(&c, (struct extract_sent *)&sents[s], &last,
		    &has_last, &v, &nout, &cap);
	}
	free(lxv);
	free(low);
	*out = v;
	return nout;
}

void
extract_timex_release(struct extract_timex *x)
{
	free(x->text);
	free(x->value);
	x->text = x->value = NULL;
}

size_t
extract_timexes(const char *text, size_t len, const char *ref_date,
    struct extract_timex **out)
{
	struct extract_toks toks = { NULL, 0, 0 };
	struct extract_sent *s;
	size_t n, ns;

	extract_tokenize(text, len, &toks);
	ns = extract_split(text, &toks, &s);
	n = extract_timex_tag(text, &toks, s, ns, ref_date, out);
	free(s);
	extract_toks_release(&toks);
	return n;
}
