/*
 * The article list's filters: words, one source, a date range, unread
 * only, an entity (set from the side panel). Each prompt's answer lands
 * here, the list is reloaded from the top, and the status line describes
 * what is in force.
 */
#include "config.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "tui/tui_int.h"
#include "util/buf.h"
#include "util/xalloc.h"

void
filter_reload(struct tui *t)
{
	articles_sync(&t->list_src);
	tlist_reload(&t->list, 0);
	if (t->list.error != NULL) {
		tui_message(t, 1, "%s", t->list.error);
		free(t->list.error);
		t->list.error = NULL;
	}
	t->dirty |= DIRTY_LIST | DIRTY_STATUS;
}

void
filter_accept_text(struct tui *t, const char *text)
{
	articles_set(&t->list_src.query, text);
	filter_reload(t);
}

/* The source named by text: exact, then any case, then a unique prefix. */
static char *
find_source(struct tui *t, const char *text)
{
	struct archive_source *s;
	size_t n, i, hits = 0;
	char *cause = NULL, *found = NULL;
	int pass;

	if (archive_sources(t->ar, &s, &n, &cause) != 0) {
		tui_message(t, 1, "%s", cause);
		free(cause);
		return NULL;
	}
	for (pass = 0; pass < 3 && found == NULL; pass++) {
		for (i = 0, hits = 0; i < n; i++) {
			if ((pass == 0 && strcmp(s[i].name, text) == 0) ||
			    (pass == 1 && strcasecmp(s[i].name, text) == 0) ||
			    (pass == 2 && strncasecmp(s[i].name, text,
			    strlen(text)) == 0)) {
				hits++;
				free(found);
				found = xstrdup(s[i].name);
			}
		}
		if (hits > 1) {
			free(found);
			found = NULL;
			if (pass == 2)
				tui_message(t, 1, "%zu sources start with "
				    "\"%s\"", hits, text);
		}
	}
	if (found == NULL && hits == 0)
		tui_message(t, 1, "no source \"%s\" (%zu sources in the "
		    "archive)", text, n);
	archive_sources_free(s, n);
	return found;
}

void
filter_accept_source(struct tui *t, const char *text)
{
	char *name = NULL;

	if (*text != '\0' && (name = find_source(t, text)) == NULL)
		return;
	articles_set(&t->list_src.source, name);
	free(name);
	filter_reload(t);
}

static int
date_ok(const char *s)
{
	for (; *s != '\0'; s++) {
		if (!isdigit((unsigned char)*s) && *s != '-')
			return 0;
	}
	return 1;
}

void
filter_accept_date(struct tui *t, const char *text)
{
	const char *dots = strstr(text, "..");
	char *since, *until;

	if (dots != NULL) {
		since = xstrndup(text, (size_t)(dots - text));
		until = xstrdup(dots + 2);
	} else {
		since = xstrdup(text);
		until = xstrdup(text);
	}
	if (!date_ok(since) || !date_ok(until))
		tui_message(t, 1, "dates are YYYY, YYYY-MM or YYYY-MM-DD, "
		    "as FROM..TO");
	else {
		articles_set(&t->list_src.since, since);
		articles_set(&t->list_src.until, until);
		filter_reload(t);
	}
	free(since);
	free(until);
}

void
filter_describe(const struct tui *t, char *out, size_t size)
{
	const struct articles *a = &t->list_src;
	struct buf b = BUF_INIT;
	char *safe;

	if (a->source != NULL)
		buf_printf(&b, " source:%s", a->source);
	if (a->since != NULL || a->until != NULL) {
		if (a->since != NULL && a->until != NULL &&
		    strcmp(a->since, a->until) == 0)
			buf_printf(&b, " date:%s", a->since);
		else
			buf_printf(&b, " date:%s..%s", a->since ? a->since : "",
			    a->until ? a->until : "");
	}
	if (a->entity != NULL) {
		safe = scr_safe(a->entity, strlen(a->entity));
		buf_printf(&b, " entity:%s", safe);
		free(safe);
	}
	if (a->query != NULL)
		buf_printf(&b, " \"%s\"", a->query);
	if (a->f.unread_only)
		buf_adds(&b, " unread");
	if (a->f.order == ARCHIVE_OLDEST)
		buf_adds(&b, " oldest-first");
	snprintf(out, size, "%s", b.len ? buf_str(&b) + 1 : "");
	buf_release(&b);
}
