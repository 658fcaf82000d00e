/*
 * The gazetteer and the word-class lexicon that lede-train bakes into the
 * model, from Debian's data and the training text:
 *
 * - places: country and subdivision names (iso-codes JSON) and the city
 *   names in tzdata's zone names;
 * - named individuals of WordNet (wordnet-base): the capitalised lemmas
 *   of noun synsets with an instance hypernym, typed by their
 *   lexicographer file (people, places, groups, works and events; see
 *   wn_kinds);
 * - LEX_LOWER: words mostly written in lower case (see lc_count);
 * - word classes: the WordNet lexicographer file of the commonest sense
 *   of every lower-case single-word noun and verb (wordnet-base), nouns
 *   first, so "village" is noun.group (its first sense) and "band" too.
 *
 * Files are read in a fixed order (directories sorted), so the same
 * inputs give the same model bytes.
 */
#include "config.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "train.h"
#include "util/xalloc.h"

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
	if (words > NER_GAZ_MAXTOK)
		goto out;
	gaz_add(g, s, kind);
	/* "new" and "new york" of "new york city" lead on to it */
	for (p = s + strlen(s); p > s; p--)
		if (*p == ' ') {
			*p = '\0';
			gaz_add(g, s, GAZ_PREFIX);
		}
out:
	free(s);
}

int
train_gaz_iso(struct ner_gaz *g, const char *path, int kind)
{
	static const char *const keys[] = { "\"name\": \"",
		"\"common_name\": \"" };
	size_t len, k;
	char *s = corpus_slurp(path, &len), *p, *q;

	if (s == NULL) {
		fprintf(stderr, "lede-train: %s: not found (no iso-codes "
		    "gazetteer)\n", path);
		return -1;
	}
	for (k = 0; k < 2; k++)
		for (p = s; (p = strstr(p, keys[k])) != NULL; p = q) {
			p += strlen(keys[k]);
			if ((q = strchr(p, '"')) == NULL)
				break;
			gaz_add_name(g, p, (size_t)(q - p), kind);
		}
	free(s);
	return 0;
}


/*
 * Words mostly written in lower case when they are not the first word of
 * a sentence ("Some", "Minister", "Download"), counted over the training
 * text, over unlabelled news text when it is given (-u), and over a word
 * list (-D, Debian's wamerican): a capital on such a word is weak
 * evidence of a name. The word list is a prior: a word it lists in lower
 * case counts as two lower-case sightings ("milepost", "darkness"), one
 * it lists capitalised as three capitalised ones ("Reading", "Harrison"),
 * so the corpora decide where they have seen the word often.
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

/* A word list's entries as prior sightings; possessives are skipped. */
static void
lc_wordlist(struct lctab *t, const char *path)
{
	size_t len, n;
	char *s, *line, *next;

	if ((s = corpus_slurp(path, &len)) == NULL) {
		fprintf(stderr, "lede-train: %s: not found (no word list)\n",
		    path);
		return;
	}
	for (line = s; *line != '\0'; line = next) {
		if ((next = strchr(line, '\n')) != NULL)
			*next++ = '\0';
		else
			next = line + strlen(line);
		n = strlen(line);
		if (strchr(line, '\'') != NULL)
			continue;
		if (line[0] >= 'a' && line[0] <= 'z') {
			lc_count(t, line, n);
			lc_count(t, line, n);
		} else if (line[0] >= 'A' && line[0] <= 'Z') {
			lc_count(t, line, n);
			lc_count(t, line, n);
			lc_count(t, line, n);
		}
	}
	free(s);
}

void
train_lex_lowercase(struct ner_gaz *g, const struct conll_doc *docs,
    size_t nd, char **extra, size_t nextra, const char *words)
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
	if (words != NULL)
		lc_wordlist(&t, words);
	for (i = 0; i < t.n; i++) {
		if (t.v[i].low >= 2 && t.v[i].low >= t.v[i].cap)
			gaz_add(g, t.v[i].w, LEX_LOWER);
		free(t.v[i].w);
	}
	free(t.v);
	free(t.slot);
}

void
train_gaz_zones(struct ner_gaz *g, const char *dir)
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

/*
 * The class of each word of a WordNet index file (index.noun, index.verb):
 * the lexicographer file of its first synset, which the data file holds
 * at the synset's byte offset. Words with anything but lower-case ASCII
 * letters are skipped; a word already classed keeps its class.
 */
static int
lex_index(struct ner_gaz *lex, struct extract_strmap *seen, const char *dir,
    const char *pos)
{
	char *ipath = xasprintf("%s/index.%s", dir, pos);
	char *dpath = xasprintf("%s/data.%s", dir, pos);
	char *idx, *data, *line, *next, *f[256];
	size_t ilen, dlen, off, nsyn, nf;
	int lexfile, ok = 0;

	idx = corpus_slurp(ipath, &ilen);
	data = corpus_slurp(dpath, &dlen);
	if (idx == NULL || data == NULL) {
		fprintf(stderr, "lede-train: %s: not found (no word classes)\n",
		    idx == NULL ? ipath : dpath);
		ok = -1;
		goto out;
	}
	for (line = idx; *line != '\0'; line = next) {
		if ((next = strchr(line, '\n')) != NULL)
			*next++ = '\0';
		else
			next = line + strlen(line);
		if (line[0] == ' ')	/* the licence */
			continue;
		/* lemma pos synset_cnt p_cnt [ptr...] sense_cnt tagsense_cnt
		 * offset...: the last synset_cnt fields, the commonest first */
		for (nf = 0; nf < 256 && (f[nf] = strtok(nf ? NULL : line,
		    " ")) != NULL; nf++)
			;
		if (nf < 4 || strspn(f[0], "abcdefghijklmnopqrstuvwxyz") !=
		    strlen(f[0]))
			continue;
		nsyn = strtoul(f[2], NULL, 10);
		if (nsyn == 0 || nsyn >= nf)
			continue;
		off = strtoul(f[nf - nsyn], NULL, 10);
		if (off + 12 >= dlen || strtoul(data + off, NULL, 10) != off)
			continue;
		lexfile = atoi(data + off + 9);
		if (lexfile <= 0 || lexfile > NER_CLASS_MAX ||
		    extract_strmap_get(seen, f[0]) != EXTRACT_STRMAP_NONE)
			continue;
		extract_strmap_put(seen, f[0], 1);
		gaz_add(lex, f[0], lexfile);
	}
out:
	free(idx);
	free(data);
	free(ipath);
	free(dpath);
	return ok;
}

int
train_lex_wordnet(struct ner_gaz *lex, const char *dir)
{
	struct extract_strmap seen = { 0 };
	int rc;

	rc = lex_index(lex, &seen, dir, "noun");
	if (rc == 0)
		rc = lex_index(lex, &seen, dir, "verb");
	extract_strmap_release(&seen);
	return rc;
}

/*
 * WordNet's named individuals: a noun synset with an instance hypernym
 * ("@i": Gettysburg is an instance of town) names one person, place,
 * group or work, and its lexicographer file says which. Works, events,
 * acts (battles, wars) and eras are MISC, as CoNLL tags them. Other
 * files hold few instances and no kind a name tagger wants.
 */
static const struct wn_kind {
	int	 lexfile;
	int	 kind;
} wn_kinds[] = {
	{ .lexfile = 4,  .kind = GAZ_MISC },	/* noun.act: battles, wars */
	{ .lexfile = 6,  .kind = GAZ_MISC },	/* noun.artifact: buildings, ships */
	{ .lexfile = 10, .kind = GAZ_MISC },	/* noun.communication: works */
	{ .lexfile = 11, .kind = GAZ_MISC },	/* noun.event */
	{ .lexfile = 14, .kind = GAZ_ORG },	/* noun.group */
	{ .lexfile = 15, .kind = GAZ_LOC },	/* noun.location */
	{ .lexfile = 17, .kind = GAZ_LOC },	/* noun.object: rivers, peaks */
	{ .lexfile = 18, .kind = GAZ_PER },	/* noun.person */
	{ .lexfile = 28, .kind = GAZ_MISC },	/* noun.time: eras */
};

static int
wn_kind(int lexfile)
{
	size_t i;

	for (i = 0; i < sizeof wn_kinds / sizeof wn_kinds[0]; i++)
		if (wn_kinds[i].lexfile == lexfile)
			return wn_kinds[i].kind;
	return 0;
}

/*
 * A WordNet lemma as the tokenizer would split it, lower-cased:
 * "Peasant's_Revolt" -> "peasant 's revolt". Returns 0 when it is not
 * capitalised (a common noun) or does not fit out.
 */
static int
wn_phrase(const char *lemma, char *out, size_t size)
{
	size_t k = 0;
	const char *p;

	if (!(lemma[0] >= 'A' && lemma[0] <= 'Z'))
		return 0;
	for (p = lemma; *p != '\0'; p++) {
		if (k + 3 >= size)
			return 0;
		if (*p == '\'' && p[1] == 's' && (p[2] == '_' || p[2] == '\0'))
			out[k++] = ' ';
		out[k++] = *p == '_' ? ' ' : *p;
	}
	out[k] = '\0';
	return 1;
}

/*
 * One line of data.noun: "offset lexfile n w_cnt (lemma lex_id)...
 * p_cnt (symbol offset pos source/target)... | gloss". Adds the
 * capitalised lemmas of an instance synset; returns 1 for a well-formed
 * synset line, 0 for anything else.
 */
static int
wn_synset(struct ner_gaz *g, char *line)
{
	char *f[512], *bar, phrase[128];
	size_t nf, nw, np, i;
	int kind, inst = 0;

	if ((bar = strchr(line, '|')) != NULL)
		*bar = '\0';
	for (nf = 0; nf < 512 && (f[nf] = strtok(nf ? NULL : line,
	    " ")) != NULL; nf++)
		;
	if (nf < 6 || strspn(f[0], "0123456789") != strlen(f[0]) ||
	    strcmp(f[2], "n") != 0)
		return 0;
	nw = strtoul(f[3], NULL, 16);
	if (nw == 0 || 4 + 2 * nw >= nf)
		return 0;
	np = strtoul(f[4 + 2 * nw], NULL, 10);
	if (5 + 2 * nw + 4 * np > nf)
		return 0;
	for (i = 0; i < np; i++)
		inst |= strcmp(f[5 + 2 * nw + 4 * i], "@i") == 0;
	if (!inst || (kind = wn_kind(atoi(f[1]))) == 0)
		return 1;
	for (i = 0; i < nw; i++)
		if (wn_phrase(f[4 + 2 * i], phrase, sizeof phrase))
			gaz_add_name(g, phrase, strlen(phrase), kind);
	return 1;
}

int
train_gaz_wordnet(struct ner_gaz *g, const char *dir)
{
	char *path = xasprintf("%s/data.noun", dir), *s, *line, *next;
	size_t len, synsets = 0, before = g->n;
	int rc = 0;

	if ((s = corpus_slurp(path, &len)) == NULL) {
		fprintf(stderr, "lede-train: %s: not found (no WordNet "
		    "names in the gazetteer)\n", path);
		free(path);
		return -1;
	}
	for (line = s; *line != '\0'; line = next) {
		if ((next = strchr(line, '\n')) != NULL)
			*next++ = '\0';
		else
			next = line + strlen(line);
		if (line[0] != ' ')	/* the licence is indented */
			synsets += (size_t)wn_synset(g, line);
	}
	if (synsets == 0 || g->n == before) {
		fprintf(stderr, "lede-train: %s: no WordNet noun synsets with "
		    "instance names (not WordNet's data.noun?)\n", path);
		rc = -1;
	}
	free(s);
	free(path);
	return rc;
}
