/*
 * The import pipeline (see ingest.h). The worker thread reads files and
 * parses them, handing batches over a bounded queue; extraction threads
 * (one per core) take the batches in turn, find names and dates in them
 * and prepare what the writer would otherwise do (bodies compressed,
 * full-text terms computed; with extraction off they only prepare); the
 * calling thread owns the archive connection, takes each batch once it
 * is extracted, in input order, stores each article and commits every
 * opts->batch articles. Extraction costs more than the writer's
 * work per article, so it must not run on one thread alone: on two cores
 * the extraction threads use whatever the writer leaves. Problems travel
 * through the same queue, so they are reported in input order and only
 * from the calling thread, where the progress bar lives.
 *
 * The archive has one write lock, and the reader's read marks and flags,
 * or another import, need it too. The writer takes it (BEGIN IMMEDIATE)
 * only once the articles of a whole transaction are at hand, so it is
 * held while they are written, never while the worker reads a slow file
 * or a pipe: up to opts->batch articles wait in memory, or
 * WRITER_HOLD_BYTES of text, past which the transaction begins anyway.
 * Once the input has ended the writer writes what arrives as it arrives,
 * so the last transaction waits for the extraction of at most a queue's
 * worth of articles rather than starting after it.
 */
#include "config.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "archive/archive.h"
#include "archive/newsboat.h"
#include "extract/extract.h"
#include "flag/flag.h"
#include "import/import.h"
#include "ingest/ingest.h"
#include "ingest/model.h"
#include "ingest/progress.h"
#include "ingest/queue.h"
#include "ingest/walk.h"
#include "util/article.h"
#include "util/paths.h"
#include "util/priority.h"
#include "util/xalloc.h"

#define HANDOVER_ARTICLES	64	/* articles per queued batch */
/*
 * Batches in the queue, extracted or not. While the writer writes a
 * transaction (1000 articles) it takes none, and with 16 the queue filled
 * with extracted batches and both other threads stopped: 1.4 s of 3.8
 * waiting for work on 10k articles. 48 is 3072 articles, more than the
 * extraction threads do in the time the writer writes 1000.
 */
#define QUEUE_BATCHES		48
#define WRITER_WAIT		600	/* seconds to wait for another writer */
#define WRITER_HOLD_BYTES	(64 * 1024 * 1024)	/* see above */
#define MAX_EXTRACTORS		8	/* extraction threads, at most */

static volatile sig_atomic_t ingest_stop;

static void
on_signal(int sig)
{
	(void)sig;
	ingest_stop = 1;
}

struct worker {
	struct queue			*q;
	const struct walk_list		*files;
	struct batch			*cur;
	const char			*path;
	size_t				 got;	/* articles from the current file */
	size_t				 replaced; /* by the newsboat finisher */
};

static void
worker_flush(struct worker *w, int force)
{
	if (w->cur == NULL || (!force && w->cur->narticles < HANDOVER_ARTICLES &&
	    w->cur->n < 4 * HANDOVER_ARTICLES))
		return;
	if (queue_push(w->q, w->cur, 0) == -1)
		batch_free(w->cur);
	w->cur = NULL;
}

static void
worker_add(struct worker *w, const struct entry *e)
{
	if (w->cur == NULL)
		w->cur = xcalloc(1, sizeof *w->cur);
	batch_add(w->cur, e);
	worker_flush(w, 0);
}

/* counts: whether the problem lost a record (counted as failed) */
static void
worker_problem(struct worker *w, const char *where, const char *msg,
    int counts)
{
	struct entry e = { .kind = ENTRY_PROBLEM, .failed = counts };

	e.where = xstrdup(where != NULL ? where : w->path);
	e.msg = xstrdup(msg);
	worker_add(w, &e);
}

static int
sink_article(struct article *a, void *arg)
{
	struct worker *w = arg;
	struct entry e = { .kind = ENTRY_ARTICLE, .a = a };

	w->got++;
	worker_add(w, &e);
	return ingest_stop || queue_cancelled(w->q);
}

static void
sink_problem(const char *where, const char *message, void *arg)
{
	worker_problem(arg, where, message, 1);
}

static int
newsboat_article(struct article *a, void *arg)
{
	struct worker *w = arg;

	w->replaced += import_newsboat_finish(a);
	return sink_article(a, arg);
}

static int
is_sqlite_file(const char *path)
{
	char head[16];
	FILE *fp;
	size_t n;

	if ((fp = fopen(path, "rb")) == NULL)
		return 0;
	n = fread(head, 1, sizeof head, fp);
	fclose(fp);
	return n == sizeof head && memcmp(head, "SQLite format 3", 16) == 0;
}

static void
worker_file(struct worker *w, const struct walk_file *f)
{
	struct import_sink sink = { sink_article, sink_problem, w, 0 };
	struct entry done = { .kind = ENTRY_FILE_DONE, .bytes = f->size };
	char *cause = NULL;
	int rc;

	w->path = f->path;
	w->got = 0;
	w->replaced = 0;
	if (strcmp(f->path, "-") == 0)
		rc = import_stream(stdin, "<stdin>", &sink, &cause);
	else if (is_sqlite_file(f->path))
		rc = archive_newsboat_read(f->path, newsboat_article, w, &cause);
	else
		rc = import_file(f->path, &sink, &cause);
	if (rc < 0) {
		worker_problem(w, strcmp(f->path, "-") == 0 ? "<stdin>" : f->path,
		    cause != NULL ? cause : "cannot be imported", 0);
		done.failed = 1;
	}
	free(cause);
	done.replaced = sink.replaced + w->replaced;
	worker_add(w, &done);
}

static void *
worker_main(void *arg)
{
	struct worker *w = arg;
	size_t i;

	/* ahead of extraction, behind the writer (util/priority.h) */
	priority_lower(PRIORITY_FEEDER);
	for (i = 0; i < w->files->n; i++) {
		if (ingest_stop || queue_cancelled(w->q))
			break;
		worker_file(w, &w->files->files[i]);
	}
	worker_flush(w, 1);
	queue_close(w->q);
	return NULL;
}

struct extractor {
	struct queue			*q;
	const struct extract_model	*model;
	int				 extract;	/* else only prepares */
	struct archive_terms		*terms;	/* or NULL */
	pthread_t			 tid;
};

/*
 * An extraction thread: names and dates of each batch it claims, then
 * what the writer would otherwise do itself, off its thread: the body
 * compressed and the full-text terms computed. With extraction off the
 * threads still prepare: on the parser thread the terms made it the
 * slowest of the import's two.
 */
static void *
extractor_main(void *arg)
{
	struct extractor *x = arg;
	struct batch *b;
	struct article *a;
	size_t i;

	/*
	 * Five nice levels below the writer were not enough: over 100k
	 * articles the writer spent 6.4 s of 43 runnable but waiting for a
	 * core (schedstat), against 1.1 s at nice 19. The extraction
	 * threads have time to spare, and finish soon after the writer.
	 */
	priority_lower(PRIORITY_EXTRA);
	while ((b = queue_claim(x->q)) != NULL) {
		for (i = 0; i < b->n; i++) {
			a = b->e[i].a;
			if (b->e[i].kind == ENTRY_ARTICLE && x->extract &&
			    a->body != NULL)
				b->e[i].ex = extract_run(x->model, a->body,
				    strlen(a->body), a->published, a->language);
			if (b->e[i].kind != ENTRY_ARTICLE)
				continue;
			archive_body_pack(a);
			if (x->terms != NULL)
				archive_terms_prepare(x->terms, a);
		}
		queue_done(x->q, b);
	}
	return NULL;
}

/* One extraction thread per core online, within [1, MAX_EXTRACTORS]. */
static size_t
extractor_count(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);

	if (n < 1)
		return 1;
	return n > MAX_EXTRACTORS ? MAX_EXTRACTORS : (size_t)n;
}

struct writer {
	struct archive		*ar;
	const struct ingest_opts *opts;
	struct ingest_stats	*stats;
	struct queue		*q;		/* where written batches go */
	struct progress		 prog;
	uint64_t		 bytes;
	size_t			 intx;		/* articles in the open transaction */
	size_t			 stored;
	/* Batches received and not written yet, from entry pend_pos on. */
	struct batch		*pend, *pend_tail;
	size_t			 pend_pos;
	size_t			 pend_articles;	/* articles among them */
	size_t			 pend_bytes;	/* their text, roughly */
};

static void
report(struct writer *wr, const char *where, const char *msg)
{
	if (wr->opts->problem == NULL)
		return;
	if (wr->prog.drawn)
		progress_end(&wr->prog);
	wr->opts->problem(where, msg, wr->opts->arg);
}

static int
writer_commit(struct writer *wr, char **cause)
{
	if (wr->intx == 0)
		return 0;
	wr->intx = 0;
	return archive_commit(wr->ar, cause);
}

/*
 * Start a batch. Another import (or a flag being saved) may hold the
 * archive's one write lock; each attempt waits SQLite's busy timeout, and
 * the import keeps trying for WRITER_WAIT seconds, saying once that it
 * waits, before it gives up.
 */
static int
writer_begin(struct writer *wr, char **cause)
{
	double start = progress_now();
	int told = 0;

	while (archive_begin(wr->ar, cause) != 0) {
		if (!archive_busy(wr->ar) || ingest_stop ||
		    progress_now() - start > WRITER_WAIT)
			return -1;
		if (!told) {
			report(wr, archive_path(wr->ar), "another program is "
			    "writing to the archive; waiting for it");
			told = 1;
		}
		free(*cause);
		*cause = NULL;
	}
	return 0;
}

static int
writer_article(struct writer *wr, struct entry *e, char **cause)
{
	int64_t id;
	int rc;

	if (wr->intx == 0 && writer_begin(wr, cause) != 0)
		return -1;
	wr->intx++;
	rc = archive_put(wr->ar, e->a, e->ex, &id, cause);
	switch (rc) {
	case ARCHIVE_INSERTED:
		wr->stats->inserted++;
		break;
	case ARCHIVE_UPDATED:
		/* the text changed: move its flags to where their quotes are now */
		if (flag_reanchor_article(wr->ar, id, cause) < 0)
			return -1;
		wr->stats->updated++;
		break;
	case ARCHIVE_UNCHANGED:
		wr->stats->unchanged++;
		break;
	default:
		return -1;
	}
	wr->stored++;
	return 0;
}

/* One entry received from the worker, in order. */
static int
writer_entry(struct writer *wr, struct entry *e, char **cause)
{
	size_t limit = wr->opts->batch ? wr->opts->batch : 1000;

	switch (e->kind) {
	case ENTRY_ARTICLE:
		if (writer_article(wr, e, cause) != 0)
			return -1;
		if (wr->intx >= limit && writer_commit(wr, cause) != 0)
			return -1;
		break;
	case ENTRY_PROBLEM:
		if (e->failed)
			wr->stats->failed++;
		report(wr, e->where, e->msg);
		break;
	case ENTRY_FILE_DONE:
		wr->stats->files++;
		wr->stats->replaced += e->replaced;
		if (e->failed)
			wr->stats->failed++;
		wr->bytes += e->bytes;
		break;
	}
	return 0;
}

/*
 * The memory an article waiting to be written holds, roughly: its text,
 * and what the extraction threads added, the packed body and the terms
 * (together about twice the text). The same before and after its put,
 * which leaves the article as it was.
 */
static size_t
entry_size(const struct entry *e)
{
	const struct article *a = e->a;

	if (e->kind != ENTRY_ARTICLE || a == NULL)
		return 0;
	return 256 + (a->body != NULL ? strlen(a->body) : 0) +
	    (a->title != NULL ? strlen(a->title) : 0) +
	    (a->caption != NULL ? strlen(a->caption) : 0) +
	    a->stored_len + a->fts_terms_len;
}

/* Keep a batch from the worker until its transaction can be written. */
static void
writer_take(struct writer *wr, struct batch *b)
{
	size_t i;

	b->next = NULL;
	if (wr->pend_tail != NULL)
		wr->pend_tail->next = b;
	else
		wr->pend = b;
	wr->pend_tail = b;
	wr->pend_articles += b->narticles;
	for (i = 0; i < b->n; i++)
		wr->pend_bytes += entry_size(&b->e[i]);
}

/*
 * Write the entries received, in order, stopping before an article that
 * would begin a transaction the articles at hand cannot fill (unless all:
 * the input has ended), so no transaction stays open while the worker is
 * still reading. Problems and the end of a file are reported at once.
 */
static int
writer_drain(struct writer *wr, int all, char **cause)
{
	size_t limit = wr->opts->batch ? wr->opts->batch : 1000;
	struct batch *b;
	struct entry *e;

	while ((b = wr->pend) != NULL) {
		e = &b->e[wr->pend_pos];
		if (e->kind == ENTRY_ARTICLE && wr->intx == 0 && !all &&
		    wr->pend_articles < limit &&
		    wr->pend_bytes <= WRITER_HOLD_BYTES)
			break;
		if (writer_entry(wr, e, cause) != 0)
			return -1;
		if (e->kind == ENTRY_ARTICLE)
			wr->pend_articles--;
		wr->pend_bytes -= entry_size(e);
		if (++wr->pend_pos == b->n) {
			if ((wr->pend = b->next) == NULL)
				wr->pend_tail = NULL;
			wr->pend_pos = 0;
			queue_discard(wr->q, b);
		}
	}
	progress_update(&wr->prog, wr->bytes, wr->stored, 0);
	return 0;
}

/* Drop what was not written (after a failure). */
static void
writer_forget(struct writer *wr)
{
	struct batch *b;

	while ((b = wr->pend) != NULL) {
		wr->pend = b->next;
		batch_free(b);
	}
	wr->pend_tail = NULL;
	wr->pend_pos = wr->pend_articles = wr->pend_bytes = 0;
}

struct extract_model *
ingest_model_load(void (*problem)(const char *, const char *, void *),
    void *arg)
{
	char *dir = paths_datadir(), *path, *cause = NULL, *msg;
	struct extract_model *m;

	path = extract_model_path(dir);
	m = extract_model_load(path, &cause);
	if (m == NULL && problem != NULL) {
		msg = xasprintf("names will not be extracted: %s",
		    cause != NULL ? cause : "cannot load the model");
		problem(path, msg, arg);
		free(msg);
	}
	free(cause);
	free(path);
	free(dir);
	return m;
}

/*
 * A tokenizer for a thread that prepares articles' full-text terms; NULL
 * when it cannot be had, and the writer tokenizes them at commit.
 */
static struct archive_terms *
ingest_terms(struct archive *ar)
{
	struct archive_terms *t;
	char *cause = NULL;

	t = archive_terms_new(ar, &cause);
	free(cause);
	return t;
}

/* A problem that loses nothing (the model): reported, not counted. */
static void
note_problem(const char *where, const char *msg, void *arg)
{
	report(arg, where, msg);
}

static void
collect_problem(const char *where, const char *msg, void *arg)
{
	struct writer *wr = arg;

	wr->stats->failed++;
	report(wr, where, msg);
}

int
ingest_run(struct archive *ar, char *const *paths, size_t npaths,
    const struct ingest_opts *opts, struct ingest_stats *stats, char **cause)
{
	struct walk_list files = { 0 };
	struct writer wr = { .ar = ar, .opts = opts, .stats = stats };
	struct worker w = { 0 };
	struct extractor x[MAX_EXTRACTORS];
	size_t nx = 0;
	struct queue q;
	struct extract_model *model;
	struct sigaction sa, old_int, old_term;
	pthread_t tid;
	struct batch *b;
	size_t i;
	int rc = 0;

	memset(stats, 0, sizeof *stats);
	/*
	 * A large page cache: entities, mentions and events land all over
	 * their indexes, and with the default 2 MB the writer spent a third
	 * of its time re-reading pages it had just written.
	 */
	if (archive_tune_bulk(ar, cause) != 0)
		return -1;
	for (i = 0; i < npaths; i++)
		walk_add(&files, paths[i], collect_problem, &wr);
	progress_init(&wr.prog, opts->progress ? stderr : NULL, "articles",
	    files.total);
	w.files = &files;
	w.q = &q;
	wr.q = &q;
	queue_init(&q, QUEUE_BATCHES);

	ingest_stop = 0;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigaction(SIGINT, &sa, &old_int);
	sigaction(SIGTERM, &sa, &old_term);

	if (pthread_create(&tid, NULL, worker_main, &w) != 0)
		fatal("cannot start the import thread: %s", strerror(errno));
	/*
	 * The model loads while the worker reads and decodes the first file
	 * (on 10k articles in one file, 0.1 s and 0.3 s that both came before
	 * any extraction); the extraction threads, which need it, start after.
	 */
	model = opts->extract ? ingest_model_load(note_problem, &wr) : NULL;
	for (nx = 0; nx < extractor_count(); nx++) {
		x[nx].q = &q;
		x[nx].model = model;
		x[nx].extract = opts->extract;
		x[nx].terms = ingest_terms(ar);
		if (pthread_create(&x[nx].tid, NULL, extractor_main,
		    &x[nx]) != 0)
			fatal("cannot start an extraction thread: %s",
			    strerror(errno));
	}
	while ((b = queue_pop(&q)) != NULL) {
		if (rc != 0) {
			batch_free(b);
			continue;
		}
		writer_take(&wr, b);
		/*
		 * Once the input has ended, what is left is at most a queue's
		 * worth: written as it comes, the last transaction overlaps
		 * the extraction of its articles instead of following it (an
		 * import of a few hundred articles is nothing but that).
		 */
		if (writer_drain(&wr, queue_closed(&q), cause) != 0) {
			rc = -1;
			queue_cancel(&q);
		}
		if (ingest_stop && rc == 0) {
			stats->interrupted = 1;
			queue_cancel(&q);
		}
	}
	pthread_join(tid, NULL);
	for (i = 0; i < nx; i++) {
		pthread_join(x[i].tid, NULL);
		archive_terms_free(x[i].terms);
	}
	/* the input has ended (or a signal ended it): the last batch */
	if (rc == 0 && (writer_drain(&wr, 1, cause) != 0 ||
	    writer_commit(&wr, cause) != 0))
		rc = -1;
	writer_forget(&wr);
	if (rc != 0 && wr.intx > 0)
		archive_rollback(ar);
	progress_update(&wr.prog, wr.bytes, wr.stored, 1);
	progress_end(&wr.prog);

	sigaction(SIGINT, &old_int, NULL);
	sigaction(SIGTERM, &old_term, NULL);
	queue_release(&q);
	extract_model_free(model);
	walk_release(&files);
	if (rc == 0 && (stats->failed > 0 || stats->interrupted))
		rc = 1;
	return rc;
}
