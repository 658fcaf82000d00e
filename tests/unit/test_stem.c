/* Unit tests for the Porter stemmer (src/archive/stem.c). */
#include "config.h"

#include "test.h"
#include "archive/stem.h"

static const char *
stem(const char *w)
{
	static char buf[128];
	size_t n = strlen(w);

	memcpy(buf, w, n);
	n = archive_stem(buf, n);
	buf[n] = '\0';
	return buf;
}

/* Pairs from the paper's examples and the reference vocabulary. */
static void
porter_examples(void)
{
	static const char *pairs[][2] = {
		{ "caresses", "caress" }, { "ponies", "poni" }, { "ties", "ti" },
		{ "caress", "caress" }, { "cats", "cat" }, { "feed", "feed" },
		{ "agreed", "agre" }, { "plastered", "plaster" },
		{ "bled", "bled" }, { "motoring", "motor" }, { "sing", "sing" },
		{ "conflated", "conflat" }, { "troubled", "troubl" },
		{ "sized", "size" }, { "hopping", "hop" }, { "tanned", "tan" },
		{ "falling", "fall" }, { "hissing", "hiss" }, { "fizzed", "fizz" },
		{ "failing", "fail" }, { "filing", "file" }, { "happy", "happi" },
		{ "sky", "sky" }, { "relational", "relat" },
		{ "conditional", "condit" }, { "rational", "ration" },
		{ "valenci", "valenc" }, { "hesitanci", "hesit" },
		{ "digitizer", "digit" }, { "conformabli", "conform" },
		{ "radicalli", "radic" }, { "differentli", "differ" },
		{ "vileli", "vile" }, { "analogousli", "analog" },
		{ "vietnamization", "vietnam" }, { "predication", "predic" },
		{ "operator", "oper" }, { "feudalism", "feudal" },
		{ "decisiveness", "decis" }, { "hopefulness", "hope" },
		{ "callousness", "callous" }, { "formaliti", "formal" },
		{ "sensitiviti", "sensit" }, { "sensibiliti", "sensibl" },
		{ "triplicate", "triplic" }, { "formative", "form" },
		{ "formalize", "formal" }, { "electriciti", "electr" },
		{ "electrical", "electr" }, { "hopeful", "hope" },
		{ "goodness", "good" }, { "revival", "reviv" },
		{ "allowance", "allow" }, { "inference", "infer" },
		{ "airliner", "airlin" }, { "gyroscopic", "gyroscop" },
		{ "adjustable", "adjust" }, { "defensible", "defens" },
		{ "irritant", "irrit" }, { "replacement", "replac" },
		{ "adjustment", "adjust" }, { "dependent", "depend" },
		{ "adoption", "adopt" }, { "homologou", "homolog" },
		{ "communism", "commun" }, { "activate", "activ" },
		{ "angulariti", "angular" }, { "homologous", "homolog" },
		{ "effective", "effect" }, { "bowdlerize", "bowdler" },
		{ "probate", "probat" }, { "rate", "rate" }, { "cease", "ceas" },
		{ "controll", "control" }, { "roll", "roll" },
		{ "generalizations", "gener" }, { "oscillators", "oscil" },
	};
	size_t i;

	for (i = 0; i < sizeof pairs / sizeof pairs[0]; i++)
		CHECK_STR(stem(pairs[i][0]), pairs[i][1]);
}

/* What lede's users search for: inflections meet at one stem. */
static void
news_inflections(void)
{
	CHECK_STR(stem("protest"), "protest");
	CHECK_STR(stem("protests"), "protest");
	CHECK_STR(stem("protesters"), "protest");
	CHECK_STR(stem("protesting"), "protest");
	CHECK_STR(stem("protested"), "protest");
	CHECK_STR(stem("elections"), stem("election"));
	CHECK_STR(stem("negotiations"), stem("negotiating"));
}

static void
left_alone(void)
{
	char w[] = "Protest";
	char d[] = "2025s";

	/* Short words, capitals and digits are not the stemmer's. */
	CHECK_STR(stem("is"), "is");
	CHECK_STR(stem("a"), "a");
	CHECK_INT(archive_stem(w, 7), 7);
	CHECK_INT(archive_stem(d, 5), 5);
	CHECK_INT(archive_stem(w, 0), 0);
}

int
main(void)
{
	test_init();
	TEST_RUN(porter_examples);
	TEST_RUN(news_inflections);
	TEST_RUN(left_alone);
	return test_done();
}
