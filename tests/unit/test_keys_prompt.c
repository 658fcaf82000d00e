/*
 * The prompt's line editing: whole characters only, word and line
 * deletion, the length limit, history browsing that keeps the line being
 * typed.
 */
#include "config.h"

#include "test.h"
#include "tui/prompt.h"

static void
type(struct prompt *p, const char *s)
{
	while (*s != '\0')
		prompt_insert(p, (unsigned char)*s++);
}

static void
test_editing(void)
{
	struct prompt p;

	prompt_init(&p, 0, "/", NULL, NULL);
	type(&p, "hello world");
	CHECK_STR(p.text, "hello world");
	prompt_delete_word(&p);
	CHECK_STR(p.text, "hello ");
	prompt_home(&p);
	prompt_insert(&p, 'X');
	CHECK_STR(p.text, "Xhello ");
	CHECK_INT(p.cur, 1);
	prompt_right(&p);
	prompt_kill_to_end(&p);
	CHECK_STR(p.text, "Xh");
	prompt_left(&p);
	prompt_kill_to_start(&p);
	CHECK_STR(p.text, "h");
	CHECK_INT(p.cur, 0);
	prompt_delete_forward(&p);
	CHECK_STR(p.text, "");
	prompt_delete_back(&p);
	prompt_left(&p);
	CHECK_INT(p.cur, 0);
	prompt_insert(&p, 0x1b);		/* controls are never typed */
	CHECK_STR(p.text, "");
	prompt_release(&p);
}

static void
test_multibyte(void)
{
	struct prompt p;

	prompt_init(&p, 0, "/", "caf", NULL);
	prompt_insert(&p, 'e');
	prompt_insert(&p, 0x301);		/* combining acute */
	prompt_insert(&p, 0x6771);		/* 東 */
	CHECK_STR(p.text, "cafe\xcc\x81\xe6\x9d\xb1");
	prompt_delete_back(&p);
	CHECK_STR(p.text, "cafe\xcc\x81");
	prompt_left(&p);			/* over e and its accent */
	CHECK_INT(p.cur, 3);
	prompt_delete_forward(&p);
	CHECK_STR(p.text, "caf");
	prompt_release(&p);
}

static void
test_limit(void)
{
	struct prompt p;
	int i, full = 0;

	prompt_init(&p, 0, "/", NULL, NULL);
	for (i = 0; i < 10000; i++)
		full |= prompt_insert(&p, 'a') != 0;
	CHECK(full);
	CHECK_INT(p.len, PROMPT_MAX);
	prompt_release(&p);
}

static void
test_history(void)
{
	struct history h = { { 0 }, 0 };
	struct prompt p;
	int i;

	history_add(&h, "first");
	history_add(&h, "second");
	history_add(&h, "second");
	history_add(&h, "");
	CHECK_INT(h.n, 2);
	prompt_init(&p, 0, "/", NULL, &h);
	type(&p, "typing");
	prompt_history(&p, -1);
	CHECK_STR(p.text, "second");
	prompt_history(&p, -1);
	CHECK_STR(p.text, "first");
	prompt_history(&p, -1);
	CHECK_STR(p.text, "first");
	prompt_history(&p, 1);
	prompt_history(&p, 1);
	CHECK_STR(p.text, "typing");
	prompt_history(&p, 1);
	CHECK_STR(p.text, "typing");
	prompt_release(&p);
	for (i = 0; i < HISTORY_MAX + 5; i++) {
		char s[16];

		snprintf(s, sizeof s, "q%d", i);
		history_add(&h, s);
	}
	CHECK_INT(h.n, HISTORY_MAX);
	CHECK_STR(h.items[HISTORY_MAX - 1], "q104");
	history_release(&h);
}

int
main(void)
{
	test_init();
	TEST_RUN(test_editing);
	TEST_RUN(test_multibyte);
	TEST_RUN(test_limit);
	TEST_RUN(test_history);
	return test_done();
}
