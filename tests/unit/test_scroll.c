/*
 * Scroll arithmetic: every move stays in bounds, the selection stays
 * visible, paging keeps the selected row's place on the screen.
 */
#include "config.h"

#include "test.h"
#include "tui/scroll.h"

static void
test_move(void)
{
	CHECK_INT(scroll_move(0, 1, 10), 1);
	CHECK_INT(scroll_move(0, -1, 10), 0);
	CHECK_INT(scroll_move(9, 1, 10), 9);
	CHECK_INT(scroll_move(5, 100, 10), 9);
	CHECK_INT(scroll_move(5, -100, 10), 0);
	CHECK_INT(scroll_move(0, 1, 0), 0);
	CHECK_INT(scroll_move(3, 0, 10), 3);
}

static void
test_follow(void)
{
	CHECK_INT(scroll_follow(0, 5, 10, 100), 0);
	CHECK_INT(scroll_follow(0, 10, 10, 100), 1);
	CHECK_INT(scroll_follow(20, 5, 10, 100), 5);
	CHECK_INT(scroll_follow(95, 99, 10, 100), 90);	/* no empty rows */
	CHECK_INT(scroll_follow(3, 2, 10, 5), 0);	/* all fits */
	CHECK_INT(scroll_follow(7, 0, 0, 5), 0);
	CHECK_INT(scroll_follow(7, 0, 10, 0), 0);
}

static void
test_offset(void)
{
	CHECK_INT(scroll_offset(0, 5, 10, 100), 5);
	CHECK_INT(scroll_offset(0, -5, 10, 100), 0);
	CHECK_INT(scroll_offset(85, 10, 10, 100), 90);
	CHECK_INT(scroll_offset(0, 10, 10, 5), 0);
	CHECK_INT(scroll_offset(50, -1000, 10, 100), 0);
}

static void
test_page(void)
{
	size_t top = 0, sel = 3;

	scroll_page(&top, &sel, 10, 10, 100);
	CHECK_INT(top, 10);
	CHECK_INT(sel, 13);
	scroll_page(&top, &sel, -5, 10, 100);
	CHECK_INT(top, 5);
	CHECK_INT(sel, 8);
	top = 88, sel = 95;
	scroll_page(&top, &sel, 10, 10, 100);
	CHECK_INT(top, 90);
	CHECK_INT(sel, 99);
	top = 0, sel = 5;
	scroll_page(&top, &sel, -10, 10, 100);
	CHECK_INT(top, 0);
	CHECK_INT(sel, 0);
	top = 0, sel = 2;
	scroll_page(&top, &sel, 10, 10, 4);		/* shorter than a page */
	CHECK_INT(top, 0);
	CHECK_INT(sel, 3);
	top = 7, sel = 7;
	scroll_page(&top, &sel, 1, 10, 0);
	CHECK_INT(top, 0);
	CHECK_INT(sel, 0);
}

/* Any sequence of moves leaves sel in range and visible. */
static void
test_invariants(void)
{
	static const long deltas[] = { 1, -1, 10, -10, 5, -5, 1000, -1000, 3 };
	size_t n, h, top, sel, i;

	for (n = 0; n < 30; n++) {
		for (h = 1; h < 12; h++) {
			top = sel = 0;
			for (i = 0; i < 40; i++) {
				long d = deltas[(i * 7 + n + h) % 9];

				if (i % 2)
					scroll_page(&top, &sel, d, h, n);
				else {
					sel = scroll_move(sel, d, n);
					top = scroll_follow(top, sel, h, n);
				}
				CHECK(n == 0 ? sel == 0 : sel < n);
				CHECK(n == 0 || (sel >= top && sel < top + h));
				CHECK(n <= h ? top == 0 : top <= n - h);
			}
		}
	}
}

static void
test_hit(void)
{
	CHECK_INT(scroll_hit(10, 0, 5, 100), 10);
	CHECK_INT(scroll_hit(10, 4, 5, 100), 14);
	CHECK_INT(scroll_hit(10, 5, 5, 100), -1);
	CHECK_INT(scroll_hit(0, 3, 5, 2), -1);
	CHECK_INT(scroll_hit(0, -1, 5, 2), -1);
}

int
main(void)
{
	test_init();
	TEST_RUN(test_move);
	TEST_RUN(test_follow);
	TEST_RUN(test_offset);
	TEST_RUN(test_page);
	TEST_RUN(test_invariants);
	TEST_RUN(test_hit);
	return test_done();
}
