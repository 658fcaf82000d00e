/*
 * lede search QUERY: full-text search in lede's query syntax. Options come
 * first; every later word is part of the query, so "-word" (exclusion)
 * needs no "--".
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "archive/archive.h"
#include "cli/cli.h"
#include "cli/listing.h"
#include "util/buf.h"

static int cmd_search(struct cli_ctx *, int, char **);

const struct cli_cmd cli_cmd_search = {
	.name = "search",
	.args = "[--json] [--limit N] [--rank] QUERY...",
	.summary = "full-text search, newest first (or by relevance)",
	.help =
	    "  --json        one JSON array: id title source author published url snippet\n"
	    "  --limit N     at most N results (default 20; 0 for all)\n"
	    "  --rank        order by relevance instead of date\n"
	    "\n"
	    "Query syntax:\n"
	    "  word word     all words must match; English inflections match\n"
	    "                (protest finds protesters); Arabic ignores vowel marks,\n"
	    "                tatweel and alef/hamza/ya forms\n"
	    "  \"a phrase\"    the words in this order\n"
	    "  a OR b        either\n"
	    "  -word         without this word\n"
	    "  pre*          words starting with pre\n"
	    "  title:word author:name source:name   match in one field\n"
	    "  date:2025-01..2025-03  date:2025-03  date:..2024   published in a range\n"
	    "Options must come before the query; anything after is the query.\n",
	.run = cmd_search,
};

static int
cmd_search(struct cli_ctx *ctx, int argc, char **argv)
{
	struct archive_filter f = { .order = ARCHIVE_NEWEST };
	struct buf q = BUF_INIT;
	struct archive *ar;
	long long limit = 20;
	int i, json = 0, rc;

	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--json") == 0)
			json = 1;
		else if (strcmp(argv[i], "--rank") == 0)
			f.order = ARCHIVE_RELEVANCE;
		else if (strcmp(argv[i], "--limit") == 0 && i + 1 < argc) {
			if (cli_parse_limit(argv[++i], &limit) != 0)
				return cli_usage_error(&cli_cmd_search,
				    "--limit takes a number (0 for all)");
		} else if (strcmp(argv[i], "--") == 0) {
			i++;
			break;
		} else
			break;
	}
	for (; i < argc; i++) {
		if (q.len > 0)
			buf_addc(&q, ' ');
		buf_adds(&q, argv[i]);
	}
	if (q.len == 0)
		return cli_usage_error(&cli_cmd_search, "no query given");
	f.query = buf_str(&q);
	if ((ar = cli_open_archive(ctx, 1)) == NULL) {
		buf_release(&q);
		return 1;
	}
	rc = listing_print(ar, &f, (size_t)limit, json, 1);
	archive_close(ar);
	buf_release(&q);
	return rc;
}
