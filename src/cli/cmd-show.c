/*
 * lede show ID: one article, header and body, or as JSON.
 */
#include "config.h"

#include <json-c/json.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "archive/archive.h"
#include "cli/cli.h"
#include "cli/output.h"
#include "util/article.h"
#include "util/sanitize.h"

static int cmd_show(struct cli_ctx *, int, char **);

const struct cli_cmd cli_cmd_show = {
	.name = "show",
	.args = "[--json] ID",
	.summary = "print one article",
	.help =
	    "  --json   one JSON object: id title source author published url\n"
	    "           language caption body\n",
	.run = cmd_show,
};

static void
field(const char *name, const char *value)
{
	if (value == NULL || *value == '\0')
		return;
	printf("%-10s", name);
	sanitize_fputs(value, stdout, 0);
	putchar('\n');
}

static void
show_plain(const struct article *a)
{
	field("Title:", a->title);
	field("Source:", a->source);
	field("Author:", a->author);
	field("Date:", a->published);
	field("URL:", a->url);
	field("Language:", a->language);
	field("Caption:", a->caption);
	putchar('\n');
	if (a->body != NULL)
		sanitize_fputs(a->body, stdout, SANITIZE_NEWLINES | SANITIZE_TABS);
	putchar('\n');
}

static void
show_json(const struct article *a)
{
	struct json_object *o = json_object_new_object();

	json_object_object_add(o, "id", json_object_new_int64(a->id));
	json_object_object_add(o, "title", output_jstr(a->title));
	json_object_object_add(o, "source", output_jstr(a->source));
	json_object_object_add(o, "author", output_jstr(a->author));
	json_object_object_add(o, "published", output_jstr(a->published));
	json_object_object_add(o, "url", output_jstr(a->url));
	json_object_object_add(o, "language", output_jstr(a->language));
	json_object_object_add(o, "caption", output_jstr(a->caption));
	json_object_object_add(o, "body", output_jstr(a->body));
	output_json(stdout, o);
}

static int
cmd_show(struct cli_ctx *ctx, int argc, char **argv)
{
	struct archive *ar;
	struct article *a;
	char *cause = NULL;
	long long id = -1;
	int i, json = 0, rc = 0;

	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--json") == 0)
			json = 1;
		else if (id != -1)
			return cli_usage_error(&cli_cmd_show,
			    "unexpected argument '%s'", argv[i]);
		else if ((id = cli_parse_id(argv[i])) == -1)
			return cli_usage_error(&cli_cmd_show,
			    "'%s' is not an article id", argv[i]);
	}
	if (id == -1)
		return cli_usage_error(&cli_cmd_show, "which article? (an id from lede list)");
	if ((ar = cli_open_archive(ctx, 1)) == NULL)
		return 1;
	if ((a = archive_get(ar, id, &cause)) == NULL) {
		rc = cli_error("%s", cause != NULL ? cause : "no such article");
		free(cause);
	} else {
		if (json)
			show_json(a);
		else
			show_plain(a);
		article_free(a);
	}
	archive_close(ar);
	return rc;
}
