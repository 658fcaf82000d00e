# src/util: the base layer every module may use.
liblede_a_SOURCES += \
	src/util/xalloc.c src/util/xalloc.h \
	src/util/buf.c src/util/buf.h \
	src/util/utf8.c src/util/utf8.h \
	src/util/sanitize.c src/util/sanitize.h \
	src/util/article.c src/util/article.h \
	src/util/paths.c src/util/paths.h \
	src/util/priority.c src/util/priority.h

check_PROGRAMS += tests/unit/test_utf8 tests/unit/test_sanitize \
	tests/unit/test_priority
TESTS += tests/unit/test_utf8 tests/unit/test_sanitize \
	tests/unit/test_priority
tests_unit_test_utf8_SOURCES = tests/unit/test_utf8.c tests/unit/test.h
tests_unit_test_sanitize_SOURCES = tests/unit/test_sanitize.c tests/unit/test.h
tests_unit_test_priority_SOURCES = tests/unit/test_priority.c tests/unit/test.h
