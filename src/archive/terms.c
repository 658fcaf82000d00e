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
 * The encoding, in one allocation, ~1.3 bytes per byte of text (a
 * first one, with every term's bytes and no deltas, took longer to write
 * than tokenizing did):
 *   content hash (8 bytes), FNV-1a of the author (8 bytes), then per
 *   column (title, author, caption, body): its text's length and the
 *   length of its terms (4 bytes each), then its terms;
 *   a term: varint of start - the previous term's end (zigzag: CJK
 *   pieces share a span), varint of end - start, varint of
 *   (size << 2 | same << 1 | colocated), then its bytes unless `same`:
 *   the term is text[start..start + size) as written (most lower-case
 *   words, and most stems of them).
 * Fixed-size numbers are little-endian; varints are 7 bits a byte, low
 * first, high bit set on all but the last.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "archive/archive_int.h"
#include "util/xalloc.h"

#define TERMS_HEAD	16
#define TERMS_COL	8

struct archive_terms {
	fts5_tokenizer	 tok;
	Fts5Tokenizer	*inst;
	unsigned char	*out;		/* the encoding so far */
	size_t		 len, cap;
	const char	*text;		/* the column being tokenized */
	int		 prev_end;
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
	free(t->out);
	free(t);
}

/* Room for n more bytes. */
static void
reserve(struct archive_terms *t, size_t n)
{
	if (t->len + n <= t->cap)
		return;
	t->cap = t->cap * 2 > t->len + n ? t->cap * 2 : t->len + n + 4096;
	t->out = xrealloc(t->out, t->cap);
}

static unsigned char *
put_varint(unsigned char *p, uint64_t v)
{
	while (v >= 0x80) {
		*p++ = (unsigned char)(v | 0x80);
		v >>= 7;
	}
	*p++ = (unsigned char)v;
	return p;
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
put_le(unsigned char *p, uint64_t v, int size)
{
	int i;

	for (i = 0; i < size; i++)
		p[i] = (unsigned char)(v >> (8 * i));
}

static uint64_t
get_le(const unsigned char *p, int size)
{
	uint64_t v = 0;
	int i;

	for (i = 0; i < size; i++)
		v |= (uint64_t)p[i] << (8 * i);
	return v;
}

static int
encode_cb(void *p, int tflags, const char *tok, int n, int start, int end)
{
	struct archive_terms *t = p;
	unsigned char *o;
	int64_t delta;
	int same;

	if (n < 0 || start < 0 || end < start)
		return SQLITE_ERROR;
	reserve(t, 30 + (size_t)n);
	o = t->out + t->len;
	delta = (int64_t)start - t->prev_end;
	o = put_varint(o, delta >= 0 ? (uint64_t)delta * 2 :
	    (uint64_t)(-delta) * 2 - 1);
	o = put_varint(o, (uint64_t)(end - start));
	same = n <= end - start && memcmp(tok, t->text + start, (size_t)n) == 0;
	o = put_varint(o, (uint64_t)n << 2 | (uint64_t)same << 1 |
	    ((tflags & FTS5_TOKEN_COLOCATED) != 0));
	if (!same) {
		memcpy(o, tok, (size_t)n);
		o += n;
	}
	t->len = (size_t)(o - t->out);
	t->prev_end = end;
	return SQLITE_OK;
}

int
archive_terms_prepare(struct archive_terms *t, struct article *art)
{
	const char *cols[4] = { art->title, art->author, art->caption,
	    art->body };
	size_t len, at;
	int i;

	free(art->fts_terms);
	art->fts_terms = NULL;
	art->fts_terms_len = 0;
	t->len = 0;
	reserve(t, TERMS_HEAD);
	put_le(t->out, (uint64_t)archive_content_hash(art), 8);
	put_le(t->out + 8, archive_fnv1a(ARCHIVE_FNV_OFFSET, art->author), 8);
	t->len = TERMS_HEAD;
	for (i = 0; i < 4; i++) {
		len = cols[i] != NULL ? strlen(cols[i]) : 0;
		if (len > 0x7fffffff)
			return 0;
		reserve(t, TERMS_COL);
		at = t->len;
		t->len += TERMS_COL;
		t->text = cols[i];
		t->prev_end = 0;
		if (len > 0 && t->tok.xTokenize(t->inst, t,
		    FTS5_TOKENIZE_DOCUMENT, cols[i], (int)len, encode_cb) !=
		    SQLITE_OK)
			return 0;
		if (t->len - at - TERMS_COL > 0xffffffff)
			return 0;
		put_le(t->out + at, len, 4);
		put_le(t->out + at + 4, t->len - at - TERMS_COL, 4);
	}
	art->fts_terms = xmalloc(t->len);
	memcpy(art->fts_terms, t->out, t->len);
	art->fts_terms_len = t->len;
	return 1;
}

int
archive_terms_match(const unsigned char *terms, size_t len, int64_t hash,
    const char *author)
{
	return terms != NULL && len >= TERMS_HEAD &&
	    get_le(terms, 8) == (uint64_t)hash &&
	    get_le(terms + 8, 8) == archive_fnv1a(ARCHIVE_FNV_OFFSET, author);
}

/* Emit the terms of the column text[0..len), from [p, end). */
static int
replay_col(const unsigned char *p, const unsigned char *end,
    const char *text, size_t len, void *ctx,
    int (*emit)(void *, int, const char *, int, int, int))
{
	uint64_t delta, span, size, n;
	int64_t start, prev_end = 0;
	const char *term;
	int rc;

	while (p < end) {
		delta = get_varint(&p, end);
		span = get_varint(&p, end);
		size = get_varint(&p, end);
		start = prev_end + ((delta & 1) ? -(int64_t)((delta + 1) / 2) :
		    (int64_t)(delta / 2));
		n = size >> 2;
		if (start < 0 || span > len || (uint64_t)start > len - span)
			return SQLITE_CORRUPT;
		if (size & 2) {
			if (n > span)
				return SQLITE_CORRUPT;
			term = text + start;
		} else {
			if (n > (uint64_t)(end - p))
				return SQLITE_CORRUPT;
			term = (const char *)p;
			p += n;
		}
		rc = emit(ctx, (size & 1) ? FTS5_TOKEN_COLOCATED : 0, term,
		    (int)n, (int)start, (int)(start + (int64_t)span));
		if (rc != SQLITE_OK)
			return rc;
		prev_end = start + (int64_t)span;
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
	for (i = 0; i < 4 && end - p >= TERMS_COL; i++) {
		tlen = get_le(p, 4);
		clen = get_le(p + 4, 4);
		p += TERMS_COL;
		if (clen > (uint64_t)(end - p))
			return -1;
		if (tlen == (uint64_t)n && doc->col[i] != NULL &&
		    doc->len[i] == (size_t)n && (doc->col[i] == text ||
		    memcmp(doc->col[i], text, (size_t)n) == 0))
			return replay_col(p, p + clen, doc->col[i], doc->len[i],
			    ctx, emit);
		p += clen;
	}
	return -1;
}
