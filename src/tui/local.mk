# src/tui: the ncurses reader (the only module that includes <curses.h>)
# and its pure helpers (wrapping, scrolling, layout, line editing, bidi),
# with unit tests and the tmux-driven UI tests.
liblede_a_SOURCES += \
	src/util/bidi.c src/util/bidi.h \
	src/tui/wrap.c src/tui/wrap.h \
	src/tui/scroll.c src/tui/scroll.h \
	src/tui/layout.c src/tui/layout.h \
	src/tui/prompt.c src/tui/prompt.h \
	src/tui/tui.c src/tui/tui.h src/tui/tui_int.h \
	src/tui/screen.c \
	src/tui/listview.c src/tui/listview.h \
	src/tui/textview.c src/tui/textview.h \
	src/tui/articles.c \
	src/tui/reader.c \
	src/tui/readmarks.c src/tui/readmarks.h \
	src/tui/help.c \
	src/tui/sidebar.c src/tui/sidebar.h src/tui/sidebar_act.c \
	src/tui/chart.c src/tui/chart.h \
	src/tui/history.c \
	src/tui/search.c \
	src/tui/worker.c src/tui/worker.h \
	src/tui/filters.c \
	src/tui/actions.c \
	src/tui/input.c \
	src/tui/draw.c \
	src/tui/select.c src/tui/select.h \
	src/tui/flagging.c \
	src/tui/flagpane.c src/tui/flagpane.h \
	src/tui/flagexport.c

check_PROGRAMS += tests/unit/test_wrap tests/unit/test_scroll \
	tests/unit/test_scroll_layout tests/unit/test_bidi \
	tests/unit/test_keys_prompt tests/unit/test_keys_actions \
	tests/unit/test_wrap_textview tests/unit/test_select tests/unit/test_readmarks
TESTS += tests/unit/test_wrap tests/unit/test_scroll \
	tests/unit/test_scroll_layout tests/unit/test_bidi \
	tests/unit/test_keys_prompt tests/unit/test_keys_actions \
	tests/unit/test_wrap_textview tests/unit/test_select tests/unit/test_readmarks
tests_unit_test_wrap_SOURCES = tests/unit/test_wrap.c tests/unit/test.h
tests_unit_test_scroll_SOURCES = tests/unit/test_scroll.c tests/unit/test.h
tests_unit_test_scroll_layout_SOURCES = tests/unit/test_scroll_layout.c \
	tests/unit/test.h
tests_unit_test_bidi_SOURCES = tests/unit/test_bidi.c tests/unit/test.h
tests_unit_test_keys_prompt_SOURCES = tests/unit/test_keys_prompt.c \
	tests/unit/test.h
tests_unit_test_keys_actions_SOURCES = tests/unit/test_keys_actions.c \
	tests/unit/test.h
tests_unit_test_wrap_textview_SOURCES = tests/unit/test_wrap_textview.c \
	tests/unit/test.h
tests_unit_test_select_SOURCES = tests/unit/test_select.c tests/unit/test.h
tests_unit_test_readmarks_SOURCES = tests/unit/test_readmarks.c \
	tests/unit/test_archive.h tests/unit/test.h

check_PROGRAMS += tests/unit/test_chart
TESTS += tests/unit/test_chart
tests_unit_test_chart_SOURCES = tests/unit/test_chart.c tests/unit/test.h

# UI tests: the built binary in tmux (tests/ui/lib.sh; LEDE_REGEN=1 rewrites
# the expected screens).
UI_TESTS = tests/ui/navigate.sh tests/ui/search.sh tests/ui/config.sh \
	tests/ui/resize.sh tests/ui/help.sh tests/ui/arabic.sh \
	tests/ui/hostile.sh tests/ui/filter.sh tests/ui/config-cli.sh \
	tests/ui/colors.sh tests/ui/mouse.sh tests/ui/flags.sh \
	tests/ui/import-while-reading.sh
TESTS += $(UI_TESTS)
EXTRA_DIST += $(UI_TESTS) tests/ui/lib.sh tests/ui/README.md \
	tests/ui/fixtures/harbour-cranes.txt \
	tests/ui/fixtures/arabic-norias.txt \
	tests/ui/fixtures/kyoto-cjk.txt \
	tests/ui/fixtures/long-title.txt \
	tests/ui/expected/navigate-start.txt \
	tests/ui/expected/navigate-kyoto.txt \
	tests/ui/expected/search-results.txt \
	tests/ui/expected/config-messages.txt \
	tests/ui/expected/resize-stacked.txt \
	tests/ui/expected/resize-small.txt \
	tests/ui/expected/resize-back.txt \
	tests/ui/expected/help-top.txt \
	tests/ui/expected/arabic-reader.txt \
	tests/ui/expected/arabic-zoomed.txt \
	tests/ui/expected/hostile-reader.txt
