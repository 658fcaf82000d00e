/*
 * lede reindex: find names and dates again in every article.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "archive/archive.h"
#include "cli/cli.h"
#include "ingest/ingest.h"

static int cmd_reindex(struct cli_ctx *, int, char **);

const struct cli_cmd cli_cmd_reindex = {
	.name = "reindex",
	.args = "",
	.summary = "re-run extraction (entities, dates) over the archive",
	.help =
	    "Run after upgrading lede or its entity model: every article's people,\n"
	    "organisations, places and dates are found again. The text is not\n"
	    "changed; the full-text index and the index of articles by entity are\n"
	    "rebuilt first, which cures what `lede check` finds wrong with them.\n"
	    "A progress bar shows on a terminal.\n",
	.run = cmd_reindex,
};

static int
cmd_reindex(struct cli_ctx *ctx, int argc, char **argv)
{
	struct ingest_opts io = { .extract = 1, .problem = cli_problem };
	struct archive *ar;
	char *cause = NULL;
	size_t done = 0;
	int rc = 0;

	if (argc > 1)
		return cli_usage_error(&cli_cmd_reindex, "unexpected argument '%s'",
		    argv[1]);
	if ((ar = cli_open_archive(ctx, 0)) == NULL)
		return 1;
	io.progress = isatty(STDERR_FILENO);
	if (ingest_reindex(ar, &io, &done, &cause) != 0) {
		rc = cli_error("reindex stopped after %zu articles: %s", done,
		    cause != NULL ? cause : "archive error");
		free(cause);
	} else
		printf("%zu articles reindexed\n", done);
	archive_close(ar);
	return rc;
}
