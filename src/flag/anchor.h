/*
 * Anchoring a correction flag to the words it quotes, and finding them
 * again after the article changes. Pure functions over UTF-8 text: no
 * archive, no I/O, so they are unit-tested alone.
 *
 * A flag is anchored by its exact text, some context on each side (the
 * W3C TextQuoteSelector) and its byte offsets (the TextPositionSelector).
 * Offsets are UTF-8 byte offsets into the body and always fall on
 * character boundaries.
 */
#ifndef LEDE_FLAG_ANCHOR_H
#define LEDE_FLAG_ANCHOR_H

#include <stddef.h>

/* Characters (code points) of context kept on each side of a quote. */
#define ANCHOR_CONTEXT	32

/* Occurrences of quote in body (overlapping ones count). 0 for an empty quote. */
size_t	 anchor_count(const char *body, const char *quote);

/*
 * Find the nth occurrence (1-based) of quote in body; nth 0 means "the
 * only one", and more than one is an error that says how many there are.
 * When the quote is not there as typed, a match that differs only in
 * blanks (a line break for a space, two spaces for one) is accepted: the
 * span is then that of the body's text.
 * Returns 0 with the byte span in *start and *end, or -1 and *cause
 * (caller frees): an empty quote, a quote that is not there, nth too large,
 * an ambiguous quote.
 */
int	 anchor_find(const char *body, const char *quote, int nth,
	    size_t *start, size_t *end, char **cause);

/*
 * Check a span the reader selected: inside the body, non-empty, on
 * character boundaries. Returns 0, or -1 and *cause.
 */
int	 anchor_check_span(const char *body, size_t start, size_t end,
	    char **cause);

/*
 * The context around body[start..end): up to ANCHOR_CONTEXT characters
 * before and after, never splitting a character. Caller frees both.
 */
void	 anchor_context(const char *body, size_t start, size_t end,
	    char **prefix, char **suffix);

/*
 * Find a flagged passage again in a changed body. The exact text is
 * looked for first; among several occurrences the one whose surrounding
 * text matches prefix and suffix best wins, ties going to the one nearest
 * old_start. When the exact text is gone, a match that differs only in
 * whitespace (a re-wrapped or re-spaced paragraph) is accepted.
 * Returns 1 with the new span in *start and *end, 0 when the passage is no
 * longer in the body.
 */
int	 anchor_relocate(const char *body, const char *exact,
	    const char *prefix, const char *suffix, size_t old_start,
	    size_t *start, size_t *end);

#endif
