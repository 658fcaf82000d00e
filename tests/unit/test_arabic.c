/* Unit tests for the Arabic folding of the tokenizer (src/archive/arabic.c). */
#include "config.h"

#include "test.h"
#include "archive/arabic.h"

static const char *
fold(const char *s)
{
	static char buf[256];
	size_t n = archive_arabic_fold(s, strlen(s), buf);

	buf[n] = '\0';
	return buf;
}

static void
marks_and_tatweel(void)
{
	/* kataba with fatha on each letter */
	CHECK_STR(fold("\u0643\u064E\u062A\u064E\u0628\u064E"), "\u0643\u062A\u0628");
	/* shadda, sukun, tanwin */
	CHECK_STR(fold("\u0645\u062D\u0645\u0651\u062F\u064C"), "\u0645\u062D\u0645\u062F");
	CHECK_STR(fold("\u0642\u0652\u0644"), "\u0642\u0644");
	/* tatweel (kashida) inside a word */
	CHECK_STR(fold("\u0645\u0640\u0640\u062D\u0640\u0645\u062F"), "\u0645\u062D\u0645\u062F");
	/* superscript alef */
	CHECK_STR(fold("\u0647\u0670\u0630\u0627"), "\u0647\u0630\u0627");
	/* a token of marks alone folds to nothing */
	CHECK_STR(fold("\u064E\u0651"), "");
}

static void
letter_forms(void)
{
	/* alef with hamza above/below, madda, wasla */
	CHECK_STR(fold("\u0623\u062D\u0645\u062F"), "\u0627\u062D\u0645\u062F");
	CHECK_STR(fold("\u0625\u0633\u0644\u0627\u0645"), "\u0627\u0633\u0644\u0627\u0645");
	CHECK_STR(fold("\u0622\u0645\u0646"), "\u0627\u0645\u0646");
	CHECK_STR(fold("\u0671\u0644\u0644\u0647"), "\u0627\u0644\u0644\u0647");
	/* alef maqsura -> ya */
	CHECK_STR(fold("\u0645\u0633\u062A\u0634\u0641\u0649"), "\u0645\u0633\u062A\u0634\u0641\u064A");
	/* teh marbuta -> heh */
	CHECK_STR(fold("\u0645\u062F\u0631\u0633\u0629"), "\u0645\u062F\u0631\u0633\u0647");
	/* waw and ya with hamza */
	CHECK_STR(fold("\u0645\u0624\u062A\u0645\u0631"), "\u0645\u0648\u062A\u0645\u0631");
	CHECK_STR(fold("\u0631\u0626\u064A\u0633"), "\u0631\u064A\u064A\u0633");
	/* Arabic-Indic and extended digits */
	CHECK_STR(fold("\u0662\u0660\u0662\u0665"), "2025");
	CHECK_STR(fold("\u06F1\u06F9"), "19");
}

static void
other_scripts(void)
{
	CHECK_STR(fold("protest"), "protest");
	/* Latin combining accent */
	CHECK_STR(fold("cafe\u0301"), "cafe");
	CHECK_STR(fold("\u4E2D\u6587"), "\u4E2D\u6587");
	/* invalid bytes pass through */
	CHECK_STR(fold("a\xC3"), "a\xC3");
	CHECK_INT(archive_arabic_needs_fold("hello", 5), 0);
	CHECK_INT(archive_arabic_needs_fold("\u0643\u062A\u0628", 6), 0);
	CHECK_INT(archive_arabic_needs_fold("\u0643\u064E\u062A\u0628", 8), 1);
	CHECK_INT(archive_arabic_needs_fold("\u0629", 2), 1);
}

static const char *
stem(const char *s)
{
	static char buf[256];
	size_t n = archive_arabic_fold(s, strlen(s), buf);

	n = archive_arabic_stem(buf, n);
	buf[n] = '\0';
	return buf;
}

static void
light_stemming(void)
{
	/* al-madrasa, madrasa, wal-madrasa, madrasatuha: one stem */
	CHECK_STR(stem("\u0627\u0644\u0645\u062F\u0631\u0633\u0629"),
	    "\u0645\u062F\u0631\u0633");
	CHECK_STR(stem("\u0645\u062F\u0631\u0633\u0629"),
	    "\u0645\u062F\u0631\u0633");
	CHECK_STR(stem("\u0648\u0627\u0644\u0645\u062F\u0631\u0633\u0629"),
	    "\u0645\u062F\u0631\u0633");
	CHECK_STR(stem("\u0645\u062F\u0631\u0633\u062A\u0647\u0627"),
	    "\u0645\u062F\u0631\u0633\u062A");
	/* lil-tullab -> tullab; al-mu'allimun -> mu'allim */
	CHECK_STR(stem("\u0644\u0644\u0637\u0644\u0627\u0628"),
	    "\u0637\u0644\u0627\u0628");
	CHECK_STR(stem("\u0627\u0644\u0645\u0639\u0644\u0645\u0648\u0646"),
	    "\u0645\u0639\u0644\u0645");
	/* short words keep their letters */
	CHECK_STR(stem("\u0648\u0644\u062F"), "\u0648\u0644\u062F");
	/* allah keeps its article (three letters must remain) */
	CHECK_STR(stem("\u0627\u0644\u0644\u0647"), "\u0627\u0644\u0644");
	CHECK_STR(stem("\u0643\u062A\u0628"), "\u0643\u062A\u0628");
	/* not all Arabic letters: left alone */
	CHECK_STR(stem("\u0627\u0644abc"), "\u0627\u0644abc");
	CHECK_STR(stem("protest"), "protest");
}

int
main(void)
{
	test_init();
	TEST_RUN(marks_and_tatweel);
	TEST_RUN(letter_forms);
	TEST_RUN(other_scripts);
	TEST_RUN(light_stemming);
	return test_done();
}
