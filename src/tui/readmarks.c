/*
 * Read marks waiting to be stored (see readmarks.h). A person marks a few
 * articles a minute, so the set is small: a flat array, searched
 * linearly.
 */
#include "config.h"

#include <stdlib.h>

#include "tui/readmarks.h"
#include "util/xalloc.h"

void
readmarks_init(struct readmarks *m)
{
	m->v = NULL;
	m->n = m->cap = 0;
}

void
readmarks_release(struct readmarks *m)
{
	free(m->v);
	readmarks_init(m);
}

void
readmarks_clear(struct readmarks *m)
{
	m->n = 0;
}

void
readmarks_set(struct readmarks *m, int64_t id, int read)
{
	size_t i;

	for (i = 0; i < m->n; i++) {
		if (m->v[i].id == id) {
			m->v[i].read = read != 0;
			return;
		}
	}
	if (m->n == m->cap) {
		m->cap = m->cap ? m->cap * 2 : 16;
		m->v = xreallocarray(m->v, m->cap, sizeof *m->v);
	}
	m->v[m->n].id = id;
	m->v[m->n].read = read != 0;
	m->n++;
}

int
readmarks_get(const struct readmarks *m, int64_t id, int *read)
{
	size_t i;

	for (i = 0; i < m->n; i++) {
		if (m->v[i].id == id) {
			*read = m->v[i].read;
			return 1;
		}
	}
	return 0;
}

int
readmarks_flush(struct readmarks *m, struct archive *ar, int wait, char **cause)
{
	*cause = NULL;
	if (m->n == 0)
		return 0;
	if (archive_set_reads(ar, m->v, m->n, !wait, cause) != 0) {
		if (!archive_busy(ar))
			return -1;
		free(*cause);
		*cause = NULL;
		return 1;
	}
	m->n = 0;
	return 0;
}
