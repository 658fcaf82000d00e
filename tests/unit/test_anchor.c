/*
 * Anchoring a quote and finding it again after the article changed:
 * the nth occurrence, context cut on character boundaries, an edited
 * article, a moved passage, a deleted passage, re-spaced text, and a short
 * quote that reappears elsewhere without its context.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "flag/anchor.h"
#include "test.h"

static const char body[] =
    "Hundreds of farmers protested on Friday outside the provincial "
    "council in Basra.\n\nThe protesters said the cuts had left fields "
    "dry since January 11. The council said a meeting would be held.";

static void
test_count(void)
{
	CHECK_INT(anchor_count(body, "council"), 2);
	CHECK_INT(anchor_count(body, "Basra"), 1);
	CHECK_INT(anchor_count(body, "Mosul"), 0);
	CHECK_INT(anchor_count(body, ""), 0);
	CHECK_INT(anchor_count("aaa", "aa"), 2);
}

static void
test_find(void)
{
	size_t s, e;
	char *cause = NULL;

	CHECK_INT(anchor_find(body, "Basra", 0, &s, &e, &cause), 0);
	CHECK_INT(e - s, 5);
	CHECK(strncmp(body + s, "Basra", 5) == 0);

	CHECK_INT(anchor_find(body, "council", 0, &s, &e, &cause), -1);
	CHECK(cause != NULL && strstr(cause, "2 times") != NULL);
	free(cause);
	cause = NULL;

	CHECK_INT(anchor_find(body, "council", 2, &s, &e, &cause), 0);
	CHECK(s > 100 && strncmp(body + s, "council", 7) == 0);
	CHECK_INT(anchor_find(body, "council", 1, &s, &e, &cause), 0);
	CHECK(s < 100);

	CHECK_INT(anchor_find(body, "council", 3, &s, &e, &cause), -1);
	free(cause);
	cause = NULL;
	CHECK_INT(anchor_find(body, "Mosul", 0, &s, &e, &cause), -1);
	CHECK(cause != NULL && strstr(cause, "not in the article") != NULL);
	free(cause);
	cause = NULL;
	CHECK_INT(anchor_find(body, "", 0, &s, &e, &cause), -1);
	free(cause);
	cause = NULL;
	CHECK_INT(anchor_find(body, " \n ", 0, &s, &e, &cause), -1);
	free(cause);
	cause = NULL;

	/* Blanks as copied from a wrapped screen: the body's span. */
	CHECK_INT(anchor_find(body, "in Basra. The protesters", 0, &s, &e,
	    &cause), 0);
	CHECK_INT(s, strstr(body, "in Basra.") - body);
	CHECK_INT(e, strstr(body, "protesters") - body + 10);
	CHECK_INT(anchor_find(body, " The  council ", 0, &s, &e, &cause), 0);
	CHECK_INT(s, strstr(body, "The council said") - body);
	CHECK_INT(anchor_find(body, "The\ncouncil", 0, &s, &e, &cause), 0);
}

static void
test_span(void)
{
	const char *ar = "\xd8\xa7\xd9\x84\xd8\xb1\xd9\x82\xd8\xa9";	/* الرقة */
	char *cause = NULL;

	CHECK_INT(anchor_check_span(ar, 0, 4, &cause), 0);
	CHECK_INT(anchor_check_span(ar, 1, 4, &cause), -1);
	free(cause);
	cause = NULL;
	CHECK_INT(anchor_check_span(ar, 0, 3, &cause), -1);
	free(cause);
	cause = NULL;
	CHECK_INT(anchor_check_span(ar, 2, 2, &cause), -1);
	free(cause);
	cause = NULL;
	CHECK_INT(anchor_check_span(ar, 0, 11, &cause), -1);
	free(cause);
	CHECK_INT(anchor_check_span(ar, 0, 10, &cause), 0);
}

static void
test_context(void)
{
	char *p, *s;
	size_t st, en;
	/* 40 two-byte letters, a quote, 40 more. */
	char text[400];
	size_t i, n = 0;

	anchor_find(body, "Friday", 0, &st, &en, &(char *){ NULL });
	anchor_context(body, st, en, &p, &s);
	CHECK_STR(p, "undreds of farmers protested on ");
	CHECK_INT(strlen(s), 32);
	CHECK(strncmp(s, " outside the provincial", 23) == 0);
	free(p);
	free(s);

	/* At the edges the context is shorter. */
	anchor_context(body, 0, 8, &p, &s);
	CHECK_STR(p, "");
	free(p);
	free(s);
	anchor_context(body, strlen(body) - 5, strlen(body), &p, &s);
	CHECK_STR(s, "");
	free(p);
	free(s);

	/* Multi-byte text is cut between characters: 32 characters each side. */
	for (i = 0; i < 40; i++, n += 2)
		memcpy(text + n, "\xd8\xb3", 2);		/* س */
	memcpy(text + n, "QUOTE", 5);
	n += 5;
	for (i = 0; i < 40; i++, n += 3)
		memcpy(text + n, "\xe2\x80\x94", 3);	/* — */
	text[n] = '\0';
	anchor_context(text, 80, 85, &p, &s);
	CHECK_INT(strlen(p), 64);
	CHECK_INT(strlen(s), 96);
	CHECK((unsigned char)p[0] == 0xd8);
	free(p);
	free(s);
}

/* Anchor quote in old, then relocate in new; returns the new offset or -1. */
static long
relocate(const char *old, const char *quote, const char *new)
{
	size_t s, e, ns, ne;
	char *p, *x, *cause = NULL;
	long r;

	if (anchor_find(old, quote, 0, &s, &e, &cause) != 0) {
		free(cause);
		return -2;
	}
	anchor_context(old, s, e, &p, &x);
	r = anchor_relocate(new, quote, p, x, s, &ns, &ne) ? (long)ns : -1;
	if (r >= 0 && strncmp(new + ns, quote, strlen(quote)) != 0 &&
	    ne - ns != strlen(quote))
		r = -3;
	free(p);
	free(x);
	return r;
}

static void
test_relocate_edited(void)
{
	const char *old = "The mayor said 40 people were hurt. Police disagreed.";
	const char *new = "On Monday the city's mayor said 40 people were hurt. "
	    "Police disagreed.";

	CHECK_INT(relocate(old, "40 people were hurt", new),
	    strstr(new, "40 people") - new);
	/* Unchanged text: the same place. */
	CHECK_INT(relocate(old, "40 people were hurt", old),
	    strstr(old, "40 people") - old);
}

static void
test_relocate_moved(void)
{
	const char *old = "First paragraph here.\n\nThe bridge opened in "
	    "April 2024 after repairs.\n\nLast paragraph.";
	const char *new = "The bridge opened in April 2024 after repairs.\n\n"
	    "First paragraph here, now longer than before.\n\nLast paragraph.";

	CHECK_INT(relocate(old, "The bridge opened in April 2024", new), 0);
}

static void
test_relocate_deleted(void)
{
	const char *old = "Officials said 12 people died. Rescue work goes on.";
	const char *new = "Officials gave no figure. Rescue work goes on.";

	CHECK_INT(relocate(old, "12 people died", new), -1);
	/* A corrected number is a changed passage: not found either. */
	CHECK_INT(relocate(old, "12 people died",
	    "Officials said 14 people died. Rescue work goes on."), -1);
}

static void
test_relocate_choice(void)
{
	/* Two occurrences: the one with the old context wins over the nearer. */
	const char *old = "A. The council met. B. Nothing. C. The council voted.";
	const char *new = "The council voted. A. The council met. B. Nothing.";
	size_t s, e, ns, ne;
	char *p, *x;

	s = (size_t)(strstr(old, "The council voted") - old);
	e = s + strlen("The council");
	anchor_context(old, s, e, &p, &x);
	CHECK(anchor_relocate(new, "The council", p, x, s, &ns, &ne));
	CHECK_INT(ns, 0);
	free(p);
	free(x);

	/* Equal context: the nearest to the old offset. */
	CHECK(anchor_relocate("x ab x ab x ab", "ab", "", "", 7, &ns, &ne));
	CHECK_INT(ns, 7);
	CHECK(anchor_relocate("x ab x ab x ab", "ab", "", "", 12, &ns, &ne));
	CHECK_INT(ns, 12);
}

static void
test_relocate_short_elsewhere(void)
{
	/* A short quote whose sentence went, found only in another sentence
	   with none of its context: not the same passage. */
	const char *old = "Turnout was low on Friday, officials said. Markets "
	    "opened as usual on Sunday.";
	const char *new = "Markets opened as usual on Sunday. The report "
	    "comes Friday.";

	CHECK_INT(relocate(old, "Friday", new), -1);
}

static void
test_relocate_respaced(void)
{
	const char *old = "He said the dam\nwould open soon. Others doubted it.";
	const char *new = "He said the dam would  open soon. Others doubted it.";
	size_t s, e, ns, ne;
	char *p, *x;

	s = (size_t)(strstr(old, "the dam") - old);
	e = (size_t)(strstr(old, "soon") - old) + 4;
	anchor_context(old, s, e, &p, &x);
	CHECK(anchor_relocate(new, "the dam\nwould open soon", p, x, s, &ns,
	    &ne));
	CHECK_INT(ns, strstr(new, "the dam") - new);
	CHECK_INT(ne, strstr(new, "soon") - new + 4);
	free(p);
	free(x);
}

static void
test_relocate_arabic(void)
{
	/* "Raqqa" in an Arabic sentence, with text added before it. */
	const char *old = "\xd9\x82\xd8\xa7\xd9\x84 \xd8\xa7\xd9\x84\xd8\xb4"
	    "\xd9\x87\xd9\x88\xd8\xaf \xd9\x81\xd9\x8a \xd8\xa7\xd9\x84\xd8\xb1"
	    "\xd9\x82\xd8\xa9 \xd8\xa7\xd9\x84\xd9\x8a\xd9\x88\xd9\x85";
	char new[256];

	snprintf(new, sizeof new, "%s %s", "\xd8\xb9\xd8\xa7\xd8\xac\xd9\x84:",
	    old);
	CHECK_INT(relocate(old, "\xd8\xa7\xd9\x84\xd8\xb1\xd9\x82\xd8\xa9", new),
	    strstr(new, "\xd8\xa7\xd9\x84\xd8\xb1\xd9\x82\xd8\xa9") - new);
}

int
main(void)
{
	test_init();
	TEST_RUN(test_count);
	TEST_RUN(test_find);
	TEST_RUN(test_span);
	TEST_RUN(test_context);
	TEST_RUN(test_relocate_edited);
	TEST_RUN(test_relocate_moved);
	TEST_RUN(test_relocate_deleted);
	TEST_RUN(test_relocate_choice);
	TEST_RUN(test_relocate_short_elsewhere);
	TEST_RUN(test_relocate_respaced);
	TEST_RUN(test_relocate_arabic);
	return test_done();
}
