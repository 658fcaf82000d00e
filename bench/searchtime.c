/*
 * searchtime: search latency on an archive, what the reader does for a
 * query: archive_list() for the first page of 50 rows with snippets, in
 * the default order (newest first) and by relevance, over a fixed mix of
 * queries in classes (rare, mid, common terms, phrases, prefixes,
 * filters). Each query runs R times (after one untimed warm-up run);
 * every timing goes into its class; p50/p99 per class and order.
 * Also prints how many articles each query matches (archive_count, not
 * timed), so the classes can be checked against the archive.
 *
 * usage: searchtime [-r REPEATS] [-v] [-c CLASS] [-n] ARCHIVE [en|ar]
 * (-c: only the queries of that class; -n: only the default order)
 * Output (Markdown rows):
 *   | class | order | queries | matches (min-max) | p50 ms | p99 ms | max ms |
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "archive/archive.h"

struct q {
	const char	*class;
	const char	*query;
	const char	*source;
	const char	*since, *until;
};

/*
 * English: the generator draws sentences from BBC News and Reuters-21578,
 * so these frequencies hold for any archive it makes (in proportion).
 */
static const struct q queries_en[] = {
	{ "rare term", "zimbabwean", NULL, NULL, NULL },
	{ "rare term", "aspirin", NULL, NULL, NULL },
	{ "rare term", "vodafone", NULL, NULL, NULL },
	{ "rare term", "glaxo", NULL, NULL, NULL },
	{ "mid term", "nigeria", NULL, NULL, NULL },
	{ "mid term", "chelsea", NULL, NULL, NULL },
	{ "mid term", "copper", NULL, NULL, NULL },
	{ "mid term", "election", NULL, NULL, NULL },
	{ "common term", "said", NULL, NULL, NULL },
	{ "common term", "year", NULL, NULL, NULL },
	{ "common term", "market", NULL, NULL, NULL },
	{ "common term", "government", NULL, NULL, NULL },
	{ "two terms", "oil prices", NULL, NULL, NULL },
	{ "two terms", "prime minister", NULL, NULL, NULL },
	{ "phrase", "\"prime minister\"", NULL, NULL, NULL },
	{ "phrase", "\"interest rates\"", NULL, NULL, NULL },
	{ "phrase", "\"the company said\"", NULL, NULL, NULL },
	{ "prefix", "gov*", NULL, NULL, NULL },
	{ "prefix", "tra*", NULL, NULL, NULL },
	{ "prefix", "elect*", NULL, NULL, NULL },
	{ "filter", "market", "Valley Tribune", NULL, NULL },
	{ "filter", "said", NULL, "2019-01", "2019-03" },
	{ "filter", "oil source:\"Desert Post\"", NULL, NULL, NULL },
	{ "filter", "bank date:2016-01..2016-06", NULL, NULL, NULL },
	{ "filter", NULL, "Harbour Ledger", NULL, NULL },
	{ NULL, NULL, NULL, NULL, NULL }
};

static const struct q queries_ar[] = {
	{ "rare term", "\xd8\xa7\xd9\x84\xd9\x83\xd9\x88\xd9\x8a\xd8\xaa", NULL, NULL, NULL },	/* الكويت */
	{ "mid term", "\xd8\xa7\xd9\x84\xd8\xaa\xd8\xb9\xd9\x84\xd9\x8a\xd9\x85", NULL, NULL, NULL },	/* التعليم */
	{ "common term", "\xd8\xa7\xd9\x84\xd9\x85\xd9\x85\xd9\x84\xd9\x83\xd8\xa9", NULL, NULL, NULL },	/* المملكة */
	{ "common term", "\xd9\x81\xd9\x8a", NULL, NULL, NULL },	/* في */
	{ "phrase", "\"\xd9\x88\xd8\xb2\xd8\xa7\xd8\xb1\xd8\xa9 \xd8\xa7\xd9\x84\xd8\xb5\xd8\xad\xd8\xa9\"", NULL, NULL, NULL },	/* "وزارة الصحة" */
	{ "prefix", "\xd8\xa7\xd9\x84\xd8\xb3*", NULL, NULL, NULL },	/* الس* */
	{ NULL, NULL, NULL, NULL, NULL }
};

#define MAXT 4096

struct class {
	const char	*name;
	double		 t[2][MAXT];
	size_t		 n[2];
	int		 nq;
	int64_t		 minm, maxm;
};

static double
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int
cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

static double
pct(double *v, size_t n, double p)
{
	return n ? v[(size_t)(p * (n - 1) + 0.5)] : 0;
}

int
main(int argc, char **argv)
{
	const struct q *qs = queries_en, *q;
	struct class cls[16];
	struct archive *ar;
	char *cause = NULL;
	const char *only = NULL;
	int reps = 20, verbose = 0, c, ncls = 0, i, o, norders = 2;

	while ((c = getopt(argc, argv, "c:nr:v")) != -1) {
		if (c == 'r')
			reps = atoi(optarg);
		else if (c == 'v')
			verbose = 1;
		else if (c == 'c')
			only = optarg;
		else if (c == 'n')
			norders = 1;
		else {
			fprintf(stderr, "usage: searchtime [-r N] [-v] [-c CLASS]"
			    " [-n] ARCHIVE [en|ar]\n");
			return 2;
		}
	}
	if (optind >= argc) {
		fprintf(stderr, "usage: searchtime [-r N] [-v] [-c CLASS] [-n]"
		    " ARCHIVE [en|ar]\n");
		return 2;
	}
	if (optind + 1 < argc && strcmp(argv[optind + 1], "ar") == 0)
		qs = queries_ar;
	if ((ar = archive_open(argv[optind], ARCHIVE_READONLY, &cause)) == NULL) {
		fprintf(stderr, "searchtime: %s\n", cause);
		return 1;
	}
	memset(cls, 0, sizeof cls);
	for (q = qs; q->class; q++) {
		struct class *k = NULL;
		struct archive_filter f;
		int64_t m;

		if (only != NULL && strcmp(q->class, only) != 0)
			continue;
		for (i = 0; i < ncls; i++)
			if (strcmp(cls[i].name, q->class) == 0)
				k = &cls[i];
		if (k == NULL) {
			k = &cls[ncls++];
			k->name = q->class;
			k->minm = -1;
		}
		memset(&f, 0, sizeof f);
		f.query = q->query;
		f.source = q->source;
		f.since = q->since;
		f.until = q->until;
		m = archive_count(ar, &f, &cause);
		if (m < 0) {
			fprintf(stderr, "searchtime: %s: %s\n", q->query, cause);
			return 1;
		}
		k->nq++;
		if (k->minm < 0 || m < k->minm)
			k->minm = m;
		if (m > k->maxm)
			k->maxm = m;
		for (o = 0; o < norders; o++) {
			f.order = o == 0 ? ARCHIVE_NEWEST : ARCHIVE_RELEVANCE;
			for (i = -1; i < reps; i++) {
				struct archive_page page;
				double t0 = now_ms(), t;

				if (archive_list(ar, &f, 0, 0, 50, 1, &page,
				    &cause) != 0) {
					fprintf(stderr, "searchtime: %s: %s\n",
					    q->query ? q->query : "(none)", cause);
					return 1;
				}
				t = now_ms() - t0;
				archive_page_release(&page);
				if (i >= 0 && k->n[o] < MAXT)
					k->t[o][k->n[o]++] = t;
				if (verbose && i == 0)
					fprintf(stderr, "%-12s %-6s %-40s %8lld %9.3f ms\n",
					    q->class, o ? "rank" : "newest",
					    q->query ? q->query : "(none)",
					    (long long)m, t);
			}
		}
	}
	printf("| query class | order | queries | matches | p50 ms | p99 ms | max ms |\n");
	printf("|---|---|---|---|---|---|---|\n");
	for (o = 0; o < norders; o++)
		for (i = 0; i < ncls; i++) {
			struct class *k = &cls[i];

			qsort(k->t[o], k->n[o], sizeof(double), cmp);
			printf("| %s | %s | %d | %lld-%lld | %.3f | %.3f | %.3f |\n",
			    k->name, o ? "relevance" : "newest (default)", k->nq,
			    (long long)k->minm, (long long)k->maxm,
			    pct(k->t[o], k->n[o], 0.5), pct(k->t[o], k->n[o], 0.99),
			    k->n[o] ? k->t[o][k->n[o] - 1] : 0);
		}
	for (o = 0; o < norders; o++) {
		static double all[16 * MAXT];
		size_t n = 0;

		for (i = 0; i < ncls; i++) {
			memcpy(all + n, cls[i].t[o], cls[i].n[o] * sizeof(double));
			n += cls[i].n[o];
		}
		qsort(all, n, sizeof(double), cmp);
		printf("| **all** | %s | | | %.3f | %.3f | %.3f |\n",
		    o ? "relevance" : "newest (default)", pct(all, n, 0.5),
		    pct(all, n, 0.99), n ? all[n - 1] : 0);
	}
	archive_close(ar);
	return 0;
}
