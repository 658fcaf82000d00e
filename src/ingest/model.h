/*
 * The entity model both import and reindex load from lede's data
 * directory. Internal to src/ingest.
 */
#ifndef LEDE_INGEST_MODEL_H
#define LEDE_INGEST_MODEL_H

struct extract_model;

/*
 * Load share/ner.model. On failure report "names will not be extracted:
 * ..." through problem (may be NULL) and return NULL: extraction then
 * still finds sentences and dates. Caller frees with extract_model_free().
 */
struct extract_model *ingest_model_load(void (*problem)(const char *,
	    const char *, void *), void *arg);

#endif
