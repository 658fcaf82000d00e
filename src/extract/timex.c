/*
 * Temporal expressions: a rule tagger over the token stream, and the
 * normaliser that turns each match into a TIMEX3 type and value.
 *
 * Every token is looked up once in a small lexicon (months, weekdays,
 * units, number words, deictic words); the rules in the table below
 * only run where a token is in the lexicon or holds a digit, so plain
 * prose costs one lookup per token. At each position every rule that can
 * start with that kind of token is tried and the longest match wins;
 * rules look at most a few tokens ahead, so the tagger is linear in the
 * text.
 *
 * Normalisation follows the rule in shared/corpora/README.md: deictic
 * expressions resolve against the article's date (the reference); a month
 * or day without a year takes the reference year, moved back a year when
 * the sentence is in the past tense and the date would fall after the
 * reference (and forward for the future tense); anaphoric phrases ("that
 * day", "two days later", "a year earlier") resolve against the last date
 * mentioned. Tense is read from the nearest marker ("will", "had", a verb
 * in -ed) around the expression; a weekday first takes the tense of the
 * verb it follows ("said Friday", "until Tuesday"). Invalid dates
 * (31/31/3131, 0000-00-00) are not expressions at all.
 */
#include "config.h"

#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "extract/timex.h"
#include "util/xalloc.h"

/*
 * What the first token of an expression can be, for the rules' start
 * conditions below: its lexicon class (a bit per class), or what it
 * holds. Of the words of class LX_NONE ("the", "that", "ago" and the
 * Arabic opening words) only "the" and "that" open English rules, each
 * with its own bit. Every ASCII digit of a token has set its TOK_DIGIT:
 * the tokeniser reads digits only as parts of words, and it flags every
 * one it reads.
 */
#define K(cls)		(1u << (cls))
#define K_THE		K(LX_NONE)	/* "the" */
#define K_DIGIT		(1u << 26)	/* TOK_DIGIT */
#define K_HYPHEN	(1u << 27)	/* holds a '-' */
#define K_RTL		(1u << 28)	/* TOK_RTL */
#define K_WORD		(1u << 29)	/* "fiscal", "calendar", "these" */
#define K_THAT		(1u << 30)	/* "that" */

/*
 * Each rule with the kinds of token it can start at: a rule is not tried
 * at a token of none of them, so each start set must hold every token at
 * which the rule can return a match. Why each does, from the rule's code:
 */
static const struct rule {
	const char	*name;
	int		(*match)(struct tctx *, size_t, struct tmatch *);
	uint32_t	 start;
} rules[] = {
	/* sscanf reads a year >= 1000 from the token's first 4 bytes */
	{ "iso", timex_rule_iso, K_DIGIT },
	/* sscanf converts numbers from the whole token (used == n) */
	{ "slash", timex_rule_slash, K_DIGIT },
	/* last/next (month_day_moved), a weekday before the month, the
	 * month (timex_month_at), or the day (timex_day_number: a digit
	 * first) */
	{ "month", timex_rule_month, K(LX_MOD) | K(LX_WDAY) | K(LX_MONTH) |
	    K_DIGIT },
	/* "mid-", a modifier or edge word, or the month itself */
	{ "month-alone", timex_rule_month_alone, K_HYPHEN | K(LX_MOD) |
	    K(LX_EDGE) | K(LX_MONTH) },
	/* fiscal/calendar, a decade or year in digits (sscanf or
	 * timex_year_number, after "mid-" or not; '90s has its digit),
	 * the sixties, a year in words (timex_year_words: LX_NUM) */
	{ "year", timex_rule_year, K_WORD | K_DIGIT | K(LX_DECADEW) |
	    K(LX_NUM) },
	{ "deictic", timex_rule_deictic, K(LX_DEIC) },
	/* "the", "recent" (LX_QUANT), a plural unit, "these", LX_REF */
	{ "ref", timex_rule_ref, K_THE | K(LX_QUANT) | K(LX_UNITS) |
	    K_WORD | K(LX_REF) },
	/* LX_SETADV, or "a"/"an" (LX_NUM) */
	{ "set", timex_rule_set, K(LX_SETADV) | K(LX_NUM) },
	/* "that" or "the" */
	{ "anaphor", timex_rule_anaphor, K_THE | K_THAT },
	/* "the", a modifier, an ordinal, LX_APPROX, or a number
	 * (timex_number: "a", LX_QUANT, a digit first, a hyphen, LX_NUM);
	 * "final" and "remaining" need not be here: start_kinds() gives
	 * them 0 */
	{ "duration", timex_rule_duration, K_THE | K(LX_MOD) |
	    K(LX_ORD) | K(LX_APPROX) | K(LX_NUM) | K(LX_QUANT) | K_DIGIT |
	    K_HYPHEN },
	{ "hyphen-duration", timex_rule_hyphen_duration, K_HYPHEN },
	/* an edge word, "the", a modifier, "current" (LX_REF) */
	{ "relative", timex_rule_relative, K(LX_EDGE) | K_THE |
	    K(LX_MOD) | K(LX_REF) },
	/* "the", this/last/next, a year in digits, year-ago, "fiscal",
	 * third-quarter, an ordinal, "second" (LX_UNIT) */
	{ "quarter", timex_rule_quarter, K_THE | K(LX_MOD) | K_DIGIT |
	    K_HYPHEN | K_WORD | K(LX_ORD) | K(LX_UNIT) },
	{ "weekday", timex_rule_weekday, K(LX_WDAY) | K(LX_WDAYS) },
	/* noon, or sscanf/timex_digits read the hour from the token */
	{ "clock", timex_rule_clock, K(LX_CLOCK) | K_DIGIT },
	/* an edge word, "the", or the season */
	{ "season", timex_rule_season, K(LX_EDGE) | K_THE |
	    K(LX_SEASON) },
	{ "holiday", timex_rule_holiday, K(LX_HOLIDAY) },
	/* "the", year-earlier, year-ago */
	{ "year-ago", timex_rule_year_ago, K_THE | K_HYPHEN },
	/* "the", earlier/later (LX_EDGE), "last" */
	{ "year-part", timex_rule_year_part, K_THE | K(LX_EDGE) |
	    K(LX_MOD) },
	/* its own first test */
	{ "arabic", timex_rule_arabic, K_RTL | K_DIGIT },
};

#define NRULES	(sizeof rules / sizeof rules[0])

/* Bit k of kind_rules[b] is set when rules[k] can start at a token of
 * kind bit b: filled once, read-only after. The table's twenty rules
 * fit a bit each (a table of more than 31 fails to compile below). */
static uint32_t kind_rules[32];
static pthread_once_t kind_once = PTHREAD_ONCE_INIT;

static void
kind_rules_init(void)
{
	static const char fits[NRULES <= 31 ? 1 : -1];
	size_t b, k;

	(void)fits;
	for (b = 0; b < 32; b++)
		for (k = 0; k < NRULES; k++)
			if (rules[k].start & (1u << b))
				kind_rules[b] |= 1u << k;
}

/*
 * The kinds of token i (K_*), or 0 when no rule can start there. A word
 * outside the lexicon and without a digit starts one only as "fiscal",
 * "calendar" or "these", or with a hyphen in more than four bytes: the
 * start sets above say so, and none of the hyphenated words the rules
 * read is shorter than six (an-day, mid-may, year-ago, twenty-one).
 */
static uint32_t
start_kinds(const struct tctx *c, size_t i)
{
	const char *s;
	size_t n;
	uint32_t k = 0;
	unsigned f = c->tok[i].flags;

	s = tw(c, i, &n);
	/* most tokens are short words outside the lexicon: turned away
	 * before the hyphen is looked for */
	if (c->lxc[i] == LXC_NONE && !(f & TOK_DIGIT) && n <= 4)
		return 0;
	if (memchr(s, '-', n) != NULL)
		k |= K_HYPHEN;
	if (f & TOK_DIGIT)
		k |= K_DIGIT;
	if (f & TOK_RTL)
		k |= K_RTL;
	if (c->lxc[i] == LX_NONE)
		return k | (is(c, i, "the") ? K_THE : is(c, i, "that") ?
		    K_THAT : 0);
	if (c->lxc[i] != LXC_NONE)
		return k | K(c->lxc[i]);
	if (k & (K_DIGIT | K_HYPHEN))
		return k;
	if (is(c, i, "fiscal") || is(c, i, "calendar") || is(c, i, "these"))
		return K_WORD;
	return 0;
}

#define ONES	0x0101010101010101ULL

/*
 * dst = src with ASCII capitals made small, other bytes as they are.
 * Eight bytes at a time: the whole article goes through here. In each
 * byte of a word, with its top bit cleared, adding 0x3f carries into the
 * top bit from 'A' up and adding 0x25 from past 'Z'; the bytes where
 * exactly one of them did, and whose own top bit was clear (ASCII), are
 * capitals, and get 0x20.
 */
static void
lower_ascii(char *dst, const char *src, size_t n)
{
	uint64_t w, low7, upper;
	size_t i;

	for (i = 0; i + 8 <= n; i += 8) {
		memcpy(&w, src + i, 8);
		low7 = w & (0x7f * ONES);
		upper = ((low7 + 0x3f * ONES) ^ (low7 + 0x25 * ONES)) & ~w &
		    (0x80 * ONES);
		w |= upper >> 2;
		memcpy(dst + i, &w, 8);
	}
	for (; i < n; i++)
		dst[i] = src[i] >= 'A' && src[i] <= 'Z' ? src[i] + 32 : src[i];
	dst[n] = '\0';
}

static void
tag_sentence(struct tctx *c, struct extract_sent *sent, struct tdate *last,
    int *has_last, struct extract_timex **out, size_t *nout, size_t *cap)
{
	struct tmatch best, m;
	struct extract_timex *x;
	size_t i, k;
	uint32_t kinds, todo;

	for (i = 0; i < c->n; i++) {
		if ((kinds = start_kinds(c, i)) == 0)
			continue;
		best.len = 0;
		c->last = *has_last ? last : NULL;
		/* the rules that start with any of the kinds, in table order */
		for (todo = 0; kinds != 0; kinds &= kinds - 1)
			todo |= kind_rules[ffs((int)(kinds & -kinds)) - 1];
		for (; todo != 0; todo &= todo - 1) {
			k = ffs((int)(todo & -todo)) - 1;
			memset(&m, 0, sizeof m);
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
	size_t nout = 0, cap = 0, s, maxn = 0, n;
	const struct lex **lxv = NULL;
	unsigned char *lxc;
	char *low;
	int has_last = 0;

	timex_lex_ready();
	pthread_once(&kind_once, kind_rules_init);
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
	lower_ascii(low, text, n);
	c.low = low;
	for (s = 0; s < nsent; s++)
		if (sents[s].last - sents[s].first > maxn)
			maxn = sents[s].last - sents[s].first;
	lxv = xcalloc(maxn + 1, sizeof *lxv);
	c.lx = lxv;
	/* tmark, then lxc: a byte each per token */
	c.tmark = xmalloc(2 * (maxn + 1));
	lxc = c.tmark + maxn + 1;
	c.lxc = lxc;
	for (s = 0; s < nsent; s++) {
		c.tok = toks->v + sents[s].first;
		c.n = sents[s].last - sents[s].first;
		timex_lex_fill(low, c.tok, c.n, lxv, lxc);
		memset(c.tmark, 0xff, c.n);
		tag_sentence(&c, (struct extract_sent *)&sents[s], &last,
		    &has_last, &v, &nout, &cap);
	}
	free(lxv);
	free(c.tmark);
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
