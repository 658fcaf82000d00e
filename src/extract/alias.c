/*
 * Alias merging: turn the typed mentions the tagger found in one article
 * into entities, each with a canonical name, its other surface forms and
 * all its mention spans.
 *
 * Mentions merge when:
 * - they are the same text (a possessive 's dropped); the entity's kind is
 *   the one most of its mentions were tagged with;
 * - a name is followed by an acronym in brackets, "Hayat Tahrir al-Sham
 *   (HTS)": the acronym, there and everywhere else, is an alias;
 * - a name is followed by ", known as", ", also known as", ", dubbed" or
 *   ", called" and another name: the second is an alias;
 * - a one-word mention is the last (or first) word of a longer person's
 *   name in the same article: "Macron" joins "Emmanuel Macron". When two
 *   people share the word, it goes to the one named most recently before.
 * The canonical name is the longest form. Everything is hashed, so the
 * cost is linear in the number of mentions even for hostile input.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "extract/extract_int.h"
#include "extract/strmap.h"
#include "util/xalloc.h"

/* A surface form under construction. */
struct form {
	char	*text;
	size_t	 group;		/* union-find parent over forms */
	size_t	 votes[3];	/* kinds tagged */
	size_t	 ntok;
	size_t	 last_pos;	/* index of its latest mention */
};

struct merge {
	const char	*text;
	struct form	*forms;
	size_t		 nforms, capforms;
	struct extract_strmap byform;
	size_t		*mform;		/* mention -> form */
};

static size_t
find(struct merge *g, size_t f)
{
	while (g->forms[f].group != f) {
		g->forms[f].group = g->forms[g->forms[f].group].group;
		f = g->forms[f].group;
	}
	return f;
}

static void
unite(struct merge *g, size_t a, size_t b)
{
	a = find(g, a);
	b = find(g, b);
	if (a != b)
		g->forms[b].group = a;
}

/* The mention's text without a trailing possessive. Caller frees. */
static char *
surface(const char *text, struct extract_span sp)
{
	size_t n = sp.end - sp.start;
	const char *s = text + sp.start;

	if (n > 2 && (memcmp(s + n - 2, "'s", 2) == 0))
		n -= 2;
	else if (n > 4 && memcmp(s + n - 4, "\xE2\x80\x99s", 4) == 0)
		n -= 4;
	return xstrndup(s, n);
}

static size_t
form_of(struct merge *g, const char *s, size_t ntok)
{
	size_t f = extract_strmap_add(&g->byform, s, g->nforms);

	if (f != g->nforms)
		return f;
	if (g->nforms == g->capforms) {
		g->capforms = g->capforms ? g->capforms * 2 : 16;
		g->forms = xreallocarray(g->forms, g->capforms,
		    sizeof *g->forms);
	}
	f = g->nforms++;
	memset(&g->forms[f], 0, sizeof g->forms[f]);
	g->forms[f].text = xstrdup(s);
	g->forms[f].group = f;
	g->forms[f].ntok = ntok;
	return f;
}

/* Whether s[0..n) is an acronym: 2-8 capitals (dots, digits, & allowed). */
static int
acronym(const char *s, size_t n)
{
	size_t i, caps = 0;

	if (n < 2 || n > 10)
		return 0;
	for (i = 0; i < n; i++) {
		if (s[i] >= 'A' && s[i] <= 'Z')
			caps++;
		else if (!(s[i] == '.' || s[i] == '&' || s[i] == '-' ||
		    (s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' &&
		    s[i] <= 'z' && i > 0)))
			return 0;
	}
	return caps >= 2;
}

/* Skip spaces forward from p. */
static size_t
skipsp(const char *t, size_t len, size_t p)
{
	while (p < len && (t[p] == ' ' || t[p] == '\t'))
		p++;
	return p;
}

/*
 * After mention i: "(ACRONYM)" gives the acronym's span; ", known as" and
 * friends make the next mention an alias. Returns 1 and fills *alias when
 * an acronym in brackets follows.
 */
static int
bracket_acronym(const char *t, size_t len, struct extract_span m,
    struct extract_span *alias)
{
	size_t p = skipsp(t, len, m.end), q;

	if (p >= len || t[p] != '(')
		return 0;
	q = ++p;
	while (q < len && t[q] != ')' && q - p <= 10)
		q++;
	if (q >= len || t[q] != ')' || !acronym(t + p, q - p))
		return 0;
	alias->start = p;
	alias->end = q;
	return 1;
}

static int
known_as(const char *t, size_t len, size_t from, size_t to)
{
	static const char *const cues[] = { ", known as ",
		", also known as ", ", better known as ", ", dubbed ",
		", called ", " known as ", " (known as ", " aka ",
		", formerly known as " };
	size_t k, n;

	for (k = 0; k < sizeof cues / sizeof cues[0]; k++) {
		n = strlen(cues[k]);
		if (to >= from && to - from == n && to <= len &&
		    memcmp(t + from, cues[k], n) == 0)
			return 1;
		if (to >= from && to - from == n + 4 && memcmp(t + from,
		    cues[k], n) == 0 && memcmp(t + from + n, "the ", 4) == 0)
			return 1;
	}
	return 0;
}

/* The last word of a form, and its first. */
static const char *
last_word(const char *s)
{
	const char *p = strrchr(s, ' ');

	return p ? p + 1 : s;
}

static void
link_short_names(struct merge *g, const struct extract_mention *ms,
    size_t n)
{
	struct extract_strmap byword = { 0 };
	size_t i, f, p, k, *size;
	char *w;
	const char *sp;

	/* Walk in text order so a short name goes to the latest full name. */
	for (i = 0; i < n; i++) {
		f = g->mform[i];
		if (g->forms[f].ntok >= 2 && ms[i].kind == EXTRACT_PERSON) {
			extract_strmap_put(&byword, last_word(g->forms[f].text), f);
			if ((sp = strchr(g->forms[f].text, ' ')) == NULL)
				continue;
			w = xstrndup(g->forms[f].text, (size_t)(sp -
			    g->forms[f].text));
			if (extract_strmap_get(&byword, w) == (size_t)-1 ||
			    g->forms[extract_strmap_get(&byword, w)].ntok >= 2)
				extract_strmap_put(&byword, w, f);
			free(w);
			continue;
		}
		if (g->forms[f].ntok != 1)
			continue;
		if ((p = extract_strmap_get(&byword, g->forms[f].text)) != (size_t)-1)
			unite(g, p, f);
	}
	/* A surname used before the full name, and not linked since: link
	 * it now (group sizes counted once, so this stays linear). */
	size = xcalloc(g->nforms + 1, sizeof *size);
	for (k = 0; k < g->nforms; k++)
		size[find(g, k)]++;
	for (k = 0; k < g->nforms; k++) {
		if (g->forms[k].ntok != 1 || find(g, k) != k || size[k] != 1)
			continue;
		p = extract_strmap_get(&byword, g->forms[k].text);
		if (p != EXTRACT_STRMAP_NONE && p != k)
			unite(g, p, k);
	}
	free(size);
	extract_strmap_release(&byword);
}

static int
span_cmp(const void *a, const void *b)
{
	const struct extract_span *x = a, *y = b;

	return x->start < y->start ? -1 : x->start > y->start;
}

/* Fill the entities from the groups. */
static size_t
build(struct merge *g, const struct extract_mention *ms, size_t n,
    const struct extract_span *extra, const size_t *extra_form,
    size_t nextra, struct extract_entity **out)
{
	struct extract_entity *v;
	size_t *ent_of, ne = 0, i, f, r, e, *best, *votes;
	int k;

	ent_of = xcalloc(g->nforms + 1, sizeof *ent_of);
	for (f = 0; f < g->nforms; f++)
		ent_of[f] = (size_t)-1;
	for (f = 0; f < g->nforms; f++) {
		r = find(g, f);
		if (ent_of[r] == (size_t)-1)
			ent_of[r] = ne++;
	}
	v = ne ? xcalloc(ne, sizeof *v) : NULL;
	/* kind by votes, canonical name the longest form: one pass */
	best = xcalloc(ne + 1, sizeof *best);
	votes = xcalloc(3 * (ne + 1), sizeof *votes);
	for (e = 0; e < ne; e++)
		best[e] = (size_t)-1;
	for (f = 0; f < g->nforms; f++) {
		e = ent_of[find(g, f)];
		for (k = 0; k < 3; k++)
			votes[3 * e + k] += g->forms[f].votes[k];
		if (best[e] == (size_t)-1 || strlen(g->forms[f].text) >
		    strlen(g->forms[best[e]].text))
			best[e] = f;
	}
	for (e = 0; e < ne; e++) {
		v[e].name = xstrdup(g->forms[best[e]].text);
		v[e].kind = EXTRACT_PERSON;
		for (k = 1; k < 3; k++)
			if (votes[3 * e + k] > votes[3 * e + v[e].kind])
				v[e].kind = (enum extract_kind)k;
	}
	/* sizes first, so that every array is allocated once */
	for (f = 0; f < g->nforms; f++)
		if (f != best[ent_of[find(g, f)]])
			v[ent_of[find(g, f)]].naliases++;
	for (i = 0; i < n; i++)
		v[ent_of[find(g, g->mform[i])]].nmentions++;
	for (i = 0; i < nextra; i++)
		v[ent_of[find(g, extra_form[i])]].nmentions++;
	for (e = 0; e < ne; e++) {
		v[e].aliases = v[e].naliases ? xcalloc(v[e].naliases,
		    sizeof *v[e].aliases) : NULL;
		v[e].mentions = xcalloc(v[e].nmentions, sizeof *v[e].mentions);
		v[e].naliases = v[e].nmentions = 0;
	}
	for (f = 0; f < g->nforms; f++) {
		e = ent_of[find(g, f)];
		if (f != best[e])
			v[e].aliases[v[e].naliases++] = xstrdup(g->forms[f].text);
	}
	free(best);
	free(votes);
	for (i = 0; i < n; i++) {
		e = ent_of[find(g, g->mform[i])];
		v[e].mentions[v[e].nmentions++] = ms[i].span;
	}
	for (i = 0; i < nextra; i++) {
		e = ent_of[find(g, extra_form[i])];
		v[e].mentions[v[e].nmentions++] = extra[i];
	}
	/* the bracketed acronyms came last: put everything in text order */
	if (nextra > 0)
		for (e = 0; e < ne; e++)
			qsort(v[e].mentions, v[e].nmentions,
			    sizeof *v[e].mentions, span_cmp);
	free(ent_of);
	*out = v;
	return ne;
}

size_t
extract_merge(const char *text, size_t len, const struct extract_mention *ms,
    size_t n, struct extract_entity **out)
{
	struct merge g;
	struct extract_span acr, *extra = NULL;
	size_t *extra_form = NULL, nextra = 0, capextra = 0, i, f, a;
	char *s;
	unsigned char *is_mention_acr;

	memset(&g, 0, sizeof g);
	g.text = text;
	*out = NULL;
	if (n == 0)
		return 0;
	g.mform = xcalloc(n, sizeof *g.mform);
	for (i = 0; i < n; i++) {
		s = surface(text, ms[i].span);
		f = form_of(&g, s, ms[i].ntok);
		g.forms[f].votes[ms[i].kind]++;
		g.forms[f].last_pos = i;
		g.mform[i] = f;
		free(s);
	}
	is_mention_acr = xcalloc(n, 1);
	for (i = 0; i < n; i++) {
		if (bracket_acronym(text, len, ms[i].span, &acr)) {
			s = xstrndup(text + acr.start, acr.end - acr.start);
			a = form_of(&g, s, 1);
			free(s);
			unite(&g, g.mform[i], a);
			if (i + 1 < n && ms[i + 1].span.start == acr.start &&
			    ms[i + 1].span.end == acr.end)
				is_mention_acr[i + 1] = 1;
			else {
				if (nextra == capextra) {
					capextra = capextra ? capextra * 2 : 16;
					extra = xreallocarray(extra, capextra,
					    sizeof *extra);
					extra_form = xreallocarray(extra_form,
					    capextra, sizeof *extra_form);
				}
				extra[nextra] = acr;
				extra_form[nextra++] = a;
			}
		}
		if (i + 1 < n && known_as(text, len, ms[i].span.end,
		    ms[i + 1].span.start))
			unite(&g, g.mform[i], g.mform[i + 1]);
	}
	free(is_mention_acr);
	link_short_names(&g, ms, n);
	n = build(&g, ms, n, extra, extra_form, nextra, out);
	for (i = 0; i < g.nforms; i++)
		free(g.forms[i].text);
	free(g.forms);
	free(g.mform);
	free(extra);
	free(extra_form);
	extract_strmap_release(&g.byform);
	return n;
}
