/*
 * Corpus readers for the evaluation program and the trainer. Test-side
 * code: it reads ../shared/corpora and is never linked into lede.
 */
#ifndef LEDE_EVAL_CORPUS_H
#define LEDE_EVAL_CORPUS_H

#include <stddef.h>

#include "extract/score.h"

/* A document as plain text with gold spans (byte offsets). */
struct corpus_doc {
	char			*text;
	size_t			 len;
	char			*ref;		/* document date, or NULL */
	size_t			 scored_end;	/* annotated text ends here */
	struct extract_scored	*gold;		/* values owned */
	size_t			 ngold, capgold;
};

struct conll_sent {
	char	**words;
	char	**tags;		/* I-PER, B-LOC, O ... */
	size_t	 n;
};

struct conll_doc {
	struct conll_sent	*sent;
	size_t			 nsent;
};

/* Whole file into memory, NUL-terminated. Caller frees; NULL on error. */
char	*corpus_slurp(const char *path, size_t *len);
/* TimeML: text inside <TEXT>, gold TIMEX3 (label = ttype), DCT as ref. */
int	 corpus_read_tml(const char *path, struct corpus_doc *);
/* MEANTIME: gold TIMEX3 when entities is 0, named PER/ORG/LOC mentions
 * (label = extract_kind) when 1. */
int	 corpus_read_meantime(const char *path, struct corpus_doc *,
	    int entities);
/* "PER" "ORG" "LOC" -> EXTRACT_PERSON ...; -1 otherwise. */
int	 corpus_kind(const char *);
int	 corpus_read_conll(const char *path, struct conll_doc **, size_t *);
void	 corpus_doc_release(struct corpus_doc *);
void	 corpus_conll_free(struct conll_doc *, size_t);

#endif
