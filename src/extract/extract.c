/*
 * extract_run(): the whole pipeline for one article. Tokenise once, split
 * sentences, tag temporal expressions, tag names sentence by sentence and
 * merge them into entities. Each call allocates its own scratch space, so
 * one read-only model serves any number of threads.
 *
 * Sentences without a capital letter cannot hold a name and skip the
 * tagger; that is most of the saving on ordinary prose. For Arabic text
 * only sentences are found: the tagger and the timex rules are English.
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

/* Tag one sentence (tokens [first, last)) and append its mentions. */
static void
tag_names(const struct extract_model *model, const char *text,
    const struct extract_tok *tok, size_t n, struct mentions *out)
{
	struct ner_sentence s;
	char *store, *p;
	size_t i, j, total = 0;
	int *lab, kind;

	for (i = 0; i < n; i++)
		if (tok[i].flags & TOK_UPPER)
			break;
	if (i == n)
		return;
	for (i = 0; i < n; i++)
		total += tok[i].end - tok[i].start + 1;
	store = p = xmalloc(total);
	s.words = xcalloc(n, sizeof *s.words);
	s.n = n;
	for (i = 0; i < n; i++) {
		memcpy(p, text + tok[i].start, tok[i].end - tok[i].start);
		s.words[i] = p;
		p += tok[i].end - tok[i].start;
		*p++ = '\0';
	}
	lab = xcalloc(n, sizeof *lab);
	extract_ner_tag(model, &s, lab);
	for (i = 0; i < n;) {
		if (lab[i] == NER_O || lab[i] >= NER_B_MISC) {
			i++;
			continue;
		}
		kind = (lab[i] - 1) / 2;
		for (j = i + 1; j < n && lab[j] == 2 + 2 * kind; j++)
			;
		add_mention(out, (enum extract_kind)kind, tok[i].start,
		    tok[j - 1].end, j - i);
		i = j;
	}
	free(lab);
	free(s.words);
	free(store);
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
	if (english) {
		r->ntimexes = extract_timex_tag(text, &toks, sents, ns,
		    ref_date, &r->timexes);
		if (model != NULL) {
			for (i = 0; i < ns; i++)
				tag_names(model, text, toks.v + sents[i].first,
				    sents[i].last - sents[i].first, &ms);
			extract_propagate(text, &toks, &ms.v, &ms.n, &ms.cap);
			r->nentities = extract_merge(text, len, ms.v, ms.n,
			    &r->entities);
		}
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
