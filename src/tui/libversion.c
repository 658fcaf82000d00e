/*
 * The curses library lede runs with, for `lede --version`.
 */
#include "config.h"

#include <curses.h>

#include "tui/libversion.h"

const char *
tui_library_version(void)
{
	return curses_version();
}
