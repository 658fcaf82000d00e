/*
 * The reader's selection arithmetic (src/tui/select.c) on plain bodies:
 * units, the unit under an offset, growing and shrinking at either end
 * by words, sentences and paragraphs, stepping, and finding a word.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "extract/extract.h"
#include "test.h"
#include "tui/select.h"

static const char body[] =
    "Four cranes went back. The port said so.\n"
    "\n"
    "Ships waited outside. Dock workers cheered.\n"
    "A third paragraph, one sentence.";

/* The selected text, for comparing. */
static char sel_text[256];

static const char *
text(const struct selection *s)
{
	size_t n = s->end - s->start;

	if (n >= sizeof sel_text)
		n = sizeof sel_text - 1;
	memcpy(sel_text, body + s->start, n);
	sel_text[n] = '\0';
	return sel_text;
}

static void
test_words(void)
{
	struct extract_span *w;
	size_t n = select_words(body, strlen(body), &w);

	CHECK_INT(n, 19);
	CHECK_INT(w[0].start, 0);
	CHECK_INT(w[0].end, 4);
	CHECK_INT(w[3].start, 17);	/* "back." keeps its full stop */
	CHECK_INT(w[3].end, 22);
	free(w);
	CHECK_INT(select_words("  \n ", 4, &w), 0);
	CHECK(w == NULL);
}

static void
test_paragraphs(void)
{
	struct extract_span *p;
	size_t n = select_paragraphs(body, strlen(body), &p);

	CHECK_INT(n, 3);
	CHECK_INT(p[0].start, 0);
	CHECK_INT(p[0].end, 40);
	CHECK_INT(p[1].start, 42);
	CHECK_INT(p[2].end, strlen(body));
	free(p);
	/* Trailing spaces and a CR are not part of a paragraph. */
	n = select_paragraphs(" One. \r\n\n Two.", 14, &p);
	CHECK_INT(n, 2);
	CHECK_INT(p[0].start, 1);
	CHECK_INT(p[0].end, 5);
	CHECK_INT(p[1].start, 10);
	free(p);
}

static void
test_trim(void)
{
	struct extract_span s = { 3, 8 };

	CHECK_INT(select_trim("ab  cd  ef", &s), 0);
	CHECK_INT(s.start, 4);
	CHECK_INT(s.end, 6);
	s.start = 2;
	s.end = 4;
	CHECK_INT(select_trim("ab  cd", &s), -1);
}

static void
test_at(void)
{
	struct extract_span *w;
	struct selection s;
	size_t n = select_words(body, strlen(body), &w);

	CHECK_INT(select_at(&s, w, n, 0), 0);
	CHECK_STR(text(&s), "Four");
	CHECK_INT(select_at(&s, w, n, 6), 0);	/* inside "cranes" */
	CHECK_STR(text(&s), "cranes");
	CHECK_INT(select_at(&s, w, n, 4), 0);	/* a space: the next word */
	CHECK_STR(text(&s), "cranes");
	CHECK_INT(s.at_start, 0);
	CHECK_INT(select_at(&s, w, n, strlen(body)), -1);
	free(w);
}

static void
test_words_grow_shrink(void)
{
	struct extract_span *w;
	struct selection s;
	size_t n = select_words(body, strlen(body), &w);

	select_at(&s, w, n, 0);
	CHECK_INT(select_extend(&s, w, n), 0);
	CHECK_INT(select_extend(&s, w, n), 0);
	CHECK_STR(text(&s), "Four cranes went");
	CHECK_INT(select_shrink(&s, w, n), 0);
	CHECK_STR(text(&s), "Four cranes");
	CHECK_INT(select_shrink(&s, w, n), 0);
	CHECK_STR(text(&s), "Four");
	CHECK_INT(select_shrink(&s, w, n), -1);	/* never empty */
	CHECK_STR(text(&s), "Four");
	/* The last word cannot grow. */
	select_at(&s, w, n, strlen(body) - 3);
	CHECK_STR(text(&s), "sentence.");
	CHECK_INT(select_extend(&s, w, n), -1);
	free(w);
}

static void
test_other_end(void)
{
	struct extract_span *w;
	struct selection s;
	size_t n = select_words(body, strlen(body), &w);

	select_at(&s, w, n, 12);		/* "went" */
	s.at_start = 1;
	CHECK_INT(select_extend(&s, w, n), 0);
	CHECK_STR(text(&s), "cranes went");
	CHECK_INT(select_extend(&s, w, n), 0);
	CHECK_STR(text(&s), "Four cranes went");
	CHECK_INT(select_extend(&s, w, n), -1);	/* at the body's start */
	CHECK_INT(select_shrink(&s, w, n), 0);
	CHECK_STR(text(&s), "cranes went");
	CHECK_INT(select_shrink(&s, w, n), 0);
	CHECK_STR(text(&s), "went");
	CHECK_INT(select_shrink(&s, w, n), -1);
	CHECK_INT(select_head(&s), 12);
	s.at_start = 0;
	CHECK_INT(select_head(&s), 15);		/* the last byte of "went" */
	free(w);
}

static void
test_sentences(void)
{
	struct extract_span *u;
	struct selection s;
	size_t n = extract_sentences(body, strlen(body), &u);

	CHECK_INT(n, 5);
	CHECK_INT(select_at(&s, u, n, 0), 0);
	CHECK_STR(text(&s), "Four cranes went back.");
	CHECK_INT(select_extend(&s, u, n), 0);
	CHECK_STR(text(&s), "Four cranes went back. The port said so.");
	/* Across the blank line into the next paragraph. */
	CHECK_INT(select_extend(&s, u, n), 0);
	CHECK_INT(s.end, 63);
	CHECK_INT(select_shrink(&s, u, n), 0);
	CHECK_INT(select_shrink(&s, u, n), 0);
	CHECK_STR(text(&s), "Four cranes went back.");
	/* Stepping replaces the selection by the next or previous one. */
	CHECK_INT(select_step(&s, u, n, 1), 0);
	CHECK_STR(text(&s), "The port said so.");
	CHECK_INT(select_step(&s, u, n, 1), 0);
	CHECK_STR(text(&s), "Ships waited outside.");
	CHECK_INT(select_step(&s, u, n, -1), 0);
	CHECK_INT(select_step(&s, u, n, -1), 0);
	CHECK_STR(text(&s), "Four cranes went back.");
	CHECK_INT(select_step(&s, u, n, -1), -1);
	select_at(&s, u, n, strlen(body) - 1);
	CHECK_INT(select_step(&s, u, n, 1), -1);
	free(u);
}

static void
test_paragraph_grow(void)
{
	struct extract_span *w, *p;
	struct selection s;
	size_t nw = select_words(body, strlen(body), &w);
	size_t np = select_paragraphs(body, strlen(body), &p);

	/* A word grows to the end of its paragraph, then the next one. */
	select_at(&s, w, nw, 5);
	CHECK_INT(select_extend(&s, p, np), 0);
	CHECK_STR(text(&s), "cranes went back. The port said so.");
	CHECK_INT(select_extend(&s, p, np), 0);
	CHECK_INT(s.end, 85);
	/* Shrinking stops short of the start. */
	CHECK_INT(select_shrink(&s, p, np), 0);
	CHECK_INT(s.end, 40);
	CHECK_INT(select_shrink(&s, p, np), -1);
	CHECK_INT(s.start, 5);
	free(w);
	free(p);
}

static void
test_find(void)
{
	const char *b = "Dock workers at the D\xC3\x89P\xC3\x94T cheered";

	CHECK_INT(select_find(b, 0, strlen(b), "workers"), 5);
	CHECK_INT(select_find(b, 0, strlen(b), "WORKERS"), 5);
	CHECK_INT(select_find(b, 0, strlen(b), "d\xC3\xa9p\xC3\xb4t"), 20);
	CHECK_INT(select_find(b, 6, strlen(b), "workers"), (size_t)-1);
	CHECK_INT(select_find(b, 0, 10, "workers"), (size_t)-1);
	CHECK_INT(select_find(b, 0, strlen(b), ""), (size_t)-1);
}

int
main(void)
{
	test_init();
	TEST_RUN(test_words);
	TEST_RUN(test_paragraphs);
	TEST_RUN(test_trim);
	TEST_RUN(test_at);
	TEST_RUN(test_words_grow_shrink);
	TEST_RUN(test_other_end);
	TEST_RUN(test_sentences);
	TEST_RUN(test_paragraph_grow);
	TEST_RUN(test_find);
	return test_done();
}
