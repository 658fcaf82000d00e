/*
 * The seed article (../shared/seed/enab-baladi-isis-neighbours.txt) through
 * the plain-text importer, field by field, and the Latin-1 file of the BBC
 * corpus. Skips (77) when shared/ is not there.
 */
#include "config.h"

#include <unistd.h>

#include "test.h"
#include "test_import_sink.h"

#define SEED_CAPTION "A high-level Syrian delegation attended the meeting " \
	"of Syria and neighboring countries held in Jordan - March 9, 2025 " \
	"(Syrian Foreign Ministry\\X)"

static char *seed_path;

static void
seed(void)
{
	struct collect c;
	struct article *a;
	char *cause = NULL;
	int rv;

	rv = import_file(seed_path, (collect_init(&c), &c.sink), &cause);
	CHECK_INT(rv, 1);
	CHECK_STR(cause, NULL);
	CHECK_INT(c.n, 1);
	if (c.n != 1)
		return;
	a = c.a[0];
	CHECK_STR(a->title, "A high-level Syrian delegation attended the "
	    "meeting of Syria and neighboring countries\xE2\x80\xA6");
	CHECK_STR(a->source, "Enab Baladi");
	CHECK_STR(a->author, "Hussam al-Mahmoud");
	CHECK_STR(a->caption, SEED_CAPTION);
	/* The latest day mentioned within two months after "March 9, 2025". */
	CHECK_STR(a->published, "2025-03-18");
	CHECK_STR(a->language, "en");
	CHECK(a->body != NULL && strncmp(a->body, "The threats posed", 17) == 0);
	CHECK(a->body != NULL && strstr(a->body, "Send Correction") == NULL);
	CHECK(a->body != NULL && strstr(a->body, "Enab Baladi \xE2\x80\x93") == NULL);
	CHECK(a->body != NULL && strstr(a->body, "Syrian Foreign Ministry") == NULL);
	/* 29 paragraphs, the last about Hayat Tahrir al-Sham's prisons. */
	CHECK_INT(paragraphs(a->body), 29);
	CHECK(a->body != NULL && strstr(a->body, "Earlier, Hayat Tahrir al-Sham") != NULL);
	CHECK(a->corrections != NULL && strstr(a->corrections, "Send Correction") != NULL);
	CHECK_STR(a->url, NULL);
	CHECK_STR(a->origin, seed_path);
	CHECK_INT(c.sink.replaced, 0);
	CHECK_INT(c.nproblems, 0);
	collect_release(&c);
	free(cause);
}

/* The BBC corpus file in Windows-1252/Latin-1 (if the corpora are here). */
static void
bbc_latin1(void)
{
	const char *shared = getenv("LEDE_SHARED");
	char *path, *cause = NULL;
	struct collect c;

	path = xasprintf("%s/corpora/news/bbc/sport/199.txt",
	    shared != NULL ? shared : "../shared");
	if (access(path, R_OK) != 0) {
		printf("# skipped: %s not here\n", path);
		free(path);
		return;
	}
	collect_init(&c);
	CHECK_INT(import_file(path, &c.sink, &cause), 1);
	if (c.n == 1) {
		CHECK_STR(c.a[0]->title, "Chelsea sack Mutu");
		CHECK(strstr(c.a[0]->body, "a \xC2\xA3" "15.8m signing") != NULL);
		CHECK(strncmp(c.a[0]->body, "Chelsea have sacked Adrian Mutu", 31) == 0);
	}
	CHECK_INT(c.sink.replaced, 0);
	collect_release(&c);
	free(cause);
	free(path);
}

int
main(void)
{
	const char *shared = getenv("LEDE_SHARED");
	const char *top = getenv("top_srcdir");

	test_init();
	if (shared != NULL)
		seed_path = xasprintf("%s/seed/enab-baladi-isis-neighbours.txt", shared);
	else
		seed_path = xasprintf("%s/../shared/seed/enab-baladi-isis-neighbours.txt",
		    top != NULL ? top : ".");
	if (access(seed_path, R_OK) != 0)
		test_skip("the seed article (LEDE_SHARED/seed/) is not here");
	TEST_RUN(seed);
	TEST_RUN(bbc_latin1);
	free(seed_path);
	return test_done();
}
