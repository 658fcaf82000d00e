/*
 * Option values and the default file. Values are parsed here, by type, for
 * the defaults in actions.c and the user's lede.conf alike; colours are
 * "FG BG [ATTR...]" with the eight ANSI names, their bright- forms, a number
 * 0-255 or colorN, and "default" for the terminal's own.
 */
#include <config.h>

#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "config/config.h"
#include "util/buf.h"
#include "util/xalloc.h"

static const char *const color_names[] = {
	"black", "red", "green", "yellow", "blue", "magenta", "cyan", "white",
};

static const struct {
	const char	*name;
	unsigned	 attr;
} attr_names[] = {
	{ "bold", CONFIG_ATTR_BOLD },
	{ "dim", CONFIG_ATTR_DIM },
	{ "underline", CONFIG_ATTR_UNDERLINE },
	{ "reverse", CONFIG_ATTR_REVERSE },
	{ "italic", CONFIG_ATTR_ITALIC },
	{ "blink", CONFIG_ATTR_BLINK },
	{ "standout", CONFIG_ATTR_STANDOUT },
};

static int
parse_bool(const char *s, int *out)
{
	static const char *const yes[] = { "yes", "true", "on", "1" };
	static const char *const no[] = { "no", "false", "off", "0" };
	size_t i;

	for (i = 0; i < 4; i++) {
		if (strcasecmp(s, yes[i]) == 0)
			return *out = 1, 0;
		if (strcasecmp(s, no[i]) == 0)
			return *out = 0, 0;
	}
	return -1;
}

static int
parse_int(const char *s, long *out)
{
	char *end;

	errno = 0;
	*out = strtol(s, &end, 10);
	if (*s == '\0' || *end != '\0' || errno != 0)
		return -1;
	return 0;
}

/* One colour name or number; -2 if it is not one. */
static int
parse_color_name(const char *s)
{
	long n;
	size_t i;

	if (strcasecmp(s, "default") == 0)
		return -1;
	for (i = 0; i < 8; i++) {
		if (strcasecmp(s, color_names[i]) == 0)
			return (int)i;
		if (strncasecmp(s, "bright", 6) == 0 &&
		    strcasecmp(s + 6, color_names[i]) == 0)
			return (int)i + 8;
	}
	if (strncasecmp(s, "color", 5) == 0)
		s += 5;
	if (parse_int(s, &n) == 0 && n >= 0 && n <= 255)
		return (int)n;
	return -2;
}

static int
parse_color(const char *value, struct config_color *c, char **cause)
{
	char *copy = xstrdup(value), *tok, *save = NULL;
	int n = 0, col, rc = 0;
	size_t i;

	c->fg = c->bg = -1;
	c->attrs = 0;
	for (tok = strtok_r(copy, " \t", &save); tok != NULL && rc == 0;
	    tok = strtok_r(NULL, " \t", &save), n++) {
		if (n < 2) {
			if ((col = parse_color_name(tok)) == -2) {
				*cause = xasprintf("unknown colour '%s'", tok);
				rc = -1;
			} else if (n == 0)
				c->fg = (short)col;
			else
				c->bg = (short)col;
			continue;
		}
		for (i = 0; i < sizeof attr_names / sizeof attr_names[0]; i++) {
			if (strcasecmp(tok, attr_names[i].name) == 0)
				break;
		}
		if (i == sizeof attr_names / sizeof attr_names[0]) {
			*cause = xasprintf("unknown attribute '%s'", tok);
			rc = -1;
		} else
			c->attrs |= attr_names[i].attr;
	}
	if (rc == 0 && n < 2) {
		*cause = xstrdup("expected \"FOREGROUND BACKGROUND [ATTRIBUTES]\"");
		rc = -1;
	}
	free(copy);
	return rc;
}

static int
parse_choice(const struct config_option *o, const char *value, int *i,
    char **cause)
{
	struct buf list = BUF_INIT;
	int n;

	for (n = 0; o->choices[n] != NULL; n++) {
		if (strcasecmp(o->choices[n], value) == 0)
			return *i = n, 0;
	}
	for (n = 0; o->choices[n] != NULL; n++)
		buf_printf(&list, "%s%s", n ? ", " : "", o->choices[n]);
	*cause = xasprintf("'%s' is not one of %s", value, buf_str(&list));
	buf_release(&list);
	return -1;
}

int
config_parse_value(const struct config_option *o, const char *value, int *i,
    char **s, struct config_color *c, char **cause)
{
	long n;

	*cause = NULL;
	switch (o->type) {
	case CONFIG_BOOL:
		if (parse_bool(value, i) == 0)
			return 0;
		*cause = xasprintf("'%s' is not yes or no", value);
		return -1;
	case CONFIG_INT:
		if (parse_int(value, &n) == 0 && n >= o->min && n <= o->max)
			return *i = (int)n, 0;
		*cause = xasprintf("'%s' is not a number from %d to %d", value,
		    o->min, o->max);
		return -1;
	case CONFIG_CHOICE:
		return parse_choice(o, value, i, cause);
	case CONFIG_STRING:
		*s = xstrdup(value);
		return 0;
	case CONFIG_COLOR:
		return parse_color(value, c, cause);
	}
	return -1;
}

static void
add_section(struct buf *out, const char *section)
{
	size_t i;
	int ctx;

	buf_printf(out, "\n[%s]\n", section);
	for (ctx = 0; ctx < CONFIG_NCTX; ctx++) {
		if (strcmp(config_ctx_name(ctx), section) != 0)
			continue;
		for (i = 0; i < config_nactions; i++) {
			if (config_actions[i].ctx != (enum config_ctx)ctx)
				continue;
			buf_printf(out, "# %s\n%s = \"%s\"\n",
			    config_actions[i].help, config_actions[i].name,
			    config_actions[i].keys);
		}
	}
	for (i = 0; i < config_noptions; i++) {
		const struct config_option *o = &config_options[i];
		int quote = o->type == CONFIG_STRING || o->type == CONFIG_COLOR;

		if (strcmp(o->section, section) != 0)
			continue;
		buf_printf(out, "# %s\n%s = %s%s%s\n", o->help, o->name,
		    quote ? "\"" : "", o->value, quote ? "\"" : "");
	}
}

char *
config_defaults_text(void)
{
	static const char *const sections[] = {
		"global", "layout", "colors", "list", "reader", "search",
		"prompt", "help", "sidebar", "select", "flags", "export",
	};
	struct buf out = BUF_INIT;
	size_t i;

	buf_adds(&out,
	    "# lede.conf: the complete default configuration of lede,\n"
	    "# as printed by `lede config defaults`. See lede.conf(5).\n"
	    "#\n"
	    "# Each line names an action and the keys that run it:\n"
	    "#   action = \"key key ...\"\n"
	    "# A character stands for itself; other keys are written in angle\n"
	    "# brackets: <Enter> <Space> <Tab> <Esc> <Up> <PgDn> <F1> <C-d>\n"
	    "# (Ctrl) <M-x> (Alt) <Hash> <Semicolon> <Quote> <Backslash> <Lt>.\n"
	    "# An empty value (\"\") unbinds the action. Ctrl-C always quits.\n"
	    "# Options are `name = value`. Lines starting with # or ; are\n"
	    "# comments.\n");
	for (i = 0; i < sizeof sections / sizeof sections[0]; i++)
		add_section(&out, sections[i]);
	buf_adds(&out,
	    "\n[sources]\n"
	    "# The corrections desk of each source, for exported e-mail:\n"
	    "# the source's name in lower case, other characters as one\n"
	    "# hyphen (\"Enab Baladi\" is enab-baladi), = an address.\n"
	    "# enab-baladi = \"corrections@example.org\"\n");
	return buf_detach(&out);
}
