/*
 * The text view's line building (no terminal needed): labels and their
 * indent, wrapping, right-to-left lines reordered and flagged for right
 * alignment, matches marked through the reordering, find and paragraph
 * moves, and controls made safe before anything is measured.
 */
#include "config.h"

#include <string.h>

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

/*
 * Blocks with origins: spans in source offsets land on the right bytes,
 * through wrapping, through an escape sequence made safe (which changes
 * the length) and through right-to-left reordering; lines know which
 * source bytes they show, and n/N can step through mentions.
 */
static void
test_spans_and_offsets(void)
{
	/* Source: "Ab\x1b[31mcd Macron said.\nSecond Macron para." */
	const char *p1 = "Ab\x1b[31mcd Macron said.";
	const char *p2 = "Second Macron para.";
	size_t o2 = strlen(p1) + 1, m1 = 10, m2 = o2 + 7;
	struct tspan sp[] = {
		{ m2, m2 + 6, HL_MENTION },
		{ m1, m1 + 6, HL_MENTION },
		{ 0, 2, HL_FLAG },
		{ m1 + 2, m1 + 4, HL_SELECT },
	};
	struct tview tv;
	const struct tline *l;
	char info[32];
	size_t k;

	CHECK_INT(memcmp(p1 + m1, "Macron", 6), 0);
	tview_init(&tv);
	tview_add(&tv, NULL, E_TITLE, "Title", E_TITLE, TB_PARA);
	tview_add_at(&tv, p1, E_NORMAL, TB_PARA, 0);
	tview_add(&tv, NULL, E_NORMAL, "", E_NORMAL, 0);
	tview_add_at(&tv, p2, E_NORMAL, TB_PARA, o2);
	tview_resize(&tv, 40, 10);
	tview_set_spans(&tv, sp, 4);
	CHECK_INT(tv.nlines, 4);
	CHECK_INT(tv.lines[0].ostart, TV_NOORIGIN);
	l = &tv.lines[1];
	CHECK_INT(l->ostart, 0);
	CHECK_INT(l->oend, strlen(p1));
	/* ESC became a three-byte picture: "Ab" + pic + "[31mcd Macron". */
	CHECK_STR(l->text, "Ab\xe2\x90\x9b[31mcd Macron said.");
	CHECK(l->hl != NULL);
	CHECK_INT(l->hl[0], HL_FLAG);
	CHECK_INT(l->hl[1], HL_FLAG);
	CHECK_INT(l->hl[2], 0);
	k = strlen("Ab\xe2\x90\x9b[31mcd ");
	CHECK_INT(l->hl[k], HL_MENTION);
	CHECK_INT(l->hl[k + 2], HL_MENTION | HL_SELECT);
	CHECK_INT(l->hl[k + 5], HL_MENTION);
	CHECK_INT(l->hl[k + 6], 0);
	CHECK_INT(tv.lines[3].ostart, o2);
	CHECK_INT(tv.lines[3].hl[7], HL_MENTION);
	CHECK_INT(tview_line_of(&tv, m2 + 1), 3);
	CHECK_INT(tview_line_of(&tv, o2 - 1), 3);	/* the newline: next line */
	CHECK_INT(tview_line_of(&tv, 5), 1);

	/* n/N through the mentions. */
	tview_set_find(&tv, HL_MENTION);
	CHECK_INT(tv.nmatch_lines, 2);
	CHECK_INT(tview_find(&tv, 1), 0);
	CHECK_INT(tv.cur, 1);
	CHECK_INT(tview_find(&tv, 1), 0);
	CHECK_INT(tv.cur, 3);
	tview_match_info(&tv, info, sizeof info);
	CHECK_STR(info, "match 2/2");
	CHECK_INT(tview_find(&tv, 1), -1);

	/* Narrow: the mention wraps to its own line; offsets follow. */
	tview_resize(&tv, 12, 10);
	CHECK_INT(tview_line_of(&tv, m1), 2);
	CHECK_INT(tv.lines[2].ostart, m1);
	CHECK_INT(tv.lines[2].hl[0], HL_MENTION);
	tview_top(&tv, 0);
	CHECK_INT(tview_top_offset(&tv), 0);
	CHECK_INT(tview_show(&tv, m2), 0);
	CHECK_INT(tv.cur, tview_line_of(&tv, m2));

	tview_set_spans(&tv, NULL, 0);
	CHECK(tv.lines[2].hl == NULL);
	tview_clear(&tv);

	/* Right to left: the mark follows the bytes to their visual place. */
	{
		const char *ar = "\xd8\xa7\xd8\xa8 UNESCO";
		struct tspan s2 = { 5, 11, HL_MENTION };

		tview_init(&tv);
		tview_add_at(&tv, ar, E_NORMAL, TB_PARA, 100);
		s2.start += 100;
		s2.end += 100;
		tview_set_spans(&tv, &s2, 1);
		tview_resize(&tv, 40, 5);
		CHECK_STR(tv.lines[0].text, "UNESCO \xd8\xa8\xd8\xa7");
		CHECK_INT(tv.lines[0].hl[0], HL_MENTION);
		CHECK_INT(tv.lines[0].hl[6], 0);
		CHECK_INT(tv.lines[0].ostart, 100);
		tview_clear(&tv);
	}
}

int
main(void)
{
	test_init();
	TEST_RUN(test_blocks_and_labels);
	TEST_RUN(test_rtl);
	TEST_RUN(test_find_and_paragraphs);
	TEST_RUN(test_unsafe_text);
	TEST_RUN(test_spans_and_offsets);
	return test_done();
}
