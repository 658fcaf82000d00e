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

/* A block or line that holds no text of the source document. */
#define TV_NOORIGIN	((size_t)-1)

/*
 * Marks on the bytes of a line (tline.hl), one bit each, so a byte can be
 * both found and flagged. HL_MATCH comes from the words being found; the
 * others from spans given in source offsets (tview_set_spans): a mention
 * of the entity chosen in the side panel, a flagged passage, the
 * selection. Drawing gives the selection first place, then a match, a
 * mention, a flag.
 */
#define HL_MATCH	0x01
#define HL_MENTION	0x02
#define HL_FLAG		0x04
#define HL_SELECT	0x08

/* Bytes [start, end) of the source document carry mark. */
struct tspan {
	size_t		 start, end;
	unsigned	 mark;
};

struct tblock {
	char	*prefix;	/* label before the text, or NULL */
	char	*text;		/* raw (sanitised when built) */
	int	 prefix_elem, elem, flags;
	size_t	 origin;	/* offset of text in the source, or TV_NOORIGIN */
};

struct tline {
	char		*text;		/* visual order, safe to draw */
	size_t		 len, width;
	unsigned char	*hl;		/* per byte: HL_ marks, or NULL */
	unsigned	 marks;		/* every mark on the line, OR-ed */
	size_t		 prefix_len;	/* bytes of label at the start */
	size_t		 ostart, oend;	/* source bytes shown, in logical
					   order; TV_NOORIGIN: none */
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
	size_t		 nmatch_lines;	/* lines with a find_mark */
	struct tspan	*spans;		/* sorted by start */
	size_t		 nspans;
	unsigned	 find_mark;	/* what n/N go to: HL_MATCH unless set */
	long		 cur;		/* line of the current match, or -1 */
	int		 dirty;
};

void	 tview_init(struct tview *);
/* Drop everything (blocks, lines, terms). */
void	 tview_clear(struct tview *);
void	 tview_add(struct tview *, const char *prefix, int prefix_elem,
	    const char *text, int elem, int flags);
/*
 * A block of the source document: text is source[origin..origin+strlen),
 * so spans in source offsets (tview_set_spans) can be marked on it and a
 * line can say which source bytes it shows.
 */
void	 tview_add_at(struct tview *, const char *text, int elem, int flags,
	    size_t origin);
/*
 * Mark these spans of the source (copied; any order, may overlap), in
 * place of the ones set before; NULL/0 clears. The lines are rebuilt at
 * once when the view has a width, and the scroll position stays.
 */
void	 tview_set_spans(struct tview *, const struct tspan *, size_t n);
/* Which marks n/N (tview_find) and the match counter go to: HL_MATCH by
   default, HL_MENTION to step through an entity's mentions. */
void	 tview_set_find(struct tview *, unsigned mark);
/* The line showing source offset off (the nearest line after it when it
   falls in a gap between lines), or -1 when no line shows the source. */
long	 tview_line_of(const struct tview *, size_t off);
/* Scroll so that source offset off is in view, a third down the pane,
   and make its line the current one for n/N. -1 if it is not shown. */
int	 tview_show(struct tview *, size_t off);
/* The first source offset shown at or below the top of the view, or
   TV_NOORIGIN when none is. */
size_t	 tview_top_offset(const struct tview *);
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
