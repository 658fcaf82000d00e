/*
 * Search input of any kind against a real archive: every query returns
 * rows or none, never an error (the query compiler quotes everything FTS5
 * could read as syntax). The archive is built once per process.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "archive/archive.h"
#include "fuzz/fuzz.h"
#include "util/article.h"
#include "util/xalloc.h"

static struct archive *ar;

static void
setup(void)
{
	static const char *bodies[] = {
		"Farmers protested water cuts in Basra on Friday.",
		"\xd8\xa7\xd9\x84\xd9\x85\xd9\x88\xd8\xb5\xd9\x84 bridge C++ multi-agent don't",
		"The old iron bridge over the Tigris reopened.",
	};
	char dir[] = "/tmp/lede-fuzz-query.XXXXXX", *path, *cause = NULL;
	struct article a = { 0 };
	size_t i;

	if (mkdtemp(dir) == NULL)
		fuzz_fail("mkdtemp");
	path = xasprintf("%s/a.db", dir);
	if ((ar = archive_open(path, 0, &cause)) == NULL ||
	    archive_begin(ar, &cause) != 0)
		fuzz_fail("archive: %s", cause);
	for (i = 0; i < sizeof bodies / sizeof bodies[0]; i++) {
		a.title = xasprintf("Article %zu", i);
		a.body = xstrdup(bodies[i]);
		a.source = xstrdup("Fuzz Wire");
		a.published = xstrdup(i % 2 ? "2025-03-09" : "2024-11");
		if (archive_put(ar, &a, NULL, NULL, &cause) < 0)
			fuzz_fail("put: %s", cause);
		article_release(&a);
	}
	if (archive_commit(ar, &cause) != 0)
		fuzz_fail("commit: %s", cause);
	free(path);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const enum archive_order orders[] = {
		ARCHIVE_NEWEST, ARCHIVE_OLDEST, ARCHIVE_RELEVANCE,
	};
	struct archive_filter f = { 0 };
	struct archive_page pg = { 0 };
	char *q, *cause = NULL;
	size_t i;

	if (ar == NULL)
		setup();
	q = xstrndup((const char *)data, size);
	f.query = q;
	for (i = 0; i < 3; i++) {
		f.order = orders[i];
		if (archive_list(ar, &f, 0, 0, 10, 1, &pg, &cause) != 0)
			fuzz_fail("query \"%s\" failed: %s", q, cause);
		archive_page_release(&pg);
	}
	free(q);
	return 0;
}
