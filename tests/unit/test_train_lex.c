/*
 * Unit tests for lede-train's WordNet name loader (src/extract
 * train_lex.c, train_gaz_wordnet): which synsets of a data.noun become
 * gazetteer phrases and of what kind, and what happens when the file is
 * missing or is not WordNet's. The data.noun lines are written here,
 * in WordNet's format, so no Debian package is needed.
 */
#include "config.h"

#include <unistd.h>

#include "test.h"
#include "extract/ner.h"
#include "extract/train.h"

static char dir[] = "/tmp/lede-test-wn.XXXXXX";
static char errpath[64];

/* Write text as dir/data.noun. */
static void
write_data(const char *text)
{
	char path[128];
	FILE *f;

	snprintf(path, sizeof path, "%s/data.noun", dir);
	f = fopen(path, "w");
	CHECK(f != NULL);
	if (f == NULL)
		return;
	fputs(text, f);
	fclose(f);
}

/* Run the loader with stderr sent to a file; *msg gets what it said. */
static int
load(struct ner_gaz *g, const char *d, char *msg, size_t size)
{
	FILE *f;
	size_t n = 0;
	int rc, saved;

	fflush(stderr);
	saved = dup(2);
	if (freopen(errpath, "w", stderr) == NULL)
		return -2;
	rc = train_gaz_wordnet(g, d);
	fflush(stderr);
	dup2(saved, 2);
	close(saved);
	msg[0] = '\0';
	if ((f = fopen(errpath, "r")) != NULL) {
		n = fread(msg, 1, size - 1, f);
		fclose(f);
	}
	msg[n] = '\0';
	return rc;
}

static int
kind(const struct ner_gaz *g, const char *phrase)
{
	return ner_gaz_find(g, ner_phrase_hash(phrase));
}

static void
instances_are_typed_by_lexicographer_file(void)
{
	struct ner_gaz g;
	char msg[512];

	write_data(
	    "  1 This software and database is being provided\n"
	    "09135590 15 n 01 Gettysburg 0 002 @i 08665504 n 0000 "
	    "#p 09134386 n 0000 | a small town in southern Pennsylvania\n"
	    "01279615 04 n 02 Gettysburg 0 Battle_of_Gettysburg 0 003 "
	    "@i 00956485 n 0000 #p 01301630 n 0000 ;r 09134386 n 0000 "
	    "| a battle of the American Civil War (1863)\n"
	    "11170438 18 n 02 Meade 0 George_Gordon_Meade 0 001 "
	    "@i 10123844 n 0000 | United States general\n"
	    "08100000 14 n 01 Marx_Brothers 0 001 @i 07900000 n 0000 "
	    "| a family of comedians\n"
	    "00900000 04 n 01 Peasant's_Revolt 0 001 @i 00800000 n 0000 "
	    "| a revolt of 1381\n"
	    "09700000 18 n 01 Frenchman 0 001 @ 09600000 n 0000 "
	    "| a native of France\n"
	    "03000000 06 n 01 zeppelin 0 001 @i 02000000 n 0000 "
	    "| a rigid airship\n"
	    "01300000 05 n 01 Lassie 0 001 @i 01200000 n 0000 | a dog\n");
	memset(&g, 0, sizeof g);
	CHECK_INT(load(&g, dir, msg, sizeof msg), 0);
	CHECK_STR(msg, "");
	ner_gaz_finish(&g);
	/* a town and a battle: both kinds */
	CHECK_INT(kind(&g, "gettysburg"), GAZ_LOC | GAZ_MISC);
	CHECK_INT(kind(&g, "battle of gettysburg"), GAZ_MISC);
	/* the first words lead on to the phrase, and are no name */
	CHECK_INT(kind(&g, "battle"), GAZ_PREFIX);
	CHECK_INT(kind(&g, "battle of"), GAZ_PREFIX);
	CHECK_INT(kind(&g, "meade"), GAZ_PER);
	CHECK_INT(kind(&g, "george gordon meade"), GAZ_PER);
	CHECK_INT(kind(&g, "marx brothers"), GAZ_ORG);
	/* split as the tokenizer splits "Peasant's" */
	CHECK_INT(kind(&g, "peasant 's revolt"), GAZ_MISC);
	/* a kind of person, not a person; a common noun; an animal */
	CHECK_INT(kind(&g, "frenchman"), 0);
	CHECK_INT(kind(&g, "zeppelin"), 0);
	CHECK_INT(kind(&g, "lassie"), 0);
	ner_gaz_release(&g);
}

static void
missing_file_is_named(void)
{
	struct ner_gaz g;
	char msg[512];

	memset(&g, 0, sizeof g);
	CHECK_INT(load(&g, "/nonexistent/wordnet", msg, sizeof msg), -1);
	CHECK_INT(g.n, 0);
	CHECK(strstr(msg, "/nonexistent/wordnet/data.noun: not found") !=
	    NULL);
	CHECK(strstr(msg, "no WordNet names") != NULL);
}

static void
corrupt_file_is_refused(void)
{
	struct ner_gaz g;
	char msg[512];

	/* prose, a cut-off synset, a pointer count past the line, a verb */
	write_data("hello world | greeting\n"
	    "09135590 15 n 02 Gettysburg 0\n"
	    "09135590 15 n 01 Gettysburg 0 009 @i 08665504 n 0000 | town\n"
	    "01000000 30 v 01 Go 0 001 @i 00900000 v 0000 | verb\n"
	    "\x01\x02\xff\n");
	memset(&g, 0, sizeof g);
	CHECK_INT(load(&g, dir, msg, sizeof msg), -1);
	CHECK_INT(g.n, 0);
	CHECK(strstr(msg, "not WordNet's data.noun") != NULL);

	write_data("");
	CHECK_INT(load(&g, dir, msg, sizeof msg), -1);
	CHECK_INT(g.n, 0);
	CHECK(strstr(msg, "not WordNet's data.noun") != NULL);
	ner_gaz_release(&g);
}

/* What the loader finds is added to what the gazetteer held. */
static void
keeps_what_was_there(void)
{
	struct ner_gaz g;
	char msg[512];

	memset(&g, 0, sizeof g);
	g.keys = calloc(4, sizeof *g.keys);
	g.kinds = calloc(4, 1);
	g.cap = 4;
	g.keys[g.n] = ner_phrase_hash("gettysburg");
	g.kinds[g.n++] = GAZ_LOC;
	write_data("11170438 18 n 01 Gettysburg 0 001 @i 10123844 n 0000 "
	    "| not really a person\n");
	CHECK_INT(load(&g, dir, msg, sizeof msg), 0);
	CHECK_INT(load(&g, "/nonexistent", msg, sizeof msg), -1);
	ner_gaz_finish(&g);
	CHECK_INT(g.n, 1);
	CHECK_INT(kind(&g, "gettysburg"), GAZ_LOC | GAZ_PER);
	ner_gaz_release(&g);
}

int
main(void)
{
	char path[128];

	test_init();
	if (mkdtemp(dir) == NULL) {
		perror("mkdtemp");
		return 1;
	}
	snprintf(errpath, sizeof errpath, "%s/stderr", dir);
	TEST_RUN(instances_are_typed_by_lexicographer_file);
	TEST_RUN(missing_file_is_named);
	TEST_RUN(corrupt_file_is_refused);
	TEST_RUN(keeps_what_was_there);
	snprintf(path, sizeof path, "%s/data.noun", dir);
	unlink(path);
	unlink(errpath);
	rmdir(dir);
	return test_done();
}
