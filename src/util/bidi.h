/*
 * Right-to-left text for a terminal. Terminals draw cells left to right in
 * the order they receive characters, so Arabic or Hebrew must be sent in
 * visual order: fribidi applies the Unicode Bidirectional Algorithm to one
 * wrapped line at a time (wrap in logical order first, then reorder each
 * line, with the direction of the paragraph the line came from). Latin
 * words and digits inside right-to-left text keep their own order.
 * Pure functions: no terminal, no locale.
 */
#ifndef LEDE_UTIL_BIDI_H
#define LEDE_UTIL_BIDI_H

#include <stddef.h>

enum bidi_dir {
	BIDI_LTR,
	BIDI_RTL,
};

/* Whether s[0..len) has any right-to-left letter. */
int		 bidi_has_rtl(const char *s, size_t len);

/*
 * The direction of a paragraph: that of its first strong letter (rule P2),
 * left-to-right when it has none.
 */
enum bidi_dir	 bidi_base(const char *s, size_t len);

/*
 * One line (valid UTF-8, no newline, no bidi controls: sanitise first) in
 * visual order for a paragraph of direction dir: mirrored brackets,
 * combining marks kept after their base. Returns a new string of the same
 * length in bytes (caller frees). If map is not NULL, *map receives for
 * each byte of the result the offset in s of the byte it came from
 * (caller frees), so highlights computed on the logical text can be drawn
 * on the visual one; mirrored characters map to the one they replace.
 */
char		*bidi_visual(const char *s, size_t len, enum bidi_dir dir,
		    size_t **map);

#endif
