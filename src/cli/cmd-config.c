/*
 * lede config check [FILE] | defaults: validate a lede.conf the way the
 * reader reads it (every problem as FILE:LINE: message on stderr, exit 1
 * if there was any), or print the complete default configuration, which
 * is what share/lede.conf holds.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "config/config.h"
#include "util/sanitize.h"
#include "util/xalloc.h"

static int cmd_config(struct cli_ctx *, int, char **);

const struct cli_cmd cli_cmd_config = {
	.name = "config",
	.args = "check [FILE] | defaults",
	.summary = "validate a config file, or print the defaults",
	.help =
	    "  check [FILE]  report every problem in FILE (default: -c, else\n"
	    "                $LEDE_CONFIG, else $XDG_CONFIG_HOME/lede/lede.conf)\n"
	    "                as FILE:LINE: message; exit 1 if there is any\n"
	    "  defaults      print the complete default configuration\n",
	.run = cmd_config,
};

static int
config_check(struct cli_ctx *ctx, const char *file)
{
	const struct config_problem *p;
	struct config *cfg = config_new();
	char *path, *msg;
	size_t n, i;

	path = xstrdup(file != NULL ? file : ctx->config_path != NULL ?
	    ctx->config_path : "");
	if (*path == '\0') {
		free(path);
		path = config_default_path();
	}
	config_load(cfg, path, 1);
	p = config_problems(cfg, &n);
	for (i = 0; i < n; i++) {
		if (p[i].line != 0)
			msg = xasprintf("%s:%u: %s\n", p[i].file, p[i].line,
			    p[i].message);
		else
			msg = xasprintf("%s: %s\n", p[i].file, p[i].message);
		sanitize_fputs(msg, stderr, SANITIZE_NEWLINES);
		free(msg);
	}
	config_free(cfg);
	free(path);
	return n == 0 ? 0 : 1;
}

static int
cmd_config(struct cli_ctx *ctx, int argc, char **argv)
{
	char *text;

	if (argc < 2)
		return cli_usage_error(&cli_cmd_config, "missing subcommand");
	if (strcmp(argv[1], "check") == 0) {
		if (argc > 3)
			return cli_usage_error(&cli_cmd_config,
			    "too many arguments");
		return config_check(ctx, argc == 3 ? argv[2] : NULL);
	}
	if (strcmp(argv[1], "defaults") == 0) {
		if (argc > 2)
			return cli_usage_error(&cli_cmd_config,
			    "too many arguments");
		text = config_defaults_text();
		fputs(text, stdout);
		free(text);
		return fflush(stdout) == 0 ? 0 : 1;
	}
	return cli_usage_error(&cli_cmd_config, "unknown subcommand '%s'",
	    argv[1]);
}
