/*
 * The lede tokenizer's ASCII fast path (src/archive/tokenizer.c), taken
 * always and taken by choice (the default), against its reference, the
 * same tokenizer with all text handed to unicode61:
 * every term, start, end and flag must be the same, and so must the
 * terms an import computes ahead (terms.c). Over every byte and pair of
 * bytes between letters, over random strings of hostile pieces (ASCII
 * next to Arabic, CJK, combining marks, invalid UTF-8, digits,
 * apostrophes, underscores, control characters, NUL) as documents,
 * queries and prefix queries, and with callbacks that stop it.
 *
 * Built a second time with -DCORPUS as test_tokenizer_corpus, which does
 * the same over the BBC stories of ../shared/corpora/news (read where
 * they are), and over the first articles of the benchmark's English and
 * Arabic sets when they have been generated ($LEDE_BENCH_OUT, by default
 * $top_srcdir/bench/out; never committed); it skips when it has none.
 */
#include "config.h"

#include <json-c/json.h>
#include <unistd.h>

#include "test.h"
#include "test_archive.h"
#include "archive/archive_int.h"
#include "util/article.h"
#include "util/buf.h"
#include "util/xalloc.h"

static struct archive *ar;
static int mismatches;

static int
dump_cb(void *p, int tflags, const char *tok, int n, int start, int end)
{
	struct buf *out = p;
	int i;

	for (i = 0; i < n; i++)
		buf_printf(out, "%02x", (unsigned char)tok[i]);
	buf_printf(out, "@%d-%d/%d ", start, end, tflags);
	return SQLITE_OK;
}

static void
tokens(const char *text, size_t len, int flags, int path, struct buf *out)
{
	buf_reset(out);
	archive_fts_path(path);
	if (ar->tok.xTokenize(ar->tokinst, out, flags, text, (int)len,
	    dump_cb) != SQLITE_OK)
		buf_adds(out, "(error)");
	archive_fts_path(ARCHIVE_FTS_AUTO);
}

/*
 * Compare the fast path, and the default choice of a path, with the
 * reference on text[0..len) under flags; show a few failures.
 */
static void
same(const char *text, size_t len, int flags)
{
	static const int paths[] = { ARCHIVE_FTS_AUTO, ARCHIVE_FTS_SPLIT };
	static struct buf fast, ref;
	size_t i, p;

	tokens(text, len, flags, ARCHIVE_FTS_UNICODE61, &ref);
	for (p = 0; p < 2; p++) {
		tokens(text, len, flags, paths[p], &fast);
		if (strcmp(buf_str(&fast), buf_str(&ref)) == 0)
			continue;
		test_case_failed = 1;
		if (mismatches++ >= 5)
			continue;
		fprintf(stderr, "path %d, flags %d, text:", paths[p], flags);
		for (i = 0; i < len && i < 200; i++)
			fprintf(stderr, " %02x", (unsigned char)text[i]);
		fprintf(stderr, "\n  fast: %.300s\n  ref:  %.300s\n",
		    buf_str(&fast), buf_str(&ref));
	}
}

static void
same_all_flags(const char *text, size_t len)
{
	same(text, len, FTS5_TOKENIZE_DOCUMENT);
	same(text, len, FTS5_TOKENIZE_QUERY);
	same(text, len, FTS5_TOKENIZE_QUERY | FTS5_TOKENIZE_PREFIX);
}

/* The terms an import computes ahead, every way, byte for byte. */
static void
same_terms(struct archive_terms *t, struct article *art)
{
	static const int paths[] = { ARCHIVE_FTS_AUTO, ARCHIVE_FTS_SPLIT };
	unsigned char *ref;
	size_t reflen, p;

	archive_fts_path(ARCHIVE_FTS_UNICODE61);
	CHECK_INT(archive_terms_prepare(t, art), 1);
	ref = art->fts_terms;
	reflen = art->fts_terms_len;
	art->fts_terms = NULL;
	for (p = 0; p < 2; p++) {
		archive_fts_path(paths[p]);
		CHECK_INT(archive_terms_prepare(t, art), 1);
		if (reflen != art->fts_terms_len ||
		    memcmp(ref, art->fts_terms, reflen) != 0) {
			test_case_failed = 1;
			if (mismatches++ < 5)
				fprintf(stderr, "terms differ (path %d): "
				    "%.80s\n", paths[p], art->title != NULL ?
				    art->title : "");
		}
	}
	archive_fts_path(ARCHIVE_FTS_AUTO);
	free(ref);
}

#ifndef CORPUS

/* Single bytes and pairs of bytes, alone and between letters. */
static void
bytes(void)
{
	static const char *around[][2] = {
		{ "", "" }, { "ab", "cd" }, { "AB", "9" }, { "x", "" },
		{ "", "Y" }, { "\xc3\xa9", "e" }, { "e", "\xd9\x8e" },
		{ "\xd9\x83", "\xe4\xb8\xad" },
	};
	char text[32];
	size_t a, len, pl;
	int b, b2;

	mismatches = 0;

	for (a = 0; a < sizeof around / sizeof around[0]; a++)
		for (b = 0; b < 256; b++) {
			pl = strlen(around[a][0]);
			memcpy(text, around[a][0], pl);
			text[pl] = (char)b;
			len = pl + 1 + strlen(around[a][1]);
			memcpy(text + pl + 1, around[a][1], len - pl - 1);
			same_all_flags(text, len);
		}
	for (b = 0; b < 256; b++)
		for (b2 = 0; b2 < 256; b2++) {
			text[0] = 'q';
			text[1] = (char)b;
			text[2] = (char)b2;
			text[3] = 'Z';
			same(text, 4, FTS5_TOKENIZE_DOCUMENT);
			same(text + 1, 2, FTS5_TOKENIZE_QUERY |
			    FTS5_TOKENIZE_PREFIX);
		}
	CHECK_INT(mismatches, 0);
}

/* Pieces that meet at every kind of boundary in random strings. */
static const char *const pieces[] = {
	"the", "The", "PROTESTERS", "running", "organization", "x",
	"generalizations", "hopefully", "a", "I", "s", "ing",
	"2025", "12", "0", "9a", "a9", "covid19", "x86", "B52s",
	" ", "  ", "\t", "\n", "\r\n", ".", ",", ";", "!", "?", "'", "\"",
	"-", "_", "__", "/", "\\", "@", "#", "$", "%", "&", "*", "+", "=",
	"<", ">", "(", ")", "[", "]", "{", "}", "^", "`", "|", "~", ":",
	"\x01", "\x1f", "\x7f", "\0",
	/* Latin-1 and other Latin: letters, one decomposed, one dotted */
	"caf\xc3\xa9", "CAF\xc3\x89", "e\xcc\x81", "\xcc\x81", "\xcc\x88",
	"stra\xc3\x9f" "e", "\xc4\xb0stanbul", "na\xc3\xafve", "\xc3\x86",
	/* NBSP, ordinal, superscript two, multiplication sign */
	"\xc2\xa0", "\xc2\xaa", "\xc2\xb2", "\xc3\x97",
	/* Arabic: kataba with harakat, al-talib, tatweel, hamza forms, a
	   lone fatha, Arabic-Indic three, comma, Farsi yeh */
	"\xd9\x83\xd9\x8e\xd8\xaa\xd9\x8e\xd8\xa8\xd9\x8e",
	"\xd8\xa7\xd9\x84\xd8\xb7\xd8\xa7\xd9\x84\xd8\xa8\xd9\x8f",
	"\xd9\x85\xd9\x80\xd9\x80\xd8\xad\xd9\x85\xd8\xaf",
	"\xd8\xa3\xd8\xb3\xd8\xa7\xd9\x85\xd8\xa9", "\xd9\x8e",
	"\xd9\xa3", "\xd8\x8c", "\xdb\x8c", "\xd9\x80",
	/* Han, kana, Hangul, fullwidth A, em dash, emoji, ZWJ, BOM */
	"\xe4\xb8\xad\xe6\x96\x87", "\xe3\x83\x86\xe3\x82\xb9",
	"\xed\x95\x9c\xea\xb5\xad", "\xef\xbc\xa1", "\xe2\x80\x94",
	"\xf0\x9f\x98\x80", "\xe2\x80\x8d", "\xef\xbb\xbf",
	/* invalid UTF-8: stray continuations, lone and truncated leads,
	   an overlong slash, a surrogate, bytes never in UTF-8 */
	"\x80", "\xbf", "\xc0", "\xc3", "\xe4\xb8", "\xf0\x9f\x98",
	"\xc0\xaf", "\xed\xa0\x80", "\xfe", "\xff", "\xf8\x88\x80\x80\x80",
};

static uint32_t rng = 12345;

static uint32_t
next_random(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 17;
	rng ^= rng << 5;
	return rng;
}

/* 1 to 24 random pieces into text (room for 2048 bytes); its length. */
static size_t
random_text(char *text)
{
	size_t npieces = sizeof pieces / sizeof pieces[0], len = 0, pl;
	const char *piece;
	int k, count;

	count = 1 + (int)(next_random() % 24);
	for (k = 0; k < count; k++) {
		piece = pieces[next_random() % npieces];
		/* "\0" is one NUL byte, the rest their strlen */
		pl = piece[0] == '\0' ? 1 : strlen(piece);
		memcpy(text + len, piece, pl);
		len += pl;
	}
	return len;
}

static void
random_strings(void)
{
	char text[2048];
	size_t len;
	int round;

	mismatches = 0;

	for (round = 0; round < 30000; round++) {
		len = random_text(text);
		same_all_flags(text, len);
	}
	CHECK_INT(mismatches, 0);
}

/* A callback that says stop (or fails) at its call number `at`. */
struct stopper {
	struct buf	 out;
	int		 calls, at, rc;
};

static int
stop_cb(void *p, int tflags, const char *tok, int n, int start, int end)
{
	struct stopper *st = p;

	dump_cb(&st->out, tflags, tok, n, start, end);
	return st->calls++ == st->at ? st->rc : SQLITE_OK;
}

static void
stopped(const char *text, size_t len, int flags, int at, int rc, int path,
    struct buf *out)
{
	struct stopper st;

	memset(&st, 0, sizeof st);
	st.at = at;
	st.rc = rc;
	archive_fts_path(path);
	rc = ar->tok.xTokenize(ar->tokinst, &st, flags, text, (int)len,
	    stop_cb);
	archive_fts_path(ARCHIVE_FTS_AUTO);
	buf_reset(out);
	buf_printf(out, "rc %d: %s", rc, buf_str(&st.out));
	buf_release(&st.out);
}

/*
 * An emit callback that returns SQLITE_DONE (snippet.c's, past the last
 * match) or an error stops both ways after the same call, and both
 * return the same code.
 */
static void
stops(void)
{
	static const int codes[] = { SQLITE_DONE, SQLITE_NOMEM };
	struct buf fast = BUF_INIT, ref = BUF_INIT;
	char text[2048];
	size_t len;
	int round, at, code;

	mismatches = 0;
	for (round = 0; round < 5000; round++) {
		len = random_text(text);
		at = (int)(next_random() % 12);
		code = codes[next_random() % 2];
		stopped(text, len, FTS5_TOKENIZE_AUX, at, code,
		    ARCHIVE_FTS_SPLIT, &fast);
		stopped(text, len, FTS5_TOKENIZE_AUX, at, code,
		    ARCHIVE_FTS_UNICODE61, &ref);
		if (strcmp(buf_str(&fast), buf_str(&ref)) != 0 &&
		    mismatches++ < 5)
			fprintf(stderr, "stop at %d:\n  fast: %.300s\n"
			    "  ref:  %.300s\n", at, buf_str(&fast),
			    buf_str(&ref));
	}
	buf_release(&fast);
	buf_release(&ref);
	CHECK_INT(mismatches, 0);
}

/* Words longer than the stem cache keeps and than the held buffer. */
static void
long_words(void)
{
	char text[1024];
	size_t i;

	mismatches = 0;

	for (i = 0; i < sizeof text; i++)
		text[i] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
		    [i % 52];
	same_all_flags(text, sizeof text);
	same_all_flags(text, 15);
	same_all_flags(text, 16);
	memcpy(text + 500, "\xd9\x83", 2);
	same_all_flags(text, sizeof text);
	memcpy(text + 20, " 12345678901234567890 ", 22);
	same_all_flags(text, sizeof text);
	CHECK_INT(mismatches, 0);
}

/* Random articles through archive_terms_prepare(), both ways. */
static void
terms_ahead(void)
{
	size_t npieces = sizeof pieces / sizeof pieces[0];
	char *cols[4];
	struct archive_terms *t;
	struct article *art;
	char *cause = NULL;
	int round, c, k;
	struct buf b = BUF_INIT;

	mismatches = 0;

	if ((t = archive_terms_new(ar, &cause)) == NULL) {
		CHECK(t != NULL);
		return;
	}
	for (round = 0; round < 500; round++) {
		for (c = 0; c < 4; c++) {
			buf_reset(&b);
			/* NUL ends a column here: FTS5 gets C strings */
			for (k = 0; k < (int)(next_random() % 60); k++)
				buf_adds(&b, pieces[next_random() % npieces]);
			cols[c] = xstrdup(buf_str(&b));
		}
		art = article_new();
		article_set(&art->title, cols[0]);
		article_set(&art->author, cols[1]);
		article_set(&art->caption, cols[2]);
		article_set(&art->body, cols[3]);
		same_terms(t, art);
		article_free(art);
		for (c = 0; c < 4; c++)
			free(cols[c]);
	}
	buf_release(&b);
	archive_terms_free(t);
	CHECK_INT(mismatches, 0);
}

#else /* CORPUS */

#define CORPUS_ARTICLES	400

static char corpus_dir[1024], shared_dir[1024];

/* The first articles of one JSON Lines file: 0 if it is absent. */
static int
corpus(const char *rel)
{
	char path[1200], *line = NULL;
	size_t cap = 0;
	FILE *f;
	struct json_object *o, *v;
	struct archive_terms *t;
	struct article *art;
	const char *s;
	char *cause = NULL;
	int n = 0;

	snprintf(path, sizeof path, "%s/%s", corpus_dir, rel);
	if ((f = fopen(path, "r")) == NULL)
		return 0;
	if ((t = archive_terms_new(ar, &cause)) == NULL) {
		CHECK(t != NULL);
		fclose(f);
		return 1;
	}
	while (n < CORPUS_ARTICLES && getline(&line, &cap, f) > 0) {
		if ((o = json_tokener_parse(line)) == NULL)
			continue;
		art = article_new();
		if (json_object_object_get_ex(o, "title", &v) &&
		    (s = json_object_get_string(v)) != NULL) {
			article_set(&art->title, s);
			same_all_flags(s, strlen(s));
		}
		if (json_object_object_get_ex(o, "author", &v) &&
		    (s = json_object_get_string(v)) != NULL)
			article_set(&art->author, s);
		if (json_object_object_get_ex(o, "body", &v) &&
		    (s = json_object_get_string(v)) != NULL) {
			article_set(&art->body, s);
			same(s, strlen(s), FTS5_TOKENIZE_DOCUMENT);
		}
		same_terms(t, art);
		article_free(art);
		json_object_put(o);
		n++;
	}
	free(line);
	fclose(f);
	archive_terms_free(t);
	CHECK(n > 0);
	CHECK_INT(mismatches, 0);
	printf("%s: %d articles\n", rel, n);
	return 1;
}

/*
 * The BBC stories of ../shared/corpora/news/bbc, as they are on disk
 * (plain text, one Latin-1 file among them): the first line as the title,
 * the whole file as the body. 0 if the corpus is absent.
 */
static int
bbc(const char *shared)
{
	static const char *const topics[] = {
		"business", "entertainment", "politics", "sport", "tech",
	};
	char path[1200], *text, *cause = NULL;
	struct archive_terms *t;
	struct article *art;
	size_t i, len;
	int k, n = 0;
	FILE *f;

	snprintf(path, sizeof path, "%s/corpora/news/bbc/tech/001.txt", shared);
	if (access(path, R_OK) != 0)
		return 0;
	if ((t = archive_terms_new(ar, &cause)) == NULL) {
		CHECK(t != NULL);
		return 1;
	}
	text = xmalloc(1 << 20);
	for (i = 0; i < sizeof topics / sizeof topics[0]; i++)
		for (k = 1; k <= CORPUS_ARTICLES / 5; k++) {
			snprintf(path, sizeof path,
			    "%s/corpora/news/bbc/%s/%03d.txt", shared,
			    topics[i], k);
			if ((f = fopen(path, "rb")) == NULL)
				continue;
			len = fread(text, 1, (1 << 20) - 1, f);
			fclose(f);
			text[len] = '\0';
			art = article_new();
			article_set(&art->body, text);
			text[strcspn(text, "\n")] = '\0';
			article_set(&art->title, text);
			same_all_flags(art->title, strlen(art->title));
			same(art->body, strlen(art->body),
			    FTS5_TOKENIZE_DOCUMENT);
			same_terms(t, art);
			article_free(art);
			n++;
		}
	free(text);
	archive_terms_free(t);
	CHECK(n > 0);
	CHECK_INT(mismatches, 0);
	printf("bbc: %d stories\n", n);
	return 1;
}

#endif /* CORPUS */

int
main(void)
{
	char *path, *cause = NULL;
#ifdef CORPUS
	const char *dir, *top;
	int found = 0;
#endif

	test_init();
	test_dir_make();
	path = test_path("tokfast.db");
	if ((ar = archive_open(path, 0, &cause)) == NULL) {
		fprintf(stderr, "%s\n", cause);
		return 99;
	}
#ifndef CORPUS
	TEST_RUN(bytes);
	TEST_RUN(random_strings);
	TEST_RUN(long_words);
	TEST_RUN(stops);
	TEST_RUN(terms_ahead);
#else
	if ((dir = getenv("LEDE_BENCH_OUT")) != NULL)
		snprintf(corpus_dir, sizeof corpus_dir, "%s", dir);
	else if ((top = getenv("top_srcdir")) != NULL)
		snprintf(corpus_dir, sizeof corpus_dir, "%s/bench/out", top);
	else
		snprintf(corpus_dir, sizeof corpus_dir, "bench/out");
	test_cases++;
	test_case_failed = 0;
	found += corpus("en-100000/en-0000000.jsonl");
	found += corpus("ar-10000/ar-0000000.jsonl");
	if ((dir = getenv("LEDE_SHARED")) != NULL)
		snprintf(shared_dir, sizeof shared_dir, "%s", dir);
	else
		snprintf(shared_dir, sizeof shared_dir, "%s/../shared",
		    (top = getenv("top_srcdir")) != NULL ? top : ".");
	found += bbc(shared_dir);
	printf("%s %d - corpora\n", test_case_failed ? "not ok" : "ok",
	    test_cases);
	if (test_case_failed)
		test_failed_cases++;
	if (found == 0) {
		archive_close(ar);
		free(path);
		test_skip("no benchmark corpora in $LEDE_BENCH_OUT or "
		    "$top_srcdir/bench/out (bench/gen.py makes them), nor "
		    "the BBC corpus in ../shared (or $LEDE_SHARED)");
	}
#endif
	archive_close(ar);
	free(path);
	return test_done();
}
