/*
 * Article bodies as the archive stores them (schema 5): in SQLite's
 * sqlar form, so the stock sqlite3 shell, which has sqlar_uncompress()
 * built in, reads them without lede. A body of `size` bytes is stored as
 * the zlib compress() stream of its bytes when that is shorter, else as
 * the bytes themselves; a stored length equal to the size means "not
 * compressed" (an empty body is stored empty). News text deflates to a
 * bit over half its size (2962 -> 1606 bytes on average on 10k English
 * articles), which is most of what separates the archive from the raw
 * text besides the full-text index.
 *
 * Packing is pure (no connection, no shared state): importers call it on
 * their own threads so the single writer does not spend ~50-100 us of
 * deflate per article. Unpacking runs inside SQLite, as the function
 * sqlar_uncompress(X, SZ) registered on every lede connection with the
 * shell's semantics, and is what the `articles` view calls.
 */
#include "config.h"

#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "archive/archive_int.h"
#include "util/xalloc.h"

/*
 * One deflate stream per thread, reset for each body: zlib's compress()
 * allocates ~270 KB of state per call, which glibc gave back to the
 * system and took again every time (the schema-5 upgrade spent three
 * times as long in the kernel as in deflate). Freed when its thread ends.
 */
static pthread_key_t	deflater_key;
static pthread_once_t	deflater_once = PTHREAD_ONCE_INIT;

static void
deflater_free(void *p)
{
	deflateEnd(p);
	free(p);
}

static void
deflater_key_make(void)
{
	if (pthread_key_create(&deflater_key, deflater_free) != 0)
		abort();
}

/* This thread's stream, ready for a new body; NULL if zlib refuses. */
static z_stream *
deflater(void)
{
	z_stream *z;

	pthread_once(&deflater_once, deflater_key_make);
	if ((z = pthread_getspecific(deflater_key)) != NULL)
		return deflateReset(z) == Z_OK ? z : NULL;
	z = xcalloc(1, sizeof *z);
	/* compress()'s own settings, so the stream is the same */
	if (deflateInit(z, Z_DEFAULT_COMPRESSION) != Z_OK) {
		free(z);
		return NULL;
	}
	pthread_setspecific(deflater_key, z);
	return z;
}

unsigned char *
archive_body_compress(const char *text, size_t len, size_t *stored_len)
{
	z_stream *z;
	uLong bound;
	unsigned char *out;

	/* zlib's lengths are uLong and uInt; an article is capped below. */
	bound = compressBound((uLong)len);
	out = xmalloc(bound > 0 ? bound : 1);
	if (len > 0 && len == (uInt)len && bound == (uInt)bound &&
	    (z = deflater()) != NULL) {
		z->next_in = (Bytef *)(uintptr_t)text;
		z->avail_in = (uInt)len;
		z->next_out = out;
		z->avail_out = (uInt)bound;
		if (deflate(z, Z_FINISH) == Z_STREAM_END && z->total_out < len) {
			*stored_len = z->total_out;
			return out;
		}
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

/* The same for inflating: one stream per thread, reset for each body. */
static pthread_key_t	inflater_key;
static pthread_once_t	inflater_once = PTHREAD_ONCE_INIT;

static void
inflater_free(void *p)
{
	inflateEnd(p);
	free(p);
}

static void
inflater_key_make(void)
{
	if (pthread_key_create(&inflater_key, inflater_free) != 0)
		abort();
}

static z_stream *
inflater(void)
{
	z_stream *z;

	pthread_once(&inflater_once, inflater_key_make);
	if ((z = pthread_getspecific(inflater_key)) != NULL)
		return inflateReset(z) == Z_OK ? z : NULL;
	z = xcalloc(1, sizeof *z);
	if (inflateInit(z) != Z_OK) {
		free(z);
		return NULL;
	}
	pthread_setspecific(inflater_key, z);
	return z;
}

char *
archive_body_uncompress(const void *stored, size_t stored_len, size_t size,
    char **cause)
{
	z_stream *z;
	char *out;

	out = xmalloc(size + 1);
	if (stored_len == size) {
		if (size > 0)	/* an empty body may come as NULL */
			memcpy(out, stored, size);
	}
	else if (size != (uInt)size || stored_len != (uInt)stored_len ||
	    (z = inflater()) == NULL ||
	    (z->next_in = (Bytef *)(uintptr_t)stored,
	    z->avail_in = (uInt)stored_len, z->next_out = (Bytef *)out,
	    z->avail_out = (uInt)size, inflate(z, Z_FINISH)) != Z_STREAM_END ||
	    z->total_out != size) {
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
