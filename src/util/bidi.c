/*
 * Bidi reordering with fribidi (see bidi.h). A line is decoded to code
 * points, given its embedding levels from the paragraph direction, mirrored
 * (L4) and reordered (L2, L3); then encoded back to UTF-8 with a byte map.
 * No Arabic shaping: the letters stay the code points that are stored, so
 * what is shown can be searched and copied; terminals that shape do it
 * themselves.
 */
#include "config.h"

#include <fribidi.h>
#include <stdlib.h>
#include <string.h>

#include "util/bidi.h"
#include "util/utf8.h"
#include "util/xalloc.h"

int
bidi_has_rtl(const char *s, size_t len)
{
	size_t i = 0;
	uint32_t cp;

	while (i < len) {
		if ((unsigned char)s[i] < 0x80) {
			i++;
			continue;
		}
		i += utf8_decode(s + i, len - i, &cp);
		if (utf8_is_rtl(cp))
			return 1;
	}
	return 0;
}

enum bidi_dir
bidi_base(const char *s, size_t len)
{
	FriBidiCharType t;
	size_t i = 0;
	uint32_t cp;

	while (i < len) {
		i += utf8_decode(s + i, len - i, &cp);
		t = fribidi_get_bidi_type(cp);
		if (FRIBIDI_IS_LETTER(t))
			return FRIBIDI_IS_RTL(t) ? BIDI_RTL : BIDI_LTR;
	}
	return BIDI_LTR;
}

/* Code points of s and the byte offset where each starts. */
static size_t
decode_all(const char *s, size_t len, FriBidiChar *cps, size_t *offs)
{
	size_t i = 0, n = 0;
	uint32_t cp;

	while (i < len) {
		offs[n] = i;
		i += utf8_decode(s + i, len - i, &cp);
		cps[n++] = cp;
	}
	offs[n] = len;
	return n;
}

/* Levels for the line; 0 on failure. */
static int
levels_for(const FriBidiChar *cps, size_t n, enum bidi_dir dir,
    FriBidiCharType *types, FriBidiLevel *levels, FriBidiParType *base)
{
	FriBidiBracketType *brackets = xcalloc(n, sizeof *brackets);
	int ok;

	fribidi_get_bidi_types(cps, (FriBidiStrIndex)n, types);
	fribidi_get_bracket_types(cps, (FriBidiStrIndex)n, types, brackets);
	*base = dir == BIDI_RTL ? FRIBIDI_PAR_RTL : FRIBIDI_PAR_LTR;
	ok = fribidi_get_par_embedding_levels_ex(types, brackets,
	    (FriBidiStrIndex)n, base, levels) != 0;
	free(brackets);
	return ok;
}

char *
bidi_visual(const char *s, size_t len, enum bidi_dir dir, size_t **map)
{
	FriBidiChar *cps = xcalloc(len + 1, sizeof *cps);
	FriBidiCharType *types = xcalloc(len + 1, sizeof *types);
	FriBidiLevel *levels = xcalloc(len + 1, sizeof *levels);
	FriBidiStrIndex *order = xcalloc(len + 1, sizeof *order);
	size_t *offs = xcalloc(len + 1, sizeof *offs), *m = NULL;
	FriBidiParType base;
	char *out = xmalloc(len + 1), enc[4];
	size_t n, i, j, o = 0, k, blen;

	n = decode_all(s, len, cps, offs);
	for (i = 0; i < n; i++)
		order[i] = (FriBidiStrIndex)i;
	if (n > 0 && levels_for(cps, n, dir, types, levels, &base)) {
		fribidi_shape_mirroring(levels, (FriBidiStrIndex)n, cps);
		if (fribidi_reorder_line(FRIBIDI_FLAG_REORDER_NSM, types,
		    (FriBidiStrIndex)n, 0, base, levels, cps, order) == 0) {
			/* Reordering failed: show the logical order. */
			n = decode_all(s, len, cps, offs);
			for (i = 0; i < n; i++)
				order[i] = (FriBidiStrIndex)i;
		}
	}
	if (map != NULL)
		m = *map = xcalloc(len + 1, sizeof *m);
	for (i = 0; i < n; i++) {
		/* A mirrored character may encode to other bytes: keep the
		   original's so the line and its map stay aligned. */
		k = (size_t)order[i];
		blen = offs[k + 1] - offs[k];
		if (utf8_encode(cps[i], enc) != blen)
			memcpy(enc, s + offs[k], blen);
		memcpy(out + o, enc, blen);
		for (j = 0; m != NULL && j < blen; j++)
			m[o + j] = offs[k] + j;
		o += blen;
	}
	out[o] = '\0';
	free(cps);
	free(types);
	free(levels);
	free(order);
	free(offs);
	return out;
}
