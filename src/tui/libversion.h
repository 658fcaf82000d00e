/* Version of the curses library, for `lede --version`. */
#ifndef LEDE_TUI_LIBVERSION_H
#define LEDE_TUI_LIBVERSION_H

/* "ncurses 6.4.20221231". Static. */
const char	*tui_library_version(void);

#endif
