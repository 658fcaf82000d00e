/*
 * The NER model and the tagger's internals, shared by ner.c, model.c and
 * the trainer (src/extract/train.c). Internal to src/extract.
 */
#ifndef LEDE_EXTRACT_NER_H
#define LEDE_EXTRACT_NER_H

#include <stddef.h>
#include <stdint.h>

#include "extract/extract_int.h"

#define NER_BITS	18
#define NER_BUCKETS	(1u << NER_BITS)
#define NER_MAXFEAT	48
#define NER_GAZ_MAXTOK	6
#define NER_NTRANS	((NER_NLABELS + 1) * NER_NLABELS)

/* Gazetteer kinds, a bit mask per phrase: a name may be a place in one
 * text and a team in another; GAZ_LOWER marks a single word mostly seen
 * in lower case (a capital on it is weak evidence of a name). */
#define GAZ_PER		0x01
#define GAZ_ORG		0x02
#define GAZ_LOC		0x04
#define GAZ_MISC	0x08
#define GAZ_LOWER	0x10

/* Phrases (lower-case tokens joined by one space) as sorted FNV hashes. */
struct ner_gaz {
	uint64_t	*keys;		/* sorted, as stored in the file */
	unsigned char	*kinds;
	size_t		 n, cap;	/* cap: while the trainer builds it */
	uint64_t	*hkeys;		/* open-addressing copy for lookups */
	unsigned char	*hkinds;
	size_t		 hmask;
};

struct extract_model {
	int16_t		*rows;		/* NER_BUCKETS x NER_NLABELS, dense */
	float		 scale;		/* weight = row value * scale */
	float		 trans[NER_NTRANS]; /* [prev][cur], then [start][cur] */
	struct ner_gaz	 gaz;
};

/* Per-sentence precomputation for feature extraction. */
struct ner_prep {
	size_t		  n;
	char		 *arena;	/* the strings below live here */
	char		**low;		/* lower-case words */
	char		**shape;	/* full shape: Xxxxx */
	char		**sshape;	/* short shape: Xx */
	unsigned char	 *gaz;		/* kind mask << 1 | inside */
	unsigned char	 *lowc;		/* word mostly lower case */
	int		  headline;	/* sentence in capitals */
};

uint64_t ner_hash(uint64_t h, const void *, size_t);
/* Hash of a phrase as the gazetteer stores it. */
uint64_t ner_phrase_hash(const char *lowercase_phrase);
void	 ner_prep_init(struct ner_prep *, const struct ner_gaz *,
	    const struct ner_sentence *);
void	 ner_prep_release(struct ner_prep *);
/* Feature buckets of token i into f (NER_MAXFEAT room). Returns count. */
size_t	 ner_features(const struct ner_prep *, const struct ner_sentence *,
	    size_t i, uint32_t *f);
/* Best label sequence for emission scores [n][L] and transitions. */
void	 ner_viterbi(const float *emit, size_t n, const float *trans,
	    int *out);
/* Gazetteer kind of a phrase hash, 0 when absent. */
int	 ner_gaz_find(const struct ner_gaz *, uint64_t);
/* Sort keys, merge duplicates (their kind masks are or-ed) and build the
 * lookup table. */
void	 ner_gaz_finish(struct ner_gaz *);
/* The weights of a bucket (zeros when the feature was never seen). */
const int16_t *ner_model_row(const struct extract_model *, uint32_t bucket);
void	 ner_gaz_release(struct ner_gaz *);
/*
 * Write a model: dense weights [NER_BUCKETS][L], transitions, gazetteer.
 * Rows whose weights all round to zero are left out. Returns 0, or -1
 * with *cause set (caller frees).
 */
int	 ner_model_save(const char *path, const float *w, const float *trans,
	    const struct ner_gaz *, char **cause);

#endif
