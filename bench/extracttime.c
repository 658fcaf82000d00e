/*
 * Extraction alone, for benchmarks and for checking that a faster
 * extractor gives the same answers: every article of the given files
 * (any format lede imports) goes through extract_run() with the model
 * lede would load, and nothing touches an archive.
 *
 * usage: extracttime [-d] [-m MODEL] FILE...
 *
 * Prints "N articles, S s CPU: R/s" on stderr. With -d, also prints every
 * result on stdout in a fixed text form (sentences, entities with their
 * aliases and mentions, temporal expressions), so two builds can be
 * compared with diff or a checksum.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "extract/extract.h"
#include "import/import.h"
#include "util/article.h"
#include "util/paths.h"

struct run {
	const struct extract_model *model;
	int dump;
	size_t n;
	double cpu;
};

static double
cpu_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static void
dump(size_t n, const struct extract_result *r)
{
	size_t i, k;

	printf("article %zu: %zu sentences\n", n, r->nsentences);
	for (i = 0; i < r->nsentences; i++)
		printf("s %zu %zu\n", r->sentences[i].start, r->sentences[i].end);
	for (i = 0; i < r->nentities; i++) {
		const struct extract_entity *e = &r->entities[i];

		printf("e %s %s\n", extract_kind_name(e->kind), e->name);
		for (k = 0; k < e->naliases; k++)
			printf("a %s\n", e->aliases[k]);
		for (k = 0; k < e->nmentions; k++)
			printf("m %zu %zu\n", e->mentions[k].start,
			    e->mentions[k].end);
	}
	for (i = 0; i < r->ntimexes; i++) {
		const struct extract_timex *t = &r->timexes[i];

		printf("t %s %zu %zu %zu %zu %s [%s]\n",
		    extract_ttype_name(t->type), t->span.start, t->span.end,
		    t->sentence.start, t->sentence.end,
		    t->value != NULL ? t->value : "-",
		    t->text != NULL ? t->text : "");
	}
}

static int
on_article(struct article *a, void *arg)
{
	struct run *run = arg;
	struct extract_result *r;
	double t0;

	if (a->body != NULL) {
		t0 = cpu_now();
		r = extract_run(run->model, a->body, strlen(a->body),
		    a->published, a->language);
		run->cpu += cpu_now() - t0;
		if (run->dump)
			dump(run->n, r);
		extract_result_free(r);
	}
	run->n++;
	article_free(a);
	return 0;
}

int
main(int argc, char **argv)
{
	struct run run = { NULL, 0, 0, 0 };
	struct extract_model *model;
	struct import_sink sink = { on_article, NULL, &run, 0 };
	char *path = NULL, *dir, *cause = NULL;
	int c, i;

	while ((c = getopt(argc, argv, "dm:")) != -1)
		switch (c) {
		case 'd':
			run.dump = 1;
			break;
		case 'm':
			path = optarg;
			break;
		default:
			fprintf(stderr, "usage: extracttime [-d] [-m MODEL] FILE...\n");
			return 2;
		}
	if (path == NULL) {
		dir = paths_datadir();
		path = extract_model_path(dir);
		free(dir);
	}
	if ((model = extract_model_load(path, &cause)) == NULL) {
		fprintf(stderr, "extracttime: %s: %s\n", path, cause);
		return 1;
	}
	run.model = model;
	for (i = optind; i < argc; i++)
		if (import_file(argv[i], &sink, &cause) < 0) {
			fprintf(stderr, "extracttime: %s: %s\n", argv[i], cause);
			return 1;
		}
	fprintf(stderr, "%zu articles, %.3f s CPU: %.0f/s\n", run.n, run.cpu,
	    run.cpu > 0 ? run.n / run.cpu : 0);
	extract_model_free(model);
	return 0;
}
