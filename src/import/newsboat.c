/*
 * The second half of the newsboat importer. archive_newsboat_read() (in
 * src/archive/, the only module that reads SQLite) hands over rows as
 * newsboat stored them: the body is the item's HTML, strings may be any
 * bytes. This turns such a row into an article like every other importer
 * produces.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "import/import_int.h"
#include "util/utf8.h"
#include "util/xalloc.h"

static void
newsboat_fix(char **field, size_t max, size_t *replaced)
{
	char *s;
	size_t len;

	if (*field == NULL)
		return;
	len = strlen(*field);
	if (!utf8_valid(*field, len) || memchr(*field, '\r', len) != NULL) {
		s = import_repair(*field, len, replaced);
		free(*field);
		*field = s;
		len = strlen(s);
	}
	if (len > max)
		(*field)[import_cut(*field, len, max)] = '\0';
	if ((*field)[0] == '\0') {
		free(*field);
		*field = NULL;
	}
}

size_t
import_newsboat_finish(struct article *a)
{
	char **plain[] = {
		&a->source, &a->source_url, &a->corrections, &a->url, &a->guid,
		&a->author, &a->published, &a->caption, &a->origin,
	};
	size_t replaced = 0, i;
	const char *guess;
	char *text, *t;
	int hint_rtl;

	for (i = 0; i < sizeof plain / sizeof plain[0]; i++)
		newsboat_fix(plain[i], IMPORT_MAX_TITLE, &replaced);
	if (a->body != NULL) {
		text = import_html_text(a->body, strlen(a->body), &replaced, NULL);
		free(a->body);
		a->body = text[0] != '\0' ? text : (free(text), NULL);
		if (a->body != NULL && strlen(a->body) > IMPORT_MAX_BODY)
			a->body[import_cut(a->body, strlen(a->body),
			    IMPORT_MAX_BODY)] = '\0';
	}
	if (a->title != NULL) {
		newsboat_fix(&a->title, IMPORT_MAX_TITLE * 4, &replaced);
		/* Feeds put markup and entities in titles; newsboat keeps them. */
		if (a->title != NULL && strchr(a->title, '<') != NULL) {
			text = import_html_text(a->title, strlen(a->title),
			    &replaced, NULL);
			free(a->title);
			a->title = text;
		}
		t = import_squeeze(a->title);
		free(a->title);
		a->title = t;
		if (a->title != NULL && strlen(a->title) > IMPORT_MAX_TITLE)
			a->title[import_cut(a->title, strlen(a->title),
			    IMPORT_MAX_TITLE)] = '\0';
	}
	if (a->title == NULL)
		a->title = import_title_from_text(a->body);
	/* The right-to-left hint stands only for text in Arabic script. */
	hint_rtl = a->language != NULL && strcmp(a->language, "ar") == 0;
	guess = article_guess_language(a->body != NULL ? a->body : a->title);
	free(a->language);
	a->language = NULL;
	if (strcmp(guess, "ar") == 0 || !hint_rtl)
		article_set(&a->language, guess);
	return replaced;
}
