/*
 * Extraction: sentences, named entities and temporal expressions from the
 * text of one article. Pure code: text in, spans out. Nothing here reads
 * the archive, draws, or keeps global mutable state, so one loaded model
 * may serve any number of threads at once.
 *
 * Offsets are UTF-8 byte offsets into the text given to extract_run(). The
 * text is expected to be valid UTF-8 (ingest repairs it first); invalid
 * bytes are tolerated and treated as letters, never read past len.
 */
#ifndef LEDE_EXTRACT_EXTRACT_H
#define LEDE_EXTRACT_EXTRACT_H

#include <stddef.h>

enum extract_kind { EXTRACT_PERSON, EXTRACT_ORG, EXTRACT_PLACE };
enum extract_ttype { EXTRACT_DATE, EXTRACT_TIME, EXTRACT_DURATION, EXTRACT_SET };

struct extract_span {
	size_t	 start, end;		/* UTF-8 byte offsets, end exclusive */
};

struct extract_entity {
	enum extract_kind	 kind;
	char			*name;		/* canonical: longest full form */
	char			**aliases;	/* other surface forms, not name */
	size_t			 naliases;
	struct extract_span	*mentions;	/* in text order */
	size_t			 nmentions;
};

struct extract_timex {
	enum extract_ttype	 type;
	struct extract_span	 span;		/* the expression */
	struct extract_span	 sentence;	/* the sentence holding it */
	char			*text;		/* copy of the expression text */
	char			*value;		/* TIMEX3 value: 2025-01-11, P11D ... */
};

struct extract_result {
	struct extract_span	*sentences;
	size_t			 nsentences;
	struct extract_entity	*entities;
	size_t			 nentities;
	struct extract_timex	*timexes;
	size_t			 ntimexes;
};

struct extract_model;

/* The model's file name inside a data directory: "<datadir>/ner.model". */
#define EXTRACT_MODEL_FILE "ner.model"
/* "<datadir>/ner.model". Caller frees. */
char	*extract_model_path(const char *datadir);

/*
 * Load the NER model written by lede-train. Returns NULL and sets *cause
 * (caller frees) when the file is missing, truncated, of another version or
 * fails its checksum. The model is read-only once loaded.
 */
struct extract_model *extract_model_load(const char *path, char **cause);
/* Release a model; NULL is fine. */
void	 extract_model_free(struct extract_model *);

/*
 * Run everything on text[0..len). model may be NULL: sentences and timexes
 * are still found, entities are not. ref_date is the article's date as
 * (partial) ISO 8601 ("2025-03-20", "2025-03", "2025") or NULL, in which
 * case relative dates get values built from X placeholders. lang is
 * "en", "ar" or NULL (treated as "en"); for "ar" only sentences are found.
 * Never fails; the result is the caller's to free with
 * extract_result_free(). Thread-safe: the model is only read.
 */
struct extract_result *extract_run(const struct extract_model *,
	    const char *text, size_t len, const char *ref_date, const char *lang);
void	 extract_result_free(struct extract_result *);

/* "person", "org", "place". */
const char *extract_kind_name(enum extract_kind);
/* "date", "time", "duration", "set". */
const char *extract_ttype_name(enum extract_ttype);

/*
 * Sentence spans of text[0..len) alone, in order, trimmed of surrounding
 * space. Returns the count; *out is the caller's to free (NULL when 0).
 */
size_t	 extract_sentences(const char *text, size_t len,
	    struct extract_span **out);

/*
 * Temporal expressions alone (what extract_run() fills in timexes).
 * Returns the count; free each with extract_timex_release() and then the
 * array.
 */
size_t	 extract_timexes(const char *text, size_t len, const char *ref_date,
	    struct extract_timex **out);
void	 extract_timex_release(struct extract_timex *);

#endif
