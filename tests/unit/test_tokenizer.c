/*
 * Unit tests for the "lede" FTS5 tokenizer (src/archive/tokenizer.c):
 * terms and the byte offsets they keep into the text as written.
 */
#include "config.h"

#include "test.h"
#include "test_archive.h"
#include "archive/archive_int.h"
#include "archive/stem.h"
#include "util/article.h"
#include "util/buf.h"
#include "util/xalloc.h"

static struct archive *ar;

static const char *
toks(const char *text, int flags)
{
	static struct buf b;

	buf_reset(&b);
	if (archive_fts_tokens(ar, text, flags, &b) != 0)
		return "(error)";
	return buf_str(&b);
}

static void
english(void)
{
	CHECK_STR(toks("Protesters were protesting", FTS5_TOKENIZE_DOCUMENT),
	    "protest@0-10 were@11-15 protest@16-26");
	CHECK_STR(toks("C++ and multi-agent", FTS5_TOKENIZE_DOCUMENT),
	    "c@0-1 and@4-7 multi@8-13 agent@14-19");
	CHECK_STR(toks("caf\u00e9 CAF\u00c9", FTS5_TOKENIZE_DOCUMENT),
	    "cafe@0-5 cafe@6-11");
	CHECK_STR(toks("cafe\u0301", FTS5_TOKENIZE_DOCUMENT), "cafe@0-6");
	CHECK_STR(toks("", FTS5_TOKENIZE_DOCUMENT), "");
	CHECK_STR(toks("!!! ...", FTS5_TOKENIZE_DOCUMENT), "");
}

/* The last token of a prefix query stays as typed. */
static void
prefix_query(void)
{
	CHECK_STR(toks("Protesters marching",
	    FTS5_TOKENIZE_QUERY | FTS5_TOKENIZE_PREFIX),
	    "protest@0-10 marching@11-19");
	CHECK_STR(toks("organiz", FTS5_TOKENIZE_QUERY | FTS5_TOKENIZE_PREFIX),
	    "organiz@0-7");
	CHECK_STR(toks("organizing", FTS5_TOKENIZE_QUERY), "organ@0-10");
}

static void
arabic(void)
{
	/* kataba al-talibu: one token per word, marks gone, article off,
	   offsets kept */
	CHECK_STR(toks("\u0643\u064E\u062A\u064E\u0628\u064E "
	    "\u0627\u0644\u0637\u0627\u0644\u0628\u064F",
	    FTS5_TOKENIZE_DOCUMENT),
	    "\u0643\u062A\u0628@0-12 \u0637\u0627\u0644\u0628@13-27");
	/* tatweel */
	CHECK_STR(toks("\u0645\u0640\u0640\u062D\u0645\u062F",
	    FTS5_TOKENIZE_DOCUMENT), "\u0645\u062D\u0645\u062F@0-12");
	/* hamza forms and ta marbuta (then the light stemmer's -h) */
	CHECK_STR(toks("\u0623\u0633\u0627\u0645\u0629", FTS5_TOKENIZE_DOCUMENT),
	    "\u0627\u0633\u0627\u0645@0-10");
	/* a prefix query keeps its last word as typed (folded only) */
	CHECK_STR(toks("\u0627\u0644\u0645\u062F\u0631\u0633\u0629",
	    FTS5_TOKENIZE_QUERY | FTS5_TOKENIZE_PREFIX),
	    "\u0627\u0644\u0645\u062F\u0631\u0633\u0647@0-14");
	/* a mark on its own is no term */
	CHECK_STR(toks("a \u064E b", FTS5_TOKENIZE_DOCUMENT), "a@0-1 b@5-6");
}

/* Han and kana: one term per character, exact offsets. */
static void
cjk(void)
{
	CHECK_STR(toks("\u6211\u4EEC\u5B66\u4E60\u4E2D\u6587",
	    FTS5_TOKENIZE_DOCUMENT), "\u6211@0-3 \u4EEC@3-6 \u5B66@6-9 "
	    "\u4E60@9-12 \u4E2D@12-15 \u6587@15-18");
	CHECK_STR(toks("abc\u4E2D\u6587Def", FTS5_TOKENIZE_DOCUMENT),
	    "abc@0-3 \u4E2D@3-6 \u6587@6-9 def@9-12");
	CHECK_STR(toks("\u30C6\u30B9\u30C8", FTS5_TOKENIZE_DOCUMENT),
	    "\u30C6@0-3 \u30B9@3-6 \u30C8@6-9");
	/* Hangul is written with spaces: words stay whole. */
	CHECK_STR(toks("\uD55C\uAD6D\uC5B4 \uC2DC\uD5D8",
	    FTS5_TOKENIZE_DOCUMENT), "\uD55C\uAD6D\uC5B4@0-9 \uC2DC\uD5D8@10-16");
}

static void
has_terms(void)
{
	CHECK(archive_fts_has_terms("C++", 3, ar));
	CHECK(!archive_fts_has_terms("++", 2, ar));
	CHECK(!archive_fts_has_terms("(", 1, ar));
	CHECK(!archive_fts_has_terms("\u2014", 3, ar));
	CHECK(archive_fts_has_terms("\u0643", 2, ar));
	CHECK(!archive_fts_has_terms("", 0, ar));
}

/*
 * English words are stemmed through a cache of the stems a tokenizer has
 * seen: over enough words that slots are shared and overwritten, a word
 * seen again is stemmed as the stemmer does.
 */
static void
stems_cached(void)
{
	static const char *pre[] = { "", "re", "con", "pro", "dis", "over",
	    "inter", "counter" };
	static const char *root[] = { "test", "form", "mit", "duct", "state",
	    "gener", "relat", "organ" };
	static const char *suf[] = { "", "s", "ing", "ed", "ation", "ness",
	    "alization", "ively" };
	char word[64], stem[64], want[96];
	size_t len;
	int pass, i, j, k, bad = 0;

	for (pass = 0; pass < 3; pass++)
		for (i = 0; i < 8; i++)
			for (j = 0; j < 8; j++)
				for (k = 0; k < 8; k++) {
					snprintf(word, sizeof word, "%s%s%s",
					    pre[i], root[j], suf[k]);
					len = strlen(word);
					strcpy(stem, word);
					snprintf(want, sizeof want, "%.*s@0-%zu",
					    (int)archive_stem(stem, len), stem,
					    len);
					if (strcmp(toks(word,
					    FTS5_TOKENIZE_DOCUMENT), want) != 0)
						bad++;
				}
	CHECK_INT(bad, 0);
}

static int
replay_cb(void *p, int tflags, const char *tok, int n, int start, int end)
{
	struct buf *out = p;

	if (out->len > 0)
		buf_addc(out, ' ');
	buf_printf(out, "%.*s@%d-%d%s", n, tok, start, end,
	    (tflags & FTS5_TOKEN_COLOCATED) ? "+" : "");
	return SQLITE_OK;
}

/*
 * Terms computed ahead (terms.c) and replayed at commit are the terms
 * the tokenizer computes, column by column, over English, Arabic (marks,
 * tatweel, hamza forms, clitics), CJK, combining marks that change
 * lengths, and text with no terms at all.
 */
static void
replay_equals_computed(void)
{
	static const char *texts[] = {
		"Protesters were protesting; the organizers' organization "
		    "organized 12,000 marchers in 2025.",
		"\u0643\u064E\u062A\u064E\u0628\u064E "
		    "\u0627\u0644\u0637\u0627\u0644\u0628\u064F "
		    "\u0648\u0627\u0644\u0645\u0639\u0644\u0645\u0648\u0646 "
		    "\u0645\u0640\u0640\u062D\u0645\u062F "
		    "\u0623\u0633\u0627\u0645\u0629 "
		    "\u0628\u0627\u0644\u0645\u062F\u0631\u0633\u0629 "
		    "\u0625\u0644\u0649 \u0622\u062E\u0631 "
		    "\u0627\u0644\u0633\u064A\u0627\u0633\u0627\u062A",
		"caf\u00e9 CAF\u00c9 cafe\u0301 na\u00efve R\u00e9sum\u00e9s "
		    "\u0130stanbul stra\u00dfe",
		"abc\u4E2D\u6587Def \u6211\u4EEC\u5B66\u4E60 "
		    "\u30C6\u30B9\u30C8 \uD55C\uAD6D\uC5B4 x\u4E2D",
		"a \u064E b \u064E\u064F c\u0640\u0640 \u0640",
		"!!! ... \u2014 ++",
		"",
		"The minister's running, runners ran; hopefully "
		    "generalizations: relational, conditional, rational. "
		    "ALL-CAPS Mixed-Case don't won't U.S. e-mail x86_64 "
		    "\U0001F600 emoji",
	};
	size_t n = sizeof texts / sizeof texts[0], i, c;
	struct archive_terms *t;
	struct archive_fts_doc d;
	struct article *art;
	struct buf got = BUF_INIT;
	char *cause = NULL, *copy;
	const char *cols[4];

	t = archive_terms_new(ar, &cause);
	CHECK(t != NULL);
	if (t == NULL)
		return;
	for (i = 0; i < n; i++) {
		art = article_new();
		article_set(&art->title, texts[i]);
		article_set(&art->author, texts[(i + 1) % n]);
		/* a NULL column now and then */
		if (i % 3 != 0)
			article_set(&art->caption, texts[(i + 2) % n]);
		article_set(&art->body, texts[(i + 3) % n]);
		CHECK_INT(archive_terms_prepare(t, art), 1);
		CHECK(archive_terms_match(art->fts_terms, art->fts_terms_len,
		    archive_content_hash(art), art->author));
		memset(&d, 0, sizeof d);
		cols[0] = art->title;
		cols[1] = art->author;
		cols[2] = art->caption;
		cols[3] = art->body;
		for (c = 0; c < 4; c++) {
			d.col[c] = cols[c];
			d.len[c] = cols[c] != NULL ? strlen(cols[c]) : 0;
		}
		d.terms = art->fts_terms;
		d.terms_len = art->fts_terms_len;
		for (c = 0; c < 4; c++) {
			if (cols[c] == NULL)
				continue;
			/* FTS5's copy of the value, not the column's pointer */
			copy = xstrdup(cols[c]);
			buf_reset(&got);
			CHECK_INT(archive_terms_replay(&d, copy, (int)d.len[c],
			    &got, replay_cb), SQLITE_OK);
			CHECK_STR(buf_str(&got), toks(cols[c],
			    FTS5_TOKENIZE_DOCUMENT));
			free(copy);
		}
		/* a text that is none of the columns is computed, not replayed */
		CHECK_INT(archive_terms_replay(&d, "unrelated words", 15, &got,
		    replay_cb), -1);
		/* terms of other text are not taken for this article's */
		CHECK(!archive_terms_match(art->fts_terms, art->fts_terms_len,
		    archive_content_hash(art) + 1, art->author));
		CHECK(!archive_terms_match(art->fts_terms, art->fts_terms_len,
		    archive_content_hash(art), "someone else"));
		article_free(art);
	}
	buf_release(&got);
	archive_terms_free(t);
}

int
main(void)
{
	char *path, *cause = NULL;

	test_init();
	test_dir_make();
	path = test_path("tok.db");
	if ((ar = archive_open(path, 0, &cause)) == NULL) {
		fprintf(stderr, "%s\n", cause);
		return 99;
	}
	TEST_RUN(english);
	TEST_RUN(prefix_query);
	TEST_RUN(arabic);
	TEST_RUN(cjk);
	TEST_RUN(has_terms);
	TEST_RUN(stems_cached);
	TEST_RUN(replay_equals_computed);
	archive_close(ar);
	free(path);
	return test_done();
}
