/*
 * lede list: the archive's articles, newest first, with filters.
 */
#include "config.h"

#include <getopt.h>
#include <stdlib.h>

#include "archive/archive.h"
#include "cli/cli.h"
#include "cli/listing.h"

static int cmd_list(struct cli_ctx *, int, char **);

const struct cli_cmd cli_cmd_list = {
	.name = "list",
	.args = "[--json] [--limit N] [--since DATE] [--until DATE] [--source NAME] [--entity NAME] [--oldest] [--unread]",
	.summary = "list articles, newest first",
	.help =
	    "  --json          one JSON array: id title source author published url\n"
	    "  --limit N       at most N articles (default 50; 0 for all)\n"
	    "  --since DATE    published on or after DATE (2025, 2025-03 or 2025-03-09)\n"
	    "  --until DATE    published on or before DATE\n"
	    "  --source NAME   only articles from this source\n"
	    "  --entity NAME   only articles that mention this person, org or place\n"
	    "  --oldest        oldest first\n"
	    "  --unread        only unread articles\n",
	.run = cmd_list,
};

static int
cmd_list(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "json", no_argument, NULL, 'j' },
		{ "limit", required_argument, NULL, 'n' },
		{ "since", required_argument, NULL, 's' },
		{ "until", required_argument, NULL, 'u' },
		{ "source", required_argument, NULL, 'S' },
		{ "entity", required_argument, NULL, 'e' },
		{ "oldest", no_argument, NULL, 'o' },
		{ "unread", no_argument, NULL, 'U' },
		{ NULL, 0, NULL, 0 }
	};
	struct archive_filter f = { .order = ARCHIVE_NEWEST };
	struct archive *ar;
	long long limit = 50;
	int ch, json = 0, rc;

	optind = 0;
	while ((ch = getopt_long(argc, argv, "+", opts, NULL)) != -1) {
		switch (ch) {
		case 'j':
			json = 1;
			break;
		case 'n':
			if (cli_parse_limit(optarg, &limit) != 0)
				return cli_usage_error(&cli_cmd_list,
				    "--limit takes a number (0 for all)");
			break;
		case 's':
		case 'u':
			if (listing_valid_date(optarg) != 0)
				return cli_usage_error(&cli_cmd_list,
				    "'%s' is not a date like 2025, 2025-03 or 2025-03-09",
				    optarg);
			if (ch == 's')
				f.since = optarg;
			else
				f.until = optarg;
			break;
		case 'S':
			f.source = optarg;
			break;
		case 'e':
			f.entity = optarg;
			break;
		case 'o':
			f.order = ARCHIVE_OLDEST;
			break;
		case 'U':
			f.unread_only = 1;
			break;
		default:
			return cli_usage_error(&cli_cmd_list, "unknown option");
		}
	}
	if (optind < argc)
		return cli_usage_error(&cli_cmd_list, "unexpected argument '%s'",
		    argv[optind]);
	if ((ar = cli_open_archive(ctx, 1)) == NULL)
		return 1;
	rc = listing_print(ar, &f, (size_t)limit, json, 0);
	archive_close(ar);
	return rc;
}
