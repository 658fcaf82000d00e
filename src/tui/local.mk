# src/tui: the ncurses reader (the only module that includes <curses.h>)
# and its pure helpers (wrapping, scrolling, bidi), with unit tests.
liblede_a_SOURCES += \
	src/tui/tui.c src/tui/tui.h
