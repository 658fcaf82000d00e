/*
 * lede check: integrity of the archive and its full-text index.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "archive/archive.h"
#include "cli/cli.h"
#include "util/sanitize.h"

static int cmd_check(struct cli_ctx *, int, char **);

const struct cli_cmd cli_cmd_check = {
	.name = "check",
	.args = "",
	.summary = "check the integrity of the archive and its index",
	.help =
	    "Runs SQLite's integrity check and checks that every stored body\n"
	    "decompresses to its size, the full-text index against the articles,\n"
	    "the index of articles by entity against the stored mentions, and the\n"
	    "foreign keys. Exit status 0 when all is well, 1 when a problem was\n"
	    "found (the report says what; `lede reindex` rebuilds both indexes).\n",
	.run = cmd_check,
};

static int
cmd_check(struct cli_ctx *ctx, int argc, char **argv)
{
	struct archive *ar;
	char *report = NULL, *cause = NULL;
	int rc;

	if (argc > 1)
		return cli_usage_error(&cli_cmd_check, "unexpected argument '%s'",
		    argv[1]);
	/* FTS5's own consistency check is a write statement: open read-write
	   when the file allows it, read-only (a lighter index check) when not */
	if (access(ctx->archive_path, F_OK) != 0)
		return cli_error("no archive at %s", ctx->archive_path);
	if ((ar = cli_open_archive(ctx, access(ctx->archive_path, W_OK) != 0)) == NULL)
		return 1;
	rc = archive_check(ar, &report, &cause);
	if (rc < 0) {
		cli_error("%s", cause != NULL ? cause : "check failed");
		rc = 1;
	} else {
		if (report != NULL)
			sanitize_fputs(report, stdout, SANITIZE_NEWLINES);
		if (rc == 0)
			printf("%s: ok\n", ctx->archive_path);
	}
	free(report);
	free(cause);
	archive_close(ar);
	return rc == 0 ? 0 : 1;
}
