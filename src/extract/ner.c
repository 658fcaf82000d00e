/*
 * Named-entity tagging: features and decoding, shared by the runtime and
 * by lede-train. The tagger is a first-order linear-chain model trained as
 * an averaged perceptron (train.c) over hashed features: word, lower-case
 * word and its neighbours, prefixes and suffixes, word shape, position,
 * whether the sentence is an all-capitals headline, gazetteer matches
 * (country, region and city names from Debian's iso-codes and tzdata,
 * and words mostly written in lower case, baked into the model file), the
 * run of capitalised words the word stands in (its first and last word:
 * "Aabenraa County"), and the context nerctx.c finds beyond the window:
 * WordNet classes of the words around the name, of the noun a definition
 * gives it, and the words around the same name elsewhere in the document.
 * Labels are BIO over PER, ORG, LOC and MISC; MISC is learnt so that it
 * does not pollute the other three, and dropped on output.
 *
 * Features are hashed (FNV-1a) into 2^NER_BITS buckets; the model keeps a
 * weight row per non-empty bucket. Viterbi decoding is O(n * L^2) per
 * sentence with L = 9 labels, and only well-formed sequences are
 * considered: I-X follows B-X or I-X.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "extract/extract_int.h"
#include "extract/ner.h"
#include "util/utf8.h"
#include "util/xalloc.h"

#define FNV_OFFSET	0xcbf29ce484222325ULL
#define FNV_PRIME	0x100000001b3ULL
#define SHAPE_MAX	16	/* bytes for a shape, NUL included */

uint64_t
ner_hash(uint64_t h, const void *p, size_t n)
{
	const unsigned char *s = p;
	size_t i;

	for (i = 0; i < n; i++) {
		h ^= s[i];
		h *= FNV_PRIME;
	}
	return h;
}

static uint64_t
hstr(uint64_t h, const char *s)
{
	return ner_hash(h, s, strlen(s));
}

static uint64_t
htemplate(unsigned t)
{
	unsigned char b = (unsigned char)t;

	return ner_hash(FNV_OFFSET, &b, 1);
}

static uint32_t
bucket(uint64_t h)
{
	h ^= h >> 29;
	h *= 0xbf58476d1ce4e5b9ULL;
	h ^= h >> 32;
	return (uint32_t)(h & (NER_BUCKETS - 1));
}

/*
 * Word shape: X for upper, x for lower, d for digit, other bytes kept;
 * the short form collapses runs ("Xx", "X.X.", "dd-dd").
 */
static void
shape(const char *w, char *out, size_t size, int collapse)
{
	size_t k = 0, n = 0;
	uint32_t cp;
	size_t len = strlen(w), p = 0, m;
	char c, last = 0;

	while (p < len && k + 1 < size && n < 12) {
		m = utf8_decode(w + p, len - p, &cp);
		if (cp >= 'A' && cp <= 'Z')
			c = 'X';
		else if (cp >= 'a' && cp <= 'z')
			c = 'x';
		else if (cp >= '0' && cp <= '9')
			c = 'd';
		else if (cp >= 0xC0 && cp <= 0xDE)
			c = 'X';
		else if (cp >= 0xDF && cp < 0x250)
			c = 'x';
		else if (cp >= 0x80)
			c = 'u';
		else
			c = (char)cp;
		p += m;
		n++;
		if (collapse && c == last)
			continue;
		out[k++] = c;
		last = c;
	}
	out[k] = '\0';
}

/* Letters present, and every ASCII letter a capital: "US", "NATO". */
static int
all_caps(const char *w)
{
	int letters = 0;

	for (; *w != '\0'; w++) {
		if (*w >= 'a' && *w <= 'z')
			return 0;
		letters |= *w >= 'A' && *w <= 'Z';
	}
	return letters;
}

uint64_t
ner_phrase_hash(const char *phrase)
{
	return hstr(FNV_OFFSET, phrase);
}

void
ner_prep_init(struct ner_prep *pp, const struct ner_gaz *gaz,
    const struct ner_gaz *lex, const struct ner_doc *doc,
    const struct ner_sentence *s)
{
	size_t i, j, len, best;
	uint64_t h;
	int kind, allcaps = 1, letters = 0;
	char *p;

	pp->n = s->n;
	/* one allocation for the strings: the tagger runs per sentence */
	for (i = 0, len = 0; i < s->n; i++)
		len += strlen(s->words[i]) + 1 + 2 * SHAPE_MAX;
	pp->arena = xmalloc(len + 1);
	pp->low = xcalloc(3 * (s->n + 1), sizeof *pp->low);
	pp->shape = pp->low + s->n + 1;
	pp->sshape = pp->shape + s->n + 1;
	pp->gaz = xcalloc(3 * (s->n + 1), sizeof *pp->gaz);
	pp->lowc = pp->gaz + s->n + 1;
	pp->cls = (signed char *)(pp->lowc + s->n + 1);
	memset(pp->cls, -1, s->n + 1);
	pp->run = xcalloc(1, sizeof *pp->run);
	pp->lex = lex;
	pp->doc = doc;
	for (i = 0, p = pp->arena; i < s->n; i++) {
		const char *w = s->words[i];
		size_t wl = strlen(w);

		pp->low[i] = p;
		for (j = 0; j <= wl; j++)
			p[j] = w[j] >= 'A' && w[j] <= 'Z' ? w[j] + 32 : w[j];
		p += wl + 1;
		pp->shape[i] = p;
		shape(w, p, SHAPE_MAX, 0);
		p += SHAPE_MAX;
		pp->sshape[i] = p;
		shape(w, p, SHAPE_MAX, 1);
		p += SHAPE_MAX;
		for (; *w; w++) {
			if (*w >= 'a' && *w <= 'z')
				allcaps = 0;
			if ((*w >= 'a' && *w <= 'z') || (*w >= 'A' && *w <= 'Z'))
				letters++;
		}
	}
	pp->headline = allcaps && letters > 3;
	for (i = 0; i < s->n; i++) {
		if (!ner_name_like(s->words[i]))
			continue;
		if (lex != NULL && lex->n > 0) {
			kind = ner_gaz_find(lex, ner_phrase_hash(pp->low[i]));
			/* "US" in a sentence is an abbreviation, not "us" */
			pp->lowc[i] = (kind & LEX_LOWER) != 0 &&
			    (pp->headline || !all_caps(s->words[i]));
			if ((kind & LEX_CLASS) != 0)
				pp->cls[i] = (signed char)(kind & LEX_CLASS);
		}
		if (gaz == NULL || gaz->n == 0)
			continue;
		/* the longest gazetteer phrase starting here */
		h = FNV_OFFSET;
		best = 0;
		kind = 0;
		for (j = i; j < s->n && j < i + NER_GAZ_MAXTOK; j++) {
			int k;

			if (j > i)
				h = ner_hash(h, " ", 1);
			h = hstr(h, pp->low[j]);
			if ((k = ner_gaz_find(gaz, h)) == 0)
				break;
			if ((k & GAZ_KINDS) != 0) {
				best = j + 1 - i;
				kind = k & GAZ_KINDS;
			}
			if (!(k & GAZ_PREFIX))
				break;
		}
		if (best == 0)
			continue;
		for (len = 0; len < best; len++)
			pp->gaz[i + len] = (unsigned char)((kind << 1) |
			    (len == 0 ? 0 : 1));
		i += best - 1;
	}
}

void
ner_prep_release(struct ner_prep *pp)
{
	free(pp->arena);
	free(pp->low);
	free(pp->gaz);
	free(pp->run);
	memset(pp, 0, sizeof *pp);
}

static const char *
lw(const struct ner_prep *pp, long i)
{
	if (i < 0)
		return "<s>";
	if ((size_t)i >= pp->n)
		return "</s>";
	return pp->low[i];
}

static const char *
sh(const struct ner_prep *pp, long i)
{
	if (i < 0)
		return "<s>";
	if ((size_t)i >= pp->n)
		return "</s>";
	return pp->sshape[i];
}

static unsigned
gz(const struct ner_prep *pp, long i)
{
	if (i < 0 || (size_t)i >= pp->n)
		return 255;
	return pp->gaz[i];
}

static size_t
add_class(uint32_t *f, size_t k, unsigned t, int c)
{
	unsigned char b = (unsigned char)c;

	if (c != 0)
		f[k++] = bucket(ner_hash(htemplate(t), &b, 1));
	return k;
}

/*
 * Features from beyond the five-word window: word classes around the
 * name, the run of capitalised words the word stands in, and the word's
 * contexts elsewhere in the document. Templates 40-50.
 */
static size_t
context_features(const struct ner_prep *pp, const struct ner_sentence *s,
    size_t i, uint32_t *f, size_t k)
{
	const struct ner_docctx *dc;
	struct ner_run *r = pp->run;
	size_t a = i, b = i + 1, q;
	char tmp[2];

	/* the words of one run share it and what surrounds it: found once,
	 * so a long run costs linear time */
	if (r->end != 0 && r->capitalised && r->start <= i && i < r->end &&
	    ner_capitalised(s->words[i])) {
		a = r->start;
		b = r->end;
	} else {
		while (a > 0 && ner_capitalised(s->words[a - 1]))
			a--;
		while (b < s->n && ner_capitalised(s->words[b]))
			b++;
		r->start = a;
		r->end = b;
		r->capitalised = ner_capitalised(s->words[i]);
		r->def = ner_def_class(pp, s, b);
		r->left = ner_left_class(pp, s, a);
	}
	k = add_class(f, k, 40, ner_class(pp, (long)i - 1));
	k = add_class(f, k, 41, ner_class(pp, (long)i + 1));
	k = add_class(f, k, 42, r->def);
	k = add_class(f, k, 43, r->left);
	if (b - a >= 2 && ner_capitalised(s->words[i])) {
		/* where in the run, and how long it is */
		tmp[0] = i == a ? 'B' : i + 1 == b ? 'E' : 'I';
		tmp[1] = (char)('0' + (b - a > 4 ? 4 : b - a));
		f[k++] = bucket(ner_hash(htemplate(46), tmp, 2));
		/* the run's last word names what it is: County, Railroad */
		if (i + 1 != b) {
			f[k++] = bucket(hstr(htemplate(47), pp->low[b - 1]));
			k = add_class(f, k, 48, ner_class(pp, (long)b - 1));
		}
		if (i != a)
			f[k++] = bucket(hstr(htemplate(49), pp->low[a]));
	}
	if ((dc = ner_doc_find(pp->doc, s->words[i])) != NULL)
		for (q = 0; q < dc->n && k < NER_MAXFEAT; q++)
			f[k++] = bucket(dc->h[q]);
	return k;
}

size_t
ner_features(const struct ner_prep *pp, const struct ner_sentence *s,
    size_t i, uint32_t *f)
{
	const char *w = s->words[i], *lo = pp->low[i];
	size_t k = 0, n = strlen(lo), a;
	long x = (long)i;
	uint64_t h;
	unsigned char g;
	char tmp[8];

	f[k++] = bucket(htemplate(1));
	f[k++] = bucket(hstr(htemplate(2), w));
	f[k++] = bucket(hstr(htemplate(3), lo));
	f[k++] = bucket(hstr(htemplate(4), lw(pp, x - 1)));
	f[k++] = bucket(hstr(htemplate(5), lw(pp, x + 1)));
	f[k++] = bucket(hstr(htemplate(6), lw(pp, x - 2)));
	f[k++] = bucket(hstr(htemplate(7), lw(pp, x + 2)));
	h = hstr(htemplate(8), lw(pp, x - 1));
	f[k++] = bucket(hstr(ner_hash(h, "|", 1), lo));
	h = hstr(htemplate(9), lo);
	f[k++] = bucket(hstr(ner_hash(h, "|", 1), lw(pp, x + 1)));
	for (a = 1; a <= 4 && a <= n; a++) {
		f[k++] = bucket(ner_hash(htemplate(10 + a), lo, a));
		f[k++] = bucket(ner_hash(htemplate(15 + a), lo + n - a, a));
	}
	f[k++] = bucket(hstr(htemplate(20), pp->shape[i]));
	f[k++] = bucket(hstr(htemplate(21), sh(pp, x - 1)));
	f[k++] = bucket(hstr(htemplate(22), sh(pp, x + 1)));
	h = hstr(htemplate(23), sh(pp, x - 1));
	h = hstr(ner_hash(h, "|", 1), pp->sshape[i]);
	f[k++] = bucket(hstr(ner_hash(h, "|", 1), sh(pp, x + 1)));
	tmp[0] = i == 0 ? 'F' : 'M';
	tmp[1] = pp->headline ? 'H' : 'N';
	tmp[2] = '\0';
	f[k++] = bucket(hstr(hstr(htemplate(24), tmp), pp->sshape[i]));
	f[k++] = bucket(hstr(hstr(htemplate(25), tmp), lo));
	g = (unsigned char)gz(pp, x);
	f[k++] = bucket(ner_hash(htemplate(26), &g, 1));
	g = (unsigned char)gz(pp, x - 1);
	f[k++] = bucket(ner_hash(htemplate(27), &g, 1));
	g = (unsigned char)gz(pp, x + 1);
	f[k++] = bucket(ner_hash(htemplate(28), &g, 1));
	f[k++] = bucket(hstr(htemplate(29), x > 0 ? s->words[i - 1] : "<s>"));
	f[k++] = bucket(hstr(htemplate(30), (size_t)x + 1 < s->n ?
	    s->words[i + 1] : "</s>"));
	h = hstr(htemplate(31), lw(pp, x - 1));
	f[k++] = bucket(hstr(ner_hash(h, "|", 1), pp->sshape[i]));
	h = hstr(htemplate(32), pp->sshape[i]);
	f[k++] = bucket(hstr(ner_hash(h, "|", 1), lw(pp, x + 1)));
	h = hstr(htemplate(33), lw(pp, x - 2));
	f[k++] = bucket(hstr(ner_hash(h, "|", 1), lw(pp, x - 1)));
	/* a capitalised common word, where it stands and how it is written:
	 * "Milepost" is the word milepost, "US" seldom the word us */
	if (pp->lowc[i]) {
		tmp[0] = i == 0 ? 'F' : 'M';
		h = ner_hash(htemplate(34), tmp, 1);
		f[k++] = bucket(hstr(h, pp->sshape[i]));
	}
	tmp[0] = (char)gz(pp, x - 1);
	tmp[1] = (char)gz(pp, x);
	f[k++] = bucket(ner_hash(htemplate(35), tmp, 2));
	k = context_features(pp, s, i, f, k);
	return k;
}

/* I-PER, I-ORG, I-LOC, I-MISC: the even labels after O. */
static int
is_inside(int l)
{
	return l != NER_O && l % 2 == 0;
}

#define VITERBI_STACK	32	/* tokens decoded without allocating */

void
ner_viterbi_span(const float *emit, size_t n, const float *trans, int from,
    int to, int *out)
{
	float stack_score[VITERBI_STACK * NER_NLABELS], *score, best, v;
	int stack_back[VITERBI_STACK * NER_NLABELS], *back, l, p, bl;
	size_t i;

	if (n == 0)
		return;
	score = stack_score;
	back = stack_back;
	if (n > VITERBI_STACK) {
		score = xcalloc(n * NER_NLABELS, sizeof *score);
		back = xcalloc(n * NER_NLABELS, sizeof *back);
	}
	for (l = 0; l < NER_NLABELS; l++)
		score[l] = is_inside(l) && l != from && l - 1 != from ?
		    -1e30f : emit[l] + trans[from * NER_NLABELS + l];
	for (i = 1; i < n; i++)
		for (l = 0; l < NER_NLABELS; l++) {
			best = -1e30f;
			bl = 0;
			for (p = 0; p < NER_NLABELS; p++) {
				/* I-X only continues B-X or I-X */
				if (is_inside(l) && p != l && p != l - 1)
					continue;
				v = score[(i - 1) * NER_NLABELS + p] +
				    trans[p * NER_NLABELS + l];
				if (v > best) {
					best = v;
					bl = p;
				}
			}
			score[i * NER_NLABELS + l] = best +
			    emit[i * NER_NLABELS + l];
			back[i * NER_NLABELS + l] = bl;
		}
	best = -1e30f;
	bl = 0;
	for (l = 0; l < NER_NLABELS; l++) {
		v = score[(n - 1) * NER_NLABELS + l];
		if (to >= 0) {
			if (is_inside(to) && to != l && to - 1 != l)
				continue;
			v += trans[l * NER_NLABELS + to];
		}
		if (v > best) {
			best = v;
			bl = l;
		}
	}
	for (i = n; i-- > 0;) {
		out[i] = bl;
		if (i > 0)
			bl = back[i * NER_NLABELS + bl];
	}
	if (n > VITERBI_STACK) {
		free(score);
		free(back);
	}
}

void
ner_viterbi(const float *emit, size_t n, const float *trans, int *out)
{
	ner_viterbi_span(emit, n, trans, NER_NLABELS, -1, out);
}

/*
 * Names are made of capitalised words and of the short words between
 * two of them ("Bank of England", "Abu Bakr al-Baghdadi"). Other tokens
 * are O without being scored: on prose that skips most of the work.
 */
static void
active_mask(const struct ner_sentence *s, unsigned char *act)
{
	size_t i;

	for (i = 0; i < s->n; i++)
		act[i] = (unsigned char)ner_capitalised(s->words[i]);
	for (i = 1; i + 1 < s->n; i++)
		if (!act[i] && act[i - 1] && (act[i + 1] ||
		    (i + 2 < s->n && ner_capitalised(s->words[i + 2]))))
			act[i] = 2;
}

/*
 * The weight rows (NER_BUCKETS x NER_NLABELS, 4.7 MB) are read at random,
 * one per feature: summing them waited on memory more than anything else
 * in extraction. So the features of every active token are found first,
 * asking for each row as its bucket is known, and summed afterwards, when
 * the rows have had time to arrive.
 */
static void
prefetch_row(const struct extract_model *m, uint32_t b)
{
	const int16_t *row = ner_model_row(m, b);

	__builtin_prefetch(row);
	__builtin_prefetch(row + NER_NLABELS - 1);
}

void
extract_ner_tag(const struct extract_model *m, const struct ner_doc *doc,
    const struct ner_sentence *s, int *labels)
{
	struct ner_prep pp;
	uint32_t *f, *fi;
	unsigned char *nfeat;
	int32_t acc[NER_NLABELS];	/* NER_MAXFEAT * 32767 fits */
	float *emit;
	unsigned char *act;
	size_t i, j, k, nf;
	int l, any = 0;

	if (s->n == 0)
		return;
	for (i = 0; i < s->n; i++)
		labels[i] = NER_O;
	if (m == NULL)
		return;
	act = xmalloc(s->n);
	active_mask(s, act);
	for (i = 0; i < s->n; i++)
		any |= act[i] != 0;
	if (!any) {
		free(act);
		return;
	}
	ner_prep_init(&pp, &m->gaz, &m->lex, doc, s);
	emit = xcalloc(s->n * NER_NLABELS, sizeof *emit);
	f = xreallocarray(NULL, s->n, NER_MAXFEAT * sizeof *f);
	nfeat = xmalloc(s->n);
	/* in token order: ner_features() keeps state from one to the next */
	for (i = 0; i < s->n; i++) {
		if (!act[i])
			continue;
		fi = f + i * NER_MAXFEAT;
		nfeat[i] = (unsigned char)(nf = ner_features(&pp, s, i, fi));
		for (k = 0; k < nf; k++)
			prefetch_row(m, fi[k]);
	}
	for (i = 0; i < s->n; i++) {
		if (!act[i])
			continue;
		fi = f + i * NER_MAXFEAT;
		memset(acc, 0, sizeof acc);
		for (k = 0; k < nfeat[i]; k++) {
			const int16_t *row = ner_model_row(m, fi[k]);

			for (l = 0; l < NER_NLABELS; l++)
				acc[l] += row[l];
		}
		for (l = 0; l < NER_NLABELS; l++)
			emit[i * NER_NLABELS + l] = (float)acc[l] * m->scale;
	}
	free(nfeat);
	free(f);
	/* Inactive tokens are O, so each run of active ones is decoded on
	 * its own, entered from O (or the start) and left into O. */
	for (i = 0; i < s->n; i = j) {
		for (j = i; j < s->n && act[j]; j++)
			;
		if (j > i)
			ner_viterbi_span(emit + i * NER_NLABELS, j - i, m->trans,
			    i == 0 ? NER_NLABELS : NER_O, j < s->n ? NER_O : -1,
			    labels + i);
		if (j == i)
			j++;
	}
	free(emit);
	free(act);
	ner_prep_release(&pp);
}
