/*
 * Context for the name tagger beyond its five-word window, for ner.c's
 * features. A name the tagger has never seen is typed by what surrounds
 * it, and Reuters (the training text) rarely names villages, bands or
 * railways, so the surroundings are abstracted in two ways:
 *
 * - Word classes from WordNet (the model's lexicon): "village", "town"
 *   and "county" share noun.location, "band" and "company" noun.group,
 *   so a weight learnt for one carries to the others. The class of the
 *   neighbouring words, of the noun a copula or apposition gives the name
 *   ("Aisby is a small village in"), and of the word before the name
 *   ("the band Deadsy") become features.
 * - The document: an article names the same thing many times, and one
 *   sentence often says what it is where another only mentions it. For
 *   each capitalised word, the words just before and after it anywhere in
 *   the document are features of every occurrence ("in Harrison" makes the
 *   sentence-initial "Harrison" a place too).
 *
 * Everything here reads the sentence or the document and the read-only
 * model; the per-sentence class cache lives in the caller's ner_prep.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "extract/extract_int.h"
#include "extract/ner.h"
#include "util/utf8.h"
#include "util/xalloc.h"

#define HEAD_WINDOW	6	/* words scanned for a definition's noun */
#define CTX_TEMPLATE	50	/* ner.c's feature template for contexts */

/*
 * Whether code point cp may begin a name: a capital letter, or a letter
 * of a script without case. Punctuation and symbols do not ("”", "’s",
 * "—"), nor lower-case Latin letters ("élan").
 */
static int
name_start(uint32_t cp)
{
	if (cp < 0x80)
		return cp >= 'A' && cp <= 'Z';
	if (cp <= 0xBF || cp == 0xD7 || cp == 0xF7)
		return 0;
	if (cp <= 0xDE)
		return 1;
	if (cp <= 0xFF)
		return 0;
	/* Latin Extended-A pairs capital and small letter, the capital
	 * first, except where the pairs start on an odd code point */
	if (cp <= 0x137 || (cp >= 0x14A && cp <= 0x177))
		return (cp & 1) == 0;
	if ((cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17E))
		return (cp & 1) == 1;
	if (cp <= 0x17F)
		return cp == 0x178;
	/* general punctuation, symbols, arrows, CJK and full-width
	 * punctuation, byte-order marks and replacement characters */
	if ((cp >= 0x2000 && cp <= 0x2BFF) || (cp >= 0x3000 && cp <= 0x303F) ||
	    (cp >= 0xFE50 && cp <= 0xFE6F) || (cp >= 0xFF01 && cp <= 0xFF0F) ||
	    cp == 0xFEFF || cp == 0xFFFD)
		return 0;
	return 1;
}

int
ner_name_like_utf8(const char *w)
{
	uint32_t cp;

	utf8_decode(w, strnlen(w, 4), &cp);
	return name_start(cp);
}

/* Class of a lower-case word of n bytes whose ner_phrase_hash() is h,
 * folding a plural ("villages", "churches") when the word itself is
 * unknown. */
static int
lex_class(const struct ner_gaz *lex, const char *lo, size_t n, uint64_t h)
{
	char tmp[64];
	int c;

	if (!(lo[0] >= 'a' && lo[0] <= 'z'))
		return 0;
	if ((c = ner_gaz_find(lex, h) & LEX_CLASS) != 0)
		return c;
	if (n <= 3 || n >= sizeof tmp || lo[n - 1] != 's')
		return 0;
	memcpy(tmp, lo, n - 1);
	tmp[n - 1] = '\0';
	if ((c = ner_gaz_find(lex, ner_phrase_hash(tmp)) & LEX_CLASS) != 0)
		return c;
	if (n > 4 && lo[n - 2] == 'e') {
		tmp[n - 2] = '\0';
		return ner_gaz_find(lex, ner_phrase_hash(tmp)) & LEX_CLASS;
	}
	return 0;
}

int
ner_class(const struct ner_prep *pp, long i)
{
	if (i < 0 || (size_t)i >= pp->n || pp->lex == NULL ||
	    pp->lex->n == 0)
		return 0;
	if (pp->cls[i] < 0)
		pp->cls[i] = (signed char)lex_class(pp->lex, pp->low[i],
		    pp->len[i], pp->hash[i]);
	return pp->cls[i];
}

static int
in_set(const char *w, const char *const *set)
{
	for (; *set != NULL; set++)
		if (w[0] == (*set)[0] && strcmp(w, *set) == 0)
			return 1;
	return 0;
}

int
ner_def_class(const struct ner_prep *pp, const struct ner_sentence *s,
    size_t end)
{
	static const char *const copula[] = { "is", "was", "are", "were",
		",", "(", "became", "remains", NULL };
	static const char *const det[] = { "a", "an", "the", "one", NULL };
	/* words that end the noun phrase after the determiner */
	static const char *const stop[] = { "in", "of", "from", "on", "at",
		"for", "with", "by", "that", "which", "who", "and", "or", ",",
		".", "(", ")", "located", "based", "founded", "near", "to",
		";", ":", "whose", "where", "since", NULL };
	size_t j = end, k, head = 0;

	if (j >= s->n || !in_set(pp->low[j], copula))
		return 0;
	j++;
	/* ", is a", "( a" */
	if (j < s->n && in_set(pp->low[j], copula))
		j++;
	if (j >= s->n || !in_set(pp->low[j], det))
		return 0;
	for (k = j + 1; k < s->n && k <= j + HEAD_WINDOW; k++) {
		if (in_set(pp->low[k], stop))
			break;
		head = k;
	}
	return head == 0 ? 0 : ner_class(pp, (long)head);
}

int
ner_left_class(const struct ner_prep *pp, const struct ner_sentence *s,
    size_t start)
{
	long j = (long)start - 1;

	/* "the village of X", "the band X" */
	if (j >= 1 && (strcmp(pp->low[j], "of") == 0 ||
	    strcmp(pp->low[j], "the") == 0))
		j--;
	if (j >= 1 && strcmp(pp->low[j], "the") == 0)
		j--;
	return j < 0 ? 0 : ner_class(pp, j);
}

/* Feature hash of a neighbour: side ('P' before, 'N' after) and the
 * neighbour in ASCII lower case. The word is lowered a piece at a time
 * and each piece hashed in one call, not one call a byte: this runs on
 * both sides of every capitalised word of the article. */
static uint64_t
ctx_hash(char side, const char *w)
{
	unsigned char t[2] = { CTX_TEMPLATE, (unsigned char)side };
	uint64_t h = ner_hash(NER_FNV_OFFSET, t, 2);
	char low[64];
	size_t k;

	while (*w != '\0') {
		for (k = 0; k < sizeof low && w[k] != '\0'; k++)
			low[k] = w[k] >= 'A' && w[k] <= 'Z' ?
			    (char)(w[k] + 32) : w[k];
		h = ner_hash(h, low, k);
		w += k;
	}
	return h;
}

static void
ctx_add(struct ner_docctx *c, uint64_t h)
{
	size_t k;

	for (k = 0; k < c->n; k++)
		if (c->h[k] == h)
			return;
	if (c->n < NER_DOC_MAXCTX)
		c->h[c->n++] = h;
}

void
ner_doc_init(struct ner_doc *d, const struct ner_sentence *s, size_t ns)
{
	size_t x, i, v;
	const char *nb;

	memset(d, 0, sizeof *d);
	for (x = 0; x < ns; x++)
		for (i = 0; i < s[x].n; i++) {
			/* digits excluded: "1998" has no contexts worth
			 * carrying */
			if (!ner_name_like(s[x].words[i]))
				continue;
			v = extract_strmap_add(&d->words, s[x].words[i], d->n);
			if (v == d->n) {
				if (d->n == d->cap) {
					d->cap = d->cap ? 2 * d->cap : 64;
					d->ctx = xreallocarray(d->ctx, d->cap,
					    sizeof *d->ctx);
				}
				d->ctx[d->n++].n = 0;
			}
			/* a capitalised neighbour is part of the name */
			nb = i > 0 ? s[x].words[i - 1] : "<s>";
			if (!ner_name_like(nb))
				ctx_add(&d->ctx[v], ctx_hash('P', nb));
			nb = i + 1 < s[x].n ? s[x].words[i + 1] : "</s>";
			if (!ner_name_like(nb))
				ctx_add(&d->ctx[v], ctx_hash('N', nb));
		}
}

void
ner_doc_release(struct ner_doc *d)
{
	extract_strmap_release(&d->words);
	free(d->ctx);
	memset(d, 0, sizeof *d);
}

const struct ner_docctx *
ner_doc_find(const struct ner_doc *d, const char *w)
{
	size_t v;

	if (d == NULL || d->n == 0)
		return NULL;
	v = extract_strmap_get(&d->words, w);
	return v == EXTRACT_STRMAP_NONE ? NULL : &d->ctx[v];
}
