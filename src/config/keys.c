/*
 * Key names (see keys.h). One table maps bracketed names to codes and
 * serves both directions: parsing walks it by name, naming walks it by
 * code and takes the first entry, so the first spelling of a key in the
 * table is its canonical one. Characters that the INI syntax gives a
 * meaning to (space, '#', ';', '"', '\', '<') have names so that a value
 * never needs them raw.
 */
#include <config.h>

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "config/keys.h"
#include "util/buf.h"
#include "util/utf8.h"
#include "util/xalloc.h"

static const struct key_name {
	const char	*name;
	key_code	 key;
} key_names[] = {
	{ "Enter",	KEYC_ENTER },
	{ "Return",	KEYC_ENTER },
	{ "Tab",	KEYC_TAB },
	{ "BTab",	KEYC_BTAB },
	{ "S-Tab",	KEYC_BTAB },
	{ "Esc",	KEYC_ESC },
	{ "Escape",	KEYC_ESC },
	{ "Space",	' ' },
	{ "Backspace",	KEYC_BSPACE },
	{ "BS",		KEYC_BSPACE },
	{ "Delete",	KEYC_DC },
	{ "Del",	KEYC_DC },
	{ "Insert",	KEYC_IC },
	{ "Up",		KEYC_UP },
	{ "Down",	KEYC_DOWN },
	{ "Left",	KEYC_LEFT },
	{ "Right",	KEYC_RIGHT },
	{ "Home",	KEYC_HOME },
	{ "End",	KEYC_END },
	{ "PgUp",	KEYC_PPAGE },
	{ "PageUp",	KEYC_PPAGE },
	{ "PgDn",	KEYC_NPAGE },
	{ "PageDown",	KEYC_NPAGE },
	{ "Hash",	'#' },
	{ "Semicolon",	';' },
	{ "Quote",	'"' },
	{ "Backslash",	'\\' },
	{ "Lt",		'<' },
	{ "Gt",		'>' },
};

/* Characters written by name, never raw, in canonical output. */
static int
needs_name(key_code k)
{
	return k == ' ' || k == '#' || k == ';' || k == '"' || k == '\\' ||
	    k == '<';
}

static key_code
lookup_name(const char *name, size_t len)
{
	size_t i;
	char *end;
	long n;

	for (i = 0; i < sizeof key_names / sizeof key_names[0]; i++) {
		if (strlen(key_names[i].name) == len &&
		    strncasecmp(key_names[i].name, name, len) == 0)
			return key_names[i].key;
	}
	if (len >= 2 && len <= 3 && (name[0] == 'F' || name[0] == 'f') &&
	    isdigit((unsigned char)name[1])) {
		n = strtol(name + 1, &end, 10);
		if (end == name + len && n >= 1 && n <= 24)
			return KEYC_F1 + (key_code)(n - 1);
	}
	return KEYC_NONE;
}

/* One character: the whole of s[0..len) must be one printable code point. */
static key_code
single_char(const char *s, size_t len)
{
	uint32_t cp;
	size_t n;

	n = utf8_decode(s, len, &cp);
	if (n != len || cp == UTF8_REPLACEMENT || utf8_cpwidth(cp) <= 0)
		return KEYC_NONE;
	return cp;
}

/* Ctrl applied to a key: letters and @[\]^_? as a terminal sends them. */
static key_code
apply_ctrl(key_code k)
{
	if (k >= 'a' && k <= 'z')
		return k - 'a' + 1;
	if (k >= '@' && k <= '_')
		return k - '@';
	if (k == ' ')
		return 0;
	if (k == '?')
		return 0x7F;
	return KEYC_NONE;
}

/* Parse the inside of <...>: modifiers, then a name or one character. */
static key_code
parse_bracketed(const char *s, size_t len, char **cause, const char *whole)
{
	int ctrl = 0, meta = 0;
	key_code k;

	for (;;) {
		if (len > 2 && (s[0] == 'C' || s[0] == 'c') && s[1] == '-')
			ctrl = 1;
		else if (len > 2 && (s[0] == 'M' || s[0] == 'm' ||
		    s[0] == 'A' || s[0] == 'a') && s[1] == '-')
			meta = 1;
		else
			break;
		s += 2;
		len -= 2;
	}
	if ((k = lookup_name(s, len)) == KEYC_NONE &&
	    (k = single_char(s, len)) == KEYC_NONE) {
		*cause = xasprintf("unknown key name '%s'", whole);
		return KEYC_NONE;
	}
	if (ctrl) {
		key_code c = apply_ctrl(k >= 'A' && k <= 'Z' ? k + 32 : k);

		if (c == KEYC_NONE) {
			*cause = xasprintf("Ctrl cannot be combined with '%s'",
			    whole);
			return KEYC_NONE;
		}
		k = c;
	}
	return meta ? k | KEYC_META : k;
}

key_code
keys_parse(const char *name, char **cause)
{
	size_t len = strlen(name);
	key_code k;

	*cause = NULL;
	if (len == 0) {
		*cause = xstrdup("empty key name");
		return KEYC_NONE;
	}
	if (len > 2 && name[0] == '<' && name[len - 1] == '>')
		return parse_bracketed(name + 1, len - 2, cause, name);
	if ((k = single_char(name, len)) != KEYC_NONE)
		return k;
	if (name[0] == '<')
		*cause = xasprintf("unknown key name '%s'", name);
	else if (single_char(name, utf8_decode(name, len, &k)) != KEYC_NONE)
		*cause = xasprintf("unknown key '%s' (one key per name; "
		    "separate keys with spaces)", name);
	else
		*cause = xasprintf("unknown key '%s'", name);
	return KEYC_NONE;
}

size_t
keys_parse_list(const char *list, key_code *keys, size_t max, char **causes)
{
	struct buf errs = BUF_INIT;
	const char *p = list, *start;
	size_t n = 0, i;
	char *tok, *cause;
	key_code k;

	*causes = NULL;
	for (;;) {
		while (*p == ' ' || *p == '\t')
			p++;
		if (*p == '\0')
			break;
		start = p;
		while (*p != '\0' && *p != ' ' && *p != '\t')
			p++;
		tok = xstrndup(start, (size_t)(p - start));
		k = keys_parse(tok, &cause);
		if (k == KEYC_NONE) {
			if (errs.len != 0)
				buf_adds(&errs, "; ");
			buf_adds(&errs, cause);
			free(cause);
		} else if (n == max) {
			if (errs.len != 0)
				buf_adds(&errs, "; ");
			buf_printf(&errs, "too many keys (at most %zu)", max);
		} else {
			for (i = 0; i < n && keys[i] != k; i++)
				;
			if (i == n)
				keys[n++] = k;
		}
		free(tok);
	}
	if (errs.len != 0)
		*causes = buf_detach(&errs);
	return n;
}

/* Name of a key without modifiers, into out; 0 if it has none. */
static int
base_name(key_code k, char *out)
{
	size_t i;

	for (i = 0; i < sizeof key_names / sizeof key_names[0]; i++) {
		if (key_names[i].key == k) {
			snprintf(out, KEYS_NAME_MAX - 8, "%s", key_names[i].name);
			return 1;
		}
	}
	if (k >= KEYC_F1 && k <= KEYC_F24) {
		snprintf(out, KEYS_NAME_MAX - 8, "F%u", (unsigned)(k - KEYC_F1 + 1));
		return 1;
	}
	if (k < 0x110000 && utf8_cpwidth(k) > 0) {
		out[utf8_encode(k, out)] = '\0';
		return 1;
	}
	return 0;
}

const char *
keys_name(key_code key, char *out)
{
	char base[KEYS_NAME_MAX - 8];
	const char *meta = (key & KEYC_META) ? "M-" : "";
	key_code k = key & ~KEYC_META;

	if (key == KEYC_NONE) {
		snprintf(out, KEYS_NAME_MAX, "<None>");
		return out;
	}
	if (*meta == '\0' && k < KEYC_BASE && k >= 0x20 && !needs_name(k) &&
	    utf8_cpwidth(k) > 0) {
		out[utf8_encode(k, out)] = '\0';
	} else if (base_name(k, base)) {
		snprintf(out, KEYS_NAME_MAX, "<%s%s>", meta, base);
	} else if (k == 0)
		snprintf(out, KEYS_NAME_MAX, "<%sC-Space>", meta);
	else if (k == 0x7F)
		snprintf(out, KEYS_NAME_MAX, "<%sC-?>", meta);
	else if (k < 0x20)
		snprintf(out, KEYS_NAME_MAX, "<%sC-%c>", meta,
		    (char)(k <= 26 ? k + 'a' - 1 : k + '@'));
	else
		snprintf(out, KEYS_NAME_MAX, "<%sU+%04X>", meta, (unsigned)k);
	return out;
}
