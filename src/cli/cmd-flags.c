/*
 * lede flags: list the correction flags of the archive, one line each
 * (id, status, article, date, the quoted passage, the note) or as JSON.
 * A flag whose passage is no longer in the current version of its
 * article is marked "not found" (and "found": false in JSON).
 */
#include "config.h"

#include <json-c/json.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "archive/archive.h"
#include "archive/flags.h"
#include "cli/cli.h"
#include "cli/output.h"
#include "flag/export.h"
#include "util/buf.h"
#include "util/sanitize.h"
#include "util/utf8.h"

static int cmd_flags(struct cli_ctx *, int, char **);

const struct cli_cmd cli_cmd_flags = {
	.name = "flags",
	.args = "[--json] [--status S] [--source NAME] [--article ID] "
	    "[--not-found]",
	.summary = "list correction flags",
	.help =
	    "  --json          one JSON array: id article_id exact prefix "
	    "suffix start end\n"
	    "                  note status created found\n"
	    "  --status S      only flags that are open, sent or resolved\n"
	    "  --source NAME   only flags on articles from this source\n"
	    "  --article ID    only flags on this article\n"
	    "  --not-found     only flags whose passage is no longer in the "
	    "article\n"
	    "Offsets are UTF-8 byte offsets into the article body (into the "
	    "version\nthe passage was last found in when found is false). "
	    "Change a flag with\nlede flag --edit, export with lede "
	    "export-flags.\n",
	.run = cmd_flags,
};

static struct json_object *
flag_json(const struct flag *f)
{
	struct json_object *o = json_object_new_object();

	json_object_object_add(o, "id", json_object_new_int64(f->id));
	json_object_object_add(o, "article_id",
	    json_object_new_int64(f->article_id));
	json_object_object_add(o, "exact", output_jstr(f->exact));
	json_object_object_add(o, "prefix", output_jstr(f->prefix));
	json_object_object_add(o, "suffix", output_jstr(f->suffix));
	json_object_object_add(o, "start",
	    json_object_new_int64((int64_t)f->start));
	json_object_object_add(o, "end", json_object_new_int64((int64_t)f->end));
	json_object_object_add(o, "note", output_jstr(f->note));
	json_object_object_add(o, "status",
	    output_jstr(flag_status_name(f->status)));
	json_object_object_add(o, "created", output_jstr(f->created));
	json_object_object_add(o, "found", json_object_new_boolean(f->found));
	return o;
}

/* s on one line, display-safe, cut to width columns. Caller frees. */
static char *
cell(const char *s, size_t width)
{
	char *safe = sanitize_display(s, strlen(s), 0), *cut;

	cut = utf8_cut(safe, width, 0);
	free(safe);
	return cut;
}

static void
flag_plain(const struct flag *f, int width)
{
	struct buf b = BUF_INIT;
	char *line, *date;
	size_t rest;

	date = cell(f->published != NULL ? f->published : "", 10);
	buf_printf(&b, "%5lld  %-8s %7lld  %-10s  ", (long long)f->id,
	    flag_status_name(f->status), (long long)f->article_id, date);
	free(date);
	if (!f->found)
		buf_adds(&b, "[not found] ");
	buf_printf(&b, "\"%s\"", f->exact);
	if (*f->note != '\0')
		buf_printf(&b, " \xe2\x80\x94 %s", f->note);	/* em dash */
	rest = width > 0 ? (size_t)width : 100;
	line = cell(b.data, rest);
	puts(line);
	free(line);
	buf_release(&b);
}

struct list_args {
	int		 json;
	struct flag_filter flt;
};

static int
parse(int argc, char **argv, struct list_args *la)
{
	const char *a;
	long long id;
	int i;

	memset(la, 0, sizeof *la);
	la->flt.status = -1;
	for (i = 1; i < argc; i++) {
		a = argv[i];
		if (strcmp(a, "--json") == 0)
			la->json = 1;
		else if (strcmp(a, "--not-found") == 0)
			la->flt.lost_only = 1;
		else if ((strcmp(a, "--status") == 0 ||
		    strcmp(a, "--source") == 0 || strcmp(a, "--article") == 0) &&
		    i + 1 >= argc)
			return cli_usage_error(&cli_cmd_flags, "%s needs a value",
			    a);
		else if (strcmp(a, "--status") == 0) {
			if ((la->flt.status = flag_status_parse(argv[++i])) < 0)
				return cli_usage_error(&cli_cmd_flags, "unknown "
				    "status '%s' (open, sent or resolved)",
				    argv[i]);
		} else if (strcmp(a, "--source") == 0)
			la->flt.source = argv[++i];
		else if (strcmp(a, "--article") == 0) {
			if ((id = cli_parse_id(argv[++i])) == -1)
				return cli_usage_error(&cli_cmd_flags, "'%s' is "
				    "not an article id", argv[i]);
			la->flt.article_id = id;
		} else
			return cli_usage_error(&cli_cmd_flags, "unexpected "
			    "argument '%s'", a);
	}
	return 0;
}

struct out {
	int	 width;
	int	 json;
	size_t	 n;
};

/* One array element, indented like output_json()'s arrays. */
static void
print_json(const struct flag *f, size_t index)
{
	struct json_object *o = flag_json(f);
	struct buf b = BUF_INIT;
	const char *p;

	/* Also escape what a terminal might obey (C1, bidi). */
	flag_json_escape(&b, output_json_text(o));
	fputs(index == 0 ? "[\n  " : ",\n  ", stdout);
	for (p = buf_str(&b); *p != '\0'; p++) {
		putchar(*p);
		if (*p == '\n')
			fputs("  ", stdout);
	}
	buf_release(&b);
	json_object_put(o);
}

/* Streamed, so a listing of any size runs in bounded memory. */
static int
each(const struct flag *f, void *arg)
{
	struct out *o = arg;

	if (o->json)
		print_json(f, o->n);
	else
		flag_plain(f, o->width);
	o->n++;
	return 0;
}

static int
cmd_flags(struct cli_ctx *ctx, int argc, char **argv)
{
	struct list_args la;
	struct archive *ar;
	struct out o;
	char *cause = NULL;
	int rc;

	if ((rc = parse(argc, argv, &la)) != 0)
		return rc;
	if ((ar = cli_open_archive(ctx, 1)) == NULL)
		return 1;
	o.width = output_width();
	o.json = la.json;
	o.n = 0;
	la.flt.order = FLAG_LIST_BY_ID;
	if (archive_flags_foreach(ar, &la.flt, each, &o, &cause) != 0) {
		rc = cli_error("%s", cause != NULL ? cause : "cannot list flags");
		free(cause);
	}
	/* A failed walk still ends the array it began. */
	if (o.json)
		fputs(o.n == 0 ? "[]\n" : "\n]\n", stdout);
	archive_close(ar);
	return rc;
}
