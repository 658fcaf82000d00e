/*
 * Correction flags: the API the front ends (cli/, tui/) and the ingest
 * pipeline use. A flag records which words (exact text, context, byte
 * offsets), in which revision of which article, why (the note) and what
 * became of the request (open -> sent -> resolved).
 *
 * The records and their SQL are in archive/flags.h (struct flag, enum
 * flag_status, flag_status_name(), archive_flags_list() for listings);
 * this header adds what needs logic: anchoring a new flag, the changes a
 * user makes (each in its own BEGIN IMMEDIATE transaction), undo of a
 * delete, and re-anchoring after an article changes. Exports are in
 * flag/export.h.
 */
#ifndef LEDE_FLAG_FLAG_H
#define LEDE_FLAG_FLAG_H

#include <stddef.h>
#include <stdint.h>

#include "archive/flags.h"

struct archive;

/*
 * Flag the nth occurrence (1-based; 0: the quote must occur exactly once)
 * of quote in the body of an article, with an optional note (NULL for
 * none). The new flag's id goes to *id (may be NULL). Returns 0, or -1
 * and *cause (no such article, quote not found or ambiguous, storage).
 */
int	 flag_create(struct archive *, int64_t article_id, const char *quote,
	    int nth, const char *note, int64_t *id, char **cause);

/*
 * Flag body[start..end) of an article's current revision, as selected in
 * the reader (byte offsets on character boundaries). As flag_create().
 */
int	 flag_create_span(struct archive *, int64_t article_id, size_t start,
	    size_t end, const char *note, int64_t *id, char **cause);

/* Change what the user owns. Returns 0, or -1 and *cause ("no flag N"). */
int	 flag_set_status(struct archive *, int64_t id, enum flag_status,
	    char **cause);
int	 flag_set_note(struct archive *, int64_t id, const char *note,
	    char **cause);

/*
 * Delete a flag. The flag as it was is stored in *undo (may be NULL; the
 * caller releases it with flag_release()) so flag_restore() can bring it
 * back with its note, status and dates, and its id unless a newer flag
 * took it meanwhile; *id (may be NULL) receives the id it came back under.
 */
int	 flag_delete(struct archive *, int64_t id, struct flag *undo,
	    char **cause);
int	 flag_restore(struct archive *, const struct flag *undo, int64_t *id,
	    char **cause);

/*
 * Re-anchor the flags of an article after its body changed: every flag
 * not anchored in the current revision is looked for there (by its exact
 * text and context, nearest its old offset). A flag found moves to the
 * current revision with fresh context; one whose passage is gone stays as
 * it is, which marks it not found. Runs inside the caller's transaction
 * (the import's, right after archive_put() returns ARCHIVE_UPDATED); it
 * is idempotent. Returns the number of flags not found (0 when all are
 * anchored), or -1 and *cause.
 */
int	 flag_reanchor_article(struct archive *, int64_t article_id,
	    char **cause);

#endif
