/*
 * Readers for the evaluation corpora in ../shared/corpora: TimeML (.tml,
 * TempEval-3), MEANTIME token XML, and CoNLL column files (CoNLL-2003,
 * wikigold). Each turns a file into plain text or token sentences plus
 * gold spans. The formats are regular, machine-written XML, so a small
 * tag scanner does; this is test code, not a general XML parser.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "corpus.h"
#include "util/buf.h"
#include "util/xalloc.h"

char *
corpus_slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	struct buf b = BUF_INIT;
	char tmp[65536];
	size_t n;

	if (f == NULL)
		return NULL;
	while ((n = fread(tmp, 1, sizeof tmp, f)) > 0)
		buf_add(&b, tmp, n);
	fclose(f);
	*len = b.len;
	return buf_detach(&b);
}

/* Value of attribute name in the tag text [s, e), copied; NULL if absent. */
static char *
attr(const char *s, const char *e, const char *name)
{
	size_t n = strlen(name);
	const char *p, *q;

	for (p = s; p + n + 2 < e; p++) {
		if (memcmp(p, name, n) == 0 && p[n] == '=' && p[n + 1] == '"' &&
		    (p == s || p[-1] == ' ')) {
			p += n + 2;
			q = memchr(p, '"', (size_t)(e - p));
			if (q == NULL)
				return NULL;
			return xstrndup(p, (size_t)(q - p));
		}
	}
	return NULL;
}

static void
add_unescaped(struct buf *b, const char *s, size_t n)
{
	static const struct { const char *ent; char c; } ents[] = {
		{ "&amp;", '&' }, { "&lt;", '<' }, { "&gt;", '>' },
		{ "&quot;", '"' }, { "&apos;", '\'' },
	};
	size_t i, k, l;

	for (i = 0; i < n; i++) {
		if (s[i] == '&') {
			for (k = 0; k < sizeof ents / sizeof ents[0]; k++) {
				l = strlen(ents[k].ent);
				if (i + l <= n && memcmp(s + i, ents[k].ent, l) == 0)
					break;
			}
			if (k < sizeof ents / sizeof ents[0]) {
				buf_addc(b, ents[k].c);
				i += strlen(ents[k].ent) - 1;
				continue;
			}
		}
		buf_addc(b, s[i]);
	}
}

static void
gold_push(struct corpus_doc *d, size_t start, size_t end, int label,
    char *value)
{
	if (d->ngold == d->capgold) {
		d->capgold = d->capgold ? d->capgold * 2 : 32;
		d->gold = xreallocarray(d->gold, d->capgold, sizeof *d->gold);
	}
	d->gold[d->ngold].start = start;
	d->gold[d->ngold].end = end;
	d->gold[d->ngold].label = label;
	d->gold[d->ngold].value = value;
	d->ngold++;
}

static int
timex_type(const char *t)
{
	static const char *const types[] = { "DATE", "TIME", "DURATION", "SET" };
	int i;

	for (i = 0; i < 4; i++)
		if (t != NULL && strcmp(t, types[i]) == 0)
			return i;
	return 0;
}

int
corpus_read_tml(const char *path, struct corpus_doc *d)
{
	size_t len, open_start = 0;
	char *s = corpus_slurp(path, &len), *p, *e, *end, *tag, *v;
	struct buf b = BUF_INIT;
	int in_timex = 0, type = 0;
	char *value = NULL;

	memset(d, 0, sizeof *d);
	if (s == NULL)
		return -1;
	if ((p = strstr(s, "<DCT>")) != NULL && (e = strstr(p, "</DCT>")) &&
	    (tag = strstr(p, "<TIMEX3")) != NULL && tag < e)
		d->ref = attr(tag, strchr(tag, '>'), "value");
	p = strstr(s, "<TEXT>");
	end = strstr(s, "</TEXT>");
	if (p == NULL || end == NULL) {
		free(s);
		return -1;
	}
	p += 6;
	while (p < end) {
		e = memchr(p, '<', (size_t)(end - p));
		if (e == NULL)
			e = end;
		add_unescaped(&b, p, (size_t)(e - p));
		if (e >= end)
			break;
		tag = e;
		e = memchr(tag, '>', (size_t)(end - tag));
		if (e == NULL)
			break;
		if (strncmp(tag, "<TIMEX3", 7) == 0) {
			in_timex = 1;
			open_start = b.len;
			v = attr(tag, e, "type");
			type = timex_type(v);
			free(v);
			value = attr(tag, e, "value");
		} else if (strncmp(tag, "</TIMEX3", 8) == 0 && in_timex) {
			gold_push(d, open_start, b.len, type, value);
			value = NULL;
			in_timex = 0;
		}
		p = e + 1;
	}
	free(value);
	free(s);
	d->len = b.len;
	d->text = buf_detach(&b);
	return 0;
}

static const char *const conll_kinds[] = { "PER", "ORG", "LOC" };

int
corpus_kind(const char *t)
{
	int i;

	for (i = 0; i < 3; i++)
		if (strcmp(t, conll_kinds[i]) == 0)
			return i;
	return -1;
}

/*
 * MEANTIME: tokens joined by spaces, sentences by newlines. Gold: TIMEX3
 * with anchors (with values), and named mentions (NAM, PRE.NAM) of PER,
 * ORG and LOC entities, typed through REFERS_TO.
 */
int
corpus_read_meantime(const char *path, struct corpus_doc *d, int entities)
{
	size_t len, ntok = 0, cap = 0, i, mcap = 0, nm = 0;
	char *s = corpus_slurp(path, &len), *p, *e, *v, *q;
	struct buf b = BUF_INIT;
	long cur_sent = -1, id;
	size_t *tstart = NULL, *tend = NULL;
	struct mention {
		long	 id;
		size_t	 first, last;	/* token ids */
		int	 named;
	} *ms = NULL;
	struct { long id; int kind; } *ents = NULL;
	size_t nent = 0, entcap = 0, *sstart = NULL, nss = 0;
	long *tsent = NULL, maxsent = -1;

	memset(d, 0, sizeof *d);
	if (s == NULL)
		return -1;
	/* tokens */
	for (p = s; (p = strstr(p, "<token ")) != NULL; p = e) {
		char *gt = strchr(p, '>');

		if (gt == NULL)
			break;
		e = strstr(gt, "</token>");
		if (e == NULL)
			break;
		v = attr(p, gt, "sentence");
		if (v != NULL && atol(v) != cur_sent) {
			if (cur_sent >= 0)
				buf_addc(&b, '\n');
			cur_sent = atol(v);
			sstart = xreallocarray(sstart, nss + 1, sizeof *sstart);
			sstart[nss++] = b.len;
		} else if (b.len > 0)
			buf_addc(&b, ' ');
		free(v);
		v = attr(p, gt, "t_id");
		id = v ? atol(v) : 0;
		free(v);
		if ((size_t)id >= cap) {
			size_t ncap = ((size_t)id + 1) * 2;

			tstart = xreallocarray(tstart, ncap, sizeof *tstart);
			tend = xreallocarray(tend, ncap, sizeof *tend);
			tsent = xreallocarray(tsent, ncap, sizeof *tsent);
			memset(tsent + cap, 0, (ncap - cap) * sizeof *tsent);
			memset(tstart + cap, 0, (ncap - cap) * sizeof *tstart);
			memset(tend + cap, 0, (ncap - cap) * sizeof *tend);
			cap = ncap;
		}
		tstart[id] = b.len;
		tsent[id] = (long)nss - 1;
		add_unescaped(&b, gt + 1, (size_t)(e - gt - 1));
		tend[id] = b.len;
		ntok++;
	}
	/* markables */
	for (p = s; (p = strchr(p, '<')) != NULL; p++) {
		char *gt = strchr(p, '>'), *close, *a;
		size_t first = (size_t)-1, last = 0;
		int is_timex = strncmp(p, "<TIMEX3 ", 8) == 0;
		int is_ment = strncmp(p, "<ENTITY_MENTION ", 16) == 0;

		if (gt == NULL)
			break;
		/* MEANTIME annotates only the first sentences of an article */
		if (strncmp(p, "<token_anchor t_id=\"", 20) == 0) {
			id = atol(p + 20);
			if (id >= 0 && (size_t)id < cap && tsent[id] > maxsent)
				maxsent = tsent[id];
		}
		if (strncmp(p, "<ENTITY ", 8) == 0 && entities) {
			v = attr(p, gt, "ent_type");
			q = attr(p, gt, "m_id");
			if (entcap == nent) {
				entcap = entcap ? entcap * 2 : 32;
				ents = xreallocarray(ents, entcap, sizeof *ents);
			}
			ents[nent].id = q ? atol(q) : -1;
			ents[nent].kind = v ? corpus_kind(v) : -1;
			nent++;
			free(v);
			free(q);
		}
		if (strncmp(p, "<REFERS_TO", 10) == 0 && entities) {
			/* sources then one target */
			close = strstr(p, "</REFERS_TO>");
			a = strstr(p, "<target m_id=\"");
			if (close && a && a < close) {
				long tid = atol(a + 14), sid;
				int kind = -1;

				for (i = 0; i < nent; i++)
					if (ents[i].id == tid)
						kind = ents[i].kind;
				for (q = p; (q = strstr(q, "<source m_id=\"")) &&
				    q < close; q++) {
					sid = atol(q + 14);
					for (i = 0; i < nm; i++)
						if (ms[i].id == sid && ms[i].named &&
						    kind >= 0)
							gold_push(d,
							    tstart[ms[i].first],
							    tend[ms[i].last], kind,
							    NULL);
				}
			}
		}
		if ((!is_timex || entities) && (!is_ment || !entities))
			continue;
		if (gt[-1] == '/')
			continue;
		close = strstr(gt, is_timex ? "</TIMEX3>" : "</ENTITY_MENTION>");
		if (close == NULL)
			continue;
		for (a = gt; (a = strstr(a, "t_id=\"")) != NULL && a < close;
		    a++) {
			id = atol(a + 6);
			if (id < 0 || (size_t)id >= cap)
				continue;
			if ((size_t)id < first)
				first = (size_t)id;
			if ((size_t)id > last)
				last = (size_t)id;
		}
		if (first == (size_t)-1)
			continue;
		if (is_timex) {
			v = attr(p, gt, "type");
			gold_push(d, tstart[first], tend[last], timex_type(v),
			    attr(p, gt, "value"));
			q = attr(p, gt, "functionInDocument");
			if (q && strcmp(q, "CREATION_TIME") == 0 && d->ref == NULL)
				d->ref = attr(p, gt, "value");
			free(q);
			free(v);
		} else {
			if (nm == mcap) {
				mcap = mcap ? mcap * 2 : 64;
				ms = xreallocarray(ms, mcap, sizeof *ms);
			}
			v = attr(p, gt, "m_id");
			q = attr(p, gt, "syntactic_type");
			ms[nm].id = v ? atol(v) : -1;
			ms[nm].first = first;
			ms[nm].last = last;
			ms[nm].named = q && (strcmp(q, "NAM") == 0 ||
			    strcmp(q, "PRE.NAM") == 0);
			nm++;
			free(v);
			free(q);
		}
	}
	d->scored_end = maxsent >= 0 && (size_t)maxsent + 1 < nss ?
	    sstart[maxsent + 1] : b.len;
	free(sstart);
	free(tsent);
	free(ms);
	free(ents);
	free(tstart);
	free(tend);
	free(s);
	(void)ntok;
	d->len = b.len;
	d->text = buf_detach(&b);
	return 0;
}

/*
 * CoNLL columns: token first, tag last. Documents split at -DOCSTART-
 * (one document when there is none), sentences at blank lines.
 */
int
corpus_read_conll(const char *path, struct conll_doc **docsp, size_t *ndocs)
{
	size_t len, nd = 0, capd = 0;
	char *s = corpus_slurp(path, &len), *line, *next, *sp, *tag;
	struct conll_doc *docs = NULL, *d = NULL;
	struct conll_sent *cs;

	if (s == NULL)
		return -1;
	for (line = s; line < s + len; line = next) {
		next = strchr(line, '\n');
		if (next == NULL)
			next = s + len;
		*next++ = '\0';
		if (strncmp(line, "-DOCSTART-", 10) == 0 || d == NULL) {
			if (nd == capd) {
				capd = capd ? capd * 2 : 64;
				docs = xreallocarray(docs, capd, sizeof *docs);
			}
			d = &docs[nd++];
			memset(d, 0, sizeof *d);
			if (strncmp(line, "-DOCSTART-", 10) == 0)
				continue;
		}
		if (*line == '\0' || *line == '\r') {
			if (d->nsent > 0 && d->sent[d->nsent - 1].n > 0) {
				/* close the sentence: start a new empty one */
			} else
				continue;
			d->sent = xreallocarray(d->sent, d->nsent + 1,
			    sizeof *d->sent);
			memset(&d->sent[d->nsent++], 0, sizeof *d->sent);
			continue;
		}
		if (d->nsent == 0) {
			d->sent = xcalloc(1, sizeof *d->sent);
			d->nsent = 1;
		}
		cs = &d->sent[d->nsent - 1];
		sp = strchr(line, ' ');
		if (sp == NULL)
			sp = strchr(line, '\t');
		if (sp == NULL)
			continue;
		*sp = '\0';
		tag = strrchr(sp + 1, ' ');
		tag = tag ? tag + 1 : sp + 1;
		if ((tag = strpbrk(tag, "\r")) != NULL)
			*tag = '\0';
		tag = strrchr(sp + 1, ' ');
		tag = tag ? tag + 1 : sp + 1;
		cs->words = xreallocarray(cs->words, cs->n + 1, sizeof *cs->words);
		cs->tags = xreallocarray(cs->tags, cs->n + 1, sizeof *cs->tags);
		cs->words[cs->n] = xstrdup(line);
		cs->tags[cs->n] = xstrdup(tag);
		cs->n++;
	}
	/* drop empty trailing sentences */
	for (size_t i = 0; i < nd; i++)
		while (docs[i].nsent > 0 && docs[i].sent[docs[i].nsent - 1].n == 0)
			docs[i].nsent--;
	free(s);
	*docsp = docs;
	*ndocs = nd;
	return 0;
}

void
corpus_doc_release(struct corpus_doc *d)
{
	size_t i;

	for (i = 0; i < d->ngold; i++)
		free((char *)d->gold[i].value);
	free(d->gold);
	free(d->text);
	free(d->ref);
	memset(d, 0, sizeof *d);
}

void
corpus_conll_free(struct conll_doc *docs, size_t n)
{
	size_t i, j, k;

	for (i = 0; i < n; i++) {
		for (j = 0; j < docs[i].nsent; j++) {
			for (k = 0; k < docs[i].sent[j].n; k++) {
				free(docs[i].sent[j].words[k]);
				free(docs[i].sent[j].tags[k]);
			}
			free(docs[i].sent[j].words);
			free(docs[i].sent[j].tags);
		}
		free(docs[i].sent);
	}
	free(docs);
}
