/*
 * Document-level name tagging. The sentence tagger sees one sentence at
 * a time (with the document's contexts of each word, nerctx.c), but an
 * article names the same people and places again and again, often where
 * the sentence alone says little: at the start of a sentence, in a
 * headline in capitals. So after tagging every sentence:
 *
 * 1. A lone word that is the surname of a person named in full elsewhere
 *    in the article is that person, whatever its sentence suggested
 *    ("General Manuel Belgrano ... Belgrano's army").
 * 2. A name left untagged in more of its capitalised occurrences than it
 *    was tagged in is not a name of this article: its few tags are
 *    removed rather than spread ("Milepost 7.5 :" twenty times, once
 *    tagged).
 * 3. Capitalised untagged occurrences of a name tagged elsewhere (or of
 *    the surname of a person named in full) are tagged too, with the kind
 *    most of the name's occurrences were given. (Relabelling the tagged
 *    occurrences to that kind as well was measured to lose on eng.testa.)
 *
 * Keys are the exact token sequences joined by one space.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "extract/extract_int.h"
#include "extract/ner.h"
#include "extract/strmap.h"
#include "util/buf.h"
#include "util/xalloc.h"

#define DOC_MAXTOK	4	/* longest name propagated */
#define NKINDS		4	/* PER ORG LOC MISC */
#define KIND_PER	0

struct docname {
	size_t	 count[NKINDS];
	size_t	 untagged;	/* capitalised occurrences left O */
	int	 dropped;	/* not a name here: neither kept nor spread */
};

/* The names of one document and what they were tagged. */
struct docnames {
	struct extract_strmap	 map;	/* key -> index into v */
	/* The first word of every key: most capitalised words start no
	 * name, and asking this once saves building and looking up the
	 * keys of the one to DOC_MAXTOK words that start with them. */
	struct extract_strmap	 first;
	struct docname		*v;
	size_t			 n, cap;
	struct buf		 key;
};

static int
label_kind(int l)
{
	return l == NER_O ? -1 : (l - 1) / 2;
}

static const char *
key_of(struct docnames *d, const struct ner_sentence *s, size_t i, size_t j)
{
	size_t k;

	buf_reset(&d->key);
	for (k = i; k < j; k++) {
		if (k > i)
			buf_addc(&d->key, ' ');
		buf_adds(&d->key, s->words[k]);
	}
	return buf_str(&d->key);
}

static int
majority(const struct docname *d)
{
	int k, best = 0;

	for (k = 1; k < NKINDS; k++)
		if (d->count[k] > d->count[best])
			best = k;
	return best;
}

static size_t
tagged(const struct docname *d)
{
	return d->count[0] + d->count[1] + d->count[2] + d->count[3];
}

/* Span end of the mention starting at i. */
static size_t
span_end(const int *lab, size_t n, size_t i)
{
	int kind = label_kind(lab[i]);
	size_t j;

	for (j = i + 1; j < n && lab[j] == 2 + 2 * kind; j++)
		;
	return j;
}

/* The entry for key (whose first word is first), added empty when new;
 * the array doubles, so n names cost O(n). */
static size_t
name_entry(struct docnames *d, const char *key, const char *first)
{
	size_t v = extract_strmap_add(&d->map, key, d->n);

	if (v != d->n)
		return v;
	extract_strmap_put(&d->first, first, 1);
	if (d->n == d->cap) {
		d->cap = d->cap ? d->cap * 2 : 64;
		d->v = xreallocarray(d->v, d->cap, sizeof *d->v);
	}
	memset(&d->v[d->n], 0, sizeof d->v[d->n]);
	return d->n++;
}

/* Whether some name of the document starts with word w. */
static int
starts_name(const struct docnames *d, const char *w)
{
	return extract_strmap_get(&d->first, w) != EXTRACT_STRMAP_NONE;
}

static void
set_span(int *lab, size_t i, size_t j, int kind)
{
	size_t k;

	lab[i] = 1 + 2 * kind;
	for (k = i + 1; k < j; k++)
		lab[k] = 2 + 2 * kind;
}

/* 1: lone words that are the surname of a person named in full. */
static void
person_surnames(const struct ner_sentence *s, size_t ns, int **lab)
{
	struct extract_strmap sur = { 0 };
	size_t x, i, j;

	for (x = 0; x < ns; x++)
		for (i = 0; i < s[x].n; i = j) {
			j = i + 1;
			if (label_kind(lab[x][i]) != KIND_PER)
				continue;
			j = span_end(lab[x], s[x].n, i);
			if (j - i >= 2 && strlen(s[x].words[j - 1]) >= 3)
				extract_strmap_put(&sur, s[x].words[j - 1], 1);
		}
	for (x = 0; x < ns; x++)
		for (i = 0; i < s[x].n; i = j) {
			j = i + 1;
			if (lab[x][i] == NER_O)
				continue;
			j = span_end(lab[x], s[x].n, i);
			if (j - i == 1 && label_kind(lab[x][i]) != KIND_PER &&
			    extract_strmap_get(&sur, s[x].words[i]) !=
			    EXTRACT_STRMAP_NONE)
				lab[x][i] = NER_B_PER;
		}
	extract_strmap_release(&sur);
}

/* The kinds each name was given, and how often it was left untagged. */
static void
count_names(struct docnames *d, const struct ner_sentence *s, size_t ns,
    int **lab)
{
	size_t x, i, j, k, v;

	for (x = 0; x < ns; x++)
		for (i = 0; i < s[x].n; i = j) {
			j = i + 1;
			if (lab[x][i] == NER_O)
				continue;
			j = span_end(lab[x], s[x].n, i);
			v = name_entry(d, key_of(d, &s[x], i, j),
			    s[x].words[i]);
			d->v[v].count[label_kind(lab[x][i])]++;
		}
	for (x = 0; x < ns; x++)
		for (i = 0; i < s[x].n; i++) {
			if (lab[x][i] != NER_O || !ner_name_like(s[x].words[i]) ||
			    !starts_name(d, s[x].words[i]))
				continue;
			for (k = 1; k <= DOC_MAXTOK && i + k <= s[x].n; k++) {
				if (lab[x][i + k - 1] != NER_O)
					break;
				v = extract_strmap_get(&d->map,
				    key_of(d, &s[x], i, i + k));
				if (v != EXTRACT_STRMAP_NONE)
					d->v[v].untagged++;
			}
		}
}

/* 2: names mostly left untagged lose their tags. */
static void
drop_minority(struct docnames *d, const struct ner_sentence *s, size_t ns,
    int **lab)
{
	size_t x, i, j, k, v;

	for (v = 0; v < d->n; v++)
		d->v[v].dropped = d->v[v].untagged > tagged(&d->v[v]);
	for (x = 0; x < ns; x++)
		for (i = 0; i < s[x].n; i = j) {
			j = i + 1;
			if (lab[x][i] == NER_O)
				continue;
			j = span_end(lab[x], s[x].n, i);
			v = extract_strmap_get(&d->map, key_of(d, &s[x], i, j));
			if (v != EXTRACT_STRMAP_NONE && d->v[v].dropped)
				for (k = i; k < j; k++)
					lab[x][k] = NER_O;
		}
}

/* Surnames of people named in full become names of their own. */
static void
add_surnames(struct docnames *d, const struct ner_sentence *s, size_t ns,
    int **lab)
{
	size_t x, i, j, v;
	const char *last;

	for (x = 0; x < ns; x++)
		for (i = 0; i < s[x].n; i = j) {
			j = i + 1;
			if (label_kind(lab[x][i]) != KIND_PER)
				continue;
			j = span_end(lab[x], s[x].n, i);
			last = s[x].words[j - 1];
			if (j - i < 2 || strlen(last) < 3 ||
			    extract_strmap_get(&d->map, last) !=
			    EXTRACT_STRMAP_NONE)
				continue;
			v = name_entry(d, last, last);
			d->v[v].count[KIND_PER] = 1;
		}
}

/* 3: the longest known name at each capitalised untagged word. */
static void
propagate(struct docnames *d, const struct ner_sentence *s, int *l)
{
	size_t i, j, k, v, found, foundlen;

	for (i = 0; i < s->n; i = j) {
		j = i + 1;
		if (l[i] != NER_O) {
			j = span_end(l, s->n, i);
			continue;
		}
		if (!ner_name_like(s->words[i]) || !starts_name(d, s->words[i]))
			continue;
		found = EXTRACT_STRMAP_NONE;
		foundlen = 0;
		for (k = 1; k <= DOC_MAXTOK && i + k <= s->n; k++) {
			if (l[i + k - 1] != NER_O)
				break;
			v = extract_strmap_get(&d->map, key_of(d, s, i, i + k));
			if (v != EXTRACT_STRMAP_NONE && !d->v[v].dropped) {
				found = v;
				foundlen = k;
			}
		}
		if (found == EXTRACT_STRMAP_NONE)
			continue;
		set_span(l, i, i + foundlen, majority(&d->v[found]));
		j = i + foundlen;
	}
}

void
extract_ner_consistent(const struct ner_sentence *s, size_t ns, int **lab)
{
	struct docnames d;
	size_t x;

	memset(&d, 0, sizeof d);
	buf_init(&d.key);
	person_surnames(s, ns, lab);
	count_names(&d, s, ns, lab);
	drop_minority(&d, s, ns, lab);
	add_surnames(&d, s, ns, lab);
	for (x = 0; x < ns; x++)
		propagate(&d, &s[x], lab[x]);
	free(d.v);
	buf_release(&d.key);
	extract_strmap_release(&d.map);
	extract_strmap_release(&d.first);
}

void
extract_ner_doc(const struct extract_model *m, const struct ner_sentence *s,
    size_t ns, int **lab)
{
	struct ner_tagger t;
	struct ner_doc doc;
	size_t x;

	if (m == NULL) {
		for (x = 0; x < ns; x++)
			extract_ner_tag(m, NULL, &s[x], lab[x]);
		return;
	}
	memset(&t, 0, sizeof t);
	ner_doc_init(&doc, s, ns);
	for (x = 0; x < ns; x++)
		ner_tag_sentence(&t, m, &doc, &s[x], lab[x]);
	ner_doc_release(&doc);
	ner_tagger_release(&t);
	extract_ner_consistent(s, ns, lab);
}
