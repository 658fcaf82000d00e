/*
 * lede flag: mark a passage of an article for correction, and change or
 * delete a flag afterwards.
 *
 *   lede flag ID --quote TEXT [--nth N] [--note TEXT]
 *   lede flag --edit FLAGID [--status open|sent|resolved] [--note TEXT]
 *   lede flag --delete FLAGID
 *
 * Creating prints the new flag's id alone on stdout, for scripts.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "archive/archive.h"
#include "cli/cli.h"
#include "flag/flag.h"

static int cmd_flag(struct cli_ctx *, int, char **);

const struct cli_cmd cli_cmd_flag = {
	.name = "flag",
	.args = "ID --quote TEXT [--nth N] [--note TEXT]\n"
	    "       lede flag --edit FLAGID [--status STATUS] [--note TEXT]\n"
	    "       lede flag --delete FLAGID",
	.summary = "flag a passage for correction; change or delete a flag",
	.help =
	    "  ID              the article (an id from lede list)\n"
	    "  --quote TEXT    the passage, exactly as in the article\n"
	    "  --nth N         which occurrence, when the quote occurs more "
	    "than once\n"
	    "  --note TEXT     why it needs correcting\n"
	    "  --edit FLAGID   change a flag (ids from lede flags)\n"
	    "  --status S      open, sent or resolved\n"
	    "  --delete FLAGID delete a flag\n"
	    "Creating a flag prints its id.\n",
	.run = cmd_flag,
};

struct flag_args {
	long long	 article, edit, del;
	const char	*quote, *note, *status;
	long long	 nth;
};

/* "--name VALUE" or "--name=VALUE": 1 and *val, 0 if not this option,
   -1 when the value is missing. */
static int
optval(int argc, char **argv, int *i, const char *name, const char **val)
{
	size_t n = strlen(name);

	if (strncmp(argv[*i], name, n) != 0)
		return 0;
	if (argv[*i][n] == '=') {
		*val = argv[*i] + n + 1;
		return 1;
	}
	if (argv[*i][n] != '\0')
		return 0;
	if (*i + 1 >= argc)
		return -1;
	*val = argv[++*i];
	return 1;
}

/* An option with an id value: 1, 0, or -1 after printing the error. */
static int
idval(int argc, char **argv, int *i, const char *name, long long *id)
{
	const char *v;
	int rc = optval(argc, argv, i, name, &v);

	if (rc <= 0)
		return rc;
	if ((*id = cli_parse_id(v)) == -1)
		return -1;
	return 1;
}

static int
parse(int argc, char **argv, struct flag_args *fa)
{
	const char *v, *nth = NULL;
	int i, rc;

	memset(fa, 0, sizeof *fa);
	for (i = 1; i < argc; i++) {
		v = argv[i];
		if ((rc = optval(argc, argv, &i, "--quote", &fa->quote)) != 0 ||
		    (rc = optval(argc, argv, &i, "--note", &fa->note)) != 0 ||
		    (rc = optval(argc, argv, &i, "--status", &fa->status)) != 0 ||
		    (rc = optval(argc, argv, &i, "--nth", &nth)) != 0 ||
		    (rc = idval(argc, argv, &i, "--edit", &fa->edit)) != 0 ||
		    (rc = idval(argc, argv, &i, "--delete", &fa->del)) != 0) {
			if (rc < 0)
				return cli_usage_error(&cli_cmd_flag, "%s needs "
				    "%s", v, strncmp(v, "--edit", 6) == 0 ||
				    strncmp(v, "--delete", 8) == 0 ?
				    "a flag id" : "a value");
			continue;
		}
		if (*v == '-' && v[1] != '\0')
			return cli_usage_error(&cli_cmd_flag,
			    "unknown option '%s'", v);
		if (fa->article != 0)
			return cli_usage_error(&cli_cmd_flag,
			    "unexpected argument '%s'", v);
		if ((fa->article = cli_parse_id(v)) == -1)
			return cli_usage_error(&cli_cmd_flag,
			    "'%s' is not an article id", v);
	}
	if (nth != NULL && ((fa->nth = cli_parse_id(nth)) == -1 ||
	    fa->nth > 1000000))
		return cli_usage_error(&cli_cmd_flag, "--nth needs a number "
		    "from 1");
	if ((fa->edit != 0) + (fa->del != 0) + (fa->article != 0) != 1)
		return cli_usage_error(&cli_cmd_flag, "give an article id, "
		    "--edit FLAGID or --delete FLAGID");
	if (fa->article != 0 && (fa->quote == NULL || fa->status != NULL))
		return cli_usage_error(&cli_cmd_flag, fa->quote == NULL ?
		    "which passage? (--quote TEXT)" :
		    "a new flag is open; change its status with --edit");
	if (fa->article == 0 && (fa->quote != NULL || nth != NULL))
		return cli_usage_error(&cli_cmd_flag, "--quote and --nth are "
		    "for a new flag");
	if (fa->del != 0 && (fa->note != NULL || fa->status != NULL))
		return cli_usage_error(&cli_cmd_flag, "--delete takes no other "
		    "option");
	if (fa->edit != 0 && fa->note == NULL && fa->status == NULL)
		return cli_usage_error(&cli_cmd_flag, "--edit needs --status "
		    "or --note");
	if (fa->status != NULL && flag_status_parse(fa->status) < 0)
		return cli_usage_error(&cli_cmd_flag, "unknown status '%s' "
		    "(open, sent or resolved)", fa->status);
	return 0;
}

static int
run(struct archive *ar, const struct flag_args *fa, char **cause)
{
	int64_t id;

	if (fa->article != 0) {
		if (flag_create(ar, fa->article, fa->quote, (int)fa->nth,
		    fa->note, &id, cause) != 0)
			return -1;
		printf("%lld\n", (long long)id);
		return 0;
	}
	if (fa->del != 0)
		return flag_delete(ar, fa->del, NULL, cause);
	if (fa->status != NULL && flag_set_status(ar, fa->edit,
	    (enum flag_status)flag_status_parse(fa->status), cause) != 0)
		return -1;
	if (fa->note != NULL && flag_set_note(ar, fa->edit, fa->note,
	    cause) != 0)
		return -1;
	return 0;
}

static int
cmd_flag(struct cli_ctx *ctx, int argc, char **argv)
{
	struct flag_args fa;
	struct archive *ar;
	char *cause = NULL;
	int rc;

	if ((rc = parse(argc, argv, &fa)) != 0)
		return rc;
	/* Flagging never creates an archive. */
	if (access(ctx->archive_path, F_OK) != 0)
		return cli_error("%s: no archive there", ctx->archive_path);
	if ((ar = cli_open_archive(ctx, 0)) == NULL)
		return 1;
	rc = 0;
	if (run(ar, &fa, &cause) != 0) {
		rc = cli_error("%s", cause != NULL ? cause : "flag failed");
		free(cause);
	}
	archive_close(ar);
	return rc;
}
