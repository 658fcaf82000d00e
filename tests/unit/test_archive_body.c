/*
 * Bodies in their stored form (src/archive/body.c, schema 5): the sqlar
 * convention round trip on its own (empty, incompressible, Arabic, 1 MB,
 * damaged bytes), then through a real archive: stored and read back,
 * packed by the caller or by archive_put(), checked by archive_check(),
 * and read with plain SQL through the `articles` view.
 */
#include "config.h"

#include <sqlite3.h>
#include <zlib.h>

#include "test.h"
#include "test_archive.h"

/*
 * n random bytes from a fixed seed, NUL-terminated: any byte but NUL
 * (binary: deflate cannot shrink it), or printable ASCII (text, which
 * deflate cannot shrink when short). Caller frees.
 */
static char *
noise(size_t n, int binary)
{
	char *s = xmalloc(n + 1);
	uint32_t x = 2463534242u;
	size_t i;

	for (i = 0; i < n; i++) {
		x ^= x << 13;
		x ^= x >> 17;
		x ^= x << 5;
		s[i] = (char)(binary ? 1 + x % 255 : 0x21 + x % 94);
	}
	s[n] = '\0';
	return s;
}

/* An Arabic news paragraph repeated until it holds n bytes or more. */
static char *
arabic(size_t n)
{
	static const char para[] = "أعيد افتتاح الجسر الحديدي القديم فوق "
	    "نهر دجلة في الموصل أمام حركة المرور يوم الأحد، بعد سبع سنوات "
	    "من تدميره. وقال محافظ نينوى إن الأعمال كلّفت ١٢ مليون دولار.\n\n";
	size_t len = strlen(para), have = 0;
	char *s = xmalloc(n + len + 1);

	while (have < n) {
		memcpy(s + have, para, len);
		have += len;
	}
	s[have] = '\0';
	return s;
}

/* English-like text of about n bytes, varied enough not to be trivial. */
static char *
prose(size_t n)
{
	static const char *const w[] = { "council", "harbour", "minister",
	    "said", "the", "river", "budget", "on", "Tuesday", "court",
	    "election", "of", "drought", "and", "railway", "museum" };
	char *s = xmalloc(n + 32);
	size_t have = 0, i = 0;

	while (have < n) {
		have += (size_t)sprintf(s + have, "%s%s", w[(i * 7 + i / 16) %
		    16], i % 23 == 22 ? ".\n\n" : " ");
		i++;
	}
	return s;
}

/* Compress and uncompress text; 1 when it comes back byte for byte. */
static int
round_trip(const char *text, size_t *stored_len)
{
	size_t len = strlen(text);
	unsigned char *z = archive_body_compress(text, len, stored_len);
	char *cause = NULL, *back;
	int same;

	back = archive_body_uncompress(z, *stored_len, len, &cause);
	same = back != NULL && memcmp(back, text, len) == 0 &&
	    back[len] == '\0';
	if (cause != NULL)
		fprintf(stderr, "uncompress: %s\n", cause);
	free(cause);
	free(back);
	free(z);
	return same;
}

static void
test_round_trip(void)
{
	size_t n;
	char *s;

	CHECK(round_trip("", &n));
	CHECK_INT(n, 0);
	/* Too short to shrink: stored as it is (length == size). */
	CHECK(round_trip("Short.", &n));
	CHECK_INT(n, 6);
	s = noise(4000, 1);
	CHECK(round_trip(s, &n));
	CHECK_INT(n, 4000);
	free(s);
	s = noise(50, 0);
	CHECK(round_trip(s, &n));
	CHECK_INT(n, 50);
	free(s);
	s = arabic(3000);
	CHECK(round_trip(s, &n));
	CHECK(n < strlen(s) / 2);
	free(s);
	s = prose(1 << 20);
	CHECK(round_trip(s, &n));
	CHECK(n > 0 && n < strlen(s) / 3);
	free(s);
}

static void
test_damaged(void)
{
	char *s = prose(5000), *cause = NULL, *back;
	size_t n, len = strlen(s);
	unsigned char *z = archive_body_compress(s, len, &n);

	CHECK(n < len);
	/* A flipped byte in the stream, and a wrong size: both refused. */
	z[n / 2] ^= 0x55;
	back = archive_body_uncompress(z, n, len, &cause);
	CHECK(back == NULL && cause != NULL);
	free(back);
	free(cause);
	cause = NULL;
	z[n / 2] ^= 0x55;
	back = archive_body_uncompress(z, n, len - 1, &cause);
	CHECK(back == NULL && cause != NULL);
	free(back);
	free(cause);
	cause = NULL;
	back = archive_body_uncompress(z, n, len + 1, &cause);
	CHECK(back == NULL && cause != NULL);
	free(back);
	free(cause);
	cause = NULL;
	/* Bytes stored for a body whose recorded size is 0: refused, and
	 * never copied into the empty body's buffer. */
	back = archive_body_uncompress(s, len, 0, &cause);
	CHECK(back == NULL && cause != NULL);
	free(back);
	free(cause);
	cause = NULL;
	back = archive_body_uncompress(z, n, len, &cause);
	CHECK(back != NULL && strcmp(back, s) == 0);
	free(back);
	free(z);
	free(s);
}

/*
 * The streams are zlib's format whichever library writes them: bodies
 * an older lede stored with zlib's compress() read back, and what lede
 * stores now inflates with zlib's uncompress(), as the sqlite3 shell's
 * sqlar_uncompress() does.
 */
static void
test_zlib_interop(void)
{
	char *s = prose(20000), *back, *cause = NULL;
	size_t n, len = strlen(s);
	uLongf zn = compressBound((uLong)len), outn = (uLongf)len;
	unsigned char *z = xmalloc(zn), *ours;
	unsigned char *plain = xmalloc(len);

	CHECK_INT(compress(z, &zn, (const Bytef *)s, (uLong)len), Z_OK);
	back = archive_body_uncompress(z, zn, len, &cause);
	CHECK(back != NULL && strcmp(back, s) == 0);
	free(back);
	free(cause);
	ours = archive_body_compress(s, len, &n);
	CHECK(n < len);
	CHECK_INT(uncompress(plain, &outn, ours, (uLong)n), Z_OK);
	CHECK(outn == len && memcmp(plain, s, len) == 0);
	free(ours);
	free(plain);
	free(z);
	free(s);
}

static void
test_pack(void)
{
	struct article *a = article_new();

	CHECK_INT(archive_body_pack(a), 0);
	CHECK(a->stored_body == NULL);
	article_set(&a->body, "");
	CHECK_INT(archive_body_pack(a), 1);
	CHECK_INT(a->stored_len, 0);
	CHECK_INT(a->stored_size, 0);
	free(a->body);
	a->body = prose(3000);
	CHECK_INT(archive_body_pack(a), 1);
	CHECK_INT(a->stored_size, strlen(a->body));
	CHECK(a->stored_len > 0 && a->stored_len < a->stored_size);
	article_free(a);	/* frees stored_body too (ASan would say) */
}

/* The body of article id as plain SQL reads it through the view. */
static char *
sql_body(const char *path, int64_t id, char **err)
{
	sqlite3 *db;
	sqlite3_stmt *st = NULL;
	char *out = NULL;

	*err = NULL;
	if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK) {
		*err = xstrdup(sqlite3_errmsg(db));
		sqlite3_close(db);
		return NULL;
	}
	/* What lede registers; the sqlite3 shell has its own built in. */
	if (sqlite3_prepare_v2(db, "SELECT body FROM articles WHERE id = ?1",
	    -1, &st, NULL) == SQLITE_OK) {
		sqlite3_bind_int64(st, 1, id);
		if (sqlite3_step(st) == SQLITE_ROW &&
		    sqlite3_column_text(st, 0) != NULL)
			out = xstrdup((const char *)sqlite3_column_text(st, 0));
	}
	if (out == NULL)
		*err = xstrdup(sqlite3_errmsg(db));
	sqlite3_finalize(st);
	sqlite3_close(db);
	return out;
}

/* Make the stored size of article id one byte too large. */
static int
damage(const char *path, int64_t id)
{
	sqlite3 *db;
	char *sql;
	int rc;

	if (sqlite3_open(path, &db) != SQLITE_OK)
		return 0;
	sql = sqlite3_mprintf("UPDATE article_rows SET body_size ="
	    " body_size + 1 WHERE id = %lld", (long long)id);
	rc = sqlite3_exec(db, sql, NULL, NULL, NULL) == SQLITE_OK &&
	    sqlite3_changes(db) == 1;
	sqlite3_free(sql);
	sqlite3_close(db);
	return rc;
}

static void
test_archive(void)
{
	char *path = test_path("bodies.db"), *cause = NULL, *report = NULL;
	char *bodies[6], *back;
	struct archive *ar;
	struct article *a, *got;
	int64_t ids[6];
	size_t i;

	bodies[0] = xstrdup("");
	bodies[1] = noise(50, 0);
	bodies[2] = arabic(4000);
	bodies[3] = prose(1 << 20);
	bodies[4] = prose(3000);
	bodies[5] = NULL;
	ar = archive_open(path, 0, &cause);
	CHECK(ar != NULL);
	if (ar == NULL) {
		fprintf(stderr, "%s\n", cause);
		free(cause);
		free(path);
		return;
	}
	for (i = 0; i < 6; i++) {
		char url[64];

		snprintf(url, sizeof url, "https://example.org/b/%zu", i);
		a = test_article("Body Wire", NULL, url, "A title", "2025-03-0"
		    "1", bodies[i]);
		/* Packed by the importer (even ones) or by archive_put(). */
		if (i % 2 == 0)
			archive_body_pack(a);
		/* A pack made before the body changed is not trusted. */
		if (i == 4) {
			free(a->body);
			a->body = prose(2000);
			free(bodies[4]);
			bodies[4] = xstrdup(a->body);
		}
		CHECK_INT(test_put(ar, a, &ids[i]), ARCHIVE_INSERTED);
		article_free(a);
	}
	for (i = 0; i < 6; i++) {
		got = archive_get(ar, ids[i], &cause);
		CHECK(got != NULL);
		if (got == NULL)
			continue;
		CHECK(bodies[i] == NULL ? got->body == NULL : got->body !=
		    NULL && strcmp(got->body, bodies[i]) == 0);
		article_free(got);
	}
	CHECK_INT(archive_check(ar, &report, &cause), 0);
	CHECK_STR(report, "ok\n");
	free(report);
	archive_close(ar);
	/* Plain SQL: the view works with the function lede registers...
	   and without it, an error, never a wrong body. */
	back = sql_body(path, ids[2], &cause);
	CHECK(back == NULL);
	/* refused for want of the function, not for another reason */
	CHECK(cause != NULL && strstr(cause, "sqlar_uncompress") != NULL);
	free(back);
	free(cause);
	cause = NULL;
	/* A body that no longer gives its size is named by lede check. */
	CHECK(damage(path, ids[3]));
	if ((ar = archive_open(path, 0, &cause)) != NULL) {
		CHECK_INT(archive_check(ar, &report, &cause), 1);
		back = xasprintf("bodies: article %lld:", (long long)ids[3]);
		CHECK(report != NULL && strstr(report, back) != NULL);
		free(back);
		free(report);
		archive_close(ar);
	}
	for (i = 0; i < 6; i++)
		free(bodies[i]);
	free(path);
}

int
main(void)
{
	test_init();
	test_dir_make();
	TEST_RUN(test_round_trip);
	TEST_RUN(test_damaged);
	TEST_RUN(test_zlib_interop);
	TEST_RUN(test_pack);
	TEST_RUN(test_archive);
	return test_done();
}
