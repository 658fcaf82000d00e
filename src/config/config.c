/*
 * The configuration's model: the bindings in force for every action, the
 * value of every option, and the problems found while reading files. The
 * defaults come from the tables in actions.c and are applied through
 * config_apply(), the very function the file reader uses, so a default
 * that does not parse shows up as a problem in the unit tests.
 *
 * A key belongs to at most one action per pane. A user's line replaces the
 * action's default keys; it takes a key away from another action's
 * defaults silently (that is what rebinding means), but a key already given
 * to another action by the user's own file is an error, and the earlier
 * line keeps it.
 */
#include <config.h>

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "config/config.h"
#include "config/config_int.h"
#include "util/buf.h"
#include "util/xalloc.h"

struct binding {
	key_code	 keys[CONFIG_MAXKEYS];
	unsigned	 lines[CONFIG_MAXKEYS];	/* 0: a default */
	size_t		 n;
};

struct value {
	int			 i;
	char			*s;
	struct config_color	 c;
};

/* A line of [sources]: a source's key and its corrections address. */
struct source_addr {
	char			*key;
	char			*address;
};

struct config {
	struct binding		*bindings;	/* one per config_actions[] */
	struct value		*values;	/* one per config_options[] */
	struct source_addr	*sources;
	size_t			 nsources;
	struct config_problem	*problems;
	size_t			 nproblems;
};

static const char *const ctx_names[CONFIG_NCTX] = {
	[CONFIG_GLOBAL] = "global",
	[CONFIG_LIST] = "list",
	[CONFIG_READER] = "reader",
	[CONFIG_SEARCH] = "search",
	[CONFIG_PROMPT] = "prompt",
	[CONFIG_HELP] = "help",
	[CONFIG_SIDEBAR] = "sidebar",
	[CONFIG_SELECT] = "select",
	[CONFIG_FLAGS] = "flags",
};

const char *
config_ctx_name(enum config_ctx ctx)
{
	return ctx < CONFIG_NCTX ? ctx_names[ctx] : "?";
}

static int
ctx_from_name(const char *name)
{
	int i;

	for (i = 0; i < CONFIG_NCTX; i++) {
		if (strcmp(ctx_names[i], name) == 0)
			return i;
	}
	return -1;
}

int
config_find_action(enum config_ctx ctx, const char *name)
{
	size_t i;

	for (i = 0; i < config_nactions; i++) {
		if (config_actions[i].ctx == ctx &&
		    strcmp(config_actions[i].name, name) == 0)
			return (int)i;
	}
	return -1;
}

int
config_find_option(const char *section, const char *name)
{
	size_t i;

	for (i = 0; i < config_noptions; i++) {
		if (strcmp(config_options[i].section, section) == 0 &&
		    strcmp(config_options[i].name, name) == 0)
			return (int)i;
	}
	return -1;
}

int
config_known_section(const char *section)
{
	return ctx_from_name(section) != -1 ||
	    strcmp(section, "layout") == 0 || strcmp(section, "colors") == 0 ||
	    strcmp(section, "export") == 0 || strcmp(section, "sources") == 0;
}

char *
config_default_path(void)
{
	const char *env;

	if ((env = getenv("LEDE_CONFIG")) != NULL && *env != '\0')
		return xstrdup(env);
	if ((env = getenv("XDG_CONFIG_HOME")) != NULL && *env == '/')
		return xasprintf("%s/lede/lede.conf", env);
	if ((env = getenv("HOME")) != NULL && *env != '\0')
		return xasprintf("%s/.config/lede/lede.conf", env);
	return xstrdup("lede.conf");
}

void
config_problem_add(struct config *cfg, const char *file, unsigned line,
    const char *fmt, ...)
{
	struct config_problem *p;
	va_list ap;

	cfg->problems = xreallocarray(cfg->problems, cfg->nproblems + 1,
	    sizeof *cfg->problems);
	p = &cfg->problems[cfg->nproblems++];
	p->file = xstrdup(file != NULL ? file : "(defaults)");
	p->line = line;
	va_start(ap, fmt);
	p->message = xvasprintf(fmt, ap);
	va_end(ap);
}

const struct config_problem *
config_problems(const struct config *cfg, size_t *n)
{
	*n = cfg->nproblems;
	return cfg->problems;
}

void
config_sort_problems(struct config *cfg, size_t from)
{
	struct config_problem t;
	size_t i, j;

	for (i = from + 1; i < cfg->nproblems; i++) {
		t = cfg->problems[i];
		for (j = i; j > from && cfg->problems[j - 1].line > t.line; j--)
			cfg->problems[j] = cfg->problems[j - 1];
		cfg->problems[j] = t;
	}
}

/* Take key away from every other action of ctx; -1 if the user gave it. */
static int
steal_key(struct config *cfg, size_t action, key_code k, unsigned *owner_line,
    size_t *owner)
{
	enum config_ctx ctx = config_actions[action].ctx;
	struct binding *b;
	size_t i, j;

	for (i = 0; i < config_nactions; i++) {
		if (i == action || config_actions[i].ctx != ctx)
			continue;
		b = &cfg->bindings[i];
		for (j = 0; j < b->n; j++) {
			if (b->keys[j] != k)
				continue;
			if (b->lines[j] != 0) {
				*owner_line = b->lines[j];
				*owner = i;
				return -1;
			}
			memmove(&b->keys[j], &b->keys[j + 1],
			    (b->n - j - 1) * sizeof b->keys[0]);
			memmove(&b->lines[j], &b->lines[j + 1],
			    (b->n - j - 1) * sizeof b->lines[0]);
			b->n--;
			return 0;
		}
	}
	return 0;
}

static void
bind(struct config *cfg, size_t action, const char *value, const char *file,
    unsigned line)
{
	const struct config_action *a = &config_actions[action];
	struct binding *b = &cfg->bindings[action];
	key_code keys[CONFIG_MAXKEYS];
	char *causes, name[KEYS_NAME_MAX];
	size_t n, i, owner;
	unsigned owner_line;

	n = keys_parse_list(value, keys, CONFIG_MAXKEYS, &causes);
	if (causes != NULL) {
		config_problem_add(cfg, file, line, "[%s] %s: %s",
		    config_ctx_name(a->ctx), a->name, causes);
		free(causes);
	}
	b->n = 0;
	for (i = 0; i < n; i++) {
		if (steal_key(cfg, action, keys[i], &owner_line, &owner) != 0) {
			config_problem_add(cfg, file, line,
			    "[%s] key %s is already bound to %s on line %u",
			    config_ctx_name(a->ctx), keys_name(keys[i], name),
			    config_actions[owner].name, owner_line);
			continue;
		}
		b->keys[b->n] = keys[i];
		b->lines[b->n++] = line;
	}
}

static void
set_option(struct config *cfg, size_t option, const char *value,
    const char *file, unsigned line)
{
	const struct config_option *o = &config_options[option];
	struct value *v = &cfg->values[option], nv;
	char *cause;

	memset(&nv, 0, sizeof nv);
	if (config_parse_value(o, value, &nv.i, &nv.s, &nv.c, &cause) != 0) {
		config_problem_add(cfg, file, line, "[%s] %s: %s", o->section,
		    o->name, cause);
		free(cause);
		return;
	}
	free(v->s);
	*v = nv;
}

/*
 * The key of a source in [sources]: its name in lower case, every run of
 * other characters one hyphen, none at the ends ("Enab Baladi" is
 * enab-baladi). Non-ASCII letters count as other characters, so a name
 * written in Arabic letters alone has no key (""). Caller frees.
 */
char *
config_source_key(const char *name)
{
	struct buf out = BUF_INIT;
	int gap = 0;
	unsigned char c;

	for (; *name != '\0'; name++) {
		c = (unsigned char)*name;
		if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
		    (c >= 'A' && c <= 'Z')) {
			if (gap && out.len > 0)
				buf_addc(&out, '-');
			buf_addc(&out, (char)(c >= 'A' && c <= 'Z' ? c + 32 : c));
			gap = 0;
		} else
			gap = 1;
	}
	return buf_detach(&out);
}

/* One e-mail address: local@domain, printable ASCII, no spaces. */
static int
address_ok(const char *s)
{
	const char *at = strchr(s, '@');
	size_t n = strlen(s), i;

	if (at == NULL || at == s || at[1] == '\0' || strchr(at + 1, '@') ||
	    n > 254)
		return 0;
	for (i = 0; i < n; i++)
		if ((unsigned char)s[i] <= ' ' || (unsigned char)s[i] >= 0x7f ||
		    strchr("<>()[],;:\\\"", s[i]) != NULL)
			return 0;
	return 1;
}

static void
set_source(struct config *cfg, const char *name, const char *value,
    const char *file, unsigned line)
{
	size_t i;

	if (!address_ok(value)) {
		config_problem_add(cfg, file, line, "[sources] %s: '%.60s' is "
		    "not an e-mail address (name@example.org)", name, value);
		return;
	}
	for (i = 0; i < cfg->nsources; i++)
		if (strcmp(cfg->sources[i].key, name) == 0)
			break;
	if (i == cfg->nsources) {
		cfg->sources = xreallocarray(cfg->sources, cfg->nsources + 1,
		    sizeof *cfg->sources);
		cfg->sources[cfg->nsources].key = xstrdup(name);
		cfg->sources[cfg->nsources++].address = NULL;
	}
	free(cfg->sources[i].address);
	cfg->sources[i].address = xstrdup(value);
}

const char *
config_send_command(const struct config *cfg)
{
	const char *env = getenv("LEDE_SEND_COMMAND");

	if (env != NULL && strspn(env, " \t") != strlen(env))
		return env;
	return config_string(cfg, "export", "send-command");
}

const char *
config_source_address(const char *source, void *arg)
{
	const struct config *cfg = arg;
	char *key;
	size_t i;
	const char *found = NULL;

	if (source == NULL)
		return NULL;
	key = config_source_key(source);
	for (i = 0; i < cfg->nsources && *key != '\0'; i++)
		if (strcmp(cfg->sources[i].key, key) == 0)
			found = cfg->sources[i].address;
	free(key);
	return found;
}

void
config_apply(struct config *cfg, const char *section, const char *name,
    const char *value, const char *file, unsigned line)
{
	int ctx = ctx_from_name(section), i;

	if (strcmp(section, "sources") == 0) {
		set_source(cfg, name, value, file, line);
		return;
	}
	if (ctx != -1 && (i = config_find_action(ctx, name)) != -1) {
		/* Defaults are marked 0 so a user's line may take their keys. */
		bind(cfg, (size_t)i, value, file, file == NULL ? 0 : line);
		return;
	}
	if ((i = config_find_option(section, name)) != -1) {
		set_option(cfg, (size_t)i, value, file, line);
		return;
	}
	if (ctx != -1)
		config_problem_add(cfg, file, line, "unknown action '%s' in [%s]",
		    name, section);
	else
		config_problem_add(cfg, file, line, "unknown option '%s' in [%s]",
		    name, section);
}

struct config *
config_new(void)
{
	struct config *cfg = xcalloc(1, sizeof *cfg);
	size_t i;

	cfg->bindings = xcalloc(config_nactions, sizeof *cfg->bindings);
	cfg->values = xcalloc(config_noptions, sizeof *cfg->values);
	for (i = 0; i < config_nactions; i++) {
		config_apply(cfg, config_ctx_name(config_actions[i].ctx),
		    config_actions[i].name, config_actions[i].keys, NULL,
		    (unsigned)i + 1);
	}
	for (i = 0; i < config_noptions; i++) {
		config_apply(cfg, config_options[i].section,
		    config_options[i].name, config_options[i].value, NULL,
		    (unsigned)i + 1);
	}
	return cfg;
}

void
config_free(struct config *cfg)
{
	size_t i;

	if (cfg == NULL)
		return;
	for (i = 0; i < config_noptions; i++)
		free(cfg->values[i].s);
	for (i = 0; i < cfg->nproblems; i++) {
		free(cfg->problems[i].file);
		free(cfg->problems[i].message);
	}
	free(cfg->problems);
	for (i = 0; i < cfg->nsources; i++) {
		free(cfg->sources[i].key);
		free(cfg->sources[i].address);
	}
	free(cfg->sources);
	free(cfg->values);
	free(cfg->bindings);
	free(cfg);
}

int
config_lookup(const struct config *cfg, enum config_ctx ctx, key_code key)
{
	size_t i, j;

	for (i = 0; i < config_nactions; i++) {
		if (config_actions[i].ctx != ctx)
			continue;
		for (j = 0; j < cfg->bindings[i].n; j++) {
			if (cfg->bindings[i].keys[j] == key)
				return (int)i;
		}
	}
	return -1;
}

size_t
config_action_keys(const struct config *cfg, size_t action, key_code *keys,
    size_t max)
{
	const struct binding *b = &cfg->bindings[action];
	size_t i;

	for (i = 0; i < b->n && i < max; i++)
		keys[i] = b->keys[i];
	return i;
}

char *
config_action_keys_text(const struct config *cfg, size_t action)
{
	const struct binding *b = &cfg->bindings[action];
	struct buf out = BUF_INIT;
	char name[KEYS_NAME_MAX];
	size_t i;

	for (i = 0; i < b->n; i++) {
		if (i != 0)
			buf_addc(&out, ' ');
		buf_adds(&out, keys_name(b->keys[i], name));
	}
	return buf_detach(&out);
}

static const struct value *
value_of(const struct config *cfg, const char *section, const char *name)
{
	int i = config_find_option(section, name);

	if (i == -1)
		fatal("internal error: no option %s.%s", section, name);
	return &cfg->values[i];
}

int
config_int(const struct config *cfg, const char *section, const char *name)
{
	return value_of(cfg, section, name)->i;
}

const char *
config_string(const struct config *cfg, const char *section, const char *name)
{
	const char *s = value_of(cfg, section, name)->s;

	return s != NULL ? s : "";
}

const struct config_color *
config_color(const struct config *cfg, const char *name)
{
	return &value_of(cfg, "colors", name)->c;
}
