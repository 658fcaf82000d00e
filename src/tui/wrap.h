/*
 * Wrapping text to a width in terminal columns. Pure: used by the reader
 * and the help screen, unit-tested alone.
 */
#ifndef LEDE_TUI_WRAP_H
#define LEDE_TUI_WRAP_H

#include <stddef.h>

struct wrap_line {
	size_t	 start;		/* byte offset in the paragraph */
	size_t	 len;		/* bytes, trailing spaces excluded */
	size_t	 width;		/* columns */
};

/*
 * Break one paragraph (valid UTF-8 without newlines or controls) into
 * lines of at most width columns (width >= 2). Lines break after spaces
 * and after wide (CJK) characters; a word wider than the line is cut by
 * width. Neither a character nor a base and its combining marks is ever
 * split. An empty paragraph is one empty line. Returns the number of
 * lines and stores them in *lines (caller frees).
 */
size_t	 wrap_paragraph(const char *text, size_t len, size_t width,
	    struct wrap_line **lines);

/*
 * Cut s to at most width columns, ending with "…" when it was cut, and pad
 * it with spaces to exactly width columns when pad is set. Returns a new
 * string (caller frees).
 */
char	*wrap_fit(const char *s, size_t len, size_t width, int pad);

#endif
