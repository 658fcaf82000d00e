/*
 * Selecting a passage of an article's body, as pure arithmetic on byte
 * offsets: the reader's selection mode (flagging.c) keeps a struct
 * selection and moves it over units of text (words, sentences, display
 * lines, paragraphs), each given as a sorted array of spans trimmed of
 * surrounding space. Nothing here draws or reads the archive, so every
 * motion is unit-tested on a plain string (tests/unit/test_select.c).
 *
 * Offsets are UTF-8 byte offsets into the body, end exclusive; every
 * unit boundary lies on a character boundary because units are cut at
 * ASCII white space only.
 */
#ifndef LEDE_TUI_SELECT_H
#define LEDE_TUI_SELECT_H

#include <stddef.h>

#include "extract/extract.h"

/* The passage body[start, end); one end moves (at_start says which). */
struct selection {
	size_t	 start, end;
	int	 at_start;
};

/*
 * Words (runs of non-space bytes) and paragraphs (non-blank lines,
 * trimmed) of body[0..len), in order. Return the count; *out is the
 * caller's to free (NULL when 0).
 */
size_t	 select_words(const char *body, size_t len, struct extract_span **out);
size_t	 select_paragraphs(const char *body, size_t len,
	    struct extract_span **out);
/* Narrow a span of body to its first and last non-space bytes; 0 if
   anything is left, -1 if it was all space. */
int	 select_trim(const char *body, struct extract_span *);

/*
 * Select the unit under off: the first unit that ends after off (the one
 * holding it, or the next). Returns 0, or -1 when no unit is there.
 */
int	 select_at(struct selection *, const struct extract_span *units,
	    size_t n, size_t off);

/*
 * Grow the selection at its moving end to the next unit boundary (the end
 * to the next unit end after it, the start to the unit start before it),
 * or shrink it to the previous one, never past the other end. Return 0 if
 * the selection changed, -1 if it could not move.
 */
int	 select_extend(struct selection *, const struct extract_span *units,
	    size_t n);
int	 select_shrink(struct selection *, const struct extract_span *units,
	    size_t n);

/*
 * Replace the selection by the unit after it (dir > 0: the first unit
 * starting at or after its end) or before it (the last unit ending at or
 * before its start). 0, or -1 when there is none.
 */
int	 select_step(struct selection *, const struct extract_span *units,
	    size_t n, int dir);

/* Where the moving end is: the offset to keep in view. */
size_t	 select_head(const struct selection *);

/*
 * The first case-insensitive occurrence of term in body[from, to), as an
 * offset, or (size_t)-1. Letters compare by towlower() of their code
 * points, as the reader's highlighting does.
 */
size_t	 select_find(const char *body, size_t from, size_t to,
	    const char *term);

#endif
