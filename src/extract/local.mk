# src/extract: sentences, entities, temporal expressions (pure: text in,
# spans out), its unit tests, the NER trainer and the evaluation program.
liblede_a_SOURCES += \
	src/extract/extract.h src/extract/extract_int.h \
	src/extract/extract.c src/extract/token.c src/extract/sentence.c \
	src/extract/tdate.c src/extract/tdate.h src/extract/timex.c \
	src/extract/timex.h src/extract/timex_lex.c src/extract/timex_date.c \
	src/extract/timex_rel.c src/extract/timex_ar.c \
	src/extract/ner.c src/extract/ner.h src/extract/nerctx.c \
	src/extract/model.c \
	src/extract/docner.c src/extract/alias.c \
	src/extract/strmap.c src/extract/strmap.h \
	src/extract/score.c src/extract/score.h

check_PROGRAMS += tests/unit/test_sentence tests/unit/test_timex \
	tests/unit/test_ner tests/unit/test_nerctx tests/unit/test_extract_alias \
	tests/unit/test_score tests/unit/test_train_lex
TESTS += tests/unit/test_sentence tests/unit/test_timex \
	tests/unit/test_ner tests/unit/test_nerctx tests/unit/test_extract_alias \
	tests/unit/test_score tests/unit/test_train_lex
tests_unit_test_sentence_SOURCES = tests/unit/test_sentence.c tests/unit/test.h
tests_unit_test_timex_SOURCES = tests/unit/test_timex.c tests/unit/test.h
tests_unit_test_ner_SOURCES = tests/unit/test_ner.c tests/unit/test.h
tests_unit_test_nerctx_SOURCES = tests/unit/test_nerctx.c tests/unit/test.h
tests_unit_test_extract_alias_SOURCES = tests/unit/test_extract_alias.c \
	tests/unit/test.h
tests_unit_test_score_SOURCES = tests/unit/test_score.c tests/unit/test.h
# The trainer's gazetteer loaders, with the corpus reader they use.
tests_unit_test_train_lex_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/tests/eval
tests_unit_test_train_lex_SOURCES = tests/unit/test_train_lex.c \
	tests/unit/test.h src/extract/train_lex.c src/extract/train.h \
	tests/eval/corpus.c tests/eval/corpus.h

# The trainer and the evaluation program read ../shared/corpora; neither
# is installed.
noinst_PROGRAMS += src/extract/lede-train tests/eval/lede-eval
src_extract_lede_train_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/tests/eval
src_extract_lede_train_SOURCES = src/extract/train.c \
	src/extract/train_lex.c src/extract/train.h \
	tests/eval/corpus.c tests/eval/corpus.h
tests_eval_lede_eval_SOURCES = tests/eval/eval.c \
	tests/eval/corpus.c tests/eval/corpus.h
EXTRA_DIST += tests/eval/README.md tests/eval/ner-errors.py \
	tests/eval/WIKIGOLD.md

dist_pkgdata_DATA += share/ner.model

# make model: retrain share/ner.model (same corpus and Debian data, same
# bytes). The Debian data: iso-codes, tzdata, wordnet-base, wamerican.
# make eval: print the evaluation table; skips when the corpora are absent.
# Both read $LEDE_SHARED, by default ../shared beside the source tree.
ISO_CODES_JSON = /usr/share/iso-codes/json
WORDNET_DIR = /usr/share/wordnet
WORD_LIST = /usr/share/dict/american-english
model: src/extract/lede-train$(EXEEXT)
	@shared="$${LEDE_SHARED:-$(abs_top_srcdir)/../shared}"; \
	if test ! -f "$$shared/corpora/conll2003/eng.train"; then \
		echo "make model: $$shared/corpora/conll2003 is absent;" \
		    "keeping share/ner.model"; exit 0; \
	fi; \
	src/extract/lede-train$(EXEEXT) \
	    -t "$$shared/corpora/conll2003/eng.train" \
	    -d "$$shared/corpora/conll2003/eng.testa" \
	    -g "$(ISO_CODES_JSON)" -w "$(WORDNET_DIR)" -D "$(WORD_LIST)" \
	    -o "$(abs_top_srcdir)/share/ner.model"

eval: tests/eval/lede-eval$(EXEEXT)
	@shared="$${LEDE_SHARED:-$(abs_top_srcdir)/../shared}"; \
	tests/eval/lede-eval$(EXEEXT) -s "$$shared" \
	    -m "$(abs_top_srcdir)/share/ner.model"; rc=$$?; \
	if test $$rc = 77; then exit 0; fi; exit $$rc

.PHONY: model eval
