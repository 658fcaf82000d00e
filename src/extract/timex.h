/*
 * The temporal tagger's insides, shared by timex.c (the engine and the
 * rule table), timex_lex.c (the lexicon and the helpers every rule uses),
 * timex_date.c (rules for calendar dates) and timex_rel.c (rules for
 * expressions read against the reference date). Internal to src/extract.
 */
#ifndef LEDE_EXTRACT_TIMEX_H
#define LEDE_EXTRACT_TIMEX_H

#include <stddef.h>
#include <string.h>

#include "extract/extract_int.h"
#include "extract/tdate.h"

enum lxclass {
	LX_NONE, LX_MONTH, LX_WDAY, LX_WDAYS, LX_UNIT, LX_UNITS, LX_NUM,
	LX_ORD, LX_QUANT, LX_SEASON, LX_PART, LX_CLOCK, LX_DEIC, LX_REF,
	LX_MOD, LX_EDGE, LX_SETADV, LX_APPROX, LX_HOLIDAY, LX_DECADEW,
	/* Arabic (timex_ar.c) */
	LX_AMONTH, LX_AORD, LX_AWDAY, LX_ADEIC, LX_AUNIT, LX_AMOD
};

/* Units, in the order of the unit table below. */
enum unit {
	U_SEC, U_MIN, U_HOUR, U_DAY, U_WEEK, U_WEEKEND, U_FORTNIGHT, U_MONTH,
	U_QUARTER, U_YEAR, U_DECADE, U_CENTURY, U_MILLENNIUM
};

struct unitinfo {
	const char	*code;		/* TIMEX3 duration letter(s) */
	int		 time;		/* needs the PT prefix */
	int		 mult;		/* code counts this many per unit */
	enum tgran	 gran;
};

/* Modifiers (LX_MOD values). */
enum { M_LAST, M_NEXT, M_THIS, M_PAST, M_COMING, M_LATEST, M_FOLLOWING,
	M_PREVIOUS };
/* Reference values (LX_REF). */
enum { R_PRESENT, R_PAST, R_FUTURE };

struct lex {
	const char	*word;
	enum lxclass	 cls;
	int		 val;
};

/* One sentence being tagged. */
struct tctx {
	const char		*text;
	const char		*low;	/* lower-cased copy, same offsets */
	const struct extract_tok *tok;	/* the sentence's tokens */
	const struct lex	**lx;	/* lexicon entry per token */
	/* Its class, or LXC_NONE: lx() compares it without following the
	 * pointer, and most tokens it is asked about are of no class. */
	const unsigned char	*lxc;
	/* What each token says about tense (timex_lex.c), worked out when
	 * first asked and written through a const tctx; 0xff until then. */
	unsigned char		*tmark;
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

#define LXC_NONE	0xff	/* tctx.lxc of a token not in the lexicon */

extern const struct unitinfo timex_units[];
/* Parts of the day (LX_PART): MO AF EV NI DT. */
extern const char *const timex_parts[];

/*
 * The three readers every rule calls many times, short and inline: the
 * i-th token's lower-case text, whether it is a given word, and its
 * lexicon entry when of the given class (NULL past the sentence's end).
 */
static inline const char *
tw(const struct tctx *c, size_t i, size_t *n)
{
	*n = c->tok[i].end - c->tok[i].start;
	return c->low + c->tok[i].start;
}

static inline int
is(const struct tctx *c, size_t i, const char *w)
{
	size_t n, k;
	const char *s;

	if (i >= c->n)
		return 0;
	s = tw(c, i, &n);
	/* byte by byte, without measuring w first: the rules ask this of
	 * the same token for dozens of words, and most differ at once. A
	 * token holds no NUL (the tokeniser takes it for a space), so the
	 * end of w is a difference like any other. */
	for (k = 0; k < n; k++)
		if (s[k] != w[k])
			return 0;
	return w[n] == '\0';
}

static inline const struct lex *
lx(const struct tctx *c, size_t i, enum lxclass cls)
{
	if (i >= c->n || c->lxc[i] != cls)
		return NULL;
	return c->lx[i];
}

/* timex_lex.c */
/* Build the lexicon's hash table once; safe to call from any thread. */
void	 timex_lex_ready(void);
const struct lex *timex_lex_find(const char *w, size_t n);
void	 timex_lex_fill(const char *low, const struct extract_tok *,
	    size_t n, const struct lex **lx, unsigned char *lxc);
int	 timex_digits(const struct tctx *, size_t i, size_t minlen,
	    size_t maxlen);
int	 timex_day_number(const struct tctx *, size_t i);
int	 timex_year_number(const struct tctx *, size_t i);
size_t	 timex_year_words(const struct tctx *, size_t i, int *y);
size_t	 timex_number(const struct tctx *, size_t i, long *val);
int	 timex_tense_at(const struct tctx *, size_t i);
int	 timex_tense_within(const struct tctx *, size_t i, size_t maxd);
struct tdate timex_refdate(const struct tctx *);
struct tdate timex_reported_quarter(const struct tctx *, int years_back);
void	 timex_set_date(struct tmatch *, size_t len, const struct tdate *);
void	 timex_set_value(struct tmatch *, size_t len, enum extract_ttype,
	    const char *value);
void	 timex_place_year(const struct tctx *, size_t i, struct tdate *,
	    int cmp_gran);
void	 timex_with_part(struct tmatch *, size_t len, const char *part);
int	 timex_month_at(const struct tctx *, size_t i);
int	 timex_temporal_prep(const struct tctx *, size_t i);

/* Rules: each returns 1 and fills the match when one starts at token i. */
int	 timex_rule_iso(struct tctx *, size_t, struct tmatch *);
int	 timex_rule_slash(struct tctx *, size_t, struct tmatch *);
int	 timex_rule_month(struct tctx *, size_t, struct tmatch *);
int	 timex_rule_month_alone(struct tctx *, size_t, struct tmatch *);
int	 timex_rule_year(struct tctx *, size_t, struct tmatch *);
int	 timex_rule_quarter(struct tctx *, size_t, struct tmatch *);
int	 timex_rule_season(struct tctx *, size_t, struct tmatch *);
int	 timex_rule_holiday(struct tctx *, size_t, struct tmatch *);
int	 timex_rule_year_ago(struct tctx *, size_t, struct tmatch *);
int	 timex_rule_year_part(struct tctx *, size_t, struct tmatch *);
int	 timex_rule_deictic(struct tctx *, size_t, struct tmatch *);
int	 timex_rule_ref(struct tctx *, size_t, struct tmatch *);
int	 timex_rule_duration(struct tctx *, size_t, struct tmatch *);
int	 timex_rule_hyphen_duration(struct tctx *, size_t, struct tmatch *);
int	 timex_rule_relative(struct tctx *, size_t, struct tmatch *);
int	 timex_rule_weekday(struct tctx *, size_t, struct tmatch *);
int	 timex_rule_clock(struct tctx *, size_t, struct tmatch *);
int	 timex_rule_set(struct tctx *, size_t, struct tmatch *);
int	 timex_rule_anaphor(struct tctx *, size_t, struct tmatch *);
int	 timex_rule_arabic(struct tctx *, size_t, struct tmatch *);

#endif
