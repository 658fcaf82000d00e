/*
 * Scroll and selection arithmetic for lists and text views, kept pure so
 * the rules are unit-tested without a terminal. Positions are indexes
 * into n rows (or lines); h is the height of the view in rows.
 */
#ifndef LEDE_TUI_SCROLL_H
#define LEDE_TUI_SCROLL_H

#include <stddef.h>

/* sel moved by delta and kept inside 0..n-1 (0 when n is 0). */
size_t	 scroll_move(size_t sel, long delta, size_t n);

/*
 * The top row that keeps sel visible, moving the view as little as
 * possible from top, and never leaving empty rows at the bottom when there
 * are rows above to show.
 */
size_t	 scroll_follow(size_t top, size_t sel, size_t h, size_t n);

/* A text view's top line moved by delta, kept inside 0..max(0, n-h). */
size_t	 scroll_offset(size_t top, long delta, size_t h, size_t n);

/*
 * Page a list by delta rows (a page is h, half a page h/2): the view and
 * the selection move together, so the selected row keeps its place on the
 * screen; at either end the selection goes to the first or last row.
 */
void	 scroll_page(size_t *top, size_t *sel, long delta, size_t h, size_t n);

/*
 * Row of the view (0..h-1) under screen row y of a view starting at top,
 * or -1 when that row is past the last one. For mouse clicks.
 */
long	 scroll_hit(size_t top, long y, size_t h, size_t n);

#endif
