/*
 * Key codes and key names. A key is one 32-bit code: a Unicode code point
 * for a character (control characters included, so Ctrl-d is 0x04 and
 * Enter is '\r'), a value above Unicode for a function key, and the
 * KEYC_META bit for Alt. The names are the ones a user writes in lede.conf:
 * a character stands for itself, anything else is in angle brackets
 * (<Enter>, <C-d>, <M-x>, <F1>, <Hash>). This module knows nothing of
 * curses; the front end translates its own key codes to these.
 */
#ifndef LEDE_CONFIG_KEYS_H
#define LEDE_CONFIG_KEYS_H

#include <stddef.h>
#include <stdint.h>

typedef uint32_t key_code;

#define KEYC_NONE	((key_code)0xFFFFFFFF)
#define KEYC_META	((key_code)0x01000000)

enum {
	KEYC_BASE = 0x110000,
	KEYC_UP = KEYC_BASE,
	KEYC_DOWN,
	KEYC_LEFT,
	KEYC_RIGHT,
	KEYC_HOME,
	KEYC_END,
	KEYC_PPAGE,
	KEYC_NPAGE,
	KEYC_IC,
	KEYC_DC,
	KEYC_BSPACE,
	KEYC_BTAB,
	KEYC_F1,		/* KEYC_F1 + n - 1 for Fn, n <= 24 */
	KEYC_F24 = KEYC_F1 + 23,
	KEYC_MOUSE,		/* front-end events, never bound */
	KEYC_RESIZE,
};

#define KEYC_ENTER	((key_code)'\r')
#define KEYC_TAB	((key_code)'\t')
#define KEYC_ESC	((key_code)0x1B)

/* Longest name keys_name() produces, NUL included. */
#define KEYS_NAME_MAX	32

/*
 * Parse one key name ("j", "<C-d>", "<PgDn>", "<M-Enter>"). Names in
 * brackets are case-insensitive. Returns the key, or KEYC_NONE and *cause
 * (caller frees) naming what is wrong.
 */
key_code	 keys_parse(const char *name, char **cause);

/*
 * Parse a space-separated list of key names into keys[0..max). Returns the
 * number parsed; names that fail are skipped and each adds one message to
 * *causes (a "; "-separated string, caller frees; NULL when all parsed).
 * A key listed twice counts once.
 */
size_t		 keys_parse_list(const char *list, key_code *keys, size_t max,
		    char **causes);

/*
 * The canonical name of a key, as keys_parse() reads it back, written to
 * out (KEYS_NAME_MAX bytes). Returns out.
 */
const char	*keys_name(key_code key, char *out);

#endif
