/*
 * Shared by the importer targets: a sink that checks every delivered
 * article holds valid UTF-8 in every field, then frees it.
 */
#ifndef LEDE_FUZZ_IMPORT_COMMON_H
#define LEDE_FUZZ_IMPORT_COMMON_H

#include <string.h>

#include "fuzz/fuzz.h"
#include "import/import.h"
#include "util/article.h"
#include "util/utf8.h"

static void
fuzz_check_field(const char *name, const char *s)
{
	if (s != NULL && !utf8_valid(s, strlen(s)))
		fuzz_fail("field %s is not valid UTF-8", name);
}

static int
fuzz_sink_article(struct article *a, void *arg)
{
	(void)arg;
	fuzz_check_field("title", a->title);
	fuzz_check_field("author", a->author);
	fuzz_check_field("source", a->source);
	fuzz_check_field("url", a->url);
	fuzz_check_field("guid", a->guid);
	fuzz_check_field("published", a->published);
	fuzz_check_field("caption", a->caption);
	fuzz_check_field("body", a->body);
	article_free(a);
	return 0;
}

static void
fuzz_sink_problem(const char *where, const char *message, void *arg)
{
	(void)arg;
	if (where == NULL || message == NULL || strchr(message, '\n') != NULL)
		fuzz_fail("a problem must have a place and one line");
}

static void
fuzz_import(enum import_format fmt, const uint8_t *data, size_t size)
{
	struct import_sink sink = { fuzz_sink_article, fuzz_sink_problem, NULL, 0 };
	char *cause = NULL;

	if (import_buffer(fmt, "fuzz", (const char *)data, size, &sink,
	    &cause) < 0 && cause == NULL)
		fuzz_fail("refused without a cause");
	free(cause);
}

#endif
