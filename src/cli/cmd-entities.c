/*
 * lede entities [ID]: the people, organisations and places one article
 * names (with aliases, counts and mention spans), or across the archive
 * with the number of articles that name each.
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

static int cmd_entities(struct cli_ctx *, int, char **);

const struct cli_cmd cli_cmd_entities = {
	.name = "entities",
	.args = "[--json] [--limit N] [ID]",
	.summary = "people, organisations and places: of one article, or all",
	.help =
	    "With an article id: its entities in order of first mention, with kind,\n"
	    "name, aliases and how often it is mentioned. Without: the archive's\n"
	    "entities, most articles first.\n"
	    "\n"
	    "  --json      one JSON array: kind name aliases count (+ mentions:\n"
	    "              [{start, end}] byte offsets into the body, for one article)\n"
	    "  --limit N   at most N entities for the whole archive (default 100;\n"
	    "              0 for all)\n",
	.run = cmd_entities,
};

static struct json_object *
entity_json(const struct archive_entity *e, int one)
{
	struct json_object *o = json_object_new_object(), *al, *ms, *m;
	size_t i;

	json_object_object_add(o, "kind", json_object_new_string(e->kind));
	json_object_object_add(o, "name", output_jstr(e->name));
	al = json_object_new_array();
	for (i = 0; i < e->naliases; i++)
		json_object_array_add(al, output_jstr(e->aliases[i]));
	json_object_object_add(o, "aliases", al);
	json_object_object_add(o, "count", json_object_new_int64(e->count));
	if (one) {
		ms = json_object_new_array();
		for (i = 0; i < e->nmentions; i++) {
			m = json_object_new_object();
			json_object_object_add(m, "start",
			    json_object_new_int64((int64_t)e->mentions[i].start));
			json_object_object_add(m, "end",
			    json_object_new_int64((int64_t)e->mentions[i].end));
			json_object_array_add(ms, m);
		}
		json_object_object_add(o, "mentions", ms);
	}
	return o;
}

static void
entity_plain(const struct archive_entity *e)
{
	char *name = sanitize_display(e->name, strlen(e->name), 0);
	char *cut = utf8_cut(name, 40, e->naliases > 0), *al;
	size_t i;

	printf("%-7s %5lld  %s", e->kind, (long long)e->count, cut);
	for (i = 0; i < e->naliases; i++) {
		al = sanitize_display(e->aliases[i], strlen(e->aliases[i]), 0);
		printf("%s%s", i == 0 ? "  (also: " : ", ", al);
		free(al);
	}
	printf("%s\n", e->naliases > 0 ? ")" : "");
	free(cut);
	free(name);
}

static int
cmd_entities(struct cli_ctx *ctx, int argc, char **argv)
{
	struct archive_entity *ents = NULL;
	struct json_object *arr;
	struct archive *ar;
	char *cause = NULL;
	long long id = 0, limit = 100;
	size_t n = 0, i;
	int json = 0, rc = 0, k;

	for (k = 1; k < argc; k++) {
		if (strcmp(argv[k], "--json") == 0)
			json = 1;
		else if (strcmp(argv[k], "--limit") == 0 && k + 1 < argc) {
			if (cli_parse_limit(argv[++k], &limit) != 0)
				return cli_usage_error(&cli_cmd_entities,
				    "--limit takes a number (0 for all)");
		} else if (id != 0)
			return cli_usage_error(&cli_cmd_entities,
			    "unexpected argument '%s'", argv[k]);
		else if ((id = cli_parse_id(argv[k])) == -1)
			return cli_usage_error(&cli_cmd_entities,
			    "'%s' is not an article id", argv[k]);
	}
	if ((ar = cli_open_archive(ctx, 1)) == NULL)
		return 1;
	if (archive_entities(ar, id, id ? 0 : (size_t)limit, &ents, &n,
	    &cause) != 0) {
		rc = cli_error("%s", cause != NULL ? cause : "cannot read entities");
		free(cause);
	} else if (json) {
		arr = json_object_new_array();
		for (i = 0; i < n; i++)
			json_object_array_add(arr, entity_json(&ents[i], id != 0));
		output_json(stdout, arr);
	} else {
		for (i = 0; i < n; i++)
			entity_plain(&ents[i]);
	}
	archive_entities_free(ents, n);
	archive_close(ar);
	return rc;
}
