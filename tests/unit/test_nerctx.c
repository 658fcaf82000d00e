/*
 * Unit tests for the name tagger's context and decoding (src/extract
 * nerctx.c, ner.c's Viterbi) and the document rules of docner.c, on
 * hand-made sentences, lexicons and labels: no model file needed.
 */
#include "config.h"

#include "test.h"
#include "extract/extract_int.h"
#include "extract/ner.h"
#include "extract/strmap.h"

/* Split a sentence on spaces into words[] (which it points into). */
static struct ner_sentence
sent(char *text, const char **words, size_t max)
{
	struct ner_sentence s = { words, 0 };
	char *p;

	for (p = strtok(text, " "); p != NULL && s.n < max;
	    p = strtok(NULL, " "))
		words[s.n++] = p;
	return s;
}

/* A lexicon of a few words with their classes. */
static void
lexicon(struct ner_gaz *lex)
{
	static const struct { const char *w; int kind; } v[] = {
		{ "village", 15 }, { "band", 14 },
		{ "county", 15 | LEX_LOWER }, { "church", 6 },
		{ "milepost", LEX_LOWER }, { "us", LEX_LOWER },
		{ "bridge", 6 | LEX_LOWER },
	};
	size_t i;

	memset(lex, 0, sizeof *lex);
	lex->keys = calloc(16, sizeof *lex->keys);
	lex->kinds = calloc(16, 1);
	for (i = 0; i < sizeof v / sizeof v[0]; i++) {
		lex->keys[lex->n] = ner_phrase_hash(v[i].w);
		lex->kinds[lex->n++] = (unsigned char)v[i].kind;
	}
	ner_gaz_finish(lex);
}

static void
capitalised_words(void)
{
	CHECK(ner_capitalised("Aisby"));
	CHECK(ner_capitalised("6PR"));
	CHECK(!ner_name_like("6PR"));
	CHECK(ner_capitalised("\xc3\x89ric"));		/* Éric */
	CHECK(ner_capitalised("\xc5\x81\xc4\x99" "czyca"));	/* Łęczyca */
	CHECK(ner_capitalised("\xd0\x9c\xd0\xb8\xd1\x80"));	/* Мир */
	CHECK(!ner_capitalised("\xc3\xa9lan"));		/* élan */
	CHECK(!ner_capitalised("\xc5\x82\xc3\xb3" "d\xc5\xba"));	/* łódź */
	CHECK(!ner_capitalised("village"));
	CHECK(!ner_capitalised("\""));
	/* curly quotes, apostrophes and dashes are not names */
	CHECK(!ner_capitalised("\xe2\x80\x9d"));		/* ” */
	CHECK(!ner_capitalised("\xe2\x80\x99s"));		/* ’s */
	CHECK(!ner_capitalised("\xe2\x80\x94"));		/* — */
	CHECK(!ner_capitalised("\xc2\xab"));			/* « */
	CHECK(!ner_capitalised(""));
}

/*
 * The gazetteer marks the longest phrase starting at a word: a prefix
 * entry lets the match go on, a miss stops it, and the words of a match
 * are its kind << 1, the ones after the first with the inside bit.
 */
static void
gazetteer_longest_match(void)
{
	static const struct { const char *w; int kind; } v[] = {
		{ "new", GAZ_PREFIX }, { "new york", GAZ_PREFIX },
		{ "new york city", GAZ_LOC }, { "york", GAZ_LOC },
	};
	char t1[] = "to New York City now", t2[] = "New Jersey and York";
	const char *w1[8], *w2[8];
	struct ner_sentence s1 = sent(t1, w1, 8), s2 = sent(t2, w2, 8);
	struct ner_gaz gaz;
	struct ner_prep pp;
	size_t i;

	memset(&gaz, 0, sizeof gaz);
	gaz.keys = calloc(8, sizeof *gaz.keys);
	gaz.kinds = calloc(8, 1);
	for (i = 0; i < sizeof v / sizeof v[0]; i++) {
		gaz.keys[gaz.n] = ner_phrase_hash(v[i].w);
		gaz.kinds[gaz.n++] = (unsigned char)v[i].kind;
	}
	ner_gaz_finish(&gaz);
	ner_prep_init(&pp, &gaz, NULL, NULL, &s1);
	CHECK_INT(pp.gaz[0], 0);			/* to */
	CHECK_INT(pp.gaz[1], GAZ_LOC << 1);		/* New */
	CHECK_INT(pp.gaz[2], (GAZ_LOC << 1) | 1);	/* York */
	CHECK_INT(pp.gaz[3], (GAZ_LOC << 1) | 1);	/* City */
	CHECK_INT(pp.gaz[4], 0);			/* now */
	ner_prep_release(&pp);
	/* "new" is only a prefix and "new jersey" no entry: nothing; the
	 * lone "York" is a place */
	ner_prep_init(&pp, &gaz, NULL, NULL, &s2);
	CHECK_INT(pp.gaz[0], 0);
	CHECK_INT(pp.gaz[1], 0);
	CHECK_INT(pp.gaz[3], GAZ_LOC << 1);
	ner_prep_release(&pp);
	ner_gaz_release(&gaz);
}

static void
word_classes_fold_plurals(void)
{
	char text[] = "Two villages and churches , one County";
	const char *w[16];
	struct ner_sentence s = sent(text, w, 16);
	struct ner_gaz lex;
	struct ner_prep pp;

	lexicon(&lex);
	ner_prep_init(&pp, NULL, &lex, NULL, &s);
	CHECK_INT(ner_class(&pp, 1), 15);	/* villages */
	CHECK_INT(ner_class(&pp, 3), 6);	/* churches */
	CHECK_INT(ner_class(&pp, 6), 15);	/* County: the class only */
	CHECK_INT(ner_class(&pp, 0), 0);	/* unknown */
	CHECK_INT(ner_class(&pp, -1), 0);
	CHECK_INT(ner_class(&pp, 7), 0);
	/* a capitalised common word is marked, a name is not */
	CHECK_INT(pp.lowc[6], 1);
	CHECK_INT(pp.lowc[0], 0);
	ner_prep_release(&pp);
	/* a word in capitals is an abbreviation, unless the whole
	 * sentence is in capitals */
	{
		char t2[] = "Trade with the US grew", t3[] = "BRIDGE CLOSES";
		const char *w2[8], *w3[8];
		struct ner_sentence s2 = sent(t2, w2, 8), s3 = sent(t3, w3, 8);
		struct ner_prep p2, p3;

		ner_prep_init(&p2, NULL, &lex, NULL, &s2);
		ner_prep_init(&p3, NULL, &lex, NULL, &s3);
		CHECK_INT(p2.lowc[3], 0);
		CHECK_INT(p3.lowc[0], 1);
		CHECK_INT(ner_class(&p3, 0), 6);
		ner_prep_release(&p2);
		ner_prep_release(&p3);
	}
	/* no lexicon, no classes */
	ner_prep_init(&pp, NULL, NULL, NULL, &s);
	CHECK_INT(ner_class(&pp, 1), 0);
	ner_prep_release(&pp);
	ner_gaz_release(&lex);
}

static void
definitions_and_left_words(void)
{
	char t1[] = "Aisby is a small village in Lincolnshire .";
	char t2[] = "Crazyhead , an English punk band from Leicester";
	char t3[] = "the village of Great Aisby lies north";
	char t4[] = "Aisby said a word";
	const char *w[16];
	struct ner_sentence s;
	struct ner_gaz lex;
	struct ner_prep pp;

	lexicon(&lex);
	s = sent(t1, w, 16);
	ner_prep_init(&pp, NULL, &lex, NULL, &s);
	CHECK_INT(ner_def_class(&pp, &s, 1), 15);	/* village */
	CHECK_INT(ner_left_class(&pp, &s, 0), 0);	/* sentence start */
	ner_prep_release(&pp);
	s = sent(t2, w, 16);
	ner_prep_init(&pp, NULL, &lex, NULL, &s);
	/* the noun phrase ends at "from": its last word is band */
	CHECK_INT(ner_def_class(&pp, &s, 1), 14);
	ner_prep_release(&pp);
	s = sent(t3, w, 16);
	ner_prep_init(&pp, NULL, &lex, NULL, &s);
	CHECK_INT(ner_left_class(&pp, &s, 3), 15);	/* the village of */
	CHECK_INT(ner_def_class(&pp, &s, 5), 0);	/* no copula */
	ner_prep_release(&pp);
	s = sent(t4, w, 16);
	ner_prep_init(&pp, NULL, &lex, NULL, &s);
	CHECK_INT(ner_def_class(&pp, &s, 1), 0);	/* said: no copula */
	ner_prep_release(&pp);
	ner_gaz_release(&lex);
}

static void
document_contexts(void)
{
	char t1[] = "Trains ran to Harrison daily .";
	char t2[] = "Harrison had a station .";
	char t3[] = "From Harrison , trains ran to Bridgton Junction .";
	const char *w1[16], *w2[16], *w3[16];
	struct ner_sentence s[3];
	const struct ner_docctx *c;
	struct ner_doc doc;

	s[0] = sent(t1, w1, 16);
	s[1] = sent(t2, w2, 16);
	s[2] = sent(t3, w3, 16);
	ner_doc_init(&doc, s, 3);
	c = ner_doc_find(&doc, "Harrison");
	CHECK(c != NULL);
	/* to_, _daily, <s>_, _had, _, and From_ is a capital: not kept */
	if (c != NULL)
		CHECK_INT(c->n, 5);
	c = ner_doc_find(&doc, "Bridgton");
	/* before it "to", after it the capitalised "Junction": one context */
	CHECK(c != NULL && c->n == 1);
	CHECK(ner_doc_find(&doc, "trains") == NULL);
	CHECK(ner_doc_find(&doc, "Nowhere") == NULL);
	CHECK(ner_doc_find(NULL, "Harrison") == NULL);
	ner_doc_release(&doc);
}

static void
document_contexts_are_bounded(void)
{
	static char text[64 * 16];
	const char *words[128];
	struct ner_sentence s;
	const struct ner_docctx *c;
	struct ner_doc doc;
	size_t i, k = 0;

	/* Name w0 Name w1 Name w2 ...: 64 distinct neighbours */
	for (i = 0; i < 64; i++)
		k += (size_t)snprintf(text + k, sizeof text - k, "Name w%zu ",
		    i);
	s = sent(text, words, 128);
	ner_doc_init(&doc, &s, 1);
	c = ner_doc_find(&doc, "Name");
	CHECK(c != NULL && c->n == NER_DOC_MAXCTX);
	ner_doc_release(&doc);
}

static void
viterbi_keeps_sequences_well_formed(void)
{
	float emit[4 * NER_NLABELS], trans[NER_NTRANS];
	int out[4], i;

	memset(trans, 0, sizeof trans);
	memset(emit, 0, sizeof emit);
	/* I-PER scores best everywhere, but no name may start with I- */
	for (i = 0; i < 4; i++)
		emit[i * NER_NLABELS + NER_I_PER] = 10;
	emit[2 * NER_NLABELS + NER_O] = 30;
	emit[3 * NER_NLABELS + NER_B_PER] = 1;
	ner_viterbi(emit, 4, trans, out);
	CHECK_INT(out[0], NER_B_PER);
	CHECK_INT(out[1], NER_I_PER);
	CHECK_INT(out[2], NER_O);
	CHECK_INT(out[3], NER_B_PER);	/* after O: begins again */
	/* I-LOC never follows B-PER */
	memset(emit, 0, sizeof emit);
	emit[0 * NER_NLABELS + NER_B_PER] = 10;
	emit[1 * NER_NLABELS + NER_I_LOC] = 10;
	ner_viterbi(emit, 2, trans, out);
	CHECK(out[1] != NER_I_LOC || out[0] == NER_B_LOC);
}

static void
viterbi_spans_join_their_neighbours(void)
{
	float emit[2 * NER_NLABELS], trans[NER_NTRANS];
	int out[2];

	memset(trans, 0, sizeof trans);
	memset(emit, 0, sizeof emit);
	emit[NER_I_PER] = 10;
	/* entered from B-PER, the span may go on with I-PER */
	ner_viterbi_span(emit, 1, trans, NER_B_PER, -1, out);
	CHECK_INT(out[0], NER_I_PER);
	/* entered from O it may not */
	ner_viterbi_span(emit, 1, trans, NER_O, -1, out);
	CHECK(out[0] != NER_I_PER);
	/* left into O, the transition into O counts */
	memset(emit, 0, sizeof emit);
	emit[NER_B_ORG] = 5;
	emit[NER_B_LOC] = 4;
	trans[NER_B_ORG * NER_NLABELS + NER_O] = -3;
	ner_viterbi_span(emit, 1, trans, NER_NLABELS, NER_O, out);
	CHECK_INT(out[0], NER_B_LOC);
	/* left into I-LOC, the span must end inside a place */
	memset(emit, 0, sizeof emit);
	emit[NER_NLABELS + NER_B_PER] = 10;
	ner_viterbi_span(emit, 2, trans, NER_NLABELS, NER_I_LOC, out);
	CHECK(out[1] == NER_B_LOC || out[1] == NER_I_LOC);
}

/* Labels of a document from "word/TAG" tokens (TAG: P O L M, - for O). */
struct tagged {
	char		 text[256];
	const char	*words[32];
	int		 lab[32];
	struct ner_sentence s;
};

static void
tagged_init(struct tagged *t, const char *src)
{
	static const char kinds[] = "POLM";
	char *p, *slash;
	int prev = NER_O, k;
	size_t i;

	snprintf(t->text, sizeof t->text, "%s", src);
	t->s = sent(t->text, t->words, 32);
	for (i = 0; i < t->s.n; i++) {
		p = (char *)t->words[i];
		t->lab[i] = NER_O;
		if ((slash = strchr(p, '/')) != NULL) {
			*slash = '\0';
			k = (int)(strchr(kinds, slash[1]) - kinds);
			t->lab[i] = prev == 1 + 2 * k || prev == 2 + 2 * k ?
			    2 + 2 * k : 1 + 2 * k;
		}
		prev = t->lab[i];
	}
}

static void
surnames_name_the_person(void)
{
	struct tagged t[2];
	struct ner_sentence s[2];
	int *lab[2];

	tagged_init(&t[0], "General Manuel/P Belgrano/P led .");
	tagged_init(&t[1], "Belgrano/L 's army and Belgrano/L stood .");
	s[0] = t[0].s;
	s[1] = t[1].s;
	lab[0] = t[0].lab;
	lab[1] = t[1].lab;
	extract_ner_consistent(s, 2, lab);
	CHECK_INT(t[1].lab[0], NER_B_PER);
	CHECK_INT(t[1].lab[4], NER_B_PER);
}

static void
names_mostly_untagged_are_dropped(void)
{
	struct tagged t[4];
	struct ner_sentence s[4];
	int *lab[4], i;

	tagged_init(&t[0], "Milepost/O 0 : a yard .");
	tagged_init(&t[1], "Milepost 1 : a bridge .");
	tagged_init(&t[2], "Milepost 2 : a siding .");
	tagged_init(&t[3], "Harrison/L is a town . Trains left Harrison .");
	for (i = 0; i < 4; i++) {
		s[i] = t[i].s;
		lab[i] = t[i].lab;
	}
	extract_ner_consistent(s, 4, lab);
	/* tagged once, untagged twice: neither kept nor spread */
	CHECK_INT(t[0].lab[0], NER_O);
	CHECK_INT(t[1].lab[0], NER_O);
	/* tagged once, untagged once: kept and spread */
	CHECK_INT(t[3].lab[0], NER_B_LOC);
	CHECK_INT(t[3].lab[7], NER_B_LOC);
}

/* The string map keeps every key through its grows and pool moves, and a
 * second put of a key replaces its value. */
static void
strmap_keeps_keys_through_grows(void)
{
	struct extract_strmap m = { 0 };
	char key[64];
	size_t i, bad = 0;

	CHECK_INT(extract_strmap_get(&m, "absent") == EXTRACT_STRMAP_NONE, 1);
	for (i = 0; i < 3000; i++) {
		snprintf(key, sizeof key, "key-%zu-%s", i,
		    i % 3 ? "long enough to move the pool" : "");
		extract_strmap_put(&m, key, i * 7);
	}
	for (i = 0; i < 3000; i++) {
		snprintf(key, sizeof key, "key-%zu-%s", i,
		    i % 3 ? "long enough to move the pool" : "");
		if (extract_strmap_get(&m, key) != i * 7)
			bad++;
	}
	CHECK_INT(bad, 0);
	CHECK_INT(m.n, 3000);
	extract_strmap_put(&m, "key-0-", 42);
	CHECK_INT(extract_strmap_get(&m, "key-0-"), 42);
	CHECK_INT(m.n, 3000);
	CHECK_INT(extract_strmap_get(&m, "key-3000-") == EXTRACT_STRMAP_NONE, 1);
	CHECK_INT(extract_strmap_get(&m, "key-1") == EXTRACT_STRMAP_NONE, 1);
	extract_strmap_release(&m);
}

/* extract_strmap_add() adds a new key with the value given and returns
 * it, and returns an old key's value without changing it. */
static void
strmap_add_keeps_old_values(void)
{
	struct extract_strmap m = { 0 };
	char key[32];
	size_t i, bad = 0;

	for (i = 0; i < 500; i++) {
		snprintf(key, sizeof key, "w%zu", i);
		if (extract_strmap_add(&m, key, i) != i)
			bad++;
	}
	for (i = 0; i < 500; i++) {
		snprintf(key, sizeof key, "w%zu", i);
		if (extract_strmap_add(&m, key, 9999) != i ||
		    extract_strmap_get(&m, key) != i)
			bad++;
	}
	CHECK_INT(bad, 0);
	CHECK_INT(m.n, 500);
	extract_strmap_release(&m);
}

int
main(void)
{
	test_init();
	TEST_RUN(capitalised_words);
	TEST_RUN(gazetteer_longest_match);
	TEST_RUN(word_classes_fold_plurals);
	TEST_RUN(definitions_and_left_words);
	TEST_RUN(document_contexts);
	TEST_RUN(document_contexts_are_bounded);
	TEST_RUN(viterbi_keeps_sequences_well_formed);
	TEST_RUN(viterbi_spans_join_their_neighbours);
	TEST_RUN(surnames_name_the_person);
	TEST_RUN(names_mostly_untagged_are_dropped);
	TEST_RUN(strmap_keeps_keys_through_grows);
	TEST_RUN(strmap_add_keeps_old_values);
	return test_done();
}
