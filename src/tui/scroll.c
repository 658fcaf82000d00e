/*
 * Scroll arithmetic (see scroll.h). Everything is clamped so that any
 * sequence of moves on any size of data leaves a valid view: the callers
 * never check bounds themselves.
 */
#include "config.h"

#include "tui/scroll.h"

size_t
scroll_move(size_t sel, long delta, size_t n)
{
	if (n == 0)
		return 0;
	if (delta < 0 && (size_t)-delta > sel)
		return 0;
	if (delta > 0 && (size_t)delta >= n - sel)
		return n - 1;
	return (size_t)((long)sel + delta);
}

size_t
scroll_follow(size_t top, size_t sel, size_t h, size_t n)
{
	if (h == 0 || n == 0)
		return 0;
	if (sel < top)
		top = sel;
	else if (sel >= top + h)
		top = sel - h + 1;
	if (n > h && top > n - h)
		top = n - h;
	if (n <= h)
		top = 0;
	return top;
}

size_t
scroll_offset(size_t top, long delta, size_t h, size_t n)
{
	size_t max = n > h ? n - h : 0;

	if (delta < 0 && (size_t)-delta > top)
		return 0;
	top = (size_t)((long)top + delta);
	return top > max ? max : top;
}

void
scroll_page(size_t *top, size_t *sel, long delta, size_t h, size_t n)
{
	size_t moved_top;
	long moved;

	if (n == 0) {
		*top = *sel = 0;
		return;
	}
	moved_top = scroll_offset(*top, delta, h, n);
	moved = (long)moved_top - (long)*top;
	/* At an end the view stops; the selection goes on the full delta. */
	*sel = scroll_move(*sel, moved == delta ? moved : delta, n);
	*top = scroll_follow(moved_top, *sel, h, n);
}

long
scroll_hit(size_t top, long y, size_t h, size_t n)
{
	if (y < 0 || (size_t)y >= h || top + (size_t)y >= n)
		return -1;
	return (long)(top + (size_t)y);
}
