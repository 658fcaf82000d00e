# src/import: format detection and one parser per input format, the
# newsboat cache reader (in src/archive/, the only place SQLite is read),
# and their unit tests.
liblede_a_SOURCES += \
	src/import/import.h src/import/import_int.h \
	src/import/import.c \
	src/import/detect.c \
	src/import/decode.c \
	src/import/date.c \
	src/import/text.c \
	src/import/jsonl.c \
	src/import/feed.c \
	src/import/htmltext.c \
	src/import/html.c \
	src/import/newsboat.c \
	src/archive/newsboat.c src/archive/newsboat.h
# libxml2 loaded on first use, for the lede binary only (see the file)
lede_SOURCES += src/import/xmllazy.c

IMPORT_TESTS = \
	tests/unit/test_import_date \
	tests/unit/test_import_detect \
	tests/unit/test_import_text \
	tests/unit/test_import_jsonl \
	tests/unit/test_import_rss \
	tests/unit/test_import_html \
	tests/unit/test_import_mutate \
	tests/unit/test_newsboat \
	tests/unit/test_seed
check_PROGRAMS += $(IMPORT_TESTS)
TESTS += $(IMPORT_TESTS)
tests_unit_test_import_date_SOURCES = tests/unit/test_import_date.c tests/unit/test.h
tests_unit_test_import_detect_SOURCES = tests/unit/test_import_detect.c tests/unit/test.h
tests_unit_test_import_text_SOURCES = tests/unit/test_import_text.c tests/unit/test.h tests/unit/test_import_sink.h
tests_unit_test_import_jsonl_SOURCES = tests/unit/test_import_jsonl.c tests/unit/test.h tests/unit/test_import_sink.h
tests_unit_test_import_rss_SOURCES = tests/unit/test_import_rss.c tests/unit/test.h tests/unit/test_import_sink.h
tests_unit_test_import_html_SOURCES = tests/unit/test_import_html.c tests/unit/test.h tests/unit/test_import_sink.h
tests_unit_test_import_mutate_SOURCES = tests/unit/test_import_mutate.c tests/unit/test.h tests/unit/test_import_sink.h
tests_unit_test_newsboat_SOURCES = tests/unit/test_newsboat.c tests/unit/test.h tests/unit/test_import_sink.h
tests_unit_test_seed_SOURCES = tests/unit/test_seed.c tests/unit/test.h tests/unit/test_import_sink.h
EXTRA_DIST += tests/data/import
