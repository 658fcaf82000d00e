/*
 * The "lede" FTS5 tokenizer: unicode61 (remove_diacritics 2) underneath,
 * told to keep combining marks inside words (categories L* N* Co M*) so
 * an Arabic word with vowel marks stays one token, then every token is
 * folded (arabic.c: marks, tatweel, alef/hamza/ya forms); lower-case
 * ASCII words are Porter-stemmed (stem.c) and Arabic words light-stemmed
 * (articles and common suffixes, arabic.c). Offsets are unicode61's, into
 * the text as stored, so snippets and highlights land on the written
 * text. The same code runs on queries, so "Protesters" finds "protest".
 *
 * Scripts written without spaces (Han, kana) are indexed one character
 * per term, so a word is found inside a longer run as a phrase.
 *
 * A prefix query ("protest*") is not stemmed in its last token: a prefix
 * of a stem would not be one ("organiz*" must not become "organ*").
 *
 * The terms it produces are part of the file format: a change here needs
 * a schema migration step that rebuilds the index ("INSERT INTO
 * articles_fts(articles_fts) VALUES('rebuild')"), or old archives stop
 * finding what they hold.
 *
 * The tokenizer must be registered on every connection, read-only ones
 * too, before articles_fts is touched: a connection without it (the
 * sqlite3 shell) cannot read the index.
 *
 * An import computes most documents' terms ahead, on its other threads,
 * with instances of its own (archive_fts_tokenizer_new(), which never
 * replay); while the commit inserts such a document, the connection's
 * instances replay those terms for its columns instead (terms.c).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "archive/arabic.h"
#include "archive/archive_int.h"
#include "archive/stem.h"
#include "util/buf.h"
#include "util/utf8.h"
#include "util/xalloc.h"

/*
 * Stems of the English words an instance has seen: the Porter stemmer
 * was a third of the tokenizer's time, over a vocabulary that repeats
 * (most of a news text is a few thousand words). Direct-mapped; a word
 * longer than STEM_WORD bytes is stemmed every time.
 */
#define STEM_SLOTS	16384		/* a power of two: 512 KB, touched as used */
#define STEM_WORD	15

struct stem_slot {
	unsigned char	 len;		/* 0: empty */
	unsigned char	 stemlen;
	char		 word[STEM_WORD];
	char		 stem[STEM_WORD];
};

struct lede_tok {
	fts5_tokenizer		 inner;
	Fts5Tokenizer		*inst;
	struct archive_fts_ctx	*ctx;	/* NULL: never replays */
	struct stem_slot	*stems;	/* allocated on first use */
};

/* One xTokenize call: the last token is held back until the next comes. */
struct tok_call {
	struct lede_tok	*t;
	void		*ctx;
	int		(*emit)(void *, int, const char *, int, int, int);
	int		 prefix;
	char		*buf;		/* the held token, folded */
	size_t		 cap;
	int		 len, start, end, tflags, held;
};

static void
tok_delete(Fts5Tokenizer *p)
{
	struct lede_tok *t = (struct lede_tok *)p;

	if (t == NULL)
		return;
	if (t->inst != NULL)
		t->inner.xDelete(t->inst);
	free(t->stems);
	free(t);
}

static int
tok_create(void *ud, const char **az, int n, Fts5Tokenizer **out)
{
	static const char *args[] = {
		"remove_diacritics", "2", "categories", "L* N* Co M*",
	};
	struct archive_fts_ctx *ctx = ud;
	fts5_api *api = ctx->api;
	struct lede_tok *t;
	void *iud;
	int rc;

	*out = NULL;
	t = xcalloc(1, sizeof *t);
	rc = api->xFindTokenizer(api, "unicode61", &iud, &t->inner);
	if (rc == SQLITE_OK)
		rc = t->inner.xCreate(iud, args, 4, &t->inst);
	if (rc != SQLITE_OK) {
		tok_delete((Fts5Tokenizer *)t);
		return rc;
	}
	t->ctx = ctx;
	*out = (Fts5Tokenizer *)t;
	return SQLITE_OK;
}

static int
all_lower_ascii(const char *s, int n)
{
	int i;

	for (i = 0; i < n; i++)
		if (s[i] < 'a' || s[i] > 'z')
			return 0;
	return 1;
}

/* archive_stem() of w[0..n), through the instance's cache. */
static int
stem_cached(struct lede_tok *t, char *w, int n)
{
	struct stem_slot *s;
	uint32_t h = 2166136261u;
	int i;

	if (n > STEM_WORD)
		return (int)archive_stem(w, (size_t)n);
	if (t->stems == NULL)
		t->stems = xcalloc(STEM_SLOTS, sizeof *t->stems);
	for (i = 0; i < n; i++)
		h = (h ^ (unsigned char)w[i]) * 16777619u;
	s = &t->stems[h & (STEM_SLOTS - 1)];
	if (s->len == n && memcmp(s->word, w, (size_t)n) == 0) {
		memcpy(w, s->stem, s->stemlen);
		return s->stemlen;
	}
	s->len = (unsigned char)n;
	memcpy(s->word, w, (size_t)n);
	n = (int)archive_stem(w, (size_t)n);
	s->stemlen = (unsigned char)n;
	memcpy(s->stem, w, (size_t)n);
	return n;
}

/* Emit the held token, stemmed unless it ends a prefix query. */
static int
flush(struct tok_call *c, int last)
{
	int n = c->len;

	if (!c->held)
		return SQLITE_OK;
	c->held = 0;
	if (!(last && c->prefix)) {
		if (all_lower_ascii(c->buf, n))
			n = stem_cached(c->t, c->buf, n);
		else
			n = (int)archive_arabic_stem(c->buf, (size_t)n);
	}
	return c->emit(c->ctx, c->tflags, c->buf, n, c->start, c->end);
}

/* Hold one piece of a token as the next term. */
static int
hold(struct tok_call *c, int tflags, const char *tok, int n, int start,
    int end)
{
	int rc;

	if (n <= 0)
		return SQLITE_OK;
	if ((rc = flush(c, 0)) != SQLITE_OK)
		return rc;
	if ((size_t)n + 1 > c->cap) {
		c->cap = (size_t)n + 64;
		c->buf = xrealloc(c->buf, c->cap);
	}
	if (archive_arabic_needs_fold(tok, (size_t)n))
		c->len = (int)archive_arabic_fold(tok, (size_t)n, c->buf);
	else {
		memcpy(c->buf, tok, (size_t)n);
		c->len = n;
	}
	/* A token of marks alone folds to nothing: not a term. */
	if (c->len == 0)
		return SQLITE_OK;
	c->tflags = tflags;
	c->start = start;
	c->end = end;
	c->held = 1;
	return SQLITE_OK;
}

/*
 * Han, kana and the like: scripts written without spaces, which
 * unicode61 would keep as one token per run of text. Hangul is spaced.
 */
static int
is_cjk(uint32_t cp)
{
	return (cp >= 0x3040 && cp <= 0x30FF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
	    (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0xF900 && cp <= 0xFAFF) ||
	    (cp >= 0x20000 && cp <= 0x3FFFF);
}

/*
 * A token from unicode61. Runs of CJK characters are split into one term
 * per character (a query for a word becomes a phrase of its characters,
 * so it matches inside longer runs). Offsets of pieces are exact when the
 * token is as long as its source text; otherwise, after folding changed
 * lengths, each piece gets the whole token's span.
 */
static int
tok_cb(void *p, int tflags, const char *tok, int n, int start, int end)
{
	struct tok_call *c = p;
	int i = 0, run = 0, k, rc, exact = end - start == n;
	uint32_t cp;

	/* No lead byte of U+3000 or above: no CJK (most tokens). */
	for (k = 0; k < n; k++)
		if ((unsigned char)tok[k] >= 0xE3)
			break;
	if (k == n)
		return hold(c, tflags, tok, n, start, end);
	while (i < n) {
		k = (int)utf8_decode(tok + i, (size_t)(n - i), &cp);
		if (!is_cjk(cp)) {
			i += k;
			continue;
		}
		if (i > run && (rc = hold(c, tflags, tok + run, i - run,
		    exact ? start + run : start, exact ? start + i : end)) !=
		    SQLITE_OK)
			return rc;
		if ((rc = hold(c, tflags, tok + i, k, exact ? start + i : start,
		    exact ? start + i + k : end)) != SQLITE_OK)
			return rc;
		i += k;
		run = i;
	}
	if (run == 0)
		return hold(c, tflags, tok, n, start, end);
	if (run < n)
		return hold(c, tflags, tok + run, n - run,
		    exact ? start + run : start, end);
	return SQLITE_OK;
}

static int
tok_tokenize(Fts5Tokenizer *p, void *ctx, int flags, const char *text,
    int n, int (*emit)(void *, int, const char *, int, int, int))
{
	struct lede_tok *t = (struct lede_tok *)p;
	struct tok_call c;
	int rc;

	/* The commit's insert of a document whose terms were computed ahead. */
	if (t->ctx != NULL && t->ctx->replay != NULL &&
	    flags == FTS5_TOKENIZE_DOCUMENT && (rc = archive_terms_replay(
	    t->ctx->replay, text, n, ctx, emit)) != -1)
		return rc;
	memset(&c, 0, sizeof c);
	c.t = t;
	c.ctx = ctx;
	c.emit = emit;
	c.prefix = (flags & FTS5_TOKENIZE_PREFIX) != 0;
	c.cap = 128;
	c.buf = xmalloc(c.cap);
	rc = t->inner.xTokenize(t->inst, &c, flags, text, n, tok_cb);
	if (rc == SQLITE_OK)
		rc = flush(&c, 1);
	free(c.buf);
	return rc;
}

static fts5_api *
fts5_api_of(sqlite3 *db)
{
	fts5_api *api = NULL;
	sqlite3_stmt *st = NULL;

	if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &st, NULL) ==
	    SQLITE_OK) {
		sqlite3_bind_pointer(st, 1, (void *)&api, "fts5_api_ptr", NULL);
		sqlite3_step(st);
	}
	sqlite3_finalize(st);
	return api;
}

/*
 * The shared context lives as long as the connection's tokenizer (SQLite
 * destroys it when the connection closes), not the struct archive.
 */
int
archive_fts_register(struct archive *a, char **cause)
{
	fts5_tokenizer tok = { tok_create, tok_delete, tok_tokenize };
	fts5_api *api;
	struct archive_fts_ctx *ctx;
	void *ud;

	if ((api = fts5_api_of(a->db)) == NULL || api->iVersion < 2) {
		*cause = xstrdup("this SQLite has no FTS5 (install Debian's "
		    "libsqlite3-0)");
		return -1;
	}
	ctx = xcalloc(1, sizeof *ctx);
	ctx->api = api;
	if (api->xCreateTokenizer(api, "lede", ctx, &tok, free) != SQLITE_OK) {
		free(ctx);
		return archive_fail(a, cause, "registering the tokenizer");
	}
	a->ftsctx = ctx;
	if (archive_snippet_register(api, cause) != 0)
		return -1;
	if (api->xFindTokenizer(api, "lede", &ud, &a->tok) != SQLITE_OK ||
	    a->tok.xCreate(ud, NULL, 0, &a->tokinst) != SQLITE_OK)
		return archive_fail(a, cause, "creating the tokenizer");
	return 0;
}

int
archive_fts_tokenizer_new(struct archive *a, Fts5Tokenizer **out,
    char **cause)
{
	struct lede_tok *t;

	if (a->ftsctx == NULL || tok_create(a->ftsctx, NULL, 0, out) !=
	    SQLITE_OK) {
		*cause = xstrdup("cannot create a tokenizer");
		return -1;
	}
	t = (struct lede_tok *)*out;
	t->ctx = NULL;
	return 0;
}

void
archive_fts_release(struct archive *a)
{
	if (a->tokinst != NULL)
		a->tok.xDelete(a->tokinst);
	a->tokinst = NULL;
}

static int
count_cb(void *p, int tflags, const char *tok, int n, int start, int end)
{
	(*(int *)p)++;
	return SQLITE_OK;
}

int
archive_fts_has_terms(const char *text, size_t len, void *arg)
{
	struct archive *a = arg;
	int count = 0;

	if (a->tokinst == NULL || len > 0x7fffffff)
		return len > 0;
	a->tok.xTokenize(a->tokinst, &count, FTS5_TOKENIZE_QUERY, text,
	    (int)len, count_cb);
	return count > 0;
}

static int
dump_cb(void *p, int tflags, const char *tok, int n, int start, int end)
{
	struct buf *out = p;

	if (out->len > 0)
		buf_addc(out, ' ');
	buf_printf(out, "%.*s@%d-%d", n, tok, start, end);
	return SQLITE_OK;
}

int
archive_fts_tokens(struct archive *a, const char *text, int flags,
    struct buf *out)
{
	size_t len = strlen(text);

	if (a->tokinst == NULL || len > 0x7fffffff)
		return -1;
	return a->tok.xTokenize(a->tokinst, out, flags, text, (int)len,
	    dump_cb) == SQLITE_OK ? 0 : -1;
}
