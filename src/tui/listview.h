/*
 * One scrolling list for every list on screen: the articles, search
 * results, and the side panel's entities and timeline. The data stays
 * where it lives; the list keeps a window of rows around the selection and
 * asks for more through callbacks, by key and never by offset, so moving
 * costs the same at the top or the bottom of a million rows.
 */
#ifndef LEDE_TUI_LISTVIEW_H
#define LEDE_TUI_LISTVIEW_H

#include <stddef.h>
#include <stdint.h>

#include "tui/layout.h"

struct tlist_ops {
	/*
	 * Up to limit rows after anchor (before it with backward, in
	 * display order), or from the start (the end with backward) when
	 * anchor is NULL. Rows are appended to a new array *rows of *n
	 * (caller frees the array; rows are freed with free_row). -1 and
	 * *cause on failure.
	 */
	int	 (*fetch)(void *arg, const void *anchor, int backward,
		    size_t limit, void ***rows, size_t *n, char **cause);
	/* Draw row in r (r.h rows), selected or not. */
	void	 (*draw)(void *arg, const void *row, struct rect r, int selected);
	void	 (*free_row)(void *arg, void *row);
	/* 0-based index of row among all rows, -1 if unknown. */
	int64_t	 (*position)(void *arg, const void *row);
	/* Number of rows in all, -1 if unknown (or too slow to know). */
	int64_t	 (*count)(void *arg);
};

#define TLIST_DIRTY_ALL	0x1
#define TLIST_DIRTY_SEL	0x2		/* only the selection moved */

struct tlist {
	const struct tlist_ops	*ops;
	void			*arg;
	void			**rows;		/* the window of rows held */
	size_t			 n;
	int			 at_start, at_end;	/* window touches them */
	size_t			 top, sel;	/* indexes into rows */
	int64_t			 base;		/* position of rows[0], -1 unknown */
	int			 row_h;		/* screen rows per row */
	size_t			 h;		/* rows that fit */
	int			 dirty;
	size_t			 drawn_top, drawn_sel;
	char			*error;		/* last fetch error; caller frees */
};

void	 tlist_init(struct tlist *, const struct tlist_ops *, void *arg,
	    int row_h);
void	 tlist_release(struct tlist *);
/* Drop the rows and load from the start (or the end). */
void	 tlist_reload(struct tlist *, int from_end);
/* Drop the rows and show row (now the list's) selected, with its neighbours. */
void	 tlist_jump(struct tlist *, void *row);
/* Drop the rows and hold these instead (the list takes the array), from
   the start; at_end says they are all there is. */
void	 tlist_set(struct tlist *, void **rows, size_t n, int at_end);
/* Fit the list to an area of height rows. */
void	 tlist_resize(struct tlist *, int height);
void	 tlist_move(struct tlist *, long delta);
void	 tlist_page(struct tlist *, long delta);
void	 tlist_first(struct tlist *);
void	 tlist_last(struct tlist *);
/* Select the row under screen row y of r; 0 if there is one. */
int	 tlist_click(struct tlist *, const struct rect *r, int y);
/* The selected row, or NULL when the list is empty. */
void	*tlist_selected(const struct tlist *);
/* Position of the selection and the count, -1 when unknown. */
int64_t	 tlist_position(struct tlist *);
int64_t	 tlist_count(struct tlist *);
/* Draw in r: all rows, or only the two whose selection changed. */
void	 tlist_draw(struct tlist *, const struct rect *r, int focused);

/*
 * Lists over an array their owner holds (the side panel, the flags pane):
 * each row is the index of an element, 0 to total - 1, and these serve
 * as the fetch, free_row and position callbacks' work.
 */
void	*tlist_index_row(size_t i);
size_t	 tlist_index(const void *row);
int	 tlist_index_fetch(size_t total, const void *anchor, int backward,
	    size_t limit, void ***rows, size_t *n);
void	 tlist_index_free(void *arg, void *row);
int64_t	 tlist_index_position(void *arg, const void *row);

#endif
