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
 *
 * Most text is ASCII, and unicode61 spends most of its time on it, so
 * ASCII takes a shorter way to the same result. With the categories
 * given here, unicode61 (fts5_tokenize.c) keeps an ASCII byte in a token
 * when its Unicode category is one of them, true of the letters and
 * digits alone (not of '_', '\'', controls or NUL); it lower-cases A-Z
 * and folds nothing else of ASCII (remove_diacritics acts on what it
 * decodes from bytes >= 0x80); any other ASCII byte ends a token and is
 * skipped. It decodes only from bytes >= 0x80 and takes only 0x80-0xBF
 * after a lead byte, so none of its characters, valid UTF-8 or not,
 * holds an ASCII byte; and it carries nothing from one token to the
 * next. So the text cut at its ASCII separators tokenizes run by run
 * exactly as it does whole (terms, offsets, flags). A run of ASCII
 * letters and digits is one token, lower-cased, with its own offsets:
 * it is held here without unicode61, without the CJK and Arabic checks
 * (nothing to split or fold) and, if it has a digit, without the Arabic
 * stemmer (which wants Arabic letters). Runs with a byte >= 0x80 go to
 * unicode61, consecutive ones in one call, their offsets moved by where
 * they start. A text a quarter of whose bytes are >= 0x80 (Arabic, CJK)
 * goes to unicode61 whole: it has few ASCII words, and cutting it would
 * cost more than they save. tests/unit/test_tokenizer_fast.c holds every
 * way equal to unicode61 alone (archive_fts_path() chooses the way).
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
 * longer than STEM_WORD bytes is stemmed every time. A word is kept
 * padded with NULs to STEM_KEY bytes (no word has a NUL), so it is its
 * own length, and it is compared, hashed and copied STEM_KEY bytes at a
 * time: the held token always has that many bytes of room past its end.
 */
#define STEM_BITS	14	/* 16384 slots: 512 KB, touched as used */
#define STEM_WORD	15
#define STEM_KEY	16

struct stem_slot {
	char		 word[STEM_KEY];	/* all NUL: empty */
	char		 stem[STEM_WORD];	/* never longer than the word */
	unsigned char	 stemlen;
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
	int		 kind;		/* of the held token: HELD_* */
	int		 base;		/* where unicode61's text starts */
	int		 done;		/* emit said SQLITE_DONE: stop */
};

/* What flush() knows of the held token without looking at it again. */
#define HELD_ANY	0	/* from unicode61: look */
#define HELD_WORD	1	/* ASCII lower-case letters */
#define HELD_ASCII	2	/* ASCII with a digit: no stemmer changes it */

/* ARCHIVE_FTS_*: for tests, the way every text takes. */
static int tok_path;

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

/*
 * archive_stem() of w[0..n), through the cache; w has STEM_KEY bytes of
 * room past n, which it may overwrite.
 */
static int
stem_cached(struct lede_tok *t, char *w, int n)
{
	struct stem_slot *s;
	uint64_t a, b;

	if (n > STEM_WORD)
		return (int)archive_stem(w, (size_t)n);
	if (t->stems == NULL)
		t->stems = xcalloc((size_t)1 << STEM_BITS, sizeof *t->stems);
	memset(w + n, 0, STEM_KEY);
	memcpy(&a, w, 8);
	memcpy(&b, w + 8, 8);
	/* Multiplicative hashing; the top bits are the best mixed. */
	s = &t->stems[((a ^ b * 0x9E3779B97F4A7C15ULL) * 0xFF51AFD7ED558CCDULL)
	    >> (64 - STEM_BITS)];
	if (memcmp(s->word, w, STEM_KEY) == 0) {
		memcpy(w, s->stem, STEM_WORD);
		return s->stemlen;
	}
	memcpy(s->word, w, STEM_KEY);
	n = (int)archive_stem(w, (size_t)n);
	memcpy(s->stem, w, STEM_WORD);
	s->stemlen = (unsigned char)n;
	return n;
}

/*
 * Emit the held token, stemmed unless it ends a prefix query. A token of
 * ASCII letters and digits is left as it is by the Arabic stemmer (it
 * wants Arabic letters only), so one the fast path made is not shown it.
 */
static int
flush(struct tok_call *c, int last)
{
	int n = c->len, rc;

	if (!c->held)
		return SQLITE_OK;
	c->held = 0;
	if (!(last && c->prefix)) {
		if (c->kind == HELD_WORD)
			n = stem_cached(c->t, c->buf, n);
		else if (c->kind == HELD_ANY) {
			if (all_lower_ascii(c->buf, n))
				n = stem_cached(c->t, c->buf, n);
			else
				n = (int)archive_arabic_stem(c->buf, (size_t)n);
		}
	}
	rc = c->emit(c->ctx, c->tflags, c->buf, n, c->start, c->end);
	if (rc == SQLITE_DONE)
		c->done = 1;
	return rc;
}

/* Room in c->buf for a token of n bytes, and STEM_KEY more. */
static void
reserve(struct tok_call *c, int n)
{
	if ((size_t)n + STEM_KEY > c->cap) {
		c->cap = (size_t)n + 64;
		c->buf = xrealloc(c->buf, c->cap);
	}
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
	reserve(c, n);
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
	c->kind = HELD_ANY;
	c->held = 1;
	return SQLITE_OK;
}

/*
 * Hold the ASCII letters and digits w[0..n) at text offset start as the
 * next term: what unicode61 makes of them (lower case, nothing else) and
 * what hold() would, which has nothing to fold in ASCII.
 */
static int
hold_ascii(struct tok_call *c, const char *w, int n, int start)
{
	int i, digits = 0, rc;
	unsigned char ch;

	if ((rc = flush(c, 0)) != SQLITE_OK)
		return rc;
	reserve(c, n);
	for (i = 0; i < n; i++) {
		ch = (unsigned char)w[i];
		if (ch <= '9')
			digits = 1;
		else if (ch <= 'Z')
			ch += 'a' - 'A';
		c->buf[i] = (char)ch;
	}
	c->len = n;
	c->tflags = 0;
	c->start = start;
	c->end = start + n;
	c->kind = digits ? HELD_ASCII : HELD_WORD;
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

	start += c->base;
	end += c->base;

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

/*
 * What unicode61, with the categories tok_create() gives it, makes of a
 * byte: a separator (ASCII), a token character (ASCII letters, digits),
 * or part of a character it decodes (any byte from 0x80, UTF-8 or not).
 */
#define SEP	0
#define TOK	1
#define WIDE	2
#define X16(k)	k, k, k, k, k, k, k, k, k, k, k, k, k, k, k, k

static const unsigned char byte_kind[256] = {
	X16(SEP), X16(SEP), X16(SEP),				/* 00-2F */
	TOK, TOK, TOK, TOK, TOK, TOK, TOK, TOK, TOK, TOK,	/* 30: 0-9 */
	SEP, SEP, SEP, SEP, SEP, SEP,
	SEP, TOK, TOK, TOK, TOK, TOK, TOK, TOK, TOK, TOK,	/* 40: @ A-O */
	TOK, TOK, TOK, TOK, TOK, TOK,
	TOK, TOK, TOK, TOK, TOK, TOK, TOK, TOK, TOK, TOK,	/* 50: P-Z */
	TOK, SEP, SEP, SEP, SEP, SEP,
	SEP, TOK, TOK, TOK, TOK, TOK, TOK, TOK, TOK, TOK,	/* 60: ` a-o */
	TOK, TOK, TOK, TOK, TOK, TOK,
	TOK, TOK, TOK, TOK, TOK, TOK, TOK, TOK, TOK, TOK,	/* 70: p-z */
	TOK, SEP, SEP, SEP, SEP, SEP,
	X16(WIDE), X16(WIDE), X16(WIDE), X16(WIDE),		/* 80-FF */
	X16(WIDE), X16(WIDE), X16(WIDE), X16(WIDE),
};

/* Hand text[from..to) to unicode61, its offsets moved to the whole text's. */
static int
tok_inner(struct tok_call *c, int flags, const char *text, int from, int to)
{
	c->base = from;
	return c->t->inner.xTokenize(c->t->inst, c, flags, text + from,
	    to - from, tok_cb);
}

/*
 * The text cut at its ASCII separators (see the top of the file): a run
 * of ASCII letters and digits is held here, and consecutive runs with
 * any other byte in them go to unicode61 in one call, separators and all.
 * An emit that says SQLITE_DONE stops it with SQLITE_OK, as it stops
 * unicode61 (snippet.c stops so past the last match).
 */
static int
tok_split(struct tok_call *c, int flags, const char *text, int n)
{
	const unsigned char *s = (const unsigned char *)text;
	int i = 0, from = -1, to = 0, run, kinds, k, rc;

	for (;;) {
		while (i < n && byte_kind[s[i]] == SEP)
			i++;
		if (i >= n)
			break;
		run = i;
		kinds = 0;
		while (i < n && (k = byte_kind[s[i]]) != SEP) {
			kinds |= k;
			i++;
		}
		if (kinds & WIDE) {
			if (from < 0)
				from = run;
			to = i;
			continue;
		}
		if (from >= 0) {
			rc = tok_inner(c, flags, text, from, to);
			if (rc != SQLITE_OK || c->done)
				return rc;
			from = -1;
		}
		if ((rc = hold_ascii(c, text + run, i - run, run)) != SQLITE_OK)
			return rc == SQLITE_DONE ? SQLITE_OK : rc;
	}
	if (from >= 0)
		return tok_inner(c, flags, text, from, to);
	return SQLITE_OK;
}

/*
 * How many bytes of s[0..n) are 0x80 or above, eight at a time. Where
 * they are many (Arabic, CJK) the fast path finds few ASCII words to
 * take and costs a scan more than unicode61 alone.
 */
static int
count_wide(const char *s, int n)
{
	uint64_t w;
	int i, k = 0;

	for (i = 0; i + 8 <= n; i += 8) {
		memcpy(&w, s + i, 8);
		/* Each byte's top bit to its low bit, the bytes summed. */
		k += (int)((((w >> 7) & 0x0101010101010101ULL) *
		    0x0101010101010101ULL) >> 56);
	}
	for (; i < n; i++)
		k += (unsigned char)s[i] >> 7;
	return k;
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
	if (tok_path == ARCHIVE_FTS_UNICODE61 || (tok_path ==
	    ARCHIVE_FTS_AUTO && count_wide(text, n) > n / 4))
		rc = tok_inner(&c, flags, text, 0, n);
	else
		rc = tok_split(&c, flags, text, n);
	if (rc == SQLITE_OK)
		rc = flush(&c, 1);
	free(c.buf);
	return rc;
}

void
archive_fts_path(int path)
{
	tok_path = path;
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
