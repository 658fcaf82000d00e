/*
 * The bare baseline for import benchmarks: the same JSON Lines articles
 * inserted into a plain SQLite FTS5 table with external content
 * (unicode61 tokenizer), with the page size, FTS5 hashsize and connection
 * tuning lede's archive uses (src/archive/schema.c, archive.c), one transaction per
 * batch. No parsing beyond JSON, no extraction, no deduplication: what
 * SQLite's full-text index alone allows on this machine.
 *
 * usage: baseline DB FILE.jsonl...   prints "N articles in S s: R/s"
 *
 * For diagnosis only (not used by run.sh): BASELINE_SAVEPOINT=1 wraps each
 * article in SAVEPOINT/RELEASE as archive_put() does; BASELINE_DATEKEY=1
 * uses lede's FTS rowid (published day << 30 | id), in input order;
 * BASELINE_BATCH=N commits every N articles instead (lede's --batch N);
 * BASELINE_APPEND=1 adds to DB as it is (made by an earlier run) instead
 * of starting it anew, as `lede import` into an existing archive does.
 */
#include <json-c/json.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define BATCH 1000	/* lede import's default --batch */

static void
die(sqlite3 *db, const char *what)
{
	fprintf(stderr, "baseline: %s: %s\n", what, db ? sqlite3_errmsg(db) : "");
	exit(1);
}

static void
exec(sqlite3 *db, const char *sql)
{
	if (sqlite3_exec(db, sql, NULL, NULL, NULL) != SQLITE_OK)
		die(db, sql);
}

static const char *
str(struct json_object *o, const char *k)
{
	struct json_object *v;

	if (!json_object_object_get_ex(o, k, &v))
		return "";
	return json_object_get_string(v);
}

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

int
main(int argc, char **argv)
{
	sqlite3 *db;
	sqlite3_stmt *art, *fts;
	char *line = NULL;
	size_t cap = 0, n = 0;
	ssize_t len;
	double t0;
	int i;

	if (argc < 3) {
		fprintf(stderr, "usage: baseline DB FILE.jsonl...\n");
		return 2;
	}
	int append = getenv("BASELINE_APPEND") != NULL;

	if (!append)
		remove(argv[1]);
	if (sqlite3_open(argv[1], &db) != SQLITE_OK)
		die(db, "open");
	exec(db, "PRAGMA page_size = 16384; PRAGMA journal_mode = WAL;"
	    "PRAGMA synchronous = NORMAL; PRAGMA cache_size = -262144;"
	    "PRAGMA temp_store = MEMORY;");
	if (!append)
		exec(db, "CREATE TABLE articles (id INTEGER PRIMARY KEY,"
		    " title TEXT, author TEXT, caption TEXT, body TEXT, url TEXT,"
		    " published TEXT, source TEXT);"
		    "CREATE VIRTUAL TABLE fts USING fts5(title, author, caption,"
		    " body, content='articles', content_rowid='id');"
		    /* lede's own FTS5 settings: 64 MiB term buffer, default
		       pgsz. */
		    "INSERT INTO fts(fts, rank) VALUES('hashsize', 67108864);");
	if (sqlite3_prepare_v2(db, "INSERT INTO articles(title, author, caption,"
	    " body, url, published, source) VALUES (?,?,?,?,?,?,?)", -1, &art,
	    NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(db, "INSERT INTO fts(rowid, title, author, caption,"
	    " body) VALUES (?,?,?,?,?)", -1, &fts, NULL) != SQLITE_OK)
		die(db, "prepare");
	int savepoint = getenv("BASELINE_SAVEPOINT") != NULL;
	int datekey = getenv("BASELINE_DATEKEY") != NULL;
	size_t batch = getenv("BASELINE_BATCH") != NULL ?
	    (size_t)strtoul(getenv("BASELINE_BATCH"), NULL, 10) : BATCH;

	if (batch == 0)
		batch = BATCH;

	t0 = now();
	exec(db, "BEGIN IMMEDIATE");
	for (i = 2; i < argc; i++) {
		FILE *fp = fopen(argv[i], "r");

		if (fp == NULL) {
			perror(argv[i]);
			return 1;
		}
		while ((len = getline(&line, &cap, fp)) > 0) {
			struct json_object *o = json_tokener_parse(line);
			const char *body;

			if (o == NULL)
				continue;
			body = *str(o, "body") ? str(o, "body") : str(o, "text");
			if (savepoint)
				exec(db, "SAVEPOINT put");
			sqlite3_bind_text(art, 1, str(o, "title"), -1, SQLITE_TRANSIENT);
			sqlite3_bind_text(art, 2, str(o, "author"), -1, SQLITE_TRANSIENT);
			sqlite3_bind_null(art, 3);
			sqlite3_bind_text(art, 4, body, -1, SQLITE_TRANSIENT);
			sqlite3_bind_text(art, 5, str(o, "url"), -1, SQLITE_TRANSIENT);
			sqlite3_bind_text(art, 6, str(o, "published"), -1, SQLITE_TRANSIENT);
			sqlite3_bind_text(art, 7, str(o, "source"), -1, SQLITE_TRANSIENT);
			if (sqlite3_step(art) != SQLITE_DONE)
				die(db, "insert");
			sqlite3_reset(art);
			if (datekey) {
				const char *d = str(o, "published");
				long long day = strlen(d) >= 10 ? atoll(d) * 372 +
				    atoll(d + 5) * 31 + atoll(d + 8) : 0;

				sqlite3_bind_int64(fts, 1, (day * 1440) << 30 |
				    sqlite3_last_insert_rowid(db));
			} else
				sqlite3_bind_int64(fts, 1, sqlite3_last_insert_rowid(db));
			sqlite3_bind_text(fts, 2, str(o, "title"), -1, SQLITE_TRANSIENT);
			sqlite3_bind_text(fts, 3, str(o, "author"), -1, SQLITE_TRANSIENT);
			sqlite3_bind_null(fts, 4);
			sqlite3_bind_text(fts, 5, body, -1, SQLITE_TRANSIENT);
			if (sqlite3_step(fts) != SQLITE_DONE)
				die(db, "fts insert");
			sqlite3_reset(fts);
			json_object_put(o);
			if (savepoint)
				exec(db, "RELEASE put");
			if (++n % batch == 0)
				exec(db, "COMMIT; BEGIN IMMEDIATE");
		}
		fclose(fp);
	}
	exec(db, "COMMIT");
	printf("%zu articles in %.2f s: %.0f/s\n", n, now() - t0,
	    n / (now() - t0));
	free(line);
	sqlite3_finalize(art);
	sqlite3_finalize(fts);
	sqlite3_close(db);
	return 0;
}
