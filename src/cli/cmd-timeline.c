/*
 * lede timeline [ID | --entity NAME]: the dated events of one article in
 * chronological order, or across the archive the events in sentences that
 * mention one person, organisation or place.
 */
#include "config.h"

#include <json-c/json.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "archive/archive.h"
#include "cli/cli.h"
#include "cli/output.h"
#include "util/sanitize.h"
#include "util/utf8.h"
#include "util/xalloc.h"

static int cmd_timeline(struct cli_ctx *, int, char **);

const struct cli_cmd cli_cmd_timeline = {
	.name = "timeline",
	.args = "[--json] [--limit N] [ID | --entity NAME]",
	.summary = "dates an article mentions, or the events around an entity",
	.help =
	    "Dates are normalised against the article's own date (\"January 11\" in a\n"
	    "March 2025 article is 2025-01-11) in TIMEX3 form: 2025-01-11, 2024-04,\n"
	    "2025-W10, P11D (a duration), PAST_REF. Each event keeps its sentence.\n"
	    "\n"
	    "  --json          one JSON array: article_id text value type start end\n"
	    "                  sentence (start, end: byte offsets into the body)\n"
	    "  --entity NAME   events across the archive in sentences that name NAME\n"
	    "                  (a canonical name or an alias)\n"
	    "  --limit N       at most N events (default 0: all)\n",
	.run = cmd_timeline,
};

static struct json_object *
event_json(const struct archive_event *e)
{
	struct json_object *o = json_object_new_object();

	json_object_object_add(o, "article_id", json_object_new_int64(e->article_id));
	json_object_object_add(o, "text", output_jstr(e->text));
	json_object_object_add(o, "value", output_jstr(e->value));
	json_object_object_add(o, "type", json_object_new_string(e->type));
	json_object_object_add(o, "start", json_object_new_int64((int64_t)e->start));
	json_object_object_add(o, "end", json_object_new_int64((int64_t)e->end));
	json_object_object_add(o, "sentence", output_jstr(e->sentence));
	return o;
}

static void
event_plain(const struct archive_event *e, int width)
{
	char *value = utf8_cut(e->value != NULL ? e->value : "?", 12, 1);
	char *text = sanitize_display(e->text, strlen(e->text), 0);
	char *sent = sanitize_display(e->sentence != NULL ? e->sentence : "",
	    e->sentence != NULL ? strlen(e->sentence) : 0, 0);
	char *tcut = utf8_cut(text, 22, 1);
	char *scut = utf8_cut(sent, width > 60 ? (size_t)width - 52 : 8, 0);

	printf("%s  %6lld  %-8s %s  %s\n", value, (long long)e->article_id,
	    e->type, tcut, scut);
	free(value);
	free(text);
	free(sent);
	free(tcut);
	free(scut);
}

static int
cmd_timeline(struct cli_ctx *ctx, int argc, char **argv)
{
	struct archive_event *ev = NULL;
	struct json_object *arr;
	struct archive *ar;
	const char *entity = NULL;
	char *cause = NULL;
	long long id = 0, limit = 0;
	size_t n = 0, i;
	int json = 0, rc = 0, k, width = output_width();

	for (k = 1; k < argc; k++) {
		if (strcmp(argv[k], "--json") == 0)
			json = 1;
		else if (strcmp(argv[k], "--entity") == 0 && k + 1 < argc)
			entity = argv[++k];
		else if (strcmp(argv[k], "--limit") == 0 && k + 1 < argc) {
			if (cli_parse_limit(argv[++k], &limit) != 0)
				return cli_usage_error(&cli_cmd_timeline,
				    "--limit takes a number (0 for all)");
		} else if (id == 0 && (id = cli_parse_id(argv[k])) > 0)
			continue;
		else
			return cli_usage_error(&cli_cmd_timeline,
			    "unexpected argument '%s'", argv[k]);
	}
	if (id > 0 && entity != NULL)
		return cli_usage_error(&cli_cmd_timeline,
		    "give an article id or --entity, not both");
	if (id <= 0 && entity == NULL)
		return cli_usage_error(&cli_cmd_timeline,
		    "which article (ID) or entity (--entity NAME)?");
	if ((ar = cli_open_archive(ctx, 1)) == NULL)
		return 1;
	if (archive_timeline(ar, id > 0 ? id : 0, entity, (size_t)limit, &ev,
	    &n, &cause) != 0) {
		rc = cli_error("%s", cause != NULL ? cause : "cannot read the timeline");
		free(cause);
	} else if (json) {
		arr = json_object_new_array();
		for (i = 0; i < n; i++)
			json_object_array_add(arr, event_json(&ev[i]));
		output_json(stdout, arr);
	} else {
		for (i = 0; i < n; i++)
			event_plain(&ev[i], width);
	}
	archive_events_free(ev, n);
	archive_close(ar);
	return rc;
}
