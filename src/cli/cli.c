/*
 * The command table and the helpers every command shares. Adding a command
 * is one file (cmd-NAME.c) and one line in cli_cmds[]; `lede --help` and
 * the per-command --help are generated from the same entries, so they can
 * never disagree with what runs.
 */
#include "config.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "archive/archive.h"
#include "cli/cli.h"
#include "ingest/progress.h"
#include "util/sanitize.h"
#include "util/xalloc.h"

extern const struct cli_cmd cli_cmd_import;
extern const struct cli_cmd cli_cmd_list;
extern const struct cli_cmd cli_cmd_show;
extern const struct cli_cmd cli_cmd_search;
extern const struct cli_cmd cli_cmd_check;
extern const struct cli_cmd cli_cmd_entities;
extern const struct cli_cmd cli_cmd_timeline;
extern const struct cli_cmd cli_cmd_reindex;
extern const struct cli_cmd cli_cmd_flag;
extern const struct cli_cmd cli_cmd_flags;
extern const struct cli_cmd cli_cmd_export_flags;
extern const struct cli_cmd cli_cmd_config;

static const struct cli_cmd *const cli_cmds[] = {
	&cli_cmd_import,
	&cli_cmd_list,
	&cli_cmd_show,
	&cli_cmd_search,
	&cli_cmd_entities,
	&cli_cmd_timeline,
	&cli_cmd_check,
	&cli_cmd_reindex,
	&cli_cmd_flag,
	&cli_cmd_flags,
	&cli_cmd_export_flags,
	&cli_cmd_config,
	NULL
};

const struct cli_cmd *
cli_find(const char *name)
{
	size_t i;

	for (i = 0; cli_cmds[i] != NULL; i++) {
		if (strcmp(cli_cmds[i]->name, name) == 0)
			return cli_cmds[i];
	}
	return NULL;
}

void
cli_usage(FILE *fp)
{
	size_t i;

	fprintf(fp,
	    "Usage: lede [-a ARCHIVE] [-c CONFIG]        open the reader\n"
	    "       lede --demo                          open the reader on the demo archive\n"
	    "       lede [-a ARCHIVE] COMMAND [ARGS]     run a command\n"
	    "\n"
	    "Commands:\n");
	for (i = 0; cli_cmds[i] != NULL; i++)
		fprintf(fp, "  %-13s %s\n", cli_cmds[i]->name, cli_cmds[i]->summary);
	fprintf(fp,
	    "\n"
	    "Options:\n"
	    "  -a ARCHIVE    the archive file (default: $LEDE_ARCHIVE, else\n"
	    "                $XDG_DATA_HOME/lede/archive.db)\n"
	    "  -c CONFIG     the config file (default: $LEDE_CONFIG, else\n"
	    "                $XDG_CONFIG_HOME/lede/lede.conf)\n"
	    "  --demo        build the demo archive once and open it\n"
	    "  -h, --help    this help; `lede COMMAND --help` for one command\n"
	    "  -V, --version version of lede and the libraries it uses\n"
	    "\n"
	    "Exit status: 0 success, 1 error, 2 usage error. See lede(1).\n");
}

void
cli_cmd_usage(const struct cli_cmd *cmd, FILE *fp)
{
	fprintf(fp, "Usage: lede [-a ARCHIVE] %s %s\n%s\n", cmd->name, cmd->args,
	    cmd->summary);
	if (cmd->help != NULL && *cmd->help != '\0')
		fprintf(fp, "\n%s", cmd->help);
}

int
cli_run(const struct cli_cmd *cmd, struct cli_ctx *ctx, int argc, char **argv)
{
	int i;

	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--") == 0)
			break;
		if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
			cli_cmd_usage(cmd, stdout);
			return 0;
		}
	}
	return cmd->run(ctx, argc, argv);
}

static void verror(const char *, va_list) __attribute__((format(printf, 1, 0)));

static void
verror(const char *fmt, va_list ap)
{
	char *msg = xvasprintf(fmt, ap);

	fputs("lede: ", stderr);
	sanitize_fputs(msg, stderr, 0);
	fputc('\n', stderr);
	free(msg);
}

int
cli_error(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	verror(fmt, ap);
	va_end(ap);
	return 1;
}

int
cli_usage_error(const struct cli_cmd *cmd, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	verror(fmt, ap);
	va_end(ap);
	fprintf(stderr, "Try 'lede %s --help'.\n", cmd->name);
	return 2;
}

void
cli_problem(const char *where, const char *message, void *arg)
{
	(void)arg;
	cli_error("%s: %s", where, message);
}

int
cli_parse_limit(const char *s, long long *limit)
{
	char *end;
	long long v;

	errno = 0;
	v = strtoll(s, &end, 10);
	if (errno != 0 || end == s || *end != '\0' || v < 0)
		return -1;
	*limit = v;
	return 0;
}

struct archive *
cli_open_archive(struct cli_ctx *ctx, int readonly)
{
	struct archive *ar;
	char *cause = NULL;

	archive_set_migrate_progress(progress_migration, NULL);
	ar = archive_open(ctx->archive_path, readonly ? ARCHIVE_READONLY : 0,
	    &cause);
	if (ar == NULL) {
		cli_error("%s", cause != NULL ? cause : "cannot open the archive");
		free(cause);
	}
	return ar;
}

long long
cli_parse_id(const char *s)
{
	char *end;
	long long v;

	errno = 0;
	v = strtoll(s, &end, 10);
	if (errno != 0 || end == s || *end != '\0' || v <= 0)
		return -1;
	return v;
}
