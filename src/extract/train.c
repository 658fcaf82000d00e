/*
 * lede-train: train the NER model that ships as share/ner.model.
 *
 *   lede-train -t eng.train -d eng.testa -g ISO_CODES_JSON_DIR -o ner.model
 *
 * An averaged perceptron over the features of ner.c with first-order
 * transitions and Viterbi decoding (Collins 2002). Sentences are visited
 * in an order shuffled by a fixed-seed generator and every sum runs in a
 * fixed order, so the same corpus gives the same bytes. After each epoch
 * the averaged weights are scored on the development file and the best
 * epoch is kept.
 *
 * Gazetteers: country and subdivision names from Debian's iso-codes, and
 * the names the training corpus tags (with their majority type). So that
 * the tagger does not learn to trust the corpus gazetteer more than it
 * deserves on unseen text, each training document sees only the names from
 * the other half of the corpus; the shipped model carries all of them.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <dirent.h>
#include <unistd.h>

#include "corpus.h"
#include "extract/ner.h"
#include "extract/score.h"
#include "util/buf.h"
#include "util/xalloc.h"

#define MAX_EPOCHS	20

struct tsent {
	uint32_t	*feat;		/* n * nf[i], flattened */
	size_t		*off;		/* n + 1 offsets into feat */
	int		*gold;
	size_t		 n;
};

static int
tag_label(const char *tag, int prev)
{
	static const char *const kinds[] = { "PER", "ORG", "LOC", "MISC" };
	int k;

	if (tag[0] != 'I' && tag[0] != 'B')
		return NER_O;
	for (k = 0; k < 4; k++)
		if (strcmp(tag + 2, kinds[k]) == 0)
			break;
	if (k == 4)
		return NER_O;
	if (tag[0] == 'B' || (prev != 1 + 2 * k && prev != 2 + 2 * k))
		return 1 + 2 * k;
	return 2 + 2 * k;
}

static void
gaz_add(struct ner_gaz *g, const char *lowphrase, int kind)
{
	if (g->n == g->cap) {
		g->cap = g->cap ? 2 * g->cap : 1024;
		g->keys = xreallocarray(g->keys, g->cap, sizeof *g->keys);
		g->kinds = xreallocarray(g->kinds, g->cap, 1);
	}
	g->keys[g->n] = ner_phrase_hash(lowphrase);
	g->kinds[g->n] = (unsigned char)kind;
	g->n++;
}

static void
gaz_copy(struct ner_gaz *dst, const struct ner_gaz *src)
{
	memset(dst, 0, sizeof *dst);
	dst->n = src->n;
	dst->cap = src->n + 1;
	dst->keys = xcalloc(dst->cap, sizeof *dst->keys);
	dst->kinds = xcalloc(dst->cap, 1);
	memcpy(dst->keys, src->keys, src->n * sizeof *src->keys);
	memcpy(dst->kinds, src->kinds, src->n);
}

/* Lower-case a name and add it when it is a plain run of words. */
static void
gaz_add_name(struct ner_gaz *g, const char *name, size_t n, int kind)
{
	char *s = xstrndup(name, n), *p;
	size_t words = 1;

	for (p = s; *p; p++) {
		if (*p == ',' || *p == '(' || *p == '"' || *p == '\\')
			goto out;
		if (*p == ' ')
			words++;
		if (*p >= 'A' && *p <= 'Z')
			*p += 32;
	}
	if (words <= NER_GAZ_MAXTOK)
		gaz_add(g, s, kind);
out:
	free(s);
}

/* Every "name"/"common_name" string of an iso-codes JSON file. */
static void
gaz_iso(struct ner_gaz *g, const char *path)
{
	static const char *const keys[] = { "\"name\": \"",
		"\"common_name\": \"" };
	size_t len, k;
	char *s = corpus_slurp(path, &len), *p, *q;

	if (s == NULL) {
		fprintf(stderr, "lede-train: %s: not found (no iso-codes "
		    "gazetteer)\n", path);
		return;
	}
	for (k = 0; k < 2; k++)
		for (p = s; (p = strstr(p, keys[k])) != NULL; p = q) {
			p += strlen(keys[k]);
			if ((q = strchr(p, '"')) == NULL)
				break;
			gaz_add_name(g, p, (size_t)(q - p), GAZ_LOC);
		}
	free(s);
}

/* Names tagged in a set of documents, with their majority kind. */
static void
gaz_corpus(struct ner_gaz *g, const struct conll_doc *docs, size_t nd,
    int parity)
{
	struct buf b = BUF_INIT;
	size_t d, s, i, j, k;
	int lab, kind;
	struct { uint64_t h; size_t c[4], ntok; char *name; } *tab = NULL;
	size_t ntab = 0, captab = 0, t, total;
	uint64_t h;
	int mask;

	for (d = 0; d < nd; d++) {
		if (parity >= 0 && (int)(d % 2) != parity)
			continue;
		for (s = 0; s < docs[d].nsent; s++) {
			const struct conll_sent *cs = &docs[d].sent[s];
			int prev = 0, *labs = xcalloc(cs->n + 1, sizeof *labs);

			for (i = 0; i < cs->n; i++)
				prev = labs[i] = tag_label(cs->tags[i], prev);
			for (i = 0; i < cs->n;) {
				lab = labs[i];
				if (lab == NER_O) {
					i++;
					continue;
				}
				kind = (lab - 1) / 2;
				for (j = i + 1; j < cs->n && labs[j] == 2 + 2 * kind;
				    j++)
					;
				buf_reset(&b);
				for (k = i; k < j; k++) {
					const char *w = cs->words[k];

					if (k > i)
						buf_addc(&b, ' ');
					for (; *w; w++)
						buf_addc(&b, *w >= 'A' && *w <= 'Z' ?
						    *w + 32 : *w);
				}
				h = ner_phrase_hash(buf_str(&b));
				for (t = 0; t < ntab; t++)
					if (tab[t].h == h)
						break;
				if (t == ntab) {
					if (ntab == captab) {
						captab = captab ? captab * 2 : 1024;
						tab = xreallocarray(tab, captab,
						    sizeof *tab);
					}
					memset(&tab[ntab], 0, sizeof tab[ntab]);
					tab[ntab].h = h;
					tab[ntab].name = xstrdup(buf_str(&b));
					tab[ntab].ntok = j - i;
					ntab++;
				}
				tab[t].c[kind]++;
				i = j;
			}
			free(labs);
		}
	}
	for (t = 0; t < ntab; t++) {
		total = tab[t].c[0] + tab[t].c[1] + tab[t].c[2] + tab[t].c[3];
		mask = 0;
		for (k = 0; k < 4; k++)
			if (tab[t].c[k] * 4 >= total)
				mask |= 1 << k;
		if (tab[t].ntok <= NER_GAZ_MAXTOK)
			gaz_add(g, tab[t].name, mask);
		free(tab[t].name);
	}
	free(tab);
	buf_release(&b);
}

/*
 * Words mostly written in lower case when they are not the first word of
 * a sentence ("Some", "Minister", "Download"), counted over the training
 * text and over unlabelled news text when it is given (-u): a capital on
 * such a word is weak evidence of a name.
 */
#define LC_SLOTS (1 << 21)	/* word types; far more than the corpora hold */

struct lctab {
	struct lcent { uint64_t h; size_t low, cap; char *w; } *v;
	size_t	 n, capv, *slot;
};

static void
lc_count(struct lctab *t, const char *w, size_t n)
{
	char *lw;
	size_t k, i;
	uint64_t h;

	if (n == 0 || n > 40 || t->n * 2 >= LC_SLOTS ||
	    !((w[0] >= 'a' && w[0] <= 'z') || (w[0] >= 'A' && w[0] <= 'Z')))
		return;
	lw = xstrndup(w, n);
	for (i = 0; i < n; i++)
		if (lw[i] >= 'A' && lw[i] <= 'Z')
			lw[i] += 32;
	h = ner_phrase_hash(lw);
	for (k = h & (LC_SLOTS - 1); t->slot[k] != 0 &&
	    t->v[t->slot[k] - 1].h != h; k = (k + 1) & (LC_SLOTS - 1))
		;
	if (t->slot[k] == 0) {
		if (t->n == t->capv) {
			t->capv = t->capv ? t->capv * 2 : 4096;
			t->v = xreallocarray(t->v, t->capv, sizeof *t->v);
		}
		t->v[t->n].h = h;
		t->v[t->n].low = t->v[t->n].cap = 0;
		t->v[t->n].w = lw;
		t->slot[k] = ++t->n;
	} else
		free(lw);
	if (w[0] >= 'a' && w[0] <= 'z')
		t->v[t->slot[k] - 1].low++;
	else
		t->v[t->slot[k] - 1].cap++;
}

/* Every file under dir (sorted, recursively) ending in suffix. */
static void
lc_files(struct lctab *t, const char *dir)
{
	struct dirent **ents;
	struct extract_toks toks = { NULL, 0, 0 };
	struct extract_sent *sents;
	size_t len, ns, x, i;
	char *path, *text;
	int ne, e;

	if ((ne = scandir(dir, &ents, NULL, alphasort)) < 0)
		return;
	for (e = 0; e < ne; e++) {
		const char *d = ents[e]->d_name;

		if (d[0] == '.') {
			free(ents[e]);
			continue;
		}
		path = xasprintf("%s/%s", dir, d);
		if (ents[e]->d_type == DT_DIR)
			lc_files(t, path);
		else if ((text = corpus_slurp(path, &len)) != NULL) {
			extract_tokenize(text, len, &toks);
			ns = extract_split(text, &toks, &sents);
			for (x = 0; x < ns; x++)
				for (i = sents[x].first + 1; i < sents[x].last; i++)
					lc_count(t, text + toks.v[i].start,
					    toks.v[i].end - toks.v[i].start);
			free(sents);
			free(text);
		}
		free(path);
		free(ents[e]);
	}
	free(ents);
	extract_toks_release(&toks);
}

static void
gaz_lowercase(struct ner_gaz *g, const struct conll_doc *docs, size_t nd,
    char **extra, size_t nextra)
{
	struct lctab t;
	size_t d, s, i;

	memset(&t, 0, sizeof t);
	t.slot = xcalloc(LC_SLOTS, sizeof *t.slot);
	for (d = 0; d < nd; d++)
		for (s = 0; s < docs[d].nsent; s++)
			for (i = 1; i < docs[d].sent[s].n; i++)
				lc_count(&t, docs[d].sent[s].words[i],
				    strlen(docs[d].sent[s].words[i]));
	for (i = 0; i < nextra; i++)
		lc_files(&t, extra[i]);
	for (i = 0; i < t.n; i++) {
		if (t.v[i].low >= 2 && t.v[i].low >= t.v[i].cap)
			gaz_add(g, t.v[i].w, GAZ_LOWER);
		free(t.v[i].w);
	}
	free(t.v);
	free(t.slot);
}

/* City names from tzdata's zone names: America/New_York -> new york. */
static void
gaz_zones(struct ner_gaz *g, const char *dir)
{
	static const char *const areas[] = { "Africa", "America", "Asia",
		"Atlantic", "Australia", "Europe", "Indian", "Pacific",
		"America/Argentina", "America/Indiana", "America/Kentucky",
		"America/North_Dakota" };
	size_t a, k, n;
	char *path, name[128];
	struct dirent **ents;
	int ne, e;

	for (a = 0; a < sizeof areas / sizeof areas[0]; a++) {
		path = xasprintf("%s/%s", dir, areas[a]);
		/* scandir sorts: the gazetteer's bytes do not depend on readdir */
		ne = scandir(path, &ents, NULL, alphasort);
		free(path);
		for (e = 0; e < ne; e++) {
			const char *d = ents[e]->d_name;

			n = strlen(d);
			if (d[0] != '.' && n < sizeof name && d[0] >= 'A' &&
			    d[0] <= 'Z') {
				for (k = 0; k <= n; k++)
					name[k] = d[k] == '_' ? ' ' : d[k];
				gaz_add_name(g, name, n, GAZ_LOC);
			}
			free(ents[e]);
		}
		if (ne >= 0)
			free(ents);
	}
}

static void
prepare(struct tsent *ts, const struct conll_sent *cs, const struct ner_gaz *g)
{
	struct ner_sentence s = { (const char **)cs->words, cs->n };
	struct ner_prep pp;
	uint32_t f[NER_MAXFEAT];
	size_t i, nf, at = 0;
	int prev = 0;

	ts->n = cs->n;
	ts->gold = xcalloc(cs->n + 1, sizeof *ts->gold);
	ts->off = xcalloc(cs->n + 1, sizeof *ts->off);
	ts->feat = xcalloc(cs->n * NER_MAXFEAT + 1, sizeof *ts->feat);
	ner_prep_init(&pp, g, &s);
	for (i = 0; i < cs->n; i++) {
		prev = ts->gold[i] = tag_label(cs->tags[i], prev);
		nf = ner_features(&pp, &s, i, f);
		ts->off[i] = at;
		memcpy(ts->feat + at, f, nf * sizeof *f);
		at += nf;
	}
	ts->off[cs->n] = at;
	ner_prep_release(&pp);
}

static void
decode(const struct tsent *ts, const float *w, const float *trans, int *out)
{
	float *emit = xcalloc(ts->n * NER_NLABELS + 1, sizeof *emit);
	size_t i, k;
	int l;

	for (i = 0; i < ts->n; i++)
		for (k = ts->off[i]; k < ts->off[i + 1]; k++)
			for (l = 0; l < NER_NLABELS; l++)
				emit[i * NER_NLABELS + l] +=
				    w[(size_t)ts->feat[k] * NER_NLABELS + l];
	ner_viterbi(emit, ts->n, trans, out);
	free(emit);
}

static size_t
spans(const int *lab, size_t n, struct extract_scored *out)
{
	size_t i = 0, k = 0, j;
	int kind;

	while (i < n) {
		if (lab[i] == NER_O || lab[i] >= NER_B_MISC) {
			i++;
			continue;
		}
		kind = (lab[i] - 1) / 2;
		for (j = i + 1; j < n && lab[j] == 2 + 2 * kind; j++)
			;
		out[k].start = i;
		out[k].end = j;
		out[k].label = kind;
		out[k].value = NULL;
		k++;
		i = j;
	}
	return k;
}

static double
dev_f1(const struct tsent *dev, size_t ndev, const float *w,
    const float *trans)
{
	struct extract_tally t;
	struct extract_scored *g, *p;
	size_t i, ng, np;
	int *pl;

	memset(&t, 0, sizeof t);
	for (i = 0; i < ndev; i++) {
		pl = xcalloc(dev[i].n + 1, sizeof *pl);
		g = xcalloc(dev[i].n + 1, sizeof *g);
		p = xcalloc(dev[i].n + 1, sizeof *p);
		decode(&dev[i], w, trans, pl);
		ng = spans(dev[i].gold, dev[i].n, g);
		np = spans(pl, dev[i].n, p);
		extract_score_add(&t, g, ng, p, np);
		free(pl);
		free(g);
		free(p);
	}
	return extract_score_exact_f1(&t);
}

static void
update(float *w, double *acc, size_t idx, float d, double c)
{
	w[idx] += d;
	acc[idx] += c * d;
}

static void
average(const float *w, const double *acc, double c, float *out, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		out[i] = (float)(w[i] - acc[i] / c);
}

static void
flatten(const struct conll_doc *docs, size_t nd, const struct ner_gaz *g0,
    const struct ner_gaz *g1, struct tsent **out, size_t *nout)
{
	size_t d, s, n = 0;

	for (d = 0; d < nd; d++)
		n += docs[d].nsent;
	*out = xcalloc(n + 1, sizeof **out);
	*nout = 0;
	for (d = 0; d < nd; d++)
		for (s = 0; s < docs[d].nsent; s++)
			prepare(&(*out)[(*nout)++], &docs[d].sent[s],
			    d % 2 == 0 ? g0 : g1);
}

int
main(int argc, char **argv)
{
	const char *trainp = NULL, *devp = NULL, *isodir = NULL, *outp = NULL;
	const char *zonedir = "/usr/share/zoneinfo";
	char *unlabelled[8];
	size_t nunlabelled = 0;
	struct conll_doc *tdocs, *ddocs;
	size_t ntd, ndd, ntrain, ndev, i, k, e, nw, *order, best_epoch = 0;
	struct tsent *train, *dev;
	struct ner_gaz iso, g_even, g_odd, g_all;
	float *w, *wa, *best, trans[NER_NTRANS], transa[NER_NTRANS];
	float best_trans[NER_NTRANS];
	double *acc, tacc[NER_NTRANS], c = 1, f1, best_f1 = -1;
	uint64_t seed = 20260101;
	int ch, *pred, epochs = MAX_EPOCHS;
	char *p, *cause;

	while ((ch = getopt(argc, argv, "t:d:g:o:e:u:z:")) != -1) {
		switch (ch) {
		case 'u':
			if (nunlabelled < 8)
				unlabelled[nunlabelled++] = optarg;
			break;
		case 'z': zonedir = optarg; break;
		case 't': trainp = optarg; break;
		case 'd': devp = optarg; break;
		case 'g': isodir = optarg; break;
		case 'o': outp = optarg; break;
		case 'e': epochs = atoi(optarg); break;
		default:
			goto usage;
		}
	}
	if (trainp == NULL || devp == NULL || outp == NULL) {
usage:
		fprintf(stderr, "usage: lede-train -t TRAIN -d DEV "
		    "[-g ISO_JSON_DIR] [-z ZONEINFO_DIR] [-u TEXT_DIR]... "
		    "[-e EPOCHS] -o MODEL\n");
		return 2;
	}
	memset(&iso, 0, sizeof iso);
	if (corpus_read_conll(trainp, &tdocs, &ntd) != 0 ||
	    corpus_read_conll(devp, &ddocs, &ndd) != 0) {
		fprintf(stderr, "lede-train: cannot read the corpus\n");
		return 1;
	}
	if (isodir != NULL) {
		p = xasprintf("%s/iso_3166-1.json", isodir);
		gaz_iso(&iso, p);
		free(p);
		p = xasprintf("%s/iso_3166-2.json", isodir);
		gaz_iso(&iso, p);
		free(p);
	}
	gaz_zones(&iso, zonedir);
	gaz_lowercase(&iso, tdocs, ntd, unlabelled, nunlabelled);
	gaz_copy(&g_even, &iso);
	gaz_corpus(&g_even, tdocs, ntd, 1);	/* for even documents */
	gaz_copy(&g_odd, &iso);
	gaz_corpus(&g_odd, tdocs, ntd, 0);
	gaz_copy(&g_all, &iso);
	gaz_corpus(&g_all, tdocs, ntd, -1);
	ner_gaz_finish(&g_even);
	ner_gaz_finish(&g_odd);
	ner_gaz_finish(&g_all);
	fprintf(stderr, "lede-train: gazetteer %zu entries (%zu from "
	    "iso-codes, tzdata and lower-case words)\n", g_all.n, iso.n);
	flatten(tdocs, ntd, &g_even, &g_odd, &train, &ntrain);
	flatten(ddocs, ndd, &g_all, &g_all, &dev, &ndev);
	nw = (size_t)NER_BUCKETS * NER_NLABELS;
	w = xcalloc(nw, sizeof *w);
	wa = xcalloc(nw, sizeof *wa);
	best = xcalloc(nw, sizeof *best);
	acc = xcalloc(nw, sizeof *acc);
	memset(trans, 0, sizeof trans);
	memset(tacc, 0, sizeof tacc);
	order = xcalloc(ntrain, sizeof *order);
	for (i = 0; i < ntrain; i++)
		order[i] = i;
	pred = xcalloc(1024, sizeof *pred);
	for (e = 0; e < (size_t)epochs; e++) {
		/* Fisher-Yates with a fixed-seed 64-bit LCG */
		for (i = ntrain; i > 1; i--) {
			seed = seed * 6364136223846793005ULL +
			    1442695040888963407ULL;
			k = (size_t)((seed >> 33) % i);
			size_t tmp = order[i - 1];
			order[i - 1] = order[k];
			order[k] = tmp;
		}
		for (i = 0; i < ntrain; i++, c++) {
			const struct tsent *ts = &train[order[i]];
			size_t t, f;
			int pg, pp;

			if (ts->n == 0 || ts->n > 1024)
				continue;
			decode(ts, w, trans, pred);
			for (t = 0; t < ts->n; t++) {
				if (pred[t] != ts->gold[t])
					for (f = ts->off[t]; f < ts->off[t + 1];
					    f++) {
						size_t b = (size_t)ts->feat[f] *
						    NER_NLABELS;

						update(w, acc, b + ts->gold[t], 1, c);
						update(w, acc, b + pred[t], -1, c);
					}
				pg = t ? ts->gold[t - 1] : NER_NLABELS;
				pp = t ? pred[t - 1] : NER_NLABELS;
				if (pg != pp || ts->gold[t] != pred[t]) {
					trans[pg * NER_NLABELS + ts->gold[t]] += 1;
					tacc[pg * NER_NLABELS + ts->gold[t]] += c;
					trans[pp * NER_NLABELS + pred[t]] -= 1;
					tacc[pp * NER_NLABELS + pred[t]] -= c;
				}
			}
		}
		average(w, acc, c, wa, nw);
		for (k = 0; k < NER_NTRANS; k++)
			transa[k] = (float)(trans[k] - tacc[k] / c);
		f1 = dev_f1(dev, ndev, wa, transa);
		fprintf(stderr, "lede-train: epoch %zu dev F1 %.4f\n", e + 1, f1);
		if (f1 > best_f1) {
			best_f1 = f1;
			best_epoch = e + 1;
			memcpy(best, wa, nw * sizeof *wa);
			memcpy(best_trans, transa, sizeof transa);
		}
	}
	fprintf(stderr, "lede-train: best epoch %zu, dev F1 %.4f\n", best_epoch,
	    best_f1);
	if (ner_model_save(outp, best, best_trans, &g_all, &cause) != 0) {
		fprintf(stderr, "lede-train: %s\n", cause);
		free(cause);
		return 1;
	}
	return 0;
}
