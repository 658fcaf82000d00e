/*
 * Width-aware wrapping (see wrap.h). Text is walked one cluster at a time
 * (a base character and the zero-width marks after it) so that a line
 * never ends between a letter and its accent; widths come from
 * utf8_cpwidth(), the same function everything else in lede measures with.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "tui/wrap.h"
#include "util/buf.h"
#include "util/utf8.h"
#include "util/xalloc.h"

/* Bytes and columns of the cluster at s; *space set if it is a space. */
static size_t
cluster(const char *s, size_t len, size_t *width, int *space)
{
	size_t n, i;
	uint32_t cp;
	int w;

	n = utf8_decode(s, len, &cp);
	w = utf8_cpwidth(cp);
	*width = w < 0 ? 1 : (size_t)w;
	*space = cp == ' ';
	for (i = n; i < len; i += n) {
		n = utf8_decode(s + i, len - i, &cp);
		if (cp == ' ' || utf8_cpwidth(cp) != 0)
			break;
	}
	return i;
}

static void
push(struct wrap_line **lines, size_t *n, size_t *cap, const char *text,
    size_t start, size_t end, size_t width)
{
	/* Spaces at the break belong to neither line. */
	while (end > start && text[end - 1] == ' ') {
		end--;
		width--;
	}
	if (*n == *cap) {
		*cap = *cap ? *cap * 2 : 16;
		*lines = xreallocarray(*lines, *cap, sizeof **lines);
	}
	(*lines)[*n].start = start;
	(*lines)[*n].len = end - start;
	(*lines)[(*n)++].width = width;
}

size_t
wrap_paragraph(const char *text, size_t len, size_t width,
    struct wrap_line **lines)
{
	size_t n = 0, cap = 0, i = 0, start = 0, w = 0, cl, cw;
	size_t brk = 0, brk_w = 0;	/* last break opportunity: end, width */
	int space;

	*lines = NULL;
	if (width < 2)
		width = 2;
	while (i < len) {
		cl = cluster(text + i, len - i, &cw, &space);
		if (w + cw > width && !space) {
			if (brk > start) {
				push(lines, &n, &cap, text, start, brk, brk_w);
				i = brk;
			} else if (i > start) {
				push(lines, &n, &cap, text, start, i, w);
			}
			while (i < len && text[i] == ' ')
				i++;
			start = brk = i;
			w = brk_w = 0;
			continue;
		}
		i += cl;
		w += cw;
		if (space || cw == 2) {
			brk = i;
			brk_w = w;
		}
	}
	if (i > start || n == 0)
		push(lines, &n, &cap, text, start, i, w);
	return n;
}

char *
wrap_fit(const char *s, size_t len, size_t width, int pad)
{
	struct buf b = BUF_INIT;
	size_t used, n;

	n = utf8_fit(s, len, width, &used);
	if (n < len && width > 0) {
		/* Make room for the ellipsis. */
		n = utf8_fit(s, len, width - 1, &used);
		buf_add(&b, s, n);
		buf_adds(&b, "\xE2\x80\xA6");
		used++;
	} else
		buf_add(&b, s, n);
	while (pad && used < width) {
		buf_addc(&b, ' ');
		used++;
	}
	return buf_detach(&b);
}
