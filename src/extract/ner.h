/*
 * The NER model and the tagger's internals, shared by ner.c, model.c and
 * the trainer (src/extract/train.c). Internal to src/extract.
 */
#ifndef LEDE_EXTRACT_NER_H
#define LEDE_EXTRACT_NER_H

#include <stddef.h>
#include <stdint.h>

#include "extract/extract_int.h"
#include "extract/strmap.h"

#define NER_BITS	18
#define NER_BUCKETS	(1u << NER_BITS)
#define NER_MAXFEAT	64
#define NER_GAZ_MAXTOK	6
#define NER_DOC_MAXCTX	12	/* contexts kept per word and document */
#define NER_NTRANS	((NER_NLABELS + 1) * NER_NLABELS)

/* Gazetteer kinds, a bit mask per phrase: a name may be a place in one
 * text and a team in another. GAZ_PREFIX marks the first words of a
 * longer phrase ("new" of "new york"), so a lookup stops at the first
 * word sequence that is neither. */
#define GAZ_PER		0x01
#define GAZ_ORG		0x02
#define GAZ_LOC		0x04
#define GAZ_MISC	0x08
#define GAZ_PREFIX	0x20
#define GAZ_KINDS	0x0f

/* Phrases (lower-case tokens joined by one space) as sorted FNV hashes. */
struct ner_gaz {
	uint64_t	*keys;		/* sorted, as stored in the file */
	unsigned char	*kinds;
	size_t		 n, cap;	/* cap: while the trainer builds it */
	/* An open-addressing copy for lookups, key and kind side by side
	 * so that a lookup that finds its phrase reads one cache line:
	 * the word-class lexicon is megabytes. */
	struct ner_gazslot {
		uint64_t	 key;	/* 0: empty */
		unsigned char	 kind;
	}		*slots;
	size_t		 hmask;
};

/*
 * The lexicon of single lower-case words is a ner_gaz whose kind byte
 * is a word class, or-ed with LEX_LOWER for a word mostly written in
 * lower case (a capital on it is weak evidence of a name). Word classes
 * are the WordNet lexicographer file of a word's commonest sense, nouns
 * 3-28 (15 noun.location, 14 noun.group, 18 noun.person, ...) and verbs
 * 29-43; 0 for a word WordNet does not know.
 */
#define NER_CLASS_MAX	45
#define LEX_CLASS	0x7f
#define LEX_LOWER	0x80

struct extract_model {
	int16_t		*rows;		/* NER_BUCKETS x NER_NLABELS, dense */
	float		 scale;		/* weight = row value * scale */
	float		 trans[NER_NTRANS]; /* [prev][cur], then [start][cur] */
	struct ner_gaz	 gaz;
	struct ner_gaz	 lex;		/* lower-case word -> word class */
};

/*
 * What one document says about each capitalised word: the lower-case
 * words and punctuation seen just before and after it anywhere in the
 * document, as feature hashes. Built once per document (docner.c, the
 * trainer) and read by every sentence's features.
 */
struct ner_doc {
	struct extract_strmap	 words;	/* word -> index into ctx */
	struct ner_docctx {
		uint64_t	 h[NER_DOC_MAXCTX];
		size_t		 n;
	}			*ctx;
	size_t			 n, cap;
};

/*
 * Per-sentence precomputation for feature extraction. Its buffers are
 * kept from one sentence to the next when a caller tags many (see
 * ner_tagger), so a document costs a few allocations, not a few per
 * sentence.
 */
struct ner_prep {
	size_t		  n;
	size_t		  cap;		/* tokens the buffers have room for */
	size_t		  arenacap;	/* bytes in arena */
	const char *const *words;	/* the sentence's words */
	size_t		 *len;		/* their lengths in bytes */
	char		 *arena;	/* the lower-case strings live here */
	char		**low;		/* lower-case words, len[i] bytes */
	uint64_t	 *hash;		/* ner_phrase_hash() of each */
	/* Word shapes, full ("Xxxxx") then short ("Xx"), SHAPE_MAX bytes
	 * each (ner.c) per token, worked out on first use (ner.c's
	 * shapes()): only the words around a capital need them. shn and
	 * sshn hold their lengths, shn 0 until then. */
	char		 *shapes;
	unsigned char	 *shn, *sshn;
	unsigned char	 *caps;		/* PREP_NAME, PREP_CAPS: see below */
	unsigned char	 *gaz;		/* kind mask << 1 | inside */
	unsigned char	 *lowc;		/* capitalised, mostly lower case */
	/* Word class of each token, looked up on first use: -1 until then;
	 * and the classes around the last run of capitalised words. These,
	 * and the shapes above, are written through a const ner_prep: one
	 * prep serves one thread. */
	signed char	 *cls;
	struct ner_run {
		size_t	 start, end;	/* [start, end) */
		int	 capitalised;	/* found from a capitalised word */
		int	 def, left;	/* its ner_def_class, ner_left_class */
	}		 *run;
	const struct ner_gaz *lex;	/* may be NULL */
	const struct ner_doc *doc;	/* may be NULL */
	int		  headline;	/* sentence in capitals */
};

#define PREP_NAME	0x01	/* ner_name_like() */
#define PREP_CAPS	0x02	/* ner_capitalised() */

/* FNV-1a: ner_hash(NER_FNV_OFFSET, p, n) hashes n bytes; a running hash
 * goes on from its last value. */
#define NER_FNV_OFFSET	0xcbf29ce484222325ULL
uint64_t ner_hash(uint64_t h, const void *, size_t);
/* Hash of a phrase as the gazetteer stores it. */
uint64_t ner_phrase_hash(const char *lowercase_phrase);
/* lex and doc may be NULL (no class or document features). The
 * sentence's words must outlive the prep. Release with
 * ner_prep_release. */
void	 ner_prep_init(struct ner_prep *, const struct ner_gaz *gaz,
	    const struct ner_gaz *lex, const struct ner_doc *doc,
	    const struct ner_sentence *);
void	 ner_prep_release(struct ner_prep *);

/*
 * What tagging sentence after sentence needs, kept between them: the
 * prep, emission scores and features. Zero-initialise; one per thread.
 */
struct ner_tagger {
	struct ner_prep	 pp;
	float		*emit;
	uint32_t	*feat;
	unsigned char	*nfeat, *act;
	size_t		 cap;		/* tokens the buffers have room for */
};
/* extract_ner_tag() with t's buffers. */
void	 ner_tag_sentence(struct ner_tagger *t, const struct extract_model *,
	    const struct ner_doc *, const struct ner_sentence *, int *labels);
void	 ner_tagger_release(struct ner_tagger *);

/* nerctx.c: context beyond the five-word window. */
/* ner_name_like() of a word that starts beyond ASCII. */
int	 ner_name_like_utf8(const char *word);

/* Whether a word starts like a name: with a capital letter, or a letter
 * of a script without case (not punctuation, not a small letter).
 * Inline for ASCII: every module asks it of every word, some twice. */
static inline int
ner_name_like(const char *word)
{
	if ((unsigned char)word[0] < 0x80)
		return word[0] >= 'A' && word[0] <= 'Z';
	return ner_name_like_utf8(word);
}

/* Whether a word may be part of a name: name-like or digit-led. */
static inline int
ner_capitalised(const char *word)
{
	return (word[0] >= '0' && word[0] <= '9') || ner_name_like(word);
}
/* Word class of token i (0 when unknown or out of range). */
int	 ner_class(const struct ner_prep *, long i);
/* Class of the noun a copula or apposition gives the name that ends
 * before token end: "Aisby is a village in", "Crazyhead, an English punk
 * band". */
int	 ner_def_class(const struct ner_prep *, const struct ner_sentence *,
	    size_t end);
/* Class of the word before the name that starts at token start: "the
 * village of Aisby". */
int	 ner_left_class(const struct ner_prep *, const struct ner_sentence *,
	    size_t start);
/* Fill doc from the sentences of one document; release with
 * ner_doc_release. Linear in the number of tokens. */
void	 ner_doc_init(struct ner_doc *, const struct ner_sentence *,
	    size_t nsent);
void	 ner_doc_release(struct ner_doc *);
/* The contexts of word in the document, or NULL. */
const struct ner_docctx *ner_doc_find(const struct ner_doc *,
	    const char *word);
/* Feature buckets of token i into f (NER_MAXFEAT room). Returns count. */
size_t	 ner_features(const struct ner_prep *, const struct ner_sentence *,
	    size_t i, uint32_t *f);
/* Best well-formed label sequence (I-X only after B-X or I-X) for
 * emission scores [n][L] and transitions. */
void	 ner_viterbi(const float *emit, size_t n, const float *trans,
	    int *out);
/* The same for a span of a sentence entered from label from
 * (NER_NLABELS: the sentence start) and left into label to (-1: the
 * sentence end). */
void	 ner_viterbi_span(const float *emit, size_t n, const float *trans,
	    int from, int to, int *out);
/* Gazetteer kind of a phrase hash, 0 when absent. */
int	 ner_gaz_find(const struct ner_gaz *, uint64_t);
/* Start reading the part of the table where ner_gaz_find will look for
 * a hash, so that lookups made a little later do not wait on memory.
 * Inline: it is asked for most words of a text. */
static inline void
ner_gaz_prefetch(const struct ner_gaz *g, uint64_t h)
{
	if (g->slots != NULL)
		__builtin_prefetch(&g->slots[h & g->hmask]);
}
/* Sort keys, merge duplicates (their kind masks are or-ed) and build the
 * lookup table. */
void	 ner_gaz_finish(struct ner_gaz *);
void	 ner_gaz_release(struct ner_gaz *);
/*
 * Write a model: dense weights [NER_BUCKETS][L], transitions, gazetteer
 * and word-class lexicon. Rows whose weights all round to zero are left
 * out. Returns 0, or -1 with *cause set (caller frees).
 */
int	 ner_model_save(const char *path, const float *w, const float *trans,
	    const struct ner_gaz *gaz, const struct ner_gaz *lex,
	    char **cause);

#endif
