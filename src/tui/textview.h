/*
 * A scrolling view of text: the reader's article, the help screen, the
 * messages. The text is given as blocks (a paragraph, or a labelled
 * field); the view wraps them to its width by display width, reorders
 * right-to-left lines for the terminal, highlights the words being found
 * and scrolls. Blocks are kept so that a new width or new words rebuild
 * the lines.
 */
#ifndef LEDE_TUI_TEXTVIEW_H
#define LEDE_TUI_TEXTVIEW_H

#include <stddef.h>

#include "tui/layout.h"

#define TB_PARA		0x1	/* starts a paragraph (for { and }) */
#define TB_RULE		0x2	/* a horizontal line, no text */
#define TB_NOFIND	0x4	/* never highlighted (labels, headings) */

struct tblock {
	char	*prefix;	/* label before the text, or NULL */
	char	*text;		/* raw (sanitised when built) */
	int	 prefix_elem, elem, flags;
};

struct tline {
	char		*text;		/* visual order, safe to draw */
	size_t		 len, width;
	unsigned char	*hl;		/* per byte: 1 inside a match, or NULL */
	size_t		 prefix_len;	/* bytes of label at the start */
	int		 prefix_elem, elem;
	int		 right;		/* right-to-left: align right */
	int		 para;
};

struct tview {
	struct tblock	*blocks;
	size_t		 nblocks;
	struct tline	*lines;
	size_t		 nlines;
	size_t		 width;		/* built for this width; 0: rebuild */
	size_t		 top, h;
	char		**terms;	/* lower-case words to highlight */
	size_t		 nterms;
	size_t		 nmatch_lines;
	long		 cur;		/* line of the current match, or -1 */
	int		 dirty;
};

void	 tview_init(struct tview *);
/* Drop everything (blocks, lines, terms). */
void	 tview_clear(struct tview *);
void	 tview_add(struct tview *, const char *prefix, int prefix_elem,
	    const char *text, int elem, int flags);
/*
 * Highlight these words (space-separated, as a search query: negated
 * words and field filters are left out), or with phrase set the whole
 * text as one string. NULL or "" for none.
 */
void	 tview_set_terms(struct tview *, const char *words, int phrase);
/* Fit to a width and height (rebuilds the lines if the width changed). */
void	 tview_resize(struct tview *, size_t width, size_t height);
void	 tview_scroll(struct tview *, long delta);
void	 tview_top(struct tview *, size_t line);
/* Go to the next (dir > 0) or previous matching line; -1 if none. */
int	 tview_find(struct tview *, int dir);
/* Go to the next or previous paragraph start. */
void	 tview_para(struct tview *, int dir);
/* Draw in r (margin columns left and right). */
void	 tview_draw(struct tview *, const struct rect *r, int margin);
/* The match counter ("3/12") into buf, or "" with no terms. */
void	 tview_match_info(const struct tview *, char *buf, size_t size);

#endif
