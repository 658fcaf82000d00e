/*
 * lede-eval: measure src/extract on the shared corpora and print one table.
 *
 *   lede-eval [-s SHARED] [-m MODEL] [-o PART] [-t TAGFILE] [-v]
 *
 * SHARED defaults to $LEDE_SHARED, else ../shared; MODEL to share/ner.model.
 * Exit 77 with a message when the corpora are absent. TIMEX3 is scored
 * TempEval-3 style on tempeval3-train and meantime-apple; entities CoNLL
 * style (exact typed spans, MISC ignored) on eng.testa, wikigold and
 * meantime-apple; speed is extraction alone (extract_run with the model)
 * over the BBC corpus, in MB of text per CPU second.
 */
#include "config.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "corpus.h"
#include "extract/extract.h"
#include "extract/extract_int.h"
#include "extract/score.h"
#include "util/buf.h"
#include "util/xalloc.h"

static int verbose;
static FILE *dump;	/* -t: every CoNLL token as word, gold, predicted */

struct row {
	const char	*what, *corpus;
	double		 a, b, c;	/* relaxed/strict/value or P/R/F1 */
	size_t		 n;
};

static struct row rows[16];
static size_t nrows;

/* Sorted list of files under dir whose names end in suffix (recursive). */
static void
list_files(const char *dir, const char *suffix, char ***out, size_t *n)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	struct stat st;
	char *p;
	size_t sl = strlen(suffix), l;

	if (d == NULL)
		return;
	while ((de = readdir(d)) != NULL) {
		if (de->d_name[0] == '.')
			continue;
		p = xasprintf("%s/%s", dir, de->d_name);
		if (stat(p, &st) == 0 && S_ISDIR(st.st_mode)) {
			list_files(p, suffix, out, n);
			free(p);
			continue;
		}
		l = strlen(de->d_name);
		if (l >= sl && strcmp(de->d_name + l - sl, suffix) == 0) {
			*out = xreallocarray(*out, *n + 1, sizeof **out);
			(*out)[(*n)++] = p;
		} else
			free(p);
	}
	closedir(d);
}

static int
strptrcmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void
sorted_files(const char *dir, const char *suffix, char ***out, size_t *n)
{
	*out = NULL;
	*n = 0;
	list_files(dir, suffix, out, n);
	if (*n > 0)
		qsort(*out, *n, sizeof **out, strptrcmp);
}

static void
free_files(char **v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

static void
timex_doc(const struct corpus_doc *d, struct extract_tally *t)
{
	struct extract_timex *x;
	struct extract_scored *p;
	size_t n, i, g, found;

	n = extract_timexes(d->text, d->len, d->ref, &x);
	/* only the annotated part of the text is scored */
	while (d->scored_end > 0 && n > 0 &&
	    x[n - 1].span.start >= d->scored_end)
		extract_timex_release(&x[--n]);
	p = n ? xcalloc(n, sizeof *p) : NULL;
	for (i = 0; i < n; i++) {
		p[i].start = x[i].span.start;
		p[i].end = x[i].span.end;
		p[i].label = x[i].type;
		p[i].value = x[i].value;
	}
	extract_score_add(t, d->gold, d->ngold, p, n);
	if (verbose) {
		for (g = 0; g < d->ngold; g++) {
			found = 0;
			for (i = 0; i < n; i++)
				if (p[i].start < d->gold[g].end &&
				    d->gold[g].start < p[i].end) {
					found = 1;
					if (d->gold[g].value && strcmp(p[i].value,
					    d->gold[g].value) != 0)
						printf("VAL  [%.*s] gold %s got %s"
						    " (ref %s)\n",
						    (int)(d->gold[g].end -
						    d->gold[g].start),
						    d->text + d->gold[g].start,
						    d->gold[g].value, p[i].value,
						    d->ref);
				}
			if (!found)
				printf("MISS [%.*s] %s\n", (int)(d->gold[g].end -
				    d->gold[g].start), d->text + d->gold[g].start,
				    d->gold[g].value);
		}
		for (i = 0; i < n; i++) {
			found = 0;
			for (g = 0; g < d->ngold; g++)
				if (p[i].start < d->gold[g].end &&
				    d->gold[g].start < p[i].end)
					found = 1;
			if (!found)
				printf("FP   [%s] %s\n", x[i].text, x[i].value);
		}
	}
	for (i = 0; i < n; i++)
		extract_timex_release(&x[i]);
	free(x);
	free(p);
}

static void
add_timex_row(const char *corpus, const struct extract_tally *t)
{
	struct row *r = &rows[nrows++];

	r->what = "timex3";
	r->corpus = corpus;
	r->a = extract_score_relaxed_f1(t);
	r->b = extract_score_strict_f1(t);
	r->c = extract_score_value_f1(t);
	r->n = t->gold;
}

static void
eval_tempeval(const char *shared)
{
	struct extract_tally t;
	struct corpus_doc d;
	char **files, *dir;
	size_t n, i;

	memset(&t, 0, sizeof t);
	dir = xasprintf("%s/corpora/tempeval3-train", shared);
	sorted_files(dir, ".tml", &files, &n);
	for (i = 0; i < n; i++) {
		if (corpus_read_tml(files[i], &d) != 0)
			continue;
		timex_doc(&d, &t);
		corpus_doc_release(&d);
	}
	free_files(files, n);
	free(dir);
	add_timex_row("tempeval3-train", &t);
}

static void
ner_row(const char *corpus, const struct extract_tally *t)
{
	struct row *r = &rows[nrows++];

	r->what = "entities";
	r->corpus = corpus;
	r->a = t->pred ? (double)t->exact / t->pred : 0;
	r->b = t->gold ? (double)t->exact / t->gold : 0;
	r->c = extract_score_exact_f1(t);
	r->n = t->gold;
}

static void
eval_meantime(const char *shared, const struct extract_model *model)
{
	struct extract_tally tt, te;
	struct corpus_doc d;
	struct extract_result *res;
	struct extract_scored *p;
	char **files, *dir;
	size_t n, i, e, k, np;

	memset(&tt, 0, sizeof tt);
	memset(&te, 0, sizeof te);
	dir = xasprintf("%s/corpora/meantime-apple/articles", shared);
	sorted_files(dir, ".xml", &files, &n);
	for (i = 0; i < n; i++) {
		if (corpus_read_meantime(files[i], &d, 0) == 0) {
			timex_doc(&d, &tt);
			corpus_doc_release(&d);
		}
		if (model == NULL || corpus_read_meantime(files[i], &d, 1) != 0)
			continue;
		res = extract_run(model, d.text, d.len, d.ref, "en");
		np = 0;
		for (e = 0; e < res->nentities; e++)
			np += res->entities[e].nmentions;
		p = np ? xcalloc(np, sizeof *p) : NULL;
		np = 0;
		for (e = 0; e < res->nentities; e++)
			for (k = 0; k < res->entities[e].nmentions; k++) {
				if (res->entities[e].mentions[k].start >=
				    d.scored_end)
					continue;
				p[np].start = res->entities[e].mentions[k].start;
				p[np].end = res->entities[e].mentions[k].end;
				p[np].label = res->entities[e].kind;
				np++;
			}
		extract_score_add(&te, d.gold, d.ngold, p, np);
		free(p);
		extract_result_free(res);
		corpus_doc_release(&d);
	}
	free_files(files, n);
	free(dir);
	add_timex_row("meantime-apple", &tt);
	if (model != NULL)
		ner_row("meantime-apple", &te);
}

/* Gold or predicted spans (token offsets) from BIO labels. */
static size_t
spans_from_labels(const int *lab, size_t n, struct extract_scored *out)
{
	size_t i = 0, k = 0, j;
	int kind;

	while (i < n) {
		if (lab[i] == NER_O || lab[i] >= NER_B_MISC) {
			i++;
			continue;
		}
		kind = (lab[i] - 1) / 2;
		j = i + 1;
		while (j < n && lab[j] == 2 + 2 * kind)
			j++;
		out[k].start = i;
		out[k].end = j;
		out[k].label = kind;
		out[k].value = NULL;
		k++;
		i = j;
	}
	return k;
}

/* IOB1/IOB2 tag string to a BIO label. */
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
print_span(const char *what, const struct conll_sent *cs,
    const struct extract_scored *x)
{
	static const char *const kinds[] = { "PER", "ORG", "LOC" };
	size_t k;

	printf("%s %s [", what, kinds[x->label]);
	for (k = x->start; k < x->end; k++)
		printf("%s%s", k > x->start ? " " : "", cs->words[k]);
	printf("]\n");
}

/* Gold spans not predicted exactly (FN) and predictions not in gold (FP). */
static void
print_ner_errors(const struct conll_sent *cs, const struct extract_scored *g,
    size_t ng, const struct extract_scored *p, size_t np)
{
	size_t i, j;

	for (i = 0; i < ng; i++) {
		for (j = 0; j < np; j++)
			if (p[j].start == g[i].start && p[j].end == g[i].end &&
			    p[j].label == g[i].label)
				break;
		if (j == np)
			print_span("FN", cs, &g[i]);
	}
	for (j = 0; j < np; j++) {
		for (i = 0; i < ng; i++)
			if (p[j].start == g[i].start && p[j].end == g[i].end &&
			    p[j].label == g[i].label)
				break;
		if (i == ng)
			print_span("FP", cs, &p[j]);
	}
}

/* One line per token, "word gold predicted" (IOB2), a blank line after
 * the sentence: conlleval's input, for error analysis. */
static void
dump_tags(const struct conll_sent *cs, const int *pl)
{
	static const char *const names[NER_NLABELS] = { "O", "B-PER",
		"I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-MISC",
		"I-MISC" };
	size_t k;
	int gl = 0;

	for (k = 0; k < cs->n; k++) {
		gl = tag_label(cs->tags[k], gl);
		fprintf(dump, "%s %s %s\n", cs->words[k], names[gl],
		    names[pl[k]]);
	}
	fputc('\n', dump);
}

static void
eval_conll(const char *path, const char *corpus,
    const struct extract_model *model)
{
	struct conll_doc *docs;
	struct extract_tally t;
	struct extract_scored *g, *p;
	size_t nd, i, j, k, ng, np;
	int *gl, *pl;

	if (corpus_read_conll(path, &docs, &nd) != 0)
		return;
	memset(&t, 0, sizeof t);
	for (i = 0; i < nd; i++) {
		struct ner_sentence *ss = xcalloc(docs[i].nsent + 1, sizeof *ss);
		int **pls = xcalloc(docs[i].nsent + 1, sizeof *pls);

		for (j = 0; j < docs[i].nsent; j++) {
			ss[j].words = (const char **)docs[i].sent[j].words;
			ss[j].n = docs[i].sent[j].n;
			pls[j] = xcalloc(ss[j].n + 1, sizeof **pls);
		}
		/* the whole document at once, as extract_run() tags */
		extract_ner_doc(model, ss, docs[i].nsent, pls);
		if (dump != NULL)
			fprintf(dump, "-DOCSTART- O O\n\n");
		for (j = 0; j < docs[i].nsent; j++) {
			struct conll_sent *cs = &docs[i].sent[j];

			gl = xcalloc(cs->n + 1, sizeof *gl);
			pl = pls[j];
			g = xcalloc(cs->n + 1, sizeof *g);
			p = xcalloc(cs->n + 1, sizeof *p);
			for (k = 0; k < cs->n; k++)
				gl[k] = tag_label(cs->tags[k], k ? gl[k - 1] : 0);
			ng = spans_from_labels(gl, cs->n, g);
			np = spans_from_labels(pl, cs->n, p);
			extract_score_add(&t, g, ng, p, np);
			if (verbose)
				print_ner_errors(cs, g, ng, p, np);
			if (dump != NULL)
				dump_tags(cs, pl);
			free(gl);
			free(pl);
			free(g);
			free(p);
		}
		free(ss);
		free(pls);
	}
	corpus_conll_free(docs, nd);
	ner_row(corpus, &t);
}

static double
cpu_seconds(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static double
eval_speed(const char *shared, const struct extract_model *model,
    size_t *bytes)
{
	char **files, *dir, **texts;
	size_t n, i, *lens, total = 0, round;
	struct extract_result *r;
	double t0, t1;

	dir = xasprintf("%s/corpora/news/bbc", shared);
	sorted_files(dir, ".txt", &files, &n);
	free(dir);
	if (n == 0)
		return 0;
	texts = xcalloc(n, sizeof *texts);
	lens = xcalloc(n, sizeof *lens);
	for (i = 0; i < n; i++)
		texts[i] = corpus_slurp(files[i], &lens[i]);
	t0 = cpu_seconds();
	for (round = 0; round < 2; round++)
		for (i = 0; i < n; i++) {
			if (texts[i] == NULL)
				continue;
			r = extract_run(model, texts[i], lens[i], "2005-01-01",
			    "en");
			extract_result_free(r);
			total += lens[i];
		}
	t1 = cpu_seconds();
	for (i = 0; i < n; i++)
		free(texts[i]);
	free(texts);
	free(lens);
	free_files(files, n);
	*bytes = total;
	return t1 > t0 ? total / 1e6 / (t1 - t0) : 0;
}

int
main(int argc, char **argv)
{
	const char *shared = getenv("LEDE_SHARED"), *mpath = NULL;
	struct extract_model *model = NULL;
	char *cause = NULL, *p, *only = NULL;
	size_t i, bytes = 0;
	double mbs = 0;
	struct stat st;
	int ch;

	while ((ch = getopt(argc, argv, "s:m:o:t:v")) != -1) {
		switch (ch) {
		case 't':
			if ((dump = fopen(optarg, "w")) == NULL) {
				perror(optarg);
				return 1;
			}
			break;
		case 's': shared = optarg; break;
		case 'm': mpath = optarg; break;
		case 'o': only = optarg; break;
		case 'v': verbose = 1; break;
		default:
			fprintf(stderr, "usage: lede-eval [-s SHARED] [-m MODEL]"
			    " [-o timex|ner|speed|wikigold] [-t TAGFILE] [-v]\n");
			return 2;
		}
	}
	if (shared == NULL || *shared == '\0')
		shared = "../shared";
	p = xasprintf("%s/corpora", shared);
	if (stat(p, &st) != 0) {
		printf("SKIP: %s is absent; evaluation needs the shared "
		    "corpora\n", p);
		free(p);
		return 77;
	}
	free(p);
	if (mpath == NULL)
		mpath = "share/ner.model";
	if ((model = extract_model_load(mpath, &cause)) == NULL) {
		fprintf(stderr, "lede-eval: %s (entities not evaluated)\n",
		    cause);
		free(cause);
	}
	if (only == NULL || strcmp(only, "timex") == 0) {
		eval_tempeval(shared);
	}
	if (only == NULL || strcmp(only, "timex") == 0 ||
	    strcmp(only, "ner") == 0)
		eval_meantime(shared, model);
	if (model != NULL && (only == NULL || strcmp(only, "ner") == 0 ||
	    strcmp(only, "wikigold") == 0)) {
		p = xasprintf("%s/corpora/conll2003/eng.testa", shared);
		if (only == NULL || strcmp(only, "wikigold") != 0)
			eval_conll(p, "conll2003 eng.testa", model);
		free(p);
		p = xasprintf("%s/corpora/wikigold/wikigold.conll.txt", shared);
		eval_conll(p, "wikigold", model);
		free(p);
	}
	if (only == NULL || strcmp(only, "speed") == 0)
		mbs = eval_speed(shared, model, &bytes);

	printf("%-9s %-20s %8s %8s %8s %6s\n", "task", "corpus", "relaxed",
	    "strict", "value", "gold");
	for (i = 0; i < nrows; i++) {
		if (strcmp(rows[i].what, "timex3") != 0)
			continue;
		printf("%-9s %-20s %8.3f %8.3f %8.3f %6zu\n", rows[i].what,
		    rows[i].corpus, rows[i].a, rows[i].b, rows[i].c, rows[i].n);
	}
	printf("%-9s %-20s %8s %8s %8s %6s\n", "", "", "P", "R", "F1", "");
	for (i = 0; i < nrows; i++) {
		if (strcmp(rows[i].what, "timex3") == 0)
			continue;
		printf("%-9s %-20s %8.3f %8.3f %8.3f %6zu\n", rows[i].what,
		    rows[i].corpus, rows[i].a, rows[i].b, rows[i].c, rows[i].n);
	}
	if (bytes > 0)
		printf("%-9s %-20s %8.2f MB/s of text, one core, %s model "
		    "(%.1f MB processed)\n", "speed", "news/bbc", mbs,
		    model ? "with" : "without", bytes / 1e6);
	extract_model_free(model);
	if (dump != NULL && fclose(dump) != 0) {
		perror("lede-eval: tag file");
		return 1;
	}
	return 0;
}
