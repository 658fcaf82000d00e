/*
 * Full-text terms computed ahead of the writer. Tokenizing an article
 * (unicode61, Arabic folding, stemming: tokenizer.c) was a quarter of an
 * import's writer thread, which is the one thread an import cannot
 * spread; the importer's other threads have time to spare. So each of
 * them runs its own instance of the lede tokenizer over an article's
 * title, author, caption and body, exactly as the commit would, and
 * attaches the terms to the article (art->fts_terms); put.c keeps them
 * with the pending entry, and while the commit inserts that entry the
 * connection's tokenizer, asked for the terms of one of its columns,
 * replays them instead of computing them.
 *
 * The index cannot tell: a replayed column is one whose text is
 * byte-for-byte the text that was tokenized (checked twice: the content
 * hash and author when the put keeps the terms, the bytes when FTS5 asks),
 * and the tokenizer is a pure function of the text and the flags (only
 * FTS5_TOKENIZE_DOCUMENT is replayed). Anything else, queries, snippets,
 * 'delete' of other text, 'rebuild', tokenizes as it always did.
 *
 * The encoding, in one allocation:
 *   content hash (8 bytes, little-endian), FNV-1a of the author (8 bytes),
 *   then per column (title, author, caption, body):
 *     varint text length, varint length of its terms, terms;
 *   a term: varint start, varint end - start, varint (size << 1 | colocated),
 *     its bytes.
 * Varints are 7 bits a byte, low first, high bit set on all but the last.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "archive/archive_int.h"
#include "util/buf.h"
#include "util/xalloc.h"

#define TERMS_HEAD	16

struct archive_terms {
	fts5_tokenizer	 tok;
	Fts5Tokenizer	*inst;
	struct buf	 out;		/* the whole encoding */
	struct buf	 col;		/* one column's terms */
};

struct archive_terms *
archive_terms_new(struct archive *a, char **cause)
{
	struct archive_terms *t;

	t = xcalloc(1, sizeof *t);
	t->tok = a->tok;
	if (archive_fts_tokenizer_new(a, &t->inst, cause) != 0) {
		free(t);
		return NULL;
	}
	return t;
}

void
archive_terms_free(struct archive_terms *t)
{
	if (t == NULL)
		return;
	t->tok.xDelete(t->inst);
	buf_release(&t->out);
	buf_release(&t->col);
	free(t);
}

static void
put_varint(struct buf *b, uint64_t v)
{
	unsigned char c[10];
	size_t n = 0;

	do {
		c[n] = v & 0x7f;
		v >>= 7;
		if (v != 0)
			c[n] |= 0x80;
		n++;
	} while (v != 0);
	buf_add(b, c, n);
}

/* The next varint of [*p, end); 0 past a truncated one. */
static uint64_t
get_varint(const unsigned char **p, const unsigned char *end)
{
	uint64_t v = 0;
	int shift = 0;

	while (*p < end && shift < 64) {
		v |= (uint64_t)(**p & 0x7f) << shift;
		if (!(*(*p)++ & 0x80))
			return v;
		shift += 7;
	}
	*p = end;
	return 0;
}

static void
put_u64(struct buf *b, uint64_t v)
{
	unsigned char c[8];
	int i;

	for (i = 0; i < 8; i++)
		c[i] = (unsigned char)(v >> (8 * i));
	buf_add(b, c, 8);
}

static uint64_t
get_u64(const unsigned char *p)
{
	uint64_t v = 0;
	int i;

	for (i = 0; i < 8; i++)
		v |= (uint64_t)p[i] << (8 * i);
	return v;
}

static uint64_t
author_hash(const char *s)
{
	uint64_t h = 0xcbf29ce484222325ULL;

	if (s != NULL)
		for (; *s != '\0'; s++) {
			h ^= (unsigned char)*s;
			h *= 0x100000001b3ULL;
		}
	return h;
}

static int
encode_cb(void *p, int tflags, const char *tok, int n, int start, int end)
{
	struct buf *b = p;

	if (n < 0 || start < 0 || end < start)
		return SQLITE_ERROR;
	put_varint(b, (uint64_t)start);
	put_varint(b, (uint64_t)(end - start));
	put_varint(b, (uint64_t)n << 1 | ((tflags & FTS5_TOKEN_COLOCATED) != 0));
	buf_add(b, tok, (size_t)n);
	return SQLITE_OK;
}

int
archive_terms_prepare(struct archive_terms *t, struct article *art)
{
	const char *cols[4] = { art->title, art->author, art->caption,
	    art->body };
	size_t len;
	int i;

	free(art->fts_terms);
	art->fts_terms = NULL;
	art->fts_terms_len = 0;
	buf_reset(&t->out);
	put_u64(&t->out, (uint64_t)archive_content_hash(art));
	put_u64(&t->out, author_hash(art->author));
	for (i = 0; i < 4; i++) {
		len = cols[i] != NULL ? strlen(cols[i]) : 0;
		if (len > 0x7fffffff)
			return 0;
		buf_reset(&t->col);
		if (len > 0 && t->tok.xTokenize(t->inst, &t->col,
		    FTS5_TOKENIZE_DOCUMENT, cols[i], (int)len, encode_cb) !=
		    SQLITE_OK)
			return 0;
		put_varint(&t->out, len);
		put_varint(&t->out, t->col.len);
		buf_add(&t->out, t->col.data, t->col.len);
	}
	art->fts_terms = xmalloc(t->out.len);
	memcpy(art->fts_terms, t->out.data, t->out.len);
	art->fts_terms_len = t->out.len;
	return 1;
}

int
archive_terms_match(const unsigned char *terms, size_t len, int64_t hash,
    const char *author)
{
	return terms != NULL && len >= TERMS_HEAD &&
	    get_u64(terms) == (uint64_t)hash &&
	    get_u64(terms + 8) == author_hash(author);
}

/* Emit the terms of one column, [p, end). */
static int
replay_col(const unsigned char *p, const unsigned char *end, void *ctx,
    int (*emit)(void *, int, const char *, int, int, int))
{
	uint64_t start, span, size;
	int rc;

	while (p < end) {
		start = get_varint(&p, end);
		span = get_varint(&p, end);
		size = get_varint(&p, end);
		if ((size >> 1) > (uint64_t)(end - p))
			return SQLITE_CORRUPT;
		rc = emit(ctx, (size & 1) ? FTS5_TOKEN_COLOCATED : 0,
		    (const char *)p, (int)(size >> 1), (int)start,
		    (int)(start + span));
		if (rc != SQLITE_OK)
			return rc;
		p += size >> 1;
	}
	return SQLITE_OK;
}

int
archive_terms_replay(const struct archive_fts_doc *doc, const char *text,
    int n, void *ctx, int (*emit)(void *, int, const char *, int, int, int))
{
	const unsigned char *p, *end;
	uint64_t tlen, clen;
	int i;

	if (doc->terms == NULL || doc->terms_len < TERMS_HEAD || n < 0)
		return -1;
	p = doc->terms + TERMS_HEAD;
	end = doc->terms + doc->terms_len;
	for (i = 0; i < 4 && p < end; i++) {
		tlen = get_varint(&p, end);
		clen = get_varint(&p, end);
		if (clen > (uint64_t)(end - p))
			return -1;
		if (tlen == (uint64_t)n && doc->col[i] != NULL &&
		    doc->len[i] == (size_t)n && (doc->col[i] == text ||
		    memcmp(doc->col[i], text, (size_t)n) == 0))
			return replay_col(p, p + clen, ctx, emit);
		p += clen;
	}
	return -1;
}
