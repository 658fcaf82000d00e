/*
 * Pane layout: the panes tile the screen without overlap at any size, the
 * fallbacks on small terminals, the minimum size.
 */
#include "config.h"

#include "test.h"
#include "tui/layout.h"

static struct layout_in
base(int cols, int rows)
{
	struct layout_in in;

	memset(&in, 0, sizeof in);
	in.cols = cols;
	in.rows = rows;
	in.list_pct = 45;
	in.sidebar_w = 30;
	return in;
}

static void
test_side_by_side(void)
{
	struct layout_in in = base(100, 30);
	struct layout l;

	layout_compute(&in, &l);
	CHECK(!l.too_small);
	CHECK_INT(l.list.x, 0);
	CHECK_INT(l.list.w, 44);
	CHECK_INT(l.sep.x, 44);
	CHECK_INT(l.reader.x, 45);
	CHECK_INT(l.reader.w, 55);
	CHECK_INT(l.list.h, 28);
	CHECK_INT(l.status.y, 28);
	CHECK_INT(l.prompt.y, 29);
}

static void
test_stacked_and_fallbacks(void)
{
	struct layout_in in = base(100, 30);
	struct layout l;

	in.stacked = 1;
	layout_compute(&in, &l);
	CHECK(l.stacked);
	CHECK_INT(l.list.y, 0);
	CHECK_INT(l.sep.y, l.list.h);
	CHECK_INT(l.reader.y + l.reader.h, 28);
	in = base(50, 30);		/* too narrow for side by side */
	layout_compute(&in, &l);
	CHECK(l.stacked);
	in = base(50, 8);		/* neither fits: the list alone */
	layout_compute(&in, &l);
	CHECK_INT(l.list.w, 50);
	CHECK_INT(l.reader.w, 0);
	in.focus_reader = 1;
	layout_compute(&in, &l);
	CHECK_INT(l.reader.w, 50);
	CHECK_INT(l.list.w, 0);
}

static void
test_zoom_and_sidebar(void)
{
	struct layout_in in = base(120, 30);
	struct layout l;

	in.zoom = 1;
	layout_compute(&in, &l);
	CHECK_INT(l.reader.w, 120);
	CHECK_INT(l.list.w, 0);
	in.zoom = 0;
	in.sidebar = 1;
	layout_compute(&in, &l);
	CHECK_INT(l.sidebar.x, 90);
	CHECK_INT(l.side_sep.x, 89);
	CHECK_INT(l.reader.x + l.reader.w, 89);
	in.cols = 60;			/* no room for the side panel */
	layout_compute(&in, &l);
	CHECK_INT(l.sidebar.w, 0);
}

static void
test_too_small(void)
{
	struct layout_in in = base(19, 30);
	struct layout l;

	layout_compute(&in, &l);
	CHECK(l.too_small);
	in = base(1, 1);
	layout_compute(&in, &l);
	CHECK(l.too_small);
	in = base(20, 5);
	layout_compute(&in, &l);
	CHECK(!l.too_small);
}

/* Nothing overlaps and nothing leaves the screen, at every size. */
static void
test_tiling(void)
{
	int cols, rows, stacked, side;
	struct layout_in in;
	struct layout l;

	for (cols = 20; cols < 160; cols += 7)
		for (rows = 5; rows < 60; rows += 3)
			for (stacked = 0; stacked < 2; stacked++)
				for (side = 0; side < 2; side++) {
					in = base(cols, rows);
					in.stacked = stacked;
					in.sidebar = side;
					layout_compute(&in, &l);
					CHECK(l.list.x + l.list.w <= cols);
					CHECK(l.reader.x + l.reader.w <= cols);
					CHECK(l.list.y + l.list.h <= rows - 2);
					CHECK(l.reader.y + l.reader.h <= rows - 2);
					CHECK(l.list.w == 0 || l.reader.w == 0 ||
					    l.list.x + l.list.w <= l.reader.x ||
					    l.list.y + l.list.h <= l.reader.y);
					CHECK(l.sidebar.w == 0 ||
					    l.reader.x + l.reader.w <= l.sidebar.x);
				}
}

int
main(void)
{
	test_init();
	TEST_RUN(test_side_by_side);
	TEST_RUN(test_stacked_and_fallbacks);
	TEST_RUN(test_zoom_and_sidebar);
	TEST_RUN(test_too_small);
	TEST_RUN(test_tiling);
	return test_done();
}
