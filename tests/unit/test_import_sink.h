/*
 * A sink for import tests: keeps every article and every problem (as
 * "where: message" lines) so a test can check them after the run.
 */
#ifndef LEDE_TEST_IMPORT_SINK_H
#define LEDE_TEST_IMPORT_SINK_H

#include <stdlib.h>
#include <string.h>

#include "import/import.h"
#include "util/article.h"
#include "util/buf.h"
#include "util/xalloc.h"

struct collect {
	struct import_sink	 sink;
	struct article		*a[64];
	size_t			 n;
	struct buf		 problems;	/* one "where: message\n" each */
	size_t			 nproblems;
	size_t			 stop_after;	/* 0: never stop */
};

static int
collect_article(struct article *a, void *arg)
{
	struct collect *c = arg;

	if (c->n < sizeof c->a / sizeof c->a[0])
		c->a[c->n++] = a;
	else
		article_free(a);
	return c->stop_after != 0 && c->n >= c->stop_after;
}

static void
collect_problem(const char *where, const char *message, void *arg)
{
	struct collect *c = arg;

	buf_printf(&c->problems, "%s: %s\n", where, message);
	c->nproblems++;
}

static inline void
collect_init(struct collect *c)
{
	memset(c, 0, sizeof *c);
	c->sink.article = collect_article;
	c->sink.problem = collect_problem;
	c->sink.arg = c;
}

static inline void
collect_release(struct collect *c)
{
	size_t i;

	for (i = 0; i < c->n; i++)
		article_free(c->a[i]);
	buf_release(&c->problems);
	memset(c, 0, sizeof *c);
}

/* Path of a fixture under tests/data/import. Caller frees. */
static inline char *
fixture(const char *name)
{
	const char *top = getenv("top_srcdir");

	return xasprintf("%s/tests/data/import/%s", top ? top : ".", name);
}

/* Import a fixture file into c (initialised here). */
static inline int
collect_file(struct collect *c, const char *name, char **cause)
{
	char *path = fixture(name);
	int rv;

	collect_init(c);
	*cause = NULL;
	rv = import_file(path, &c->sink, cause);
	free(path);
	return rv;
}

/* Import a string in format fmt into c (initialised here). */
static inline int
collect_str(struct collect *c, enum import_format fmt, const char *name,
    const char *s, size_t len, char **cause)
{
	collect_init(c);
	*cause = NULL;
	return import_buffer(fmt, name, s, len, &c->sink, cause);
}

/* Number of "\n\n"-separated paragraphs in s. */
static inline size_t
paragraphs(const char *s)
{
	size_t n = 1;

	if (s == NULL || *s == '\0')
		return 0;
	while ((s = strstr(s, "\n\n")) != NULL) {
		n++;
		s += 2;
	}
	return n;
}

#endif
