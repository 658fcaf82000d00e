/*
 * Shared listing loop (see listing.h). JSON output is one array even when
 * it spans many pages: the brackets are written here and each page's
 * objects in between, so memory stays bounded.
 */
#include "config.h"

#include <ctype.h>
#include <json-c/json.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "archive/archive.h"
#include "cli/cli.h"
#include "cli/listing.h"
#include "cli/output.h"

#define PAGE 500

int
listing_valid_date(const char *s)
{
	size_t i, n = strlen(s);
	static const char shape[] = "dddd-dd-dd";

	if (n != 4 && n != 7 && n != 10)
		return -1;
	for (i = 0; i < n; i++) {
		if (shape[i] == 'd' ? !isdigit((unsigned char)s[i]) : s[i] != '-')
			return -1;
	}
	if (n >= 7 && (atoi(s + 5) < 1 || atoi(s + 5) > 12))
		return -1;
	if (n == 10 && (atoi(s + 8) < 1 || atoi(s + 8) > 31))
		return -1;
	return 0;
}

static void
print_json_page(const struct archive_page *pg, int snippets, int *first)
{
	struct json_object *o;
	size_t i;

	for (i = 0; i < pg->nrows; i++) {
		o = output_row_json(&pg->rows[i], snippets);
		fputs(*first ? "\n" : ",\n", stdout);
		fputs(output_json_text(o), stdout);
		json_object_put(o);
		*first = 0;
	}
}

int
listing_print(struct archive *ar, const struct archive_filter *f,
    size_t limit, int json, int snippets)
{
	struct archive_page pg = { 0 };
	char *cause = NULL;
	int64_t after = 0;
	size_t got = 0, want;
	int first = 1;

	if (archive_snapshot_begin(ar, &cause) != 0) {
		cli_error("%s", cause);
		free(cause);
		return 1;
	}
	if (json)
		fputs("[", stdout);
	for (;;) {
		want = PAGE;
		if (limit > 0 && limit - got < want)
			want = limit - got;
		if (want == 0)
			break;
		if (archive_list(ar, f, after, 0, want, snippets, &pg, &cause) != 0) {
			if (json)
				fputs("]\n", stdout);
			archive_snapshot_end(ar);
			cli_error("%s", cause);
			free(cause);
			return 1;
		}
		if (json)
			print_json_page(&pg, snippets, &first);
		else
			output_rows_plain(stdout, &pg, snippets);
		got += pg.nrows;
		if (pg.nrows < want) {
			archive_page_release(&pg);
			break;
		}
		after = f->order == ARCHIVE_RELEVANCE ? (int64_t)got :
		    pg.rows[pg.nrows - 1].key;
		archive_page_release(&pg);
	}
	archive_snapshot_end(ar);
	if (json)
		fputs(first ? "]\n" : "\n]\n", stdout);
	return 0;
}
