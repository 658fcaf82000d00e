/*
 * A string-keyed hash map (open addressing, FNV-1a) for the per-article
 * bookkeeping of name merging and document-level tagging: a few hundred
 * keys per article, or a great many on hostile input, always linear.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "extract/strmap.h"
#include "util/xalloc.h"

static uint64_t
strhash(const char *s)
{
	uint64_t h = 0xcbf29ce484222325ULL;

	for (; *s; s++) {
		h ^= (unsigned char)*s;
		h *= 0x100000001b3ULL;
	}
	return h;
}

static void
grow(struct extract_strmap *m)
{
	struct extract_strmap old = *m;
	size_t i;

	m->cap = m->cap ? m->cap * 2 : 64;
	m->keys = xcalloc(m->cap, sizeof *m->keys);
	m->vals = xcalloc(m->cap, sizeof *m->vals);
	m->n = 0;
	for (i = 0; i < old.cap; i++)
		if (old.keys[i] != NULL) {
			extract_strmap_put(m, old.keys[i], old.vals[i]);
			free(old.keys[i]);
		}
	free(old.keys);
	free(old.vals);
}

size_t
extract_strmap_get(const struct extract_strmap *m, const char *k)
{
	size_t i;

	if (m->cap == 0)
		return EXTRACT_STRMAP_NONE;
	for (i = strhash(k) & (m->cap - 1); m->keys[i] != NULL;
	    i = (i + 1) & (m->cap - 1))
		if (strcmp(m->keys[i], k) == 0)
			return m->vals[i];
	return EXTRACT_STRMAP_NONE;
}

void
extract_strmap_put(struct extract_strmap *m, const char *k, size_t v)
{
	size_t i;

	if ((m->n + 1) * 2 > m->cap)
		grow(m);
	for (i = strhash(k) & (m->cap - 1); m->keys[i] != NULL;
	    i = (i + 1) & (m->cap - 1))
		if (strcmp(m->keys[i], k) == 0) {
			m->vals[i] = v;
			return;
		}
	m->keys[i] = xstrdup(k);
	m->vals[i] = v;
	m->n++;
}

void
extract_strmap_release(struct extract_strmap *m)
{
	size_t i;

	for (i = 0; i < m->cap; i++)
		free(m->keys[i]);
	free(m->keys);
	free(m->vals);
	memset(m, 0, sizeof *m);
}
