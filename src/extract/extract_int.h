/*
 * Shared inside src/extract only: the token stream every stage reads, and
 * the entry points the stages offer one another. Nothing outside the
 * module includes this file (tests and the trainer excepted).
 */
#ifndef LEDE_EXTRACT_INT_H
#define LEDE_EXTRACT_INT_H

#include <stddef.h>
#include <stdint.h>

#include "extract/extract.h"

/* Token flags. */
#define TOK_ALPHA	0x0001	/* contains a letter */
#define TOK_DIGIT	0x0002	/* contains a digit */
#define TOK_PUNCT	0x0004	/* punctuation or symbol only */
#define TOK_UPPER	0x0008	/* first letter is upper case */
#define TOK_ALLCAPS	0x0010	/* letters present and all upper case */
#define TOK_NL		0x0020	/* a newline came before it */
#define TOK_PARA	0x0040	/* a blank line came before it */
#define TOK_ABBR	0x0080	/* a word with its period attached: Dr. U.S. */
#define TOK_TERM	0x0100	/* sentence-ending punctuation: . ! ? ؟ ۔ … */
#define TOK_CLOSE	0x0200	/* closing quote or bracket */
#define TOK_RTL		0x0400	/* contains right-to-left letters */
#define TOK_LOWER	0x0800	/* first letter is lower case */

struct extract_tok {
	size_t		 start, end;	/* byte offsets into the text */
	unsigned	 flags;
};

struct extract_toks {
	struct extract_tok	*v;
	size_t			 n, cap;
};

/* A sentence as a token range [first, last). */
struct extract_sent {
	size_t	 first, last;
};

/* token.c */
/* Tokenise text[0..len) into *t (reset first). Linear in len. */
void	 extract_tokenize(const char *text, size_t len, struct extract_toks *t);
void	 extract_toks_release(struct extract_toks *);
/* Whether a token equals s, ignoring ASCII case. */
int	 extract_tok_is(const char *text, const struct extract_tok *,
	    const char *s);

/* sentence.c */
/* Group tokens into sentences. Returns the count; caller frees *out. */
size_t	 extract_split(const char *text, const struct extract_toks *,
	    struct extract_sent **out);

/* timex.c */
size_t	 extract_timex_tag(const char *text, const struct extract_toks *,
	    const struct extract_sent *, size_t nsent, const char *ref_date,
	    struct extract_timex **out);

/* ner.c: tag one sentence of token strings with BIO labels. */
enum {
	NER_O, NER_B_PER, NER_I_PER, NER_B_ORG, NER_I_ORG, NER_B_LOC,
	NER_I_LOC, NER_B_MISC, NER_I_MISC, NER_NLABELS
};
struct ner_doc;
struct ner_sentence {
	const char	**words;	/* NUL-terminated strings */
	size_t		 n;
};
/* Fill labels[0..n) with the best sequence; doc (the sentence's
 * document, see ner.h) may be NULL. */
void	 extract_ner_tag(const struct extract_model *, const struct ner_doc *,
	    const struct ner_sentence *, int *labels);

/*
 * docner.c: tag the sentences of one document (labels[i] has room for
 * sentence i), then make names consistent across the document.
 */
void	 extract_ner_doc(const struct extract_model *,
	    const struct ner_sentence *, size_t n, int **labels);
/* The second half alone: make the labels of a tagged document
 * consistent (surnames, names mostly left untagged, propagation). */
void	 extract_ner_consistent(const struct ner_sentence *, size_t n,
	    int **labels);

/* alias.c: merge typed mentions of one article into entities. */
struct extract_mention {
	enum extract_kind	 kind;
	struct extract_span	 span;
	size_t			 ntok;		/* tokens in the mention */
};
/* Returns the number of entities; *out is freed with the result. */
size_t	 extract_merge(const char *text, size_t len,
	    const struct extract_mention *, size_t n,
	    struct extract_entity **out);

#endif
