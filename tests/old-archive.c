/*
 * An archive as the first lede wrote it (schema 1), full of articles, for
 * tests/cli/kill-migrate.sh: opening it, lede runs the real migrations to
 * the current schema (the article count, compact sort keys with the
 * full-text index rebuilt, smaller events), and the test kills it on the
 * way. The file is made with the real schema-1 step of the migration
 * table and the real tokenizer, and filled the way schema-1 lede filled
 * it: sort keys minute << 30 | id (some articles sharing a minute), an
 * index row per article under that key, events with their text and a
 * type word, correction flags counted in articles.nflags, and mentions
 * of one entity per word (four articles in five name two; schema 6
 * indexes them by entity).
 *
 *   old-archive PATH N [VERSION]
 *
 * PATH must not exist; exit 0 when written. With VERSION, the schema-1
 * file is then brought to that version by the real migration steps (so
 * a later step, like schema 5's compressed bodies, can be killed alone).
 *
 * Not installed; built for make check only.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "archive/archive_int.h"
#include "archive/date.h"
#include "util/xalloc.h"

static const char *const words[] = {
	"harbour", "council", "river", "budget", "court", "minister",
	"drought", "school", "railway", "museum", "election", "festival",
	"storm", "market", "bridge", "hospital",
};
static const char *const types[] = { "date", "time", "duration", "set" };

static int
run(sqlite3 *db, const char *sql)
{
	if (sqlite3_exec(db, sql, NULL, NULL, NULL) != SQLITE_OK) {
		fprintf(stderr, "old-archive: %s: %s\n", sql, sqlite3_errmsg(db));
		return -1;
	}
	return 0;
}

/* Article i: its body (caller frees) and published date. */
static char *
body_of(int i, char *date, size_t size)
{
	size_t k, n = 40 + (size_t)(i % 7) * 20, len = 0, cap = 0;
	char *b = NULL;
	const char *w;

	for (k = 0; k < n; k++) {
		w = words[(i * 7 + k * 3) % 16];
		if (len + strlen(w) + 2 >= cap) {
			cap = cap ? cap * 2 : 512;
			b = xrealloc(b, cap);
		}
		len += (size_t)snprintf(b + len, cap - len, "%s%s", k ? " " : "",
		    w);
	}
	/* every third article shares its minute with the one before */
	snprintf(date, size, "2024-%02d-%02dT%02d:%02dZ", i % 12 + 1,
	    i % 28 + 1, (i / 3) % 24, (i / 3) % 60);
	return b;
}

static int
fill(sqlite3 *db, int n)
{
	char date[32], *body, *sql;
	int i, rc = 0, w0, w1, len0;
	int64_t key;

	if (run(db, "BEGIN IMMEDIATE;"
	    "INSERT INTO sources(id, name) VALUES (1, 'Old Wire (invented)')") != 0)
		return -1;
	for (i = 0; i < 16; i++) {
		sql = sqlite3_mprintf("INSERT INTO entities(id, kind, name)"
		    " VALUES (%d, 'place', '%s');", i + 1, words[i]);
		rc = run(db, sql);
		sqlite3_free(sql);
		if (rc != 0)
			return -1;
	}
	for (i = 1; i <= n && rc == 0; i++) {
		body = body_of(i, date, sizeof date);
		key = archive_date_minute(date) << 30 | (int64_t)i;
		sql = sqlite3_mprintf("INSERT INTO articles(id, sortkey, source_id,"
		    " url, title, published, language, body, hash, origin,"
		    " imported_at, updated_at) VALUES (%d, %lld, 1,"
		    " 'https://example.org/old/%d', 'Old article %d', %Q, 'en',"
		    " %Q, %d, 'old.jsonl', '2024-12-01T00:00:00Z',"
		    " '2024-12-01T00:00:00Z');"
		    "INSERT INTO articles_fts(rowid, title, body) VALUES (%lld,"
		    " 'Old article %d', %Q);"
		    "INSERT INTO events(article_id, type, start, stop, text, value,"
		    " sent_start, sent_stop) VALUES (%d, %Q, 0, %d, %Q, 'P%dD', 0,"
		    " %d);", i, (long long)key, i, i, date, body, i * 7919,
		    (long long)key, i, body, i, types[i % 4],
		    (int)strlen(words[(i * 7) % 16]), words[(i * 7) % 16], i,
		    (int)strlen(body));
		rc = run(db, sql);
		sqlite3_free(sql);
		if (rc == 0 && i % 5 != 0) {
			/* the body's first two words */
			w0 = (i * 7) % 16;
			w1 = (i * 7 + 3) % 16;
			len0 = (int)strlen(words[w0]);
			sql = sqlite3_mprintf("INSERT INTO mentions VALUES"
			    " (%d, %d, 0, %d), (%d, %d, %d, %d)", i, w0 + 1,
			    len0, i, w1 + 1, len0 + 1, len0 + 1 +
			    (int)strlen(words[w1]));
			rc = run(db, sql);
			sqlite3_free(sql);
		}
		if (rc == 0 && i % 40 == 0) {
			sql = sqlite3_mprintf("INSERT INTO flags(article_id,"
			    " revision, start, stop, exact, note, status, created,"
			    " updated) VALUES (%d, 1, 0, %d, %Q, 'flag on %d', %Q,"
			    " '2024-12-02T00:00:00Z', '2024-12-02T00:00:00Z')", i,
			    (int)strlen(words[(i * 7) % 16]), words[(i * 7) % 16],
			    i, i % 80 == 0 ? "sent" : "open");
			rc = run(db, sql);
			sqlite3_free(sql);
		}
		free(body);
	}
	return rc == 0 ? run(db, "COMMIT") : -1;
}

int
main(int argc, char **argv)
{
	const struct archive_migration *steps;
	struct archive a;
	char *cause = NULL;
	size_t nsteps;
	int rc = 1;

	if ((argc != 3 && argc != 4) || atoi(argv[2]) < 1 || (argc == 4 &&
	    (atoi(argv[3]) < 1 || atoi(argv[3]) >= archive_schema_version()))) {
		fprintf(stderr, "usage: old-archive PATH N [VERSION]\n");
		return 2;
	}
	if (access(argv[1], F_OK) == 0) {
		fprintf(stderr, "old-archive: %s exists\n", argv[1]);
		return 1;
	}
	memset(&a, 0, sizeof a);
	if (sqlite3_open(argv[1], &a.db) != SQLITE_OK)
		return 1;
	steps = archive_schema_steps(&nsteps);
	if (archive_fts_register(&a, &cause) != 0 ||
	    run(a.db, "PRAGMA page_size = 16384; PRAGMA journal_mode = WAL") !=
	    0 || archive_migrate(a.db, steps, nsteps, 1, &cause) != 0 ||
	    fill(a.db, atoi(argv[2])) != 0 || (argc == 4 &&
	    archive_migrate(a.db, steps, nsteps, atoi(argv[3]), &cause) != 0)) {
		if (cause != NULL)
			fprintf(stderr, "old-archive: %s\n", cause);
	} else
		rc = 0;
	free(cause);
	archive_fts_release(&a);
	sqlite3_close(a.db);
	return rc;
}
