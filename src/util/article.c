/*
 * struct article helpers: allocation, field setters, and the language
 * guess importers use when a format does not say.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "util/article.h"
#include "util/utf8.h"
#include "util/xalloc.h"

struct article *
article_new(void)
{
	struct article *a = xcalloc(1, sizeof *a);

	a->revision = 1;
	return a;
}

void
article_release(struct article *a)
{
	char **fields[] = {
		&a->source, &a->source_url, &a->corrections, &a->url, &a->guid,
		&a->title, &a->author, &a->published, &a->language,
		&a->caption, &a->body, &a->origin,
	};
	size_t i;

	for (i = 0; i < sizeof fields / sizeof fields[0]; i++)
		free(*fields[i]);
	free(a->stored_body);
	free(a->fts_terms);
	memset(a, 0, sizeof *a);
}

void
article_free(struct article *a)
{
	if (a == NULL)
		return;
	article_release(a);
	free(a);
}

void
article_set(char **field, const char *value)
{
	free(*field);
	*field = value != NULL ? xstrdup(value) : NULL;
}

void
article_setn(char **field, const char *value, size_t len)
{
	free(*field);
	*field = value != NULL ? xstrndup(value, len) : NULL;
}

const char *
article_guess_language(const char *text)
{
	size_t i = 0, len, rtl = 0, letters = 0;
	uint32_t cp;

	if (text == NULL)
		return "en";
	len = strlen(text);
	/* A sample of the first 4 KB is enough to tell scripts apart. */
	if (len > 4096)
		len = 4096;
	while (i < len) {
		i += utf8_decode(text + i, len - i, &cp);
		if (cp >= 0x0600 && cp <= 0x06FF) {
			rtl++;
			letters++;
		} else if ((cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z'))
			letters++;
	}
	return letters > 0 && rtl * 2 > letters ? "ar" : "en";
}
