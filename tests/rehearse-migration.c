/*
 * A rehearsal of the next schema migration, for tests/cli/kill-migrate.sh.
 * lede has one schema version so far, so the only migration real archives
 * go through is the creation of version 1 in an empty file. To see the
 * migration code survive SIGKILL on an archive full of articles, this
 * program opens a version 1 archive as lede does and runs one more step
 * through the real archive_migrate() (one BEGIN IMMEDIATE transaction):
 * the shape a data migration will have, a new column filled from every
 * article, a new index, and the full-text index rebuilt (what a change of
 * tokenizer needs).
 *
 *   rehearse-migration ARCHIVE    exit 0 when the archive is at version 2
 *
 * Not installed; built for make check only.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "archive/archive_int.h"

static const char rehearsal_v2[] =
"ALTER TABLE articles ADD COLUMN words INTEGER NOT NULL DEFAULT 0;"
"UPDATE articles SET words = length(body) - length(replace(body, ' ', ''))"
"  + 1 WHERE body IS NOT NULL;"
"CREATE INDEX articles_words ON articles(words);"
"INSERT INTO articles_fts(articles_fts) VALUES('rebuild');";

static const struct archive_migration rehearsal[] = {
	{ .to = 2, .sql = rehearsal_v2 },
};

int
main(int argc, char **argv)
{
	struct archive *a;
	char *cause = NULL;
	int rc;

	if (argc != 2) {
		fprintf(stderr, "usage: rehearse-migration ARCHIVE\n");
		return 2;
	}
	if ((a = archive_open(argv[1], 0, &cause)) == NULL) {
		fprintf(stderr, "rehearse-migration: %s\n", cause);
		free(cause);
		return 1;
	}
	rc = archive_migrate(a->db, rehearsal, 1, 2, &cause);
	if (rc != 0) {
		fprintf(stderr, "rehearse-migration: %s\n", cause);
		free(cause);
	}
	archive_close(a);
	return rc != 0;
}
