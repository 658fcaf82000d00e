/*
 * lede: argument parsing and dispatch, nothing else. Global options come
 * before the command; everything after the command name belongs to it.
 */
#include "config.h"

#include <getopt.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "archive/archive.h"
#include "cli/cli.h"
#include "tui/tui.h"
#include "util/xalloc.h"

static int
open_reader(struct cli_ctx *ctx)
{
	char *cause = NULL;

	if (tui_run(ctx->archive_path, ctx->config_path, &cause) != 0) {
		cli_error("%s", cause != NULL ? cause : "the reader failed");
		free(cause);
		return 1;
	}
	return 0;
}

int
main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "archive", required_argument, NULL, 'a' },
		{ "config", required_argument, NULL, 'c' },
		{ "demo", no_argument, NULL, 'D' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	struct cli_ctx ctx = { .prog = "lede" };
	const struct cli_cmd *cmd;
	char *default_path = NULL;
	int ch, demo = 0, rc;

	setlocale(LC_ALL, "");
	while ((ch = getopt_long(argc, argv, "+a:c:hV", longopts, NULL)) != -1) {
		switch (ch) {
		case 'a':
			ctx.archive_path = optarg;
			break;
		case 'c':
			ctx.config_path = optarg;
			break;
		case 'D':
			demo = 1;
			break;
		case 'h':
			cli_usage(stdout);
			return 0;
		case 'V':
			cli_version(stdout);
			return 0;
		default:
			fprintf(stderr, "Try 'lede --help'.\n");
			return 2;
		}
	}
	if (ctx.config_path == NULL)
		ctx.config_path = getenv("LEDE_CONFIG");
	if (demo) {
		if (optind < argc) {
			fprintf(stderr, "lede: --demo takes no command\n");
			return 2;
		}
		return cli_demo(&ctx);
	}
	if (ctx.archive_path == NULL)
		ctx.archive_path = default_path = archive_default_path();
	if (optind >= argc) {
		rc = open_reader(&ctx);
	} else if ((cmd = cli_find(argv[optind])) == NULL) {
		cli_error("unknown command '%s'", argv[optind]);
		fprintf(stderr, "Try 'lede --help'.\n");
		rc = 2;
	} else
		rc = cli_run(cmd, &ctx, argc - optind, argv + optind);
	free(default_path);
	return rc;
}
