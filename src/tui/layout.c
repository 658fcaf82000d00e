/*
 * Pane layout (see layout.h). Pure arithmetic on integers.
 */
#include "config.h"

#include <string.h>

#include "tui/layout.h"

#define SPLIT_MIN_COLS	60
#define STACK_MIN_ROWS	12
#define SIDE_MIN_REST	40

static struct rect
rect(int y, int x, int h, int w)
{
	struct rect r;

	r.y = y;
	r.x = x;
	r.h = h > 0 ? h : 0;
	r.w = w > 0 ? w : 0;
	return r;
}

static int
share(int total, int pct, int min)
{
	int n = total * pct / 100;

	if (n < min)
		n = min;
	if (n > total - min)
		n = total - min;
	return n;
}

/* One pane alone fills area. */
static void
alone(const struct layout_in *in, struct rect area, struct layout *out)
{
	if (in->zoom || in->focus_reader)
		out->reader = area;
	else
		out->list = area;
}

static void
split(const struct layout_in *in, struct rect a, struct layout *out)
{
	int stacked = in->stacked, n;

	if (!stacked && a.w < SPLIT_MIN_COLS)
		stacked = 1;
	if (stacked && a.h < STACK_MIN_ROWS)
		stacked = a.w >= SPLIT_MIN_COLS ? 0 : -1;
	if (in->zoom || stacked == -1) {
		alone(in, a, out);
		return;
	}
	out->stacked = stacked;
	if (stacked) {
		n = share(a.h - 1, in->list_pct, 3);
		out->list = rect(a.y, a.x, n, a.w);
		out->sep = rect(a.y + n, a.x, 1, a.w);
		out->reader = rect(a.y + n + 1, a.x, a.h - n - 1, a.w);
	} else {
		n = share(a.w - 1, in->list_pct, 20);
		out->list = rect(a.y, a.x, a.h, n);
		out->sep = rect(a.y, a.x + n, a.h, 1);
		out->reader = rect(a.y, a.x + n + 1, a.h, a.w - n - 1);
	}
}

void
layout_compute(const struct layout_in *in, struct layout *out)
{
	struct rect area;
	int sw;

	memset(out, 0, sizeof *out);
	if (in->cols < LAYOUT_MIN_COLS || in->rows < LAYOUT_MIN_ROWS) {
		out->too_small = 1;
		return;
	}
	out->status = rect(in->rows - 2, 0, 1, in->cols);
	out->prompt = rect(in->rows - 1, 0, 1, in->cols);
	area = out->main = rect(0, 0, in->rows - 2, in->cols);
	sw = in->sidebar_w;
	if (in->sidebar && sw >= 10 && in->cols - sw - 1 >= SIDE_MIN_REST) {
		out->sidebar = rect(0, in->cols - sw, area.h, sw);
		out->side_sep = rect(0, in->cols - sw - 1, area.h, 1);
		area.w -= sw + 1;
	}
	split(in, area, out);
}
