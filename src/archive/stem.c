/*
 * The Porter stemming algorithm, written from the 1980 paper and its
 * published definition of the steps. The tokenizer calls it for every
 * lower-case ASCII token, at import and at query time, so it must be fast
 * and must never grow a word: it works in place on the token buffer.
 *
 * A word is seen as [C](VC){m}[V]; m() counts the VC pairs of the stem
 * w[0..j]. 'y' is a vowel when it follows a consonant.
 */
#include "config.h"

#include <string.h>

#include "archive/stem.h"

struct stem {
	char	*b;	/* the word */
	int	 k;	/* index of its last letter */
	int	 j;	/* end of the stem set by ends() */
};

static int
cons(const struct stem *z, int i)
{
	switch (z->b[i]) {
	case 'a': case 'e': case 'i': case 'o': case 'u':
		return 0;
	case 'y':
		return i == 0 ? 1 : !cons(z, i - 1);
	default:
		return 1;
	}
}

/* The number of VC sequences in b[0..j]. */
static int
measure(const struct stem *z)
{
	int n = 0, i = 0;

	for (;;) {
		if (i > z->j)
			return n;
		if (!cons(z, i))
			break;
		i++;
	}
	i++;
	for (;;) {
		for (;;) {
			if (i > z->j)
				return n;
			if (cons(z, i))
				break;
			i++;
		}
		i++;
		n++;
		for (;;) {
			if (i > z->j)
				return n;
			if (!cons(z, i))
				break;
			i++;
		}
		i++;
	}
}

static int
vowel_in_stem(const struct stem *z)
{
	int i;

	for (i = 0; i <= z->j; i++)
		if (!cons(z, i))
			return 1;
	return 0;
}

static int
double_cons(const struct stem *z, int i)
{
	return i >= 1 && z->b[i] == z->b[i - 1] && cons(z, i);
}

/* cvc(i): b[i-2..i] is consonant-vowel-consonant, the last not w, x or y. */
static int
cvc(const struct stem *z, int i)
{
	char c;

	if (i < 2 || !cons(z, i) || cons(z, i - 1) || !cons(z, i - 2))
		return 0;
	c = z->b[i];
	return c != 'w' && c != 'x' && c != 'y';
}

/* Whether b[0..k] ends with s[0..len); sets j to the end of the stem. */
static inline int
ends_n(struct stem *z, const char *s, int len)
{
	const char *b = z->b + z->k - len + 1;
	int i;

	if (len > z->k + 1)
		return 0;
	/* From the end: most suffixes fail on their last letter. */
	for (i = len - 1; i >= 0; i--)
		if (b[i] != s[i])
			return 0;
	z->j = z->k - len;
	return 1;
}

/* ends(z, "literal"): the length is known at compile time. */
#define ends(z, s)	ends_n((z), (s), (int)sizeof(s) - 1)

/* Replace b[j+1..k] by s (never longer than what it replaces). */
static void
set_to(struct stem *z, const char *s)
{
	int len = (int)strlen(s);

	memcpy(z->b + z->j + 1, s, len);
	z->k = z->j + len;
}

static void
replace(struct stem *z, const char *s)
{
	if (measure(z) > 0)
		set_to(z, s);
}

/* Plurals and -ed or -ing. */
static void
step1ab(struct stem *z)
{
	if (z->b[z->k] == 's') {
		if (ends(z, "sses"))
			z->k -= 2;
		else if (ends(z, "ies"))
			set_to(z, "i");
		else if (z->b[z->k - 1] != 's')
			z->k--;
	}
	if (ends(z, "eed")) {
		if (measure(z) > 0)
			z->k--;
	} else if ((ends(z, "ed") || ends(z, "ing")) && vowel_in_stem(z)) {
		z->k = z->j;
		if (ends(z, "at"))
			set_to(z, "ate");
		else if (ends(z, "bl"))
			set_to(z, "ble");
		else if (ends(z, "iz"))
			set_to(z, "ize");
		else if (double_cons(z, z->k)) {
			char c = z->b[z->k];

			if (c != 'l' && c != 's' && c != 'z')
				z->k--;
		} else {
			z->j = z->k;
			if (measure(z) == 1 && cvc(z, z->k))
				set_to(z, "e");
		}
	}
}

/* Terminal y to i when there is another vowel in the stem. */
static void
step1c(struct stem *z)
{
	if (ends(z, "y") && vowel_in_stem(z))
		z->b[z->k] = 'i';
}

struct suffix {
	const char	*from;
	const char	*to;
	int		 len;		/* strlen(from) */
};

#define R(from, to)	{ from, to, sizeof from - 1 }

/* Try each rule in order; the first suffix that matches decides. */
static void
apply(struct stem *z, const struct suffix *rules)
{
	char last = z->b[z->k];

	for (; rules->from != NULL; rules++) {
		if (rules->from[rules->len - 1] != last)
			continue;
		if (ends_n(z, rules->from, rules->len)) {
			replace(z, rules->to);
			return;
		}
	}
}

static const struct suffix step2_rules[] = {
	R("ational", "ate"), R("tional", "tion"), R("enci", "ence"),
	R("anci", "ance"), R("izer", "ize"), R("bli", "ble"),
	R("alli", "al"), R("entli", "ent"), R("eli", "e"),
	R("ousli", "ous"), R("ization", "ize"), R("ation", "ate"),
	R("ator", "ate"), R("alism", "al"), R("iveness", "ive"),
	R("fulness", "ful"), R("ousness", "ous"), R("aliti", "al"),
	R("iviti", "ive"), R("biliti", "ble"), R("logi", "log"),
	{ NULL, NULL, 0 }
};

static const struct suffix step3_rules[] = {
	R("icate", "ic"), R("ative", ""), R("alize", "al"),
	R("iciti", "ic"), R("ical", "ic"), R("ful", ""), R("ness", ""),
	{ NULL, NULL, 0 }
};

static const struct suffix step4_suffixes[] = {
	R("al", ""), R("ance", ""), R("ence", ""), R("er", ""), R("ic", ""),
	R("able", ""), R("ible", ""), R("ant", ""), R("ement", ""),
	R("ment", ""), R("ent", ""), R("ion", ""), R("ou", ""), R("ism", ""),
	R("ate", ""), R("iti", ""), R("ous", ""), R("ive", ""), R("ize", ""),
	{ NULL, NULL, 0 }
};

/* -ant, -ence and the like, when the stem has m > 1. */
static void
step4(struct stem *z)
{
	const struct suffix *s;

	for (s = step4_suffixes; s->from != NULL; s++) {
		if (s->from[s->len - 1] != z->b[z->k] ||
		    !ends_n(z, s->from, s->len))
			continue;
		/* -ion only after s or t. */
		if (s->len == 3 && memcmp(s->from, "ion", 3) == 0 &&
		    (z->j < 0 || (z->b[z->j] != 's' && z->b[z->j] != 't')))
			continue;
		if (measure(z) > 1)
			z->k = z->j;
		return;
	}
}

/* A final -e, and -ll to -l, when the stem is long enough. */
static void
step5(struct stem *z)
{
	int m;

	z->j = z->k;
	if (z->b[z->k] == 'e') {
		m = measure(z);
		if (m > 1 || (m == 1 && !cvc(z, z->k - 1)))
			z->k--;
	}
	/* m() still measures up to the old end, as in the paper's code. */
	if (z->b[z->k] == 'l' && double_cons(z, z->k) && measure(z) > 1)
		z->k--;
}

size_t
archive_stem(char *w, size_t len)
{
	struct stem z;
	size_t i;

	if (len <= 2 || len > 64)
		return len;
	for (i = 0; i < len; i++)
		if (w[i] < 'a' || w[i] > 'z')
			return len;
	z.b = w;
	z.k = (int)len - 1;
	z.j = 0;
	step1ab(&z);
	if (z.k > 0) {
		step1c(&z);
		apply(&z, step2_rules);
		apply(&z, step3_rules);
		step4(&z);
		step5(&z);
	}
	return (size_t)z.k + 1;
}
