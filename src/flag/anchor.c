/*
 * Anchoring and re-anchoring of flagged passages (see anchor.h).
 *
 * Bodies are at most a few MiB and an article has a handful of flags, so
 * plain scans are enough: strstr() for the exact text, a byte-by-byte
 * matcher for the whitespace-tolerant fallback. All input is valid UTF-8
 * (the archive stores nothing else), so a match of a valid quote always
 * starts and ends on character boundaries.
 *
 * Re-anchoring follows the W3C TextQuoteSelector idea: the exact text
 * decides where the passage can be; the context (prefix, suffix) and the
 * old offset decide which of several places it is. A short quote found
 * somewhere with none of its old context is more likely a different
 * passage that happens to use the same words, so it needs some context
 * to be accepted; a long quote is distinctive on its own (a sentence that
 * moved to another paragraph keeps its words but not its neighbours).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "flag/anchor.h"
#include "util/xalloc.h"

/* A quote at least this long (bytes) is accepted without its context. */
#define ANCHOR_DISTINCTIVE	16
/* Bytes of matching context that make a short quote's match credible. */
#define ANCHOR_MIN_CONTEXT	8

#define IS_CONT(c)	(((unsigned char)(c) & 0xC0) == 0x80)

static int
is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
	    c == '\v';
}

/*
 * Match exact at body + pos with any run of whitespace in exact matching
 * any non-empty run in the body. Returns the end offset, or 0 for no match
 * (a match is never empty). exact has no leading or trailing whitespace.
 */
static size_t
match_spaces(const char *body, size_t pos, const char *exact, size_t elen)
{
	size_t i = 0, b = pos;

	while (i < elen) {
		if (is_space(exact[i])) {
			if (!is_space(body[b]))
				return 0;
			while (i < elen && is_space(exact[i]))
				i++;
			while (is_space(body[b]))
				b++;
		} else if (body[b] == exact[i]) {
			i++;
			b++;
		} else
			return 0;
	}
	return b;
}

size_t
anchor_count(const char *body, const char *quote)
{
	const char *p;
	size_t n = 0;

	if (*quote == '\0')
		return 0;
	for (p = body; (p = strstr(p, quote)) != NULL; p++)
		n++;
	return n;
}

/*
 * The first match of q[0..qlen) at or after body + from: exact, or with
 * loose set, any run of blanks matching any run (q trimmed). 1 and the
 * span, or 0.
 */
static int
next_match(const char *body, size_t from, const char *q, size_t qlen,
    int loose, size_t *s, size_t *e)
{
	const char *p;
	size_t m;

	if (!loose) {
		if ((p = strstr(body + from, q)) == NULL)
			return 0;
		*s = (size_t)(p - body);
		*e = *s + qlen;
		return 1;
	}
	for (p = body + from; (p = strchr(p, *q)) != NULL; p++) {
		if ((m = match_spaces(body, (size_t)(p - body), q, qlen)) != 0) {
			*s = (size_t)(p - body);
			*e = m;
			return 1;
		}
	}
	return 0;
}

/* Count matches; the nth (1-based, if nth > 0) goes to *start, *end. */
static size_t
matches(const char *body, const char *q, size_t qlen, int loose, int nth,
    size_t *start, size_t *end)
{
	size_t n = 0, s, e, from = 0;

	while (next_match(body, from, q, qlen, loose, &s, &e)) {
		if (++n == (size_t)nth) {
			*start = s;
			*end = e;
		}
		from = s + 1;
	}
	return n;
}

int
anchor_find(const char *body, const char *quote, int nth, size_t *start,
    size_t *end, char **cause)
{
	const char *q = quote;
	size_t n, qlen;
	int want = nth == 0 ? 1 : nth;

	while (is_space(*q))
		q++;
	for (qlen = strlen(q); qlen > 0 && is_space(q[qlen - 1]); qlen--)
		;
	if (qlen == 0) {
		*cause = xstrdup("the quote is empty");
		return -1;
	}
	n = matches(body, quote, strlen(quote), 0, want, start, end);
	/* Copied from a wrapped screen, the blanks may differ. */
	if (n == 0)
		n = matches(body, q, qlen, 1, want, start, end);
	if (n == 0) {
		*cause = xstrdup("the quote is not in the article (it must be "
		    "copied exactly, with the same punctuation)");
		return -1;
	}
	if (nth == 0 && n > 1) {
		*cause = xasprintf("the quote occurs %zu times in the article; "
		    "say which with --nth 1..%zu", n, n);
		return -1;
	}
	if (nth < 0 || (size_t)nth > n) {
		*cause = xasprintf("the quote occurs %zu time%s in the article, "
		    "not %d", n, n == 1 ? "" : "s", nth);
		return -1;
	}
	return 0;
}

int
anchor_check_span(const char *body, size_t start, size_t end, char **cause)
{
	size_t len = strlen(body);

	if (start >= end) {
		*cause = xstrdup("nothing is selected");
		return -1;
	}
	if (end > len) {
		*cause = xasprintf("the selection (%zu-%zu) is outside the "
		    "article (%zu bytes)", start, end, len);
		return -1;
	}
	if (IS_CONT(body[start]) || (end < len && IS_CONT(body[end]))) {
		*cause = xstrdup("the selection splits a character");
		return -1;
	}
	return 0;
}

void
anchor_context(const char *body, size_t start, size_t end, char **prefix,
    char **suffix)
{
	size_t p = start, s = end, n;

	for (n = 0; p > 0 && n < ANCHOR_CONTEXT; n++) {
		p--;
		while (p > 0 && IS_CONT(body[p]))
			p--;
	}
	for (n = 0; body[s] != '\0' && n < ANCHOR_CONTEXT; n++) {
		s++;
		while (IS_CONT(body[s]))
			s++;
	}
	*prefix = xstrndup(body + p, start - p);
	*suffix = xstrndup(body + end, s - end);
}

/*
 * How well the text around body[start..end) agrees with the old context:
 * bytes of prefix matching backwards from start (*pre) and of suffix
 * matching forwards from end (*suf).
 */
static void
context_score(const char *body, size_t start, size_t end, const char *prefix,
    const char *suffix, size_t *pre, size_t *suf)
{
	size_t plen = strlen(prefix), i;

	for (i = 0; i < plen && i < start; i++) {
		if (prefix[plen - 1 - i] != body[start - 1 - i])
			break;
	}
	*pre = i;
	for (i = 0; suffix[i] != '\0' && body[end + i] == suffix[i]; i++)
		;
	*suf = i;
}

struct best {
	int	 found;
	size_t	 start, end, score, dist;
	int	 whole;		/* one side's context matched entirely */
};

static void
consider(struct best *best, const char *body, size_t start, size_t end,
    const char *prefix, const char *suffix, size_t old_start)
{
	size_t pre, suf, score, dist;

	context_score(body, start, end, prefix, suffix, &pre, &suf);
	score = pre + suf;
	dist = start > old_start ? start - old_start : old_start - start;
	if (best->found && (score < best->score ||
	    (score == best->score && dist >= best->dist)))
		return;
	best->found = 1;
	best->start = start;
	best->end = end;
	best->score = score;
	best->dist = dist;
	best->whole = (*prefix != '\0' && pre == strlen(prefix)) ||
	    (*suffix != '\0' && suf == strlen(suffix));
}

/* Whether the best match is credible (see the note at the top). */
static int
credible(const struct best *best, size_t qlen, const char *prefix,
    const char *suffix)
{
	if (!best->found)
		return 0;
	if (qlen >= ANCHOR_DISTINCTIVE)
		return 1;
	if (*prefix == '\0' && *suffix == '\0')
		return 1;
	return best->score >= ANCHOR_MIN_CONTEXT || best->whole;
}

int
anchor_relocate(const char *body, const char *exact, const char *prefix,
    const char *suffix, size_t old_start, size_t *start, size_t *end)
{
	struct best best = { 0 };
	size_t elen = strlen(exact), b, e, tlen;
	const char *p, *t;

	if (elen == 0)
		return 0;
	for (p = body; (p = strstr(p, exact)) != NULL; p++)
		consider(&best, body, (size_t)(p - body),
		    (size_t)(p - body) + elen, prefix, suffix, old_start);
	if (!best.found) {
		/* The same words, spaced differently. */
		for (t = exact; is_space(*t); t++)
			;
		for (tlen = strlen(t); tlen > 0 && is_space(t[tlen - 1]); tlen--)
			;
		if (tlen == 0)
			return 0;
		for (b = 0; next_match(body, b, t, tlen, 1, &b, &e); b++)
			consider(&best, body, b, e, prefix, suffix, old_start);
	}
	if (!credible(&best, elen, prefix, suffix))
		return 0;
	*start = best.start;
	*end = best.end;
	return 1;
}
