/*
 * A string-keyed hash map (open addressing, FNV-1a) for the per-article
 * bookkeeping of name merging and document-level tagging: a few hundred
 * keys per article, or a great many on hostile input, always linear.
 *
 * It runs for most words of every article, so it allocates little: the
 * keys are copied one after another into one pool, and each slot keeps
 * its key's hash, so that growing never hashes a key again and a probe
 * compares strings only when the hashes agree.
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
	struct extract_strslot *old = m->slots;
	size_t oldcap = m->cap, i, j;

	m->cap = m->cap ? m->cap * 2 : 64;
	m->slots = xcalloc(m->cap, sizeof *m->slots);
	for (i = 0; i < oldcap; i++) {
		if (old[i].key == 0)
			continue;
		for (j = old[i].hash & (m->cap - 1); m->slots[j].key != 0;
		    j = (j + 1) & (m->cap - 1))
			;
		m->slots[j] = old[i];
	}
	free(old);
}

/* The slot of k (hash h): its own, or the empty one it would take. */
static struct extract_strslot *
find(const struct extract_strmap *m, const char *k, uint64_t h)
{
	struct extract_strslot *e;
	size_t i;

	for (i = h & (m->cap - 1); (e = &m->slots[i])->key != 0;
	    i = (i + 1) & (m->cap - 1))
		if (e->hash == h && strcmp(m->pool + e->key - 1, k) == 0)
			break;
	return e;
}

size_t
extract_strmap_get(const struct extract_strmap *m, const char *k)
{
	const struct extract_strslot *e;

	if (m->cap == 0)
		return EXTRACT_STRMAP_NONE;
	e = find(m, k, strhash(k));
	return e->key != 0 ? e->val : EXTRACT_STRMAP_NONE;
}

/* The slot of k (hash h), with room made for one more key first. */
static struct extract_strslot *
slot_for(struct extract_strmap *m, const char *k, uint64_t h)
{
	if ((m->n + 1) * 2 > m->cap)
		grow(m);
	return find(m, k, h);
}

/* Give the empty slot e the key k (hash h) and the value v. */
static void
fill(struct extract_strmap *m, struct extract_strslot *e, const char *k,
    uint64_t h, size_t v)
{
	size_t len = strlen(k) + 1;

	if (m->used + len > m->room) {
		m->room = (m->used + len) * 2;
		m->pool = xrealloc(m->pool, m->room);
	}
	memcpy(m->pool + m->used, k, len);
	e->hash = h;
	e->key = m->used + 1;
	e->val = v;
	m->used += len;
	m->n++;
}

void
extract_strmap_put(struct extract_strmap *m, const char *k, size_t v)
{
	uint64_t h = strhash(k);
	struct extract_strslot *e = slot_for(m, k, h);

	if (e->key != 0)
		e->val = v;
	else
		fill(m, e, k, h, v);
}

size_t
extract_strmap_add(struct extract_strmap *m, const char *k, size_t v)
{
	uint64_t h = strhash(k);
	struct extract_strslot *e = slot_for(m, k, h);

	if (e->key != 0)
		return e->val;
	fill(m, e, k, h, v);
	return v;
}

void
extract_strmap_release(struct extract_strmap *m)
{
	free(m->slots);
	free(m->pool);
	memset(m, 0, sizeof *m);
}
