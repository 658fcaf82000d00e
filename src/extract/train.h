/*
 * lede-train's gazetteer and lexicon builders (train_lex.c), for
 * train.c. Trainer-side code: it reads Debian data files and the training
 * corpus, and is never linked into lede.
 */
#ifndef LEDE_EXTRACT_TRAIN_H
#define LEDE_EXTRACT_TRAIN_H

#include <stddef.h>

#include "corpus.h"
#include "extract/ner.h"

/* Every "name"/"common_name" of an iso-codes JSON file, as kind. Returns
 * -1 (after a message on stderr) when the file cannot be read. */
int	 train_gaz_iso(struct ner_gaz *, const char *path, int kind);
/* City names from tzdata's zone names: America/New_York -> new york. */
void	 train_gaz_zones(struct ner_gaz *, const char *zoneinfo_dir);
/*
 * LEX_LOWER for words mostly written in lower case, counted over the
 * training text, the unlabelled text under dirs[0..ndirs) and a word
 * list (one word a line, may be NULL).
 */
void	 train_lex_lowercase(struct ner_gaz *lex, const struct conll_doc *,
	    size_t ndocs, char **dirs, size_t ndirs, const char *words);
/* Names of people, places, groups and works from WordNet's data.noun in
 * dir (its instance synsets), typed by lexicographer file. Returns -1
 * (after a message on stderr) when the file cannot be read or holds no
 * such synset; the gazetteer then keeps what it had. */
int	 train_gaz_wordnet(struct ner_gaz *, const char *dir);
/* Word classes from WordNet's index and data files in dir (see ner.h).
 * Returns -1 (after a message on stderr) when they cannot be read. */
int	 train_lex_wordnet(struct ner_gaz *lex, const char *dir);

#endif
