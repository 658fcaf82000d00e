/*
 * The reader: lede's full-screen ncurses front end over the archive.
 * Only src/tui/ includes <curses.h>.
 */
#ifndef LEDE_TUI_TUI_H
#define LEDE_TUI_TUI_H

/*
 * Open the archive at archive_path and run the reader until the user
 * quits. config_path names the configuration (NULL: config_default_path(),
 * where a missing file is not a problem); problems in it are shown inside
 * the reader, never printed. Returns 0 on a normal quit, or -1 and *cause
 * (caller frees) when the reader cannot start: standard input or output
 * is not a terminal, the terminal is unusable, the archive cannot be
 * opened. Nothing is printed while curses is active.
 */
int	 tui_run(const char *archive_path, const char *config_path,
	    char **cause);

#endif
