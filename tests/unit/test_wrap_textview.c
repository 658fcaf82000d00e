/*
 * The text view's line building (no terminal needed): labels and their
 * indent, wrapping, right-to-left lines reordered and flagged for right
 * alignment, matches marked through the reordering, find and paragraph
 * moves, and controls made safe before anything is measured.
 */
#include "config.h"

#include "test.h"
#include "tui/tui_int.h"

static void
test_blocks_and_labels(void)
{
	struct tview tv;

	tview_init(&tv);
	tview_add(&tv, "URL: ", E_HEADER, "https://example.org/a/very/long/path",
	    E_URL, 0);
	tview_resize(&tv, 20, 5);
	CHECK_INT(tv.nlines, 3);
	CHECK_STR(tv.lines[0].text, "URL: https://example");
	CHECK_STR(tv.lines[1].text, "     .org/a/very/lon");
	CHECK_INT(tv.lines[0].prefix_len, 5);
	CHECK_INT(tv.lines[2].width, 11);
	CHECK_STR(tv.lines[2].text, "     g/path");
	tview_clear(&tv);
}

static void
test_rtl(void)
{
	struct tview tv;

	tview_init(&tv);
	/* "ab" in Arabic letters, then UNESCO. */
	tview_add(&tv, NULL, E_NORMAL, "\xd8\xa7\xd8\xa8 UNESCO", E_NORMAL,
	    TB_PARA);
	tview_set_terms(&tv, "unesco", 0);
	tview_resize(&tv, 40, 5);
	CHECK_INT(tv.nlines, 1);
	CHECK(tv.lines[0].right);
	CHECK_STR(tv.lines[0].text, "UNESCO \xd8\xa8\xd8\xa7");
	CHECK(tv.lines[0].hl != NULL && tv.lines[0].hl[0] && tv.lines[0].hl[5]
	    && !tv.lines[0].hl[6]);
	tview_clear(&tv);
}

static void
test_find_and_paragraphs(void)
{
	struct tview tv;
	int i;

	tview_init(&tv);
	for (i = 0; i < 10; i++) {
		tview_add(&tv, NULL, E_NORMAL, i == 7 ? "the Needle here" :
		    "hay hay hay hay", E_NORMAL, TB_PARA);
		tview_add(&tv, NULL, E_NORMAL, "", E_NORMAL, 0);
	}
	tview_set_terms(&tv, "needle", 1);
	tview_resize(&tv, 40, 4);
	CHECK_INT(tv.nlines, 20);
	CHECK_INT(tv.nmatch_lines, 1);
	CHECK_INT(tview_find(&tv, 1), 0);
	CHECK_INT(tv.cur, 14);
	CHECK(tv.top <= 14 && 14 < tv.top + 4);
	CHECK_INT(tview_find(&tv, 1), -1);
	tview_top(&tv, 0);
	tview_para(&tv, 1);
	CHECK_INT(tv.top, 2);
	tview_para(&tv, -1);
	CHECK_INT(tv.top, 0);
	tview_top(&tv, 1000);
	CHECK_INT(tv.top, 16);
	tview_clear(&tv);
}

static void
test_unsafe_text(void)
{
	struct tview tv;

	tview_init(&tv);
	tview_add(&tv, NULL, E_NORMAL, "a\x1b]52;c;x\x07" "b\xe2\x80\xae" "c",
	    E_NORMAL, 0);
	tview_add(&tv, NULL, E_NORMAL, "", E_NORMAL, 0);
	tview_resize(&tv, 40, 5);
	CHECK_STR(tv.lines[0].text, "a\xe2\x90\x9b]52;c;x\xe2\x90\x87" "bc");
	CHECK_STR(tv.lines[1].text, "");
	tview_clear(&tv);
}

int
main(void)
{
	test_init();
	TEST_RUN(test_blocks_and_labels);
	TEST_RUN(test_rtl);
	TEST_RUN(test_find_and_paragraphs);
	TEST_RUN(test_unsafe_text);
	return test_done();
}
