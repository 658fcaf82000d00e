/*
 * Article bodies as the archive stores them (schema 5): in SQLite's
 * sqlar form, so the stock sqlite3 shell, which has sqlar_uncompress()
 * built in, reads them without lede. A body of `size` bytes is stored as
 * a zlib stream (RFC 1950) of its bytes when that is shorter, else as
 * the bytes themselves; a stored length equal to the size means "not
 * compressed" (an empty body is stored empty). News text deflates to a
 * bit over half its size (2962 -> 1596 bytes on average on 10k English
 * articles), which is most of what separates the archive from the raw
 * text besides the full-text index.
 *
 * The streams are made and read by libdeflate, not zlib: an article is
 * one buffer whose size is known both ways, which is the case libdeflate
 * is built for. At its level 1 it deflated 10k English bodies 2.7 times
 * as fast as zlib's default level (0.32 s against 0.87 s) into slightly
 * fewer bytes (53.9% of the text against 54.2%), and an import spent a
 * tenth of its CPU in zlib's deflate. The stream is a standard one:
 * zlib's uncompress(), so the sqlite3 shell, reads it, and bodies stored
 * by zlib before read back the same.
 *
 * Packing is pure (no connection, no shared state): importers call it on
 * their own threads so the single writer does not spend deflate's time.
 * Unpacking runs inside SQLite, as the function sqlar_uncompress(X, SZ)
 * registered on every lede connection with the shell's semantics, and is
 * what the `articles` view calls.
 */
#include "config.h"

#include <libdeflate.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "archive/archive_int.h"
#include "util/xalloc.h"

/*
 * Level 1: higher levels cost more time than the bytes they save (level
 * 6, 0.58 s for 53.4%) are worth to an import whose CPU is its bound.
 */
#define BODY_LEVEL	1

/*
 * One compressor and one decompressor per thread, made on first use (a
 * compressor is a few hundred KB of tables, which allocating per body
 * would give back to the system and take again each time). Freed when
 * their thread ends.
 */
static pthread_key_t	compressor_key, decompressor_key;
static pthread_once_t	keys_once = PTHREAD_ONCE_INIT;

static void
compressor_free(void *p)
{
	libdeflate_free_compressor(p);
}

static void
decompressor_free(void *p)
{
	libdeflate_free_decompressor(p);
}

static void
keys_make(void)
{
	if (pthread_key_create(&compressor_key, compressor_free) != 0 ||
	    pthread_key_create(&decompressor_key, decompressor_free) != 0)
		abort();
}

/* This thread's compressor; NULL when out of memory. */
static struct libdeflate_compressor *
compressor(void)
{
	struct libdeflate_compressor *c;

	pthread_once(&keys_once, keys_make);
	if ((c = pthread_getspecific(compressor_key)) == NULL &&
	    (c = libdeflate_alloc_compressor(BODY_LEVEL)) != NULL)
		pthread_setspecific(compressor_key, c);
	return c;
}

static struct libdeflate_decompressor *
decompressor(void)
{
	struct libdeflate_decompressor *d;

	pthread_once(&keys_once, keys_make);
	if ((d = pthread_getspecific(decompressor_key)) == NULL &&
	    (d = libdeflate_alloc_decompressor()) != NULL)
		pthread_setspecific(decompressor_key, d);
	return d;
}

unsigned char *
archive_body_compress(const char *text, size_t len, size_t *stored_len)
{
	struct libdeflate_compressor *c;
	unsigned char *out;
	size_t n;

	/*
	 * Room for the text itself: a stream that does not fit is not
	 * shorter, and libdeflate says so by returning 0.
	 */
	out = xmalloc(len > 0 ? len : 1);
	if (len > 1 && (c = compressor()) != NULL &&
	    (n = libdeflate_zlib_compress(c, text, len, out, len - 1)) > 0) {
		*stored_len = n;
		return out;
	}
	/* not smaller (or empty): the bytes themselves */
	if (len > 0)
		memcpy(out, text, len);
	*stored_len = len;
	return out;
}

int
archive_body_pack(struct article *art)
{
	size_t len;

	free(art->stored_body);
	art->stored_body = NULL;
	art->stored_len = art->stored_size = 0;
	if (art->body == NULL)
		return 0;
	len = strlen(art->body);
	art->stored_body = archive_body_compress(art->body, len,
	    &art->stored_len);
	art->stored_size = len;
	return 1;
}

char *
archive_body_uncompress(const void *stored, size_t stored_len, size_t size,
    char **cause)
{
	struct libdeflate_decompressor *d;
	char *out;

	out = xmalloc(size + 1);
	if (stored_len == size) {
		if (size > 0)	/* an empty body may come as NULL */
			memcpy(out, stored, size);
	}
	/*
	 * No actual-size pointer: libdeflate then fails unless the stream
	 * gives exactly `size` bytes, and its Adler-32 must match them.
	 */
	else if ((d = decompressor()) == NULL ||
	    libdeflate_zlib_decompress(d, stored, stored_len, out, size,
	    NULL) != LIBDEFLATE_SUCCESS) {
		/* too short, too long or damaged: never a partial body */
		free(out);
		*cause = xasprintf("a body of %zu bytes stored in %zu does "
		    "not decompress to its size", size, stored_len);
		return NULL;
	}
	out[size] = '\0';
	return out;
}

/*
 * sqlar_uncompress(X, SZ): X when SZ <= 0 or SZ is X's length (NULL
 * stays NULL), else X inflated, which must come to exactly SZ bytes.
 */
static void
sql_uncompress(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	sqlite3_int64 sz;
	const void *x;
	char *out, *err = NULL;
	int n;

	(void)argc;
	sz = sqlite3_value_int64(argv[1]);
	n = sqlite3_value_bytes(argv[0]);
	if (sz <= 0 || sz == n) {
		sqlite3_result_value(ctx, argv[0]);
		return;
	}
	if (sz > ARCHIVE_MAX_ARTICLE) {
		sqlite3_result_error(ctx, "sqlar_uncompress: size out of "
		    "range", -1);
		return;
	}
	x = sqlite3_value_blob(argv[0]);
	if ((out = archive_body_uncompress(x, (size_t)n, (size_t)sz,
	    &err)) == NULL) {
		sqlite3_result_error(ctx, err, -1);
		free(err);
		return;
	}
	sqlite3_result_blob64(ctx, out, (sqlite3_uint64)sz, free);
}

int
archive_body_register(struct archive *a, char **cause)
{
	/*
	 * Innocuous: the `articles` view calls it, and lede connections run
	 * with trusted_schema off.
	 */
	if (sqlite3_create_function(a->db, "sqlar_uncompress", 2,
	    SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, NULL,
	    sql_uncompress, NULL, NULL) != SQLITE_OK)
		return archive_fail(a, cause, "registering sqlar_uncompress");
	return 0;
}
