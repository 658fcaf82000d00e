/*
 * Key names: parsing what users write in lede.conf and naming keys back
 * the way the parser reads them.
 */
#include "config.h"

#include <stdlib.h>

#include "config/keys.h"
#include "test.h"

static key_code
parse(const char *s)
{
	char *cause;
	key_code k = keys_parse(s, &cause);

	free(cause);
	return k;
}

static void
test_characters(void)
{
	CHECK_INT(parse("j"), 'j');
	CHECK_INT(parse("G"), 'G');
	CHECK_INT(parse("?"), '?');
	CHECK_INT(parse("<"), '<');
	CHECK_INT(parse("é"), 0xE9);
	CHECK_INT(parse("ج"), 0x062C);
	CHECK_INT(parse("jj"), KEYC_NONE);
	CHECK_INT(parse(""), KEYC_NONE);
	CHECK_INT(parse("\x01"), KEYC_NONE);
	CHECK_INT(parse("\xff"), KEYC_NONE);
	CHECK_INT(parse("\xcc\x81"), KEYC_NONE);	/* lone combining mark */
}

static void
test_named(void)
{
	CHECK_INT(parse("<Enter>"), '\r');
	CHECK_INT(parse("<enter>"), '\r');
	CHECK_INT(parse("<Space>"), ' ');
	CHECK_INT(parse("<Tab>"), '\t');
	CHECK_INT(parse("<Hash>"), '#');
	CHECK_INT(parse("<Semicolon>"), ';');
	CHECK_INT(parse("<PgDn>"), KEYC_NPAGE);
	CHECK_INT(parse("<PageUp>"), KEYC_PPAGE);
	CHECK_INT(parse("<F1>"), KEYC_F1);
	CHECK_INT(parse("<F12>"), KEYC_F1 + 11);
	CHECK_INT(parse("<F25>"), KEYC_NONE);
	CHECK_INT(parse("<F99>"), KEYC_NONE);
	CHECK_INT(parse("<Nope>"), KEYC_NONE);
	CHECK_INT(parse("<>"), KEYC_NONE);
	CHECK_INT(parse("<Enter"), KEYC_NONE);
}

static void
test_modifiers(void)
{
	char *cause;

	CHECK_INT(parse("<C-d>"), 0x04);
	CHECK_INT(parse("<C-D>"), 0x04);
	CHECK_INT(parse("<c-u>"), 0x15);
	CHECK_INT(parse("<C-Space>"), 0);
	CHECK_INT(parse("<C-[>"), KEYC_ESC);
	CHECK_INT(parse("<M-x>"), KEYC_META | 'x');
	CHECK_INT(parse("<M-Enter>"), KEYC_META | '\r');
	CHECK_INT(parse("<C-M-a>"), KEYC_META | 1);
	CHECK_INT(keys_parse("<C-F1>", &cause), KEYC_NONE);
	CHECK(cause != NULL && strstr(cause, "Ctrl") != NULL);
	free(cause);
	CHECK_INT(keys_parse("<C-Ü>", &cause), KEYC_NONE);
	free(cause);
}

static void
test_names_round_trip(void)
{
	static const char *const names[] = {
		"j", "G", "<Enter>", "<Tab>", "<BTab>", "<Esc>", "<Space>",
		"<C-d>", "<C-u>", "<M-x>", "<PgDn>", "<PgUp>", "<Home>", "<End>",
		"<F1>", "<F12>", "<Hash>", "<Semicolon>", "<Quote>",
		"<Backslash>", "<Lt>", ">", "ج", "<Backspace>", "<Delete>",
		"<C-Space>", "<M-Hash>", "<C-\\>", "{", "}", "+", "=",
	};
	char out[KEYS_NAME_MAX];
	size_t i;

	for (i = 0; i < sizeof names / sizeof names[0]; i++)
		CHECK_STR(keys_name(parse(names[i]), out), names[i]);
	CHECK_STR(keys_name(parse("<Return>"), out), "<Enter>");
	CHECK_STR(keys_name(parse("<gt>"), out), ">");
	CHECK_STR(keys_name(KEYC_NONE, out), "<None>");
}

static void
test_list(void)
{
	key_code keys[4];
	char *causes;
	size_t n;

	n = keys_parse_list("j <Down>  <C-n>", keys, 4, &causes);
	CHECK_INT(n, 3);
	CHECK(causes == NULL);
	CHECK_INT(keys[1], KEYC_DOWN);
	n = keys_parse_list("j <Bogus> k j", keys, 4, &causes);
	CHECK_INT(n, 2);
	CHECK(causes != NULL && strstr(causes, "<Bogus>") != NULL);
	free(causes);
	n = keys_parse_list("a b c d e", keys, 4, &causes);
	CHECK_INT(n, 4);
	CHECK(causes != NULL && strstr(causes, "too many") != NULL);
	free(causes);
	n = keys_parse_list("", keys, 4, &causes);
	CHECK_INT(n, 0);
	CHECK(causes == NULL);
}

int
main(void)
{
	test_init();
	TEST_RUN(test_characters);
	TEST_RUN(test_named);
	TEST_RUN(test_modifiers);
	TEST_RUN(test_names_round_trip);
	TEST_RUN(test_list);
	return test_done();
}
