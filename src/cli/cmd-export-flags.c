/*
 * lede export-flags: the correction flags as W3C Web Annotations (json),
 * a spreadsheet (csv) or messages for the outlets' corrections desks
 * (email: an mbox, a directory of .eml files, or sent through the user's
 * mail command). The work is flag_export()'s; this file reads the options
 * and reports.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "archive/archive.h"
#include "archive/flags.h"
#include "cli/cli.h"
#include "config/config.h"
#include "flag/export.h"
#include "util/sanitize.h"
#include "util/xalloc.h"

static int cmd_export_flags(struct cli_ctx *, int, char **);

const struct cli_cmd cli_cmd_export_flags = {
	.name = "export-flags",
	.args = "--format json|csv|email [-o FILE | --dir DIR] [--force] "
	    "[--status S]\n"
	    "       [--source NAME] [--article ID] [--send] [--to ADDRESS] "
	    "[--from ADDRESS]",
	.summary = "export correction flags (JSON-LD, CSV, email)",
	.help =
	    "  --format json   W3C Web Annotations (JSON-LD), one per flag\n"
	    "  --format csv    RFC 4180, one row per flag\n"
	    "  --format email  one message per article for the outlet's "
	    "corrections desk,\n"
	    "                  as an mbox (to FILE or stdout) or .eml files "
	    "(--dir)\n"
	    "  -o FILE         write to FILE instead of stdout (- for stdout)\n"
	    "  --dir DIR       email: write DIR/lede-flags-ARTICLE.eml\n"
	    "  --force         replace existing files (never done otherwise)\n"
	    "  --status S      only open, sent or resolved flags, or any "
	    "(email: default open)\n"
	    "  --source NAME   only flags on articles from this source\n"
	    "  --article ID    only flags on this article\n"
	    "  --send          email: give each message to the send-command of "
	    "lede.conf's\n"
	    "                  [export] (or $LEDE_SEND_COMMAND), e.g. "
	    "\"sendmail -t -i\": split on\n"
	    "                  blanks, run without a shell, the message on its "
	    "stdin; the flags\n"
	    "                  of a sent message become sent\n"
	    "  --to ADDRESS    email: To: for every message (default: the "
	    "source's address in\n"
	    "                  lede.conf's [sources], else the one the archive "
	    "knows; a message\n"
	    "                  without one is not sent)\n"
	    "  --from ADDRESS  email: From: (default: [export] from, $EMAIL, "
	    "$USER@localhost)\n",
	.run = cmd_export_flags,
};

static const char *const valued[] = {
	"--format", "-o", "--output", "--dir", "--status", "--source",
	"--article", "--to", "--from",
};

/* Index in valued[] of an option that takes a value, or -1. */
static int
valued_option(const char *a)
{
	size_t i;

	for (i = 0; i < sizeof valued / sizeof valued[0]; i++) {
		if (strcmp(a, valued[i]) == 0)
			return (int)i;
	}
	return -1;
}

static int
set(struct flag_export_req *req, const char *opt, const char *v,
    int *status_given)
{
	int f;
	long long id;

	if (strcmp(opt, "--format") == 0) {
		if ((f = flag_format_parse(v)) < 0)
			return cli_usage_error(&cli_cmd_export_flags, "unknown "
			    "format '%s' (json, csv or email)", v);
		req->format = (enum flag_format)f;
	} else if (strcmp(opt, "-o") == 0 || strcmp(opt, "--output") == 0)
		req->path = strcmp(v, "-") == 0 ? NULL : v;
	else if (strcmp(opt, "--dir") == 0)
		req->dir = v;
	else if (strcmp(opt, "--status") == 0) {
		*status_given = 1;
		if (strcmp(v, "any") == 0)
			req->filter.status = -1;
		else if ((req->filter.status = flag_status_parse(v)) < 0)
			return cli_usage_error(&cli_cmd_export_flags, "unknown "
			    "status '%s' (open, sent, resolved or any)", v);
	} else if (strcmp(opt, "--source") == 0)
		req->filter.source = v;
	else if (strcmp(opt, "--article") == 0) {
		if ((id = cli_parse_id(v)) == -1)
			return cli_usage_error(&cli_cmd_export_flags, "'%s' is "
			    "not an article id", v);
		req->filter.article_id = id;
	} else if (strcmp(opt, "--to") == 0)
		req->to = v;
	else if (strcmp(opt, "--from") == 0)
		req->from = v;
	return 0;
}

static int
parse(int argc, char **argv, struct flag_export_req *req)
{
	int i, rc, format = 0, status_given = 0;

	memset(req, 0, sizeof *req);
	req->filter.status = -1;
	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--force") == 0)
			req->force = 1;
		else if (strcmp(argv[i], "--send") == 0)
			req->send = 1;
		else if (valued_option(argv[i]) < 0)
			return cli_usage_error(&cli_cmd_export_flags,
			    "unexpected argument '%s'", argv[i]);
		else if (i + 1 >= argc)
			return cli_usage_error(&cli_cmd_export_flags,
			    "%s needs a value", argv[i]);
		else {
			format |= strcmp(argv[i], "--format") == 0;
			if ((rc = set(req, argv[i], argv[i + 1],
			    &status_given)) != 0)
				return rc;
			i++;
		}
	}
	if (!format)
		return cli_usage_error(&cli_cmd_export_flags, "which format? "
		    "(--format json, csv or email)");
	if (req->format != FLAG_FORMAT_EMAIL && (req->dir != NULL ||
	    req->send || req->to != NULL || req->from != NULL))
		return cli_usage_error(&cli_cmd_export_flags, "--dir, --send, "
		    "--to and --from are for --format email");
	if (req->dir != NULL && req->path != NULL)
		return cli_usage_error(&cli_cmd_export_flags, "-o or --dir, not "
		    "both");
	if (req->format == FLAG_FORMAT_EMAIL && !status_given)
		req->filter.status = FLAG_OPEN;
	return 0;
}

/*
 * The configuration's part in an e-mail export: [sources], [export]
 * send-command and from. Problems in the file are reported and the good
 * lines still apply, as everywhere.
 */
static struct config *
load_config(struct cli_ctx *ctx, struct flag_export_req *req)
{
	const struct config_problem *p;
	struct config *cfg = config_new();
	char *path = ctx->config_path != NULL ? xstrdup(ctx->config_path) :
	    config_default_path();
	const char *v;
	size_t n, i;

	config_load(cfg, path, ctx->config_path != NULL);
	for (p = config_problems(cfg, &n), i = 0; i < n; i++) {
		fputs("lede: ", stderr);
		sanitize_fputs(p[i].file, stderr, 0);
		if (p[i].line > 0)
			fprintf(stderr, ":%u", p[i].line);
		fputs(": ", stderr);
		sanitize_fputs(p[i].message, stderr, 0);
		fputc('\n', stderr);
	}
	free(path);
	req->corrections_for = config_source_address;
	req->corrections_arg = cfg;
	if (req->from == NULL && *(v = config_string(cfg, "export", "from")) !=
	    '\0')
		req->from = v;
	req->send_command = config_send_command(cfg);
	return cfg;
}

static void
report(const struct flag_export_req *req, const struct flag_export_stats *st)
{
	const char *where = req->path != NULL ? req->path : req->dir;

	if (where != NULL) {
		if (req->format == FLAG_FORMAT_EMAIL)
			fprintf(stderr, "%zu flag%s in %zu message%s written to ",
			    st->flags, st->flags == 1 ? "" : "s", st->messages,
			    st->messages == 1 ? "" : "s");
		else
			fprintf(stderr, "%zu flag%s written to ", st->flags,
			    st->flags == 1 ? "" : "s");
		sanitize_fputs(where, stderr, 0);
		fputc('\n', stderr);
	}
	if (req->send)
		fprintf(stderr, "%zu of %zu message%s sent; %zu flag%s marked "
		    "sent\n", st->sent, st->messages,
		    st->messages == 1 ? "" : "s", st->marked,
		    st->marked == 1 ? "" : "s");
}

static int
cmd_export_flags(struct cli_ctx *ctx, int argc, char **argv)
{
	struct flag_export_req req;
	struct flag_export_stats st;
	struct archive *ar;
	struct config *cfg = NULL;
	char *cause = NULL;
	int rc;

	if ((rc = parse(argc, argv, &req)) != 0)
		return rc;
	if (req.format == FLAG_FORMAT_EMAIL) {
		cfg = load_config(ctx, &req);
		if (req.send && strspn(req.send_command, " \t") ==
		    strlen(req.send_command)) {
			config_free(cfg);
			return cli_error("--send needs a mail command: set "
			    "send-command in [export] of lede.conf (or "
			    "LEDE_SEND_COMMAND), e.g. \"sendmail -t -i\"");
		}
	}
	if ((ar = cli_open_archive(ctx, !req.send)) == NULL) {
		config_free(cfg);
		return 1;
	}
	req.out = stdout;
	req.display = req.path == NULL && req.dir == NULL &&
	    isatty(STDOUT_FILENO);
	if (flag_export(ar, &req, &st, &cause) != 0) {
		rc = cli_error("%s", cause != NULL ? cause : "export failed");
		free(cause);
	} else {
		report(&req, &st);
		if (req.send && st.no_address > 0)
			rc = cli_error("%zu message%s not sent: no corrections "
			    "address for the source (give one with --to)",
			    st.no_address, st.no_address == 1 ? "" : "s");
	}
	archive_close(ar);
	config_free(cfg);
	return rc;
}
