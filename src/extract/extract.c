/*
 * extract_run(): the whole pipeline for one article. Tokenise once, split
 * sentences, tag temporal expressions, tag names sentence by sentence and
 * merge them into entities. Each call allocates its own scratch space, so
 * one read-only model serves any number of threads.
 *
 * Words more than one word away from a capital cannot be in a name and
 * are not scored; that is most of the saving on ordinary prose. Temporal
 * expressions are read in English and Arabic (timex_ar.c); the name tagger
 * is trained on English, so Arabic text gets no names.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "extract/extract_int.h"
#include "extract/ner.h"
#include "util/xalloc.h"

static const char *const kind_names[] = {
	[EXTRACT_PERSON] = "person",
	[EXTRACT_ORG] = "org",
	[EXTRACT_PLACE] = "place",
};

static const char *const ttype_names[] = {
	[EXTRACT_DATE] = "date",
	[EXTRACT_TIME] = "time",
	[EXTRACT_DURATION] = "duration",
	[EXTRACT_SET] = "set",
};

const char *
extract_kind_name(enum extract_kind k)
{
	if ((unsigned)k >= sizeof kind_names / sizeof kind_names[0])
		return "unknown";
	return kind_names[k];
}

const char *
extract_ttype_name(enum extract_ttype t)
{
	if ((unsigned)t >= sizeof ttype_names / sizeof ttype_names[0])
		return "unknown";
	return ttype_names[t];
}

struct mentions {
	struct extract_mention	*v;
	size_t			 n, cap;
};

static void
add_mention(struct mentions *m, enum extract_kind kind, size_t start,
    size_t end, size_t ntok)
{
	if (m->n == m->cap) {
		m->cap = m->cap ? m->cap * 2 : 32;
		m->v = xreallocarray(m->v, m->cap, sizeof *m->v);
	}
	m->v[m->n].kind = kind;
	m->v[m->n].span.start = start;
	m->v[m->n].span.end = end;
	m->v[m->n].ntok = ntok;
	m->n++;
}

/*
 * Tag the names of the whole text: one ner_sentence per sentence, over a
 * single copy of the token strings, tagged together so that a name found
 * in one sentence is also found where another sentence alone missed it.
 */
static void
tag_names(const struct extract_model *model, const char *text,
    const struct extract_toks *toks, const struct extract_sent *sents,
    size_t ns, struct mentions *out)
{
	struct ner_sentence *s = xcalloc(ns + 1, sizeof *s);
	/* every word is set below: not zeroed first */
	const char **words = xreallocarray(NULL, toks->n + 1, sizeof *words);
	int **lab = xcalloc(ns + 1, sizeof *lab), *labv, kind;
	size_t i, j, x, total = 0;
	char *store, *p;

	for (i = 0; i < toks->n; i++)
		total += toks->v[i].end - toks->v[i].start + 1;
	store = p = xmalloc(total + 1);
	for (i = 0; i < toks->n; i++) {
		memcpy(p, text + toks->v[i].start, toks->v[i].end -
		    toks->v[i].start);
		words[i] = p;
		p += toks->v[i].end - toks->v[i].start;
		*p++ = '\0';
	}
	words[toks->n] = NULL;
	labv = xcalloc(toks->n + 1, sizeof *labv);
	for (x = 0; x < ns; x++) {
		s[x].words = words + sents[x].first;
		s[x].n = sents[x].last - sents[x].first;
		lab[x] = labv + sents[x].first;
	}
	extract_ner_doc(model, s, ns, lab);
	for (i = 0; i < toks->n;) {
		if (labv[i] == NER_O || labv[i] >= NER_B_MISC) {
			i++;
			continue;
		}
		kind = (labv[i] - 1) / 2;
		for (j = i + 1; j < toks->n && labv[j] == 2 + 2 * kind; j++)
			;
		add_mention(out, (enum extract_kind)kind, toks->v[i].start,
		    toks->v[j - 1].end, j - i);
		i = j;
	}
	free(labv);
	free(lab);
	free(store);
	free(words);
	free(s);
}

struct extract_result *
extract_run(const struct extract_model *model, const char *text, size_t len,
    const char *ref_date, const char *lang)
{
	struct extract_result *r = xcalloc(1, sizeof *r);
	struct extract_toks toks = { NULL, 0, 0 };
	struct mentions ms = { NULL, 0, 0 };
	struct extract_sent *sents;
	size_t ns, i;
	int english = lang == NULL || strcmp(lang, "ar") != 0;

	if (text == NULL || len == 0)
		return r;
	extract_tokenize(text, len, &toks);
	ns = extract_split(text, &toks, &sents);
	r->nsentences = ns;
	r->sentences = ns ? xcalloc(ns, sizeof *r->sentences) : NULL;
	for (i = 0; i < ns; i++) {
		r->sentences[i].start = toks.v[sents[i].first].start;
		r->sentences[i].end = toks.v[sents[i].last - 1].end;
	}
	r->ntimexes = extract_timex_tag(text, &toks, sents, ns, ref_date,
	    &r->timexes);
	if (english && model != NULL) {
		tag_names(model, text, &toks, sents, ns, &ms);
		r->nentities = extract_merge(text, len, ms.v, ms.n,
		    &r->entities);
	}
	free(ms.v);
	free(sents);
	extract_toks_release(&toks);
	return r;
}

void
extract_result_free(struct extract_result *r)
{
	size_t i, k;

	if (r == NULL)
		return;
	for (i = 0; i < r->nentities; i++) {
		free(r->entities[i].name);
		for (k = 0; k < r->entities[i].naliases; k++)
			free(r->entities[i].aliases[k]);
		free(r->entities[i].aliases);
		free(r->entities[i].mentions);
	}
	free(r->entities);
	for (i = 0; i < r->ntimexes; i++)
		extract_timex_release(&r->timexes[i]);
	free(r->timexes);
	free(r->sentences);
	free(r);
}
