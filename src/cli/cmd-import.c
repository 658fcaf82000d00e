/*
 * lede import PATH...: files, directories and "-" into the archive, with a
 * progress bar on a terminal and a summary at the end.
 */
#include "config.h"

#include <getopt.h>
#include <json-c/json.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "archive/archive.h"
#include "cli/cli.h"
#include "cli/output.h"
#include "ingest/ingest.h"

static int cmd_import(struct cli_ctx *, int, char **);

const struct cli_cmd cli_cmd_import = {
	.name = "import",
	.args = "[--quiet] [--json] [--no-extract] [--batch N] PATH...",
	.summary = "import files, directories (recursively) or - for stdin",
	.help =
	    "Formats are detected from content: plain text, RSS 2.0, Atom, saved\n"
	    "HTML pages, JSON Lines and newsboat cache.db files. Importing the\n"
	    "same article again adds nothing; a changed one becomes a new revision.\n"
	    "\n"
	    "  --quiet        no progress bar and no summary\n"
	    "  --json         print the summary as a JSON object\n"
	    "  --no-extract   skip finding names and dates (lede reindex adds them)\n"
	    "  --batch N      articles per transaction (default 1000)\n"
	    "\n"
	    "Problems are reported as 'lede: PATH[:LINE]: message' and the rest of\n"
	    "the input is kept. Exit status 1 when anything could not be imported.\n",
	.run = cmd_import,
};

static void
summary(const struct ingest_stats *st, int json)
{
	struct json_object *o;

	if (json) {
		o = json_object_new_object();
		json_object_object_add(o, "files", json_object_new_int64((int64_t)st->files));
		json_object_object_add(o, "imported", json_object_new_int64((int64_t)st->inserted));
		json_object_object_add(o, "updated", json_object_new_int64((int64_t)st->updated));
		json_object_object_add(o, "unchanged", json_object_new_int64((int64_t)st->unchanged));
		json_object_object_add(o, "failed", json_object_new_int64((int64_t)st->failed));
		json_object_object_add(o, "replaced", json_object_new_int64((int64_t)st->replaced));
		json_object_object_add(o, "interrupted", json_object_new_boolean(st->interrupted));
		output_json(stdout, o);
		return;
	}
	printf("%zu imported, %zu updated, %zu unchanged, %zu failed (%zu file%s read",
	    st->inserted, st->updated, st->unchanged, st->failed, st->files,
	    st->files == 1 ? "" : "s");
	if (st->replaced > 0)
		printf(", %zu invalid UTF-8 sequence%s replaced", st->replaced,
		    st->replaced == 1 ? "" : "s");
	printf(")%s\n", st->interrupted ? "; interrupted" : "");
}

static int
cmd_import(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "quiet", no_argument, NULL, 'q' },
		{ "json", no_argument, NULL, 'j' },
		{ "no-extract", no_argument, NULL, 'E' },
		{ "batch", required_argument, NULL, 'b' },
		{ NULL, 0, NULL, 0 }
	};
	struct ingest_opts io = { .extract = 1, .problem = cli_problem };
	struct ingest_stats st;
	struct archive *ar;
	char *cause = NULL;
	int ch, quiet = 0, json = 0, rc;
	long long n;

	optind = 0;
	while ((ch = getopt_long(argc, argv, "+qj", opts, NULL)) != -1) {
		switch (ch) {
		case 'q':
			quiet = 1;
			break;
		case 'j':
			json = 1;
			break;
		case 'E':
			io.extract = 0;
			break;
		case 'b':
			if ((n = cli_parse_id(optarg)) < 1 || n > 1000000)
				return cli_usage_error(&cli_cmd_import,
				    "--batch takes a number from 1 to 1000000");
			io.batch = (size_t)n;
			break;
		default:
			return cli_usage_error(&cli_cmd_import, "unknown option");
		}
	}
	if (optind >= argc)
		return cli_usage_error(&cli_cmd_import, "nothing to import");
	if ((ar = cli_open_archive(ctx, 0)) == NULL)
		return 1;
	io.progress = !quiet && !json && isatty(STDERR_FILENO);
	rc = ingest_run(ar, argv + optind, (size_t)(argc - optind), &io, &st,
	    &cause);
	if (rc < 0) {
		cli_error("import stopped: %s (batches committed before this "
		    "are kept; run the import again to finish)",
		    cause != NULL ? cause : "archive error");
		free(cause);
	}
	if (!quiet)
		summary(&st, json);
	archive_close(ar);
	return rc == 0 ? 0 : 1;
}
