/*
 * Sentence splitting over the token stream. A sentence ends:
 * - at . ! ? ؟ ۔ … (and runs of them), together with the closing quotes
 *   and brackets that follow, unless the next word starts in lower case
 *   ("approx. five", "... and then");
 * - after an abbreviation that may end a sentence (Inc., U.S.) when the
 *   next word is one that typically opens a sentence ("The", "He");
 *   titles and month abbreviations (Dr., Jan.) never end one;
 * - at a blank line, and at a line break after a short line without
 *   final punctuation followed by a capital (headline, byline, caption);
 *   hard-wrapped prose lines (60 bytes or more) run on.
 * The Arabic comma ، and semicolon ؛ do not end sentences. Sentences are
 * capped at a few thousand tokens so later stages stay bounded on text
 * without punctuation.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "extract/extract_int.h"
#include "util/xalloc.h"

#define SENT_MAX_TOKENS	2000
#define WRAPPED_LINE	60

/* Words that open sentences; after "U.S." or "Inc." they signal a break. */
static const char *const openers[] = {
	"the", "a", "an", "he", "she", "it", "they", "we", "i", "you", "but",
	"and", "in", "on", "at", "this", "that", "these", "those", "there",
	"his", "her", "its", "their", "our", "my", "if", "when", "while",
	"as", "after", "before", "however", "meanwhile", "also", "for", "so",
	"yet", "some", "many", "most", "one", "no", "what", "why", "how",
};

static int
is_opener(const char *text, const struct extract_tok *t)
{
	size_t i;

	if (!(t->flags & TOK_UPPER))
		return 0;
	for (i = 0; i < sizeof openers / sizeof openers[0]; i++)
		if (extract_tok_is(text, t, openers[i]))
			return 1;
	return 0;
}

/* Whether token t is an abbreviation that can end a sentence. */
static int
abbrev_may_end(const char *text, const struct extract_tok *t)
{
	static const char *const titles[] = {
		"mr.", "mrs.", "ms.", "dr.", "prof.", "gen.", "lt.", "col.",
		"capt.", "sgt.", "maj.", "adm.", "gov.", "sen.", "rep.", "rev.",
		"hon.", "pres.", "st.", "fr.", "mt.", "ft.", "jan.", "feb.",
		"mar.", "apr.", "jun.", "jul.", "aug.", "sep.", "sept.", "oct.",
		"nov.", "dec.", "no.", "vol.", "vs.", "v.", "cf.",
	};
	size_t i;

	if (t->end - t->start == 2)	/* an initial: J. Smith */
		return 0;
	for (i = 0; i < sizeof titles / sizeof titles[0]; i++)
		if (extract_tok_is(text, t, titles[i]))
			return 0;
	return 1;
}

/* Length in bytes of the line that holds token t. */
static size_t
line_length(const char *text, const struct extract_toks *toks, size_t i)
{
	size_t a = toks->v[i].start;

	while (a > 0 && text[a - 1] != '\n')
		a--;
	return toks->v[i].end - a;
}

/* Whether a sentence ends after token i (i + 1 < n). */
static int
ends_after(const char *text, const struct extract_toks *toks, size_t i,
    size_t *skip)
{
	const struct extract_tok *t = &toks->v[i], *nx;
	size_t j = i + 1;

	*skip = 0;
	if (t->flags & TOK_TERM) {
		/* Closing quotes and brackets glued to the sentence. */
		while (j < toks->n && (toks->v[j].flags & TOK_CLOSE) &&
		    !(toks->v[j].flags & TOK_NL) &&
		    (toks->v[j].start == toks->v[j - 1].end ||
		    text[toks->v[j].start] != '"'))
			j++;
		if (j >= toks->n)
			return 0;
		nx = &toks->v[j];
		if ((nx->flags & TOK_LOWER) && !(nx->flags & TOK_PARA))
			return 0;
		if ((nx->flags & TOK_PUNCT) && !(nx->flags & TOK_NL) &&
		    (text[nx->start] == ',' || text[nx->start] == ';' ||
		    text[nx->start] == ':'))
			return 0;
		*skip = j - i - 1;
		return 1;
	}
	nx = &toks->v[j];
	if (nx->flags & TOK_PARA)
		return 1;
	if (t->flags & TOK_ABBR)
		return abbrev_may_end(text, t) && is_opener(text, nx);
	if ((nx->flags & TOK_NL) && (nx->flags & (TOK_UPPER | TOK_DIGIT)) &&
	    !(t->flags & TOK_PUNCT) && line_length(text, toks, i) < WRAPPED_LINE)
		return 1;
	return 0;
}

size_t
extract_split(const char *text, const struct extract_toks *toks,
    struct extract_sent **out)
{
	struct extract_sent *v = NULL;
	size_t n = 0, cap = 0, first = 0, i, skip;

	for (i = 0; i < toks->n; i++) {
		int end = i + 1 == toks->n || i + 1 - first >= SENT_MAX_TOKENS;

		skip = 0;
		if (!end)
			end = ends_after(text, toks, i, &skip);
		if (!end)
			continue;
		i += skip;
		if (n == cap) {
			cap = cap ? cap * 2 : 32;
			v = xreallocarray(v, cap, sizeof *v);
		}
		v[n].first = first;
		v[n].last = i + 1;
		n++;
		first = i + 1;
	}
	*out = v;
	return n;
}

size_t
extract_sentences(const char *text, size_t len, struct extract_span **out)
{
	struct extract_toks toks = { NULL, 0, 0 };
	struct extract_sent *s;
	struct extract_span *v;
	size_t n, i;

	extract_tokenize(text, len, &toks);
	n = extract_split(text, &toks, &s);
	v = n ? xcalloc(n, sizeof *v) : NULL;
	for (i = 0; i < n; i++) {
		v[i].start = toks.v[s[i].first].start;
		v[i].end = toks.v[s[i].last - 1].end;
	}
	free(s);
	extract_toks_release(&toks);
	*out = v;
	return n;
}
