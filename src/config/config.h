/*
 * lede's configuration: the table of actions (what a key can do, in which
 * pane, with which default keys), the table of options, and the loader
 * that reads a user's lede.conf on top of the defaults.
 *
 * The defaults are written in the user's own syntax and go through the same
 * parser as the user's file, so config_new() is also a test of the parser;
 * config_defaults_text() prints them as a complete lede.conf (the shipped
 * share/lede.conf is that text). Used by the reader (tui/) and by
 * `lede config check|defaults` (cli/); nothing here prints or draws.
 *
 * Include as "config/config.h": a bare "config.h" is autoconf's.
 */
#ifndef LEDE_CONFIG_CONFIG_H
#define LEDE_CONFIG_CONFIG_H

#include <stddef.h>

#include "config/keys.h"

/* Panes (and the prompt) that have key bindings: one INI section each. */
enum config_ctx {
	CONFIG_GLOBAL,
	CONFIG_LIST,
	CONFIG_READER,
	CONFIG_SEARCH,
	CONFIG_PROMPT,
	CONFIG_HELP,
	CONFIG_SIDEBAR,
	CONFIG_SELECT,
	CONFIG_FLAGS,
	CONFIG_NCTX
};

/* Most keys one action can have. */
#define CONFIG_MAXKEYS	8

struct config_action {
	const char	*name;		/* what the user writes: "page-down" */
	enum config_ctx	 ctx;
	const char	*keys;		/* defaults, in lede.conf syntax */
	const char	*help;		/* one line for `?` and lede.conf.5 */
};

enum config_type {
	CONFIG_BOOL,			/* yes/no, true/false, on/off, 1/0 */
	CONFIG_INT,			/* min..max */
	CONFIG_CHOICE,			/* one of choices; value is its index */
	CONFIG_STRING,
	CONFIG_COLOR,			/* "FG BG [ATTR...]" */
};

struct config_option {
	const char		*section;	/* "global", "layout", "colors" */
	const char		*name;
	enum config_type	 type;
	const char		*value;		/* default, in lede.conf syntax */
	int			 min, max;	/* CONFIG_INT */
	const char *const	*choices;	/* CONFIG_CHOICE, NULL-terminated */
	const char		*help;
};

extern const struct config_action	config_actions[];
extern const size_t			config_nactions;
extern const struct config_option	config_options[];
extern const size_t			config_noptions;

/* Colour attributes, independent of curses. */
#define CONFIG_ATTR_BOLD	0x01
#define CONFIG_ATTR_DIM		0x02
#define CONFIG_ATTR_UNDERLINE	0x04
#define CONFIG_ATTR_REVERSE	0x08
#define CONFIG_ATTR_ITALIC	0x10
#define CONFIG_ATTR_BLINK	0x20
#define CONFIG_ATTR_STANDOUT	0x40

struct config_color {
	short		 fg, bg;	/* -1 terminal default, else 0-255 */
	unsigned	 attrs;		/* CONFIG_ATTR_* */
};

struct config_problem {
	char		*file;
	unsigned	 line;		/* 0: the file as a whole */
	char		*message;
};

struct config;

/* The section name of a context ("list"). */
const char	*config_ctx_name(enum config_ctx);
/* Index of the action name in ctx, or -1. */
int		 config_find_action(enum config_ctx, const char *name);
/* Index of the option section/name, or -1. */
int		 config_find_option(const char *section, const char *name);

/*
 * The default path: $LEDE_CONFIG, else $XDG_CONFIG_HOME/lede/lede.conf,
 * else ~/.config/lede/lede.conf. Caller frees.
 */
char		*config_default_path(void);

/* The defaults as a complete lede.conf. Caller frees. */
char		*config_defaults_text(void);

/* A configuration holding the defaults. Free with config_free(). */
struct config	*config_new(void);
void		 config_free(struct config *);

/*
 * Read path on top of cfg. Every problem is recorded (file, line,
 * message) and the lines without problems still apply. A missing file is
 * a problem only when must_exist is set (a path the user named). Returns
 * the number of problems this call added.
 */
size_t		 config_load(struct config *, const char *path, int must_exist);

/* The problems recorded so far, in file order. Valid until config_free(). */
const struct config_problem *config_problems(const struct config *, size_t *n);

/* The action bound to key in ctx (not falling back to global), or -1. */
int		 config_lookup(const struct config *, enum config_ctx, key_code);
/* Keys bound to an action, in binding order. Returns how many (<= max). */
size_t		 config_action_keys(const struct config *, size_t action,
		    key_code *keys, size_t max);
/* The action's keys as lede.conf text ("j <Down>"). Caller frees. */
char		*config_action_keys_text(const struct config *, size_t action);

/* Option values; the section/name must exist in config_options. */
int		 config_int(const struct config *, const char *section,
		    const char *name);
const char	*config_string(const struct config *, const char *section,
		    const char *name);
const struct config_color *config_color(const struct config *,
		    const char *name);

/*
 * [sources]: the corrections address the user gave for a source (by its
 * name as stored, matched through config_source_key()), or NULL. cfg is a
 * const struct config *; the shape is flag_export()'s corrections_for.
 */
const char	*config_source_address(const char *source, void *cfg);
/*
 * The command that sends exported e-mail: $LEDE_SEND_COMMAND when set to
 * something, else [export] send-command; "" when neither says.
 */
const char	*config_send_command(const struct config *);
/* A source name as a [sources] key: "Enab Baladi" -> "enab-baladi". */
char		*config_source_key(const char *name);

/*
 * Parse a value for an option (also a test of the option syntax): 0 and
 * the result in *i, *s (caller frees) or *c, or -1 and *cause.
 */
int		 config_parse_value(const struct config_option *, const char *,
		    int *i, char **s, struct config_color *c, char **cause);

#endif
