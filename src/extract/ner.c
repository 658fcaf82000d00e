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
htemplate(unsigned t)
{
	unsigned char b = (unsigned char)t;

	return ner_hash(NER_FNV_OFFSET, &b, 1);
}

static uint32_t
bucket(uint64_t h)
{
	h ^= h >> 29;
	h *= 0xbf58476d1ce4e5b9ULL;
	h ^= h >> 32;
	return (uint32_t)(h & (NER_BUCKETS - 1));
}

/* Shape letter of a code point: X upper, x lower, d digit, u another
 * letter or symbol beyond ASCII, other ASCII bytes themselves. */
static char
shape_char(uint32_t cp)
{
	/* small letters first: the commonest */
	if (cp >= 'a' && cp <= 'z')
		return 'x';
	if (cp >= 'A' && cp <= 'Z')
		return 'X';
	if (cp >= '0' && cp <= '9')
		return 'd';
	if (cp >= 0xC0 && cp <= 0xDE)
		return 'X';
	if (cp >= 0xDF && cp < 0x250)
		return 'x';
	if (cp >= 0x80)
		return 'u';
	return (char)cp;
}

/*
 * Word shapes of token i: the full shape of its first 12 characters
 * ("Xxxxx", "dd-dd") and the short one, which collapses runs ("Xx",
 * "X.X.", "d-d"), into pp->shapes, with their lengths in pp->shn[i] and
 * pp->sshn[i].
 */
static void
shapes_fill(const struct ner_prep *pp, size_t i)
{
	char *full = pp->shapes + i * 2 * SHAPE_MAX, *brief = full + SHAPE_MAX;
	const char *w = pp->words[i];
	size_t len = pp->len[i], p = 0, k = 0, kb = 0, n;
	uint32_t cp;
	char c;

	for (n = 0; p < len && n < 12; n++) {
		if ((unsigned char)w[p] < 0x80)
			cp = (unsigned char)w[p++];
		else
			p += utf8_decode(w + p, len - p, &cp);
		c = shape_char(cp);
		full[k++] = c;
		if (kb == 0 || brief[kb - 1] != c)
			brief[kb++] = c;
	}
	full[k] = brief[kb] = '\0';
	pp->shn[i] = (unsigned char)k;
	pp->sshn[i] = (unsigned char)kb;
}

/*
 * The shapes of token i, worked out the first time they are asked for
 * (a word has at least one character, so pp->shn[i] is 0 until then).
 * Returns the full shape; the short one is SHAPE_MAX bytes further on.
 * Inline: ner_features() asks five times a word, mostly for shapes
 * already known.
 */
static inline const char *
shapes(const struct ner_prep *pp, size_t i)
{
	if (pp->shn[i] == 0)
		shapes_fill(pp, i);
	return pp->shapes + i * 2 * SHAPE_MAX;
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
	return ner_hash(NER_FNV_OFFSET, phrase, strlen(phrase));
}

/* Room for n tokens and bytes of lower-case strings; contents are not
 * kept. */
static void
prep_reserve(struct ner_prep *pp, size_t n, size_t bytes)
{
	if (n + 1 > pp->cap) {
		pp->cap = (n + 1) * 2;
		free(pp->len);
		free(pp->low);
		free(pp->hash);
		free(pp->shapes);
		free(pp->gaz);
		pp->len = xcalloc(pp->cap, sizeof *pp->len);
		pp->low = xcalloc(pp->cap, sizeof *pp->low);
		pp->hash = xcalloc(pp->cap, sizeof *pp->hash);
		pp->shapes = xcalloc(pp->cap, 2 * SHAPE_MAX);
		/* gaz, lowc, cls, shn, sshn and caps: a byte each per
		 * token */
		pp->gaz = xcalloc(pp->cap, 6);
	}
	pp->lowc = pp->gaz + pp->cap;
	pp->cls = (signed char *)(pp->lowc + pp->cap);
	pp->shn = (unsigned char *)pp->cls + pp->cap;
	pp->sshn = pp->shn + pp->cap;
	pp->caps = pp->sshn + pp->cap;
	if (bytes > pp->arenacap) {
		pp->arenacap = bytes * 2;
		free(pp->arena);
		pp->arena = xmalloc(pp->arenacap);
	}
	if (pp->run == NULL)
		pp->run = xcalloc(1, sizeof *pp->run);
}

/* The longest gazetteer phrase starting at token i: its length in
 * tokens (0 for none) and its kinds in *kind. */
static size_t
gaz_match(const struct ner_gaz *gaz, const struct ner_prep *pp, size_t i,
    int *kind)
{
	uint64_t h = pp->hash[i];
	size_t j, best = 0;
	int k;

	*kind = 0;
	for (j = i; j < pp->n && j < i + NER_GAZ_MAXTOK; j++) {
		if (j > i) {
			h = ner_hash(h, " ", 1);
			h = ner_hash(h, pp->low[j], pp->len[j]);
		}
		if ((k = ner_gaz_find(gaz, h)) == 0)
			break;
		if ((k & GAZ_KINDS) != 0) {
			best = j + 1 - i;
			*kind = k & GAZ_KINDS;
		}
		if (!(k & GAZ_PREFIX))
			break;
	}
	return best;
}

/* ner_prep_init() into a prep whose buffers may be reused. */
static void
prep_fill(struct ner_prep *pp, const struct ner_gaz *gaz,
    const struct ner_gaz *lex, const struct ner_doc *doc,
    const struct ner_sentence *s)
{
	size_t i, j, wl, len, best;
	int kind, allcaps = 1, letters = 0;
	char *p;

	for (i = 0, len = 0; i < s->n; i++)
		len += strlen(s->words[i]) + 1;
	prep_reserve(pp, s->n, len + 1);
	pp->n = s->n;
	pp->words = s->words;
	memset(pp->gaz, 0, s->n + 1);
	memset(pp->lowc, 0, s->n + 1);
	memset(pp->cls, -1, s->n + 1);
	memset(pp->shn, 0, s->n + 1);
	memset(pp->caps, 0, s->n + 1);
	memset(pp->run, 0, sizeof *pp->run);
	pp->lex = lex;
	pp->doc = doc;
	for (i = 0, p = pp->arena; i < s->n; i++) {
		const char *w = s->words[i];
		uint64_t h = NER_FNV_OFFSET;
		char c;

		pp->low[i] = p;
		for (j = 0; (c = w[j]) != '\0'; j++) {
			if (c >= 'a' && c <= 'z') {
				allcaps = 0;
				letters++;
			} else if (c >= 'A' && c <= 'Z') {
				letters++;
				c += 32;
			}
			p[j] = c;
			h = (h ^ (unsigned char)c) * FNV_PRIME;
		}
		p[j] = '\0';
		pp->len[i] = wl = j;
		pp->hash[i] = h;
		p += wl + 1;
		pp->caps[i] = ner_name_like(w) ? PREP_NAME | PREP_CAPS :
		    w[0] >= '0' && w[0] <= '9' ? PREP_CAPS : 0;
	}
	pp->headline = allcaps && letters > 3;
	/* The lexicon is megabytes and read at random: ask for the entries
	 * of the words it will be asked about (names and their neighbours)
	 * all at once, so that their cache misses overlap. */
	if (lex != NULL && lex->n > 0)
		for (i = 0; i < s->n; i++)
			if ((pp->caps[i] | (i > 0 ? pp->caps[i - 1] : 0) |
			    pp->caps[i + 1]) & PREP_CAPS)
				ner_gaz_prefetch(lex, pp->hash[i]);
	for (i = 0; i < s->n; i++) {
		if (!(pp->caps[i] & PREP_NAME))
			continue;
		if (lex != NULL && lex->n > 0) {
			kind = ner_gaz_find(lex, pp->hash[i]);
			/* "US" in a sentence is an abbreviation, not "us" */
			pp->lowc[i] = (kind & LEX_LOWER) != 0 &&
			    (pp->headline || !all_caps(s->words[i]));
			if ((kind & LEX_CLASS) != 0)
				pp->cls[i] = (signed char)(kind & LEX_CLASS);
		}
		if (gaz == NULL || gaz->n == 0)
			continue;
		if ((best = gaz_match(gaz, pp, i, &kind)) == 0)
			continue;
		for (len = 0; len < best; len++)
			pp->gaz[i + len] = (unsigned char)((kind << 1) |
			    (len == 0 ? 0 : 1));
		i += best - 1;
	}
}

void
ner_prep_init(struct ner_prep *pp, const struct ner_gaz *gaz,
    const struct ner_gaz *lex, const struct ner_doc *doc,
    const struct ner_sentence *s)
{
	memset(pp, 0, sizeof *pp);
	prep_fill(pp, gaz, lex, doc, s);
}

void
ner_prep_release(struct ner_prep *pp)
{
	free(pp->len);
	free(pp->low);
	free(pp->hash);
	free(pp->shapes);
	free(pp->gaz);
	free(pp->arena);
	free(pp->run);
	memset(pp, 0, sizeof *pp);
}

/* Hash the lower-case word i into h, or the sentence's edges. Inline,
 * as hsh() below: ner_features() calls them a dozen times a word. */
static inline uint64_t
hlw(uint64_t h, const struct ner_prep *pp, long i)
{
	if (i < 0)
		return ner_hash(h, "<s>", 3);
	if ((size_t)i >= pp->n)
		return ner_hash(h, "</s>", 4);
	return ner_hash(h, pp->low[i], pp->len[i]);
}

/* Hash the short shape of word i into h, or the sentence's edges. */
static inline uint64_t
hsh(uint64_t h, const struct ner_prep *pp, long i)
{
	const char *brief;

	if (i < 0)
		return ner_hash(h, "<s>", 3);
	if ((size_t)i >= pp->n)
		return ner_hash(h, "</s>", 4);
	brief = shapes(pp, (size_t)i) + SHAPE_MAX;
	return ner_hash(h, brief, pp->sshn[i]);
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
	    (pp->caps[i] & PREP_CAPS)) {
		a = r->start;
		b = r->end;
	} else {
		while (a > 0 && (pp->caps[a - 1] & PREP_CAPS))
			a--;
		while (b < s->n && (pp->caps[b] & PREP_CAPS))
			b++;
		r->start = a;
		r->end = b;
		r->capitalised = (pp->caps[i] & PREP_CAPS) != 0;
		r->def = ner_def_class(pp, s, b);
		r->left = ner_left_class(pp, s, a);
	}
	k = add_class(f, k, 40, ner_class(pp, (long)i - 1));
	k = add_class(f, k, 41, ner_class(pp, (long)i + 1));
	k = add_class(f, k, 42, r->def);
	k = add_class(f, k, 43, r->left);
	if (b - a >= 2 && (pp->caps[i] & PREP_CAPS)) {
		/* where in the run, and how long it is */
		tmp[0] = i == a ? 'B' : i + 1 == b ? 'E' : 'I';
		tmp[1] = (char)('0' + (b - a > 4 ? 4 : b - a));
		f[k++] = bucket(ner_hash(htemplate(46), tmp, 2));
		/* the run's last word names what it is: County, Railroad */
		if (i + 1 != b) {
			f[k++] = bucket(hlw(htemplate(47), pp, (long)b - 1));
			k = add_class(f, k, 48, ner_class(pp, (long)b - 1));
		}
		if (i != a)
			f[k++] = bucket(hlw(htemplate(49), pp, (long)a));
	}
	if ((dc = ner_doc_find(pp->doc, s->words[i])) != NULL)
		for (q = 0; q < dc->n && k < NER_MAXFEAT; q++)
			f[k++] = bucket(dc->h[q]);
	return k;
}

/*
 * Strings are hashed with their lengths, known from the prep, and the
 * shapes of a word are worked out once: this runs for every word near
 * a capital, some forty hashes each.
 */
size_t
ner_features(const struct ner_prep *pp, const struct ner_sentence *s,
    size_t i, uint32_t *f)
{
	const char *lo = pp->low[i], *shape = shapes(pp, i);
	const char *sshape = shape + SHAPE_MAX;
	size_t k = 0, n = pp->len[i], ns = pp->sshn[i], a;
	long x = (long)i;
	uint64_t h;
	unsigned char g;
	char tmp[8];

	f[k++] = bucket(htemplate(1));
	f[k++] = bucket(ner_hash(htemplate(2), s->words[i], n));
	f[k++] = bucket(ner_hash(htemplate(3), lo, n));
	f[k++] = bucket(hlw(htemplate(4), pp, x - 1));
	f[k++] = bucket(hlw(htemplate(5), pp, x + 1));
	f[k++] = bucket(hlw(htemplate(6), pp, x - 2));
	f[k++] = bucket(hlw(htemplate(7), pp, x + 2));
	h = hlw(htemplate(8), pp, x - 1);
	f[k++] = bucket(ner_hash(ner_hash(h, "|", 1), lo, n));
	h = ner_hash(htemplate(9), lo, n);
	f[k++] = bucket(hlw(ner_hash(h, "|", 1), pp, x + 1));
	for (a = 1; a <= 4 && a <= n; a++) {
		f[k++] = bucket(ner_hash(htemplate(10 + a), lo, a));
		f[k++] = bucket(ner_hash(htemplate(15 + a), lo + n - a, a));
	}
	f[k++] = bucket(ner_hash(htemplate(20), shape, pp->shn[i]));
	f[k++] = bucket(hsh(htemplate(21), pp, x - 1));
	f[k++] = bucket(hsh(htemplate(22), pp, x + 1));
	h = hsh(htemplate(23), pp, x - 1);
	h = ner_hash(ner_hash(h, "|", 1), sshape, ns);
	f[k++] = bucket(hsh(ner_hash(h, "|", 1), pp, x + 1));
	tmp[0] = i == 0 ? 'F' : 'M';
	tmp[1] = pp->headline ? 'H' : 'N';
	f[k++] = bucket(ner_hash(ner_hash(htemplate(24), tmp, 2), sshape, ns));
	f[k++] = bucket(ner_hash(ner_hash(htemplate(25), tmp, 2), lo, n));
	g = (unsigned char)gz(pp, x);
	f[k++] = bucket(ner_hash(htemplate(26), &g, 1));
	g = (unsigned char)gz(pp, x - 1);
	f[k++] = bucket(ner_hash(htemplate(27), &g, 1));
	g = (unsigned char)gz(pp, x + 1);
	f[k++] = bucket(ner_hash(htemplate(28), &g, 1));
	f[k++] = bucket(x > 0 ? ner_hash(htemplate(29), s->words[i - 1],
	    pp->len[i - 1]) : ner_hash(htemplate(29), "<s>", 3));
	f[k++] = bucket((size_t)x + 1 < s->n ? ner_hash(htemplate(30),
	    s->words[i + 1], pp->len[i + 1]) :
	    ner_hash(htemplate(30), "</s>", 4));
	h = hlw(htemplate(31), pp, x - 1);
	f[k++] = bucket(ner_hash(ner_hash(h, "|", 1), sshape, ns));
	h = ner_hash(htemplate(32), sshape, ns);
	f[k++] = bucket(hlw(ner_hash(h, "|", 1), pp, x + 1));
	h = hlw(htemplate(33), pp, x - 2);
	f[k++] = bucket(hlw(ner_hash(h, "|", 1), pp, x - 1));
	/* a capitalised common word, where it stands and how it is written:
	 * "Milepost" is the word milepost, "US" seldom the word us */
	if (pp->lowc[i]) {
		tmp[0] = i == 0 ? 'F' : 'M';
		h = ner_hash(htemplate(34), tmp, 1);
		f[k++] = bucket(ner_hash(h, sshape, ns));
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
	int stack_back[VITERBI_STACK * NER_NLABELS], *back, l, p, p0, p1, bl;
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
			/* I-X only continues B-X or I-X, the labels just
			 * before it */
			p0 = is_inside(l) ? l - 1 : 0;
			p1 = is_inside(l) ? l : NER_NLABELS - 1;
			best = -1e30f;
			bl = 0;
			for (p = p0; p <= p1; p++) {
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
 * Returns whether any token is active (a short word is active only next
 * to a capitalised one, so the first loop tells).
 */
static int
active_mask(const struct ner_sentence *s, unsigned char *act)
{
	size_t i;
	int any = 0;

	for (i = 0; i < s->n; i++)
		any |= act[i] = (unsigned char)ner_capitalised(s->words[i]);
	for (i = 1; i + 1 < s->n; i++)
		if (!act[i] && act[i - 1] && (act[i + 1] ||
		    (i + 2 < s->n && ner_capitalised(s->words[i + 2]))))
			act[i] = 2;
	return any;
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
	const int16_t *row = m->rows + (size_t)b * NER_NLABELS;

	__builtin_prefetch(row);
	__builtin_prefetch(row + NER_NLABELS - 1);
}

#define SUM_LANES	8	/* labels summed together: one vector add */

/*
 * The emission scores of one token: the sum of its features' rows
 * (buckets below NER_BUCKETS, as bucket() makes them) times the scale.
 * The first SUM_LANES labels are summed in a fixed-length loop the
 * compiler turns into vector adds, the rest one by one; integers, so the
 * order does not change the sums.
 */
static void
sum_rows(const struct extract_model *m, const uint32_t *f, size_t nf,
    float *emit)
{
	int32_t acc[NER_NLABELS];	/* NER_MAXFEAT * 32767 fits */
	size_t k;
	int l;

	memset(acc, 0, sizeof acc);
	for (k = 0; k < nf; k++) {
		const int16_t *row = m->rows + (size_t)f[k] * NER_NLABELS;

		for (l = 0; l < SUM_LANES; l++)
			acc[l] += row[l];
		for (l = SUM_LANES; l < NER_NLABELS; l++)
			acc[l] += row[l];
	}
	for (l = 0; l < NER_NLABELS; l++)
		emit[l] = (float)acc[l] * m->scale;
}

/* Room in t for a sentence of n tokens. */
static void
tagger_reserve(struct ner_tagger *t, size_t n)
{
	if (n <= t->cap)
		return;
	t->cap = n * 2;
	free(t->emit);
	free(t->feat);
	free(t->nfeat);
	t->emit = xreallocarray(NULL, t->cap, NER_NLABELS * sizeof *t->emit);
	t->feat = xreallocarray(NULL, t->cap, NER_MAXFEAT * sizeof *t->feat);
	/* nfeat and act: a byte each per token */
	t->nfeat = xmalloc(2 * t->cap);
	t->act = t->nfeat + t->cap;
}

void
ner_tag_sentence(struct ner_tagger *t, const struct extract_model *m,
    const struct ner_doc *doc, const struct ner_sentence *s, int *labels)
{
	uint32_t *f, *fi;
	unsigned char *nfeat, *act;
	float *emit;
	size_t i, j, k, nf;

	if (s->n == 0)
		return;
	for (i = 0; i < s->n; i++)
		labels[i] = NER_O;
	if (m == NULL)
		return;
	tagger_reserve(t, s->n);
	act = t->act;
	if (!active_mask(s, act))
		return;
	prep_fill(&t->pp, &m->gaz, &m->lex, doc, s);
	emit = t->emit;
	f = t->feat;
	nfeat = t->nfeat;
	/* in token order: ner_features() keeps state from one to the next */
	for (i = 0; i < s->n; i++) {
		if (!act[i])
			continue;
		fi = f + i * NER_MAXFEAT;
		nfeat[i] = (unsigned char)(nf = ner_features(&t->pp, s, i, fi));
		for (k = 0; k < nf; k++)
			prefetch_row(m, fi[k]);
	}
	for (i = 0; i < s->n; i++) {
		if (!act[i])
			continue;
		sum_rows(m, f + i * NER_MAXFEAT, nfeat[i],
		    emit + i * NER_NLABELS);
	}
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
}

void
ner_tagger_release(struct ner_tagger *t)
{
	ner_prep_release(&t->pp);
	free(t->emit);
	free(t->feat);
	free(t->nfeat);
	memset(t, 0, sizeof *t);
}

void
extract_ner_tag(const struct extract_model *m, const struct ner_doc *doc,
    const struct ner_sentence *s, int *labels)
{
	struct ner_tagger t;

	memset(&t, 0, sizeof t);
	ner_tag_sentence(&t, m, doc, s, labels);
	ner_tagger_release(&t);
}
