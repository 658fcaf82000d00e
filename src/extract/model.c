/*
 * The NER model file: written by lede-train, read once at start-up.
 *
 * Layout, all integers little-endian:
 *   "LEDENER\0"            magic
 *   u32 version (1), u32 NER_BITS, u32 labels
 *   f32 scale, f32 trans[(labels + 1) * labels]
 *   u32 nrows, then nrows x (u32 bucket, i16 weight[labels]),
 *       buckets strictly increasing
 *   u32 ngaz, then ngaz x (u64 phrase hash, u8 kind), hashes increasing
 *   u32 nlex, then nlex x (u64 word hash, u8 word class), the same way
 *   u64 FNV-1a of every byte before it
 * A file that is short, long, of another version or shape, or whose
 * checksum differs is refused with a message saying which.
 */
#include "config.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extract/ner.h"
#include "util/buf.h"
#include "util/xalloc.h"

#define MODEL_MAGIC	"LEDENER"
#define MODEL_VERSION	2

struct reader {
	const unsigned char	*p, *end;
	int			 short_read;
};

static uint64_t
rd(struct reader *r, size_t n)
{
	uint64_t v = 0;
	size_t i;

	if ((size_t)(r->end - r->p) < n) {
		r->short_read = 1;
		r->p = r->end;
		return 0;
	}
	for (i = 0; i < n; i++)
		v |= (uint64_t)r->p[i] << (8 * i);
	r->p += n;
	return v;
}

static float
rdf(struct reader *r)
{
	uint32_t u = (uint32_t)rd(r, 4);
	float f;

	memcpy(&f, &u, sizeof f);
	return f;
}

static void
wr(struct buf *b, uint64_t v, size_t n)
{
	unsigned char tmp[8];
	size_t i;

	for (i = 0; i < n; i++)
		tmp[i] = (unsigned char)(v >> (8 * i));
	buf_add(b, tmp, n);
}

static void
wrf(struct buf *b, float f)
{
	uint32_t u;

	memcpy(&u, &f, sizeof u);
	wr(b, u, 4);
}

int
ner_gaz_find(const struct ner_gaz *g, uint64_t h)
{
	const struct ner_gazslot *e;
	size_t i;

	if (g->slots == NULL)
		return 0;
	/* key 0 marks an empty slot; a phrase hashing to 0 is not found */
	for (i = h & g->hmask; (e = &g->slots[i])->key != 0;
	    i = (i + 1) & g->hmask)
		if (e->key == h)
			return e->kind;
	return 0;
}

static void
gaz_index(struct ner_gaz *g)
{
	size_t cap = 16, i, j;

	while (cap < g->n * 2)
		cap *= 2;
	free(g->slots);
	g->slots = xcalloc(cap, sizeof *g->slots);
	g->hmask = cap - 1;
	for (i = 0; i < g->n; i++) {
		for (j = g->keys[i] & g->hmask; g->slots[j].key != 0;
		    j = (j + 1) & g->hmask)
			;
		g->slots[j].key = g->keys[i];
		g->slots[j].kind = g->kinds[i];
	}
}

void
ner_gaz_release(struct ner_gaz *g)
{
	free(g->keys);
	free(g->kinds);
	free(g->slots);
	memset(g, 0, sizeof *g);
}

struct gazent {
	uint64_t	 key;
	unsigned char	 kind;
	size_t		 order;
};

static int
gazent_cmp(const void *a, const void *b)
{
	const struct gazent *x = a, *y = b;

	if (x->key != y->key)
		return x->key < y->key ? -1 : 1;
	return x->order < y->order ? -1 : x->order > y->order;
}

void
ner_gaz_finish(struct ner_gaz *g)
{
	struct gazent *e = g->n ? xcalloc(g->n, sizeof *e) : NULL;
	size_t i, k = 0;

	for (i = 0; i < g->n; i++) {
		e[i].key = g->keys[i];
		e[i].kind = g->kinds[i];
		e[i].order = i;
	}
	if (g->n)
		qsort(e, g->n, sizeof *e, gazent_cmp);
	for (i = 0; i < g->n; i++) {
		if (k > 0 && g->keys[k - 1] == e[i].key) {
			g->kinds[k - 1] |= e[i].kind;
			continue;
		}
		g->keys[k] = e[i].key;
		g->kinds[k] = e[i].kind;
		k++;
	}
	g->n = k;
	free(e);
	gaz_index(g);
}

static void
wr_gaz(struct buf *b, const struct ner_gaz *g)
{
	size_t i;

	wr(b, g->n, 4);
	for (i = 0; i < g->n; i++) {
		wr(b, g->keys[i], 8);
		wr(b, g->kinds[i], 1);
	}
}

int
ner_model_save(const char *path, const float *w, const float *trans,
    const struct ner_gaz *gaz, const struct ner_gaz *lex, char **cause)
{
	struct buf b = BUF_INIT;
	float maxw = 0, scale;
	size_t i, l, nrows = 0, at;
	long q;
	FILE *f;
	int keep;

	for (i = 0; i < (size_t)NER_BUCKETS * NER_NLABELS; i++)
		if (fabsf(w[i]) > maxw)
			maxw = fabsf(w[i]);
	scale = maxw > 0 ? maxw / 32767.0f : 1.0f;
	buf_add(&b, MODEL_MAGIC, 8);
	wr(&b, MODEL_VERSION, 4);
	wr(&b, NER_BITS, 4);
	wr(&b, NER_NLABELS, 4);
	wrf(&b, scale);
	for (i = 0; i < NER_NTRANS; i++)
		wrf(&b, trans[i]);
	at = b.len;
	wr(&b, 0, 4);
	for (i = 0; i < NER_BUCKETS; i++) {
		keep = 0;
		for (l = 0; l < NER_NLABELS; l++)
			if (lroundf(w[i * NER_NLABELS + l] / scale) != 0)
				keep = 1;
		if (!keep)
			continue;
		wr(&b, i, 4);
		for (l = 0; l < NER_NLABELS; l++) {
			q = lroundf(w[i * NER_NLABELS + l] / scale);
			wr(&b, (uint16_t)(int16_t)q, 2);
		}
		nrows++;
	}
	for (i = 0; i < 4; i++)
		b.data[at + i] = (char)(nrows >> (8 * i));
	wr_gaz(&b, gaz);
	wr_gaz(&b, lex);
	wr(&b, ner_hash(NER_FNV_OFFSET, b.data, b.len), 8);
	if ((f = fopen(path, "wb")) == NULL ||
	    fwrite(b.data, 1, b.len, f) != b.len || fclose(f) != 0) {
		*cause = xasprintf("%s: %s", path, strerror(errno));
		buf_release(&b);
		return -1;
	}
	buf_release(&b);
	return 0;
}

static char *
slurp(const char *path, size_t *len, char **cause)
{
	struct buf b = BUF_INIT;
	char tmp[65536];
	size_t n;
	FILE *f;

	if ((f = fopen(path, "rb")) == NULL) {
		*cause = xasprintf("NER model %s: %s", path, strerror(errno));
		return NULL;
	}
	while ((n = fread(tmp, 1, sizeof tmp, f)) > 0)
		buf_add(&b, tmp, n);
	if (ferror(f)) {
		*cause = xasprintf("NER model %s: read error", path);
		fclose(f);
		buf_release(&b);
		return NULL;
	}
	fclose(f);
	*len = b.len;
	return buf_detach(&b);
}

/* A gazetteer section; returns a message (static) on failure. */
static const char *
rd_gaz(struct ner_gaz *g, struct reader *r, const char *what)
{
	uint64_t key, prevkey = 0;
	uint32_t n;
	size_t i;

	n = (uint32_t)rd(r, 4);
	if ((size_t)(r->end - r->p) / 9 < n)
		return what;
	g->keys = xcalloc(n + 1, sizeof *g->keys);
	g->kinds = xcalloc(n + 1, 1);
	g->n = n;
	for (i = 0; i < n; i++) {
		key = rd(r, 8);
		if (i > 0 && key <= prevkey)
			return "bad gazetteer order";
		prevkey = key;
		g->keys[i] = key;
		g->kinds[i] = (unsigned char)rd(r, 1);
	}
	gaz_index(g);
	return NULL;
}

/* Parse the body; returns a message (static) on failure. */
static const char *
parse(struct extract_model *m, struct reader *r)
{
	uint32_t nrows, bk, prev = 0;
	size_t i, l;
	const char *err;

	if (rd(r, 4) != MODEL_VERSION)
		return "unsupported version";
	if (rd(r, 4) != NER_BITS || rd(r, 4) != NER_NLABELS)
		return "unexpected shape";
	m->scale = rdf(r);
	if (!(m->scale > 0) || !isfinite(m->scale))
		return "bad scale";
	for (i = 0; i < NER_NTRANS; i++) {
		m->trans[i] = rdf(r);
		if (!isfinite(m->trans[i]))
			return "bad transition weight";
	}
	nrows = (uint32_t)rd(r, 4);
	if (nrows > NER_BUCKETS || (size_t)(r->end - r->p) / (4 + 2 *
	    NER_NLABELS) < nrows)
		return "truncated weights";
	m->rows = xcalloc((size_t)NER_BUCKETS * NER_NLABELS, sizeof *m->rows);
	for (i = 0; i < nrows; i++) {
		bk = (uint32_t)rd(r, 4);
		if (bk >= NER_BUCKETS || (i > 0 && bk <= prev))
			return "bad bucket order";
		prev = bk;
		for (l = 0; l < NER_NLABELS; l++)
			m->rows[(size_t)bk * NER_NLABELS + l] =
			    (int16_t)(uint16_t)rd(r, 2);
	}
	if ((err = rd_gaz(&m->gaz, r, "truncated gazetteer")) != NULL ||
	    (err = rd_gaz(&m->lex, r, "truncated lexicon")) != NULL)
		return err;
	for (i = 0; i < m->lex.n; i++)
		if ((m->lex.kinds[i] & LEX_CLASS) > NER_CLASS_MAX)
			return "bad word class";
	if (r->short_read)
		return "truncated";
	if (r->p != r->end)
		return "trailing bytes";
	return NULL;
}

struct extract_model *
extract_model_load(const char *path, char **cause)
{
	struct extract_model *m;
	struct reader r;
	const char *err;
	size_t len;
	char *data;
	uint64_t sum, want;

	if ((data = slurp(path, &len, cause)) == NULL)
		return NULL;
	if (len < 8 + 12 + 8 || memcmp(data, MODEL_MAGIC, 8) != 0) {
		*cause = xasprintf("NER model %s: not a lede model file", path);
		free(data);
		return NULL;
	}
	r.p = (const unsigned char *)data + len - 8;
	r.end = r.p + 8;
	r.short_read = 0;
	want = rd(&r, 8);
	sum = ner_hash(NER_FNV_OFFSET, data, len - 8);
	if (sum != want) {
		*cause = xasprintf("NER model %s: checksum mismatch (corrupt "
		    "file)", path);
		free(data);
		return NULL;
	}
	m = xcalloc(1, sizeof *m);
	r.p = (const unsigned char *)data + 8;
	r.end = (const unsigned char *)data + len - 8;
	r.short_read = 0;
	if ((err = parse(m, &r)) != NULL) {
		*cause = xasprintf("NER model %s: %s", path, err);
		extract_model_free(m);
		free(data);
		return NULL;
	}
	free(data);
	return m;
}

char *
extract_model_path(const char *datadir)
{
	return xasprintf("%s/%s", datadir, EXTRACT_MODEL_FILE);
}

void
extract_model_free(struct extract_model *m)
{
	if (m == NULL)
		return;
	free(m->rows);
	ner_gaz_release(&m->gaz);
	ner_gaz_release(&m->lex);
	free(m);
}
