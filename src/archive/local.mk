# src/archive: the SQLite archive (the only module that includes <sqlite3.h>).
liblede_a_SOURCES += \
	src/archive/archive.h src/archive/archive_int.h \
	src/archive/archive.c \
	src/archive/checkpoint.c \
	src/archive/schema.c \
	src/archive/put.c \
	src/archive/body.c \
	src/archive/entities.c \
	src/archive/entity_list.c \
	src/archive/timeline.c \
	src/archive/read.c \
	src/archive/list.c \
	src/archive/sources.c \
	src/archive/check.c \
	src/archive/tokenizer.c \
	src/archive/terms.c \
	src/archive/snippet.c \
	src/archive/query.c src/archive/query.h \
	src/archive/date.c src/archive/date.h \
	src/archive/stem.c src/archive/stem.h \
	src/archive/arabic.c src/archive/arabic.h

ARCHIVE_TESTS = \
	tests/unit/test_stem \
	tests/unit/test_arabic \
	tests/unit/test_query \
	tests/unit/test_tokenizer \
	tests/unit/test_tokenizer_fast \
	tests/unit/test_tokenizer_corpus \
	tests/unit/test_archive \
	tests/unit/test_archive_search \
	tests/unit/test_archive_robust \
	tests/unit/test_archive_body \
	tests/unit/test_checkpoint
check_PROGRAMS += $(ARCHIVE_TESTS)
TESTS += $(ARCHIVE_TESTS)
tests_unit_test_stem_SOURCES = tests/unit/test_stem.c tests/unit/test.h
tests_unit_test_arabic_SOURCES = tests/unit/test_arabic.c tests/unit/test.h
tests_unit_test_query_SOURCES = tests/unit/test_query.c tests/unit/test.h
tests_unit_test_tokenizer_SOURCES = tests/unit/test_tokenizer.c tests/unit/test.h
tests_unit_test_tokenizer_fast_SOURCES = tests/unit/test_tokenizer_fast.c \
	tests/unit/test_archive.h tests/unit/test.h
# The same source over the benchmark corpora, when they are there.
tests_unit_test_tokenizer_corpus_SOURCES = tests/unit/test_tokenizer_fast.c \
	tests/unit/test_archive.h tests/unit/test.h
tests_unit_test_tokenizer_corpus_CPPFLAGS = $(AM_CPPFLAGS) -DCORPUS
tests_unit_test_archive_SOURCES = tests/unit/test_archive.c \
	tests/unit/test_archive.h tests/unit/test.h
tests_unit_test_archive_search_SOURCES = tests/unit/test_archive_search.c \
	tests/unit/test_archive.h tests/unit/test.h
tests_unit_test_archive_robust_SOURCES = tests/unit/test_archive_robust.c \
	tests/unit/test_archive.h tests/unit/test.h
tests_unit_test_archive_body_SOURCES = tests/unit/test_archive_body.c \
	tests/unit/test_archive.h tests/unit/test.h
tests_unit_test_checkpoint_SOURCES = tests/unit/test_checkpoint.c \
	tests/unit/test_archive.h tests/unit/test.h
