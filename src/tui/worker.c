/*
 * The search worker (see worker.h). One mutex guards the request and the
 * result; the thread sleeps on a condition variable until a request newer
 * than the one it last finished arrives. Only the newest result is kept.
 */
#include "config.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "tui/worker.h"
#include "util/xalloc.h"

struct worker {
	pthread_t		 thread;
	pthread_mutex_t		 mu;
	pthread_cond_t		 cv;
	struct archive		*ar;
	int			 quit;

	char			*query;		/* the newest request */
	enum archive_order	 order;
	size_t			 limit;
	uint64_t		 want;		/* its number */
	uint64_t		 done;		/* last request finished */

	struct archive_page	 page;		/* result of request done */
	char			*cause;
	int			 ready;
};

static void
store(struct worker *w, uint64_t gen, struct archive_page *page, char *cause)
{
	if (w->ready) {
		archive_page_release(&w->page);
		free(w->cause);
	}
	w->page = *page;
	w->cause = cause;
	w->ready = 1;
	w->done = gen;
}

static void *
run(void *arg)
{
	struct worker *w = arg;
	struct archive_filter f;
	struct archive_page page;
	char *query, *cause;
	uint64_t gen;
	int rc;

	pthread_mutex_lock(&w->mu);
	for (;;) {
		while (!w->quit && w->want == w->done)
			pthread_cond_wait(&w->cv, &w->mu);
		if (w->quit)
			break;
		gen = w->want;
		query = xstrdup(w->query);
		memset(&f, 0, sizeof f);
		f.query = *query != '\0' ? query : NULL;
		f.order = w->order;
		pthread_mutex_unlock(&w->mu);
		cause = NULL;
		rc = archive_list(w->ar, &f, 0, 0, w->limit, 1, &page, &cause);
		free(query);
		pthread_mutex_lock(&w->mu);
		if (rc != 0)
			memset(&page, 0, sizeof page);
		if (gen == w->want)
			store(w, gen, &page, cause);
		else {
			/* Overtaken while running: nobody wants this. */
			archive_page_release(&page);
			free(cause);
			w->done = gen;
		}
	}
	pthread_mutex_unlock(&w->mu);
	return NULL;
}

struct worker *
worker_start(const char *path, char **cause)
{
	struct worker *w = xcalloc(1, sizeof *w);

	if ((w->ar = archive_open(path, ARCHIVE_READONLY, cause)) == NULL) {
		free(w);
		return NULL;
	}
	pthread_mutex_init(&w->mu, NULL);
	pthread_cond_init(&w->cv, NULL);
	if (pthread_create(&w->thread, NULL, run, w) != 0) {
		*cause = xstrdup("cannot start the search thread");
		archive_close(w->ar);
		free(w);
		return NULL;
	}
	return w;
}

void
worker_stop(struct worker *w)
{
	if (w == NULL)
		return;
	pthread_mutex_lock(&w->mu);
	w->quit = 1;
	pthread_cond_signal(&w->cv);
	pthread_mutex_unlock(&w->mu);
	pthread_join(w->thread, NULL);
	if (w->ready) {
		archive_page_release(&w->page);
		free(w->cause);
	}
	free(w->query);
	archive_close(w->ar);
	pthread_mutex_destroy(&w->mu);
	pthread_cond_destroy(&w->cv);
	free(w);
}

uint64_t
worker_submit(struct worker *w, const char *query, enum archive_order order,
    size_t limit)
{
	uint64_t gen;

	pthread_mutex_lock(&w->mu);
	free(w->query);
	w->query = xstrdup(query);
	w->order = order;
	w->limit = limit;
	gen = ++w->want;
	pthread_cond_signal(&w->cv);
	pthread_mutex_unlock(&w->mu);
	return gen;
}

int
worker_take(struct worker *w, uint64_t gen, struct archive_page *page,
    char **cause)
{
	int got = 0;

	pthread_mutex_lock(&w->mu);
	if (w->ready && w->done == gen) {
		*page = w->page;
		*cause = w->cause;
		memset(&w->page, 0, sizeof w->page);
		w->cause = NULL;
		w->ready = 0;
		got = 1;
	}
	pthread_mutex_unlock(&w->mu);
	return got;
}
