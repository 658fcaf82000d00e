# src/tui: the ncurses reader (the only module that includes <curses.h>)
# and its pure helpers (wrapping, scrolling, bidi), with unit tests.
liblede_a_SOURCES += \
	src/util/bidi.c src/util/bidi.h \
	src/tui/wrap.c src/tui/wrap.h \
	src/tui/scroll.c src/tui/scroll.h \
	src/tui/tui.c src/tui/tui.h

check_PROGRAMS += tests/unit/test_wrap tests/unit/test_scroll \
	tests/unit/test_bidi
TESTS += tests/unit/test_wrap tests/unit/test_scroll tests/unit/test_bidi
tests_unit_test_wrap_SOURCES = tests/unit/test_wrap.c tests/unit/test.h
tests_unit_test_scroll_SOURCES = tests/unit/test_scroll.c tests/unit/test.h
tests_unit_test_bidi_SOURCES = tests/unit/test_bidi.c tests/unit/test.h
