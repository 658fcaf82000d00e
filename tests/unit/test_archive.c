/*
 * Unit tests for the archive (src/archive/): opening and refusing files,
 * settings, migrations, storing and revising articles, listing with
 * keyset paging and filters, entities, timelines and the integrity check.
 * Real SQLite files in a scratch directory.
 */
#include "config.h"

#include <fcntl.h>
#include <sys/stat.h>

#include "test.h"
#include "test_archive.h"
#include "archive/archive_int.h"
#include "archive/date.h"
#include "extract/extract.h"

static sqlite3_int64
pragma(struct archive *ar, const char *sql)
{
	sqlite3_stmt *st;
	sqlite3_int64 v = -1;

	if (sqlite3_prepare_v2(ar->db, sql, -1, &st, NULL) != SQLITE_OK)
		return -2;
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

static const char *
pragma_text(struct archive *ar, const char *sql)
{
	static char buf[64];
	sqlite3_stmt *st;

	buf[0] = '\0';
	if (sqlite3_prepare_v2(ar->db, sql, -1, &st, NULL) != SQLITE_OK)
		return "(error)";
	if (sqlite3_step(st) == SQLITE_ROW)
		snprintf(buf, sizeof buf, "%s", sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	return buf;
}

static void
open_creates_with_settings(void)
{
	char *path = test_path("new/deeper/archive.db"), *cause = NULL;
	struct archive *ar;

	ar = archive_open(path, 0, &cause);
	CHECK(ar != NULL);
	if (ar == NULL) {
		fprintf(stderr, "%s\n", cause);
		free(cause);
		free(path);
		return;
	}
	CHECK_STR(archive_path(ar), path);
	CHECK(archive_warning(ar) == NULL);
	CHECK_STR(pragma_text(ar, "PRAGMA journal_mode"), "wal");
	CHECK_INT(pragma(ar, "PRAGMA foreign_keys"), 1);
	CHECK_INT(pragma(ar, "PRAGMA synchronous"), 1);
	CHECK_INT(pragma(ar, "PRAGMA trusted_schema"), 0);
	CHECK_INT(pragma(ar, "PRAGMA busy_timeout"), 5000);
	CHECK_INT(pragma(ar, "PRAGMA application_id"), 0x4C454445);
	CHECK_INT(pragma(ar, "PRAGMA user_version"), archive_schema_version());
	CHECK_INT(pragma(ar, "PRAGMA page_size"), 16384);
	CHECK_INT(pragma(ar, "SELECT count(*) FROM sqlite_schema WHERE"
	    " name = 'flags'"), 1);
	CHECK_INT(archive_total(ar), 0);
	archive_close(ar);
	/* Again, and read-only. */
	ar = archive_open(path, 0, &cause);
	CHECK(ar != NULL);
	archive_close(ar);
	ar = archive_open(path, ARCHIVE_READONLY, &cause);
	CHECK(ar != NULL);
	if (ar != NULL)
		CHECK_INT(pragma(ar, "PRAGMA foreign_keys"), 1);
	archive_close(ar);
	free(path);
}

static void
write_file(const char *path, const void *data, size_t len)
{
	FILE *f = fopen(path, "wb");

	if (f == NULL)
		exit(99);
	fwrite(data, 1, len, f);
	fclose(f);
}

/* Open must fail, mention want, and leave the file byte-identical. */
static void
refused(const char *path, int flags, const char *want)
{
	uint64_t before = test_file_hash(path);
	char *cause = NULL;
	struct archive *ar = archive_open(path, flags, &cause);

	CHECK(ar == NULL);
	archive_close(ar);
	CHECK(cause != NULL && strstr(cause, want) != NULL);
	if (cause != NULL && strstr(cause, want) == NULL)
		fprintf(stderr, "  cause: %s\n  want: %s\n", cause, want);
	CHECK(test_file_hash(path) == before);
	free(cause);
}

static void
foreign_db(const char *path, const char *setup)
{
	sqlite3 *db;

	if (sqlite3_open(path, &db) != SQLITE_OK ||
	    sqlite3_exec(db, setup, NULL, NULL, NULL) != SQLITE_OK)
		exit(99);
	sqlite3_close(db);
}

static void
open_refuses_foreign_files(void)
{
	char *p1 = test_path("other.db"), *p2 = test_path("text.txt");
	char *p3 = test_path("appid.db"), *p4 = test_path("newer.db");
	char *p5 = test_path("empty.db"), *p6 = test_path("missing.db");
	char *cause = NULL;
	struct archive *ar;
	char junk[5000];

	foreign_db(p1, "CREATE TABLE items(id INTEGER PRIMARY KEY, url TEXT);"
	    "INSERT INTO items VALUES (1, 'x');");
	refused(p1, 0, "not a lede archive");
	refused(p1, ARCHIVE_READONLY, "not a lede archive");
	write_file(p2, "hello, this is not a database\n", 30);
	refused(p2, 0, "not an SQLite database");
	memset(junk, 'x', sizeof junk);
	write_file(p2, junk, sizeof junk);
	refused(p2, 0, "not an SQLite database");
	foreign_db(p3, "PRAGMA application_id = 1234;");
	refused(p3, 0, "application_id 0x000004d2");
	/* Ours, but from a newer lede. */
	foreign_db(p4, "PRAGMA application_id = 1279607877;"
	    "PRAGMA user_version = 99; CREATE TABLE future(x);");
	refused(p4, 0, "newer lede");
	refused(p4, ARCHIVE_READONLY, "newer lede");
	/* A 0-byte file becomes an archive; a missing one read-only does not. */
	write_file(p5, "", 0);
	ar = archive_open(p5, 0, &cause);
	CHECK(ar != NULL);
	archive_close(ar);
	ar = archive_open(p6, ARCHIVE_READONLY, &cause);
	CHECK(ar == NULL);
	free(cause);
	CHECK(access(p6, F_OK) != 0);
	ar = archive_open("", 0, &cause);
	CHECK(ar == NULL);
	free(cause);
	free(p1);
	free(p2);
	free(p3);
	free(p4);
	free(p5);
	free(p6);
}

static int
failing_step(sqlite3 *db, char **cause)
{
	*cause = xstrdup("step failed on purpose");
	return -1;
}

/* A v1 archive reopens; a failing step leaves the old version intact. */
static void
migrations(void)
{
	static const struct archive_migration steps[] = {
		{ .to = 1, .sql = "CREATE TABLE t1(x);" },
		{ .to = 2, .sql = "CREATE TABLE t2(x); INSERT INTO t1 VALUES (2);" },
		{ .to = 3, .sql = "CREATE TABLE t3(x);", .fn = failing_step },
	};
	char *path = test_path("migrate.db"), *cause = NULL;
	struct archive *ar;
	sqlite3 *db;

	if (sqlite3_open(path, &db) != SQLITE_OK)
		exit(99);
	CHECK_INT(archive_migrate(db, steps, 3, 1, &cause), 0);
	CHECK_INT(archive_migrate(db, steps, 3, 2, &cause), 0);
	CHECK_INT(archive_migrate(db, steps, 3, 3, &cause), -1);
	CHECK(cause != NULL && strstr(cause, "schema 3") != NULL);
	free(cause);
	cause = NULL;
	{
		sqlite3_stmt *st;

		sqlite3_prepare_v2(db, "SELECT (SELECT user_version FROM"
		    " pragma_user_version), (SELECT count(*) FROM sqlite_schema"
		    " WHERE name = 't3'), (SELECT count(*) FROM t1)", -1, &st,
		    NULL);
		CHECK(sqlite3_step(st) == SQLITE_ROW);
		CHECK_INT(sqlite3_column_int(st, 0), 2);
		CHECK_INT(sqlite3_column_int(st, 1), 0);
		CHECK_INT(sqlite3_column_int(st, 2), 1);
		sqlite3_finalize(st);
	}
	sqlite3_close(db);
	free(path);

	/* A current archive with data survives being reopened unchanged. */
	path = test_path("v1.db");
	ar = archive_open(path, 0, &cause);
	CHECK(ar != NULL);
	if (ar != NULL) {
		struct article *art = test_article("Wire", "g1", NULL, "Title",
		    "2025-01-02", "Body text.");

		CHECK_INT(test_put(ar, art, NULL), ARCHIVE_INSERTED);
		article_free(art);
		archive_close(ar);
	}
	ar = archive_open(path, 0, &cause);
	CHECK(ar != NULL);
	if (ar != NULL) {
		CHECK_INT(archive_total(ar), 1);
		archive_close(ar);
	}
	free(path);
}

static struct archive *
fresh(const char *name, int flags)
{
	char *path = test_path(name), *cause = NULL;
	struct archive *ar = archive_open(path, flags, &cause);

	if (ar == NULL) {
		fprintf(stderr, "open %s: %s\n", path, cause);
		exit(99);
	}
	free(path);
	return ar;
}

static void
put_unchanged_updated(void)
{
	struct archive *ar = fresh("put.db", 0);
	struct article *art, *got;
	char *cause = NULL;
	int64_t id, id2;

	art = test_article("Reuters", "urn:1", "https://x.test/1", "Floods",
	    "2025-03-20", "Rain fell for days.");
	article_set(&art->author, "Jane Doe");
	article_set(&art->caption, "A flooded street.");
	CHECK_INT(test_put(ar, art, &id), ARCHIVE_INSERTED);
	CHECK(id > 0);
	CHECK_INT(test_put(ar, art, &id2), ARCHIVE_UNCHANGED);
	CHECK_INT(id2, id);
	/* Changed body: same id, revision 2, old text kept. */
	article_set(&art->body, "Rain fell for a week.");
	CHECK_INT(test_put(ar, art, &id2), ARCHIVE_UPDATED);
	CHECK_INT(id2, id);
	got = archive_get(ar, id, &cause);
	CHECK(got != NULL);
	if (got != NULL) {
		CHECK_STR(got->body, "Rain fell for a week.");
		CHECK_STR(got->source, "Reuters");
		CHECK_STR(got->author, "Jane Doe");
		CHECK_STR(got->caption, "A flooded street.");
		CHECK_STR(got->published, "2025-03-20");
		CHECK_STR(got->url, "https://x.test/1");
		CHECK_INT(got->revision, 2);
		article_free(got);
	}
	CHECK_INT(pragma(ar, "SELECT count(*) FROM article_revisions WHERE"
	    " body = 'Rain fell for days.' AND revision = 1"), 1);
	/* Identity by URL when the guid is new; by hash with neither. */
	article_set(&art->guid, NULL);
	CHECK_INT(test_put(ar, art, &id2), ARCHIVE_UNCHANGED);
	CHECK_INT(id2, id);
	article_set(&art->url, NULL);
	CHECK_INT(test_put(ar, art, &id2), ARCHIVE_INSERTED);
	CHECK(id2 != id);
	CHECK_INT(test_put(ar, art, &id), ARCHIVE_UNCHANGED);
	CHECK_INT(id, id2);
	CHECK_INT(archive_total(ar), 2);
	/* schema 7: only the article found by its hash is in its index */
	CHECK_INT(pragma(ar, "SELECT sum(ncell) FROM dbstat"
	    " WHERE name = 'articles_hash'"), 1);
	/* Without guid or URL, changed text is another article. */
	article_set(&art->body, "Other text.");
	CHECK_INT(test_put(ar, art, &id), ARCHIVE_INSERTED);
	/* A date change moves the FTS row: search still finds it once. */
	article_set(&art->guid, "urn:1");
	article_set(&art->published, "2024-01-01");
	article_set(&art->body, "Rain fell for a week. Moved.");
	CHECK_INT(test_put(ar, art, &id), ARCHIVE_UPDATED);
	{
		struct archive_filter f = { .query = "moved" };
		struct archive_page page;

		CHECK_INT(archive_list(ar, &f, 0, 0, 10, 0, &page, &cause), 0);
		CHECK_INT(page.nrows, 1);
		if (page.nrows == 1)
			CHECK_INT((page.rows[0].key >> ARCHIVE_SEQ_BITS) / 1440,
			    archive_date_first("2024-01-01"));
		archive_page_release(&page);
	}
	got = archive_get(ar, 999, &cause);
	CHECK(got == NULL);
	CHECK_STR(cause, "no article 999");
	free(cause);
	cause = NULL;
	{
		char *report = NULL;

		CHECK_INT(archive_check(ar, &report, &cause), 0);
		CHECK_STR(report, "ok\n");
		free(report);
	}
	article_free(art);
	archive_close(ar);
}

/* 30 articles over 30 days, 3 sources. */
static struct archive *
fill_thirty(const char *name)
{
	struct archive *ar = fresh(name, 0);
	char *cause = NULL, title[64], date[16], body[128], guid[16];
	static const char *sources[] = { "Alpha", "Beta", "Gamma" };
	struct article *art;
	int i;

	CHECK_INT(archive_begin(ar, &cause), 0);
	for (i = 0; i < 30; i++) {
		snprintf(title, sizeof title, "Story %02d", i);
		snprintf(date, sizeof date, "2025-%02d-%02d", 1 + i / 28,
		    1 + i % 28);
		snprintf(body, sizeof body, "Body of story %d. %s", i,
		    i % 2 ? "odd harbour" : "even river");
		snprintf(guid, sizeof guid, "g%d", i);
		art = test_article(sources[i % 3], guid, NULL, title, date, body);
		CHECK_INT(archive_put(ar, art, NULL, NULL, &cause),
		    ARCHIVE_INSERTED);
		article_free(art);
	}
	CHECK_INT(archive_commit(ar, &cause), 0);
	return ar;
}

static void
keyset_paging(void)
{
	struct archive *ar = fill_thirty("page.db");
	struct archive_filter f = { 0 };
	struct archive_page p1, p2, p3, back;
	char *cause = NULL;

	CHECK_INT(archive_list(ar, &f, 0, 0, 12, 0, &p1, &cause), 0);
	CHECK_INT(p1.nrows, 12);
	CHECK_STR(p1.rows[0].title, "Story 29");
	CHECK_STR(p1.rows[11].title, "Story 18");
	CHECK_STR(p1.rows[0].source, "Gamma");
	CHECK(p1.rows[0].snippet == NULL);
	CHECK_INT(archive_list(ar, &f, p1.rows[11].key, 0, 12, 0, &p2, &cause), 0);
	CHECK_INT(p2.nrows, 12);
	CHECK_STR(p2.rows[0].title, "Story 17");
	CHECK_INT(archive_list(ar, &f, p2.rows[11].key, 0, 12, 0, &p3, &cause), 0);
	CHECK_INT(p3.nrows, 6);
	CHECK_STR(p3.rows[5].title, "Story 00");
	/* Backward from the top of page 2 gives page 1, in display order. */
	CHECK_INT(archive_list(ar, &f, p2.rows[0].key, 1, 12, 0, &back, &cause), 0);
	CHECK_INT(back.nrows, 12);
	CHECK_STR(back.rows[0].title, "Story 29");
	CHECK_STR(back.rows[11].title, "Story 18");
	archive_page_release(&back);
	/* Backward from the bottom. */
	CHECK_INT(archive_list(ar, &f, 0, 1, 5, 0, &back, &cause), 0);
	CHECK_INT(back.nrows, 5);
	CHECK_STR(back.rows[0].title, "Story 04");
	CHECK_STR(back.rows[4].title, "Story 00");
	archive_page_release(&back);
	CHECK_INT(archive_position(ar, &f, p2.rows[0].key, &cause), 12);
	CHECK_INT(archive_count(ar, &f, &cause), 30);
	/* A NULL filter is no filter. */
	CHECK_INT(archive_count(ar, NULL, &cause), 30);
	CHECK_INT(archive_position(ar, NULL, p2.rows[0].key, &cause), 12);
	CHECK_INT(archive_list(ar, NULL, 0, 0, 1, 1, &back, &cause), 0);
	CHECK_STR(back.rows[0].title, "Story 29");
	archive_page_release(&back);
	/* Oldest first. */
	f.order = ARCHIVE_OLDEST;
	CHECK_INT(archive_list(ar, &f, 0, 0, 3, 0, &back, &cause), 0);
	CHECK_STR(back.rows[0].title, "Story 00");
	CHECK_INT(archive_position(ar, &f, back.rows[2].key, &cause), 2);
	archive_page_release(&back);
	archive_page_release(&p1);
	archive_page_release(&p2);
	archive_page_release(&p3);
	archive_close(ar);
}

/* The same day sorts by time (in UTC), not by import order. */
static void
same_day_by_time(void)
{
	struct archive *ar = fresh("times.db", 0);
	static const char *dates[] = {
		"2025-05-05T08:00:00Z", "2025-05-05T07:00:00Z", "2025-05-05",
		"2025-05-05T09:30:00+02:00", "2025-05-04T23:00:00-05:00",
	};
	struct archive_filter f = { .since = "2025-05-05",
	    .until = "2025-05-05" };
	struct archive_page p;
	struct article *art;
	char *cause = NULL, guid[8], title[8];
	size_t i;

	for (i = 0; i < 5; i++) {
		snprintf(guid, sizeof guid, "t%zu", i);
		snprintf(title, sizeof title, "T%zu", i);
		art = test_article("Clock", guid, NULL, title, dates[i], "b");
		CHECK_INT(test_put(ar, art, NULL), ARCHIVE_INSERTED);
		article_free(art);
	}
	/* T4 is 04:00 UTC on the 5th; T3 07:30 UTC; T2 midnight. */
	CHECK_INT(archive_list(ar, &f, 0, 0, 10, 0, &p, &cause), 0);
	CHECK_INT(p.nrows, 5);
	if (p.nrows == 5) {
		CHECK_STR(p.rows[0].title, "T0");
		CHECK_STR(p.rows[1].title, "T3");
		CHECK_STR(p.rows[2].title, "T1");
		CHECK_STR(p.rows[3].title, "T4");
		CHECK_STR(p.rows[4].title, "T2");
	}
	archive_page_release(&p);
	archive_close(ar);
}

static void
list_filters(void)
{
	struct archive *ar = fill_thirty("filter.db");
	struct archive_filter f = { 0 };
	struct archive_page p;
	struct archive_source *src;
	size_t nsrc;
	char *cause = NULL;

	f.source = "Beta";
	CHECK_INT(archive_count(ar, &f, &cause), 10);
	f.source = "beta";	/* source names ignore ASCII case */
	CHECK_INT(archive_count(ar, &f, &cause), 10);
	f.source = "Nobody";
	CHECK_INT(archive_count(ar, &f, &cause), 0);
	f.source = NULL;
	f.since = "2025-01-10";
	f.until = "2025-01-19";
	CHECK_INT(archive_count(ar, &f, &cause), 10);
	f.since = "2025-02";
	f.until = NULL;
	CHECK_INT(archive_count(ar, &f, &cause), 2);
	f.since = NULL;
	f.until = "2024";
	CHECK_INT(archive_count(ar, &f, &cause), 0);
	f.until = "2025-13";
	CHECK_INT(archive_count(ar, &f, &cause), -1);
	CHECK(cause != NULL && strstr(cause, "invalid date") != NULL);
	free(cause);
	cause = NULL;
	f.until = NULL;
	/* Read state. */
	CHECK_INT(archive_list(ar, &f, 0, 0, 1, 0, &p, &cause), 0);
	CHECK_INT(archive_set_read(ar, p.rows[0].id, 1, &cause), 0);
	archive_page_release(&p);
	f.unread_only = 1;
	CHECK_INT(archive_count(ar, &f, &cause), 29);
	f.unread_only = 0;
	/* Filters in the query. */
	f.query = "source:Alpha date:2025-01-01..2025-01-10";
	CHECK_INT(archive_count(ar, &f, &cause), 4);
	f.query = "river source:Alpha";
	CHECK_INT(archive_count(ar, &f, &cause), 5);
	CHECK_INT(archive_sources(ar, &src, &nsrc, &cause), 0);
	CHECK_INT(nsrc, 3);
	if (nsrc == 3) {
		CHECK_STR(src[0].name, "Alpha");
		CHECK_INT(src[0].count, 10);
	}
	archive_sources_free(src, nsrc);
	CHECK_INT(archive_set_corrections(ar, "Alpha", "desk@alpha.test",
	    &cause), 0);
	CHECK_INT(archive_sources(ar, &src, &nsrc, &cause), 0);
	CHECK_STR(src[0].corrections, "desk@alpha.test");
	archive_sources_free(src, nsrc);
	archive_close(ar);
}

/*
 * Listing by entity: every third article names Acme Corp (alias Acme),
 * three name a Jordan (a place twice, a person once). The three shapes of
 * the query (gathering the entity's articles, testing each row for
 * membership in them, probing each row's mentions) give the same pages,
 * counts and positions.
 */
static struct archive *
fill_entities(const char *name)
{
	struct archive *ar = fresh(name, 0);
	char *cause = NULL, title[64], date[16], body[128], guid[16];
	static const char *sources[] = { "Alpha", "Beta", "Gamma" };
	struct extract_span m[] = { { 0, 5 } };
	char *acme_alias[] = { "Acme" };
	struct extract_entity acme = { EXTRACT_ORG, "Acme Corp", acme_alias,
	    1, m, 1 };
	struct extract_entity place = { EXTRACT_PLACE, "Jordan", NULL, 0, m,
	    1 };
	struct extract_entity person = { EXTRACT_PERSON, "Jordan", NULL, 0, m,
	    1 };
	struct extract_entity ents[2];
	struct extract_result ex = { NULL, 0, ents, 0, NULL, 0 };
	struct article *art;
	int i;

	CHECK_INT(archive_begin(ar, &cause), 0);
	for (i = 0; i < 30; i++) {
		snprintf(title, sizeof title, "Story %02d", i);
		snprintf(date, sizeof date, "2025-%02d-%02d", 1 + i / 28,
		    1 + i % 28);
		snprintf(body, sizeof body, "Story %d, %s", i,
		    i % 2 ? "odd harbour" : "even river");
		snprintf(guid, sizeof guid, "g%d", i);
		ex.nentities = 0;
		if (i % 3 == 0)
			ents[ex.nentities++] = acme;
		if (i == 7 || i == 21)
			ents[ex.nentities++] = place;
		if (i == 12)
			ents[ex.nentities++] = person;
		art = test_article(sources[i % 3], guid, NULL, title, date, body);
		CHECK_INT(archive_put(ar, art, &ex, NULL, &cause),
		    ARCHIVE_INSERTED);
		article_free(art);
	}
	CHECK_INT(archive_commit(ar, &cause), 0);
	return ar;
}

/* The titles' numbers of a page, "27 24 21". */
static const char *
page_titles(const struct archive_page *p)
{
	static char buf[256];
	size_t i, o = 0;

	buf[0] = '\0';
	for (i = 0; i < p->nrows && o + 4 < sizeof buf; i++)
		o += (size_t)snprintf(buf + o, sizeof buf - o, "%s%s",
		    i ? " " : "", p->rows[i].title + 6);
	return buf;
}

static void
list_entity_pages(struct archive *ar)
{
	struct archive_filter f = { .entity = "Acme Corp" };
	struct archive_page p1, p2, p3, back;
	char *cause = NULL;

	CHECK_INT(archive_list(ar, &f, 0, 0, 4, 0, &p1, &cause), 0);
	CHECK_STR(page_titles(&p1), "27 24 21 18");
	CHECK_INT(archive_list(ar, &f, p1.rows[3].key, 0, 4, 0, &p2,
	    &cause), 0);
	CHECK_STR(page_titles(&p2), "15 12 09 06");
	CHECK_INT(archive_list(ar, &f, p2.rows[3].key, 0, 4, 0, &p3,
	    &cause), 0);
	CHECK_STR(page_titles(&p3), "03 00");
	CHECK_INT(archive_list(ar, &f, p2.rows[0].key, 1, 4, 0, &back,
	    &cause), 0);
	CHECK_STR(page_titles(&back), "27 24 21 18");
	archive_page_release(&back);
	CHECK_INT(archive_list(ar, &f, 0, 1, 3, 0, &back, &cause), 0);
	CHECK_STR(page_titles(&back), "06 03 00");
	archive_page_release(&back);
	CHECK_INT(archive_count(ar, &f, &cause), 10);
	CHECK_INT(archive_position(ar, &f, p2.rows[0].key, &cause), 4);
	/* By alias, in any case. */
	f.entity = "acme";
	CHECK_INT(archive_count(ar, &f, &cause), 10);
	CHECK_INT(archive_list(ar, &f, 0, 0, 2, 0, &back, &cause), 0);
	CHECK_STR(page_titles(&back), "27 24");
	archive_page_release(&back);
	/* With the other filters, and with words (the index drives). */
	f.source = "Beta";
	CHECK_INT(archive_count(ar, &f, &cause), 0);
	CHECK_INT(archive_list(ar, &f, 0, 0, 4, 0, &back, &cause), 0);
	CHECK_INT(back.nrows, 0);
	archive_page_release(&back);
	f.source = NULL;
	f.since = "2025-01-20";
	CHECK_INT(archive_count(ar, &f, &cause), 3);
	f.since = NULL;
	f.query = "odd";
	CHECK_INT(archive_list(ar, &f, 0, 0, 10, 0, &back, &cause), 0);
	CHECK_STR(page_titles(&back), "27 21 15 09 03");
	archive_page_release(&back);
	f.query = NULL;
	f.order = ARCHIVE_OLDEST;
	CHECK_INT(archive_list(ar, &f, 0, 0, 3, 0, &back, &cause), 0);
	CHECK_STR(page_titles(&back), "00 03 06");
	CHECK_INT(archive_position(ar, &f, back.rows[2].key, &cause), 2);
	archive_page_release(&back);
	f.order = ARCHIVE_NEWEST;
	/* One name, two kinds: both. */
	f.entity = "Jordan";
	CHECK_INT(archive_list(ar, &f, 0, 0, 10, 0, &back, &cause), 0);
	CHECK_STR(page_titles(&back), "21 12 07");
	archive_page_release(&back);
	f.entity = "Nobody";
	CHECK_INT(archive_list(ar, &f, 0, 0, 10, 0, &back, &cause), 0);
	CHECK_INT(back.nrows, 0);
	archive_page_release(&back);
	CHECK_INT(archive_count(ar, &f, &cause), 0);
	archive_page_release(&p1);
	archive_page_release(&p2);
	archive_page_release(&p3);
}

static void
list_by_entity(void)
{
	struct archive *ar = fill_entities("entity-list.db");
	char *cause = NULL;

	CHECK_INT(archive_entity_mentions(ar, "Acme Corp", 0, &cause), 10);
	CHECK_INT(archive_entity_mentions(ar, "ACME", 0, &cause), 10);
	CHECK_INT(archive_entity_mentions(ar, "Acme Corp", 4, &cause), 4);
	CHECK_INT(archive_entity_mentions(ar, "Jordan", 0, &cause), 3);
	CHECK_INT(archive_entity_mentions(ar, "Nobody", 0, &cause), 0);
	/* Few articles: the entity's articles are gathered. */
	ar->entity_member = ar->entity_probe = 1000;
	list_entity_pages(ar);
	/* More: each row is looked up in the set of them. */
	ar->entity_member = 1;
	list_entity_pages(ar);
	/* Many: each row's mentions are probed. */
	ar->entity_probe = 1;
	list_entity_pages(ar);
	archive_close(ar);
}

static int
count_cb(const struct article *art, void *arg)
{
	(*(int *)arg)++;
	return art->body == NULL;
}

/* articles.nflags follows the flags table (triggers), and the list shows it. */
static void
flag_counts(void)
{
	struct archive *ar = fill_thirty("flagcount.db");
	struct archive_filter f = { .query = "\"story 29\"" };
	struct archive_page p;
	char *cause = NULL, *report = NULL;
	int64_t id;

	CHECK_INT(archive_list(ar, &f, 0, 0, 1, 0, &p, &cause), 0);
	CHECK_INT(p.nrows, 1);
	id = p.nrows == 1 ? p.rows[0].id : 0;
	archive_page_release(&p);
	CHECK_INT(archive_begin(ar, &cause), 0);
	CHECK_INT(archive_exec(ar, "INSERT INTO flags(article_id, revision, start,"
	    " stop, exact, created, updated) SELECT id, 1, 0, 4, 'Body', 'now',"
	    " 'now' FROM articles WHERE title = 'Story 29'", &cause), 0);
	CHECK_INT(archive_exec(ar, "INSERT INTO flags(article_id, revision, start,"
	    " stop, exact, created, updated) SELECT id, 1, 0, 4, 'Body', 'now',"
	    " 'now' FROM articles WHERE title = 'Story 29'", &cause), 0);
	CHECK_INT(archive_commit(ar, &cause), 0);
	CHECK_INT(archive_list(ar, &f, 0, 0, 1, 0, &p, &cause), 0);
	if (p.nrows == 1)
		CHECK_INT(p.rows[0].nflags, 2);
	archive_page_release(&p);
	/* An article with flags cannot be deleted (ON DELETE RESTRICT). */
	CHECK_INT(archive_exec(ar, "DELETE FROM article_rows WHERE title = 'Story 29'",
	    &cause), -1);
	free(cause);
	cause = NULL;
	CHECK_INT(archive_exec(ar, "DELETE FROM flags WHERE id = 1", &cause), 0);
	{
		struct article *art = archive_get(ar, id, &cause);

		CHECK(art != NULL && art->nflags == 1);
		article_free(art);
	}
	CHECK_INT(archive_check(ar, &report, &cause), 0);
	free(report);
	archive_close(ar);
}

static void
foreach_all(void)
{
	struct archive *ar = fill_thirty("foreach.db");
	char *cause = NULL;
	int n = 0;

	CHECK_INT(archive_foreach(ar, count_cb, &n, &cause), 0);
	CHECK_INT(n, 30);
	archive_close(ar);
}

/*
 * The writer keeps entity ids in memory (entities.c). An entity another
 * connection deleted in between, or one whose put was rolled back, must
 * not be reused: the mention would point at no entity (the foreign key
 * refuses it, so the put fails).
 */
static void
entity_ids_not_stale(void)
{
	static const char body[] = "Jane Doe spoke.";
	struct archive *ar = fresh("entcache.db", ARCHIVE_BULK), *other;
	struct extract_span m1[] = { { 0, 8 } };
	struct extract_entity ents[] = {
		{ EXTRACT_PERSON, "Jane Doe", NULL, 0, m1, 1 },
	};
	struct extract_result ex = { NULL, 0, ents, 1, NULL, 0 };
	struct article *art = test_article("Wire", "c1", NULL, "One",
	    "2025-01-12", body);
	char *cause = NULL, *path = test_path("entcache.db");
	int64_t id;

	CHECK_INT(archive_begin(ar, &cause), 0);
	CHECK_INT(archive_put(ar, art, &ex, &id, &cause), ARCHIVE_INSERTED);
	CHECK_INT(archive_commit(ar, &cause), 0);
	/* another connection removes the entity (and its mentions) */
	other = archive_open(path, 0, &cause);
	CHECK(other != NULL);
	if (other != NULL) {
		CHECK_INT(pragma(other, "DELETE FROM mentions RETURNING 0"), 0);
		CHECK_INT(pragma(other, "DELETE FROM entities RETURNING 0"), 0);
		CHECK_INT(pragma(other, "SELECT count(*) FROM entities"), 0);
		archive_close(other);
	}
	article_set(&art->guid, "c2");
	CHECK_INT(archive_begin(ar, &cause), 0);
	CHECK_INT(archive_put(ar, art, &ex, &id, &cause), ARCHIVE_INSERTED);
	if (cause != NULL)
		fprintf(stderr, "put: %s\n", cause);
	CHECK_INT(archive_commit(ar, &cause), 0);
	CHECK_INT(pragma(ar, "SELECT count(*) FROM mentions JOIN entities"
	    " ON entities.id = mentions.entity_id"), 1);
	/* a rolled-back transaction takes its new entity with it */
	article_set(&art->guid, "c3");
	ents[0].name = "John Roe";
	CHECK_INT(archive_begin(ar, &cause), 0);
	CHECK_INT(archive_put(ar, art, &ex, &id, &cause), ARCHIVE_INSERTED);
	archive_rollback(ar);
	CHECK_INT(archive_begin(ar, &cause), 0);
	CHECK_INT(archive_put(ar, art, &ex, &id, &cause), ARCHIVE_INSERTED);
	CHECK_INT(archive_commit(ar, &cause), 0);
	CHECK_INT(pragma(ar, "SELECT count(*) FROM mentions JOIN entities"
	    " ON entities.id = mentions.entity_id WHERE name = 'John Roe'"), 1);
	free(cause);
	free(path);
	article_free(art);
	archive_close(ar);
}

static void
entities_and_timeline(void)
{
	static const char body[] =
	    "Jane Doe met Acme Corp in Paris on 11 January 2025. "
	    "Doe said talks would last 11 days. Nothing else happened.";
	struct archive *ar = fresh("ent.db", 0);
	struct extract_span m1[] = { { 0, 8 }, { 52, 55 } };
	struct extract_span m2[] = { { 13, 22 } };
	struct extract_span m3[] = { { 26, 31 } };
	char *al1[] = { "Doe" };
	struct extract_entity ents[] = {
		{ EXTRACT_PERSON, "Jane Doe", al1, 1, m1, 2 },
		{ EXTRACT_ORG, "Acme Corp", NULL, 0, m2, 1 },
		{ EXTRACT_PLACE, "Paris", NULL, 0, m3, 1 },
	};
	struct extract_timex tx[] = {
		{ EXTRACT_DURATION, { 78, 85 }, { 52, 86 }, "11 days", "P11D" },
		{ EXTRACT_DATE, { 35, 50 }, { 0, 51 }, "11 January 2025",
		    "2025-01-11" },
	};
	struct extract_result ex = { NULL, 0, ents, 3, tx, 2 };
	struct article *art = test_article("Wire", "e1", NULL, "Talks",
	    "2025-01-12", body);
	struct archive_entity *e;
	struct archive_event *ev;
	size_t n;
	char *cause = NULL;
	int64_t id, id2;

	CHECK_INT(archive_put(ar, art, &ex, &id, &cause), ARCHIVE_INSERTED);
	CHECK_INT(archive_entities(ar, id, 0, &e, &n, &cause), 0);
	CHECK_INT(n, 3);
	if (n == 3) {
		CHECK_STR(e[0].name, "Jane Doe");
		CHECK_STR(e[0].kind, "person");
		CHECK_INT(e[0].naliases, 1);
		CHECK_STR(e[0].aliases[0], "Doe");
		CHECK_INT(e[0].count, 2);
		CHECK_INT(e[0].nmentions, 2);
		CHECK_INT(e[0].mentions[1].start, 52);
		CHECK_STR(e[1].kind, "org");
		CHECK_STR(e[2].name, "Paris");
	}
	archive_entities_free(e, n);
	/* A second article naming Jane Doe shares the entity. */
	article_set(&art->guid, "e2");
	article_set(&art->title, "More talks");
	CHECK_INT(archive_put(ar, art, &ex, &id2, &cause), ARCHIVE_INSERTED);
	CHECK_INT(archive_entities(ar, 0, 0, &e, &n, &cause), 0);
	CHECK_INT(n, 3);
	if (n == 3)
		CHECK_INT(e[0].count, 2);
	archive_entities_free(e, n);
	CHECK_INT(pragma(ar, "SELECT count(*) FROM entities"), 3);
	/* Timeline of one article, by value. */
	CHECK_INT(archive_timeline(ar, id, NULL, 0, &ev, &n, &cause), 0);
	CHECK_INT(n, 2);
	if (n == 2) {
		CHECK_STR(ev[0].value, "2025-01-11");
		CHECK_STR(ev[0].type, "date");
		CHECK_STR(ev[0].sentence,
		    "Jane Doe met Acme Corp in Paris on 11 January 2025.");
		CHECK_STR(ev[1].value, "P11D");
		CHECK_STR(ev[1].type, "duration");
	}
	archive_events_free(ev, n);
	/* Across the archive: sentences that mention Paris (by name) or Doe. */
	CHECK_INT(archive_timeline(ar, 0, "paris", 0, &ev, &n, &cause), 0);
	CHECK_INT(n, 2);
	archive_events_free(ev, n);
	CHECK_INT(archive_timeline(ar, 0, "Doe", 0, &ev, &n, &cause), 0);
	CHECK_INT(n, 4);
	archive_events_free(ev, n);
	/* Entity filter on the list. */
	{
		struct archive_filter f = { .entity = "Acme Corp" };

		CHECK_INT(archive_count(ar, &f, &cause), 2);
		f.entity = "Nobody";
		CHECK_INT(archive_count(ar, &f, &cause), 0);
	}
	/* Re-extraction replaces. */
	ex.nentities = 1;
	ex.ntimexes = 0;
	CHECK_INT(archive_put_extract(ar, id, &ex, &cause), 0);
	CHECK_INT(archive_entities(ar, id, 0, &e, &n, &cause), 0);
	CHECK_INT(n, 1);
	archive_entities_free(e, n);
	/* A new date alone keeps the spans; changed text drops them. */
	CHECK_INT(archive_put_extract(ar, id2, &ex, &cause), 0);
	article_set(&art->published, "2025-01-13");
	CHECK_INT(archive_put(ar, art, NULL, &id2, &cause), ARCHIVE_UPDATED);
	CHECK_INT(archive_entities(ar, id2, 0, &e, &n, &cause), 0);
	CHECK_INT(n, 1);
	archive_entities_free(e, n);
	article_set(&art->body, "A different body.");
	CHECK_INT(archive_put(ar, art, NULL, &id2, &cause), ARCHIVE_UPDATED);
	CHECK_INT(archive_entities(ar, id2, 0, &e, &n, &cause), 0);
	CHECK_INT(n, 0);
	archive_entities_free(e, n);
	CHECK_INT(archive_timeline(ar, id2, NULL, 0, &ev, &n, &cause), 0);
	CHECK_INT(n, 0);
	archive_events_free(ev, n);
	CHECK_INT(archive_put_extract(ar, 4242, &ex, &cause), -1);
	free(cause);
	cause = NULL;
	CHECK_INT(archive_entities(ar, 4242, 0, &e, &n, &cause), -1);
	free(cause);
	article_free(art);
	archive_close(ar);
}

/* Articles listed for name (entity_index), and whether check passes. */
static int64_t
entity_count(struct archive *ar, const char *name)
{
	struct archive_filter f = { .entity = name };
	char *cause = NULL;
	int64_t n = archive_count(ar, &f, &cause);

	if (n < 0)
		fprintf(stderr, "count %s: %s\n", name, cause);
	free(cause);
	return n;
}

static int
check_quiet(struct archive *ar)
{
	char *report = NULL, *cause = NULL;
	int rc = archive_check(ar, &report, &cause);

	if (rc != 0)
		fprintf(stderr, "check: %s\n", report != NULL ? report : cause);
	free(report);
	free(cause);
	return rc;
}

/*
 * The entity index (schema 6: articles by entity, written at commit)
 * follows every way an article's extraction results change: inserted,
 * re-extracted, its text changed (a new revision loses its mentions),
 * re-extracted twice in one transaction, rolled back, a failed put in
 * the same batch; `lede check` notices a missing entry and a rebuild
 * (`lede reindex`) restores it.
 */
static void
entity_index_follows(void)
{
	struct archive *ar = fresh("entidx.db", 0);
	struct extract_span m1[] = { { 0, 4 } }, m2[] = { { 10, 14 } };
	struct extract_entity acme = { EXTRACT_ORG, "Acme", NULL, 0, m1, 1 };
	struct extract_entity jane = { EXTRACT_PERSON, "Jane", NULL, 0, m2, 1 };
	struct extract_entity paris = { EXTRACT_PLACE, "Paris", NULL, 0, m1,
	    1 };
	struct extract_entity both[2], one[1];
	struct extract_result ex2 = { NULL, 0, both, 2, NULL, 0 };
	struct extract_result ex1 = { NULL, 0, one, 1, NULL, 0 };
	struct article *art = test_article("Wire", "x1", NULL, "One",
	    "2025-01-12", "Acme and Jane went out.");
	char *cause = NULL, *report = NULL, *sql;
	int64_t a1, a2, a3;

	both[0] = acme;
	both[1] = jane;
	one[0] = jane;
	CHECK_INT(archive_begin(ar, &cause), 0);
	CHECK_INT(archive_put(ar, art, &ex2, &a1, &cause), ARCHIVE_INSERTED);
	article_set(&art->guid, "x2");
	article_set(&art->title, "Two");
	CHECK_INT(archive_put(ar, art, &ex1, &a2, &cause), ARCHIVE_INSERTED);
	/* not in the index before the commit */
	CHECK_INT(pragma(ar, "SELECT count(*) FROM entity_index"
	    " WHERE entity_index MATCH '1 OR 2'"), 0);
	CHECK_INT(archive_commit(ar, &cause), 0);
	CHECK_INT(entity_count(ar, "Acme"), 1);
	CHECK_INT(entity_count(ar, "jane"), 2);
	CHECK_INT(check_quiet(ar), 0);
	/* re-extracted: Paris instead of Acme and Jane */
	one[0] = paris;
	CHECK_INT(archive_put_extract(ar, a1, &ex1, &cause), 0);
	CHECK_INT(entity_count(ar, "Acme"), 0);
	CHECK_INT(entity_count(ar, "Jane"), 1);
	CHECK_INT(entity_count(ar, "Paris"), 1);
	CHECK_INT(check_quiet(ar), 0);
	/* a new revision of the text, without results: its mentions go */
	article_set(&art->guid, "x1");
	article_set(&art->title, "One");
	article_set(&art->body, "Acme and Jane went home.");
	CHECK_INT(archive_put(ar, art, NULL, &a1, &cause), ARCHIVE_UPDATED);
	CHECK_INT(entity_count(ar, "Paris"), 0);
	CHECK_INT(check_quiet(ar), 0);
	/* with results: they replace the old ones */
	article_set(&art->body, "Acme and Jane went away.");
	CHECK_INT(archive_put(ar, art, &ex2, &a1, &cause), ARCHIVE_UPDATED);
	CHECK_INT(entity_count(ar, "Acme"), 1);
	CHECK_INT(entity_count(ar, "Jane"), 2);
	CHECK_INT(check_quiet(ar), 0);
	/* stored, then extracted twice, in one transaction */
	CHECK_INT(archive_begin(ar, &cause), 0);
	article_set(&art->guid, "x3");
	CHECK_INT(archive_put(ar, art, &ex2, &a3, &cause), ARCHIVE_INSERTED);
	one[0] = jane;
	CHECK_INT(archive_put_extract(ar, a3, &ex1, &cause), 0);
	one[0] = paris;
	CHECK_INT(archive_put_extract(ar, a3, &ex1, &cause), 0);
	CHECK_INT(archive_put_extract(ar, a1, &ex1, &cause), 0);
	CHECK_INT(archive_put_extract(ar, a1, &ex2, &cause), 0);
	/* a failed put in the batch rolls its savepoint back, not the rest */
	CHECK_INT(archive_put_extract(ar, 4242, &ex1, &cause), -1);
	free(cause);
	cause = NULL;
	CHECK_INT(archive_commit(ar, &cause), 0);
	CHECK_INT(entity_count(ar, "Acme"), 1);
	CHECK_INT(entity_count(ar, "Jane"), 2);
	CHECK_INT(entity_count(ar, "Paris"), 1);
	CHECK_INT(check_quiet(ar), 0);
	/* a rolled-back transaction leaves the index as it was */
	CHECK_INT(archive_begin(ar, &cause), 0);
	article_set(&art->guid, "x4");
	CHECK_INT(archive_put(ar, art, &ex2, NULL, &cause), ARCHIVE_INSERTED);
	CHECK_INT(archive_put_extract(ar, a2, &ex2, &cause), 0);
	archive_rollback(ar);
	CHECK_INT(entity_count(ar, "Acme"), 1);
	CHECK_INT(entity_count(ar, "Jane"), 2);
	CHECK_INT(check_quiet(ar), 0);
	/* an entry lost behind lede's back: check says so, a rebuild cures */
	sql = sqlite3_mprintf("INSERT INTO entity_index(entity_index, rowid,"
	    " entities) SELECT 'delete', %lld, group_concat(DISTINCT entity_id)"
	    " FROM mentions WHERE article_id = %lld", (long long)a2,
	    (long long)a2);
	CHECK_INT(sqlite3_exec(ar->db, sql, NULL, NULL, NULL), SQLITE_OK);
	sqlite3_free(sql);
	CHECK_INT(entity_count(ar, "Jane"), 1);
	CHECK_INT(archive_check(ar, &report, &cause), 1);
	CHECK(report != NULL && strstr(report, "entity index: entity") != NULL &&
	    strstr(report, "2 articles mention it, the index lists 1") != NULL);
	free(report);
	/* the same number of articles, not the same ones */
	sql = sqlite3_mprintf("INSERT INTO entity_index(rowid, entities)"
	    " SELECT 99, entity_id FROM mentions WHERE article_id = %lld"
	    " LIMIT 1", (long long)a2);
	CHECK_INT(sqlite3_exec(ar->db, sql, NULL, NULL, NULL), SQLITE_OK);
	sqlite3_free(sql);
	CHECK_INT(archive_check(ar, &report, &cause), 1);
	CHECK(report != NULL && strstr(report, "not the same ones") != NULL);
	free(report);
	/* mentions have no foreign key to entities: check names the orphan */
	sql = sqlite3_mprintf("INSERT INTO mentions VALUES (%lld, 9999, 100,"
	    " 101)", (long long)a2);
	CHECK_INT(sqlite3_exec(ar->db, sql, NULL, NULL, NULL), SQLITE_OK);
	sqlite3_free(sql);
	CHECK_INT(archive_check(ar, &report, &cause), 1);
	CHECK(report != NULL && strstr(report, "mentions entity 9999, which "
	    "does not exist") != NULL);
	free(report);
	CHECK_INT(sqlite3_exec(ar->db, "DELETE FROM mentions WHERE entity_id ="
	    " 9999", NULL, NULL, NULL), SQLITE_OK);
	/* an id far past any lede gives: reported, not allocated for */
	CHECK_INT(sqlite3_exec(ar->db, "INSERT INTO entities(id, kind, name)"
	    " VALUES (1000000000000, 'person', 'Far Away')", NULL, NULL, NULL),
	    SQLITE_OK);
	CHECK_INT(archive_check(ar, &report, &cause), 1);
	CHECK(report != NULL && strstr(report, "ids run to 1000000000000")
	    != NULL);
	free(report);
	CHECK_INT(sqlite3_exec(ar->db, "DELETE FROM entities WHERE id ="
	    " 1000000000000", NULL, NULL, NULL), SQLITE_OK);
	CHECK_INT(archive_rebuild_fts(ar, &cause), 0);
	CHECK_INT(entity_count(ar, "Jane"), 2);
	CHECK_INT(check_quiet(ar), 0);
	{
		struct archive_entity *e;
		size_t n;

		CHECK_INT(archive_entities(ar, 0, 0, &e, &n, &cause), 0);
		CHECK_INT(n, 3);
		if (n == 3) {
			CHECK_STR(e[0].name, "Jane");
			CHECK_INT(e[0].count, 2);
		}
		archive_entities_free(e, n);
	}
	free(cause);
	article_free(art);
	archive_close(ar);
}

static void
check_finds_damage(void)
{
	struct archive *ar = fill_thirty("damage.db");
	char *report = NULL, *cause = NULL, *path = test_path("damage.db");
	sqlite3 *db;

	CHECK_INT(archive_check(ar, &report, &cause), 0);
	free(report);
	archive_close(ar);
	/* Damage the index behind lede's back (a connection without DEFENSIVE). */
	if (sqlite3_open(path, &db) != SQLITE_OK)
		exit(99);
	CHECK_INT(sqlite3_exec(db, "DELETE FROM articles_fts_data WHERE id > 10",
	    NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
	ar = fresh("damage.db", 0);
	CHECK_INT(archive_check(ar, &report, &cause), 1);
	CHECK(report != NULL && strstr(report, "full-text index") != NULL);
	free(report);
	/* Rebuilt from the articles, the index is whole again. */
	CHECK_INT(archive_rebuild_fts(ar, &cause), 0);
	CHECK_INT(archive_check(ar, &report, &cause), 0);
	free(report);
	CHECK_INT(archive_optimize(ar, &cause), 0);
	{
		struct archive_filter f = { .query = "harbour" };

		CHECK_INT(archive_count(ar, &f, &cause), 15);
	}
	archive_close(ar);
	/* Content changed without the index knowing. */
	ar = fill_thirty("damage2.db");
	free(path);
	path = test_path("damage2.db");
	archive_close(ar);
	if (sqlite3_open(path, &db) != SQLITE_OK)
		exit(99);
	CHECK_INT(sqlite3_exec(db, "UPDATE article_rows SET body ="
	    " CAST('something else' AS BLOB), body_size = 14 WHERE id = 3", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
	ar = fresh("damage2.db", 0);
	CHECK_INT(archive_check(ar, &report, &cause), 1);
	free(report);
	archive_close(ar);
	free(path);
}

/*
 * Sort keys are compact: minute << ARCHIVE_SEQ_BITS | order of arrival in
 * the minute; a full minute lends keys from the next; an update that
 * keeps the minute keeps the key.
 */
static void
compact_sort_keys(void)
{
	struct archive *ar = fresh("keys.db", 0);
	char *cause = NULL, guid[32];
	struct article *art;
	struct archive_page p;
	int64_t m = archive_date_minute("2025-03-20T10:05Z"), id, first = 0;
	int i, n = (1 << ARCHIVE_SEQ_BITS) + 3;

	CHECK_INT(archive_begin(ar, &cause), 0);
	for (i = 0; i < n; i++) {
		snprintf(guid, sizeof guid, "k%d", i);
		art = test_article("Keys", guid, NULL, guid, "2025-03-20T10:05Z",
		    "Same minute.");
		CHECK_INT(test_put(ar, art, &id), ARCHIVE_INSERTED);
		article_free(art);
		if (i == 0)
			first = id;
	}
	art = test_article("Keys", "next", NULL, "next", "2025-03-20T10:06Z",
	    "The next minute.");
	CHECK_INT(test_put(ar, art, NULL), ARCHIVE_INSERTED);
	article_free(art);
	CHECK_INT(archive_commit(ar, &cause), 0);
	CHECK_INT(pragma(ar, "SELECT min(sortkey) FROM articles"),
	    ARCHIVE_KEY_MINUTE(m));
	CHECK_INT(pragma(ar, "SELECT sortkey FROM articles WHERE guid = 'k1'"),
	    ARCHIVE_KEY_MINUTE(m) + 1);
	/* the three past 1024 sit in the next minute, before its own article */
	CHECK_INT(pragma(ar, "SELECT sortkey FROM articles WHERE guid = 'next'"),
	    ARCHIVE_KEY_MINUTE(m + 1) + 3);
	CHECK_INT(pragma(ar, "SELECT count(DISTINCT sortkey) FROM articles"),
	    n + 1);
	/* Newest first: the next minute, then the minute, latest arrival first. */
	CHECK_INT(archive_list(ar, NULL, 0, 0, 2, 0, &p, &cause), 0);
	if (p.nrows == 2) {
		CHECK_STR(p.rows[0].title, "next");
		CHECK_STR(p.rows[1].title, "k1026");
	}
	archive_page_release(&p);
	/* A changed text in the same minute keeps its key; a new date moves it. */
	art = test_article("Keys", "k0", NULL, "k0", "2025-03-20T10:05Z",
	    "Changed text.");
	CHECK_INT(test_put(ar, art, &id), ARCHIVE_UPDATED);
	CHECK_INT(id, first);
	CHECK_INT(pragma(ar, "SELECT sortkey FROM articles WHERE guid = 'k0'"),
	    ARCHIVE_KEY_MINUTE(m));
	article_set(&art->published, "2025-03-21");
	CHECK_INT(test_put(ar, art, &id), ARCHIVE_UPDATED);
	CHECK_INT(pragma(ar, "SELECT sortkey FROM articles WHERE guid = 'k0'"),
	    ARCHIVE_KEY_DAY(archive_date_first("2025-03-21")));
	article_free(art);
	{
		struct archive_filter f = { .query = "changed" };
		char *report = NULL;

		CHECK_INT(archive_count(ar, &f, &cause), 1);
		CHECK_INT(archive_check(ar, &report, &cause), 0);
		free(report);
	}
	archive_close(ar);
}

/* unicode61 under the name "lede", for a connection made without lede. */
static void
stub_tokenizer(sqlite3 *db)
{
	fts5_api *api = NULL;
	fts5_tokenizer tok;
	sqlite3_stmt *st;
	void *ud;

	if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &st, NULL) !=
	    SQLITE_OK)
		exit(99);
	sqlite3_bind_pointer(st, 1, (void *)&api, "fts5_api_ptr", NULL);
	sqlite3_step(st);
	sqlite3_finalize(st);
	if (api == NULL || api->xFindTokenizer(api, "unicode61", &ud, &tok) !=
	    SQLITE_OK || api->xCreateTokenizer(api, "lede", ud, &tok, NULL) !=
	    SQLITE_OK)
		exit(99);
}

/*
 * An archive made by schema 1 (old keys: minute << 30 | id) opens as the
 * current schema: keys compacted in the same order, the count kept, the
 * index rebuilt under the new keys. With low: one article dated in year
 * 0, whose old key is small enough to meet a new one.
 */
static void
migrate_from_v1(int low)
{
	static const char *const dates[] = {
		"2025-03-20T10:05Z", "2024-01-01", "2025-03-20T10:05Z",
		"2025-03-20T10:04Z", "0000-01-01",
	};
	const struct archive_migration *steps;
	char *path = test_path(low ? "schema1low.db" : "schema1.db"), *cause = NULL;
	char *sql, *report = NULL;
	struct archive *ar;
	struct archive_page p;
	struct archive_filter f = { .query = "harbour" };
	size_t nsteps, i, n = low ? 5 : 4;
	int64_t key;
	sqlite3 *db;

	steps = archive_schema_steps(&nsteps);
	if (sqlite3_open(path, &db) != SQLITE_OK)
		exit(99);
	stub_tokenizer(db);
	CHECK_INT(sqlite3_exec(db, "PRAGMA page_size = 16384", NULL, NULL, NULL),
	    SQLITE_OK);
	CHECK_INT(archive_migrate(db, steps, nsteps, 1, &cause), 0);
	for (i = 0; i < n; i++) {
		key = archive_date_minute(dates[i]) << 30 | (int64_t)(i + 1);
		sql = sqlite3_mprintf("INSERT INTO articles(id, sortkey, title,"
		    " body, hash, imported_at, updated_at, published) VALUES"
		    " (%d, %lld, 'Title %d', 'The harbour %d.', %d, '2025-01-01',"
		    " '2025-01-01', '%s');"
		    "INSERT INTO articles_fts(rowid, title, body) VALUES (%lld,"
		    " 'Title %d', 'The harbour %d.')", (int)i + 1, (long long)key,
		    (int)i + 1, (int)i + 1, (int)i + 1, dates[i], (long long)key,
		    (int)i + 1, (int)i + 1);
		if (sqlite3_exec(db, sql, NULL, NULL, NULL) != SQLITE_OK) {
			fprintf(stderr, "%s: %s\n", sql, sqlite3_errmsg(db));
			CHECK(0);
		}
		sqlite3_free(sql);
	}
	/* A schema-1 event: text stored, type as a word. */
	CHECK_INT(sqlite3_exec(db, "INSERT INTO events(article_id, type, start,"
	    " stop, text, value, sent_start, sent_stop) VALUES (2, 'duration',"
	    " 4, 11, 'harbour', 'P1D', 0, 14)", NULL, NULL, NULL), SQLITE_OK);
	/* Entities and mentions: schema 6 indexes them by entity. */
	CHECK_INT(sqlite3_exec(db, "INSERT INTO entities(id, kind, name) VALUES"
	    " (1, 'person', 'Jane Doe'), (2, 'place', 'Harbour City');"
	    "INSERT INTO entity_aliases VALUES (1, 'Doe');"
	    "INSERT INTO mentions VALUES (1, 1, 4, 11), (2, 1, 0, 3),"
	    " (2, 2, 4, 11), (2, 1, 12, 14), (3, 2, 0, 5)", NULL, NULL, NULL),
	    SQLITE_OK);
	sqlite3_close(db);

	ar = fresh(low ? "schema1low.db" : "schema1.db", 0);
	{
		struct archive_event *ev;
		size_t nev;

		CHECK_INT(archive_timeline(ar, 2, NULL, 0, &ev, &nev, &cause), 0);
		CHECK_INT(nev, 1);
		if (nev == 1) {
			CHECK_STR(ev[0].type, "duration");
			CHECK_STR(ev[0].text, "harbour");
			CHECK_STR(ev[0].value, "P1D");
			CHECK_STR(ev[0].sentence, "The harbour 2.");
		}
		archive_events_free(ev, nev);
		CHECK_INT(archive_timeline(ar, 0, "doe", 0, &ev, &nev, &cause),
		    0);
		CHECK_INT(nev, 1);
		archive_events_free(ev, nev);
	}
	CHECK_INT(entity_count(ar, "Doe"), 2);
	CHECK_INT(entity_count(ar, "harbour city"), 2);
	{
		struct archive_entity *e;
		size_t ne;

		CHECK_INT(archive_entities(ar, 0, 0, &e, &ne, &cause), 0);
		CHECK_INT(ne, 2);
		if (ne == 2) {
			CHECK_STR(e[0].name, "Harbour City");
			CHECK_INT(e[0].count, 2);
			CHECK_INT(e[1].count, 2);
		}
		archive_entities_free(e, ne);
	}
	CHECK_INT(pragma(ar, "PRAGMA user_version"), archive_schema_version());
	CHECK_INT(pragma(ar, "SELECT count(*) FROM sqlite_schema WHERE name ="
	    " 'articles_hash' AND sql LIKE '%WHERE guid IS NULL AND url IS NULL'"),
	    1);
	CHECK_INT(archive_total(ar), (int64_t)n);
	key = ARCHIVE_KEY_MINUTE(archive_date_minute("2025-03-20T10:05Z"));
	/* ids 1 and 3 share a minute: in id order, one apart */
	CHECK_INT(pragma(ar, "SELECT sortkey FROM articles WHERE id = 1"), key);
	CHECK_INT(pragma(ar, "SELECT sortkey FROM articles WHERE id = 3"),
	    key + 1);
	CHECK_INT(pragma(ar, "SELECT sortkey FROM articles WHERE id = 4"),
	    ARCHIVE_KEY_MINUTE(archive_date_minute("2025-03-20T10:04Z")));
	CHECK_INT(archive_list(ar, NULL, 0, 0, 10, 0, &p, &cause), 0);
	CHECK_INT(p.nrows, n);
	if (p.nrows >= 4) {
		CHECK_INT(p.rows[0].id, 3);
		CHECK_INT(p.rows[1].id, 1);
		CHECK_INT(p.rows[2].id, 4);
		CHECK_INT(p.rows[3].id, 2);
	}
	if (p.nrows == 5)
		CHECK_INT(p.rows[4].id, 5);
	archive_page_release(&p);
	CHECK_INT(archive_count(ar, &f, &cause), (int64_t)n);
	CHECK_INT(archive_check(ar, &report, &cause), 0);
	if (report != NULL && strcmp(report, "ok\n") != 0)
		fprintf(stderr, "%s", report);
	free(report);
	/* New articles go on after the migrated ones. */
	{
		struct article *art = test_article("Keys", "new", NULL, "New",
		    "2025-03-20T10:05Z", "Another harbour.");

		CHECK_INT(test_put(ar, art, NULL), ARCHIVE_INSERTED);
		CHECK_INT(pragma(ar, "SELECT sortkey FROM articles WHERE"
		    " guid = 'new'"), key + 2);
		article_free(art);
	}
	archive_close(ar);
	free(path);
}

static void
migrate_v1_archive(void)
{
	migrate_from_v1(0);
	migrate_from_v1(1);
}

/* The article count is kept by triggers; check sees it go wrong. */
static void
article_count_kept(void)
{
	struct archive *ar = fill_thirty("count.db");
	char *report = NULL, *cause = NULL, *path = test_path("count.db");
	sqlite3 *db;

	CHECK_INT(archive_total(ar), 30);
	CHECK_INT(pragma(ar, "SELECT n FROM counts WHERE name = 'articles'"),
	    30);
	archive_close(ar);
	if (sqlite3_open(path, &db) != SQLITE_OK)
		exit(99);
	/* Triggers follow deletes made behind lede's back too... */
	CHECK_INT(sqlite3_exec(db, "PRAGMA foreign_keys = ON;"
	    "DELETE FROM article_rows WHERE id = 30", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
	ar = fresh("count.db", 0);
	CHECK_INT(archive_total(ar), 29);
	CHECK_INT(archive_check(ar, &report, &cause), 1);	/* the FTS row */
	CHECK(report != NULL && strstr(report, "article count") == NULL);
	free(report);
	archive_close(ar);
	/* ...but not a count changed by hand. */
	if (sqlite3_open(path, &db) != SQLITE_OK)
		exit(99);
	CHECK_INT(sqlite3_exec(db, "UPDATE counts SET n = 7", NULL, NULL,
	    NULL), SQLITE_OK);
	sqlite3_close(db);
	ar = fresh("count.db", 0);
	CHECK_INT(archive_total(ar), 7);
	CHECK_INT(archive_check(ar, &report, &cause), 1);
	CHECK(report != NULL && strstr(report, "article count: 29 articles, "
	    "the kept count says 7") != NULL);
	free(report);
	archive_close(ar);
	free(path);
}

/* A put that fails inside a batch leaves nothing behind; the batch goes on. */
static void
failed_put_in_batch(void)
{
	char *path = test_path("batch.db"), *cause = NULL, *report = NULL;
	struct archive *ar = fresh("batch.db", 0);
	struct article *a1, *bad, *a2;
	sqlite3 *db;

	archive_close(ar);
	if (sqlite3_open(path, &db) != SQLITE_OK || sqlite3_exec(db,
	    "CREATE TRIGGER boom BEFORE INSERT ON mentions"
	    " WHEN NEW.start = 666 BEGIN SELECT RAISE(ABORT, 'boom'); END;",
	    NULL, NULL, NULL) != SQLITE_OK)
		exit(99);
	sqlite3_close(db);
	ar = fresh("batch.db", 0);
	a1 = test_article("B", "1", NULL, "One", "2025-01-01", "first body");
	bad = test_article("B", "2", NULL, "Bad", "2025-01-02", "bad body");
	a2 = test_article("B", "3", NULL, "Two", "2025-01-03", "second body");
	{
		struct extract_span m[] = { { 666, 667 } };
		struct extract_entity e[] = { { EXTRACT_PLACE, "X", NULL, 0, m, 1 } };
		struct extract_result ex = { NULL, 0, e, 1, NULL, 0 };

		CHECK_INT(archive_begin(ar, &cause), 0);
		CHECK_INT(archive_put(ar, a1, NULL, NULL, &cause), ARCHIVE_INSERTED);
		CHECK_INT(archive_put(ar, bad, &ex, NULL, &cause), -1);
		CHECK(cause != NULL && strstr(cause, "boom") != NULL);
		free(cause);
		cause = NULL;
		CHECK_INT(archive_put(ar, a2, NULL, NULL, &cause), ARCHIVE_INSERTED);
		CHECK_INT(archive_commit(ar, &cause), 0);
	}
	CHECK_INT(archive_total(ar), 2);
	CHECK_INT(pragma(ar, "SELECT count(*) FROM entities"), 0);
	CHECK_INT(archive_check(ar, &report, &cause), 0);
	free(report);
	{
		struct archive_filter f = { .query = "bad" };

		CHECK_INT(archive_count(ar, &f, &cause), 0);
	}
	article_free(a1);
	article_free(bad);
	article_free(a2);
	archive_close(ar);
	free(path);
}

/*
 * Articles stored in a transaction are indexed at commit, in rowid order:
 * dates arriving newest first, an article changed twice in the same
 * batch, and a rolled-back batch must all leave the index exact.
 */
static void
batch_indexed_at_commit(void)
{
	struct archive *ar = fresh("late.db", 0);
	struct article *a[4], *v2, *v3;
	char *cause = NULL, *report = NULL;
	int i;

	a[0] = test_article("B", "1", NULL, "Dam", "2025-03-04", "river flood");
	a[1] = test_article("B", "2", NULL, "Port", "2025-03-03", "harbour strike");
	a[2] = test_article("B", "3", NULL, "Field", "2024-01-01", "wheat harvest");
	a[3] = test_article("B", "4", NULL, "Mine", "2025-02-01", "copper price");
	v2 = test_article("B", "2", NULL, "Port", "2023-05-05", "harbour lockout");
	v3 = test_article("B", "2", NULL, "Port", "2026-01-01", "harbour reopened");
	CHECK_INT(archive_begin(ar, &cause), 0);
	for (i = 0; i < 4; i++)
		CHECK_INT(archive_put(ar, a[i], NULL, NULL, &cause), ARCHIVE_INSERTED);
	CHECK_INT(archive_put(ar, v2, NULL, NULL, &cause), ARCHIVE_UPDATED);
	CHECK_INT(archive_put(ar, v3, NULL, NULL, &cause), ARCHIVE_UPDATED);
	CHECK_INT(archive_commit(ar, &cause), 0);
	CHECK_INT(archive_check(ar, &report, &cause), 0);
	free(report);
	report = NULL;
	{
		struct archive_filter f = { .query = "harbour" };

		CHECK_INT(archive_count(ar, &f, &cause), 1);
		f.query = "strike OR lockout";
		CHECK_INT(archive_count(ar, &f, &cause), 0);
		f.query = "reopened";
		CHECK_INT(archive_count(ar, &f, &cause), 1);
		f.query = "flood OR wheat OR copper";
		CHECK_INT(archive_count(ar, &f, &cause), 3);
	}
	/* changed again in a later batch (indexed), then a batch rolled back */
	CHECK_INT(archive_begin(ar, &cause), 0);
	CHECK_INT(archive_put(ar, v2, NULL, NULL, &cause), ARCHIVE_UPDATED);
	CHECK_INT(archive_commit(ar, &cause), 0);
	CHECK_INT(archive_begin(ar, &cause), 0);
	CHECK_INT(archive_put(ar, v3, NULL, NULL, &cause), ARCHIVE_UPDATED);
	archive_rollback(ar);
	CHECK_INT(archive_check(ar, &report, &cause), 0);
	free(report);
	{
		struct archive_filter f = { .query = "lockout" };

		CHECK_INT(archive_count(ar, &f, &cause), 1);
		f.query = "reopened";
		CHECK_INT(archive_count(ar, &f, &cause), 0);
	}
	/* a put outside any batch is indexed at once */
	CHECK_INT(archive_put(ar, v3, NULL, NULL, &cause), ARCHIVE_UPDATED);
	{
		struct archive_filter f = { .query = "reopened" };

		CHECK_INT(archive_count(ar, &f, &cause), 1);
	}
	for (i = 0; i < 4; i++)
		article_free(a[i]);
	article_free(v2);
	article_free(v3);
	archive_close(ar);
}

static int
count_of(struct archive *ar, const char *query)
{
	struct archive_filter f = { .query = query };
	char *cause = NULL;

	return (int)archive_count(ar, &f, &cause);
}

/*
 * Terms computed ahead (archive_terms_prepare()) are what the commit
 * indexes when the article's text is the one they were computed from,
 * and are ignored when it is not.
 */
static void
terms_ahead_at_commit(void)
{
	struct archive *ar = fresh("ahead.db", 0);
	struct archive_terms *t;
	struct article *a, *b, *c, *c2;
	unsigned char *p;
	char *cause = NULL, *report = NULL;

	t = archive_terms_new(ar, &cause);
	CHECK(t != NULL);
	if (t == NULL)
		return;
	/* altered terms show that the commit took them as they were */
	/* (a capital: the term's bytes are in the terms, not the text's) */
	a = test_article("B", "1", NULL, "Dam", "2025-03-04", "river Flood");
	CHECK_INT(archive_terms_prepare(t, a), 1);
	p = memmem(a->fts_terms, a->fts_terms_len, "flood", 5);
	CHECK(p != NULL);
	if (p != NULL)
		memcpy(p, "flxxd", 5);
	CHECK_INT(archive_begin(ar, &cause), 0);
	CHECK_INT(archive_put(ar, a, NULL, NULL, &cause), ARCHIVE_INSERTED);
	CHECK_INT(archive_commit(ar, &cause), 0);
	CHECK_INT(count_of(ar, "flxxd"), 1);
	CHECK_INT(count_of(ar, "flood"), 0);
	archive_terms_free(t);
	archive_close(ar);

	ar = fresh("ahead2.db", 0);
	t = archive_terms_new(ar, &cause);
	/* terms of a body changed since are not used */
	b = test_article("B", "2", NULL, "Port", "2025-03-03", "harbour strike");
	CHECK_INT(archive_terms_prepare(t, b), 1);
	article_set(&b->body, "harbour lockout");
	/* stored, then moved to another minute, in one batch */
	c = test_article("B", "3", NULL, "Field", "2024-01-01", "wheat harvest");
	c2 = test_article("B", "3", NULL, "Field", "2026-01-01", "barley harvest");
	CHECK_INT(archive_terms_prepare(t, c), 1);
	CHECK_INT(archive_terms_prepare(t, c2), 1);
	CHECK_INT(archive_begin(ar, &cause), 0);
	CHECK_INT(archive_put(ar, b, NULL, NULL, &cause), ARCHIVE_INSERTED);
	CHECK_INT(archive_put(ar, c, NULL, NULL, &cause), ARCHIVE_INSERTED);
	CHECK_INT(archive_put(ar, c2, NULL, NULL, &cause), ARCHIVE_UPDATED);
	CHECK_INT(archive_commit(ar, &cause), 0);
	CHECK_INT(archive_check(ar, &report, &cause), 0);
	free(report);
	CHECK_INT(count_of(ar, "lockout"), 1);
	CHECK_INT(count_of(ar, "strike"), 0);
	CHECK_INT(count_of(ar, "barley"), 1);
	CHECK_INT(count_of(ar, "wheat"), 0);
	CHECK_INT(count_of(ar, "harvest"), 1);
	archive_terms_free(t);
	article_free(a);
	article_free(b);
	article_free(c);
	article_free(c2);
	archive_close(ar);
}

static void
readonly_refuses_writes(void)
{
	struct archive *ar = fill_thirty("ro.db");
	struct article *art = test_article("X", "y", NULL, "t", NULL, "b");
	char *cause = NULL, *report = NULL;

	archive_close(ar);
	ar = fresh("ro.db", ARCHIVE_READONLY);
	CHECK_INT(archive_put(ar, art, NULL, NULL, &cause), -1);
	CHECK(cause != NULL && strstr(cause, "read-only") != NULL);
	free(cause);
	cause = NULL;
	CHECK_INT(archive_begin(ar, &cause), -1);
	free(cause);
	cause = NULL;
	CHECK_INT(archive_total(ar), 30);
	CHECK_INT(archive_check(ar, &report, &cause), 0);
	CHECK(report != NULL && strstr(report, "only counted") != NULL);
	free(report);
	article_free(art);
	archive_close(ar);
}

static void
default_path(void)
{
	char *p;

	setenv("LEDE_ARCHIVE", "/x/y.db", 1);
	p = archive_default_path();
	CHECK_STR(p, "/x/y.db");
	free(p);
	unsetenv("LEDE_ARCHIVE");
	setenv("XDG_DATA_HOME", "/data", 1);
	p = archive_default_path();
	CHECK_STR(p, "/data/lede/archive.db");
	free(p);
	unsetenv("XDG_DATA_HOME");
	setenv("HOME", "/home/u", 1);
	p = archive_default_path();
	CHECK_STR(p, "/home/u/.local/share/lede/archive.db");
	free(p);
}

static void
dates(void)
{
	CHECK(archive_date_first("2025") == archive_date_first("2025-01-01"));
	CHECK(archive_date_after("2025") == archive_date_first("2026-01-01"));
	CHECK(archive_date_after("2025-12") == archive_date_first("2026-01"));
	CHECK(archive_date_after("2024-02") == archive_date_first("2024-03"));
	CHECK(archive_date_after("2024-02-28") == archive_date_first("2024-02-29"));
	CHECK(archive_date_first("2023-02-29") < 0);
	CHECK(archive_date_first("2025-03-20T10:00") < 0);
	CHECK(archive_date_first("0000-01-01") >= 0);
	CHECK(archive_date_first("1970-01-02") - archive_date_first("1970-01-01")
	    == 1);
	CHECK(archive_date_first("2000-03-01") - archive_date_first("2000-02-28")
	    == 2);
	CHECK(archive_date_first("abcd") < 0);
	CHECK(archive_date_first("") < 0);
	/* Minutes, in UTC. */
	{
		int64_t d = archive_date_first("2025-03-20") * 1440;

		CHECK_INT(archive_date_minute("2025-03-20"), d);
		CHECK_INT(archive_date_minute("2025-03-20T10:05:00Z"), d + 605);
		CHECK_INT(archive_date_minute("2025-03-20T10:05:00+02:00"),
		    d + 485);
		CHECK_INT(archive_date_minute("2025-03-20 10:05:30.25-0130"),
		    d + 695);
		CHECK_INT(archive_date_minute("2025-03-20T23:30-01:00"),
		    d + 1440 + 30);
		CHECK_INT(archive_date_minute("2025-03-20T00:10+01:00"), d - 50);
		CHECK_INT(archive_date_minute("2025-03-20Tnoon"), d);
		CHECK_INT(archive_date_minute("2025-03-20T25:00Z"), d);
		CHECK_INT(archive_date_minute("2025"),
		    archive_date_first("2025") * 1440);
		CHECK_INT(archive_date_minute("soon"), -1);
		CHECK_INT(archive_date_minute(NULL), -1);
	}
}

int
main(void)
{
	test_init();
	test_dir_make();
	TEST_RUN(open_creates_with_settings);
	TEST_RUN(open_refuses_foreign_files);
	TEST_RUN(migrations);
	TEST_RUN(article_count_kept);
	TEST_RUN(compact_sort_keys);
	TEST_RUN(migrate_v1_archive);
	TEST_RUN(put_unchanged_updated);
	TEST_RUN(keyset_paging);
	TEST_RUN(same_day_by_time);
	TEST_RUN(list_filters);
	TEST_RUN(list_by_entity);
	TEST_RUN(flag_counts);
	TEST_RUN(foreach_all);
	TEST_RUN(entities_and_timeline);
	TEST_RUN(entity_ids_not_stale);
	TEST_RUN(entity_index_follows);
	TEST_RUN(check_finds_damage);
	TEST_RUN(failed_put_in_batch);
	TEST_RUN(batch_indexed_at_commit);
	TEST_RUN(terms_ahead_at_commit);
	TEST_RUN(readonly_refuses_writes);
	TEST_RUN(default_path);
	TEST_RUN(dates);
	return test_done();
}
