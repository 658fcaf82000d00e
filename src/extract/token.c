/*
 * Tokeniser for news text in English and Arabic. One pass over the bytes,
 * no backtracking beyond a few characters, so 1 MB of digits or of one
 * repeated letter costs the same as 1 MB of prose.
 *
 * A token is a word (letters and digits, joined through inner periods,
 * hyphens, apostrophes and, between digits, commas, slashes and colons:
 * U.S, 3.5, Anglo-Dutch, O'Neil, 1,000, 3/20/2025, 10:30, 1996-08-22) or a
 * run of one punctuation character. A possessive 's is its own token, as
 * in the CoNLL corpora the tagger learns from. A period right after a known
 * abbreviation, an initial or an acronym with inner periods belongs to the
 * word (TOK_ABBR), so that the sentence splitter can tell "Dr. Smith" and
 * "the U.S. economy" from the end of a sentence.
 *
 * Code points above ASCII are letters unless they are spaces, Arabic or
 * general punctuation; Arabic-Indic digits are digits. That is crude for
 * scripts lede does not target, and harmless: they become words.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "extract/extract_int.h"
#include "util/utf8.h"
#include "util/xalloc.h"

enum cclass { C_SPACE, C_UPPER, C_LOWER, C_LETTER, C_DIGIT, C_PUNCT };

/* Abbreviation classes: how a period after one behaves. */
#define AB_TITLE	1	/* before a name; never ends a sentence */
#define AB_ANY		2	/* may end a sentence (Inc., Co., etc.) */
#define AB_NUM		3	/* only before a number: No. 5, Vol. 2 */

static const struct abbrev {
	const char	*word;
	int		 cls;
} abbrevs[] = {
	{ "mr", AB_TITLE }, { "mrs", AB_TITLE }, { "ms", AB_TITLE },
	{ "dr", AB_TITLE }, { "prof", AB_TITLE }, { "gen", AB_TITLE },
	{ "lt", AB_TITLE }, { "col", AB_TITLE }, { "capt", AB_TITLE },
	{ "sgt", AB_TITLE }, { "maj", AB_TITLE }, { "adm", AB_TITLE },
	{ "gov", AB_TITLE }, { "sen", AB_TITLE }, { "rep", AB_TITLE },
	{ "rev", AB_TITLE }, { "hon", AB_TITLE }, { "pres", AB_TITLE },
	{ "st", AB_TITLE }, { "fr", AB_TITLE }, { "mt", AB_TITLE },
	{ "ft", AB_TITLE }, { "cmdr", AB_TITLE }, { "cpl", AB_TITLE },
	{ "supt", AB_TITLE }, { "insp", AB_TITLE }, { "messrs", AB_TITLE },
	{ "vs", AB_TITLE }, { "v", AB_TITLE }, { "cf", AB_TITLE },
	{ "jan", AB_TITLE }, { "feb", AB_TITLE }, { "mar", AB_TITLE },
	{ "apr", AB_TITLE }, { "jun", AB_TITLE }, { "jul", AB_TITLE },
	{ "aug", AB_TITLE }, { "sep", AB_TITLE }, { "sept", AB_TITLE },
	{ "oct", AB_TITLE }, { "nov", AB_TITLE }, { "dec", AB_TITLE },
	{ "mon", AB_ANY }, { "tue", AB_ANY }, { "tues", AB_ANY },
	{ "wed", AB_ANY }, { "thu", AB_ANY }, { "thur", AB_ANY },
	{ "thurs", AB_ANY }, { "fri", AB_ANY }, { "sat", AB_ANY },
	{ "inc", AB_ANY }, { "corp", AB_ANY }, { "co", AB_ANY },
	{ "ltd", AB_ANY }, { "bros", AB_ANY }, { "jr", AB_ANY },
	{ "sr", AB_ANY }, { "etc", AB_ANY }, { "al", AB_ANY },
	{ "dept", AB_ANY }, { "univ", AB_ANY }, { "assn", AB_ANY },
	{ "ave", AB_ANY }, { "blvd", AB_ANY }, { "rd", AB_ANY },
	{ "approx", AB_ANY }, { "est", AB_ANY }, { "ca", AB_ANY },
	{ "no", AB_NUM }, { "nos", AB_NUM }, { "vol", AB_NUM },
	{ "pp", AB_NUM }, { "art", AB_NUM }, { "fig", AB_NUM },
	{ "p", AB_NUM },
};

/* Class of an ASCII character: control characters are spaces. */
static inline enum cclass
ascii_class(uint32_t cp)
{
	if (cp - 'a' < 26)
		return C_LOWER;
	if (cp - 'A' < 26)
		return C_UPPER;
	if (cp - '0' < 10)
		return C_DIGIT;
	if (cp <= ' ' || cp == 0x7F)
		return C_SPACE;
	return C_PUNCT;
}

static enum cclass
cp_class(uint32_t cp)
{
	if (cp < 0x80)
		return ascii_class(cp);
	if (cp == 0xA0 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 ||
	    cp == 0x2029 || cp == 0x202F || cp == 0x205F || cp == 0x3000 ||
	    cp == 0x85)
		return C_SPACE;
	if (cp < 0xA0)
		return C_SPACE;
	if (cp <= 0xBF || cp == 0xD7 || cp == 0xF7)
		return C_PUNCT;
	if (cp <= 0xDE)
		return C_UPPER;
	if (cp <= 0xFF)
		return C_LOWER;
	if (cp <= 0x17F)
		return (cp & 1) ? C_LOWER : C_UPPER;
	if (cp >= 0x0660 && cp <= 0x0669)
		return C_DIGIT;
	if (cp >= 0x06F0 && cp <= 0x06F9)
		return C_DIGIT;
	if (cp == 0x060C || cp == 0x061B || cp == 0x061F || cp == 0x06D4 ||
	    cp == 0x066A || cp == 0x066D || cp == 0x060D)
		return C_PUNCT;
	if ((cp >= 0x2010 && cp <= 0x205E) || (cp >= 0x3000 && cp <= 0x303F) ||
	    (cp >= 0xFE50 && cp <= 0xFE6F) || (cp >= 0xFF01 && cp <= 0xFF0F) ||
	    (cp >= 0x2190 && cp <= 0x2BFF) || cp == 0xFEFF || cp == 0x200B ||
	    cp == 0xFFFD)
		return cp == 0x200B || cp == 0xFEFF ? C_SPACE : C_PUNCT;
	return C_LETTER;
}

static int
is_alnum_class(enum cclass c)
{
	return c == C_UPPER || c == C_LOWER || c == C_LETTER || c == C_DIGIT;
}

/* Class of the code point at p, or C_SPACE past the end. Inline, with
 * ASCII read directly: the tokeniser asks this of every byte of text. */
static inline enum cclass
class_at(const char *s, size_t len, size_t p, uint32_t *cpp, size_t *np)
{
	uint32_t cp = ' ';
	size_t n = 0;
	enum cclass c = C_SPACE;

	if (p < len && (unsigned char)s[p] < 0x80) {
		cp = (unsigned char)s[p];
		n = 1;
		c = ascii_class(cp);
	} else if (p < len) {
		n = utf8_decode(s + p, len - p, &cp);
		c = cp_class(cp);
	}
	if (cpp != NULL)
		*cpp = cp;
	if (np != NULL)
		*np = n;
	return c;
}

/* An apostrophe (ASCII or U+2019) at p: its length, else 0. */
static size_t
apostrophe_at(const char *s, size_t len, size_t p)
{
	if (p < len && s[p] == '\'')
		return 1;
	if (p + 2 < len && memcmp(s + p, "\xE2\x80\x99", 3) == 0)
		return 3;
	return 0;
}

/* Whether a possessive 's starts at p (apostrophe, s, then no letter). */
static int
possessive_at(const char *s, size_t len, size_t p)
{
	size_t a = apostrophe_at(s, len, p);

	if (a == 0 || p + a >= len || (s[p + a] != 's' && s[p + a] != 'S'))
		return 0;
	return !is_alnum_class(class_at(s, len, p + a + 1, NULL, NULL));
}

static const struct abbrev *
find_abbrev(const char *w, size_t n)
{
	char low[8];
	size_t i;

	if (n == 0 || n >= sizeof low)
		return NULL;
	for (i = 0; i < n; i++) {
		if ((unsigned char)w[i] >= 0x80)
			return NULL;
		low[i] = (w[i] >= 'A' && w[i] <= 'Z') ? w[i] + 32 : w[i];
	}
	low[n] = '\0';
	for (i = 0; i < sizeof abbrevs / sizeof abbrevs[0]; i++)
		if (abbrevs[i].word[0] == low[0] &&
		    strcmp(abbrevs[i].word, low) == 0)
			return &abbrevs[i];
	return NULL;
}

/* Whether the next non-space character after p is a digit. */
static int
digit_follows(const char *s, size_t len, size_t p)
{
	while (p < len && (s[p] == ' ' || s[p] == '\t'))
		p++;
	return p < len && s[p] >= '0' && s[p] <= '9';
}

/*
 * Whether the period at s[p] belongs to the word s[start..p): an initial,
 * an acronym with inner periods (U.S), or a listed abbreviation.
 */
static int
period_attaches(const char *s, size_t len, size_t start, size_t p)
{
	const struct abbrev *ab;
	size_t i, seg = 0, dots = 0, maxseg = 0;

	if (p - start == 1 && ((s[start] >= 'A' && s[start] <= 'Z') ||
	    (s[start] >= 'a' && s[start] <= 'z')))
		return 1;
	for (i = start; i < p; i++) {
		if (s[i] == '.') {
			dots++;
			seg = 0;
		} else if ((s[i] >= 'A' && s[i] <= 'Z') ||
		    (s[i] >= 'a' && s[i] <= 'z')) {
			if (++seg > maxseg)
				maxseg = seg;
		} else
			return 0;
	}
	if (dots > 0)
		return maxseg <= 3;
	ab = find_abbrev(s + start, p - start);
	if (ab == NULL)
		return 0;
	if (ab->cls == AB_NUM)
		return digit_follows(s, len, p + 1);
	return 1;
}

/* Whether s[p] is a small ASCII letter. */
static inline int
small_at(const char *s, size_t p)
{
	return (unsigned)(unsigned char)s[p] - 'a' < 26;
}

/* The flags of a word token, gathered as its letters are read. */
struct wflags {
	unsigned	 f;
	int		 first;		/* no letter yet */
	int		 allcaps;	/* no letter but capitals yet */
};

/* Fold one more letter or digit of class c into the word's flags. */
static inline void
wflags_add(struct wflags *w, enum cclass c, uint32_t cp)
{
	if (c == C_DIGIT) {
		w->f |= TOK_DIGIT;
		return;
	}
	w->f |= TOK_ALPHA;
	if (w->first)
		w->f |= c == C_UPPER ? TOK_UPPER : c == C_LOWER ? TOK_LOWER : 0;
	w->first = 0;
	if (c != C_UPPER)
		w->allcaps = 0;
	/* no right-to-left script below Hebrew */
	if (cp >= 0x590 && utf8_is_rtl(cp))
		w->f |= TOK_RTL;
}

/*
 * End of the word starting at p, and its flags in *flags. The flags come
 * from the letters and digits scan_word() reads anyway (the joiners
 * between them are punctuation and add none), so that a word's bytes
 * are decoded once, not twice.
 */
static size_t
scan_word(const char *s, size_t len, size_t p, unsigned *flags)
{
	struct wflags w = { 0, 1, 1 };
	enum cclass c, prev = C_SPACE, next;
	uint32_t cp;
	size_t n, a;

	while (p < len) {
		/* A run of small ASCII letters, the bulk of prose, in one
		 * go: each letter of it adds what its first adds. */
		if (small_at(s, p)) {
			while (++p < len && small_at(s, p))
				;
			wflags_add(&w, C_LOWER, 'a');
			prev = C_LOWER;
			continue;
		}
		c = class_at(s, len, p, &cp, &n);
		if (is_alnum_class(c)) {
			wflags_add(&w, c, cp);
			prev = c;
			p += n;
			continue;
		}
		if ((a = apostrophe_at(s, len, p)) != 0) {
			if (possessive_at(s, len, p))
				break;
			if (!is_alnum_class(class_at(s, len, p + a, NULL, NULL)))
				break;
			p += a;
			continue;
		}
		next = class_at(s, len, p + n, NULL, NULL);
		if (!is_alnum_class(next))
			break;
		if (cp == '.' || cp == '-' ||
		    (cp == '&' && prev == C_UPPER && next == C_UPPER) ||
		    ((cp == ',' || cp == '/' || cp == ':' || cp == 0x066B ||
		    cp == 0x066C) && prev == C_DIGIT && next == C_DIGIT)) {
			p += n;
			continue;
		}
		break;
	}
	if ((w.f & TOK_ALPHA) && w.allcaps)
		w.f |= TOK_ALLCAPS;
	*flags = w.f;
	return p;
}

static void
push(struct extract_toks *t, size_t start, size_t end, unsigned flags)
{
	if (t->n == t->cap) {
		t->cap = t->cap ? t->cap * 2 : 256;
		t->v = xreallocarray(t->v, t->cap, sizeof *t->v);
	}
	t->v[t->n].start = start;
	t->v[t->n].end = end;
	t->v[t->n].flags = flags;
	t->n++;
}

static unsigned
punct_flags(uint32_t cp)
{
	switch (cp) {
	case '.': case '!': case '?': case 0x061F: case 0x06D4: case 0x2026:
	case 0x203C: case 0x2047: case 0x2048: case 0x2049:
		return TOK_PUNCT | TOK_TERM;
	case ')': case ']': case '}': case 0x201D: case 0x2019: case 0xBB:
	case 0x203A: case '"': case '\'':
		return TOK_PUNCT | TOK_CLOSE;
	}
	return TOK_PUNCT;
}

void
extract_tokenize(const char *s, size_t len, struct extract_toks *t)
{
	unsigned pending = 0, f;
	size_t p = 0, n, end, nl = 0, a;
	enum cclass c;
	uint32_t cp, cp2;

	t->n = 0;
	/* News prose has a token every five or six bytes: room for one
	 * every four spares most articles every doubling of the array. */
	if (t->cap < len / 4 + 16) {
		t->cap = len / 4 + 16;
		t->v = xreallocarray(t->v, t->cap, sizeof *t->v);
	}
	while (p < len) {
		/* a plain space, the commonest byte between tokens, changes
		 * nothing but the position */
		if (s[p] == ' ') {
			p++;
			continue;
		}
		c = class_at(s, len, p, &cp, &n);
		if (c == C_SPACE) {
			if (cp == '\n' && ++nl >= 2)
				pending |= TOK_PARA;
			if (cp == '\n')
				pending |= TOK_NL;
			p += n;
			continue;
		}
		nl = 0;
		if (is_alnum_class(c)) {
			end = scan_word(s, len, p, &f);
			if (end < len && s[end] == '.' &&
			    period_attaches(s, len, p, end)) {
				end++;
				f |= TOK_ABBR;
			}
			push(t, p, end, f | pending);
		} else if (possessive_at(s, len, p)) {
			a = apostrophe_at(s, len, p);
			push(t, p, p + a + 1, TOK_ALPHA | TOK_LOWER | pending);
			end = p + a + 1;
		} else {
			/* A run of one punctuation character is one token. */
			end = p + n;
			while (end < len && cp < 0x80 && (unsigned char)s[end] == cp &&
			    (cp == '.' || cp == '-' || cp == '!' || cp == '?' ||
			    cp == '`' || cp == '\'' || cp == '*' || cp == '='))
				end++;
			f = punct_flags(cp);
			if (cp == '.' && end - p > 1)
				f = TOK_PUNCT | TOK_TERM;
			if (end < len && (cp == '?' || cp == '!')) {
				utf8_decode(s + end, len - end, &cp2);
				if (cp2 == '!' || cp2 == '?')
					end++;
			}
			push(t, p, end, f | pending);
		}
		pending = 0;
		p = end;
	}
}

void
extract_toks_release(struct extract_toks *t)
{
	free(t->v);
	t->v = NULL;
	t->n = t->cap = 0;
}

int
extract_tok_is(const char *text, const struct extract_tok *t, const char *s)
{
	size_t n = t->end - t->start, i;
	const char *w = text + t->start;

	for (i = 0; i < n; i++) {
		char a = w[i], b = s[i];

		if (b == '\0')
			return 0;
		if (a >= 'A' && a <= 'Z')
			a += 32;
		if (a != b)
			return 0;
	}
	return s[n] == '\0';
}
